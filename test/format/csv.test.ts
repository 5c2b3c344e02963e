import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CELL_LIMIT, CSV_COLUMNS, csvCells, formatCsvHeader, formatCsvRows } from '../../src/format/csv.js';
import type { Diagnostic } from '../../src/types.js';
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

describe('CSV columns, TSV and the cell cap', () => {
  it('chooses and orders columns by name, body and locations included', () => {
    const columns = ['headline', 'locations', 'body', 'file'] as const;
    expect(formatCsvHeader({ columns })).toBe('headline,locations,body,file\n');
    expect(csvCells(SAMPLE, SAMPLE.articles[0]!, columns)).toEqual([
      '全市安全生产工作会议召开',
      '山西省 140000；祁县 140727',
      '本报讯（记者 王晶）6月1日，会议召开。他强调，要抓好安全。\n会议指出，要“守住底线”。',
      'issues/2021-06-27.txt',
    ]);
    // The body's line break survives a round trip through a CSV parser.
    const [row] = [...formatCsvRows(SAMPLE, { columns: ['body'] })];
    expect(parse(row!)).toEqual([[SAMPLE.articles[0]!.body]]);
  });

  it('TSV: tab-separated, quoted only where a cell holds a tab, a quote or a line break', () => {
    expect(formatCsvHeader({ delimiter: '\t', columns: ['file', 'index', 'headline'] })).toBe('file\tindex\theadline\n');
    const rows = [...formatCsvRows(SAMPLE, { delimiter: '\t', columns: ['index', 'headline', 'body'] })];
    expect(rows[1]).toBe(`1\t"'=SUM(A1:A2), ""quoted"""\t'－1 degrees, no sentence end\n`);
    expect(parse(rows[0]!, { delimiter: '\t' })).toEqual([['0', '全市安全生产工作会议召开', SAMPLE.articles[0]!.body]]);
  });

  it(`caps a cell at ${CELL_LIMIT} characters, with a format/cell-truncated warning at the article`, () => {
    const body = '长'.repeat(40_000) + '。';
    const issue = { ...SAMPLE, articles: [{ ...SAMPLE.articles[1]!, body }] };
    const diagnostics: Diagnostic[] = [];
    const [row] = [...formatCsvRows(issue, { columns: ['index', 'body', 'first_sentence'], diagnostics })];
    const cells = parse(row!) as string[][];
    expect(cells[0]!.map((c) => c.length)).toEqual([1, CELL_LIMIT, CELL_LIMIT]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.file, d.span])).toEqual([
      ['warning', 'format/cell-truncated', 'issues/2021-06-27.txt', [82, 110]],
      ['warning', 'format/cell-truncated', 'issues/2021-06-27.txt', [82, 110]],
    ]);
    expect(diagnostics[0]!.message).toBe('the body cell of article 1 has 40,001 characters, more than a spreadsheet cell holds; cut to 32,767 (use -f json or ndjson for the whole text)');
  });

  it('leaves room for the formula escape, and never cuts a surrogate pair in half', () => {
    const formula = { ...SAMPLE, articles: [{ ...SAMPLE.articles[1]!, body: '=' + 'x'.repeat(CELL_LIMIT) }] };
    const [a] = [...formatCsvRows(formula, { columns: ['body'] })];
    expect((parse(a!) as string[][])[0]![0]!.length).toBe(CELL_LIMIT);
    const astral = { ...SAMPLE, articles: [{ ...SAMPLE.articles[1]!, body: 'x'.repeat(CELL_LIMIT - 1) + '𠀀𠀀' }] };
    const [b] = [...formatCsvRows(astral, { columns: ['body'] })];
    expect((parse(b!) as string[][])[0]![0]).toBe('x'.repeat(CELL_LIMIT - 1));
  });

  it('cuts nothing, and says nothing, at exactly the limit', () => {
    const diagnostics: Diagnostic[] = [];
    const issue = { ...SAMPLE, articles: [{ ...SAMPLE.articles[1]!, body: 'x'.repeat(CELL_LIMIT) }] };
    const [row] = [...formatCsvRows(issue, { columns: ['body'], diagnostics })];
    expect([(parse(row!) as string[][])[0]![0]!.length, diagnostics]).toEqual([CELL_LIMIT, []]);
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
