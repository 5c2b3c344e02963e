/**
 * Display width in terminal columns, for the text summary, the diagnostics report and the progress
 * bar. East Asian wide and full-width characters (Han, kana, hangul, full-width punctuation) take
 * two columns (the table is get-east-asian-width's, Unicode's East_Asian_Width), emoji shown as
 * emoji two; colour codes, control characters, combining marks and zero-width characters none; the
 * rest one.
 *
 * Read a code point at a time, not by grapheme: an emoji sequence joined by U+200D, or a flag,
 * counts each of its emoji. string-width reads graphemes (it stays in the tests as the reference),
 * but building its `Intl.Segmenter` and loading its three modules cost some 35 ms of start-up on
 * every run, the runs that print no text included, for a case newspaper text does not have.
 */
import { eastAsianWidth } from 'get-east-asian-width';

/** ANSI escape sequences: CSI (`ESC [ … m`, colours and cursor moves) and OSC (`ESC ] … BEL`, links). */
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/gu;
/** Code points that take no column: combining and enclosing marks, and the default-ignorable ones (ZWSP, ZWJ, BOM, variation selectors). */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Default_Ignorable_Code_Point}]$/u;
/** Code points shown as emoji by default (`✅`, `😀`), which terminals draw two columns wide. */
const EMOJI = /^\p{Emoji_Presentation}$/u;

/** The number of terminal columns `s` takes. */
export function displayWidth(s: string): number {
  const plain = s.includes('\u001b') ? s.replace(ANSI, '') : s;
  let width = 0;
  for (const ch of plain) width += charWidth(ch);
  return width;
}

/** The columns of one code point (a lone surrogate takes none). */
function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  if (ZERO_WIDTH.test(ch)) return 0;
  if (EMOJI.test(ch)) return 2;
  return eastAsianWidth(cp);
}
