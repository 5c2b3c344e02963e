/**
 * `--explain`: what repair, classify and segment decided about each line, read from the library's
 * trace hook (`Options.trace`) while one input is split, and printed on stderr as
 * `FILE:LINE  what` in line order, e.g. `a.txt:42  title → byline  refiner end-credit-after-body`.
 *
 * The hook is set only under `--explain`, so a run without it never builds an explanation. The
 * trace is collected where the input is split (in a worker thread too) and comes back with the
 * task's result as one string.
 */
import type { Options } from '../index.js';

/** One explanation. */
export interface TraceEntry {
  /** 1-based line the stage names (`line 42: …`); 0 when it names none. */
  line: number;
  /** The stage that reported it: `repair`, `classify` or `segment`. */
  stage: string;
  /** What was decided, e.g. `new article (headline above a lead)`. */
  what: string;
}

/** The stages write `line 42: what`, the number 1-based. */
const LINE_PREFIX = /^line (?<line>[0-9]+): /u;

/** A trace hook that keeps every explanation, and the list it keeps them in (in the order reported). */
export function traceCollector(): { trace: NonNullable<Options['trace']>; entries: TraceEntry[] } {
  const entries: TraceEntry[] = [];
  const trace = (stage: string, explain: () => string): void => {
    const text = explain();
    const m = LINE_PREFIX.exec(text);
    entries.push(m?.groups ? { line: Number(m.groups.line), stage, what: text.slice(m[0].length) } : { line: 0, stage, what: text });
  };
  return { trace, entries };
}

/**
 * The trace of `file` as `FILE:LINE  what` lines, ordered by line; on one line, in the order the
 * stages ran (repair, classify, segment), which the stable sort keeps.
 */
export function formatExplain(file: string, entries: readonly TraceEntry[]): string {
  return [...entries]
    .sort((a, b) => a.line - b.line)
    .map((e) => `${e.line === 0 ? file : `${file}:${e.line}`}  ${e.what}\n`)
    .join('');
}
