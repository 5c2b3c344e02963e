import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatText, truncate } from '../../src/format/text.js';
import { SAMPLE, UNUSABLE } from './sample.js';

const plain = new Chalk({ level: 0 });

describe('formatText', () => {
  it('summarises the issue and each article', () => {
    expect(formatText(SAMPLE, { chalk: plain })).toBe(
      [
        // 80 columns by default: the header's fields wrap onto an indented line.
        'issues/2021-06-27.txt  2 articles  issue date 2021-06-27 (from the file name)',
        '     home 晋中市  gb18030  1 leftover line',
        '',
        '  1  全市安全生产工作会议召开',
        '     news · 2021-06-01 · 记者 王晶、通讯员 李四 · 山西省、祁县',
        '     本报讯（记者 王晶）6月1日，会议召开。',
        '     44 characters · lines 3–6',
        '',
        '  2  =SUM(A1:A2), "quoted"',
        '     other · no date',
        '     －1 degrees, no sentence end',
        '     27 characters · lines 8–8',
        '',
      ].join('\n'),
    );
  });

  it('says why an unusable input has no articles', () => {
    expect(formatText(UNUSABLE, { chalk: plain })).toBe('bad.txt  0 articles  unusable: decode/binary\n');
  });

  it('makes the headline bold when colour is on', () => {
    const text = formatText(SAMPLE, { chalk: new Chalk({ level: 1 }) });
    expect(text).toContain('\u001b[1m全市安全生产工作会议召开\u001b[22m');
  });

  it('fits a narrow terminal: fields wrap, a sentence too long is cut', () => {
    expect(formatText(SAMPLE, { chalk: plain, width: 40 })).toBe(
      [
        'issues/2021-06-27.txt  2 articles',
        '     issue date 2021-06-27 (from the fi…',
        '     home 晋中市  gb18030',
        '     1 leftover line',
        '',
        '  1  全市安全生产工作会议召开',
        '     news · 2021-06-01',
        '     记者 王晶、通讯员 李四',
        '     山西省、祁县',
        '     本报讯（记者 王晶）6月1日，会议召…',
        '     44 characters · lines 3–6',
        '',
        '  2  =SUM(A1:A2), "quoted"',
        '     other · no date',
        '     －1 degrees, no sentence end',
        '     27 characters · lines 8–8',
        '',
      ].join('\n'),
    );
  });

  it('never prints a line wider than the width, at any width from 20 to 120, coloured or not', () => {
    const long = { ...SAMPLE, source: 'issues/' + '很长的文件名'.repeat(12) + '.txt' };
    long.articles = SAMPLE.articles.map((a) => ({ ...a, headline: a.headline.repeat(9), body: a.body.repeat(9).replaceAll('\n', '') }));
    for (let width = 20; width <= 120; width++) {
      for (const chalk of [plain, new Chalk({ level: 1 })]) {
        const widest = Math.max(...formatText(long, { chalk, width }).split('\n').map((l) => stringWidth(l)));
        expect([width, widest <= width]).toEqual([width, true]);
      }
    }
  });

  it('cuts a long first sentence by display width', () => {
    expect(formatText(SAMPLE, { chalk: plain, width: 17 + 5 })).toContain('     本报讯（记者 王…\n');
  });
});

describe('truncate', () => {
  it.each([
    ['abc', 3, 'abc'],
    ['abcd', 3, 'ab…'],
    ['中文字符', 8, '中文字符'],
    ['中文字符', 7, '中文字…'],
    ['中文字符', 6, '中文…'],
  ])('%j to %i columns → %j', (s, width, expected) => {
    expect(truncate(s, width)).toBe(expected);
  });
});
