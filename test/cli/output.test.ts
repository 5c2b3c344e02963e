import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { outputPath, prepareOutDir, writeAtomic, writeAtomicSync } from '../../src/cli/output.js';
import { tempDir } from './helpers.js';

let root: string;
let out: string;
beforeEach(async () => {
  root = await tempDir();
  out = join(root, 'out');
  await mkdir(out);
});

/** Every name under `dir`, recursively, dot files included. */
async function tree(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).sort();
}

describe('outputPath', () => {
  it.each([
    ['a.txt', 'json', '/o/a.json'],
    ['sub/deep/a.txt', 'ndjson', '/o/sub/deep/a.ndjson'],
    ['a.TXT', 'csv', '/o/a.csv'],
    ['noext', 'text', '/o/noext.summary.txt'],
    ['a.txt', 'text', '/o/a.summary.txt'],
    ['a.txt', 'tsv', '/o/a.tsv'],
    ['a.b.txt', 'json', '/o/a.b.json'],
  ] as const)('%s as %s → %s', (rel, format, expected) => {
    expect(outputPath('/o', rel, format)).toBe(expected);
  });
});

describe('prepareOutDir', () => {
  it('creates missing folders and leaves no probe behind', async () => {
    expect(await prepareOutDir(join(out, 'a/b'))).toBeUndefined();
    expect(await tree(out)).toEqual(['a', 'a/b']);
  });

  it('refuses a path under a regular file', async () => {
    await writeFile(join(root, 'file'), 'x');
    expect(await prepareOutDir(join(root, 'file/out'))).toEqual({
      code: 'output/not-writable',
      message: `cannot write to --out ${join(root, 'file/out')}: a part of the path is a file, not a folder; pick another folder`,
    });
  });
});

describe('writeAtomic', () => {
  it('writes a new file, creating its folders, and leaves no temporary file', async () => {
    const dest = join(out, 'sub/a.json');
    expect(await writeAtomic(out, dest, '{}\n', false)).toBe('written');
    expect(await readFile(dest, 'utf8')).toBe('{}\n');
    expect(await tree(out)).toEqual(['sub', 'sub/a.json']);
  });

  it('does not overwrite without being told to', async () => {
    const dest = join(out, 'a.json');
    await writeFile(dest, 'old');
    expect(await writeAtomic(out, dest, 'new', false)).toBe('exists');
    expect(await readFile(dest, 'utf8')).toBe('old');
    expect(await tree(out)).toEqual(['a.json']);
  });

  it('overwrites when told to', async () => {
    const dest = join(out, 'a.json');
    await writeFile(dest, 'old');
    expect(await writeAtomic(out, dest, 'new', true)).toBe('written');
    expect(await readFile(dest, 'utf8')).toBe('new');
    expect(await tree(out)).toEqual(['a.json']);
  });

  it('replaces a link at the destination instead of writing through it', async () => {
    await writeFile(join(root, 'victim'), 'safe');
    const dest = join(out, 'a.json');
    await symlink(join(root, 'victim'), dest);
    expect(await writeAtomic(out, dest, 'exists?', false)).toBe('exists');
    expect(await writeAtomic(out, dest, 'new', true)).toBe('written');
    expect(await readFile(join(root, 'victim'), 'utf8')).toBe('safe');
    expect(await readFile(dest, 'utf8')).toBe('new');
  });

  it('refuses a folder inside --out that links outside it', async () => {
    await mkdir(join(root, 'elsewhere'));
    await symlink(join(root, 'elsewhere'), join(out, 'sub'));
    await expect(writeAtomic(out, join(out, 'sub/a.json'), 'x', true)).rejects.toThrow(`${join(out, 'sub')} leads outside --out`);
    expect(await tree(join(root, 'elsewhere'))).toEqual([]);
  });
});

describe('writeAtomicSync', () => {
  it('writes the pieces as they come, and leaves nothing but the file', async () => {
    const dest = join(out, 'sub', 'a.json');
    expect(writeAtomicSync(out, dest, ['{', '"a": 1', '}\n'], false, new Set())).toBe('written');
    expect(await readFile(dest, 'utf8')).toBe('{"a": 1}\n');
    expect(await tree(out)).toEqual(['sub', 'sub/a.json']);
  });

  it('never replaces a file without overwrite, and does with it', async () => {
    const dest = join(out, 'a.json');
    await writeFile(dest, 'old');
    expect(writeAtomicSync(out, dest, ['new'], false, new Set())).toBe('exists');
    expect(await readFile(dest, 'utf8')).toBe('old');
    expect(writeAtomicSync(out, dest, ['new'], true, new Set())).toBe('written');
    expect(await readFile(dest, 'utf8')).toBe('new');
    expect(await tree(out)).toEqual(['a.json']);
  });

  it('stops between pieces once cancelled, its temporary file removed', async () => {
    let cancelled = false;
    function* pieces(): Generator<string> {
      yield 'one';
      cancelled = true;
      yield 'two';
    }
    expect(writeAtomicSync(out, join(out, 'a.json'), pieces(), false, new Set(), () => cancelled)).toBe('cancelled');
    expect(await tree(out)).toEqual([]);
  });

  it('refuses a folder that leads outside --out through a link', async () => {
    await mkdir(join(root, 'elsewhere'));
    await symlink(join(root, 'elsewhere'), join(out, 'link'));
    expect(() => writeAtomicSync(out, join(out, 'link', 'a.json'), ['x'], false, new Set())).toThrow(/leads outside --out/u);
    expect(await readdir(join(root, 'elsewhere'))).toEqual([]);
  });
});
