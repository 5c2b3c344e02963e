/**
 * Stage 3, classify: what each paragraph is. `shapeOf` decides a paragraph on its own text (both
 * widths of punctuation are one signal); `parseLeadMarker` reads every lead-marker form of
 * DOMAIN.md; `classifyParagraphs` adds the one neighbour rule (a punctuated headline above a lead).
 * Must-match and must-not-match cases stand side by side.
 */
import { describe, expect, it } from 'vitest';
import { classifyParagraphs } from '../../src/classify.js';
import { normalizeText, splitLines } from '../../src/lines.js';
import { repairLines } from '../../src/repair.js';
import { parseLeadMarker, shapeOf } from '../../src/grammar/shape.js';

const ctx = { name: '2026-06-02.txt' };
const shape = (text: string) => shapeOf(normalizeText(text), 0, text);
const kinds = (text: string) =>
  classifyParagraphs(repairLines(splitLines(text), ctx).value, ctx).value.map((b) => [b.kind, b.paragraph.text]);

describe('shapeOf: the kind of a paragraph on its own', () => {
  it.each([
    // Continuations, both widths, Arabic and Chinese numerals.
    ['（下转第4版）', 'continuation'],
    ['(下转第二版)', 'continuation'],
    ['（上接第一版）', 'continuation'],
    ['（转第2版）', 'continuation'],
    // Page furniture.
    ['责任编辑：张三', 'furniture'],
    ['编辑：王芳 校对：李丽', 'furniture'],
    ['美编：赵六', 'furniture'],
    ['第3版', 'furniture'],
    ['要闻　第2版', 'furniture'],
    ['晋中日报 2026年6月2日 星期二', 'furniture'],
    ['经济日报 2022年9月8日 第5版', 'furniture'],
    ['晋中日报', 'furniture'],
    ['A3', 'furniture'],
    ['- 3 -', 'furniture'],
    // Bylines outside the lead.
    ['本报记者 雷甫', 'byline'],
    ['文/本报记者 雷甫', 'byline'],
    ['记者 王晶 通讯员 李明', 'byline'],
    ['本报评论员', 'byline'],
    ['张三（作者系山西大学教授）', 'byline'],
    ['（本报东京３月２日电）', 'byline'],
    // Photo credits.
    ['本报记者 刘勇摄', 'photo-credit'],
    ['刘勇 摄', 'photo-credit'],
    ['摄影 王晶', 'photo-credit'],
    ['图/孙浩', 'photo-credit'],
    ['文/图 孙浩', 'photo-credit'],
    // Signature dates.
    ['2026年6月1日', 'date-line'],
    ['二〇二六年六月一日', 'date-line'],
    // Numbered parts of a notice, and lists.
    ['一、举报内容', 'section-head'],
    ['（二）举报方式', 'section-head'],
    ['- 存在隐蔽工作面违法生产行为；', 'list-item'],
    ['1.被征收土地的权利人应办理登记', 'list-item'],
    ['①加强组织领导', 'list-item'],
    // Title candidates: no clause punctuation, no final stop, even when long or spaced.
    ['蔷薇盛放 绿意盎然', 'title'],
    ['学深悟透 筑牢根基', 'title'],
    ['罗清宇主持', 'title'],
    ['刘星主持并讲话 冯晓雷参加', 'title'],
    ['传达学习《中共中央关于加强对“一把手”和领导班子监督的意见》 审议《关于2026—2030年推动全市新的社会阶层人士统战工作高质量发展的实施方案》', 'title'],
    // Body: clause punctuation in either width, or a final stop. The 17-character tail is body.
    ['刘伟在讲话中指出,2025年全市统', 'body'],
    ['刘伟在讲话中指出，2025年全市统', 'body'],
    ['会议要求，各地要压实责任。', 'body'],
    ['会议要求,各地要压实责任.', 'body'],
  ])('%s → %s', (text, kind) => {
    expect(shape(text).kind).toBe(kind);
  });

  it.each([
    ['（下转第4版）', { direction: 'to', page: 4 }],
    ['(下转第二版)', { direction: 'to', page: 2 }],
    ['（上接第一版）', { direction: 'from', page: 1 }],
    ['（上接第１２版）', { direction: 'from', page: 12 }],
  ])('%s points %j', (text, continuation) => {
    const s = shape(text);
    expect(s.kind === 'continuation' ? s.continuation : undefined).toEqual(continuation);
  });

  it('本版责任编辑：王芳 and 本版编辑：王芳 are furniture', () => {
    expect([shape('本版责任编辑：王芳').kind, shape('本版编辑：王芳').kind]).toEqual(['furniture', 'furniture']);
  });

  it('the 60+ character deck is a title, the same length with a comma is body', () => {
    const deck = '传达学习《中共中央关于加强对“一把手”和领导班子监督的意见》 审议《关于2026—2030年推动全市新的社会阶层人士统战工作高质量发展的实施方案》';
    expect(deck.length).toBeGreaterThan(60);
    expect(shape(deck).kind).toBe('title');
    expect(shape(deck.replace(' ', '，')).kind).toBe('body');
  });
});

describe('parseLeadMarker: every lead-marker form of DOMAIN.md', () => {
  const marker = (text: string) => {
    const m = parseLeadMarker(normalizeText(text), 100, text);
    return m && { text: m.text, source: m.source, form: m.form, place: m.place, dateText: m.dateText, byline: m.byline, span: m.span };
  };
  it.each([
    ['本报讯（记者 王晶）6月1日，会议召开。', { text: '本报讯（记者 王晶）', source: '本报', form: '讯', byline: '记者 王晶', span: [100, 110] }],
    ['本报讯 (记者王晶)6月1日,会议召开。', { text: '本报讯 (记者王晶)', source: '本报', form: '讯', byline: '记者王晶', span: [100, 110] }],
    ['本报讯（全媒体记者 赵继钊 殷雪鸢）6月26日，会议召开。', { text: '本报讯（全媒体记者 赵继钊 殷雪鸢）', source: '本报', form: '讯', byline: '全媒体记者 赵继钊 殷雪鸢', span: [100, 118] }],
    ['本报讯（记者 郝晓炜）市卫健委消息，截至6月26日。', { text: '本报讯（记者 郝晓炜）', source: '本报', form: '讯', byline: '记者 郝晓炜', span: [100, 111] }],
    ['本报讯（记者 王晶 通讯员 李明 张华）会议召开。', { text: '本报讯（记者 王晶 通讯员 李明 张华）', source: '本报', form: '讯', byline: '记者 王晶 通讯员 李明 张华', span: [100, 120] }],
    ['本报讯（见习记者 王晶）会议召开。', { text: '本报讯（见习记者 王晶）', source: '本报', form: '讯', byline: '见习记者 王晶', span: [100, 112] }],
    ['本报讯（实习生 王晶）会议召开。', { text: '本报讯（实习生 王晶）', source: '本报', form: '讯', byline: '实习生 王晶', span: [100, 111] }],
    ['本报讯（融媒体记者 王晶）会议召开。', { text: '本报讯（融媒体记者 王晶）', source: '本报', form: '讯', byline: '融媒体记者 王晶', span: [100, 113] }],
    ['本报6月1日讯（记者 王晶）会议召开。', { text: '本报6月1日讯（记者 王晶）', source: '本报', form: '讯', dateText: '6月1日', byline: '记者 王晶', span: [100, 114] }],
    ['本报北京6月1日电（记者 王晶）会议召开。', { text: '本报北京6月1日电（记者 王晶）', source: '本报', form: '电', place: '北京', dateText: '6月1日', byline: '记者 王晶', span: [100, 116] }],
    ['新华社北京6月1日电（记者 张晓松 朱基钗）会议召开。', { text: '新华社北京6月1日电（记者 张晓松 朱基钗）', source: '新华社', form: '电', place: '北京', dateText: '6月1日', byline: '记者 张晓松 朱基钗', span: [100, 122] }],
    ['据新华社北京6月1日电 记者从国铁集团获悉，运送旅客超六千万人次。', { text: '据新华社北京6月1日电', source: '新华社', form: '电', place: '北京', dateText: '6月1日', span: [100, 111] }],
    ['据新华社电 今年以来，各地持续推进老旧小区改造。', { text: '据新华社电', source: '新华社', form: '电', span: [100, 105] }],
    ['中新网6月1日电 多地开展防汛应急演练。', { text: '中新网6月1日电', source: '中新网', form: '电', dateText: '6月1日', span: [100, 108] }],
    ['人民网北京6月1日电（记者 赵敏）夏季来临。', { text: '人民网北京6月1日电（记者 赵敏）', source: '人民网', form: '电', place: '北京', dateText: '6月1日', byline: '记者 赵敏', span: [100, 117] }],
    ['【本报讯】6月1日，我市职业技能大赛开幕。', { text: '【本报讯】', source: '本报', form: '讯', span: [100, 105] }],
    ['本报东京３月２日电 记者张三报道：日本央行２日结束会议。', { text: '本报东京３月２日电 记者张三报道：', source: '本报', form: '电', place: '东京', dateText: '3月2日', byline: '记者张三', span: [100, 117] }],
    ['新华社南京3月2日电（李四）江苏各地举办活动。', { text: '新华社南京3月2日电（李四）', source: '新华社', form: '电', place: '南京', dateText: '3月2日', byline: '李四', span: [100, 114] }],
    ['新华社消息，会议召开。', { text: '新华社消息', source: '新华社', form: '讯', span: [100, 105] }],
    ['本报记者 王晶 报道：会议召开。', { text: '本报记者 王晶 报道：', source: '本报', form: 'other', byline: '本报记者 王晶', span: [100, 111] }],
  ])('%s', (text, expected) => {
    expect(marker(text)).toEqual({ place: undefined, dateText: undefined, byline: undefined, ...expected });
  });

  it.each([
    ['本报记者从市电力公司获悉，今年迎峰度夏准备就绪。'],
    ['新华社区工作者走访群众。'],
    ['人民网友纷纷点赞。'],
    ['会议指出，本报讯（记者 王晶）不在段首。'],
    ['本报刊发了多篇系列报道。'],
  ])('not a marker: %s', (text) => {
    expect(marker(text)).toBeUndefined();
  });

  it('（扩大） after a marker is not a byline', () => {
    expect(marker('本报讯（扩大）会议召开。')).toEqual({ text: '本报讯', source: '本报', form: '讯', place: undefined, dateText: undefined, byline: undefined, span: [100, 103] });
  });
});

describe('classifyParagraphs: a punctuated headline right above a lead or a title', () => {
  it.each([
    [
      'a comma headline above a lead is a title',
      '坚持人民至上，守护万家灯火\n本报讯（记者 王晶）6月1日，全市防汛工作会议召开。',
      [['title', '坚持人民至上，守护万家灯火'], ['lead', '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。']],
    ],
    [
      'a headline ending in a quote above a lead is a title',
      '习近平：坚定“四个自信”\n新华社北京6月1日电（记者 张晓松）会议召开。',
      [['title', '习近平：坚定“四个自信”'], ['lead', '新华社北京6月1日电（记者 张晓松）会议召开。']],
    ],
    [
      'the same line above ordinary body stays body',
      '会议要求，各地要压实责任。\n会议强调，要加强监测预警。',
      [['body', '会议要求，各地要压实责任。'], ['body', '会议强调，要加强监测预警。']],
    ],
    [
      'a sentence with a full stop inside is never a title',
      '会议指出，成绩显著。要再接再厉\n本报讯（记者 王晶）6月1日，全市防汛工作会议召开。',
      [['body', '会议指出，成绩显著。要再接再厉'], ['lead', '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。']],
    ],
  ])('%s', (_, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('classifies a whole page: furniture, head, lead, body, credit, continuation', () => {
    const page = [
      '晋中日报 2026年6月2日 星期二',
      '全市安全生产工作暨经济运行分析会召开',
      '刘星主持并讲话 冯晓雷参加',
      '本报讯 (记者王晶)6月1日,市委书记、市长刘星主持召开全市安全生产工作暨经济运行分析会。',
      '会议指出,要贯彻落实中央',
      '',
      '决策部署和省委、省政府工作要求。',
      '学以致用促发展 动真碰硬惠民生',
      '本报记者 雷甫',
      '(下转第4版)',
      '责任编辑：张三',
    ].join('\n');
    expect(kinds(page)).toEqual([
      ['furniture', '晋中日报 2026年6月2日 星期二'],
      ['title', '全市安全生产工作暨经济运行分析会召开'],
      ['title', '刘星主持并讲话 冯晓雷参加'],
      ['lead', '本报讯 (记者王晶)6月1日,市委书记、市长刘星主持召开全市安全生产工作暨经济运行分析会。'],
      ['body', '会议指出,要贯彻落实中央决策部署和省委、省政府工作要求。'],
      ['title', '学以致用促发展 动真碰硬惠民生'],
      ['byline', '本报记者 雷甫'],
      ['continuation', '(下转第4版)'],
      ['furniture', '责任编辑：张三'],
    ]);
  });
});
