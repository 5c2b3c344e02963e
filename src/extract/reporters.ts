/**
 * Reporters: everyone credited in an article's lead marker or credit lines, in the order the
 * text gives them, each name once. The grammar of a credit is in `credits.ts`.
 */
import { DEFAULT_ROLE } from '../data/markers.js';
import type { Reporter, Segment } from '../types.js';
import { AUTHOR_ROLE, isAuthorNote, parseCredit } from './credits.js';

/** Extracts the reporters of one segment: lead byline first where it comes first, then credits. */
export function extractReporters(segment: Segment): Reporter[] {
  const out: Reporter[] = [];
  const seen = new Set<string>();
  const add = (list: readonly Reporter[] | undefined): void => {
    for (const r of list ?? []) {
      if (seen.has(r.name)) continue;
      seen.add(r.name);
      out.push(r);
    }
  };
  const credits = new Set(segment.credits);
  let afterAuthorNote = false;
  for (const block of segment.blocks) {
    if (block.kind === 'lead' && block.marker?.byline) {
      add(parseCredit(block.marker.byline, DEFAULT_ROLE)?.reporters);
    } else if (credits.has(block)) {
      // A name on the line after an author's note (`（作者为……）` / `赵六`) is the author.
      add(afterAuthorNote || !block.credit ? parseCredit(block.paragraph.norm, afterAuthorNote ? AUTHOR_ROLE : DEFAULT_ROLE)?.reporters : block.credit);
      afterAuthorNote = isAuthorNote(block.paragraph.norm);
    }
    add(block.endCredit);
  }
  return out;
}
