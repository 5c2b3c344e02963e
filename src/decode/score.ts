/**
 * How plausible a decoded text is as a Chinese newspaper page. A wrong decoding of Chinese bytes
 * gives characters that such a page never holds (U+FFFD, private-use and control characters),
 * characters it rarely holds (kana, Hangul, Greek, Cyrillic, the Latin of mis-read UTF-8), or Han
 * characters outside the common set; the right one gives common Han characters, CJK and ASCII
 * punctuation, letters, digits and line breaks.
 *
 * The common set is derived, not listed: GB2312 level 1 (3,755 characters, by frequency of
 * use) and Big5's frequently used characters (5,401), decoded once from their byte ranges with
 * the same TextDecoder that decodes the input. Simplified and traditional pages both score well
 * in every encoding, so a score compares decodings of one input fairly.
 */

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

/** Weight of one bad character against one good one. */
const BAD_WEIGHT = 4;

/** One number to compare decodings of the same bytes: higher is more plausible. */
export function plausibility(s: TextScore): number {
  return s.good - s.odd - BAD_WEIGHT * s.bad;
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

/** Scores `text.slice(from, to)`. */
export function scoreText(text: string, from = 0, to = text.length): TextScore {
  const table = classTable();
  const s: TextScore = { chars: 0, nonAscii: 0, good: 0, goodNonAscii: 0, odd: 0, bad: 0, replaced: 0, nul: 0 };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    s.chars++;
    if (c < 0x80) {
      if (c >= 0x20 ? c !== 0x7f : c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) s.good++;
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
    }
  }
  return s;
}

let TABLE: Uint8Array | undefined;

/** The class of every BMP character, built on first use (about 1 ms). */
function classTable(): Uint8Array {
  if (TABLE) return TABLE;
  const t = new Uint8Array(0x10000).fill(ODD);
  const set = (from: number, to: number, cls: number): void => void t.fill(cls, from, to + 1);
  set(0x80, 0x9f, BAD); // C1 controls
  set(0xa0, 0x24f, NEUTRAL); // Latin-1 and Latin Extended: ×, °, pinyin tone marks
  set(0x2000, 0x206f, GOOD); // general punctuation: — … “ ” ‘ ’ ※
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
  for (const c of commonHan()) t[c] = GOOD;
  TABLE = t;
  return t;
}

/** GB2312 level 1 and Big5's frequently used characters, as code points. */
function commonHan(): number[] {
  const out: number[] = [];
  const collect = (encoding: string, leads: [number, number], trails: [number, number][], last: number): void => {
    const bytes: number[] = [];
    for (let lead = leads[0]; lead <= leads[1]; lead++) {
      for (const [lo, hi] of trails) for (let trail = lo; trail <= hi; trail++) if (((lead << 8) | trail) <= last) bytes.push(lead, trail);
    }
    for (const ch of new TextDecoder(encoding).decode(Uint8Array.from(bytes))) {
      const c = ch.codePointAt(0)!;
      if (c >= 0x4e00 && c <= 0x9fff) out.push(c);
    }
  };
  collect('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]], 0xd7f9);
  collect('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]], 0xc67e);
  return out;
}
