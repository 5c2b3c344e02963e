/**
 * Page numbers: from the page headers a file prints (`要闻　第4版`, `第A05版:要闻`, `04版：综合`),
 * which are furniture leftovers, else from the file name (`04.txt`, `page-4.txt`, `A04.txt`).
 * A file whose headers name several pages is cut into one page per header.
 */
import { parseNumeral, toAsciiDigits } from '../data/numerals.js';
import type { Issue, Span } from '../types.js';
import type { PageSource } from './types.js';

/** A page number in a page header: `第4版`, `第四版`, `第A05版`, `04版`. Section letters are dropped. */
const HEADER_PAGE = /(?:^|[\s　：:|])第?\s*[A-DＡ-Ｄ]?(?<page>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版(?![面式])/u;

/** A page number at the end of a file name, after any date: `04`, `page-4`, `A04`, `2021-06-27_03`. */
const NAME_PAGE = /(?:^|[-_.\s])(?:page|p|[A-D])?[-_]?(?<page>[0-9]{1,3})$/iu;

/** A date in a file name, removed before looking for a page number. */
const NAME_DATE = /(?:19|20)[0-9]{2}(?:[-_.]?[0-9]{2}){2}|(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日/gu;

/** Where a page begins inside a file. */
export interface PageStart {
  /** 0-based offset of the header line. */
  offset: number;
  page: number;
}

/** The page number a header line names, or undefined. Example: `综合新闻　第4版` → 4. */
export function pageOfHeader(text: string): number | undefined {
  const m = HEADER_PAGE.exec(text.trim());
  if (!m) return undefined;
  const page = parseNumeral(toAsciiDigits(m.groups!['page']!));
  return page !== undefined && page > 0 ? page : undefined;
}

/** The page number in a file name, or undefined. Example: `2021-06-27/04.txt` → 4; `2021-06-27.txt` → undefined. */
export function pageOfName(name: string): number | undefined {
  const base = name.replace(/^.*[\\/]/u, '').replace(/\.[^.]*$/u, '').replace(NAME_DATE, '');
  const m = NAME_PAGE.exec(base);
  if (!m) return undefined;
  const page = Number(m.groups!['page']);
  return page > 0 ? page : undefined;
}

/** Each change of page inside a file, from its furniture leftovers, in file order. */
export function pageStarts(issue: Issue): PageStart[] {
  const starts: PageStart[] = [];
  for (const l of issue.leftovers) {
    if (l.reason !== 'furniture') continue;
    const page = pageOfHeader(l.text);
    if (page === undefined || starts[starts.length - 1]?.page === page) continue;
    starts.push({ offset: l.span[0], page });
  }
  return starts;
}

/** A stretch of a file that is one page. */
export interface PageRange {
  page?: number;
  pageSource?: PageSource;
  span: Span;
}

/**
 * The pages of one file, in file order. Text above the first header belongs to that header's
 * page (a paper's name line may stand above it); without headers the file is one page, numbered
 * by its name when the name has a number.
 */
export function pagesOfFile(issue: Issue, textLength: number): PageRange[] {
  const starts = pageStarts(issue);
  if (starts.length === 0) {
    const page = pageOfName(issue.source);
    return [page === undefined ? { span: [0, textLength] } : { page, pageSource: 'file-name', span: [0, textLength] }];
  }
  return starts.map((s, k) => ({
    page: s.page,
    pageSource: 'header',
    span: [k === 0 ? 0 : s.offset, k + 1 < starts.length ? starts[k + 1]!.offset : textLength],
  }));
}

/** The range holding `offset` (ranges are sorted and cover the file). */
export function rangeAt(ranges: readonly PageRange[], offset: number): PageRange {
  let found = ranges[0]!;
  for (const r of ranges) {
    if (r.span[0] <= offset) found = r;
    else break;
  }
  return found;
}
