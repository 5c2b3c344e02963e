/**
 * Decode decides from a sample (the first 64 KB) and reuses the sample's work for the whole file.
 * These inputs are the ones where a sample could mislead: the part that decides comes late, the
 * sample ends inside a character or a long line, or the bytes are not text at all. Each must get
 * the encoding and diagnostics that reading the whole file gives.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, looksBinary } from '../../src/decode.js';
import { decodeCandidate, decodeWith, rankCandidates } from '../../src/decode/candidates.js';
import { scoreText } from '../../src/decode/score.js';

const ctx = { name: '2026-06-02.txt' };
const SIMPLIFIED = '本报讯（记者 王晶）6月1日，全市防汛工作会议召开，部署今年防汛备汛工作。会议要求，各地要压实责任，确保安全度汛。\n';
const TRADITIONAL = '中華民國一百一十年，臺灣地區的報紙發行量與讀者人數持續變化。記者報導指出，這項調查顯示多數民眾仍習慣閱讀紙本報紙。\n';
const ASCII = 'The quick brown fox 123, jumps over the lazy dog.\n';

const gbk = (text: string): Buffer => iconv.encode(text, 'gb18030');
const big5 = (text: string): Buffer => iconv.encode(text, 'big5');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
/** `text` repeated to at least `bytes` UTF-8 bytes. */
const fill = (text: string, bytes: number): string => text.repeat(Math.ceil(bytes / Buffer.byteLength(text)));
/** Deterministic bytes, a `nul` share of them zero. */
function noise(length: number, nul: number): Buffer {
  let seed = 5;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const r = seed / 0x80000000;
    out[i] = r < nul ? 0 : Math.floor((r - nul) / (1 - nul) * 256);
  }
  return out;
}

function decoded(bytes: Uint8Array) {
  const r = decodeBytes(bytes, ctx);
  return { encoding: r.value?.encoding, codes: r.diagnostics.map((d) => d.code) };
}

describe('decode: the part that decides comes after the sample', () => {
  it.each([
    ['GBK after 70 KB of ASCII', () => Buffer.concat([utf8(fill(ASCII, 70_000)), gbk(fill(SIMPLIFIED, 30_000))]), 'gb18030', []],
    ['one line of GBK after 66 KB of ASCII', () => Buffer.concat([utf8(fill(ASCII, 66_000)), gbk(SIMPLIFIED)]), 'gb18030', []],
    ['Big5 after 66 KB of ASCII', () => Buffer.concat([utf8(fill(ASCII, 66_000)), big5(fill(TRADITIONAL, 20_000))]), 'big5', []],
    ['GBK, then a late Big5 part', () => Buffer.concat([gbk(fill(SIMPLIFIED, 90_000)), big5(fill(TRADITIONAL, 6_000))]), 'gb18030', ['decode/mixed']],
    ['UTF-8, then a late GBK part', () => Buffer.concat([utf8(fill(SIMPLIFIED, 70_000)), gbk(fill(SIMPLIFIED, 3_000))]), 'utf-8', ['decode/mixed']],
    ['GB18030 whose four-byte characters come late', () => Buffer.concat([gbk(fill(SIMPLIFIED, 70_000)), gbk('𠀀𠮷㐀字\n'), gbk(fill(SIMPLIFIED, 10_000))]), 'gb18030', []],
    ['GBK with damaged bytes after the sample', () => Buffer.concat([gbk(fill(SIMPLIFIED, 70_000)), Buffer.from([0x81, 0x0a, 0xff, 0x80]), gbk(fill(SIMPLIFIED, 10_000))]), 'gb18030', ['decode/replaced']],
    ['GBK with control characters after the sample', () => Buffer.concat([gbk(fill(SIMPLIFIED, 70_000)), Buffer.from([0x07, 0x01]), gbk(fill(SIMPLIFIED, 10_000))]), 'gb18030', ['decode/implausible']],
    ['ASCII and one GBK character at the end', () => Buffer.concat([utf8(fill(ASCII, 80_000)), gbk('中')]), 'utf-8', ['decode/implausible', 'decode/replaced']],
  ] as const)('%s', (_, make, encoding, codes) => {
    expect(decoded(make())).toEqual({ encoding, codes });
  });
});

describe('decode: samples that end badly', () => {
  it.each([
    ['GBK with no line break in its first 64 KB', () => gbk(fill(SIMPLIFIED.replace('\n', ''), 100_000)), 'gb18030', []],
    ['GBK cut in the middle of its last character', () => gbk(fill(SIMPLIFIED, 100_000) + '中').subarray(0, -1), 'gb18030', ['decode/replaced']],
    ['Big5 of 150 KB', () => big5(fill(TRADITIONAL, 150_000)), 'big5', []],
  ] as const)('%s', (_, make, encoding, codes) => {
    expect(decoded(make())).toEqual({ encoding, codes });
  });

  it('gives the whole-file text and score from the sample, however the sample ends', () => {
    const text = fill(SIMPLIFIED + TRADITIONAL + '𠀀x\n', 100_000);
    for (const bytes of [gbk(text), big5(text), utf8(text), Buffer.concat([Buffer.from([0x81]), utf8(text)])]) {
      for (let shift = 0; shift < 6; shift++) {
        const input = Buffer.concat([Buffer.from('x'.repeat(shift)), bytes]);
        for (const c of rankCandidates(input, ['utf-8', 'gb18030', 'big5'])) {
          const whole = decodeWith(input, c.encoding);
          expect(decodeCandidate(input, c)).toEqual({ text: whole, score: scoreText(whole) });
        }
      }
    }
  });
});

describe('decode: UTF-16 without a BOM and binary input', () => {
  it.each([
    ['UTF-16LE', () => Buffer.from(fill(SIMPLIFIED, 90_000), 'utf16le'), 'utf-16le', []],
    ['UTF-16BE', () => Buffer.from(fill(SIMPLIFIED, 90_000), 'utf16le').swap16(), 'utf-16be', []],
    ['UTF-16LE of odd length', () => Buffer.concat([Buffer.from(fill(SIMPLIFIED, 6_000), 'utf16le'), Buffer.from('x')]), undefined, ['decode/binary']],
    ['noise with NUL bytes', () => noise(100_000, 0.1), undefined, ['decode/binary']],
    ['noise without NUL bytes', () => noise(100_000, 0), undefined, ['decode/binary']],
    ['20 KB of noise, then GBK', () => Buffer.concat([noise(20_000, 0), gbk(fill(SIMPLIFIED, 40_000))]), undefined, ['decode/binary']],
  ] as const)('%s', (_, make, encoding, codes) => {
    expect(decoded(make())).toEqual({ encoding, codes });
  });

  it('looksBinary agrees on a stream head', () => {
    expect(looksBinary(noise(65_536, 0.1))).toBe(true);
    expect(looksBinary(Buffer.from(fill(SIMPLIFIED, 65_536), 'utf16le').subarray(0, 65_536))).toBe(false);
  });
});
