/**
 * The shape of a piece of text on its own, without context: the one place that decides whether a
 * line reads as a lead, a credit, a title or body. Both `repair` (may these two pieces be one
 * paragraph?) and `classify` (what is this paragraph?) ask it, so they can never disagree.
 *
 * The tests run in a fixed order, most specific first: continuation, furniture, lead marker,
 * date line, credit, section head, list item, then title versus body by punctuation.
 */
import {
  AGENCIES,
  CREDIT_LABELS,
  ROLES,
  AGENCY_PHOTO_CREDIT,
  PHOTO_ROLE,
  PHOTO_TITLE_MARK,
  LOCAL_SOURCES,
  OUTLET_ENDINGS,
  BRIEF_BULLETS,
  BRIEF_COLUMN_WORDS,
  CLAUSE_PUNCT,
  COMMENTARY_COLUMNS,
  CONTINUATION_PATTERN,
  FURNITURE_PATTERNS,
  LIST_ITEM_PATTERN,
  MAX_BRIEF_COLUMN_LENGTH,
  MAX_COLUMN_LABEL_LENGTH,
  SECTION_HEAD_PATTERN,
  SENTENCE_FINAL,
} from '../data/markers.js';
import { NUMERAL_CHARS, parseNumeral } from '../data/numerals.js';
import { parseBracketedLead } from './bracketed-leads.js';
import { parseAffiliatedName, parseCredit } from './credits.js';
import { isWebChrome } from './chrome.js';
import { FURNITURE_GATES, GATE, hintsOf, isRead, opens } from './hints.js';
import type { Continuation, LeadMarker, Reporter, Span, TextShape } from '../types.js';

export type { TextShape };

/** The longest a title line may be; deck lines reach 60+ characters, body paragraphs far more. */
export const MAX_TITLE_LENGTH = 100;

/** The longest line that can be page furniture (a page header with paper name, date and page). */
const MAX_FURNITURE_LENGTH = 80;
/** The longest a credit line may be (`记者 A 通讯员 B C D`). */
const MAX_CREDIT_LENGTH = 48;


const AGENCY_ALT = [...AGENCIES].sort((a, b) => b.length - a.length).join('|');
/** Any outlet by the shape of its name, before 讯/电: `滨州日报`, `齐鲁晚报`, `大河网`, `滨州日报/滨州网`, `新华社晋冀鲁豫总分社`. */
const OUTLET_SOURCE = String.raw`[\u4e00-\u9fff]{1,8}?(?:${OUTLET_ENDINGS.join('|')})(?:\s*[/／]\s*[\u4e00-\u9fff]{1,8}?(?:${OUTLET_ENDINGS.join('|')}))?`;
/** A dateline's date: `6月1日`, `三月十四日`, or the day alone (`十四日`, `十四电` of 1946), which takes the month. */
const DATE_PART = `(?:[${NUMERAL_CHARS}]{1,3}月)?[${NUMERAL_CHARS}]{1,3}日|[${NUMERAL_CHARS}]{1,3}(?=电)`;
/**
 * Lead markers, on normalised text. `place` is 1–6 Han characters that cannot contain the words
 * of an ordinary sentence, so `本报记者从市电力公司获悉` is not a dateline.
 */
const MARKER = new RegExp(
  String.raw`^(?:[${BRIEF_BULLETS}]\s*)?(?:[【［]\s*)?(?<source>据?\s*(?:${LOCAL_SOURCES.join('|')}|${AGENCY_ALT}|${OUTLET_SOURCE}))` +
    String.raw`(?:\s*(?<place>(?:(?!记者|从|在|的|了|是|讯|电|专|月)[\u4e00-\u9fff]){1,6}?))?` +
    String.raw`\s*(?<date>${DATE_PART})?\s*(?<form>讯|电|专电|专讯|消息)(?:\s*[】］])?`,
  'u',
);
/** Characters that, right after a marker's form, make it part of a word (`电力`, `电话`, `消息称`). */
const WORD_AFTER_FORM: Readonly<Record<string, RegExp>> = {
  电: /^(?:[力商话视讯子脑影网站器费价气动池梯线缆]|稿|报道称)/u,
  消息: /^(?:称|灵通|人士|传出|说)/u,
  // `本报讯的记者`, `本报讯所报道`: the marker named in a sentence.
  讯: /^(?:的|所)/u,
};

/** Sources named in the lists (`本报`, `新华社`), as against outlets known by the shape of their name. */
const KNOWN_SOURCE = new RegExp(String.raw`^据?\s*(?:${LOCAL_SOURCES.join('|')}|${AGENCY_ALT})$`, 'u');
/** Any word or mark a credit with a role holds: roles, labels, `摄`, `图`, `文`, an outlet's `报`/`社`/`台`. */
const CREDIT_HINT = new RegExp(`${[...ROLES, ...CREDIT_LABELS].sort((a, b) => b.length - a.length).join('|')}|[摄图文报社台员者记]`, 'u');
/** A paragraph wholly in parentheses: `（王五）`. */
const PAREN_WHOLE = /^（(?<inner>[^（）]{2,40})）$/u;
/** A byline in parentheses right after the marker: `（记者 王晶）`. */
const MARKER_PAREN = /^\s*（(?<byline>[^（）]{1,40})）/u;
/** The older form: `记者张三报道：` after the dateline. */
const MARKER_REPORTED = /^\s*(?<byline>(?:本报)?[\u4e00-\u9fff]{0,5}记者[\s\u4e00-\u9fff、·]{2,30}?)\s*报道\s*[：]?/u;
/** A lead with no dateline: `本报记者 王晶 报道：` opening the paragraph. */
const REPORTED_LEAD = /^(?<byline>本报(?:[\u4e00-\u9fff]{0,4})?记者[\s\u4e00-\u9fff、·]{2,30}?)\s*报道\s*[：]?/u;
/** A whole paragraph that only repeats the dateline: `（本报东京３月２日电）`. */
const DATELINE_TRAILER = new RegExp(String.raw`^（(?:本报|${AGENCY_ALT})[^（）]{0,16}(?:讯|电)）$`, 'u');
/** The longest dateline repeated at a paragraph's end, parentheses included. */
const MAX_END_TRAILER = 32;

/**
 * The dateline repeated at the end of a paragraph of text (`……只能买到一只。（新华社北京１月２８日电）`),
 * as a marker with its place and date; undefined when the paragraph has none. A paragraph that is
 * only the trailer is a credit of its own ({@link shapeOf}).
 */
export function parseEndTrailer(norm: string, offset: number, text: string = norm): LeadMarker | undefined {
  if (!norm.endsWith('）')) return undefined;
  const open = norm.lastIndexOf('（', norm.length - 2);
  if (open <= 0 || norm.length - open > MAX_END_TRAILER || !DATELINE_TRAILER.test(norm.slice(open))) return undefined;
  return parseLeadMarker(norm.slice(open + 1, -1), offset + open + 1, text.slice(open + 1, -1));
}

/** A date line under a signature: `2026年6月1日`, `二〇二六年六月一日`, `2026-06-01`. */
const DATE_LINE = new RegExp(
  String.raw`^(?:[${NUMERAL_CHARS}]{4}\s*年\s*[${NUMERAL_CHARS}]{1,2}\s*月\s*[${NUMERAL_CHARS}]{1,3}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2})$`,
  'u',
);

/**
 * The shape of one paragraph's text. `norm` is the normalised twin of the trimmed `text` and
 * `offset` the source offset of its first character (for the marker's span).
 */
export function shapeOf(norm: string, offset: number, text: string = norm): TextShape {
  // Each costly test below runs only when the line holds the characters it needs.
  const hints = hintsOf(norm);
  const cont = opens(hints, GATE.continuation) ? CONTINUATION_PATTERN.exec(norm) : null;
  if (cont) {
    const page = parseNumeral(cont.groups!['page']!);
    if (page !== undefined) {
      const dir = cont.groups!['dir']!;
      return { kind: 'continuation', continuation: { direction: dir.includes('上') || dir === '接' ? 'from' : 'to', page } };
    }
  }
  // Furniture lines are short; the guard also keeps every pattern's cost bounded on huge lines.
  if (norm.length <= MAX_FURNITURE_LENGTH && isFurniture(norm, hints)) return { kind: 'furniture' };
  if (isWebChrome(norm, hints)) return { kind: 'furniture' };
  const lead = opens(hints, GATE.lead);
  const marker = lead ? parseLeadMarker(norm, offset, text, hints) : undefined;
  if (marker) return { kind: 'lead', marker };
  // The dateline repeated at the end (`（本报东京３月２日电）`, `（新华社北京１月２８日电）`): a credit
  // that carries the dispatch's place and date.
  if (lead && DATELINE_TRAILER.test(norm)) {
    const trailer = parseLeadMarker(norm.slice(1, -1), offset + 1, text.slice(1, -1));
    return trailer ? { kind: 'byline', credit: [], marker: trailer } : { kind: 'byline', credit: [] };
  }
  if (norm.length <= MAX_CREDIT_LENGTH && opens(hints, GATE.agencyPhoto) && AGENCY_PHOTO_CREDIT.test(norm)) return { kind: 'photo-credit', credit: [] };
  if (norm.length <= 20 && DATE_LINE.test(norm)) return { kind: 'date-line' };
  // Credits never end a sentence, except an author line closing with its parenthesis (`X（作者系……）`).
  // Only a line with a credit's word, mark or parentheses is worth parsing as one.
  if (norm.length <= MAX_CREDIT_LENGTH && (!endsSentence(norm) || norm.endsWith('）')) && ((opens(hints, GATE.credit) && CREDIT_HINT.test(norm)) || (opens(hints, GATE.paren) && PAREN_WHOLE.test(norm)))) {
    const credit = parseCredit(norm);
    // A writer and a photographer together (`文/X 图/Y`, `X/文 Y/图`) credit a story with its photo.
    const story = credit?.reporters.some((r) => r.role === PHOTO_ROLE) && credit.reporters.some((r) => r.role !== PHOTO_ROLE);
    if (credit && credit.hasRoleWord) return { kind: credit.photo && !story ? 'photo-credit' : 'byline', credit: credit.reporters };
    // A credit in parentheses on its own line: names (`（赵六 孙七）`, `（王大明李小红）`) or an
    // affiliation and a name (`（河南开封市牛建海）`); names alone after a box (`□ 郝文斌`).
    const inner = PAREN_WHOLE.exec(norm)?.groups?.['inner'];
    if ((inner !== undefined || BOXED_NAMES.test(norm)) && credit?.surnamed) return { kind: 'byline', credit: credit.reporters };
    if (inner !== undefined) {
      const affiliated = parseAffiliatedName(inner);
      if (affiliated) return { kind: 'byline', credit: [affiliated] };
    }
  }
  const clause = isRead(norm) ? opens(hints, GATE.clause) : hasClausePunct(norm);
  if (SECTION_HEAD_PATTERN.test(norm) && !clause && norm.length <= 40) return { kind: 'section-head' };
  if (LIST_ITEM_PATTERN.test(norm)) return { kind: 'list-item' };
  if (!clause && norm.length <= MAX_TITLE_LENGTH && (!endsSentence(norm) || PHOTO_TITLE_MARK.test(norm))) return { kind: 'title' };
  return { kind: 'body' };
}

/** True when a furniture pattern whose gate the line's hints open matches it. */
function isFurniture(norm: string, hints: number): boolean {
  for (let k = 0; k < FURNITURE_PATTERNS.length; k++) if (opens(hints, FURNITURE_GATES[k]!) && FURNITURE_PATTERNS[k]!.pattern.test(norm)) return true;
  return false;
}

/** A box mark and names alone: the byline of a story (`□ 郝文斌`, `□李明 王芳`). */
const BOXED_NAMES = /^□\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,2}$/u;

/** A photo credit standing at the end of a caption line, after two spaces or in parentheses. */
const INLINE_CREDIT_TAIL = 48;
const INLINE_CREDIT = /(?:(?<=[。！？])\s*|\s{2,}|（)(?<credit>[^\s（）。！？][^（）。！？]{1,30}?\s*摄(?:影报道)?|(?:图|摄影)[/／：\s]\s*[^\s（）。！？][^（）。！？]{1,12}?)）?$/u;

/**
 * Where a photo credit printed on the caption's own line starts (`……晨练。　　本报记者 陈晨 摄`,
 * `……晨练。（记者 陈晨 摄）`), or undefined when the line has none. Offsets are into `norm`.
 */
export function inlineCreditStart(norm: string): number | undefined {
  // Only the tail can hold a credit; matching the whole line would cost O(n²) on long space runs.
  const from = Math.max(0, norm.length - INLINE_CREDIT_TAIL);
  const tail = norm.slice(from);
  const m = opens(hintsOf(tail), GATE.photoCredit) ? INLINE_CREDIT.exec(tail) : null;
  if (!m || from + m.index === 0) return undefined;
  const credit = parseCredit(m.groups!['credit']!);
  if (!credit?.photo || credit.reporters.length === 0) return undefined;
  return from + m.index;
}

/** True when the text ends with sentence-final punctuation (closing quotes and brackets count). */
export function endsSentence(norm: string): boolean {
  const t = norm.trimEnd();
  const last = t[t.length - 1];
  if (last === undefined || !SENTENCE_FINAL.includes(last)) return false;
  // A closing quote ends a sentence only after a stop (`……好。”`); `……“甜蜜事业”` is a title or a
  // sentence cut by a column break.
  if (CLOSING_QUOTES.includes(last)) {
    const before = t[t.length - 2];
    return before !== undefined && SENTENCE_FINAL.includes(before);
  }
  return true;
}

/** Closing quotation marks, which end a sentence only after a stop. */
const CLOSING_QUOTES = '”’」』';

/**
 * A continuation marker printed inside a paragraph: `（上接第1版）` opening it or `（下转第二版）`
 * closing it. Undefined when there is none.
 */
export function inlineContinuation(norm: string): Continuation | undefined {
  const open = INLINE_CONTINUATION_OPEN.exec(norm);
  const close = open ? null : INLINE_CONTINUATION_CLOSE.exec(norm.slice(Math.max(0, norm.length - 16)));
  const m = open ?? close;
  const page = m ? parseNumeral(m.groups!['page']!) : undefined;
  if (!m || page === undefined) return undefined;
  return { direction: m.groups!['dir']!.includes('上') || m.groups!['dir'] === '接' ? 'from' : 'to', page };
}

const INLINE_CONTINUATION_OPEN = /^（\s*(?<dir>上接|接)\s*第?\s*(?<page>[0-9一二三四五六七八九十]{1,3})\s*版\s*）/u;
const INLINE_CONTINUATION_CLOSE = /（\s*(?<dir>下转|转)\s*第?\s*(?<page>[0-9一二三四五六七八九十]{1,3})\s*版\s*）$/u;

/** True when clause punctuation (，。；) stands inside the text: body, not a headline. */
export function hasClausePunct(norm: string): boolean {
  return CLAUSE_PUNCT_ANY.test(norm);
}

const CLAUSE_PUNCT_ANY = new RegExp(`[${CLAUSE_PUNCT}]`, 'u');

/**
 * Finds a lead marker at the start of a paragraph: `本报讯（记者 王晶）`, `本报北京6月1日电（记者 X）`,
 * `新华社南京3月2日电（李四）`, `【本报讯】`, `本报东京3月2日电 记者张三报道：`, `本报记者 王晶 报道：`.
 * The byline in parentheses is accepted only when it parses as a credit (`（扩大）` is not one).
 */
export function parseLeadMarker(norm: string, offset: number, text: string = norm, hints: number = hintsOf(norm)): LeadMarker | undefined {
  // Each form is tried only when the line holds what it needs (see hints.ts).
  // Taiwan's bylines that open the lead: `〔记者X／台北报导〕`, `（中央社记者X台北3日电）`.
  const bracketed = opens(hints, GATE.bracketedLead) ? parseBracketedLead(norm, offset, text) : undefined;
  if (bracketed) return bracketed;
  const reported = opens(hints, GATE.reportedLead) ? REPORTED_LEAD.exec(norm) : null;
  if (reported) {
    const byline = reported.groups!['byline']!.trim();
    const credit = parseCredit(byline);
    if (credit) {
      const end = reported[0].length;
      return { text: text.slice(0, end), source: '本报', form: 'other', byline, reporters: credit.reporters, span: [offset, offset + end] };
    }
  }
  return (opens(hints, GATE.datelineLead) ? datelineMarker(norm, offset, text) : undefined) ?? (opens(hints, GATE.shortSourceLead) ? shortSourceMarker(norm, offset, text) : undefined);
}

/** `本报讯（记者 X）`, `新华社北京6月1日电（X）`, `本报东京3月2日电 记者张三报道：`: a source, a dateline, a form, a byline. */
function datelineMarker(norm: string, offset: number, text: string): LeadMarker | undefined {
  const m = MARKER.exec(norm);
  if (!m) return undefined;
  const g = m.groups!;
  const form = g['form']!;
  const place = g['place'];
  const date = g['date'];
  let end = m[0].length;
  const next = norm.slice(end, end + 1);
  // A dateline with a place but no date must be followed by a byline or a space: guards
  // against ordinary sentences that happen to start with an agency's name.
  if (place && !date && !/^[（\s记]|^$/u.test(next)) return undefined;
  // `消息` is a marker only right after the source: `本报消息`, `新华社消息`.
  if (form === '消息' && (place || date)) return undefined;
  // A form that starts a word is no marker: `本市电力部门`, `本报电话`, `新华社电讯稿`, `新华社消息称`.
  if (WORD_AFTER_FORM[form]?.test(norm.slice(m[0].length))) return undefined;
  // The paper's other names (`本市`, `本县`, `本台`) sign only its own news (讯), never a dispatch (电).
  const local = g['source']!.replace(/^据\s*/u, '');
  if (local !== '本报' && LOCAL_SOURCES.includes(local) && form !== '讯') return undefined;
  // An outlet known only by the shape of its name (`滨州日报讯`) must be followed by a byline,
  // a colon, a bracket or a space: `举报电话：` is no marker.
  if (!KNOWN_SOURCE.test(g['source']!) && !/[】］]$/u.test(m[0]) && !/^[（【］：\s]/u.test(next)) return undefined;

  let byline: string | undefined;
  let reporters: Reporter[] | undefined;
  const tail = norm.slice(end);
  const paren = MARKER_PAREN.exec(tail);
  // A name with no role (`（李四）`) is a byline only in a dispatch (`新华社南京3月2日电（李四）`);
  // after 本报讯 a bare word in parentheses (`（扩大）`) is text.
  const bareNameAllowed = form !== '讯' && form !== '专讯' && form !== '消息';
  const parenCredit = paren ? parseCredit(paren.groups!['byline']!) : undefined;
  if (paren && parenCredit && (parenCredit.hasRoleWord || bareNameAllowed || parenCredit.surnamed)) {
    byline = paren.groups!['byline']!.trim();
    reporters = parenCredit.reporters;
    end += paren[0].length;
  } else {
    const rep = MARKER_REPORTED.exec(tail);
    const repCredit = rep ? parseCredit(rep.groups!['byline']!) : undefined;
    if (rep && repCredit) {
      byline = rep.groups!['byline']!.trim();
      reporters = repCredit.reporters;
      end += rep[0].length;
    }
  }
  const marker: LeadMarker = {
    text: text.slice(0, end),
    source: g['source']!.replace(/^据\s*/u, ''),
    form: form === '讯' || form === '专讯' || form === '消息' ? '讯' : '电',
    span: [offset, offset + end] as Span,
  };
  if (place) {
    // As printed: `place` is read on the simplified twin (`臺北` as `台北`).
    const at = norm.indexOf(place, m[0].indexOf(g['source']!) + g['source']!.length);
    marker.place = text.slice(at, at + place.length);
  }
  if (date) marker.dateText = date;
  if (byline) marker.byline = byline;
  if (byline && reporters) marker.reporters = reporters;
  return marker;
}

/**
 * Markers of a paper known by a short name or a place: `信阳消息（见习记者 李倩）`, `南都讯 记者 陈晓华 ……`,
 * `杭州讯：……`, and a source quoted for the news, `据市气象台消息，……`.
 */
const SHORT_SOURCE_MARKER = /^(?<source>[\u4e00-\u9fff]{2,4}?)(?<form>讯|消息)(?=[（\s：])/u;
const QUOTED_SOURCE_MARKER = /^据(?<source>[\u4e00-\u9fff]{1,10}?(?:台|报|社|网|站|厅|局|委|办|院|中心))消息(?=，)/u;
/** A byline after a short marker and a space, then a space: `南都讯 记者 陈晓华 3月14日，……`. */
const SPACED_BYLINE = /^\s+(?<byline>[\u4e00-\u9fff]{0,8}(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,3})(?=\s)/u;
/** Words ending in 讯 or 消息 that are no paper's name (`通讯`, `简讯`, `好消息`). */
const NOT_SHORT_SOURCES = /(?:通|资|简|快|喜|短|电|音|死|传|审|质|好|坏|新|假|小道)$/u;

/** The marker of a paper that signs its news with a short name or its city's (`南都讯`, `信阳消息（X）`). */
function shortSourceMarker(norm: string, offset: number, text: string): LeadMarker | undefined {
  const quoted = QUOTED_SOURCE_MARKER.exec(norm);
  if (quoted) return { text: text.slice(0, quoted[0].length), source: quoted.groups!['source']!, form: '讯', span: [offset, offset + quoted[0].length] };
  const m = SHORT_SOURCE_MARKER.exec(norm);
  if (!m || NOT_SHORT_SOURCES.test(m.groups!['source']!)) return undefined;
  let end = m[0].length;
  const tail = norm.slice(end);
  const paren = MARKER_PAREN.exec(tail) ?? SPACED_BYLINE.exec(tail);
  const credit = paren ? parseCredit(paren.groups!['byline']!) : undefined;
  const credited = credit !== undefined && (credit.hasRoleWord || credit.surnamed) && credit.reporters.length > 0;
  // Without a credit, only `X讯：` reads as a marker; `X消息` needs its credit.
  if (!credited && !(m.groups!['form'] === '讯' && tail.startsWith('：'))) return undefined;
  if (credited) end += paren![0].length;
  const marker: LeadMarker = { text: text.slice(0, end), source: m.groups!['source']!, form: '讯', span: [offset, offset + end] };
  if (credited) {
    marker.byline = paren!.groups!['byline']!.trim();
    marker.reporters = credit.reporters;
  }
  return marker;
}

/** True for the title of a column of briefs: a short line ending in a word such as `简讯`. */
export function isBriefColumn(norm: string): boolean {
  const t = norm.replace(/\s+/gu, '');
  return t.length <= MAX_BRIEF_COLUMN_LENGTH && BRIEF_COLUMN_WORDS.some((w) => t.endsWith(w));
}

/** A news item's opening date: `4月21日，`, `2026年4月21日上午，`, `21日，`. */
const ITS_DATE_OPENING = new RegExp(String.raw`^(?:[${NUMERAL_CHARS}]{4}年)?(?:[${NUMERAL_CHARS}]{1,2}月)?[${NUMERAL_CHARS}]{1,3}日(?:[上中下晚凌早]午|晚|凌晨|早上)?[，\s]`, 'u');

/** True for a paragraph that opens with its date, as a news item does (`4月21日，郭道镇……`). */
export function opensWithItsDate(norm: string): boolean {
  return ITS_DATE_OPENING.test(norm);
}

/** True for a paragraph opened by a bullet (`●3月13日，……`). */
export function startsWithBullet(norm: string): boolean {
  return BRIEF_BULLETS.includes(norm.trimStart().charAt(0));
}

/** True for a commentary column's label (`短评`, `国际观察`): a short line opening or ending with a column word. */
export function isCommentaryColumn(norm: string): boolean {
  const t = norm.replace(/\s+/gu, '');
  return t.length <= MAX_COLUMN_LABEL_LENGTH && COMMENTARY_COLUMNS.some((w) => t.startsWith(w) || t.endsWith(w));
}

/** The shortest headline a site runs into its first body line (`据统计` is a sentence's opening). */
const MIN_RUN_IN_HEADLINE = 4;
/** Openings of a sentence that a marker or a gap may follow: `另据新华社……电`, `据统计   ……`. */
const RUN_IN_NOT_HEAD = /(?:^据|^另据|^又据|^同时|^此外|据$)/u;
/** The longest headline a site runs into the first body line. */
const MAX_RUN_IN_HEADLINE = 30;
/** A run of spaces (three or more, after normalisation) between a headline and its text on one line. */
const RUN_IN_GAP = /\s{3,}/u;
/** A known lead marker inside a line, after what may be its headline (`……春意浓本报讯`). */
const RUN_IN_MARKER = new RegExp(String.raw`(?:${LOCAL_SOURCES.join('|')})讯|(?:${AGENCY_ALT})[\u4e00-\u9fff]{0,6}?[${NUMERAL_CHARS}]{1,3}月[${NUMERAL_CHARS}]{1,3}日电`, 'u');

/** Cell separators of a table a page was crawled as (`| 标题 | 本报讯…… |`). */
const TABLE_PIPES = '|｜';

/**
 * The cells of a table row run onto one line (`| 社区食堂开进老小区 | 本报讯（记者 X）…… | …… |`), as
 * bounds into `norm` with the pipes and spaces dropped; undefined unless the line opens and
 * closes with a pipe and some cell is a sentence of text. A row of labels (`| 某某晚报 | 2023年05月12日 |`)
 * or of data (`| 1 | 张伟 | 教师，班主任 |`) stays whole.
 */
export function tableCells(norm: string): Array<[number, number]> | undefined {
  // Every line is asked: the ends are found without copying it.
  let a = 0;
  let b = norm.length;
  while (a < b && norm.charCodeAt(a) <= 32) a++;
  while (b > a && norm.charCodeAt(b - 1) <= 32) b--;
  if (b - a < 3 || !TABLE_PIPES.includes(norm.charAt(a)) || !TABLE_PIPES.includes(norm.charAt(b - 1))) return undefined;
  const cells: Array<[number, number]> = [];
  let from = a + 1;
  let text = false;
  for (let k = a + 1; k < b; k++) {
    if (!TABLE_PIPES.includes(norm.charAt(k))) continue;
    const cell = norm.slice(from, k);
    const x = from + cell.length - cell.trimStart().length;
    const y = from + cell.trimEnd().length;
    if (y > x) {
      cells.push([x, y]);
      text ||= readsAsText(norm.slice(x, y));
    }
    from = k + 1;
  }
  return cells.length >= 2 && text ? cells : undefined;
}

/** A table cell that is text, not a label or a datum: a sentence, a lead, or longer than a headline. */
function readsAsText(cell: string): boolean {
  return /[。！？]$/u.test(cell) || cell.length > MAX_TITLE_LENGTH || parseLeadMarker(cell, 0) !== undefined;
}

/** The longest head (masthead, headline and deck, byline) a page runs onto its lead marker's line. */
const MAX_SPACED_HEAD = 80;
/** The most spaced title parts such a head holds (a kicker, a headline, decks); more are a list (of names). */
const MAX_SPACED_TITLE_PARTS = 4;

/**
 * Where the pieces of a head run onto the first body line start, the last being the text's start;
 * undefined when the line has no such head. The head is spaced parts before a lead marker
 * ({@link spacedHeadCuts}) or one unpunctuated headline ({@link headlineRunInEnd}).
 */
export function headRunInCuts(norm: string): number[] | undefined {
  const spaced = spacedHeadCuts(norm);
  if (spaced) return spaced;
  const end = headlineRunInEnd(norm);
  return end !== undefined ? [end] : undefined;
}

/**
 * A head of spaced parts before a lead marker, as one e-paper page prints its whole head on the
 * lead's line: a masthead and editor line, then the headline (`新城日报 2026年5月6日 星期三 责任编辑：王五
 * 春耕备耕正当时 本报讯（记者 李四）……`), or the headline and deck, then a byline (`主题 副题 □晚报记者
 * 赵六 本报讯 ……`). Each run of parts of one kind (furniture, title, byline) is a piece; any other
 * part, or clause punctuation in the head, means this is no head.
 */
function spacedHeadCuts(norm: string): number[] | undefined {
  const start = norm.slice(0, MAX_SPACED_HEAD + 8);
  const marker = opens(hintsOf(start), GATE.lead) ? RUN_IN_MARKER.exec(start) : null;
  if (!marker || marker.index > MAX_SPACED_HEAD || !/\s/u.test(norm.charAt(marker.index - 1))) return undefined;
  // The marker must open a lead (`本报讯（记者 X）`), not be a word of a sentence (`本报讯的记者`).
  if (!parseLeadMarker(norm.slice(marker.index), 0)) return undefined;
  const head = norm.slice(0, marker.index);
  if (hasClausePunct(head) || norm.slice(marker.index).trim().length < 10) return undefined;
  const parts = [...head.matchAll(/\S+/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  if (parts.length < 2) return undefined;
  // The byline is the longest run of final parts that reads as one (`□记者 周 明 通讯员 王小川`).
  let titleEnd = parts.length;
  for (let i = 1; i < parts.length; i++) {
    if (head.length - parts[i]![0] <= MAX_CREDIT_LENGTH && shapeOf(head.slice(parts[i]![0]).trimEnd(), 0).kind === 'byline') {
      titleEnd = i;
      break;
    }
  }
  const cuts: number[] = [];
  let previous: 'furniture' | 'title' | undefined;
  let titles = 0;
  for (let i = 0; i < titleEnd; i++) {
    const [a, b] = parts[i]!;
    const kind = shapeOf(head.slice(a, b), 0).kind;
    const part = kind === 'title' ? 'title' : kind === 'furniture' || kind === 'date-line' ? 'furniture' : undefined;
    if (!part) return undefined;
    if (part === 'title') titles++;
    if (i > 0 && part !== previous) cuts.push(a);
    previous = part;
  }
  if (titles === 0 || titles > MAX_SPACED_TITLE_PARTS || previous !== 'title') return undefined;
  if (titleEnd < parts.length) cuts.push(parts[titleEnd]![0]);
  cuts.push(marker.index);
  return cuts;
}

/** Three or more spaced words of at most three characters (`张伟 李娜 王强`, `种子 化肥 农药`): a list, no headline. */
function isShortList(title: string): boolean {
  const words = title.split(/\s+/u);
  return words.length >= 3 && words.every((w) => w.length <= 3);
}

/**
 * Where the text starts when a headline was run into it on one line, or undefined: a short,
 * unpunctuated head, then three spaces or a lead marker, then text. Offsets are into `norm`.
 */
export function headlineRunInEnd(norm: string): number | undefined {
  const head = norm.slice(0, MAX_RUN_IN_HEADLINE + 4);
  const gap = RUN_IN_GAP.exec(head);
  const marker = opens(hintsOf(head), GATE.lead) ? RUN_IN_MARKER.exec(head) : null;
  const end = gap && (!marker || gap.index < marker.index) ? gap.index : marker?.index;
  if (end === undefined || end < 2 || end > MAX_RUN_IN_HEADLINE) return undefined;
  // A marker must open a lead (`本报讯（记者 X）`), not be a word of a sentence (`本报讯的记者`).
  if (end === marker?.index && !parseLeadMarker(norm.slice(end), 0)) return undefined;
  const title = norm.slice(0, end).trim();
  const rest = norm.slice(end).trim();
  if (title.length < MIN_RUN_IN_HEADLINE || RUN_IN_NOT_HEAD.test(title) || isShortList(title)) return undefined;
  if (rest.length < 10 || hasClausePunct(title) || endsSentence(title) || parseLeadMarker(title, 0) || startsWithBullet(title)) return undefined;
  // The text after a gap must read as text, not as the second half of a spaced headline.
  if (gap && end === gap.index && !hasClausePunct(rest.slice(0, 40))) return undefined;
  return gap && end === gap.index ? gap.index + gap[0].length : end;
}
