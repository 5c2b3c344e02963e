/**
 * Repeated diagnostics in a batch: 10,000 files without a year in their names would print 10,000
 * identical `dates/no-issue-year` warnings. The first input with a given code prints its
 * diagnostics of that code in full; later inputs' are counted and held back, and the run ends with
 * one line per code held back: `warning  dates/no-issue-year in 10,000 files (first: a.txt, b.txt …)`.
 * Errors are never held back (each is a failed input), and `--verbose` holds back nothing.
 */
import type { ChalkInstance } from 'chalk';
import type { LocatedDiagnostic, Severity } from '../index.js';
import { formatCount } from './count.js';

/** Names shown after `first:` in a group line. */
const FIRST_NAMES = 2;

interface Group {
  severity: Severity;
  /** Inputs with this code, the first one included. */
  files: number;
  /** The first inputs' names, up to FIRST_NAMES. */
  first: string[];
  /** Whether a later input's diagnostics were held back. */
  held: boolean;
}

/** Holds back repeats across inputs; `enabled: false` lets everything through. */
export class RepeatFilter {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly enabled: boolean) {}

  /** The diagnostics of one input to print now. Call once per input, in input order. */
  admit(file: string, diagnostics: readonly LocatedDiagnostic[]): LocatedDiagnostic[] {
    if (!this.enabled) return [...diagnostics];
    const seenHere = new Set<string>();
    const out: LocatedDiagnostic[] = [];
    for (const d of diagnostics) {
      if (d.severity === 'error') {
        out.push(d);
        continue;
      }
      let group = this.groups.get(d.code);
      if (group === undefined) {
        group = { severity: d.severity, files: 0, first: [], held: false };
        this.groups.set(d.code, group);
      }
      if (!seenHere.has(d.code)) {
        seenHere.add(d.code);
        group.files++;
        if (group.first.length < FIRST_NAMES) group.first.push(file);
      }
      // The first input with this code shows all of its diagnostics of that code.
      if (group.first[0] === file && group.files === 1) out.push(d);
      else group.held = true;
    }
    return out;
  }

  /** One line per code that was held back, in the order the codes first appeared; empty when none was. */
  summary(chalk: ChalkInstance): string {
    let out = '';
    for (const [code, g] of this.groups) {
      if (!g.held) continue;
      const paint = g.severity === 'warning' ? chalk.yellow : chalk.blue;
      const more = g.files > g.first.length ? ' …' : '';
      out += `${paint(g.severity)}  ${code} in ${formatCount(g.files)} files (first: ${g.first.join(', ')}${more}); --verbose prints each\n`;
    }
    return out;
  }
}
