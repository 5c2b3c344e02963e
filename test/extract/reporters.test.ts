import { describe, expect, it } from 'vitest';
import { parseCredit } from '../../src/grammar/credits.js';
import { splitText } from '../../src/index.js';

const HEAD = '全市安全生产工作会议召开';
const BODY = '会议要求，各级各部门要压实责任，抓好落实。';

/** The reporters of the only article of `text`. */
function reportersOf(text: string) {
  const issue = splitText(text, { name: '2026-06-02.txt' });
  expect(issue.articles).toHaveLength(1);
  return issue.articles[0]!.reporters.map((r) => `${r.role}:${r.name}`);
}

describe('reporters: every byline form, in byline order', () => {
  it.each([
    ['lead, full-width parentheses', `${HEAD}\n本报讯（记者 王晶）6月1日，${BODY}`, ['记者:王晶']],
    ['lead, half-width, no space', `${HEAD}\n本报讯 (记者王晶)6月1日,${BODY}`, ['记者:王晶']],
    ['lead, two names after one role', `${HEAD}\n本报讯（全媒体记者 赵继钊 殷雪鸢）${BODY}`, ['全媒体记者:赵继钊', '全媒体记者:殷雪鸢']],
    ['lead, reporter and correspondents', `${HEAD}\n本报讯（记者 王晶 通讯员 李明 张华）${BODY}`, ['记者:王晶', '通讯员:李明', '通讯员:张华']],
    ['lead, names split on 、', `${HEAD}\n本报讯（融媒体记者 王晶、李明）${BODY}`, ['融媒体记者:王晶', '融媒体记者:李明']],
    ['lead, intern', `${HEAD}\n本报讯（记者 王晶 实习生 李明）${BODY}`, ['记者:王晶', '实习生:李明']],
    ['lead, trainee reporter', `${HEAD}\n本报讯（见习记者 王晶）${BODY}`, ['见习记者:王晶']],
    ['lead, special correspondent', `${HEAD}\n本报讯（特约记者 王晶）${BODY}`, ['特约记者:王晶']],
    ['dateline lead', `${HEAD}\n新华社北京6月1日电（记者 张三 李四）${BODY}`, ['记者:张三', '记者:李四']],
    ['dateline lead, bare name', `${HEAD}\n新华社南京3月2日电（李四）${BODY}`, ['记者:李四']],
    ['dateline lead, transcribed name', `${HEAD}\n新华社开罗5月4日电（记者 阿卜杜勒·拉赫曼）${BODY}`, ['记者:阿卜杜勒·拉赫曼']],
    ['older 记者X报道：', `${HEAD}\n本报东京3月2日电 记者张三报道：${BODY}`, ['记者:张三']],
    ['end byline', `${HEAD}\n6月1日，${BODY}\n本报记者 雷甫`, ['记者:雷甫']],
    ['end byline with 文/', `${HEAD}\n6月1日，${BODY}\n文/本报记者 雷甫`, ['记者:雷甫']],
    ['photo credit', '图为工人在车间里忙碌。\n本报记者 刘勇摄', ['摄影:刘勇']],
    ['photo credit in parentheses closing the caption', '春日花海\n游客在公园赏花。（图/孙浩）', ['摄影:孙浩']],
    ['photo credit with 摄影 and a space', '春日花海\n游客在公园赏花，当天共接待游客三万人次（摄影 孙浩）', ['摄影:孙浩']],
    ['a credit on a line of its own, in parentheses', `${HEAD}\n6月1日，${BODY}\n（记者 赵敏）`, ['记者:赵敏']],
    // Set flush right after a gap wider than the tail a credit is looked for in: the gap counts as one space.
    ['end credit after a wide gap on the last line', `${HEAD}\n6月1日，${BODY}${' '.repeat(60)}日报社全媒体记者 赵敏`, ['全媒体记者:赵敏']],
  ])('%s', (_, text, expected) => {
    expect(reportersOf(text)).toEqual(expected);
  });
});

describe('parseCredit: what is and is not a credit', () => {
  it.each([
    ['本报记者 刘勇摄', [{ name: '刘勇', role: '摄影' }], true],
    ['摄影 王晶', [{ name: '王晶', role: '摄影' }], true],
    ['图/王晶', [{ name: '王晶', role: '摄影' }], true],
    ['新华社记者 张三 摄', [{ name: '张三', role: '摄影' }], true],
    ['本报评论员', [], false],
    ['全媒体记者 赵继钊 殷雪鸢', [{ name: '赵继钊', role: '全媒体记者' }, { name: '殷雪鸢', role: '全媒体记者' }], false],
  ])('%s', (text, reporters, photo) => {
    const parsed = parseCredit(text);
    expect(parsed?.reporters).toEqual(reporters);
    expect(parsed?.photo).toBe(photo);
  });

  it.each(['本报记者', '全媒体记者', '罗清宇主持', '记者从市住建局获悉', '本报 全媒体'])('never reads a name out of %s', (text) => {
    expect(parseCredit(text)?.reporters ?? []).toEqual([]);
  });
});

describe('reporters of a traditional page: read on the simplified twin, named as printed', () => {
  it.each([
    ['lead', `港府宣佈新措施\n本報訊（記者 王曉明 通訊員 陳嘉儀）6月1日，會議要求各部門抓好落實。`, ['记者:王曉明', '通讯员:陳嘉儀']],
    ['spaced name', `港府宣佈新措施\n本報訊（記者 劉　暢）6月1日，會議要求各部門抓好落實。`, ['记者:劉暢']],
    ['end byline', `港府宣佈新措施\n6月1日，會議要求各部門抓好落實。\n本報記者 趙繼釗`, ['记者:趙繼釗']],
    ['closing credit in parentheses', `港府宣佈新措施\n6月1日，會議要求各部門抓好落實。（記者 趙繼釗）`, ['记者:趙繼釗']],
  ])('%s', (_, text, expected) => {
    expect(reportersOf(text)).toEqual(expected);
  });
});
