/** Shared helpers of the CLI tests: an in-process runner with fake streams, temp folders, and the built bin. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import stringWidth from 'string-width';
import { afterAll } from 'vitest';
import { type CliIo, run } from '../../src/cli/run.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEEDS = ['000_1571c1513e9212b0.txt', '004_de87c0f9f60ce011.txt'] as const;
export const SEED_A = join('seeds', SEEDS[0]);
export const SEED_B = join('seeds', SEEDS[1]);
export const BIN = join(ROOT, 'bin/paper-split.js');

/** A writable that keeps what it gets; `isTTY` as asked. */
export function collector(isTTY = false): { stream: Writable & { isTTY?: boolean }; bytes: () => Buffer; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  if (isTTY) {
    stream.isTTY = true;
    stream.columns = 100;
  }
  return { stream, bytes: () => Buffer.concat(chunks), text: () => Buffer.concat(chunks).toString('utf8') };
}

export interface InProcessOptions {
  cwd?: string;
  /** Bytes on stdin; without them stdin is a terminal (nothing piped). */
  stdin?: string | Uint8Array;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface CliRun {
  code: number;
  stdout: string;
  stdoutBytes: Buffer;
  /** stderr with the summary's time replaced by `<t>`. */
  stderr: string;
}

/** Runs the CLI in process with fake streams. */
export async function cli(args: string[], options: InProcessOptions = {}): Promise<CliRun> {
  const out = collector(options.stdoutTTY);
  const err = collector(options.stderrTTY);
  let stdin: Readable & { isTTY?: boolean };
  if (options.stdin === undefined) {
    stdin = new PassThrough();
    stdin.isTTY = true;
  } else {
    stdin = Readable.from([Buffer.from(options.stdin)]);
  }
  const io: CliIo = { stdin, stdout: out.stream, stderr: err.stream, env: options.env ?? {}, cwd: options.cwd ?? ROOT };
  if (options.signal) io.signal = options.signal;
  const code = await run(args, io);
  return { code, stdout: out.text(), stdoutBytes: out.bytes(), stderr: normalizeTime(err.text()) };
}

/** Replaces the run time in summary lines: `in 0.3s` → `in <t>`. */
export function normalizeTime(s: string): string {
  return s.replace(/ in [0-9]+\.[0-9]s\n/gu, ' in <t>\n');
}

/** A fresh temp folder, removed after the test file. */
export async function tempDir(prefix = 'paper-split-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(cleanups.splice(0).map((f) => f()));
});

/** Copies a seed to `dest`. */
export async function copySeed(seed: string, dest: string): Promise<void> {
  await cp(join(ROOT, 'seeds', seed), dest);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function sha256File(path: string): Promise<string> {
  return sha256(await readFile(path));
}

export interface SpawnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** Spawns the built bin. `stdin`: bytes to pipe, or `'ignore'` (no stdin at all, like a closed terminal). */
export function spawnBin(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string | Uint8Array } = {}): Promise<SpawnResult> {
  if (!existsSync(join(ROOT, 'dist/cli/run.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) before the end-to-end tests');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout: Buffer.concat(out), stderr: normalizeTime(Buffer.concat(err).toString('utf8')) }));
    child.stdin.end(options.stdin === undefined ? undefined : Buffer.from(options.stdin));
  });
}

/** True when util-linux `script` is here to give the bin a pseudo-terminal. */
export const HAS_SCRIPT = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Runs the built bin on a pseudo-terminal `columns` wide (util-linux `script`), stdout and stderr
 * both on it, and resolves to the bytes the terminal received.
 */
export function spawnInTerminal(args: string[], options: { cwd: string; columns: number; env?: NodeJS.ProcessEnv }): Promise<{ code: number | null; raw: string }> {
  if (!existsSync(join(ROOT, 'dist/cli/run.js'))) throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;
  const command = `stty cols ${options.columns} rows 40; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  return new Promise((resolvePromise, reject) => {
    // -e: exit with the child's code; -q: no "Script started" lines; the log goes to /dev/null.
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: options.cwd, env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, raw: Buffer.concat(out).toString('utf8') }));
  });
}

/** One line of a terminal screen: its text, and whether it ran on into the next row (auto-wrap). */
export interface ScreenLine {
  text: string;
  /** Rows it took: more than 1 when the terminal wrapped it. */
  rows: number;
}

/**
 * What a terminal `columns` wide with auto-wrap on shows after receiving `raw`: `\r`, `\n`, erase
 * to end of line (ESC[K) and wrapping are applied, colours and other escapes dropped, trailing
 * spaces trimmed. Enough of a terminal to see what a progress bar leaves behind.
 */
export function screen(raw: string, columns: number): ScreenLine[] {
  const rows: { cells: string[]; wrapped: boolean }[] = [{ cells: [], wrapped: false }];
  let row = 0;
  let col = 0;
  const newRow = (wrapped: boolean): void => {
    rows[row]!.wrapped = wrapped;
    row++;
    col = 0;
    rows[row] ??= { cells: [], wrapped: false };
  };
  const tokens = raw.match(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]|[\s\S]/gu) ?? [];
  for (const t of tokens) {
    if (t === '\r') col = 0;
    else if (t === '\n') newRow(false);
    else if (t === '\u001b[K' || t === '\u001b[0K') rows[row]!.cells.length = Math.min(rows[row]!.cells.length, col);
    else if (t.startsWith('\u001b')) continue;
    else {
      const w = stringWidth(t);
      if (w === 0) continue;
      if (col + w > columns) newRow(true);
      const cells = rows[row]!.cells;
      while (cells.length < col) cells.push(' ');
      cells[col] = t;
      for (let k = 1; k < w; k++) cells[col + k] = '';
      col += w;
    }
  }
  const lines: ScreenLine[] = [];
  let text = '';
  let count = 0;
  for (const r of rows) {
    text += r.cells.map((c) => c ?? ' ').join('');
    count++;
    if (r.wrapped) continue;
    lines.push({ text: text.trimEnd(), rows: count });
    text = '';
    count = 0;
  }
  while (lines.length > 0 && lines[lines.length - 1]!.text === '') lines.pop();
  return lines;
}
