/**
 * The data model shared by every stage. Stages import only this module and `data/`.
 *
 * Position convention (STYLE.md §2): every `span` is `[start, end)`, 0-based offsets into the
 * decoded text, counted in JS string units (UTF-16). `source.slice(...span)` is the node's raw
 * text. Line numbers are 0-based inside the library and 1-based only where a field says so.
 */

/** Half-open range `[start, end)` of 0-based UTF-16 offsets into the decoded text. Example: `[120, 164]`. */
export type Span = readonly [start: number, end: number];

/** How bad a diagnostic is: `error` makes the file unusable, `warning` is worth a look, `info` is a note. */
export type Severity = 'error' | 'warning' | 'info';

/** One message about an input, from any stage. Codes are API (`stage/what`); wording is not. */
export interface Diagnostic {
  severity: Severity;
  /** Stable id, e.g. `decode/binary`, `segment/leftover`. */
  code: string;
  /** One sentence naming the problem and the fix, e.g. `no issue year; pass --issue-date 2021-06-27`. */
  message: string;
  /** The input's name as the user gave it, e.g. `issues/2021-06-27.txt` or `<stdin>`. */
  file?: string;
  /** Where in the decoded text, when the message is about a place in it. */
  span?: Span;
  /** Extra help, e.g. the command to run. */
  note?: string;
}

/** What every stage returns: its value and what it has to say about the input. */
export interface StageResult<T> {
  value: T;
  diagnostics: Diagnostic[];
}

// `Script` lives with the rule that decides it, as data imports only data.
import type { Script } from './data/script.js';

/** The script of a text: see `Issue.script`. */
export type { Script };

/** Text encodings paper-split decodes. `gb18030` covers GBK and GB2312. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** The decoded input. */
export interface DecodedText {
  /** The text with any BOM removed; line breaks kept as they were (CR, LF or CRLF). */
  text: string;
  /** The encoding used, e.g. `gb18030`. */
  encoding: Encoding;
  /** How the encoding was chosen. */
  encodingSource: 'bom' | 'option' | 'utf-8-valid' | 'detected';
  /** Characters that could not be decoded and became U+FFFD. */
  replaced: number;
}

/** One physical line of the decoded text, without its line break. */
export interface Line {
  /** 0-based line number. */
  index: number;
  span: Span;
  /** Raw text of the line, `source.slice(...span)`. */
  text: string;
  /**
   * The same text with half-width punctuation mapped to full width, one character for one
   * character, so offsets in `norm` are offsets in `text`. Match on this; output `text`.
   */
  norm: string;
}

/**
 * A paragraph after layout repair: one or more non-blank lines joined across column breaks.
 * `text` is the joined text (breaks removed, each part trimmed); `parts` keeps where each came from.
 */
export interface Paragraph {
  /** Index of the first line (0-based). */
  firstLine: number;
  /** Index of the last line (0-based, inclusive). */
  lastLine: number;
  /** From the start of the first line's content to the end of the last line's content. */
  span: Span;
  /** Joined, trimmed text in the original characters. */
  text: string;
  /** `text` normalised like `Line.norm` (same length as `text`). */
  norm: string;
  /** The spans of the line pieces that were joined, in order. */
  parts: Span[];
  /**
   * What the line parser made of the text, when repair already asked it (a paragraph of one piece);
   * classify reads it instead of parsing the text again.
   */
  shape?: TextShape;
}

/**
 * What one piece of text is on its own, with the facts its text gives (see `grammar/shape.ts`):
 * a block without its paragraph, and without the closing credit classify reads on text blocks.
 */
export type TextShape = Block extends infer B ? (B extends Block ? Omit<B, 'paragraph' | 'endCredit' | 'endTrailer'> : never) : never;

/** What a paragraph is, decided by `classify`. */
export type BlockKind =
  /** Page header, page number, 责任编辑 line: not part of any article. */
  | 'furniture'
  /** Short line without sentence-final punctuation: a headline, kicker, deck or subheading candidate. */
  | 'title'
  /** Body text that opens with a lead marker such as `本报讯（记者 王晶）`. */
  | 'lead'
  /** Ordinary body text. */
  | 'body'
  /** A credit line: `本报记者 雷甫`, `文/本报记者 X`, `本报评论员`. */
  | 'byline'
  /** A photographer's line: `本报记者 刘勇摄`, `摄影 X`, `图/X`. */
  | 'photo-credit'
  /** `（下转第4版）` or `（上接第1版）`. */
  | 'continuation'
  /** A line holding only a date, as under a notice's signature: `2026年6月1日`. */
  | 'date-line'
  /** A numbered section head inside a notice or report: `一、举报内容`, `（二）`. */
  | 'section-head'
  /** A bulleted or numbered list item: `- 存在……；`, `1. ……`. */
  | 'list-item';

/** A lead marker as found at the start of a lead paragraph. */
export interface LeadMarker {
  /** As printed, e.g. `本报讯 (记者王晶)` or `新华社北京6月1日电（记者 X Y）`. */
  text: string;
  /** The source part, e.g. `本报讯`, `新华社`, `本报`. */
  source: string;
  /** `讯` (own news) or `电` (a dispatch, datelined). */
  form: '讯' | '电' | 'other';
  /** The dateline place as printed, e.g. `北京`, `东京`; absent when none. */
  place?: string;
  /** The dateline date as printed, e.g. `6月1日`, `３月２日`. */
  dateText?: string;
  /** The byline inside the marker's parentheses or after it, e.g. `记者 王晶`. */
  byline?: string;
  /** The people `byline` names, parsed once with it (names as read on the normalised text). */
  reporters?: Reporter[];
  /** Span of the whole marker (including the byline). */
  span: Span;
}

/**
 * A classified paragraph: a union tagged by `kind`, each variant carrying the facts its text gave
 * when it was parsed, so later stages read facts and never parse the text again.
 */
export type Block = LeadBlock | CreditBlock | ContinuationBlock | TextBlock | PlainBlock;

/** A paragraph opened by a lead marker (`本报讯（记者 王晶）……`). */
export interface LeadBlock {
  kind: 'lead';
  paragraph: Paragraph;
  marker: LeadMarker;
  /** The credit closing the paragraph (`……招聘会。（记者 赵敏）`): such a paragraph ends its article. */
  endCredit?: Reporter[];
  /** The dateline repeated at the paragraph's end (`……一只。（新华社北京１月２８日电）`): its place and date. */
  endTrailer?: LeadMarker;
}

/** A credit line: `本报记者 雷甫`, `（赵六 孙七）`, `本报记者 刘勇摄`. */
export interface CreditBlock {
  kind: 'byline' | 'photo-credit';
  paragraph: Paragraph;
  /** The people the credit names (none for an agency's photo credit, `新华社发`). */
  credit: Reporter[];
  /** Set on a dateline repeated at the end (`（新华社北京１月２８日电）`): its place and date. */
  marker?: LeadMarker;
}

/** `（下转第4版）`, `（上接第1版）`. */
export interface ContinuationBlock {
  kind: 'continuation';
  paragraph: Paragraph;
  continuation: Continuation;
}

/** Body text or a list item. */
export interface TextBlock {
  kind: 'body' | 'list-item';
  paragraph: Paragraph;
  /**
   * The credit closing the paragraph (`……招聘会。（记者 赵敏）`, `……生活方式。刘雪平`): the people
   * it names. Such a paragraph ends its article.
   */
  endCredit?: Reporter[];
  /** The dateline repeated at the paragraph's end (`……一只。（新华社北京１月２８日电）`): its place and date. */
  endTrailer?: LeadMarker;
}

/** A block whose kind is its only fact: a title line, furniture, a date line, a section head. */
export interface PlainBlock {
  kind: 'title' | 'furniture' | 'date-line' | 'section-head';
  paragraph: Paragraph;
}

/** `（下转第4版）` → `{ direction: 'to', page: 4 }`; `（上接第1版）` → `{ direction: 'from', page: 1 }`. */
export interface Continuation {
  direction: 'to' | 'from';
  /** Page number as printed, converted to a number (Chinese numerals included). */
  page: number;
}

/**
 * An article as `segment` found it: its blocks, sorted into roles, before any field is extracted.
 * Every block of the input is in exactly one segment or in the leftovers.
 */
export interface Segment {
  kind: ArticleKind;
  /** Every block of the article, in input order, each with its role in it. */
  blocks: SegmentBlock[];
  /** The lead marker that opened it (the first, in a round-up of dispatches). */
  marker?: LeadMarker;
  continuedOn?: number;
  continuedFrom?: number;
}

/** A block of a segment and what it is there. */
export interface SegmentBlock {
  block: Block;
  role: BlockRole;
}

/** What a block is in its article. */
export type BlockRole =
  /** A title line above the body, in order: kicker, headline, deck. */
  | 'head'
  /** The head line known to be the headline (the page's title above the head repeats it). */
  | 'headline'
  /** A title line that PDF order put after the body, before a byline (`学以致用促发展 动真碰硬惠民生`). */
  | 'trailing-title'
  /** Text of the body: lead, paragraphs, list items, a signature date. */
  | 'body'
  /** A subheading inside the body (its text is body text too). */
  | 'subheading'
  /** A byline, photo credit or dateline trailer. */
  | 'credit'
  /** A continuation line (`（下转第4版）`): part of the article, not of its text. */
  | 'continuation';

/** The kind of an article. */
export type ArticleKind = 'news' | 'photo' | 'notice' | 'feature' | 'commentary' | 'brief' | 'other';

/** A person credited in a byline or lead. */
export interface Reporter {
  /** 2–4 Han characters, or a name with `·`. Example: `王晶`. */
  name: string;
  /**
   * Role as printed, without `本报`: `记者`, `全媒体记者`, `通讯员`, `摄影`. Always the simplified
   * word of the role list, also on a traditional page (`記者` → `记者`); the name is as printed.
   */
  role: string;
}

/** A date mentioned in the text. */
export interface DateMention {
  /** As printed, e.g. `6月1日`, `截至6月26日14时46分` → `6月26日14时46分`. */
  text: string;
  /**
   * ISO 8601 with the precision the text gives: `2026-06-01`, `2026-04`, `2025`; `--06-01` when the
   * year is unknown. For a range, `from` and `to` carry the ends and `value` is the start.
   */
  value: string;
  /** `HH:MM` when the text gives a time, e.g. `14:46`. */
  time?: string;
  /** Ends of a range such as `5月底至12月底`. */
  from?: string;
  to?: string;
  /** Where the year came from; absent when the year is unknown. */
  yearSource?: YearSource;
  /** Offsets into the article body (`Article.body`), not the source. */
  span: Span;
}

/** Where a year came from. */
export type YearSource = 'text' | 'issue-date' | 'file-name';

/** A place in China's administrative divisions named by an article. */
export interface Location {
  /** Full standard name, e.g. `晋中市`, `祁县`. */
  name: string;
  /** 6-digit GB/T 2260 code, e.g. `140700`. When ambiguous, the first candidate. */
  code: string;
  /** Every candidate code when the name is ambiguous and could not be resolved. */
  candidates?: string[];
  level: 'province' | 'prefecture' | 'county';
  /** Names from the province down, e.g. `['山西省', '晋中市', '祁县']`. */
  path: string[];
  /** How it was written each time, e.g. `['晋中', '晋中市']`. */
  mentions: string[];
  /** True when every mention sat inside an organisation or brand name (北京科兴). */
  weak?: boolean;
}

/** A dateline: the place and date of a dispatch. */
export interface Dateline {
  /** As printed, foreign cities included: `北京`, `开罗`. */
  place?: string;
  /** ISO date (or `--MM-DD`) of the dateline, when it has one. */
  date?: string;
}

/** One article. */
export interface Article {
  /** 0-based position in the issue. */
  index: number;
  kind: ArticleKind;
  /** The main headline (主题) as printed; empty when the article has none. */
  headline: string;
  /** The kicker (引题) above the headline, when there is one. */
  kicker?: string;
  /** Deck lines (副题) below the headline. */
  deck: string[];
  /** Subheadings (小标题) inside the body, in order. */
  subheadings: string[];
  /** The lead marker as printed, e.g. `本报讯 (记者王晶)`; absent when none. */
  marker?: string;
  /** The text after repair: one paragraph a line, headline lines excluded, marker kept. */
  body: string;
  reporters: Reporter[];
  /** The article's own date: ISO `YYYY-MM-DD`, `--MM-DD` when the year is unknown, or null. */
  date: string | null;
  /** Every date mentioned in the body. */
  dates: DateMention[];
  dateline?: Dateline;
  locations: Location[];
  /** Where the article continues (`下转`) or comes from (`上接`). */
  continuedOn?: number;
  continuedFrom?: number;
  /** First and last input line, 1-based, inclusive. */
  lines: { first: number; last: number };
  /** From the start of the first line to the end of the last, in the decoded text. */
  span: Span;
}

/** A non-blank line that belongs to no article. */
export interface Leftover {
  /** 1-based line number. */
  line: number;
  /** The line; for furniture printed on a line an article shares (a masthead on the lead's line), that piece. */
  text: string;
  span: Span;
  /** Why it was left over: `furniture` (page header etc.) or `orphan`. */
  reason: 'furniture' | 'orphan';
}

/** The issue date and where it came from. */
export interface IssueDate {
  /** `YYYY-MM-DD`, or `YYYY` when only the year is known. */
  value: string;
  source: YearSource;
}

/** The paper's home place, inferred from its text (`我市` plus the city it names most). */
export interface Home {
  name: string;
  code: string;
  /** A short explanation, e.g. `太原 named 9 times; 我市 used`. */
  evidence: string;
}

/** The result for one input. */
export interface Issue {
  /** The input's name as given, or `<stdin>`. */
  source: string;
  encoding: Encoding;
  /**
   * The script the text is printed in: `traditional` (Hong Kong, Taiwan, Big5 dumps), `simplified`,
   * or `mixed` (both in force). Every field keeps the printed characters whatever the script.
   * Absent when the input could not be decoded.
   */
  script?: Script;
  issueDate?: IssueDate;
  home?: Home;
  articles: Article[];
  leftovers: Leftover[];
  diagnostics: Diagnostic[];
}

/** Options of the library's entry points (`splitText`, `splitBytes`, `splitFile`); every field is optional. */
export interface Options {
  /** Force an encoding instead of detecting it. */
  encoding?: Encoding;
  /** The issue date, `YYYY-MM-DD`; overrides any inference. */
  issueDate?: string;
  /** The input's name, used in diagnostics and for issue-date inference. */
  name?: string;
  /** Called with lazy explanations from repair, classify and segment when set (a debugging hook). */
  trace?: (stage: string, explain: () => string) => void;
}

/** What a stage may read besides its input. */
export interface Context {
  /** The input's name, e.g. `2021-06-27.txt`. */
  name: string;
  trace?: (stage: string, explain: () => string) => void;
}
