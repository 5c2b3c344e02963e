/**
 * CSV: one article a row, for spreadsheets. Written by csv-stringify (RFC 4180 quoting) with
 * `escape_formulas`, so a cell starting with = + - @ (either width) is prefixed with `'` and
 * never runs as a formula in Excel. Lists inside a cell are joined with `；`.
 */
import { stringify } from 'csv-stringify/sync';
import type { Article, Issue } from '../types.js';
import { characterCount, firstSentence, joinReporters, LIST_SEPARATOR } from './fields.js';

/** The columns, in order. `index` is 0-based as in JSON; `lines` is `first-last`, 1-based. */
export const CSV_COLUMNS = [
  'file',
  'index',
  'headline',
  'kicker',
  'deck',
  'kind',
  'date',
  'reporters',
  'places',
  'place_codes',
  'characters',
  'first_sentence',
  'lines',
] as const;

/** The byte-order mark Excel needs to read UTF-8. */
export const CSV_BOM = '\ufeff';

const STRINGIFY_OPTIONS = { escape_formulas: true } as const;

/** The header row, ending in `\n`. */
export function formatCsvHeader(): string {
  return stringify([[...CSV_COLUMNS]], STRINGIFY_OPTIONS);
}

/** The cells of one article's row, in `CSV_COLUMNS` order, before CSV quoting. */
export function csvCells(issue: Issue, article: Article): string[] {
  return [
    issue.source,
    String(article.index),
    article.headline,
    article.kicker ?? '',
    article.deck.join(LIST_SEPARATOR),
    article.kind,
    article.date ?? '',
    joinReporters(article),
    article.locations.map((l) => l.name).join(LIST_SEPARATOR),
    article.locations.map((l) => l.code).join(LIST_SEPARATOR),
    String(characterCount(article)),
    firstSentence(article.body),
    `${article.lines.first}-${article.lines.last}`,
  ];
}

/** The rows of `issue`, one string per article, each ending in `\n`; no header. */
export function* formatCsvRows(issue: Issue): Generator<string> {
  for (const article of issue.articles) yield stringify([csvCells(issue, article)], STRINGIFY_OPTIONS);
}
