/**
 * The library's one I/O entry: read a file and split it. Read errors become diagnostics on the
 * returned issue (never a throw), so a batch can carry on past a bad file.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { collectArticles, type HandedBytes, type LazyIssue, splitBytesLazily, splitHandedBytesLazily } from './pipeline.js';
import type { Issue, Options } from './types.js';

/** Reads `path` and splits it. `options.name` defaults to `path`. */
export async function splitFile(path: string, options: Options = {}): Promise<Issue> {
  return collectArticles(await splitFileLazily(path, options));
}

/** {@link splitFile}, the articles left to build as they are read, and the decoded text (see `LazyIssue`). */
export async function splitFileLazily(path: string, options: Options = {}): Promise<LazyIssue> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return { issue: unreadable(path, options, err), articles: [], articleCount: 0 };
  }
  return splitBytesLazily(bytes, { ...options, name: options.name ?? path });
}

/**
 * {@link splitFile} with a blocking read: for worker threads and scripts, where waiting on the
 * thread pool for every small file costs more than the read itself.
 */
export function splitFileSync(path: string, options: Options = {}): Issue {
  return collectArticles(splitFileLazilySync(path, options));
}

/**
 * {@link splitFileSync}, the articles left to build as they are read (see `LazyIssue`): for a
 * writer that formats each as it comes. The file's bytes are not held while the articles are built.
 */
export function splitFileLazilySync(path: string, options: Options = {}): LazyIssue {
  const read = readHanded(path);
  if (read.error !== undefined) return { issue: unreadable(path, options, read.error), articles: [], articleCount: 0 };
  return splitHandedBytesLazily(read, { ...options, name: options.name ?? path });
}

/**
 * The bytes of `path` in an object of their own (or the read error), so that no frame holds them
 * but the pipeline's, which lets go of them once decoded (`HandedBytes`).
 */
function readHanded(path: string): HandedBytes & { error?: unknown } {
  try {
    return { input: readFileSync(path) };
  } catch (error) {
    return { error };
  }
}

/** The issue of a file that cannot be read: no articles, one error naming the path and the fix. */
function unreadable(path: string, options: Options, err: unknown): Issue {
  const name = options.name ?? path;
  const code = (err as NodeJS.ErrnoException).code;
  const [diag, message] =
    code === 'ENOENT' ? ['input/not-found', `no such file: ${path}; check the path`]
    : code === 'EACCES' || code === 'EPERM' ? ['input/permission-denied', `permission denied reading ${path}; check its permissions`]
    : code === 'EISDIR' ? ['input/is-directory', `${path} is a folder; pass the folder as an input to split every *.txt inside it`]
    : ['input/unreadable', `cannot read ${path}: ${(err as Error).message}`];
  return {
    source: name, encoding: options.encoding ?? 'utf-8', articles: [], leftovers: [],
    diagnostics: [{ severity: 'error', code: diag, message, file: name }],
  };
}
