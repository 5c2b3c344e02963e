import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFreeOfBad, scoreText } from '../../src/decode/score.js';

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
