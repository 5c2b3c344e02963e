/**
 * Traditional and simplified script: the character table of `script-table.ts` (generated from
 * OpenCC) as a lookup by UTF-16 unit, the simplified twin of a text, and which script a text is in.
 * Every list in `data/` is written in simplified characters; traditional text is matched against
 * them through its twin, which has the text's length, so offsets found in it are offsets in the text.
 */
import { SIMPLIFIED_ONLY, TRADITIONAL_TO_SIMPLIFIED } from './script-table.js';

/**
 * The script a text is printed in: `traditional`, `simplified`, or `mixed` (both in force). Defined
 * here, with the rule that decides it, because data imports only data; `types.ts` re-exports it.
 */
export type Script = 'traditional' | 'simplified' | 'mixed';

/** Each UTF-16 unit's simplified form, itself when it has none: `臺` → `台`, `a` → `a`. */
export const SIMPLIFIED_CODE: Uint16Array = (() => {
  const map = new Uint16Array(0x10000);
  for (let c = 0; c < map.length; c++) map[c] = c;
  for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
    map[TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i)] = TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i + 1);
  }
  return map;
})();

/** 1 for a character only simplified script writes (`这`), by UTF-16 unit: a table, as the scan runs over whole files. */
const SIMPLIFIED_ONLY_FLAGS: Uint8Array = (() => {
  const flags = new Uint8Array(0x10000);
  for (let i = 0; i < SIMPLIFIED_ONLY.length; i++) flags[SIMPLIFIED_ONLY.charCodeAt(i)] = 1;
  return flags;
})();

/**
 * `s` with every traditional character replaced by its simplified form, one unit for one:
 * `本報訊（記者 王曉明）` → `本报讯（记者 王晓明）`. Returns `s` itself when nothing changes.
 */
export function toSimplified(s: string): string {
  let changed = 0;
  for (let i = 0; i < s.length; i++) if (SIMPLIFIED_CODE[s.charCodeAt(i)] !== s.charCodeAt(i)) changed++;
  if (changed === 0) return s;
  // A simplified text with a few traditional characters (乾, 於) is copied as slices of its
  // unchanged runs; a traditional text is mapped unit by unit.
  return changed * SPARSE_RATIO < s.length ? mapSparse(s) : mapDense(s);
}

/** Fewer changed characters than one in this many: copy the unchanged runs as slices. */
const SPARSE_RATIO = 32;
/** Arguments per `String.fromCharCode` call: well under every engine's limit. */
const CHUNK = 8192;

/**
 * The string of some UTF-16 units. `apply` with the typed array, not a spread, which walks it
 * through the iterator protocol and is twenty times slower.
 */
export function fromCodes(units: Uint16Array): string {
  return String.fromCharCode.apply(null, units as unknown as number[]);
}

function mapSparse(s: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const mapped = SIMPLIFIED_CODE[c]!;
    if (mapped === c) continue;
    if (i > from) parts.push(s.slice(from, i));
    parts.push(String.fromCharCode(mapped));
    from = i + 1;
  }
  parts.push(s.slice(from));
  return parts.join('');
}

function mapDense(s: string): string {
  const out = new Uint16Array(s.length);
  for (let k = 0; k < s.length; k++) out[k] = SIMPLIFIED_CODE[s.charCodeAt(k)]!;
  let result = '';
  for (let k = 0; k < out.length; k += CHUNK) result += fromCodes(out.subarray(k, k + CHUNK));
  return result;
}

/** One script wins when it has this many times the other's distinctive characters. */
const SCRIPT_RATIO = 10;

/**
 * Counts the characters only traditional script writes (`報`, `這`) and those only simplified
 * writes (`报`, `这`). A text with no traditional-only character, or ten times as many
 * simplified-only ones, is `simplified`; one with ten times as many traditional-only ones is
 * `traditional`; anything between is `mixed`.
 */
export function scriptOf(text: string): Script {
  let traditional = 0;
  let simplified = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (SIMPLIFIED_CODE[c] !== c) traditional++;
    else simplified += SIMPLIFIED_ONLY_FLAGS[c]!;
  }
  if (traditional === 0 || simplified >= traditional * SCRIPT_RATIO) return 'simplified';
  return traditional >= simplified * SCRIPT_RATIO ? 'traditional' : 'mixed';
}
