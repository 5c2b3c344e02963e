/**
 * Recognises web chrome and site residue (`src/data/chrome.ts`): navigation lines, page lists,
 * toolbars, copyright lines, calendar rows. A pure test on one normalised line.
 */
import { CHROME_GATES, hintsOf, opens } from './hints.js';
import { CALENDAR_ROW, CHROME_FILLER, CHROME_LINE_PATTERNS, CHROME_STRONG_FILLER, CHROME_WORDS, MAX_CHROME_LINE, METADATA_LABELS } from '../data/chrome.js';

const WORDS_LONGEST_FIRST = new RegExp(
  [...CHROME_WORDS].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'),
  'gu',
);

const STRONG_HINT = new RegExp(`${WORDS_LONGEST_FIRST.source}|版|期|星期`, 'u');

/** Indexes in CHROME_LINE_PATTERNS of residue written as sentences: a site's notice, its welcome. */
const SENTENCE_PATTERNS: ReadonlySet<number> = new Set([2, 3]);

/** True when the line holds clause punctuation or ends a sentence: text, not residue. */
function hasSentence(norm: string): boolean {
  return /[，；。！？]/u.test(norm);
}

/** The longest page name left on a navigation line (`兴达路·综合`). */
const MAX_PAGE_NAME = 12;

/**
 * True when the normalised line is web chrome or site residue, never article text. `hints` are the
 * line's ({@link hintsOf}): a pattern is tried only on a line that holds what it needs.
 */
export function isWebChrome(norm: string, hints: number = hintsOf(norm)): boolean {
  if (norm.length === 0 || norm.length > MAX_CHROME_LINE) return false;
  if (CALENDAR_ROW.test(norm)) return true;
  // Site residue carries no sentence (`可拨打新闻热线12345反映。` is text), except a site's notice
  // and welcome (`本网站所刊登的……请勿转载。`, `您好！欢迎来到我们的网站！`).
  const sentence = hasSentence(norm);
  for (let k = 0; k < CHROME_LINE_PATTERNS.length; k++) {
    if ((!sentence || SENTENCE_PATTERNS.has(k)) && opens(hints, CHROME_GATES[k]!) && CHROME_LINE_PATTERNS[k]!.pattern.test(norm)) return true;
  }
  if (isMetadataLine(norm)) return true;
  // Navigation has no commas; and without a navigation word, a page reference, an issue number or
  // a weekday, nothing below can hold.
  if (norm.includes('，') || norm.includes('；') || !STRONG_HINT.test(norm)) return false;
  // Replacements by a string, not a function, which is the slow path of `replace`: the pieces
  // between the words are joined, and a strong filler found is one that changed the line (none
  // matches a lone space).
  const pieces = norm.split(WORDS_LONGEST_FIRST);
  const words = pieces.length - 1;
  let rest = pieces.join(' ');
  let strong = words > 0;
  // The allowance for a page's name of several words needs a page reference or a separator.
  const pageOrSeparator = /[|>]|版/u.test(norm);
  for (const [k, re] of CHROME_FILLER.entries()) {
    const next = rest.replace(re, ' ');
    if (next !== rest && CHROME_STRONG_FILLER.has(k)) strong = true;
    rest = next;
  }
  const left = rest.replace(/\s+/gu, '').length;
  // A page's name may be several words (`第U04版：社区报 兴达路·综合 | 上一版3 4下一版`): with two
  // navigation words on the line, a short name is left over.
  return strong && (left === 0 || (words >= 2 && pageOrSeparator && left <= MAX_PAGE_NAME));
}

const METADATA_LABEL = new RegExp(`(?:${[...METADATA_LABELS].sort((a, b) => b.length - a.length).join('|')})\\s*：`, 'gu');
/** The longest value after a metadata label (`来源：柚都平和`, `时间：2022-05-30`). */
const MAX_METADATA_VALUE = 20;

/** Two or more `label：value` pairs of a web article's metadata and nothing else. */
function isMetadataLine(norm: string): boolean {
  if (!norm.includes('：')) return false;
  // The pieces between the labels, as for the navigation words above.
  const pieces = norm.split(METADATA_LABEL);
  const pairs = pieces.length - 1;
  if (pairs < 2) return false;
  const rest = pieces.join(' ');
  // What is left are the values, at most one a label and none long.
  const values = rest.split(/\s+/u).filter((v) => v.length > 0);
  return values.length <= pairs && values.every((v) => v.length <= MAX_METADATA_VALUE);
}
