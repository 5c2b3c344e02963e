/**
 * Stages 2b–4 a window of lines at a time (`src/windows.ts`): a big text is cut only where nothing
 * crosses, so the windows' articles, leftovers, issue date and home are the whole text's, byte for
 * byte. Held to that on every seed and fixture, alone and all as one text, with windows of a few
 * lines (many cuts), and on a text past the length from which `splitText` reads in windows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyParagraphs } from '../../src/classify.js';
import { lineTableOf, splitLines } from '../../src/lines.js';
import { splitText, splitTextInWindows } from '../../src/pipeline.js';
import { repairLines, wrapWidthOfTable } from '../../src/repair.js';
import { segmentArticles } from '../../src/segment.js';
import type { Segment } from '../../src/types.js';
import { segmentWindows, type WindowedText, type WindowSize } from '../../src/windows.js';
import { PROPERTY_SEED } from '../helpers/generators.js';

const ROOT = join(import.meta.dirname, '..', '..');
const NAME = '2026-06-01.txt';
const ctx = { name: NAME };

/** The seeds and every fixture input that is UTF-8 text, in a fixed order. */
function realPages(): string[] {
  const files = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(ROOT, 'seeds', f));
  const fixtures = join(ROOT, 'test', 'fixtures');
  for (const d of readdirSync(fixtures).sort()) if (existsSync(join(fixtures, d, 'input.txt'))) files.push(join(fixtures, d, 'input.txt'));
  return files.map((f) => readFileSync(f)).filter((b) => !b.includes(0)).map((b) => b.toString('utf8')).filter((t) => !t.includes('\ufffd'));
}

const PAGES = realPages();
const ALL = PAGES.join('\n\n');

function windowed(text: string): WindowedText {
  const table = lineTableOf(text);
  return { text, table, width: wrapWidthOfTable(text, table) };
}

/** Each window's segments, as the first line of each. */
function windowsOf(text: string, size: WindowSize): number[][] {
  return [...segmentWindows(windowed(text), ctx, size)].map((w) => w.segments.map(firstLine));
}

const firstLine = (s: Segment): number => s.blocks[0]!.block.paragraph.firstLine;

describe('splitTextInWindows: the whole text’s issue, window by window', () => {
  it.each([
    [{ rows: 4, margin: 1 }],
    [{ rows: 16, margin: 4 }],
    [{ rows: 200, margin: 20 }],
  ])('on every seed and fixture, and on all of them as one text, with %j', (size) => {
    for (const text of [...PAGES, ALL]) {
      expect(JSON.stringify(splitTextInWindows(text, { name: NAME }, size))).toBe(JSON.stringify(splitText(text, { name: NAME })));
    }
  });

  it('on pages of the seeds’ and fixtures’ paragraphs shuffled, with and without blank lines between (100 generated)', () => {
    const groups = ALL.split(/\n\s*\n/u).filter((g) => g.trim() !== '');
    const page = fc.array(fc.record({ group: fc.nat(groups.length - 1), blank: fc.boolean() }), { minLength: 5, maxLength: 80 });
    fc.assert(
      fc.property(page, fc.integer({ min: 2, max: 12 }), (parts, rows) => {
        const text = parts.map((p) => groups[p.group] + (p.blank ? '\n\n' : '\n')).join('');
        expect(JSON.stringify(splitTextInWindows(text, { name: NAME }, { rows, margin: 2 }))).toBe(JSON.stringify(splitText(text, { name: NAME })));
      }),
      { seed: PROPERTY_SEED, numRuns: 100 },
    );
  });

  it('gives every window the whole text’s wrap width, none included', () => {
    // Six head lines of 14 characters are a wrap width in the first window, cut before the second
    // article, but not in the whole text, whose body lines all differ in length: read alone, the
    // window would join them.
    const head = Array.from({ length: 6 }, (_, k) => `第${'一二三四五六'[k]}场春季农业生产工作会议召开`);
    const body = Array.from({ length: 30 }, (_, k) => `会议强调${'要'.repeat(k + 1)}做好春耕工作。`);
    const text = [...head, '本报讯（记者 张三）3月5日，会议召开。', '会议由县长主持。', '', '新区建设提速', '本报讯 3月5日，新区项目开工。', ...body].join('\n');
    const whole = splitText(text, { name: NAME });
    expect(whole.articles[0]!.deck).toEqual(head.slice(1));
    expect(JSON.stringify(splitTextInWindows(text, { name: NAME }, { rows: 3, margin: 2 }))).toBe(JSON.stringify(whole));
  });

  it.each([
    // A body line (`张三，李四`) that classify reads as a credit keeps its sentence open for repair,
    // which then reads the lead under it whole, not as a head run into it: no cut before the lead.
    ['a line read as a credit only by classify', '好。\n张三，李四\n本报记者王五   报道：今天市里召开会议。\n好。\n好。\n', { rows: 3, margin: 1 }],
    // A page footer under an open lead is set aside while the lead's sentence goes on below it:
    // the lead's paragraph is not whole until a block other than furniture follows it.
    ['a lead whose sentence goes on under a page footer', '好。\n新华社北京电\n第2版\n今天开会。\n', { rows: 1, margin: 1 }],
  ])('is not cut where repair still has a sentence open: %s', (_what, text, size) => {
    expect(JSON.stringify(splitTextInWindows(text, { name: NAME }, size))).toBe(JSON.stringify(splitText(text, { name: NAME })));
  });

  it('is held to pages that cut often and that have a home, leftovers and an issue date', () => {
    const issue = splitText(ALL, { name: 'page.txt' });
    expect(issue.home).toBeDefined();
    expect(issue.issueDate).toBeDefined();
    expect(issue.leftovers.length).toBeGreaterThan(50);
    // Many windows: about one in four articles starts where a window may be cut.
    expect(windowsOf(ALL, { rows: 4, margin: 1 }).length).toBeGreaterThan(40);
    expect(JSON.stringify(splitTextInWindows(ALL, { name: 'page.txt' }, { rows: 4, margin: 1 }))).toBe(JSON.stringify(issue));
  });

  it('reads a text past the windowed length in windows, with the whole text’s output', { timeout: 120_000 }, () => {
    // About 4.2 million UTF-16 units: splitText windows it; a trace hook makes it read the text whole.
    const big = Array.from({ length: Math.ceil((1 << 22) / ALL.length) + 1 }, () => ALL).join('\n\n');
    expect(big.length).toBeGreaterThan(1 << 22);
    const whole = splitText(big, { name: NAME, trace: () => {} });
    expect(JSON.stringify(splitText(big, { name: NAME }))).toBe(JSON.stringify(whole));
  });
});

describe('segmentWindows: where a window is cut', () => {
  // Six articles of a headline, a lead and body; the second and third close with a credit in
  // brackets, the fourth with a credit line; a blank line after the third.
  const page = [
    '市委召开常委会议', '本报讯（记者 张三）3月5日，市委召开常委会议。', '会议强调，要做好春耕工作。',
    '新区建设提速', '本报讯（记者 王五）3月5日，新区十个项目集中开工。', '项目总投资五十亿元。（李四）',
    '全市中小学开学', '本报讯 3月5日，全市中小学开学。', '各校做好了开学准备。（赵六）', '',
    '春季招聘会举行', '本报讯 3月5日，春季招聘会在会展中心举行。', '三百家企业参会。', '（记者 孙八）',
    '旅游市场回暖', '本报讯（记者 周九）3月5日，全市旅游市场持续回暖。', '游客人数同比增长两成。',
    '图书馆延长开放时间', '本报讯（记者 吴十）即日起，市图书馆每天开放至晚上九点。', '读者可在线预约座位。',
  ].join('\n');

  it('cuts before a headline over a lead: after body ending in 。, a blank line, or a credit line', () => {
    const whole = segmentArticles(classifyParagraphs(repairLines(splitLines(page), ctx).value, ctx).value, ctx).value;
    expect(whole.segments.map(firstLine)).toEqual([0, 3, 6, 10, 14, 17]);
    // Not before line 6: `……。（李四）` closes a sentence the line under it could still go on from.
    // The second window, finding no cut in its first five lines, is widened to ten.
    expect(windowsOf(page, { rows: 5, margin: 2 })).toEqual([[0], [3, 6], [10], [14, 17]]);
  });

  it('reads a text with no place to cut as one window', () => {
    const body = Array.from({ length: 12 }, (_, k) => `第${k + 1}段正文，写的是会议的内容。`).join('\n');
    expect(windowsOf(body, { rows: 2, margin: 1 })).toEqual([[0]]);
  });
});
