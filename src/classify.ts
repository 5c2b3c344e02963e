/**
 * Stage 3: paragraphs → blocks. Each paragraph first gets the kind its own text suggests (the
 * line parser, `shape.ts`), then an ordered list of named refiners looks at its neighbours and may
 * change it, in the manner of chrono's refiners. Each refiner decides one convention:
 *
 * - `title-above-lead`: a short "body" paragraph right above a lead marker or a headline is a
 *   headline that happens to carry a comma or end in a quote (`坚持人民至上，守护万家灯火`);
 * - `exclaimed-title`: a short line ending in ？ or ！ where an article starts, above body text,
 *   is a headline (`这个夏天，去哪儿避暑？`);
 * - `byline-under-headline`: a name alone under a headline (`邯郸的贫民贷款` / `吴象`) is its byline;
 * - `end-credit-after-body`: a name alone after the body (`……气温17℃~30℃。` / `许明霞`) is the
 *   article's closing credit;
 * - `field-under-a-title`: `荣誉：……` under a profile's title is a field of its text.
 *
 * What a block *means* in context (headline or subheading, trailing title, caption) is decided by
 * `segment`. Every change is reported to the trace hook with the refiner's name.
 */
import { parseAffiliatedName, parseCredit, parseEndCredit } from './grammar/credits.js';
import { parseEndTrailer, shapeOf } from './grammar/shape.js';
import type { Block, BlockKind, Context, LeadBlock, Paragraph, Reporter, StageResult, TextBlock } from './types.js';

/** The longest a headline with clause punctuation or a final quote may be. */
const MAX_PUNCTUATED_TITLE = 40;
/** The longest a headline ending in ？ or ！ may be. */
const MAX_EXCLAIMED_TITLE = 24;

/**
 * A refiner: given a block and its neighbours, the block it should be instead (another kind, with
 * the facts it read to decide so), or undefined.
 */
interface BlockRefiner {
  name: string;
  /** Right to left when a decision needs the one after it already made (a two-line headline). */
  direction: 'forward' | 'backward';
  refine(b: Block, prev: Block | undefined, next: Block | undefined): Block | undefined;
}

/** Kinds of block that close an article, so that what follows them starts a new one. */
const CLOSING_KINDS: ReadonlySet<BlockKind> = new Set(['byline', 'photo-credit', 'continuation', 'date-line', 'furniture']);
/** Kinds of block that carry body text. */
const TEXT_KINDS: ReadonlySet<BlockKind> = new Set(['body', 'lead', 'list-item', 'section-head']);

/** The refiners, in the order they run. */
export const BLOCK_REFINERS: readonly BlockRefiner[] = [
  {
    name: 'title-above-lead',
    direction: 'backward',
    refine: (b, _prev, next) =>
      b.kind === 'body' && !b.endCredit && (next?.kind === 'lead' || next?.kind === 'title') && looksLikeTitle(b.paragraph.norm) ? asTitle(b) : undefined,
  },
  {
    name: 'exclaimed-title',
    direction: 'forward',
    refine: (b, prev, next) =>
      b.kind === 'body' && !b.endCredit && next?.kind === 'body' && (prev === undefined || CLOSING_KINDS.has(prev.kind)) && looksLikeExclaimedTitle(b.paragraph.norm)
        ? asTitle(b)
        : undefined,
  },
  {
    name: 'byline-under-headline',
    direction: 'forward',
    refine: (b, prev, next) => {
      if (b.kind !== 'title' || prev?.kind !== 'title' || next === undefined || next.kind === 'furniture') return undefined;
      const affiliated = parseAffiliatedName(b.paragraph.norm);
      return asByline(b, bareNames(b.paragraph.norm) ?? (affiliated && [affiliated]));
    },
  },
  {
    name: 'end-credit-after-body',
    direction: 'forward',
    refine: (b, prev, next) =>
      b.kind === 'title' && prev !== undefined && TEXT_KINDS.has(prev.kind) && endCreditOf(prev) === undefined && next?.kind !== 'title' && (next === undefined || !TEXT_KINDS.has(next.kind) || next.kind === 'lead') &&
      // A headline run into its lead on one line goes with the lead.
      next?.paragraph.firstLine !== b.paragraph.lastLine
        ? asByline(b, bareNames(b.paragraph.norm))
        : undefined,
  },
  {
    // `荣誉：……` / `工作单位：……` under a profile's title: fields of the text, not head lines.
    name: 'field-under-a-title',
    direction: 'forward',
    refine: (b, prev) =>
      b.kind === 'title' && prev !== undefined && (prev.kind === 'title' || (prev.kind === 'body' && FIELD_LINE.test(prev.paragraph.norm))) && FIELD_LINE.test(b.paragraph.norm)
        ? { kind: 'body', paragraph: b.paragraph }
        : undefined,
  },
];

/** A line that is a label and its value: `荣誉：“五一”劳动奖章获得者`, `工作单位：大庆石油管理局`. */
const FIELD_LINE = /^[\u4e00-\u9fff]{2,4}：[^：]{2,}$/u;

/** Classifies every paragraph. Pure: reads the paragraphs, returns new blocks. */
export function classifyParagraphs(paragraphs: readonly Paragraph[], ctx: Context): StageResult<Block[]> {
  const blocks = paragraphs.map(parseBlock);
  for (const refiner of BLOCK_REFINERS) {
    const n = blocks.length;
    for (let k = 0; k < n; k++) {
      const i = refiner.direction === 'forward' ? k : n - 1 - k;
      const b = blocks[i]!;
      const refined = refiner.refine(b, blocks[i - 1], blocks[i + 1]);
      if (refined === undefined || refined.kind === b.kind) continue;
      ctx.trace?.('classify', () => `line ${b.paragraph.firstLine + 1}: ${b.kind} → ${refined.kind}  refiner ${refiner.name}`);
      blocks[i] = refined;
    }
  }
  for (const b of blocks) {
    ctx.trace?.('classify', () => `line ${b.paragraph.firstLine + 1}: ${b.kind}  ${b.paragraph.text.slice(0, 30)}`);
  }
  return { value: blocks, diagnostics: [] };
}

/** The line parser: what a paragraph is on its own, with the facts its text gives. */
function parseBlock(paragraph: Paragraph): Block {
  const shape = paragraph.shape ?? shapeOf(paragraph.norm, paragraph.span[0], paragraph.text);
  // Each variant built by one literal, so blocks of a kind share their shape in the engine.
  switch (shape.kind) {
    case 'lead':
      return withEndCredit({ kind: 'lead', paragraph, marker: shape.marker });
    case 'byline':
    case 'photo-credit':
      return shape.marker ? { kind: shape.kind, paragraph, credit: shape.credit, marker: shape.marker } : { kind: shape.kind, paragraph, credit: shape.credit };
    case 'continuation':
      return { kind: 'continuation', paragraph, continuation: shape.continuation };
    case 'body':
    case 'list-item':
      return withEndCredit({ kind: shape.kind, paragraph });
    default:
      return { kind: shape.kind, paragraph };
  }
}

/**
 * A text block with the credit closing its paragraph (`……招聘会。（记者 赵敏）`) or the dateline
 * repeated there (`……一只。（新华社北京１月２８日电）`), when it has one.
 */
function withEndCredit<B extends LeadBlock | TextBlock>(block: B): B {
  const { norm, span, text } = block.paragraph;
  const end = parseEndCredit(norm, block.kind === 'list-item' ? 'photo-allowed' : 'text-only');
  if (end) block.endCredit = end;
  const trailer = end ? undefined : parseEndTrailer(norm, span[0], text);
  if (trailer) block.endTrailer = trailer;
  return block;
}

/** The closing credit of a text block, if it has one. */
function endCreditOf(b: Block): Reporter[] | undefined {
  return b.kind === 'body' || b.kind === 'lead' || b.kind === 'list-item' ? b.endCredit : undefined;
}

/** A body paragraph read as a title line: its closing credit, if any, goes with the text it was. */
function asTitle(b: Block): Block {
  return { kind: 'title', paragraph: b.paragraph };
}

/** A title line read as a credit of the names it holds, or undefined when it names none. */
function asByline(b: Block, names: Reporter[] | undefined): Block | undefined {
  return names ? { kind: 'byline', paragraph: b.paragraph, credit: names } : undefined;
}

/** The longest line of one to three names alone (`欧阳明辉 司马丽 王五`). */
const MAX_BARE_NAMES = 16;

/** One to three names alone, each a person's name by surname (`吴象`, `宋学春张仁明`, `赵六 孙七`). */
function bareNames(norm: string): Reporter[] | undefined {
  if (norm.length > MAX_BARE_NAMES) return undefined;
  const credit = parseCredit(norm);
  return credit !== undefined && !credit.hasRoleWord && credit.surnamed && credit.reporters.length <= 3 ? credit.reporters : undefined;
}

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
