/**
 * The two real sample dumps (seeds/*.txt), end to end through `splitBytes(readFileSync(...),
 * { name })`: for every article the exact kind, headline, kicker, deck, subheadings, marker, line
 * range, span, reporters, date and continuation, plus where its body starts and ends, the column
 * breaks repair must join and the paragraph breaks it must keep. The invariants hold on both.
 *
 * Seed 000 (晋中日报, 2026) states its year in the text; seed 004 (太原日报, 2021) does not, and
 * its file name holds no date, so its dates are `--MM-DD` with a `dates/no-issue-year` warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Article, splitBytes } from '../src/index.js';
import { expectInvariants } from './helpers/invariants.js';

const SEEDS = join(import.meta.dirname, '..', 'seeds');

function splitSeed(file: string) {
  const bytes = readFileSync(join(SEEDS, file));
  return { issue: splitBytes(bytes, { name: file }), text: bytes.toString('utf8') };
}

/** Everything but the body, which is checked by its ends and its repairs. */
function headOf(a: Article) {
  return {
    kind: a.kind,
    headline: a.headline,
    kicker: a.kicker,
    deck: a.deck,
    subheadings: a.subheadings,
    marker: a.marker,
    lines: a.lines,
    span: a.span,
    reporters: a.reporters.map((r) => `${r.role}:${r.name}`),
    date: a.date,
    continuedOn: a.continuedOn,
    continuedFrom: a.continuedFrom,
  };
}

interface Expected {
  head: ReturnType<typeof headOf>;
  /** The body's first and last characters. */
  starts: string;
  ends: string;
  /** Text that only a join of two pieces produces. */
  joins: string[];
  /** Two paragraphs that must stay apart: the end of one, `\n`, the start of the next. */
  breaks: string[];
}

const none = { kicker: undefined, marker: undefined, continuedOn: undefined, continuedFrom: undefined, deck: [], subheadings: [] };

const SEED_000: Expected[] = [
  {
    head: {
      ...none, kind: 'news', headline: '全市安全生产工作暨经济运行分析会召开', deck: ['刘星主持并讲话 冯晓雷参加'], marker: '本报讯 (记者王晶)',
      lines: { first: 5, last: 23 }, span: [4, 1375], reporters: ['记者:王晶'], date: '2026-06-01',
    },
    starts: '本报讯 (记者王晶)6月1日,市委书记、市长刘星主持召开',
    ends: '为实现“十五五”良好开局奠定坚实基础。',
    joins: ['贯彻落实中央决策部署', '严厉打击各类非法违法行为', '市直各部门要履行好行业管理职能'],
    breaks: ['持续稳定向好。\n会议强调', '浓厚氛围。\n会议指出'],
  },
  {
    head: {
      ...none, kind: 'news', headline: '市委统一战线工作领导小组(扩大)会议暨全市统战部长会议和统战系统宣传工作会议召开', deck: ['刘星提出工作要求'],
      marker: '本报讯 (记者李雨鑫)', lines: { first: 25, last: 39 }, span: [1377, 2272], reporters: ['记者:李雨鑫'], date: '2026-06-01',
    },
    starts: '本报讯 (记者李雨鑫)6月1日,市委统一战线工作领导小组(扩大)会议',
    ends: '谱写中国式现代化晋中新篇章贡献统战智慧和力量。',
    joins: ['全国、全省统战部长、统战系统', '2025年全市统一战线工作成效显著', '加强党外代表人士和统战干部队伍建设等九大'],
    breaks: ['贡献更多智慧和力量。\n刘伟在讲话中指出'],
  },
  {
    head: {
      ...none, kind: 'news', headline: '我市1县上榜中国县域旅游传播力百强榜单', marker: '本报讯 (记者刘佳桦)',
      lines: { first: 41, last: 51 }, span: [2274, 2757], reporters: ['记者:刘佳桦'], date: null,
    },
    starts: '本报讯 (记者刘佳桦)近日,迈点研究院独家发布',
    ends: '成功跻身全国县域旅游传播力百强榜单前十。',
    joins: ['暑期旅游旺季的临近,叠加各地', '推动农文旅深度融合。同时'],
    breaks: ['祁县位列榜单前十。\n经迈点研究院监测'],
  },
  {
    head: {
      ...none, kind: 'photo', headline: '蔷薇盛放 绿意盎然', lines: { first: 55, last: 59 }, span: [2761, 2850], reporters: ['摄影:刘勇'], date: '2026-05-29',
    },
    starts: '5月29日,在榆次区同心桥北侧带状公园内',
    ends: '尽享生态绿意带来的惬意时光。',
    joins: [],
    breaks: [],
  },
  {
    head: {
      ...none, kind: 'feature', headline: '学以致用促发展 动真碰硬惠民生', kicker: '树立和践行正确政绩观',
      subheadings: ['学深悟透 筑牢根基', '学用结合 为民造福', '担当作为 破局提效'],
      lines: { first: 61, last: 89 }, span: [2852, 4184], reporters: ['记者:雷甫'], date: null, continuedOn: 4,
    },
    starts: '树立和践行正确政绩观学习教育开展以来,我市各地各部门精心组织',
    ends: '以正确政绩观引领“十五五”时期高质量发展行稳致远。',
    joins: [],
    breaks: ['以实实在在的惠民利民业绩树立和践行正确政绩观。\n市卫生健康委员会党组'],
  },
  {
    head: {
      ...none, kind: 'notice', headline: '山西省煤矿安全风险隐患排查第七督导组关于开展煤矿安全生产违法违规行为专项举报的公告',
      lines: { first: 91, last: 121 }, span: [4186, 4713], reporters: [], date: '2026-06-01',
    },
    starts: '山西省煤矿安全风险隐患排查第七督导组在晋中市开展',
    ends: '严格实行线索核查闭环管理。\n山西省煤矿安全风险隐患排查第七督导组\n2026年6月1日',
    joins: [],
    breaks: ['存在隐蔽工作面违法生产行为;\n- 存在监控系统造假行为;', '一、举报内容\n- 存在隐蔽工作面'],
  },
];

const SEED_004: Expected[] = [
  {
    head: {
      ...none, kind: 'news', headline: '市委理论学习中心组举行学习会', deck: ['深入学习贯彻习近平总书记关于安全生产重要论述', '罗清宇主持并讲话'],
      marker: '本报讯（全媒体记者 赵继钊 殷雪鸢）', lines: { first: 3, last: 21 }, span: [2, 1216],
      reporters: ['全媒体记者:赵继钊', '全媒体记者:殷雪鸢'], date: '--06-26',
    },
    starts: '本报讯（全媒体记者 赵继钊 殷雪鸢）6月26日，市委理论学习中心组举行学习会',
    ends: '各县（市、区）委书记参加会议。',
    joins: ['树牢理念、强化责任', '安全生产的极端重要性，进一步增强', '切实做到不留盲区'],
    breaks: ['坚决抓好贯彻落实。\n罗清宇强调'],
  },
  {
    head: {
      ...none, kind: 'news', headline: '市委常委会召开会议',
      deck: [
        '传达学习《中共中央关于加强对“一把手”和领导班子监督的意见》',
        '传达学习省十三届人大五次会议精神、省委书记林武在全省换届后县（市、区）党政正职专题培训班开班式上的重要讲话精神',
        '审议《太原市创建国家卫生城市工作方案》《关于2021—2025年推动全市新的社会阶层人士统战工作高质量发展的实施方案》',
        '罗清宇主持',
      ],
      marker: '本报讯（全媒体记者 赵继钊 殷雪鸢）', lines: { first: 23, last: 49 }, span: [1218, 3440],
      reporters: ['全媒体记者:赵继钊', '全媒体记者:殷雪鸢'], date: '--06-26',
    },
    starts: '本报讯（全媒体记者 赵继钊 殷雪鸢）6月26日，市委常委会召开会议',
    ends: '经济社会高质量发展。\n会议还研究了其他事项。',
    joins: ['立体式、全方位监督体系', '推动改革发展成果更多更公平惠及全市人民', '担当省会责任，进一步提升'],
    breaks: ['经济社会高质量发展。\n会议还研究了其他事项。'],
  },
  {
    head: {
      ...none, kind: 'news', headline: '我市提前完成新冠病毒疫苗第二剂次接种目标任务', marker: '本报讯（记者 郝晓炜）',
      lines: { first: 51, last: 63 }, span: [3442, 4031], reporters: ['记者:郝晓炜'], date: '--06-26',
    },
    starts: '本报讯（记者 郝晓炜）市卫健委消息，截至6月26日14时46分',
    ends: '以优异成绩庆祝中国共产党成立100周年。',
    joins: ['全力助推，各级医疗卫生机构', '请已接种第一剂次新冠病毒疫苗到期后', '确保完成有效的全程接种'],
    breaks: ['作出太原贡献。\n市疫情防控办'],
  },
];

describe.each([
  ['000_1571c1513e9212b0.txt', SEED_000, { value: '2026-06-01', source: 'text' }, '晋中市', []],
  ['004_de87c0f9f60ce011.txt', SEED_004, undefined, '太原市', ['warning dates/no-issue-year']],
] as const)('seed %s', (file, expected, issueDate, home, warnings) => {
  const { issue, text } = splitSeed(file);

  it('decodes as UTF-8, infers the issue date and home, leaves nothing over', () => {
    expect([issue.source, issue.encoding, issue.issueDate, issue.home?.name, issue.leftovers]).toEqual([file, 'utf-8', issueDate, home, []]);
    expect(issue.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.severity} ${d.code}`)).toEqual(warnings);
  });

  it('finds exactly the expected articles, in order', () => {
    expect(issue.articles.map(headOf)).toEqual(expected.map((e) => e.head));
  });

  it.each(expected.map((e, i) => [i, e.head.headline, e] as const))('article %i (%s): body ends, joins and breaks', (i, _, e) => {
    const body = issue.articles[i]!.body;
    expect(body.slice(0, e.starts.length)).toBe(e.starts);
    expect(body.slice(-e.ends.length)).toBe(e.ends);
    for (const j of [...e.joins, ...e.breaks]) expect(body).toContain(j);
  });

  it('keeps the invariants', () => {
    expectInvariants(text, issue);
  });
});
