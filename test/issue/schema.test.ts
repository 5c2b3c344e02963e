/**
 * schema/whole-issue.schema.json against real whole issues (linked, joined, one file with page
 * headers, the CLI's --join-continuations output), negative cases, and a key list the compiler
 * checks against src/issue/types.ts so the schema follows the types.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { splitIssue } from '../../src/issue/split.js';
import type { ArticlePart, ContinuationLink, IssueArticle, IssueLeftover, IssuePage, WholeIssue } from '../../src/issue/types.js';
import type { Article, Leftover } from '../../src/types.js';
import { cli, ROOT, SEED_A } from '../cli/helpers.js';
import { writeIssueFolder } from './seed-pages.js';

const load = async (name: string): Promise<Record<string, unknown> & { properties: object; $defs: Record<string, { properties?: object }> }> =>
  JSON.parse(await readFile(join(ROOT, 'schema', name), 'utf8'));
const issueSchema = await load('issue.schema.json');
const schema = await load('whole-issue.schema.json');
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(issueSchema);
const validate = ajv.compile(schema);
const errorsOf = (value: unknown): string => (validate(JSON.parse(JSON.stringify(value))) ? '' : ajv.errorsText(validate.errors));

const { dir, files } = await writeIssueFolder();
const linked = await splitIssue(files);
const joined = await splitIssue(files, { joinContinuations: true });

describe('valid whole issues', () => {
  it.each<[string, () => Promise<unknown>]>([
    ['linked', async () => linked],
    ['joined', async () => joined],
    ['one seed file', async () => splitIssue([join(ROOT, SEED_A)])],
    ['a missing file', async () => splitIssue([join(dir, 'missing.txt')])],
    ['the CLI’s --join-continuations -f json', async () => JSON.parse((await cli(['-q', '-f', 'json', '--join-continuations', dir])).stdout)],
  ])('%s', async (_, make) => {
    expect(errorsOf(await make())).toBe('');
  });
});

describe('invalid', () => {
  it.each<[string, (i: WholeIssue) => unknown]>([
    ['an article without its file', (i) => ({ ...i, articles: [{ ...i.articles[0], file: undefined }] })],
    ['an unknown article field', (i) => ({ ...i, articles: [{ ...i.articles[0], extra: 1 }] })],
    ['a ref without its index', (i) => ({ ...i, articles: [{ ...i.articles[0], continuedOnRef: { page: 4 } }] })],
    ['an unknown link match', (i) => ({ ...i, links: [{ ...i.links[0], match: 'guess' }] })],
    ['a page 0', (i) => ({ ...i, pages: [{ ...i.pages[0], page: 0 }] })],
    ['a leftover without its file', (i) => ({ ...i, leftovers: [{ ...i.leftovers[0], file: undefined }] })],
    ['no joined flag', (i) => ({ ...i, joined: undefined })],
  ])('rejects %s', (_, mutate) => {
    expect(errorsOf(mutate(linked))).not.toBe('');
  });

  it('rejects a joined article of one part', () => {
    const a = joined.articles[0]!;
    expect(errorsOf({ ...joined, articles: [{ ...a, parts: a.parts!.slice(0, 1) }] })).not.toBe('');
  });
});

describe('the schema follows src/issue/types.ts', () => {
  const WHOLE_ISSUE_KEYS = {
    source: true, encoding: true, script: true, issueDate: true, home: true, articles: true, leftovers: true, diagnostics: true, files: true, pages: true, links: true, joined: true,
  } satisfies Record<keyof WholeIssue, true>;
  const ARTICLE_EXTRA_KEYS = { file: true, page: true, continuedOnRef: true, continuedFromRef: true, parts: true } satisfies Record<Exclude<keyof IssueArticle, keyof Article>, true>;
  const LEFTOVER_KEYS = { line: true, text: true, span: true, reason: true, file: true, page: true } satisfies Record<keyof IssueLeftover, true> & Record<keyof Leftover, true>;
  const PAGE_KEYS = { page: true, pageSource: true, file: true, span: true, articles: true } satisfies Record<keyof IssuePage, true>;
  const PART_KEYS = { file: true, page: true, lines: true, span: true } satisfies Record<keyof ArticlePart, true>;
  const LINK_KEYS = { from: true, to: true, match: true } satisfies Record<keyof ContinuationLink, true>;

  it.each<[string, object | undefined, object]>([
    ['WholeIssue', schema.properties, WHOLE_ISSUE_KEYS],
    ['IssueArticle (beyond Article)', schema.$defs['issueArticle']!.properties, ARTICLE_EXTRA_KEYS],
    ['IssueLeftover', schema.$defs['issueLeftover']!.properties, LEFTOVER_KEYS],
    ['IssuePage', schema.$defs['page']!.properties, PAGE_KEYS],
    ['ArticlePart', schema.$defs['part']!.properties, PART_KEYS],
    ['ContinuationLink', schema.$defs['link']!.properties, LINK_KEYS],
  ])('lists exactly the fields of %s', (_, properties, keys) => {
    expect(Object.keys(properties!).sort()).toEqual(Object.keys(keys).sort());
  });
});
