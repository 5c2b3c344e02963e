/**
 * Issue 14: the seeds (seeds/*.txt) converted to traditional script with opencc-js and encoded as
 * a Hong Kong or Taiwan paper would be (Big5, UTF-8, GB18030) give the same issue as the originals:
 * the same articles (kind, span, lines), every text field in traditional characters (the converted
 * original), the same reporters by their traditional names, the same dates and the same place codes.
 * OpenCC's conversion keeps the length of these texts (asserted), so spans can be compared as they are.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { type Article, type Issue, splitBytes } from '../src/index.js';
import { expectInvariants } from './helpers/invariants.js';

const SEEDS = join(import.meta.dirname, '..', 'seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

/** How each copy is made: OpenCC's target (`t` OpenCC standard, `tw` Taiwan, `hk` Hong Kong) and the bytes. */
const COPIES = [
  { name: 'UTF-8, OpenCC traditional', to: 't', encoding: 'utf-8' },
  { name: 'Big5, Taiwan forms', to: 'tw', encoding: 'big5' },
  { name: 'GB18030, OpenCC traditional', to: 't', encoding: 'gb18030' },
  { name: 'UTF-8, Hong Kong forms', to: 'hk', encoding: 'utf-8' },
] as const;

/** The fields that must agree, with the original's text fields converted by `convert`. */
function projection(issue: Issue, convert: (s: string) => string) {
  return {
    issueDate: issue.issueDate,
    home: issue.home?.code,
    articles: issue.articles.map((a: Article) => ({
      kind: a.kind,
      span: a.span,
      lines: a.lines,
      headline: convert(a.headline),
      kicker: a.kicker === undefined ? undefined : convert(a.kicker),
      deck: a.deck.map(convert),
      marker: a.marker === undefined ? undefined : convert(a.marker),
      body: convert(a.body),
      reporters: a.reporters.map((r) => ({ name: convert(r.name), role: r.role })),
      date: a.date,
      dates: a.dates.map((d) => ({ ...d, text: convert(d.text) })),
      places: a.locations.map((l) => `${l.code} ${l.mentions.map(convert).join('|')}`),
    })),
    leftovers: issue.leftovers.map((l) => ({ ...l, text: convert(l.text) })),
    diagnostics: issue.diagnostics.map((d) => `${d.severity} ${d.code} ${d.span ?? ''}`),
  };
}

describe.each(seeds)('seed %s in traditional script', (file) => {
  const source = readFileSync(join(SEEDS, file));
  const text = source.toString('utf8');
  const original = splitBytes(source, { name: file });

  it('is simplified as it stands', () => {
    expect(original.script).toBe('simplified');
    expect(original.articles.length).toBeGreaterThan(0);
  });

  it.each(COPIES)('$name gives the same issue', ({ to, encoding }) => {
    const convert = OpenCC.Converter({ from: 'cn', to });
    const traditional = convert(text);
    expect(traditional.length).toBe(text.length);
    expect(traditional).not.toBe(text);
    const bytes = iconv.encode(traditional, encoding);
    expect(iconv.decode(bytes, encoding)).toBe(traditional); // every character has its code in the encoding

    const issue = splitBytes(bytes, { name: file });
    expect(issue.encoding).toBe(encoding);
    expect(issue.script).toBe('traditional');
    expect(projection(issue, (s) => s)).toEqual(projection(original, convert));
    expectInvariants(traditional, issue);
  });
  it('half converted is mixed, and still splits into the same articles', () => {
    const convert = OpenCC.Converter({ from: 'cn', to: 't' });
    const half = text.indexOf('\n', text.length >> 1);
    const mixed = text.slice(0, half) + convert(text.slice(half));
    const issue = splitBytes(Buffer.from(mixed, 'utf8'), { name: file });
    expect(issue.script).toBe('mixed');
    expect(issue.articles.map((a) => a.span)).toEqual(original.articles.map((a) => a.span));
  });
});
