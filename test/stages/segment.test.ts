/**
 * Stage 4, segment (with extract filling in the fields): blocks → articles. Each case is a small
 * page in newspaper style run through `splitText`, and asserts the exact articles: kind, kicker,
 * headline, deck, subheadings, marker, body, line range and reporters, plus the leftovers. The
 * invariants of test/helpers/invariants.ts are checked on every page as well.
 */
import { describe, expect, it } from 'vitest';
import { type Article, type Issue, splitText } from '../../src/index.js';
import { expectInvariants } from '../helpers/invariants.js';

const NAME = '2026-06-02.txt';

/** The segmentation-relevant fields of an article; absent optional fields stay absent. */
function view(a: Article) {
  return {
    kind: a.kind,
    ...(a.kicker !== undefined && { kicker: a.kicker }),
    headline: a.headline,
    deck: a.deck,
    subheadings: a.subheadings,
    ...(a.marker !== undefined && { marker: a.marker }),
    body: a.body,
    lines: [a.lines.first, a.lines.last],
    reporters: a.reporters.map((r) => `${r.role}:${r.name}`),
    ...(a.continuedOn !== undefined && { continuedOn: a.continuedOn }),
    ...(a.continuedFrom !== undefined && { continuedFrom: a.continuedFrom }),
  };
}
type View = ReturnType<typeof view>;

/** Splits a page (lines joined by LF), checks the invariants, returns articles and leftovers. */
function split(lines: string[]): { articles: View[]; leftovers: string[]; issue: Issue } {
  const text = lines.join('\n');
  const issue = splitText(text, { name: NAME });
  expectInvariants(text, issue);
  return { articles: issue.articles.map(view), leftovers: issue.leftovers.map((l) => `${l.line} ${l.reason} ${l.text}`), issue };
}
const news = (partial: Partial<View> & Pick<View, 'headline' | 'body' | 'lines'>): View => ({
  kind: 'news', deck: [], subheadings: [], reporters: [], ...partial,
});

describe('segment: each lead-marker form starts a news article under its headline', () => {
  const BODY2 = '会议要求，各地要压实责任，确保安全度汛。';
  it.each([
    ['本报讯（记者 X）', '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。', '本报讯（记者 王晶）', ['记者:王晶'], '2026-06-01'],
    ['本报讯 (记者X), half-width', '本报讯 (记者王晶)6月1日,全市防汛工作会议召开.', '本报讯 (记者王晶)', ['记者:王晶'], '2026-06-01'],
    ['本报讯（全媒体记者 X Y）', '本报讯（全媒体记者 赵继钊 殷雪鸢）6月1日，全市防汛工作会议召开。', '本报讯（全媒体记者 赵继钊 殷雪鸢）', ['全媒体记者:赵继钊', '全媒体记者:殷雪鸢'], '2026-06-01'],
    ['本报讯（记者 A 通讯员 B C）', '本报讯（记者 王晶 通讯员 李明 张华）6月1日，全市防汛工作会议召开。', '本报讯（记者 王晶 通讯员 李明 张华）', ['记者:王晶', '通讯员:李明', '通讯员:张华'], '2026-06-01'],
    ['本报讯（记者 X）then a source, no date first', '本报讯（记者 郝晓炜）市卫健委消息，截至6月1日14时，全市累计接种疫苗381.60万剂次。', '本报讯（记者 郝晓炜）', ['记者:郝晓炜'], '2026-06-01'],
    ['本报X月X日讯', '本报6月1日讯（见习记者 王晶）全市防汛工作会议今天召开。', '本报6月1日讯（见习记者 王晶）', ['见习记者:王晶'], '2026-06-01'],
    ['本报北京X月X日电', '本报北京6月1日电（记者 李雨鑫）我省与京津冀三地今天签署协作协议。', '本报北京6月1日电（记者 李雨鑫）', ['记者:李雨鑫'], '2026-06-01'],
    ['新华社X地X月X日电（记者 X Y）', '新华社北京6月1日电（记者 张晓松 朱基钗）国务院常务会议今天召开。', '新华社北京6月1日电（记者 张晓松 朱基钗）', ['记者:张晓松', '记者:朱基钗'], '2026-06-01'],
    ['新华社X地X月X日电（X）, a name with no role', '新华社南京6月1日电（李四）江苏各地今天举办活动。', '新华社南京6月1日电（李四）', ['记者:李四'], '2026-06-01'],
    ['据新华社X地X月X日电', '据新华社北京6月1日电 记者从国铁集团获悉，端午假期全国铁路运送旅客超六千万人次。', '据新华社北京6月1日电', [], '2026-06-01'],
    ['中新网X月X日电', '中新网6月1日电 多地近日开展防汛应急演练。', '中新网6月1日电', [], '2026-06-01'],
    ['人民网X地X月X日电', '人民网北京6月1日电（记者 赵敏）有关部门今天发布夏季安全出行提示。', '人民网北京6月1日电（记者 赵敏）', ['记者:赵敏'], '2026-06-01'],
    ['【本报讯】', '【本报讯】6月1日，我市第三届职业技能大赛开幕。', '【本报讯】', [], '2026-06-01'],
    ['本报东京X月X日电 记者X报道：, full-width digits', '本报东京３月２日电 记者张三报道：日本央行２日结束货币政策会议。', '本报东京３月２日电 记者张三报道：', ['记者:张三'], '2026-03-02'],
    ['据新华社电, no dateline', '据新华社电 今年以来，各地持续推进老旧小区改造。', '据新华社电', [], null],
  ])('%s', (_, lead, marker, reporters, date) => {
    const { articles, issue } = split(['全市工作会议召开', '', lead, '', BODY2]);
    expect(articles).toEqual([news({ headline: '全市工作会议召开', marker, body: `${lead}\n${BODY2}`, lines: [1, 5], reporters })]);
    expect(issue.articles[0]!.date).toBe(date);
  });

  it('a lead marker with no headline above it is an untitled brief', () => {
    const { articles } = split(['【本报讯】6月1日，我市第三届职业技能大赛开幕。']);
    expect(articles).toEqual([{ ...news({ headline: '', marker: '【本报讯】', body: '【本报讯】6月1日，我市第三届职业技能大赛开幕。', lines: [1, 1] }), kind: 'brief' }]);
  });

  it('several datelined dispatches under one headline are one round-up', () => {
    const { articles } = split([
      '多国举行活动纪念国际妇女节',
      '新华社开罗3月8日电（记者 阿卜杜勒·拉赫曼）埃及多地8日举行活动，庆祝国际妇女节。',
      '新华社南京3月8日电（李四）江苏各地8日举办形式多样的活动。',
      '新华社东京3月8日电（记者 王五 赵六）日本多个团体8日在东京举行集会。',
    ]);
    expect(articles).toEqual([
      news({
        headline: '多国举行活动纪念国际妇女节',
        marker: '新华社开罗3月8日电（记者 阿卜杜勒·拉赫曼）',
        body: '新华社开罗3月8日电（记者 阿卜杜勒·拉赫曼）埃及多地8日举行活动，庆祝国际妇女节。\n新华社南京3月8日电（李四）江苏各地8日举办形式多样的活动。\n新华社东京3月8日电（记者 王五 赵六）日本多个团体8日在东京举行集会。',
        lines: [1, 4],
        reporters: ['记者:阿卜杜勒·拉赫曼', '记者:李四', '记者:王五', '记者:赵六'],
      }),
    ]);
  });

  it('the dateline repeated at the end stays in the body', () => {
    const { articles } = split([
      '日本央行维持超宽松货币政策',
      '本报东京３月２日电 记者张三报道：日本央行２日结束货币政策会议，决定维持现行政策不变。',
      '分析人士认为，日元汇率短期内仍将承压。（本报东京３月２日电）',
    ]);
    expect(articles).toEqual([
      news({
        headline: '日本央行维持超宽松货币政策',
        marker: '本报东京３月２日电 记者张三报道：',
        body: '本报东京３月２日电 记者张三报道：日本央行２日结束货币政策会议，决定维持现行政策不变。\n分析人士认为，日元汇率短期内仍将承压。（本报东京３月２日电）',
        lines: [1, 3],
        reporters: ['记者:张三'],
      }),
    ]);
  });
});

describe('segment: bylines in each position', () => {
  it('an end byline 本报记者 X closes a headed story without a lead marker', () => {
    const { articles } = split([
      '老旧小区换新颜',
      '',
      '走进榆次区锦纶小区，新铺的道路平整干净，楼道里的灯都亮了。',
      '',
      '今年以来，全区共完成老旧小区改造三十余个，惠及居民五千余户。',
      '',
      '本报记者 雷甫',
      '',
      '夏粮收购工作全面展开',
      '',
      '本报讯（记者 王晶）6月1日，全市夏粮收购工作全面展开。',
    ]);
    expect(articles).toEqual([
      news({
        headline: '老旧小区换新颜',
        body: '走进榆次区锦纶小区，新铺的道路平整干净，楼道里的灯都亮了。\n今年以来，全区共完成老旧小区改造三十余个，惠及居民五千余户。',
        lines: [1, 7],
        reporters: ['记者:雷甫'],
      }),
      news({ headline: '夏粮收购工作全面展开', marker: '本报讯（记者 王晶）', body: '本报讯（记者 王晶）6月1日，全市夏粮收购工作全面展开。', lines: [9, 11], reporters: ['记者:王晶'] }),
    ]);
  });

  it('文/本报记者 X on top of a feature, under its headline, with subheadings that do not split it', () => {
    const { articles } = split([
      '小山村里的甜蜜事业',
      '',
      '文/本报记者 雷甫',
      '',
      '初夏时节，走进太谷区任村乡，成片的葡萄园里一派繁忙景象。',
      '',
      '产业兴旺 富了口袋',
      '',
      '葡萄园的负责人说，今年的挂果率比去年提高了不少。',
      '',
      '生态宜居 美了家园',
      '',
      '村里新修了环村路，村容村貌焕然一新。',
    ]);
    expect(articles).toEqual([
      {
        kind: 'feature',
        headline: '小山村里的甜蜜事业',
        deck: [],
        subheadings: ['产业兴旺 富了口袋', '生态宜居 美了家园'],
        body: '初夏时节，走进太谷区任村乡，成片的葡萄园里一派繁忙景象。\n产业兴旺 富了口袋\n葡萄园的负责人说，今年的挂果率比去年提高了不少。\n生态宜居 美了家园\n村里新修了环村路，村容村貌焕然一新。',
        lines: [1, 13],
        reporters: ['记者:雷甫'],
      },
    ]);
  });

  it('a headline ending in a quote above a byline still heads the feature', () => {
    const { articles } = split([
      '小山村里的“甜蜜事业”',
      '',
      '文/本报记者 雷甫',
      '',
      '初夏时节，走进太谷区任村乡，成片的葡萄园里一派繁忙景象。',
      '',
      '产业兴旺 富了口袋',
      '',
      '葡萄园的负责人说，今年的挂果率比去年提高了不少。',
    ]);
    expect(articles).toEqual([
      {
        kind: 'feature',
        headline: '小山村里的“甜蜜事业”',
        deck: [],
        subheadings: ['产业兴旺 富了口袋'],
        body: '初夏时节，走进太谷区任村乡，成片的葡萄园里一派繁忙景象。\n产业兴旺 富了口袋\n葡萄园的负责人说，今年的挂果率比去年提高了不少。',
        lines: [1, 9],
        reporters: ['记者:雷甫'],
      },
    ]);
  });

  it('a photo item: short headline, one caption, the photographer; then a second one with the credit on the caption line', () => {
    const { articles } = split([
      '蔷薇盛放 绿意盎然',
      '',
      '5月29日，市民在人民公园赏花游玩，尽享初夏时光。',
      '',
      '本报记者 刘勇摄',
      '',
      '麦收时节',
      '',
      '6月1日，农机手在田间抢收小麦。　　记者 陈晨 摄',
    ]);
    expect(articles).toEqual([
      { kind: 'photo', headline: '蔷薇盛放 绿意盎然', deck: [], subheadings: [], body: '5月29日，市民在人民公园赏花游玩，尽享初夏时光。', lines: [1, 5], reporters: ['摄影:刘勇'] },
      { kind: 'photo', headline: '麦收时节', deck: [], subheadings: [], body: '6月1日，农机手在田间抢收小麦。', lines: [7, 9], reporters: ['摄影:陈晨'] },
    ]);
  });

  it('a commentary: column label as kicker, 本报评论员 credits no person', () => {
    const { articles } = split([
      '短评',
      '让安全生产的弦时刻绷紧',
      '安全生产是发展的前提。各级各部门要牢固树立安全发展理念。',
      '隐患险于明火，防范胜于救灾。',
      '本报评论员',
    ]);
    expect(articles).toEqual([
      {
        kind: 'commentary', kicker: '短评', headline: '让安全生产的弦时刻绷紧', deck: [], subheadings: [],
        body: '安全生产是发展的前提。各级各部门要牢固树立安全发展理念。\n隐患险于明火，防范胜于救灾。', lines: [1, 5], reporters: [],
      },
    ]);
  });
});

describe('segment: headline blocks', () => {
  it('a headline with a deck naming who presided, and a deck line over 60 characters', () => {
    const deck1 = '传达学习《中共中央关于加强对“一把手”和领导班子监督的意见》 审议《关于2026—2030年推动全市新的社会阶层人士统战工作高质量发展的实施方案》';
    expect(deck1.length).toBeGreaterThan(60);
    const { articles } = split([
      '市委常委会召开会议',
      '',
      deck1,
      '',
      '罗清宇主持',
      '',
      '本报讯（全媒体记者 赵继钊 殷雪鸢）6月26日，市委常委会召开会议。省委常委、市委书记罗清宇主持。',
      '',
      '会议还研究了其他事项。',
    ]);
    expect(articles).toEqual([
      news({
        headline: '市委常委会召开会议',
        deck: [deck1, '罗清宇主持'],
        marker: '本报讯（全媒体记者 赵继钊 殷雪鸢）',
        body: '本报讯（全媒体记者 赵继钊 殷雪鸢）6月26日，市委常委会召开会议。省委常委、市委书记罗清宇主持。\n会议还研究了其他事项。',
        lines: [1, 9],
        reporters: ['全媒体记者:赵继钊', '全媒体记者:殷雪鸢'],
      }),
    ]);
  });

  it('a 17-character sentence tail after a column break does not become a headline', () => {
    const { articles } = split([
      '全市统战工作会议召开',
      '',
      '本报讯（记者 李雨鑫）6月1日，全市统战工作会议召开。市委常委、秘书长刘伟出席会议并讲话。',
      '',
      '刘伟在讲话中指出,2025年全市统',
      '',
      '一战线工作成效显著、亮点突出。2026年，全市统战工作要紧扣工作思路，聚力攻坚。',
      '',
      '各级党委要坚决扛牢主体责任，完善大统战工作格局。',
    ]);
    expect(articles).toEqual([
      news({
        headline: '全市统战工作会议召开',
        marker: '本报讯（记者 李雨鑫）',
        body: '本报讯（记者 李雨鑫）6月1日，全市统战工作会议召开。市委常委、秘书长刘伟出席会议并讲话。\n刘伟在讲话中指出,2025年全市统一战线工作成效显著、亮点突出。2026年，全市统战工作要紧扣工作思路，聚力攻坚。\n各级党委要坚决扛牢主体责任，完善大统战工作格局。',
        lines: [1, 9],
        reporters: ['记者:李雨鑫'],
      }),
    ]);
  });

  it('PDF order: the real title and byline after the body; the line above the body becomes the kicker', () => {
    const { articles } = split([
      '凝心聚力谋发展',
      '',
      '今年以来，我市各地各部门认真落实市委部署，扎实推进各项重点工作。',
      '',
      '稳字当头 夯实基础',
      '',
      '各县区紧盯年度目标任务，细化工作举措，推动经济运行稳中向好。',
      '',
      '真抓实干开新局 砥砺奋进谱新篇',
      '',
      '本报记者 雷甫',
      '',
      '（下转第4版）',
    ]);
    expect(articles).toEqual([
      {
        kind: 'feature',
        kicker: '凝心聚力谋发展',
        headline: '真抓实干开新局 砥砺奋进谱新篇',
        deck: [],
        subheadings: ['稳字当头 夯实基础'],
        body: '今年以来，我市各地各部门认真落实市委部署，扎实推进各项重点工作。\n稳字当头 夯实基础\n各县区紧盯年度目标任务，细化工作举措，推动经济运行稳中向好。',
        lines: [1, 13],
        reporters: ['记者:雷甫'],
        continuedOn: 4,
      },
    ]);
  });
});

describe('segment: notices', () => {
  it('a notice keeps its numbered sections, list, contact fields, signature and date in one article', () => {
    const { articles, issue } = split([
      '榆次区自然资源局关于征收集体土地的公告',
      '',
      '根据有关法律法规规定，现将征收集体土地有关事项公告如下：',
      '',
      '一、征收范围',
      '',
      '本次征收涉及长凝镇东长凝村集体土地，具体范围以现场公示图为准。',
      '',
      '二、有关要求',
      '',
      '1.被征收土地的所有权人、使用权人应在规定期限内办理补偿登记。',
      '2.逾期不办理的，视为放弃补偿登记。',
      '',
      '联系电话：0354-3039689',
      '',
      '晋中市榆次区自然资源局',
      '2026年6月1日',
    ]);
    expect(articles).toEqual([
      {
        kind: 'notice',
        headline: '榆次区自然资源局关于征收集体土地的公告',
        deck: [],
        subheadings: [],
        body: [
          '根据有关法律法规规定，现将征收集体土地有关事项公告如下：',
          '一、征收范围',
          '本次征收涉及长凝镇东长凝村集体土地，具体范围以现场公示图为准。',
          '二、有关要求',
          '1.被征收土地的所有权人、使用权人应在规定期限内办理补偿登记。',
          '2.逾期不办理的，视为放弃补偿登记。',
          '联系电话：0354-3039689',
          '晋中市榆次区自然资源局',
          '2026年6月1日',
        ].join('\n'),
        lines: [1, 17],
        reporters: [],
      },
    ]);
    expect(issue.articles[0]!.date).toBe('2026-06-01');
  });
});

describe('segment: continuations', () => {
  it('（下转第4版） on its own line ends the article here: continuedOn 4', () => {
    const { articles } = split([
      '全市防汛工作会议召开',
      '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。',
      '会议要求，各地要压实责任，确保安全度汛。',
      '（下转第4版）',
      '夏粮收购工作全面展开',
      '本报讯（记者 李明）6月1日，全市夏粮收购工作全面展开。',
    ]);
    expect(articles).toEqual([
      news({ headline: '全市防汛工作会议召开', marker: '本报讯（记者 王晶）', body: '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。\n会议要求，各地要压实责任，确保安全度汛。', lines: [1, 4], reporters: ['记者:王晶'], continuedOn: 4 }),
      news({ headline: '夏粮收购工作全面展开', marker: '本报讯（记者 李明）', body: '本报讯（记者 李明）6月1日，全市夏粮收购工作全面展开。', lines: [5, 6], reporters: ['记者:李明'] }),
    ]);
  });

  it('（上接第1版） under a repeated headline opens the rest: continuedFrom 1', () => {
    const { articles } = split([
      '真抓实干开新局 砥砺奋进谱新篇',
      '',
      '（上接第1版）',
      '',
      '市发展改革委相关负责人表示，下一步将继续抓好项目建设。',
      '',
      '本报记者 雷甫',
    ]);
    expect(articles).toEqual([
      news({ headline: '真抓实干开新局 砥砺奋进谱新篇', body: '市发展改革委相关负责人表示，下一步将继续抓好项目建设。', lines: [1, 7], reporters: ['记者:雷甫'], continuedFrom: 1 }),
    ]);
  });

  it('（下转第二版） at the end of a paragraph sets continuedOn 2', () => {
    const { issue } = split(['全市防汛工作会议召开', '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。', '会议要求，各地要压实责任。（下转第二版）']);
    expect(issue.articles.map((a) => a.continuedOn)).toEqual([2]);
  });

  it('（上接第1版） at the start of a paragraph sets continuedFrom 1', () => {
    const { issue } = split(['真抓实干开新局 砥砺奋进谱新篇', '（上接第1版）市发展改革委相关负责人表示，下一步将继续抓好项目建设。', '本报记者 雷甫']);
    expect(issue.articles.map((a) => a.continuedFrom)).toEqual([1]);
  });
});

describe('segment: page furniture goes to the leftovers', () => {
  it('page header, page name, editor lines and page numbers', () => {
    const { articles, leftovers } = split([
      '晋中日报 2026年6月2日 星期二',
      '要闻　第2版',
      '',
      '全市防汛工作会议召开',
      '',
      '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。',
      '',
      '责任编辑：张三',
      '编辑：王芳 校对：李丽',
      'A2',
    ]);
    expect(articles).toEqual([
      news({ headline: '全市防汛工作会议召开', marker: '本报讯（记者 王晶）', body: '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。', lines: [4, 6], reporters: ['记者:王晶'] }),
    ]);
    expect(leftovers).toEqual([
      '1 furniture 晋中日报 2026年6月2日 星期二',
      '2 furniture 要闻　第2版',
      '8 furniture 责任编辑：张三',
      '9 furniture 编辑：王芳 校对：李丽',
      '10 furniture A2',
    ]);
  });

  it('本版编辑：王芳 is furniture and leaves the article above it alone', () => {
    const { articles, leftovers } = split([
      '全市防汛工作会议召开',
      '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。',
      '本版编辑：王芳',
    ]);
    expect(articles).toEqual([
      news({ headline: '全市防汛工作会议召开', marker: '本报讯（记者 王晶）', body: '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。', lines: [1, 2], reporters: ['记者:王晶'] }),
    ]);
    expect(leftovers).toEqual(['3 furniture 本版编辑：王芳']);
  });

  it('a footer line between two paragraphs of one article: the article runs across it, the line is a leftover', () => {
    const { articles, leftovers } = split([
      '全市防汛工作会议召开',
      '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。',
      '责任编辑：张三',
      '会议要求，各地要压实责任，确保安全度汛。',
    ]);
    expect(articles).toEqual([
      news({
        headline: '全市防汛工作会议召开', marker: '本报讯（记者 王晶）',
        body: '本报讯（记者 王晶）6月1日，全市防汛工作会议召开。\n会议要求，各地要压实责任，确保安全度汛。',
        lines: [1, 4], reporters: ['记者:王晶'],
      }),
    ]);
    expect(leftovers).toEqual(['3 furniture 责任编辑：张三']);
  });

  it('a footer line inside a sentence cut by a column break: the halves are still joined', () => {
    const { articles, leftovers } = split([
      '全市防汛工作会议召开',
      '本报讯（记者 王晶）6月1日，全市防汛工作会议召开，会议要求，各地要压实',
      '责任编辑：张三',
      '责任，确保安全度汛。',
    ]);
    expect(articles).toEqual([
      news({
        headline: '全市防汛工作会议召开', marker: '本报讯（记者 王晶）',
        body: '本报讯（记者 王晶）6月1日，全市防汛工作会议召开，会议要求，各地要压实责任，确保安全度汛。',
        lines: [1, 4], reporters: ['记者:王晶'],
      }),
    ]);
    expect(leftovers).toEqual(['3 furniture 责任编辑：张三']);
  });
});
