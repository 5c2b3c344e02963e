/**
 * Issue mode in the CLI: `-f html` (one review page per issue) and `--join-continuations`, run in
 * process on a seed and on the two pages built from seed A (test/issue/seed-pages.ts).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/pipeline.js';
import { PAGE_1, SEED_TEXT, writeIssueFolder } from '../issue/seed-pages.js';
import { cli, SEED_A, tempDir } from './helpers.js';

describe('-f html', () => {
  it('writes one review page for one file on stdout', async () => {
    const r = await cli(['-f', 'html', SEED_A]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>\n')).toBe(true);
    expect(r.stdout.match(/<div class="box"/gu)).toHaveLength(6);
    expect(r.stderr).toBe('1 file, 1 issue, 6 articles, 0 continuations linked, 0 warnings, 0 failures in <t>\n');
  });

  it('writes one page per issue under --out, named by the issue date inside its folder', async () => {
    const { dir } = await writeIssueFolder();
    const out = await tempDir();
    const r = await cli(['-f', 'html', '--out', out, dir]);
    expect(r.code).toBe(0);
    // Page 4 holds only continued parts: no lead marker of its own.
    expect(r.stderr).toBe(`${join(dir, '2026-06-01', '04.txt')}:1:1  warning  no lead markers or bylines found: articles were cut at headlines only; check that this is a newspaper page  segment/no-markers\n2 files, 1 issue, 8 articles, 2 continuations linked, 1 warning, 0 failures in <t>\n`);
    expect(await readdir(join(out, '2026-06-01'))).toEqual(['2026-06-01.html']);
    const html = await readFile(join(out, '2026-06-01', '2026-06-01.html'), 'utf8');
    expect(html).toContain('<a href="#a-6">continues on 第4版 (#6)</a>');
  });

  it('refuses several issues on stdout: it needs --out', async () => {
    const { dir } = await writeIssueFolder();
    const r = await cli(['-q', '-f', 'html', join(dir, '2026-06-01', '01.txt'), SEED_A]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('usage/html-several-issues');
  });

  it('reports an unusable input and still writes the others', async () => {
    const r = await cli(['-f', 'html', '--out', await tempDir(), 'missing.txt', SEED_A]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^missing\.txt:1:1  error  no such file: .*  input\/not-found\n2 files, 1 issue, 6 articles, 0 continuations linked, 0 warnings, 1 failure in <t>\n$/u);
  });
});

describe('--join-continuations', () => {
  it('prints one issue whose continued articles are joined back into their own text', async () => {
    const { dir } = await writeIssueFolder();
    const r = await cli(['-q', '-f', 'json', '--join-continuations', dir]);
    expect(r.code).toBe(0);
    const issue = JSON.parse(r.stdout);
    const original = splitText(SEED_TEXT, { issueDate: '2026-06-01' });
    expect(issue.joined).toBe(true);
    expect(issue.articles.map((a: { headline: string }) => a.headline)).toEqual(original.articles.map((a) => a.headline));
    expect(issue.articles.slice(0, 2).map((a: { body: string }) => a.body)).toEqual(original.articles.slice(0, 2).map((a) => a.body));
    expect(issue.articles[0].parts.map((p: { file: string; page: number }) => [p.file.slice(dir.length + 1), p.page])).toEqual([
      ['2026-06-01/01.txt', 1],
      ['2026-06-01/04.txt', 4],
    ]);
  });

  it('writes one file per issue under --out in the other formats too', async () => {
    const { dir } = await writeIssueFolder();
    const out = await tempDir();
    const r = await cli(['-q', '-f', 'ndjson', '--join-continuations', '--out', out, dir]);
    expect(r.code).toBe(0);
    const lines = (await readFile(join(out, '2026-06-01', '2026-06-01.ndjson'), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(existsSync(join(out, '2026-06-01', '01.ndjson'))).toBe(false);
  });
});

describe('issue mode on stdin', () => {
  it('reads stdin, bounded like a batch, and names it by --stdin-name', async () => {
    const r = await cli(['-f', 'html', '--stdin-name', '2026-06-01.txt', '-'], { stdin: PAGE_1 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<title>paper-split review: 2026-06-01.txt · 2026-06-01</title>');
    const big = await cli(['-q', '-f', 'html', '--max-size', '1k', '-'], { stdin: PAGE_1 });
    expect([big.code, big.stdout]).toEqual([1, '']);
    expect(big.stderr).toMatch(/^<stdin>:1:1  error  more than .* input\/too-large\n$/u);
  });
});

describe('interrupted', () => {
  it('stops before writing anything, with the signal’s exit code', async () => {
    const out = await tempDir();
    const controller = new AbortController();
    controller.abort('SIGTERM');
    const r = await cli(['-f', 'html', '--out', out, SEED_A], { signal: controller.signal });
    expect([r.code, r.stderr]).toEqual([143, 'interrupted after splitting 0 of 1 file; nothing written\n']);
    expect(await readdir(out)).toEqual([]);
  });
});

describe('--issues', () => {
  it('prints one issue per issue, its continued parts linked both ways, nothing joined', async () => {
    const { dir } = await writeIssueFolder();
    const r = await cli(['-q', '-f', 'json', '--issues', dir]);
    expect(r.code).toBe(0);
    const issue = JSON.parse(r.stdout);
    expect([issue.joined, issue.files.length, issue.articles.length]).toEqual([false, 2, 8]);
    expect([issue.articles[0].continuedOnRef, issue.articles[6].continuedFromRef]).toEqual([{ page: 4, index: 6 }, { page: 1, index: 0 }]);
    expect(issue.links.map((l: { match: string }) => l.match)).toEqual(['headline', 'first-words']);
  });

  it('leaves a single file’s JSON an issue object with the same articles as without it', async () => {
    const plain = JSON.parse((await cli(['-q', '-f', 'json', SEED_A])).stdout);
    const issue = JSON.parse((await cli(['-q', '-f', 'json', '--issues', SEED_A])).stdout);
    expect(issue.source).toBe(plain.source);
    expect(issue.articles.map(({ file: _, ...a }: { file: string }) => a)).toEqual(plain.articles);
  });
});
