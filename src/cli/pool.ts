/**
 * Running tasks: in process, or on a pool of worker threads; and `orderedMap`, which keeps a
 * bounded number of tasks in flight and yields their results in input order. Memory is bounded
 * by the window, not by the number of inputs: a result waits only until those before it are out.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runTask, type TaskResult, type TaskSpec } from './task.js';

/** Runs tasks somewhere; `close` releases whatever it holds. */
export interface TaskRunner {
  run(spec: TaskSpec): Promise<TaskResult>;
  close(): Promise<void>;
}

/** Runs each task on the main thread: no start-up cost, for `--jobs 1` and single inputs. */
export function inProcessRunner(): TaskRunner {
  return { run: runTask, close: async () => {} };
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * A pool of `size` worker threads, or the in-process runner when there is no compiled worker
 * next to this module (running from the TypeScript sources, as the in-process tests do).
 */
export function createRunner(size: number): TaskRunner {
  if (size <= 1 || !existsSync(fileURLToPath(WORKER_URL))) return inProcessRunner();
  return new WorkerPool(size);
}

interface Job {
  spec: TaskSpec;
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

/** Worker threads that take one job at a time from a shared queue. A crashed worker is replaced. */
class WorkerPool implements TaskRunner {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private live = 0;
  private closed = false;

  constructor(private readonly size: number) {}

  run(spec: TaskSpec): Promise<TaskResult> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ spec, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('cancelled'));
    const all = [...this.idle.splice(0), ...this.busy.keys()];
    for (const job of this.busy.values()) job.reject(new Error('cancelled'));
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.live < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.spec);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL);
    this.live++;
    worker.on('message', (result: TaskResult) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      job?.resolve(result);
      this.dispatch();
    });
    const fail = (err: Error): void => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      this.live--;
      job?.reject(err);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.busy.has(worker) || this.idle.includes(worker)) fail(new Error(`a worker thread exited with code ${code}`));
    });
    return worker;
  }
}

/**
 * Applies `fn` to each item with at most `window` calls outstanding (running, or finished but not
 * yet yielded), yielding results in input order. Stops taking new items once `stopped()` is true.
 */
export async function* orderedMap<T, R>(
  items: Iterable<T>,
  window: number,
  fn: (item: T, index: number) => Promise<R>,
  stopped: () => boolean,
): AsyncGenerator<R> {
  const pending: Promise<{ ok: true; value: R } | { ok: false; error: unknown }>[] = [];
  const it = items[Symbol.iterator]();
  let index = 0;
  let exhausted = false;
  const fill = (): void => {
    while (!exhausted && pending.length < window && !stopped()) {
      const next = it.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      // Settle every promise at once so one left behind by an early exit is never an unhandled rejection.
      pending.push(fn(next.value, index++).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error })));
    }
  };
  fill();
  while (pending.length > 0) {
    const settled = await pending.shift()!;
    if (!settled.ok) throw settled.error;
    yield settled.value;
    fill();
  }
}
