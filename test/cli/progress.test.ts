import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createProgress, ERASE_LINE, formatBar, formatDuration } from '../../src/cli/progress.js';
import { collector } from './helpers.js';

describe('formatBar', () => {
  it.each<[string, Parameters<typeof formatBar>[0], number, string]>([
    ['at the start: no rate yet', { done: 0, total: 2920, seconds: 0, file: '' }, 80, '[....................]  0/2,920 files'],
    ['under half a second: no rate yet', { done: 3, total: 10, seconds: 0.2, file: 'a.txt' }, 80, '[######..............]  3/10 files  a.txt'],
    ['rate and ETA', { done: 120, total: 2920, seconds: 3, file: 'issues/2021/06-27.txt' }, 80, '[#...................]  120/2,920 files  40/s  ETA 1m10s  issues/2021/06-27.txt'],
    ['a slow rate keeps a decimal', { done: 3, total: 12, seconds: 2, file: 'a.txt' }, 80, '[#####...............]  3/12 files  1.5/s  ETA 6s  a.txt'],
    ['the file name is cut first', { done: 120, total: 2920, seconds: 3, file: 'issues/2021/06-27.txt' }, 68, '[#...................]  120/2,920 files  40/s  ETA 1m10s  issues/20…'],
    ['too little room for a name: none', { done: 120, total: 2920, seconds: 3, file: 'issues/2021/06-27.txt' }, 60, '[#...................]  120/2,920 files  40/s  ETA 1m10s'],
    ['then the rest is cut', { done: 120, total: 2920, seconds: 3, file: 'issues/2021/06-27.txt' }, 50, '[#...................]  120/2,920 files  40/s  ET…'],
    ['a Han file name by display width', { done: 1, total: 2, seconds: 1, file: '人民日报第一版.txt' }, 60, '[##########..........]  1/2 files  1.0/s  ETA 1s  人民日报…'],
  ])('%s', (_, state, width, expected) => {
    const line = formatBar(state, width);
    expect(line).toBe(expected);
    expect(stringWidth(line)).toBeLessThanOrEqual(width);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [4.2, '5s'],
    [59, '59s'],
    [68, '1m08s'],
    [3599, '59m59s'],
    [7380, '2h03m'],
  ])('%d s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe('createProgress', () => {
  it('on a terminal: log erases the bar, prints, draws it again; hide erases it once; stop erases it for good', () => {
    const err = collector(true);
    let t = 0;
    const progress = createProgress(err.stream, 3, 'normal', () => t);
    progress.log('a.txt:1:1  warning  w  x/y\n');
    progress.hide();
    progress.hide();
    t = 1000;
    progress.fileDone('a.txt', 2);
    progress.stop();
    progress.log('after\n');
    const frame0 = '[....................]  0/3 files';
    expect(err.text()).toBe(
      `\r${frame0}` + ERASE_LINE + 'a.txt:1:1  warning  w  x/y\n' + `\r${frame0}` + ERASE_LINE + '\r[#######.............]  1/3 files  1.0/s  ETA 2s  a.txt' + ERASE_LINE + 'after\n',
    );
  });

  it('redraws at most every 100 ms, but always for the last file', () => {
    const err = collector(true);
    let t = 0;
    const progress = createProgress(err.stream, 3, 'normal', () => t);
    t = 10;
    progress.fileDone('a', 0);
    t = 20;
    progress.fileDone('b', 0);
    t = 30;
    progress.fileDone('c', 0);
    progress.stop();
    // Drawn at the start, then not for a and b (within 100 ms of it), then for c, the last.
    expect(err.text().split('\r').filter((f) => f.includes('files')).map((f) => f.replace(/\u001b\[K/gu, ''))).toEqual([
      '[....................]  0/3 files',
      '[####################]  3/3 files  c',
    ]);
  });

  it.each<[string, boolean, 'quiet' | 'normal' | 'verbose', number, string]>([
    ['no terminal: nothing', false, 'normal', 3, ''],
    ['no terminal, --verbose: a line per file', false, 'verbose', 3, 'a.txt  1 article\n'],
    ['a terminal, --quiet: nothing', true, 'quiet', 3, ''],
    ['a terminal, one input: no bar', true, 'normal', 1, ''],
  ])('%s', (_, tty, verbosity, total, expected) => {
    const err = collector(tty);
    const progress = createProgress(err.stream, total, verbosity);
    progress.fileDone('a.txt', 1);
    progress.hide();
    progress.stop();
    expect(err.text()).toBe(expected);
  });
});
