/** Reading a segment's blocks by their role. */
import type { Block, BlockRole, Segment } from '../types.js';

/** The blocks of `segment` in one of `roles`, in input order. */
export function blocksIn(segment: Segment, ...roles: BlockRole[]): Block[] {
  const out: Block[] = [];
  for (const x of segment.blocks) if (roles.includes(x.role)) out.push(x.block);
  return out;
}

/** The blocks whose text is the article's body: lead, paragraphs, subheadings, list items, signature. */
export function bodyBlocks(segment: Segment): Block[] {
  return blocksIn(segment, 'body', 'subheading');
}
