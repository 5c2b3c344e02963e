/**
 * Chinese surnames, for telling a person's name from an ordinary word where a credit gives no
 * role (`（王五）`, `本报讯（商 闻）`) and for splitting names run together (`王大明李小红`).
 * Single-character surnames cover the common ones of the Hundred Family Surnames and of modern
 * registers; compound surnames are listed apart. Data only.
 */

/**
 * Single-character surnames, e.g. `王`, `李`, `欧` (of 欧阳 too), roughly in order of frequency: the
 * order breaks ties when names run together (`梁士华胡涛`).
 */
export const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱丘江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由同果'.split('');

/** Compound surnames, e.g. `欧阳`, `司马`. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐',
  '钟离', '闾丘', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '澹台', '公冶', '太史', '申屠', '拓跋', '东郭',
];

/**
 * Characters that never stand in a given name where a credit could be: function words and the
 * words of units and roles (`（扩大）`, `（完）`, `河南开封市` are not names).
 */
export const NOT_IN_GIVEN_NAMES =
  '的了在是与及等或而对从把被将也都就还又已所其这那此每该本县市区省镇乡村局委会部院站队社报网讯电摄图记者员版期年日号上下内外续完附注片照';

/** Forms of address that follow a surname but are no given name: `王先生`, `李女士`, `张老师`. */
export const HONORIFICS: readonly string[] = ['先生', '女士', '小姐', '同志', '老师', '师傅', '大爷', '大妈', '阿姨', '某', '总', '书记', '主任', '局长', '县长', '市长'];

/** The longest given name (characters) of a person in a credit. */
export const MAX_GIVEN_NAME = 2;

/**
 * Posts that may stand between an affiliation and a name in a credit (`（某省某厅副厅长赵六）`,
 * `（某大学教授 钱七）`): the whole word, since one character after a place (`北京市长安街`) is not one.
 */
export const AFFILIATION_POSTS: readonly string[] = [
  '厅长', '局长', '处长', '科长', '部长', '市长', '县长', '区长', '镇长', '乡长', '校长', '院长', '所长', '站长', '馆长',
  '会长', '社长', '行长', '主任', '主席', '书记', '教授', '研究员',
];

/** Last characters of a place's name that no person's name ends in here: `（北京市长安街）` names no 安街. */
export const PLACE_NAME_ENDS = '街路巷道桥口岛';

/**
 * How a reader's or correspondent's affiliation opens in a credit such as `（河南开封市牛建海）`:
 * a province's short name, or a national body. Without one, `昂起中原经济区龙头` is no credit.
 */
export const AFFILIATION_OPENINGS: readonly string[] = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏',
  '新疆', '台湾', '香港', '澳门', '中国', '中共', '全国', '中央', '国家',
];
