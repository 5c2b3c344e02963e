import { describe, expect, it } from 'vitest';
import { parseCredit, tailStart } from '../../src/grammar/credits.js';

/** Each case takes one of the parser's paths (a prefix, parentheses, a label, an outlet, a source before a role). */
describe('parseCredit', () => {
  it.each([
    ['本报记者 刘勇摄', [['刘勇', '摄影']], true, true],
    ['（记者 赵敏）', [['赵敏', '记者']], false, true],
    ['文/图 王晶', [['王晶', '记者']], true, true],
    ['图/刘振华', [['刘振华', '摄影']], true, true],
    ['赵丽/文', [['赵丽', '记者']], false, true],
    ['监制：贾志刚', [['贾志刚', '监制']], false, true],
    ['潍坊日报社全媒体记者 王晶', [['王晶', '全媒体记者']], false, true],
    ['本报驻法国记者 李明', [['李明', '记者']], false, true],
    ['新华社记者王晶', [['王晶', '记者']], false, true],
    ['中牟时报 李淑娟', [['李淑娟', '中牟时报']], false, true],
    ['■本报记者 王芳', [['王芳', '记者']], false, true],
    ['张三（作者系某大学教授）', [['张三', '作者']], false, true],
    ['刘　畅', [['刘畅', '记者']], false, false],
  ])('%s', (text, reporters, photo, hasRoleWord) => {
    const credit = parseCredit(text);
    expect(credit?.reporters.map((r) => [r.name, r.role])).toEqual(reporters);
    expect(credit?.photo).toBe(photo);
    expect(credit?.hasRoleWord).toBe(hasRoleWord);
  });

  it('a text parsed again gives an equal credit of its own, which the caller may change', () => {
    const first = parseCredit('记者 王晶 通讯员 李明')!;
    first.reporters[0]!.role = '摄影';
    first.reporters.pop();
    expect(parseCredit('记者 王晶 通讯员 李明')!.reporters).toEqual([{ name: '王晶', role: '记者' }, { name: '李明', role: '通讯员' }]);
    expect(parseCredit('记者 王晶 通讯员 李明', '作者')).toEqual(parseCredit('记者 王晶 通讯员 李明'));
  });

  // `constructor` and `toString` once read as trailing marks: the marks were looked up on a plain object.
  it.each(['记者手记', '全市安全生产工作暨经济运行分析会召开', '罗清宇主持', '王晶 constructor', '王晶 toString'])('%s is no credit', (text) => {
    expect(parseCredit(text)).toBeUndefined();
  });
});

describe('tailStart: the last n characters, a run of spaces counting as one', () => {
  it.each([
    ['abcdef', 3, 3],
    ['ab', 5, 0],
    ['。' + ' '.repeat(40) + '记者 赵敏', 7, 0],
    ['甲乙。' + ' '.repeat(40) + '记者 赵敏', 6, 3],
    ['甲乙。' + ' '.repeat(40) + '记者 赵敏', 7, 2],
    ['甲乙' + '   ', 2, 1],
  ])('%j, %i → %i', (text, n, start) => {
    expect(tailStart(text, n)).toBe(start);
  });
});
