/**
 * `--explain`: the trace of repair, classify and segment on stderr, `FILE:LINE  what`, in line
 * order. The built bin on a seed (one file, several over worker threads, stdin), and the
 * collector and formatter of src/cli/explain.ts on their own.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatExplain, traceCollector } from '../../src/cli/explain.js';
import { splitFileSync } from '../../src/index.js';
import { cli, ROOT, SEED_A, SEED_B, spawnBin } from './helpers.js';

/** The trace lines of `stderr`: those that start with `file:LINE  `. */
function traceOf(stderr: string, file: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith(`${file}:`) && /^[^ ]+:[0-9]+ {2}/u.test(l) && !/ {2}(warning|error|info) {2}/u.test(l));
}

describe('paper-split --explain (the built bin)', () => {
  it('prints the trace of a seed on stderr in line order; stdout is the same as without it', async () => {
    const plain = await spawnBin([SEED_A, '-f', 'json']);
    const r = await spawnBin(['--explain', SEED_A, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout.equals(plain.stdout)).toBe(true);
    expect(traceOf(plain.stderr, SEED_A)).toEqual([]);

    const trace = traceOf(r.stderr, SEED_A);
    expect(trace.slice(0, 6)).toEqual([
      `${SEED_A}:5  title  全市安全生产工作暨经济运行分析会召开`,
      `${SEED_A}:5  new article (headline above a lead)`,
      `${SEED_A}:7  title  刘星主持并讲话 冯晓雷参加`,
      `${SEED_A}:9  lead  本报讯 (记者王晶)6月1日,市委书记、市长刘星主持召开全市`,
      `${SEED_A}:11  body  会议指出,要深刻把握抓好安全生产工作的极端重要性,站在坚定拥`,
      `${SEED_A}:13  joined to the paragraph of line 11`,
    ]);
    const at = trace.indexOf(`${SEED_A}:85  title  学以致用促发展 动真碰硬惠民生`);
    expect(trace.slice(at, at + 5)).toEqual([
      `${SEED_A}:85  title  学以致用促发展 动真碰硬惠民生`,
      `${SEED_A}:85  title after the body (PDF order)`,
      `${SEED_A}:87  byline  本报记者 雷甫`,
      `${SEED_A}:89  continuation  (下转第4版)`,
      `${SEED_A}:91  title  山西省煤矿安全风险隐患排查第七督导组关于开展煤矿安全生产违法`,
    ]);
    const lines = trace.map((l) => Number(/:([0-9]+) {2}/u.exec(l)![1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    // Every new article is explained: the seed has six.
    expect(trace.filter((l) => l.includes('  new article (')).length).toBe(6);
  });

  it('names the refiner that changed a kind', async () => {
    const file = 'test/fixtures/headlines-ending-in-question-and-exclamation/input.txt';
    const r = await spawnBin(['--explain', file, '-f', 'json']);
    expect(r.code).toBe(0);
    const trace = traceOf(r.stderr, file);
    expect(trace.slice(0, 3)).toEqual([
      `${file}:1  body → title  refiner exclaimed-title`,
      `${file}:1  title  这个夏天，去哪儿避暑？`,
      `${file}:1  new article (headline after a closed article)`,
    ]);
    expect(trace).toContain(`${file}:8  body → title  refiner title-above-lead`);
  });

  it('brings the trace back from worker threads, each file whole and in input order', async () => {
    const one = await Promise.all([SEED_A, SEED_B].map((f) => spawnBin(['--explain', f, '-f', 'ndjson'])));
    const r = await spawnBin(['--explain', '--jobs', '2', SEED_A, SEED_B, '-f', 'ndjson']);
    expect(r.code).toBe(0);
    const both = r.stderr.split('\n').filter((l) => /^seeds\/[^ ]+:[0-9]+ {2}/u.test(l) && !/ {2}warning {2}/u.test(l));
    expect(both).toEqual([...traceOf(one[0]!.stderr, SEED_A), ...traceOf(one[1]!.stderr, SEED_B)]);
    expect(both.length).toBeGreaterThan(100);
  });

  it('names stdin input by --stdin-name, else <stdin>', async () => {
    const text = await readFile(join(ROOT, SEED_B));
    const named = await spawnBin(['--explain', '--stdin-name', '2021-06-27.txt', '-f', 'json'], { stdin: text });
    expect(traceOf(named.stderr, '2021-06-27.txt').slice(0, 2)).toEqual(['2021-06-27.txt:3  title  市委理论学习中心组举行学习会', '2021-06-27.txt:3  new article (headline above a lead)']);
    const bare = await spawnBin(['--explain', '-', '-f', 'json'], { stdin: text });
    expect(traceOf(bare.stderr, '<stdin>')[1]).toBe('<stdin>:3  new article (headline above a lead)');
  });

  it('explains each page in issue mode too', async () => {
    const r = await spawnBin(['--explain', '--issues', SEED_A, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(traceOf(r.stderr, SEED_A).slice(0, 2)).toEqual([`${SEED_A}:5  title  全市安全生产工作暨经济运行分析会召开`, `${SEED_A}:5  new article (headline above a lead)`]);
  });
});

describe('--explain in process', () => {
  it('is printed under --quiet too (asked for by name), and nothing is without it', async () => {
    const quiet = await cli(['-q', SEED_A, '-f', 'json']);
    expect(quiet.stderr).toBe('');
    const r = await cli(['--explain', '-q', SEED_A, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(quiet.stdout);
    // Exactly the library's trace of the file, formatted: no summary, no diagnostics.
    const { trace, entries } = traceCollector();
    splitFileSync(join(ROOT, SEED_A), { name: SEED_A, trace });
    expect(entries.length).toBeGreaterThan(50);
    expect(r.stderr).toBe(formatExplain(SEED_A, entries));
  });
});

describe('traceCollector and formatExplain', () => {
  it('orders by line, keeps the stages in order on one line, and puts lines without a number first', () => {
    const { trace, entries } = traceCollector();
    trace('repair', () => 'line 13: joined to the paragraph of line 11');
    trace('classify', () => 'line 11: body  会议指出');
    trace('classify', () => 'line 13: body  x');
    trace('segment', () => 'no markers anywhere');
    trace('segment', () => 'line 11: new article (headline above a lead)');
    expect(entries[0]).toEqual({ line: 13, stage: 'repair', what: 'joined to the paragraph of line 11' });
    expect(formatExplain('a.txt', entries)).toBe(
      [
        'a.txt  no markers anywhere',
        'a.txt:11  body  会议指出',
        'a.txt:11  new article (headline above a lead)',
        'a.txt:13  joined to the paragraph of line 11',
        'a.txt:13  body  x',
        '',
      ].join('\n'),
    );
  });

  it('runs each explanation once, when it is reported', () => {
    const { trace, entries } = traceCollector();
    let calls = 0;
    trace('segment', () => `line ${++calls}: new article (notice title)`);
    expect(calls).toBe(1);
    expect(formatExplain('<stdin>', entries)).toBe('<stdin>:1  new article (notice title)\n');
    expect(formatExplain('<stdin>', [])).toBe('');
  });
});
