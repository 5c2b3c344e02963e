import { describe, expect, it } from 'vitest';
import { normalizeOptions, type RawOptions } from '../../src/cli/options.js';

const ctx = { stdoutIsTTY: false, cpus: 4, cwd: '/work', stdinDefaultName: '<stdin>' };

describe('normalizeOptions', () => {
  it('defaults every option', () => {
    expect(normalizeOptions({}, ctx)).toEqual([
      undefined,
      {
        format: 'json',
        out: undefined,
        existing: 'refuse',
        jobs: 4,
        encoding: undefined,
        issueDate: undefined,
        stdinName: '<stdin>',
        bom: undefined,
        strict: false,
        verbosity: 'normal',
        follow: false,
      },
    ]);
  });

  it.each<[string, RawOptions, boolean, string]>([
    ['text on a terminal', {}, true, 'text'],
    ['json when piped', {}, false, 'json'],
    ['json with --out, even on a terminal', { out: 'o' }, true, 'json'],
    ['as given', { format: 'csv' }, true, 'csv'],
  ])('format: %s', (_, raw, tty, format) => {
    expect(normalizeOptions(raw, { ...ctx, stdoutIsTTY: tty })[1]?.format).toBe(format);
  });

  it.each<[RawOptions, Partial<ReturnType<typeof normalizeOptions>[1] & object>]>([
    [{ out: 'out/x' }, { out: '/work/out/x' }],
    [{ force: true }, { existing: 'overwrite' }],
    [{ skipExisting: true }, { existing: 'skip' }],
    [{ jobs: '1' }, { jobs: 1 }],
    [{ jobs: '16' }, { jobs: 16 }],
    [{ encoding: 'GBK' }, { encoding: 'gb18030' }],
    [{ encoding: 'gb2312' }, { encoding: 'gb18030' }],
    [{ encoding: 'utf8' }, { encoding: 'utf-8' }],
    [{ encoding: 'big5' }, { encoding: 'big5' }],
    [{ issueDate: '2024-02-29' }, { issueDate: '2024-02-29' }],
    [{ stdinName: '2021-06-27.txt' }, { stdinName: '2021-06-27.txt' }],
    [{ bom: false }, { bom: false }],
    [{ quiet: true }, { verbosity: 'quiet' }],
    [{ verbose: true }, { verbosity: 'verbose' }],
  ])('%j → %j', (raw, expected) => {
    const [error, options] = normalizeOptions(raw, ctx);
    expect(error).toBeUndefined();
    expect(options).toMatchObject(expected);
  });

  it.each<[RawOptions, string, string]>([
    [{ format: 'xml' }, 'usage/bad-option', `option '-f, --format <format>' argument "xml" is invalid: expected one of json, ndjson, csv, text`],
    [{ jobs: '0' }, 'usage/bad-option', `option '-j, --jobs <n>' argument "0" is invalid: expected a whole number of 1 or more`],
    [{ jobs: '2.5' }, 'usage/bad-option', `option '-j, --jobs <n>' argument "2.5" is invalid: expected a whole number of 1 or more`],
    [{ jobs: 'many' }, 'usage/bad-option', `option '-j, --jobs <n>' argument "many" is invalid: expected a whole number of 1 or more`],
    [{ encoding: 'latin1' }, 'usage/bad-option', `option '--encoding <name>' argument "latin1" is invalid: expected one of utf-8, utf-16le, utf-16be, gb18030 (or gbk, gb2312), big5`],
    [{ issueDate: '2021-02-30' }, 'usage/bad-option', `option '--issue-date <date>' argument "2021-02-30" is invalid: expected a real date written YYYY-MM-DD, e.g. 2021-06-27`],
    [{ issueDate: '20210627' }, 'usage/bad-option', `option '--issue-date <date>' argument "20210627" is invalid: expected a real date written YYYY-MM-DD, e.g. 2021-06-27`],
    [{ out: '' }, 'usage/bad-option', `option '-o, --out <dir>' argument "" is invalid: expected a folder path`],
    [{ stdinName: '' }, 'usage/bad-option', `option '--stdin-name <file>' argument "" is invalid: expected a file name, e.g. 2021-06-27.txt`],
    [{ force: true, skipExisting: true }, 'usage/conflict', `options '--force' and '--skip-existing' cannot be used together`],
    [{ quiet: true, verbose: true }, 'usage/conflict', `options '--quiet' and '--verbose' cannot be used together`],
  ])('refuses %j', (raw, code, message) => {
    expect(normalizeOptions(raw, ctx)).toEqual([{ code, message }]);
  });
});
