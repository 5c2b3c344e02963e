/**
 * Dates: a small grammar for the way Chinese newspapers print them, and the issue date that gives
 * month-day mentions their year.
 *
 * The grammar, tried at every position where a numeral starts (each try reads at most a few dozen
 * characters through sticky regexes with bounded repeats, so a scan is linear):
 *
 *   date     := iso | year? month (day | part)? time? | year
 *   iso      := YYYY sep M sep D          sep one of - . /, the same twice
 *   year     := 4 numerals 年             2026年, 二〇二六年
 *             | 民国 1–3 numerals 年      民國113年 → 2024 (a year of the Republic, 1912 = 1)
 *             | 1–3 numerals 年 month     113年6月, only when DateContext.rocYears (a traditional paper)
 *   month    := 1–3 numerals 月           6月, 六月, 十二月, ６月
 *   day      := 1–3 numerals (日|号)
 *   part     := 初 | 中 | 底 | 末 | 上旬 | 中旬 | 下旬      month precision
 *   time     := time-of-day? N (时|:) N? 分?                 14时46分, 下午3时, 14:46
 *   range    := date separator (year? month? (day | part) | year)
 *   period   := YYYY separator YYYY 年                        2021—2025年
 *
 * and, only when the issue date is known, the relative words of `src/data/dates.ts` (`昨天`,
 * `上周五`). A bare day (`3日`), a bare time (`12:00`), `近日`, decimals and phone numbers are
 * never dates. Nothing here reads the machine's clock or time zone. Traditional text is read through
 * its simplified twin (`6月1號` as `6月1号`, `下午3時` as `下午3时`); the mentions keep the printed text.
 */
import { DAY_LIST_JOINERS, DAY_PHRASES_BEFORE_DE, FIXED_HOLIDAYS, MONTH_PARTS, NOT_A_DAY_AFTER, NOT_A_RELATIVE_DAY_AFTER, NOT_A_RELATIVE_DAY_BEFORE, RANGE_SEPARATORS, RELATIVE_DAYS, RELATIVE_WEEKS, ROLLOVER_DAYS, TIME_OF_DAY, WEEKDAYS } from '../data/dates.js';
import { parseNumeral, toAsciiDigits } from '../data/numerals.js';
import { toSimplified } from '../data/script.js';
import type { DateMention, Diagnostic, IssueDate, YearSource } from '../types.js';

/** What the date grammar knows about the issue. */
export interface DateContext {
  issue?: { year: number; month?: number; day?: number; source: YearSource };
  /**
   * Read a year of one to three numerals followed by a month (`113年6月`) as a year of the
   * Republic (民国), as Taiwan's papers print it: set for a traditional-script issue. `民國113年`
   * is read so without it; a bare `113年` in a simplified text is a count of years, never 2024.
   */
  rocYears?: boolean;
}

/** Numerals a date may be written in (a class body for `[...]`). */
const NUM = '0-9〇零○Ｏ一二两三四五六七八九十';
const YEAR_RE = new RegExp(`([12][0-9]{3}|[〇零○Ｏ一二三四五六七八九]{4})\\s?年`, 'y');
/** A year of the Republic: `113年`, `一一三年`; read only after 民国 or in a ROC context. */
const ROC_YEAR_RE = /([0-9]{1,3}|[〇零一二三四五六七八九十]{1,4})\s?年/y;
/** The era name before a year of the Republic, in the simplified twin (`民國`, `中華民國`). */
const ROC_ERA = '民国';
/** Year 1 of the Republic is 1912. */
const ROC_EPOCH = 1911;
const MONTH_RE = new RegExp(`([${NUM}]{1,3})\\s?月(?!份?[内里来])`, 'y');
const DAY_RE = new RegExp(`([${NUM}]{1,3})\\s?[日号]`, 'y');
const PART_RE = new RegExp(`(?:${MONTH_PARTS.filter((p) => !p.startsWith('月')).join('|')})`, 'y');
const ISO_RE = /([12][0-9]{3})([-./])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|\.[0-9])/y;
const TIME_RE = new RegExp(
  `\\s?(${Object.keys(TIME_OF_DAY).join('|')})?\\s?(?:([${NUM}]{1,3})\\s?时(?:\\s?([${NUM}]{1,3})\\s?分)?|([0-9]{1,2}):([0-9]{2})(?![0-9]))`,
  'y',
);
const RANGE_SEP_RE = new RegExp(`\\s?(?:${RANGE_SEPARATORS.join('|')})\\s?`, 'y');
const PERIOD_RE = new RegExp(`([12][0-9]{3})\\s?(?:${RANGE_SEPARATORS.join('|')})\\s?([12][0-9]{3})\\s?年`, 'y');
/**
 * Taiwan's relative day with its date in parentheses: `昨（2）日`, `今(3)日`; the number is the day of
 * the month, which is the issue's (or the month before, for a day later than the issue's).
 */
const NAMED_DAY = '[昨今前明]\\s?[（(]\\s?(?<namedDay>[0-9]{1,2})\\s?[）)]\\s?日';

const RELATIVE_RE = new RegExp(
  `${NAMED_DAY}|${Object.keys(RELATIVE_DAYS).join('|')}|(?:${Object.keys(RELATIVE_WEEKS).join('|')})[${Object.keys(WEEKDAYS).join('')}]|(?:${Object.keys(RELATIVE_WEEKS).join('|')})`,
  'gu',
);

/** The fields of one date as read, before the year is resolved. */
interface Parts {
  year?: number;
  month?: number;
  day?: number;
  time?: string;
}

/** One end of a date read at a position. */
interface Read {
  parts: Parts;
  end: number;
}

/**
 * Every date mentioned in `text`, in order. Values are ISO 8601 with the precision printed:
 * `2026-06-01`, `2026-04`, `2025`; `--06-01` / `--06` when the year is unknown.
 */
export function findDates(text: string, ctx: DateContext = {}): DateMention[] {
  const ascii = toAsciiDigits(toSimplified(text));
  const out: DateMention[] = [];
  let rel = nextRelative(ascii, text, 0, ctx);
  const flushRelatives = (before: number): void => {
    while (rel && rel.span[0] < before) {
      out.push(rel);
      rel = nextRelative(ascii, text, rel.span[1], ctx);
    }
  };
  // Jump from a numeral with a follower after it (年, 月, a separator; a native regex scan) to the
  // next, since every form of the grammar has one right after its first numeral run (a space
  // between is allowed); read the run back from there. Most numeral runs (一个, 统一) have none, so
  // they are never visited, and neither is a follower after no numeral.
  let from = 0;
  FOLLOWED_NUMERAL.lastIndex = 0;
  for (let f = FOLLOWED_NUMERAL.exec(ascii); f; f = FOLLOWED_NUMERAL.exec(ascii)) {
    const runEnd = f.index + 1;
    let runStart = runEnd;
    while (runStart > from && isNumeralAt(ascii, runStart - 1)) runStart--;
    const prev = ascii[runStart - 1];
    if (prev === '.' || prev === '第') continue;
    // `统一6月`: the run starts inside a word; try again where digits change from Han to ASCII.
    for (let start = runStart; start < runEnd; start = nextClassChange(ascii, start, runEnd)) {
      const mention = readMention(ascii, text, start, ctx);
      if (mention === undefined) continue;
      flushRelatives(mention.span[0]);
      out.push(mention);
      // Numerals are read again from the mention's end, as a new run.
      from = mention.span[1];
      FOLLOWED_NUMERAL.lastIndex = from;
      if (rel && rel.span[0] < mention.span[1]) rel = nextRelative(ascii, text, mention.span[1], ctx);
      break;
    }
  }
  flushRelatives(Infinity);
  return out;
}

/** The relative day words, for the list before a joiner. */
const RELATIVE_DAY_WORDS: readonly string[] = Object.keys(RELATIVE_DAYS);
/** The longest list of day words read back to its head (`前天、昨天、今天和明天`). */
const MAX_DAY_LIST = 4;

/** The code units a date's numerals are written in (`NUM`, its range spelled out). */
const NUMERALS: ReadonlySet<number> = new Set([...'0123456789〇零○Ｏ一二两三四五六七八九十'].map((c) => c.charCodeAt(0)));

function isNumeralAt(s: string, k: number): boolean {
  return k >= 0 && NUMERALS.has(s.charCodeAt(k));
}

/** Characters that may follow the first numeral run of a date. */
const FOLLOWERS = [...new Set(['年', '月', '-', '.', '/', ...RANGE_SEPARATORS.map((sep) => sep[0]!)])];
/** The last numeral of a run, then a follower (a space between is allowed). */
const FOLLOWED_NUMERAL = new RegExp(`[${NUM}] ?[${FOLLOWERS.map((c) => (/[\]\\^-]/u.test(c) ? `\\${c}` : c)).join('')}]`, 'g');

/** The next offset in `[from, end)` where numerals switch between ASCII digits and Han numerals; `end` when none. */
function nextClassChange(s: string, from: number, end: number): number {
  const ascii = (k: number): boolean => s.charCodeAt(k) >= 0x30 && s.charCodeAt(k) <= 0x39;
  const first = ascii(from);
  let k = from + 1;
  while (k < end && ascii(k) === first) k++;
  return k;
}

/**
 * True when the relative word at `at` names a day, not a noun (`美好的明天`, and the words listed
 * after one: `的昨天、今天和明天`) or part of a word (`如今天气`, `今日头条`).
 */
function isRelativeDayAt(text: string, at: number, word: string): boolean {
  // Back to the head of the list the word is in, a few words at most (a run of them is no list).
  for (let k = 0; k < MAX_DAY_LIST && DAY_LIST_JOINERS.includes(text.charAt(at - 1)); k++) {
    const previous = RELATIVE_DAY_WORDS.find((w) => text.endsWith(w, at - 1));
    if (previous === undefined) break;
    at -= 1 + previous.length;
    word = previous;
  }
  const before = text.charAt(at - 1);
  if (before === '的' && DAY_PHRASES_BEFORE_DE.some((p) => text.endsWith(p, at - 1))) return true;
  if (NOT_A_RELATIVE_DAY_AFTER.includes(before)) return false;
  return !NOT_A_RELATIVE_DAY_BEFORE.some((w) => text.startsWith(w, at + word.length));
}

/** Where the first relative day word of `printed` stands, whether or not the issue date resolves it; -1 when none. */
export function firstRelativeDay(printed: string): number {
  const text = toAsciiDigits(toSimplified(printed));
  RELATIVE_RE.lastIndex = 0;
  for (let m = RELATIVE_RE.exec(text); m; m = RELATIVE_RE.exec(text)) {
    if (m.groups?.['namedDay'] === undefined && RELATIVE_DAYS[m[0]] === undefined) continue;
    if (isRelativeDayAt(text, m.index, m[0])) return m.index;
  }
  return -1;
}

/**
 * The next relative day word at or after `from` in `text` (the twin), resolved, with its `printed`
 * form; undefined when none or the issue date is unknown.
 */
function nextRelative(text: string, printed: string, from: number, ctx: DateContext): DateMention | undefined {
  const issue = ctx.issue;
  if (!issue || issue.month === undefined || issue.day === undefined) return undefined;
  RELATIVE_RE.lastIndex = from;
  for (let m = RELATIVE_RE.exec(text); m; m = RELATIVE_RE.exec(text)) {
    const word = m[0];
    if (!isRelativeDayAt(text, m.index, word)) continue;
    const named = m.groups?.['namedDay'];
    if (named !== undefined) {
      const day = dayOfIssueMonth(Number(named), issue);
      if (day === undefined) continue;
      return { text: printed.slice(m.index, m.index + word.length), value: day, yearSource: issue.source, span: [m.index, m.index + word.length] };
    }
    const base = Date.UTC(issue.year, issue.month - 1, issue.day);
    let offset: number | undefined = RELATIVE_DAYS[word];
    if (offset === undefined) {
      const weekday = WEEKDAYS[word.slice(-1)];
      const weeks = RELATIVE_WEEKS[word.slice(0, -1)];
      if (weekday === undefined || weeks === undefined) continue; // `上周` alone names no day
      const issueWeekday = ((new Date(base).getUTCDay() + 6) % 7) + 1;
      offset = weeks * 7 + weekday - issueWeekday;
    }
    const d = new Date(base + offset * 86_400_000);
    return {
      text: printed.slice(m.index, m.index + word.length),
      value: iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
      yearSource: issue.source,
      span: [m.index, m.index + word.length],
    };
  }
  return undefined;
}

/** A date, range or period starting exactly at `start`, or undefined. */
function readMention(ascii: string, text: string, start: number, ctx: DateContext): DateMention | undefined {
  const period = sticky(PERIOD_RE, ascii, start);
  if (period) {
    const from = Number(period[1]);
    const to = Number(period[2]);
    if (from < to) {
      const end = start + period[0].length;
      return { text: text.slice(start, end), value: String(from), from: String(from), to: String(to), yearSource: 'text', span: [start, end] };
    }
  }
  const first = readDate(ascii, start, undefined, ctx.rocYears === true);
  if (!first) return undefined;
  let end = first.end;
  const mention: DateMention = { text: '', value: '', span: [start, end] };
  const value = resolve(first.parts, ctx);
  mention.value = value.value;
  if (value.yearSource) mention.yearSource = value.yearSource;
  if (first.parts.time) mention.time = first.parts.time;

  const sep = sticky(RANGE_SEP_RE, ascii, end);
  if (sep) {
    const second = readDate(ascii, end + sep[0].length, first.parts);
    if (second) {
      // The end shares the start's year (`5月底至12月底`), and a range never runs backwards.
      const startYear = /^\d{4}/u.test(mention.value) ? Number(mention.value.slice(0, 4)) : undefined;
      const inherited: Parts = { ...second.parts };
      if (inherited.year === undefined && startYear !== undefined) inherited.year = startYear;
      let to = resolve(inherited, ctx).value;
      if (second.parts.year === undefined && startYear !== undefined && to < mention.value) to = resolve({ ...inherited, year: startYear + 1 }, ctx).value;
      mention.from = mention.value;
      mention.to = to;
      end = second.end;
    }
  }
  mention.text = text.slice(start, end);
  mention.span = [start, end];
  return mention;
}

/**
 * One date at `start`. With `after` (the start of a range), the end may leave out the fields it
 * shares (`6月1日至3日`): a bare day then takes the month of the start.
 */
function readDate(s: string, start: number, after?: Parts, rocYears = false): Read | undefined {
  const iso = sticky(ISO_RE, s, start);
  if (iso) {
    const parts = { year: Number(iso[1]), month: Number(iso[3]), day: Number(iso[4]) };
    if (!valid(parts)) return undefined;
    return withTime(s, { parts, end: start + iso[0].length });
  }
  const parts: Parts = {};
  let at = start;
  const y = sticky(YEAR_RE, s, at);
  if (y) {
    const year = parseNumeral(y[1]!);
    if (year === undefined || year < 1000) return undefined;
    parts.year = year;
    at += y[0].length;
  } else if (after === undefined) {
    const roc = readRocYear(s, at, rocYears);
    if (roc) {
      parts.year = roc.year;
      at = roc.end;
    }
  }
  const m = sticky(MONTH_RE, s, at);
  if (m) {
    const month = parseNumeral(m[1]!);
    if (month === undefined || month < 1 || month > 12) return parts.year !== undefined ? { parts, end: at } : undefined;
    parts.month = month;
    at += m[0].length;
  } else if (parts.year === undefined) {
    // A bare day only ends a range that named a month: `6月1日至3日`.
    const d = after?.month !== undefined && after.day !== undefined ? sticky(DAY_RE, s, at) : null;
    if (!d || after?.month === undefined) return undefined;
    const shared: Parts = { month: after.month, day: parseNumeral(d[1]!) ?? 0 };
    if (after.year !== undefined) shared.year = after.year;
    if (!valid(shared)) return undefined;
    return withTime(s, { parts: shared, end: at + d[0].length });
  }
  if (parts.month === undefined) return { parts, end: at };
  const d = sticky(DAY_RE, s, at);
  if (d) {
    const day = parseNumeral(d[1]!);
    if (day === undefined) return undefined;
    parts.day = day;
    if (!valid(parts)) return undefined;
    return withTime(s, { parts, end: at + d[0].length });
  }
  const part = sticky(PART_RE, s, at);
  if (part) at += part[0].length;
  return { parts, end: at };
}

/**
 * A year of the Republic at `at` (`民國113年`, `113年6月` with `rocYears`), as a Gregorian year
 * and where it ends; undefined when there is none.
 */
function readRocYear(s: string, at: number, rocYears: boolean): { year: number; end: number } | undefined {
  const y = sticky(ROC_YEAR_RE, s, at);
  if (!y) return undefined;
  const end = at + y[0].length;
  const era = s.startsWith(ROC_ERA, at - ROC_ERA.length);
  if (!era && !(rocYears && sticky(MONTH_RE, s, end))) return undefined;
  const n = parseNumeral(y[1]!);
  return n === undefined || n < 1 || n > 200 ? undefined : { year: ROC_EPOCH + n, end };
}

/** Adds a time after a day (`14时46分`, `下午3时`, `14:46`) when one follows. */
function withTime(s: string, read: Read): Read {
  const t = sticky(TIME_RE, s, read.end);
  if (!t) return read;
  const hour = parseNumeral(t[2] ?? t[4] ?? '');
  const minute = t[2] !== undefined ? (t[3] !== undefined ? parseNumeral(t[3]) : 0) : parseNumeral(t[5] ?? '');
  if (hour === undefined || minute === undefined || hour > 24 || minute > 59) return read;
  const shifted = hour < 12 ? hour + (TIME_OF_DAY[t[1] ?? ''] ?? 0) : hour;
  return { parts: { ...read.parts, time: `${pad(shifted)}:${pad(minute)}` }, end: read.end + t[0].length };
}

/** The ISO value of parts, with the year taken from the issue when the text leaves it out. */
function resolve(parts: Parts, ctx: DateContext): { value: string; yearSource?: YearSource } {
  const { month, day } = parts;
  if (parts.year !== undefined) return { value: iso(parts.year, month, day), yearSource: 'text' };
  const issue = ctx.issue;
  if (!issue) return { value: `--${pad(month!)}${day !== undefined ? `-${pad(day)}` : ''}` };
  let year = issue.year;
  if (issue.month !== undefined && month !== undefined) {
    const issueTime = Date.UTC(issue.year, issue.month - 1, issue.day ?? 1);
    const mentionTime = Date.UTC(issue.year, month - 1, day ?? 1);
    if ((mentionTime - issueTime) / 86_400_000 > ROLLOVER_DAYS) year -= 1;
  }
  return { value: iso(year, month, day), yearSource: issue.source };
}

/** True when the parts name a real calendar day (or month). */
function valid(p: Parts): boolean {
  if (p.month === undefined) return true;
  if (p.month < 1 || p.month > 12) return false;
  if (p.day === undefined) return true;
  return p.day >= 1 && p.day <= daysIn(p.year ?? 2000, p.month); // 2000: a leap year, so 2月29日 passes without a year
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days of a month (1–12) in the proleptic Gregorian calendar, as `Date.UTC` counts them (it reads years 0–99 as 1900–1999). */
function daysIn(y: number, month: number): number {
  const year = y >= 0 && y <= 99 ? 1900 + y : y;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

function iso(year: number, month?: number, day?: number): string {
  let out = String(year).padStart(4, '0');
  if (month !== undefined) out += `-${pad(month)}`;
  if (month !== undefined && day !== undefined) out += `-${pad(day)}`;
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

// ——— A day alone ————————————————————————————————————————————————————————————————————

/** A day with no month (`24日`, `十四日`), not part of a month-day or a word (`今日`, `近日`). */
const DAY_ONLY = new RegExp(`(?<![${NUM}月])([${NUM}]{1,3})\\s?[日号](?!${NOT_A_DAY_AFTER.join('|')})`, 'u');

/** The most a day alone and what its pattern looks at after it span: three numerals, a space, 日, the longest word after. */
const MAX_DAY_ONLY_READ = 5 + Math.max(...NOT_A_DAY_AFTER.map((w) => w.length));

/**
 * The first day printed without its month in `text` (`十四日电`, `24日，……`), resolved against the
 * issue: the issue's month, or the month before when the day is later than the issue's day (an
 * issue of 3 June speaking of `30日`). Undefined when there is none or the issue's month is unknown,
 * or when the first starts at or after `before` (an offset into `text`).
 */
export function firstDayOnly(text: string, ctx: DateContext, before = Infinity): { index: number; value: string } | undefined {
  const issue = ctx.issue;
  if (!issue || issue.month === undefined) return undefined;
  // A day starting before `before` is read with all it looks at after it, so the text past that is never converted.
  const head = before === Infinity ? text : text.slice(0, before + MAX_DAY_ONLY_READ);
  const m = DAY_ONLY.exec(toAsciiDigits(toSimplified(head)));
  if (m && m.index >= before) return undefined;
  const day = m ? parseNumeral(m[1]!) : undefined;
  const value = m && day !== undefined ? dayOfIssueMonth(day, issue) : undefined;
  return m && value !== undefined ? { index: m.index, value } : undefined;
}

/** A day of the month named without its month: in the issue's month, or the month before when later than the issue's day. */
function dayOfIssueMonth(day: number, issue: NonNullable<DateContext['issue']>): string | undefined {
  if (issue.month === undefined || day < 1 || day > 31) return undefined;
  let { year, month } = { year: issue.year, month: issue.month };
  if (issue.day !== undefined && day > issue.day) {
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
  }
  return valid({ year, month, day }) ? iso(year, month, day) : undefined;
}

/**
 * The first fixed-date holiday named in `text` (`元旦之夜`, `国庆期间`), as a date of the issue's
 * year (the year before when it would fall after the issue). Undefined without one or an issue year.
 */
export function firstHoliday(text: string, ctx: DateContext): { index: number; value: string } | undefined {
  const issue = ctx.issue;
  if (!issue) return undefined;
  // Only a holiday opening the text dates it (`元旦之夜，……`); `今年国庆节将……` announces one.
  HOLIDAY_RE.lastIndex = 0;
  const m = HOLIDAY_RE.exec(text.slice(0, MAX_HOLIDAY_OFFSET));
  if (!m) return undefined;
  const [month, day] = FIXED_HOLIDAYS[m[0]]!;
  const after = issue.month !== undefined && (month > issue.month || (month === issue.month && issue.day !== undefined && day > issue.day));
  return { index: m.index, value: iso(after ? issue.year - 1 : issue.year, month, day) };
}

/** How far into the lead a holiday may stand and still be its opening time phrase. */
const MAX_HOLIDAY_OFFSET = 2;
const HOLIDAY_RE = new RegExp(Object.keys(FIXED_HOLIDAYS).sort((a, b) => b.length - a.length).join('|'), 'gu');

// ——— The issue date ———————————————————————————————————————————————————————————————

/** A date in a file name: `2021-06-27`, `20210627`, `2021_06_27`, `2021.06.27`, `2021年6月27日`. */
const FILE_NAME_DATE = /(?<![0-9])((?:19|20)[0-9]{2})([-_.]?)([0-9]{2})\2([0-9]{2})(?![0-9])|((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日/u;

/** A year and month in a file name, with no day: `2017-09`, `201709`. */
const FILE_NAME_MONTH = /(?<![0-9])((?:19|20)[0-9]{2})[-_.]?([0-9]{2})(?![0-9])/u;

/** A month-day anywhere in a text: when there is one and no year, the user needs to be told. */
const MONTH_DAY = new RegExp(`[${NUM}]{1,3}\\s?月\\s?[${NUM}]{1,3}\\s?[日号]`, 'u');

/**
 * The issue date and where it came from: `--issue-date` first, then a date in the file name,
 * then the latest full date printed in the text (page headers, signature dates; years of the
 * Republic with `rocYears`). Returns a warning when month-day dates occur and no year can be
 * found, saying how to supply it.
 */
export function inferIssueDate(
  name: string,
  text: string,
  explicit?: string,
  ctx: Pick<DateContext, 'rocYears'> & { furniture?: string | (() => string) } = {},
): { value?: IssueDate; diagnostics: Diagnostic[] } {
  if (explicit !== undefined) {
    const parts = parseIssueDate(explicit);
    if (parts) return { value: { value: iso(parts.year!, parts.month, parts.day), source: 'issue-date' }, diagnostics: [] };
    return {
      diagnostics: [{ severity: 'error', code: 'dates/bad-issue-date', message: `--issue-date ${JSON.stringify(explicit)} is not a date: write it as YYYY-MM-DD, e.g. 2021-06-27`, file: name }],
    };
  }
  const base = name.replace(/^.*[\\/]/u, '');
  const f = FILE_NAME_DATE.exec(toAsciiDigits(base));
  if (f) {
    const parts = { year: Number(f[1] ?? f[5]), month: Number(f[3] ?? f[6]), day: Number(f[4] ?? f[7]) };
    if (valid(parts)) return { value: { value: iso(parts.year, parts.month, parts.day), source: 'file-name' }, diagnostics: [] };
  }
  const monthOnly = FILE_NAME_MONTH.exec(toAsciiDigits(base));
  // The page's furniture (headers, web chrome: `时间：2022-05-30`) dates the issue before the
  // articles do, whose latest date may be a deadline (`截至2022年12月31日`).
  // Asked for only here: a big text's furniture is known only after a pass over all of it (`windows.ts`).
  const furniture = typeof ctx.furniture === 'function' ? ctx.furniture() : ctx.furniture;
  const latest = latestDate(furniture ?? '', ctx) ?? latestDate(text, ctx);
  if (latest) return { value: { value: latest, source: 'text' }, diagnostics: [] };
  // A year and month in the file name (`jiaozuo-2017-09-weather.txt`): days without a month take it.
  if (monthOnly && Number(monthOnly[2]) >= 1 && Number(monthOnly[2]) <= 12) {
    return { value: { value: `${monthOnly[1]}-${monthOnly[2]}`, source: 'file-name' }, diagnostics: [] };
  }
  if (!MONTH_DAY.test(toSimplified(text))) return { diagnostics: [] };
  return {
    diagnostics: [
      {
        severity: 'warning',
        code: 'dates/no-issue-year',
        message: 'the issue date is unknown, so month-day dates are written --MM-DD: give --issue-date YYYY-MM-DD or put the date in the file name (e.g. 2021-06-27.txt)',
        file: name,
      },
    ],
  };
}

/** The latest day-precise date printed in `text`, ends of ranges included. */
function latestDate(text: string, ctx: Pick<DateContext, 'rocYears'>): string | undefined {
  let latest: string | undefined;
  for (const d of findDates(text, ctx)) {
    for (const v of [d.from ?? d.value, d.to ?? d.value]) {
      if (/^\d{4}-\d{2}-\d{2}$/u.test(v) && (latest === undefined || v > latest)) latest = v;
    }
  }
  return latest;
}

/** Parses `YYYY-MM-DD` strictly; undefined when it is not a real day. */
export function parseIssueDate(s: string): Parts | undefined {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/u.exec(s);
  if (!m) return undefined;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return valid(parts) ? parts : undefined;
}

/** The issue as the date grammar reads it. */
export function issueContext(issue: IssueDate | undefined): DateContext['issue'] {
  if (!issue) return undefined;
  const [y, m, d] = issue.value.split('-').map(Number);
  const ctx: NonNullable<DateContext['issue']> = { year: y!, source: issue.source };
  if (m !== undefined) ctx.month = m;
  if (d !== undefined) ctx.day = d;
  return ctx;
}
