/**
 * Stage 1: bytes → text, the encoding chosen by evidence. In order:
 *
 *  1. `--encoding` decodes as told (refused when most of it does not decode, naming what would).
 *  2. A BOM names the encoding.
 *  3. Strict UTF-8 that decodes into plausible text is UTF-8: UTF-8 is self-checking, so a long
 *     valid run is near proof (a file cut inside its last character still counts).
 *  4. Otherwise every encoding the byte statistics allow (UTF-8, GB18030, Big5; UTF-16LE/BE
 *     when there are NUL bytes) decodes a sample, and the most plausible text wins: the fewest
 *     U+FFFD, control and private-use characters, the most common Han characters and CJK
 *     punctuation (decode/score.ts). So a UTF-8 file with a few bad bytes stays UTF-8, and
 *     UTF-16 without a BOM is recognised by reading as text, not by counting NULs.
 *  5. A file that does not read cleanly in the winner is scanned line by line: regions that read
 *     clearly better in another encoding are decoded in it, with `decode/mixed` naming their
 *     lines (decode/regions.ts). A close runner-up gets `decode/ambiguous`.
 *
 * GBK and GB2312 are decoded as GB18030, their superset. Only this stage may mark a file unusable:
 * binary input and text that mostly does not decode are errors; the batch carries on.
 */
import { isUtf8 } from 'node:buffer';
import { allowedEncodings, BYTE_ENCODINGS, type Candidate, countReplaced, decodeCandidate, decodeWith, ENCODINGS, rankCandidates } from './decode/candidates.js';
import { byCoverage, findRegions, type Region } from './decode/regions.js';
import { goodShare, isFreeOfBad, looksClean, scoreText, type TextScore } from './decode/score.js';
import type { Context, DecodedText, Diagnostic, Encoding, StageResult } from './types.js';

/** Encodings accepted by `--encoding`, with the aliases people type. */
export const ENCODING_ALIASES: Readonly<Record<string, Encoding>> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16': 'utf-16le', utf16: 'utf-16le',
  'utf-16be': 'utf-16be', utf16be: 'utf-16be',
  gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', cp950: 'big5',
};

/** Parses a user-supplied encoding name; undefined when it is not one we decode. */
export function parseEncoding(name: string): Encoding | undefined {
  return ENCODING_ALIASES[name.trim().toLowerCase()];
}

/** Share of decoded characters that may be U+FFFD before a file is refused. */
const MAX_REPLACED_SHARE = 0.01;
/** Up to this many U+FFFD a file is never refused: a few damaged bytes in a short page are a warning. */
const MIN_REFUSED = 8;
/** Valid UTF-8 with at least this many non-ASCII characters is UTF-8 whatever it reads like. */
const UTF8_PROOF_CHARS = 16;
/** A sample with this many non-ASCII characters that reads cleanly in GB18030 needs no other candidate. */
const CLEAR_LEAD_CHARS = 64;
/** Share of non-ASCII characters that must be common for the chosen text to pass without a warning. */
const PLAUSIBLE_SHARE = 0.6;
/** With fewer non-ASCII characters than this, any clean runner-up makes the choice ambiguous. */
const AMBIGUOUS_BELOW_CHARS = 8;
/** A runner-up this close to the winner (as a share of its plausibility) makes the choice ambiguous. */
const AMBIGUOUS_RATIO = 0.85;

/** Decodes one input. `value` is undefined when the file is unusable (an error diagnostic says why). */
export function decodeBytes(bytes: Uint8Array, ctx: Context, forced?: Encoding): StageResult<DecodedText | undefined> {
  const file = ctx.name;
  if (forced) return decodeForced(bytes, forced, file);

  const bom = sniffBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (BYTE_ENCODINGS.includes(bom.encoding)) return decodeByRegions(bytes, body, bom.encoding, 'bom', file, []);
    return accept(bytes, { text: decodeWith(body, bom.encoding), encoding: bom.encoding, source: 'bom' }, file, []);
  }

  const utf8 = decodeUtf8Strict(bytes);
  if (utf8) {
    // Controls (NUL above all) may be UTF-16 read byte by byte: let the candidates decide. The
    // common case, a page of Han characters and no bad one, is settled without a full score.
    let valid = isFreeOfBad(utf8.text, UTF8_PROOF_CHARS);
    if (!valid) {
      const score = scoreText(utf8.text);
      valid = score.bad === 0 && goodShare(score) >= 0.5;
    }
    if (valid) {
      const diagnostics: Diagnostic[] = [];
      if (utf8.cut > 0) {
        diagnostics.push({
          severity: 'warning',
          code: 'decode/truncated-tail',
          message: 'the file ends in the middle of a UTF-8 character (a truncated download?); the last bytes were dropped',
          file,
        });
      }
      return { value: { text: utf8.text, encoding: 'utf-8', encodingSource: 'utf-8-valid', replaced: 0 }, diagnostics };
    }
  }

  // The usual case after UTF-8, GBK, settles the question alone: a long sample that reads cleanly as
  // GB18030 cannot read cleanly as Big5 (its commonest characters are kana and private use in GBK).
  const known: Candidate[] = [];
  if (bytes.indexOf(0) < 0) {
    const [gb] = rankCandidates(bytes, ['gb18030']);
    if (gb && gb.score.nonAscii >= CLEAR_LEAD_CHARS && looksClean(gb.score)) return decodeByRegions(bytes, bytes, 'gb18030', 'detected', file, [], gb);
    if (gb) known.push(gb);
  }

  // UTF-16 without a BOM must earn its place by reading as text: any even run of bytes decodes.
  const all = rankCandidates(bytes, allowedEncodings(bytes), known);
  const ranked = all.filter((c) => BYTE_ENCODINGS.includes(c.encoding) || goodShare(c.score) >= 0.5);
  const nul = bytes.indexOf(0);
  const best = ranked[0] ?? rankCandidates(bytes, BYTE_ENCODINGS)[0]!;
  if (nul >= 0 && !readsAsText(best)) {
    return refuse(file, 'decode/binary', `binary data (a NUL byte at byte ${nul}) that does not read as text in any supported encoding; this is not a text dump`);
  }
  const diagnostics = ambiguity([best, ...all.filter((c) => c !== best)], file);
  if (!BYTE_ENCODINGS.includes(best.encoding)) {
    diagnostics.push(...implausibility(best.score, best.encoding, file));
    return accept(bytes, { text: best.whole ?? decodeWith(bytes, best.encoding), encoding: best.encoding, source: 'detected' }, file, diagnostics);
  }
  return decodeByRegions(bytes, bytes, best.encoding, 'detected', file, diagnostics, best);
}

/** True when the best candidate for bytes holding NULs is text after all (UTF-16 without a BOM). */
function readsAsText(best: Candidate): boolean {
  return best.score.nul === 0 && best.value > 0 && best.score.replaced <= Math.max(MIN_REFUSED, best.score.chars * MAX_REPLACED_SHARE);
}

/**
 * True when `sample` (the first bytes of a stream, e.g. 64 KB) is binary: NUL bytes that read as
 * text in no encoding. The check decodeBytes makes, for a reader that must stop early (/dev/zero).
 */
export function looksBinary(sample: Uint8Array): boolean {
  if (sample.indexOf(0) < 0) return false;
  const even = sample.subarray(0, sample.length & ~1);
  const [best] = rankCandidates(even, allowedEncodings(even));
  return best === undefined || !readsAsText(best);
}

/** What a decoding produced, before the checks that may refuse it. */
interface Attempt {
  text: string;
  encoding: Encoding;
  source: DecodedText['encodingSource'];
  /** True when the text is known to hold no U+FFFD (its score counted none), so it need not be searched. */
  clean?: boolean;
}

function decodeForced(bytes: Uint8Array, encoding: Encoding, file: string): StageResult<DecodedText | undefined> {
  const bom = sniffBom(bytes);
  const body = bom?.encoding === encoding ? bytes.subarray(bom.length) : bytes;
  const result = accept(bytes, { text: stripBom(decodeWith(body, encoding)), encoding, source: 'option' }, file, []);
  // As told, but say so when the text reads poorly and another encoding reads it cleanly.
  if (result.value && result.value.replaced === 0 && goodShare(scoreText(result.value.text)) < PLAUSIBLE_SHARE) {
    const other = workingEncoding(bytes, encoding);
    if (other) {
      result.diagnostics.push({
        severity: 'warning',
        code: 'decode/implausible',
        message: `decoded as ${encoding} (--encoding), the text reads poorly; it reads cleanly as ${other}: pass --encoding ${other}, or leave --encoding out`,
        file,
      });
    }
  }
  return result;
}

/**
 * Decodes `body` (the input after any BOM) in `primary`; when it does not read cleanly, line by
 * line in the encodings its regions read best in.
 */
function decodeByRegions(
  input: Uint8Array,
  body: Uint8Array,
  primary: Encoding,
  source: DecodedText['encodingSource'],
  file: string,
  diagnostics: Diagnostic[],
  ranked?: Candidate,
): StageResult<DecodedText | undefined> {
  const { text: whole, score } = ranked ? decodeCandidate(body, ranked) : decodeAndScore(body, primary);
  if (looksClean(score)) return accept(input, { text: whole, encoding: primary, source, clean: true }, file, diagnostics);

  const regions = findRegions(body, primary);
  if (regions.length === 1) {
    const encoding = regions[0]!.encoding;
    if (encoding === primary) return accept(input, { text: whole, encoding, source }, file, [...diagnostics, ...implausibility(score, encoding, file)]);
    return accept(input, { text: decodeWith(body, encoding), encoding, source: 'detected' }, file, diagnostics);
  }
  const parts = regions.map((r) => decodeWith(body.subarray(r.start, r.end), r.encoding));
  const text = parts.join('');
  const main = byCoverage(regions)[0]!;
  // Point at the first line that is not in the main encoding.
  let offset = 0;
  let at = 0;
  regions.forEach((r, i) => {
    if (at === 0 && r.encoding !== main && i > 0) at = offset;
    offset += parts[i]!.length;
  });
  diagnostics.push({
    severity: 'warning',
    code: 'decode/mixed',
    message: `the file mixes encodings (${describeRegions(regions)}); each part was decoded in its own. Check those lines, or convert the file to one encoding`,
    file,
    span: [at, at],
  });
  return accept(input, { text, encoding: main, source: 'detected' }, file, diagnostics);
}

function decodeAndScore(body: Uint8Array, encoding: Encoding): { text: string; score: TextScore } {
  const text = decodeWith(body, encoding);
  return { text, score: scoreText(text) };
}

/** `lines 1–40 utf-8, 41–97 gb18030`. */
export function describeRegions(regions: readonly Region[]): string {
  const parts = regions.map((r) => `${r.firstLine === r.lastLine ? r.firstLine : `${r.firstLine}–${r.lastLine}`} ${r.encoding}`);
  return `line${regions.length > 1 || regions[0]!.firstLine !== regions[0]!.lastLine ? 's' : ''} ${parts.join(', ')}`;
}

/** Counts the characters that did not decode; warns about a few, refuses many (naming what would work). */
function accept(input: Uint8Array, attempt: Attempt, file: string, diagnostics: Diagnostic[]): StageResult<DecodedText | undefined> {
  const text = stripBom(attempt.text);
  const replaced = attempt.clean ? 0 : countReplaced(text);
  if (replaced > 0) {
    // Refused even when the encoding was chosen with --encoding: the text would be garbage.
    if (replaced > MIN_REFUSED && replaced > text.length * MAX_REPLACED_SHARE) {
      const other = workingEncoding(input, attempt.encoding);
      const fix = other ? `pass --encoding ${other}, which decodes it` : 'no supported encoding (utf-8, gb18030, big5, utf-16le, utf-16be) decodes it; is it a text dump?';
      return refuse(file, 'decode/undecodable', `${replaced} of ${text.length} characters could not be decoded as ${attempt.encoding}; ${fix}`);
    }
    const first = text.indexOf('\ufffd');
    const other = workingEncoding(input, attempt.encoding);
    diagnostics.push({
      severity: 'warning',
      code: 'decode/replaced',
      message: `${replaced} ${replaced === 1 ? 'character' : 'characters'} could not be decoded as ${attempt.encoding} and became U+FFFD (damaged bytes${attempt.encoding.startsWith('utf-16') ? ' or lone surrogates' : ''}); ${other ? `if the text looks wrong, pass --encoding ${other}` : 'the rest of the text is intact'}`,
      file,
      span: [first, first + 1],
    });
  }
  return { value: { text, encoding: attempt.encoding, encodingSource: attempt.source, replaced }, diagnostics };
}

/** An encoding other than `not` that decodes `input` cleanly, if there is one. */
function workingEncoding(input: Uint8Array, not: Encoding): Encoding | undefined {
  const body = input.subarray(sniffBom(input)?.length ?? 0);
  const ranked = rankCandidates(body, ENCODINGS.filter((e) => e !== not && (BYTE_ENCODINGS.includes(e) || body.length % 2 === 0)));
  return ranked.find((c) => works(c))?.encoding;
}

/** True when a candidate has no undecodable characters and reads like a page. */
function works(c: Candidate): boolean {
  return c.score.replaced === 0 && c.score.nul === 0 && c.value > 0 && looksClean(c.score);
}

/** A warning when the runner-up reads almost as well as the winner (a short text can fit several encodings). */
function ambiguity(ranked: readonly Candidate[], file: string): Diagnostic[] {
  const [best, next] = ranked;
  if (!best || !next || (best.score.nonAscii === 0 && next.score.nonAscii === 0)) return [];
  // A few characters outside ASCII fit several encodings: say so, whatever the runner-up's score.
  const short = best.score.nonAscii < AMBIGUOUS_BELOW_CHARS;
  if (!short && (next.score.bad > 0 || best.value <= 0 || next.value < best.value * AMBIGUOUS_RATIO)) return [];
  return [{
    severity: 'warning',
    code: 'decode/ambiguous',
    message: short
      ? `only ${best.score.nonAscii} non-ASCII ${best.score.nonAscii === 1 ? 'character' : 'characters'}: too little text to be sure it is ${best.encoding}; if it looks wrong, pass --encoding ${next.encoding}`
      : `the text reads as ${best.encoding} but almost as well as ${next.encoding}; if it looks wrong, pass --encoding ${next.encoding}`,
    file,
  }];
}

/**
 * A warning when even the best decoding reads poorly: too few of its non-ASCII characters are
 * common ones, or it holds control characters (damaged bytes that happen to decode).
 */
function implausibility(score: TextScore, encoding: Encoding, file: string): Diagnostic[] {
  const share = goodShare(score);
  const controls = score.bad - score.replaced;
  if (share >= PLAUSIBLE_SHARE && controls === 0) return [];
  const why = share < PLAUSIBLE_SHARE ? `only ${Math.round(share * 100)}% of its characters outside ASCII are common ones` : `it holds ${controls} control ${controls === 1 ? 'character' : 'characters'}`;
  return [{
    severity: 'warning',
    code: 'decode/implausible',
    message: `the text reads poorly in every supported encoding (as ${encoding}, the best, ${why}): damaged bytes, or not a text dump; if it looks wrong, pass --encoding`,
    file,
  }];
}

function refuse(file: string, code: string, message: string): StageResult<undefined> {
  return { value: undefined, diagnostics: [{ severity: 'error', code, message, file }] };
}

function stripBom(text: string): string {
  // A BOM of another form than the encoding's own decodes as U+FEFF; a leading one is never text.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function sniffBom(buf: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  // GB18030's own BOM (84 31 95 33).
  if (buf.length >= 4 && buf[0] === 0x84 && buf[1] === 0x31 && buf[2] === 0x95 && buf[3] === 0x33) return { encoding: 'gb18030', length: 4 };
  return undefined;
}

/** Strict UTF-8, allowing an unfinished character at the very end (`cut` bytes, dropped). */
function decodeUtf8Strict(buf: Uint8Array): { text: string; cut: number } | undefined {
  const cut = incompleteTailLength(buf);
  const body = cut > 0 ? buf.subarray(0, buf.length - cut) : buf;
  // A native check, not a fatal TextDecoder: its exception costs more than decoding a page.
  return isUtf8(body) ? { text: decodeWith(body, 'utf-8'), cut } : undefined;
}

/** Length of an unfinished UTF-8 sequence at the end of `buf` (0 when the tail is complete or not UTF-8). */
function incompleteTailLength(buf: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * The decode stage for text that is already a JS string (`splitText`): a leading BOM is dropped and
 * lone surrogates, which no UTF-8 output can hold, become U+FFFD with `decode/replaced`.
 */
export function decodeString(input: string, ctx: Context): StageResult<DecodedText> {
  let replaced = 0;
  const text = stripBom(input).replace(/[\ud800-\udfff]/gu, () => {
    replaced++;
    return '\ufffd';
  });
  const diagnostics: Diagnostic[] = [];
  if (replaced > 0) {
    const first = text.indexOf('\ufffd');
    diagnostics.push({
      severity: 'warning',
      code: 'decode/replaced',
      message: `${replaced} lone UTF-16 ${replaced === 1 ? 'surrogate' : 'surrogates'} (half a character) became U+FFFD; the string passed in was not well-formed`,
      file: ctx.name,
      span: [first, first + 1],
    });
  }
  return { value: { text, encoding: 'utf-8', encodingSource: 'option', replaced }, diagnostics };
}
