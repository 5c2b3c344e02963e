import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/format/width.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Every line of the seeds and the fixtures' UTF-8 inputs (the text the summary and the bar print),
 * but those with a symbol drawn as text (below), where the two differ on purpose.
 */
function dumpLines(): string[] {
  const files = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(ROOT, 'seeds', f));
  for (const d of readdirSync(join(ROOT, 'test', 'fixtures'), { withFileTypes: true })) {
    if (d.isDirectory()) files.push(join(ROOT, 'test', 'fixtures', d.name, 'input.txt'));
  }
  const lines = new Set<string>();
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split(/\r?\n/u)) if (line.length > 0 && !/[\ufffd©®™]/u.test(line)) lines.add(line);
  }
  return [...lines];
}

describe('displayWidth: terminal columns, as string-width counts them', () => {
  it('agrees with string-width on every line of the seeds and fixtures', () => {
    const lines = dumpLines();
    expect(lines.length).toBeGreaterThan(500);
    expect(lines.filter((l) => displayWidth(l) !== stringWidth(l))).toEqual([]);
  });

  it.each([
    ['', 0],
    ['abc', 3],
    ['全市防汛', 8],
    ['本报讯（记者 王晶）', 19],
    ['ＡＢＣ１２３', 12],
    ['café', 4],
    ['e\u0301', 1],
    ['a\u200bb', 2],
    ['\ufeff标题', 4],
    ['✅ done', 7],
    ['😀', 2],
    ['tab\there', 7],
    ['\ud800', 0],
  ])('%j → %i', (text, width) => {
    expect(displayWidth(text)).toBe(width);
    expect(stringWidth(text)).toBe(width);
  });

  it('gives a symbol that terminals draw as text one column (string-width, reading it as an emoji, gives two)', () => {
    for (const s of ['©', '®', '™']) {
      expect(displayWidth(s)).toBe(1);
      expect(stringWidth(s)).toBe(2);
    }
  });

  it('takes no column for colour codes', () => {
    const chalk = new Chalk({ level: 3 });
    for (const s of [chalk.red('警告'), chalk.bold.underline('1 file'), chalk.bgRgb(10, 20, 30)('x'), '\u001b]8;;https://example.com\u0007链接\u001b]8;;\u0007']) {
      expect(displayWidth(s)).toBe(stringWidth(s));
    }
    expect(displayWidth(chalk.red('警告'))).toBe(4);
  });
});
