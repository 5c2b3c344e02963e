/**
 * Options are normalised once, here, into a fully defaulted object. A bad value comes back as a
 * usage error naming the option, what it expects and what it got (never a throw), as
 * csv-stringify's normalize_options does.
 */
import { resolve } from 'node:path';
import { parseEncoding } from '../decode.js';
import { parseIssueDate } from '../extract/dates.js';
import type { Encoding } from '../types.js';

/** Output formats, in the order `--help` lists them. */
export const FORMATS = ['json', 'ndjson', 'csv', 'text'] as const;
export type Format = (typeof FORMATS)[number];

/** The file extension each format writes under `--out`. */
export const EXTENSIONS: Readonly<Record<Format, string>> = { json: '.json', ndjson: '.ndjson', csv: '.csv', text: '.txt' };

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
  /** Worker threads, 1 or more (1 runs everything in process). */
  jobs: number;
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
  /** The default `--jobs`, e.g. `os.availableParallelism()`. */
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

  let jobs = ctx.cpus;
  if (raw.jobs !== undefined) {
    if (!/^[0-9]+$/u.test(raw.jobs) || Number(raw.jobs) < 1) return [bad('-j, --jobs <n>', raw.jobs, 'a whole number of 1 or more')];
    jobs = Number(raw.jobs);
  }

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

  return [
    undefined,
    {
      format,
      out: raw.out === undefined ? undefined : resolve(ctx.cwd, raw.out),
      existing: raw.force ? 'overwrite' : raw.skipExisting ? 'skip' : 'refuse',
      jobs,
      encoding,
      issueDate: raw.issueDate,
      stdinName: raw.stdinName ?? ctx.stdinDefaultName,
      bom: raw.bom,
      strict: raw.strict ?? false,
      verbosity: raw.quiet ? 'quiet' : raw.verbose ? 'verbose' : 'normal',
      follow: raw.follow ?? false,
    },
  ];
}

function bad(option: string, got: string, expected: string): UsageError {
  return { code: 'usage/bad-option', message: `option '${option}' argument ${JSON.stringify(got)} is invalid: expected ${expected}` };
}

function conflict(a: string, b: string): UsageError {
  return { code: 'usage/conflict', message: `options '${a}' and '${b}' cannot be used together` };
}
