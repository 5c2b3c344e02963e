/**
 * Counts for people: `12,345`. The same text as `n.toLocaleString('en-US')` for the whole numbers
 * the CLI prints, without it: the first call of `toLocaleString` loads ICU's number formatting,
 * which measured 10 to 50 ms of a one-file run's start-up.
 */

/** `0` → `0`, `1234` → `1,234`, `-1234567` → `-1,234,567`; anything else as `toLocaleString('en-US')`. */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  return n < 0 ? '-' + out : out;
}
