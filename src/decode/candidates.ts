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
import { newTally, plausibility, scoreOfTally, scoreText, type Tally, tallyText, type TextScore } from './score.js';

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
  /**
   * When the sample was a part of the input and its decoding ended cleanly (no character left
   * unfinished): its length in characters and its tally. The decoding of the whole input starts
   * with the sample's text then, so only the rest of it is scored (see {@link decodeCandidate}).
   */
  head?: { chars: number; tally: Tally };
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

/**
 * Ranks `encodings` on a sample of `bytes`, most plausible first (ties in {@link ENCODINGS} order).
 * `known` holds candidates already ranked on the same bytes, which are not decoded again.
 */
export function rankCandidates(bytes: Uint8Array, encodings: readonly Encoding[], known: readonly Candidate[] = []): Candidate[] {
  const cut = sampleEnd(bytes);
  const ranked = encodings.map((encoding): Candidate => {
    const seen = known.find((c) => c.encoding === encoding);
    if (seen) return seen;
    const text = decodeWith(bytes.subarray(0, cut), encoding);
    // A sample cut inside a character ends in one U+FFFD that the whole file does not have.
    const end = cut < bytes.length && text.endsWith('\ufffd') ? text.length - 1 : text.length;
    const tally = tallyText(text, newTally(), 0, end);
    const score = scoreOfTally(tally);
    const candidate: Candidate = { encoding, score, value: plausibility(score, encoding) };
    if (cut === bytes.length) candidate.whole = text;
    else if (end === text.length) candidate.head = { chars: end, tally };
    return candidate;
  });
  return ranked.sort((a, b) => b.value - a.value || ENCODINGS.indexOf(a.encoding) - ENCODINGS.indexOf(b.encoding));
}

/**
 * The whole of `bytes` decoded in a candidate's encoding, and its score, with the sample's work
 * reused. A decoder that ends a part of the input without an unfinished character is in its first
 * state there (none of ours looks ahead), so the sample's text is a prefix of the whole text and
 * its tally counts that prefix: only the rest is scored.
 */
export function decodeCandidate(bytes: Uint8Array, c: Candidate): { text: string; score: TextScore } {
  if (c.whole !== undefined) return { text: c.whole, score: c.score };
  const text = decodeWith(bytes, c.encoding);
  if (c.head === undefined) return { text, score: scoreText(text) };
  return { text, score: scoreOfTally(tallyText(text, c.head.tally.slice(), c.head.chars)) };
}

/** Where the sample ends: after the last line break in the first {@link SAMPLE_BYTES}, at an even offset. */
function sampleEnd(bytes: Uint8Array): number {
  if (bytes.length <= SAMPLE_BYTES) return bytes.length;
  const nl = bytes.lastIndexOf(0x0a, SAMPLE_BYTES - 1);
  const end = nl > SAMPLE_BYTES / 2 ? nl + 1 : SAMPLE_BYTES;
  return end & ~1;
}
