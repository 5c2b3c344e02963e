/**
 * How plausible a decoded text is as a Chinese newspaper page. A wrong decoding of Chinese bytes
 * gives characters that such a page never holds (U+FFFD, private-use and control characters),
 * characters it rarely holds (kana, Hangul, Greek, Cyrillic, the Latin of mis-read UTF-8), or Han
 * characters outside the common set; the right one gives common Han characters, CJK and ASCII
 * punctuation, letters, digits and line breaks.
 *
 * The common sets are derived, not listed: GB2312 level 1 (3,755 simplified characters, by
 * frequency of use) and Big5's frequently used characters (5,401 traditional), decoded once from
 * their byte ranges. A text counts the Han characters of the set it matches better: a real page
 * keeps to one script, while a wrong decoding scatters over all of CJK and hits each set now and
 * then, so the better of the two separates them more sharply than their union would.
 */
import type { Encoding } from '../types.js';

/** Counts over a decoded text (or a part of it), in characters (UTF-16 units; a pair counts once). */
export interface TextScore {
  /** Characters seen. */
  chars: number;
  /** Characters outside ASCII. */
  nonAscii: number;
  /** Common Han characters, CJK and ASCII punctuation, letters, digits, whitespace. */
  good: number;
  /** The part of `good` outside ASCII. */
  goodNonAscii: number;
  /** Characters a Chinese page seldom holds: kana, Hangul, Greek, Cyrillic, Arabic … */
  odd: number;
  /** Characters no page holds: U+FFFD, controls, private use, lone surrogates. */
  bad: number;
  /** U+FFFD and lone surrogates: bytes that did not decode. */
  replaced: number;
  /** U+0000 characters. */
  nul: number;
}

/**
 * Character classes, one per BMP code unit (see classTable). Each is also a slot of a {@link Tally},
 * so scoring a character is one table look-up and one increment, with no branch on its class.
 */
const NEUTRAL = 0;
const GOOD = 1;
const ODD = 2;
const BAD = 3;
/** U+FFFD, the one bad character that also counts as replaced. */
const REPLACEMENT = 4;
/** Han classes: common simplified, common traditional, or both (a character both scripts share). */
const HAN_S = 5;
const HAN_T = 6;
const HAN_ST = 7;
const ASCII_GOOD = 8;
/** ASCII controls (all but TAB, LF, VT, FF and CR) and DEL; NUL has a class of its own. */
const ASCII_BAD = 9;
const NUL = 10;
/** A lone surrogate (as a tally slot); as a table class, a low surrogate. */
const LONE = 11;
const HIGH_SURROGATE = 12;
const CLASSES = 13;

/** Weight of one bad character (U+FFFD stands for one or two bytes) in bytes. */
const BAD_WEIGHT = 2;

/**
 * One number to compare decodings of the same bytes, higher is more plausible: about how many
 * bytes read as plausible text, less those that read as odd or bad. Counting bytes, not
 * characters, keeps the encodings fair: a Han character is 3 bytes of evidence in UTF-8 and 2 in
 * GB18030, and an ASCII letter that a wrong decoding of UTF-16 produces is 1 byte, not 2.
 */
export function plausibility(s: TextScore, encoding: Encoding): number {
  const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
  const perChar = encoding === 'utf-8' ? 3 : 2;
  const ascii = s.good - s.goodNonAscii;
  return ascii * (wide ? 2 : 1) + (s.goodNonAscii - s.odd) * perChar - BAD_WEIGHT * s.bad;
}

/** Share of non-ASCII characters that are good (1 for a text with none). */
export function goodShare(s: TextScore): number {
  return s.nonAscii === 0 ? 1 : s.goodNonAscii / s.nonAscii;
}

/** True when a text has no bad characters and reads like a Chinese page. */
export function looksClean(s: TextScore): boolean {
  return s.bad === 0 && s.odd * 100 <= s.nonAscii && goodShare(s) >= CLEAN_GOOD_SHARE;
}

/** Share of non-ASCII characters that must be common Han or CJK punctuation for a text to look clean. */
const CLEAN_GOOD_SHARE = 0.8;

/**
 * True when `text` holds no bad character (`scoreText(text).bad === 0`) and at least `min`
 * characters outside ASCII: the test a valid UTF-8 file passes, without counting everything else.
 * A regular expression finds a bad character (natively, about twice as fast as a loop over code
 * units), so only the count of non-ASCII characters is left, and it stops at `min`.
 */
export function isFreeOfBad(text: string, min: number): boolean {
  classTable();
  const pattern = BAD_OR_SURROGATE!;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // Surrogates are found with the bad characters (a pattern that told a lone one from a pair
    // would be slower): a pair is skipped, a lone half is bad.
    const c = text.charCodeAt(m.index);
    const next = m.index + 1 < text.length ? text.charCodeAt(m.index + 1) : 0;
    if (c < 0xd800 || c > 0xdbff || next < 0xdc00 || next > 0xdfff) return false;
    pattern.lastIndex = m.index + 2;
  }
  let nonAscii = 0;
  for (let i = 0; i < text.length && nonAscii < min; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c >= 0xd800 && c <= 0xdbff) i++; // a pair (no surrogate is lone here): one character
  }
  return nonAscii >= min;
}

/**
 * Counts of the characters of a text by class, the raw form of a {@link TextScore}. Tallies of
 * adjacent parts add up to the tally of the whole when no surrogate pair straddles a boundary,
 * so a text decoded in parts is scored in parts (see {@link addTally}).
 */
export type Tally = Int32Array;

/** An empty tally. */
export function newTally(): Tally {
  return new Int32Array(CLASSES);
}

/** Adds the characters of `text.slice(from, to)` to `into` (a pair straddling `to` counts as lone). */
export function tallyText(text: string, into: Tally, from = 0, to = text.length): Tally {
  const table = classTable();
  for (let i = from; i < to; i++) {
    let k = table[text.charCodeAt(i)]!;
    if (k >= LONE) {
      // A pair (CJK extension B and beyond) is one neutral character; a lone half is bad.
      const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
      if (k === HIGH_SURROGATE && next >= 0xdc00 && next <= 0xdfff) {
        k = NEUTRAL;
        i++;
      } else k = LONE;
    }
    into[k]!++;
  }
  return into;
}

/** Adds `tally` to `into`. */
export function addTally(into: Tally, tally: Tally): Tally {
  for (let k = 0; k < CLASSES; k++) into[k]! += tally[k]!;
  return into;
}

/** The score of a tally: a text counts the Han characters of the common set it matches better. */
export function scoreOfTally(n: Tally): TextScore {
  let chars = 0;
  for (let k = 0; k < CLASSES; k++) chars += n[k]!;
  const han = Math.max(n[HAN_S]! + n[HAN_ST]!, n[HAN_T]! + n[HAN_ST]!);
  return {
    chars,
    nonAscii: chars - n[ASCII_GOOD]! - n[ASCII_BAD]! - n[NUL]!,
    good: n[ASCII_GOOD]! + n[GOOD]! + han,
    goodNonAscii: n[GOOD]! + han,
    odd: n[ODD]!,
    bad: n[ASCII_BAD]! + n[NUL]! + n[BAD]! + n[REPLACEMENT]! + n[LONE]!,
    replaced: n[REPLACEMENT]! + n[LONE]!,
    nul: n[NUL]!,
  };
}

const SCRATCH = newTally();

/** Scores `text.slice(from, to)`. */
export function scoreText(text: string, from = 0, to = text.length): TextScore {
  SCRATCH.fill(0);
  return scoreOfTally(tallyText(text, SCRATCH, from, to));
}

let TABLE: Uint8Array | undefined;
/** Finds (global, from `lastIndex`) a character of a bad class or any surrogate. Built with the table. */
let BAD_OR_SURROGATE: RegExp | undefined;

/** The class of every BMP character, built on first use (2–4 ms, once per thread). */
function classTable(): Uint8Array {
  if (TABLE) return TABLE;
  const t = new Uint8Array(0x10000).fill(ODD);
  const set = (from: number, to: number, cls: number): void => void t.fill(cls, from, to + 1);
  set(0x80, 0x9f, BAD); // C1 controls
  set(0xa0, 0x24f, NEUTRAL); // Latin-1 and Latin Extended: ×, °, pinyin tone marks
  set(0x2000, 0x206f, GOOD); // general punctuation: — … “ ” ‘ ’ ※
  set(0x2000, 0x200f, NEUTRAL); // spaces of other widths, zero-width and direction marks
  set(0x2028, 0x202f, NEUTRAL);
  set(0x2060, 0x206f, NEUTRAL);
  set(0x2070, 0x2bff, NEUTRAL); // number forms, arrows, maths, ①, box drawing, ■ ● ★
  set(0x3000, 0x303f, GOOD); // CJK punctuation: 、。〈〉《》「」【】〇
  set(0x3100, 0x312f, NEUTRAL); // bopomofo
  set(0x3200, 0x33ff, NEUTRAL); // enclosed CJK, CJK compatibility
  set(0x3400, 0x4dbf, NEUTRAL); // CJK extension A
  set(0x4e00, 0x9fff, NEUTRAL); // CJK unified: common ones are GOOD below
  set(0xe000, 0xf8ff, BAD); // private use: what a wrong legacy decoding maps unassigned codes to
  set(0xf900, 0xfaff, NEUTRAL); // CJK compatibility ideographs
  set(0xfe10, 0xfe6f, NEUTRAL); // vertical, compatibility and small forms
  set(0xff01, 0xff5e, GOOD); // full-width ASCII: ，：；（）０-９
  set(0xff5f, 0xff65, NEUTRAL);
  set(0xffe0, 0xffee, NEUTRAL); // ￥ ￡
  set(0xfffd, 0xffff, BAD);
  t[0xfffd] = REPLACEMENT;
  for (const c of commonHan('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]], 0xd7f9)) t[c] = HAN_S;
  for (const c of commonHan('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]], 0xc67e)) t[c] = t[c] === HAN_S ? HAN_ST : HAN_T;
  // Below U+0080 and among the surrogates the class says what the character is as it stands.
  set(0x00, 0x7f, ASCII_BAD);
  set(0x20, 0x7e, ASCII_GOOD);
  set(0x09, 0x0d, ASCII_GOOD);
  t[0] = NUL;
  set(0xd800, 0xdbff, HIGH_SURROGATE);
  set(0xdc00, 0xdfff, LONE);
  BAD_OR_SURROGATE = badOrSurrogatePattern(t);
  TABLE = t;
  return t;
}

function isBadClass(k: number): boolean {
  return k === BAD || k === REPLACEMENT || k === ASCII_BAD || k === NUL;
}

/** A pattern for the characters whose class in `table` is bad, and for surrogates. */
function badOrSurrogatePattern(table: Uint8Array): RegExp {
  const hex = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
  const ranges: string[] = [];
  for (let c = 0; c < 0x10000; c++) {
    if (!isBadClass(table[c]!)) continue;
    let last = c;
    while (last + 1 < 0x10000 && isBadClass(table[last + 1]!)) last++;
    ranges.push(last === c ? hex(c) : `${hex(c)}-${hex(last)}`);
    c = last;
  }
  // Without the u flag the pattern sees code units, halves of pairs included.
  return new RegExp(`[${ranges.join('')}\\ud800-\\udfff]`, 'g');
}

/** The Han characters of a legacy encoding's byte range, e.g. GB2312 level 1, as code points. */
function commonHan(encoding: string, leads: [number, number], trails: [number, number][], last: number): number[] {
  const bytes: number[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [lo, hi] of trails) for (let trail = lo; trail <= hi; trail++) if (((lead << 8) | trail) <= last) bytes.push(lead, trail);
  }
  const out: number[] = [];
  for (const ch of new TextDecoder(encoding).decode(Uint8Array.from(bytes))) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x4e00 && c <= 0x9fff) out.push(c);
  }
  return out;
}
