/** linkContinuations and the page-number readers, as tables of must-match and must-not-match cases. */
import { describe, expect, it } from 'vitest';
import { linkContinuations } from '../../src/issue/link.js';
import { pageOfHeader, pageOfName } from '../../src/issue/pages.js';
import type { IssueArticle } from '../../src/issue/types.js';

/** A part: `p1>4 标题` ends 下转第4版 on page 1; `p4<1 标题` opens 上接第1版 on page 4; `p4<1>6` does both; `p2 标题` neither. */
function part(spec: string, index: number): IssueArticle {
  const m = /^p(?<page>\d+)(?:<(?<from>\d+))?(?:>(?<on>\d+))?(?: (?<headline>.*))?$/u.exec(spec)!.groups!;
  const a: IssueArticle = {
    index, kind: 'news', headline: m['headline'] ?? '', deck: [], subheadings: [], body: '…', reporters: [], date: null, dates: [],
    locations: [], lines: { first: 1, last: 1 }, span: [0, 1], file: `p${m['page']}.txt`, page: Number(m['page']),
  };
  if (m['on'] !== undefined) a.continuedOn = Number(m['on']);
  if (m['from'] !== undefined) a.continuedFrom = Number(m['from']);
  return a;
}

function links(specs: string[]): string[] {
  return linkContinuations(specs.map(part)).links.map((l) => `${l.from.index}→${l.to.index} ${l.match}`);
}

describe('linkContinuations', () => {
  it.each<[string, string[], string[]]>([
    ['the only part on the page, headline or not', ['p1>4 防汛会议召开', 'p4<1'], ['0→1 page']],
    ['the same headline among several', ['p1>4 甲事', 'p1>4 乙事', 'p4<1 乙事', 'p4<1 甲事'], ['0→3 headline', '1→2 headline']],
    ['the first words of the headline', ['p1>4 全市防汛工作会议召开', 'p1>4 夏粮收购全面展开', 'p4<1 夏粮收购', 'p4<1 全市防汛工作'], ['0→3 first-words', '1→2 first-words']],
    ['page order when no headline tells', ['p1>4 甲事', 'p1>4 乙事', 'p4<1', 'p4<1'], ['0→2 order', '1→3 order']],
    ['a chain over three pages', ['p1>4 甲事', 'p4<1>6', 'p6<4'], ['0→1 page', '1→2 page']],
    ['one partner for two senders: the headline decides, the other stays open', ['p1>4 甲事', 'p1>4 乙事', 'p4<1 乙事'], ['1→2 headline']],
  ])('links %s', (_, specs, expected) => {
    expect(links(specs)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['a 上接 part naming another page', ['p1>4 甲事', 'p4<2 甲事']],
    ['a part on another page than the marker names', ['p1>4 甲事', 'p5<1 甲事']],
    ['a part with no 上接 marker', ['p1>4 甲事', 'p4 甲事']],
    ['a sender whose page is unknown', ['p1>4 甲事', 'p4<1 甲事']],
  ])('does not link %s', (name, specs) => {
    const articles = specs.map(part);
    if (name.startsWith('a sender whose page')) delete articles[0]!.page;
    expect(linkContinuations(articles).links).toEqual([]);
  });

  it('sets the refs on both parts and leaves the input untouched', () => {
    const input = ['p1>4 甲事', 'p4<1 甲事'].map(part);
    const { articles } = linkContinuations(input);
    expect([articles[0]!.continuedOnRef, articles[1]!.continuedFromRef]).toEqual([{ page: 4, index: 1 }, { page: 1, index: 0 }]);
    expect([input[0]!.continuedOnRef, input[1]!.continuedFromRef]).toEqual([undefined, undefined]);
  });
});

describe('page numbers', () => {
  it.each<[string, number]>([
    ['要闻　第1版', 1],
    ['综合新闻　第4版', 4],
    ['第A05版:要闻 PDF版', 5],
    ['04版：综合', 4],
    ['经济日报 2022年9月8日 第五版', 5],
    ['第十二版', 12],
  ])('reads the page of the header %s', (text, page) => {
    expect(pageOfHeader(text)).toBe(page);
  });

  it.each(['本版责任编辑：张三', '版面导航', '放大 缩小 默认', '版式：王五'])('finds no page in %s', (text) => {
    expect(pageOfHeader(text)).toBeUndefined();
  });

  it.each<[string, number | undefined]>([
    ['2021-06-27/04.txt', 4],
    ['issues/2021-06-27_03.txt', 3],
    ['page-4.txt', 4],
    ['A04.txt', 4],
    ['2021-06-27.txt', undefined],
    ['20210627.txt', undefined],
    ['seeds/000_1571c1513e9212b0.txt', undefined],
    ['晋中日报.txt', undefined],
  ])('reads the page of the file name %s', (name, page) => {
    expect(pageOfName(name)).toBe(page);
  });
});
