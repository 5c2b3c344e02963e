/**
 * Operands → input files. A lone `-` is stdin; a folder gives every *.txt inside it, recursively;
 * a glob (fast-glob) gives its matches, and a folder it matches is walked like a folder operand,
 * so quoting a glob or letting the shell expand it gives the same inputs. Anything else is taken
 * as a file path (a missing one is reported by the library as input/not-found).
 *
 * Each input keeps `rel`, its path relative to the folder or glob base it came from, which
 * `--out` mirrors. A file reached twice (a link to it, a --follow cycle) is read once. Symbolic links are not followed out of that folder unless `--follow`: a linked
 * file pointing outside is skipped with a warning, and linked folders are entered only with it.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import type { Diagnostic } from '../types.js';
import type { UsageError } from './options.js';

/** One input file, or stdin. */
export type Input =
  | {
      kind: 'file';
      /** Absolute path. */ path: string;
      /** As the user would write it, e.g. `issues/sub/a.txt`. */ name: string;
      /** Relative to its folder or glob base, e.g. `sub/a.txt`. */ rel: string;
      /** A regular file found without --follow (not a link): its real path is its real folder's plus its name. */
      plain?: boolean;
    }
  | { kind: 'stdin'; name: string; rel: string };

/** The inputs of a run. */
export interface Inputs {
  inputs: Input[];
  /** True when the run names exactly one file (or stdin): JSON output is then one object, not an array. */
  single: boolean;
  /** Warnings about what was skipped (symbolic links out of a folder). */
  diagnostics: Diagnostic[];
}

/** What expansion depends on. */
export interface ExpandContext {
  /** Operands are relative to this folder. */
  cwd: string;
  /** `--follow`: follow links out of input folders and into linked folders. */
  follow: boolean;
  /** The name given to stdin (`--stdin-name`, or `<stdin>`). */
  stdinName: string;
  /** Absolute `--out`, whose contents are never read as input. */
  out: string | undefined;
}

/** Expands operands in order, dropping repeats. Returns a usage error when a folder or glob matches nothing. */
export async function expandInputs(operands: readonly string[], ctx: ExpandContext): Promise<[UsageError] | [undefined, Inputs]> {
  const inputs: Input[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let single = operands.length === 1;
  // A file is read once, under the first name that reaches it: links to it and --follow cycles add nothing.
  // Real paths of folders, each resolved once: a plain file's real path is its folder's plus its name.
  const realFolders = new Map<string, Promise<string>>();
  const realPathOf = async (input: Extract<Input, { kind: 'file' }>): Promise<string> => {
    if (!input.plain) return realpath(input.path).catch(() => input.path);
    const dir = dirname(input.path);
    let real = realFolders.get(dir);
    if (real === undefined) realFolders.set(dir, (real = realpath(dir).catch(() => dir)));
    return join(await real, basename(input.path));
  };
  const add = async (input: Input): Promise<void> => {
    const key = input.kind === 'stdin' ? '-' : await realPathOf(input);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(input);
  };

  for (const operand of operands) {
    if (operand === '-') {
      await add({ kind: 'stdin', name: ctx.stdinName, rel: stdinRel(ctx.stdinName) });
      continue;
    }
    const abs = resolve(ctx.cwd, operand);
    const kind = await kindOf(abs);
    if (kind === 'dir') {
      single = false;
      const found = await walkFolder(abs, operand, abs, ctx, diagnostics);
      if (found.length === 0) return [noMatch(`the folder ${operand} holds no *.txt files`)];
      for (const input of found) await add(input);
    } else if (kind === 'missing' && fg.isDynamicPattern(operand)) {
      single = false;
      const found = await expandGlob(operand, ctx, diagnostics);
      if (found.length === 0) return [noMatch(`the glob ${operand} matches no files`)];
      for (const input of found) await add(input);
    } else {
      await add({ kind: 'file', path: abs, name: operand, rel: basename(abs) });
    }
  }
  return [undefined, { inputs, single, diagnostics }];
}

function stdinRel(name: string): string {
  return name.startsWith('<') ? 'stdin' : basename(name);
}

function noMatch(message: string): UsageError {
  return { code: 'input/no-match', message: `${message}; check the path or quote the glob` };
}

async function kindOf(abs: string): Promise<'dir' | 'file' | 'missing'> {
  try {
    return (await stat(abs)).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

type Entry = fg.Entry;

/** Every *.txt under `root` (any case), sorted by path. `shown` is how the user wrote the folder. */
async function walkFolder(root: string, shown: string, base: string, ctx: ExpandContext, diagnostics: Diagnostic[]): Promise<Input[]> {
  const entries = await fg('**/*.txt', globOptions(root, ctx));
  return filterEntries(entries, root, base, (e) => join(shown, e.path), ctx, diagnostics);
}

async function expandGlob(pattern: string, ctx: ExpandContext, diagnostics: Diagnostic[]): Promise<Input[]> {
  const base = resolve(ctx.cwd, globBase(pattern));
  const entries = await fg(pattern, globOptions(ctx.cwd, ctx));
  const out: Input[] = [];
  for (const e of sortEntries(entries)) {
    const abs = resolve(ctx.cwd, e.path);
    const dir = e.dirent.isDirectory() || (ctx.follow && e.dirent.isSymbolicLink() && (await kindOf(abs)) === 'dir');
    if (dir) out.push(...(await walkFolder(abs, e.path, base, ctx, diagnostics)));
    else out.push(...(await filterEntries([e], ctx.cwd, base, (x) => x.path, ctx, diagnostics)));
  }
  return out;
}

function globOptions(cwd: string, ctx: ExpandContext): fg.Options & { objectMode: true } {
  // Never read outputs back: text summaries (*.summary.txt) anywhere, and nothing under --out, whose
  // folder is not even walked (it may hold thousands of outputs).
  const ignore = ['**/*.summary.txt'];
  if (ctx.out !== undefined && isInside(ctx.out, cwd) && ctx.out !== cwd) {
    const out = fg.escapePath(relative(cwd, ctx.out).split(sep).join('/'));
    ignore.push(out, `${out}/**`);
  }
  // onlyFiles: false, so that links (and folders matched by a glob) reach the checks below.
  return { cwd, onlyFiles: false, objectMode: true, followSymbolicLinks: ctx.follow, caseSensitiveMatch: false, dot: false, ignore };
}

function sortEntries(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Keeps files (and, without --follow, links to files inside `base`); names each; skips `--out`. */
async function filterEntries(entries: Entry[], cwd: string, base: string, nameOf: (e: Entry) => string, ctx: ExpandContext, diagnostics: Diagnostic[]): Promise<Input[]> {
  const out: Input[] = [];
  const realBase = await realpath(base).catch(() => base);
  for (const e of sortEntries(entries)) {
    const abs = resolve(cwd, e.path);
    if (ctx.out !== undefined && isInside(abs, ctx.out)) continue;
    const name = nameOf(e);
    if (e.dirent.isSymbolicLink()) {
      const target = await realpath(abs).catch(() => undefined);
      if (target === undefined || (await kindOf(target)) !== 'file') continue;
      if (!isInside(target, realBase)) {
        diagnostics.push({
          severity: 'warning',
          code: 'input/symlink-outside',
          message: `skipped: a symbolic link to ${target}, outside ${base}; pass --follow to read it`,
          file: name,
        });
        continue;
      }
    } else if (!e.dirent.isFile()) {
      continue;
    }
    out.push({ kind: 'file', path: abs, name, rel: relative(base, abs), plain: !ctx.follow && e.dirent.isFile() });
  }
  return out;
}

/** The folder part of a glob before its first dynamic segment: `issues/2021-*\/*.txt` → `issues`. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (s !== '' && fg.isDynamicPattern(s)) break;
    fixed.push(s);
  }
  if (fixed.length === 0) return '.';
  return fixed.join('/') || '/';
}

/** True when `child` is `parent` or lies below it. */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}
