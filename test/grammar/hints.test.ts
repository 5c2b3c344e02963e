import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_LINE_PATTERNS } from '../../src/data/chrome.js';
import { FURNITURE_PATTERNS, type Gated } from '../../src/data/markers.js';
import { GATE, MAX_HINTED_LENGTH, hintsOf, opens } from '../../src/grammar/hints.js';
import { parseLeadMarker } from '../../src/grammar/shape.js';
import { normalizeText } from '../../src/lines.js';

/** Every non-blank line of the repo's own dumps (seeds and fixture inputs) and the annotated pages beside it, normalised. */
function repoLines(): string[] {
  const root = join(__dirname, '..', '..');
  const files = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'seeds', f));
  const fixtures = join(root, 'test', 'fixtures');
  for (const d of readdirSync(fixtures)) if (existsSync(join(fixtures, d, 'input.txt'))) files.push(join(fixtures, d, 'input.txt'));
  const pages = join(root, '..', 'shared', 'eval');
  for (const d of ['dev', 'corpus', 'epaper']) {
    if (existsSync(join(pages, d))) files.push(...readdirSync(join(pages, d)).filter((f) => f.endsWith('.txt')).map((f) => join(pages, d, f)));
  }
  return files.flatMap((f) => normalizeText(readFileSync(f, 'utf8')).split(/\r\n|\r|\n/u)).map((l) => l.trim()).filter((l) => l.length > 0);
}

/** A line holds a character of each of the pattern's sets. */
const holds = (line: string, g: Gated): boolean => g.needs.every((set) => [...set].some((c) => line.includes(c)));

const GATED: Array<[string, readonly Gated[]]> = [
  ['furniture', FURNITURE_PATTERNS],
  ['web chrome', CHROME_LINE_PATTERNS],
];

describe('gated patterns', () => {
  const lines = repoLines();

  it.each(GATED)('every %s line a pattern matches holds what the pattern needs', (_name, patterns) => {
    const broken: string[] = [];
    let matched = 0;
    for (const line of lines) {
      for (const g of patterns) {
        if (!g.pattern.test(line)) continue;
        matched++;
        if (!holds(line, g)) broken.push(`${g.pattern.source} ← ${line}`);
      }
    }
    expect(broken).toEqual([]);
    // The check reads real matches, not none.
    expect(matched).toBeGreaterThan(10);
  });

  it('a case-insensitive pattern lists every character that /iu reads as one of its needs', () => {
    const missing: string[] = [];
    for (const g of [...FURNITURE_PATTERNS, ...CHROME_LINE_PATTERNS].filter((p) => p.pattern.flags.includes('i'))) {
      for (const set of g.needs) {
        const any = new RegExp(`[${set.replace(/[\]\\^-]/gu, '\\$&')}]`, 'iu');
        for (let c = 0; c < 0x10000; c++) {
          const ch = String.fromCharCode(c);
          if (any.test(ch) && !set.includes(ch)) missing.push(`${g.pattern.source}: ${ch} (U+${c.toString(16)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the lead-marker gates', () => {
  it('find every marker of the seeds, fixtures and annotated pages that the ungated grammar finds', () => {
    const every = 0xffffffff;
    const lines = repoLines().filter((l) => l.length <= MAX_HINTED_LENGTH);
    const ungated = lines.map((l) => parseLeadMarker(l, 0, l, every));
    expect(lines.map((l) => parseLeadMarker(l, 0, l))).toEqual(ungated);
    expect(ungated.filter((m) => m !== undefined).length).toBeGreaterThan(100);
  });
});

describe('hintsOf', () => {
  it('opens the lead gate on a marker and keeps it shut on a headline', () => {
    expect(opens(hintsOf(normalizeText('本报讯（记者 王晶）6月1日，全市防汛工作会议召开。')), GATE.lead)).toBe(true);
    expect(opens(hintsOf(normalizeText('新华社北京3月2日电')), GATE.lead)).toBe(true);
    expect(opens(hintsOf(normalizeText('〔记者林佳慧／台北报导〕')), GATE.lead)).toBe(true);
    expect(opens(hintsOf(normalizeText('全市防汛工作会议召开')), GATE.lead)).toBe(false);
  });

  it('reads clause punctuation exactly on a hinted line, half-width commas normalised', () => {
    expect(opens(hintsOf(normalizeText('春耕备耕正当时')), GATE.clause)).toBe(false);
    expect(opens(hintsOf(normalizeText('6月1日,全市')), GATE.clause)).toBe(true);
  });

  it('opens every gate on a line too long to read', () => {
    const long = '春'.repeat(MAX_HINTED_LENGTH + 1);
    for (const bits of Object.values(GATE)) expect(opens(hintsOf(long), bits)).toBe(true);
    expect(opens(hintsOf('春'.repeat(MAX_HINTED_LENGTH)), GATE.lead)).toBe(false);
  });
});
