/**
 * The worker threads' memory caps, on the BUILT worker (dist/; `npm test` builds first): a file
 * that runs out of memory on a batch worker runs again on a roomy worker, with the same output
 * file; one that runs out there too fails alone, its message naming the cap, and no temporary
 * file is left either way. The caps are lowered so that a 2 MB issue outgrows them.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Pool from '../../src/cli/pool.js';
import type { TaskSpec } from '../../src/cli/task.js';
import { ROOT, SEED_A, tempDir } from './helpers.js';

const POOL = join(ROOT, 'dist/cli/pool.js');
let pool: typeof Pool;
let dir: string;
/** About 2 MB: seed A's pages over and over, as one issue. */
let big: string;

beforeAll(async () => {
  if (!existsSync(POOL)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this file');
  pool = (await import(POOL)) as typeof Pool;
  dir = await tempDir();
  const page = await readFile(join(ROOT, SEED_A), 'utf8');
  big = join(dir, '2021-06-27-big.txt');
  await writeFile(big, Array.from({ length: Math.ceil(2e6 / Buffer.byteLength(page)) }, () => page).join('\n\n'));
});

function specFor(path: string, out: string): TaskSpec {
  return {
    input: { kind: 'file', path, name: path },
    encoding: undefined,
    issueDate: undefined,
    render: { format: 'json', arrayItem: false },
    showInfo: false,
    out: { root: out, dest: join(out, 'big.json'), overwrite: false, cwd: dir },
    pieces: false,
  };
}

describe('worker heap caps', () => {
  it('runs a file again on a roomy worker when it outgrows a batch worker, with the same output', async () => {
    const [inProcess, pooled] = [await tempDir(), await tempDir()];
    const local = pool.createRunner(1);
    expect((await local.run(specFor(big, inProcess))).written?.ok).toBe(true);
    const runner = pool.createRunner(2, { batchMb: 16 });
    try {
      const result = await runner.run(specFor(big, pooled));
      expect(result.written).toEqual({ ok: true, diagnostics: [] });
      expect(runner.retried).toBe(1);
    } finally {
      await runner.close();
    }
    expect(await readdir(pooled)).toEqual(['big.json']);
    expect(await readFile(join(pooled, 'big.json'))).toEqual(await readFile(join(inProcess, 'big.json')));
  }, 60_000);

  it('fails that file alone when it outgrows the roomy worker too, naming the cap, and leaves no temporary file', async () => {
    const out = await tempDir();
    const runner = pool.createRunner(2, { batchMb: 16, roomyMb: 16 });
    try {
      await expect(runner.run(specFor(big, out))).rejects.toThrow("it needs more memory than a worker thread's 16 MB; split it on its own (a single input runs on the main thread, without that cap)");
      expect(runner.retried).toBe(1);
      // The pool carries on: a small file after it is split as usual.
      const small = await runner.run({ ...specFor(join(ROOT, SEED_A), out), out: { root: out, dest: join(out, 'small.json'), overwrite: false, cwd: dir } });
      expect(small.written?.ok).toBe(true);
    } finally {
      await runner.close();
    }
    expect(await readdir(out)).toEqual(['small.json']);
  }, 60_000);
});
