/**
 * Every list the place extractor reads: name suffixes, ethnic names stripped from autonomous
 * areas, ordinary words that look like places, brand cues and home markers. The divisions
 * themselves are in `gazetteer-table.ts` (generated). Strings here are Han text, which the
 * normaliser never changes, so they match `Line.norm` and the raw text alike.
 */

/**
 * Suffixes stripped from a full name to get its short form, per level, longest first.
 * Example: `内蒙古自治区` → `内蒙古`, `晋中市` → `晋中`, `祁县` → `祁`.
 */
export const NAME_SUFFIXES = {
  province: ['特别行政区', '自治区', '省', '市'],
  prefecture: ['自治州', '地区', '盟', '市'],
  county: ['自治县', '自治旗', '特区', '新区', '矿区', '区', '县', '市', '旗'],
} as const satisfies Record<'province' | 'prefecture' | 'county', readonly string[]>;

/**
 * The suffixes a county-level division carried before it was converted, by its suffix now:
 * 撤县设区 and 撤市设区 (`太谷县`, `榆次市` are now 太谷区, 榆次区), 撤县设市 (`介休县` is now
 * 介休市). Older text uses the old name; it is read as the division the place became, unless
 * the old name is the current name of a division (`朝阳县` is in 辽宁, not Beijing's 朝阳区).
 */
export const FORMER_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  区: ['县', '市'],
  市: ['县'],
};

/**
 * The suffix that stands for a whole autonomous-area suffix in the usual abbreviation:
 * `黔东南苗族侗族自治州` is also written `黔东南州`, `孟村回族自治县` `孟村县`.
 */
export const AUTONOMOUS_ABBREVIATIONS: Readonly<Record<string, string>> = {
  自治州: '州',
  自治县: '县',
  自治旗: '旗',
};

/**
 * Short forms that the suffix rules get wrong, by full name. `null` means the name has no
 * short form at all.
 */
export const SHORT_FORM_OVERRIDES: Readonly<Record<string, string | null>> = {
  神农架林区: '神农架',
  // The rest of these names is an ethnic name or a bare noun.
  中沙群岛的岛礁及其海域: null,
  大柴旦行政委员会: null,
};

/**
 * Ethnic names as they appear inside the names of autonomous areas (`宁夏回族自治区`,
 * `巴音郭楞蒙古自治州`, `龙胜各族自治县`), stripped after the suffix. A bare name (without `族`)
 * is stripped only when two or more characters remain, so `内蒙古` stays whole.
 */
export const ETHNIC_NAMES: readonly string[] = [
  '壮族', '回族', '满族', '维吾尔族', '苗族', '彝族', '土家族', '藏族', '蒙古族', '侗族', '布依族', '瑶族',
  '白族', '朝鲜族', '哈尼族', '黎族', '哈萨克族', '傣族', '畲族', '傈僳族', '东乡族', '仡佬族', '拉祜族',
  '佤族', '水族', '纳西族', '羌族', '土族', '仫佬族', '锡伯族', '柯尔克孜族', '景颇族', '达斡尔族', '撒拉族',
  '布朗族', '毛南族', '塔吉克族', '普米族', '阿昌族', '怒族', '鄂温克族', '京族', '基诺族', '德昂族', '保安族',
  '俄罗斯族', '裕固族', '乌孜别克族', '门巴族', '鄂伦春族', '独龙族', '赫哲族', '高山族', '珞巴族', '塔塔尔族',
  '各族',
  // Bare forms that official names use without 族.
  '维吾尔', '蒙古', '哈萨克', '柯尔克孜', '塔吉克', '锡伯', '鄂伦春', '鄂温克', '达斡尔',
];

/**
 * Ordinary words that are also the short form (or the whole name) of a division. A short form
 * equal to one of these is never read as a place, nor is a full name that is an ordinary word
 * itself (`城区`, `郊区`, `矿区`). A county's full name built on one (`惠民县`, `比如县`) is read,
 * except where its suffix starts the next word ({@link SUFFIX_CONTINUATIONS}) and neither the
 * text nor the home confirms its prefecture.
 * These words block only a match of exactly their extent; words that straddle a name are in
 * {@link COMPOUND_WORDS}.
 */
export const FALSE_FRIENDS: readonly string[] = [
  // Named by the product issue and DOMAIN.md.
  '惠民', '公安', '泰山', '平安', '前进', '资源', '新兴', '振兴', '和政', '同心', '章贡', '西工', '古城',
  '城关', '长安', '新华', '和平', '东方', '永和',
  // Whole names that are ordinary words.
  '城区', '矿区', '郊区', '东区', '西区', '新城区', '老城区', '古城区',
  // Prefecture short forms that are ordinary words.
  '来宾', '安康', '白银',
  // County short forms that are ordinary words, names of people, sights or firms.
  '大兴', '怀柔', '密云', '河东', '河西', '南开', '北辰', '滨海', '无极', '路南', '路北', '丰润', '海港',
  '青龙', '复兴', '大名', '临城', '沙河', '莲池', '满城', '高阳', '万全', '双桥', '兴隆', '围场', '运河',
  '大城', '大厂', '三河', '安平', '故城', '小店', '平定', '上党', '平顺', '长子', '高平', '和顺', '盐湖',
  '河曲', '柳林', '方山', '交口', '孝义', '新城', '回民', '玉泉', '清水河', '东河', '青山', '红山', '松山',
  '东胜', '临河', '多伦', '大东', '新民', '千山', '元宝', '古塔', '太和', '黑山', '站前', '西市', '太平',
  '白塔', '宏伟', '灯塔', '盘山', '双塔', '龙城', '连山', '南关', '二道', '绿园', '榆树', '龙潭', '丰满',
  '磐石', '梨树', '龙山', '柳河', '江源', '长白', '临江', '长岭', '大安', '龙井', '道里', '南岗', '道外',
  '平房', '双城', '方正', '木兰', '通河', '延寿', '五常', '建华', '泰来', '富裕', '鸡冠', '恒山', '向阳',
  '工农', '南山', '东山', '尖山', '集贤', '友谊', '龙凤', '友好', '东风', '阳明', '爱民', '明水', '海伦',
  '塔河', '金山', '玄武', '鼓楼', '六合', '滨湖', '钟楼', '东海', '大丰', '响水', '兴化', '西湖', '滨江',
  '南湖', '长兴', '开化', '江山', '定海', '路桥', '天台', '临海', '龙泉', '无为', '大通', '花山', '大观',
  '太湖', '望江', '定远', '天长', '明光', '界首', '东至', '石台', '马尾', '长乐', '湖里', '集美', '城厢',
  '仙游', '三元', '清流', '大田', '永安', '石狮', '云霄', '平和', '顺昌', '光泽', '政和', '新罗', '连城',
  '古田', '东湖', '新建', '莲花', '湖口', '庐山', '兴国', '石城', '新干', '永丰', '泰和', '万安', '安福',
  '上高', '铜鼓', '樟树', '南城', '东乡', '万年', '市中', '天桥', '市南', '市北', '河口', '蓬莱', '龙口',
  '高密', '梁山', '平原', '牡丹', '东明', '中原', '上街', '老城', '新安', '北关', '山城', '红旗', '解放',
  '马村', '博爱', '台前', '建安', '湖滨', '卧龙', '民权', '平桥', '商城', '太康', '正阳', '江岸', '江汉',
  '铁山', '大冶', '长阳', '五峰', '当阳', '保康', '华容', '大悟', '云梦', '洪湖', '赤壁', '咸丰', '天门',
  '芙蓉', '天心', '雨花', '天元', '石峰', '石鼓', '南岳', '大祥', '洞口', '君山', '平江', '桃源', '石门',
  '嘉禾', '永兴', '新田', '中方', '会同', '通道', '双峰', '凤凰', '天河', '白云', '黄埔', '福田', '盐田',
  '光明', '南海', '三水', '高明', '江海', '新会', '高要', '四会', '龙门', '紫金', '阳春', '江南', '城中',
  '三江', '七星', '永福', '平乐', '港口', '东兴', '兴业', '凌云', '乐业', '大化', '大新', '海棠', '天涯',
  '定安', '白沙', '长寿', '石柱', '锦江', '金牛', '新都', '双流', '仁和', '三台', '朝天', '安居',
  '大英', '南部', '东坡', '前锋', '名山', '石棉', '九龙', '黑水', '白玉', '石渠', '会理', '修文', '大方',
  '金沙', '万山', '江口', '沿河', '天柱', '长顺', '三都', '官渡', '西山', '富民', '安宁', '麒麟', '石林',
  '大关', '威信', '玉龙', '南华', '弥勒', '祥云', '永平', '曲水', '定日', '比如', '尼玛', '改则', '亚东',
  '吉隆', '未央', '太白', '武功', '白水', '宝塔', '延长', '甘泉', '黄龙', '西乡', '神木', '石泉', '白河',
  '平川', '景泰', '清水', '民乐', '高台', '灵台', '金塔', '安定', '两当', '康乐', '合作', '城东', '城西',
  '城北', '互助', '同仁', '共和', '同德', '乌兰', '西夏', '金凤', '永宁', '贺兰', '惠农', '盐池', '天山',
  '新市', '温泉', '和硕', '新和', '民丰', '新源', '双河', '新星', '白杨', '东城', '西城', '桥西', '桥东',
  '铁西', '铁东', '海州', '宝山', '普陀', '江北', '永定', '龙华', '金平', '五华',
];

/**
 * Ordinary words that straddle or swallow a place name: any match that overlaps one of these
 * without containing it is dropped (`谱写晋中新篇章贡献` is not 章贡区, `长治久安` is not 长治,
 * `隆重庆祝` is not 重庆). A full name glued to a following word falls back to its short form:
 * `晋中市场` is 晋中 (with 市场), `榆次区域` is 榆次.
 */
export const COMPOUND_WORDS: readonly string[] = [
  // Named by the product issue.
  '篇章', '贡献', '长治久安', '重于泰山', '乡村振兴', '惠民政策', '文化惠民', '惠民利民', '新兴产业',
  '公安机关', '同心桥',
  // A suffix character that starts the next word.
  '市场', '市民', '市值', '市面', '市井', '区域', '区块', '区间', '区位', '区分', '区别', '省钱', '省力',
  '省心', '省事', '新县城', '新县委', '市和县', '省和县', '区和县', '和县级', '和县域', '和县乡', '和县区',
  '和县委',
  // Directions after a mountain, river or lake: 泰山东麓, 洞庭湖南岸, 黄河北岸.
  '东麓', '西麓', '南麓', '北麓', '东岸', '西岸', '南岸', '北岸', '东侧', '西侧', '南侧', '北侧',
  // Words and idioms around province and prefecture short forms.
  '庆祝', '庆典', '幸福', '造福', '祝福', '巩固', '卫生', '卫星', '确定', '顺利', '都市', '党课', '平台',
  '高速', '干部', '会员', '要求', '密度', '恍然大悟', '三明治', '大理石', '阿里巴巴', '阿里云', '文山会海',
  '山南海北', '天南海北', '白山黑水', '夸下海口', '玉树临风', '四平八稳', '大同小异', '世界大同', '天下大同',
  '朝阳产业', '朝阳行业', '日照时间', '日照时数', '日照充足', '充足日照', '年日照', '新乡贤', '德州扑克',
  '北海公园', '北海道', '中山装', '中山路', '中山公园', '中山大学', '中山陵', '孙中山', '开封后', '未开封',
  '已开封', '年大庆', '大庆典', '黄河源', '长江源', '吉隆坡', '长白山',
  // Words ending in 台 before Taiwan's 台中, 台南, 台东 (`出台中长期规划` is not 台中).
  '舞台', '讲台', '阳台', '柜台', '后台', '前台', '站台', '上台', '下台', '出台', '电台', '擂台', '看台', '登台', '同台',
  // `铝合金门窗` is not Taiwan's 金门, 阿里山 (in 嘉义) not Tibet's 阿里.
  '合金', '阿里山',
  // `和田间`, `和田径` are not 和田 (a conjunction before 田间, 田径).
  '田间', '田径',
  // Verbs ending in 成 before 都市 (`建成都市圈` is not 成都).
  '建成', '形成', '完成', '构成', '组成', '变成', '造成', '达成', '促成', '养成', '生成', '集成',
];

/**
 * Characters after a county suffix that make the suffix the start of a new word, per suffix:
 * `比如县级医院` is "for example, county-level hospitals", `西南部县域` "south-western counties".
 * Checked only for county names built on a {@link FALSE_FRIENDS} word.
 */
export const SUFFIX_CONTINUATIONS: Readonly<Record<string, string>> = {
  县: '级域城委长里区乡市镇',
  区: '级域块间位别',
  市: '级场民值面井',
  旗: '',
};

/**
 * Words that, right after a short form, make it the name of a neighbourhood, a school or a road
 * (`海东社区`, `泰安社区`, `北海学校`): the division itself is not named. Single characters (路, 村) are
 * left out: `江西村民`, `北京街头` do name the province and the city.
 */
export const LOCAL_UNIT_CUES: readonly string[] = [
  '社区', '小区', '街道', '学校', '小学', '中学', '幼儿园', '大街', '大道', '花园', '广场', '公园', '宾馆', '酒店', '饭店', '大厦',
];

/**
 * Words that, right after a province or city short form, make it part of a company, brand or
 * media name (`北京科兴`, `北京生物`, `安徽智飞`, `湖南卫视`): such a mention is weak.
 */
export const BRAND_CUES: readonly string[] = [
  '科兴', '生物', '智飞', '康泰', '沃森', '民海', '康希诺', '制药', '药业', '医药', '集团', '公司', '股份',
  '银行', '证券', '卫视', '电视台', '日报', '晚报', '大学',
];

/**
 * Characters that may stand right before a one-character-stem county name (`祁县`, `和县`)
 * without being part of a word with it. Any other Han character before such a name rejects it
 * (`示范县` is not 范县, `贡献县域` not 献县), unless another place ends there (`山西祁县`).
 */
export const SHORT_NAME_LEFT_BOUNDARY = '在于到赴至从往让与及同跟由是的和了等向省市进入访抵';

/**
 * Taiwan's municipalities, cities and counties, in simplified characters (traditional text is
 * matched through its simplified twin: `臺北市` reads as `台北市`). GB/T 2260 codes Taiwan as a
 * whole (710000), so each is read as 710000 with its own name.
 */
export const TAIWAN_DIVISIONS: readonly string[] = [
  '台北市', '新北市', '桃园市', '台中市', '台南市', '高雄市', '基隆市', '新竹市', '嘉义市', '新竹县', '苗栗县', '彰化县',
  '南投县', '云林县', '嘉义县', '屏东县', '宜兰县', '花莲县', '台东县', '澎湖县', '金门县', '连江县',
];

/** Words by which a paper means its own city (`我市`, `全市`, `本市`). */
export const HOME_CITY_MARKERS: readonly string[] = ['我市', '全市', '本市'];

/** Words by which a paper means its own province (`我省`, `全省`, `本省`). */
export const HOME_PROVINCE_MARKERS: readonly string[] = ['我省', '全省', '本省'];

/** Words by which a county or district paper names its own county (`我县`, `全区`). */
export const HOME_COUNTY_MARKERS: readonly string[] = ['我县', '全县', '本县', '我区', '本区'];
