/**
 * Running tasks: in process, or on a pool of worker threads; and `orderedMap`, which keeps a
 * bounded number of tasks in flight and yields their results in input order. Memory is bounded
 * by the window, not by the number of inputs: a result waits only until those before it are out.
 */
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runTask, type TaskResult, type TaskSpec } from './task.js';

/** How much work a run has: the number of inputs and their size. */
export interface Workload {
  files: number;
  /** Total bytes, or an estimate from a sample of the inputs. */
  bytes: number;
}

/**
 * Below this average input size the main thread's share of each file (ordering, messages,
 * writing) outweighs the splitting, so threads add start-up time and memory and nothing else.
 * Measured on 2 CPUs, 3,000 files: 1 KB each 0.69 s on one thread vs 1.01 s on two; 4 KB 1.00 s vs
 * 1.33 s; 12 KB 2.89 s vs 2.52 s.
 */
const SMALL_FILE_BYTES = 8 * 1024;

/** Splitting worth one more thread: about a quarter of a second, well over a worker's start-up. */
const BYTES_PER_THREAD = 4 * 1024 * 1024;

/**
 * The default `--jobs`: one thread for a handful of inputs or small files, otherwise one per
 * BYTES_PER_THREAD of input, at most `cpus` (and never more than the inputs).
 */
export function chooseJobs(work: Workload, cpus: number): number {
  if (work.files <= 1 || work.bytes / work.files < SMALL_FILE_BYTES) return 1;
  return Math.max(1, Math.min(cpus, work.files, Math.floor(work.bytes / BYTES_PER_THREAD)));
}

/** Runs tasks somewhere; `close` releases whatever it holds. */
export interface TaskRunner {
  /** True when tasks run on this thread: a task's output may then be pieces read as it is written. */
  readonly inProcess: boolean;
  run(spec: TaskSpec): Promise<TaskResult>;
  /**
   * Stops starting tasks (an interrupt): those not started reject with {@link CANCELLED}; one
   * running finishes, or stops between output pieces and removes its temporary file.
   */
  cancel(): void;
  close(): Promise<void>;
}

/** The message of a task rejected because the run was cancelled. */
export const CANCELLED = 'cancelled';

/** Runs each task on the main thread: no start-up cost, for `--jobs 1` and single inputs. */
export function inProcessRunner(): TaskRunner {
  let cancelled = false;
  const env = { checked: new Set<string>(), cancelled: () => cancelled };
  return {
    inProcess: true,
    run: async (spec) => (await runTask(spec, env)) ?? Promise.reject(new Error(CANCELLED)),
    cancel: () => void (cancelled = true),
    close: async () => {},
  };
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
  id: number;
  spec: TaskSpec;
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

/** What goes to a worker and what comes back: a job and its result, matched by `id`. */
export interface WorkerRequest {
  id: number;
  spec: TaskSpec;
}
export type WorkerReply = { id: number; result: TaskResult } | { id: number; cancelled: true };

/** What a worker starts with: a flag the pool sets on an interrupt (an Int32Array of one, 1 = cancelled). */
export interface WorkerData {
  cancel: SharedArrayBuffer;
}

/**
 * Each worker's old-space cap: a file that needs more fails alone (the message says how to run
 * it) instead of the batch growing without bound. A quarter of the memory shared out, 512 MB to
 * 2 GB; a single input runs on the main thread, without a cap.
 */
export function workerHeapMb(size: number, memory = totalmem()): number {
  return Math.round(Math.min(2048, Math.max(512, memory / 4 / size / 2 ** 20)));
}

/**
 * Jobs a worker holds at once. Two, so that it starts the next file while its last result travels
 * back and waits for the main thread: with one, every file pays that round trip idle.
 */
const JOBS_PER_WORKER = 2;

/** Worker threads that take jobs from a shared queue, a couple at a time. A crashed worker is replaced. */
class WorkerPool implements TaskRunner {
  private readonly queue: Job[] = [];
  /** Each live worker and the jobs it holds, by id. */
  private readonly held = new Map<Worker, Map<number, Job>>();
  private nextId = 0;
  private closed = false;
  readonly inProcess = false;
  private readonly cancelFlag = new SharedArrayBuffer(4);
  private readonly heapMb: number;

  constructor(private readonly size: number) {
    this.heapMb = workerHeapMb(size);
  }

  cancel(): void {
    Atomics.store(new Int32Array(this.cancelFlag), 0, 1);
    for (const job of this.queue.splice(0)) job.reject(new Error(CANCELLED));
  }

  run(spec: TaskSpec): Promise<TaskResult> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, spec, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('cancelled'));
    const workers = [...this.held.keys()];
    for (const jobs of this.held.values()) for (const job of jobs.values()) job.reject(new Error('cancelled'));
    this.held.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.leastBusy();
      if (!worker) return;
      const job = this.queue.shift()!;
      this.held.get(worker)!.set(job.id, job);
      worker.postMessage({ id: job.id, spec: job.spec } satisfies WorkerRequest);
    }
  }

  /** The worker holding the fewest jobs, below the limit; a new one while the pool is not full. */
  private leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    for (const [worker, jobs] of this.held) {
      if (jobs.size === 0) return worker;
      if (jobs.size < JOBS_PER_WORKER && (best === undefined || jobs.size < this.held.get(best)!.size)) best = worker;
    }
    if (this.held.size < this.size) return this.spawn();
    return best;
  }

  private spawn(): Worker {
    const workerData: WorkerData = { cancel: this.cancelFlag };
    const worker = new Worker(WORKER_URL, { workerData, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    const jobs = new Map<number, Job>();
    this.held.set(worker, jobs);
    worker.on('message', (reply: WorkerReply) => {
      const job = jobs.get(reply.id);
      jobs.delete(reply.id);
      if ('result' in reply) job?.resolve(reply.result);
      else job?.reject(new Error(CANCELLED));
      this.dispatch();
    });
    const fail = (err: Error): void => {
      if (!this.held.has(worker)) return;
      this.held.delete(worker);
      // A worker takes its jobs in order: the oldest was running and failed; the others never
      // started, so they go back to the queue for another worker.
      const [running, ...waiting] = [...jobs.values()].sort((a, b) => a.id - b.id);
      const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      running?.reject(oom ? new Error(`it needs more memory than a worker thread's ${this.heapMb} MB; split it on its own (a single input runs on the main thread, without that cap)`) : err);
      if (this.closed || Atomics.load(new Int32Array(this.cancelFlag), 0) === 1) for (const job of waiting) job.reject(new Error(CANCELLED));
      else this.queue.unshift(...waiting);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a worker thread exited with code ${code}`)));
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
