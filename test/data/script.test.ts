import { describe, expect, it } from 'vitest';
import * as dates from '../../src/data/dates.js';
import * as markers from '../../src/data/markers.js';
import * as places from '../../src/data/places.js';
import { SIMPLIFIED_CODE, scriptOf, toSimplified } from '../../src/data/script.js';
import { SIMPLIFIED_ONLY, TRADITIONAL_TO_SIMPLIFIED } from '../../src/data/script-table.js';
import * as surnames from '../../src/data/surnames.js';
import { normalizeText } from '../../src/lines.js';

describe('toSimplified', () => {
  it.each([
    ['本報訊（記者 王曉明）', '本报讯（记者 王晓明）'],
    ['【明報專訊】', '【明报专讯】'],
    ['中央社記者陳怡君台北3日電', '中央社记者陈怡君台北3日电'],
    ['臺灣 台灣 高雄市', '台湾 台湾 高雄市'],
    ['（記者林志偉／台北報導）', '（记者林志伟／台北报导）'],
    ['6月3日下午3時', '6月3日下午3时'],
  ])('%s → %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it('returns simplified text unchanged, as the same string', () => {
    const s = '本报讯（记者 王晶）6月1日，全市安全生产工作会议召开。';
    expect(toSimplified(s)).toBe(s);
  });

  it('maps one UTF-16 unit to one: the table has pairs of BMP characters only', () => {
    expect(TRADITIONAL_TO_SIMPLIFIED.length % 2).toBe(0);
    for (const ch of TRADITIONAL_TO_SIMPLIFIED) expect(ch.length).toBe(1);
    const all = [...new Set(TRADITIONAL_TO_SIMPLIFIED)].join('');
    expect(toSimplified(all).length).toBe(all.length);
  });

  it('is the normaliser’s mapping for Han characters, so Line.norm is the simplified twin', () => {
    expect(normalizeText('本報訊(記者 王曉明)')).toBe('本报讯（记者 王晓明）');
    expect(normalizeText('這是一個測試')).toBe('这是一个测试');
    expect(normalizeText('这是一个测试')).toBe('这是一个测试');
  });

  it('reads Big5’s slash and name dot as decoders give them (∕ U+2215, ‧ U+2027) as ／ and ·', () => {
    expect(normalizeText('〔記者林佳慧∕台北報導〕')).toBe('〔记者林佳慧／台北报导〕');
    expect(normalizeText('威廉‧莎士比亞')).toBe('威廉·莎士比亚');
  });

  it('leaves the lists of data/ as they are: they are simplified, so their twin is themselves', () => {
    const strings: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (v instanceof RegExp) strings.push(v.source);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (strings.push(k), collect(x));
    };
    [markers, places, dates, surnames].forEach(collect);
    expect(strings.length).toBeGreaterThan(500);
    // The one exception: 於, a surname of its own, is 于 in the twin, which is listed too.
    const changed = strings.flatMap((s) => [...s].filter((ch) => toSimplified(ch) !== ch));
    expect(changed).toEqual(['於']);
    expect(surnames.SINGLE_SURNAMES).toContain('于');
  });

  it('never maps a simplified-only character (这, 报) and maps no character to itself', () => {
    for (const ch of SIMPLIFIED_ONLY) expect(SIMPLIFIED_CODE[ch.charCodeAt(0)]).toBe(ch.charCodeAt(0));
    for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) expect(TRADITIONAL_TO_SIMPLIFIED[i]).not.toBe(TRADITIONAL_TO_SIMPLIFIED[i + 1]);
  });
});

describe('scriptOf', () => {
  it.each([
    ['本報訊（記者 王曉明）港府昨日宣佈，這項計劃將於下月實施。', 'traditional'],
    ['本报讯（记者 王晓明）市政府昨日宣布，这项计划将于下月实施。', 'simplified'],
    ['2026年6月1日 ABC', 'simplified'],
    ['本報訊（記者 王曉明）港府昨日宣佈。本报讯（记者 王晓明）市政府昨日宣布，这项计划将于下月实施。', 'mixed'],
  ] as const)('%s → %s', (text, script) => {
    expect(scriptOf(text)).toBe(script);
  });

  it('calls a traditional page traditional though it writes 台 and 温 (Taiwan and Hong Kong forms)', () => {
    expect(scriptOf('台北市氣溫昨日回升，台灣各地溫暖晴朗，民眾出遊。')).toBe('traditional');
  });
});
