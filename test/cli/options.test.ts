import { describe, expect, it } from 'vitest';
import { normalizeOptions, parseSize, type RawOptions } from '../../src/cli/options.js';
import { CSV_COLUMNS } from '../../src/format/csv.js';

const ctx = { stdoutIsTTY: false, cpus: 4, cwd: '/work', stdinDefaultName: '<stdin>' };

describe('normalizeOptions', () => {
  it('defaults every option', () => {
    expect(normalizeOptions({}, ctx)).toEqual([
      undefined,
      {
        format: 'json',
        out: undefined,
        existing: 'refuse',
        jobs: undefined,
        jobsAsked: undefined,
        encoding: undefined,
        issueDate: undefined,
        stdinName: '<stdin>',
        bom: undefined,
        strict: false,
        verbosity: 'normal',
        follow: false,
        maxSize: 536870912,
        color: 'auto',
        array: false,
        columns: CSV_COLUMNS,
        issues: false,
        joinContinuations: false,
        explain: false,
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
    [{ jobs: '4' }, { jobs: 4, jobsAsked: undefined }],
    [{ jobs: '16' }, { jobs: 4, jobsAsked: 16 }],
    [{ color: 'never' }, { color: 'never' }],
    [{ color: 'always' }, { color: 'always' }],
    [{ array: true }, { array: true }],
    [{ format: 'tsv' }, { format: 'tsv', columns: CSV_COLUMNS }],
    [{ format: 'csv', columns: 'headline, body,locations' }, { columns: ['headline', 'body', 'locations'] }],
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
    [{ format: 'xml' }, 'usage/bad-option', `option '-f, --format <format>' argument "xml" is invalid: expected one of json, ndjson, csv, tsv, text, html`],
    [{ color: 'yes' }, 'usage/bad-option', `option '--color <when>' argument "yes" is invalid: expected one of auto, always, never`],
    [{ format: 'csv', columns: 'headline,bodies' }, 'usage/bad-option', `option '--columns <list>' argument "headline,bodies" is invalid: expected column names separated by commas, from file, index, headline, kicker, deck, kind, date, reporters, places, place_codes, characters, first_sentence, lines, body, locations ("bodies" is not one)`],
    [{ format: 'tsv', columns: 'file,file' }, 'usage/bad-option', `option '--columns <list>' argument "file,file" is invalid: expected each column once (file is named twice)`],
    [{ format: 'json', columns: 'file' }, 'usage/conflict', `option '--columns' applies to -f csv and -f tsv, not -f json`],
    [{ format: 'csv', array: true }, 'usage/conflict', `option '--array' applies to -f json (ndjson, csv and tsv are flat already), not -f csv`],
    [{ jobs: '0' }, 'usage/bad-option', `option '-j, --jobs <n>' argument "0" is invalid: expected a whole number of 1 or more`],
    [{ jobs: '2.5' }, 'usage/bad-option', `option '-j, --jobs <n>' argument "2.5" is invalid: expected a whole number of 1 or more`],
    [{ jobs: 'many' }, 'usage/bad-option', `option '-j, --jobs <n>' argument "many" is invalid: expected a whole number of 1 or more`],
    [{ encoding: 'latin1' }, 'usage/bad-option', `option '--encoding <name>' argument "latin1" is invalid: expected one of utf-8, utf-16le, utf-16be, gb18030 (or gbk, gb2312), big5`],
    [{ issueDate: '2021-02-30' }, 'usage/bad-option', `option '--issue-date <date>' argument "2021-02-30" is invalid: expected a real date written YYYY-MM-DD, e.g. 2021-06-27`],
    [{ issueDate: '20210627' }, 'usage/bad-option', `option '--issue-date <date>' argument "20210627" is invalid: expected a real date written YYYY-MM-DD, e.g. 2021-06-27`],
    [{ out: '' }, 'usage/bad-option', `option '-o, --out <dir>' argument "" is invalid: expected a folder path`],
    [{ maxSize: '0' }, 'usage/bad-option', `option '--max-size <size>' argument "0" is invalid: expected a size such as 512M, 2G or 1000000 (bytes), at least 1`],
    [{ maxSize: 'huge' }, 'usage/bad-option', `option '--max-size <size>' argument "huge" is invalid: expected a size such as 512M, 2G or 1000000 (bytes), at least 1`],
    [{ stdinName: '' }, 'usage/bad-option', `option '--stdin-name <file>' argument "" is invalid: expected a file name, e.g. 2021-06-27.txt`],
    [{ force: true, skipExisting: true }, 'usage/conflict', `options '--force' and '--skip-existing' cannot be used together`],
    [{ quiet: true, verbose: true }, 'usage/conflict', `options '--quiet' and '--verbose' cannot be used together`],
  ])('refuses %j', (raw, code, message) => {
    expect(normalizeOptions(raw, ctx)).toEqual([{ code, message }]);
  });
});

describe('parseSize: --max-size values', () => {
  it.each([
    ['512M', 536870912], ['2G', 2147483648], ['64k', 65536], ['64KB', 65536], ['1000000', 1000000], [' 1m ', 1048576],
    ['0', undefined], ['1.5G', undefined], ['2T', undefined], ['-1', undefined], ['', undefined],
  ])('%j → %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
});
