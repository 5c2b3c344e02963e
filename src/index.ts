/**
 * paper-split's public API. Named exports only; test/index.test.ts pins this list.
 *
 * Layers, highest first; each imports from its own layer or lower ones (test/architecture.test.ts):
 *   cli/                 commander program, file walking, output, progress; imports only this file
 *   library              this file, pipeline.ts (the fold), file.ts (splitFile, I/O), diagnostics.ts,
 *                        issue/ (whole issues; splitIssue reads files), format/
 *   stages               decode, lines, repair, classify, segment, extract/   (pure)
 *   grammar/             pure recognisers: the line shape, credits, names, web chrome
 *   types.ts, data/      the data model, and every rule and list as data (data imports only data)
 *
 * Some exports exist for the CLI, which reaches the library through this file only: the option
 * checks (parseEncoding, parseIssueDate, looksBinary), CSV_COLUMN_NAMES, truncate, isUnusable and
 * the steps of issue mode (splitInput, splitInputBytes, groupInputs, finishIssue).
 */
export { type LazyIssue, splitBytes, splitBytesLazily, splitText, STDIN_NAME } from './pipeline.js';
export { splitFile, splitFileLazilySync, splitFileSync } from './file.js';
export { looksBinary, parseEncoding } from './decode.js';
export { parseIssueDate } from './extract/dates.js';
export { formatJson, formatJsonArrayItem, formatJsonPieces, JSON_ARRAY } from './format/json.js';
export { type ArticleRecord, articleRecord, formatNdjson } from './format/ndjson.js';
export { CSV_BOM, CSV_COLUMN_NAMES, CSV_COLUMNS, type CsvColumn, csvCells, formatCsvHeader, formatCsvRows } from './format/csv.js';
export { isUnusable } from './format/fields.js';
export { formatText, type TextOptions, truncate } from './format/text.js';
export { displayWidth } from './format/width.js';
export { formatHtml } from './format/html.js';
export { finishIssue, groupInputs, splitInput, splitInputBytes, splitIssue, splitIssues, type IssueOptions } from './issue/split.js';
export { assembleIssue, type AssembleOptions } from './issue/assemble.js';
export type {
  ArticlePart,
  ArticleRef,
  ContinuationLink,
  IssueArticle,
  IssueLeftover,
  IssuePage,
  LinkMatch,
  PageSource,
  SourceTexts,
  SplitInput,
  WholeIssue,
} from './issue/types.js';
export { formatReport, type LineStarts, lineStarts, locate, type LocatedDiagnostic, locateDiagnostics, type Point } from './diagnostics.js';
export type {
  Article,
  ArticleKind,
  DateMention,
  Dateline,
  Diagnostic,
  Encoding,
  Home,
  Issue,
  IssueDate,
  Leftover,
  Location,
  Options,
  Reporter,
  Severity,
  Span,
  YearSource,
} from './types.js';
