import { describe, expect, it } from 'vitest';
import { parseLeadMarker } from '../../src/grammar/shape.js';
import { normalizeText } from '../../src/lines.js';

/** The marker of a lead paragraph as printed, parsed on its normalised twin like classify does, with the names its byline gives. */
const markerOf = (text: string) => parseLeadMarker(normalizeText(text), 100, text);

describe('lead markers of Hong Kong and Taiwan papers', () => {
  it.each([
    ['〔記者林佳慧／台北報導〕台北市政府昨日宣布', { text: '〔記者林佳慧／台北報導〕', source: '本报', form: '讯', byline: '记者林佳慧', reporters: [{ name: '林佳慧', role: '记者' }], place: '台北', span: [100, 112] }],
    ['(記者王志明/高雄報導)高雄港務分公司公布', { text: '(記者王志明/高雄報導)', source: '本报', form: '讯', byline: '记者王志明', reporters: [{ name: '王志明', role: '记者' }], place: '高雄', span: [100, 112] }],
    ['【記者林佳慧、王志明／綜合報導】颱風逼近', { text: '【記者林佳慧、王志明／綜合報導】', source: '本报', form: '讯', byline: '记者林佳慧、王志明', reporters: [{ name: '林佳慧', role: '记者' }, { name: '王志明', role: '记者' }], span: [100, 116] }],
    ['（中央社記者陳怡君台北3日電）行政院會今天通過', { text: '（中央社記者陳怡君台北3日電）', source: '中央社', form: '电', byline: '记者陈怡君', reporters: [{ name: '陈怡君', role: '记者' }], place: '台北', dateText: '3日', span: [100, 115] }],
    ['（中央社記者王明華盛頓2日專電）美國國務院', { text: '（中央社記者王明華盛頓2日專電）', source: '中央社', form: '电', byline: '记者王明', reporters: [{ name: '王明', role: '记者' }], place: '華盛頓', dateText: '2日', span: [100, 116] }],
    ['（中央社台北3日電）中央氣象署今天表示', { text: '（中央社台北3日電）', source: '中央社', form: '电', place: '台北', dateText: '3日', span: [100, 110] }],
    ['【明報專訊】政府昨日宣佈', { text: '【明報專訊】', source: '明报', form: '讯', span: [100, 106] }],
    ['本報訊（記者 李志強）香港旅遊發展局公布', { text: '本報訊（記者 李志強）', source: '本报', form: '讯', byline: '记者 李志强', reporters: [{ name: '李志强', role: '记者' }], span: [100, 111] }],
  ])('%s', (text, expected) => {
    expect(markerOf(text)).toEqual(expected);
  });

  it.each(['（台北報導）市府表示', '（詳見A4／台北報導）', '〔會議記錄／台北報導〕', '（中央社報導）行政院', '明報專訊稱，政府'])('%s is no lead marker', (text) => {
    expect(markerOf(text)).toBeUndefined();
  });
});
