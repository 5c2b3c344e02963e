import { describe, expect, it } from 'vitest';
import { isPersonName, splitRunTogether, surnameLength } from '../../src/grammar/names.js';

describe('names', () => {
  it.each([['王五', 1], ['欧阳小明', 2], ['欧阳', 1], ['扩大', 0], ['', 0]])('surnameLength(%s) = %i', (s, n) => {
    expect(surnameLength(s)).toBe(n);
  });

  it.each([['王五', true], ['李小红', true], ['欧阳小明', true], ['欧阳', false], ['扩大', false], ['王先生', false], ['王', false], ['王小明红', false]])('isPersonName(%s) = %s', (s, yes) => {
    expect(isPersonName(s)).toBe(yes);
  });

  it.each([
    ['王行增王君超', ['王行增', '王君超']],
    ['张三李四', ['张三', '李四']],
    ['欧阳小明', undefined],
    ['王强欧阳明辉', ['王强', '欧阳明辉']],
  ])('splitRunTogether(%s)', (s, names) => {
    expect(splitRunTogether(s)).toEqual(names);
  });
});
