/**
 * Numbers as newspapers print them: ASCII digits, full-width digits (`３`), and Chinese
 * numerals, both digit-by-digit (`二〇二六`) and positional (`二十六`, `十二`, `一百零五`).
 */

/** Han digit characters and their values; `〇`, `零` and `○` all mean 0. */
export const HAN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Han unit characters and their multipliers. */
export const HAN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A character class (for use inside `[...]`) matching any digit form this module reads. */
export const NUMERAL_CHARS = '0-9０-９〇零○Ｏ一二两三四五六七八九十百千';

const FULL_WIDTH_DIGITS = /[０-９]+/gu;

/** Full-width digit `０`–`９` → ASCII, other characters unchanged (the text between copied natively). */
export function toAsciiDigits(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, asciiRun);
}

function asciiRun(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) out += String.fromCharCode(run.charCodeAt(i) - 0xff10 + 0x30);
  return out;
}

/**
 * Reads a number written in any of the forms above; undefined when `s` is not one.
 * Examples: `'12'` → 12, `'１２'` → 12, `'十二'` → 12, `'二十六'` → 26, `'二〇二六'` → 2026.
 */
export function parseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  const ascii = toAsciiDigits(s);
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  const hasUnit = [...s].some((ch) => ch in HAN_UNITS);
  if (!hasUnit) {
    // Digit by digit: 二〇二六 → 2026.
    let n = 0;
    for (const ch of s) {
      const d = HAN_DIGITS[ch];
      if (d === undefined) return undefined;
      n = n * 10 + d;
    }
    return n;
  }
  // Positional: 二十六 → 26, 十二 → 12, 一百零五 → 105.
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    const unit = HAN_UNITS[ch];
    if (unit !== undefined) {
      total += (digit ?? 1) * unit;
      digit = undefined;
      continue;
    }
    const d = HAN_DIGITS[ch];
    if (d === undefined) return undefined;
    digit = d;
  }
  return total + (digit ?? 0);
}
