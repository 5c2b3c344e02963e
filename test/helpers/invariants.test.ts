/**
 * The invariants oracle must be able to fail: each broken issue below violates one invariant and
 * the checker must say which. (A checker that always returns [] would pass every property test.)
 */
import { describe, expect, it } from 'vitest';
import { type Issue, splitText } from '../../src/index.js';
import { checkInvariants, isSubsequence, rawLines } from './invariants.js';

const TEXT = '全市防汛工作会议召开\n\n本报讯（记者 王晶）6月1日，全市防汛工作会议召开。\n\n责任编辑：王芳\n';
const good = (): Issue => splitText(TEXT, { name: '2026-06-02.txt' });

describe('rawLines', () => {
  it.each([
    ['', ['']],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\r\nb\rc\nd', ['a', 'b', 'c', 'd']],
    ['\n\n', ['', '']],
  ])('%j', (text, expected) => {
    expect(rawLines(text).map((l) => l.text)).toEqual(expected);
  });
});

describe('isSubsequence', () => {
  it.each([
    ['会议召开', '全市防汛工作会议\n\n召开。', true],
    ['会议 召开', '会议召开', true],
    ['召开会议', '会议召开', false],
    ['会议会议', '会议', false],
  ])('%j in %j → %s', (needle, hay, expected) => {
    expect(isSubsequence(needle, hay)).toBe(expected);
  });
});

describe('checkInvariants', () => {
  it('holds on a good split', () => {
    expect(checkInvariants(TEXT, good())).toEqual([]);
  });

  it('finds a line that is in no article and not a leftover', () => {
    const issue = good();
    issue.leftovers = [];
    expect(checkInvariants(TEXT, issue)).toEqual(['line 5 "责任编辑：王芳" is in no article and not a leftover']);
  });

  it('finds overlapping articles and a line claimed twice', () => {
    const issue = good();
    issue.articles.push({ ...issue.articles[0]!, index: 1 });
    expect(checkInvariants(TEXT, issue)).toEqual([
      'article 1 starts at line 1, not after line 3 where the previous one ends',
      'line 1 is in both article 0 and article 1',
      'line 2 is in both article 0 and article 1',
      'line 3 is in both article 0 and article 1',
      'article 1 span [0, 38) starts before the previous one ends (38)',
    ]);
  });

  it('finds a body that its span does not hold', () => {
    const issue = good();
    issue.articles[0]!.body += '另有一句。';
    expect(checkInvariants(TEXT, issue)).toEqual([
      'article 0 body is not a subsequence of its span: "本报讯（记者 王晶）6月1日，全市防汛工作会议召开。另有一句。"',
    ]);
  });

  it('finds a leftover whose text or span is not its line, and an orphan inside an article', () => {
    const issue = good();
    issue.leftovers[0] = { ...issue.leftovers[0]!, text: '责任编辑', span: [40, 44] };
    issue.leftovers.unshift({ line: 3, text: issue.articles[0]!.body, span: [12, 38], reason: 'orphan' });
    expect(checkInvariants(TEXT, issue)).toEqual([
      'line 3 is in both article 0 and leftover line 3',
      'leftover line 5 text "责任编辑" is not the line "责任编辑：王芳"',
      'leftover line 5 span [40, 44) is not the line\'s [40, 47)',
    ]);
  });

  it('allows a furniture leftover inside an article (an article runs across a footer line)', () => {
    const text = '标题一则\n本报讯（记者 王晶）6月1日，我市召开会议。\n责任编辑：王芳\n会议要求抓好落实。\n';
    const issue = splitText(text, { name: '2026-06-02.txt' });
    expect(issue.articles.map((a) => a.lines)).toEqual([{ first: 1, last: 4 }]);
    expect(issue.leftovers.map((l) => [l.line, l.reason])).toEqual([[3, 'furniture']]);
    expect(checkInvariants(text, issue)).toEqual([]);
  });
});
