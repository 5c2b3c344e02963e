/**
 * Every list the layout stages read: punctuation classes, lead-marker sources, byline roles,
 * notice words, page furniture. Patterns here match the *normalised* text (`Line.norm`), where
 * half-width punctuation has already become full width, so each list names one form only.
 */

/** Half-width → full-width punctuation, one character for one (so offsets never shift). */
export const PUNCT_TO_FULL: Readonly<Record<string, string>> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '｡': '。', '､': '、',
  '[': '［', ']': '］', '"': '”', "'": '’', '~': '～',
};

/**
 * Characters that end a sentence (after normalisation). A block ending in one of these is
 * complete; one that does not may continue after a column break.
 */
export const SENTENCE_FINAL = '。！？…；：”’」』）';

/** Clause punctuation that headlines rarely carry but body text nearly always does. */
export const CLAUSE_PUNCT = '，。；';

/** Lead-marker sources other than the paper itself (`本报`). Order does not matter: longest wins. */
export const AGENCIES: readonly string[] = [
  '新华社', '中新社', '中新网', '中国新闻社', '人民网', '新华网', '央视网', '央视新闻', '央广网',
  '中国日报网', '光明网', '澎湃新闻', '中央广电总台', '总台', '中国新闻网', '国际在线', '环球网',
  '法制网', '经济日报', '人民日报', '光明日报', '工人日报', '中国青年报', '科技日报', '新京报',
  '中国经济网', '中国网', '央视', '新华每日电讯', '中国台湾网', '每日经济新闻',
];

/** The paper speaking of itself before 讯/电: `本报讯`, `本市讯` (1946), `本台讯`, `本网讯`. */
export const LOCAL_SOURCES: readonly string[] = ['本报', '本市', '本县', '本刊', '本台', '本网'];

/**
 * Endings of an outlet's name, so that any outlet's marker reads like 本报讯: `X日报讯`, `X晚报讯`,
 * `X网讯`, `X台讯`, `新华社X总分社讯`. Longest first is applied by the regex's order.
 */
export const OUTLET_ENDINGS: readonly string[] = [
  '日报社', '日报', '晚报', '早报', '时报', '商报', '都市报', '报', '新闻网', '网', '电视台', '广播电视台', '台', '总分社', '分社', '社', '融媒体中心', '客户端',
];

/**
 * Roles that credit a person, as printed (longest first is applied by the code). `本报` before a role
 * is dropped from the role (`本报记者` → `记者`), as the harness expects the role as printed after it.
 */
export const ROLES: readonly string[] = [
  '全媒体记者', '融媒体记者', '见习记者', '特约记者', '特派记者', '实习记者', '摄影记者', '首席记者', '驻站记者',
  '记者', '通讯员', '特约通讯员', '实习生', '评论员', '特约评论员', '摄影', '摄像', '撰文', '文字', '作者',
  '编译', '整理', '制图',
];

/** Labels that credit the person after a colon (`拍摄者：本报记者 张方志`, `播报人：范建荣 王文有`); `联系人：` does not. */
export const CREDIT_LABELS: readonly string[] = [
  '拍摄者', '摄影者', '播报人', '撰稿人', '撰稿', '供稿人', '供稿', '整理者', '口述者', '通讯员', '记者',
  // The credit block of a poster or a graphic: `出品：X 监制：Y 策划：Z 制图：W`.
  '出品', '监制', '策划', '统筹', '制图', '设计', '执行', '摄影', '摄像', '文字', '图片', '视频', '剪辑', '撰文',
];

/**
 * A mark ending a photo item's title (`祈祷新年好运（图片）`, `神州大地春来早（附图片７张）`): the title
 * of a photo article, even where its closing parenthesis would read as a sentence's end.
 */
export const PHOTO_TITLE_MARK = /（(?:附)?(?:图片|照片|组图)(?:[0-9一二三四五六七八九十]{1,2}张)?）$/u;

/**
 * A photo distributed by an agency, with no photographer named: `（新华社发）`, `（新华社发美联社照片）`,
 * `新华社发 法新社照片`. A photo credit that credits no person.
 */
export const AGENCY_PHOTO_CREDIT = /^（?(?:新华社|中新社|本报|[\u4e00-\u9fff]{2,6}社)发\s*(?:[\u4e00-\u9fff]{2,8}(?:照片|图片|供图))?）?$/u;

/** A label standing over an article's photos and captions (`图片：`): what follows belongs to the article. */
export const PHOTO_LABELS: readonly string[] = ['图片：', '照片：', '附图：', '组图：'];

/** Words a role makes a column's name with (`记者手记`, `通讯员来稿`, `本报记者走基层`): no credit. */
export const ROLE_COMPOUNDS: readonly string[] = [
  '手记', '观察', '调查', '来信', '来稿', '走基层', '专访', '视点', '札记', '连线', '探营', '直击', '体验', '日记', '笔记', '眼中', '看', '说', '感言', '节',
];

/** Role given to a name that stands in dateline parentheses with no role (`新华社南京3月2日电（李四）`). */
export const DEFAULT_ROLE = '记者';

/** Role given to the person on a photo credit (`本报记者 刘勇摄`, `图/X`). */
export const PHOTO_ROLE = '摄影';

/** Words that end a notice title (公告, 通告 …). */
export const NOTICE_WORDS: readonly string[] = [
  '公告', '通告', '启事', '声明', '通知', '公示', '公报', '告知书', '倡议书', '通报', '决定', '说明', '须知', '讣告',
];

/**
 * Words that make a short line a commentary column's label (`短评`, `今日谈`, `国际观察`), at its
 * start or its end; `评论员` in a credit marks a commentary too.
 */
export const COMMENTARY_COLUMNS: readonly string[] = [
  '评论', '短评', '时评', '社论', '述评', '论评', '今日谈', '快评', '锐评', '热评', '编者按', '观察', '论坛', '视点', '随笔', '札记', '漫谈', '走笔', '纵横',
];

/**
 * Labels of an editor's note (`编者按`, `编后`): the note belongs to the article it stands in, before
 * or after its text, never starting one of its own.
 */
export const EDITOR_NOTE_LABELS: readonly string[] = ['编者按', '编后', '编后语', '编者的话', '编辑手记'];

/** The credit word of a commentary (`本报评论员`). */
export const COMMENTATOR = '评论员';

/** The longest a column label line (`短评`, `今日谈`) above a headline may be. */
export const MAX_COLUMN_LABEL_LENGTH = 6;

/**
 * Words that, ending a short title line (`简讯`, `经济快讯`, `要闻速览`), name a column of briefs:
 * each bulleted item under it is an article of its own.
 */
export const BRIEF_COLUMN_WORDS: readonly string[] = ['简讯', '快讯', '短讯', '简报', '速览', '速递', '一句话新闻', '动态'];

/** The longest a brief column's title line may be. */
export const MAX_BRIEF_COLUMN_LENGTH = 8;

/** Bullets that open a brief inside a brief column (numbered items are a list, not briefs). */
export const BRIEF_BULLETS = '●○◆◇■□▪•★☆▲△';

/** Words that, ending a title line, make it a deck naming who presided (`刘星主持并讲话`). */
export const DECK_ENDINGS: readonly string[] = [
  '主持', '讲话', '参加', '出席', '致辞', '作报告', '讲党课', '调研', '陪同', '主持并讲话', '出席并讲话', '参加并讲话', '批示', '部署', '宣讲',
];

/** Words that open a lead without naming its date (`近日，……`): the article's date is then unknown. */
export const VAGUE_TIME_OPENERS: readonly string[] = ['近日', '日前', '近期', '连日来', '近年来', '近段时间', '目前', '近来'];

/**
 * A pattern and the characters every match of it holds: `needs` is a list of character sets, and
 * a matching line holds a character of each. The layout stages test the pattern only on a line
 * that holds them (`grammar/hints.ts`), so a pattern's `needs` must stay true when it is edited.
 */
export interface Gated {
  needs: readonly string[];
  pattern: RegExp;
}

/**
 * Page furniture: whole-line patterns (on normalised text) that are never article text.
 * Each is anchored and bounded; none can backtrack far.
 */
export const FURNITURE_PATTERNS: readonly Gated[] = [
  // 责任编辑：张三  / 编辑：X 校对：Y 美编：Z
  { needs: ['编校版设审值'], pattern: /^(?:本版)?(?:责任编辑|责编|编辑|校对|美编|版式|组版|设计|审读|值班主任|主编)[：\s]/u },
  // 第3版 / 第三版 / 3版 as a whole line, with the page's name before or after: `要闻　第2版`
  { needs: ['版'], pattern: /^(?:[\u4e00-\u9fff]{0,8}\s*)?第?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版(?:\s+.{0,12}|[：].{0,12})?$/u },
  // A page header: 2021年6月27日 星期日 ……
  { needs: ['年', '星'], pattern: /^.{0,20}?\d{4}年\d{1,2}月\d{1,2}日\s*星期[一二三四五六日天].{0,30}$/u },
  // A Taiwan page header in years of the Republic: 中华民国113年6月3日 星期一
  { needs: ['年', '星'], pattern: /^.{0,20}?民国\s?\d{2,3}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\s*星期[一二三四五六日天].{0,30}$/u },
  // A page header with its date and page: 经济日报 2022年9月8日 第5版
  { needs: ['年', '版'], pattern: /^.{0,24}?\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日.{0,24}?第\s*[0-9０-９一二三四五六七八九十]{1,3}\s*版.{0,12}$/u },
  // The paper's name then the date: 榆社报 2023年3月15日 ……
  { needs: ['年', '报刊'], pattern: /^[\u4e00-\u9fff]{1,10}(?:报|刊)\s+\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日.{0,30}$/u },
  // 星期日 alone, 农历 lines
  { needs: ['星农'], pattern: /^(?:星期[一二三四五六日天]|农历.{2,12})$/u },
  // The paper's name on a line of its own: 人民日报, 晋中日报, 新民晚报
  { needs: ['报'], pattern: /^[\u4e00-\u9fff]{2,10}(?:日报|晚报|早报|时报|商报|都市报|青年报|法制报|经济报)(?:社)?$/u },
  // Page-number lines like `A3` / `- 3 -`
  { needs: ['ABCDＡＢＣＤ-－—'], pattern: /^(?:[A-DＡ-Ｄ]\d{1,2}|[-－—]\s*\d{1,3}\s*[-－—])$/u },
];

/** Page references in continuation markers: `（下转第4版）`, `（上接第一版）`, `(转第二版)`. */
export const CONTINUATION_PATTERN =
  /^（?\s*(?<dir>下转|转|上接|接)\s*第?\s*(?<page>[0-9０-９一二三四五六七八九十]{1,3})\s*版\s*(?:[^）]{0,10})?）?$/u;

/** Numbered section heads: `一、举报内容`, `（二）`, `第三章`, `1.` with a short title. */
export const SECTION_HEAD_PATTERN =
  /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十0-9０-９]{1,3}）|第[一二三四五六七八九十0-9０-９]{1,3}[章节条部分])/u;

/** List items: `- `, `• `, `·`, `1.`, `1、`, `(1)`, `①`; `1.2万` is a number, not item 1. */
export const LIST_ITEM_PATTERN = /^(?:[-－•·●○◆■□▪]\s*|[0-9０-９]{1,2}(?:[.．](?![0-9０-９])|、)|（[0-9０-９]{1,2}）|[①-⑳])/u;
