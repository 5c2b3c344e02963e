/**
 * `--help` against a golden file. UPDATE_SNAPSHOT=1 rewrites it; a missing golden file fails
 * (STYLE.md §8), so a new help text is always reviewed as a diff.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const GOLDEN = join(import.meta.dirname, 'help.golden.txt');

describe('--help', () => {
  it('matches help.golden.txt, on stdout, exit 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    if (process.env.UPDATE_SNAPSHOT === '1') await writeFile(GOLDEN, r.stdout);
    if (!existsSync(GOLDEN)) throw new Error(`${GOLDEN} is missing: run UPDATE_SNAPSHOT=1 npx vitest run test/cli/help.test.ts and review it`);
    expect(r.stdout).toBe(await readFile(GOLDEN, 'utf8'));
  });

  it('is the same on a terminal, whatever its width and colour', async () => {
    const piped = await cli(['-h']);
    const tty = await cli(['--help'], { stdoutTTY: true, env: { FORCE_COLOR: '3' } });
    expect(tty.stdout).toBe(piped.stdout);
  });

  it('publishes every exit code and the four examples', async () => {
    const { stdout } = await cli(['--help']);
    for (const line of ['  0    every input processed', '  1    some input unusable', '  2    usage error', '  130  interrupted']) expect(stdout).toContain(line);
    for (const example of ['paper-split issues/2021-06-27.txt\n', 'paper-split issues/ --out out/ -f json\n', '| jq -r .headline\n', `paper-split 'issues/**/*.txt' -f csv --out csv/\n`]) {
      expect(stdout).toContain(example);
    }
  });
});

describe('README', () => {
  it('shows the current --help text', async () => {
    const readme = await readFile(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const { stdout } = await cli(['--help']);
    expect(readme).toContain(`\`\`\`\n${stdout.trimEnd()}\n\`\`\``);
  });
});
