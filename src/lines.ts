/**
 * Stage 2a: text → lines. Splits on CR, LF and CRLF (each one break) and builds, for every line,
 * a normalised twin of the same length: half-width punctuation and full-width digits/letters
 * mapped one UTF-16 unit for one, and traditional characters to simplified ones (`報` → `报`,
 * `data/script.ts`), so a match at offset i in `norm` is the same span in `text`.
 */
import { PUNCT_TO_FULL } from './data/markers.js';
import { SIMPLIFIED_CODE, fromCodes } from './data/script.js';
import type { Line } from './types.js';

/**
 * Splits `text` into lines, a record for every one, white space lines included; spans exclude the
 * line break. The normalised twin is made once for the whole text, and each line's `norm` is its
 * slice of it. The pipeline reads {@link splitTextLines}; this is the plain form its tests check it against.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const norm = normalizeText(text);
  forEachLine(text, (start, end) => {
    lines.push(lineOf(text, norm, lines.length, start, end));
  });
  return lines;
}

/**
 * Each line's span and blankness, in three arrays indexed by 0-based line number: a few words a
 * line, where a `Line` (its text, its normalised twin, its span) costs a couple of hundred bytes,
 * so the records can go after repair, the last stage that reads them (issue 12). Plain arrays for
 * a text split whole ({@link splitTextLines}: a typed array's off-heap store made every small file
 * about a seventh slower), typed ones for a big text read in windows ({@link lineTableOf}: 9 bytes a
 * line, not 24).
 */
export interface LineTable {
  /** 0-based UTF-16 offset where each line starts in the decoded text. */
  readonly starts: ArrayLike<number>;
  /** 0-based UTF-16 offset where each line ends, its break excluded. */
  readonly ends: ArrayLike<number>;
  /** True (or 1) when the line's normalised text is white space only. */
  readonly blank: ArrayLike<boolean | number>;
}

/** Whether any line of the table holds more than white space. */
export function hasText(table: LineTable): boolean {
  for (let k = 0; k < table.blank.length; k++) if (!table.blank[k]) return true;
  return false;
}

/**
 * The lines of `text` as repair reads them, and the table of all of them: a line of white space
 * only ({@link isSpaceCode}, which repair skips) gets its row in the table and no `Line` record.
 * In a dump with a blank line between paragraphs that is half the records (issue 12).
 */
export function splitTextLines(text: string): { lines: Line[]; table: LineTable } {
  const lines: Line[] = [];
  const table = { starts: [] as number[], ends: [] as number[], blank: [] as boolean[] };
  const norm = normalizeText(text);
  forEachLine(text, (start, end) => {
    const index = table.starts.length;
    table.starts.push(start);
    table.ends.push(end);
    if (isBlankRange(text, start, end)) {
      table.blank.push(true);
      return;
    }
    const line = lineOf(text, norm, index, start, end);
    table.blank.push(line.norm.trim().length === 0);
    lines.push(line);
  });
  return { lines, table };
}

/**
 * The table of `text` with no `Line` records and no normalised twin: a big text's records are
 * made a window of lines at a time, by {@link linesOf} (`windows.ts`, issue 12). Its rows are
 * those of {@link splitTextLines}.
 */
export function lineTableOf(text: string): LineTable {
  // At most one line per break and one more: the arrays are cut to the lines found.
  const most = countOf(text, '\n') + countOf(text, '\r') + 1;
  const starts = new Int32Array(most);
  const ends = new Int32Array(most);
  const blank = new Uint8Array(most);
  let n = 0;
  forEachLine(text, (start, end) => {
    starts[n] = start;
    ends[n] = end;
    blank[n++] = isNormBlankRange(text, start, end) ? 1 : 0;
  });
  return { starts: starts.subarray(0, n), ends: ends.subarray(0, n), blank: blank.subarray(0, n) };
}

function countOf(text: string, unit: string): number {
  let n = 0;
  for (let i = text.indexOf(unit); i >= 0; i = text.indexOf(unit, i + 1)) n++;
  return n;
}

/**
 * The `Line` records {@link splitTextLines} makes for the table's rows `[from, to)`. Their twins
 * are sliced from the twin of those rows alone, which is the whole text's there: a line's twin
 * depends on its own units only ({@link normalizeText}).
 */
export function linesOf(text: string, table: LineTable, from: number, to: number): Line[] {
  const lines: Line[] = [];
  if (from >= to) return lines;
  const offset = table.starts[from]!;
  const piece = text.slice(offset, table.ends[to - 1]!);
  const twin = normalizeText(piece);
  for (let k = from; k < to; k++) {
    const start = table.starts[k]!;
    const end = table.ends[k]!;
    if (table.blank[k] && isBlankRange(text, start, end)) continue;
    const raw = text.slice(start, end);
    lines.push({ index: k, span: [start, end], text: raw, norm: twin === piece ? raw : twin.slice(start - offset, end - offset) });
  }
  return lines;
}

function lineOf(text: string, norm: string, index: number, start: number, end: number): Line {
  const raw = text.slice(start, end);
  return { index, span: [start, end], text: raw, norm: norm === text ? raw : norm.slice(start, end) };
}

/** Calls `visit` with the `[start, end)` of each line of `text`, in order. */
function forEachLine(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  // The next CR and the next LF, each found by a native scan and looked for again once passed.
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  for (let start = 0; ; ) {
    if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    const end = cr < 0 ? (lf < 0 ? n : lf) : lf < 0 ? cr : Math.min(cr, lf);
    // A final line break does not open an empty last line.
    if (start === n && n > 0) return;
    visit(start, end);
    if (end === n) return;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
}

/** True when `text.slice(start, end)` is white space only, as {@link isBlank} says, without the slice. */
function isBlankRange(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * True when the twin of `text.slice(start, end)` trims to nothing, as {@link splitTextLines} reads
 * `line.norm.trim()`, without making the twin: each unit's normal form looked up.
 */
function isNormBlankRange(text: string, start: number, end: number): boolean {
  const blank = (normBlank ??= normBlankUnits());
  for (let i = start; i < end; i++) if (blank[text.charCodeAt(i)] === 0) return false;
  return true;
}

/** For every UTF-16 unit, 1 when its normal form is white space to `String.prototype.trim`; made on first use. */
let normBlank: Uint8Array | undefined;

function normBlankUnits(): Uint8Array {
  const blank = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) blank[c] = String.fromCharCode(CODE_MAP[c]!).trim() === '' ? 1 : 0;
  // `.`, `"` and `．` map by their neighbours, never to white space.
  for (const c of [0x2e, 0x22, 0xff0e]) blank[c] = 0;
  return blank;
}

/** True when a line holds nothing but white space (ASCII, U+3000, NBSP, BOM, zero-width). */
export function isBlank(s: string): boolean {
  return isBlankRange(s, 0, s.length);
}

/** White space as it occurs in dumps: ASCII, tab, U+3000, NBSP, U+FEFF, zero-width space. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b || c === 12 || c === 11;
}

/** True for a CJK ideograph (BMP blocks; astral ideographs are pairs and never punctuation). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Maps half-width punctuation to full width, full-width digits and letters to ASCII, every kind
 * of space to U+0020 and traditional characters to simplified, one UTF-16 unit for one. A `.`
 * becomes `。` only after a Han character or a closing quote (so `381.60`, `1.` and `a@126.com`
 * keep theirs). Line breaks map to themselves, and a character after one maps as at the start, so
 * the twin of a whole text is the twins of its lines.
 */
export function normalizeText(s: string): string {
  if (s.length >= WHOLE_FILE_LENGTH) return mapLarge(s);
  return mapSparse(s) ?? mapDense(s);
}

/**
 * From this many UTF-16 units on (a whole big file), the twin is written into one array and
 * decoded natively: the slices {@link mapSparse} would copy are millions of small strings there,
 * which outlive the young generation while the list grows and then stay in the old one, as
 * garbage, until a full collection (issue 12). The array lives outside the heap and goes at the
 * next scavenge.
 */
const WHOLE_FILE_LENGTH = 1 << 20;

/** {@link mapDense} for a long text: `s` itself when nothing changes, else one native decode of the mapped units. */
function mapLarge(s: string): string {
  const { out, changed, wellFormed } = mapUnits(s);
  if (!changed) return s;
  // A lone surrogate is a unit the decoder would replace: then the units are copied as they are.
  return wellFormed && LITTLE_ENDIAN ? UTF16.decode(out) : fromChunks(out);
}

/** Every unit of `s` mapped, whether any changed, and whether every surrogate is half of a pair. */
function mapUnits(s: string): { out: Uint16Array; changed: boolean; wellFormed: boolean } {
  const out = new Uint16Array(s.length);
  let changed = false;
  let wellFormed = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const mapped = c === 0x2e || c === 0x22 || c === 0xff0e ? mapInContext(s, i, c) : CODE_MAP[c]!;
    out[i] = mapped;
    if (mapped !== c) changed = true;
    else if ((c & 0xf800) === 0xd800 && wellFormed) wellFormed = isPaired(s, i, c);
  }
  return { out, changed, wellFormed };
}

/** Whether the surrogate `c` at `i` is half of a pair. */
function isPaired(s: string, i: number, c: number): boolean {
  if (c < 0xdc00) return (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  return i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

/** Keeps a BOM (U+FEFF) where it stands: the units map one for one. */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** A `Uint16Array`'s bytes are UTF-16LE only on a little-endian machine. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * A simplified dump has few units to map (half-width commas, full-width digits): the runs between
 * them are copied as slices, and `s` itself comes back when nothing changes. Undefined when more
 * than one unit in {@link SPARSE_SHARE} changes, as in a traditional text: map it unit by unit.
 */
function mapSparse(s: string): string | undefined {
  const parts: string[] = [];
  const most = s.length / SPARSE_SHARE;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const mapped = c === 0x2e || c === 0x22 || c === 0xff0e ? mapInContext(s, i, c) : CODE_MAP[c]!;
    if (mapped === c) continue;
    if (parts.length >= most) return undefined;
    if (i > from) parts.push(s.slice(from, i));
    parts.push(String.fromCharCode(mapped));
    from = i + 1;
  }
  if (from === 0) return s;
  parts.push(s.slice(from));
  return parts.join('');
}

/** Changed units, as a share of a text's length, beyond which it is mapped unit by unit. */
const SPARSE_SHARE = 8;

function mapDense(s: string): string {
  return fromChunks(mapUnits(s).out);
}

function fromChunks(out: Uint16Array): string {
  let result = '';
  for (let i = 0; i < out.length; i += CHUNK) result += fromCodes(out.subarray(i, i + CHUNK));
  return result;
}

/** Arguments per `String.fromCharCode` call: well under every engine's limit. */
const CHUNK = 8192;

/** Every UTF-16 unit's normal form, for the characters whose mapping does not depend on their neighbours. */
const CODE_MAP: Uint16Array = (() => {
  const map = SIMPLIFIED_CODE.slice();
  for (const [half, full] of Object.entries(PUNCT_TO_FULL)) map[half.charCodeAt(0)] = full.charCodeAt(0);
  for (const c of [9, 11, 12, 0x3000, 0xa0, 0xfeff, 0x200b]) map[c] = 32;
  for (let c = 0xff10; c <= 0xff19; c++) map[c] = c - 0xff10 + 0x30;
  for (let c = 0xff21; c <= 0xff3a; c++) map[c] = c - 0xfee0;
  for (let c = 0xff41; c <= 0xff5a; c++) map[c] = c - 0xfee0;
  // Big5's slash and name dot as decoders give them: `記者X∕台北報導`, `威廉‧莎士比亞`.
  map[0x2215] = 0xff0f;
  map[0x2027] = 0xb7;
  return map;
})();

/** `.`, `"` and `．`, whose normal form depends on the character before them. */
function mapInContext(s: string, i: number, c: number): number {
  const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
  // `.` ends a sentence only after a Han character or a closing quote (`381.60`, `a@126.com` keep it).
  if (c === 0x2e) return isHan(prev) || prev === 0x201d || prev === 0xff09 ? 0x3002 : c;
  // An ASCII double quote opens after a space or at a line's start, closes otherwise.
  if (c === 0x22) return i === 0 || prev === 0x20 || prev === 0x0a || prev === 0x0d ? 0x201c : 0x201d;
  // Full-width full stop `．` is a decimal point between digits, a sentence end elsewhere.
  return (prev >= 48 && prev <= 57) || (prev >= 0xff10 && prev <= 0xff19) ? 46 : 0x3002;
}

/** The length of `text.slice(start, end)` trimmed as {@link trimBounds} trims, without the slice. */
export function trimmedLength(text: string, start: number, end: number): number {
  let a = start;
  let b = end;
  while (a < b && isSpaceCode(text.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(text.charCodeAt(b - 1))) b--;
  return b - a;
}

/** Offsets of the first and last non-space character of `s` + 1, or `[0, 0]` for a blank string. */
export function trimBounds(s: string): [number, number] {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
  return a === b ? [0, 0] : [a, b];
}
