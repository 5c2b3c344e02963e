/**
 * The data model of a whole issue: the pages of one day's paper, read from one or more input
 * files, with the parts of continued articles linked (and, on request, joined).
 *
 * A `WholeIssue` is an `Issue` (every formatter takes it) whose articles and leftovers also say
 * which file and page they come from. Spans stay offsets into their own file's decoded text.
 */
import type { Article, Issue, Leftover, Span } from '../types.js';

/** Where a linked part sits: its page as printed and its 0-based index in `WholeIssue.articles`. Example: `{ page: 4, index: 7 }`. */
export interface ArticleRef {
  /** The page as printed (`第4版` → 4). */
  page: number;
  /** 0-based index in `WholeIssue.articles`. */
  index: number;
}

/** One part of a joined article: a stretch of one file. */
export interface ArticlePart {
  /** The input's name, e.g. `2021-06-27/04.txt`. */
  file: string;
  /** The page as printed; absent when unknown. */
  page?: number;
  /** First and last input line of the part, 1-based, inclusive. */
  lines: { first: number; last: number };
  /** The part's span in its file's decoded text. */
  span: Span;
}

/**
 * An article of a whole issue. `index` is its 0-based position in the issue (all pages, in page
 * order); `continuedOn`/`continuedFrom` keep their meaning (the page the marker names).
 */
export interface IssueArticle extends Article {
  /** The input it was read from (the first part's, when joined). */
  file: string;
  /** The page it stands on as printed; absent when neither a page header nor the file name gives one. */
  page?: number;
  /** On a part ending `（下转第4版）`: the part that carries on, found on that page. */
  continuedOnRef?: ArticleRef;
  /** On a part opening `（上接第1版）`: the part it carries on from. */
  continuedFromRef?: ArticleRef;
  /** Set on a joined article (`--join-continuations`): each part in reading order, with its file. */
  parts?: ArticlePart[];
}

/** A leftover line of a whole issue, with its file and page. */
export interface IssueLeftover extends Leftover {
  file: string;
  page?: number;
}

/** Where a page's number came from: a page header line (`要闻　第4版`) or the file name (`04.txt`). */
export type PageSource = 'header' | 'file-name';

/** One page of the issue: a whole file, or the stretch of a file under one page header. */
export interface IssuePage {
  /** The page as printed; absent when unknown. */
  page?: number;
  pageSource?: PageSource;
  /** The input holding it. */
  file: string;
  /** The page's stretch of its file's decoded text. */
  span: Span;
  /** How many articles stand on it (parts of continued articles count where they are printed). */
  articles: number;
}

/** How a `下转` part found its `上接` part. */
export type LinkMatch =
  /** The only part on that page continued from this page. */
  | 'page'
  /** Among several, the one with the same headline. */
  | 'headline'
  /** Among several, the one whose headline shares the first words of this one's. */
  | 'first-words'
  /** Among several without a telling headline, the next in page order. */
  | 'order';

/** A continuation found between two parts, by index into `WholeIssue.articles` before any join. */
export interface ContinuationLink {
  /** The part ending `（下转第N版）`. */
  from: ArticleRef;
  /** The part opening `（上接第M版）` on page N. */
  to: ArticleRef;
  match: LinkMatch;
}

/**
 * One issue of a paper, assembled from its pages. `source` names the issue (the file, or the
 * folder for several files); `encoding` is the first file's. `links` index the articles as they
 * were before joining; after `--join-continuations` the joined articles carry `parts` instead of refs.
 */
export interface WholeIssue extends Issue {
  articles: IssueArticle[];
  leftovers: IssueLeftover[];
  /** The input names, in page order. */
  files: string[];
  /** The pages, in page order. */
  pages: IssuePage[];
  links: ContinuationLink[];
  /** True when continued parts were joined into one article each. */
  joined: boolean;
}

/** One input, split: its issue and the decoded text its spans point into. */
export interface SplitInput {
  issue: Issue;
  text: string;
}

/** The decoded text of each input, by name: what the review page shows. Not serialised. */
export type SourceTexts = ReadonlyMap<string, string>;
