/**
 * Options are normalised once, here, into a fully defaulted object. A bad value comes back as a
 * usage error naming the option, what it expects and what it got (never a throw), as
 * csv-stringify's normalize_options does.
 */
import { resolve } from 'node:path';
import { CSV_COLUMN_NAMES, CSV_COLUMNS, type CsvColumn, type Encoding, parseEncoding, parseIssueDate } from '../index.js';
import { COLOR_MODES, type ColorMode } from './color.js';

/** Output formats, in the order `--help` lists them. */
export const FORMATS = ['json', 'ndjson', 'csv', 'tsv', 'text', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The file extension each format writes under `--out`. Text summaries end in `.summary.txt`, which
 * folder walks skip, so a summary written inside an input folder is never read back as a page.
 */
export const EXTENSIONS: Readonly<Record<Format, string>> = { json: '.json', ndjson: '.ndjson', csv: '.csv', tsv: '.tsv', text: '.summary.txt', html: '.html' };

/** What commander hands over: every value as typed, nothing defaulted. */
export interface RawOptions {
  format?: string;
  out?: string;
  force?: boolean;
  skipExisting?: boolean;
  jobs?: string;
  encoding?: string;
  issueDate?: string;
  stdinName?: string;
  bom?: boolean;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  follow?: boolean;
  maxSize?: string;
  color?: string;
  array?: boolean;
  columns?: string;
  issues?: boolean;
  joinContinuations?: boolean;
  explain?: boolean;
}

/** What to do when an output file exists already. */
export type Existing = 'refuse' | 'overwrite' | 'skip';

/** How much goes to stderr: `quiet` prints errors only, `verbose` adds info diagnostics and one line per file. */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** Every option of a run, defaulted and checked. */
export interface CliOptions {
  /** The output format, e.g. `json`. */
  format: Format;
  /** Absolute path of `--out`; undefined when results go to stdout. */
  out: string | undefined;
  /** `--force` → overwrite, `--skip-existing` → skip, neither → refuse (an error for that input). */
  existing: Existing;
  /**
   * `--jobs` as given, at most `cpus` (1 runs everything in process); undefined: chosen from the
   * work once the inputs are known (`chooseJobs` in pool.ts).
   */
  jobs: number | undefined;
  /** `--jobs` above the number of CPUs, before it was capped: a warning. */
  jobsAsked: number | undefined;
  /** `--encoding`, resolved from its aliases (`gbk` → `gb18030`); undefined: detect. */
  encoding: Encoding | undefined;
  /** `YYYY-MM-DD`, already checked to be a real date. */
  issueDate: string | undefined;
  /** The name of stdin input in reports and for issue-date inference, e.g. `2021-06-27.txt`; `<stdin>` by default. */
  stdinName: string;
  /** `--bom`/`--no-bom` as given; undefined means: a BOM in CSV files, none on stdout. */
  bom: boolean | undefined;
  /** Warnings make the exit code 1. */
  strict: boolean;
  verbosity: Verbosity;
  /** Follow symbolic links out of input folders, and into linked folders. */
  follow: boolean;
  /** `--max-size` in bytes: stdin, a FIFO or a device is refused past it, e.g. 536870912 (512 MB, the default). */
  maxSize: number;
  /** `--color`: `auto` leaves it to NO_COLOR, FORCE_COLOR and the terminal; the others win over them. */
  color: ColorMode;
  /** `--array`: `-f json` prints an array even for one input, so its shape never depends on the shell. */
  array: boolean;
  /** CSV and TSV columns, in order, e.g. `['file', 'headline', 'body']`. */
  columns: readonly CsvColumn[];
  /** `--issues`: one output per issue, its pages in order and continued articles linked (issue mode, cli/issues.ts). */
  issues: boolean;
  /** `--join-continuations`: each article continued across pages becomes one (issue mode, cli/issues.ts). */
  joinContinuations: boolean;
  /** `--explain`: print on stderr the trace of repair, classify and segment, `FILE:LINE  what` (cli/explain.ts). */
  explain: boolean;
}

/** A usage error: exit code 2. `code` is a stable id such as `usage/bad-option`. */
export interface UsageError {
  code: string;
  /** Names the option or path, what was expected and what was given. */
  message: string;
}

/** What the defaults depend on. */
export interface OptionContext {
  /** Picks the default format: text for a terminal, json otherwise. */
  stdoutIsTTY: boolean;
  /** The most `--jobs` allowed, e.g. `os.availableParallelism()`. */
  cpus: number;
  /** Where a relative `--out` is resolved from. */
  cwd: string;
  /** The name of stdin without `--stdin-name`, e.g. `<stdin>`. */
  stdinDefaultName: string;
}

const ENCODING_NAMES = 'utf-8, utf-16le, utf-16be, gb18030 (or gbk, gb2312), big5';

/** Checks and defaults `raw`. Returns `[error]` or `[undefined, options]`. */
export function normalizeOptions(raw: RawOptions, ctx: OptionContext): [UsageError] | [undefined, CliOptions] {
  if (raw.force && raw.skipExisting) return [conflict('--force', '--skip-existing')];
  if (raw.quiet && raw.verbose) return [conflict('--quiet', '--verbose')];

  let format: Format;
  if (raw.format === undefined) format = ctx.stdoutIsTTY && raw.out === undefined ? 'text' : 'json';
  else if ((FORMATS as readonly string[]).includes(raw.format)) format = raw.format as Format;
  else return [bad('-f, --format <format>', raw.format, `one of ${FORMATS.join(', ')}`)];

  let jobs: number | undefined;
  let jobsAsked: number | undefined;
  if (raw.jobs !== undefined) {
    if (!/^[0-9]+$/u.test(raw.jobs) || Number(raw.jobs) < 1) return [bad('-j, --jobs <n>', raw.jobs, 'a whole number of 1 or more')];
    jobs = Number(raw.jobs);
    // More threads than CPUs only add memory and switching (-j 64 on 8 CPUs: 2.2 GB, 5× slower).
    if (jobs > ctx.cpus) [jobsAsked, jobs] = [jobs, ctx.cpus];
  }

  const color = raw.color ?? 'auto';
  if (!(COLOR_MODES as readonly string[]).includes(color)) return [bad('--color <when>', color, `one of ${COLOR_MODES.join(', ')}`)];

  let columns: readonly CsvColumn[] = CSV_COLUMNS;
  if (raw.columns !== undefined) {
    if (format !== 'csv' && format !== 'tsv') return [{ code: 'usage/conflict', message: `option '--columns' applies to -f csv and -f tsv, not -f ${format}` }];
    const names = raw.columns.split(',').map((c) => c.trim());
    const unknown = names.find((c) => !(CSV_COLUMN_NAMES as readonly string[]).includes(c));
    if (unknown !== undefined) return [bad('--columns <list>', raw.columns, `column names separated by commas, from ${CSV_COLUMN_NAMES.join(', ')} (${JSON.stringify(unknown)} is not one)`)];
    const repeated = names.find((c, k) => names.indexOf(c) !== k);
    if (repeated !== undefined) return [bad('--columns <list>', raw.columns, `each column once (${repeated} is named twice)`)];
    columns = names as CsvColumn[];
  }
  if (raw.array && format !== 'json') return [{ code: 'usage/conflict', message: `option '--array' applies to -f json (ndjson, csv and tsv are flat already), not -f ${format}` }];

  let encoding: Encoding | undefined;
  if (raw.encoding !== undefined) {
    encoding = parseEncoding(raw.encoding);
    if (!encoding) return [bad('--encoding <name>', raw.encoding, `one of ${ENCODING_NAMES}`)];
  }

  if (raw.issueDate !== undefined && !parseIssueDate(raw.issueDate)) {
    return [bad('--issue-date <date>', raw.issueDate, 'a real date written YYYY-MM-DD, e.g. 2021-06-27')];
  }
  if (raw.out !== undefined && raw.out.length === 0) return [bad('-o, --out <dir>', raw.out, 'a folder path')];
  if (raw.stdinName !== undefined && raw.stdinName.length === 0) return [bad('--stdin-name <file>', raw.stdinName, 'a file name, e.g. 2021-06-27.txt')];
  const maxSize = raw.maxSize === undefined ? DEFAULT_MAX_SIZE : parseSize(raw.maxSize);
  if (maxSize === undefined) return [bad('--max-size <size>', raw.maxSize!, 'a size such as 512M, 2G or 1000000 (bytes), at least 1')];

  return [
    undefined,
    {
      format,
      out: raw.out === undefined ? undefined : resolve(ctx.cwd, raw.out),
      existing: raw.force ? 'overwrite' : raw.skipExisting ? 'skip' : 'refuse',
      jobs,
      jobsAsked,
      encoding,
      issueDate: raw.issueDate,
      stdinName: raw.stdinName ?? ctx.stdinDefaultName,
      bom: raw.bom,
      strict: raw.strict ?? false,
      verbosity: raw.quiet ? 'quiet' : raw.verbose ? 'verbose' : 'normal',
      follow: raw.follow ?? false,
      maxSize,
      color: color as ColorMode,
      array: raw.array ?? false,
      columns,
      issues: raw.issues ?? false,
      joinContinuations: raw.joinContinuations ?? false,
      explain: raw.explain ?? false,
    },
  ];
}

/** The default `--max-size`: larger than any real issue, small enough to refuse a runaway stream. */
export const DEFAULT_MAX_SIZE = 512 * 2 ** 20;

/** `512M`, `2G`, `64k`, `1000000` → bytes; undefined when it is not a size of 1 byte or more. */
export function parseSize(text: string): number | undefined {
  const m = /^(?<n>[0-9]+)(?<unit>[kmg]?)b?$/iu.exec(text.trim());
  if (!m?.groups) return undefined;
  const n = Number(m.groups.n) * 1024 ** ' kmg'.indexOf((m.groups.unit || ' ').toLowerCase());
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
}

function bad(option: string, got: string, expected: string): UsageError {
  return { code: 'usage/bad-option', message: `option '${option}' argument ${JSON.stringify(got)} is invalid: expected ${expected}` };
}

function conflict(a: string, b: string): UsageError {
  return { code: 'usage/conflict', message: `options '${a}' and '${b}' cannot be used together` };
}
