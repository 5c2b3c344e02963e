/**
 * The seeds in other clothes give the same articles (DOMAIN.md: encodings, line ends and two
 * punctuation widths are the same paper). What is compared, precisely:
 *
 *  - GBK, GB18030, UTF-16LE with a BOM: these decode to exactly the seed's string, so every
 *    article and leftover must be deep-equal to the UTF-8 run, every field (spans, dates with their
 *    body offsets, locations) included. Only `Issue.encoding` differs, and it must name the
 *    encoding (GBK is read as its superset GB18030).
 *  - CRLF line ends: CRLF is one break, so line numbers, bodies and every other field are equal;
 *    spans are offsets into the decoded CRLF text and move by one unit per CR before them. They
 *    are mapped back (offset − CRs before it) and must then equal the LF spans exactly. Date spans
 *    are offsets into the article body, which holds no line ends, so they are equal as they are.
 *  - The other punctuation width (seed 000 half → full `，：；（）`, seed 004 full → half
 *    `,;()`): the replacement is one UTF-16 unit for one, so lines and spans must be equal as
 *    they are; every string field (headline, deck, marker, body, dates' text …) must be equal
 *    once both sides are folded to one width; everything else (kind, reporters, date, locations)
 *    must be equal outright. Colons between digits (`8:00`) and the full stops (`。`, and the
 *    `.` of an e-mail address) are left alone, as a paper would print them.
 *
 * The invariants of test/helpers/invariants.ts are checked on every variant.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type Issue, splitBytes } from '../src/index.js';
import { expectInvariants } from './helpers/invariants.js';

const SEEDS = ['000_1571c1513e9212b0.txt', '004_de87c0f9f60ce011.txt'] as const;
const read = (file: string): string => readFileSync(join(import.meta.dirname, '..', 'seeds', file), 'utf8');
const split = (bytes: Uint8Array, file: string): Issue => splitBytes(bytes, { name: file });

/** Half-width → full-width as a paper with full-width punctuation prints it. */
function toFullWidth(text: string): string {
  return text.replace(/[,;()]|:(?!\d)|(?<!\d):/gu, (c) => ({ ',': '，', ';': '；', '(': '（', ')': '）', ':': '：' })[c]!);
}
/** Full-width → half-width, the other way round. */
function toHalfWidth(text: string): string {
  return text.replace(/[，；（）：]/gu, (c) => ({ '，': ',', '；': ';', '（': '(', '）': ')', '：': ':' })[c]!);
}

/** `value` with `f` applied to every string inside it. */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

/** `value` with every `span` (a source span, not a date's body span) mapped back from CRLF offsets. */
function uncrlfSpans(value: unknown, crlfText: string): unknown {
  // crBefore[o] = number of CRs before offset o in the CRLF text.
  const crBefore = new Uint32Array(crlfText.length + 1);
  for (let i = 0; i < crlfText.length; i++) crBefore[i + 1] = crBefore[i]! + (crlfText.charCodeAt(i) === 13 ? 1 : 0);
  const back = (o: number): number => o - crBefore[o]!;
  const walk = (v: unknown, inDates: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, inDates));
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        if (k === 'span' && !inDates && Array.isArray(x)) return [k, [back(x[0] as number), back(x[1] as number)]];
        return [k, walk(x, inDates || k === 'dates')];
      }),
    );
  };
  return walk(value, false);
}

describe.each(SEEDS)('seed %s in other encodings and forms', (file) => {
  const text = read(file);
  const base = split(Buffer.from(text, 'utf8'), file);

  it('the UTF-8 run finds articles (the comparisons below are not vacuous)', () => {
    expect(base.articles.length).toBeGreaterThanOrEqual(3);
    expectInvariants(text, base);
  });

  it.each([
    ['GBK', iconv.encode(text, 'gbk'), 'gb18030'],
    ['GB18030', iconv.encode(text, 'gb18030'), 'gb18030'],
    ['UTF-16LE with a BOM', iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le'],
    ['UTF-16LE without a BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['UTF-16BE without a BOM', Buffer.from(text, 'utf16le').swap16(), 'utf-16be'],
  ] as const)('%s: identical articles and leftovers, every field', (_, bytes, encoding) => {
    const issue = split(bytes, file);
    expect(issue.encoding).toBe(encoding);
    expect(issue.articles).toEqual(base.articles);
    expect(issue.leftovers).toEqual(base.leftovers);
    expect(issue.diagnostics).toEqual(base.diagnostics);
    expectInvariants(text, issue);
  });

  it('CRLF: identical once spans are mapped back to LF offsets; line numbers unchanged', () => {
    const crlf = text.replace(/\n/gu, '\r\n');
    const issue = split(Buffer.from(crlf, 'utf8'), file);
    expect(issue.articles.map((a) => a.span)).not.toEqual(base.articles.map((a) => a.span));
    expect(uncrlfSpans(issue.articles, crlf)).toEqual(base.articles);
    expect(uncrlfSpans(issue.leftovers, crlf)).toEqual(base.leftovers);
    expect(uncrlfSpans(issue.diagnostics, crlf)).toEqual(base.diagnostics);
    expectInvariants(crlf, issue);
  });

  it('the other punctuation width: same lines and spans, same fields modulo width', () => {
    const other = file.startsWith('000') ? toFullWidth(text) : toHalfWidth(text);
    expect(other).not.toBe(text);
    expect(other.length).toBe(text.length);
    const issue = split(Buffer.from(other, 'utf8'), file);
    expect(mapStrings(issue.articles, toHalfWidth)).toEqual(mapStrings(base.articles, toHalfWidth));
    expect(mapStrings(issue.leftovers, toHalfWidth)).toEqual(mapStrings(base.leftovers, toHalfWidth));
    // And the output keeps the input's own characters: the body is a slice of the new text.
    for (const a of issue.articles) expect(other).toContain(a.body.split('\n')[0]);
    expectInvariants(other, issue);
  });
});

describe('the width folds used above', () => {
  it.each([
    ['本报讯 (记者王晶)6月1日,会议:上午8:00;', '本报讯 （记者王晶）6月1日，会议：上午8:00；'],
    ['举报电话:0354-3039689', '举报电话：0354-3039689'],
    ['jzyjbg@126.com', 'jzyjbg@126.com'],
  ])('toFullWidth(%j) → %j', (half, full) => {
    expect(toFullWidth(half)).toBe(full);
    expect(toHalfWidth(full)).toBe(half);
  });
});

/** Every string in `value` with U+FFFD removed, and spans, body offsets and line numbers dropped: the text that survived. */
function survivingText(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\ufffd/gu, '');
  if (Array.isArray(value)) return value.map(survivingText);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'span' && k !== 'lines' && k !== 'dates').map(([k, v]) => [k, survivingText(v)]));
  }
  return value;
}

describe.each(SEEDS)('seed %s damaged or stitched (issue 11)', (file) => {
  const text = read(file);
  const base = split(Buffer.from(text, 'utf8'), file);
  const lines = text.split('\n');

  it('UTF-8 with an invalid byte in three places: still UTF-8, decode/replaced, the same articles but for the U+FFFD', () => {
    // In the three longest lines (body text), before their last character (the full stop stays last).
    const longest = lines.map((l, i) => [l.length, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 3).map(([, i]) => i);
    const bytes = Buffer.concat(
      lines.flatMap((l, i) => {
        const sep = Buffer.from(i > 0 ? '\n' : '');
        if (!longest.includes(i)) return [sep, Buffer.from(l, 'utf8')];
        return [sep, Buffer.from(l.slice(0, -1), 'utf8'), Buffer.from([0x80]), Buffer.from(l.slice(-1), 'utf8')];
      }),
    );
    const issue = split(bytes, file);
    expect(issue.encoding).toBe('utf-8');
    expect(issue.diagnostics.filter((d) => d.code.startsWith('decode/')).map((d) => d.code)).toEqual(['decode/replaced']);
    expect(survivingText(issue.articles)).toEqual(survivingText(base.articles));
  });

  it('the first half UTF-8, the rest GBK: decode/mixed naming the lines, and exactly the UTF-8 file\'s articles', () => {
    const cut = text.indexOf('\n', text.length >> 1) + 1;
    const issue = split(Buffer.concat([Buffer.from(text.slice(0, cut), 'utf8'), iconv.encode(text.slice(cut), 'gbk')]), file);
    // The GBK region starts at the first line after the cut with a non-ASCII character (an ASCII line reads the same in both).
    const cutLine = lines.findIndex((l, i) => i >= text.slice(0, cut).split('\n').length - 1 && /[^\x00-\x7f]/u.test(l)) + 1;
    const mixed = issue.diagnostics.filter((d) => d.code.startsWith('decode/'));
    expect(mixed.map((d) => d.code)).toEqual(['decode/mixed']);
    expect(mixed[0]!.message).toMatch(new RegExp(`lines 1–[0-9]+ utf-8, ${cutLine}–[0-9]+ gb18030`, 'u'));
    expect(issue.articles).toEqual(base.articles);
    expect(issue.leftovers).toEqual(base.leftovers);
  });
});
