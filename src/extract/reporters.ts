/**
 * Reporters: everyone credited in an article's lead marker or credit lines, in the order the
 * text gives them, each name once. The grammar of a credit is in `credits.ts`.
 *
 * Credits are parsed on the normalised text, where a traditional name is simplified (`王曉明` reads
 * `王晓明`); each name is given back as printed, from the same offsets of the paragraph's text.
 */
import { DEFAULT_ROLE } from '../data/markers.js';
import type { Paragraph, Reporter, Segment } from '../types.js';
import { AUTHOR_ROLE, isAuthorNote, parseCredit } from '../grammar/credits.js';

/** Extracts the reporters of one segment: lead byline first where it comes first, then credits. */
export function extractReporters(segment: Segment): Reporter[] {
  const out: Reporter[] = [];
  const seen = new Set<string>();
  const add = (list: readonly Reporter[] | undefined, p: Paragraph, fromEnd = false): void => {
    for (const read of list ?? []) {
      const r = printedReporter(read, p, fromEnd);
      if (seen.has(r.name)) continue;
      seen.add(r.name);
      out.push(r);
    }
  };
  let afterAuthorNote = false;
  for (const { block, role } of segment.blocks) {
    if (block.kind === 'lead') {
      add(block.marker.reporters, block.paragraph);
    } else if (role === 'credit') {
      // A name on the line after an author's note (`（作者为……）` / `赵六`) is the author.
      const credit = block.kind === 'byline' || block.kind === 'photo-credit' ? block.credit : undefined;
      add(afterAuthorNote || !credit ? parseCredit(block.paragraph.norm, afterAuthorNote ? AUTHOR_ROLE : DEFAULT_ROLE)?.reporters : credit, block.paragraph);
      afterAuthorNote = isAuthorNote(block.paragraph.norm);
    }
    if ('endCredit' in block) add(block.endCredit, block.paragraph, true);
  }
  return out;
}

/**
 * The reporter with the name as `p.text` prints it: the name read from `p.norm`, found there (the
 * last time for a closing credit, else the first), is sliced from `p.text` at the same offsets.
 * A name spaced out (`劉　暢`, read `刘畅`) is collected character by character. Unchanged when
 * the paragraph is in simplified script.
 */
function printedReporter(r: Reporter, p: Paragraph, fromEnd: boolean): Reporter {
  const { name } = r;
  const at = fromEnd ? p.norm.lastIndexOf(name) : p.norm.indexOf(name);
  const printed = at >= 0 ? p.text.slice(at, at + name.length) : spacedName(name, p);
  return printed === name || printed === undefined ? r : { ...r, name: printed };
}

function spacedName(name: string, p: Paragraph): string | undefined {
  let out = '';
  let from = p.norm.indexOf(name[0]!);
  if (from < 0) return undefined;
  for (const ch of name) {
    const k = p.norm.indexOf(ch, from);
    if (k < 0) return undefined;
    out += p.text[k];
    from = k + 1;
  }
  return out;
}
