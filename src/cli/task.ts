/**
 * One input's work, the same in process and in a worker thread: split it through the library,
 * render it in the chosen format and resolve the places of the diagnostics to show. Only strings
 * and counts come back, so a worker never ships an Issue across threads.
 */
import { Chalk } from 'chalk';
import {
  CSV_BOM,
  type CsvColumn,
  type Diagnostic,
  type Encoding,
  formatCsvHeader,
  formatCsvRows,
  formatJson,
  formatJsonArrayItem,
  formatNdjson,
  formatText,
  type Issue,
  isUnusable,
  type LocatedDiagnostic,
  locateDiagnostics,
  type Options,
  type Severity,
  splitBytes,
  splitFileSync,
} from '../index.js';
import type { ColorLevel } from './color.js';
import { formatExplain, traceCollector } from './explain.js';

/** Where the input's bytes come from. `name` is what reports and issue-date inference see. */
export type TaskInput =
  | { kind: 'file'; path: string; name: string }
  | { kind: 'stdin'; bytes: Uint8Array; name: string };

/** How to render the issue: a whole document, or a piece of a stream the caller frames. */
export type Render =
  | { format: 'json'; arrayItem: boolean }
  | { format: 'ndjson' }
  | { format: 'csv' | 'tsv'; header: boolean; bom: boolean; columns: readonly CsvColumn[] }
  | { format: 'text'; colorLevel: ColorLevel; width: number };

/** Everything a task needs; structured-clone safe, so it can be posted to a worker. */
export interface TaskSpec {
  input: TaskInput;
  encoding: Encoding | undefined;
  issueDate: string | undefined;
  render: Render;
  /** Return info diagnostics too (`--verbose`). */
  showInfo: boolean;
  /** Collect the stages' trace (`--explain`); without it no explanation is built. */
  explain?: boolean;
}

/** What a task gives back. */
export interface TaskResult {
  /** The rendered output for this input (possibly empty). */
  output: string;
  articles: number;
  /** True when the input was unusable (an error diagnostic): it gets no output file. */
  unusable: boolean;
  /** Diagnostics of every severity, counted. */
  counts: Record<Severity, number>;
  /** The diagnostics to print, places resolved. */
  diagnostics: LocatedDiagnostic[];
  /** Under `--explain`: the trace as `FILE:LINE  what` lines, in line order (cli/explain.ts). */
  explain?: string;
}

/** Runs one task. Never throws on bad input: read and decode problems are diagnostics. */
export async function runTask(spec: TaskSpec): Promise<TaskResult> {
  // The decoded text that diagnostic spans point into, kept for printing `line:col`.
  let text: string | undefined;
  const options: Options = { name: spec.input.name, onDecoded: (t) => void (text = t) };
  if (spec.encoding) options.encoding = spec.encoding;
  if (spec.issueDate) options.issueDate = spec.issueDate;
  const traced = spec.explain === true ? traceCollector() : undefined;
  if (traced) options.trace = traced.trace;
  // A blocking read: tasks run one after another on their thread, and a thread-pool round trip
  // per small file cost more than the read (it left workers idle).
  const issue = spec.input.kind === 'stdin' ? splitBytes(spec.input.bytes, options) : splitFileSync(spec.input.path, options);

  const rendered = renderIssue(issue, spec.render);
  const diagnostics = [...issue.diagnostics, ...rendered.diagnostics];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  const shown = diagnostics.filter((d) => d.severity !== 'info' || spec.showInfo);
  const result: TaskResult = {
    output: rendered.output,
    articles: issue.articles.length,
    unusable: isUnusable(issue),
    counts,
    diagnostics: locateDiagnostics(shown, text),
  };
  if (traced) result.explain = formatExplain(spec.input.name, traced.entries);
  return result;
}

/** Renders `issue` as `render` says; the diagnostics are the formatter's own (cells cut). */
export function renderIssue(issue: Issue, render: Render): { output: string; diagnostics: Diagnostic[] } {
  switch (render.format) {
    case 'json':
      return { output: render.arrayItem ? formatJsonArrayItem(issue) : formatJson(issue), diagnostics: [] };
    case 'ndjson':
      return { output: [...formatNdjson(issue)].join(''), diagnostics: [] };
    case 'csv':
    case 'tsv': {
      const diagnostics: Diagnostic[] = [];
      const csv = { columns: render.columns, delimiter: render.format === 'tsv' ? '\t' : ',', diagnostics } as const;
      const output = (render.bom ? CSV_BOM : '') + (render.header ? formatCsvHeader(csv) : '') + [...formatCsvRows(issue, csv)].join('');
      return { output, diagnostics };
    }
    case 'text':
      return { output: formatText(issue, { chalk: new Chalk({ level: render.colorLevel }), width: render.width }), diagnostics: [] };
  }
}
