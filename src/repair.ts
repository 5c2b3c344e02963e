/**
 * Stage 2b: lines → paragraphs, repairing the layout. Two kinds of break fall inside sentences:
 *
 * 1. Column breaks: a blank line (or a plain line end) in the middle of a sentence, even of a
 *    word: `……贯彻落实中央` / blank / `决策部署和省委……`. A piece that reads as body text (it
 *    carries clause punctuation) but does not end a sentence continues in the next piece when that
 *    piece is body text too. The clause-punctuation test is what keeps a 17-character tail such
 *    as `刘伟在讲话中指出,2025年全市统` from passing for a headline.
 * 2. Hard wraps at a fixed width (PDF-to-text of narrow columns): when most long lines of a file
 *    share one length, a line of that length that does not end a sentence continues on the next.
 *
 * A furniture line (a page footer) between the two halves does not end the sentence either.
 *
 * Everything else is a real break: pieces that end a sentence, list items, section heads,
 * signatures, lead markers and credits always start a new paragraph. One pass, linear.
 */
import { MAX_TITLE_LENGTH, endsSentence, headRunInCuts, inlineCreditStart, shapeOf, tableCells } from './grammar/shape.js';
import { LIST_ITEM_PATTERN } from './data/markers.js';
import { type LineTable, trimBounds, trimmedLength } from './lines.js';
import type { BlockKind, Context, Line, Paragraph, StageResult, TextShape } from './types.js';

/** A file has a wrap width when this share of its lines (of at least MIN_WRAP_LENGTH) has one length. */
const WRAP_SHARE = 0.3;
const MIN_WRAP_LENGTH = 12;
const MIN_WRAP_LINES = 5;

/**
 * Groups non-blank lines into paragraphs, joining pieces split by column breaks and hard wraps.
 * The file's wrap width is read from `lines` unless `wrap` gives it (a window of a big text is
 * given the whole text's, none included: {@link wrapWidthOfTable}).
 */
export function repairLines(lines: readonly Line[], ctx: Context, wrap?: { width: number | undefined }): StageResult<Paragraph[]> {
  const width = wrap ? wrap.width : wrapWidth(lines.length, (k) => trimmedLength(lines[k]!.text, 0, lines[k]!.text.length));
  const paragraphs: Paragraph[] = [];
  // The paragraph being built is ours until pushed, so it grows in place: joining stays linear.
  let current: Paragraph | undefined;
  let currentKind: BlockKind = 'body';
  // Whether the paragraph so far ends a sentence, kept apart: reading the last character of a
  // string built by += would flatten it on every join (quadratic on long paragraphs).
  let currentEnds = false;
  let previousLine = -2;

  for (const line of lines) {
    const [a, b] = trimBounds(line.text);
    if (a === b) continue;
    const adjacent = line.index === previousLine + 1;
    previousLine = line.index;
    // A caption and its credit on one line are two paragraphs: the credit closes a photo item.
    // A numbered caption keeps its credit (`１、威风锣鼓庆丰收（孟仁泉摄）`): the item is one line of a photo box.
    const content = line.norm.slice(a, b);
    // A table row run onto one line (`| 标题 | 本报讯…… | …… |`): each cell is a piece.
    const cells = tableCells(content);
    const cut = cells || LIST_ITEM_PATTERN.test(content) ? undefined : inlineCreditStart(content);
    const pieces: Array<[number, number]> = cells ? cells.map(([x, y]) => [a + x, a + y]) : cut === undefined ? [[a, b]] : [[a, a + cut], [a + cut, b]];
    // A headline run into its first body line (`亚星桥上留个影   3月3日，……`, `……春意浓本报讯（记者 X）……`)
    // is a paragraph of its own.
    // Only where a paragraph may start: not inside a sentence that goes on from the line above.
    const inSentence = current !== undefined && !currentEnds && adjacent && (currentKind === 'body' || currentKind === 'lead');
    const cuts = inSentence || cells ? undefined : headRunInCuts(content.slice(0, pieces[0]![1] - a));
    if (cuts) pieces.splice(0, 1, ...[0, ...cuts].map((c, k, all): [number, number] => [a + c, k + 1 < all.length ? a + all[k + 1]! : pieces[0]![1]]));
    for (const [p, q] of pieces) {
      const [ta, tb] = trimBounds(line.text.slice(p, q));
      const text = line.text.slice(p + ta, p + tb);
      const norm = line.norm.slice(p + ta, p + tb);
      const span: [number, number] = [line.span[0] + p + ta, line.span[0] + p + tb];
      const shape = shapeOf(norm, span[0], text);
      const kind = shape.kind;
      const joined: BlockKind | undefined =
        current && p === a && !currentEnds ? joinedKind(current, currentKind, shape, norm, adjacent, width) : undefined;
      if (current && joined) {
        const firstLine = current.firstLine;
        ctx.trace?.('repair', () => `line ${line.index + 1}: joined to the paragraph of line ${firstLine + 1}`);
        current.lastLine = line.index;
        current.span = [current.span[0], span[1]];
        current.text += text;
        current.norm += norm;
        current.parts.push(span);
        delete current.shape;
        currentKind = joined;
        currentEnds = endsSentence(norm);
        continue;
      }
      // A page footer or header between the halves of a sentence (`……压实` / `责任编辑：张三` /
      // `责任，……`) is furniture on its own; the sentence stays open across it.
      if (kind === 'furniture' && current && !currentEnds && (currentKind === 'body' || currentKind === 'lead')) {
        paragraphs.push({ firstLine: line.index, lastLine: line.index, span, text, norm, parts: [span], shape });
        continue;
      }
      current = { firstLine: line.index, lastLine: line.index, span, text, norm, parts: [span], shape };
      currentKind = kind;
      currentEnds = endsSentence(norm);
      paragraphs.push(current);
    }
  }
  return { value: paragraphs, diagnostics: [] };
}

/**
 * The kind of `prev` + the next piece when the piece continues `prev`, else undefined. Computed
 * from the two kinds, never by rescanning the joined text, so a long paragraph costs no more.
 */
function joinedKind(prev: Paragraph, prevKind: BlockKind, next: TextShape, nextNorm: string, adjacent: boolean, width: number | undefined): BlockKind | undefined {
  const nextKind = next.kind;
  if (adjacent && continuesOnNextLine(prev, next, nextNorm)) return nextKind === 'photo-credit' ? nextKind : 'date-line';
  const bodyLike = prevKind === 'body' || prevKind === 'lead';
  const lastPart = prev.parts[prev.parts.length - 1]!;
  const wrapped = width !== undefined && adjacent && lastPart[1] - lastPart[0] >= width - 1;
  if (wrapped && (nextKind === 'body' || nextKind === 'title') && (bodyLike || prevKind === 'title')) {
    if (bodyLike) return prevKind;
    return nextKind === 'body' || lastPart[1] - prev.span[0] > MAX_TITLE_LENGTH ? 'body' : 'title';
  }
  return bodyLike && nextKind === 'body' ? prevKind : undefined;
}

/** A date printed one part a line (`2008` / `年` / `5` / `月` / `26` / `日`): the date so far, and its next part. */
const DATE_SO_FAR = /^[0-9０-９]{1,4}(?:[年月][0-9０-９]{0,2})*$/u;
/**
 * The longest span of such a date so far, its line breaks included (`2026` … `31` on nine lines,
 * CRLF): tested first, so a long paragraph's text is never read here.
 */
const MAX_DATE_SO_FAR = 32;
const DATE_PART = /^(?:[0-9０-９]{1,4}|[年月日])$/u;

/**
 * Lines that are one item broken over two: a date one part a line, or a role alone over its names
 * (`本报特派记者` / `陈建业 摄`). Read from the pieces' own shapes, never the joined text.
 */
function continuesOnNextLine(prev: Paragraph, next: TextShape, nextNorm: string): boolean {
  if (prev.span[1] - prev.span[0] <= MAX_DATE_SO_FAR && DATE_SO_FAR.test(prev.norm) && DATE_PART.test(nextNorm) && /[0-9０-９]$/u.test(prev.norm) !== /^[0-9０-９]/u.test(nextNorm)) return true;
  return prev.shape?.kind === 'byline' && prev.shape.credit.length === 0 && !prev.shape.marker && !prev.norm.startsWith('（') && (next.kind === 'photo-credit' || next.kind === 'byline');
}

/** The wrap width of the lines of a table ({@link repairLines}'s, without their records). */
export function wrapWidthOfTable(text: string, table: LineTable): number | undefined {
  return wrapWidth(table.starts.length, (k) => trimmedLength(text, table.starts[k]!, table.ends[k]!));
}

/** The file's wrap width: the line length shared by most long lines (`lengthAt` each of `count`, trimmed), when it is common enough. */
function wrapWidth(count: number, lengthAt: (k: number) => number): number | undefined {
  const counts = new Map<number, number>();
  let total = 0;
  for (let k = 0; k < count; k++) {
    const n = lengthAt(k);
    if (n < MIN_WRAP_LENGTH) continue;
    total++;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [n, c] of counts) if (c > bestCount) [best, bestCount] = [n, c];
  return best !== undefined && bestCount >= MIN_WRAP_LINES && bestCount / total >= WRAP_SHARE ? best : undefined;
}
