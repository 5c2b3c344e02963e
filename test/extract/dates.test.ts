import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/index.js';
import { type DateContext, findDates, inferIssueDate, issueContext, parseIssueDate } from '../../src/extract/dates.js';

/** A June issue whose date came from its file name. */
const JUNE: DateContext = { issue: { year: 2026, month: 6, day: 27, source: 'file-name' } };
/** An early-January issue: a December date belongs to the year before. */
const JANUARY: DateContext = { issue: { year: 2026, month: 1, day: 5, source: 'issue-date' } };
/** Only the year is known (from a date printed in the text). */
const YEAR_ONLY: DateContext = { issue: { year: 2021, source: 'text' } };

describe('findDates: forms that are dates', () => {
  it.each([
    // [text, context, expected mentions as { text, value, ...extra }]
    ['6月1日，我市召开会议', JUNE, [{ text: '6月1日', value: '2026-06-01', yearSource: 'file-name', span: [0, 4] }]],
    ['6月1日上午，会议召开', JUNE, [{ text: '6月1日', value: '2026-06-01', yearSource: 'file-name', span: [0, 4] }]],
    ['2026年6月1日', {}, [{ text: '2026年6月1日', value: '2026-06-01', yearSource: 'text', span: [0, 9] }]],
    ['二〇二六年六月一日', {}, [{ text: '二〇二六年六月一日', value: '2026-06-01', yearSource: 'text', span: [0, 9] }]],
    ['六月一日', JUNE, [{ text: '六月一日', value: '2026-06-01', yearSource: 'file-name', span: [0, 4] }]],
    ['十二月二十一日', YEAR_ONLY, [{ text: '十二月二十一日', value: '2021-12-21', yearSource: 'text', span: [0, 7] }]],
    ['３月２日电', JUNE, [{ text: '３月２日', value: '2026-03-02', yearSource: 'file-name', span: [0, 4] }]],
    ['6月1号开始', JUNE, [{ text: '6月1号', value: '2026-06-01', yearSource: 'file-name', span: [0, 4] }]],
    ['2026-06-01发布', {}, [{ text: '2026-06-01', value: '2026-06-01', yearSource: 'text', span: [0, 10] }]],
    ['2026.6.1发布', {}, [{ text: '2026.6.1', value: '2026-06-01', yearSource: 'text', span: [0, 8] }]],
    ['截至6月26日14时46分，', JUNE, [{ text: '6月26日14时46分', value: '2026-06-26', time: '14:46', yearSource: 'file-name', span: [2, 13] }]],
    ['6月1日下午3时', JUNE, [{ text: '6月1日下午3时', value: '2026-06-01', time: '15:00', yearSource: 'file-name', span: [0, 8] }]],
    ['6月1日 14:30', JUNE, [{ text: '6月1日 14:30', value: '2026-06-01', time: '14:30', yearSource: 'file-name', span: [0, 10] }]],
    ['2026年4月', {}, [{ text: '2026年4月', value: '2026-04', yearSource: 'text', span: [0, 7] }]],
    ['2025年全市', {}, [{ text: '2025年', value: '2025', yearSource: 'text', span: [0, 5] }]],
    ['今年4月以来', JUNE, [{ text: '4月', value: '2026-04', yearSource: 'file-name', span: [2, 4] }]],
    ['5月底完成', JUNE, [{ text: '5月底', value: '2026-05', yearSource: 'file-name', span: [0, 3] }]],
    ['6月上旬', JUNE, [{ text: '6月上旬', value: '2026-06', yearSource: 'file-name', span: [0, 4] }]],
    ['5月底至12月底', JUNE, [{ text: '5月底至12月底', value: '2026-05', from: '2026-05', to: '2026-12', yearSource: 'file-name', span: [0, 8] }]],
    ['6月1日至3日', JUNE, [{ text: '6月1日至3日', value: '2026-06-01', from: '2026-06-01', to: '2026-06-03', yearSource: 'file-name', span: [0, 7] }]],
    ['6月28日—7月2日', JUNE, [{ text: '6月28日—7月2日', value: '2026-06-28', from: '2026-06-28', to: '2026-07-02', yearSource: 'file-name', span: [0, 10] }]],
    ['2021—2025年', {}, [{ text: '2021—2025年', value: '2021', from: '2021', to: '2025', yearSource: 'text', span: [0, 10] }]],
    ['2026年12月30日至1月3日', {}, [{ text: '2026年12月30日至1月3日', value: '2026-12-30', from: '2026-12-30', to: '2027-01-03', yearSource: 'text', span: [0, 16] }]],
    ['6月1日', {}, [{ text: '6月1日', value: '--06-01', span: [0, 4] }]],
    ['5月', {}, [{ text: '5月', value: '--05', span: [0, 2] }]],
  ] as const)('%s', (text, ctx, expected) => {
    expect(findDates(text, ctx)).toEqual(expected);
  });

  it('finds every date of a sentence, in order, with spans into the text', () => {
    const text = '4月以来，全市开展专项行动，截至6月26日，共排查隐患1200处，计划于2026年12月底前完成。';
    expect(findDates(text, JUNE).map((d) => [d.text, d.value, text.slice(d.span[0], d.span[1])])).toEqual([
      ['4月', '2026-04', '4月'],
      ['6月26日', '2026-06-26', '6月26日'],
      ['2026年12月底', '2026-12', '2026年12月底'],
    ]);
  });
});

describe('findDates: text that is not a date', () => {
  it.each([
    ['近日，我市召开会议'],
    ['日前，记者从市住建局获悉'],
    ['完成投资381.60万元'],
    ['会议于12:00结束'],
    ['“十五五”规划'],
    ['咨询电话：0354-3012345'],
    ['手机13812345678'],
    ['3年来累计投入'],
    ['每月15日前报送'],
    ['三个月内完成'],
    ['第3月份'],
    ['13月40日'],
    ['2月30日'],
    ['2026-13-01'],
    ['版本号1.2.3'],
  ])('%s', (text) => {
    expect(findDates(text, JUNE)).toEqual([]);
  });
});

describe('findDates: relative days resolve only against a known issue date', () => {
  const FULL: DateContext = { issue: { year: 2026, month: 1, day: 5, source: 'file-name' } }; // a Monday
  it.each([
    ['昨天', '2026-01-04'],
    ['昨日', '2026-01-04'],
    ['前天', '2026-01-03'],
    ['今天', '2026-01-05'],
    ['明天', '2026-01-06'],
    ['上周五', '2026-01-02'],
    ['本周三', '2026-01-07'],
    ['下周一', '2026-01-12'],
  ])('%s in the issue of 2026-01-05 is %s', (word, value) => {
    expect(findDates(`${word}上午，会议召开`, FULL)).toEqual([{ text: word, value, yearSource: 'file-name', span: [0, word.length] }]);
  });

  it.each([[{}], [YEAR_ONLY]])('stay unresolved without a full issue date (%j)', (ctx) => {
    expect(findDates('昨天上午，会议召开', ctx)).toEqual([]);
  });

  it('does not read 上周 alone as a day', () => {
    expect(findDates('上周，会议召开', FULL)).toEqual([]);
  });

  it.each([
    ['想读懂她的昨天、今天和明天。', []],
    ['祖国的今天与明天', []],
    ['昨天和今天，全市迎来降雨。', [['昨天', '2026-01-04'], ['今天', '2026-01-05']]],
    ['回顾了学校的昨天。今天，新校区启用。', [['今天', '2026-01-05']]],
  ])('reads a list of day words after a noun (的昨天) as nouns, and one after a day as days: %s', (text, expected) => {
    expect(findDates(text, FULL).map((d) => [d.text, d.value])).toEqual(expected);
  });
});

describe('findDates: the year', () => {
  it('puts a December date in an early-January issue in the previous year', () => {
    expect(findDates('12月31日', JANUARY).map((d) => d.value)).toEqual(['2025-12-31']);
  });
  it('keeps a later date of the same half year in the issue year (an announcement)', () => {
    expect(findDates('将于12月31日前完成', JUNE).map((d) => d.value)).toEqual(['2026-12-31']);
    expect(findDates('3月1日起施行', JANUARY).map((d) => d.value)).toEqual(['2026-03-01']);
  });
  it('never rolls back a year printed in the text', () => {
    expect(findDates('2026年12月31日', JANUARY).map((d) => d.value)).toEqual(['2026-12-31']);
  });
  it('does not roll back when only the year of the issue is known', () => {
    expect(findDates('12月31日', YEAR_ONLY).map((d) => d.value)).toEqual(['2021-12-31']);
  });
});

describe('inferIssueDate', () => {
  it.each([
    ['2021-06-27.txt', { value: '2021-06-27', source: 'file-name' }],
    ['issues/20210627.txt', { value: '2021-06-27', source: 'file-name' }],
    ['rmrb_2021_06_27_p1.txt', { value: '2021-06-27', source: 'file-name' }],
    ['人民日报2021年6月27日.txt', { value: '2021-06-27', source: 'file-name' }],
    ['C:\\archive\\2021.06.27.txt', { value: '2021-06-27', source: 'file-name' }],
  ])('reads the file name %s', (name, value) => {
    expect(inferIssueDate(name, '6月26日，会议召开。')).toEqual({ value, diagnostics: [] });
  });

  it('ignores digits in a name that are not a date', () => {
    expect(inferIssueDate('000_1571c1513e9212b0.txt', '无日期').value).toBeUndefined();
    expect(inferIssueDate('page-20211399.txt', '无日期').value).toBeUndefined();
  });

  it('prefers --issue-date over the file name and the text', () => {
    expect(inferIssueDate('2021-06-27.txt', '2026年6月1日', '2020-01-02')).toEqual({ value: { value: '2020-01-02', source: 'issue-date' }, diagnostics: [] });
  });

  it('refuses a malformed --issue-date with an error naming the fix', () => {
    const r = inferIssueDate('a.txt', '', '2021-02-30');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'dates/bad-issue-date']]);
    expect(r.diagnostics[0]!.message).toContain('YYYY-MM-DD');
  });

  it('takes the latest full date printed in the text (a signature date, a page header)', () => {
    const text = '1949年10月1日，新中国成立。\n特此公告。\n某某局\n2026年6月1日';
    expect(inferIssueDate('page.txt', text)).toEqual({ value: { value: '2026-06-01', source: 'text' }, diagnostics: [] });
  });

  it('does not take a year from a plan period or a month', () => {
    const r = inferIssueDate('page.txt', '2021—2025年规划，2026年4月启动，6月26日通过。');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'dates/no-issue-year']]);
    expect(r.diagnostics[0]!.message).toContain('--issue-date');
  });

  it('stays silent when the text has no month-day to resolve', () => {
    expect(inferIssueDate('page.txt', '近日，会议召开。')).toEqual({ diagnostics: [] });
  });
});

describe('parseIssueDate and issueContext', () => {
  it.each([
    ['2021-06-27', { year: 2021, month: 6, day: 27 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2023-02-29', undefined],
    ['2021-6-27', undefined],
    ['20210627', undefined],
  ])('%s', (s, parts) => {
    expect(parseIssueDate(s)).toEqual(parts);
  });
  it('turns an issue date into the grammar context', () => {
    expect(issueContext({ value: '2021-06-27', source: 'file-name' })).toEqual({ year: 2021, month: 6, day: 27, source: 'file-name' });
    expect(issueContext(undefined)).toBeUndefined();
  });
});

describe('findDates: traditional script and years of the Republic (民國)', () => {
  /** A traditional-script issue: a year before 年 and a month is a year of the Republic. */
  const ROC: DateContext = { ...JUNE, rocYears: true };
  it.each([
    ['6月1號下午3時', JUNE, [{ text: '6月1號下午3時', value: '2026-06-01', time: '15:00', yearSource: 'file-name', span: [0, 8] }]],
    ['上週五開會', JUNE, [{ text: '上週五', value: '2026-06-19', yearSource: 'file-name', span: [0, 3] }]],
    ['民國113年6月1日', {}, [{ text: '113年6月1日', value: '2024-06-01', yearSource: 'text', span: [2, 10] }]],
    ['中華民國一一三年六月一日', {}, [{ text: '一一三年六月一日', value: '2024-06-01', yearSource: 'text', span: [4, 12] }]],
    ['民國113年', {}, [{ text: '113年', value: '2024', yearSource: 'text', span: [2, 6] }]],
    ['113年6月1日起實施', ROC, [{ text: '113年6月1日', value: '2024-06-01', yearSource: 'text', span: [0, 8] }]],
    ['99年12月', ROC, [{ text: '99年12月', value: '2010-12', yearSource: 'text', span: [0, 6] }]],
  ] as const)('%s', (text, ctx, expected) => {
    expect(findDates(text, ctx)).toEqual(expected);
  });

  it.each([
    // A bare year count is never a date: in a simplified text not even before a month.
    ['113年6月1日', JUNE, [{ text: '6月1日', value: '2026-06-01', yearSource: 'file-name', span: [4, 8] }]],
    ['已有113年历史', JUNE, []],
    ['創校113年', ROC, []],
    ['100年來', ROC, []],
  ] as const)('%s is no year of the Republic', (text, ctx, expected) => {
    expect(findDates(text, ctx)).toEqual(expected);
  });

  it('takes a traditional paper’s issue date from a header in years of the Republic', () => {
    expect(inferIssueDate('a.txt', '自由時報 113年6月1日 星期六', undefined, { rocYears: true }).value).toEqual({ value: '2024-06-01', source: 'text' });
    expect(inferIssueDate('a.txt', '中華民國113年6月1日').value).toEqual({ value: '2024-06-01', source: 'text' });
    expect(inferIssueDate('a.txt', '自由時報 113年6月1日 星期六').value).toBeUndefined();
  });
});

describe('findDates: Taiwan’s 昨（2）日, a relative day with its date', () => {
  /** An issue of 3 June 2024. */
  const ISSUE: DateContext = { issue: { year: 2024, month: 6, day: 3, source: 'text' } };
  it.each([
    ['台北市政府昨（2）日宣布', ISSUE, [{ text: '昨（2）日', value: '2024-06-02', yearSource: 'text', span: [5, 10] }]],
    ['市府今(3)日表示', ISSUE, [{ text: '今(3)日', value: '2024-06-03', yearSource: 'text', span: [2, 7] }]],
    ['前（31）日發生', ISSUE, [{ text: '前（31）日', value: '2024-05-31', yearSource: 'text', span: [0, 6] }]],
    ['昨（2）日宣布', {}, []],
  ] as const)('%s', (text, ctx, expected) => {
    expect(findDates(text, ctx)).toEqual(expected);
  });
});

describe("the article's own date: the first day of its lead", () => {
  /** The date of the only article of `lead` under a headline, in the issue of 1998-01-18. */
  const dateOf = (lead: string): string | null => {
    const issue = splitText(`便士邮票\n${lead}`, { name: '1998-01-18.txt' });
    expect(issue.articles).toHaveLength(1);
    return issue.articles[0]!.date;
  };

  it.each([
    ['本报讯 1月17日，全市召开春运工作会议。', '1998-01-17'],
    ['1997年12月12日，和平火车站的职工们在站前为旅客服务。', '1997-12-12'],
    // Two years or more before the issue: history, which the lead tells, not the article's day.
    ['1847年9月21日，毛里求斯发行了红蓝便士邮票。', null],
    ['1996年3月1日，这座车站开始扩建。', null],
    // Later than the issue: an announcement.
    ['2月1日起，新规定将施行。', null],
  ])('%s → %s', (lead, date) => {
    expect(dateOf(lead)).toBe(date);
  });
});

// The date of the last two is the lead's first date, read in the parentheses; they have no dateline.
describe('the dateline repeated at the end of the last paragraph', () => {
  it.each([
    ['年终岁首，走进任何一家商场，都能感受到浓浓的节日气氛。\n消费者只花２００多元就能买到一双皮鞋。（新华社北京１月２８日电）', '1998-01-28', { place: '北京', date: '1998-01-28' }],
    ['年终岁首，走进任何一家商场，都能感受到浓浓的节日气氛。（本报巴黎１月１日电）\n消费者只花２００多元就能买到一双皮鞋。', '1998-01-01', undefined],
    ['年终岁首，走进任何一家商场，都能感受到浓浓的节日气氛（新华社北京１月２８日电）的报道称。', '1998-01-28', undefined],
  ])('%s → %s', (body, date, dateline) => {
    const issue = splitText(`新春捷报\n${body}`, { name: '1998-01-29.txt' });
    expect(issue.articles).toHaveLength(1);
    expect(issue.articles[0]!.date).toBe(date);
    expect(issue.articles[0]!.dateline).toEqual(dateline);
  });
});
