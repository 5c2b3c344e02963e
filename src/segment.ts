/**
 * Stage 4: blocks → articles. A single left-to-right pass with one open article at a time.
 *
 * What starts an article:
 * - a run of title lines followed by a lead marker, a notice title, a photo caption and credit,
 *   or by body when no article is open (the last one closed with a byline, credit, continuation
 *   or signature date) or the open one is news (it has a lead marker);
 * - a lead marker with no title above it, unless it is another dispatch of a round-up (an open
 *   article whose marker is also a datelined `电`);
 * - body after a closed article (an untitled item).
 *
 * What does not: a single short title line inside an open feature (a subheading), title-like
 * lines inside an open notice (its numbered parts, fields and signature), and a title run that is
 * followed by a byline and then nothing new (PDF order put the article's own title and byline
 * after its body).
 *
 * What closes an article: an end byline or photo credit after body, `（下转第4版）`, and a date
 * line under body (a signature).
 */
import { COMMENTATOR, EDITOR_NOTE_LABELS, NOTICE_WORDS, PHOTO_LABELS, PHOTO_ROLE, PHOTO_TITLE_MARK } from './data/markers.js';
import { AUTHOR_ROLE, parseCredit } from './grammar/credits.js';
import { inlineContinuation, isBriefColumn, isCommentaryColumn, opensWithItsDate, startsWithBullet } from './grammar/shape.js';
import type { ArticleKind, Block, BlockKind, ContinuationBlock, Context, CreditBlock, Diagnostic, LeadBlock, LeadMarker, Reporter, Segment, SegmentBlock, StageResult } from './types.js';

/** The most title lines one headline block holds (kicker, headline and up to four decks). */
export const MAX_HEAD_LINES = 6;
/** A line this short, repeated in a run of titles with others, is a column's label (`民生`). */
const MAX_REPEATED_LABEL = 5;
/** The most title lines PDF order puts after an article's body (its own headline and a deck). */
const MAX_TRAILING_TITLES = 3;
/** The longest a subheading inside a feature may be. */
const MAX_SUBHEADING_LENGTH = 24;
/** The longest one-sentence deck under a headline, above a byline on top (`花好莫要采。`). */
const MAX_DECK_SENTENCE = 40;
/** The longest paragraph (a caption or a deck sentence) between a headline and its lead. */
const MAX_CAPTION_ABOVE_LEAD = 60;
/** A photo item has at most this many caption paragraphs before its credit. */
const MAX_CAPTION_PARAGRAPHS = 2;

/** Kinds of block that carry body text. */
const BODY_KINDS: ReadonlySet<BlockKind> = new Set(['body', 'section-head', 'list-item', 'date-line']);

/**
 * The article being built. Private to this stage; it is mutated only here, while open. `blocks`
 * is what it becomes; the lists by role beside it are the pass's view of it so far.
 */
interface Draft {
  blocks: SegmentBlock[];
  head: Block[];
  trailingTitles: Block[];
  body: Block[];
  subheadings: Block[];
  credits: Block[];
  marker?: LeadMarker;
  continuedOn?: number;
  continuedFrom?: number;
  closed: boolean;
  notice: boolean;
  photo: boolean;
  /** Started under a brief column's title (`简讯`), or split from one: each bullet is a brief. */
  briefs: boolean;
}

/** What segmentation returns: the articles and the blocks that belong to none. */
export interface Segmentation {
  segments: Segment[];
  leftovers: Block[];
}

/** Splits classified blocks into articles. Pure; linear in the number of blocks. */
export function segmentArticles(blocks: readonly Block[], ctx: Context): StageResult<Segmentation> {
  const { segments, leftovers } = segmentUpToCut(blocks, ctx);
  const diagnostics: Diagnostic[] = [];
  if (segments.length > 0 && !hasNewspaperStructure(segments)) diagnostics.push(noMarkersWarning(ctx));
  return { value: { segments, leftovers }, diagnostics };
}

/**
 * Whether any segment has what only a newspaper's articles have: a lead marker, a credit, or a
 * notice's title. A page of notices alone (公告, 通知) is newspaper structure too: it has titles
 * and signatures.
 */
export function hasNewspaperStructure(segments: readonly Segment[]): boolean {
  return segments.some((seg) => seg.marker || seg.blocks.some((x) => x.role === 'credit') || seg.kind === 'notice');
}

export function noMarkersWarning(ctx: Context): Diagnostic {
  return {
    severity: 'warning',
    code: 'segment/no-markers',
    message: 'no lead markers or bylines found: articles were cut at headlines only; check that this is a newspaper page',
    file: ctx.name,
  };
}

/** {@link segmentUpToCut}'s answer: the segmentation of the blocks before the cut, and the cut. */
export interface CutSegmentation extends Segmentation {
  /** The index of the block the pass was cut before; undefined when it ran to the end. */
  cut?: number;
}

/**
 * The pass over `blocks`, cut (when `canCut` is given) before the last block it allows that
 * opened an article of its own, with nothing open carried into it: a lead marker the pass started
 * a new article at, as it does wherever no dispatch of a round-up is open. The articles and the
 * leftovers before that block are final there, since the pass only ever adds to the article it
 * has open; a pass started afresh at the block makes the same articles after it. That is what
 * lets a big text be segmented in windows (`windows.ts`). Without `canCut`, the whole pass.
 */
export function segmentUpToCut(blocks: readonly Block[], ctx: Context, canCut?: (i: number) => boolean): CutSegmentation {
  const s = new Segmenter(blocks, ctx);
  let cut: { at: number; drafts: number; leftovers: number } | undefined;
  for (let i = 0; i < blocks.length; ) {
    const mark = canCut?.(i) === true ? { at: i, drafts: s.drafts.length, leftovers: s.leftovers.length } : undefined;
    const next = step(s, i);
    if (mark && s.drafts.length === mark.drafts + 1 && s.drafts[mark.drafts]!.blocks[0]?.block === blocks[i]) cut = mark;
    i = next;
  }
  const drafts = cut ? s.drafts.slice(0, cut.drafts) : s.drafts;
  const segments = drafts.flatMap((d) => splitAtASecondAuthor(d, ctx)).map(finishDraft);
  const leftovers = cut ? s.leftovers.slice(0, cut.leftovers) : s.leftovers;
  return cut ? { segments, leftovers, cut: cut.at } : { segments, leftovers };
}

/**
 * The state of the pass: the articles so far, the one being built (`cur`: none, open, or closed
 * by its credit, continuation or signature) and the blocks that belong to no article.
 */
class Segmenter {
  readonly drafts: Draft[] = [];
  readonly leftovers: Block[] = [];
  cur: Draft | undefined;

  constructor(
    readonly blocks: readonly Block[],
    private readonly ctx: Context,
  ) {}

  /** True while an article is open: its text may go on. */
  isOpen(): boolean {
    return this.cur !== undefined && !this.cur.closed;
  }

  /** The open article, when there is one. */
  open(): Draft | undefined {
    return this.isOpen() ? this.cur : undefined;
  }

  trace(i: number, why: () => string): void {
    this.ctx.trace?.('segment', () => `line ${this.blocks[i]!.paragraph.firstLine + 1}: ${why()}`);
  }

  /** Opens a new article with `head` as its title lines. */
  start(head: Block[], why: string, i: number): Draft {
    const d: Draft = {
      blocks: head.map((block) => ({ block, role: 'head' })), head: [...head], trailingTitles: [], body: [], subheadings: [], credits: [],
      closed: false, notice: head.length > 0 && isNoticeTitle(head[head.length - 1]!), photo: false,
      briefs: head.length === 1 && isBriefColumn(head[0]!.paragraph.norm),
    };
    this.drafts.push(d);
    this.cur = d;
    this.trace(i, () => `new article (${why})`);
    return d;
  }

  /** Blocks that belong to no article; title lines among them are page furniture (a headline list). */
  leave(blocks: readonly Block[], asFurniture = false): void {
    for (const b of blocks) this.leftovers.push(asFurniture ? { kind: 'furniture', paragraph: b.paragraph } : b);
  }
}

const addBody = (d: Draft, b: Block, role: 'body' | 'subheading' = 'body'): void => {
  d.blocks.push({ block: b, role });
  d.body.push(b);
};

const addCredit = (d: Draft, b: Block): void => {
  d.blocks.push({ block: b, role: 'credit' });
  d.credits.push(b);
};

const addSubheading = (d: Draft, b: Block): void => {
  d.subheadings.push(b);
  addBody(d, b, 'subheading');
};

const addTrailingTitles = (d: Draft, run: readonly Block[]): void => {
  d.trailingTitles.push(...run);
  d.blocks.push(...run.map((block): SegmentBlock => ({ block, role: 'trailing-title' })));
};

const addContinuation = (d: Draft, b: Block): void => {
  d.blocks.push({ block: b, role: 'continuation' });
};

/** One step of the pass for each kind of block: it places the block at `i` (or a run from it) and returns the next index. */
type Step<B extends Block = Block> = (s: Segmenter, i: number, b: B) => number;

const leaveFurniture: Step = (s, i) => {
  s.leave([s.blocks[i]!]);
  return i + 1;
};

/** A run of title lines: a head block, a subheading, trailing titles, a headline list or a name. */
const placeTitles: Step = (s, i) => {
  const { blocks } = s;
  const b = blocks[i]!;
  const cur = s.cur;
  // A name alone on the line after the credit that closed an article (`（作者为……）` / `赵六`).
  if (cur?.closed && cur.blocks.at(-1)?.role === 'credit' && blocks[i + 1]?.kind !== 'title' && !BODY_KINDS.has(blocks[i + 1]?.kind ?? 'furniture') && isBareName(b.paragraph.norm)) {
    s.trace(i, () => 'a name under the closing credit');
    addCredit(cur, b);
    return i + 1;
  }
  let j = i;
  while (j < blocks.length && blocks[j]!.kind === 'title') j++;
  let run = blocks.slice(i, j);
  // Web pages put chrome between a headline and its text (`作者: 来源: 时间:`): look past it.
  // With no article open, a page date there (`2014年02月12日`) is chrome too.
  let k = j;
  while (blocks[k]?.kind === 'furniture' || (blocks[k]?.kind === 'date-line' && !s.isOpen())) k++;
  const next = blocks[k];
  if (k > j && !s.isOpen() && (next === undefined || next.kind === 'title')) {
    s.trace(i, () => 'a list of headlines with no body');
    s.leave(run, true);
    return j;
  }
  // Title lines beyond a headline block's size belong to what came before (a notice's
  // fields, a list of names); keep the last lines as the head.
  if (run.length > MAX_HEAD_LINES && next && (next.kind === 'lead' || BODY_KINDS.has(next.kind))) {
    const host = s.open() ?? s.start([], 'untitled lines', i);
    for (const e of run.slice(0, run.length - MAX_HEAD_LINES)) addBody(host, e);
    run = run.slice(run.length - MAX_HEAD_LINES);
  }
  // The page's title or its list of headlines printed above the head, one of them repeated in
  // it (`要闻一 / 要闻二` / blank / `要闻一` / lead): furniture, and the repeated line is the headline.
  const echo = echoOf(run);
  let start = i;
  if (echo && next && (next.kind === 'lead' || next.kind === 'byline' || BODY_KINDS.has(next.kind))) {
    s.trace(i, () => "the page's title or headline list above the head, repeated in it");
    s.leave(run.slice(0, echo.group), true);
    run = run.slice(echo.group);
    start = i + echo.group;
  }
  const t: TitleRun = { run, next, after: blocks[k + 1], after2: blocks[k + 2], i: start };
  if (echo && start > i) t.headlineAt = echo.line - echo.group;
  TITLE_RULES.find((rule) => rule(s, t));
  return j;
};

/**
 * Where a run of title lines repeats an earlier line in a later group (groups are parted by a
 * blank line): the repeat's index and the first index of its group; undefined when none.
 */
function echoOf(run: readonly Block[]): { line: number; group: number } | undefined {
  const seen = new Map<string, number>();
  let group = 0;
  for (let k = 0; k < run.length; k++) {
    const p = run[k]!.paragraph;
    if (k > 0 && p.firstLine !== run[k - 1]!.paragraph.lastLine + 1) group = k;
    const text = p.norm.trim();
    const first = seen.get(text);
    // A short label repeated (`民生` above the head and above the lead) is a column's, not a headline.
    const label = text.length <= MAX_REPEATED_LABEL && run.length > 2;
    if (first !== undefined && first < group && !label) return { line: k, group };
    if (first === undefined) seen.set(text, k);
  }
  return undefined;
}

const placeLead: Step<LeadBlock> = (s, i, b) => {
  const d = s.open();
  if (d && d.body.length === 0 && !d.marker) {
    addBody(d, b);
  } else if (d && !d.marker && d.head.length > 0 && d.body.length === 1 && d.body[0]!.kind === 'body' && d.body[0]!.paragraph.text.length <= MAX_CAPTION_ABOVE_LEAD) {
    // A headline, one caption or deck sentence, then the lead: one story (`马明超一行在……了解情况。` / `本报讯 ……`).
    s.trace(i, () => 'a lead under a headline and one short paragraph');
    addBody(d, b);
  } else if (d && d.head.length > 0 && d.marker?.form === '电' && b.marker?.form === '电') {
    s.trace(i, () => 'another dispatch of a round-up');
    addBody(d, b);
  } else {
    addBody(s.start([], 'lead marker without a title', i), b);
  }
  s.cur!.marker ??= b.marker;
  noteInlineContinuation(s.cur!, b);
  return i + 1;
};

const placeCredit: Step<CreditBlock> = (s, i, b) => {
  const nextKind = s.blocks[i + 1]?.kind;
  const d = s.open();
  if (d) {
    addCredit(d, b);
    if (b.kind === 'photo-credit' && !d.marker && d.body.length <= MAX_CAPTION_PARAGRAPHS) d.photo = true;
    // A photo printed inside a story or a package of photos (caption and credit between
    // paragraphs) does not end it when its text goes on below.
    const photoInside = b.kind === 'photo-credit' && BODY_KINDS.has(nextKind ?? 'furniture');
    // A byline under a headline and a one-line deck, above the lead (`□记者 X` / `本报讯 …`), opens the story.
    const bylineOnTop = nextKind === 'lead' && d.body.length === 1 && !d.marker && d.body[0]!.paragraph.text.length <= MAX_DECK_SENTENCE;
    if (d.body.length > 0 && !photoInside && !bylineOnTop) d.closed = true;
  } else if (s.cur && !BODY_KINDS.has(nextKind ?? 'furniture')) {
    // A second credit line of an article that a first one closed.
    addCredit(s.cur, b);
  } else {
    addCredit(s.start([], 'credit before an untitled body', i), b);
  }
  return i + 1;
};

const placeContinuation: Step<ContinuationBlock> = (s, i, b) => {
  const c = b.continuation;
  const d = s.cur;
  if (c.direction === 'to' && d) {
    addContinuation(d, b);
    d.continuedOn = c.page;
    d.closed = true;
  } else if (c.direction === 'from' && d && s.isOpen() && d.body.length === 0) {
    addContinuation(d, b);
    d.continuedFrom = c.page;
  } else {
    const n = s.start([], 'continued from another page', i);
    addContinuation(n, b);
    if (c.direction === 'from') n.continuedFrom = c.page;
    else n.continuedOn = c.page;
  }
  return i + 1;
};

/** Body, section heads, list items, date lines. */
const placeText: Step = (s, i) => {
  const b = s.blocks[i]!;
  // A date alone where no article is open is the page's date (`1946-05-17`, `2024年02月03日`).
  if (b.kind === 'date-line' && !s.isOpen()) {
    s.trace(i, () => 'a page date where no article is open');
    s.leave([b], true);
    return i + 1;
  }
  const d = s.open() ?? s.start([], 'body after a closed article', i);
  // Bulleted items right under a one-line title (`要闻简报`, `三秦短波`) make a column of
  // briefs: one article, the column's title its headline.
  if (d.head.length === 1 && d.body.length === 0 && startsWithBullet(b.paragraph.norm)) d.briefs = true;
  // Numbered heads (`一、产业兴旺有底气`) are a notice's parts but a feature's subheadings.
  if (b.kind === 'section-head' && !d.notice) addSubheading(d, b);
  else addBody(d, b);
  if (b.kind === 'body') noteInlineContinuation(d, b);
  // Numbered captions that each credit a photographer make a photo box.
  if (b.kind === 'list-item' && !d.marker && b.endCredit?.length && b.endCredit.every((r) => r.role === PHOTO_ROLE)) d.photo = true;
  // A paragraph closing with its credit (`……。（王五）`) ends the article, except inside a
  // column of briefs, where each item carries one.
  if (b.kind === 'body' && b.endCredit && !d.briefs) {
    s.trace(i, () => 'a paragraph closing with its credit');
    d.closed = true;
  }
  if (b.kind === 'date-line' && d.body.length > 1) d.closed = true;
  return i + 1;
};

/** The step for each kind of block: the pass's transitions, as a table. */
const STEPS: { readonly [K in BlockKind]: Step<Extract<Block, { kind: K }>> } = {
  furniture: leaveFurniture,
  title: placeTitles,
  lead: placeLead,
  byline: placeCredit,
  'photo-credit': placeCredit,
  continuation: placeContinuation,
  body: placeText,
  'date-line': placeText,
  'section-head': placeText,
  'list-item': placeText,
};

/** Runs the step of the block's kind on it (the table's key is its kind: the one cast the union needs). */
function step(s: Segmenter, i: number): number {
  const b = s.blocks[i]!;
  return (STEPS[b.kind] as Step)(s, i, b);
}

/** A paragraph opening with `（上接第1版）` or closing with `（下转第2版）`; the marker stays in the body. */
function noteInlineContinuation(d: Draft, b: Block): void {
  const inline = inlineContinuation(b.paragraph.norm);
  if (inline?.direction === 'from' && d.body.length === 1) d.continuedFrom = inline.page;
  if (inline?.direction === 'to') {
    d.continuedOn = inline.page;
    d.closed = true;
  }
}

/** A run of title lines and what stands after it (past any chrome). */
interface TitleRun {
  run: Block[];
  next: Block | undefined;
  after: Block | undefined;
  after2: Block | undefined;
  /** Index of the run's first block. */
  i: number;
  /** The line of the run known to be the headline (the page's title repeats it). */
  headlineAt?: number;
}

/** A rule for a run of title lines: places it and returns true, or leaves it to the next rule. */
type TitleRule = (s: Segmenter, t: TitleRun) => boolean;

/** Starts an article with the run as its head; always true. */
const headline = (s: Segmenter, t: TitleRun, why: string): true => {
  const d = s.start(t.run, why, t.i);
  if (t.headlineAt !== undefined) d.blocks[t.headlineAt]!.role = 'headline';
  return true;
};

/** The title rules, in the order they are tried; the last always applies. */
const TITLE_RULES: readonly TitleRule[] = [
  // `图片：` over an article's photos: the label, the captions' titles and their credits are the article's.
  function photosOfTheOpenArticle(s, { run, i }) {
    const d = s.open();
    if (!d || !PHOTO_LABELS.includes(run[0]!.paragraph.norm)) return false;
    s.trace(i, () => 'the photos of the open article');
    for (const r of run) addBody(d, r);
    return true;
  },
  // `编者按` after a package of photos or a story: its note is the article's.
  function editorsNote(s, { run, next, i }) {
    const d = s.cur;
    if (!d || run.length !== 1 || next === undefined || !BODY_KINDS.has(next.kind)) return false;
    if (!EDITOR_NOTE_LABELS.includes(run[0]!.paragraph.norm.replace(/[\s：]/gu, ''))) return false;
    s.trace(i, () => "an editor's note of the article above");
    d.closed = false;
    addSubheading(d, run[0]!);
    return true;
  },
  (s, t) => t.next?.kind === 'lead' && headline(s, t, 'headline above a lead'),
  function photoItemTitle(s, t) {
    if (!PHOTO_TITLE_MARK.test(t.run[t.run.length - 1]!.paragraph.norm)) return false;
    s.start(t.run, 'the title of a photo item', t.i).photo = true;
    return true;
  },
  (s, t) => isNoticeTitle(t.run[t.run.length - 1]!) && t.next !== undefined && t.next.kind !== 'byline' && headline(s, t, 'notice title'),
  // Inside an open notice, title-like lines are its fields, parts and signature.
  function fieldsOfAnOpenNotice(s, { run }) {
    const d = s.open();
    if (!d?.notice) return false;
    for (const r of run) addBody(d, r);
    return true;
  },
  // A head printed on its lead's line (`主题 □记者 X 本报讯 ……`) is that lead's, even after a body.
  function headOnTheLeadLine(s, t) {
    const lead = t.next?.kind === 'lead' ? t.next : t.next?.kind === 'byline' && t.after?.kind === 'lead' ? t.after : undefined;
    return lead !== undefined && lead.paragraph.firstLine === t.run[t.run.length - 1]!.paragraph.lastLine && headline(s, t, "a head on its lead's line");
  },
  // Title, byline, then body: a feature with its byline on top. Otherwise PDF order put the open
  // article's own title and byline after its body, unless a subheading and text follow the byline
  // (`邯郸的贫民贷款` / `吴象` / `一根木梁` / text).
  function titleAboveAByline(s, t) {
    if (t.next?.kind !== 'byline') return false;
    const d = s.open();
    const afterKind = t.after?.kind;
    const subheadingNext = afterKind === 'title' && t.after2 !== undefined && BODY_KINDS.has(t.after2.kind);
    if (d && d.body.length > 0 && !subheadingNext && (afterKind === undefined || !BODY_KINDS.has(afterKind))) {
      s.trace(t.i, () => 'title after the body (PDF order)');
      addTrailingTitles(d, t.run);
      return true;
    }
    return headline(s, t, 'headline above a byline');
  },
  (s, t) => t.next?.kind === 'photo-credit' && headline(s, t, 'photo title'),
  // Titles followed by nothing, with no article open, are the page's list of headlines.
  function headlineListAtTheEnd(s, { run, next, i }) {
    if (s.isOpen() || next !== undefined) return false;
    s.trace(i, () => 'a list of headlines with no body');
    s.leave(run, true);
    return true;
  },
  function titleAboveAContinuation(s, t) {
    if (t.next?.kind !== 'continuation') return false;
    const d = s.open();
    if (t.next.continuation!.direction === 'to' && d) {
      addTrailingTitles(d, t.run);
      return true;
    }
    return headline(s, t, 'headline of a continued article');
  },
  function titleAtTheEnd(s, t) {
    if (t.next !== undefined) return false;
    // With no article open, `headlineListAtTheEnd` has already taken the run.
    const d = s.open()!;
    // After page furniture, or more lines than a head block holds at the end of a page, it is the
    // page's list of headlines (`第04版：时事` / `我市与……` / `黄润秋……`), not the article's own title.
    if (s.blocks[t.i - 1]?.kind === 'furniture' || t.run.length > MAX_TRAILING_TITLES) {
      s.trace(t.i, () => 'a list of headlines after the article');
      s.leave(t.run, true);
      return true;
    }
    addTrailingTitles(d, t.run);
    return true;
  },
  // Body follows from here on.
  (s, t) => !s.isOpen() && headline(s, t, 'headline after a closed article'),
  function photoAhead(s, t) {
    const ahead = t.after?.kind === 'photo-credit' || (t.after?.kind === 'body' && t.after2?.kind === 'photo-credit');
    return ahead && headline(s, t, s.cur!.marker ? 'photo item after news' : 'photo caption ahead');
  },
  // One short line under a headline and its byline, above the text: the first subheading.
  function subheadingUnderTheByline(s, { run, i }) {
    const d = s.cur!;
    if (run.length !== 1 || d.body.length > 0 || d.credits.length === 0 || d.head.length === 0 || run[0]!.paragraph.text.length > MAX_SUBHEADING_LENGTH) return false;
    s.trace(i, () => 'subheading under the byline');
    addSubheading(d, run[0]!);
    return true;
  },
  (s, t) => t.run.length >= 2 && headline(s, t, 'multi-line headline block'),
  (s, t) => s.cur!.marker !== undefined && headline(s, t, 'headline after a news article'),
  function subheading(s, { run, i }) {
    const d = s.cur!;
    if (run[0]!.paragraph.text.length > MAX_SUBHEADING_LENGTH || d.body.length === 0) return false;
    s.trace(i, () => 'subheading');
    addSubheading(d, run[0]!);
    return true;
  },
  (s, t) => headline(s, t, 'headline'),
];

/** A line that is one person's name and nothing else (`赵六`, `阿卜杜勒·拉赫曼`). */
function isBareName(norm: string): boolean {
  const credit = parseCredit(norm);
  return credit?.reporters.length === 1 && credit.reporters[0]!.name === norm.trim();
}

/** True when a title line ends with a notice word: `……的公告`. */
function isNoticeTitle(b: Block): boolean {
  const t = b.paragraph.norm;
  return NOTICE_WORDS.some((w) => t.endsWith(w));
}

/**
 * An article has one author. When one credited on top (`标题` / `山西某市王五` / text) has a
 * subheading after which the text closes with a different author's credit (`……工作。（某省某厅副厅长
 * 赵六）`), that subheading headed a second article: a page of short commentaries, each with its
 * credit on top or at the end. So did one over a single dated paragraph closed by another's credit
 * (`某镇开展防火检查` / `4月21日，……整改。（欧阳明辉）`): a news item after a story.
 */
function splitAtASecondAuthor(d: Draft, ctx: Context): Draft[] {
  const top = d.credits[0];
  const last = d.body[d.body.length - 1];
  const sub = d.subheadings[d.subheadings.length - 1];
  const closing = last && 'endCredit' in last ? last.endCredit : undefined;
  if (top?.kind !== 'byline' || top.credit.length === 0 || !closing?.length || !sub || !last) return [d];
  // Either both are authors' credits (an affiliation and a name), not a reporter's, a photographer's
  // or a speaker's, or what follows the title is one paragraph opening with its date: a news item.
  const authors = (list: readonly Reporter[]): boolean => list.every((r) => r.role === AUTHOR_ROLE);
  const section = d.body.slice(d.body.indexOf(sub) + 1);
  const item = section.length === 1 && opensWithItsDate(section[0]!.paragraph.norm);
  if (!(authors(top.credit) && authors(closing)) && !item) return [d];
  const position = new Map(d.blocks.map((x, k) => [x.block, k]));
  const at = position.get(sub)!;
  if (position.get(top)! > position.get(d.body[0]!)! || position.get(last)! < at) return [d];
  const topNames = new Set(top.credit.map((r) => r.name));
  if (closing.some((r) => topNames.has(r.name))) return [d];
  ctx.trace?.('segment', () => `line ${sub.paragraph.firstLine + 1}: new article (a second author's text under this title)`);
  const before = (list: Block[]): Block[] => list.filter((b) => position.get(b)! < at);
  const after = (list: Block[]): Block[] => list.filter((b) => position.get(b)! > at);
  const second: Draft = {
    ...d, blocks: [{ block: sub, role: 'head' }, ...d.blocks.slice(at + 1)], head: [sub], trailingTitles: after(d.trailingTitles), body: after(d.body),
    subheadings: after(d.subheadings), credits: after(d.credits),
  };
  // The marker opened the first article, and a continuation from another page is the first's.
  delete second.marker;
  delete second.continuedFrom;
  const first: Draft = {
    ...d, blocks: d.blocks.slice(0, at), trailingTitles: before(d.trailingTitles), body: before(d.body),
    subheadings: before(d.subheadings), credits: before(d.credits),
  };
  delete first.continuedOn;
  return [first, second];
}

function finishDraft(d: Draft): Segment {
  const s: Segment = { kind: kindOf(d), blocks: d.blocks };
  if (d.marker) s.marker = d.marker;
  if (d.continuedOn !== undefined) s.continuedOn = d.continuedOn;
  if (d.continuedFrom !== undefined) s.continuedFrom = d.continuedFrom;
  return s;
}


function kindOf(d: Draft): ArticleKind {
  if (d.notice) return 'notice';
  if (d.briefs) return 'brief';
  if (d.photo) return 'photo';
  const firstHead = d.head[0]?.paragraph.norm ?? '';
  // Commentary is told by its credit (`本报评论员`) or a column label opening its head (`短评`).
  if (d.credits.some((c) => c.paragraph.norm.includes(COMMENTATOR)) || isCommentaryColumn(firstHead)) return 'commentary';
  const credited = d.credits.length > 0 || d.body.some((b) => 'endCredit' in b && b.endCredit !== undefined);
  // One paragraph with no headline, opened by a marker or closed by its credit: a brief.
  if (d.head.length === 0 && d.body.length <= 1 && (d.marker || credited)) return 'brief';
  if (d.marker) return 'news';
  if (d.subheadings.length > 0) return 'feature';
  if (d.head.length > 0 && d.body.length >= 3) return 'feature';
  // A short headed story, credited or not, with no lead marker is still news.
  if (d.head.length > 0) return 'news';
  return 'other';
}
