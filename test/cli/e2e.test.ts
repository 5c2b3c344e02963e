/**
 * End to end: the BUILT bin/paper-split.js as a child process, with real pipes, signals, worker
 * threads and exit codes. `npm test` builds first; run `npm run build` before running this file alone.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitFile } from '../../src/file.js';
import type { Article, Issue } from '../../src/types.js';
import { BIN, copySeed, ROOT, SEED_A, SEED_B, SEEDS, sha256File, spawnBin, tempDir } from './helpers.js';

const ANSI = /\u001b\[/u;
let issueA: Issue;

beforeAll(async () => {
  issueA = await splitFile(join(ROOT, SEED_A), { name: SEED_A });
});

/** Every file under `dir` with its content, sorted by path. */
async function snapshot(dir: string): Promise<[string, string][]> {
  const names = (await readdir(dir, { recursive: true })).sort();
  const out: [string, string][] = [];
  for (const name of names) if ((await stat(join(dir, name))).isFile()) out.push([name, await readFile(join(dir, name), 'utf8')]);
  return out;
}

/** A folder of issues: two seeds at the top, copies in a nested subfolder. */
async function issuesFolder(copies = 3): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, 'issues/2021/06'), { recursive: true });
  await copySeed(SEEDS[0], join(dir, 'issues/2021-06-27.txt'));
  await copySeed(SEEDS[1], join(dir, 'issues/b.txt'));
  for (let i = 0; i < copies; i++) await copySeed(SEEDS[i % 2]!, join(dir, `issues/2021/06/p${i}.txt`));
  return dir;
}

describe('the executable', () => {
  it.each([['--version'], ['-V']])('%s prints the package version (the fast path) and exits 0', async (flag) => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await spawnBin([flag]);
    expect([r.code, r.stdout.toString('utf8'), r.stderr.toString()]).toEqual([0, `${pkg.version}\n`, '']);
  });
});

describe('formats on a seed', () => {
  it('json: parses back to exactly the library issue', async () => {
    const r = await spawnBin(['-f', 'json', SEED_A]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(issueA)));
  });

  it('json is the default on a pipe', async () => {
    const r = await spawnBin([SEED_A]);
    expect(r.stdout.toString('utf8')).toBe(JSON.stringify(issueA, null, 2) + '\n');
  });

  it('ndjson: one parseable record per article with source and issueDate', async () => {
    const r = await spawnBin(['-f', 'ndjson', SEED_A]);
    const records = r.stdout.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Article & { source: string; issueDate: unknown });
    expect(records.map((x) => x.headline)).toEqual(issueA.articles.map((a) => a.headline));
    for (const x of records) expect([x.source, x.issueDate]).toEqual([SEED_A, JSON.parse(JSON.stringify(issueA.issueDate ?? null))]);
  });

  it('csv: parsed back with csv-parse, every field matches the JSON output', async () => {
    const [csv, json] = await Promise.all([spawnBin(['-f', 'csv', SEED_A, SEED_B]), spawnBin(['-f', 'json', SEED_A, SEED_B])]);
    const text = csv.stdout.toString('utf8');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const issues = JSON.parse(json.stdout.toString('utf8')) as Issue[];
    const articles = issues.flatMap((i) => i.articles.map((a) => ({ source: i.source, a })));
    expect(rows).toHaveLength(articles.length);
    // escape_formulas puts a ' before any cell that starts like a formula, year-unknown dates (--06-26) included.
    const cell = (s: string): string => (/^[=+\-@\t\r＝＋－＠]/u.test(s) ? `'${s}` : s);
    rows.forEach((row, k) => {
      const { source, a } = articles[k]!;
      expect(row).toEqual({
        file: source,
        index: String(a.index),
        headline: cell(a.headline),
        kicker: cell(a.kicker ?? ''),
        deck: cell(a.deck.join('；')),
        kind: a.kind,
        date: cell(a.date ?? ''),
        reporters: a.reporters.map((p) => `${p.role} ${p.name}`).join('；'),
        places: a.locations.map((l) => l.name).join('；'),
        place_codes: a.locations.map((l) => l.code).join('；'),
        characters: String([...a.body].length),
        first_sentence: row.first_sentence,
        lines: `${a.lines.first}-${a.lines.last}`,
      });
      expect(a.body.startsWith(row.first_sentence!.replace(/^'/u, ''))).toBe(true);
      expect(row.first_sentence!.length).toBeGreaterThan(0);
    });
  });

  it('text: a plain summary on a pipe', async () => {
    const r = await spawnBin(['-f', 'text', SEED_A]);
    const text = r.stdout.toString('utf8');
    expect(text.split('\n')[0]).toMatch(new RegExp(`^${SEED_A}  ${issueA.articles.length} articles(?:  |$)`, 'u'));
    // No terminal: 80 columns.
    expect(Math.max(...text.split('\n').map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
    expect(text).toContain(`  1  ${issueA.articles[0]!.headline}\n`);
    expect(text).not.toMatch(ANSI);
  });
});

describe('colour', () => {
  it.each([
    [{ FORCE_COLOR: '1' }, true],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    [{ NO_COLOR: '1' }, false],
  ])('%j: ANSI escapes in the text summary and stderr: %s', async (env, coloured) => {
    const r = await spawnBin(['-f', 'text', SEED_B], { env });
    expect(ANSI.test(r.stdout.toString('utf8'))).toBe(coloured);
    expect(r.stderr).toContain('dates/no-issue-year');
    expect(ANSI.test(r.stderr)).toBe(coloured);
  });
});

describe('stdin', () => {
  it.each([[['-']], [[]]])('reads stdin (operands %j) named by --stdin-name: issue date from the file name', async (operands) => {
    const r = await spawnBin(['-f', 'json', '--stdin-name', '2021-06-27.txt', ...operands], { stdin: await readFile(join(ROOT, SEED_B)) });
    expect(r.code).toBe(0);
    const issue = JSON.parse(r.stdout.toString('utf8')) as Issue;
    expect(issue.source).toBe('2021-06-27.txt');
    expect(issue.issueDate).toEqual({ value: '2021-06-27', source: 'file-name' });
    expect(issue.articles.length).toBeGreaterThan(0);
    expect(r.stderr).toBe(`1 file, ${issue.articles.length} articles, 0 warnings, 0 failures in <t>\n`);
  });
});

describe('batches to --out', () => {
  it('mirrors a nested folder tree; inputs are left byte for byte as they were', async () => {
    const dir = await issuesFolder(2);
    const inputs = ['issues/2021-06-27.txt', 'issues/b.txt', 'issues/2021/06/p0.txt', 'issues/2021/06/p1.txt'];
    const before = await Promise.all(inputs.map((f) => sha256File(join(dir, f))));
    const r = await spawnBin(['issues/', '--out', 'out/', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(0);
    expect((await snapshot(join(dir, 'out'))).map(([name]) => name)).toEqual(['2021-06-27.json', '2021/06/p0.json', '2021/06/p1.json', 'b.json']);
    const issue = JSON.parse(await readFile(join(dir, 'out/2021-06-27.json'), 'utf8')) as Issue;
    expect(issue.issueDate).toEqual({ value: '2021-06-27', source: 'file-name' });
    expect(await Promise.all(inputs.map((f) => sha256File(join(dir, f))))).toEqual(before);
  });

  it('a binary file inside the folder: exit 1, reported, the others converted', async () => {
    const dir = await issuesFolder(1);
    await writeFile(join(dir, 'issues/2021/bad.txt'), Buffer.from('89504e470d0a1a0a0000000d494844520000', 'hex'));
    const r = await spawnBin(['issues', '--out', 'out', '-f', 'ndjson'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^issues\/2021\/bad\.txt:1:1  error  binary data .*  decode\/binary$/mu);
    expect(r.stderr).toMatch(/^4 files, [0-9]+ articles, [0-9]+ warnings?, 1 failure in <t>\n$/mu);
    expect((await snapshot(join(dir, 'out'))).map(([name]) => name)).toEqual(['2021-06-27.ndjson', '2021/06/p0.ndjson', 'b.ndjson']);
  });

  it('an existing output: refused (exit 1, naming it), --skip-existing keeps it, --force replaces it', async () => {
    const dir = await issuesFolder(0);
    await mkdir(join(dir, 'out'));
    await writeFile(join(dir, 'out/b.json'), 'old');
    const refused = await spawnBin(['issues', '--out', 'out'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('issues/b.txt:1:1  error  out/b.json exists; pass --force to overwrite it or --skip-existing to keep it  output/exists\n');
    expect(await readFile(join(dir, 'out/b.json'), 'utf8')).toBe('old');
    expect(JSON.parse(await readFile(join(dir, 'out/2021-06-27.json'), 'utf8'))).toMatchObject({ source: 'issues/2021-06-27.txt' });

    const skipped = await spawnBin(['issues', '--out', 'out', '--skip-existing'], { cwd: dir });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toBe('2 files, 0 articles, 0 warnings, 0 failures, 2 skipped in <t>\n');
    expect(await readFile(join(dir, 'out/b.json'), 'utf8')).toBe('old');

    const forced = await spawnBin(['issues', '--out', 'out', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'out/b.json'), 'utf8'))).toMatchObject({ source: 'issues/b.txt' });
  });

  it('an unwritable --out (under a regular file): exit 2 before any output', async () => {
    const dir = await issuesFolder(0);
    await writeFile(join(dir, 'plain-file'), 'x');
    const r = await spawnBin(['issues', '--out', 'plain-file/out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toMatch(/: a part of the path is a file, not a folder; pick another folder {2}output\/not-writable\n/u);
    expect(await readFile(join(dir, 'plain-file'), 'utf8')).toBe('x');
  });

  it('a glob that matches nothing: exit 2', async () => {
    const r = await spawnBin(['nothing-here/**/*.txt']);
    expect(r.code).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toBe('error: the glob nothing-here/**/*.txt matches no files; check the path or quote the glob  input/no-match\n(run paper-split --help for usage)\n');
  });

  it('--strict: an empty file is a warning (input/empty) and exit 1; without --strict exit 0', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.txt'), '');
    const lax = await spawnBin(['empty.txt'], { cwd: dir });
    const strict = await spawnBin(['--strict', 'empty.txt'], { cwd: dir });
    expect([lax.code, strict.code]).toEqual([0, 1]);
    expect(strict.stderr).toBe('empty.txt:1:1  warning  the input is empty or blank: no articles  input/empty\n1 file, 0 articles, 1 warning, 0 failures in <t>\n');
  });
});

describe('--jobs', () => {
  it('--jobs 1 and --jobs 2 give byte-identical stdout and --out trees', async () => {
    const dir = await issuesFolder(10);
    await writeFile(join(dir, 'issues/2021/bad.txt'), Buffer.from('000102000304', 'hex'));
    const [one, two] = await Promise.all([
      spawnBin(['-f', 'ndjson', '-j', '1', 'issues'], { cwd: dir }),
      spawnBin(['-f', 'ndjson', '-j', '2', 'issues'], { cwd: dir }),
    ]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout.equals(one.stdout)).toBe(true);
    expect(two.stderr).toBe(one.stderr);
    expect(one.stdout.toString('utf8').split('\n').length).toBeGreaterThan(12);

    const [outOne, outTwo] = await Promise.all([
      spawnBin(['-f', 'json', '-j', '1', 'issues', '--out', 'out1'], { cwd: dir }),
      spawnBin(['-f', 'json', '-j', '2', 'issues', '--out', 'out2'], { cwd: dir }),
    ]);
    expect(outTwo.stderr).toBe(outOne.stderr);
    const tree = await snapshot(join(dir, 'out1'));
    expect(tree).toHaveLength(12);
    expect(await snapshot(join(dir, 'out2'))).toEqual(tree);
  });
});

describe('the worker pool (built)', () => {
  it('reports a task that crashes its worker, then carries on with a fresh worker', async () => {
    const { createRunner } = (await import(join(ROOT, 'dist/cli/pool.js'))) as typeof import('../../src/cli/pool.js');
    const runner = createRunner(2);
    expect(runner.constructor.name).toBe('WorkerPool');
    const spec = (input: unknown): Parameters<typeof runner.run>[0] =>
      ({ input, encoding: undefined, issueDate: undefined, render: { format: 'ndjson' }, showInfo: false }) as Parameters<typeof runner.run>[0];
    try {
      // Bytes that are not bytes make splitBytes throw: a programmer error, which kills the worker.
      await expect(runner.run(spec({ kind: 'stdin', bytes: 42, name: 'x' }))).rejects.toThrow();
      const ok = await runner.run(spec({ kind: 'file', path: join(ROOT, SEED_A), name: SEED_A }));
      expect(ok.articles).toBe(issueA.articles.length);
      expect(ok.output.split('\n')).toHaveLength(issueA.articles.length + 1);
    } finally {
      await runner.close();
    }
  });
});

describe('signals and pipes', () => {
  it('SIGINT mid-batch: exit 130, every output complete, no temporary files', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'in/sub'), { recursive: true });
    const seeds = await Promise.all(SEEDS.map((s) => readFile(join(ROOT, 'seeds', s))));
    await Promise.all(Array.from({ length: 300 }, (_, i) => writeFile(join(dir, i % 3 === 0 ? 'in/sub' : 'in', `p${String(i).padStart(3, '0')}.txt`), seeds[i % 2]!)));

    const child = spawn(process.execPath, [BIN, 'in', '--out', 'out', '-f', 'json', '--jobs', '2', '-q'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));

    // Wait for the first outputs, then interrupt.
    const deadline = Date.now() + 20_000;
    for (;;) {
      const names = await readdir(join(dir, 'out'), { recursive: true }).catch(() => [] as string[]);
      if (names.filter((n) => n.endsWith('.json')).length >= 3 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGINT');
    expect(await exited).toEqual([130, null]);

    // Every entry but the subfolder must be a finished output: a temporary file would be `.p000.json.<pid>-<hex>.tmp`.
    const files = (await readdir(join(dir, 'out'), { recursive: true })).filter((n) => n !== 'sub');
    // Outputs finish out of order; the message counts what is on disk, not what was reported in order.
    expect(stderr).toBe(`interrupted: ${files.length} of 300 files written to out; no partial files left\n`);
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files.length).toBeLessThan(300);
    expect(files.filter((n) => !/^(?:sub\/)?p[0-9]{3}\.json$/u.test(n))).toEqual([]);
    for (const name of files) {
      const issue = JSON.parse(await readFile(join(dir, 'out', name), 'utf8')) as Issue;
      expect(issue.source).toBe(join('in', name.replace(/\.json$/u, '.txt')));
    }
  });

  it.each([['--help'], ['--version']])('prints %s quietly to a reader that has gone (| head -1)', async (flag) => {
    const child = spawn(process.execPath, [BIN, flag], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    // Closed before the bin has started, so its first write meets a closed pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('stops early and quietly when the reader closes the pipe (| head)', async () => {
    const dir = await issuesFolder(40);
    const child = spawn(process.execPath, [BIN, '-f', 'ndjson', '-j', '1', 'issues'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString('utf8'))));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(JSON.parse(first.split('\n')[0]!)).toMatchObject({ source: 'issues/2021-06-27.txt', index: 0 });
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Error/u);
    // Not a summary claiming "0 failures" for a run that stopped: what was done, and what was not.
    expect(stderr).toMatch(/(?:^|\n)stdout was closed after ([0-9]) of 42 files; the other (?:[0-9]+) were not processed\n$/u);
    const [, done, rest] = /after ([0-9]+) of 42 files; the other ([0-9]+)/u.exec(stderr)!;
    expect(Number(done) + Number(rest)).toBe(42);
  });
});

describe('the output contract (issue 13)', () => {
  it('--array: one input still gives an array, equal to the library issue', async () => {
    const r = await spawnBin(['-f', 'json', '--array', SEED_A]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.toString('utf8'))).toEqual([JSON.parse(JSON.stringify(issueA))]);
  });

  it('--out mirrors files the shell expanded from their common folder: two a.txt never collide', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'issues/2021'), { recursive: true });
    await mkdir(join(dir, 'issues/2022'), { recursive: true });
    await copySeed(SEEDS[0], join(dir, 'issues/2021/a.txt'));
    await copySeed(SEEDS[1], join(dir, 'issues/2022/a.txt'));
    const expanded = await spawnBin(['issues/2021/a.txt', 'issues/2022/a.txt', '--out', 'by-shell'], { cwd: dir });
    const quoted = await spawnBin(['issues/*/a.txt', '--out', 'by-us'], { cwd: dir });
    expect([expanded.code, quoted.code]).toEqual([0, 0]);
    expect(await snapshot(join(dir, 'by-shell'))).toEqual(await snapshot(join(dir, 'by-us')));
    expect((await snapshot(join(dir, 'by-us'))).map(([name]) => name)).toEqual(['2021/a.json', '2022/a.json']);
  });

  it('-f text --out writes .summary.txt files, and a later run over the parent folder reads the pages only', async () => {
    const dir = await issuesFolder(1);
    const first = await spawnBin(['issues', '-f', 'text', '--out', 'issues/summaries'], { cwd: dir });
    expect(first.code).toBe(0);
    expect((await snapshot(join(dir, 'issues/summaries'))).map(([name]) => name)).toEqual(['2021-06-27.summary.txt', '2021/06/p0.summary.txt', 'b.summary.txt']);
    const again = await spawnBin(['-f', 'ndjson', 'issues'], { cwd: dir });
    const sources = new Set(again.stdout.toString('utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { source: string }).source));
    expect([...sources].sort()).toEqual(['issues/2021-06-27.txt', 'issues/2021/06/p0.txt', 'issues/b.txt']);
  });

  it('--columns with body, as CSV and TSV, parsed back; a cell over 32,767 characters is cut with format/cell-truncated', async () => {
    const dir = await tempDir();
    const body = '本报讯 ' + '长'.repeat(40_000) + '。';
    await writeFile(join(dir, '2021-06-27.txt'), `全市安全生产工作会议召开\n${body}\n`);
    const csv = await spawnBin(['-f', 'csv', '--columns', 'headline,body,characters', '2021-06-27.txt'], { cwd: dir });
    const tsv = await spawnBin(['-f', 'tsv', '--columns', 'headline,body,characters', '2021-06-27.txt'], { cwd: dir });
    expect([csv.code, tsv.code]).toEqual([0, 0]);
    const rows = parse(csv.stdout.toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.headline, r.body!.length, r.characters])).toEqual([['全市安全生产工作会议召开', 32_767, String([...body].length)]]);
    expect(rows[0]!.body).toBe(body.slice(0, 32_767));
    expect(parse(tsv.stdout.toString('utf8'), { columns: true, delimiter: '\t' })).toEqual(rows);
    expect(csv.stderr).toContain('2021-06-27.txt:1:1  warning  the body cell of article 0 has 40,005 characters');
    expect(csv.stderr).toMatch(/ {2}format\/cell-truncated\n/u);
  });

  it('--columns locations: each place as `name code`, matching the JSON', async () => {
    const r = await spawnBin(['-f', 'csv', '--columns', 'index,locations', SEED_A]);
    const rows = parse(r.stdout.toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual(issueA.articles.map((a) => ({ index: String(a.index), locations: a.locations.map((l) => `${l.name} ${l.code}`).join('；') })));
    expect(rows.some((row) => row.locations !== '')).toBe(true);
  });

  it('--color always wins over NO_COLOR, --color never over FORCE_COLOR', async () => {
    const always = await spawnBin(['-f', 'text', '--color', 'always', SEED_B], { env: { NO_COLOR: '1' } });
    const never = await spawnBin(['-f', 'text', '--color', 'never', SEED_B], { env: { FORCE_COLOR: '3' } });
    expect([ANSI.test(always.stdout.toString('utf8')), ANSI.test(always.stderr)]).toEqual([true, true]);
    expect([ANSI.test(never.stdout.toString('utf8')), ANSI.test(never.stderr)]).toEqual([false, false]);
    // Data formats are never coloured, whatever the flag.
    expect(ANSI.test((await spawnBin(['-f', 'json', '--color', 'always', SEED_B])).stdout.toString('utf8'))).toBe(false);
  });

  it('the default --jobs comes from the work: one thread for a couple of small pages (--verbose says so)', async () => {
    const r = await spawnBin(['-f', 'ndjson', '--verbose', SEED_A, SEED_B]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('2 files, about 25 KB: 1 thread (pass --jobs to choose)');
  });

  it('--jobs above the number of CPUs is capped, with a warning, and gives the same output', async () => {
    const [capped, one] = await Promise.all([spawnBin(['-f', 'ndjson', '-j', '999', SEED_A, SEED_B]), spawnBin(['-f', 'ndjson', '-j', '1', SEED_A, SEED_B])]);
    expect(capped.code).toBe(0);
    expect(capped.stderr).toMatch(/^warning: --jobs 999 is more than the [0-9]+ CPUs; using [0-9]+ {2}cli\/jobs-capped\n/u);
    expect(capped.stdout.equals(one.stdout)).toBe(true);
  });
});
