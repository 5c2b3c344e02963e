/**
 * Property (c): one generated page gives the same articles whatever its bytes. UTF-8, GB18030
 * and UTF-16LE with a BOM decode to the same string, so the articles and leftovers must be equal
 * field for field, spans included. CRLF line ends add one unit per break, so with CRLF every field
 * but the spans must be equal (line numbers too: CRLF is one break).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type Issue, splitBytes } from '../../src/index.js';
import { PROPERTY_SEED, pageText } from '../helpers/generators.js';
import { withoutSpans } from '../helpers/project.js';

const NAME = '2026-06-02.txt';
const split = (bytes: Uint8Array): Issue => splitBytes(bytes, { name: NAME });

describe('property: the same page in every encoding gives the same articles', () => {
  it('UTF-8, GB18030, UTF-16LE+BOM: identical articles and leftovers; CRLF: identical but for spans', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const utf8 = split(Buffer.from(text, 'utf8'));
        const gb = split(iconv.encode(text, 'gb18030'));
        const utf16 = split(iconv.encode(text, 'utf-16le', { addBOM: true }));
        const crlf = split(Buffer.from(text.replace(/\n/gu, '\r\n'), 'utf8'));
        expect(gb.encoding).toBe(/^[\x00-\x7f]*$/u.test(text) ? 'utf-8' : 'gb18030');
        expect(utf16.encoding).toBe('utf-16le');
        for (const other of [gb, utf16]) {
          expect(other.articles).toEqual(utf8.articles);
          expect(other.leftovers).toEqual(utf8.leftovers);
        }
        expect(withoutSpans(crlf.articles)).toEqual(withoutSpans(utf8.articles));
        expect(withoutSpans(crlf.leftovers)).toEqual(withoutSpans(utf8.leftovers));
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
});
