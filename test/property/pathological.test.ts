/**
 * Pathological single inputs (the kind that turns a quadratic loop into a hang). Each must finish
 * and keep the invariants; there is deliberately no timing assertion (vitest's timeout is the
 * backstop: a quadratic stage would take minutes on these sizes). The benchmark is a script.
 */
import { describe, expect, it } from 'vitest';
import { splitBytes, splitText } from '../../src/index.js';
import { expectInvariants } from '../helpers/invariants.js';

const MB = 1 << 20;
const NAME = '2026-06-02.txt';

describe('pathological input completes and keeps the invariants', () => {
  it('a 1 MB line of Han characters with no punctuation', () => {
    const line = '市委召开会议部署工作'.repeat(MB / 10);
    const issue = splitText(line, { name: NAME });
    expectInvariants(line, issue);
    // Nothing ends a sentence and nothing marks a lead: one untitled item holding the whole line.
    expect(issue.articles.map((a) => [a.lines, a.body.length])).toEqual([[{ first: 1, last: 1 }, line.length]]);
  });

  it('200,000 blank lines: a warning and nothing else', () => {
    const text = '\n'.repeat(200_000);
    const issue = splitText(text, { name: NAME });
    expectInvariants(text, issue);
    expect(issue.articles).toEqual([]);
    expect(issue.leftovers).toEqual([]);
    expect(issue.diagnostics.map((d) => d.code)).toEqual(['input/empty']);
  });

  it('200,000 blank lines around two articles', () => {
    const blank = '\n'.repeat(100_000);
    const text = `${blank}全市防汛工作会议召开\n本报讯（记者 王晶）6月1日，全市防汛工作会议召开。${blank}\n\n蔷薇盛放\n市民在公园赏花。\n本报记者 刘勇摄${blank}`;
    const issue = splitText(text, { name: NAME });
    expectInvariants(text, issue);
    expect(issue.articles.map((a) => [a.headline, a.kind, a.lines])).toEqual([
      ['全市防汛工作会议召开', 'news', { first: 100_001, last: 100_002 }],
      ['蔷薇盛放', 'photo', { first: 200_004, last: 200_006 }],
    ]);
  });

  it('1 MB of repeated 本报讯（ on one line', () => {
    const text = '本报讯（'.repeat(MB / 4);
    const issue = splitText(text, { name: NAME });
    expectInvariants(text, issue);
    expect(issue.articles.map((a) => a.lines)).toEqual([{ first: 1, last: 1 }]);
  });

  it('1 MB of 本报讯（ one to a line, through splitBytes', () => {
    const text = '本报讯（\n'.repeat(MB / 5);
    const issue = splitBytes(Buffer.from(text, 'utf8'), { name: NAME });
    expectInvariants(text, issue);
  });

  it('a 1 MB line of spaces between two words, and one of commas', () => {
    for (const text of [`会议${' '.repeat(MB)}召开`, `会议${'，'.repeat(MB)}召开`, `${'（'.repeat(MB)}下转第4版`]) {
      const issue = splitText(text, { name: NAME });
      expectInvariants(text, issue);
    }
  });
});
