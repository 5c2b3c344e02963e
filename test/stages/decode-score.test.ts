import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTally, isFreeOfBad, newTally, scoreOfTally, scoreText, tallyText } from '../../src/decode/score.js';

/** Characters from every class the score tells apart, lone surrogates and pairs among them. */
const unit = fc.oneof(
  fc.constantFrom('本', '報', '，', '。', 'a', '1', ' ', '\n', '\t', '\0', '\x07', '\x7f', '\x85', '\ue000', '\ufffd', '\uffff', 'ア', '\ud800', '\udc00', '\ud840\udc00', '\u2000'),
  fc.string({ unit: 'binary', maxLength: 1 }),
);

describe('isFreeOfBad', () => {
  it('says what scoreText says: no bad character, and enough outside ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.integer({ min: 0, max: 20 }), (text, min) => {
        const score = scoreText(text);
        expect(isFreeOfBad(text, min)).toBe(score.bad === 0 && score.nonAscii >= min);
      }),
      { seed: 12, numRuns: 3000 },
    );
  });
});

describe('scoreText', () => {
  const zero = { chars: 1, nonAscii: 1, good: 0, goodNonAscii: 0, odd: 0, bad: 0, replaced: 0, nul: 0 };
  it.each([
    ['a common simplified Han character', '们', { ...zero, good: 1, goodNonAscii: 1 }],
    ['a common traditional Han character', '們', { ...zero, good: 1, goodNonAscii: 1 }],
    ['CJK punctuation', '，', { ...zero, good: 1, goodNonAscii: 1 }],
    ['a rare Han character', '\u9fa0', zero],
    ['kana', 'ア', { ...zero, odd: 1 }],
    ['private use', '\ue000', { ...zero, bad: 1 }],
    ['U+FFFD', '\ufffd', { ...zero, bad: 1, replaced: 1 }],
    ['a C1 control', '\x85', { ...zero, bad: 1 }],
    ['a surrogate pair', '\ud840\udc00', zero],
    ['a lone high surrogate', '\ud840', { ...zero, bad: 1, replaced: 1 }],
    ['a lone low surrogate', '\udc00', { ...zero, bad: 1, replaced: 1 }],
    ['NUL', '\0', { ...zero, nonAscii: 0, bad: 1, nul: 1 }],
    ['BEL', '\x07', { ...zero, nonAscii: 0, bad: 1 }],
    ['a tab', '\t', { ...zero, nonAscii: 0, good: 1 }],
    ['DEL', '\x7f', { ...zero, nonAscii: 0, bad: 1 }],
  ])('%s', (_, text, score) => {
    expect(scoreText(text)).toEqual(score);
  });

  it('counts the Han characters of the one script that matches better', () => {
    // 们 is simplified only, 們 traditional only, 本 both: max(2, 1) + 0, not 3.
    expect(scoreText('们本們').goodNonAscii).toBe(2);
    expect(scoreText('們們本们').goodNonAscii).toBe(3);
  });

  it('scores a range as the slice, a pair cut by its end counting as a lone half', () => {
    expect(scoreText('x\ud840\udc00y', 1, 2)).toEqual(scoreText('\ud840'));
    expect(scoreText('本報，ア', 1, 3)).toEqual(scoreText('報，'));
  });
});

describe('tallies', () => {
  it('of parts split outside a surrogate pair add up to the tally of the whole', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.nat(), (text, at) => {
        let cut = at % (text.length + 1);
        const c = text.charCodeAt(cut - 1);
        const d = text.charCodeAt(cut);
        if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) cut++;
        const sum = addTally(tallyText(text, newTally(), 0, cut), tallyText(text, newTally(), cut));
        expect(scoreOfTally(sum)).toEqual(scoreText(text));
      }),
      { seed: 12, numRuns: 3000 },
    );
  });
});
