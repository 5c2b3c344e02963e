/**
 * The CLI entry: `run(argv, io)` resolves to the exit code; only bin/paper-split.js sets it.
 * stdout carries data only; diagnostics, progress and the summary go to stderr.
 *
 * Flow: parse (commander) → normalise options → expand operands into inputs → check `--out` →
 * run every input through the library (in process, or on worker threads) with a bounded window,
 * taking results in input order → print each input's diagnostics, write its output → summary.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { isAbsolute, relative } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { Command, CommanderError } from 'commander';
import { formatReport, type LocatedDiagnostic } from '../diagnostics.js';
import { CSV_BOM, formatCsvHeader } from '../format/csv.js';
import { JSON_ARRAY } from '../format/json.js';
import { STDIN_NAME } from '../pipeline.js';
import type { Diagnostic, Severity } from '../types.js';
import { colorLevel } from './color.js';
import { expandInputs, type Input, type Inputs } from './inputs.js';
import { type CliOptions, FORMATS, normalizeOptions, type RawOptions, type UsageError } from './options.js';
import { exists, outputPath, prepareOutDir, writeAtomic } from './output.js';
import { createRunner, orderedMap } from './pool.js';
import { createProgress } from './progress.js';
import type { Render, TaskResult, TaskSpec } from './task.js';

/** The streams and environment the CLI may touch, injected so tests run it in process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** The folder relative paths are read from, e.g. `process.cwd()`. */
  cwd: string;
  /** Aborted on SIGINT: stop scheduling, let writes in flight finish, exit 130. */
  signal?: AbortSignal;
}

/** Tasks kept in flight per worker thread. */
const TASKS_PER_WORKER = 4;

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

Exit codes:
  0    every input processed (warnings allowed)
  1    some input unusable (missing, unreadable, binary, undecodable), an
       output refused or not written, or any warning under --strict
  2    usage error, a folder or glob matching nothing, or --out not writable
  130  interrupted (Ctrl-C); no partial output files are left

Diagnostics go to stderr as \`file:line:col  severity  message  code\`.
Colour: on terminals only; NO_COLOR=1 turns it off and wins over FORCE_COLOR.
`;

/** Runs the CLI on `argv` (without node and the script) and resolves to the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const started = performance.now();
  const errChalk = new Chalk({ level: colorLevel(io.stderr, io.env) });
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

  let operands = program.args;
  if (operands.length === 0) {
    if (io.stdin.isTTY === true) return usage(io, { code: 'usage/no-input', message: 'no input: pass files, folders or globs, or pipe text to stdin' });
    operands = ['-'];
  }
  const [inputError, inputs] = await expandInputs(operands, { cwd: io.cwd, follow: options.follow, stdinName: options.stdinName, out: options.out });
  if (inputError) return usage(io, inputError);

  if (options.out !== undefined) {
    const planError = checkOutputPlan(inputs.inputs, options.out, options, io.cwd);
    if (planError) return usage(io, planError);
    const outError = await prepareOutDir(options.out);
    if (outError) return usage(io, outError);
  }
  return runBatch(inputs, options, io, errChalk, started);
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
    .option('-o, --out <dir>', 'write one file per input into <dir>, mirroring folders, instead of stdout')
    .option('--force', 'overwrite existing files in --out')
    .option('--skip-existing', 'skip inputs whose output exists in --out (resume a run)')
    .option('-j, --jobs <n>', 'worker threads (default: the number of CPUs)')
    .option('--encoding <name>', 'utf-8, utf-16le, utf-16be, gb18030 (gbk, gb2312) or big5 (default: detect)')
    .option('--issue-date <date>', 'the issue date, YYYY-MM-DD (default: from the file name or the text)')
    .option('--stdin-name <file>', 'name stdin input in reports and for its issue date, e.g. 2021-06-27.txt')
    .option('--bom', 'start CSV with a UTF-8 BOM (default: in --out files, not on stdout)')
    .option('--no-bom', 'no BOM, not even in --out files')
    .option('--strict', 'exit 1 on any warning')
    .option('-q, --quiet', 'print errors only (and warnings under --strict): no progress or summary')
    .option('--verbose', 'also print info diagnostics (leftover lines) and a line per file')
    .option('--follow', 'follow symbolic links out of input folders and into linked folders')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .addHelpText('after', HELP_AFTER)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s) => onError(s),
      // A fixed width and no colour: the help text is the same everywhere (and golden-tested).
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });
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
  | { kind: 'done'; input: Input; dest: string | undefined; result: TaskResult; written: Written | undefined }
  | { kind: 'exists'; input: Input; dest: string }
  | { kind: 'skipped'; input: Input; dest: string }
  | { kind: 'crashed'; input: Input; error: Error };

/** How writing one output under --out went: done as soon as its task is, in any order. */
interface Written {
  ok: boolean;
  diagnostics: LocatedDiagnostic[];
}

/** Totals for the summary and the exit code. */
interface Tally {
  files: number;
  articles: number;
  warnings: number;
  failures: number;
  skipped: number;
}

async function runBatch(expanded: Inputs, options: CliOptions, io: CliIo, errChalk: ChalkInstance, started: number): Promise<number> {
  const { inputs, single } = expanded;
  const tally: Tally = { files: 0, articles: 0, warnings: 0, failures: 0, skipped: 0 };
  const progress = createProgress(io.stderr, inputs.length, options.verbosity);
  const report = (diagnostics: LocatedDiagnostic[]): void => {
    const shown = diagnostics.filter((d) => visible(d.severity, options));
    if (shown.length > 0) progress.log(formatReport(shown, errChalk));
  };
  for (const d of expanded.diagnostics) if (d.severity === 'warning') tally.warnings++;
  report(expanded.diagnostics.map(atStart));

  const stdout = new StdoutSink(io.stdout);
  const frame = stdoutFraming(options, single);
  const stdinBytes = inputs.some((i) => i.kind === 'stdin') ? await readAll(io.stdin) : new Uint8Array();
  const runner = createRunner(Math.min(options.jobs, inputs.length));
  const interrupted = (): boolean => io.signal?.aborted === true;
  const stop = (): void => void runner.close();
  io.signal?.addEventListener('abort', stop, { once: true });

  const work = async (input: Input): Promise<Outcome> => {
    let dest: string | undefined;
    if (options.out !== undefined) {
      dest = outputPath(options.out, input.rel, options.format);
      if (options.existing !== 'overwrite' && (await exists(dest))) return { kind: options.existing === 'skip' ? 'skipped' : 'exists', input, dest };
    }
    const spec: TaskSpec = {
      input: input.kind === 'stdin' ? { kind: 'stdin', bytes: stdinBytes, name: input.name } : { kind: 'file', path: input.path, name: input.name },
      encoding: options.encoding,
      issueDate: options.issueDate,
      render: renderFor(options, io, single),
      showInfo: options.verbosity === 'verbose',
    };
    let result: TaskResult;
    try {
      result = await runner.run(spec);
    } catch (err) {
      return { kind: 'crashed', input, error: err as Error };
    }
    // Files under --out are written here, as each task finishes, not in input order: a write takes
    // about as long as splitting a file, and waiting for it in order would leave workers idle.
    let written: Written | undefined;
    if (dest !== undefined && !result.unusable && !interrupted()) {
      const write = writeOutput(options, dest, result.output, input.name, io.cwd, checkedFolders);
      writes.add(write);
      written = await write.finally(() => writes.delete(write));
    }
    return { kind: 'done', input, dest, result, written };
  };
  /** Writes in flight, awaited before returning so that an interrupt never leaves a temporary file. */
  const writes = new Set<Promise<Written>>();
  /** Output folders created and checked in this run. */
  const checkedFolders = new Map<string, Promise<void>>();

  let items = 0;
  try {
    if (frame.start) await stdout.write(frame.start);
    // Tasks in flight: enough per worker that workers never wait while this thread writes results
    // out in order (a file's write takes about as long as splitting it); bounded, so memory stays flat.
    const window = Math.max(2, TASKS_PER_WORKER * Math.min(options.jobs, inputs.length));
    for await (const outcome of orderedMap(inputs, window, work, () => interrupted() || stdout.closed)) {
      if (interrupted() || stdout.closed) break;
      tally.files++;
      const name = outcome.input.name;
      if (outcome.kind === 'skipped') {
        tally.skipped++;
        report([atStart({ severity: 'info', code: 'output/skipped', message: `${shown(outcome.dest, io.cwd)} exists; skipped (--skip-existing)`, file: name })]);
      } else if (outcome.kind === 'exists') {
        tally.failures++;
        report([atStart({ severity: 'error', code: 'output/exists', message: `${shown(outcome.dest, io.cwd)} exists; pass --force to overwrite it or --skip-existing to keep it`, file: name })]);
      } else if (outcome.kind === 'crashed') {
        tally.failures++;
        report([atStart({ severity: 'error', code: 'cli/internal', message: `could not process this input: ${outcome.error.message}; please report it`, file: name })]);
      } else {
        const { result, dest } = outcome;
        tally.articles += result.articles;
        tally.warnings += result.counts.warning;
        if (result.unusable) tally.failures++;
        report(result.diagnostics);
        if (dest !== undefined) {
          if (outcome.written) report(outcome.written.diagnostics);
          if (!result.unusable && outcome.written?.ok !== true) tally.failures++;
        } else {
          await stdout.write((items > 0 ? frame.separator : '') + result.output);
          items++;
        }
      }
      progress.fileDone(name, outcome.kind === 'done' ? outcome.result.articles : 0);
    }
    if (!interrupted() && !stdout.closed) await stdout.write(items === 0 && frame.empty !== undefined ? frame.empty : frame.end);
  } finally {
    await Promise.allSettled([...writes]);
    io.signal?.removeEventListener('abort', stop);
    progress.stop();
    await runner.close();
  }

  if (stdout.error) {
    io.stderr.write(`error: cannot write to stdout: ${stdout.error.message}  output/stdout-failed\n`);
    return EXIT.failed;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (interrupted()) {
    io.stderr.write(`interrupted after ${tally.files} of ${plural(inputs.length, 'file')}; no partial files left\n`);
    return EXIT.interrupted;
  }
  if (options.verbosity !== 'quiet') io.stderr.write(summaryLine(tally, seconds, errChalk));
  if (tally.failures > 0) return EXIT.failed;
  return options.strict && tally.warnings > 0 ? EXIT.failed : EXIT.ok;
}

/** Writes one output file; reports and returns false when it could not. */
async function writeOutput(options: CliOptions, dest: string, data: string, name: string, cwd: string, checked: Map<string, Promise<void>>): Promise<Written> {
  try {
    const outcome = await writeAtomic(options.out!, dest, data, options.existing === 'overwrite', checked);
    if (outcome === 'written') return { ok: true, diagnostics: [] };
    return { ok: false, diagnostics: [atStart({ severity: 'error', code: 'output/exists', message: `${shown(dest, cwd)} exists; pass --force to overwrite it or --skip-existing to keep it`, file: name })] };
  } catch (err) {
    return { ok: false, diagnostics: [atStart({ severity: 'error', code: 'output/write-failed', message: `cannot write ${shown(dest, cwd)}: ${(err as Error).message}`, file: name })] };
  }
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
      return { format: 'json', arrayItem: !toFile && !single };
    case 'ndjson':
      return { format: 'ndjson' };
    case 'csv':
      return toFile ? { format: 'csv', header: true, bom: options.bom ?? true } : { format: 'csv', header: false, bom: false };
    case 'text':
      // Data formats are never coloured; the text summary only for a colour-capable stdout.
      return { format: 'text', colorLevel: toFile ? 0 : colorLevel(io.stdout, io.env) };
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
      return single ? { start: '', separator: '', end: '' } : { start: JSON_ARRAY.open, separator: JSON_ARRAY.separator, end: JSON_ARRAY.close, empty: ']\n' };
    case 'csv':
      return { start: (options.bom === true ? CSV_BOM : '') + formatCsvHeader(), separator: '', end: '' };
    case 'text':
      return { start: '', separator: '\n', end: '' };
    case 'ndjson':
      return { start: '', separator: '', end: '' };
  }
}

/** stdout with backpressure; a closed pipe (`| head`) stops the run quietly. */
class StdoutSink {
  closed = false;
  error: Error | undefined;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      this.closed = true;
      if (err.code !== 'EPIPE') this.error = err;
    });
  }

  async write(chunk: string): Promise<void> {
    if (this.closed || chunk.length === 0) return;
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

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
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
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
