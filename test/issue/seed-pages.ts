/**
 * Pages built from a seed for the whole-issue tests: seed A's first article cut between two
 * paragraphs and its second cut mid-sentence at a column break (`省统战` / `部长`, the marker printed at the end of the line), both carried
 * over from page 1 to page 4 with the markers a paper prints. Page 4 repeats the first headline
 * and opens the second with its first words only, so linking has to tell the two apart.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, SEED_A, tempDir } from '../cli/helpers.js';

/** Seed A's lines; `line(n)` is 1-based, like an editor's. */
const SEED_LINES = readFileSync(join(ROOT, SEED_A), 'utf8').split('\n');
const lines = (first: number, last: number): string[] => SEED_LINES.slice(first - 1, last);

/** The seed's text. */
export const SEED_TEXT = SEED_LINES.join('\n');

/** Page 1: the header, both first parts, then the rest of the seed's page. */
export const PAGE_1 = [
  '要闻　第1版',
  '',
  ...lines(5, 17),
  '',
  '（下转第4版）',
  '',
  ...lines(25, 29),
  '',
  `${SEED_LINES[30]!}（下转第4版）`,
  '',
  ...lines(41, SEED_LINES.length),
].join('\n');

/** Page 4: the header, then the second parts under their repeated headlines. */
export const PAGE_4 = [
  '综合新闻　第4版',
  '',
  SEED_LINES[4]!,
  '',
  '（上接第1版）',
  '',
  ...lines(19, 23),
  '',
  '市委统一战线工作会议召开',
  '',
  '（上接第1版）',
  '',
  ...lines(33, 39),
  '',
].join('\n');

/** The headlines of the two continued articles, as the seed prints them. */
export const CONTINUED = [SEED_LINES[4]!, SEED_LINES[24]!] as const;

/** Writes the pages as `<dir>/2026-06-01/04.txt` and `01.txt` (page 4 first: order must come from the pages), in a temp folder removed after the test file. */
export async function writeIssueFolder(): Promise<{ dir: string; files: string[] }> {
  const dir = await tempDir('paper-split-issue-');
  await mkdir(join(dir, '2026-06-01'));
  const files = [join(dir, '2026-06-01', '04.txt'), join(dir, '2026-06-01', '01.txt')];
  await writeFile(files[0]!, PAGE_4);
  await writeFile(files[1]!, PAGE_1);
  return { dir, files };
}
