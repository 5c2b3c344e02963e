/**
 * One input's work, the same in process and in a worker thread: split it through the library,
 * render it in the chosen format, write it under `--out` (so a worker's output never crosses to
 * the main thread) and resolve the places of the diagnostics to show. Only strings and counts come
 * back, so a worker never ships an Issue across threads. Articles are built as they are rendered
 * and written as they come: one file's memory is bounded by its input, not by its output.
 */
import { Chalk } from 'chalk';
import {
  CSV_BOM,
  type CsvColumn,
  type Diagnostic,
  type Encoding,
  formatCsvHeader,
  formatCsvRows,
  formatJsonPieces,
  formatNdjson,
  formatText,
  type Issue,
  isUnusable,
  type LazyIssue,
  type LocatedDiagnostic,
  locateDiagnostics,
  type Options,
  type Severity,
  splitBytesLazily,
  splitFileLazilySync,
} from '../index.js';
import type { ColorLevel } from './color.js';
import { formatExplain, traceCollector } from './explain.js';
import { shownPath, writeAtomicSync } from './output.js';

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
  /** Under `--out`: the task writes its output there itself and returns none. */
  out?: TaskOut;
  /**
   * Return `-f json` and `-f ndjson` output as pieces made as they are read (in process only:
   * they cannot cross threads), so a big file streams to stdout.
   */
  pieces?: boolean;
}

/** Where a task writes its output. */
export interface TaskOut {
  /** The `--out` folder, which nothing is written outside of. */
  root: string;
  /** The output file. */
  dest: string;
  /** `--force`: replace an existing file. */
  overwrite: boolean;
  /** The working folder, for paths in messages. */
  cwd: string;
}

/** What a task may use of the thread it runs on. */
export interface TaskEnv {
  /** Output folders already created and checked on this thread. */
  checked: Set<string>;
  /** True once the run is interrupted: no task starts, and a write in progress is abandoned. */
  cancelled: () => boolean;
}

/** How writing a task's output under --out went. */
export interface Written {
  ok: boolean;
  diagnostics: LocatedDiagnostic[];
}

/** What a task gives back. */
export interface TaskResult {
  /** The rendered output for this input (possibly empty; empty under --out and when `pieces` is set). */
  output: string;
  /** The output as pieces made as they are read (`TaskSpec.pieces`), once. */
  pieces?: Iterable<string>;
  articles: number;
  /** True when the input was unusable (an error diagnostic): it gets no output file. */
  unusable: boolean;
  /** Diagnostics of every severity, counted. */
  counts: Record<Severity, number>;
  /** The diagnostics to print, places resolved. */
  diagnostics: LocatedDiagnostic[];
  /** Under `--explain`: the trace as `FILE:LINE  what` lines, in line order (cli/explain.ts). */
  explain?: string;
  /** Under --out, for a usable input: whether its file was written. */
  written?: Written;
}

/**
 * Runs one task. Never throws on bad input: read and decode problems are diagnostics. Resolves to
 * undefined when the run was interrupted before its output was written (nothing is left behind).
 */
export async function runTask(spec: TaskSpec, env: TaskEnv = { checked: new Set(), cancelled: () => false }): Promise<TaskResult | undefined> {
  if (env.cancelled()) return undefined;
  const options: Options = { name: spec.input.name };
  if (spec.encoding) options.encoding = spec.encoding;
  if (spec.issueDate) options.issueDate = spec.issueDate;
  const traced = spec.explain === true ? traceCollector() : undefined;
  if (traced) options.trace = traced.trace;
  // A blocking read: tasks run one after another on their thread, and a thread-pool round trip
  // per small file cost more than the read (it left workers idle).
  const lazy = spec.input.kind === 'stdin' ? splitBytesLazily(spec.input.bytes, options) : splitFileLazilySync(spec.input.path, options);
  const { issue } = lazy;
  const unusable = isUnusable(issue);

  const renderDiagnostics: Diagnostic[] = [];
  let output = '';
  let pieces: Iterable<string> | undefined;
  let written: Written | undefined;
  if (spec.out !== undefined) {
    // An unusable input gets no output file (and needs no rendering).
    if (!unusable) {
      const w = writeOutput(spec.out, renderPieces(lazy, spec.render, renderDiagnostics), env, spec.input.name);
      if (w === undefined) return undefined;
      written = w;
    }
  } else if (spec.pieces === true && (spec.render.format === 'json' || spec.render.format === 'ndjson')) {
    // These formats have no diagnostics of their own, so every diagnostic is known before the output.
    pieces = renderPieces(lazy, spec.render, renderDiagnostics);
  } else output = [...renderPieces(lazy, spec.render, renderDiagnostics)].join('');
  const diagnostics = [...issue.diagnostics, ...renderDiagnostics];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  const shown = diagnostics.filter((d) => d.severity !== 'info' || spec.showInfo);
  const result: TaskResult = {
    output,
    articles: lazy.articleCount,
    unusable,
    counts,
    // The decoded text is what diagnostic spans point into.
    diagnostics: locateDiagnostics(shown, lazy.text),
  };
  if (traced) result.explain = formatExplain(spec.input.name, traced.entries);
  if (written) result.written = written;
  if (pieces) result.pieces = pieces;
  return result;
}

/** Writes one output file atomically, as it is rendered; undefined when the run was interrupted meanwhile. */
function writeOutput(out: TaskOut, pieces: Iterable<string>, env: TaskEnv, name: string): Written | undefined {
  const refused = (code: string, message: string): Written => ({ ok: false, diagnostics: [{ severity: 'error', code, message, file: name, point: { line: 1, column: 1 } }] });
  try {
    const outcome = writeAtomicSync(out.root, out.dest, pieces, out.overwrite, env.checked, env.cancelled);
    if (outcome === 'cancelled') return undefined;
    if (outcome === 'written') return { ok: true, diagnostics: [] };
    return refused('output/exists', `${shownPath(out.dest, out.cwd)} exists; pass --force to overwrite it or --skip-existing to keep it`);
  } catch (err) {
    return refused('output/write-failed', `cannot write ${shownPath(out.dest, out.cwd)}: ${(err as Error).message}`);
  }
}

/**
 * The output of `lazy` as `render` says, in pieces made as its articles are built; the
 * formatter's own diagnostics (cells cut) are pushed to `diagnostics` as they arise.
 */
function* renderPieces(lazy: LazyIssue, render: Render, diagnostics: Diagnostic[]): Generator<string> {
  const { issue, articles } = lazy;
  switch (render.format) {
    case 'json':
      yield* formatJsonPieces(issue, articles, render.arrayItem);
      return;
    case 'ndjson':
      yield* formatNdjson(issue, articles);
      return;
    case 'csv':
    case 'tsv': {
      const csv = { columns: render.columns, delimiter: render.format === 'tsv' ? '\t' : ',', diagnostics } as const;
      yield (render.bom ? CSV_BOM : '') + (render.header ? formatCsvHeader(csv) : '');
      yield* formatCsvRows(issue, csv, articles);
      return;
    }
    case 'text':
      // A summary of the whole issue: it needs every article first.
      issue.articles = [...articles];
      yield formatText(issue, { chalk: new Chalk({ level: render.colorLevel }), width: render.width });
  }
}

/** Renders `issue` as `render` says; the diagnostics are the formatter's own (cells cut). */
export function renderIssue(issue: Issue, render: Render): { output: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const output = [...renderPieces({ issue, articles: issue.articles, articleCount: issue.articles.length }, render, diagnostics)].join('');
  return { output, diagnostics };
}
