/**
 * The review page: exact lines for a small page (roles, highlights with their values in `title`,
 * greyed leftovers, escaping), self-containment, and the boxes of the seed-built two-page issue
 * before and after joining, and on every seed and fixture: each non-blank line shown once, in order,
 * with its text unchanged, and one box per article. The browser test (test/cli/html-browser.test.ts) renders it for real.
 */
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/format/html.js';
import { assembleIssue, sourcesOf } from '../../src/issue/assemble.js';
import { splitIssue } from '../../src/issue/split.js';
import { splitText } from '../../src/pipeline.js';
import { ROOT, SEED_A, SEED_B } from '../cli/helpers.js';
import { CONTINUED, writeIssueFolder } from '../issue/seed-pages.js';

const TEXT = [
  '要闻　第1版',
  '',
  '全市防汛工作会议召开',
  '',
  '本报讯（记者 王晶）6月1日，晋中市防汛工作会议召开，安排部署今年防汛备汛工作。',
  '',
  '会议要求，各级各部门要压实责任，确保安全度汛。（下转第4版）',
  '',
  '<b>&"x"',
  '',
].join('\n');
const SPLIT = splitText(TEXT, { name: '2026-06-02.txt' });
// Line 9 is outside the article; whether the pipeline calls it furniture or an orphan is its own
// business (tested elsewhere): here it is an orphan, so that both kinds of leftover are drawn.
SPLIT.leftovers = SPLIT.leftovers.map((l) => (l.line === 9 ? { ...l, reason: 'orphan' } : l));
const HTML = formatHtml(assembleIssue([{ issue: SPLIT, text: TEXT }]));

/** The rendered line whose line number is `n` (1-based). */
function lineHtml(html: string, n: number): string {
  const m = new RegExp(`<div class="ln[^"]*"[^>]*><span class="no">${n}</span>.*?</span></div>`, 'u').exec(html);
  if (!m) throw new Error(`line ${n} not rendered`);
  return m[0];
}

describe('a page of one article', () => {
  it('marks the headline line with its role', () => {
    expect(lineHtml(HTML, 3)).toBe('<div class="ln r-headline" title="主题 headline"><span class="no">3</span><span class="role">主题 headline</span><span class="tx">全市防汛工作会议召开</span></div>');
  });

  it('marks the lead: the marker, the reporter, the date and the place, each with its value on hover', () => {
    expect(lineHtml(HTML, 5)).toBe(
      '<div class="ln r-lead" title="导语 lead"><span class="no">5</span><span class="role">导语 lead</span><span class="tx">' +
        '<span class="m-marker" title="lead marker: 本报讯（记者 王晶）">本报讯（记者 </span>' +
        '<span class="m-marker m-reporter" title="lead marker: 本报讯（记者 王晶） · reporter 王晶 (记者)">王晶</span>' +
        '<span class="m-marker" title="lead marker: 本报讯（记者 王晶）">）</span>' +
        '<span class="m-date" title="date 2026-06-01 (year from file-name)">6月1日</span>，' +
        '<span class="m-place" title="place 晋中市 140700 (prefecture; 山西省 › 晋中市)">晋中市</span>防汛工作会议召开，安排部署今年防汛备汛工作。</span></div>',
    );
  });

  it('marks a body line and its continuation marker', () => {
    expect(lineHtml(HTML, 7)).toBe(
      '<div class="ln r-body" title="正文 body"><span class="no">7</span><span class="role">正文 body</span><span class="tx">会议要求，各级各部门要压实责任，确保安全度汛。' +
        '<span class="m-continuation" title="continues on another page: （下转第4版）">（下转第4版）</span></span></div>',
    );
  });

  it('greys furniture and leftovers, and escapes the text', () => {
    expect(lineHtml(HTML, 1)).toBe(
      '<div class="ln leftover lo-furniture" title="furniture: page header, page number or editor line, kept out of the articles"><span class="no">1</span><span class="role">furniture</span><span class="tx">要闻　第1版</span></div>',
    );
    expect(lineHtml(HTML, 9)).toBe(
      '<div class="ln leftover lo-orphan" title="leftover: a line that belongs to no article"><span class="no">9</span><span class="role">leftover</span><span class="tx">&lt;b&gt;&amp;&quot;x&quot;</span></div>',
    );
  });

  it('lists the article in the contents, with its unmatched continuation, and the diagnostics', () => {
    expect(HTML).toContain(
      '<li><a href="#a-0"><span class="swatch" style="--h:0"></span>全市防汛工作会议召开</a> <span class="meta">news · 第1版 · 2026-06-01 · lines 3–7</span> <span class="links">continues on 第4版 (not found)</span></li>',
    );
    expect(HTML).toContain('<details><summary>3 info (leftover lines, continuations without a partner)</summary>');
    expect(HTML).toContain(
      '<li class="sev-info"><span class="place">2026-06-02.txt:3:1</span> <span class="sev">info</span> continued on page 4, but page 4 is not among the inputs <code>issue/continuation-not-found</code></li>',
    );
    // The pipeline's wording is not ours to pin: the place, the severity and the code are.
    expect(HTML).toMatch(/<li class="sev-info"><span class="place">2026-06-02\.txt:1:1<\/span> <span class="sev">info<\/span> [^<]+ <code>segment\/leftover-furniture<\/code><\/li>/u);
  });

  it('is one self-contained document: no script, no external asset', () => {
    expect(HTML.startsWith('<!doctype html>\n<html lang="zh-Hans">')).toBe(true);
    expect(HTML.endsWith('</html>\n')).toBe(true);
    expect(HTML).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import|https?:/iu);
    expect(HTML.match(/<div class="box"/gu)).toHaveLength(1);
  });

  it('needs the source texts (an issue parsed back from JSON has none)', () => {
    const issue = JSON.parse(JSON.stringify(assembleIssue([{ issue: splitText(TEXT, { name: 'a.txt' }), text: TEXT }])));
    expect(() => formatHtml(issue)).toThrow('formatHtml: no source texts');
    expect(formatHtml(issue, new Map([['a.txt', TEXT]]))).toContain('<span class="no">9</span>');
  });
});

describe('the two-page issue built from seed A', async () => {
  const { files } = await writeIssueFolder();
  const linked = formatHtml(await splitIssue(files));
  const joined = formatHtml(await splitIssue(files, { joinContinuations: true }));

  it('draws one box per article, parts of continued articles included, and links them in the contents', () => {
    expect(linked.match(/<div class="box"/gu)).toHaveLength(8);
    expect(linked.match(/<div class="box box-cont"/gu)).toBeNull();
    expect(linked).toContain('<a href="#a-6">continues on 第4版 (#6)</a>');
    expect(linked).toContain('<a href="#a-0">continued from 第1版 (#0)</a>');
  });

  it('after joining, one box per article and a continuation box for each later part', () => {
    expect(joined.match(/<div class="box"/gu)).toHaveLength(6);
    expect(joined.match(/<div class="box box-cont" id="a-\d-1"/gu)).toEqual(['<div class="box box-cont" id="a-0-1"', '<div class="box box-cont" id="a-1-1"']);
    expect(joined).toContain(`${CONTINUED[0]}</a> <span class="meta">news · 第1版 · 2026-06-01 · lines 3–17</span> <span class="links">joined from 第1版 + 第4版</span>`);
  });

  it('reads the roles of a later part: its repeated headline, its marker line, its body', () => {
    const part = joined.slice(joined.indexOf('<div class="box box-cont" id="a-1-1"'));
    const roles = [...part.slice(0, part.indexOf('\n</div>')).matchAll(/<div class="ln ([^"]+)"/gu)].map((m) => m[1]);
    expect(roles).toEqual(['r-headline', 'blank', 'r-continuation', 'blank', 'r-body', 'blank', 'r-body', 'blank', 'r-body', 'blank', 'r-body']);
  });
});

describe('every seed and fixture', async () => {
  const inputs = [SEED_A, SEED_B, ...(await fg('test/fixtures/**/input.txt', { cwd: ROOT })).sort()];

  it.each(inputs)('%s: every non-blank line once, in order, its text unchanged', async (input) => {
    const issue = await splitIssue([join(ROOT, input)]);
    const text = sourcesOf(issue)!.get(issue.files[0]!)!;
    const html = formatHtml(issue);
    const shown = [...html.matchAll(/<div class="ln[^"]*"[^>]*><span class="no">(?<no>\d+)<\/span><span class="role">[^<]*<\/span><span class="tx">(?<tx>.*?)<\/span><\/div>$/gmu)].map(
      (m) => `${m.groups!['no']} ${unescape(m.groups!['tx']!.replace(/<[^>]+>/gu, ''))}`,
    );
    const expected = text.split(/\r\n|\r|\n/u).flatMap((line, k) => (line.trim().length > 0 ? [`${k + 1} ${line}`] : []));
    expect(shown).toEqual(expected);
    expect(html.match(/<div class="box"/gu)?.length ?? 0).toBe(issue.articles.length);
  });
});

function unescape(s: string): string {
  return s.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
}
