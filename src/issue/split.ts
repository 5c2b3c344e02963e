/**
 * Whole issues from files: read and split each file (`splitFile`), group the files into issues,
 * assemble each (pages in order, continuations linked) and, on request, join continued parts.
 *
 * Grouping: files in one folder belong to one issue per issue date. A file's date comes from its
 * own name (`2021-06-27_01.txt`), else its folder's name (`2021-06-27/01.txt`, which is then also
 * given to the pipeline as the issue date), else its text (page headers, signature dates). A file
 * with no date joins its folder's issue when the folder holds exactly one and the file does not name
 * another home (the paper's city, so another paper); otherwise the undated files of a folder make
 * issues of their own, one per home.
 */
import { extname } from 'node:path';
import { inferIssueDate } from '../extract/dates.js';
import { splitFileLazily } from '../file.js';
import { collectArticles, type LazyIssue, splitBytesLazily } from '../pipeline.js';
import type { IssueDate, Options } from '../types.js';
import { type AssembleOptions, assembleIssue, sourcesOf, withSources } from './assemble.js';
import { joinContinuations } from './join.js';
import type { SplitInput, WholeIssue } from './types.js';

/** Options of {@link splitIssue} and {@link splitIssues}: those of `splitFile`, plus joining. */
export interface IssueOptions {
  encoding?: Options['encoding'];
  /** The issue date, `YYYY-MM-DD`, for every file; overrides any inference. */
  issueDate?: string;
  /** Join each chain of continued parts into one article (`--join-continuations`). */
  joinContinuations?: boolean;
  /** The pipeline's trace hook, for every file (see `Options.trace`). */
  trace?: Options['trace'];
}

/** Splits `files` as the pages of one issue, in any order. Never throws on bad input. */
export async function splitIssue(files: readonly string[], options: IssueOptions = {}): Promise<WholeIssue> {
  const inputs = await Promise.all(files.map((f) => splitInput(f, options)));
  return finishIssue(assembleIssue(inputs, assembleOptionsOf(inputs)), options);
}

/** Splits `files` and groups them into issues (see the top of this module), in order of their first file. */
export async function splitIssues(files: readonly string[], options: IssueOptions = {}): Promise<WholeIssue[]> {
  const inputs = await Promise.all(files.map((f) => splitInput(f, options)));
  return groupInputs(inputs).map((group) => finishIssue(assembleIssue(group, assembleOptionsOf(group)), options));
}

/** Reads and splits one file, keeping the decoded text. `name` is what reports show (the path by default). */
export async function splitInput(path: string, options: IssueOptions = {}, name: string = path): Promise<SplitInput> {
  return inputOf(await splitFileLazily(path, pipelineOptions(name, options)));
}

/** {@link splitInput} for bytes already read (stdin). */
export function splitInputBytes(bytes: Uint8Array, name: string, options: IssueOptions = {}): SplitInput {
  return inputOf(splitBytesLazily(bytes, pipelineOptions(name, options)));
}

/** The whole issue and its decoded text (empty when the input could not be read or decoded). */
function inputOf(lazy: LazyIssue): SplitInput {
  return { issue: collectArticles(lazy), text: lazy.text ?? '' };
}

/** Joins the continuations when asked; keeps the review page's source texts either way. */
export function finishIssue(issue: WholeIssue, options: IssueOptions): WholeIssue {
  return options.joinContinuations ? withSources(joinContinuations(issue), sourcesOf(issue)) : issue;
}

function pipelineOptions(name: string, options: IssueOptions): Options {
  const o: Options = { name };
  if (options.encoding) o.encoding = options.encoding;
  if (options.trace) o.trace = options.trace;
  const issueDate = options.issueDate ?? (nameDate(baseName(name)) ? undefined : nameDate(folderName(name))?.value);
  if (issueDate) o.issueDate = issueDate;
  return o;
}

/** Groups split inputs into issues: by folder, then by issue date. Input order is kept inside a group. */
export function groupInputs(inputs: readonly SplitInput[]): SplitInput[][] {
  const byFolder = new Map<string, SplitInput[]>();
  for (const input of inputs) {
    const folder = folderOf(input.issue.source);
    const list = byFolder.get(folder);
    if (list) list.push(input);
    else byFolder.set(folder, [input]);
  }
  const groups: SplitInput[][] = [];
  for (const [folder, list] of byFolder) {
    const byDate = new Map<string, SplitInput[]>();
    const undated: SplitInput[] = [];
    for (const input of list) {
      const date = dateOf(input, folder);
      if (date === undefined) {
        undated.push(input);
        continue;
      }
      const group = byDate.get(date);
      if (group) group.push(input);
      else byDate.set(date, [input]);
    }
    const dated = [...byDate.values()];
    // An undated file is a page of the folder's only dated issue unless it names another home
    // (another paper); the rest of the undated files group by their home.
    const only = dated.length === 1 ? dated[0]! : undefined;
    const byHome = new Map<string, SplitInput[]>();
    for (const input of undated) {
      const home = input.issue.home?.code;
      if (only && (home === undefined || only.every((i) => i.issue.home === undefined || i.issue.home.code === home))) {
        only.push(input);
        continue;
      }
      const group = byHome.get(home ?? '');
      if (group) group.push(input);
      else byHome.set(home ?? '', [input]);
    }
    groups.push(...dated, ...byHome.values());
  }
  const firstIndex = (g: SplitInput[]): number => inputs.indexOf(g[0]!);
  return groups.map((g) => [...g].sort((a, b) => inputs.indexOf(a) - inputs.indexOf(b))).sort((a, b) => firstIndex(a) - firstIndex(b));
}

function assembleOptionsOf(group: readonly SplitInput[]): AssembleOptions {
  const options: AssembleOptions = {};
  const folderDate = nameDate(folderName(group[0]!.issue.source));
  const date = group.map((i) => nameDate(baseName(i.issue.source))).find((d) => d) ?? folderDate;
  if (date) options.issueDate = date;
  return options;
}

/** The issue date a file is grouped by: its name's, its folder's, then its text's. */
function dateOf(input: SplitInput, folder: string): string | undefined {
  return nameDate(baseName(input.issue.source))?.value ?? nameDate(lastSegment(folder))?.value ?? input.issue.issueDate?.value;
}

/** A date written in a name (`2021-06-27`, `20210627`, `2021年6月27日`), read by the pipeline's own rule. */
function nameDate(name: string): IssueDate | undefined {
  if (name.length === 0) return undefined;
  return inferIssueDate(name, '').value;
}

function folderOf(name: string): string {
  const k = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return k < 0 ? '' : name.slice(0, k);
}

function folderName(name: string): string {
  return lastSegment(folderOf(name));
}

function lastSegment(path: string): string {
  return path.replace(/^.*[\\/]/u, '');
}

function baseName(name: string): string {
  const base = lastSegment(name);
  return base.slice(0, base.length - extname(base).length);
}
