/**
 * Text: a summary for people, per issue and per article — headline (bold), kind, date, reporters,
 * places, first sentence and size. Colour comes from the `chalk` passed in, so the caller decides
 * per stream (a level-0 instance gives plain text for files and pipes).
 */
import type { ChalkInstance } from 'chalk';
import { displayWidth } from './width.js';
import type { Article, Issue, YearSource } from '../types.js';
import { characterCount, firstSentence } from './fields.js';

/** Options of the text summary. */
export interface TextOptions {
  /** Colours; a `new Chalk({ level: 0 })` for none. */
  chalk: ChalkInstance;
  /**
   * Display columns no line may exceed (a Han character takes two), e.g. `process.stdout.columns`.
   * Default 80. Header and meta fields wrap onto indented lines; a headline or first sentence
   * that does not fit is cut with `…`.
   */
  width?: number;
}

const YEAR_SOURCE: Readonly<Record<YearSource, string>> = {
  'issue-date': 'from --issue-date',
  'file-name': 'from the file name',
  text: 'from the text',
};

const INDENT = '     ';

/** The narrowest width honoured; below it lines are cut at this width. */
const MIN_WIDTH = 20;

/** The summary of one issue: a header line, a blank line, then one block per article; ends in `\n`. */
export function formatText(issue: Issue, options: TextOptions): string {
  const { chalk } = options;
  const width = Math.max(MIN_WIDTH, options.width ?? 80);
  const out = headerOf(issue, chalk, width);
  for (const article of issue.articles) out.push('', ...articleLines(article, chalk, width));
  return out.join('\n') + '\n';
}

/** A field of a line: its plain text (measured) and how to paint it. */
interface Part {
  text: string;
  paint?: (s: string) => string;
}

function headerOf(issue: Issue, chalk: ChalkInstance, width: number): string[] {
  const errors = issue.diagnostics.filter((d) => d.severity === 'error');
  const warnings = issue.diagnostics.filter((d) => d.severity === 'warning').length;
  const parts: Part[] = [{ text: issue.source, paint: chalk.bold }, { text: plural(issue.articles.length, 'article') }];
  if (errors.length > 0) {
    parts.push({ text: `unusable: ${errors.map((d) => d.code).join(', ')}`, paint: chalk.red });
    return wrapParts(parts, '  ', '', INDENT, width);
  }
  parts.push({ text: issue.issueDate ? `issue date ${issue.issueDate.value} (${YEAR_SOURCE[issue.issueDate.source]})` : 'issue date unknown' });
  if (issue.home) parts.push({ text: `home ${issue.home.name}` });
  parts.push({ text: issue.encoding });
  if (issue.leftovers.length > 0) parts.push({ text: plural(issue.leftovers.length, 'leftover line') });
  if (warnings > 0) parts.push({ text: plural(warnings, 'warning'), paint: chalk.yellow });
  return wrapParts(parts, '  ', '', INDENT, width);
}

function articleLines(article: Article, chalk: ChalkInstance, width: number): string[] {
  const number = String(article.index + 1).padStart(3) + '  ';
  const inner = width - INDENT.length;
  const headline = article.headline.length > 0 ? chalk.bold(truncate(article.headline, width - number.length)) : chalk.dim('(no headline)');
  const meta = [
    article.kind,
    article.date ?? 'no date',
    article.reporters.map((r) => `${r.role} ${r.name}`).join('、'),
    article.locations.map((l) => l.name).join('、'),
  ]
    .filter((s) => s.length > 0)
    .map((text): Part => ({ text }));
  const size = `${plural(characterCount(article), 'character')} · lines ${article.lines.first}–${article.lines.last}`;
  return [
    number + headline,
    ...wrapParts(meta, ' · ', INDENT, INDENT, width),
    INDENT + truncate(firstSentence(article.body), inner),
    INDENT + chalk.dim(truncate(size, inner)),
  ];
}

/**
 * Lays `parts` out on lines of at most `width` columns, `sep` between them: the first line starts
 * with `first`, the others with `rest`. A part too wide for a line of its own is cut with `…`.
 */
function wrapParts(parts: readonly Part[], sep: string, first: string, rest: string, width: number): string[] {
  const lines: string[] = [];
  let line = first;
  let used = displayWidth(first);
  let empty = true;
  for (const part of parts) {
    const room = width - used - (empty ? 0 : sep.length);
    let text = part.text;
    if (!empty && displayWidth(text) > room) {
      lines.push(line);
      line = rest;
      used = displayWidth(rest);
      empty = true;
    }
    text = truncate(text, width - used - (empty ? 0 : sep.length));
    line += (empty ? '' : sep) + (part.paint ? part.paint(text) : text);
    used += (empty ? 0 : sep.length) + displayWidth(text);
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Cuts `s` to at most `width` display columns, ending in `…` when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
