/** A small hand-made issue for exact formatter tests: every optional field set on one article, none on the other. */
import type { Issue } from '../../src/types.js';

export const SAMPLE: Issue = {
  source: 'issues/2021-06-27.txt',
  encoding: 'gb18030',
  issueDate: { value: '2021-06-27', source: 'file-name' },
  home: { name: '晋中市', code: '140700', evidence: '晋中 named 3 times' },
  articles: [
    {
      index: 0,
      kind: 'news',
      headline: '全市安全生产工作会议召开',
      kicker: '聚焦安全',
      deck: ['刘星主持并讲话', '冯晓雷参加'],
      subheadings: [],
      marker: '本报讯（记者 王晶）',
      body: '本报讯（记者 王晶）6月1日，会议召开。他强调，要抓好安全。\n会议指出，要“守住底线”。',
      reporters: [
        { name: '王晶', role: '记者' },
        { name: '李四', role: '通讯员' },
      ],
      date: '2021-06-01',
      dates: [{ text: '6月1日', value: '2021-06-01', yearSource: 'issue-date', span: [10, 14] }],
      locations: [
        { name: '山西省', code: '140000', level: 'province', path: ['山西省'], mentions: ['山西'] },
        { name: '祁县', code: '140727', level: 'county', path: ['山西省', '晋中市', '祁县'], mentions: ['祁县'] },
      ],
      lines: { first: 3, last: 6 },
      span: [5, 80],
    },
    {
      index: 1,
      kind: 'other',
      headline: '=SUM(A1:A2), "quoted"',
      deck: [],
      subheadings: [],
      body: '－1 degrees, no sentence end',
      reporters: [],
      date: null,
      dates: [],
      locations: [],
      lines: { first: 8, last: 8 },
      span: [82, 110],
    },
  ],
  leftovers: [{ line: 1, text: '晋中日报', span: [0, 4], reason: 'furniture' }],
  diagnostics: [{ severity: 'info', code: 'segment/leftover-furniture', message: 'page furniture', file: 'issues/2021-06-27.txt', span: [0, 4] }],
};

/** The same issue, unusable: what a binary file gives. */
export const UNUSABLE: Issue = {
  source: 'bad.txt',
  encoding: 'utf-8',
  articles: [],
  leftovers: [],
  diagnostics: [{ severity: 'error', code: 'decode/binary', message: 'binary data', file: 'bad.txt' }],
};
