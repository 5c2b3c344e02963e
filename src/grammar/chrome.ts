/**
 * Recognises web chrome and site residue (`src/data/chrome.ts`): navigation lines, page lists,
 * toolbars, copyright lines, calendar rows. A pure test on one normalised line.
 */
import { CALENDAR_ROW, CHROME_FILLER, CHROME_LINE_PATTERNS, CHROME_STRONG_FILLER, CHROME_WORDS, MAX_CHROME_LINE, METADATA_LABELS } from '../data/chrome.js';

const WORDS_LONGEST_FIRST = new RegExp(
  [...CHROME_WORDS].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'),
  'gu',
);

/** True when the normalised line is web chrome or site residue, never article text. */
export function isWebChrome(norm: string): boolean {
  if (norm.length === 0 || norm.length > MAX_CHROME_LINE) return false;
  if (CALENDAR_ROW.test(norm)) return true;
  if (CHROME_LINE_PATTERNS.some((re) => re.test(norm))) return true;
  if (isMetadataLine(norm)) return true;
  let strong = false;
  let rest = norm.replace(WORDS_LONGEST_FIRST, () => {
    strong = true;
    return ' ';
  });
  CHROME_FILLER.forEach((re, k) => {
    rest = rest.replace(re, () => {
      if (CHROME_STRONG_FILLER.has(k)) strong = true;
      return ' ';
    });
  });
  return strong && rest.trim().length === 0;
}

const METADATA_PAIR = new RegExp(`(?:${[...METADATA_LABELS].sort((a, b) => b.length - a.length).join('|')})\\s*：\\s*[^\\s：]{0,20}`, 'gu');

/** Two or more `label：value` pairs of a web article's metadata and nothing else. */
function isMetadataLine(norm: string): boolean {
  let pairs = 0;
  const rest = norm.replace(METADATA_PAIR, () => {
    pairs++;
    return ' ';
  });
  return pairs >= 2 && rest.trim().length === 0;
}
