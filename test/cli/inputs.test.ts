import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, globBase, isInside } from '../../src/cli/inputs.js';
import { tempDir } from './helpers.js';

let root: string;
const ctx = (over: Partial<Parameters<typeof expandInputs>[1]> = {}): Parameters<typeof expandInputs>[1] => ({
  cwd: root,
  follow: false,
  stdinName: '<stdin>',
  out: undefined,
  ...over,
});

beforeAll(async () => {
  root = await tempDir();
  // issues/ b.txt, a.TXT, notes.md, sub/c.txt, dir.txt/ (a folder), .hidden.txt, links
  await mkdir(join(root, 'issues/sub'), { recursive: true });
  await mkdir(join(root, 'issues/dir.txt'));
  await mkdir(join(root, 'outside/deep'), { recursive: true });
  await mkdir(join(root, 'empty'));
  for (const f of ['issues/b.txt', 'issues/a.TXT', 'issues/notes.md', 'issues/sub/c.txt', 'issues/.hidden.txt', 'outside/o.txt', 'outside/deep/d.txt', 'empty/readme.md']) {
    await writeFile(join(root, f), f);
  }
  await symlink('notes.md', join(root, 'issues/link-in.txt'));
  await symlink('b.txt', join(root, 'issues/same-as-b.txt'));
  await symlink('../outside/o.txt', join(root, 'issues/link-out.txt'));
  await symlink('../outside/deep', join(root, 'issues/dirlink'));
});

const summary = (r: Awaited<ReturnType<typeof expandInputs>>): unknown =>
  r[0] ?? { inputs: r[1]!.inputs.map((i) => [i.kind, i.name, i.rel]), single: r[1]!.single, codes: r[1]!.diagnostics.map((d) => `${d.file} ${d.code}`) };

describe('expandInputs', () => {
  it('walks a folder for *.txt (any case), recursively, sorted; skips dot files, folders, links out of it and second names of a file', async () => {
    expect(summary(await expandInputs(['issues'], ctx()))).toEqual({
      inputs: [
        ['file', 'issues/a.TXT', 'a.TXT'],
        ['file', 'issues/b.txt', 'b.txt'],
        ['file', 'issues/link-in.txt', 'link-in.txt'],
        ['file', 'issues/sub/c.txt', 'sub/c.txt'],
      ],
      single: false,
      codes: ['issues/link-out.txt input/symlink-outside'],
    });
  });

  it('follows links out of the folder, and into linked folders, with --follow', async () => {
    expect(summary(await expandInputs(['issues/'], ctx({ follow: true })))).toEqual({
      inputs: [
        ['file', 'issues/a.TXT', 'a.TXT'],
        ['file', 'issues/b.txt', 'b.txt'],
        ['file', 'issues/dirlink/d.txt', 'dirlink/d.txt'],
        ['file', 'issues/link-in.txt', 'link-in.txt'],
        ['file', 'issues/link-out.txt', 'link-out.txt'],
        ['file', 'issues/sub/c.txt', 'sub/c.txt'],
      ],
      single: false,
      codes: [],
    });
  });

  it('expands a glob relative to its base; a folder it matches is walked', async () => {
    expect(summary(await expandInputs(['issues/*'], ctx()))).toEqual({
      inputs: [
        ['file', 'issues/a.TXT', 'a.TXT'],
        ['file', 'issues/b.txt', 'b.txt'],
        // issues/notes.md is the file link-in.txt leads to, already taken under that name.
        ['file', 'issues/link-in.txt', 'link-in.txt'],
        ['file', 'issues/sub/c.txt', 'sub/c.txt'],
      ],
      single: false,
      codes: ['issues/link-out.txt input/symlink-outside'],
    });
    expect(summary(await expandInputs(['issues/**/c.txt'], ctx()))).toMatchObject({ inputs: [['file', 'issues/sub/c.txt', 'sub/c.txt']] });
  });

  it('reads each file once when --follow meets a link cycle', async () => {
    await mkdir(join(root, 'cycle/sub'), { recursive: true });
    await writeFile(join(root, 'cycle/a.txt'), 'a');
    await symlink('..', join(root, 'cycle/sub/loop'));
    expect(summary(await expandInputs(['cycle'], ctx({ follow: true })))).toEqual({ inputs: [['file', 'cycle/a.txt', 'a.txt']], single: false, codes: [] });
  });

  it('skips a FIFO inside a folder with input/not-regular; takes one named as an operand as a stream', async () => {
    await mkdir(join(root, 'fifos'));
    await writeFile(join(root, 'fifos/a.txt'), 'a');
    execFileSync('mkfifo', [join(root, 'fifos/pipe.txt')]);
    expect(summary(await expandInputs(['fifos'], ctx()))).toEqual({ inputs: [['file', 'fifos/a.txt', 'a.txt']], single: false, codes: ['fifos/pipe.txt input/not-regular'] });
    const [, operand] = await expandInputs(['fifos/pipe.txt', '/dev/null'], ctx());
    expect(operand!.inputs.map((i) => [i.name, i.kind === 'file' && i.stream === true])).toEqual([['fifos/pipe.txt', true], ['/dev/null', true]]);
  });

  it('--follow: a link to a folder inside the walked one adds nothing; links between outside folders that loop end', async () => {
    await mkdir(join(root, 'loops/in/sub'), { recursive: true });
    await mkdir(join(root, 'loops/ext'));
    await writeFile(join(root, 'loops/in/sub/s.txt'), 's');
    await writeFile(join(root, 'loops/ext/e.txt'), 'e');
    await symlink('sub', join(root, 'loops/in/again'));
    await symlink('../ext', join(root, 'loops/in/ext'));
    await symlink('../in', join(root, 'loops/ext/back'));
    await symlink('.', join(root, 'loops/ext/self'));
    expect(summary(await expandInputs(['loops/in'], ctx({ follow: true })))).toEqual({
      inputs: [['file', 'loops/in/ext/e.txt', 'ext/e.txt'], ['file', 'loops/in/sub/s.txt', 'sub/s.txt']],
      single: false,
      codes: [],
    });
  });

  it('takes a file operand as it is, missing or not, named as typed', async () => {
    expect(summary(await expandInputs(['issues/notes.md', 'missing.txt'], ctx()))).toEqual({
      inputs: [
        ['file', 'issues/notes.md', 'notes.md'],
        ['file', 'missing.txt', 'missing.txt'],
      ],
      single: false,
      codes: [],
    });
    expect(summary(await expandInputs(['issues/b.txt'], ctx()))).toMatchObject({ single: true });
  });

  it('reads - as stdin, named by --stdin-name, once', async () => {
    expect(summary(await expandInputs(['-', '-'], ctx({ stdinName: 'x/2021-06-27.txt' })))).toEqual({
      inputs: [['stdin', 'x/2021-06-27.txt', '2021-06-27.txt']],
      single: false,
      codes: [],
    });
    expect(summary(await expandInputs(['-'], ctx()))).toEqual({ inputs: [['stdin', '<stdin>', 'stdin']], single: true, codes: [] });
  });

  it('drops repeats of the same file, whatever the name', async () => {
    expect(summary(await expandInputs(['issues/b.txt', 'issues'], ctx()))).toMatchObject({
      inputs: [
        ['file', 'issues/b.txt', 'b.txt'],
        ['file', 'issues/a.TXT', 'a.TXT'],
        ['file', 'issues/link-in.txt', 'link-in.txt'],
        ['file', 'issues/sub/c.txt', 'sub/c.txt'],
      ],
    });
  });

  it('never reads the --out folder as input', async () => {
    expect(summary(await expandInputs(['issues'], ctx({ out: join(root, 'issues/sub') })))).toMatchObject({
      inputs: [
        ['file', 'issues/a.TXT', 'a.TXT'],
        ['file', 'issues/b.txt', 'b.txt'],
        ['file', 'issues/link-in.txt', 'link-in.txt'],
      ],
    });
  });

  it.each([
    [['empty'], 'the folder empty holds no *.txt files; check the path or quote the glob'],
    [['nothing/*.txt'], 'the glob nothing/*.txt matches no files; check the path or quote the glob'],
    [['issues/b.txt', 'outside/*.md'], 'the glob outside/*.md matches no files; check the path or quote the glob'],
  ])('a folder or glob matching nothing is a usage error: %j', async (operands, message) => {
    expect(await expandInputs(operands, ctx())).toEqual([{ code: 'input/no-match', message }]);
  });

  it('a glob matching only folders without *.txt matches nothing', async () => {
    expect(await expandInputs(['emp*'], ctx())).toEqual([{ code: 'input/no-match', message: 'the glob emp* matches no files; check the path or quote the glob' }]);
  });
});

describe('globBase', () => {
  it.each([
    ['*.txt', '.'],
    ['issues/*.txt', 'issues'],
    ['issues/2021-*/*.txt', 'issues'],
    ['a/b/**/*.txt', 'a/b'],
    ['/abs/x/*.txt', '/abs/x'],
    ['/*.txt', '/'],
  ])('%s → %s', (pattern, base) => {
    expect(globBase(pattern)).toBe(base);
  });
});

describe('isInside', () => {
  it.each([
    ['/a/b', '/a', true],
    ['/a', '/a', true],
    ['/ab', '/a', false],
    ['/a/../b', '/a', false],
    ['/a/..b', '/a', true],
  ])('%s in %s: %s', (child, parent, inside) => {
    expect(isInside(child, parent)).toBe(inside);
  });
});
