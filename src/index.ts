/**
 * paper-split's public API. Named exports only; test/index.test.ts pins this list.
 *
 * Layers (each imports only those below it):
 *   cli/            commander program, file walking, output, progress      (I/O)
 *   file.ts         splitFile: read a file, then the pipeline              (I/O)
 *   issue/          whole issues: pages in order, continuations linked    (splitIssue: I/O)
 *   pipeline.ts     the fold over the stages
 *   decode, lines, repair, classify, segment, extract/*, format/*          (pure stages)
 *   shape.ts, data/ the text grammar and every list, as data
 *   types.ts        the data model
 */
export { splitBytes, splitText, STDIN_NAME } from './pipeline.js';
export { splitFile, splitFileSync } from './file.js';
export { parseEncoding } from './decode.js';
export { formatJson, formatJsonArrayItem, JSON_ARRAY } from './format/json.js';
export { type ArticleRecord, articleRecord, formatNdjson } from './format/ndjson.js';
export { CSV_BOM, CSV_COLUMNS, csvCells, formatCsvHeader, formatCsvRows } from './format/csv.js';
export { formatText, type TextOptions } from './format/text.js';
export { formatHtml } from './format/html.js';
export { splitIssue, splitIssues, type IssueOptions } from './issue/split.js';
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
