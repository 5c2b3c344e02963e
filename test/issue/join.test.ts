/**
 * Joining with markers printed inside the paragraphs (`…度汛。（下转第2版）` / `（上接第1版）各收购…`), in
 * both punctuation widths: the markers are taken out, a part ending a sentence starts a new
 * paragraph, one cut mid-sentence runs on.
 */
import { describe, expect, it } from 'vitest';
import { assembleIssue } from '../../src/issue/assemble.js';
import { joinContinuations } from '../../src/issue/join.js';
import { splitText } from '../../src/pipeline.js';

function issueOf(pages: Record<string, string>) {
  return assembleIssue(Object.entries(pages).map(([name, text]) => ({ issue: splitText(text, { name }), text })));
}

const PAGE_1 = (close: string, end: string) =>
  ['要闻　第1版', '', '全市防汛工作会议召开', '', '本报讯（记者 王晶）6月1日，全市防汛工作会议召开，安排部署今年防汛备汛工作。', '', `会议要求，各级各部门要压实责任${end}${close}`, ''].join('\n');
const PAGE_2 = (open: string) => ['综合　第2版', '', '全市防汛工作会议召开', '', `${open}各收购企业要严格执行国家收购政策，不得压级压价。`, '', '本报记者 李明', ''].join('\n');

describe('markers inside the paragraphs', () => {
  it.each<[string, string, string, string, string]>([
    ['full width, after a full stop', '（下转第2版）', '（上接第1版）', '，确保安全度汛。', '\n'],
    ['half width, after a full stop', '(下转第2版)', '(上接第1版)', '，确保安全度汛。', '\n'],
    ['full width, mid-sentence', '（下转第二版）', '（上接第一版）', '，确保', ''],
  ])('%s', (_, close, open, end, joint) => {
    const issue = issueOf({ '2026-06-02/01.txt': PAGE_1(close, end), '2026-06-02/02.txt': PAGE_2(open) });
    expect(issue.links.map((l) => [l.from.index, l.to.index])).toEqual([[0, 1]]);
    const [joined] = joinContinuations(issue).articles;
    expect(joined!.body).toBe(`本报讯（记者 王晶）6月1日，全市防汛工作会议召开，安排部署今年防汛备汛工作。\n会议要求，各级各部门要压实责任${end}${joint}各收购企业要严格执行国家收购政策，不得压级压价。`);
    expect(joined!.reporters).toEqual([
      { name: '王晶', role: '记者' },
      { name: '李明', role: '记者' },
    ]);
    expect(joined!.parts!.map((p) => [p.file, p.page])).toEqual([
      ['2026-06-02/01.txt', 1],
      ['2026-06-02/02.txt', 2],
    ]);
  });
});
