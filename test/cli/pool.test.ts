import { describe, expect, it } from 'vitest';
import { batchHeapMb, chooseJobs, orderedMap, WORKER_HEAP_MB } from '../../src/cli/pool.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('orderedMap', () => {
  it('yields in input order whatever order tasks finish in', async () => {
    const delays = [30, 5, 20, 1, 10, 0];
    const out: number[] = [];
    for await (const v of orderedMap(delays, 3, async (d, i) => (await sleep(d), i), () => false)) out.push(v);
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('never has more than `window` tasks outstanding, finished-but-unyielded included', async () => {
    let outstanding = 0;
    let peak = 0;
    const started: number[] = [];
    const gen = orderedMap(Array.from({ length: 20 }, (_, i) => i), 4, async (i) => {
      started.push(i);
      outstanding++;
      peak = Math.max(peak, outstanding);
      await sleep(i % 3);
      return i;
    }, () => false);
    for await (const _ of gen) {
      outstanding--;
      await sleep(2);
    }
    expect(peak).toBe(4);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('stops taking items once stopped, and yields those already started', async () => {
    let stop = false;
    const started: number[] = [];
    const out: number[] = [];
    for await (const v of orderedMap([0, 1, 2, 3, 4, 5, 6, 7], 2, async (i) => (started.push(i), i), () => stop)) {
      out.push(v);
      if (v === 2) stop = true;
    }
    expect(out).toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('rethrows a task failure in order', async () => {
    const gen = orderedMap([1, 2, 3], 3, async (i) => {
      if (i === 2) throw new Error('boom');
      return i;
    }, () => false);
    const out: number[] = [];
    await expect((async () => { for await (const v of gen) out.push(v); })()).rejects.toThrow('boom');
    expect(out).toEqual([1]);
  });
});

describe('batchHeapMb (a batch worker\'s old-space cap)', () => {
  it.each([
    [0, WORKER_HEAP_MB],
    [100_000, WORKER_HEAP_MB],
    [Math.floor(1.3 * 2 ** 20), WORKER_HEAP_MB],
    [2 * 2 ** 20, 72],
    [20 * 2 ** 20, 720],
  ])('gives a run whose largest input has %i bytes %i MB', (largest, mb) => {
    expect(WORKER_HEAP_MB).toBe(48);
    expect(batchHeapMb(largest)).toBe(mb);
  });
});

describe('chooseJobs (the default --jobs)', () => {
  const KB = 1024;
  const MB = 1024 * KB;
  it.each<[string, number, number, number, number]>([
    ['one file, however large', 1, 500 * MB, 8, 1],
    ['a handful of small files', 5, 60 * KB, 8, 1],
    ['10,000 tiny files (1 KB)', 10_000, 10_000 * KB, 8, 1],
    ['3,000 files of 4 KB', 3_000, 3_000 * 4 * KB, 8, 1],
    ['40 pages of 100 KB (4 MB): too little work for a second thread', 40, 4 * MB, 8, 1],
    ['200 pages of 100 KB (20 MB)', 200, 20 * MB, 8, 5],
    ['3,000 pages of 12 KB (36 MB) on 2 CPUs', 3_000, 36 * MB, 2, 2],
    ['a large batch, capped at the CPUs', 10_000, 1_000 * MB, 8, 8],
    ['never more threads than inputs', 3, 300 * MB, 8, 3],
  ])('%s → %i threads', (_, files, bytes, cpus, expected) => {
    expect(chooseJobs({ files, bytes }, cpus)).toBe(expected);
  });
});
