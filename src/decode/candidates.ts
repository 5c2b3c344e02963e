/**
 * Propose, then decide: the encodings the bytes allow are decoded (a sample of them) and ranked by
 * how plausible their text is (score.ts). Byte statistics narrow the field: NUL bytes admit
 * UTF-16 (a Chinese page in UTF-8, GB18030 or Big5 holds none), an odd length rules it out.
 *
 * UTF-8, GB18030 and UTF-16 are decoded by Node's own TextDecoder: measured against iconv-lite
 * (scripts/bench-decode.mjs) it gives the same text on every GBK page tried, 1.5× faster, and it
 * turns lone UTF-16 surrogates into U+FFFD where iconv-lite passes them on. Big5 stays with
 * iconv-lite: Node's table maps the Hong Kong supplementary characters (HKSCS) to private use.
 */
import iconv from 'iconv-lite';
import type { Encoding } from '../types.js';
import { plausibility, scoreText, type TextScore } from './score.js';

/** Every encoding we decode, in the order that breaks a tie (the likelier source first). */
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'gb18030', 'big5', 'utf-16le', 'utf-16be'];

/** The byte-oriented encodings, whose line breaks are the byte 0x0A. */
export const BYTE_ENCODINGS: readonly Encoding[] = ['utf-8', 'gb18030', 'big5'];

const decoders = new Map<Encoding, { decode(input: Uint8Array): string }>();

/** Decodes `bytes` in `encoding`, undecodable bytes as U+FFFD. A leading BOM is kept. */
export function decodeWith(bytes: Uint8Array, encoding: Encoding): string {
  // Node's Big5 table maps the Hong Kong (HKSCS) codes to private use; iconv-lite has them.
  if (encoding === 'big5') return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5');
  let d = decoders.get(encoding);
  if (d === undefined) decoders.set(encoding, (d = new TextDecoder(encoding, { ignoreBOM: true })));
  return d.decode(bytes);
}

/** Counts U+FFFD in `text`. */
export function countReplaced(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** One candidate decoding of a sample. */
export interface Candidate {
  encoding: Encoding;
  score: TextScore;
  /** {@link plausibility} of `score`. */
  value: number;
  /** The decoded text when the sample was the whole input (so it need not be decoded again). */
  whole?: string;
}

/** Bytes of a file that are decoded to rank the candidates: enough for a clear lead, bounded for speed. */
export const SAMPLE_BYTES = 64 * 1024;

/**
 * The encodings byte statistics allow for `bytes`: UTF-16 only at an even length (a page of Han
 * characters alone has no NUL byte, so NULs are not required), the byte encodings only without
 * NULs, which none of them uses for text.
 */
export function allowedEncodings(bytes: Uint8Array): Encoding[] {
  const hasNul = bytes.subarray(0, SAMPLE_BYTES).indexOf(0) >= 0;
  const out: Encoding[] = hasNul ? [] : [...BYTE_ENCODINGS];
  if (bytes.length % 2 === 0) out.push('utf-16le', 'utf-16be');
  return out.length > 0 ? out : [...BYTE_ENCODINGS];
}

/** Ranks `encodings` on a sample of `bytes`, most plausible first (ties in {@link ENCODINGS} order). */
export function rankCandidates(bytes: Uint8Array, encodings: readonly Encoding[]): Candidate[] {
  const cut = sampleEnd(bytes);
  const ranked = encodings.map((encoding): Candidate => {
    const text = decodeWith(bytes.subarray(0, cut), encoding);
    // A sample cut inside a character ends in one U+FFFD that the whole file does not have.
    const end = cut < bytes.length && text.endsWith('\ufffd') ? text.length - 1 : text.length;
    const score = scoreText(text, 0, end);
    const candidate: Candidate = { encoding, score, value: plausibility(score, encoding) };
    if (cut === bytes.length) candidate.whole = text;
    return candidate;
  });
  return ranked.sort((a, b) => b.value - a.value || ENCODINGS.indexOf(a.encoding) - ENCODINGS.indexOf(b.encoding));
}

/** Where the sample ends: after the last line break in the first {@link SAMPLE_BYTES}, at an even offset. */
function sampleEnd(bytes: Uint8Array): number {
  if (bytes.length <= SAMPLE_BYTES) return bytes.length;
  const nl = bytes.lastIndexOf(0x0a, SAMPLE_BYTES - 1);
  const end = nl > SAMPLE_BYTES / 2 ? nl + 1 : SAMPLE_BYTES;
  return end & ~1;
}
