/**
 * Issue 11, end to end: input the tool cannot trust, each built here (the seeds re-encoded and
 * damaged, a folder whose links loop, a FIFO, /dev/zero, an oversized stdin, signals mid-batch),
 * through the BUILT bin. Each case asserts the exit code, the diagnostic code on stderr and,
 * where the text is recoverable, that the articles equal the clean file's.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../src/types.js';
import { BIN, ROOT, SEEDS, spawnBin, tempDir } from './helpers.js';

let dir: string;
let seedA: string;
let seedB: string;
let clean: Issue;

beforeAll(async () => {
  dir = await tempDir();
  seedA = await readFile(join(ROOT, 'seeds', SEEDS[0]), 'utf8');
  seedB = await readFile(join(ROOT, 'seeds', SEEDS[1]), 'utf8');
  await writeFile(join(dir, 'clean.txt'), seedA);
  clean = JSON.parse((await spawnBin(['-f', 'json', 'clean.txt'], { cwd: dir })).stdout.toString('utf8')) as Issue;
  expect(clean.articles.length).toBeGreaterThanOrEqual(3);
});

/** Runs the bin on `args` in the test folder and parses its JSON output (one issue). */
async function runJson(args: string[], stdin?: Uint8Array) {
  const r = await spawnBin(['-f', 'json', ...args], { cwd: dir, ...(stdin ? { stdin } : {}) });
  return { ...r, issue: r.stdout.length > 0 ? (JSON.parse(r.stdout.toString('utf8')) as Issue) : undefined };
}
const codes = (stderr: string): string[] => [...stderr.matchAll(/ ([a-z]+\/[a-z-]+)$/gmu)].map((m) => m[1]!);
const headlines = (articles: readonly Article[] | undefined): (string | null)[] => (articles ?? []).map((a) => a.headline);

describe('encodings chosen by evidence', () => {
  it('UTF-8 with one invalid byte: exit 0, decode/replaced, UTF-8, the clean articles (it was six garbled GB18030 ones)', async () => {
    const bytes = Buffer.from(seedA, 'utf8');
    const at = bytes.indexOf(Buffer.from('会议指出', 'utf8'));
    await writeFile(join(dir, 'bad-byte.txt'), Buffer.concat([bytes.subarray(0, at), Buffer.from([0x80]), bytes.subarray(at)]));
    const r = await runJson(['bad-byte.txt']);
    expect([r.code, codes(r.stderr).filter((c) => c.startsWith('decode/')), r.issue?.encoding]).toEqual([0, ['decode/replaced'], 'utf-8']);
    expect(headlines(r.issue?.articles)).toEqual(headlines(clean.articles));
    expect(r.issue?.articles.map((a) => a.body.replace('\ufffd', ''))).toEqual(clean.articles.map((a) => a.body));
  });

  it('UTF-16LE without a BOM: exit 0, no decode diagnostic, the clean articles', async () => {
    await writeFile(join(dir, 'utf16.txt'), Buffer.from(seedA, 'utf16le'));
    const r = await runJson(['utf16.txt']);
    expect([r.code, codes(r.stderr).filter((c) => c.startsWith('decode/')), r.issue?.encoding]).toEqual([0, [], 'utf-16le']);
    expect(r.issue?.articles).toEqual(clean.articles);
  });

  it('the first half UTF-8, the rest GBK: exit 0, decode/mixed naming the lines, the clean articles', async () => {
    const cut = seedA.indexOf('\n', seedA.length >> 1) + 1;
    await writeFile(join(dir, 'mixed.txt'), Buffer.concat([Buffer.from(seedA.slice(0, cut), 'utf8'), iconv.encode(seedA.slice(cut), 'gbk')]));
    const r = await runJson(['mixed.txt']);
    expect([r.code, codes(r.stderr).filter((c) => c.startsWith('decode/'))]).toEqual([0, ['decode/mixed']]);
    expect(r.stderr).toMatch(/mixed\.txt:[0-9]+:1 +warning +the file mixes encodings \(lines 1–[0-9]+ utf-8, [0-9]+–[0-9]+ gb18030\)/u);
    expect(r.issue?.articles).toEqual(clean.articles);
  });

  it('lone surrogates in UTF-16: exit 0, decode/replaced, NDJSON that is valid UTF-8 with no \\ud800 escape', async () => {
    const text = seedB.replace('市委理论学习中心组', '市委\ud800理论学习中心组');
    await writeFile(join(dir, 'surrogate.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await spawnBin(['-f', 'ndjson', 'surrogate.txt'], { cwd: dir });
    expect([r.code, codes(r.stderr).filter((c) => c.startsWith('decode/'))]).toEqual([0, ['decode/replaced']]);
    const out = r.stdout.toString('utf8');
    expect(Buffer.from(out, 'utf8').equals(r.stdout)).toBe(true);
    expect(out).not.toMatch(/\\ud[89ab]/iu);
    expect(out).toContain('市委\ufffd理论学习中心组');
  });

  it('GBK forced as UTF-8: exit 1, decode/undecodable, the message names --encoding gb18030', async () => {
    await writeFile(join(dir, 'gbk.txt'), iconv.encode(seedA, 'gbk'));
    const r = await runJson(['--encoding', 'utf-8', 'gbk.txt']);
    expect([r.code, codes(r.stderr)]).toEqual([1, ['decode/undecodable']]);
    expect(r.stderr).toContain('pass --encoding gb18030, which decodes it');
    expect(r.issue?.articles).toEqual([]);
  });
});

describe('bounded input', () => {
  it('--follow over two folder links that loop (a/to-b → b, b/to-a → a): each file once, under its own name, exit 0', async () => {
    await mkdir(join(dir, 'loop/a'), { recursive: true });
    await mkdir(join(dir, 'loop/b'));
    await writeFile(join(dir, 'loop/a/2026-06-01.txt'), seedA);
    await writeFile(join(dir, 'loop/b/2026-06-02.txt'), seedB);
    await symlink('../b', join(dir, 'loop/a/to-b'));
    await symlink('../a', join(dir, 'loop/b/to-a'));
    const r = await spawnBin(['--follow', '-f', 'ndjson', 'loop'], { cwd: dir });
    expect(r.code).toBe(0);
    const sources = [...new Set(r.stdout.toString('utf8').trim().split('\n').map((l) => (JSON.parse(l) as { source: string }).source))];
    expect(sources).toEqual(['loop/a/2026-06-01.txt', 'loop/b/2026-06-02.txt']);
  }, 20_000);

  it('a FIFO inside a folder: skipped with input/not-regular, the rest processed, exit 0', async () => {
    await mkdir(join(dir, 'with-fifo'));
    await writeFile(join(dir, 'with-fifo/2026-06-01.txt'), seedA);
    execFileSync('mkfifo', [join(dir, 'with-fifo/pipe.txt')]);
    const r = await spawnBin(['-f', 'ndjson', 'with-fifo'], { cwd: dir });
    expect([r.code, codes(r.stderr)]).toEqual([0, ['input/not-regular']]);
    expect(r.stderr).toMatch(/^with-fifo\/pipe\.txt:1:1 +warning +skipped: a FIFO \(named pipe\), not a regular file/mu);
    expect(r.stdout.toString('utf8').trim().split('\n')).toHaveLength(clean.articles.length);
  }, 20_000);

  it('a FIFO named as the input is read as a stream: exit 0, the clean articles', async () => {
    const fifo = join(dir, 'fifo.txt');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [BIN, '-f', 'json', 'fifo.txt'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await writeFile(fifo, seedA);
    expect(await exited).toBe(0);
    expect((JSON.parse(Buffer.concat(out).toString('utf8')) as Issue).articles).toEqual(clean.articles);
    await rm(fifo);
  }, 20_000);

  it('/dev/zero as the input: decode/binary after the first 64 KB, exit 1, at once', async () => {
    const started = Date.now();
    const r = await spawnBin(['-f', 'json', '/dev/zero'], { cwd: dir });
    expect([r.code, codes(r.stderr)]).toEqual([1, ['decode/binary']]);
    expect(r.stderr).toContain('stopped reading');
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);

  it('stdin past --max-size: input/too-large naming the limit, exit 1, without reading the rest', async () => {
    const big = Buffer.from(seedA.repeat(Math.ceil((2 * 2 ** 20) / Buffer.byteLength(seedA))), 'utf8');
    // Spawned here: the bin stops reading and exits, so the rest of the write fails with EPIPE.
    const child = spawn(process.execPath, [BIN, '-f', 'json', '--max-size', '1M'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdin.on('error', () => {});
    child.stdin.end(big);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, codes(stderr)]).toEqual([1, ['input/too-large']]);
    expect(stderr).toContain('more than 1 MB (--max-size); stopped reading');
    // Within the limit the same stdin is split.
    const ok = await runJson(['--max-size', '8M', '--issue-date', '2026-06-01'], big);
    expect([ok.code, ok.issue?.articles.length]).toEqual([0, expect.any(Number)]);
  }, 30_000);

  it('a bad --max-size is a usage error (exit 2)', async () => {
    const r = await spawnBin(['--max-size', 'lots', 'clean.txt'], { cwd: dir });
    expect([r.code, codes(r.stderr)]).toEqual([2, ['usage/bad-option']]);
  });
});

describe('signals and debris', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s mid-batch: exit %i with a message, complete outputs only, no temporary files', async (signal, exitCode) => {
    const run = await tempDir();
    await mkdir(join(run, 'in'));
    await Promise.all(Array.from({ length: 200 }, (_, i) => writeFile(join(run, 'in', `p${String(i).padStart(3, '0')}.txt`), i % 2 ? seedB : seedA)));
    const child = spawn(process.execPath, [BIN, 'in', '--out', 'out', '-f', 'json', '--jobs', '2', '-q'], { cwd: run, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const names = await readdir(join(run, 'out')).catch(() => [] as string[]);
      if (names.filter((n) => n.endsWith('.json')).length >= 3 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill(signal);
    expect(await exited).toEqual([exitCode, null]);
    expect(stderr).toMatch(new RegExp(`interrupted: [0-9]+ of 200 files written to out \\(${signal}\\); no partial files left\\n$`, 'u'));
    const files = await readdir(join(run, 'out'));
    expect(files.filter((n) => !/^p[0-9]{3}\.json$/u.test(n))).toEqual([]);
    for (const name of files) expect((JSON.parse(await readFile(join(run, 'out', name), 'utf8')) as Issue).source).toBe(join('in', name.replace(/\.json$/u, '.txt')));
  }, 40_000);

  it('a run sweeps stale temporary files of its own naming from --out (a killed run\'s), and leaves other files alone', async () => {
    const run = await tempDir();
    await mkdir(join(run, 'out/sub'), { recursive: true });
    await writeFile(join(run, 'in.txt'), seedA);
    // PIDs far above any pid_max: no such process.
    const stale = ['out/.in.json.999999999-0123abcd.tmp', 'out/sub/.x.json.999999998-deadbeef.tmp', 'out/.paper-split-probe-999999997-00ff00ff'];
    const kept = ['out/.notes.tmp', 'out/keep.json.1-abcdef01.tmp'];
    for (const f of [...stale, ...kept]) await writeFile(join(run, f), '');
    const r = await spawnBin(['in.txt', '--out', 'out', '-f', 'json', '-q'], { cwd: run });
    expect(r.code).toBe(0);
    expect((await readdir(join(run, 'out'), { recursive: true })).sort()).toEqual(['.notes.tmp', 'in.json', 'keep.json.1-abcdef01.tmp', 'sub']);
  });
});

describe('bounded input: loops between folders outside the input', () => {
  it('--follow: two outside folders linking to each other are each walked once', async () => {
    // in/x → ../ext1, ext1/y → ../ext2, ext2/z → ../ext1: a loop the walk enters from outside.
    await mkdir(join(dir, 'outer/in'), { recursive: true });
    await mkdir(join(dir, 'outer/ext1'));
    await mkdir(join(dir, 'outer/ext2'));
    await writeFile(join(dir, 'outer/ext1/2026-06-01.txt'), seedA);
    await writeFile(join(dir, 'outer/ext2/2026-06-02.txt'), seedB);
    await symlink('../ext1', join(dir, 'outer/in/x'));
    await symlink('../ext2', join(dir, 'outer/ext1/y'));
    await symlink('../ext1', join(dir, 'outer/ext2/z'));
    const r = await spawnBin(['--follow', '-f', 'ndjson', 'outer/in'], { cwd: dir });
    expect(r.code).toBe(0);
    const sources = [...new Set(r.stdout.toString('utf8').trim().split('\n').map((l) => (JSON.parse(l) as { source: string }).source))];
    expect(sources).toEqual(['outer/in/x/2026-06-01.txt', 'outer/in/x/y/2026-06-02.txt']);
  }, 20_000);
});
