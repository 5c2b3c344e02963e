/**
 * Property (issue 11): a page written in any supported encoding, with 0–3 of its bytes
 * overwritten by random values, is decoded in the encoding it was written in — or the decode
 * stage says so (a `decode/*` warning or error). Never silently in another encoding.
 *
 * Simplified pages come from the page generator; Big5 pages from traditional lines (Big5 cannot
 * hold simplified characters). UTF-16 is written without a BOM half of the time, so the choice
 * rests on the text alone. Another encoding that gives exactly the same text as the page's own
 * (any of UTF-8, GB18030 and Big5 for a page of ASCII; anything for an empty page) is no error.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/decode.js';
import { decodeWith } from '../../src/decode/candidates.js';
import type { Encoding } from '../../src/types.js';
import { PROPERTY_SEED, pageText } from '../helpers/generators.js';

const RUNS = { seed: PROPERTY_SEED, numRuns: 2000 };

/** Lines of a Taiwan or Hong Kong paper, to build Big5 pages from. */
const TRADITIONAL = [
  '臺北市召開防汛工作會議',
  '本報訊（記者 王曉明）6月1日，臺北市召開防汛工作會議，部署今年防汛備汛工作。',
  '會議要求，各區要壓實責任，確保安全度汛。',
  '市長在講話中指出，要進一步提高認識，加強組織領導。',
  '據中央社報導，行政院昨日通過明年度總預算案。',
  '責任編輯：陳國華',
  '第3版 要聞',
  '（上接第1版）',
  '圖為市民在公園裏參觀花展。 本報記者 張偉攝',
];
const traditionalPage = fc.array(fc.constantFrom(...TRADITIONAL, ''), { minLength: 1, maxLength: 12 }).map((ls) => ls.join('\n') + '\n');

/** A page with some text on it: an empty one has no encoding to find (its bytes are a BOM at most). */
const page = pageText.filter((t) => /\S/u.test(t));

type Written = { encoding: Encoding; bom: boolean; text: string };
const written: fc.Arbitrary<Written> = fc.oneof(
  fc.record({ encoding: fc.constantFrom<Encoding>('utf-8', 'gb18030', 'utf-16le', 'utf-16be'), bom: fc.boolean(), text: page }),
  fc.record({ encoding: fc.constant<Encoding>('big5'), bom: fc.constant(false), text: traditionalPage }),
);

function encode({ encoding, bom, text }: Written): Buffer {
  const body = iconv.encode(text, encoding);
  if (!bom) return body;
  const marks: Record<Encoding, number[]> = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff], gb18030: [0x84, 0x31, 0x95, 0x33], big5: [] };
  return Buffer.concat([Buffer.from(marks[encoding]), body]);
}

/** Up to three [position (0–1), byte] pairs. */
const corruption = fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 3 });

function corrupt(bytes: Buffer, damage: [number, number][]): Buffer {
  const out = Buffer.from(bytes);
  for (const [at, byte] of damage) if (out.length > 0) out[Math.floor(at * out.length)] = byte;
  return out;
}

/** The text `bytes` hold in `encoding`, its BOM (if any) dropped. */
function readAs(bytes: Buffer, page: Written): string {
  const text = decodeWith(bytes, page.encoding);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

describe('property: encodings chosen by evidence', () => {
  it('a page in any encoding with 0–3 corrupted bytes is decoded in its own encoding, or warned about', () => {
    let silentRight = 0;
    fc.assert(
      fc.property(written, corruption, (page, damage) => {
        const bytes = corrupt(encode(page), damage);
        const r = decodeBytes(bytes, { name: 'page.txt' });
        const said = r.diagnostics.some((d) => d.code.startsWith('decode/'));
        const right = r.value !== undefined && (r.value.encoding === page.encoding || r.value.text === readAs(bytes, page));
        if (right && !said) silentRight++;
        expect({ right, said, got: r.value?.encoding, codes: r.diagnostics.map((d) => d.code) }).toSatisfy((o: { right: boolean; said: boolean }) => o.right || o.said);
      }),
      RUNS,
    );
    // Not vacuous: most pages are decoded right without a word.
    expect(silentRight).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it('undamaged pages are decoded exactly, with no decode diagnostic but, for a page too short to tell, decode/ambiguous', () => {
    let ambiguous = 0;
    fc.assert(
      fc.property(written, (page) => {
        const bytes = encode(page);
        const r = decodeBytes(bytes, { name: 'page.txt' });
        const codes = r.diagnostics.map((d) => d.code);
        if (codes.includes('decode/ambiguous')) {
          ambiguous++;
          expect(codes).toEqual(['decode/ambiguous']);
          return;
        }
        expect(codes).toEqual([]);
        expect(r.value?.text).toBe(page.text);
      }),
      RUNS,
    );
    // A warning for short pages only, not a habit.
    expect(ambiguous).toBeLessThan(RUNS.numRuns / 20);
  });
});
