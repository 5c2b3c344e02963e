/**
 * Joining linked parts (`--join-continuations`): each chain of parts (page 1 → page 4 → …) becomes
 * one article at the place of its first part. Its body is the parts' bodies in order with the
 * continuation markers taken out; where the first part stops mid-sentence (no sentence-final
 * punctuation before `（下转第4版）`) the sentence runs on without a line break, as a column break
 * is repaired. `parts` lists each part with its file, lines and span.
 */
import { PUNCT_TO_FULL, SENTENCE_FINAL } from '../data/markers.js';
import type { DateMention, Location, Reporter } from '../types.js';
import type { ArticlePart, ArticleRef, IssueArticle, WholeIssue } from './types.js';

const PAGE = String.raw`第?\s*[A-DＡ-Ｄ]?[0-9０-９一二三四五六七八九十]{1,3}\s*版`;
/** `（下转第4版）` closing a body, either width of parentheses. */
const CLOSING_MARKER = new RegExp(String.raw`\s*[（(]\s*(?:下转|转)\s*${PAGE}[^）)]{0,10}[）)]\s*$`, 'u');
/** `（上接第1版）` opening a body. */
const OPENING_MARKER = new RegExp(String.raw`^\s*[（(]\s*(?:上接|接)\s*${PAGE}[^）)]{0,10}[）)]\s*`, 'u');

/** The issue with every linked chain joined into one article; articles are numbered again in order. */
export function joinContinuations(issue: WholeIssue): WholeIssue {
  const byIndex = new Map(issue.articles.map((a) => [a.index, a]));
  const articles: IssueArticle[] = [];
  for (const a of issue.articles) {
    if (a.continuedFromRef) continue;
    if (!a.continuedOnRef) {
      articles.push({ ...a, index: articles.length });
      continue;
    }
    const chain = [a];
    const seen = new Set([a.index]);
    for (let next: ArticleRef | undefined = a.continuedOnRef; next && !seen.has(next.index); next = byIndex.get(next.index)?.continuedOnRef) {
      const part = byIndex.get(next.index)!;
      chain.push(part);
      seen.add(part.index);
    }
    articles.push(joinParts(chain, articles.length));
  }
  return { ...issue, articles, joined: true };
}

/** One article from the parts of a chain, in reading order. */
export function joinParts(chain: readonly IssueArticle[], index: number): IssueArticle {
  const head = chain[0]!;
  const tail = chain[chain.length - 1]!;
  const titled = head.headline !== '' ? head : (chain.find((p) => p.headline !== '') ?? head);
  let body = '';
  const dates: DateMention[] = [];
  for (const part of chain) {
    const opening = part === head ? 0 : (OPENING_MARKER.exec(part.body)?.[0].length ?? 0);
    const closing = part === tail ? part.body.length : part.body.length - (CLOSING_MARKER.exec(part.body)?.[0].length ?? 0);
    const kept = part.body.slice(opening, closing);
    if (body.length > 0 && kept.length > 0) body += endsSentence(body) ? '\n' : '';
    const shift = body.length - opening;
    for (const d of part.dates) {
      if (d.span[0] >= opening && d.span[1] <= closing) dates.push({ ...d, span: [d.span[0] + shift, d.span[1] + shift] });
    }
    body += kept;
  }

  const joined: IssueArticle = {
    index,
    kind: head.kind,
    headline: titled.headline,
    deck: titled.deck,
    subheadings: chain.flatMap((p) => p.subheadings),
    body,
    reporters: mergeReporters(chain.flatMap((p) => p.reporters)),
    date: chain.find((p) => p.date !== null)?.date ?? null,
    dates,
    locations: mergeLocations(chain.flatMap((p) => p.locations)),
    lines: head.lines,
    span: head.span,
    file: head.file,
    parts: chain.map(partOf),
  };
  if (titled.kicker !== undefined) joined.kicker = titled.kicker;
  if (head.marker !== undefined) joined.marker = head.marker;
  if (head.dateline !== undefined) joined.dateline = head.dateline;
  if (head.page !== undefined) joined.page = head.page;
  // Markers that found no partner stay: the head's `上接` and the tail's `下转` point outside the chain.
  if (head.continuedFrom !== undefined) joined.continuedFrom = head.continuedFrom;
  if (tail.continuedOn !== undefined && !tail.continuedOnRef) joined.continuedOn = tail.continuedOn;
  return joined;
}

function partOf(a: IssueArticle): ArticlePart {
  const part: ArticlePart = { file: a.file, lines: a.lines, span: a.span };
  if (a.page !== undefined) part.page = a.page;
  return part;
}

/** True when the text ends a sentence (either punctuation width): the next part starts a paragraph. */
function endsSentence(text: string): boolean {
  const last = text[text.length - 1]!;
  return SENTENCE_FINAL.includes(PUNCT_TO_FULL[last] ?? last);
}

function mergeReporters(reporters: readonly Reporter[]): Reporter[] {
  const seen = new Set<string>();
  return reporters.filter((r) => {
    const key = `${r.role}\u0000${r.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function mergeLocations(locations: readonly Location[]): Location[] {
  const byCode = new Map<string, Location>();
  for (const l of locations) {
    const seen = byCode.get(l.code);
    if (!seen) {
      byCode.set(l.code, { ...l, mentions: [...l.mentions] });
      continue;
    }
    for (const m of l.mentions) if (!seen.mentions.includes(m)) seen.mentions.push(m);
    if (seen.weak && !l.weak) delete seen.weak;
  }
  return [...byCode.values()];
}
