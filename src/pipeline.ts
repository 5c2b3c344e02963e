/**
 * The pipeline: a fold over pure stages, in this order —
 *
 *   decode → lines → repair → classify → segment → extract (articles) → Issue
 *
 * Each stage returns `{ value, diagnostics }`; this module threads the values and collects the
 * diagnostics, naming the file on each. Nothing here does I/O: `file.ts` reads files.
 */
import { classifyParagraphs } from './classify.js';
import { decodeBytes, decodeString } from './decode.js';
import { type ArticleContext, buildArticle, placeTextOf } from './extract/article.js';
import { inferIssueDate, issueContext } from './extract/dates.js';
import { inferHomeFrom, type PlaceScan, scanPlaces } from './extract/places.js';
import { scriptOf } from './data/script.js';
import { splitLines } from './lines.js';
import { repairLines } from './repair.js';
import { segmentArticles } from './segment.js';
import type { Article, Context, DecodedText, Diagnostic, Issue, Leftover, Line, Options, Segment } from './types.js';

/** The name used for input without a file name. */
export const STDIN_NAME = '<stdin>';

/**
 * An issue whose articles are built as they are read. `issue` has every other field final (and
 * `articles` empty); iterating `articles`, once, builds each article in turn. A writer that
 * formats each article as it comes holds one at a time, not the whole output of a big file.
 */
export interface LazyIssue {
  issue: Issue;
  articles: Iterable<Article>;
  /** How many articles `articles` yields, known before any is built. */
  articleCount: number;
}

/** Splits raw bytes (any supported encoding) into an issue. Never throws on bad input. */
export function splitBytes(bytes: Uint8Array, options: Options = {}): Issue {
  return collectArticles(splitBytesLazily(bytes, options));
}

/** {@link splitBytes}, the articles left to build as they are read. */
export function splitBytesLazily(bytes: Uint8Array, options: Options = {}): LazyIssue {
  const ctx = contextOf(options);
  const decoded = decodeBytes(bytes, ctx, options.encoding);
  if (!decoded.value) {
    return { issue: { source: ctx.name, encoding: options.encoding ?? 'utf-8', articles: [], leftovers: [], diagnostics: named(decoded.diagnostics, ctx) }, articles: [], articleCount: 0 };
  }
  return splitDecoded(decoded.value, ctx, options, decoded.diagnostics);
}

/** Splits text that is already decoded (a JS string) into an issue. */
export function splitText(text: string, options: Options = {}): Issue {
  const ctx = contextOf(options);
  const decoded = decodeString(text, ctx);
  return collectArticles(splitDecoded(decoded.value, ctx, options, decoded.diagnostics));
}

/** The whole issue of a lazy one: its articles built, in place (the field keeps its key order). */
export function collectArticles({ issue, articles }: LazyIssue): Issue {
  issue.articles = [...articles];
  return issue;
}

function splitDecoded(decoded: DecodedText, ctx: Context, options: Options, early: Diagnostic[]): LazyIssue {
  const diagnostics: Diagnostic[] = [...early];
  const { text } = decoded;
  options.onDecoded?.(text);
  const lines = splitLines(text);
  const script = scriptOf(text);
  const issue: Issue = { source: ctx.name, encoding: decoded.encoding, script, articles: [], leftovers: [], diagnostics };

  if (lines.every((l) => l.norm.trim().length === 0)) {
    diagnostics.push({ severity: 'warning', code: 'input/empty', message: 'the input is empty or blank: no articles', file: ctx.name });
    return { issue, articles: [], articleCount: 0 };
  }

  const paragraphs = repairLines(lines, ctx);
  const blocks = classifyParagraphs(paragraphs.value, ctx);
  const segmented = segmentArticles(blocks.value, ctx);
  diagnostics.push(...paragraphs.diagnostics, ...blocks.diagnostics, ...segmented.diagnostics);

  // A traditional paper prints Taiwan's years of the Republic (`113年6月1日`).
  const rocYears = script === 'traditional';
  const leftoverText = segmented.value.leftovers.map((b) => b.paragraph.text).join('\n');
  const issueDate = inferIssueDate(ctx.name, text, options.issueDate, { rocYears, furniture: leftoverText });
  diagnostics.push(...issueDate.diagnostics);
  if (issueDate.value) issue.issueDate = issueDate.value;
  // Place names are proposed once per article (the costly step) and refined twice: without a
  // home to infer the paper's home, then with it. Leftover lines (a page header naming the paper)
  // count towards the home too.
  const segments = segmented.value.segments;
  const scans = segments.map((s) => scanPlaces(placeTextOf(s)));
  const home = inferHomeFrom([...scans, scanPlaces(leftoverText)], text);
  if (home) issue.home = home;

  const actx: ArticleContext = { dates: {}, places: {} };
  const ic = issueContext(issueDate.value);
  if (ic) actx.dates.issue = ic;
  if (rocYears) actx.dates.rocYears = true;
  if (home) actx.places.home = home.code;
  // Built on demand, after every other field: articles carry no diagnostics of their own.
  const articles = buildArticles(segments, actx, scans);

  for (const block of segmented.value.leftovers) {
    for (let k = block.paragraph.firstLine; k <= block.paragraph.lastLine; k++) {
      const line = lines[k]!;
      if (line.norm.trim().length === 0) continue;
      issue.leftovers.push(leftoverOf(line, block.kind === 'furniture' ? 'furniture' : 'orphan'));
    }
  }
  for (const l of issue.leftovers) {
    diagnostics.push({
      severity: 'info',
      code: `segment/leftover-${l.reason}`,
      message: l.reason === 'furniture' ? 'page furniture (header, page number, editor line) kept out of the articles' : 'a line that belongs to no article',
      file: ctx.name,
      span: l.span,
    });
  }
  issue.diagnostics = named(diagnostics, ctx);
  return { issue, articles, articleCount: segments.length };
}

function* buildArticles(segments: readonly Segment[], ctx: ArticleContext, scans: readonly PlaceScan[]): Generator<Article> {
  for (let i = 0; i < segments.length; i++) yield buildArticle(segments[i]!, i, ctx, scans[i]);
}

function leftoverOf(line: Line, reason: Leftover['reason']): Leftover {
  return { line: line.index + 1, text: line.text, span: line.span, reason };
}

function contextOf(options: Options): Context {
  const ctx: Context = { name: options.name ?? STDIN_NAME };
  if (options.trace) ctx.trace = options.trace;
  return ctx;
}

function named(diagnostics: Diagnostic[], ctx: Context): Diagnostic[] {
  return diagnostics.map((d) => (d.file ? d : { ...d, file: ctx.name }));
}
