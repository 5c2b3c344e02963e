// Regenerates the `--help` block of README.md from the built binary (run `npm run build` first), so
// the README never drifts from the program; test/cli/help.test.ts fails until this has been run.
// Usage: node scripts/readme-help.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const help = execFileSync(process.execPath, [new URL('bin/paper-split.js', root).pathname, '--help'], { encoding: 'utf8' });
const readmePath = new URL('README.md', root);
const readme = readFileSync(readmePath, 'utf8');
// The block right under the "### `--help`" heading, fences included.
const block = /(### `--help`\n\n```\n)[\s\S]*?(\n```\n)/u;
if (!block.test(readme)) throw new Error('README.md has no "### `--help`" section followed by a fenced block');
writeFileSync(readmePath, readme.replace(block, (_, open, close) => open + help.trimEnd() + close));
