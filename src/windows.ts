/**
 * Stages 2b–4 (repair → classify → segment) over a big text a window of lines at a time, so that
 * its line, paragraph and block records are never all held at once (issue 12). The line table is made
 * once for the whole text; each window's normalised twin and records are made from it, segmented,
 * handed on, and let go.
 *
 * A window is cut where the stages carry nothing across, so the windows' segments are those of
 * the whole text, byte for byte. The cut is before a lead marker (`本报讯……`), or the run of title
 * lines right above one, that starts a line of its own, where:
 *
 * - repair read that line with nothing open above it, so that it neither joined it to the paragraph
 *   before nor read its head as run into that paragraph's sentence: a blank line lies between, or
 *   the paragraph before is a credit or continuation line of one piece (as repair shaped it), or
 *   ends with `。`;
 * - the block before is not one the segmenter reads past after a title run (furniture, a date);
 * - the segmenter started a new article there (`segmentUpToCut`): the articles before it are final,
 *   since the pass only ever adds to the article it has open, and a pass started afresh at the
 *   block makes the same one, since a lead, or titles above a lead, open one whatever is open;
 * - a block other than furniture follows the lead in the window, so its paragraph is whole (repair
 *   sets a page footer under an open sentence aside and lets the sentence go on below it).
 *
 * The classification is the whole text's on both sides: no block refiner changes a lead, and
 * each reads one neighbour each side, so nothing past a lead reaches back over it, and a title's
 * refiners that read the block above only ever make it something else. The file's wrap width is
 * read from the whole table first. A window with no cut in it is widened until it has one or
 * reaches the end.
 */
import { classifyParagraphs } from './classify.js';
import { type LineTable, linesOf } from './lines.js';
import { repairLines } from './repair.js';
import { type Segmentation, segmentUpToCut } from './segment.js';
import type { Block, BlockKind, Context } from './types.js';

/** How many lines a window holds: it is cut before a block that starts in its first `rows`, and reads `margin` more. */
export interface WindowSize {
  rows: number;
  margin: number;
}

/**
 * About 1 MB of text a window in a dump of short lines: its records are some tens of MB, however
 * big the file; the margin makes the work read twice about 6% more.
 */
export const WINDOW_SIZE: WindowSize = { rows: 16_384, margin: 1_024 };

/** A big text as the windows read it: the text, its line table (`lineTableOf`), and its wrap width. */
export interface WindowedText {
  text: string;
  table: LineTable;
  /** The whole text's wrap width (`wrapWidthOfTable`), which every window's repair is given. */
  width: number | undefined;
}

/**
 * The segmentation of each window in turn: its articles and leftover blocks, in the order the
 * whole text's segmentation has them. Pure; reading it again makes the same windows.
 */
export function* segmentWindows(t: WindowedText, ctx: Context, size: WindowSize = WINDOW_SIZE): Generator<Segmentation> {
  const n = t.table.starts.length;
  let from = 0;
  let rows = size.rows;
  while (from < n) {
    const to = Math.min(n, from + rows + size.margin);
    const blocks = blocksOf(t, ctx, from, to);
    const limit = from + rows;
    const cut = to === n ? undefined : segmentUpToCut(blocks, ctx, (i) => blocks[i]!.paragraph.firstLine < limit && isCut(blocks, i));
    if (cut?.cut === undefined) {
      // The last window, or one with no cut in it: the whole of it (the last), or a wider one.
      if (to === n) {
        yield segmentUpToCut(blocks, ctx);
        return;
      }
      rows *= 2;
      continue;
    }
    yield { segments: cut.segments, leftovers: cut.leftovers };
    from = blocks[cut.cut]!.paragraph.firstLine;
    rows = size.rows;
  }
}

/** The classified blocks of the table's rows `[from, to)`. */
function blocksOf(t: WindowedText, ctx: Context, from: number, to: number): Block[] {
  const lines = linesOf(t.text, t.table, from, to);
  const paragraphs = repairLines(lines, ctx, { width: t.width }).value;
  return classifyParagraphs(paragraphs, ctx).value;
}

/**
 * Kinds of line that repair never keeps open for the next line (it reads a line's head as run
 * into the sentence above, or joins it, only under body text or a lead, or a title or a role alone
 * above it). Read from the shape repair gave a paragraph of one piece, not from the block's kind,
 * which classify may have changed (a body line above a lead read as a title, then as a credit).
 */
const CLOSED_SHAPES: ReadonlySet<BlockKind> = new Set(['byline', 'photo-credit', 'continuation']);
/** Kinds the segmenter reads past after a run of titles (`segment.ts`): a cut after one could change what it finds. */
const LOOKED_PAST: ReadonlySet<BlockKind> = new Set(['furniture', 'date-line']);

/**
 * Whether the window may be cut before block `i`: a lead (`本报讯……`), or a run of titles right
 * above one, starting a line that repair read with nothing open above it (a blank line between, a
 * credit or continuation line of its own, or a paragraph ending in `。`); and a block other than
 * furniture after the lead, so that the lead's paragraph is whole (a page footer under an open
 * sentence is set aside while the sentence goes on).
 */
function isCut(blocks: readonly Block[], i: number): boolean {
  const p = blocks[i - 1];
  const q = blocks[i]!;
  if (p === undefined || LOOKED_PAST.has(p.kind)) return false;
  const gap = q.paragraph.firstLine - p.paragraph.lastLine;
  const shape = p.paragraph.shape?.kind;
  const ended = gap > 1 || (shape !== undefined && CLOSED_SHAPES.has(shape)) || p.paragraph.norm.endsWith('。');
  if (gap < 1 || !ended) return false;
  let lead = i;
  while (blocks[lead]?.kind === 'title') lead++;
  if (blocks[lead]?.kind !== 'lead') return false;
  for (let k = lead + 1; k < blocks.length; k++) if (blocks[k]!.kind !== 'furniture') return true;
  return false;
}
