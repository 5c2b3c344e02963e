import { describe, it, expect } from 'vitest';
import { extractPlaces, inferHome } from '../../src/extract/places.js';
import { GAZETTEER_COUNTS, GAZETTEER_TSV } from '../../src/data/gazetteer-table.js';
import { BRAND_CUES, COMPOUND_WORDS, FALSE_FRIENDS } from '../../src/data/places.js';

const codes = (text: string, home?: string): string[] =>
  extractPlaces(text, home === undefined ? undefined : { home }).map((l) => l.code);

/** Sentences with ordinary words that are also place names: no place may come out. */
const mustNotMatch: readonly string[] = [
  '推进县域经济高质量发展',
  '评选先进县和先进个人',
  '落地“一减一加四免费”旅游惠民政策',
  '扎实推进文化惠民“七进”等活动',
  '以实实在在的惠民利民业绩树立和践行正确政绩观',
  '观看《生命重于泰山——学习习近平总书记关于安全生产重要论述》电视专题片',
  '省委书记林武在全省换届后县（市、区）党政正职专题培训班开班式上的重要讲话',
  '巩固拓展脱贫攻坚成果，有效衔接乡村振兴',
  '改造提升传统产业，加快发展新兴产业',
  '卫健、公安、宣传、财政、市场监管、医保等有关部门互相协调',
  '公安机关依法严厉打击各类违法犯罪活动',
  '确保社会大局长治久安',
  '推进平安建设，维护社会稳定',
  '切实把经济社会各项事业推向前进',
  '借助新媒体矩阵全方位推介文旅资源',
  '全党同心同德、同心协力',
  '接连推出民俗展演、梨花节庆、古城新潮体验等特色活动',
  '城关派出所民警及时赶到现场',
  '长安街上车水马龙',
  '新华书店举办读书分享会',
  '维护世界和平与发展',
  '东方明珠塔灯光璀璨',
  '永和豆浆门店开业',
  '处理好市场和政府的关系',
  '全市统战工作要紧扣“139”工作思路',
  '为我市在全省推动高质量发展中奋勇争先贡献更多智慧和力量',
  '深刻汲取近期省内外多起安全事故的沉痛教训',
  '本市居民可就近接种',
  '以优异成绩庆祝中国共产党成立100周年，隆重庆祝建党百年',
  '各级领导干部要大兴调查研究之风',
  '践行绿水青山就是金山银山理念',
  '中方表示愿同各方加强合作',
  '比如县级医院要提升服务能力',
  '开展全国示范县创建工作',
  '建立省、市和县三级联动机制',
  '加快建成都市圈',
  '洞庭湖南岸风光秀美',
  '两国友谊坚如磐石',
  '祝大家身体安康、阖家幸福',
  '各位来宾、同志们',
  '天下为公，世界大同',
  '家中长子长孙',
  '新县城建设稳步推进',
  '老旧小区遍布城区、郊区和矿区',
  '其中卫生健康系统表现突出',
  '发展西南部县域经济',
  '在西工大学习期间',
  '推动中华民族伟大复兴',
];

/** Real mentions and the codes they must give, in order of first mention. */
const mustMatch: readonly { text: string; home?: string; codes: string[] }[] = [
  { text: '结合晋中实际细化工作举措', codes: ['140700'] },
  { text: '深入学习贯彻习近平总书记对山西工作的重要指示精神', codes: ['140000'] },
  { text: '祁县位列榜单前十', codes: ['140727'] },
  { text: '一系列举措让祁县文旅热度节节攀升', codes: ['140727'] },
  { text: '盛夏时节，走进祁县东观镇，葡萄园里一派繁忙', codes: ['140727'] },
  { text: '调研组深入祁县，走访种植大户', codes: ['140727'] },
  { text: '5月29日，在榆次区同心桥北侧带状公园内', codes: ['140702'] },
  { text: '确保太原发展始终沿着正确方向前行', codes: ['140100'] },
  { text: '审议《太原市创建国家卫生城市工作方案》', codes: ['140100'] },
  { text: '谱写中国式现代化晋中新篇章贡献统战智慧和力量', codes: ['140700'] },
  { text: '山西省煤矿安全风险隐患排查第七督导组在晋中市开展专项行动', codes: ['140000', '140700'] },
  { text: '山西省晋中市祁县', codes: ['140000', '140700', '140727'] },
  { text: '晋中市榆次区', codes: ['140700', '140702'] },
  { text: '晋中市场监管局', codes: ['140700'] },
  { text: '内蒙古自治区和广西壮族自治区', codes: ['150000', '450000'] },
  { text: '内蒙古、广西两地', codes: ['150000', '450000'] },
  { text: '新疆维吾尔自治区', codes: ['650000'] },
  { text: '宁夏中卫', codes: ['640000', '640500'] },
  { text: '香港、澳门和台湾', codes: ['810000', '820000', '710000'] },
  { text: '北京市朝阳区', codes: ['110000', '110105'] },
  { text: '北京朝阳', codes: ['110000', '110105'] },
  { text: '上海浦东', codes: ['310000', '310115'] },
  { text: '黔东南州', codes: ['522600'] },
  { text: '延边朝鲜族自治州', codes: ['222400'] },
  { text: '大同', codes: ['140200'] },
  { text: '海南', codes: ['460000'] },
  { text: '海南', home: '63', codes: ['632500'] },
  { text: '吉林', codes: ['220000'] },
  { text: '吉林市', codes: ['220200'] },
  { text: '西安长安区', codes: ['610100', '610116'] },
  { text: '石家庄市长安区', codes: ['130100', '130102'] },
  { text: '临汾安泽', codes: ['141000', '141026'] },
  { text: '晋中榆次', codes: ['140700', '140702'] },
  { text: '古交', home: '140100', codes: ['140181'] },
  { text: '山东滨州惠民县', codes: ['370000', '371600', '371621'] },
  { text: '惠民县', codes: ['371621'] },
  { text: '安徽和县', codes: ['340000', '340523'] },
  { text: '河南济源', codes: ['410000', '419001'] },
  { text: '湖南部署防汛工作', codes: ['430000'] },
  { text: '浙江西部', codes: ['330000'] },
  { text: '陕西安康', codes: ['610000'] },
  { text: '完成成都', codes: ['510100'] },
  { text: '朝阳', home: '11', codes: ['110105'] },
  { text: '朝阳', home: '21', codes: ['211300'] },
  { text: '鼓楼区', home: '35', codes: ['350102'] },
  { text: '鼓楼区', home: '320100', codes: ['320106'] },
  { text: '城关区', home: '62', codes: ['620102'] },
];

describe('extractPlaces: ordinary words that are also place names', () => {
  it.each(mustNotMatch)('%s → no place', (text) => {
    expect(extractPlaces(text)).toEqual([]);
  });
});

describe('extractPlaces: real mentions', () => {
  it.each(mustMatch)('$text (home $home) → $codes', ({ text, home, codes: expected }) => {
    expect(codes(text, home)).toEqual(expected);
  });

  it('short forms of counties need their prefecture confirmed', () => {
    expect(codes('榆次')).toEqual([]);
    expect(codes('古交')).toEqual([]);
    expect(codes('榆次', '140700')).toEqual(['140702']);
    expect(codes('太谷', '140702')).toEqual(['140703']);
    expect(codes('榆次区、太谷')).toEqual(['140702', '140703']);
    expect(codes('榆次', '14')).toEqual([]);
  });

  it('confirms the prefecture of county short forms by another of its counties named so', () => {
    expect(codes('来自榆次、太谷的选手')).toEqual(['140702', '140703']);
    expect(codes('山西平遥、介休两地')).toEqual(['140000', '140728', '140781']);
    // One county named twice confirms nothing, nor do counties of different prefectures.
    expect(codes('榆次的榆次')).toEqual([]);
    expect(codes('榆次、古交')).toEqual([]);
  });

  it('reads a county by the name it had before it was converted (撤县设区, 撤市设区, 撤县设市)', () => {
    expect(codes('太谷县农业农村局')).toEqual(['140703']);
    expect(codes('榆次市老城区改造')).toEqual(['140702']);
    expect(codes('介休县')).toEqual(['140781']);
    expect(codes('北京市大兴县')).toEqual(['110000', '110115']);
    // A former name that is another division's name now stays that division's.
    expect(codes('朝阳县')).toEqual(['211321']);
    // A glued suffix still falls back to the short form: 榆次 with 市场, unconfirmed.
    expect(codes('榆次市场')).toEqual([]);
  });

  it('reads a glued county name on an ordinary word only when its place is confirmed', () => {
    expect(codes('比如县级医院')).toEqual([]);
    expect(codes('西藏比如县级医院')).toEqual(['540000', '540622']);
  });
});

describe('extractPlaces: shape of a location', () => {
  it('merges mentions by code, keeps them as written, in order', () => {
    const [jinzhong, ...rest] = extractPlaces('晋中新篇章。晋中市委、晋中的发展');
    expect(rest).toEqual([]);
    expect(jinzhong).toEqual({
      name: '晋中市',
      code: '140700',
      level: 'prefecture',
      path: ['山西省', '晋中市'],
      mentions: ['晋中', '晋中市'],
    });
  });

  it('gives the path from the province down, municipalities without a prefecture', () => {
    const [qi] = extractPlaces('祁县');
    expect(qi).toMatchObject({ name: '祁县', level: 'county', path: ['山西省', '晋中市', '祁县'] });
    const places = extractPlaces('北京市朝阳区');
    expect(places.map((l) => l.path)).toEqual([['北京市'], ['北京市', '朝阳区']]);
  });

  it('lists every candidate of an ambiguous name without a home', () => {
    const [chaoyang] = extractPlaces('朝阳区');
    expect(chaoyang).toMatchObject({ name: '朝阳区', code: '110105', candidates: ['110105', '220104'] });
  });

  it.each([
    ['11', '110105'],
    ['22', '220104'],
    ['110000', '110105'],
    ['220100', '220104'],
  ])('resolves 朝阳区 with home %s → %s', (home, code) => {
    const [chaoyang] = extractPlaces('朝阳区', { home });
    expect(chaoyang?.code).toBe(code);
    expect(chaoyang?.candidates).toBeUndefined();
  });

  it('resolves an ambiguous name by a place named elsewhere in the text', () => {
    expect(codes('吉林省长春市朝阳区')).toEqual(['220000', '220100', '220104']);
  });

  it('marks a place inside a company or brand name as weak', () => {
    expect(extractPlaces('北京科兴、北京生物疫苗接种第一剂次满21天')).toEqual([
      { name: '北京市', code: '110000', level: 'province', path: ['北京市'], mentions: ['北京'], weak: true },
    ]);
    expect(extractPlaces('安徽智飞疫苗')).toEqual([
      { name: '安徽省', code: '340000', level: 'province', path: ['安徽省'], mentions: ['安徽'], weak: true },
    ]);
  });

  it('is not weak when one mention is a plain place', () => {
    const [beijing] = extractPlaces('北京科兴在北京');
    expect(beijing?.weak).toBeUndefined();
  });

  it('keeps a long text linear and merged', () => {
    const text = '山西晋中祁县，惠民政策落地。'.repeat(5000);
    expect(codes(text)).toEqual(['140000', '140700', '140727']);
  });
});

describe('inferHome', () => {
  it('takes the prefecture named most when the text says 我市', () => {
    const text =
      '我市召开会议。确保太原发展。全市上下要把太原放在全国大局中考量。北京科兴、北京生物疫苗。太原市委。山西';
    expect(inferHome(text)).toMatchObject({ name: '太原市', code: '140100' });
    expect(inferHome(text)?.evidence).toBe('太原 named 3 times; 我市 ×1, 全市 ×1');
  });

  it('counts a municipality as a city', () => {
    expect(inferHome('本市朝阳区、海淀区和北京经济技术开发区')?.code).toBe('110000');
  });

  it('takes the province for 我省 / 全省', () => {
    expect(inferHome('全省上下，山西各地，晋中、太原')?.code).toBe('140000');
  });

  it('gives nothing without 我市 or 我省', () => {
    expect(inferHome('太原、太原、太原')).toBeUndefined();
    expect(inferHome('我市召开会议')).toBeUndefined();
  });
});

describe('gazetteer table', () => {
  const rows = GAZETTEER_TSV.split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t') as [string, string]);
  const byCode = new Map(rows);
  const level = (code: string): string =>
    code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county';

  it('has every level in sane numbers', () => {
    const count = { province: 0, prefecture: 0, county: 0 } as Record<string, number>;
    for (const [code] of rows) count[level(code)]!++;
    expect(count).toEqual(GAZETTEER_COUNTS);
    expect(count.province).toBe(34);
    expect(count.prefecture).toBeGreaterThan(300);
    expect(count.county).toBeGreaterThan(2800);
  });

  it('holds well-formed unique rows, sorted by code', () => {
    expect(rows.every(([code, name]) => /^\d{6}$/.test(code) && /^\p{Script=Han}+$/u.test(name))).toBe(true);
    expect(byCode.size).toBe(rows.length);
    expect(rows.map(([code]) => code)).toEqual([...byCode.keys()].sort());
  });

  it('has no pseudo-prefectures or statistics-only zones', () => {
    expect(rows.filter(([, name]) => ['市辖区', '县', '省直辖县级行政区划'].includes(name))).toEqual([]);
    const zone = (code: string): boolean => level(code) === 'county' && /^(7[1-9]|80)$/.test(code.slice(4));
    expect(rows.filter(([code]) => zone(code))).toEqual([]);
  });

  it('links every county to a prefecture or its province', () => {
    const orphans = rows.filter(
      ([code]) => level(code) !== 'province' && !byCode.has(`${code.slice(0, 2)}0000`),
    );
    expect(orphans).toEqual([]);
    expect(byCode.get('110000')).toBe('北京市');
    expect(byCode.has('110100')).toBe(false);
    expect([byCode.get('710000'), byCode.get('810000'), byCode.get('820000')]).toEqual([
      '台湾省',
      '香港特别行政区',
      '澳门特别行政区',
    ]);
  });

  it('is small', () => {
    expect(GAZETTEER_TSV.length).toBeLessThan(150_000);
  });
});

describe('place lists', () => {
  it('has no duplicates', () => {
    for (const list of [FALSE_FRIENDS, COMPOUND_WORDS, BRAND_CUES]) expect(new Set(list).size).toBe(list.length);
  });

  it('lists as false friends only words that start a division name', () => {
    const names = [...GAZETTEER_TSV.matchAll(/\t(?<name>\S+)/g)].map((m) => m.groups!['name']!);
    expect(FALSE_FRIENDS.filter((w) => !names.some((n) => n.startsWith(w)))).toEqual([]);
  });
});

describe('traditional script: matched through the simplified twin, reported as printed', () => {
  it.each([
    ['晉中市榆次區召開會議', ['140700', '140702'], ['晉中市', '榆次區']],
    ['香港特別行政區政府今日宣佈', ['810000'], ['香港特別行政區']],
    ['澳門旅遊局與香港旅發局合辦推廣', ['820000', '810000'], ['澳門', '香港']],
    // A traditional unit that starts no name still makes the twin, through which 長治 reads.
    ['這是長治久安與長治', ['140400'], ['長治']],
  ])('%s', (text, expected, printed) => {
    const places = extractPlaces(text);
    expect(places.map((l) => l.code)).toEqual(expected);
    expect(places.flatMap((l) => l.mentions)).toEqual(printed);
  });

  it('reads Taiwan’s cities and counties as 710000, each under its own name', () => {
    const places = extractPlaces('臺北市與高雄市、彰化縣合辦活動，台北另設分場，新竹亦參與。');
    expect(places.map((l) => `${l.name} ${l.code} ${l.level} ${l.path.join('/')} ${l.mentions.join('|')}`)).toEqual([
      '台北市 710000 prefecture 台湾省/台北市 臺北市|台北',
      '高雄市 710000 prefecture 台湾省/高雄市 高雄市',
      '彰化县 710000 prefecture 台湾省/彰化县 彰化縣',
      '新竹市 710000 prefecture 台湾省/新竹市 新竹',
    ]);
  });

  it.each(['政府出台中长期规划', '登上舞台中央', '铝合金门窗', '鋁合金門窗', '阿里山櫻花盛開'])('reads no place in %s', (text) => {
    expect(codes(text)).toEqual([]);
  });

  it('takes the home of a traditional page from 我縣 as from 我县', () => {
    expect(inferHome('我縣召開大會，祁縣縣委書記講話。全縣幹部參加。祁縣')?.code).toBe('140727');
  });
});
