/**
 * The words of the date grammar in `src/extract/dates.ts`, kept as data: relative days, parts of a
 * month, times of day, range separators.
 */

/** Relative day words and their offset in days from the issue date. Resolved only when the issue date is known. */
export const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  前天: -2,
  昨天: -1,
  昨日: -1,
  今天: 0,
  今日: 0,
  明天: 1,
  明日: 1,
};

/**
 * What, before a relative day word, makes it no day: a noun's 的 (`美好的明天`, `城市的今天`: "a
 * bright tomorrow", "the city of today") or a word it ends (`如今天气`).
 */
export const NOT_A_RELATIVE_DAY_AFTER: readonly string[] = ['的', '如'];

/**
 * What joins a list of relative day words (`她的昨天、今天和明天`): each is a day only if the word
 * before it is, so a list that opens with a noun (`的昨天`) is nouns throughout, while `昨天和今天，`
 * names two days.
 */
export const DAY_LIST_JOINERS: readonly string[] = ['、', '和', '与', '及'];

/** Time phrases whose 的 still names a day: `刚刚过去的昨天`, `截至发稿的今天`, `即将到来的明天`. */
export const DAY_PHRASES_BEFORE_DE: readonly string[] = ['过去', '到来', '来临', '发稿', '截稿', '此刻'];

/** What, after a relative day word, makes it part of a name: `今日头条`. */
export const NOT_A_RELATIVE_DAY_BEFORE: readonly string[] = ['头条'];

/** Week-relative prefixes (`上周五`): weeks from the issue date's week. Weeks start on Monday. */
export const RELATIVE_WEEKS: Readonly<Record<string, number>> = { 上周: -1, 上星期: -1, 本周: 0, 这周: 0, 下周: 1, 下星期: 1 };

/** Day-of-week characters after 周/星期, Monday = 1. */
export const WEEKDAYS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** Parts of a month after `N月` (`5月底`, `6月上旬`): the mention keeps month precision. */
export const MONTH_PARTS: readonly string[] = ['上旬', '中旬', '下旬', '月初', '月中', '月底', '月末', '初', '中', '底', '末'];

/** Times of day before an hour; those after noon add 12 to an hour below 12 (`下午3时` → 15:00). */
export const TIME_OF_DAY: Readonly<Record<string, number>> = {
  凌晨: 0,
  早上: 0,
  早晨: 0,
  上午: 0,
  中午: 0,
  下午: 12,
  傍晚: 12,
  晚上: 12,
  晚间: 12,
  夜间: 12,
};

/** Separators between the ends of a range (`5月底至12月底`, `2021—2025年`, `6月1日-3日`). */
export const RANGE_SEPARATORS: readonly string[] = ['——', '至', '到', '—', '－', '-', '~', '～', '〜'];

/**
 * A month-day more than this many days after the issue date belongs to the previous year
 * (`12月31日` in a January issue); nearer dates are announcements of the same year.
 */
export const ROLLOVER_DAYS = 240;

/** Holidays on a fixed day of the calendar, `[month, day]`: `元旦之夜，……` dates the article 1 January. */
export const FIXED_HOLIDAYS: Readonly<Record<string, readonly [number, number]>> = {
  元旦: [1, 1], 妇女节: [3, 8], 三八节: [3, 8], 植树节: [3, 12], 劳动节: [5, 1], 五一节: [5, 1], 青年节: [5, 4], 儿童节: [6, 1],
  六一节: [6, 1], 建党节: [7, 1], 建军节: [8, 1], 八一节: [8, 1], 教师节: [9, 10], 国庆节: [10, 1], 国庆日: [10, 1], 圣诞节: [12, 25], 平安夜: [12, 24],
};

/** Words that make an article a weather forecast, dated by the start of the period it forecasts. */
export const FORECAST_WORDS: readonly string[] = ['天气预报', '气象预报', '预报如下'];

/**
 * What, after `N号` or `N日`, makes it a number rather than a day: `3号楼`, `5号线`, `1号文件`,
 * `2号选手`, `一日游`, `日前`, `日来`.
 */
export const NOT_A_DAY_AFTER: readonly string[] = [
  '楼', '线', '文件', '选手', '院', '令', '房', '车', '机', '台', '窗口', '病房', '码头', '门', '馆', '厅', '仓', '桥', '路', '街', '道', '游', '制', '前', '来', '内', '元', '人', '位', '个', '字',
];
