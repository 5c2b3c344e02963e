/**
 * Stage 2a, lines: text → lines with spans, and each line's normalised twin. The twin must have
 * exactly the original's length (offsets in `norm` are offsets in `text`, STYLE.md §2), map
 * half-width punctuation to full width and leave everything else where it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank, lineTableOf, linesOf, normalizeText, splitLines, splitTextLines, trimBounds } from '../../src/lines.js';
import { PROPERTY_SEED } from '../helpers/generators.js';

/** Lines as `[text, start, end]`. */
const cut = (text: string) => splitLines(text).map((l) => [l.text, ...l.span]);

describe('splitLines: CR, LF and CRLF are each one break; spans exclude the break', () => {
  it.each([
    ['LF', '标题\n\n正文。\n', [['标题', 0, 2], ['', 3, 3], ['正文。', 4, 7]]],
    ['CRLF', '标题\r\n\r\n正文。\r\n', [['标题', 0, 2], ['', 4, 4], ['正文。', 6, 9]]],
    ['CR', '标题\r\r正文。\r', [['标题', 0, 2], ['', 3, 3], ['正文。', 4, 7]]],
    ['mixed, no final break', '一\r\n二\r三\n四', [['一', 0, 1], ['二', 3, 4], ['三', 5, 6], ['四', 7, 8]]],
    ['LF CR is two breaks', '一\n\r二', [['一', 0, 1], ['', 2, 2], ['二', 3, 4]]],
    ['empty text is one empty line', '', [['', 0, 0]]],
    ['a lone break is one empty line', '\n', [['', 0, 0]]],
  ])('%s', (_, text, expected) => {
    expect(cut(text)).toEqual(expected);
  });

  it('numbers lines from 0 and slices the source exactly', () => {
    const text = '第一行\r\n第二行\n\n第四行';
    const lines = splitLines(text);
    expect(lines.map((l) => l.index)).toEqual([0, 1, 2, 3]);
    for (const l of lines) expect(text.slice(...l.span)).toBe(l.text);
  });
});

describe('normalizeText: half-width → full-width, one unit for one', () => {
  it.each([
    ['comma, colon, semicolon, parentheses', '本报讯 (记者王晶)6月1日,会议指出:要;', '本报讯 （记者王晶）6月1日，会议指出：要；'],
    ['question and exclamation marks', '怎么办?干!', '怎么办？干！'],
    ['a full stop after Han is a sentence end', '会议召开.下一步', '会议召开。下一步'],
    ['a decimal point stays', '接种381.60万剂次', '接种381.60万剂次'],
    ['a list number stays', '1.举报内容', '1.举报内容'],
    ['an e-mail address stays', 'jzyjbg@126.com', 'jzyjbg@126.com'],
    ['full-width digits and letters become ASCII', '３月２日ＡＢ', '3月2日AB'],
    ['full-width full stop between digits is a decimal point', '３．５', '3.5'],
    ['ideographic and other spaces become U+0020', '刘\u3000畅\u00a0王\t晶', '刘 畅 王 晶'],
    ['ASCII double quotes open after a space, close otherwise', '他说 "好"', '他说 “好”'],
    ['traditional characters become simplified', '本報訊（記者 王曉明）', '本报讯（记者 王晓明）'],
    ['a quote after a line break opens, as at the start', '好"\n"他说', '好”\n“他说'],
    ['full-width text is left as it is', '本报讯（记者 王晶）6月1日，会议召开。', '本报讯（记者 王晶）6月1日，会议召开。'],
  ])('%s', (_, text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });

  it('every line\'s norm has its text\'s length, for any string (2000 generated)', () => {
    const unit = fc.oneof(fc.string({ unit: 'binary', maxLength: 1 }), fc.constantFrom(',', '.', '(', ')', '"', '３', '\u3000', '．', '本', '報', '\r\n', '\n', '\r'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 120 }), (text) => {
        for (const l of splitLines(text)) {
          expect(l.norm.length).toBe(l.text.length);
          expect(l.norm).toBe(normalizeText(l.text));
        }
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
});

describe('normalizeText of a whole big file (over a million units): as the lines would map', () => {
  it.each([
    ['half-width punctuation and quotes', '本报讯 (记者王晶)6月1日,会议.指出:"好" ３．５ a.b\ufeff'],
    ['a lone surrogate among pairs', '报\ud800道 \ud842\udfb7 ,\udc00.'],
    ['nothing to change', '全市安全生产工作会议召开。'],
  ])('%s', (_, line) => {
    const lines = Array.from({ length: Math.ceil(1.1e6 / line.length) }, (_, k) => `${line}${k % 7 === 0 ? ',' : ''}`);
    expect(normalizeText(lines.join('\n'))).toBe(lines.map(normalizeText).join('\n'));
  });
});

describe('splitTextLines: every line in the table, a record for each line repair reads', () => {
  it('keeps no record of a white-space line, and its row says blank', () => {
    const { lines, table } = splitTextLines('标题\r\n\u3000 \r\n\r\n正文。\n');
    expect(lines.map((l) => [l.index, l.text, ...l.span])).toEqual([[0, '标题', 0, 2], [3, '正文。', 10, 13]]);
    expect(table).toEqual({ starts: [0, 4, 8, 10], ends: [2, 6, 8, 13], blank: [false, true, true, false] });
  });

  it('agrees with splitLines on every string (2000 generated)', () => {
    const unit = fc.oneof(fc.string({ unit: 'binary', maxLength: 1 }), fc.constantFrom(' ', '\u3000', '\u200b', '\u2028', '本', '\r\n', '\n', '\r'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const all = splitLines(text);
        const { lines, table } = splitTextLines(text);
        expect(lines).toEqual(all.filter((l) => !isBlank(l.text)));
        expect(table).toEqual({
          starts: all.map((l) => l.span[0]),
          ends: all.map((l) => l.span[1]),
          blank: all.map((l) => l.norm.trim().length === 0),
        });
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
});

describe('lineTableOf and linesOf: the same rows and records, a window of lines at a time', () => {
  it('gives a big text typed rows, and the records of the rows asked for', () => {
    const text = '标题\r\n\u3000 \r\n\u2003\r\n正文,完。\n';
    const table = lineTableOf(text);
    expect([Array.from(table.starts), Array.from(table.ends), Array.from(table.blank)]).toEqual([[0, 4, 8, 11], [2, 6, 9, 16], [0, 1, 1, 0]]);
    // U+2003 is no space to repair, but its twin trims to nothing: a record, and a blank row.
    expect(linesOf(text, table, 1, 4).map((l) => [l.index, l.text, l.norm, ...l.span])).toEqual([[2, '\u2003', '\u2003', 8, 9], [3, '正文,完。', '正文，完。', 11, 16]]);
  });

  it('agrees with splitTextLines on every string and every window of it (2000 generated)', () => {
    const unit = fc.oneof(fc.string({ unit: 'binary', maxLength: 1 }), fc.constantFrom(' ', '\u3000', '\u2003', '\u200b', '\u2028', '本', '.', '"', '．', '\r\n', '\n', '\r'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.nat(), fc.nat(), (text, x, y) => {
        const { lines, table } = splitTextLines(text);
        const typed = lineTableOf(text);
        expect({ starts: Array.from(typed.starts), ends: Array.from(typed.ends), blank: Array.from(typed.blank, Boolean) }).toEqual(table);
        const rows = table.starts.length;
        const [from, to] = [x % (rows + 1), y % (rows + 1)].sort((a, b) => a - b) as [number, number];
        expect(linesOf(text, typed, from, to)).toEqual(lines.filter((l) => l.index >= from && l.index < to));
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
});

describe('isBlank and trimBounds: the white space dumps contain', () => {
  it.each([
    ['', true], [' \t', true], ['\u3000\u3000', true], ['\u00a0\ufeff\u200b', true], ['　。', false], ['a', false],
  ])('isBlank(%j) → %s', (s, expected) => {
    expect(isBlank(s)).toBe(expected);
  });

  it.each([
    ['\u3000\u3000会议召开。 ', [2, 7]],
    ['会议', [0, 2]],
  ])('trimBounds(%j) → %j', (s, expected) => {
    expect(trimBounds(s)).toEqual(expected);
  });

  it('trimBounds of a blank string is [0, 0], as documented', () => {
    expect(trimBounds('   ')).toEqual([0, 0]);
  });
});
