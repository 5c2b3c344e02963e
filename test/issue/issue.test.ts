/**
 * Whole issues on pages built from seed A (test/issue/seed-pages.ts): two articles cut from page 1
 * to page 4 are linked both ways, joined back into the seed's own text with joinContinuations, and
 * the issue's files, pages and lines are accounted for.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/pipeline.js';
import { assembleIssue } from '../../src/issue/assemble.js';
import { splitIssue, splitIssues } from '../../src/issue/split.js';
import type { WholeIssue } from '../../src/issue/types.js';
import { ROOT, SEED_A, SEED_B } from '../cli/helpers.js';
import { CONTINUED, PAGE_1, PAGE_4, SEED_TEXT, writeIssueFolder } from './seed-pages.js';

/** The seed split whole, with the issue date the folder gives the pages. */
const ORIGINAL = splitText(SEED_TEXT, { name: 'seed.txt', issueDate: '2026-06-01' });

/** Each article as `page:headline`, with its links, for exact comparison. */
function outline(issue: WholeIssue): string[] {
  return issue.articles.map((a) => {
    const on = a.continuedOnRef ? ` → ${a.continuedOnRef.page}#${a.continuedOnRef.index}` : a.continuedOn !== undefined ? ` → ${a.continuedOn}?` : '';
    const from = a.continuedFromRef ? ` ← ${a.continuedFromRef.page}#${a.continuedFromRef.index}` : '';
    return `${a.index} p${a.page ?? '?'} ${a.headline}${on}${from}`;
  });
}

/** Every non-blank line of every file is in exactly one article part or one leftover. */
function coverage(issue: WholeIssue, texts: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const file of issue.files) {
    const lines = texts[file]!.split('\n');
    const owners = lines.map(() => 0);
    for (const a of issue.articles) {
      for (const p of a.parts ?? [{ file: a.file, lines: a.lines }]) {
        if (p.file !== file) continue;
        for (let k = p.lines.first - 1; k < p.lines.last; k++) owners[k]!++;
      }
    }
    for (const l of issue.leftovers) if (l.file === file && owners[l.line - 1] === 0) owners[l.line - 1] = 1;
    lines.forEach((t, k) => {
      if (t.trim().length > 0 && owners[k] !== 1) problems.push(`${file}:${k + 1} owned ${owners[k]} times`);
    });
  }
  return problems;
}

describe('an issue of two pages in one folder', async () => {
  const { files } = await writeIssueFolder();
  const [page4, page1] = files as [string, string];
  const issue = await splitIssue(files);

  it('puts the pages in page order, whatever the file order, numbered by their headers', () => {
    expect(issue.files).toEqual([page1, page4]);
    expect(issue.pages.map((p) => [p.page, p.pageSource, p.file, p.articles])).toEqual([
      [1, 'header', page1, 6],
      [4, 'header', page4, 2],
    ]);
    expect(issue.issueDate).toEqual({ value: '2026-06-01', source: 'file-name' });
    expect(issue.source).toBe(join(page1, '..'));
  });

  it('links each 下转 part to its 上接 part, both ways; the one with no partner keeps its page only', () => {
    expect(outline(issue)).toEqual([
      `0 p1 ${CONTINUED[0]} → 4#6`,
      `1 p1 ${CONTINUED[1]} → 4#7`,
      '2 p1 我市1县上榜中国县域旅游传播力百强榜单',
      '3 p1 蔷薇盛放 绿意盎然',
      '4 p1 学以致用促发展 动真碰硬惠民生 → 4?',
      '5 p1 山西省煤矿安全风险隐患排查第七督导组关于开展煤矿安全生产违法违规行为专项举报的公告',
      `6 p4 ${CONTINUED[0]} ← 1#0`,
      '7 p4 市委统一战线工作会议召开 ← 1#1',
    ]);
    // Two parts on page 4 continue page 1: one by its repeated headline, one by its first words.
    expect(issue.links).toEqual([
      { from: { page: 1, index: 0 }, to: { page: 4, index: 6 }, match: 'headline' },
      { from: { page: 1, index: 1 }, to: { page: 4, index: 7 }, match: 'first-words' },
    ]);
    // The printed page numbers keep their meaning.
    expect([issue.articles[0]!.continuedOn, issue.articles[6]!.continuedFrom]).toEqual([4, 1]);
  });

  it('notes the marker that found no partner, and why', () => {
    expect(issue.diagnostics.filter((d) => d.code.startsWith('issue/'))).toEqual([
      {
        severity: 'info',
        code: 'issue/continuation-not-found',
        message: 'continued on page 4, but page 4 holds no part continued from page 1',
        file: page1,
        span: issue.articles[4]!.span,
      },
    ]);
  });

  it('accounts for every line of both files', () => {
    expect(coverage(issue, { [page1]: PAGE_1, [page4]: PAGE_4 })).toEqual([]);
  });

  describe('joined (joinContinuations)', async () => {
    const joined = await splitIssue(files, { joinContinuations: true });

    it('makes each chain one article at its first part, and numbers the articles again', () => {
      expect(joined.joined).toBe(true);
      expect(joined.articles.map((a) => `${a.index} ${a.headline}`)).toEqual(ORIGINAL.articles.map((a) => `${a.index} ${a.headline}`));
    });

    it.each([0, 1])('gives article %i back the seed’s own text and fields', (k) => {
      const a = joined.articles[k]!;
      const o = ORIGINAL.articles[k]!;
      // Article 0 was cut between paragraphs, article 1 mid-sentence at a column break (no line break joins it).
      expect(a.body).toBe(o.body);
      expect([a.headline, a.deck, a.kicker, a.marker, a.kind, a.date]).toEqual([o.headline, o.deck, o.kicker, o.marker, o.kind, o.date]);
      expect(a.reporters).toEqual(o.reporters);
      expect(a.dates).toEqual(o.dates);
      expect(a.locations.map((l) => l.code)).toEqual(o.locations.map((l) => l.code));
      expect([a.continuedOn, a.continuedFrom, a.continuedOnRef, a.continuedFromRef]).toEqual([undefined, undefined, undefined, undefined]);
    });

    it('lists each part with its file, page, lines and span', () => {
      expect(joined.articles.slice(0, 2).map((a) => a.parts)).toEqual([
        [
          { file: page1, page: 1, lines: { first: 3, last: 17 }, span: [8, 922] },
          { file: page4, page: 4, lines: { first: 3, last: 11 }, span: [10, 503] },
        ],
        [
          { file: page1, page: 1, lines: { first: 19, last: 25 }, span: [924, 1167] },
          { file: page4, page: 4, lines: { first: 13, last: 23 }, span: [505, 1185] },
        ],
      ]);
      for (const a of joined.articles.slice(0, 2)) {
        for (const p of a.parts!) {
          const text = p.file === page1 ? PAGE_1 : PAGE_4;
          expect(text.slice(...p.span).split('\n').length).toBe(p.lines.last - p.lines.first + 1);
        }
      }
    });

    it('still accounts for every line once', () => {
      expect(coverage(joined, { [page1]: PAGE_1, [page4]: PAGE_4 })).toEqual([]);
    });
  });
});

describe('pages inside one file', () => {
  it('cuts the file at its page headers and links across them', async () => {
    const whole = `${PAGE_1}\n\n${PAGE_4}`;
    const file = splitText(whole, { name: '2026-06-01.txt' });
    const issue = assembleIssue([{ issue: file, text: whole }]);
    expect(issue.pages.map((p) => [p.page, p.articles])).toEqual([
      [1, 6],
      [4, 2],
    ]);
    expect(issue.links.map((l) => [l.from.index, l.to.index, l.match])).toEqual([
      [0, 6, 'headline'],
      [1, 7, 'first-words'],
    ]);
  });
});

describe('grouping files into issues', () => {
  it('by folder, then by the date in the file name or the folder name', async () => {
    const { dir, files } = await writeIssueFolder();
    const other = [join(dir, '2026-06-02_01.txt'), join(dir, '2026-06-02_04.txt'), join(dir, '2026-06-03_04.txt')];
    await writeFile(other[0]!, PAGE_1);
    await writeFile(other[1]!, PAGE_4);
    await writeFile(other[2]!, PAGE_4);
    const issues = await splitIssues([...files, ...other]);
    expect(issues.map((i) => [i.issueDate?.value, i.files.map((f) => f.slice(dir.length + 1)), i.links.length])).toEqual([
      ['2026-06-01', ['2026-06-01/01.txt', '2026-06-01/04.txt'], 2],
      ['2026-06-02', ['2026-06-02_01.txt', '2026-06-02_04.txt'], 2],
      ['2026-06-03', ['2026-06-03_04.txt'], 0],
    ]);
  });

  it('never links across issues: a page 4 of another day finds no page 1', async () => {
    const { dir } = await writeIssueFolder();
    const a = join(dir, '2026-06-05.txt');
    const b = join(dir, '2026-06-06.txt');
    await writeFile(a, PAGE_1);
    await writeFile(b, PAGE_4);
    const issues = await splitIssues([a, b]);
    expect(issues.map((i) => [i.files.length, i.links.length])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });
});

describe('grouping undated files', () => {
  it('puts a page with no date of its own into its folder’s only issue', async () => {
    const { dir } = await writeIssueFolder();
    await mkdir(join(dir, 'misc'));
    const files = [join(dir, 'misc', '01.txt'), join(dir, 'misc', '04.txt')];
    await writeFile(files[0]!, PAGE_1);
    await writeFile(files[1]!, PAGE_4);
    const issues = await splitIssues(files);
    // Page 1 is dated by its text (a notice's signature date); page 4 prints no full date.
    expect(issues.map((i) => [i.issueDate, i.files.length, i.links.length])).toEqual([[{ value: '2026-06-01', source: 'text' }, 2, 2]]);
  });


  it('keeps an undated page of another paper (another home) out of the folder’s issue', async () => {
    // Seed A is dated by its text and its home is 晋中市; seed B has no date and names 太原市.
    const issues = await splitIssues([join(ROOT, SEED_A), join(ROOT, SEED_B)]);
    expect(issues.map((i) => [i.files.map((f) => f.slice(ROOT.length + 1)), i.home?.name])).toEqual([
      [[SEED_A], '晋中市'],
      [[SEED_B], '太原市'],
    ]);
  });
});
