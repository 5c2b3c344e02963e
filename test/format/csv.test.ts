import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCells, formatCsvHeader, formatCsvRows } from '../../src/format/csv.js';
import { firstSentence } from '../../src/format/fields.js';
import { SAMPLE, UNUSABLE } from './sample.js';

describe('CSV', () => {
  it('has a fixed header', () => {
    expect(formatCsvHeader()).toBe('file,index,headline,kicker,deck,kind,date,reporters,places,place_codes,characters,first_sentence,lines\n');
  });

  it('renders every column of a full article, lists joined with ；', () => {
    expect(csvCells(SAMPLE, SAMPLE.articles[0]!)).toEqual([
      'issues/2021-06-27.txt',
      '0',
      '全市安全生产工作会议召开',
      '聚焦安全',
      '刘星主持并讲话；冯晓雷参加',
      'news',
      '2021-06-01',
      '记者 王晶；通讯员 李四',
      '山西省；祁县',
      '140000；140727',
      '44',
      '本报讯（记者 王晶）6月1日，会议召开。',
      '3-6',
    ]);
    expect(CSV_COLUMNS).toHaveLength(csvCells(SAMPLE, SAMPLE.articles[0]!).length);
  });

  it('quotes, and escapes cells that would run as formulas (both widths)', () => {
    const rows = [...formatCsvRows(SAMPLE)];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toBe(`issues/2021-06-27.txt,1,"'=SUM(A1:A2), ""quoted""",,,other,,,,,27,"'－1 degrees, no sentence end",8-8\n`);
    expect((parse(rows[1]!) as string[][])[0]?.[2]).toBe(`'=SUM(A1:A2), "quoted"`);
  });

  it('escapes a year-unknown date too: Excel would read --06-01 as a formula', () => {
    const article = { ...SAMPLE.articles[0]!, date: '--06-01' };
    expect([...formatCsvRows({ ...SAMPLE, articles: [article] })][0]).toContain(`,news,'--06-01,`);
  });

  it('yields no rows for an issue without articles', () => {
    expect([...formatCsvRows(UNUSABLE)]).toEqual([]);
  });
});

describe('firstSentence', () => {
  it.each([
    ['本报讯 6月1日,会议召开。他强调。', '本报讯 6月1日,会议召开。'],
    ['真的吗？是的。', '真的吗？'],
    ['Half width! rest', 'Half width!'],
    ['no end here\nsecond paragraph。', 'no end here'],
    ['数值为3.5，没有句号', '数值为3.5，没有句号'],
    ['', ''],
  ])('%j → %j', (body, expected) => {
    expect(firstSentence(body)).toBe(expected);
  });
});
