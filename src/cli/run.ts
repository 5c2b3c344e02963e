/**
 * The CLI entry: `run(argv, io)` resolves to the exit code; only bin/paper-split.js sets it.
 * stdout carries data only; diagnostics, progress and the summary go to stderr.
 *
 * Flow: parse (commander) → normalise options → expand operands into inputs → check `--out` →
 * run every input through the library (in process, or on worker threads) with a bounded window,
 * taking results in input order → print each input's diagnostics, write its output → summary.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { Command, CommanderError } from 'commander';
import { CSV_BOM, CSV_COLUMN_NAMES, type Diagnostic, formatCsvHeader, formatReport, JSON_ARRAY, type LocatedDiagnostic, type Severity, STDIN_NAME } from '../index.js';
import { colorLevel } from './color.js';
import { formatCount } from './count.js';
import { expandInputs, isInside, type Input, type Inputs, relativeInside } from './inputs.js';
import { type CliOptions, FORMATS, normalizeOptions, type RawOptions, type UsageError } from './options.js';
import { exists, outputPath, prepareOutDir, sweepStaleTemps } from './output.js';
import { batchHeapMb, chooseJobs, createRunner, orderedMap, type TaskRunner, type Workload } from './pool.js';
import { createProgress, type Progress } from './progress.js';
import { readBounded, readStreamFile, refusedResult, type StreamRead } from './read-stream.js';
import { RepeatFilter } from './repeats.js';
import { runIssues } from './issues.js';
import { type Render, renderIssue, type TaskResult, type TaskSpec } from './task.js';

/** The streams and environment the CLI may touch, injected so tests run it in process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** The folder relative paths are read from, e.g. `process.cwd()`. */
  cwd: string;
  /**
   * Aborted on SIGINT, SIGTERM or SIGHUP (the reason names it, e.g. `'SIGTERM'`): stop scheduling,
   * let writes in flight finish, exit 130, 143 or 129.
   */
  signal?: AbortSignal;
  /**
   * Called once when the run is big ({@link TIGHT_HEAP_BYTES} or more): holds the process's heap
   * growth down (bin/paper-split.js sets V8's `--heap-growing-percent`). In-process callers may
   * leave it out and keep their heap as it is.
   */
  tightenHeap?: () => void;
}

/**
 * From this many bytes of input, a run asks for a tight heap ({@link CliIo.tightenHeap}). V8 lets
 * the old generation grow to about four times what survived the last full collection before the
 * next: over a big dump or a long batch that slack is garbage by the hundred MB (a 200 MB file
 * peaked at 2.6 GB before the windows, about 1 GB after them; held to 25%, 490 MB at the same
 * speed). Below it, V8's default: a tight heap makes start-up (the gazetteer's tables) collect
 * more often, about 15 ms on a one-page run.
 */
export const TIGHT_HEAP_BYTES = 16 * 2 ** 20;

/** Tasks kept in flight per worker thread. */
const TASKS_PER_WORKER = 4;

/** The signals that end a batch cleanly, each with its exit code (128 + its number). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT;

/** Which signal aborted the run: the abort reason bin/paper-split.js gives, SIGINT otherwise. */
function signalOf(signal: AbortSignal | undefined): StopSignal {
  const reason: unknown = signal?.reason;
  return typeof reason === 'string' && reason in SIGNAL_EXIT ? (reason as StopSignal) : 'SIGINT';
}

/** Exit codes, as `--help` publishes them. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** The text after the options in `--help`. */
const HELP_AFTER = `
Examples:
  # one file: a summary on a terminal, JSON when piped
  paper-split issues/2021-06-27.txt
  # a folder to --out: one .json per *.txt, mirroring its tree
  paper-split issues/ --out out/ -f json
  # stdin piped to jq; the name gives the issue date
  cat 2021-06-27.txt | paper-split -f ndjson --stdin-name 2021-06-27.txt | jq -r .headline
  # CSV for Excel: one .csv per input, each with a UTF-8 BOM
  paper-split 'issues/**/*.txt' -f csv --out csv/
  # chosen columns, the whole body included, as TSV
  paper-split issues/ -f tsv --columns file,headline,date,body > articles.tsv
  # why a page was split so: each line's kind and each new article, on stderr
  paper-split --explain issues/2021-06-27.txt > /dev/null

Exit codes:
  0    every input processed (warnings allowed)
  1    some input unusable (missing, unreadable, binary, undecodable), an
       output refused or not written, or any warning under --strict
  2    usage error, a folder or glob matching nothing, or --out not writable
  130  interrupted (Ctrl-C); no partial output files are left
  143  terminated (SIGTERM), 129 hung up (SIGHUP): the same, no partial files

Diagnostics go to stderr as \`file:line:col  severity  message  code\`; in a
batch, a code repeated in later files is counted and listed once at the end
(--verbose prints each).
Colour: --color always or never wins; under auto (the default) NO_COLOR=1 turns
it off and wins over FORCE_COLOR, which wins over whether it is a terminal.
`;

/** Runs the CLI on `argv` (without node and the script) and resolves to the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const started = performance.now();
  let commanderMessage = '';
  const program = createProgram(io, (message) => (commanderMessage += message));
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    // Help and --version exit 0; every other commander error is a usage error, printed like ours.
    if (!(err instanceof CommanderError)) throw err;
    if (err.exitCode === 0) return EXIT.ok;
    return usage(io, { code: commanderCode(err.code), message: commanderMessage.replace(/^error: /u, '').trimEnd() || err.message });
  }

  const [optionError, options] = normalizeOptions(program.opts<RawOptions>(), {
    stdoutIsTTY: io.stdout.isTTY === true,
    cpus: availableParallelism(),
    cwd: io.cwd,
    stdinDefaultName: STDIN_NAME,
  });
  if (optionError) return usage(io, optionError);
  const errChalk = new Chalk({ level: colorLevel(io.stderr, io.env, options.color) });
  if (options.jobsAsked !== undefined && options.verbosity !== 'quiet') {
    io.stderr.write(`warning: --jobs ${options.jobsAsked} is more than the ${options.jobs} CPUs; using ${options.jobs}  cli/jobs-capped\n`);
  }

  let operands = program.args;
  if (operands.length === 0) {
    if (io.stdin.isTTY === true) return usage(io, { code: 'usage/no-input', message: 'no input: pass files, folders or globs, or pipe text to stdin' });
    operands = ['-'];
  }
  const [inputError, inputs] = await expandInputs(operands, { cwd: io.cwd, follow: options.follow, stdinName: options.stdinName, out: options.out });
  if (inputError) return usage(io, inputError);

  let expanded = inputs;
  if (options.out !== undefined) {
    expanded = { ...inputs, inputs: await mirrorFromCommonFolder(inputs.inputs, operands, io.cwd) };
    const planError = checkOutputPlan(expanded.inputs, options.out, options, io.cwd);
    if (planError) return usage(io, planError);
    const outError = await prepareOutDir(options.out);
    if (outError) return usage(io, outError);
    // What a killed run (SIGKILL, a power cut) left behind would otherwise stay forever.
    await sweepStaleTemps(options.out);
  }
  if (options.issues || options.format === 'html' || options.joinContinuations) {
    // Outputs per issue, not per file: grouping needs every input first (cli/issues.ts).
    return runIssues(expanded, options, io, errChalk, started, {
      render: (issue, single) => renderIssue(issue, renderFor(options, io, single)).output,
      framing: (single) => stdoutFraming(options, single),
    });
  }
  return runBatch(expanded, options, io, errChalk, started);
}

/**
 * Re-roots each file input's `rel` (the path `--out` mirrors) at the common folder of the run:
 * the folders named as operands, and the folder of every other file. A glob is thereby the same
 * whether the shell expanded it (one operand per file) or we did: `issues/*\/*.txt` gives
 * `2021/a.txt` and `2022/a.txt` either way, never two colliding `a.txt`.
 */
async function mirrorFromCommonFolder(inputs: readonly Input[], operands: readonly string[], cwd: string): Promise<Input[]> {
  const named = new Set(inputs.map((i) => i.name));
  // Operands that are not themselves inputs are folders, globs or `-`; only folders are roots.
  const folders = (
    await Promise.all(
      operands
        .filter((o) => o !== '-' && !named.has(o))
        .map(async (o) => {
          const abs = resolve(cwd, o);
          return (await stat(abs).then((st) => st.isDirectory(), () => false)) ? abs : undefined;
        }),
    )
  ).filter((f): f is string => f !== undefined);
  const roots = [...folders];
  for (const input of inputs) {
    if (input.kind === 'file' && !folders.some((f) => isInside(input.path, f))) roots.push(dirname(input.path));
  }
  if (roots.length === 0) return [...inputs];
  const common = roots.reduce(commonFolder);
  return inputs.map((input) => (input.kind === 'file' ? { ...input, rel: relativeInside(common, input.path) } : input));
}

/** The deepest folder holding both `a` and `b` (absolute paths). */
function commonFolder(a: string, b: string): string {
  const as = a.split(sep);
  const bs = b.split(sep);
  let n = 0;
  while (n < as.length && n < bs.length && as[n] === bs[n]) n++;
  return as.slice(0, n).join(sep) || sep;
}

/** `commander.unknownOption` → `usage/unknown-option`. */
function commanderCode(code: string): string {
  return 'usage/' + code.replace(/^commander\./u, '').replace(/[A-Z]/gu, (c) => '-' + c.toLowerCase());
}

function createProgram(io: CliIo, onError: (message: string) => void): Command {
  return new Command('paper-split')
    .description('Split raw Chinese newspaper text dumps into articles: headline, body,\nreporters, date and places.')
    .usage('[options] [inputs...]')
    .argument('[inputs...]', 'files, folders (every *.txt inside) or globs; `-` or no input reads stdin')
    .option('-f, --format <format>', `${FORMATS.join(', ')} (default: text on a terminal, json when piped or with --out)`)
    .option('--array', '-f json: print an array even for a single input')
    .option('--columns <list>', `-f csv, tsv: columns in order, from ${CSV_COLUMN_NAMES.join(', ')}`)
    .option('-o, --out <dir>', 'write one file per input into <dir>, mirroring the inputs from their common folder, instead of stdout')
    .option('--force', 'overwrite existing files in --out')
    .option('--skip-existing', 'skip inputs whose output exists in --out (resume a run)')
    .option('-j, --jobs <n>', 'worker threads, at most the number of CPUs (default: one for a few or small files, more as the input grows)')
    .option('--encoding <name>', 'utf-8, utf-16le, utf-16be, gb18030 (gbk, gb2312) or big5 (default: detect)')
    .option('--issue-date <date>', 'the issue date, YYYY-MM-DD (default: from the file name or the text)')
    .option('--stdin-name <file>', 'name stdin input in reports and for its issue date, e.g. 2021-06-27.txt')
    .option('--bom', 'start CSV with a UTF-8 BOM (default: in --out files, not on stdout)')
    .option('--no-bom', 'no BOM, not even in --out files')
    .option('--strict', 'exit 1 on any warning')
    .option('-q, --quiet', 'print errors only (and warnings under --strict): no progress or summary')
    .option('--verbose', 'also print info diagnostics (leftover lines) and a line per file')
    .option('--explain', 'print on stderr, as FILE:LINE  what, each line\'s kind (and the refiner that changed it), the lines joined and why each article starts')
    .option('--follow', 'follow symbolic links out of input folders and into linked folders')
    .option('--max-size <size>', 'refuse stdin, a FIFO or a device past this size, e.g. 2G (default: 512M)')
    .option('--color <when>', 'colour stderr and the text summary: auto, always, never (default: auto)')
    .option('--issues', 'one output per issue (files of one folder and date, or the pages inside a file): pages in order, continued articles (下转/上接) linked; implied by -f html')
    .option('--join-continuations', 'join each article continued on another page into one (implies --issues)')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .addHelpText('after', HELP_AFTER)
    .exitOverride()
    .configureOutput({
      // `--help | head -1`: the reader may be gone before the help is written (EPIPE); that is no error.
      writeOut: (s) => void quietOnClosedPipe(io.stdout).write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s) => onError(s),
      // A fixed width and no colour: the help text is the same everywhere (and golden-tested).
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
}

const guarded = new WeakSet<NodeJS.WritableStream>();

/** `stream`, with a closed pipe (EPIPE) ignored on it; any other write error is thrown as before. */
function quietOnClosedPipe(stream: NodeJS.WritableStream): NodeJS.WritableStream {
  if (!guarded.has(stream)) {
    guarded.add(stream);
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  return stream;
}

function usage(io: CliIo, error: UsageError): number {
  io.stderr.write(`error: ${error.message}  ${error.code}\n(run paper-split --help for usage)\n`);
  return EXIT.usage;
}

/** Two inputs must not share an output file, and no output may replace an input. */
function checkOutputPlan(inputs: readonly Input[], out: string, options: CliOptions, cwd: string): UsageError | undefined {
  const byDest = new Map<string, string>();
  const sources = new Set(inputs.flatMap((i) => (i.kind === 'file' ? [i.path] : [])));
  for (const input of inputs) {
    const dest = outputPath(out, input.rel, options.format);
    const other = byDest.get(dest);
    if (other !== undefined) {
      return { code: 'output/collision', message: `${other} and ${input.name} would both be written to ${shown(dest, cwd)}; split them in separate runs` };
    }
    if (sources.has(dest)) return { code: 'output/collision', message: `writing ${shown(dest, cwd)} would replace an input; pick another --out` };
    byDest.set(dest, input.name);
  }
  return undefined;
}

/** What happened to one input. */
type Outcome =
  | { kind: 'done'; input: Input; dest: string | undefined; result: TaskResult }
  | { kind: 'exists'; input: Input; dest: string }
  | { kind: 'skipped'; input: Input; dest: string }
  | { kind: 'crashed'; input: Input; error: Error };

/** Totals for the summary and the exit code. */
interface Tally {
  files: number;
  articles: number;
  warnings: number;
  failures: number;
  skipped: number;
}

/** One run over the inputs (not issue mode): what its steps share. */
interface Batch {
  inputs: readonly Input[];
  single: boolean;
  options: CliOptions;
  io: CliIo;
  errChalk: ChalkInstance;
  tally: Tally;
  progress: Progress;
  repeats: RepeatFilter;
  stdout: StdoutSink;
  frame: Framing;
  /** stdin, read once, bounded (--max-size, a binary check on its first 64 KB): it may never end. */
  stdinRead: StreamRead | undefined;
  jobs: number;
  runner: TaskRunner;
  /** Stops starting tasks on an interrupt; those running finish (or stop between pieces) and are awaited. */
  stop: () => void;
  /** Tasks in flight, awaited before returning so that an interrupt never leaves a temporary file. */
  running: Set<Promise<TaskResult>>;
  /** Files written under --out, in whatever order they finished: what an interrupt leaves behind. */
  outputsWritten: number;
  /** Inputs written to stdout so far (for the separators and the empty framing). */
  items: number;
}

/** Splits every input in order, prints its diagnostics and writes its output; resolves to the exit code. */
async function runBatch(expanded: Inputs, options: CliOptions, io: CliIo, errChalk: ChalkInstance, started: number): Promise<number> {
  const batch = await startBatch(expanded, options, io, errChalk);
  try {
    await writeOutcomes(batch);
  } finally {
    await Promise.allSettled([...batch.running]);
    io.signal?.removeEventListener('abort', batch.stop);
    batch.progress.stop();
    await batch.runner.close();
  }
  return finishBatch(batch, started);
}

/** Everything before the first task: the inputs' own diagnostics reported, stdin read, the threads chosen and started. */
async function startBatch(expanded: Inputs, options: CliOptions, io: CliIo, errChalk: ChalkInstance): Promise<Batch> {
  const { inputs, single } = expanded;
  const progress = createProgress(io.stderr, inputs.length, options.verbosity);
  const tally: Tally = { files: 0, articles: 0, warnings: 0, failures: 0, skipped: 0 };
  const repeats = new RepeatFilter(options.verbosity !== 'verbose' && inputs.length > 1);
  const reporting = { options, repeats, progress, errChalk };
  for (const d of expanded.diagnostics) {
    if (d.severity === 'warning') tally.warnings++;
    report(reporting, d.file ?? '', [atStart(d)]);
  }
  // On a terminal, stdout and stderr share the screen: the bar is erased before data is printed.
  const stdout = new StdoutSink(io.stdout, io.stdout.isTTY === true ? () => progress.hide() : () => {});
  const frame = stdoutFraming(options, single);
  const stdinRead = inputs.some((i) => i.kind === 'stdin') ? await readBounded(io.stdin, options.stdinName, options.maxSize, io.signal) : undefined;
  const work = await estimateWork(inputs, stdinRead?.ok ? stdinRead.bytes.length : 0);
  const jobs = options.jobs ?? (inputs.length > 1 ? defaultJobs(inputs, work, options, progress) : 1);
  if (work.bytes >= TIGHT_HEAP_BYTES) io.tightenHeap?.();
  // Workers get room for the largest input of the sample, so a batch of whole issues is not starved.
  const runner = createRunner(Math.min(jobs, inputs.length), { batchMb: batchHeapMb(inputs.length > 1 ? work.largest : 0) });
  const stop = (): void => runner.cancel();
  io.signal?.addEventListener('abort', stop, { once: true });
  return { inputs, single, io, tally, ...reporting, stdout, frame, stdinRead, jobs, runner, stop, running: new Set(), outputsWritten: 0, items: 0 };
}

/** The threads for the size of the run (no --jobs); said under --verbose. */
function defaultJobs(inputs: readonly Input[], work: Workload, options: CliOptions, progress: Progress): number {
  const jobs = chooseJobs(work, availableParallelism());
  if (options.verbosity === 'verbose' && inputs.length > 1) {
    progress.log(`${plural(inputs.length, 'file')}, about ${formatBytes(work.bytes)}: ${plural(jobs, 'thread')} (pass --jobs to choose)\n`);
  }
  return jobs;
}

/** Prints the diagnostics of `file` that are visible and not repeats of earlier files'. */
function report(batch: Pick<Batch, 'options' | 'repeats' | 'progress' | 'errChalk'>, file: string, diagnostics: LocatedDiagnostic[]): void {
  const shownNow = batch.repeats.admit(file, diagnostics.filter((d) => visible(d.severity, batch.options)));
  if (shownNow.length > 0) batch.progress.log(formatReport(shownNow, batch.errChalk));
}

/** True once the run is interrupted (SIGINT, SIGTERM or SIGHUP). */
function interrupted(batch: Batch): boolean {
  return batch.io.signal?.aborted === true;
}

/** Runs the inputs through a bounded window and takes each outcome in input order, until done, interrupted or stdout closes. */
async function writeOutcomes(batch: Batch): Promise<void> {
  const { frame, stdout, jobs, inputs } = batch;
  if (frame.start) await stdout.write(frame.start);
  // Tasks in flight: enough per worker that workers never wait while this thread writes results
  // out in order (a file's write takes about as long as splitting it); bounded, so memory stays flat.
  const window = Math.max(2, TASKS_PER_WORKER * Math.min(jobs, inputs.length));
  for await (const outcome of orderedMap(inputs, window, (input) => runInput(batch, input), () => interrupted(batch) || stdout.closed)) {
    if (interrupted(batch) || stdout.closed) break;
    await takeOutcome(batch, outcome);
  }
  if (!interrupted(batch) && !stdout.closed) await stdout.write(batch.items === 0 && frame.empty !== undefined ? frame.empty : frame.end);
}

/** One input's work: the --out check, a streamed read, then the task (on a worker or here). */
async function runInput(batch: Batch, input: Input): Promise<Outcome> {
  const { options, io } = batch;
  let dest: string | undefined;
  if (options.out !== undefined) {
    dest = outputPath(options.out, input.rel, options.format);
    if (options.existing !== 'overwrite' && (await exists(dest))) return { kind: options.existing === 'skip' ? 'skipped' : 'exists', input, dest };
  }
  const read = input.kind === 'stdin' ? batch.stdinRead : input.stream ? await readStreamFile(input.path, input.name, options.maxSize, io.signal) : undefined;
  if (read?.ok === false) return { kind: 'done', input, dest, result: refusedResult(input.name, read.diagnostic, renderFor(options, io, batch.single)) };
  const task = batch.runner.run(taskSpecOf(batch, input, read, dest));
  batch.running.add(task);
  let result: TaskResult;
  try {
    result = await task;
  } catch (err) {
    return { kind: 'crashed', input, error: err as Error };
  } finally {
    batch.running.delete(task);
  }
  // Counted as soon as the task is done, so the count is complete when an interrupt reports it.
  if (result.written?.ok === true) batch.outputsWritten++;
  return { kind: 'done', input, dest, result };
}

/** What the task of `input` needs: its bytes (when read here) or its path, the options, and where to write. */
function taskSpecOf(batch: Batch, input: Input, read: StreamRead | undefined, dest: string | undefined): TaskSpec {
  const { options, io } = batch;
  return {
    input: read?.ok ? { kind: 'stdin', bytes: read.bytes, name: input.name } : { kind: 'file', path: (input as Extract<Input, { kind: 'file' }>).path, name: input.name },
    encoding: options.encoding,
    issueDate: options.issueDate,
    render: renderFor(options, io, batch.single),
    showInfo: options.verbosity === 'verbose',
    explain: options.explain,
    // The task writes its own file (in a worker, the output never comes back to this thread),
    // as each finishes, not in input order.
    ...(dest !== undefined && { out: { root: options.out!, dest, overwrite: options.existing === 'overwrite', cwd: io.cwd } }),
    // On this thread, stdout gets a file's JSON or NDJSON as it is built.
    pieces: batch.runner.inProcess,
  };
}

/** Counts one outcome, prints its diagnostics (and --explain trace) and writes its output to stdout. */
async function takeOutcome(batch: Batch, outcome: Outcome): Promise<void> {
  const { tally, io } = batch;
  tally.files++;
  const name = outcome.input.name;
  if (outcome.kind === 'skipped') {
    tally.skipped++;
    report(batch, name, [atStart({ severity: 'info', code: 'output/skipped', message: `${shown(outcome.dest, io.cwd)} exists; skipped (--skip-existing)`, file: name })]);
  } else if (outcome.kind === 'exists') {
    tally.failures++;
    report(batch, name, [atStart({ severity: 'error', code: 'output/exists', message: `${shown(outcome.dest, io.cwd)} exists; pass --force to overwrite it or --skip-existing to keep it`, file: name })]);
  } else if (outcome.kind === 'crashed') {
    tally.failures++;
    report(batch, name, [atStart({ severity: 'error', code: 'cli/internal', message: `could not process this input: ${outcome.error.message}; please report it`, file: name })]);
  } else await takeResult(batch, name, outcome.result, outcome.dest);
  batch.progress.fileDone(name, outcome.kind === 'done' ? outcome.result.articles : 0);
}

/** A finished task: counted, reported, and its output written to stdout (unless it went to --out). */
async function takeResult(batch: Batch, name: string, result: TaskResult, dest: string | undefined): Promise<void> {
  const { tally, stdout } = batch;
  tally.articles += result.articles;
  tally.warnings += result.counts.warning;
  if (result.unusable) tally.failures++;
  // Asked for by name, so printed even under --quiet.
  if (result.explain) batch.progress.log(result.explain);
  report(batch, name, result.diagnostics);
  if (dest !== undefined) {
    if (result.written) report(batch, name, result.written.diagnostics);
    if (!result.unusable && result.written?.ok !== true) tally.failures++;
    return;
  }
  const separator = batch.items > 0 ? batch.frame.separator : '';
  if (result.pieces) await stdout.writePieces(separator, result.pieces);
  else await stdout.write(separator + result.output);
  batch.items++;
}

/** After the last task: a stdout failure, the repeats and the summary (or why the run stopped), and the exit code. */
function finishBatch(batch: Batch, started: number): number {
  const { io, options, tally, inputs, stdout, errChalk } = batch;
  if (stdout.error) {
    io.stderr.write(`error: cannot write to stdout: ${stdout.error.message}  output/stdout-failed\n`);
    return EXIT.failed;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stderr.write(batch.repeats.summary(errChalk));
  if (interrupted(batch)) {
    // Under --out, files finish out of order: count what is on disk, not what was reported.
    const message =
      options.out === undefined
        ? `interrupted after ${formatCount(tally.files)} of ${plural(inputs.length, 'file')}`
        : `interrupted: ${formatCount(batch.outputsWritten)} of ${plural(inputs.length, 'file')} written to ${shown(options.out, io.cwd)}`;
    const signal = signalOf(io.signal);
    io.stderr.write(`${message}${signal === 'SIGINT' ? '' : ` (${signal})`}; no partial files left\n`);
    return SIGNAL_EXIT[signal];
  }
  if (stdout.closed) {
    // `| head`: the reader had enough. Not a failure, but not a finished run either.
    const rest = inputs.length - tally.files;
    if (options.verbosity !== 'quiet') io.stderr.write(`stdout was closed after ${formatCount(tally.files)} of ${plural(inputs.length, 'file')}; ${rest === 0 ? 'all were processed' : `the other ${formatCount(rest)} ${rest === 1 ? 'was' : 'were'} not processed`}\n`);
  } else if (options.verbosity !== 'quiet') io.stderr.write(summaryLine(tally, seconds, errChalk));
  if (tally.failures > 0) return EXIT.failed;
  return options.strict && tally.warnings > 0 ? EXIT.failed : EXIT.ok;
}

/** Whether a diagnostic of this severity is printed. Under --strict, warnings decide the exit code, so --quiet keeps them. */
function visible(severity: Severity, options: CliOptions): boolean {
  if (severity === 'error') return true;
  if (options.verbosity === 'quiet') return severity === 'warning' && options.strict;
  return severity === 'warning' || options.verbosity === 'verbose';
}

/** How one input is rendered: a whole document for --out, a piece of the stream for stdout. */
function renderFor(options: CliOptions, io: CliIo, single: boolean): Render {
  const toFile = options.out !== undefined;
  switch (options.format) {
    case 'json':
      return { format: 'json', arrayItem: !toFile && (options.array || !single) };
    case 'ndjson':
      return { format: 'ndjson' };
    case 'csv':
    case 'tsv': {
      const { format, columns } = options;
      return toFile ? { format, columns, header: true, bom: options.bom ?? format === 'csv' } : { format, columns, header: false, bom: false };
    }
    case 'text': {
      // Data formats are never coloured; the text summary only for a colour-capable stdout (or --color always).
      // On a terminal it fits the terminal's width; elsewhere 80 columns.
      const width = !toFile && io.stdout.isTTY === true && (io.stdout.columns ?? 0) > 0 ? io.stdout.columns! : 80;
      return { format: 'text', colorLevel: toFile ? 0 : colorLevel(io.stdout, io.env, options.color), width };
    }
    case 'html':
      throw new Error('-f html is rendered per issue, by cli/issues.ts');
  }
}

/** What stdout gets around and between the inputs' pieces. */
interface Framing {
  start: string;
  separator: string;
  end: string;
  /** Written instead of `end` when no piece was written. */
  empty?: string;
}

function stdoutFraming(options: CliOptions, single: boolean): Framing {
  if (options.out !== undefined) return { start: '', separator: '', end: '' };
  switch (options.format) {
    case 'json':
      return single && !options.array ? { start: '', separator: '', end: '' } : { start: JSON_ARRAY.open, separator: JSON_ARRAY.separator, end: JSON_ARRAY.close, empty: ']\n' };
    case 'csv':
    case 'tsv': {
      const header = formatCsvHeader({ columns: options.columns, delimiter: options.format === 'tsv' ? '\t' : ',' });
      return { start: (options.bom === true ? CSV_BOM : '') + header, separator: '', end: '' };
    }
    case 'text':
      return { start: '', separator: '\n', end: '' };
    case 'ndjson':
    case 'html':
      return { start: '', separator: '', end: '' };
  }
}

/** Pieces of one file's output gathered into writes of about this many UTF-16 units. */
const STDOUT_CHUNK = 1 << 20;

/** stdout with backpressure; a closed pipe (`| head`) stops the run quietly. */
class StdoutSink {
  closed = false;
  error: Error | undefined;

  /** `beforeWrite` runs before each chunk, e.g. to erase a progress bar on the same terminal. */
  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly beforeWrite: () => void,
  ) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      this.closed = true;
      if (err.code !== 'EPIPE') this.error = err;
    });
  }

  /**
   * Writes `first`, then `pieces` as they are made, gathered into chunks of about a megabyte;
   * stops taking pieces once the pipe is closed.
   */
  async writePieces(first: string, pieces: Iterable<string>): Promise<void> {
    let chunk = first;
    for (const piece of pieces) {
      if (this.closed) return;
      chunk += piece;
      if (chunk.length >= STDOUT_CHUNK) {
        await this.write(chunk);
        chunk = '';
      }
    }
    await this.write(chunk);
  }

  async write(chunk: string): Promise<void> {
    if (this.closed || chunk.length === 0) return;
    this.beforeWrite();
    if (this.stream.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }
}

function atStart(d: Diagnostic): LocatedDiagnostic {
  return { ...d, point: { line: 1, column: 1 } };
}

/** A path as the user would write it: relative to the working folder when inside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function summaryLine(t: Tally, seconds: string, chalk: ChalkInstance): string {
  const parts = [plural(t.files, 'file'), plural(t.articles, 'article'), plural(t.warnings, 'warning'), plural(t.failures, 'failure')];
  if (t.skipped > 0) parts.push(`${t.skipped} skipped`);
  const line = `${parts.join(', ')} in ${seconds}s`;
  return (t.failures > 0 ? chalk.red(line) : t.warnings > 0 ? chalk.yellow(line) : line) + '\n';
}

function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** `930 B`, `25 KB`, `3.4 MB`, `1.2 GB` (powers of 1,024). */
function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let k = 0;
  while (n >= 1024 && k < units.length - 1) [n, k] = [n / 1024, k + 1];
  return `${k === 0 || n >= 10 ? Math.round(n) : n.toFixed(1)} ${units[k]}`;
}

/** Files sampled to estimate a run's size: enough for an average, cheap even for 10,000 inputs. */
const SIZE_SAMPLE = 64;

/** A run's size, and its largest input's bytes (of the sample). */
interface RunSize extends Workload {
  largest: number;
}

/** The size of the run, for the default --jobs and the workers' heaps: the first inputs' sizes, scaled to all of them. */
async function estimateWork(inputs: readonly Input[], stdinBytes: number): Promise<RunSize> {
  const sample = inputs.slice(0, SIZE_SAMPLE);
  const sizes = await Promise.all(sample.map((i) => (i.kind === 'stdin' ? stdinBytes : stat(i.path).then((st) => st.size, () => 0))));
  const sampled = sizes.reduce((a, b) => a + b, 0);
  return { files: inputs.length, bytes: sample.length === 0 ? 0 : (sampled / sample.length) * inputs.length, largest: Math.max(0, ...sizes) };
}
