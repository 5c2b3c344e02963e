/**
 * The CLI's issue mode, for `--issues`, `-f html` and `--join-continuations`: the inputs are split in process,
 * grouped into issues (files of one folder and one issue date; page headers inside one file), and
 * written one output per issue instead of one per file. run.ts hands over here after expanding
 * the inputs and checking `--out`; the other formats are rendered by run.ts's own renderer.
 *
 * Under `--out` an issue of one file is written where that file's output would be
 * (`a.txt` → `a.html`); an issue of several is named by its date in their folder
 * (`2021-06-27/01.txt … 08.txt` → `2021-06-27/2021-06-27.html`).
 */
import { dirname, isAbsolute, join, parse, relative } from 'node:path';
import type { ChalkInstance } from 'chalk';
import {
  assembleIssue,
  type Diagnostic,
  finishIssue,
  formatHtml,
  formatReport,
  groupInputs,
  type Issue,
  type IssueOptions,
  type LocatedDiagnostic,
  locateDiagnostics,
  type Severity,
  splitInput,
  type SplitInput,
  splitInputBytes,
  type WholeIssue,
} from '../index.js';
import type { Input, Inputs } from './inputs.js';
import { formatExplain, traceCollector } from './explain.js';
import { formatCount } from './count.js';
import type { CliOptions } from './options.js';
import { exists, outputPath, writeAtomic } from './output.js';
import { readBounded, readStreamFile } from './read-stream.js';

/** How run.ts renders the formats other than html, and frames them on stdout. */
export interface IssueRendering {
  /** One issue as the format writes it; `single` when the run holds one issue. */
  render(issue: Issue, single: boolean): string;
  /** What stdout gets around and between the issues. */
  framing(single: boolean): { start: string; separator: string; end: string; empty?: string };
}

/** The streams issue mode writes to. */
export interface IssueIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
  signal?: AbortSignal;
}

/** Exit codes, as run.ts publishes them. */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The exit code of each signal that stops a run, as run.ts publishes them (128 + its number). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

function signalOf(signal: AbortSignal): keyof typeof SIGNAL_EXIT {
  const reason: unknown = signal.reason;
  return typeof reason === 'string' && reason in SIGNAL_EXIT ? (reason as keyof typeof SIGNAL_EXIT) : 'SIGINT';
}

/** Prints diagnostics on stderr, those the verbosity shows. */
type Print = (diagnostics: LocatedDiagnostic[]) => void;

/** Warnings and failures, counted over the run. */
interface Counts {
  warnings: number;
  failures: number;
}

/** Runs the inputs as issues; resolves to the exit code. */
export async function runIssues(expanded: Inputs, options: CliOptions, io: IssueIo, errChalk: ChalkInstance, started: number, rendering: IssueRendering): Promise<number> {
  const print: Print = (diagnostics) => {
    const shown = diagnostics.filter((d) => visible(d.severity, options));
    if (shown.length > 0) io.stderr.write(formatReport(shown, errChalk));
  };
  const counts: Counts = { warnings: 0, failures: 0 };
  for (const d of expanded.diagnostics) {
    if (d.severity === 'warning') counts.warnings++;
    print([atStart(d)]);
  }

  const issueOptions: IssueOptions = { joinContinuations: options.joinContinuations };
  if (options.encoding) issueOptions.encoding = options.encoding;
  if (options.issueDate) issueOptions.issueDate = options.issueDate;
  const usable = await splitInputs(expanded, options, io, issueOptions, print, counts);
  if (io.signal?.aborted) {
    // Nothing is written before every input is split, so an interrupt leaves no output at all.
    io.stderr.write(`interrupted after splitting ${usable.length} of ${plural(expanded.inputs.length, 'file')}; nothing written\n`);
    return SIGNAL_EXIT[signalOf(io.signal)];
  }
  const issues = groupInputs(usable).map((group) => finishIssue(assembleIssue(group), issueOptions));
  const single = issues.length === 1;
  if (options.format === 'html' && options.out === undefined && issues.length > 1) {
    io.stderr.write(`error: the inputs make ${issues.length} issues and -f html writes one page per issue; pass --out <dir>  usage/html-several-issues\n(run paper-split --help for usage)\n`);
    return EXIT.usage;
  }
  const render = (issue: WholeIssue): string => (options.format === 'html' ? formatHtml(issue) : rendering.render(issue, single));

  if (options.out === undefined) {
    const frame = options.format === 'html' ? { start: '', separator: '', end: '' } : rendering.framing(single);
    const stdoutError = await writeToStdout(issues, frame, render, io.stdout);
    if (stdoutError) {
      io.stderr.write(`error: cannot write to stdout: ${stdoutError.message}  output/stdout-failed\n`);
      return EXIT.failed;
    }
  } else {
    const relOf = new Map(expanded.inputs.map((i) => [i.name, i.rel]));
    if (!(await writeToOut(issues, render, options, io, relOf, print, counts))) return EXIT.usage;
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { warnings, failures } = counts;
  if (options.verbosity !== 'quiet') {
    const articles = issues.reduce((n, i) => n + i.articles.length, 0);
    const links = issues.reduce((n, i) => n + i.links.length, 0);
    const parts = [plural(expanded.inputs.length, 'file'), plural(issues.length, 'issue'), plural(articles, 'article'), `${plural(links, 'continuation')} ${options.joinContinuations ? 'joined' : 'linked'}`, plural(warnings, 'warning'), plural(failures, 'failure')];
    const line = `${parts.join(', ')} in ${seconds}s`;
    io.stderr.write((failures > 0 ? errChalk.red(line) : warnings > 0 ? errChalk.yellow(line) : line) + '\n');
  }
  if (failures > 0) return EXIT.failed;
  return options.strict && warnings > 0 ? EXIT.failed : EXIT.ok;
}

/** Reads and splits every input in order, printing its diagnostics (and its trace under --explain); the usable ones. */
async function splitInputs(expanded: Inputs, options: CliOptions, io: IssueIo, issueOptions: IssueOptions, print: Print, counts: Counts): Promise<SplitInput[]> {
  // stdin, FIFOs and devices are read as run.ts reads them: bounded by --max-size, binary-checked.
  const stdinRead = expanded.inputs.some((i) => i.kind === 'stdin') ? await readBounded(io.stdin, options.stdinName, options.maxSize, io.signal) : undefined;
  const usable: SplitInput[] = [];
  for (const input of expanded.inputs) {
    if (io.signal?.aborted) break;
    const read = input.kind === 'stdin' ? stdinRead : input.stream ? await readStreamFile(input.path, input.name, options.maxSize, io.signal) : undefined;
    if (read?.ok === false) {
      counts.failures++;
      print([atStart(read.diagnostic)]);
      continue;
    }
    const traced = options.explain ? traceCollector() : undefined;
    const splitOptions: IssueOptions = traced ? { ...issueOptions, trace: traced.trace } : issueOptions;
    const split = read?.ok ? splitInputBytes(read.bytes, input.name, splitOptions) : await splitInput((input as Extract<Input, { kind: 'file' }>).path, splitOptions, input.name);
    if (traced) io.stderr.write(formatExplain(input.name, traced.entries));
    counts.warnings += split.issue.diagnostics.filter((d) => d.severity === 'warning').length;
    print(locateDiagnostics(split.issue.diagnostics, split.text));
    if (split.issue.diagnostics.some((d) => d.severity === 'error')) counts.failures++;
    else usable.push(split);
  }
  return usable;
}

/** Writes the issues to stdout, framed; resolves to the write error, if any. A closed pipe (`| head`) ends quietly. */
async function writeToStdout(issues: readonly WholeIssue[], frame: ReturnType<IssueRendering['framing']>, render: (issue: WholeIssue) => string, stdout: NodeJS.WritableStream): Promise<Error | undefined> {
  let stdoutError: Error | undefined;
  let closed = false;
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    closed = true;
    if (err.code !== 'EPIPE') stdoutError = err;
  });
  const write = async (chunk: string): Promise<void> => {
    if (closed || chunk.length === 0 || stdout.write(chunk)) return;
    await new Promise<void>((resolve) => {
      stdout.once('drain', resolve);
      stdout.once('error', () => resolve());
    });
  };
  await write(frame.start);
  for (const [k, issue] of issues.entries()) await write((k > 0 ? frame.separator : '') + render(issue));
  await write(issues.length === 0 && frame.empty !== undefined ? frame.empty : frame.end);
  return stdoutError;
}

/** Writes one file per issue under --out; false, after saying so, when two issues would share a file. */
async function writeToOut(issues: readonly WholeIssue[], render: (issue: WholeIssue) => string, options: CliOptions, io: IssueIo, relOf: ReadonlyMap<string, string>, print: Print, counts: Counts): Promise<boolean> {
  const dests = new Map<string, WholeIssue>();
  for (const issue of issues) {
    const dest = outputPath(options.out!, issueRel(issue, relOf), options.format);
    const other = dests.get(dest);
    if (other) {
      io.stderr.write(`error: the issues ${other.source} and ${issue.source} would both be written to ${shown(dest, io.cwd)}; split them in separate runs  output/collision\n`);
      return false;
    }
    dests.set(dest, issue);
  }
  const checked = new Map<string, Promise<void>>();
  for (const [dest, issue] of dests) {
    const problem = await writeIssue(options, dest, render(issue), checked);
    if (problem === 'skipped') {
      print([atStart({ severity: 'info', code: 'output/skipped', message: `${shown(dest, io.cwd)} exists; skipped (--skip-existing)`, file: issue.source })]);
    } else if (problem) {
      counts.failures++;
      print([atStart({ ...problem, message: problem.message.replace('<dest>', shown(dest, io.cwd)), file: issue.source })]);
    }
  }
  return true;
}

/** The path under `--out` an issue mirrors: its file's, or `<folder>/<date>` for several files. */
function issueRel(issue: WholeIssue, relOf: ReadonlyMap<string, string>): string {
  const first = relOf.get(issue.files[0]!) ?? issue.files[0]!;
  if (issue.files.length === 1) return first;
  return join(dirname(first), issue.issueDate?.value ?? parse(first).name);
}

/** Writes one issue's output; says why not when it could not. */
async function writeIssue(options: CliOptions, dest: string, data: string, checked: Map<string, Promise<void>>): Promise<'skipped' | Diagnostic | undefined> {
  const exists_ = options.existing !== 'overwrite' && (await exists(dest));
  if (exists_ && options.existing === 'skip') return 'skipped';
  const refused: Diagnostic = { severity: 'error', code: 'output/exists', message: '<dest> exists; pass --force to overwrite it or --skip-existing to keep it' };
  if (exists_) return refused;
  try {
    return (await writeAtomic(options.out!, dest, data, options.existing === 'overwrite', checked)) === 'written' ? undefined : refused;
  } catch (err) {
    return { severity: 'error', code: 'output/write-failed', message: `cannot write <dest>: ${(err as Error).message}` };
  }
}

/** Whether a diagnostic of this severity is printed (as in run.ts). */
function visible(severity: Severity, options: CliOptions): boolean {
  if (severity === 'error') return true;
  if (options.verbosity === 'quiet') return severity === 'warning' && options.strict;
  return severity === 'warning' || options.verbosity === 'verbose';
}

function atStart(d: Diagnostic): LocatedDiagnostic {
  return { ...d, point: { line: 1, column: 1 } };
}

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
