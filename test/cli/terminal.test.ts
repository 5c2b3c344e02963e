/**
 * The built bin on a real pseudo-terminal (util-linux `script`), 60 columns wide, stdout and
 * stderr sharing the screen as they do for a person. A small terminal model (helpers.ts `screen`)
 * replays what the terminal received, so the tests see what stays on screen: no frame of the
 * progress bar, no cut line, and a text summary that fits the width.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitFile } from '../../src/file.js';
import { formatText } from '../../src/format/text.js';
import { cli, HAS_SCRIPT, normalizeTime, ROOT, SEEDS, screen, spawnInTerminal, tempDir } from './helpers.js';

const COLUMNS = 60;
const FILES = 12;
const FRAME = /\[[#.]{20}\] {2}[0-9]+\/[0-9]+ files/u;
let dir: string;

beforeAll(async () => {
  dir = await tempDir();
  await mkdir(join(dir, 'issues'));
  // Named without a date, and the text has none with a year: every page gets the same long warning.
  const page = (await readFile(join(ROOT, 'seeds', SEEDS[0]))).subarray(0, 3001);
  for (let i = 1; i <= FILES; i++) await writeFile(join(dir, 'issues', `p${String(i).padStart(2, '0')}.txt`), page);
});

describe.skipIf(!HAS_SCRIPT)('on a terminal', () => {
  it('draws the bar, leaves no frame of it, cuts no line, and fits the text summary to the width', async () => {
    const { code, raw } = await spawnInTerminal(['-f', 'text', '-j', '1', '--color', 'never', 'issues'], { cwd: dir, columns: COLUMNS });
    expect(code).toBe(0);
    // The bar was drawn (with its rate once it has one) …
    expect(raw).toMatch(FRAME);
    const lines = screen(normalizeTime(raw.replaceAll('\r\n', '\n')), COLUMNS);
    // … and nothing of it is left on screen.
    expect(lines.filter((l) => FRAME.test(l.text))).toEqual([]);

    // What should be on screen: the first page's warnings, every page's summary at 60 columns,
    // the repeats counted once, the totals.
    const piped = await cli(['-f', 'ndjson', '-j', '1', 'issues'], { cwd: dir });
    const stderr = piped.stderr.trimEnd().split('\n');
    const reports = stderr.filter((l) => /^issues\/p01\.txt:/u.test(l));
    const rest = stderr.slice(reports.length);
    const plain = new Chalk({ level: 0 });
    const texts: string[] = [];
    for (let i = 1; i <= FILES; i++) {
      const name = `issues/p${String(i).padStart(2, '0')}.txt`;
      texts.push(formatText(await splitFile(join(dir, name), { name }), { chalk: plain, width: COLUMNS }));
    }
    const summaries = texts.join('\n').trimEnd().split('\n');
    expect(lines.map((l) => l.text)).toEqual([...reports.map((l) => l.trimEnd()), ...summaries, ...rest]);

    // Line wrap is on: long warnings wrap onto several rows, whole; the summary never needs to.
    expect(reports.length).toBeGreaterThan(0);
    expect(lines.slice(0, reports.length).every((l) => l.rows >= 2 && /  (?:decode|dates)\/[a-z-]+$/u.test(l.text))).toBe(true);
    expect(lines.slice(reports.length, reports.length + summaries.length).filter((l) => l.rows > 1)).toEqual([]);
    expect(rest.at(-1)).toMatch(/^12 files, 12 articles, 12 warnings, 0 failures in <t>$/u);
  }, 30_000);

  it('groups a repeated warning: printed for the first page, counted once for the eleven after it', async () => {
    const { raw } = await spawnInTerminal(['-f', 'ndjson', '--color', 'never', 'issues'], { cwd: dir, columns: 200 });
    const lines = screen(normalizeTime(raw.replaceAll('\r\n', '\n')), 200).map((l) => l.text).filter((l) => !l.startsWith('{'));
    expect(lines.filter((l) => / {2}warning {2}/u.test(l)).map((l) => l.replace(/  warning .*  /u, '  warning … '))).toEqual(['issues/p01.txt:1:1  warning … dates/no-issue-year']);
    expect(lines.filter((l) => l.startsWith('warning  '))).toEqual(['warning  dates/no-issue-year in 12 files (first: issues/p01.txt, issues/p02.txt …); --verbose prints each']);
    // --verbose prints each, and no group line.
    const verbose = screen(normalizeTime((await spawnInTerminal(['-f', 'ndjson', '--verbose', '--color', 'never', 'issues'], { cwd: dir, columns: 200 })).raw.replaceAll('\r\n', '\n')), 200).map((l) => l.text);
    expect(verbose.filter((l) => l.endsWith('  dates/no-issue-year'))).toHaveLength(FILES);
    expect(verbose.filter((l) => l.startsWith('warning  '))).toEqual([]);
  }, 30_000);

  it('the text summary takes the terminal width (a wide terminal: no header wrapped)', async () => {
    const { raw } = await spawnInTerminal(['-f', 'text', '--color', 'never', 'issues/p01.txt'], { cwd: dir, columns: 160 });
    const lines = screen(raw.replaceAll('\r\n', '\n'), 160).map((l) => l.text);
    const expected = formatText(await splitFile(join(dir, 'issues/p01.txt'), { name: 'issues/p01.txt' }), { chalk: new Chalk({ level: 0 }), width: 160 });
    // One warning line first, then the summary.
    expect(lines.slice(1, 1 + expected.trimEnd().split('\n').length).join('\n')).toBe(expected.trimEnd());
    expect(expected.split('\n')[1]).toBe('');
  }, 30_000);
});
