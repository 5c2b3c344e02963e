import { describe, expect, it } from 'vitest';
import { orderedMap } from '../../src/cli/pool.js';

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
