/**
 * Stage 2b, repair: lines → paragraphs. A column break (a blank line, or a plain line end) inside
 * a sentence or a word is joined; a real paragraph break is kept, and so are list items, section
 * heads, signatures, date lines, lead markers and credits. Hard wraps at a fixed width are joined.
 * Must-join and must-keep cases stand side by side (STYLE.md §8).
 */
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/lines.js';
import { repairLines } from '../../src/repair.js';

const ctx = { name: '2026-06-02.txt' };
/** Paragraphs as `[firstLine, lastLine, text]` (0-based lines). */
const paragraphs = (text: string) => repairLines(splitLines(text), ctx).value.map((p) => [p.firstLine, p.lastLine, p.text]);

describe('repair: column breaks inside a sentence are joined', () => {
  it.each([
    [
      'a blank line between two words',
      '会议指出，要不折不扣贯彻落实中央\n\n决策部署和省委、省政府工作要求。',
      [[0, 2, '会议指出，要不折不扣贯彻落实中央决策部署和省委、省政府工作要求。']],
    ],
    [
      'a blank line inside a word (树牢理 / 念)',
      '罗清宇指出，电视专题片从直面风险、树牢理\n\n念、强化责任等五个方面系统阐述了重要论述。',
      [[0, 2, '罗清宇指出，电视专题片从直面风险、树牢理念、强化责任等五个方面系统阐述了重要论述。']],
    ],
    [
      'the 17-character tail with a half-width comma is not a headline',
      '刘伟在讲话中指出,2025年全市统\n\n一战线工作成效显著、亮点突出。',
      [[0, 2, '刘伟在讲话中指出,2025年全市统一战线工作成效显著、亮点突出。']],
    ],
    [
      'the same tail with a full-width comma',
      '刘伟在讲话中指出，2025年全市统\n\n一战线工作成效显著、亮点突出。',
      [[0, 2, '刘伟在讲话中指出，2025年全市统一战线工作成效显著、亮点突出。']],
    ],
    [
      'a lead paragraph cut by a column break',
      '本报讯（记者 王晶）6月1日，全市防汛工作会议召开，会议安排部署今年防汛\n\n备汛工作。',
      [[0, 2, '本报讯（记者 王晶）6月1日，全市防汛工作会议召开，会议安排部署今年防汛备汛工作。']],
    ],
    [
      'several blank lines and indentation between the halves',
      '\u3000\u3000市疫情防控办向广大居民再次发出倡议，请已接种第一剂次\n\n\n\u3000\u3000新冠病毒疫苗到期后的居民抓紧接种。',
      [[0, 3, '市疫情防控办向广大居民再次发出倡议，请已接种第一剂次新冠病毒疫苗到期后的居民抓紧接种。']],
    ],
    [
      'a plain line end (no blank) inside a sentence',
      '各地要加强监测预警，强化值班\n值守，确保安全度汛。',
      [[0, 1, '各地要加强监测预警，强化值班值守，确保安全度汛。']],
    ],
  ])('%s', (_, text, expected) => {
    expect(paragraphs(text)).toEqual(expected);
  });

  it('keeps the span and the parts of a joined paragraph in source offsets', () => {
    const text = '会议指出，要贯彻落实中央\n\n决策部署。';
    const [p] = repairLines(splitLines(text), ctx).value;
    expect(p).toEqual({
      firstLine: 0, lastLine: 2, span: [0, 19], text: '会议指出，要贯彻落实中央决策部署。', norm: '会议指出，要贯彻落实中央决策部署。',
      parts: [[0, 12], [14, 19]],
    });
    expect(p!.parts.map((s) => text.slice(...s))).toEqual(['会议指出，要贯彻落实中央', '决策部署。']);
  });

  it('joins the lines of a page hard-wrapped at a fixed width', () => {
    const wrapped = [
      '全市防汛工作会议召开',
      '本报讯（记者 王晶）6月1日，全市防',
      '汛工作会议召开，会议安排部署今年防汛',
      '备汛工作。会议要求，各级各部门要坚决',
      '克服麻痹思想和侥幸心理，压紧压实防汛',
      '责任，扎实做好各项准备工作，确保安全',
      '度汛。',
      '会议强调，要加强监测预警，强化值班值',
      '守，做好抢险物资储备和队伍准备，确保',
      '一旦发生险情能够快速有效处置。',
      '本报记者 雷甫',
    ].join('\n');
    expect(paragraphs(wrapped)).toEqual([
      [0, 0, '全市防汛工作会议召开'],
      [1, 6, '本报讯（记者 王晶）6月1日，全市防汛工作会议召开，会议安排部署今年防汛备汛工作。会议要求，各级各部门要坚决克服麻痹思想和侥幸心理，压紧压实防汛责任，扎实做好各项准备工作，确保安全度汛。'],
      [7, 9, '会议强调，要加强监测预警，强化值班值守，做好抢险物资储备和队伍准备，确保一旦发生险情能够快速有效处置。'],
      [10, 10, '本报记者 雷甫'],
    ]);
  });
});

describe('repair: real breaks are kept', () => {
  it.each([
    [
      'a paragraph that ends its sentence',
      '会议要求，各地要压实责任。\n\n会议强调，要加强监测预警。',
      [[0, 0, '会议要求，各地要压实责任。'], [2, 2, '会议强调，要加强监测预警。']],
    ],
    [
      'a headline and its deck above the lead',
      '全市安全生产工作暨经济运行分析会召开\n\n刘星主持并讲话 冯晓雷参加\n\n本报讯 (记者王晶)6月1日,会议召开。',
      [[0, 0, '全市安全生产工作暨经济运行分析会召开'], [2, 2, '刘星主持并讲话 冯晓雷参加'], [4, 4, '本报讯 (记者王晶)6月1日,会议召开。']],
    ],
    [
      'a section head and list items after an unfinished line',
      '现就有关事宜公告如下，请广大群众积极参与\n一、举报内容\n- 存在隐蔽工作面违法生产行为；\n- 存在监控系统造假行为；\n\n- 存在违规转包、违法分包行为。',
      [
        [0, 0, '现就有关事宜公告如下，请广大群众积极参与'],
        [1, 1, '一、举报内容'],
        [2, 2, '- 存在隐蔽工作面违法生产行为；'],
        [3, 3, '- 存在监控系统造假行为；'],
        [5, 5, '- 存在违规转包、违法分包行为。'],
      ],
    ],
    [
      'numbered items',
      '有关要求如下，请遵照执行\n1.被征收土地的权利人应在规定期限内办理补偿登记\n2.逾期不办理的，视为放弃补偿登记。',
      [[0, 0, '有关要求如下，请遵照执行'], [1, 1, '1.被征收土地的权利人应在规定期限内办理补偿登记'], [2, 2, '2.逾期不办理的，视为放弃补偿登记。']],
    ],
    [
      'a signature and its date under a notice',
      '第七督导组将认真核查处置，严格实行闭环管理。\n\n山西省煤矿安全风险隐患排查第七督导组\n2026年6月1日',
      [[0, 0, '第七督导组将认真核查处置，严格实行闭环管理。'], [2, 2, '山西省煤矿安全风险隐患排查第七督导组'], [3, 3, '2026年6月1日']],
    ],
    [
      'a lead marker after an unfinished body line',
      '会议要求，各地要\n\n本报讯（记者 王晶）6月1日，全市防汛工作会议召开。',
      [[0, 0, '会议要求，各地要'], [2, 2, '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。']],
    ],
    [
      'an end byline and a photo credit after unfinished body lines',
      '会议要求，各地要\n本报记者 雷甫\n市民在公园里赏花，尽享初夏\n本报记者 刘勇摄',
      [[0, 0, '会议要求，各地要'], [1, 1, '本报记者 雷甫'], [2, 2, '市民在公园里赏花，尽享初夏'], [3, 3, '本报记者 刘勇摄']],
    ],
    [
      'a continuation marker after an unfinished body line',
      '各地要加强监测预警，强化值班\n（下转第4版）',
      [[0, 0, '各地要加强监测预警，强化值班'], [1, 1, '（下转第4版）']],
    ],
    [
      'a caption and the photo credit printed on its line become two paragraphs',
      '6月1日，农机手在田间抢收小麦。　　记者 陈晨 摄',
      [[0, 0, '6月1日，农机手在田间抢收小麦。'], [0, 0, '记者 陈晨 摄']],
    ],
  ])('%s', (_, text, expected) => {
    expect(paragraphs(text)).toEqual(expected);
  });
});
