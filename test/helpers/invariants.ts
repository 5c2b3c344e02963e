/**
 * Invariants every split must keep, whatever the input (STYLE.md §8). They are checked on every
 * fixture, both seeds and every generated case of the property tests, so they are written as an
 * oracle independent of the pipeline: line breaks are split here with a regex, not with
 * `splitLines`, and a "blank" line is one with nothing but JS white space (`/\S/` finds nothing).
 *
 *  1. Every non-blank input line is in exactly one article's `lines` range or is a leftover, and
 *     a leftover's `text` and `span` are that line's. One documented exception: a *furniture*
 *     leftover may sit inside an article's range. Segment deliberately keeps an article open
 *     across a page-furniture line (a footer such as `责任编辑：王芳` that PDF order printed between
 *     two columns of one article), so `lines` is the article's bounding range, not a claim on
 *     every line in it. Such a furniture leftover may also be a piece of a line the article shares
 *     (a masthead printed on the lead's line): its `text` is then its `span` of the line. Orphan
 *     leftovers (text that belongs to no article) may not nest.
 *  2. Article line ranges are sorted, 1-based, inside the input, and do not overlap; `index` is
 *     the position in `articles`.
 *  3. Article spans are sorted, do not overlap and lie inside the article's own lines; the
 *     non-white-space characters of the body, the headline, the kicker and each deck line appear,
 *     in order, in `text.slice(...span)` (a subsequence: repair joins pieces but never invents).
 *  4. Leftover line numbers are strictly increasing.
 *
 * `checkInvariants` returns the list of violations (empty when all hold) so a property test can
 * report the first failing input; `expectInvariants` asserts that the list is empty.
 */
import { expect } from 'vitest';
import type { Issue } from '../../src/index.js';

/** One line of the decoded text: 0-based offsets of its content, without the break. */
interface RawLine {
  start: number;
  end: number;
  text: string;
}

/** Splits on CR, LF and CRLF, each one break; a final break does not open another line. */
export function rawLines(text: string): RawLine[] {
  const out: RawLine[] = [];
  const re = /\r\n|\r|\n/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length || out.length === 0) out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

/**
 * True when `needle`'s non-white-space UTF-16 units occur in `hay` in order. Units, not code
 * points, as spans count them (STYLE.md §2): joining a line that ends in a lone high surrogate to
 * one that starts with a lone low surrogate makes a pair that no single line held.
 */
export function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < needle.length; i++) {
    const unit = needle.charCodeAt(i);
    if (isWhiteSpaceUnit(unit)) continue;
    while (j < hay.length && hay.charCodeAt(j) !== unit) j++;
    if (j === hay.length) return false;
    j++;
  }
  return true;
}

/** JS white space (what `/\s/` matches), one UTF-16 unit at a time, without a regex per unit. */
function isWhiteSpaceUnit(u: number): boolean {
  return (u >= 9 && u <= 13) || u === 32 || u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a)
    || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff;
}

/** Every invariant that fails for `issue` split from the decoded `text` (BOM already removed). */
export function checkInvariants(text: string, issue: Issue): string[] {
  const errors: string[] = [];
  const lines = rawLines(text);
  const owner = new Array<string | undefined>(lines.length);
  const claim = (lineNo: number, who: string): void => {
    const k = lineNo - 1;
    if (k < 0 || k >= lines.length) {
      errors.push(`${who} claims line ${lineNo}, outside 1..${lines.length}`);
      return;
    }
    if (owner[k] !== undefined) errors.push(`line ${lineNo} is in both ${owner[k]} and ${who}`);
    else owner[k] = who;
  };

  let prevLast = 0;
  let prevEnd = 0;
  issue.articles.forEach((a, i) => {
    const who = `article ${i}`;
    if (a.index !== i) errors.push(`${who} has index ${a.index}`);
    const { first, last } = a.lines;
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 1 || last < first || last > lines.length) {
      errors.push(`${who} has lines ${first}..${last} (input has ${lines.length})`);
      return;
    }
    if (first <= prevLast) errors.push(`${who} starts at line ${first}, not after line ${prevLast} where the previous one ends`);
    prevLast = last;
    for (let n = first; n <= last; n++) claim(n, who);

    const [s, e] = a.span;
    if (s < prevEnd) errors.push(`${who} span [${s}, ${e}) starts before the previous one ends (${prevEnd})`);
    prevEnd = e;
    if (!(s <= e) || s < lines[first - 1]!.start || e > lines[last - 1]!.end) {
      errors.push(`${who} span [${s}, ${e}) is not inside its lines ${first}..${last} ([${lines[first - 1]!.start}, ${lines[last - 1]!.end}))`);
      return;
    }
    const slice = text.slice(s, e);
    const parts: Array<[string, string]> = [['body', a.body], ['headline', a.headline], ...a.deck.map((d, k): [string, string] => [`deck ${k}`, d])];
    if (a.kicker !== undefined) parts.push(['kicker', a.kicker]);
    for (const [field, value] of parts) {
      if (!isSubsequence(value, slice)) errors.push(`${who} ${field} is not a subsequence of its span: ${JSON.stringify(value.slice(0, 60))}`);
    }
  });

  let prevLine = 0;
  const nested = new Set<number>();
  for (const l of issue.leftovers) {
    const who = `leftover line ${l.line}`;
    if (l.line <= prevLine) errors.push(`${who} is not after leftover line ${prevLine}`);
    prevLine = l.line;
    const k = l.line - 1;
    const inArticle = owner[k]?.startsWith('article ') === true;
    if (!(inArticle && l.reason === 'furniture')) claim(l.line, who);
    else if (nested.has(l.line)) errors.push(`${who} is listed twice`);
    else nested.add(l.line);
    const raw = lines[l.line - 1];
    if (!raw) continue;
    // A furniture piece of a line an article shares (a masthead on the lead's line) is that piece.
    const piece = inArticle && l.reason === 'furniture' && l.span[0] >= raw.start && l.span[1] <= raw.end && (l.span[0] > raw.start || l.span[1] < raw.end);
    if (piece) {
      if (l.text !== raw.text.slice(l.span[0] - raw.start, l.span[1] - raw.start)) errors.push(`${who} text ${JSON.stringify(l.text)} is not its span of the line`);
      continue;
    }
    if (l.text !== raw.text) errors.push(`${who} text ${JSON.stringify(l.text)} is not the line ${JSON.stringify(raw.text)}`);
    if (l.span[0] !== raw.start || l.span[1] !== raw.end) errors.push(`${who} span [${l.span.join(', ')}) is not the line's [${raw.start}, ${raw.end})`);
  }

  lines.forEach((l, k) => {
    if (owner[k] === undefined && /\S/u.test(l.text)) errors.push(`line ${k + 1} ${JSON.stringify(l.text.slice(0, 40))} is in no article and not a leftover`);
  });
  return errors;
}

/** Asserts every invariant; the failure message lists each violation. */
export function expectInvariants(text: string, issue: Issue): void {
  expect(checkInvariants(text, issue)).toEqual([]);
}
