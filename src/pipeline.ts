/**
 * The pipeline: a fold over pure, typed stages, in this order —
 *
 *   decode → lines → repair → classify → segment → issue context → articles
 *
 * Each stage is `(input, ctx) => { value, diagnostics }`: it reads what the stages before it made
 * and hands on a record with its own part added. The fold (`Stages.run`) threads the values,
 * collects the diagnostics in stage order and names the file on each. A stage may finish the issue
 * early (undecodable or blank input); the last one always does. A big text finishes at the lines
 * stage, through the same stages run a window of lines at a time (`splitWindowed`, `windows.ts`),
 * with the same output. Nothing here does I/O: `file.ts` reads files.
 */
import { classifyParagraphs } from './classify.js';
import { decodeBytes, decodeString } from './decode.js';
import { type ArticleContext, buildArticle, placeTextOf } from './extract/article.js';
import { inferIssueDate, issueContext } from './extract/dates.js';
import { HomeTally, inferHomeFrom, type PlaceScan, scanPlaces } from './extract/places.js';
import { type Script, scriptOf } from './data/script.js';
import { hasText, type LineTable, lineTableOf, splitTextLines, trimBounds } from './lines.js';
import { repairLines, wrapWidthOfTable } from './repair.js';
import { hasNewspaperStructure, noMarkersWarning, type Segmentation, segmentArticles } from './segment.js';
import { segmentWindows, WINDOW_SIZE, type WindowedText, type WindowSize } from './windows.js';
import type {
  Article,
  Block,
  Context,
  DecodedText,
  Diagnostic,
  Encoding,
  Home,
  Issue,
  IssueDate,
  Leftover,
  Line,
  Options,
  Paragraph,
  Segment,
  Span,
  StageResult,
} from './types.js';

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
  /**
   * The decoded text that every `span` points into, for callers that print `line:col` (the CLI)
   * or show the source (issue mode) without decoding the bytes again. Absent when the input
   * could not be read or decoded.
   */
  text?: string;
}

/** Splits raw bytes (any supported encoding) into an issue. Never throws on bad input. */
export function splitBytes(bytes: Uint8Array, options: Options = {}): Issue {
  return collectArticles(splitBytesLazily(bytes, options));
}

/** {@link splitBytes}, the articles left to build as they are read, and the decoded text. */
export function splitBytesLazily(bytes: Uint8Array, options: Options = {}): LazyIssue {
  return FROM_BYTES.run({ input: bytes }, contextOf(options));
}

/**
 * Bytes handed over to the pipeline by a caller that keeps no other reference to them (file.ts,
 * which read them): the fold takes them out, so they are let go once decoded rather than held
 * while the text is split (issue 12; a JS frame keeps what its variables held until it returns).
 */
export interface HandedBytes {
  input?: Uint8Array;
}

/** {@link splitBytesLazily} for bytes handed over: `handed.input` is gone once the call starts. */
export function splitHandedBytesLazily(handed: HandedBytes, options: Options = {}): LazyIssue {
  return FROM_BYTES.run(handed, contextOf(options));
}

/** Splits text that is already decoded (a JS string) into an issue. */
export function splitText(text: string, options: Options = {}): Issue {
  const ctx = contextOf(options);
  const split = FROM_TEXT.run({ input: text }, ctx);
  return collectArticles(split);
}

/**
 * {@link splitText} by the big-text path however short the text, `size` lines a window: for the
 * tests that hold the windows' output to the whole text's. Not part of the library's API.
 */
export function splitTextInWindows(text: string, options: Options, size: WindowSize): Issue {
  const ctx: SplitContext = { ...contextOf(options), windows: { from: 0, size } };
  return collectArticles(FROM_TEXT.run({ input: text }, ctx));
}

/** The whole issue of a lazy one: its articles built, in place (the field keeps its key order). */
export function collectArticles({ issue, articles }: LazyIssue): Issue {
  issue.articles = [...articles];
  return issue;
}

/** What every stage may read besides its input: the file's name and trace hook, and the caller's choices. */
interface SplitContext extends Context {
  /** `Options.encoding`: decode with it instead of detecting one. */
  encoding?: Encoding;
  /** `Options.issueDate`, `YYYY-MM-DD`: the issue context takes it over any inference. */
  issueDate?: string;
  /** How a big text is read a window at a time, and from what length on. */
  windows: Windowing;
}

/** From `from` UTF-16 units on (with no trace hook, which would see the windows' margins twice), windows of `size` lines. */
interface Windowing {
  from: number;
  size: WindowSize;
}

/**
 * From this many UTF-16 units on (about 12 MB of Chinese text), a text is split a window of lines
 * at a time (`windows.ts`), in two passes: the first finds the leftovers, the article count and the
 * home, the second builds the articles as they are read. Below it the stages' records of the whole
 * text are a few tens of MB; above it they would be ten times the text (issue 12).
 */
const WINDOWED_LENGTH = 1 << 22;

/**
 * The value of a stage that ends the fold: the issue as far as it goes, its diagnostics left
 * empty for the fold to fill in.
 */
class Finished {
  constructor(readonly split: LazyIssue) {}
}

/** One stage: pure and typed; it returns its value, or {@link Finished} when the issue is done. */
type Stage<In, Out> = (input: In, ctx: SplitContext) => StageResult<Out | Finished>;

/** A stage as the fold sees it, its types checked where the list is built ({@link Stages.then}). */
type AnyStage = Stage<unknown, unknown>;

/** Stages in the order they run; `then` appends one that takes what the last one gives. */
class Stages<In, Out> {
  private constructor(private readonly list: readonly AnyStage[]) {}

  static from<In, Out>(first: Stage<In, Out>): Stages<In, Out> {
    return new Stages([first as unknown as AnyStage]);
  }

  then<Next>(stage: Stage<Out, Next>): Stages<In, Next> {
    return new Stages([...this.list, stage as unknown as AnyStage]);
  }

  /**
   * Folds the stages over `handed.input` until one finishes the issue (the last always does: its
   * `Out` is `never`), collecting every stage's diagnostics in order, each naming the file. The
   * input is taken out of `handed`, so that this frame holds each value only until the next stage
   * has made its own (see {@link HandedBytes}).
   */
  run(this: Stages<In, never>, handed: { input?: In }, ctx: SplitContext): LazyIssue {
    const diagnostics: Diagnostic[] = [];
    let value: unknown = handed.input;
    delete handed.input;
    for (const stage of this.list) {
      const result = stage(value, ctx);
      // One by one: a big file has more leftover notes than a spread may pass as arguments.
      for (const d of result.diagnostics) diagnostics.push(d.file ? d : { ...d, file: ctx.name });
      value = result.value;
      if (value instanceof Finished) {
        value.split.issue.diagnostics = diagnostics;
        return value.split;
      }
    }
    throw new Error('pipeline: the last stage did not finish the issue');
  }
}

/** The decoded text and what every stage after repair needs of it. */
interface Decoded {
  text: string;
  encoding: Encoding;
  script: Script;
  /** Where each line is and whether it is blank: all the leftover lines need once the `Line` records are gone. */
  lineTable: LineTable;
}

/** The decoded text and the lines it splits into. */
interface Lined extends Decoded {
  /** The lines that are not white space only: repair skips the others, and they have their rows in `lineTable`. */
  lines: Line[];
}

/** Bytes → text, the encoding chosen by evidence; undecodable input finishes with an error and no articles. */
const decodeBytesStage: Stage<Uint8Array, DecodedText> = (bytes, ctx) => {
  const decoded = decodeBytes(bytes, ctx, ctx.encoding);
  if (decoded.value) return { value: decoded.value, diagnostics: decoded.diagnostics };
  const issue: Issue = { source: ctx.name, encoding: ctx.encoding ?? 'utf-8', articles: [], leftovers: [], diagnostics: [] };
  return { value: new Finished({ issue, articles: [], articleCount: 0 }), diagnostics: decoded.diagnostics };
};

/** A JS string as decoded text: the BOM dropped, lone surrogates replaced. */
const decodeTextStage: Stage<string, DecodedText> = (text, ctx) => decodeString(text, ctx);

/**
 * The lines and their normalised twins, and the script; blank input finishes with a warning. A big
 * text gets its line table only, and finishes here, split in windows ({@link splitWindowed}).
 */
const linesStage: Stage<DecodedText, Lined> = ({ text, encoding }, ctx) => {
  const windowed = text.length >= ctx.windows.from && !ctx.trace;
  const { lines, table: lineTable } = windowed ? { lines: [], table: lineTableOf(text) } : splitTextLines(text);
  const script = scriptOf(text);
  if (!hasText(lineTable)) {
    const issue: Issue = { source: ctx.name, encoding, script, articles: [], leftovers: [], diagnostics: [] };
    return {
      value: new Finished({ issue, articles: [], articleCount: 0, text }),
      diagnostics: [{ severity: 'warning', code: 'input/empty', message: 'the input is empty or blank: no articles', file: ctx.name }],
    };
  }
  if (windowed) return splitWindowed({ text, encoding, script, lineTable }, { text, table: lineTable, width: wrapWidthOfTable(text, lineTable) }, ctx);
  return { value: { text, encoding, script, lineTable, lines }, diagnostics: [] };
};

/** Lines → paragraphs: column breaks and fixed-width wraps joined. The line records end here. */
const repairStage: Stage<Lined, Decoded & { paragraphs: Paragraph[] }> = ({ lines, ...decoded }, ctx) => {
  const { value: paragraphs, diagnostics } = repairLines(lines, ctx);
  return { value: { ...decoded, paragraphs }, diagnostics };
};

/** Paragraphs → blocks: each paragraph's kind. */
const classifyStage: Stage<Decoded & { paragraphs: Paragraph[] }, Decoded & { blocks: Block[] }> = ({ paragraphs, ...decoded }, ctx) => {
  const { value: blocks, diagnostics } = classifyParagraphs(paragraphs, ctx);
  return { value: { ...decoded, blocks }, diagnostics };
};

/** Blocks → segments (the articles to be) and the blocks left over. */
const segmentStage: Stage<Decoded & { blocks: Block[] }, Segmented> = ({ blocks, ...decoded }, ctx) => {
  const { value: segmentation, diagnostics } = segmentArticles(blocks, ctx);
  return { value: { ...decoded, segmentation }, diagnostics };
};

interface Segmented extends Decoded {
  segmentation: Segmentation;
}

/** What the issue as a whole tells every article: its date and the paper's home. */
interface InContext extends Segmented {
  issueDate?: IssueDate;
  home?: Home;
  /** The place names proposed in each segment, in order (the costly step, made once). */
  scans: PlaceScan[];
  articleContext: ArticleContext;
}

/**
 * The issue context: the issue date (the option, the file name, else the text, the leftover
 * furniture first) and the paper's home. Place names are proposed once per article and refined
 * twice: here, without a home, to infer it, and again for each article, with it. Leftover lines
 * (a page header naming the paper) count towards the home too.
 */
const issueContextStage: Stage<Segmented, InContext> = (segmented, ctx) => {
  const { text, script, segmentation } = segmented;
  const leftoverText = segmentation.leftovers.map((b) => b.paragraph.text).join('\n');
  const issueDate = inferIssueDate(ctx.name, text, ctx.issueDate, { rocYears: rocYearsOf(script), furniture: leftoverText });
  const scans = segmentation.segments.map((s) => scanPlaces(placeTextOf(s)));
  const home = inferHomeFrom([...scans, scanPlaces(leftoverText)], text);
  const value: InContext = { ...segmented, scans, articleContext: articleContextOf(issueDate.value, home, script) };
  if (issueDate.value) value.issueDate = issueDate.value;
  if (home) value.home = home;
  return { value, diagnostics: issueDate.diagnostics };
};

/** A traditional paper prints Taiwan's years of the Republic (`113年6月1日`). */
const rocYearsOf = (script: Script): boolean => script === 'traditional';

/** What every article of the issue is told: the issue's date and the paper's home. */
function articleContextOf(issueDate: IssueDate | undefined, home: Home | undefined, script: Script): ArticleContext {
  const articleContext: ArticleContext = { dates: {}, places: {} };
  const dates = issueContext(issueDate);
  if (dates) articleContext.dates.issue = dates;
  if (rocYearsOf(script)) articleContext.dates.rocYears = true;
  if (home) articleContext.places.home = home.code;
  return articleContext;
}

/**
 * Segments → articles, built on demand as they are read (they carry no diagnostics of their
 * own), and the leftover lines, each with an info note.
 */
const articlesStage: Stage<InContext, never> = (ready, ctx) => {
  const { text, segmentation, scans, articleContext } = ready;
  const leftovers = leftoversOf(segmentation.leftovers, ready.lineTable, text);
  const articles = buildArticles(segmentation.segments, articleContext, scans);
  return finish(ready, ctx, { leftovers, issueDate: ready.issueDate, home: ready.home }, articles, segmentation.segments.length);
};

/** The issue as a whole, with its articles to be built as they are read; the leftovers' notes are its diagnostics. */
function finish(
  decoded: Decoded,
  ctx: SplitContext,
  whole: { leftovers: Leftover[]; issueDate: IssueDate | undefined; home: Home | undefined },
  articles: Iterable<Article>,
  articleCount: number,
): StageResult<Finished> {
  const { leftovers, issueDate, home } = whole;
  // Keys in the order the output has always had them: the issue's date and home last.
  const issue: Issue = { source: ctx.name, encoding: decoded.encoding, script: decoded.script, articles: [], leftovers, diagnostics: [] };
  if (issueDate) issue.issueDate = issueDate;
  if (home) issue.home = home;
  return {
    value: new Finished({ issue, articles, articleCount, text: decoded.text }),
    diagnostics: leftovers.map((l) => leftoverNote(l, ctx.name)),
  };
}

/**
 * Stages 2b–6 for a big text, in windows (`windows.ts`) and two passes over them. The first keeps
 * of each window only what the issue as a whole needs before any article is built: its leftover
 * lines, how many articles it has, whether any is a newspaper's, and (when the text speaks of 我市
 * or its kin) the tallies of its place names towards the home. The second reads the same windows
 * again (they are pure) and builds each article as it is read. The output is the whole path's.
 */
function splitWindowed(decoded: Decoded, windowed: WindowedText, ctx: SplitContext): StageResult<Finished> {
  const { text, script, lineTable } = decoded;
  const leftovers: Leftover[] = [];
  const leftoverTexts: string[] = [];
  const tally = HomeTally.of(text);
  let articleCount = 0;
  let structured = false;
  for (const window of segmentWindows(windowed, ctx, ctx.windows.size)) {
    articleCount += window.segments.length;
    structured ||= hasNewspaperStructure(window.segments);
    for (const b of window.leftovers) leftoverTexts.push(b.paragraph.text);
    leftoversOf(window.leftovers, lineTable, text, leftovers);
    if (tally) for (const segment of window.segments) tally.add(scanPlaces(placeTextOf(segment)));
  }
  const leftoverText = leftoverTexts.join('\n');
  tally?.add(scanPlaces(leftoverText));
  const home = tally?.home();
  const issueDate = inferIssueDate(ctx.name, text, ctx.issueDate, { rocYears: rocYearsOf(script), furniture: leftoverText });
  const articles = windowedArticles(windowed, ctx, articleContextOf(issueDate.value, home, script));
  const finished = finish(decoded, ctx, { leftovers, issueDate: issueDate.value, home }, articles, articleCount);
  const diagnostics = [...(articleCount > 0 && !structured ? [noMarkersWarning(ctx)] : []), ...issueDate.diagnostics, ...finished.diagnostics];
  return { value: finished.value, diagnostics };
}

/** The articles of the windows' segments, each built as it is read. */
function* windowedArticles(windowed: WindowedText, ctx: SplitContext, articleContext: ArticleContext): Generator<Article> {
  let index = 0;
  for (const window of segmentWindows(windowed, ctx, ctx.windows.size)) {
    for (const segment of window.segments) yield buildArticle(segment, index++, articleContext);
  }
}

/** The stages from a decode stage on, in order. */
function stagesFrom<In>(decode: Stage<In, DecodedText>): Stages<In, never> {
  return Stages.from(decode)
    .then(linesStage)
    .then(repairStage)
    .then(classifyStage)
    .then(segmentStage)
    .then(issueContextStage)
    .then(articlesStage);
}

const FROM_BYTES = stagesFrom(decodeBytesStage);
const FROM_TEXT = stagesFrom(decodeTextStage);

/**
 * Each segment's article, built as it is read. The generator gets lists of its own (a suspended
 * generator holds its arguments) and lets go of each segment and its place scan once built, so a
 * big file's memory falls as it is written (issue 12).
 */
function buildArticles(segments: readonly Segment[], ctx: ArticleContext, scans: readonly PlaceScan[]): Generator<Article> {
  return buildPending([...segments], ctx, [...scans]);
}

function* buildPending(segments: (Segment | undefined)[], ctx: ArticleContext, scans: (PlaceScan | undefined)[]): Generator<Article> {
  for (let i = 0; i < segments.length; i++) {
    const article = buildArticle(segments[i]!, i, ctx, scans[i]);
    segments[i] = scans[i] = undefined;
    yield article;
  }
}

/**
 * Every non-blank line of the leftover blocks, as furniture or an orphan; `text` is the decoded
 * text. A block that is only a piece of its line (a masthead printed on the lead's line) is
 * reported as that piece: the rest of the line is in an article. They are added to `leftovers`
 * (a window's to those of the windows before it).
 */
function leftoversOf(blocks: readonly Block[], lines: LineTable, text: string, leftovers: Leftover[] = []): Leftover[] {
  for (const block of blocks) {
    const reason = block.kind === 'furniture' ? 'furniture' : 'orphan';
    const p = block.paragraph;
    for (let k = p.firstLine; k <= p.lastLine; k++) {
      if (lines.blank[k]) continue;
      const start = lines.starts[k]!;
      const line = text.slice(start, lines.ends[k]!);
      const [a, b] = trimBounds(line);
      const from = Math.max(p.span[0] - start, a);
      const to = Math.min(p.span[1] - start, b);
      const piece = from > a || to < b;
      const span: Span = piece ? [start + from, start + to] : [start, start + line.length];
      // Two pieces of one line (cells of a table row) are one leftover, from the first to the last.
      const previous = leftovers[leftovers.length - 1];
      if (previous?.line === k + 1) {
        previous.span = [previous.span[0], span[1]];
        previous.text = text.slice(previous.span[0], span[1]);
        continue;
      }
      leftovers.push({ line: k + 1, text: piece ? line.slice(from, to) : line, span, reason });
    }
  }
  return leftovers;
}

/** The info note of each leftover, by its reason: constant strings, as a big file has one note a leftover line. */
const LEFTOVER_NOTES = {
  furniture: { code: 'segment/leftover-furniture', message: 'page furniture (header, page number, editor line) kept out of the articles' },
  orphan: { code: 'segment/leftover-orphan', message: 'a line that belongs to no article' },
} as const satisfies Record<Leftover['reason'], { code: string; message: string }>;

function leftoverNote(l: Leftover, file: string): Diagnostic {
  const { code, message } = LEFTOVER_NOTES[l.reason];
  return { severity: 'info', code, message, file, span: l.span };
}

function contextOf(options: Options): SplitContext {
  const ctx: SplitContext = { name: options.name ?? STDIN_NAME, windows: { from: WINDOWED_LENGTH, size: WINDOW_SIZE } };
  if (options.trace) ctx.trace = options.trace;
  if (options.encoding) ctx.encoding = options.encoding;
  if (options.issueDate !== undefined) ctx.issueDate = options.issueDate;
  return ctx;
}
