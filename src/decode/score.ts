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

const NEUTRAL = 0;
const GOOD = 1;
const ODD = 2;
const BAD = 3;
/** Han classes: common simplified, common traditional, or both (a character both scripts share). */
const HAN_S = 4;
const HAN_T = 5;
const HAN_ST = 6;

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
 */
export function isFreeOfBad(text: string, min: number): boolean {
  const table = classTable();
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 ? c === 0x7f : c < 0x09 || c > 0x0d) return false;
      continue;
    }
    nonAscii++;
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) return false;
      i++;
    } else if (table[c] === BAD) return false;
  }
  return nonAscii >= min;
}

/** Scores `text.slice(from, to)`. */
export function scoreText(text: string, from = 0, to = text.length): TextScore {
  const table = classTable();
  const s: TextScore = { chars: 0, nonAscii: 0, good: 0, goodNonAscii: 0, odd: 0, bad: 0, replaced: 0, nul: 0 };
  let simplified = 0;
  let traditional = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    s.chars++;
    if (c < 0x80) {
      if (c >= 0x20 ? c !== 0x7f : c >= 0x09 && c <= 0x0d) s.good++;
      else {
        s.bad++;
        if (c === 0) s.nul++;
      }
      continue;
    }
    s.nonAscii++;
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++; // a pair: CJK extension B and beyond, neutral
      else {
        s.bad++;
        s.replaced++;
      }
      continue;
    }
    switch (table[c]) {
      case GOOD:
        s.good++;
        s.goodNonAscii++;
        break;
      case ODD:
        s.odd++;
        break;
      case BAD:
        s.bad++;
        if (c === 0xfffd) s.replaced++;
        break;
      case HAN_S:
        simplified++;
        break;
      case HAN_T:
        traditional++;
        break;
      case HAN_ST:
        simplified++;
        traditional++;
        break;
    }
  }
  const han = Math.max(simplified, traditional);
  s.good += han;
  s.goodNonAscii += han;
  return s;
}

let TABLE: Uint8Array | undefined;

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
  for (const c of commonHan('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]], 0xd7f9)) t[c] = HAN_S;
  for (const c of commonHan('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]], 0xc67e)) t[c] = t[c] === HAN_S ? HAN_ST : HAN_T;
  TABLE = t;
  return t;
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
