import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { LocatedDiagnostic } from '../../src/diagnostics.js';
import { RepeatFilter } from '../../src/cli/repeats.js';

const plain = new Chalk({ level: 0 });
const d = (file: string, code: string, severity: LocatedDiagnostic['severity'] = 'warning', line = 1): LocatedDiagnostic => ({ severity, code, message: code, file, point: { line, column: 1 } });

describe('RepeatFilter', () => {
  it('lets the first file with a code through (every one of its diagnostics of that code), holds back the rest, and counts files', () => {
    const f = new RepeatFilter(true);
    expect(f.admit('a.txt', [d('a.txt', 'dates/no-issue-year', 'warning', 3), d('a.txt', 'dates/no-issue-year', 'warning', 9)])).toHaveLength(2);
    expect(f.admit('b.txt', [d('b.txt', 'dates/no-issue-year'), d('b.txt', 'input/empty')])).toEqual([d('b.txt', 'input/empty')]);
    expect(f.admit('c.txt', [d('c.txt', 'dates/no-issue-year'), d('c.txt', 'dates/no-issue-year')])).toEqual([]);
    expect(f.admit('d.txt', [d('d.txt', 'dates/no-issue-year')])).toEqual([]);
    expect(f.summary(plain)).toBe('warning  dates/no-issue-year in 4 files (first: a.txt, b.txt …); --verbose prints each\n');
  });

  it('never holds back errors; says nothing of a code seen in one file only', () => {
    const f = new RepeatFilter(true);
    expect(f.admit('a.txt', [d('a.txt', 'decode/binary', 'error'), d('a.txt', 'input/empty')])).toHaveLength(2);
    expect(f.admit('b.txt', [d('b.txt', 'decode/binary', 'error')])).toHaveLength(1);
    expect(f.summary(plain)).toBe('');
  });

  it('no "…" when the two names are all the files; counts past a thousand with a separator', () => {
    const two = new RepeatFilter(true);
    two.admit('a.txt', [d('a.txt', 'x/y')]);
    two.admit('b.txt', [d('b.txt', 'x/y')]);
    expect(two.summary(plain)).toBe('warning  x/y in 2 files (first: a.txt, b.txt); --verbose prints each\n');
    const many = new RepeatFilter(true);
    for (let i = 0; i < 10_000; i++) many.admit(`${i}.txt`, [d(`${i}.txt`, 'x/y')]);
    expect(many.summary(plain)).toBe('warning  x/y in 10,000 files (first: 0.txt, 1.txt …); --verbose prints each\n');
  });

  it('disabled (--verbose, or one input): everything through, no summary', () => {
    const f = new RepeatFilter(false);
    f.admit('a.txt', [d('a.txt', 'x/y')]);
    expect(f.admit('b.txt', [d('b.txt', 'x/y')])).toHaveLength(1);
    expect(f.summary(plain)).toBe('');
  });
});
