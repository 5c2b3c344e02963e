#!/usr/bin/env node
/**
 * Throughput benchmark (a script, not a test): `npm run bench`.
 *
 * Builds a corpus in a temporary folder from the repo's own dumps (seeds/ and
 * test/fixtures/**\/input.txt), varied with a fixed-seed PRNG: paragraph groups shuffled, half of
 * the issues switched to the other punctuation width, a quarter encoded as GBK. Then measures, in
 * this one run, so every figure is comparable with the floor measured beside it:
 *
 *   1. the floor: read + decode + split into lines;
 *   2. the pipeline in one thread: splitBytes → JSON.stringify (discarded); MB/s, articles/s, ratio;
 *   3. the CLI on 2,000 issue files into --out, --jobs 1 vs all cores: wall time, speed-up;
 *   4. start-up: `--version` and one small file (median of 10);
 *   5. peak RSS of the batch at 500 and at 2,000 files (GNU time's maximum resident set size);
 *   6. pathological inputs: 5 MB on one line, 1 MB of 本报讯（, 200,000 blank lines.
 *
 * Options: --files N (default 2000) for a quicker run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { splitBytes } from '../dist/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'paper-split.js');
const FILES = Number(process.argv[process.argv.indexOf('--files') + 1]) || 2000;
const CORES = availableParallelism();
const MB = 1e6;

// ——— corpus ————————————————————————————————————————————————————————————————————————

/** mulberry32: a small seeded PRNG, so every run builds the same corpus. */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sources() {
  const files = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'seeds', f));
  const fixtures = join(ROOT, 'test', 'fixtures');
  if (existsSync(fixtures)) {
    for (const d of readdirSync(fixtures)) if (existsSync(join(fixtures, d, 'input.txt'))) files.push(join(fixtures, d, 'input.txt'));
  }
  // Fixtures that are not UTF-8 text (encoding cases) are left out: the corpus re-encodes on its own.
  return files.map((f) => readFileSync(f)).filter((b) => !b.includes(0)).map((b) => b.toString('utf8')).filter((t) => !t.includes('\ufffd'));
}

const HALF = { '，': ',', '。': '.', '：': ':', '；': ';', '（': '(', '）': ')', '！': '!', '？': '?' };
const FULL = Object.fromEntries(Object.entries(HALF).map(([f, h]) => [h, f]));
const swapWidth = (text, map) => text.replace(/[，。：；（）！？,:;()!?]/gu, (c) => map[c] ?? c);

/** One issue of 30–100 KB: groups of paragraphs from random sources, shuffled. */
function issueText(groups, random) {
  const target = 30_000 + Math.floor(random() * 70_000);
  const parts = [];
  let size = 0;
  while (size < target) {
    const g = groups[Math.floor(random() * groups.length)];
    parts.push(g);
    size += Buffer.byteLength(g);
  }
  let text = parts.join('\n\n');
  if (random() < 0.5) text = swapWidth(text, random() < 0.5 ? HALF : FULL);
  return text;
}

function buildCorpus(n) {
  const random = prng(20261123);
  const groups = sources().flatMap((t) => t.split(/\n\s*\n/u)).filter((g) => g.trim().length > 0);
  const issues = [];
  for (let i = 0; i < n; i++) {
    const text = issueText(groups, random);
    const gbk = random() < 0.25;
    issues.push({ name: `2026-06-${String((i % 28) + 1).padStart(2, '0')}-${i}.txt`, bytes: gbk ? iconv.encode(text, 'gb18030') : Buffer.from(text), gbk });
  }
  return issues;
}

// ——— measuring ——————————————————————————————————————————————————————————————————————

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall time in ms of `fn` over `reps` runs, after one warm-up. */
function time(fn, reps = 3) {
  fn();
  const ts = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function floorPass(issues) {
  for (const { bytes, gbk } of issues) {
    const text = gbk ? iconv.decode(bytes, 'gb18030') : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    text.split(/\r\n|\r|\n/u);
  }
}

let articleCount = 0;
function pipelinePass(issues) {
  articleCount = 0;
  for (const { bytes, name } of issues) {
    const issue = splitBytes(bytes, { name });
    articleCount += issue.articles.length;
    JSON.stringify(issue);
  }
}

function writeTree(dir, issues) {
  issues.forEach(({ name, bytes }, i) => {
    const sub = join(dir, `part${i % 10}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, name), bytes);
  });
}

/** Wall ms and peak RSS (MB) of one CLI run, via GNU time when it is there. */
function cli(args) {
  const gnuTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`paper-split ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-400)}`);
  const rss = gnuTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rss };
}

// ——— run ————————————————————————————————————————————————————————————————————————————

const rows = [];
const target = (what, value, goal, pass) => rows.push([what, value, goal, pass ? 'PASS' : 'MISS']);
const fmt = (n, d = 1) => n.toFixed(d);
const log = (s) => process.stdout.write(`${s}\n`);

log(`paper-split benchmark — node ${process.version}, ${CORES} cores (${cpus()[0]?.model ?? 'unknown CPU'})`);
const work = mkdtempSync(join(tmpdir(), 'paper-split-bench-'));
try {
  const corpus = buildCorpus(FILES);
  const sample = corpus.slice(0, Math.min(400, corpus.length));
  const sampleMB = sample.reduce((n, i) => n + i.bytes.length, 0) / MB;
  const corpusMB = corpus.reduce((n, i) => n + i.bytes.length, 0) / MB;
  log(`corpus: ${corpus.length} issues, ${fmt(corpusMB)} MB (${corpus.filter((i) => i.gbk).length} GBK); in-process sample: ${sample.length} issues, ${fmt(sampleMB)} MB\n`);

  // 1–2. Floor and pipeline, in process.
  const floorMs = time(() => floorPass(sample));
  const pipeMs = time(() => pipelinePass(sample));
  const floorRate = sampleMB / (floorMs / 1000);
  const pipeRate = sampleMB / (pipeMs / 1000);
  const ratio = pipeMs / floorMs;
  log(`1. floor (read + decode + lines)   ${fmt(floorRate)} MB/s`);
  log(`2. pipeline, one thread            ${fmt(pipeRate)} MB/s, ${fmt(articleCount / (pipeMs / 1000), 0)} articles/s, ${fmt(ratio)}× the floor`);
  target('pipeline time / floor time', `${fmt(ratio)}×`, '≤ 3×', ratio <= 3);

  // 3 and 5. The CLI on a folder, --jobs 1 vs all cores, and peak RSS at 500 and all files.
  const input = join(work, 'in');
  writeTree(input, corpus);
  const out = (k) => join(work, `out-${k}`);
  const one = cli([input, '--out', out('j1'), '-f', 'json', '--jobs', '1', '--quiet']);
  const all = cli([input, '--out', out('jn'), '-f', 'json', '--jobs', String(CORES), '--quiet']);
  const speedup = one.ms / all.ms;
  log(`3. CLI batch, ${corpus.length} files   --jobs 1: ${fmt(one.ms / 1000, 2)} s (${fmt(corpusMB / (one.ms / 1000))} MB/s); --jobs ${CORES}: ${fmt(all.ms / 1000, 2)} s; speed-up ${fmt(speedup, 2)}×`);
  target(`batch speed-up, ${CORES} cores`, `${fmt(speedup, 2)}×`, CORES >= 2 ? '≥ 1.6× (2 cores)' : 'n/a (1 core)', CORES < 2 || speedup >= 1.6);

  const small = join(work, 'small');
  writeTree(small, corpus.slice(0, Math.min(500, corpus.length)));
  const rss500 = cli([small, '--out', out('s'), '-f', 'json', '--jobs', String(CORES), '--quiet']).rss;
  const rssAll = all.rss;
  log(`5. peak RSS (GNU time, --jobs ${CORES})  500 files: ${fmt(rss500, 0)} MB; ${corpus.length} files: ${fmt(rssAll, 0)} MB`);
  target(`peak RSS ${corpus.length} vs 500 files`, `${fmt(((rssAll - rss500) / rss500) * 100)}%`, '≤ +10%', rssAll <= rss500 * 1.1);
  target('peak RSS', `${fmt(rssAll, 0)} MB`, '< 300 MB', rssAll < 300);

  // 4. Start-up.
  const tiny = join(work, 'tiny.txt');
  writeFileSync(tiny, '全市防汛工作会议召开\n本报讯（记者 王晶）6月1日，全市防汛工作会议召开。\n');
  const startMs = (args) => median(Array.from({ length: 10 }, () => cli(args).ms));
  const version = startMs(['--version']);
  const oneFile = startMs(['-f', 'json', tiny]);
  log(`4. start-up (median of 10)         --version: ${fmt(version, 0)} ms; one small file: ${fmt(oneFile, 0)} ms`);
  target('--version wall time', `${fmt(version, 0)} ms`, '≤ 120 ms', version <= 120);
  target('one small file wall time', `${fmt(oneFile, 0)} ms`, '≤ 250 ms', oneFile <= 250);

  // 6. Pathological inputs, through the same in-process pipeline.
  const patho = [
    ['5 MB on one line, no punctuation', Buffer.from('市委召开会议部署工作'.repeat(5 * MB / 30))],
    ['1 MB of repeated 本报讯（', Buffer.from('本报讯（'.repeat(MB / 12))],
    ['200,000 blank lines', Buffer.from('\n'.repeat(200_000))],
  ];
  log('6. pathological inputs');
  for (const [what, bytes] of patho) {
    const ms = time(() => JSON.stringify(splitBytes(bytes, { name: 'patho.txt' })), 3);
    const rate = bytes.length / MB / (ms / 1000);
    log(`   ${what.padEnd(34)} ${fmt(rate)} MB/s (${fmt(pipeRate / rate, 2)}× slower than normal)`);
    target(`pathological: ${what}`, `${fmt(rate)} MB/s`, `≥ ${fmt(pipeRate / 2)} MB/s (½ normal)`, rate >= pipeRate / 2);
  }

  log('\ntarget                                      value        goal                  result');
  for (const [what, value, goal, result] of rows) log(`${what.padEnd(44)}${value.padEnd(13)}${goal.padEnd(22)}${result}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
