/**
 * One issue from its split inputs, with no I/O: cut each file into pages (page headers, else the
 * file name), put the pages in page order, number the articles across the issue, and link the
 * parts of continued articles. Files keep their own order where page numbers tie or are unknown.
 */
import type { Diagnostic, Home, IssueDate } from '../types.js';
import { linkContinuations } from './link.js';
import { type PageRange, pagesOfFile, rangeAt } from './pages.js';
import type { IssueArticle, IssueLeftover, IssuePage, SourceTexts, SplitInput, WholeIssue } from './types.js';

/** What the caller knows about the issue beyond its inputs. */
export interface AssembleOptions {
  /** The issue's name, e.g. `issues/2021-06-27`; the only file's name by default. */
  source?: string;
  /** The issue date, when the grouping found it (a folder name); else the first file's. */
  issueDate?: IssueDate;
}

/** The sources of a whole issue, kept off the serialised object (see {@link sourcesOf}). */
const SOURCES = new WeakMap<WholeIssue, SourceTexts>();

/** The decoded text of each input of `issue`, by name; undefined for an issue not made here (parsed JSON). */
export function sourcesOf(issue: WholeIssue): SourceTexts | undefined {
  return SOURCES.get(issue);
}

/** Remembers the decoded texts of `issue`'s inputs (for an issue derived from another, e.g. joined). */
export function withSources<T extends WholeIssue>(issue: T, sources: SourceTexts | undefined): T {
  if (sources) SOURCES.set(issue, sources);
  return issue;
}

/** Assembles and links one issue from its inputs (at least one). */
export function assembleIssue(inputs: readonly SplitInput[], options: AssembleOptions = {}): WholeIssue {
  if (inputs.length === 0) throw new Error('assembleIssue: no inputs');
  type Placed = { input: SplitInput; order: number; range: PageRange; ranges: PageRange[] };
  const placed: Placed[] = [];
  inputs.forEach((input, order) => {
    const ranges = pagesOfFile(input.issue, input.text.length);
    for (const range of ranges) placed.push({ input, order, range, ranges });
  });
  // Pages in page order; a page without a number stays after the numbered page before it in its file.
  const keyOf = (p: Placed): number => p.range.page ?? lastNumberBefore(p);
  const lastNumberBefore = (p: Placed): number => {
    const k = p.ranges.indexOf(p.range);
    for (let j = k - 1; j >= 0; j--) if (p.ranges[j]!.page !== undefined) return p.ranges[j]!.page! + 0.5;
    return Number.MAX_SAFE_INTEGER;
  };
  placed.sort((x, y) => keyOf(x) - keyOf(y) || x.order - y.order || x.range.span[0] - y.range.span[0]);

  const articles: IssueArticle[] = [];
  const leftovers: IssueLeftover[] = [];
  const pages: IssuePage[] = [];
  for (const { input, range, ranges } of placed) {
    const file = input.issue.source;
    const inRange = (offset: number): boolean => rangeAt(ranges, offset) === range;
    const page: IssuePage = { file, span: range.span, articles: 0 };
    if (range.page !== undefined) page.page = range.page;
    if (range.pageSource !== undefined) page.pageSource = range.pageSource;
    for (const a of input.issue.articles) {
      if (!inRange(a.span[0])) continue;
      const article: IssueArticle = { ...a, index: articles.length, file };
      if (range.page !== undefined) article.page = range.page;
      articles.push(article);
      page.articles++;
    }
    for (const l of input.issue.leftovers) {
      if (!inRange(l.span[0])) continue;
      const leftover: IssueLeftover = { ...l, file };
      if (range.page !== undefined) leftover.page = range.page;
      leftovers.push(leftover);
    }
    pages.push(page);
  }

  const first = inputs[0]!.issue;
  const linked = linkContinuations(articles);
  const files = [...new Set(pages.map((p) => p.file))];
  const issue: WholeIssue = {
    source: options.source ?? (inputs.length === 1 ? first.source : commonFolder(files)),
    encoding: first.encoding,
    articles: linked.articles,
    leftovers,
    diagnostics: [...diagnosticsInPageOrder(inputs, files), ...unlinkedOf(linked.articles, pages)],
    files,
    pages,
    links: linked.links,
    joined: false,
  };
  const issueDate = options.issueDate ?? inputs.find((i) => i.issue.issueDate)?.issue.issueDate;
  if (issueDate) issue.issueDate = issueDate;
  const home = homeOf(inputs);
  if (home) issue.home = home;
  return withSources(issue, new Map(inputs.map((i) => [i.issue.source, i.text])));
}

/**
 * An info diagnostic for each continuation marker that found no partner, saying whether the page
 * it names is missing from the inputs or holds no matching part (`issue/continuation-not-found`).
 */
function unlinkedOf(articles: readonly IssueArticle[], pages: readonly IssuePage[]): Diagnostic[] {
  const present = new Set(pages.flatMap((p) => (p.page === undefined ? [] : [p.page])));
  const out: Diagnostic[] = [];
  for (const a of articles) {
    const where = a.page === undefined ? 'a page without a number' : `page ${a.page}`;
    if (a.continuedOn !== undefined && !a.continuedOnRef) {
      const why =
        a.page === undefined ? 'this page has no number (no page header, no number in the file name)'
        : present.has(a.continuedOn) ? `page ${a.continuedOn} holds no part continued from ${where}`
        : `page ${a.continuedOn} is not among the inputs`;
      out.push({ severity: 'info', code: 'issue/continuation-not-found', message: `continued on page ${a.continuedOn}, but ${why}`, file: a.file, span: a.span });
    }
    if (a.continuedFrom !== undefined && !a.continuedFromRef) {
      out.push({ severity: 'info', code: 'issue/continuation-not-found', message: `continued from page ${a.continuedFrom}, but ${present.has(a.continuedFrom) ? `no part on page ${a.continuedFrom} continues on ${where}` : `page ${a.continuedFrom} is not among the inputs`}`, file: a.file, span: a.span });
    }
  }
  return out;
}

function diagnosticsInPageOrder(inputs: readonly SplitInput[], files: readonly string[]): Diagnostic[] {
  const byFile = new Map(inputs.map((i) => [i.issue.source, i.issue.diagnostics]));
  return files.flatMap((f) => byFile.get(f) ?? []);
}

/** The home most files agree on (the first file's on a tie). */
function homeOf(inputs: readonly SplitInput[]): Home | undefined {
  const counts = new Map<string, { home: Home; n: number }>();
  for (const { issue } of inputs) {
    if (!issue.home) continue;
    const c = counts.get(issue.home.code);
    if (c) c.n++;
    else counts.set(issue.home.code, { home: issue.home, n: 1 });
  }
  let best: { home: Home; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.home;
}

/** The folder the files share, as written: `issues/2021-06-27/01.txt`, `…/04.txt` → `issues/2021-06-27`. */
function commonFolder(files: readonly string[]): string {
  const dirs = files.map((f) => f.split(/[\\/]/u).slice(0, -1));
  const common: string[] = [];
  for (let k = 0; dirs.every((d) => k < d.length && d[k] === dirs[0]![k]); k++) common.push(dirs[0]![k]!);
  return common.length > 0 ? common.join('/') : '.';
}
