/**
 * CSV (and TSV): one article a row, for spreadsheets. Written by csv-stringify (RFC 4180 quoting)
 * with `escape_formulas`, so a cell starting with = + - @ (either width) is prefixed with `'` and
 * never runs as a formula in Excel. Lists inside a cell are joined with `；`. The columns and their
 * order are chosen by name (`--columns`); a cell longer than a spreadsheet cell holds is cut, with
 * a `format/cell-truncated` warning.
 */
import { stringify } from 'csv-stringify/sync';
import type { Article, Diagnostic, Issue } from '../types.js';
import { characterCount, firstSentence, joinReporters, LIST_SEPARATOR } from './fields.js';

/** The default columns, in order. `index` is 0-based as in JSON; `lines` is `first-last`, 1-based. */
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

/** Every column `--columns` can name: the defaults, then `body` (the whole text) and `locations` (`name code` pairs). */
export const CSV_COLUMN_NAMES = [...CSV_COLUMNS, 'body', 'locations'] as const;
export type CsvColumn = (typeof CSV_COLUMN_NAMES)[number];

/** The byte-order mark Excel needs to read UTF-8. */
export const CSV_BOM = '\ufeff';

/** The most characters (UTF-16 units) a cell may hold: Excel's limit; LibreOffice's is larger. */
export const CELL_LIMIT = 32_767;

/** Options of the CSV formatter. */
export interface CsvOptions {
  /** The columns, in order; default `CSV_COLUMNS`. */
  columns?: readonly CsvColumn[];
  /** `,` for CSV (default), a tab for TSV. */
  delimiter?: ',' | '\t';
  /** Receives a `format/cell-truncated` warning for each cell that was cut. */
  diagnostics?: Diagnostic[];
}

/** How each column's cell is made from an article, before CSV quoting. */
const CELLS: Readonly<Record<CsvColumn, (issue: Issue, article: Article) => string>> = {
  file: (issue) => issue.source,
  index: (_, a) => String(a.index),
  headline: (_, a) => a.headline,
  kicker: (_, a) => a.kicker ?? '',
  deck: (_, a) => a.deck.join(LIST_SEPARATOR),
  kind: (_, a) => a.kind,
  date: (_, a) => a.date ?? '',
  reporters: (_, a) => joinReporters(a),
  places: (_, a) => a.locations.map((l) => l.name).join(LIST_SEPARATOR),
  place_codes: (_, a) => a.locations.map((l) => l.code).join(LIST_SEPARATOR),
  characters: (_, a) => String(characterCount(a)),
  first_sentence: (_, a) => firstSentence(a.body),
  lines: (_, a) => `${a.lines.first}-${a.lines.last}`,
  body: (_, a) => a.body,
  locations: (_, a) => a.locations.map((l) => `${l.name} ${l.code}`).join(LIST_SEPARATOR),
};

/** What escape_formulas puts a `'` in front of: the cap leaves room for it. */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/u;

function stringifyOptions(options: CsvOptions): { escape_formulas: true; delimiter: string } {
  return { escape_formulas: true, delimiter: options.delimiter ?? ',' };
}

/** The header row, ending in `\n`. */
export function formatCsvHeader(options: CsvOptions = {}): string {
  return stringify([[...(options.columns ?? CSV_COLUMNS)]], stringifyOptions(options));
}

/** The cells of one article's row, in `columns` order, before CSV quoting and before the cap. */
export function csvCells(issue: Issue, article: Article, columns: readonly CsvColumn[] = CSV_COLUMNS): string[] {
  return columns.map((column) => CELLS[column](issue, article));
}

/**
 * The rows of `issue`, one string per article, each ending in `\n`; no header. `articles` may be
 * built as they are read (pipeline.ts, `splitBytesLazily`): each row is made as its article comes.
 */
export function* formatCsvRows(issue: Issue, options: CsvOptions = {}, articles: Iterable<Article> = issue.articles): Generator<string> {
  const columns = options.columns ?? CSV_COLUMNS;
  const stringifyWith = stringifyOptions(options);
  for (const article of articles) {
    const cells = csvCells(issue, article, columns).map((cell, k) => {
      const limit = FORMULA_START.test(cell) ? CELL_LIMIT - 1 : CELL_LIMIT;
      if (cell.length <= limit) return cell;
      options.diagnostics?.push(cellTruncated(issue, article, columns[k]!, cell.length));
      return capCell(cell, limit);
    });
    yield stringify([cells], stringifyWith);
  }
}

/** The first `limit` UTF-16 units of `cell`, one fewer rather than half a surrogate pair. */
function capCell(cell: string, limit: number): string {
  const last = cell.charCodeAt(limit - 1);
  return cell.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}

function cellTruncated(issue: Issue, article: Article, column: CsvColumn, length: number): Diagnostic {
  return {
    severity: 'warning',
    code: 'format/cell-truncated',
    message: `the ${column} cell of article ${article.index} has ${length.toLocaleString('en-US')} characters, more than a spreadsheet cell holds; cut to ${CELL_LIMIT.toLocaleString('en-US')} (use -f json or ndjson for the whole text)`,
    file: issue.source,
    span: article.span,
  };
}
