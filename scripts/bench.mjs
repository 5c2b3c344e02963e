#!/usr/bin/env node
/**
 * Throughput and memory benchmark (a script, not a test): `npm run bench`.
 *
 * Builds a corpus in a temporary folder from the repo's own dumps (seeds/ and
 * test/fixtures/**\/input.txt), varied with a fixed-seed PRNG: paragraph groups shuffled, half of
 * the issues switched to the other punctuation width, a quarter encoded as GBK. Then measures, in
 * this one run, so every figure is comparable with the floor measured beside it:
 *
 *   1. the floor (read + decode + split into lines) and the pipeline in one thread (splitBytes →
 *      JSON.stringify, discarded), on the corpus and on seeds-like text (the seeds whole, as
 *      printed), floor and pipeline alternating so each ratio pairs two neighbouring runs;
 *   2. the CLI on the corpus into --out: --jobs 2 against two independent --jobs 1 processes on
 *      halves of the files, run at the same time (what the machine itself allows), and --jobs 1;
 *   3. peak RSS (GNU time): one 200 MB file (-f ndjson and -f json into --out), and batches of
 *      500 and 8,000 files (--jobs 2, the corpus cycled);
 *   4. pathological inputs: 5 MB on one line, 1 MB of 本报讯（, 200,000 blank lines, as rates
 *      against the corpus rate measured beside them;
 *   5. start-up: `--version` and one small file, each beside `node -e 0` (node's own start-up), as
 *      ratios to it.
 *
 * Every timing is repeated (the machine is shared and noisy): min and median are printed, and the
 * targets are judged on the median (of wall time; section 1 also prints the ratio in CPU time, which
 * other jobs on the machine disturb less). Options: --files N (default 2000), --reps N (default 5),
 * --big-mb N (default 200; 0 skips the big file), --batch-max N (default 8000), and
 * --only SECTIONS to run some of them, comma-separated from pipeline, jobs, big, batch, patho and
 * startup (default: all), e.g. `node scripts/bench.mjs --only batch,startup`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { splitBytes } from '../dist/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'paper-split.js');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
};
const FILES = arg('--files', 2000);
const REPS = Math.max(1, arg('--reps', 5));
const BIG_MB = arg('--big-mb', 200);
const BATCH_MAX = arg('--batch-max', 8000);
const SECTIONS = ['pipeline', 'jobs', 'big', 'batch', 'patho', 'startup'];
const only = (() => {
  const i = process.argv.indexOf('--only');
  if (i < 0) return new Set(SECTIONS);
  const asked = (process.argv[i + 1] ?? '').split(',').filter((x) => x !== '');
  const unknown = asked.filter((x) => !SECTIONS.includes(x));
  if (asked.length === 0 || unknown.length > 0) {
    process.stderr.write(`--only takes sections from ${SECTIONS.join(', ')}; got ${process.argv[i + 1] ?? 'nothing'}\n`);
    process.exit(2);
  }
  return new Set(asked);
})();
/** Whether a section runs (--only). */
const wanted = (section) => only.has(section);
const CORES = availableParallelism();
const MB = 1e6;
const GNU_TIME = existsSync('/usr/bin/time');

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

const utf8Texts = (files) =>
  files.map((f) => readFileSync(f)).filter((b) => !b.includes(0)).map((b) => b.toString('utf8')).filter((t) => !t.includes('\ufffd'));

function seedTexts() {
  return utf8Texts(readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(ROOT, 'seeds', f)));
}

function sources() {
  const files = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'seeds', f));
  const fixtures = join(ROOT, 'test', 'fixtures');
  if (existsSync(fixtures)) {
    for (const d of readdirSync(fixtures)) if (existsSync(join(fixtures, d, 'input.txt'))) files.push(join(fixtures, d, 'input.txt'));
  }
  // Fixtures that are not UTF-8 text (encoding cases) are left out: the corpus re-encodes on its own.
  return utf8Texts(files);
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

/** The seeds as printed, each a whole issue, repeated to about `mb` MB. */
function seedsLike(mb) {
  const texts = seedTexts();
  const issues = [];
  for (let i = 0, size = 0; size < mb * MB; i++) {
    const bytes = Buffer.from(texts[i % texts.length]);
    issues.push({ name: `2026-06-${String((i % 28) + 1).padStart(2, '0')}-seed${i}.txt`, bytes, gbk: false });
    size += bytes.length;
  }
  return issues;
}

// ——— measuring ——————————————————————————————————————————————————————————————————————

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const min = (xs) => Math.min(...xs);
const mbOf = (issues) => issues.reduce((n, i) => n + i.bytes.length, 0) / MB;

function clock(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The process's CPU time (user + system, ms) that `fn` takes: on a shared machine, less at the mercy of other jobs than the wall clock. */
function cpuClock(fn) {
  const t0 = process.cpuUsage();
  fn();
  const { user, system } = process.cpuUsage(t0);
  return (user + system) / 1000;
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

/** Floor and pipeline alternating, after one warm-up of each: the ms of each, and their paired ratios. */
function floorAndPipeline(issues) {
  floorPass(issues);
  pipelinePass(issues);
  const floor = [];
  const pipe = [];
  const ratio = [];
  const cpuRatio = [];
  for (let r = 0; r < REPS; r++) {
    const f = clock(() => floorPass(issues));
    const p = clock(() => pipelinePass(issues));
    floor.push(f);
    pipe.push(p);
    ratio.push(p / f);
    cpuRatio.push(cpuClock(() => pipelinePass(issues)) / cpuClock(() => floorPass(issues)));
  }
  return { floor, pipe, ratio, cpuRatio, articles: articleCount };
}

function writeTree(dir, issues, n = issues.length) {
  for (let i = 0; i < n; i++) {
    const { name, bytes } = issues[i % issues.length];
    const sub = join(dir, `part${i % 10}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, i < issues.length ? name : name.replace(/\.txt$/u, `-c${Math.floor(i / issues.length)}.txt`)), bytes);
  }
}

/** One CLI run, asynchronously (so two can run at once): wall ms and peak RSS in MB (GNU time). */
function cli(args, options) {
  return nodeRun([BIN, ...args], options);
}

/** One run of node with `nodeArgs`, timed as {@link cli} times the CLI. */
function nodeRun(nodeArgs, { stdout = 'ignore' } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = GNU_TIME
      ? spawn('/usr/bin/time', ['-f', '%M', process.execPath, ...nodeArgs], { stdio: ['ignore', stdout, 'pipe'] })
      : spawn(process.execPath, nodeArgs, { stdio: ['ignore', stdout, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = performance.now() - t0;
      if (status !== 0) return reject(new Error(`node ${nodeArgs.join(' ')} exited ${status}: ${stderr.slice(-400)}`));
      resolve({ ms, rss: GNU_TIME ? Number(stderr.trim().split('\n').pop()) / 1024 : NaN });
    });
  });
}

// ——— report ————————————————————————————————————————————————————————————————————————

const rows = [];
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const log = (s) => process.stdout.write(`${s}\n`);
/** A target row: `value` is what is judged (the median); `pass` undefined when it cannot be judged here. */
const target = (what, value, goal, pass) => rows.push([what, value, goal, pass === undefined ? 'n/a' : pass ? 'PASS' : 'MISS']);
const spread = (xs, d = 1, unit = '') => `min ${fmt(min(xs), d)}${unit}, median ${fmt(median(xs), d)}${unit}`;

log(`paper-split benchmark — node ${process.version}, ${CORES} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${REPS} repetitions`);
const work = mkdtempSync(join(tmpdir(), 'paper-split-bench-'));
try {
  // Start-up (section 5) alone needs no corpus.
  const corpus = SECTIONS.slice(0, -1).some(wanted) ? buildCorpus(FILES) : [];
  const sample = corpus.slice(0, Math.min(400, corpus.length));
  const seeds = wanted('pipeline') ? seedsLike(8) : [];
  const corpusMB = mbOf(corpus);
  if (corpus.length > 0) log(`corpus: ${corpus.length} issues, ${fmt(corpusMB)} MB (${corpus.filter((i) => i.gbk).length} GBK); in-process sample: ${sample.length} issues, ${fmt(mbOf(sample))} MB; seeds-like: ${seeds.length} issues, ${fmt(mbOf(seeds))} MB\n`);
  const rate = (issues, ms) => mbOf(issues) / (ms / 1000);

  // 1. Floor and pipeline, in process.
  if (wanted('pipeline')) {
    const onCorpus = floorAndPipeline(sample);
    const onSeeds = floorAndPipeline(seeds);
    for (const [what, r, issues, goal] of [['bench corpus', onCorpus, sample, 6], ['seeds-like text', onSeeds, seeds, 4]]) {
      log(`1. ${what.padEnd(16)} floor ${spread(r.floor.map((ms) => rate(issues, ms)), 0, ' MB/s')}; pipeline ${spread(r.pipe.map((ms) => rate(issues, ms)), 1, ' MB/s')}, ${fmt(r.articles / (median(r.pipe) / 1000), 0)} articles/s; ratio ${spread(r.ratio, 1, '×')} (in CPU time ${spread(r.cpuRatio, 1, '×')})`);
      target(`pipeline / floor, ${what}`, `${fmt(median(r.ratio))}×`, `≤ ${goal}×`, median(r.ratio) <= goal);
    }
  }

  let outs = 0;
  const fresh = () => join(work, `out-${outs++}`);
  const clean = (dir) => rmSync(dir, { recursive: true, force: true });

  // 2. The CLI on the corpus: --jobs 2 against two --jobs 1 processes on halves, at the same time.
  if (wanted('jobs')) {
    const input = join(work, 'in');
    const halves = [join(work, 'half-a'), join(work, 'half-b')];
    writeTree(input, corpus);
    const mid = Math.ceil(corpus.length / 2);
    writeTree(halves[0], corpus.slice(0, mid));
    writeTree(halves[1], corpus.slice(mid));
    const jobs2 = [];
    const pair = [];
    const jobs1 = [];
    const batchReps = Math.max(1, Math.min(REPS, 3));
    for (let r = 0; r < batchReps; r++) {
      const o1 = fresh();
      jobs2.push((await cli([input, '--out', o1, '-f', 'json', '--jobs', '2', '--quiet'])).ms);
      clean(o1);
      const [oa, ob] = [fresh(), fresh()];
      const t0 = performance.now();
      await Promise.all(halves.map((h, k) => cli([h, '--out', k === 0 ? oa : ob, '-f', 'json', '--jobs', '1', '--quiet'])));
      pair.push(performance.now() - t0);
      clean(oa);
      clean(ob);
      const o2 = fresh();
      jobs1.push((await cli([input, '--out', o2, '-f', 'json', '--jobs', '1', '--quiet'])).ms);
      clean(o2);
    }
    const s = (xs) => spread(xs.map((ms) => ms / 1000), 2, ' s');
    const relative = pair.map((p, k) => p / jobs2[k]);
    log(`2. CLI, ${corpus.length} files to --out   --jobs 2: ${s(jobs2)}; two --jobs 1 on halves at once: ${s(pair)}; --jobs 1: ${s(jobs1)}`);
    log(`   --jobs 2 reaches ${spread(relative, 2, '×')} of two independent processes; speed-up over --jobs 1 ${fmt(median(jobs1) / median(jobs2), 2)}×`);
    target('--jobs 2 / two independent processes', `${fmt(median(relative), 2)}×`, '≥ 0.95×', CORES >= 2 ? median(relative) >= 0.95 : undefined);
  }

  // 3. Peak RSS: one big file, and batches of 500 and BATCH_MAX files.
  if (wanted('big') && BIG_MB > 0) {
    const texts = [];
    for (let i = 0, size = 0; size < BIG_MB * MB; i++) {
      const { bytes, gbk } = corpus[i % corpus.length];
      const t = gbk ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8');
      texts.push(t);
      size += Buffer.byteLength(t) + 2;
    }
    const big = join(work, 'big', '2026-06-01.txt');
    mkdirSync(dirname(big), { recursive: true });
    writeFileSync(big, texts.join('\n\n'));
    texts.length = 0;
    const bigMB = readFileSync(big).length / MB;
    for (const format of ['ndjson', 'json']) {
      const o = fresh();
      const r = await cli([big, '--out', o, '-f', format, '--quiet']);
      clean(o);
      log(`3. one ${fmt(bigMB, 0)} MB file, -f ${format.padEnd(6)} ${fmt(r.ms / 1000, 1)} s, peak RSS ${fmt(r.rss, 0)} MB (${fmt(r.rss / bigMB, 2)} MB per MB of input)`);
      target(`one ${fmt(bigMB, 0)} MB file, -f ${format}: RSS per MB`, `${fmt(r.rss / bigMB, 2)} MB`, '≤ 3 MB', GNU_TIME ? r.rss / bigMB <= 3 : undefined);
    }
    rmSync(dirname(big), { recursive: true, force: true });
  }
  if (wanted('batch')) {
    const batchRss = async (n) => {
      const dir = join(work, `batch-${n}`);
      writeTree(dir, corpus, n);
      const o = fresh();
      const r = await cli([dir, '--out', o, '-f', 'json', '--jobs', '2', '--quiet']);
      clean(o);
      clean(dir);
      return r;
    };
    const small = await batchRss(Math.min(500, BATCH_MAX));
    const large = await batchRss(BATCH_MAX);
    log(`3. batch peak RSS (--jobs 2)      ${Math.min(500, BATCH_MAX)} files: ${fmt(small.rss, 0)} MB; ${BATCH_MAX} files: ${fmt(large.rss, 0)} MB (${fmt(large.ms / 1000, 1)} s); ratio ${fmt(large.rss / small.rss, 2)}×`);
    target(`batch RSS, ${BATCH_MAX} / 500 files`, `${fmt(large.rss / small.rss, 2)}×`, '≤ 1.1×', GNU_TIME ? large.rss / small.rss <= 1.1 : undefined);
  }

  // 4. Pathological inputs, through the in-process pipeline, each rate beside the corpus rate.
  if (wanted('patho')) {
    const patho = [
      ['5 MB on one line, no punctuation', Buffer.from('市委召开会议部署工作'.repeat(5 * MB / 30))],
      ['1 MB of repeated 本报讯（', Buffer.from('本报讯（'.repeat(MB / 12))],
      ['200,000 blank lines', Buffer.from('\n'.repeat(200_000))],
    ];
    log('4. pathological inputs (rate, and how many times slower than the corpus)');
    for (const [what, bytes] of patho) {
      const once = () => JSON.stringify(splitBytes(bytes, { name: 'patho.txt' }));
      once();
      const slower = [];
      const rates = [];
      for (let r = 0; r < REPS; r++) {
        const ms = clock(once);
        const normal = rate(sample.slice(0, 40), clock(() => pipelinePass(sample.slice(0, 40))));
        const rr = bytes.length / MB / (ms / 1000);
        rates.push(rr);
        slower.push(normal / rr);
      }
      log(`   ${what.padEnd(34)} ${spread(rates, 1, ' MB/s')}; ${spread(slower, 2, '× slower')}`);
      if (what.startsWith('200,000')) target(`${what} vs normal rate`, `${fmt(median(slower), 2)}× slower`, '≤ 2× slower', median(slower) <= 2);
    }
  }

  // 5. Start-up.
  if (wanted('startup')) {
    const tiny = join(work, 'tiny.txt');
    writeFileSync(tiny, '全市防汛工作会议召开\n本报讯（记者 王晶）6月1日，全市防汛工作会议召开。\n');
    // Node's own start-up (`node -e 0`) beside each, in turn, so all three see the same load.
    const [floor, version, oneFile] = [[], [], []];
    for (let k = 0; k < Math.max(10, REPS); k++) {
      floor.push((await nodeRun(['-e', '0'])).ms);
      version.push((await cli(['--version'])).ms);
      oneFile.push((await cli(['-f', 'json', tiny])).ms);
    }
    log(`5. start-up                       --version: ${spread(version, 0, ' ms')}; one small file: ${spread(oneFile, 0, ' ms')}; node -e 0: ${spread(floor, 0, ' ms')}`);
    // Judged against node's own start-up in the same round, as every other figure is against its
    // floor: a loaded machine slows all three alike. The goals are the first round's 120 ms and
    // 250 ms over its 74 ms `node -e 0`.
    const versionRatio = version.map((ms, k) => ms / floor[k]);
    const oneFileRatio = oneFile.map((ms, k) => ms / floor[k]);
    target('--version / node -e 0', `${fmt(median(versionRatio), 2)}×`, '≤ 1.6×', median(versionRatio) <= 1.6);
    target('one small file / node -e 0', `${fmt(median(oneFileRatio), 2)}×`, '≤ 3.4×', median(oneFileRatio) <= 3.4);
  }

  log('\ntarget                                        median       goal          result');
  for (const [what, value, goal, result] of rows) log(`${what.padEnd(46)}${value.padEnd(13)}${goal.padEnd(14)}${result}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
