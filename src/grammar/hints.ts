/**
 * A line's hints: which of a few sets of characters it holds, found in one pass over it, so that a
 * costly test (a regex, a credit parse) runs only on a line that holds what the test needs (issue
 * 12: regexes only on the few candidate lines). A hint is a necessary condition, never a
 * sufficient one: a gate names characters that every match of its test contains, and a line
 * without them cannot pass the test, so skipping it changes nothing.
 *
 * The gates are data (see {@link GATES}): each is a list of character sets, and a line opens the
 * gate when it holds a character of every set. One bit per distinct set; a table from each code
 * unit to the bits of the sets it belongs to, built once.
 */
import { CHROME_LINE_PATTERNS } from '../data/chrome.js';
import { AGENCIES, CLAUSE_PUNCT, CREDIT_LABELS, FURNITURE_PATTERNS, LOCAL_SOURCES, OUTLET_ENDINGS, ROLES } from '../data/markers.js';

/** The longest line whose hints are read; a longer one opens every gate (its tests have their own bounds). */
export const MAX_HINTED_LENGTH = 160;

/** Characters of which a dateline's source holds one: 本 of `本报`, the last of each agency's name and of each outlet ending. */
const SOURCE_CHARS = [...new Set([...LOCAL_SOURCES.map((w) => w.charAt(0)), ...[...AGENCIES, ...OUTLET_ENDINGS].map((w) => w.charAt(w.length - 1))])].join('');

/** Characters of which a credit with a role holds one: each role's and label's first, and the single marks. */
const CREDIT_CHARS = [...new Set([...ROLES, ...CREDIT_LABELS].map((w) => w.charAt(0)))].join('') + '摄图文报社台员者记';

/**
 * Each gate: character sets, every one of which a line must touch. The names are what `shapeOf`
 * asks; `furniture` has one gate per furniture pattern, in order (their `needs`).
 */
const GATES = {
  /** `（下转第4版）`: every continuation names a page (版). */
  continuation: ['版'],
  /** Every lead marker's form: 讯, 电, 消息, 报道 or (Taiwan's) 报导. */
  lead: ['讯电息道导'],
  /** The forms of `parseLeadMarker`, each on its own: `〔记者X／台北报导〕`, `（中央社台北3日电）`. */
  bracketedLead: ['〔（［【', '导道电'],
  /** `本报记者 王晶 报道：`. */
  reportedLead: ['本', '道'],
  /** `本报讯`, `新华社北京6月1日电`, `滨州日报讯`, `本报消息`: a source, then 讯, 电 or 消息. */
  datelineLead: ['讯电息', SOURCE_CHARS],
  /** `南都讯`, `信阳消息`, `据市气象台消息`. */
  shortSourceLead: ['讯息'],
  /** A credit's role word or mark (`CREDIT_HINT` in shape.ts). */
  credit: [CREDIT_CHARS],
  /** A credit in parentheses (`（赵六 孙七）`). */
  paren: ['（'],
  /** Clause punctuation: exact for a hinted line. */
  clause: [CLAUSE_PUNCT],
  /** `新华社发`, `本报发`: an agency's photo credit. */
  agencyPhoto: ['发'],
  /** A photo credit at the end of a caption (`本报记者 陈晨 摄`, `图/X`). */
  photoCredit: ['摄图'],
} as const satisfies Record<string, readonly string[]>;

type GateName = keyof typeof GATES;

const setBits = new Map<string, number>();
const table = new Uint32Array(0x10000);

/** The bits a gate needs, its character sets registered in the table. */
function gateOf(sets: readonly string[]): number {
  let mask = 0;
  for (const chars of sets) {
    let bit = setBits.get(chars);
    if (bit === undefined) {
      if (setBits.size === 32) throw new Error('hints: more than 32 character sets');
      bit = 1 << setBits.size;
      setBits.set(chars, bit);
      for (let k = 0; k < chars.length; k++) table[chars.charCodeAt(k)]! |= bit;
    }
    mask |= bit;
  }
  return mask >>> 0;
}

/** The bits of each named gate. */
export const GATE: Readonly<Record<GateName, number>> = Object.fromEntries(
  Object.entries(GATES).map(([name, sets]) => [name, gateOf(sets)]),
) as Record<GateName, number>;

/** The bits of each furniture pattern's gate, in the order of `FURNITURE_PATTERNS`. */
export const FURNITURE_GATES: readonly number[] = FURNITURE_PATTERNS.map((f) => gateOf(f.needs));

/** The bits of each web-chrome line pattern's gate, in the order of `CHROME_LINE_PATTERNS`. */
export const CHROME_GATES: readonly number[] = CHROME_LINE_PATTERNS.map((f) => gateOf(f.needs));

/** Every bit: what a line too long to be read opens. */
const ALL = 0xffffffff >>> 0;

/** The hints of a normalised line: the bits of every character set it touches. */
export function hintsOf(norm: string): number {
  if (norm.length > MAX_HINTED_LENGTH) return ALL;
  let hints = 0;
  for (let i = 0; i < norm.length; i++) hints |= table[norm.charCodeAt(i)]!;
  return hints >>> 0;
}

/** True when `hints` open the gate of `bits`: the line holds a character of each of its sets. */
export function opens(hints: number, bits: number): boolean {
  return ((hints & bits) >>> 0) === bits;
}

/** True when `hints` were read from the line (it was short enough), so a gate's answer is exact for a set test. */
export function isRead(norm: string): boolean {
  return norm.length <= MAX_HINTED_LENGTH;
}
