/**
 * Property (b): hostile input never makes either front end throw, and whatever comes back keeps
 * the invariants. Random Unicode (astral characters, combining marks, controls), lone surrogates,
 * random bytes, and pages made only of markers, only of headlines or only of blank lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/decode.js';
import { type Issue, splitBytes, splitText } from '../../src/index.js';
import { PROPERTY_SEED, blankLine, headlineLine, leadLine } from '../helpers/generators.js';
import { checkInvariants } from '../helpers/invariants.js';

const RUNS = { seed: PROPERTY_SEED, numRuns: 2000 };
const NAME = '2026-06-02.txt';

/** Splits a string through splitText and asserts the invariants on it. */
function textHolds(text: string): void {
  const issue = splitText(text, { name: NAME });
  // What the spans point into: no BOM, and lone surrogates (which UTF-8 output cannot hold) as U+FFFD.
  const decoded = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/[\ud800-\udfff]/gu, '\ufffd');
  expect(checkInvariants(decoded, issue)).toEqual([]);
  expect(issue.diagnostics.some((d) => d.code === 'decode/replaced')).toBe(decoded.includes('\ufffd') && !text.includes('\ufffd'));
}

/** Splits bytes through splitBytes; an unusable file has an error and nothing else. */
function bytesHold(bytes: Uint8Array): Issue {
  const issue = splitBytes(bytes, { name: NAME });
  const decoded = decodeBytes(bytes, { name: NAME }).value;
  if (decoded === undefined) {
    expect(issue.articles).toEqual([]);
    expect(issue.leftovers).toEqual([]);
    expect(issue.diagnostics.some((d) => d.severity === 'error' && d.code.startsWith('decode/'))).toBe(true);
  } else {
    expect(checkInvariants(decoded.text, issue)).toEqual([]);
  }
  return issue;
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const lines = (line: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.array(line, { maxLength: 30 }).map((ls) => ls.join('\n'));

describe('property: hostile input never throws', () => {
  it('random Unicode strings (any code point, with line breaks)', () => {
    const unit = fc.oneof({ arbitrary: fc.string({ unit: 'binary', maxLength: 1 }), weight: 8 }, { arbitrary: fc.constantFrom('\n', '\r', '\r\n', '本报讯（', '。'), weight: 2 });
    fc.assert(fc.property(fc.string({ unit, maxLength: 200 }), textHolds), RUNS);
  });

  it('printable graphemes (combining sequences, emoji, CJK)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), textHolds), RUNS);
  });

  it('strings with lone surrogates, through splitText and as UTF-16LE bytes', () => {
    const unit = fc.oneof(loneSurrogate, fc.constantFrom('\n', '王晶', '本报讯（记者 王晶）', '会议。', '（下转第4版）'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        textHolds(text);
        bytesHold(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      }),
      RUNS,
    );
  });

  it('random bytes through splitBytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void bytesHold(bytes)), RUNS);
  });

  it('random bytes behind each BOM', () => {
    const bom = fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x84, 0x31, 0x95, 0x33]);
    fc.assert(fc.property(bom, fc.uint8Array({ maxLength: 300 }), (b, rest) => void bytesHold(Buffer.concat([Buffer.from(b), rest]))), RUNS);
  });

  it('pages of nothing but lead markers', () => {
    const bare = fc.constantFrom('本报讯', '本报讯（', '【本报讯】', '新华社北京6月1日电', '据新华社电', '本报讯（记者 王晶）', '本报记者 王晶 报道：');
    fc.assert(fc.property(lines(fc.oneof(bare, leadLine)), textHolds), RUNS);
  });

  it('pages of nothing but headlines', () => {
    fc.assert(fc.property(lines(headlineLine), textHolds), RUNS);
  });

  it('pages of nothing but blank lines: a warning, no articles, no leftovers', () => {
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(blankLine, { maxLength: 50 }), ending, (ls, eol) => {
        const text = ls.join(eol);
        const issue = splitText(text, { name: NAME });
        expect(issue.articles).toEqual([]);
        expect(issue.leftovers).toEqual([]);
        expect(issue.diagnostics.map((d) => d.code)).toEqual(['input/empty']);
      }),
      RUNS,
    );
  });
});
