/**
 * fast-check arbitraries for newspaper-shaped dumps: each line is drawn from one family that a
 * real page holds (headline, body sentence, column-break tail, lead marker, byline, photo credit,
 * furniture, continuation, date line, list item, section head, blank). Every family mixes
 * full-width and half-width punctuation and the odd stray space, so the generated pages exercise
 * the same code paths as real dumps without copying any real text.
 */
import fc from 'fast-check';

/** The seed every property test runs with, so a failure is reproducible by anyone. */
export const PROPERTY_SEED = 20261123;

const NAMES = ['王晶', '李雨鑫', '赵继钊', '殷雪鸢', '刘勇', '雷甫', '郝晓炜', '陈晨', '孙浩', '欧阳明', '阿依古丽·买买提'];
const ROLES = ['记者', '全媒体记者', '融媒体记者', '见习记者', '实习生', '通讯员', '特约记者'];
const PLACES = ['北京', '太原', '晋中', '东京', '开罗', '南京'];
const SOURCES = ['新华社', '中新网', '人民网', '本报'];
const HAN = '市委召开会议部署安全生产工作推动经济高质量发展群众生活服务建设项目企业文化旅游乡村振兴';

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
const name = pick(NAMES);
const month = fc.integer({ min: 1, max: 12 });
const day = fc.integer({ min: 1, max: 28 });
const hanRun = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: HAN.length - 1 }), { minLength: min, maxLength: max }).map((ix) => ix.map((i) => HAN[i]).join(''));

/** A headline, kicker, deck or subheading: no clause punctuation. */
export const headlineLine: fc.Arbitrary<string> = fc.oneof(
  hanRun(4, 20),
  fc.tuple(hanRun(3, 8), hanRun(3, 8)).map(([a, b]) => `${a} ${b}`),
  fc.tuple(name, pick(['主持并讲话', '主持', '出席并讲话'])).map(([n, w]) => n + w),
  hanRun(4, 16).map((t) => `关于${t}的公告`),
  pick(['短评', '经济简讯', '学深悟透 筑牢根基', '一、举报内容', '二、举报方式', '小山村里的“甜蜜事业”']),
  hanRun(30, 70).map((t) => `审议《${t}》`),
);

/** A body sentence, complete or cut by a column break (no final stop: it continues). */
export const bodyLine: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(hanRun(4, 30), hanRun(4, 40)).map(([a, b]) => `${a}，${b}。`),
  fc.tuple(hanRun(4, 30), hanRun(4, 40)).map(([a, b]) => `${a},${b}.`),
  fc.tuple(month, day, hanRun(10, 60)).map(([m, d, t]) => `${m}月${d}日，${t}。`),
  fc.tuple(hanRun(2, 10), hanRun(2, 10)).map(([a, b]) => `${a},2025年${b}`),
  fc.tuple(hanRun(5, 40), hanRun(0, 8)).map(([a, b]) => `${a}，${b}`),
  hanRun(2, 12).map((t) => `“${t}”${t}。`),
  hanRun(100, 300).map((t) => `${t}，${t}。`),
);

/** A body paragraph opening with a lead marker, in each printed form. */
export const leadLine: fc.Arbitrary<string> = fc.tuple(pick(ROLES), name, name, pick(PLACES), pick(SOURCES), month, day, bodyLine).chain(
  ([role, a, b, place, source, m, d, body]) =>
    pick([
      `本报讯（${role} ${a}）${body}`,
      `本报讯 (${role}${a})${body}`,
      `本报讯（${role} ${a} 通讯员 ${b}）${body}`,
      `本报${m}月${d}日讯（${role} ${a}）${body}`,
      `${source}${place}${m}月${d}日电（记者 ${a} ${b}）${body}`,
      `据新华社${place}${m}月${d}日电 ${body}`,
      `【本报讯】${body}`,
      `本报${place}${m}月${d}日电 记者${a}报道：${body}`,
      `新华社${place}${m}月${d}日电（${a}）${body}`,
    ]),
);

/** A byline outside the lead. */
export const bylineLine: fc.Arbitrary<string> = fc.tuple(name, name, pick(ROLES)).chain(([a, b, role]) =>
  pick([`本报记者 ${a}`, `文/本报记者 ${a}`, `${role} ${a} 通讯员 ${b}`, '本报评论员', `（本报东京３月２日电）`]),
);

/** A photographer's line, alone or at the end of a caption. */
export const photoCreditLine: fc.Arbitrary<string> = fc.tuple(name, bodyLine).chain(([a, caption]) =>
  pick([`本报记者 ${a}摄`, `${a} 摄`, `摄影 ${a}`, `图/${a}`, `文/图 ${a}`, `${caption}　　记者 ${a} 摄`]),
);

/** Page furniture. */
export const furnitureLine: fc.Arbitrary<string> = fc.tuple(name, fc.integer({ min: 1, max: 16 })).chain(([a, page]) =>
  pick([`责任编辑：${a}`, `编辑 ${a} 校对 ${a}`, `第${page}版`, `晋中日报 2026年6月2日 星期二`, `要闻　第${page}版`, `A${page}`, `- ${page} -`, '星期二']),
);

/** Continuations, date lines, list items and section heads. */
export const otherLine: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 1, max: 16 }), bodyLine).chain(([page, body]) =>
  pick([`（下转第${page}版）`, `（上接第${page}版）`, '(下转第四版)', '2026年6月1日', `- ${body}`, `1.${body}`, `（一）${body}`, '三、相关要求']),
);

/** A blank line as dumps print them. */
export const blankLine: fc.Arbitrary<string> = pick(['', '', '', ' ', '\u3000\u3000', '\t']);

/** Any line of a page, weighted towards body text and blank lines as real pages are. */
export const pageLine: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: headlineLine, weight: 3 },
  { arbitrary: bodyLine, weight: 6 },
  { arbitrary: leadLine, weight: 2 },
  { arbitrary: bylineLine, weight: 1 },
  { arbitrary: photoCreditLine, weight: 1 },
  { arbitrary: furnitureLine, weight: 1 },
  { arbitrary: otherLine, weight: 1 },
  { arbitrary: blankLine, weight: 5 },
);

/** A page: up to 40 lines joined by LF, each optionally indented with spaces (as OCR leaves them). */
export const pageText: fc.Arbitrary<string> = fc
  .array(fc.tuple(pageLine, pick(['', '', '', '　　', ' '])), { maxLength: 40 })
  .map((ls) => ls.map(([l, indent]) => (l.trim() === '' ? l : indent + l)).join('\n'));
