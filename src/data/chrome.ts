/**
 * Web chrome and page furniture of e-paper sites and archives (DOMAIN.md, "Pages copied from
 * e-paper sites"): navigation, page lists, toolbars, copyright and crawler residue. Data only.
 *
 * A short line is chrome when, after every piece below is taken out, nothing is left and at
 * least one *strong* piece was found (a navigation word, a page reference, a weekday, an issue
 * number): `第A05版:要闻 PDF版`, `3上一篇 下一篇4`, `2022年2月8日 星期`, `| 洛阳日报 | 版面导航 |`.
 * A line that is only a date (`2026年6月1日`) is a notice's signature, not chrome.
 * Patterns match the normalised text (`Line.norm`: `:` is `：`, `(` is `（`, full-width digits ASCII).
 */
import type { Gated } from './markers.js';

/** Navigation and toolbar words of e-paper sites (strong pieces). Longest first is applied by the code. */
export const CHROME_WORDS: readonly string[] = [
  // page and article navigation: 上一版 下一版 / 3上一篇 下一篇4 / 上一期 下一期
  '上一版', '下一版', '上一篇', '下一篇', '上一期', '下一期', '首版', '末版', '前一版', '后一版',
  // 版面导航 / 标题导航 / 版面概览 / 返回目录 / 返回该版首页
  '版面导航', '标题导航', '版面概览', '版面目录', '本版目录', '本版导读', '返回目录', '返回首页', '返回该版首页', '返回',
  // 往期阅读 / 过往期刊 / 前期回顾 / 日期查询 / 报刊搜索
  '往期阅读', '往期回顾', '过往期刊', '前期回顾', '往期', '日期查询', '报刊搜索', '搜索', '检索',
  // 通版阅读请点击 / 展开通版 / 收缩通版 / 当前版 / 发布日期 / 数字报首页
  '通版阅读请点击', '通版阅读', '展开通版', '收缩通版', '当前版', '发布日期', '出版日期', '刊发日期',
  '数字报首页', '网站首页', '首页', '数字报纸', '数字报', '电子报', '电子版', 'PDF版', 'PDF 版', 'PDF',
  // 放大 缩小 默认 / 字体 / 打印 / 关闭 / 分享到 微信 QQ好友
  '放大', '缩小', '默认', '字号', '字体', '【打印】', '打印', '【关闭】', '关闭窗口', '关闭', '收藏',
  '分享到', '分享', '微信', 'QQ好友', 'QQ空间', '新浪微博', '腾讯微博', '朋友圈', '客户端', '扫一扫',
  // 文章标题 文章内容 文章作者 / 内容详情 / 本文字数 / 相关新闻 无相关信息
  '文章标题', '文章内容', '文章作者', '内容详情', '本文字数', '相关新闻', '相关文章', '无相关信息', '阅读次数', '点击数',
  '总编信箱', '联系我们', '版权声明', '版权所有', '编印',
];

/**
 * Pieces taken out without being strong on their own: a paper's name (`洛阳日报`), separators,
 * digits and dates. Each is bounded; applied in order, globally.
 */
export const CHROME_FILLER: readonly RegExp[] = [
  // a page reference: 第A05版:要闻, 00004版:工报视野, 第20-21版:壮丽70年, 二版:要闻, A4:视点, 版次:02
  /(?:第\s*)?[A-Z]{0,2}\s*[0-9一二三四五六七八九十]{1,5}(?:\s*-\s*[0-9]{1,3})?\s*版(?:次)?(?:\s*[：]\s*[^\s|>/]{0,10})?/gu,
  /(?:^|\s)[A-Z]{1,2}[0-9]{1,3}\s*[：]\s*[^\s|>/0-9]{0,6}/gu,
  /版次\s*[：]?\s*[0-9]{1,3}/gu,
  // an issue number: 总第1495期, 1886 期
  /总?第?\s*[0-9]{1,6}\s*期/gu,
  // dates and weekdays: 2015-01-22, 2018年6月22日, 星期三, 星期
  /[0-9]{4}\s*[-./]\s*[0-9]{1,2}\s*[-./]\s*[0-9]{1,2}/gu,
  /[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日/gu,
  /星期[一二三四五六日天]?/gu,
  // a paper's name: 洛阳日报, 浙江工人日报, 中原网
  /[\u4e00-\u9fff]{1,8}(?:日报|晚报|早报|时报|商报|报社|新闻网|网)/gu,
  // separators, digits, brackets
  /[\s|｜/>＞<·•:：\-—–_()（）【】［］«»0-9]+/gu,
];

/**
 * Labels of a web article's metadata line (`作者: 来源:柚都平和 时间:2022-05-30`, `刊发日期:… 阅读次数:`).
 * A line of two or more `label：value` pairs is chrome; one alone (`时间：3月6日上午` on a photo item) is not.
 */
export const METADATA_LABELS: readonly string[] = [
  '作者', '来源', '时间', '日期', '发布时间', '发布日期', '刊发日期', '出版日期', '点击数', '点击', '浏览', '浏览次数', '阅读次数', '阅读', '语音阅读', '字号', '编辑', '责编', '版次', '期数', '栏目',
];

/** The pieces above that count as strong when found (a page reference, an issue number, a weekday). */
export const CHROME_STRONG_FILLER: ReadonlySet<number> = new Set([0, 1, 2, 3, 6]);

/**
 * Whole lines of site residue, matched anywhere in a line of at most `MAX_CHROME_LINE`, each with
 * the characters every match holds (`needs`, see `Gated` in markers.ts; the case-insensitive ones
 * list both cases, and `ſ`, which /iu reads as `s`).
 */
export const CHROME_LINE_PATTERNS: readonly Gated[] = [
  // 版权所有 ©2022 通辽日报 蒙ICP备 10200198号 / Copyright © 2000-2006 … All Rights Reserved.
  { needs: ['版CcAaIi网'], pattern: /版权所有|版权归|Copyright|All Rights Reserved|ICP备|ICP证|网安备/iu },
  // 国内统一刊号：CN33-0080 / 广告热线：8518919
  { needs: ['统C热'], pattern: /统一刊号|CN\s?\d{2}\s?-\s?\d{4}|广告热线|订阅热线|新闻热线/u },
  // 本网站所刊登的……未经……授权,请勿转载 / 未经许可,不得转载镜像
  { needs: ['转镜'], pattern: /(?:本网站?|本站).{0,40}(?:转载|镜像)|未经.{0,16}(?:许可|授权).{0,12}(?:转载|镜像)/u },
  // 您好！欢迎来到我们的网站！ / 您的IE浏览器版本太低 / 建议使用IE5.0,800*600分辨率浏览
  { needs: ['网浏技'], pattern: /欢迎(?:来到|光临|访问).{0,12}网站|浏览器版本|分辨率浏览|技术支持\s*[：]/u },
  // crawler residue: Build/PKQ1.1811, SourcePh"style="display:none">, URLs, e-mail addresses
  { needs: ['BbSsſDdHhWwEe'], pattern: /^Build\/|style=|display：none|https?：?\/\/|www\s?\.|E-?mail/iu },
  // A print trailer: 《 运城日报 》（ 2021年03月05日 B03 版）
  { needs: ['《'], pattern: /^《\s*[^》]{2,16}\s*》\s*（\s*[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*[A-Z]?[0-9]{0,3}\s*版?\s*）$/u },
  // A crawler's trailer: content_218844.htm 2021-03-05 B03 运城日报 id=218844
  { needs: ['ci'], pattern: /content_[0-9]+\.s?html?|(?:^|\s)id=[0-9]+(?:\s|$)/u },
  // 首页 > 社会民生>> 城市成长见证录, 当前位置《平和网》 > 柚都平和> 第434期 (a breadcrumb)
  { needs: ['首当'], pattern: /^(?:首页|当前位置)\s*[>：]/u },
  // 报晓风客户端, 下载XX客户端 (an app's banner)
  { needs: ['客A'], pattern: /^[\u4e00-\u9fff]{0,8}(?:客户端|APP|App)$/u },
  // ◥◥详见2版、3版 / ■详见A4 (a pointer to another page)
  { needs: ['详'], pattern: /^[^\u4e00-\u9fff]{0,3}详见\s*第?\s*[A-Z]?[0-9一二三四五六七八九十]{1,3}\s*版?(?:[、，,和及]\s*第?\s*[A-Z]?[0-9一二三四五六七八九十]{1,3}\s*版?)*$/u },
  // 中国互联网举报中心, 违法和不良信息举报 (a site's footer)
  { needs: ['举'], pattern: /互联网举报中心|不良信息举报/u },
];

/** The longest line that can be chrome (a copyright notice with a web address). */
export const MAX_CHROME_LINE = 160;

/** A calendar widget's rows (`123456`, `78910111213`) or a counter alone (`0`): digits and nothing else. */
export const CALENDAR_ROW = /^[0-9\s]+$/u;
