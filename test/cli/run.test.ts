/**
 * The CLI in process: run(argv, io) with fake streams, asserting stdout, stderr and the exit code
 * apart. Expected data is built from the library (splitFile + the formatters), so these tests pin
 * the CLI's wiring and framing, not the pipeline's judgement.
 */
import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, TIGHT_HEAP_BYTES } from '../../src/cli/run.js';
import { formatReport, locateDiagnostics } from '../../src/diagnostics.js';
import { splitFile } from '../../src/file.js';
import { CSV_BOM, formatCsvHeader, formatCsvRows } from '../../src/format/csv.js';
import { formatJson, formatJsonArrayItem } from '../../src/format/json.js';
import { formatNdjson } from '../../src/format/ndjson.js';
import { formatText } from '../../src/format/text.js';
import type { Issue } from '../../src/types.js';
import { cli, collector, copySeed, ROOT, SEED_A, SEED_B, SEEDS, tempDir } from './helpers.js';

const plain = new Chalk({ level: 0 });
const ANSI = /\u001b\[/u;
let issueA: Issue;
let issueB: Issue;

beforeAll(async () => {
  issueA = await splitFile(join(ROOT, SEED_A), { name: SEED_A });
  issueB = await splitFile(join(ROOT, SEED_B), { name: SEED_B });
});

/** What the CLI prints on stderr for an issue's warnings and errors. */
function reportOf(...issues: Issue[]): string {
  return issues.map((i) => formatReport(locateDiagnostics(i.diagnostics.filter((d) => d.severity !== 'info'), undefined), plain)).join('');
}

function summary(files: number, articles: number, warnings: number, failures: number, extra = ''): string {
  const n = (k: number, noun: string): string => `${k} ${noun}${k === 1 ? '' : 's'}`;
  return `${n(files, 'file')}, ${n(articles, 'article')}, ${n(warnings, 'warning')}, ${n(failures, 'failure')}${extra} in <t>\n`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

const warningsOf = (...issues: Issue[]): number => issues.reduce((n, i) => n + i.diagnostics.filter((d) => d.severity === 'warning').length, 0);
const articlesOf = (...issues: Issue[]): number => issues.reduce((n, i) => n + i.articles.length, 0);

describe('help, version and usage errors', () => {
  it('prints the version on stdout and exits 0', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stdoutBytes: Buffer.from(`${pkg.version}\n`), stderr: '' });
  });

  it.each([
    [['--bogus', SEED_A], `error: unknown option '--bogus'  usage/unknown-option`],
    [['-j'], `error: option '-j, --jobs <n>' argument missing  usage/option-missing-argument`],
    [['-j', '0', SEED_A], `error: option '-j, --jobs <n>' argument "0" is invalid: expected a whole number of 1 or more  usage/bad-option`],
    [['-f', 'xml', SEED_A], `error: option '-f, --format <format>' argument "xml" is invalid: expected one of json, ndjson, csv, tsv, text, html  usage/bad-option`],
    [['--issue-date', '2021-13-01', SEED_A], `error: option '--issue-date <date>' argument "2021-13-01" is invalid: expected a real date written YYYY-MM-DD, e.g. 2021-06-27  usage/bad-option`],
    [['--encoding', 'latin1', SEED_A], `error: option '--encoding <name>' argument "latin1" is invalid: expected one of utf-8, utf-16le, utf-16be, gb18030 (or gbk, gb2312), big5  usage/bad-option`],
    [['--force', '--skip-existing', SEED_A], `error: options '--force' and '--skip-existing' cannot be used together  usage/conflict`],
    [[], `error: no input: pass files, folders or globs, or pipe text to stdin  usage/no-input`],
    [['nothing/*.txt'], `error: the glob nothing/*.txt matches no files; check the path or quote the glob  input/no-match`],
    [['schema'], `error: the folder schema holds no *.txt files; check the path or quote the glob  input/no-match`],
  ])('%j exits 2 with a message naming the problem', async (args, message) => {
    expect(await cli(args)).toEqual({ code: 2, stdout: '', stdoutBytes: Buffer.alloc(0), stderr: `${message}\n(run paper-split --help for usage)\n` });
  });
});

describe('formats on stdout', () => {
  it('json, one file: the issue object, exactly as the library gives it', async () => {
    const r = await cli(['-f', 'json', SEED_A]);
    expect(r.stdout).toBe(formatJson(issueA));
    expect(r.stderr).toBe(reportOf(issueA) + summary(1, articlesOf(issueA), warningsOf(issueA), 0));
    expect(r.code).toBe(0);
  });

  it('json is the default when stdout is not a terminal; several inputs make an array', async () => {
    const r = await cli([SEED_A, SEED_B]);
    expect(r.stdout).toBe(JSON.stringify([issueA, issueB], null, 2) + '\n');
    expect(r.stderr).toBe(reportOf(issueA, issueB) + summary(2, articlesOf(issueA, issueB), warningsOf(issueA, issueB), 0));
    expect(r.code).toBe(0);
  });

  it('json: a folder gives an array even when it holds one file', async () => {
    const dir = await tempDir();
    await copySeed(SEEDS[0], join(dir, 'a.txt'));
    const r = await cli(['-f', 'json', '.'], { cwd: dir });
    const issue = await splitFile(join(dir, 'a.txt'), { name: 'a.txt' });
    expect(r.stdout).toBe(JSON.stringify([issue], null, 2) + '\n');
  });

  it('ndjson: one record per article, with source and issue date', async () => {
    const r = await cli(['-f', 'ndjson', SEED_A, SEED_B]);
    expect(r.stdout).toBe([...formatNdjson(issueA), ...formatNdjson(issueB)].join(''));
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(articlesOf(issueA, issueB));
    expect(r.code).toBe(0);
  });

  it('csv: one header, then a row per article; no BOM on stdout unless --bom', async () => {
    const rows = formatCsvHeader() + [...formatCsvRows(issueA), ...formatCsvRows(issueB)].join('');
    expect((await cli(['-f', 'csv', SEED_A, SEED_B])).stdout).toBe(rows);
    expect((await cli(['-f', 'csv', '--bom', SEED_A, SEED_B])).stdout).toBe(CSV_BOM + rows);
  });

  it('text: the default on a terminal, coloured there, one block per input', async () => {
    const r = await cli([SEED_A, SEED_B], { stdoutTTY: true });
    const colour = new Chalk({ level: 1 });
    // The fake terminal is 100 columns wide: the summary fits it.
    expect(r.stdout).toBe(formatText(issueA, { chalk: colour, width: 100 }) + '\n' + formatText(issueB, { chalk: colour, width: 100 }));
    expect(r.stdout).toMatch(ANSI);
  });

  it('text on a pipe is plain', async () => {
    const r = await cli(['-f', 'text', SEED_A]);
    expect(r.stdout).toBe(formatText(issueA, { chalk: plain }));
  });
});

describe('colour', () => {
  it.each<[string, { stdoutTTY?: boolean; stderrTTY?: boolean; env?: NodeJS.ProcessEnv }, boolean, boolean]>([
    ['terminals', { stdoutTTY: true, stderrTTY: true }, true, true],
    ['NO_COLOR on terminals', { stdoutTTY: true, stderrTTY: true, env: { NO_COLOR: '1' } }, false, false],
    ['NO_COLOR wins over FORCE_COLOR', { stdoutTTY: true, stderrTTY: true, env: { NO_COLOR: '1', FORCE_COLOR: '3' } }, false, false],
    ['FORCE_COLOR on pipes', { env: { FORCE_COLOR: '1' } }, true, true],
    ['pipes', {}, false, false],
  ])('%s: text summary coloured %s, stderr coloured %s', async (_, io, stdoutColoured, stderrColoured) => {
    const r = await cli(['-f', 'text', '-q', SEED_B, '--strict'], io);
    expect(ANSI.test(r.stdout)).toBe(stdoutColoured);
    expect(r.stderr.length).toBeGreaterThan(0);
    expect(ANSI.test(r.stderr)).toBe(stderrColoured);
  });

  it.each(['json', 'ndjson', 'csv'])('never colours %s, even when forced on a terminal', async (format) => {
    const r = await cli(['-f', format, SEED_A], { stdoutTTY: true, env: { FORCE_COLOR: '3' } });
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(ANSI);
  });
});

describe('stdin', () => {
  it('reads `-`, named by --stdin-name for the issue date', async () => {
    const bytes = await readFile(join(ROOT, SEED_B));
    const r = await cli(['-f', 'ndjson', '--stdin-name', '2021-06-27.txt', '-'], { stdin: bytes });
    const records = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { source: string; issueDate: unknown });
    expect(records.length).toBeGreaterThan(0);
    for (const rec of records) {
      expect(rec.source).toBe('2021-06-27.txt');
      expect(rec.issueDate).toEqual({ value: '2021-06-27', source: 'file-name' });
    }
    expect(r.code).toBe(0);
  });

  it('reads piped stdin when there are no operands, as <stdin>', async () => {
    const r = await cli(['-f', 'json'], { stdin: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ source: '<stdin>', articles: [] });
    expect(r.stderr).toBe('<stdin>:1:1  warning  the input is empty or blank: no articles  input/empty\n' + summary(1, 0, 1, 0));
    expect(r.code).toBe(0);
  });
});

describe('diagnostics on stderr', () => {
  const furniture = '晋中日报 2021年6月27日 第2版\r\n\r\n责任编辑：张三\r\n\r\n全市会议召开\r\n\r\n本报讯（记者 王晶）6月1日，全市会议召开。会议强调要抓好工作。\r\n';

  it('prints info diagnostics only with --verbose, at their line:col, plus a line per file', async () => {
    const quiet = await cli(['-f', 'ndjson', '--stdin-name', 'p.txt', '-'], { stdin: furniture });
    expect(quiet.stderr).toBe(summary(1, 1, 0, 0));
    const verbose = await cli(['-f', 'ndjson', '--verbose', '--stdin-name', 'p.txt', '-'], { stdin: furniture });
    expect(verbose.stderr).toBe(
      'p.txt:1:1  info  page furniture (header, page number, editor line) kept out of the articles  segment/leftover-furniture\n' +
        'p.txt:3:1  info  page furniture (header, page number, editor line) kept out of the articles  segment/leftover-furniture\n' +
        'p.txt  1 article\n' +
        summary(1, 1, 0, 0),
    );
    expect(verbose.stdout).toBe(quiet.stdout);
  });

  it('--quiet prints errors only: no warnings, no summary', async () => {
    const r = await cli(['-q', SEED_B, 'missing.txt']);
    expect(r.stderr).toBe('missing.txt:1:1  error  no such file: ' + join(ROOT, 'missing.txt') + '; check the path  input/not-found\n');
    expect(r.code).toBe(1);
  });

  it('draws a progress bar on a terminal stderr, one line redrawn in place, and erases it before the summary', async () => {
    const r = await cli(['-f', 'ndjson', '--issue-date', '2021-06-27', SEED_A, SEED_B], { stderrTTY: true, env: { NO_COLOR: '1' } });
    // Each frame starts at column 1 (\r) and erases what the last one left (ESC[K); the last is erased before the summary.
    expect(r.stderr).toMatch(/^\r\[\.{20}\]  0\/2 files(?:\r\u001b\[K[^\r\n]*)*\r\u001b\[K\[#{20}\]  2\/2 files[^\r\n]*  seeds\/004_de87c0f9f60ce011\.txt\r\u001b\[K/u);
    expect(r.stderr.endsWith('\r\u001b[K' + summary(2, articlesOf(issueA, issueB), 0, 0))).toBe(true);
  });

  it('prints diagnostics above the bar, whole: the bar is erased first and drawn again below them', async () => {
    const r = await cli(['-f', 'ndjson', SEED_A, SEED_B], { stderrTTY: true, env: { NO_COLOR: '1' } });
    expect(r.stderr).toMatch(new RegExp(`\\r\\u001b\\[K${escapeRegExp(reportOf(issueB))}\\r\\[`, 'u'));
    expect(r.stderr.endsWith(summary(2, articlesOf(issueA, issueB), warningsOf(issueB), 0))).toBe(true);
  });

  it('erases the bar before text goes to stdout on the same terminal', async () => {
    const r = await cli(['-f', 'text', '--issue-date', '2021-06-27', SEED_A, SEED_B], { stdoutTTY: true, stderrTTY: true, env: { NO_COLOR: '1' } });
    // Two records reach stdout; before each the bar (drawn first) is erased. Redraws follow each file.
    expect(r.stderr.startsWith('\r[....................]  0/2 files\r\u001b[K')).toBe(true);
    expect(r.stderr.split('\r\u001b[K').length - 1).toBeGreaterThanOrEqual(3);
  });

  it('draws no bar when --quiet, even on a terminal', async () => {
    expect((await cli(['-q', '-f', 'ndjson', SEED_A, SEED_B], { stderrTTY: true })).stderr).toBe('');
  });
});

describe('symbolic links', () => {
  it('skips a link out of an input folder with a warning naming --follow (an error under --strict)', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'issues'));
    await copySeed(SEEDS[0], join(dir, 'outside.txt'));
    await copySeed(SEEDS[0], join(dir, 'issues/a.txt'));
    await symlink(join(dir, 'outside.txt'), join(dir, 'issues/link.txt'));
    const warning = `issues/link.txt:1:1  warning  skipped: a symbolic link to ${join(dir, 'outside.txt')}, outside ${join(dir, 'issues')}; pass --follow to read it  input/symlink-outside\n`;
    const lax = await cli(['-f', 'ndjson', 'issues'], { cwd: dir });
    expect(lax.code).toBe(0);
    expect(lax.stderr).toBe(warning + summary(1, articlesOf(issueA), 1, 0));
    expect((await cli(['-f', 'ndjson', '--strict', 'issues'], { cwd: dir })).code).toBe(1);
    const followed = await cli(['-f', 'ndjson', '--follow', 'issues'], { cwd: dir });
    expect(followed.stderr).toBe(summary(2, 2 * articlesOf(issueA), 0, 0));
  });
});

describe('--strict', () => {
  it('turns a warning into exit 1; without it, warnings exit 0', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'empty.txt'), '');
    const lax = await cli([join(dir, 'empty.txt')]);
    const strict = await cli(['--strict', join(dir, 'empty.txt')]);
    expect([lax.code, strict.code]).toEqual([0, 1]);
    expect(strict.stderr).toBe(`${join(dir, 'empty.txt')}:1:1  warning  the input is empty or blank: no articles  input/empty\n` + summary(1, 0, 1, 0));
  });
});

describe('--out', () => {
  async function folder(): Promise<string> {
    const dir = await tempDir();
    await mkdir(join(dir, 'issues/2021/06'), { recursive: true });
    await copySeed(SEEDS[0], join(dir, 'issues/a.txt'));
    await copySeed(SEEDS[1], join(dir, 'issues/2021/06/b.txt'));
    return dir;
  }

  it('never reads outputs back: text summaries inside an input folder, and nothing under --out', async () => {
    const dir = await folder();
    const first = await cli(['issues', '--out', 'issues/summaries', '-f', 'text'], { cwd: dir });
    expect(first.code).toBe(0);
    expect((await readdir(join(dir, 'issues/summaries'), { recursive: true })).sort()).toEqual(['2021', '2021/06', '2021/06/b.summary.txt', 'a.summary.txt']);
    // A second run over the parent folder sees the two pages only, not the two summaries.
    const again = await cli(['-f', 'ndjson', 'issues', '--out', 'issues/summaries/json'], { cwd: dir });
    expect(again.stderr.endsWith(summary(2, articlesOf(issueA, issueB), warningsOf(issueA, issueB), 0))).toBe(true);
    const plain = await cli(['-f', 'json', 'issues', 'issues/**/*.txt'], { cwd: dir });
    expect((JSON.parse(plain.stdout) as Issue[]).map((i) => i.source)).toEqual(['issues/2021/06/b.txt', 'issues/a.txt']);
  });

  it('--array: a JSON array for one input too, so the shape never depends on how the shell expanded a glob', async () => {
    const one = await cli(['-f', 'json', '--array', SEED_A]);
    expect(one.stdout).toBe(`[\n${formatJsonArrayItem(issueA)}\n]\n`);
    expect(JSON.parse(one.stdout)).toEqual([JSON.parse(formatJson(issueA))]);
    const two = await cli(['-f', 'json', '--array', SEED_A, SEED_B]);
    expect(two.stdout).toBe((await cli(['-f', 'json', SEED_A, SEED_B])).stdout);
  });

  it('writes one file per input, mirroring the folder tree; nothing on stdout', async () => {
    const dir = await folder();
    const r = await cli(['issues', '--out', 'out', '-f', 'json'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect((await readdir(join(dir, 'out'), { recursive: true })).sort()).toEqual(['2021', '2021/06', '2021/06/b.json', 'a.json']);
    const a = await splitFile(join(dir, 'issues/a.txt'), { name: 'issues/a.txt' });
    expect(await readFile(join(dir, 'out/a.json'), 'utf8')).toBe(formatJson(a));
  });

  it.each([
    ['ndjson', 'a.ndjson', ''],
    ['csv', 'a.csv', CSV_BOM],
    ['tsv', 'a.tsv', ''],
    ['text', 'a.summary.txt', ''],
  ])('%s files get their extension (CSV a BOM)', async (format, name, bom) => {
    const dir = await folder();
    await cli(['issues/a.txt', '--out', 'out', '-f', format], { cwd: dir });
    const text = await readFile(join(dir, 'out', name), 'utf8');
    expect(text.startsWith(bom + (format === 'csv' ? 'file,index' : format === 'tsv' ? 'file\tindex' : ''))).toBe(true);
    expect(text).not.toMatch(ANSI);
  });

  it('--no-bom leaves the BOM out of CSV files', async () => {
    const dir = await folder();
    await cli(['issues/a.txt', '--out', 'out', '-f', 'csv', '--no-bom'], { cwd: dir });
    expect(await readFile(join(dir, 'out/a.csv'), 'utf8')).toMatch(/^file,index/u);
  });

  it('refuses to overwrite without --force (exit 1, naming the file), --force overwrites, --skip-existing skips', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'out'));
    await writeFile(join(dir, 'out/a.json'), 'old');
    const refused = await cli(['issues', '--out', 'out'], { cwd: dir });
    expect(refused.code).toBe(1);
    // Files sort by path: issues/2021/06/b.txt comes before issues/a.txt.
    expect(refused.stderr).toBe(
      reportOf({ ...issueB, diagnostics: issueB.diagnostics.map((d) => ({ ...d, file: 'issues/2021/06/b.txt' })) }) +
        'issues/a.txt:1:1  error  out/a.json exists; pass --force to overwrite it or --skip-existing to keep it  output/exists\n' +
        summary(2, articlesOf(issueB), warningsOf(issueB), 1),
    );
    expect(await readFile(join(dir, 'out/a.json'), 'utf8')).toBe('old');
    expect((await stat(join(dir, 'out/2021/06/b.json'))).isFile()).toBe(true);

    const skipped = await cli(['issues', '--out', 'out', '--skip-existing', '--verbose'], { cwd: dir });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toBe(
      '2 files, about 25 KB: 1 thread (pass --jobs to choose)\n' +
        'issues/2021/06/b.txt:1:1  info  out/2021/06/b.json exists; skipped (--skip-existing)  output/skipped\n' +
        'issues/2021/06/b.txt  0 articles\n' +
        'issues/a.txt:1:1  info  out/a.json exists; skipped (--skip-existing)  output/skipped\n' +
        'issues/a.txt  0 articles\n' +
        summary(2, 0, 0, 0, ', 2 skipped'),
    );
    expect(await readFile(join(dir, 'out/a.json'), 'utf8')).toBe('old');

    const forced = await cli(['issues', '--out', 'out', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'out/a.json'), 'utf8'))).toMatchObject({ source: 'issues/a.txt' });
  });

  it('keeps going past a bad file: exit 1, the others written, none for the bad one', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'issues/2021/bad.txt'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const r = await cli(['issues', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('issues/2021/bad.txt:1:1  error  binary data (a NUL byte at byte 8)');
    expect((await readdir(join(dir, 'out'), { recursive: true })).sort()).toEqual(['2021', '2021/06', '2021/06/b.json', 'a.json']);
  });

  it('fails early with exit 2 when --out cannot be created, before any output', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'file'), 'x');
    const r = await cli(['issues', '--out', 'file/out'], { cwd: dir });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stdoutBytes: Buffer.alloc(0),
      stderr: `error: cannot write to --out ${join(dir, 'file/out')}: a part of the path is a file, not a folder; pick another folder  output/not-writable\n(run paper-split --help for usage)\n`,
    });
  });

  it('mirrors files named one by one (a shell-expanded glob) from their common folder: same names never collide', async () => {
    const dir = await folder();
    await copySeed(SEEDS[0], join(dir, 'issues/2021/a.txt'));
    const r = await cli(['issues/a.txt', 'issues/2021/a.txt', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((await readdir(join(dir, 'out'), { recursive: true })).sort()).toEqual(['2021', '2021/a.json', 'a.json']);
  });

  it('gives the same tree for a quoted glob and the files the shell would expand it to', async () => {
    const dir = await folder();
    await mkdir(join(dir, 'issues/2022'), { recursive: true });
    await copySeed(SEEDS[0], join(dir, 'issues/2021/a.txt'));
    await copySeed(SEEDS[1], join(dir, 'issues/2022/a.txt'));
    await cli(['issues/*/a.txt', '--out', 'quoted'], { cwd: dir });
    await cli(['issues/2021/a.txt', 'issues/2022/a.txt', '--out', 'expanded'], { cwd: dir });
    const quoted = (await readdir(join(dir, 'quoted'), { recursive: true })).sort();
    expect(quoted).toEqual(['2021', '2021/a.json', '2022', '2022/a.json']);
    expect((await readdir(join(dir, 'expanded'), { recursive: true })).sort()).toEqual(quoted);
  });

  it('refuses two inputs that would share an output file, and an output that would replace an input', async () => {
    const dir = await folder();
    const stdin = await readFile(join(ROOT, SEED_A));
    expect((await cli(['-', 'issues/a.txt', '--stdin-name', 'a.txt', '--out', 'out'], { cwd: dir, stdin })).stderr).toBe(
      `error: a.txt and issues/a.txt would both be written to out/a.json; split them in separate runs  output/collision\n(run paper-split --help for usage)\n`,
    );
    await copySeed(SEEDS[0], join(dir, 'issues/a.summary.txt'));
    const same = await cli(['issues/a.txt', 'issues/a.summary.txt', '--out', 'issues', '-f', 'text', '--force'], { cwd: dir });
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(`error: writing issues/a.summary.txt would replace an input; pick another --out  output/collision\n(run paper-split --help for usage)\n`);
  });
});

describe('bad inputs', () => {
  const seedText = (): Promise<Buffer> => readFile(join(ROOT, SEED_A));
  const gbk = async (): Promise<Buffer> => (await import('iconv-lite')).default.encode((await seedText()).toString('utf8'), 'gb18030');
  const cases: [string, () => Promise<Buffer | undefined>, string[], number, string[]][] = [
    ['binary', async () => Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), [], 1, ['decode/binary']],
    ['a NUL on one side of three bytes (not UTF-16)', async () => Buffer.from('a\0b'), [], 1, ['decode/binary']],
    ['undecodable', async () => Buffer.concat([Buffer.from('本报讯 标题\n'), Buffer.alloc(200, 0xff)]), [], 1, ['decode/undecodable']],
    // A forced encoding that leaves the text garbage is refused too, with the right one suggested.
    ['gbk read with --encoding utf-8', gbk, ['--encoding', 'utf-8'], 1, ['decode/undecodable']],
    ['truncated multibyte tail', async () => Buffer.concat([await seedText(), Buffer.from([0xe4, 0xb8])]), [], 0, ['decode/truncated-tail']],
    ['empty', async () => Buffer.alloc(0), [], 0, ['input/empty']],
    ['blank lines only', async () => Buffer.from(' \n\r\n\t\n'), [], 0, ['input/empty']],
    ['no newspaper structure', async () => Buffer.from('市委召开会议\n\n会议指出要做好工作。会议强调要加强领导。\n'), [], 0, ['segment/no-markers']],
    ['missing', async () => undefined, [], 1, ['input/not-found']],
  ];

  it.each(cases)('%s', async (_, bytes, args, code, codes) => {
    const dir = await tempDir();
    const file = join(dir, 'in.txt');
    const content = await bytes();
    if (content) await writeFile(file, content);
    const r = await cli(['-f', 'json', ...args, file]);
    expect(r.code).toBe(code);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.slice(0, -1).map((l) => l.split(/ {2,}/u).pop())).toEqual(codes);
    const issue = JSON.parse(r.stdout) as Issue;
    expect(issue.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(codes);
    if (code === 1) expect(issue.articles).toEqual([]);
  });

  // Root reads any file whatever its mode, so this case cannot be set up when the tests run as root.
  it.skipIf(process.getuid?.() === 0)('permission denied', async () => {
    const dir = await tempDir();
    const file = join(dir, 'locked.txt');
    await writeFile(file, 'x', { mode: 0o000 });
    const r = await cli(['-f', 'ndjson', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${file}:1:1  error  permission denied reading ${file}; check its permissions  input/permission-denied\n` + summary(1, 0, 0, 1));
  });
});

describe('interruption and closed pipes', () => {
  it('stops scheduling on abort and exits 130', async () => {
    const dir = await tempDir();
    for (let i = 0; i < 12; i++) await copySeed(SEEDS[i % 2]!, join(dir, `p${String(i).padStart(2, '0')}.txt`));
    const controller = new AbortController();
    const out = collector();
    let writes = 0;
    const stdout = new Writable({
      write(chunk, _enc, cb) {
        if (++writes === 1) controller.abort();
        out.stream.write(chunk, cb);
      },
    });
    const err = collector();
    const code = await run(['-f', 'ndjson', '-j', '1', dir], { stdin: process.stdin, stdout, stderr: err.stream, env: {}, cwd: ROOT, signal: controller.signal });
    expect(code).toBe(130);
    expect(err.text()).toMatch(/^(?:.*\n)*interrupted after 1 of 12 files; no partial files left\n$/u);
  });

  it('stops quietly when stdout is closed (EPIPE), without processing every input', async () => {
    const dir = await tempDir();
    for (let i = 0; i < 8; i++) await copySeed(SEEDS[0], join(dir, `p${i}.txt`));
    const stdout = new Writable({
      write(_chunk, _enc, cb) {
        cb(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const err = collector();
    const code = await run(['-f', 'ndjson', '-j', '1', dir], { stdin: process.stdin, stdout, stderr: err.stream, env: {}, cwd: ROOT });
    expect(code).toBe(0);
    // The first record's write failed, so one file was taken and seven never were; no "0 failures" summary.
    expect(err.text()).toBe('stdout was closed after 1 of 8 files; the other 7 were not processed\n');
  });
});

describe('a tight heap for a big run', () => {
  /** The run's exit code, and how often it asked for a tight heap. */
  async function tightened(args: string[]): Promise<[number, number]> {
    let calls = 0;
    const io = { stdin: process.stdin, stdout: collector().stream, stderr: collector().stream, env: {}, cwd: ROOT, tightenHeap: () => void calls++ };
    return [await run(args, io), calls];
  }

  it('asks for it once a run reaches TIGHT_HEAP_BYTES, and not below', async () => {
    const dir = await tempDir();
    // White space only: split at once (a warning, no articles), whatever its size.
    await writeFile(join(dir, 'big.txt'), ' '.repeat(TIGHT_HEAP_BYTES));
    await writeFile(join(dir, 'small.txt'), ' '.repeat(TIGHT_HEAP_BYTES - 1));
    expect(await tightened(['-f', 'ndjson', '--quiet', join(dir, 'big.txt')])).toEqual([0, 1]);
    expect(await tightened(['-f', 'ndjson', '--quiet', join(dir, 'small.txt')])).toEqual([0, 0]);
    expect(await tightened(['-f', 'ndjson', '--quiet', SEED_A])).toEqual([0, 0]);
  });
});
