/**
 * NDJSON: one article a line, each carrying its input's `source` and `issueDate`, so a line can
 * be read without the lines around it (`paper-split -f ndjson issues/ | jq -c 'select(.date)'`).
 */
import type { Article, Issue, IssueDate } from '../types.js';

/** One NDJSON line: the article plus the issue fields needed to read it alone. See schema/article-record.schema.json. */
export type ArticleRecord = {
  /** The input's name as given, e.g. `issues/2021-06-27.txt`, or `<stdin>`. */
  source: string;
  /** The issue date and where it came from; null when unknown. */
  issueDate: IssueDate | null;
} & Article;

/** The record of one article of `issue`. */
export function articleRecord(issue: Issue, article: Article): ArticleRecord {
  return { source: issue.source, issueDate: issue.issueDate ?? null, ...article };
}

/**
 * The lines of `issue`, one per article, each ending in `\n`. An issue without articles yields
 * nothing. `articles` may be built as they are read (pipeline.ts, `splitBytesLazily`): each line
 * is made as its article comes.
 */
export function* formatNdjson(issue: Issue, articles: Iterable<Article> = issue.articles): Generator<string> {
  for (const article of articles) yield JSON.stringify(articleRecord(issue, article)) + '\n';
}
