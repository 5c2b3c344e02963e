/**
 * Stage 5: segments → articles. Reads each segment's blocks into the article record: headline,
 * kicker and deck from the title lines, the body text, and the extracted fields.
 */
import { FORECAST_WORDS } from '../data/dates.js';
import { DECK_ENDINGS, VAGUE_TIME_OPENERS } from '../data/markers.js';
import { AUTHOR_ROLE } from '../grammar/credits.js';
import { isBriefColumn, isCommentaryColumn } from '../grammar/shape.js';
import type { Article, Block, DateMention, Dateline, LeadBlock, LeadMarker, Segment, TextBlock } from '../types.js';
import { type DateContext, findDates, firstDayOnly, firstHoliday, firstRelativeDay } from './dates.js';
import { type PlaceContext, type PlaceScan, placesOf, scanPlaces } from './places.js';
import { extractReporters } from './reporters.js';
import { blocksIn, bodyBlocks } from './roles.js';

/** What the field extractors know about the issue. */
export interface ArticleContext {
  dates: DateContext;
  places: PlaceContext;
}

/** The text places are read from: the head lines (trailing titles included), then the body. */
export function placeTextOf(segment: Segment): string {
  const head = blocksIn(segment, 'head', 'headline', 'trailing-title').map((b) => b.paragraph.text).join('\n');
  // A reader's or author's credit names where they write from (`（河南开封市牛建海）`); a
  // reporter's credit names the paper, which is no place of the article.
  const from = blocksIn(segment, 'credit').filter((b) => b.kind === 'byline' && b.credit.some((r) => r.role === AUTHOR_ROLE)).map((b) => b.paragraph.text);
  return [head, bodyOf(segment), ...from].filter((t) => t.length > 0).join('\n');
}

function bodyOf(segment: Segment): string {
  return bodyBlocks(segment).map((b) => b.paragraph.text).join('\n');
}

/**
 * Builds the article record of one segment. `index` is its 0-based position in the issue;
 * `places` is the scan of {@link placeTextOf}, made once per issue by the pipeline.
 */
export function buildArticle(segment: Segment, index: number, ctx: ArticleContext, places: PlaceScan = scanPlaces(placeTextOf(segment))): Article {
  const titles = splitTitles(segment);
  const dateline = datelineOf(segment, ctx);
  const body = bodyOf(segment);
  const dates = findDates(body, ctx.dates);
  const first = segment.blocks[0]!.block.paragraph;
  const last = segment.blocks[segment.blocks.length - 1]!.block.paragraph;

  const article: Article = {
    index,
    kind: segment.kind,
    headline: titles.headline,
    deck: titles.deck,
    subheadings: blocksIn(segment, 'subheading').map((b) => b.paragraph.text),
    body,
    reporters: extractReporters(segment),
    date: articleDate(segment, titles.headline, body, dates, dateline, ctx),
    dates,
    locations: placesOf(places, ctx.places),
    lines: { first: first.firstLine + 1, last: last.lastLine + 1 },
    span: [first.span[0], last.span[1]],
  };
  if (titles.kicker !== undefined) article.kicker = titles.kicker;
  if (segment.marker) article.marker = segment.marker.text;
  if (dateline) article.dateline = dateline;
  if (segment.continuedOn !== undefined) article.continuedOn = segment.continuedOn;
  if (segment.continuedFrom !== undefined) article.continuedFrom = segment.continuedFrom;
  return article;
}

interface Titles {
  headline: string;
  kicker?: string;
  deck: string[];
}

/** A column's label standing above a headline: `短评`, `今日谈`, `经济简讯`. */
function isColumnLabel(norm: string): boolean {
  return isCommentaryColumn(norm) || isBriefColumn(norm);
}

/** True for a deck line: it names who presided (`罗清宇主持`) or opens with a dash (`——记……`). */
function isDeck(b: Block): boolean {
  const t = b.paragraph.norm.replace(/\s+/gu, '');
  return /^[—－-]{1,2}/u.test(t) || DECK_ENDINGS.some((w) => t.endsWith(w));
}

/**
 * Which of a two- or three-line head block is the main headline (主题), by the typography of
 * heads: a kicker (引题) stands above the main line and is shorter than it, a deck (副题) stands
 * below and is longer or marked (`——`, `……主持`, figures). Three lines are kicker, main, deck.
 * Larger blocks keep their first line.
 */
function mainLineOf(lines: readonly Block[]): number {
  // A marked deck below (`罗清宇主持`) means the block opens with its main line: `主题 / 副题 / 副题`.
  if (lines.slice(1).some(isDeck)) return 0;
  if (lines.length === 3) return 1;
  if (lines.length !== 2) return 0;
  const [first, second] = lines.map((b) => b.paragraph.norm.replace(/\s+/gu, '').length) as [number, number];
  if (/[0-9]/u.test(lines[1]!.paragraph.norm)) return 0;
  if (first <= MAX_KICKER_LABEL) return 1;
  if (second > first * DECK_LENGTH_RATIO) return 0;
  return first <= second ? 1 : 0;
}

/** A kicker this short (`恩施市`, `金刚台乡`) is a label above the main line, whatever follows. */
const MAX_KICKER_LABEL = 5;
/** A second line this many times longer than the first is a deck. */
const DECK_LENGTH_RATIO = 1.6;

/**
 * Headline, kicker and deck. The headline is the first title line that is neither a deck nor a
 * column label, or, in a block of two or three lines, the one `mainLineOf` reads as the main line;
 * lines above it are the kicker. When PDF order put a title after the body, that is the article's own title
 * and the one above the body (a column or series name) becomes the kicker.
 */
function splitTitles(segment: Segment): Titles {
  const headParts = segment.blocks.filter((x) => x.role === 'head' || x.role === 'headline');
  const head = headParts.map((x) => x.block);
  const trailing = blocksIn(segment, 'trailing-title');
  const lines = trailing.length > 0 ? trailing : head;
  const texts = lines.map((b) => b.paragraph.text);
  // The headline is the first line that is neither a deck nor a column label (`短评`) above it.
  // A deck-like first line (`国务院常务会议部署`) is still the headline: decks stand below one.
  // The segmenter may know the headline (the page's title repeats it); else the head's typography tells.
  const known = trailing.length > 0 ? -1 : headParts.findIndex((x) => x.role === 'headline');
  let h = known >= 0 ? known : lines.findIndex((b, k) => (k === 0 || !isDeck(b)) && !(k < lines.length - 1 && isColumnLabel(b.paragraph.norm)));
  if (h < 0) h = 0;
  if (h === 0 && known < 0) h = mainLineOf(lines);
  const titles: Titles = { headline: texts[h] ?? '', deck: texts.slice(h + 1) };
  const kicker = texts.slice(0, h);
  if (trailing.length > 0 && head.length > 0) {
    kicker.unshift(...head.map((b) => b.paragraph.text));
  }
  if (kicker.length > 0) titles.kicker = kicker.join(' ');
  return titles;
}

/**
 * The article's own date. A notice's is its signature date (a date line under its body); any other
 * article's is the first day-precise date of its lead paragraph, or of its dateline, unless the
 * lead opens with a vague time word (`近日`, `日前`) before any date: then it names none.
 */
function articleDate(segment: Segment, headline: string, body: string, dates: readonly DateMention[], dateline: Dateline | undefined, ctx: ArticleContext): string | null {
  if (segment.kind === 'notice') {
    const sig = bodyBlocks(segment).reverse().find((b) => b.kind === 'date-line');
    if (sig) return findDates(sig.paragraph.text, ctx.dates).find(isDayPrecise)?.value ?? null;
  }
  // A weather forecast is dated by the start of the period it forecasts (`……预报如下：18日，晴`).
  const forecast = forecastDate(headline, body, ctx);
  if (forecast) return forecast;
  if (dateline?.date) return dateline.date;
  // The lead is the paragraph of the lead marker (a caption may stand above it), else the first
  // paragraph of text, past a short source line (`□据《京九晚报》`).
  const bodyList = bodyBlocks(segment);
  const leadAt = bodyList.findIndex((b) => b.kind === 'lead');
  const textAt = leadAt >= 0 ? leadAt : Math.max(0, bodyList.findIndex((b) => b.paragraph.text.length > MAX_SOURCE_LINE));
  const leadBlock = bodyList[textAt];
  let offset = 0;
  for (let k = 0; k < textAt; k++) offset += bodyList[k]!.paragraph.text.length + 1;
  const leadStart = offset + (leadBlock?.kind === 'lead' ? leadBlock.marker.text.length : 0);
  const leadEnd = offset + (leadBlock?.paragraph.text.length ?? body.length);
  const lead = body.slice(leadStart, leadEnd);
  // The first date of the lead, of three kinds: a full or month-day date (one later than the issue
  // is an announcement, and one years before it history, not the article's date), a day without
  // its month (`24日，……`: the issue's month) and a fixed holiday (`元旦之夜`).
  const full = dates.find((d) => d.span[0] >= leadStart && d.span[0] < leadEnd && isDayPrecise(d) && !afterIssue(d.value, ctx) && !historyOf(d.value, ctx));
  // A day alone counts only before the full date (which wins a tie), so it is looked for only there.
  const fullAt = full ? full.span[0] - leadStart : Infinity;
  const found = [full && { index: fullAt, value: full.value }, firstDayOnly(lead, ctx.dates, fullAt), firstHoliday(lead, ctx.dates)];
  const first = found.filter((c) => c !== undefined).sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  // A vague word before the first date: only the lead's start up to that date is searched.
  const vague = firstOf(lead.slice(0, first.index + LONGEST_VAGUE - 1), VAGUE);
  if (vague >= 0 && vague < first.index) return null;
  // A relative day (`昨日`) names a day only against an issue date known to the day.
  if (ctx.dates.issue?.day === undefined) {
    const relative = firstRelativeDay(lead);
    if (relative >= 0 && relative < first.index) return null;
  }
  return first.value;
}

/** The longest first paragraph that is a source line rather than the lead (`□据 《京九晚报》`). */
const MAX_SOURCE_LINE = 16;

/** True when an ISO day is later than the issue's (known to the day). */
function afterIssue(value: string, ctx: ArticleContext): boolean {
  const issue = ctx.dates.issue;
  if (!issue || issue.month === undefined || issue.day === undefined || value.startsWith('-')) return false;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return value > `${issue.year}-${pad(issue.month)}-${pad(issue.day)}`;
}

/**
 * Years before the issue's from which a date is history (`１８４７年９月２１日` in a 1998 feature),
 * never the article's own date: a report is of the last months, a look back of more than this.
 */
const HISTORY_YEARS = 2;

/** True when an ISO day lies in a year {@link HISTORY_YEARS} or more before the issue's. */
function historyOf(value: string, ctx: ArticleContext): boolean {
  const issue = ctx.dates.issue;
  return issue !== undefined && !value.startsWith('-') && Number(value.slice(0, 4)) <= issue.year - HISTORY_YEARS;
}

/** The first date after a forecast word (`天气预报`, `预报如下`), when the text is a forecast. */
function forecastDate(headline: string, body: string, ctx: ArticleContext): string | undefined {
  // The headline and the body read as one text, without copying the body to join them.
  const inHead = firstOf(headline, FORECAST);
  const inBody = inHead < 0 ? firstOf(body, FORECAST) : -1;
  if (inHead < 0 && inBody < 0) return undefined;
  const rest = inHead >= 0 ? `${headline.slice(inHead)}\n${body}` : body.slice(inBody);
  const full = findDates(rest, ctx.dates).find(isDayPrecise);
  const day = firstDayOnly(rest, ctx.dates);
  if (full && (!day || full.span[0] <= day.index)) return full.value;
  return day?.value;
}

/** Any of `words`, as one pattern: the first found is the first printed. */
function anyWord(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'u');
}

const FORECAST = anyWord(FORECAST_WORDS);
const VAGUE = anyWord(VAGUE_TIME_OPENERS);
const LONGEST_VAGUE = Math.max(...VAGUE_TIME_OPENERS.map((w) => w.length));

/** Where the first of the words of `pattern` ({@link anyWord}) stands in `text`, or -1. */
function firstOf(text: string, pattern: RegExp): number {
  return pattern.exec(text)?.index ?? -1;
}

/** A date with a day: `2026-06-01` or `--06-01`. */
function isDayPrecise(d: DateMention): boolean {
  return /^(?:\d{4}|-)-\d{2}-\d{2}$/u.test(d.value);
}

/** The dateline repeated at the end of an article (`（新华社北京１月２８日电）`), if any. */
function trailerOf(segment: Segment): LeadMarker | undefined {
  for (const b of blocksIn(segment, 'credit')) if (b.kind === 'byline' && b.marker) return b.marker;
  // Or closing the text's last paragraph (`……一只。（新华社北京１月２８日电）`).
  const last = bodyBlocks(segment).findLast((b): b is LeadBlock | TextBlock => b.kind === 'body' || b.kind === 'lead' || b.kind === 'list-item');
  return last?.endTrailer;
}

/** The dispatch place and date of a datelined marker (`新华社北京6月1日电`). */
function datelineOf(segment: Segment, ctx: ArticleContext): Dateline | undefined {
  // The lead's marker, or the dateline repeated at the end when the lead has none.
  const m = segment.marker?.place !== undefined || segment.marker?.dateText !== undefined ? segment.marker : trailerOf(segment);
  if (!m || (m.place === undefined && m.dateText === undefined)) return undefined;
  const dateline: Dateline = {};
  if (m.place !== undefined) dateline.place = m.place;
  if (m.dateText !== undefined) {
    // `十四` of `十四电` is a day.
    const dateText = /[日号]$/u.test(m.dateText) ? m.dateText : `${m.dateText}日`;
    const value = findDates(dateText, ctx.dates).find(isDayPrecise)?.value ?? firstDayOnly(dateText, ctx.dates)?.value;
    if (value) dateline.date = value;
  }
  return dateline;
}
