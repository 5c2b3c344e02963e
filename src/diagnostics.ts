/**
 * Diagnostics for people: offset → line:column through a line-start table, and the report line
 * `file:line:col  severity  message  code`, aligned by display width (a Han character is two
 * columns), as vfile-reporter prints it.
 *
 * The table is built once per text. CR, LF and CRLF each count as one break. Lookups binary-search
 * the table, so locating every diagnostic of a file costs O(d log n), never a rescan per call.
 */
import type { ChalkInstance } from 'chalk';
import { displayWidth } from './format/width.js';
import { STDIN_NAME } from './pipeline.js';
import type { Diagnostic, Severity } from './types.js';

/** 0-based UTF-16 offsets at which each line starts; entry 0 is always 0. */
export type LineStarts = readonly number[];

/** A 1-based position for people. `column` counts UTF-16 units, as editors do. Example: `{ line: 3, column: 1 }`. */
export interface Point {
  /** 1-based line number. */
  line: number;
  /** 1-based column, in UTF-16 units. */
  column: number;
}

/** A diagnostic with its place resolved for display. Diagnostics without a span sit at 1:1. */
export interface LocatedDiagnostic extends Diagnostic {
  /** 1-based line and column of `span[0]`. */
  point: Point;
}

/** Builds the line-start table of `text`. */
export function lineStarts(text: string): LineStarts {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (c === 0x0a) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The 1-based line:column of a 0-based offset. Offsets past the end land on the last line. */
export function locate(starts: LineStarts, offset: number): Point {
  let lo = 0;
  let hi = starts.length - 1;
  // Find the last line start ≤ offset.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: Math.max(0, offset - starts[lo]!) + 1 };
}

/**
 * Resolves each diagnostic's place. `text` is the decoded text the spans point into; it is only
 * needed when some diagnostic has a span, so callers may pass undefined otherwise.
 */
export function locateDiagnostics(diagnostics: readonly Diagnostic[], text: string | undefined): LocatedDiagnostic[] {
  const starts = text === undefined ? undefined : lineStarts(text);
  return diagnostics.map((d) => ({
    ...d,
    point: d.span && starts ? locate(starts, d.span[0]) : { line: 1, column: 1 },
  }));
}


/**
 * Formats report lines, one per diagnostic and each ending in `\n`, with the place, severity and
 * message columns padded to the widest of this batch. `chalk` colours the severity and dims the
 * code; pass a level-0 instance for plain text.
 */
export function formatReport(diagnostics: readonly LocatedDiagnostic[], chalk: ChalkInstance): string {
  const rows = diagnostics.map((d) => ({
    place: `${d.file ?? STDIN_NAME}:${d.point.line}:${d.point.column}`,
    severity: d.severity,
    message: d.note ? `${d.message} (${d.note})` : d.message,
    code: d.code,
  }));
  const width = (key: 'place' | 'severity' | 'message'): number => Math.max(0, ...rows.map((r) => displayWidth(r[key])));
  const place = width('place');
  const severity = width('severity');
  const message = width('message');
  return rows
    .map((r) =>
      [
        pad(r.place, place),
        paint(chalk, r.severity, pad(r.severity, severity)),
        pad(r.message, message),
        chalk.dim(r.code),
      ].join('  ') + '\n',
    )
    .join('');
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function paint(chalk: ChalkInstance, severity: Severity, text: string): string {
  return severity === 'error' ? chalk.red(text) : severity === 'warning' ? chalk.yellow(text) : chalk.blue(text);
}
