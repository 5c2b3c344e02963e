/**
 * The library's one I/O entry: read a file and split it. Read errors become diagnostics on the
 * returned issue (never a throw), so a batch can carry on past a bad file.
 */
import { readFile } from 'node:fs/promises';
import { splitBytes } from './pipeline.js';
import type { Issue, Options } from './types.js';

/** Reads `path` and splits it. `options.name` defaults to `path`. */
export async function splitFile(path: string, options: Options = {}): Promise<Issue> {
  const name = options.name ?? path;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
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
  return splitBytes(bytes, { ...options, name });
}
