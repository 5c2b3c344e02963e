/**
 * Text: a summary for people, per issue and per article — headline (bold), kind, date, reporters,
 * places, first sentence and size. Colour comes from the `chalk` passed in, so the caller decides
 * per stream (a level-0 instance gives plain text for files and pipes).
 */
import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Article, Issue, YearSource } from '../types.js';
import { characterCount, firstSentence } from './fields.js';

/** Options of the text summary. */
export interface TextOptions {
  /** Colours; a `new Chalk({ level: 0 })` for none. */
  chalk: ChalkInstance;
  /** Display columns the first sentence may take before it is cut with `…`. Default 76. */
  sentenceWidth?: number;
}

const YEAR_SOURCE: Readonly<Record<YearSource, string>> = {
  'issue-date': 'from --issue-date',
  'file-name': 'from the file name',
  text: 'from the text',
};

const INDENT = '     ';

/** The summary of one issue: a header line, a blank line, then one block per article; ends in `\n`. */
export function formatText(issue: Issue, options: TextOptions): string {
  const { chalk } = options;
  const width = options.sentenceWidth ?? 76;
  const out = [headerOf(issue, chalk)];
  for (const article of issue.articles) out.push('', ...articleLines(article, chalk, width));
  return out.join('\n') + '\n';
}

function headerOf(issue: Issue, chalk: ChalkInstance): string {
  const errors = issue.diagnostics.filter((d) => d.severity === 'error');
  const warnings = issue.diagnostics.filter((d) => d.severity === 'warning').length;
  const parts = [chalk.bold(issue.source), plural(issue.articles.length, 'article')];
  if (errors.length > 0) {
    parts.push(chalk.red(`unusable: ${errors.map((d) => d.code).join(', ')}`));
    return parts.join('  ');
  }
  parts.push(issue.issueDate ? `issue date ${issue.issueDate.value} (${YEAR_SOURCE[issue.issueDate.source]})` : 'issue date unknown');
  if (issue.home) parts.push(`home ${issue.home.name}`);
  parts.push(issue.encoding);
  if (issue.leftovers.length > 0) parts.push(plural(issue.leftovers.length, 'leftover line'));
  if (warnings > 0) parts.push(chalk.yellow(plural(warnings, 'warning')));
  return parts.join('  ');
}

function articleLines(article: Article, chalk: ChalkInstance, width: number): string[] {
  const number = String(article.index + 1).padStart(3) + '  ';
  const headline = article.headline.length > 0 ? chalk.bold(article.headline) : chalk.dim('(no headline)');
  const meta = [
    article.kind,
    article.date ?? 'no date',
    article.reporters.map((r) => `${r.role} ${r.name}`).join('、'),
    article.locations.map((l) => l.name).join('、'),
  ].filter((s) => s.length > 0);
  const size = `${plural(characterCount(article), 'character')} · lines ${article.lines.first}–${article.lines.last}`;
  return [
    number + headline,
    INDENT + meta.join(' · '),
    INDENT + truncate(firstSentence(article.body), width),
    INDENT + chalk.dim(size),
  ];
}

/** Cuts `s` to at most `width` display columns, ending in `…` when cut. */
export function truncate(s: string, width: number): string {
  if (stringWidth(s) <= width) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const w = stringWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
