/**
 * Stage 3: paragraphs → blocks. Each paragraph first gets the kind its own text suggests (see
 * `shape.ts`), then one refinement with its neighbours in view: a short "body" paragraph that
 * sits right above a lead marker or a headline is a headline that happens to carry a comma or end
 * in a quote (`坚持人民至上，守护万家灯火`, `习近平：坚定“四个自信”`), and so is a short line ending in
 * ？ or ！ where an article starts, above body text (`这个夏天，去哪儿避暑？`). What a block *means* in
 * context (headline or subheading, trailing title, caption) is decided by `segment`.
 */
import { parseEndCredit } from './extract/credits.js';
import { shapeOf } from './shape.js';
import type { Block, BlockKind, Context, Paragraph, StageResult } from './types.js';

/** The longest a headline with clause punctuation or a final quote may be. */
const MAX_PUNCTUATED_TITLE = 40;

/** Classifies every paragraph. Pure: reads the paragraphs, returns new blocks. */
export function classifyParagraphs(paragraphs: readonly Paragraph[], ctx: Context): StageResult<Block[]> {
  const blocks = paragraphs.map((paragraph): Block => {
    const shape = shapeOf(paragraph.norm, paragraph.span[0], paragraph.text);
    const block: Block = { kind: shape.kind, paragraph };
    if (shape.marker) block.marker = shape.marker;
    if (shape.continuation) block.continuation = shape.continuation;
    if (shape.credit) block.credit = shape.credit;
    if (shape.kind === 'body' || shape.kind === 'lead') {
      const end = parseEndCredit(paragraph.norm);
      if (end) block.endCredit = end;
    }
    return block;
  });
  // Right to left, so a headline of two punctuated lines is seen whole.
  for (let i = blocks.length - 2; i >= 0; i--) {
    const b = blocks[i]!;
    const next = blocks[i + 1]!;
    if (b.kind === 'body' && (next.kind === 'lead' || next.kind === 'title') && looksLikeTitle(b.paragraph.norm)) {
      blocks[i] = { ...b, kind: 'title' };
    }
  }
  // A short line ending in ？ or ！ where an article starts (at the top, or after the credit,
  // continuation or signature that closed the one before) and above body text is a headline.
  for (let i = 0; i < blocks.length - 1; i++) {
    const b = blocks[i]!;
    const prev = blocks[i - 1];
    if (b.kind === 'body' && blocks[i + 1]!.kind === 'body' && (prev === undefined || CLOSING_KINDS.has(prev.kind)) && looksLikeExclaimedTitle(b.paragraph.norm)) {
      blocks[i] = { ...b, kind: 'title' };
    }
  }
  for (const b of blocks) {
    ctx.trace?.('classify', () => `line ${b.paragraph.firstLine + 1}: ${b.kind}  ${b.paragraph.text.slice(0, 30)}`);
  }
  return { value: blocks, diagnostics: [] };
}

/** Kinds of block that close an article, so that what follows them starts a new one. */
const CLOSING_KINDS: ReadonlySet<BlockKind> = new Set(['byline', 'photo-credit', 'continuation', 'date-line', 'furniture']);

/** The longest a headline ending in ？ or ！ may be. */
const MAX_EXCLAIMED_TITLE = 24;

/** `这个夏天，去哪儿避暑？`: short, ends in ？ or ！, no full stop or colon inside (`记者：……？` is a question in an interview). */
function looksLikeExclaimedTitle(norm: string): boolean {
  const t = norm.trimEnd();
  return t.length <= MAX_EXCLAIMED_TITLE && /[？！]$/u.test(t) && !/[。；：]/u.test(t);
}

/** Short, one clause or two, and no full stop inside: a headline's shape even with a comma. */
function looksLikeTitle(norm: string): boolean {
  if (norm.length > MAX_PUNCTUATED_TITLE) return false;
  const stop = norm.indexOf('。');
  return stop < 0 && !/[。；]./u.test(norm);
}
