/**
 * Property (d), an oracle: a page assembled from well-formed items whose answer is known must be
 * split into exactly those items. Each item is a news story (headline, maybe a deck naming who
 * presided, a `本报讯（记者 X）` lead, a few paragraphs), a photo item (headline, caption,
 * `本报记者 X摄`), a feature (headline, `文/本报记者 X` on top, subheadings between paragraphs) or a
 * notice (`关于……的公告`, numbered sections, a signature and its date). Body paragraphs may be cut by
 * a column break after their first comma (repair must join them back), the page may use either
 * punctuation width, and page furniture may stand between items (it must become a leftover).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/index.js';
import { PROPERTY_SEED } from '../helpers/generators.js';
import { checkInvariants } from '../helpers/invariants.js';

/** Characters that cannot form a notice, deck, column or furniture word by chance. */
const HAN = '市委召开会议安全生产工作推动经济高质量发展群众生活服务建设项目企业文化旅游乡村振兴';
const NAMES = ['王晶', '李雨鑫', '赵继钊', '殷雪鸢', '刘勇', '雷甫', '郝晓炜', '陈晨'];
const FURNITURE = ['责任编辑：张三', '第3版', '晋中日报 2026年6月2日 星期二', 'A3'];

const han = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.integer({ min: 0, max: HAN.length - 1 }), { minLength: min, maxLength: max }).map((ix) => ix.map((i) => HAN[i]).join(''));
/** A sentence with at least one comma: `……，……。` */
const sentence = fc.tuple(han(4, 20), han(4, 30)).map(([a, b]) => `${a}，${b}。`);

interface Item {
  /** The page lines of the item; a column break is `['…，', '', '…。']`. */
  lines: string[];
  kind: 'news' | 'photo' | 'feature' | 'notice';
  headline: string;
  deck: string[];
  body: string;
  reporters: string[];
}

/** A paragraph, whole or cut after its first comma by a column break (blank line). */
const paragraph: fc.Arbitrary<{ text: string; lines: string[] }> = fc.tuple(sentence, fc.boolean()).map(([s, cut]) => {
  const k = s.indexOf('，') + 1;
  return { text: s, lines: cut ? [s.slice(0, k), '', s.slice(k)] : [s] };
});

const news: fc.Arbitrary<Item> = fc
  .tuple(han(6, 16), fc.option(fc.constantFrom(...NAMES).map((n) => `${n}主持`)), fc.constantFrom(...NAMES), paragraph, fc.array(paragraph, { maxLength: 3 }))
  .map(([headline, deck, name, lead, rest]) => {
    const marker = `本报讯（记者 ${name}）`;
    const paras = [{ text: marker + lead.text, lines: [marker + lead.lines[0], ...lead.lines.slice(1)] }, ...rest];
    return {
      lines: [headline, '', ...(deck === null ? [] : [deck, '']), ...paras.flatMap((p) => [...p.lines, ''])],
      kind: 'news',
      headline,
      deck: deck === null ? [] : [deck],
      body: paras.map((p) => p.text).join('\n'),
      reporters: [`记者:${name}`],
    };
  });

/** A feature: headline, `文/本报记者 X` on top, paragraphs with short subheadings between them. */
const feature: fc.Arbitrary<Item> = fc
  .tuple(han(6, 16), fc.constantFrom(...NAMES), fc.array(fc.tuple(han(3, 5), han(3, 5), fc.array(paragraph, { minLength: 1, maxLength: 2 })), { minLength: 2, maxLength: 3 }), paragraph)
  .map(([headline, name, sections, opening]) => {
    const parts = [{ text: opening.text, lines: opening.lines }, ...sections.flatMap(([a, b, ps]) => [{ text: `${a} ${b}`, lines: [`${a} ${b}`] }, ...ps])];
    return {
      lines: [headline, '', `文/本报记者 ${name}`, '', ...parts.flatMap((p) => [...p.lines, ''])],
      kind: 'feature',
      headline,
      deck: [],
      body: parts.map((p) => p.text).join('\n'),
      reporters: [`记者:${name}`],
    };
  });

/** A notice: `……的公告`, numbered sections, a signature and its date. */
const notice: fc.Arbitrary<Item> = fc
  .tuple(han(4, 12), fc.array(fc.tuple(han(2, 6), paragraph), { minLength: 1, maxLength: 3 }), han(4, 10), fc.integer({ min: 1, max: 28 }))
  .map(([subject, sections, org, day]) => {
    const numerals = '一二三';
    const parts = sections.flatMap(([title, p], k) => [{ text: `${numerals[k]}、${title}`, lines: [`${numerals[k]}、${title}`] }, p]);
    const tail = [`${org}局`, `2026年5月${day}日`].map((t) => ({ text: t, lines: [t] }));
    const all = [...parts, ...tail];
    return {
      lines: [`关于${subject}的公告`, '', ...all.flatMap((p) => [...p.lines, ''])],
      kind: 'notice',
      headline: `关于${subject}的公告`,
      deck: [],
      body: all.map((p) => p.text).join('\n'),
      reporters: [],
    };
  });

const photo: fc.Arbitrary<Item> = fc.tuple(han(4, 8), fc.constantFrom(...NAMES), sentence).map(([headline, name, caption]) => ({
  lines: [headline, '', caption, '', `本报记者 ${name}摄`, ''],
  kind: 'photo',
  headline,
  deck: [],
  body: caption,
  reporters: [`摄影:${name}`],
}));

const item = fc.oneof({ arbitrary: news, weight: 3 }, { arbitrary: photo, weight: 1 }, { arbitrary: feature, weight: 1 }, { arbitrary: notice, weight: 1 });
const page = fc.array(fc.tuple(item, fc.option(fc.constantFrom(...FURNITURE))), {
  minLength: 1,
  maxLength: 6,
});

const toHalfWidth = (s: string): string => s.replace(/[，（）]/gu, (c) => ({ '，': ',', '（': '(', '）': ')' })[c]!);

describe('property: well-formed pages split into exactly their items', () => {
  it('2000 generated pages, either punctuation width', () => {
    fc.assert(
      fc.property(page, fc.boolean(), (items, half) => {
        const width = half ? toHalfWidth : (s: string) => s;
        const lines = items.flatMap(([item, furniture]) => [...item.lines, ...(furniture === null ? [] : [furniture, ''])]);
        const text = width(lines.join('\n'));
        const issue = splitText(text, { name: '2026-06-02.txt' });
        expect(checkInvariants(text, issue)).toEqual([]);
        expect(issue.articles.map((a) => ({ kind: a.kind, headline: a.headline, deck: a.deck, body: a.body, reporters: a.reporters.map((r) => `${r.role}:${r.name}`) }))).toEqual(
          items.map(([item]) => ({ kind: item.kind, headline: item.headline, deck: item.deck, body: width(item.body), reporters: item.reporters })),
        );
        expect(issue.leftovers.map((l) => l.text)).toEqual(items.flatMap(([, f]) => (f === null ? [] : [f])));
      }),
      { seed: PROPERTY_SEED, numRuns: 2000 },
    );
  });
});
