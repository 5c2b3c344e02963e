/**
 * Flat, human-readable renderings of article fields shared by the CSV and text formatters, so a
 * spreadsheet cell and a summary line say the same thing.
 */
import type { Article, Issue } from '../types.js';

/** Joins list items in one CSV cell or summary field. Full-width so it never clashes with half-width text. */
export const LIST_SEPARATOR = '；';

/** Sentence-final punctuation, both widths; `.` is left out because it is also a decimal point. */
const SENTENCE_END = /[。！？!?]/u;

/**
 * The body's first sentence: its first paragraph up to and including the first 。！？, or the whole
 * first paragraph when it has none. Example: `本报讯 (记者王晶)6月1日,……分析会。`.
 */
export function firstSentence(body: string): string {
  const newline = body.indexOf('\n');
  const paragraph = newline < 0 ? body : body.slice(0, newline);
  const end = SENTENCE_END.exec(paragraph);
  return end ? paragraph.slice(0, end.index + 1) : paragraph;
}

/** Each credit as `role name`, joined: `记者 王晶；通讯员 李四`. */
export function joinReporters(article: Article): string {
  return article.reporters.map((r) => `${r.role} ${r.name}`).join(LIST_SEPARATOR);
}

/** The article's size in characters (Unicode code points of the body, line breaks included). */
export function characterCount(article: Article): number {
  let n = 0;
  for (const _ of article.body) n++;
  return n;
}

/** True when the input could not be used at all (a read or decode error). */
export function isUnusable(issue: Issue): boolean {
  return issue.diagnostics.some((d) => d.severity === 'error');
}
