/**
 * Conventions of Hong Kong, Macau and Taiwan papers, as data. Like every list here they are
 * written in simplified characters: a traditional page is matched through its simplified twin
 * (`〔記者林佳慧／台北報導〕` reads `〔记者林佳慧／台北报导〕`).
 */

/**
 * Agencies whose dateline opens the lead in parentheses, byline first:
 * `（中央社记者陈怡君台北3日电）`, `（中央社台北3日电）`.
 */
export const BYLINE_FIRST_AGENCIES: readonly string[] = ['中央社'];

/**
 * Dateline places of Taiwan's agency (`中央社记者陈怡君台北3日电`), where the reporter's name runs
 * into the place: the place is found from this list, longest first; any other place is what follows
 * a name of three characters.
 */
export const DATELINE_PLACES: readonly string[] = [
  '台北', '新北', '桃园', '台中', '台南', '高雄', '基隆', '新竹', '嘉义', '苗栗', '彰化', '南投', '云林', '屏东',
  '宜兰', '花莲', '台东', '澎湖', '金门', '马祖', '连江', '香港', '澳门', '北京', '上海', '广州', '深圳', '东京',
  '大阪', '首尔', '华盛顿', '纽约', '洛杉矶', '旧金山', '伦敦', '巴黎', '柏林', '布鲁塞尔', '日内瓦', '莫斯科',
  '新加坡', '吉隆坡', '曼谷', '雅加达', '马尼拉', '河内', '新德里', '雪梨', '墨尔本', '温哥华', '多伦多', '开罗',
];

/** Words closing a Taiwan byline after the place: `（记者王志明／高雄报导）`, `〔记者X／综合报导〕`. */
export const REPORTED_WORDS: readonly string[] = ['报导', '报道'];

/** A place word in a Taiwan byline that names no place: `综合报导` (a round-up). */
export const NO_PLACE_WORDS: readonly string[] = ['综合', '连线'];
