/**
 * Stage 1, decode: bytes → text. Each supported encoding decodes to the same string, a BOM is
 * dropped, line breaks are kept as they were, and unusable input is an error with a stable code
 * (`decode/binary`, `decode/undecodable`), never a throw. Codes from src/decode.ts.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeString, looksBinary, parseEncoding } from '../../src/decode.js';
import { describeRegions } from '../../src/decode.js';
import { splitBytes } from '../../src/index.js';
import type { Encoding } from '../../src/types.js';

const ctx = { name: '2026-06-02.txt' };
const TEXT = '全市防汛工作会议召开\n\n本报讯（记者 王晶）6月1日，全市防汛工作会议召开，部署今年防汛备汛工作。\n会议要求，各地要压实责任。\n';
const BIG5_TEXT = '臺北市召開防汛會議\n\n本報訊（記者 王晶）6月1日，臺北市召開防汛工作會議，部署今年防汛備汛工作。\n會議要求，各區要壓實責任，確保安全度汛。\n';

const bom = (bytes: number[], body: Uint8Array): Buffer => Buffer.concat([Buffer.from(bytes), body]);
/** What a decode returned, in one comparable value. */
function decoded(bytes: Uint8Array, forced?: Encoding) {
  const r = decodeBytes(bytes, ctx, forced);
  return { value: r.value, codes: r.diagnostics.map((d) => `${d.severity} ${d.code}`) };
}

describe('decode: every supported encoding gives the same text', () => {
  it.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8', 'utf-8-valid'],
    ['UTF-8 with a BOM', bom([0xef, 0xbb, 0xbf], Buffer.from(TEXT, 'utf8')), 'utf-8', 'bom'],
    ['UTF-16LE with a BOM', bom([0xff, 0xfe], iconv.encode(TEXT, 'utf-16le')), 'utf-16le', 'bom'],
    ['UTF-16BE with a BOM', bom([0xfe, 0xff], iconv.encode(TEXT, 'utf-16be')), 'utf-16be', 'bom'],
    ['GBK (decoded as its superset GB18030)', iconv.encode(TEXT, 'gbk'), 'gb18030', 'detected'],
    ['GB18030 with its own BOM', bom([0x84, 0x31, 0x95, 0x33], iconv.encode(TEXT, 'gb18030')), 'gb18030', 'bom'],
  ] as const)('%s', (_, bytes, encoding, encodingSource) => {
    expect(decoded(bytes)).toEqual({ value: { text: TEXT, encoding, encodingSource, replaced: 0 }, codes: [] });
  });

  it('GB18030 four-byte characters (CJK Extension A and B) survive', () => {
    const text = '㐀字与𠮷字：新华社北京6月1日电（记者 张三）他说，“𠀀”字很少见。\n';
    const bytes = iconv.encode(text, 'gb18030');
    // The premise: these characters really are four-byte sequences (GBK cannot hold them).
    expect(iconv.encode('㐀𠮷', 'gb18030').toString('hex')).toBe('8139ee399534b235');
    expect(decoded(bytes)).toEqual({ value: { text, encoding: 'gb18030', encodingSource: 'detected', replaced: 0 }, codes: [] });
  });

  it('Big5 (a Taiwan or Hong Kong paper) is detected and decoded', () => {
    expect(decoded(iconv.encode(BIG5_TEXT, 'big5'))).toEqual({
      value: { text: BIG5_TEXT, encoding: 'big5', encodingSource: 'detected', replaced: 0 },
      codes: [],
    });
  });

  it('UTF-16LE without a BOM is recognised by reading as text', () => {
    // No character here has 00 as its low byte, so every NUL sits on the odd side.
    const text = '本报讯（记者 王晶）6月1日，我市召集防汛会议。\n';
    expect(decoded(Buffer.from(text, 'utf16le'))).toEqual({ value: { text, encoding: 'utf-16le', encodingSource: 'detected', replaced: 0 }, codes: [] });
  });

  it('UTF-16LE and BE without a BOM holding a U+xx00 character (开 U+5F00) are still UTF-16, not binary', () => {
    // 召开 puts one NUL on the "wrong" side; the spaces, digits and line breaks put seven on the right one.
    expect(TEXT).toContain('开');
    expect(decoded(Buffer.from(TEXT, 'utf16le'))).toEqual({ value: { text: TEXT, encoding: 'utf-16le', encodingSource: 'detected', replaced: 0 }, codes: [] });
    expect(decoded(Buffer.from(TEXT, 'utf16le').swap16())).toEqual({ value: { text: TEXT, encoding: 'utf-16be', encodingSource: 'detected', replaced: 0 }, codes: [] });
  });

  it('an explicit encoding wins over detection', () => {
    expect(decoded(Buffer.from(BIG5_TEXT, 'utf8'), 'utf-8')).toEqual({ value: { text: BIG5_TEXT, encoding: 'utf-8', encodingSource: 'option', replaced: 0 }, codes: [] });
    expect(decoded(iconv.encode(TEXT, 'gbk'), 'gb18030').value?.encodingSource).toBe('option');
  });
});

describe('decode: line breaks are kept as they were', () => {
  it.each([
    ['CRLF', '标题\r\n\r\n正文。\r\n'],
    ['CR alone (old Mac exports)', '标题\r\r正文。\r'],
    ['mixed', '标题\r\n正文一。\r正文二。\n'],
  ])('%s', (_, text) => {
    expect(decoded(Buffer.from(text, 'utf8')).value?.text).toBe(text);
    expect(decoded(iconv.encode(text, 'gb18030')).value?.text).toBe(text);
  });
});

describe('decode: unusable and damaged input', () => {
  it('NUL bytes that are not UTF-16 → error decode/binary, no text', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(decoded(png)).toEqual({ value: undefined, codes: ['error decode/binary'] });
  });

  it('bytes that decode as nothing → error decode/undecodable, no text', () => {
    const junk = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xff : 0x80)));
    expect(decoded(junk)).toEqual({ value: undefined, codes: ['error decode/undecodable'] });
  });

  it('a UTF-8 file cut inside its last character → warning decode/truncated-tail, the rest decoded', () => {
    const full = Buffer.from('会议要求，各地要压实责任。', 'utf8');
    // 。 is three bytes: keep one of them.
    expect(decoded(full.subarray(0, full.length - 2))).toEqual({
      value: { text: '会议要求，各地要压实责任', encoding: 'utf-8', encodingSource: 'utf-8-valid', replaced: 0 },
      codes: ['warning decode/truncated-tail'],
    });
  });

  it('one bad byte in a long GBK file → warning decode/replaced, one U+FFFD', () => {
    const part = iconv.encode(TEXT.repeat(5), 'gbk');
    const r = decoded(Buffer.concat([part, Buffer.from([0xff]), part]));
    expect(r.codes).toEqual(['warning decode/replaced']);
    expect(r.value?.replaced).toBe(1);
    expect(r.value?.text).toBe(`${TEXT.repeat(5)}\ufffd${TEXT.repeat(5)}`);
  });

  it('an empty file decodes to empty text; the pipeline warns input/empty', () => {
    expect(decoded(new Uint8Array(0))).toEqual({ value: { text: '', encoding: 'utf-8', encodingSource: 'utf-8-valid', replaced: 0 }, codes: [] });
    const issue = splitBytes(new Uint8Array(0), ctx);
    expect([issue.articles, issue.leftovers, issue.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}`)]).toEqual([[], [], ['warning input/empty 2026-06-02.txt']]);
  });

  it('splitBytes on an unusable file: the error, named, and no articles', () => {
    const issue = splitBytes(Buffer.from([0x00, 0x01, 0x02, 0x00, 0x00, 0x03]), ctx);
    expect(issue.articles).toEqual([]);
    expect(issue.leftovers).toEqual([]);
    expect(issue.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}`)).toEqual(['error decode/binary 2026-06-02.txt']);
  });
});

describe('parseEncoding: the names people type', () => {
  it.each([
    ['utf8', 'utf-8'], ['UTF-8', 'utf-8'], [' gbk ', 'gb18030'], ['GB2312', 'gb18030'], ['cp936', 'gb18030'],
    ['utf16', 'utf-16le'], ['UTF-16BE', 'utf-16be'], ['big5-hkscs', 'big5'], ['latin1', undefined], ['', undefined],
  ])('%j → %s', (name, expected) => {
    expect(parseEncoding(name)).toBe(expected);
  });
});

describe('decode: the encoding is chosen by evidence (issue 11)', () => {
  const LONG = TEXT.repeat(4);

  it('UTF-8 with one invalid byte stays UTF-8 (it was read as GB18030): one U+FFFD, decode/replaced', () => {
    const bytes = Buffer.from(LONG, 'utf8');
    const at = bytes.indexOf(Buffer.from('会议要求', 'utf8'));
    const damaged = Buffer.concat([bytes.subarray(0, at), Buffer.from([0x80]), bytes.subarray(at)]);
    const r = decoded(damaged);
    expect(r.codes).toEqual(['warning decode/replaced']);
    expect(r.value).toEqual({ text: LONG.replace('会议要求', '\ufffd会议要求'), encoding: 'utf-8', encodingSource: 'detected', replaced: 1 });
  });

  it('UTF-8 with three invalid bytes stays UTF-8 (it was refused, advising big5)', () => {
    let bytes = Buffer.from(LONG, 'utf8');
    for (const word of ['部署', '压实', '召开']) {
      const at = bytes.indexOf(Buffer.from(word, 'utf8'));
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]);
    }
    const r = decodeBytes(bytes, ctx);
    expect([r.value?.encoding, r.value?.replaced, r.diagnostics.map((d) => d.code)]).toEqual(['utf-8', 3, ['decode/replaced']]);
    expect(r.value?.text.replace(/\ufffd/gu, '')).toBe(LONG);
  });

  it.each([
    ['UTF-16LE', 'utf-16le'],
    ['UTF-16BE', 'utf-16be'],
  ] as const)('%s without a BOM, its text full of 一 (U+4E00, a NUL on the "wrong" side), is UTF-16 (it was read as the other order)', (_, encoding) => {
    const text = '一二一三一四一五一六，一年一度一一对应。\n'.repeat(6);
    const bytes = encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
    expect(decoded(bytes)).toEqual({ value: { text, encoding, encodingSource: 'detected', replaced: 0 }, codes: [] });
  });

  it('UTF-16 without a BOM and without a single NUL byte (Han characters only) is still found', () => {
    const text = '全市防汛工作会议召开部署今年防汛备汛工作';
    expect(decoded(Buffer.from(text, 'utf16le').swap16()).value).toEqual({ text, encoding: 'utf-16be', encodingSource: 'detected', replaced: 0 });
  });

  it('a file of UTF-8 lines, then GBK lines, is decoded region by region with decode/mixed naming the lines', () => {
    const first = '全市防汛工作会议召开\n本报讯（记者 王晶）6月1日，全市防汛工作会议召开。\n';
    const rest = '会议要求，各地要压实责任，确保安全度汛。\n市委书记出席会议并讲话。\n';
    const r = decodeBytes(Buffer.concat([Buffer.from(first, 'utf8'), iconv.encode(rest, 'gbk')]), ctx);
    expect(r.value).toEqual({ text: first + rest, encoding: 'utf-8', encodingSource: 'detected', replaced: 0 });
    expect(r.diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'decode/mixed',
        message: 'the file mixes encodings (lines 1–2 utf-8, 3–4 gb18030); each part was decoded in its own. Check those lines, or convert the file to one encoding',
        file: ctx.name,
        span: [first.length, first.length],
      },
    ]);
  });

  it('a GBK file with a UTF-8 tail: mostly GB18030, the tail named', () => {
    const head = TEXT.repeat(3);
    const tail = '（下转第4版）\n责任编辑：王芳\n';
    const r = decodeBytes(Buffer.concat([iconv.encode(head, 'gbk'), Buffer.from(tail, 'utf8')]), ctx);
    expect([r.value?.text, r.value?.encoding, r.diagnostics.map((d) => d.code)]).toEqual([head + tail, 'gb18030', ['decode/mixed']]);
    expect(r.diagnostics[0]!.message).toContain('lines 1–12 gb18030, 13–14 utf-8');
  });

  it('a short Big5 text that GB18030 reads as well gets decode/ambiguous, naming the other', () => {
    // B0A1 B0A2 B1A1: frequently used characters in both tables.
    const r = decoded(Buffer.from([0xb0, 0xa1, 0xb0, 0xa2, 0xb1, 0xa1]));
    expect(r.codes).toEqual(['warning decode/ambiguous']);
    expect(decodeBytes(Buffer.from([0xb0, 0xa1, 0xb0, 0xa2, 0xb1, 0xa1]), ctx).diagnostics[0]!.message).toMatch(/--encoding (big5|gb18030)$/u);
  });

  it('lone surrogates in UTF-16 become U+FFFD with decode/replaced (they reached NDJSON as \\ud800)', () => {
    const units = Buffer.from('本报讯\ud800会议\udc00召开\n', 'utf16le');
    const r = decoded(Buffer.concat([Buffer.from([0xff, 0xfe]), units]));
    expect(r).toEqual({ value: { text: '本报讯\ufffd会议\ufffd召开\n', encoding: 'utf-16le', encodingSource: 'bom', replaced: 2 }, codes: ['warning decode/replaced'] });
    // And the text is well-formed: it survives UTF-8 unchanged.
    expect(Buffer.from(r.value!.text, 'utf8').toString('utf8')).toBe(r.value!.text);
  });

  it('a JS string with lone surrogates (splitText) gets the same: U+FFFD and decode/replaced', () => {
    expect(decodeString('\ufeff标题\ud83d\n正文。\udca9', ctx)).toEqual({
      value: { text: '标题\ufffd\n正文。\ufffd', encoding: 'utf-8', encodingSource: 'option', replaced: 2 },
      diagnostics: [{ severity: 'warning', code: 'decode/replaced', message: '2 lone UTF-16 surrogates (half a character) became U+FFFD; the string passed in was not well-formed', file: ctx.name, span: [2, 3] }],
    });
    expect(decodeString('𠮷字', ctx).diagnostics).toEqual([]);
  });
});

describe('decode: every refusal names what would work', () => {
  it('GBK forced as UTF-8 → decode/undecodable, advising --encoding gb18030', () => {
    const r = decodeBytes(iconv.encode(TEXT.repeat(3), 'gbk'), ctx, 'utf-8');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['decode/undecodable']);
    expect(r.diagnostics[0]!.message).toMatch(/could not be decoded as utf-8; pass --encoding gb18030, which decodes it$/u);
  });

  it('Big5 forced as UTF-8 → decode/undecodable, advising --encoding big5', () => {
    const r = decodeBytes(iconv.encode(BIG5_TEXT, 'big5'), ctx, 'utf-8');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['decode/undecodable']);
    expect(r.diagnostics[0]!.message).toMatch(/could not be decoded as utf-8; pass --encoding big5, which decodes it$/u);
  });

  it('UTF-8 forced as UTF-16LE decodes (every byte pair is a character) but warns decode/implausible, advising utf-8', () => {
    const r = decodeBytes(Buffer.from(TEXT, 'utf8'), ctx, 'utf-16le');
    expect([r.value?.encoding, r.diagnostics.map((d) => d.code)]).toEqual(['utf-16le', ['decode/implausible']]);
    expect(r.diagnostics[0]!.message).toMatch(/pass --encoding utf-8, or leave --encoding out$/u);
  });

  it('junk no encoding reads → decode/undecodable saying so', () => {
    const junk = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xff : 0x80)));
    expect(decodeBytes(junk, ctx).diagnostics[0]!.message).toMatch(/no supported encoding \(utf-8, gb18030, big5, utf-16le, utf-16be\) decodes it; is it a text dump\?$/u);
  });
});

describe('looksBinary: the check a stream reader makes on its first 64 KB', () => {
  it.each([
    ['64 KB of NUL (/dev/zero)', new Uint8Array(65536), true],
    ['a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), true],
    ['UTF-16LE text (NULs, but text)', Buffer.from(TEXT, 'utf16le'), false],
    ['UTF-8 text', Buffer.from(TEXT, 'utf8'), false],
    ['GBK text', iconv.encode(TEXT, 'gbk'), false],
  ])('%s → %s', (_, bytes, binary) => {
    expect(looksBinary(bytes)).toBe(binary);
  });
});

describe('describeRegions', () => {
  it.each([
    [[{ encoding: 'utf-8', start: 0, end: 9, firstLine: 1, lastLine: 1 }], 'line 1 utf-8'],
    [[{ encoding: 'utf-8', start: 0, end: 9, firstLine: 1, lastLine: 3 }, { encoding: 'gb18030', start: 9, end: 20, firstLine: 4, lastLine: 4 }], 'lines 1–3 utf-8, 4 gb18030'],
  ] as const)('%j → %s', (regions, text) => {
    expect(describeRegions(regions)).toBe(text);
  });
});
