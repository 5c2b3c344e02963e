import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatJson, formatJsonArrayItem, formatJsonPieces, JSON_ARRAY } from '../../src/format/json.js';
import { splitBytes, splitBytesLazily } from '../../src/pipeline.js';
import type { Issue } from '../../src/types.js';
import { SAMPLE, UNUSABLE } from './sample.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('formatJson', () => {
  it('prints one issue as a 2-space indented document ending in a newline', () => {
    expect(formatJson(UNUSABLE)).toBe(
      '{\n  "source": "bad.txt",\n  "encoding": "utf-8",\n  "articles": [],\n  "leftovers": [],\n  "diagnostics": [\n    {\n' +
        '      "severity": "error",\n      "code": "decode/binary",\n      "message": "binary data",\n      "file": "bad.txt"\n    }\n  ]\n}\n',
    );
  });

  it('round-trips', () => {
    expect(JSON.parse(formatJson(SAMPLE))).toEqual(SAMPLE);
  });
});

describe('JSON array streaming', () => {
  it('frames items into exactly what JSON.stringify gives for the array', () => {
    const streamed = JSON_ARRAY.open + [SAMPLE, UNUSABLE].map(formatJsonArrayItem).join(JSON_ARRAY.separator) + JSON_ARRAY.close;
    expect(streamed).toBe(JSON.stringify([SAMPLE, UNUSABLE], null, 2) + '\n');
  });

  it('keeps line breaks inside strings escaped when indenting', () => {
    const item = formatJsonArrayItem(SAMPLE);
    expect(item).toContain('"body": "本报讯（记者 王晶）6月1日，会议召开。他强调，要抓好安全。\\n会议指出');
    expect(JSON.parse(item)).toEqual(SAMPLE);
  });
});

describe('formatJsonPieces', () => {
  const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => splitBytes(readFileSync(join(ROOT, 'seeds', f)), { name: f }));

  const cases: [string, Issue][] = [['an issue with articles', SAMPLE], ['an issue without', UNUSABLE], ...seeds.map((issue): [string, Issue] => [issue.source, issue])];
  it.each(cases)('joins to exactly formatJson and formatJsonArrayItem: %s', (_, issue) => {
    expect([...formatJsonPieces(issue)].join('')).toBe(formatJson(issue));
    expect([...formatJsonPieces(issue, issue.articles, true)].join('')).toBe(formatJsonArrayItem(issue));
  });

  it('renders the fields on either side of articles, when there are none on a side too', () => {
    const only = { articles: [SAMPLE.articles[0]!] } as unknown as Issue;
    const unset = { source: undefined, articles: [], home: undefined } as unknown as Issue;
    for (const issue of [only, unset]) {
      expect([...formatJsonPieces(issue)].join('')).toBe(formatJson(issue));
      expect([...formatJsonPieces(issue, issue.articles, true)].join('')).toBe(formatJsonArrayItem(issue));
    }
    expect([...formatJsonPieces(unset)].join('')).toBe('{\n  "articles": []\n}\n');
  });

  it('renders the leftovers only after the last article is written', () => {
    let read = -1;
    let written = 0;
    const issue = {
      source: 'a.txt',
      articles: SAMPLE.articles,
      get leftovers() {
        read = written;
        return [];
      },
    } as unknown as Issue;
    for (const _piece of formatJsonPieces(issue)) written++;
    // A piece an article, then the list's close; then `"leftovers": []` and the issue's close.
    expect(read).toBe(SAMPLE.articles.length + 1);
    expect(written).toBe(SAMPLE.articles.length + 3);
  });

  it('takes the articles as they are built, one piece each, after the head', () => {
    const bytes = readFileSync(join(ROOT, 'test', 'fixtures', 'page-furniture-to-leftovers', 'input.txt'));
    const lazy = splitBytesLazily(bytes, { name: 'a.txt' });
    const pieces = [...formatJsonPieces(lazy.issue, lazy.articles)];
    const { leftovers, diagnostics } = lazy.issue;
    expect([lazy.articleCount, leftovers.length, diagnostics.length]).toEqual([2, 6, 6]);
    expect(Object.keys(lazy.issue).slice(-4)).toEqual(['articles', 'leftovers', 'diagnostics', 'issueDate']);
    // An article a piece and the list's close; a leftover and a diagnostic a piece, each list with
    // its close (or one piece when empty); the issue date; the issue's close.
    const listOf = (n: number): number => (n === 0 ? 1 : n + 1);
    expect(pieces).toHaveLength(lazy.articleCount + 1 + listOf(leftovers.length) + listOf(diagnostics.length) + 1 + 1);
    expect(pieces.join('')).toBe(formatJson(splitBytes(bytes, { name: 'a.txt' })));
  });
});
