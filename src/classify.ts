/**
 * Stage 3: paragraphs → blocks. Each paragraph gets one `BlockKind` from its own text (see
 * `shape.ts`); what a block *means* in context (headline or subheading, trailing title, caption)
 * is decided by `segment`.
 */
import { shapeOf } from './shape.js';
import type { Block, Context, Paragraph, StageResult } from './types.js';

/** Classifies every paragraph. Pure: reads the paragraphs, returns new blocks. */
export function classifyParagraphs(paragraphs: readonly Paragraph[], ctx: Context): StageResult<Block[]> {
  const blocks = paragraphs.map((paragraph): Block => {
    const shape = shapeOf(paragraph.norm, paragraph.span[0], paragraph.text);
    const block: Block = { kind: shape.kind, paragraph };
    if (shape.marker) block.marker = shape.marker;
    if (shape.continuation) block.continuation = shape.continuation;
    ctx.trace?.('classify', () => `line ${paragraph.firstLine + 1}: ${shape.kind}  ${paragraph.text.slice(0, 30)}`);
    return block;
  });
  return { value: blocks, diagnostics: [] };
}
