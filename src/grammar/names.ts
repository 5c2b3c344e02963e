/**
 * Personal names in credits, by surname (`src/data/surnames.ts`): is a word a person's name, and
 * where do names run together without a space split (`王大明李小红` → `王大明`, `李小红`).
 *
 * A name is a surname (single or compound) and a given name of one or two characters, none of
 * them a function word or a unit word. Names run together are cut where the cut reads as names:
 * when several cuts do, the one with more three-character names (the common length) wins, then the
 * one with the more common surnames (the surname list is in order of frequency); when two cuts tie
 * exactly the run is kept as one name.
 */
import { COMPOUND_SURNAMES, HONORIFICS, MAX_GIVEN_NAME, NOT_IN_GIVEN_NAMES, SINGLE_SURNAMES } from '../data/surnames.js';

// Lookups by UTF-16 unit, not by one-character strings: every credit token goes through them.
const SINGLE = unitFlags(SINGLE_SURNAMES);
const NOT_GIVEN = unitFlags(NOT_IN_GIVEN_NAMES.split(''));
const COMPOUND = new Set(COMPOUND_SURNAMES);
/** First units of the compound surnames: most characters open none, and need no lookup of a slice. */
const COMPOUND_FIRST = unitFlags(COMPOUND_SURNAMES.map((c) => c.charAt(0)));
const HAN = /^[\u4e00-\u9fff]+$/u;

/** 1 at each UTF-16 unit that is one of the one-character `words`. */
function unitFlags(words: readonly string[]): Uint8Array {
  const flags = new Uint8Array(0x10000);
  for (const w of words) if (w.length === 1) flags[w.charCodeAt(0)] = 1;
  return flags;
}

/** True when the two characters of `s` at `i` are a compound surname. */
function isCompoundAt(s: string, i: number): boolean {
  return i < s.length && COMPOUND_FIRST[s.charCodeAt(i)] === 1 && COMPOUND.has(s.slice(i, i + 2));
}

/** Length of the surname `s` opens with (2 for `欧阳`, 1 for `王`), 0 when none. */
export function surnameLength(s: string): number {
  if (s.length >= 3 && isCompoundAt(s, 0)) return 2;
  return s.length > 0 && SINGLE[s.charCodeAt(0)] === 1 ? 1 : 0;
}

/** True when `s` reads as one person's name: `王五`, `李小红`, `欧阳小明`; not `扩大`, `开封市`. */
export function isPersonName(s: string): boolean {
  if (s.length < 2 || s.length > 4 || !HAN.test(s)) return false;
  // A compound surname alone (`欧阳`) is no name.
  if (s.length === 2 && isCompoundAt(s, 0)) return false;
  const n = surnameLength(s);
  const given = s.length - n;
  if (n === 0 || given < 1 || given > MAX_GIVEN_NAME) return false;
  for (let i = n; i < s.length; i++) if (NOT_GIVEN[s.charCodeAt(i)] === 1) return false;
  for (const h of HONORIFICS) if (s.endsWith(h)) return false;
  return true;
}

/**
 * The names of a run of Han characters written without spaces (`王行增王君超`), or undefined when
 * the run is not two or more names or the cut is not clear. `张三李四` → `张三`, `李四`.
 */
export function splitRunTogether(s: string): string[] | undefined {
  if (s.length < 4 || s.length > 12 || !HAN.test(s)) return undefined;
  // A four-character name with a compound surname (`欧阳小明`) is one name.
  if (s.length === 4 && isCompoundAt(s, 0) && isPersonName(s)) return undefined;
  const cuts = partitions(s, 0);
  if (cuts.length <= 1) return cuts[0];
  // Several cuts: the one with more three-character names (the common length), then the one whose
  // surnames are the more common (`梁士华胡涛`: 胡 before 华); an exact tie stays one name.
  const ranked = cuts.map((c) => ({ c, threes: c.filter((n) => n.length === 3).length, rank: c.reduce((sum, n) => sum + surnameRank(n), 0) }));
  ranked.sort((a, b) => b.threes - a.threes || a.rank - b.rank);
  const [best, next] = ranked;
  return best!.threes === next!.threes && best!.rank === next!.rank ? undefined : best!.c;
}

const RANK = new Map(SINGLE_SURNAMES.map((c, i) => [c, i]));

/** How common a name's surname is: its place in the list (compound surnames count as rare). */
function surnameRank(name: string): number {
  return surnameLength(name) === 2 ? SINGLE_SURNAMES.length : (RANK.get(name.charAt(0)) ?? SINGLE_SURNAMES.length);
}

/** Every way to cut `s` from `from` into two or more names (a few at most: names are 2–4 long). */
function partitions(s: string, from: number): string[][] {
  const out: string[][] = [];
  for (let len = 2; len <= 4 && from + len <= s.length; len++) {
    const name = s.slice(from, from + len);
    // No cut falls inside a compound surname (`王强欧|阳明辉` is no reading of `王强欧阳明辉`).
    if (!isPersonName(name) || isCompoundAt(s, from + len - 1)) continue;
    if (from + len === s.length) {
      if (from > 0) out.push([name]);
      continue;
    }
    for (const rest of partitions(s, from + len)) out.push([name, ...rest]);
  }
  return from === 0 ? out.filter((c) => c.length >= 2) : out;
}
