/**
 * Writing under `--out`. Every file is written atomically: to a hidden temporary file in the same
 * folder, then moved into place, so an interrupted run never leaves half a file. Without
 * `--force` the move is a hard link, which fails if the name exists, so a file that appeared
 * meanwhile is still never overwritten. Nothing is written outside `--out`, even through a
 * symbolic link inside it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, type Dirent, linkSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { link, lstat, mkdir, readdir, realpath, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, parse, relative } from 'node:path';
import { inFolder, isInside, isNormalAbsolute, isPlainRelative } from './inputs.js';
import { EXTENSIONS, type Format, type UsageError } from './options.js';

/** A path as the user would write it: relative to the working folder when inside it. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** Creates `out` if needed and proves it writable, before any work. */
export async function prepareOutDir(out: string): Promise<UsageError | undefined> {
  const fail = (why: string): UsageError => ({ code: 'output/not-writable', message: `cannot write to --out ${out}: ${why}; pick another folder` });
  try {
    await mkdir(out, { recursive: true });
  } catch (err) {
    return fail(reason(err));
  }
  // Permission bits alone do not tell (root ignores them; read-only mounts do not show): try.
  const probe = join(out, `.paper-split-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, '', { flag: 'wx' });
    await unlink(probe);
  } catch (err) {
    await rm(probe, { force: true }).catch(() => {});
    return fail(reason(err));
  }
  return undefined;
}

/** Our temporary names: `.NAME.PID-HEX.tmp` (writeAtomic) and `.paper-split-probe-PID-HEX` (prepareOutDir). */
const TEMP_NAME = /^\.(?:.+\.(?<pid>[0-9]+)-[0-9a-f]{8}\.tmp|paper-split-probe-(?<probe>[0-9]+)-[0-9a-f]{8})$/u;

/**
 * Removes temporary files of our naming under `out` that a killed run left behind (SIGKILL, a
 * power cut), so `--skip-existing` resumes cleanly. A file whose process still runs is another
 * run's, writing right now: it is left alone. Returns the paths removed.
 */
export async function sweepStaleTemps(out: string): Promise<string[]> {
  const removed: string[] = [];
  let entries: Dirent[];
  try {
    entries = await readdir(out, { recursive: true, withFileTypes: true });
  } catch {
    return removed;
  }
  for (const e of entries) {
    const m = e.isFile() ? TEMP_NAME.exec(e.name) : null;
    if (!m?.groups) continue;
    const pid = Number(m.groups.pid ?? m.groups.probe);
    if (pid !== process.pid && isRunning(pid)) continue;
    const path = join(e.parentPath, e.name);
    await rm(path, { force: true }).then(() => removed.push(path), () => {});
  }
  return removed;
}

/**
 * Removes this process's temporary files for `dest` (`.NAME.PID-HEX.tmp`): what a worker thread
 * that died while writing it (out of memory) left behind. Best effort; returns the paths removed.
 */
export function removeOwnTemps(dest: string): string[] {
  const dir = dirname(dest);
  const prefix = `.${basename(dest)}.${process.pid}-`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !TEMP_NAME.test(name)) continue;
    const path = join(dir, name);
    try {
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Left for the sweep of the next run.
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The output path of an input: `rel` under `out`, its extension replaced by the format's. */
export function outputPath(out: string, rel: string, format: Format): string {
  if (isNormalAbsolute(out) && isPlainRelative(rel)) {
    // What parse and join give, without their allocations (a batch makes this path for every file).
    const slash = rel.lastIndexOf('/');
    const dot = rel.lastIndexOf('.');
    return inFolder(out, (dot > slash + 1 ? rel.slice(0, dot) : rel) + EXTENSIONS[format]);
  }
  const { dir, name } = parse(rel);
  return join(out, dir, name + EXTENSIONS[format]);
}

/** True when something (a file, a link, a folder) already has this name. */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** What `writeAtomic` did. */
export type WriteOutcome = 'written' | 'exists';

/**
 * Writes `data` to `dest` atomically. Without `overwrite`, returns `exists` and writes nothing if
 * `dest` exists. Throws on I/O errors (after removing its temporary file).
 */
export async function writeAtomic(
  out: string,
  dest: string,
  data: string,
  overwrite: boolean,
  checked: Map<string, Promise<void>> = new Map(),
): Promise<WriteOutcome> {
  const dir = dirname(dest);
  // Each folder is created and checked once per run (`checked` is the run's cache), not per file.
  let ready = checked.get(dir);
  if (ready === undefined) {
    ready = checkFolder(out, dir);
    checked.set(dir, ready);
  }
  await ready;

  const tmp = join(dir, `.${basename(dest)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let tmpLeft = true;
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    if (overwrite) {
      await rename(tmp, dest);
      tmpLeft = false;
      return 'written';
    }
    try {
      await link(tmp, dest);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return 'exists';
      // File systems without hard links: check, then move (a narrow race, documented).
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
      if (await exists(dest)) return 'exists';
      await rename(tmp, dest);
      tmpLeft = false;
    }
    return 'written';
  } finally {
    if (tmpLeft) await rm(tmp, { force: true });
  }
}

/** Output gathered into writes of about this many UTF-16 units: few system calls, bounded memory. */
const WRITE_CHUNK = 1 << 20;

/**
 * {@link writeAtomic} with blocking calls, for the thread that renders the output (a worker, or
 * the main thread under `--jobs 1`): `pieces` are written as they come, so a big file's output is
 * never held whole. When `cancelled()` turns true between pieces (an interrupt), the temporary
 * file is removed and nothing is written. `checked` caches the folders checked by this thread.
 */
export function writeAtomicSync(
  out: string,
  dest: string,
  pieces: Iterable<string>,
  overwrite: boolean,
  checked: Set<string>,
  cancelled: () => boolean = () => false,
): WriteOutcome | 'cancelled' {
  const dir = dirname(dest);
  if (!checked.has(dir)) {
    checkFolderSync(out, dir);
    checked.add(dir);
  }
  const tmp = join(dir, `.${basename(dest)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let tmpLeft = true;
  let fd: number | undefined = openSync(tmp, 'wx');
  try {
    let buffer = '';
    for (const piece of pieces) {
      if (cancelled()) return 'cancelled';
      buffer += piece;
      if (buffer.length >= WRITE_CHUNK) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    if (buffer.length > 0) writeSync(fd, buffer);
    closeSync(fd);
    fd = undefined;
    if (cancelled()) return 'cancelled';
    if (overwrite) {
      renameSync(tmp, dest);
      tmpLeft = false;
      return 'written';
    }
    try {
      linkSync(tmp, dest);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return 'exists';
      // File systems without hard links: check, then move (a narrow race, as in writeAtomic).
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
      if (lstatSync(dest, { throwIfNoEntry: false }) !== undefined) return 'exists';
      renameSync(tmp, dest);
      tmpLeft = false;
    }
    return 'written';
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (tmpLeft) rmSync(tmp, { force: true });
  }
}

function checkFolderSync(out: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const realDir = realpathSync(dir);
  const realOut = realpathSync(out);
  if (!isInside(realDir, realOut)) throw new Error(`${dir} leads outside --out (to ${realDir})`);
}

/** Creates `dir` and checks that its real path stays inside `out` (a link could lead it elsewhere). */
async function checkFolder(out: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const [realDir, realOut] = await Promise.all([realpath(dir), realpath(out)]);
  if (!isInside(realDir, realOut)) throw new Error(`${dir} leads outside --out (to ${realDir})`);
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EEXIST':
      return 'a file of that name exists';
    default:
      return e.message;
  }
}
