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
