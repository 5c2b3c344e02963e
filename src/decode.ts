/**
 * Stage 1: bytes → text. Order of evidence: an explicit `--encoding`, a BOM, strict UTF-8
 * (a fatal TextDecoder: UTF-8 is self-checking, so success is near proof), UTF-16 without a BOM
 * (NUL bytes on one parity), then jschardet on a sample for the legacy CJK family. GBK and
 * GB2312 are decoded as GB18030, their superset, so 4-byte characters survive.
 *
 * Only this stage may mark a file unusable: binary input (NUL bytes that are not UTF-16) and
 * text with too many undecodable bytes are errors; the batch carries on with other files.
 */
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
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
/** Bytes handed to the detector: enough for a confident guess, bounded for speed. */
const DETECT_SAMPLE = 64 * 1024;
/** Bytes jschardet reads to tell GB18030 from Big5. */
const LEGACY_SAMPLE = 8 * 1024;

/** Decodes one input. `value` is undefined when the file is unusable (an error diagnostic says why). */
export function decodeBytes(
  bytes: Uint8Array,
  ctx: Context,
  forced?: Encoding,
): StageResult<DecodedText | undefined> {
  const diagnostics: Diagnostic[] = [];
  const file = ctx.name;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  if (forced) return finish(decodeAs(buf, forced, 'option'), diagnostics, file);

  const bom = sniffBom(buf);
  if (bom) return finish(decodeAs(buf, bom, 'bom'), diagnostics, file);

  const nul = buf.indexOf(0);
  if (nul >= 0) {
    const utf16 = guessUtf16(buf);
    if (utf16) return finish(decodeAs(buf, utf16, 'detected'), diagnostics, file);
    diagnostics.push({
      severity: 'error',
      code: 'decode/binary',
      message: `binary data (a NUL byte at byte ${nul}); this is not a text dump. If it is UTF-16 without a BOM, pass --encoding utf-16le`,
      file,
    });
    return { value: undefined, diagnostics };
  }

  const utf8 = decodeUtf8Strict(buf);
  if (utf8.ok) return finish({ text: utf8.text, encoding: 'utf-8', encodingSource: 'utf-8-valid', replaced: 0 }, diagnostics, file);
  if (utf8.truncatedTail) {
    diagnostics.push({
      severity: 'warning',
      code: 'decode/truncated-tail',
      message: 'the file ends in the middle of a UTF-8 character (a truncated download?); the last bytes were dropped',
      file,
    });
    return finish({ text: utf8.text, encoding: 'utf-8', encodingSource: 'utf-8-valid', replaced: 0 }, diagnostics, file);
  }

  const guess = detectLegacy(buf);
  return finish(decodeAs(buf, guess, 'detected'), diagnostics, file);
}

function finish(decoded: DecodedText, diagnostics: Diagnostic[], file: string): StageResult<DecodedText | undefined> {
  if (decoded.replaced > 0) {
    const share = decoded.replaced / Math.max(1, decoded.text.length);
    const other = decoded.encoding === 'gb18030' ? 'big5' : 'gb18030';
    // Refused even when the encoding was chosen with --encoding: the text would be garbage.
    if (share > MAX_REPLACED_SHARE) {
      diagnostics.push({
        severity: 'error',
        code: 'decode/undecodable',
        message: `${decoded.replaced} characters could not be decoded as ${decoded.encoding}; pass the right --encoding (for example --encoding ${other})`,
        file,
      });
      return { value: undefined, diagnostics };
    }
    diagnostics.push({
      severity: 'warning',
      code: 'decode/replaced',
      message: `${decoded.replaced} characters could not be decoded as ${decoded.encoding} and became U+FFFD; if the text looks wrong, pass --encoding`,
      file,
    });
  }
  return { value: decoded, diagnostics };
}

function sniffBom(buf: Buffer): Encoding | undefined {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  // GB18030's own BOM (84 31 95 33).
  if (buf.length >= 4 && buf[0] === 0x84 && buf[1] === 0x31 && buf[2] === 0x95 && buf[3] === 0x33) return 'gb18030';
  return undefined;
}

/** The fewest 2-byte units a file needs before it can be guessed to be UTF-16 without a BOM. */
const MIN_UTF16_PAIRS = 8;
/** How many times more NULs one byte parity must hold than the other in UTF-16 without a BOM. */
const UTF16_PARITY_RATIO = 3;

/** UTF-16 without a BOM: the NUL bytes of ASCII characters (newlines at least) sit on one parity. */
function guessUtf16(buf: Buffer): Encoding | undefined {
  const n = Math.min(buf.length, DETECT_SAMPLE) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (pairs < MIN_UTF16_PAIRS) return undefined;
  // ASCII characters in UTF-16 put their NUL on one side; Han characters such as 一 (U+4E00) put a
  // few on the other. Binary data has them on both sides about equally.
  let guess: Encoding | undefined;
  if (oddNul / pairs > 0.01 && oddNul >= UTF16_PARITY_RATIO * evenNul) guess = 'utf-16le';
  if (evenNul / pairs > 0.01 && evenNul >= UTF16_PARITY_RATIO * oddNul) guess = 'utf-16be';
  if (guess === undefined) return undefined;
  // And decoded, it reads as text: no NULs or other control characters but tabs, line and page breaks.
  const sample = iconv.decode(buf.subarray(0, n), guess);
  return /[\u0000-\u0008\u000e-\u001f]/u.test(sample) ? undefined : guess;
}

function decodeUtf8Strict(buf: Buffer): { ok: boolean; truncatedTail: boolean; text: string } {
  try {
    return { ok: true, truncatedTail: false, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf) };
  } catch {
    // Valid except for an incomplete sequence in the last 3 bytes: a cut-off file, still UTF-8.
    const cut = incompleteTailLength(buf);
    if (cut > 0) {
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, buf.length - cut));
        return { ok: false, truncatedTail: true, text };
      } catch {
        /* not UTF-8 at all */
      }
    }
    return { ok: false, truncatedTail: false, text: '' };
  }
}

/** Length of an unfinished UTF-8 sequence at the end of `buf` (0 when the tail is complete or not UTF-8). */
function incompleteTailLength(buf: Buffer): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Picks GB18030 or Big5 for text that is not UTF-8. GB18030 is the default: most dumps come from Windows tools. */
function detectLegacy(buf: Buffer): Encoding {
  // jschardet runs every prober it has over the sample whatever `detectEncodings` says, so it
  // reads only the start: a few KB of Han text tell GB from Big5.
  const sample = buf.subarray(0, LEGACY_SAMPLE);
  const guess = jschardet.detect(sample, { detectEncodings: ['GB2312', 'Big5', 'UTF-8'] });
  if (/big5/i.test(guess.encoding ?? '') && guess.confidence >= 0.5) return 'big5';
  return 'gb18030';
}

function decodeAs(buf: Buffer, encoding: Encoding, source: DecodedText['encodingSource']): DecodedText {
  let text = iconv.decode(buf, encoding, { stripBOM: true });
  // iconv-lite keeps a BOM of another encoding's form as U+FEFF; a leading one is never text.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  return { text, encoding, encodingSource: source, replaced };
}
