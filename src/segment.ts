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
import { COMMENTATOR, EDITOR_NOTE_LABELS, NOTICE_WORDS, PHOTO_LABELS, PHOTO_TITLE_MARK } from './data/markers.js';
import { parseCredit } from './grammar/credits.js';
import { inlineContinuation, isBriefColumn, isCommentaryColumn, startsWithBullet } from './grammar/shape.js';
import type { ArticleKind, Block, BlockKind, Context, Diagnostic, Segment, StageResult } from './types.js';

/** The most title lines one headline block holds (kicker, headline and up to four decks). */
export const MAX_HEAD_LINES = 6;
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

/** The article being built. Private to this stage; it is mutated only here, while open. */
interface Draft extends Omit<Segment, 'kind'> {
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
  const drafts: Draft[] = [];
  const leftovers: Block[] = [];
  const diagnostics: Diagnostic[] = [];
  let cur: Draft | undefined;
  const isOpen = (): boolean => cur !== undefined && !cur.closed;
  const trace = (i: number, why: () => string): void =>
    ctx.trace?.('segment', () => `line ${blocks[i]!.paragraph.firstLine + 1}: ${why()}`);

  const start = (head: Block[], why: string, i: number): Draft => {
    const d: Draft = {
      blocks: [...head], head: [...head], trailingTitles: [], body: [], subheadings: [], credits: [],
      closed: false, notice: head.length > 0 && isNoticeTitle(head[head.length - 1]!), photo: false,
      briefs: head.length === 1 && isBriefColumn(head[0]!.paragraph.norm),
    };
    drafts.push(d);
    cur = d;
    trace(i, () => `new article (${why})`);
    return d;
  };
  const addBody = (d: Draft, b: Block): void => {
    d.blocks.push(b);
    d.body.push(b);
  };

  for (let i = 0; i < blocks.length; ) {
    const b = blocks[i]!;
    switch (b.kind) {
      case 'furniture':
        leftovers.push(b);
        i++;
        break;

      case 'title': {
        // A name alone on the line after the credit that closed an article (`（作者为……）` / `赵六`).
        if (cur?.closed && cur.blocks.at(-1) === cur.credits.at(-1) && blocks[i + 1]?.kind !== 'title' && !BODY_KINDS.has(blocks[i + 1]?.kind ?? 'furniture') && isBareName(b.paragraph.norm)) {
          trace(i, () => 'a name under the closing credit');
          cur.blocks.push(b);
          cur.credits.push(b);
          i++;
          break;
        }
        let j = i;
        while (j < blocks.length && blocks[j]!.kind === 'title') j++;
        let run = blocks.slice(i, j);
        // Web pages put chrome between a headline and its text (`作者: 来源: 时间:`): look past it.
        // With no article open, a page date there (`2014年02月12日`) is chrome too.
        let k = j;
        while (blocks[k]?.kind === 'furniture' || (blocks[k]?.kind === 'date-line' && !isOpen())) k++;
        const next = blocks[k];
        if (k > j && !isOpen() && (next === undefined || next.kind === 'title')) {
          trace(i, () => 'a list of headlines with no body');
          leftovers.push(...run.map((r): Block => ({ ...r, kind: 'furniture' })));
          i = j;
          break;
        }
        // Title lines beyond a headline block's size belong to what came before (a notice's
        // fields, a list of names); keep the last lines as the head.
        if (run.length > MAX_HEAD_LINES && next && (next.kind === 'lead' || BODY_KINDS.has(next.kind))) {
          const extra = run.slice(0, run.length - MAX_HEAD_LINES);
          run = run.slice(run.length - MAX_HEAD_LINES);
          const host = isOpen() ? cur! : start([], 'untitled lines', i);
          for (const e of extra) addBody(host, e);
        }
        placeTitleRun(run, next, blocks[k + 1], blocks[k + 2], i);
        i = j;
        break;
      }

      case 'lead': {
        const d = cur;
        if (d && isOpen() && d.body.length === 0 && !d.marker) {
          addBody(d, b);
        } else if (d && isOpen() && !d.marker && d.head.length > 0 && d.body.length === 1 && d.body[0]!.kind === 'body' && d.body[0]!.paragraph.text.length <= MAX_CAPTION_ABOVE_LEAD) {
          // A headline, one caption or deck sentence, then the lead: one story (`马明超一行在……了解情况。` / `本报讯 ……`).
          trace(i, () => 'a lead under a headline and one short paragraph');
          addBody(d, b);
        } else if (d && isOpen() && d.head.length > 0 && d.marker?.form === '电' && b.marker?.form === '电') {
          trace(i, () => 'another dispatch of a round-up');
          addBody(d, b);
        } else {
          addBody(start([], 'lead marker without a title', i), b);
        }
        cur!.marker ??= b.marker!;
        noteInlineContinuation(cur!, b);
        i++;
        break;
      }

      case 'byline':
      case 'photo-credit': {
        const d = cur;
        if (d && isOpen()) {
          d.blocks.push(b);
          d.credits.push(b);
          if (b.kind === 'photo-credit' && !d.marker && d.body.length <= MAX_CAPTION_PARAGRAPHS) d.photo = true;
          // A photo printed inside a news story (caption and credit between its paragraphs) does
          // not end the story when its text goes on below.
          // A photo printed inside a story or a package of photos (caption and credit between
          // paragraphs) does not end it when its text goes on below.
          const photoInside = b.kind === 'photo-credit' && BODY_KINDS.has(blocks[i + 1]?.kind ?? 'furniture');
          // A byline under a headline and a one-line deck, above the lead (`□记者 X` / `本报讯 …`), opens the story.
          const bylineOnTop = blocks[i + 1]?.kind === 'lead' && d.body.length === 1 && !d.marker && d.body[0]!.paragraph.text.length <= MAX_DECK_SENTENCE;
          if (d.body.length > 0 && !photoInside && !bylineOnTop) d.closed = true;
        } else if (d && !BODY_KINDS.has(blocks[i + 1]?.kind ?? 'furniture')) {
          // A second credit line of an article that a first one closed.
          d.blocks.push(b);
          d.credits.push(b);
        } else {
          const n = start([], 'credit before an untitled body', i);
          n.blocks.push(b);
          n.credits.push(b);
        }
        i++;
        break;
      }

      case 'continuation': {
        const c = b.continuation!;
        const d = cur;
        if (c.direction === 'to' && d) {
          d.blocks.push(b);
          d.continuedOn = c.page;
          d.closed = true;
        } else if (c.direction === 'from' && d && isOpen() && d.body.length === 0) {
          d.blocks.push(b);
          d.continuedFrom = c.page;
        } else {
          const n = start([], 'continued from another page', i);
          n.blocks.push(b);
          if (c.direction === 'from') n.continuedFrom = c.page;
          else n.continuedOn = c.page;
        }
        i++;
        break;
      }

      default: {
        // A date alone where no article is open is the page's date (`1946-05-17`, `2024年02月03日`).
        if (b.kind === 'date-line' && !isOpen()) {
          trace(i, () => 'a page date where no article is open');
          leftovers.push(b);
          i++;
          break;
        }
        // Body, section heads, list items, date lines. In a brief column each bullet is a brief.
        const d = isOpen() ? cur! : start([], 'body after a closed article', i);
        // Bulleted items right under a one-line title (`要闻简报`, `三秦短波`) make a column of
        // briefs: one article, the column's title its headline.
        if (d.head.length === 1 && d.body.length === 0 && startsWithBullet(b.paragraph.norm)) d.briefs = true;
        addBody(d, b);
        if (b.kind === 'body') noteInlineContinuation(d, b);
        // A paragraph closing with its credit (`……。（王五）`) ends the article, except inside a
        // column of briefs, where each item carries one.
        if (b.endCredit && b.kind === 'body' && !d.briefs) {
          trace(i, () => 'a paragraph closing with its credit');
          d.closed = true;
        }
        // Numbered heads (`一、产业兴旺有底气`) are a notice's parts but a feature's subheadings.
        if (b.kind === 'section-head' && !d.notice) d.subheadings.push(b);
        if (b.kind === 'date-line' && d.body.length > 1) d.closed = true;
        i++;
      }
    }
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

  function placeTitleRun(run: Block[], next: Block | undefined, after: Block | undefined, after2: Block | undefined, i: number): void {
    const d = cur;
    const open = isOpen();
    const nextKind = next?.kind;
    // `图片：` over an article's photos: the label, the captions' titles and their credits are the article's.
    if (open && PHOTO_LABELS.includes(run[0]!.paragraph.norm)) {
      trace(i, () => 'the photos of the open article');
      for (const r of run) addBody(d!, r);
      return;
    }
    // `编者按` after a package of photos or a story: its note is the article's.
    if (d && run.length === 1 && EDITOR_NOTE_LABELS.includes(run[0]!.paragraph.norm.replace(/[\s：]/gu, '')) && nextKind !== undefined && BODY_KINDS.has(nextKind)) {
      trace(i, () => "an editor's note of the article above");
      d.closed = false;
      d.subheadings.push(run[0]!);
      addBody(d, run[0]!);
      return;
    }
    if (nextKind === 'lead') return void start(run, 'headline above a lead', i);
    if (PHOTO_TITLE_MARK.test(run[run.length - 1]!.paragraph.norm)) {
      const n = start(run, 'the title of a photo item', i);
      n.photo = true;
      return;
    }
    if (isNoticeTitle(run[run.length - 1]!) && nextKind !== undefined && nextKind !== 'byline') {
      return void start(run, 'notice title', i);
    }
    // Inside an open notice, title-like lines are its fields, parts and signature.
    if (open && d!.notice) {
      for (const r of run) addBody(d!, r);
      return;
    }
    if (nextKind === 'byline') {
      // Title, byline, then body: a feature with its byline on top. Otherwise PDF order put
      // the open article's own title and byline after its body.
      const afterKind = after?.kind;
      // Unless a subheading and text follow the byline (`邯郸的贫民贷款` / `吴象` / `一根木梁` / text).
      const subheadingNext = afterKind === 'title' && after2 !== undefined && BODY_KINDS.has(after2.kind);
      if (open && d!.body.length > 0 && !subheadingNext && (afterKind === undefined || !BODY_KINDS.has(afterKind))) {
        trace(i, () => 'title after the body (PDF order)');
        d!.trailingTitles.push(...run);
        d!.blocks.push(...run);
        return;
      }
      return void start(run, 'headline above a byline', i);
    }
    if (nextKind === 'photo-credit') return void start(run, 'photo title', i);
    // Titles followed by nothing, with no article open, are the page's list of headlines.
    if (!open && nextKind === undefined) {
      trace(i, () => 'a list of headlines with no body');
      leftovers.push(...run.map((r): Block => ({ ...r, kind: 'furniture' })));
      return;
    }
    if (nextKind === 'continuation') {
      if (next!.continuation!.direction === 'to' && open) {
        d!.trailingTitles.push(...run);
        d!.blocks.push(...run);
        return;
      }
      return void start(run, 'headline of a continued article', i);
    }
    if (nextKind === undefined) {
      if (open) {
        d!.trailingTitles.push(...run);
        d!.blocks.push(...run);
        return;
      }
      return void start(run, 'title at the end of the input', i);
    }
    // Body follows.
    if (!open) return void start(run, 'headline after a closed article', i);
    const photoAhead = after?.kind === 'photo-credit' || (after?.kind === 'body' && after2?.kind === 'photo-credit');
    if (photoAhead && !d!.marker) return void start(run, 'photo caption ahead', i);
    if (photoAhead) return void start(run, 'photo item after news', i);
    // One short line under a headline and its byline, above the text: the first subheading.
    if (run.length === 1 && d!.body.length === 0 && d!.credits.length > 0 && d!.head.length > 0 && run[0]!.paragraph.text.length <= MAX_SUBHEADING_LENGTH) {
      trace(i, () => 'subheading under the byline');
      d!.subheadings.push(run[0]!);
      addBody(d!, run[0]!);
      return;
    }
    if (run.length >= 2) return void start(run, 'multi-line headline block', i);
    if (d!.marker) return void start(run, 'headline after a news article', i);
    if (run[0]!.paragraph.text.length <= MAX_SUBHEADING_LENGTH && d!.body.length > 0) {
      trace(i, () => 'subheading');
      d!.subheadings.push(run[0]!);
      addBody(d!, run[0]!);
      return;
    }
    start(run, 'headline', i);
  }

  const segments = drafts.map(finishDraft);
  // A page of notices alone (公告, 通知) is newspaper structure too: it has titles and signatures.
  if (segments.length > 0 && !segments.some((s) => s.marker || s.credits.length > 0 || s.kind === 'notice')) {
    diagnostics.push({
      severity: 'warning',
      code: 'segment/no-markers',
      message: 'no lead markers or bylines found: articles were cut at headlines only; check that this is a newspaper page',
      file: ctx.name,
    });
  }
  return { value: { segments, leftovers }, diagnostics };
}

/** True when a title line ends with a notice word: `……的公告`. */
/** A line that is one person's name and nothing else (`赵六`, `阿卜杜勒·拉赫曼`). */
function isBareName(norm: string): boolean {
  const credit = parseCredit(norm);
  return credit?.reporters.length === 1 && credit.reporters[0]!.name === norm.trim();
}

function isNoticeTitle(b: Block): boolean {
  const t = b.paragraph.norm;
  return NOTICE_WORDS.some((w) => t.endsWith(w));
}

function finishDraft(d: Draft): Segment {
  const s: Segment = {
    kind: kindOf(d),
    blocks: d.blocks,
    head: d.head,
    trailingTitles: d.trailingTitles,
    body: d.body,
    subheadings: d.subheadings,
    credits: d.credits,
  };
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
  if (d.marker) return d.head.length === 0 && d.body.length <= 1 ? 'brief' : 'news';
  if (d.subheadings.length > 0) return 'feature';
  if (d.head.length > 0 && d.body.length >= 3) return 'feature';
  // A short headed story with a reporter's byline and no lead marker is still news.
  if (d.head.length > 0 && d.credits.length > 0) return 'news';
  return 'other';
}
