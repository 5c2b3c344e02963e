// Decoding, measured: Node's TextDecoder against iconv-lite (same text? how fast?), jschardet's
// guesses against the evidence-based choice of src/decode.ts (right encoding? how fast?), on real
// pages in every supported encoding, damaged and mixed. A script, not a test:
//
//   npm run build && node scripts/bench-decode.mjs
//
// The pages: seeds/, test/fixtures/*/input.txt and, when present, ../shared/eval/{dev,corpus,epaper}.
// jschardet is no longer a dependency; `npm install --no-save jschardet` to include it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes } from '../dist/decode.js';

const ROOT = join(import.meta.dirname, '..');
const jschardet = await import('jschardet').then((m) => m.default, () => undefined);

function pages() {
  const files = [];
  const add = (dir, pick = (n) => n.endsWith('.txt')) => {
    if (!existsSync(dir)) return;
    for (const n of readdirSync(dir).sort()) if (pick(n)) files.push(join(dir, n));
  };
  add(join(ROOT, 'seeds'));
  for (const f of readdirSync(join(ROOT, 'test/fixtures')).sort()) add(join(ROOT, 'test/fixtures', f), (n) => n === 'input.txt');
  for (const d of ['dev', 'corpus', 'epaper']) add(join(ROOT, '..', 'shared', 'eval', d));
  return files.map((f) => readFileSync(f, 'utf8')).filter((t) => /[\u4e00-\u9fff]/u.test(t));
}

/** A fixed-seed generator (mulberry32), so every run damages the same bytes. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261201);

/** `bytes` with `n` bytes inserted at random places. */
function damage(bytes, n, byte) {
  let out = Buffer.from(bytes);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(random() * out.length);
    out = Buffer.concat([out.subarray(0, at), Buffer.from([byte]), out.subarray(at)]);
  }
  return out;
}

/**
 * The part of a simplified page that standard Big5 holds (A140–F9D5: the characters both scripts
 * share, at their real frequencies). iconv-lite would put the rest in HKSCS codes, which no
 * Taiwan paper uses.
 */
function big5Part(text) {
  return [...text]
    .filter((c) => {
      if (c.charCodeAt(0) < 0x80) return true;
      const b = iconv.encode(c, 'big5');
      const code = b.length === 2 ? (b[0] << 8) | b[1] : 0;
      return code >= 0xa140 && code <= 0xf9d5 && iconv.decode(b, 'big5') === c;
    })
    .join('');
}

const texts = pages();
const cases = [];
for (const text of texts) {
  const utf8 = Buffer.from(text, 'utf8');
  const gbk = iconv.encode(text, 'gbk');
  cases.push({ kind: 'utf-8', bytes: utf8, expect: 'utf-8' });
  cases.push({ kind: 'gbk', bytes: gbk, expect: 'gb18030' });
  cases.push({ kind: 'big5', bytes: iconv.encode(big5Part(text), 'big5'), expect: 'big5' });
  cases.push({ kind: 'utf-16le, no BOM', bytes: Buffer.from(text, 'utf16le'), expect: 'utf-16le' });
  cases.push({ kind: 'utf-16be, no BOM', bytes: Buffer.from(text, 'utf16le').swap16(), expect: 'utf-16be' });
  cases.push({ kind: 'utf-8, 1–3 bytes 0x80 inserted', bytes: damage(utf8, 1 + Math.floor(random() * 3), 0x80), expect: 'utf-8' });
  cases.push({ kind: 'gbk, 1–3 bytes 0xff inserted', bytes: damage(gbk, 1 + Math.floor(random() * 3), 0xff), expect: 'gb18030' });
  const half = text.indexOf('\n', text.length >> 1);
  if (half > 0 && /[\u4e00-\u9fff]/u.test(text.slice(0, half)) && /[\u4e00-\u9fff]/u.test(text.slice(half))) cases.push({ kind: 'mixed: utf-8 then gbk', bytes: Buffer.concat([Buffer.from(text.slice(0, half + 1)), iconv.encode(text.slice(half + 1), 'gbk')]), expect: 'mixed' });
}

const JSCHARDET_NAMES = { 'UTF-8': 'utf-8', GB2312: 'gb18030', GB18030: 'gb18030', Big5: 'big5', 'UTF-16LE': 'utf-16le', 'UTF-16BE': 'utf-16be', ascii: 'utf-8' };

function time(fn, rounds) {
  for (let i = 0; i < 3; i++) fn();
  const t = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return (performance.now() - t) / rounds;
}

console.log(`${texts.length} pages, ${cases.length} cases\n`);

// 1. TextDecoder vs iconv-lite: the same text?
{
  const byKind = new Map();
  for (const c of cases) {
    if (c.expect === 'mixed' || c.expect === 'utf-8') continue;
    const row = byKind.get(c.kind) ?? { same: 0, total: 0 };
    byKind.set(c.kind, row);
    row.total++;
    if (new TextDecoder(c.expect).decode(c.bytes) === iconv.decode(c.bytes, c.expect)) row.same++;
  }
  console.log('TextDecoder vs iconv-lite, pages with identical text:');
  for (const [kind, r] of byKind) console.log(`  ${kind}: ${r.same} of ${r.total}`);
}

// 2. Speed of the decoders on the GBK pages, and of jschardet and of decodeBytes.
{
  const gbk = cases.filter((c) => c.kind === 'gbk').map((c) => c.bytes);
  const utf8 = cases.filter((c) => c.kind === 'utf-8').map((c) => c.bytes);
  const kb = gbk.reduce((n, b) => n + b.length, 0) / gbk.length / 1024;
  const td = new TextDecoder('gb18030');
  const perFile = (fn) => time(() => gbk.forEach(fn), 20) / gbk.length;
  const tdMs = perFile((b) => td.decode(b));
  const iconvMs = perFile((b) => iconv.decode(b, 'gb18030'));
  console.log(`GBK pages (mean ${kb.toFixed(1)} KB): TextDecoder ${(tdMs * 1000).toFixed(1)} µs/file, iconv-lite ${(iconvMs * 1000).toFixed(1)} µs/file (${(iconvMs / tdMs).toFixed(2)}× TextDecoder)`);
  const big5 = cases.filter((c) => c.kind === 'big5').map((c) => c.bytes);
  const tdBig5 = new TextDecoder('big5');
  const b5td = time(() => big5.forEach((b) => tdBig5.decode(b)), 20) / big5.length;
  const b5iconv = time(() => big5.forEach((b) => iconv.decode(b, 'big5')), 20) / big5.length;
  console.log(`Big5 pages: TextDecoder ${(b5td * 1000).toFixed(1)} µs/file, iconv-lite ${(b5iconv * 1000).toFixed(1)} µs/file`);
  if (jschardet) {
    const jsMs = perFile((b) => jschardet.detect(b.subarray(0, 8192), { detectEncodings: ['GB2312', 'Big5', 'UTF-8'] }));
    console.log(`jschardet on the first 8 KB: ${(jsMs * 1000).toFixed(0)} µs/file (${(jsMs / tdMs).toFixed(1)}× decoding the file)`);
  }
  const ctx = { name: 'x.txt' };
  const newGbk = perFile((b) => decodeBytes(b, ctx));
  const bigGbk = Buffer.concat(gbk);
  const bigMs = time(() => decodeBytes(bigGbk, ctx), 20);
  const bigTd = time(() => td.decode(bigGbk), 20);
  console.log(`all GBK pages as one ${(bigGbk.length / 1024).toFixed(0)} KB file: decodeBytes ${bigMs.toFixed(2)} ms, TextDecoder alone ${bigTd.toFixed(2)} ms`);
  const newUtf8 = time(() => utf8.forEach((b) => decodeBytes(b, ctx)), 20) / utf8.length;
  console.log(`decodeBytes (choose + decode): GBK ${(newGbk * 1000).toFixed(0)} µs/file, UTF-8 ${(newUtf8 * 1000).toFixed(0)} µs/file`);
}

// 3. Right encoding? jschardet's guess, and decodeBytes's choice and warnings.
{
  const rows = new Map();
  for (const c of cases) {
    const row = rows.get(c.kind) ?? { n: 0, jsRight: 0, right: 0, warned: 0, refused: 0, silentWrong: 0 };
    rows.set(c.kind, row);
    row.n++;
    if (jschardet) {
      const guess = JSCHARDET_NAMES[jschardet.detect(c.bytes.subarray(0, 65536)).encoding] ?? 'other';
      if (guess === c.expect) row.jsRight++;
    }
    const r = decodeBytes(c.bytes, { name: 'x.txt' });
    const codes = r.diagnostics.map((d) => d.code);
    const enc = r.value?.encoding;
    const right = c.expect === 'mixed' ? codes.includes('decode/mixed') : enc === c.expect;
    if (!r.value) row.refused++;
    else if (right) row.right++;
    else if (codes.some((x) => x.startsWith('decode/'))) row.warned++;
    else row.silentWrong++;
  }
  console.log('\ncase | n | jschardet right | decodeBytes right | wrong but warned | refused | silently wrong');
  for (const [kind, r] of rows) console.log(`${kind} | ${r.n} | ${jschardet ? r.jsRight : '—'} | ${r.right} | ${r.warned} | ${r.refused} | ${r.silentWrong}`);
}
