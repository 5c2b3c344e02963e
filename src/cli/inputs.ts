/**
 * Operands → input files. A lone `-` is stdin; a folder gives every *.txt inside it, recursively;
 * a glob (fast-glob) gives its matches, and a folder it matches is walked like a folder operand,
 * so quoting a glob or letting the shell expand it gives the same inputs. Anything else is taken
 * as a file path (a missing one is reported by the library as input/not-found).
 *
 * Each input keeps `rel`, its path relative to the folder or glob base it came from, which
 * `--out` mirrors. A file reached twice (a link to it, a --follow cycle) is read once. Symbolic
 * links are not followed out of that folder unless `--follow`: a linked file pointing outside is
 * skipped with a warning, and linked folders are entered only with it. With `--follow` each real
 * folder (device and inode) is walked once per operand, so links that loop end; fast-glob never
 * follows links itself (it has no such check), and a glob's `**` does not descend through them.
 *
 * Only regular files are read from folders: a FIFO, socket or device named *.txt is skipped with
 * `input/not-regular`. One named as an operand is read as a stream (`stream`), bounded like stdin.
 */
import { realpath, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type FastGlob from 'fast-glob';
import type { Diagnostic } from '../index.js';
import type { UsageError } from './options.js';

let loadedGlob: typeof FastGlob | undefined;

/** fast-glob, loaded on first use: a run that names only files never needs it (start-up time). */
function fg(): typeof FastGlob {
  return (loadedGlob ??= createRequire(import.meta.url)('fast-glob') as typeof FastGlob);
}

/** One input file, or stdin. */
export type Input =
  | {
      kind: 'file';
      /** Absolute path. */ path: string;
      /** As the user would write it, e.g. `issues/sub/a.txt`. */ name: string;
      /** Relative to its folder or glob base, e.g. `sub/a.txt`. */ rel: string;
      /** A regular file found without --follow (not a link): its real path is its real folder's plus its name. */
      plain?: boolean;
      /** A FIFO or device named as an operand: read as a stream, with the checks stdin gets. */
      stream?: boolean;
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
  // A folder's files come one after another, so the last folder looked up is kept at hand: no
  // promise or path call per file of a folder of thousands (they filled the heap at start-up).
  const realFolders = new Map<string, Promise<string>>();
  let lastFolder = { dir: '', real: '' };
  const realPathOf = async (input: Extract<Input, { kind: 'file' }>): Promise<string> => {
    if (!input.plain) return realpath(input.path).catch(() => input.path);
    const dir = dirname(input.path);
    let real = realFolders.get(dir);
    if (real === undefined) realFolders.set(dir, (real = realpath(dir).catch(() => dir)));
    lastFolder = { dir, real: await real };
    return inFolder(lastFolder.real, basename(input.path));
  };
  /** The real path of a plain file in the folder looked up last, without waiting; undefined otherwise. */
  const knownRealPath = (input: Extract<Input, { kind: 'file' }>): string | undefined => {
    if (!input.plain) return undefined;
    const cut = input.path.lastIndexOf(sep);
    return cut > 0 && input.path.slice(0, cut) === lastFolder.dir ? inFolder(lastFolder.real, input.path.slice(cut + 1)) : undefined;
  };
  const keep = (input: Input, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push(input);
  };
  /** Adds `input` unless its file is in already; returns a promise only when a real path must be looked up. */
  const add = (input: Input): Promise<void> | undefined => {
    const known = input.kind === 'stdin' ? '-' : knownRealPath(input);
    if (known !== undefined) {
      keep(input, known);
      return undefined;
    }
    return realPathOf(input as Extract<Input, { kind: 'file' }>).then((key) => keep(input, key));
  };
  const addAll = async (found: readonly Input[]): Promise<void> => {
    for (const input of found) {
      const pending = add(input);
      if (pending !== undefined) await pending;
    }
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
      const found = await walkFolder(abs, operand, abs, ctx, diagnostics, await visitedFrom(abs));
      if (found.length === 0) return [noMatch(`the folder ${operand} holds no *.txt files`)];
      await addAll(found);
    } else if (kind === 'missing' && fg().isDynamicPattern(operand)) {
      single = false;
      const found = await expandGlob(operand, ctx, diagnostics);
      if (found.length === 0) return [noMatch(`the glob ${operand} matches no files`)];
      await addAll(found);
    } else if (kind === 'file' || kind === 'missing') {
      await add({ kind: 'file', path: abs, name: operand, rel: basename(abs) });
    } else {
      await add({ kind: 'file', path: abs, name: operand, rel: basename(abs), stream: true });
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

/** What a path is, links followed. */
type Kind = 'dir' | 'file' | 'fifo' | 'socket' | 'device' | 'missing';

async function kindOf(abs: string): Promise<Kind> {
  try {
    const st = await stat(abs);
    if (st.isDirectory()) return 'dir';
    if (st.isFile()) return 'file';
    if (st.isFIFO()) return 'fifo';
    if (st.isSocket()) return 'socket';
    return 'device';
  } catch {
    return 'missing';
  }
}

const KIND_NAMES: Readonly<Record<Kind, string>> = {
  dir: 'a folder', file: 'a file', fifo: 'a FIFO (named pipe)', socket: 'a socket', device: 'a device', missing: 'missing',
};

/** Real folders (device:inode) walked so far under one operand; a --follow loop meets one again. */
type Visited = Set<string>;

async function folderId(abs: string): Promise<string | undefined> {
  try {
    const st = await stat(abs);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

async function visitedFrom(root: string): Promise<Visited> {
  const id = await folderId(root);
  return new Set(id === undefined ? [] : [id]);
}

const TXT = /\.txt$/iu;

type Entry = FastGlob.Entry;

/**
 * Every *.txt under `root` (any case), sorted by path. `shown` is how the user wrote the folder.
 * With --follow, linked folders are walked here, each real folder once (`visited`).
 */
async function walkFolder(root: string, shown: string, base: string, ctx: ExpandContext, diagnostics: Diagnostic[], visited: Visited): Promise<Input[]> {
  if (!ctx.follow) {
    const entries = await fg()('**/*.txt', globOptions(root, ctx));
    const nameOf = joinedTo(shown);
    return filterEntries(entries, root, base, (e) => nameOf(e.path), ctx, diagnostics);
  }
  // Every entry, so that links to folders are seen; fast-glob itself does not follow them.
  const entries = sortEntries(await fg()('**', globOptions(root, ctx)));
  const realRoot = await realpath(root).catch(() => root);
  const out: Input[] = [];
  const files: Entry[] = [];
  for (const e of entries) {
    if (e.dirent.isSymbolicLink() && !TXT.test(e.name)) {
      const abs = resolve(root, e.path);
      if ((await kindOf(abs)) !== 'dir') continue;
      // A link to a folder inside this one adds nothing: its files are found under their own names.
      const target = await realpath(abs).catch(() => undefined);
      if (target === undefined || isInside(target, realRoot)) continue;
      const id = await folderId(abs);
      if (id === undefined || visited.has(id)) continue;
      visited.add(id);
      out.push(...(await walkFolder(abs, join(shown, e.path), base, ctx, diagnostics, visited)));
    } else if (TXT.test(e.name) && !e.dirent.isDirectory()) {
      files.push(e);
    }
  }
  out.push(...(await filterEntries(files, root, base, (e) => join(shown, e.path), ctx, diagnostics)));
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function expandGlob(pattern: string, ctx: ExpandContext, diagnostics: Diagnostic[]): Promise<Input[]> {
  const base = resolve(ctx.cwd, globBase(pattern));
  const entries = await fg()(pattern, globOptions(ctx.cwd, ctx));
  const out: Input[] = [];
  for (const e of sortEntries(entries)) {
    const abs = resolve(ctx.cwd, e.path);
    const dir = e.dirent.isDirectory() || (ctx.follow && e.dirent.isSymbolicLink() && (await kindOf(abs)) === 'dir');
    if (dir) out.push(...(await walkFolder(abs, e.path, base, ctx, diagnostics, await visitedFrom(abs))));
    else out.push(...(await filterEntries([e], ctx.cwd, base, (x) => x.path, ctx, diagnostics)));
  }
  return out;
}

function globOptions(cwd: string, ctx: ExpandContext): FastGlob.Options & { objectMode: true } {
  // Never read outputs back: text summaries (*.summary.txt) anywhere, and nothing under --out, whose
  // folder is not even walked (it may hold thousands of outputs).
  const ignore = ['**/*.summary.txt'];
  if (ctx.out !== undefined && isInside(ctx.out, cwd) && ctx.out !== cwd) {
    const out = fg().escapePath(relative(cwd, ctx.out).split(sep).join('/'));
    ignore.push(out, `${out}/**`);
  }
  // onlyFiles: false, so that links (and folders matched by a glob) reach the checks below.
  return { cwd, onlyFiles: false, objectMode: true, followSymbolicLinks: false, caseSensitiveMatch: false, dot: false, ignore };
}

function sortEntries(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Keeps files (and, without --follow, links to files inside `base`); names each; skips `--out`. */
async function filterEntries(entries: Entry[], cwd: string, base: string, nameOf: (e: Entry) => string, ctx: ExpandContext, diagnostics: Diagnostic[]): Promise<Input[]> {
  const out: Input[] = [];
  const realBase = await realpath(base).catch(() => base);
  const dir = resolve(cwd);
  const baseDir = resolve(base);
  for (const e of sortEntries(entries)) {
    const abs = isPlainRelative(e.path) ? inFolder(dir, e.path) : resolve(dir, e.path);
    if (ctx.out !== undefined && isInside(abs, ctx.out)) continue;
    const name = nameOf(e);
    if (e.dirent.isSymbolicLink()) {
      const target = await realpath(abs).catch(() => undefined);
      if (target === undefined) continue;
      const kind = await kindOf(target);
      if (kind !== 'file') {
        if (kind !== 'dir' && kind !== 'missing') diagnostics.push(notRegular(name, kind));
        continue;
      }
      if (!ctx.follow && !isInside(target, realBase)) {
        diagnostics.push({
          severity: 'warning',
          code: 'input/symlink-outside',
          message: `skipped: a symbolic link to ${target}, outside ${base}; pass --follow to read it`,
          file: name,
        });
        continue;
      }
    } else if (!e.dirent.isFile()) {
      if (!e.dirent.isDirectory()) diagnostics.push(notRegular(name, e.dirent.isFIFO() ? 'fifo' : e.dirent.isSocket() ? 'socket' : 'device'));
      continue;
    }
    out.push({ kind: 'file', path: abs, name, rel: relativeInside(baseDir, abs), plain: !ctx.follow && e.dirent.isFile() });
  }
  return out;
}

function notRegular(name: string, kind: Kind): Diagnostic {
  return {
    severity: 'warning',
    code: 'input/not-regular',
    message: `skipped: ${KIND_NAMES[kind]}, not a regular file (it could block or never end); name it alone as an input to read it as a stream`,
    file: name,
  };
}

/** The folder part of a glob before its first dynamic segment: `issues/2021-*\/*.txt` → `issues`. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (s !== '' && fg().isDynamicPattern(s)) break;
    fixed.push(s);
  }
  if (fixed.length === 0) return '.';
  return fixed.join('/') || '/';
}

/** True when `child` is `parent` or lies below it. */
export function isInside(child: string, parent: string): boolean {
  if (isNormalAbsolute(child) && isNormalAbsolute(parent)) {
    return child.startsWith(parent) && (child.length === parent.length || parent === '/' || child.charCodeAt(parent.length) === 0x2f);
  }
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

/** `relative(parent, child)`, as string slicing when both are normalised POSIX paths and `child` is inside. */
export function relativeInside(parent: string, child: string): string {
  if (!isInside(child, parent) || !isNormalAbsolute(parent) || !isNormalAbsolute(child)) return relative(parent, child);
  if (child.length === parent.length) return '';
  return child.slice(parent === '/' ? 1 : parent.length + 1);
}

// A batch of thousands of files makes every path of it several times over. `path`'s functions
// normalise as they go and allocate a string per step, which at start-up grew the heap by tens of
// MB for 8,000 files; the paths here are mostly normalised already, and then plain string
// operations give the same result. On Windows (`\\` separators) `path` is always used.

/**
 * An absolute POSIX path that `resolve` would return unchanged: no empty, `.` or `..` segment
 * and no trailing `/` (what `resolve` and `realpath` give).
 */
export function isNormalAbsolute(p: string): boolean {
  if (sep !== '/' || !p.startsWith('/')) return false;
  if (p === '/') return true;
  return !p.endsWith('/') && !p.includes('//') && !p.includes('/./') && !p.includes('/../') && !p.endsWith('/.') && !p.endsWith('/..');
}

/**
 * A relative POSIX path of plain segments only (fast-glob's paths of a walk): joined to a
 * normalised path, it needs no normalising. Conservative: any segment starting with `.` is not plain.
 */
export function isPlainRelative(rel: string): boolean {
  return sep === '/' && rel !== '' && !rel.startsWith('.') && !rel.startsWith('/') && !rel.endsWith('/') && !rel.includes('/.') && !rel.includes('//');
}

/** `join(dir, rel)` for a normalised absolute `dir` and a plain `rel` ({@link isPlainRelative}). */
export function inFolder(dir: string, rel: string): string {
  return dir.endsWith(sep) ? dir + rel : dir + sep + rel;
}

/** `(rel) => join(folder, rel)`, the normalised prefix worked out once for plain `rel`s. */
function joinedTo(folder: string): (rel: string) => string {
  const prefix = join(folder, '_').slice(0, -1);
  return (rel) => (isPlainRelative(rel) ? prefix + rel : join(folder, rel));
}
