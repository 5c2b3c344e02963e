/**
 * Property (a): random pages mixing every line family a dump holds never make the pipeline throw,
 * and every non-blank line stays accounted for exactly once (test/helpers/invariants.ts), through
 * both front ends: `splitText` on the string and `splitBytes` on its UTF-8 bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitBytes, splitText } from '../../src/index.js';
import { PROPERTY_SEED, pageText } from '../helpers/generators.js';
import { checkInvariants } from '../helpers/invariants.js';

describe('property: mixtures of page lines', () => {
  it('splitText keeps every invariant on 2000 generated pages', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const issue = splitText(text, { name: '2026-06-02.txt' });
        expect(checkInvariants(text, issue)).toEqual([]);
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });

  it('splitBytes on the UTF-8 bytes gives the same issue as splitText', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const fromBytes = splitBytes(Buffer.from(text, 'utf8'), { name: '2026-06-02.txt' });
        const fromText = splitText(text, { name: '2026-06-02.txt' });
        expect(fromBytes.articles).toEqual(fromText.articles);
        expect(fromBytes.leftovers).toEqual(fromText.leftovers);
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
});
