import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/cli/count.js';

describe('formatCount', () => {
  it.each<[number, string]>([
    [0, '0'],
    [1, '1'],
    [999, '999'],
    [1000, '1,000'],
    [12_345, '12,345'],
    [999_999, '999,999'],
    [1_000_000, '1,000,000'],
    [-1234, '-1,234'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
    [1234.5, '1,234.5'],
  ])('%d → %s, as toLocaleString(en-US) writes it', (n, text) => {
    expect(formatCount(n)).toBe(text);
    expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
  });
});
