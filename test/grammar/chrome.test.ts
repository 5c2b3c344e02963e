import { describe, expect, it } from 'vitest';
import { CHROME_FILLER, CHROME_STRONG_FILLER } from '../../src/data/chrome.js';
import { isWebChrome } from '../../src/grammar/chrome.js';
import { normalizeText } from '../../src/lines.js';

describe('isWebChrome', () => {
  it.each(['第A05版:要闻 PDF版', '3上一篇 下一篇4', '2022年2月8日 星期', '| 洛阳日报 | 版面导航 |', '第U04版：社区报 兴达路·综合 | 上一版3 4下一版', '版权所有 ©2022 通辽日报', '您好！欢迎来到我们的网站！', '作者: 来源:柚都平和 时间:2022-05-30', '123456'])('%s is chrome', (line) => {
    expect(isWebChrome(normalizeText(line))).toBe(true);
  });

  it.each(['2026年6月1日', '可拨打新闻热线12345反映。', '全市安全生产工作暨经济运行分析会召开', '时间：3月6日上午', '要闻，第2版'])('%s is text', (line) => {
    expect(isWebChrome(normalizeText(line))).toBe(false);
  });

  // isWebChrome finds a strong filler by the change it makes to the line: one matching a lone
  // space would change nothing when it matched.
  it('no strong filler matches a lone space', () => {
    for (const k of CHROME_STRONG_FILLER) expect(' '.replace(CHROME_FILLER[k]!, '')).toBe(' ');
  });
});
