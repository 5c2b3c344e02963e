/**
 * The JSON Schemas in schema/ against real output: both seeds and every test/fixtures/<case>/input.txt,
 * in json and ndjson, through the CLI. Negative cases prove the schemas can fail, and a key list
 * checked by the compiler against src/types.ts keeps the schemas in step with the types.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../src/format/ndjson.js';
import type { Article, Issue } from '../src/types.js';
import { cli, ROOT, SEED_A, SEED_B } from './cli/helpers.js';
import { SAMPLE } from './format/sample.js';

const issueSchema = JSON.parse(await readFile(join(ROOT, 'schema/issue.schema.json'), 'utf8')) as Record<string, unknown> & { $defs: Record<string, { properties?: object }> };
const recordSchema = JSON.parse(await readFile(join(ROOT, 'schema/article-record.schema.json'), 'utf8')) as { properties: object };
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(issueSchema);
const validateIssue = ajv.compile(issueSchema);
const validateRecord = ajv.compile(recordSchema);

const fixtures = (await fg('test/fixtures/**/input.txt', { cwd: ROOT })).sort();
const inputs = [SEED_A, SEED_B, ...fixtures];

function errorsOf(validate: typeof validateIssue, value: unknown): string {
  return validate(value) ? '' : ajv.errorsText(validate.errors);
}

describe.each(inputs)('%s', (input) => {
  it('json output is a valid issue', async () => {
    const r = await cli(['-q', '-f', 'json', input]);
    expect(errorsOf(validateIssue, JSON.parse(r.stdout))).toBe('');
  });

  it('every ndjson line is a valid article record', async () => {
    const r = await cli(['-q', '-f', 'ndjson', input]);
    const lines = r.stdout.trimEnd().split('\n').filter((l) => l.length > 0);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(errorsOf(validateRecord, JSON.parse(line))).toBe('');
  });
});

it('found the inputs it claims (seeds, plus any fixtures)', () => {
  expect(inputs.slice(0, 2).map((p) => relative('seeds', p))).toEqual(['000_1571c1513e9212b0.txt', '004_de87c0f9f60ce011.txt']);
});

describe('edge outputs', () => {
  it('accepts unusable and empty issues, and stdin with a name', async () => {
    for (const [args, stdin] of [
      [['-f', 'json', 'missing.txt'], undefined],
      [['-f', 'json', '-'], ''],
      [['-f', 'json', '--stdin-name', '2021-06-27.txt', '-'], '本报讯（记者 王晶）6月1日，会议召开。\n'],
    ] as const) {
      const r = await cli(['-q', ...args], stdin === undefined ? {} : { stdin });
      expect(errorsOf(validateIssue, JSON.parse(r.stdout))).toBe('');
    }
  });

  it('accepts every optional field', () => {
    const full: Issue = {
      ...SAMPLE,
      articles: [{ ...SAMPLE.articles[0]!, dateline: { place: '北京', date: '2021-06-01' }, continuedOn: 4, continuedFrom: 1, locations: [{ ...SAMPLE.articles[0]!.locations[0]!, candidates: ['140000'], weak: true }] }],
      diagnostics: [{ severity: 'warning', code: 'x/y', message: 'm', file: 'f', span: [0, 1], note: 'n' }],
    };
    expect(errorsOf(validateIssue, full)).toBe('');
  });

  it.each<[string, (i: Issue) => unknown]>([
    ['an unknown article field', (i) => ({ ...i, articles: [{ ...i.articles[0], extra: 1 }] })],
    ['a missing headline', (i) => ({ ...i, articles: [{ ...i.articles[0], headline: undefined }] })],
    ['a bad date', (i) => ({ ...i, articles: [{ ...i.articles[0], date: '6月1日' }] })],
    ['a span of three numbers', (i) => ({ ...i, articles: [{ ...i.articles[0], span: [1, 2, 3] }] })],
    ['a negative offset', (i) => ({ ...i, leftovers: [{ ...i.leftovers[0], span: [-1, 2] }] })],
    ['an unknown kind', (i) => ({ ...i, articles: [{ ...i.articles[0], kind: 'ad' }] })],
    ['a five-digit code', (i) => ({ ...i, home: { ...i.home, code: '14070' } })],
    ['an unknown severity', (i) => ({ ...i, diagnostics: [{ severity: 'fatal', code: 'a/b', message: 'm' }] })],
  ])('rejects %s', (_, mutate) => {
    expect(validateIssue(JSON.parse(JSON.stringify(mutate(SAMPLE))))).toBe(false);
  });

  it('rejects a record without source or with an unknown field', () => {
    const record: ArticleRecord = { source: 's', issueDate: null, ...SAMPLE.articles[0]! };
    expect(errorsOf(validateRecord, record)).toBe('');
    const { source: _, ...noSource } = record;
    expect(validateRecord(noSource)).toBe(false);
    expect(validateRecord({ ...record, extra: true })).toBe(false);
  });
});

describe('the schemas follow src/types.ts', () => {
  // The compiler checks these lists against the types: adding or removing a field fails `npm run typecheck`
  // until the list (and then the schema, by the test below) follows.
  const ARTICLE_KEYS = {
    index: true, kind: true, headline: true, kicker: true, deck: true, subheadings: true, marker: true, body: true, reporters: true,
    date: true, dates: true, dateline: true, locations: true, continuedOn: true, continuedFrom: true, lines: true, span: true,
  } satisfies Record<keyof Article, true>;
  const ISSUE_KEYS = { source: true, encoding: true, script: true, issueDate: true, home: true, articles: true, leftovers: true, diagnostics: true } satisfies Record<keyof Issue, true>;

  it('lists exactly the Article and Issue fields', () => {
    expect(Object.keys(issueSchema.$defs.articleFields!.properties!).sort()).toEqual(Object.keys(ARTICLE_KEYS).sort());
    expect(Object.keys(issueSchema.properties as object).sort()).toEqual(Object.keys(ISSUE_KEYS).sort());
    expect(Object.keys(recordSchema.properties).sort()).toEqual(['issueDate', 'source']);
  });
});
