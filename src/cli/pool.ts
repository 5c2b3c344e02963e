/**
 * Running tasks: in process, or on a pool of worker threads; and `orderedMap`, which keeps a
 * bounded number of tasks in flight and yields their results in input order. Memory is bounded
 * by the window, not by the number of inputs: a result waits only until those before it are out.
 */
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { removeOwnTemps } from './output.js';
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
  /** Tasks run again on a roomy worker after running out of memory on a batch worker. */
  readonly retried: number;
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
    retried: 0,
    run: async (spec) => (await runTask(spec, env)) ?? Promise.reject(new Error(CANCELLED)),
    cancel: () => void (cancelled = true),
    close: async () => {},
  };
}

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Old-space caps of the worker threads in MB; the defaults are {@link WORKER_HEAP_MB} and {@link roomyHeapMb}. */
export interface HeapCaps {
  batchMb?: number;
  roomyMb?: number;
}

/**
 * A pool of `size` worker threads, or the in-process runner when there is no compiled worker
 * next to this module (running from the TypeScript sources, as the in-process tests do).
 */
export function createRunner(size: number, caps: HeapCaps = {}): TaskRunner {
  if (size <= 1 || !existsSync(fileURLToPath(WORKER_URL))) return inProcessRunner();
  return new WorkerPool(size, caps.batchMb ?? WORKER_HEAP_MB, caps.roomyMb ?? roomyHeapMb(size));
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
 * A batch worker's old-space cap for small inputs. V8 grows a heap long before it must: capped at a
 * quarter of the memory, each of two workers grew from about 55 MB after 500 files to 90–105 MB
 * after 8,000, with 12 MB live after each full collection, so a batch's memory grew with its
 * length. A tight cap costs speed, as the worker then collects all the time. Measured on the bench
 * corpus (`npm run bench`, 2 workers, `--out`; 8,000 files' peak RSS over 500's, and `--jobs 2`
 * against two processes on halves): 32 MB 1.07× and 0.65×; 40 MB 1.08× and 0.85–0.97×; 43 MB 1.13×
 * and 0.94×; 48 MB 1.13× and 0.97×; 64 MB 1.18× and 0.93×; no cap 1.45× and 1.01×. 48 MB keeps
 * the speed and bounds the memory of a batch of any length. A file that needs more runs again on a
 * roomy worker ({@link roomyHeapMb}), with the same output.
 *
 * The young generation is left at V8's default. Capped as well (`resourceLimits.maxYoungGenerationSizeMb`,
 * same measures, one run each): 8 MB 149 / 160 MB peak (1.07×) and 0.72×; 24 MB 174 / 185 MB (1.06×)
 * and 0.85×; 32 MB 187 / 207 MB (1.11×), the speed unchanged; default 186 / 209 MB (1.13×) and 1.00×.
 * The smaller young generations are cheaper in memory but their scavenges cost a third of the speed.
 * With the old space capped nothing grows over a batch: the RSS of an 8,000-file run, sampled every
 * 3 s, stays between 178 and 205 MB from its first seconds to its last; the 8,000 / 500 ratio is
 * that swing, which a run of a few seconds (500 files) samples less of.
 */
export const WORKER_HEAP_MB = 48;

/**
 * MB of old space a batch worker is given per MB of the largest input, when that is more than
 * {@link WORKER_HEAP_MB}: a file's records at their peak take several times its size, and a worker
 * kept near its cap collects all the time (16 files of 2 MB: 10.9 s at 40 MB, 6.5 s at 72, 5.7 s
 * uncapped). Up to about 1.3 MB the base cap holds.
 */
const HEAP_MB_PER_INPUT_MB = 36;

/** The old-space cap of a batch worker for a run whose largest input has `largest` bytes. */
export function batchHeapMb(largest: number): number {
  return Math.max(WORKER_HEAP_MB, Math.ceil((HEAP_MB_PER_INPUT_MB * largest) / 2 ** 20));
}

/**
 * The old-space cap of a roomy worker, which runs alone a file that ran out of memory on a batch
 * worker: a file that needs even more fails alone (the message says how to run it) instead of the
 * batch growing without bound. A quarter of the memory shared out, 512 MB to 2 GB; a single input
 * runs on the main thread, without a cap.
 */
export function roomyHeapMb(size: number, memory = totalmem()): number {
  return Math.round(Math.min(2048, Math.max(512, memory / 4 / size / 2 ** 20)));
}

/**
 * Jobs a worker holds at once. Two, so that it starts the next file while its last result travels
 * back and waits for the main thread: with one, every file pays that round trip idle.
 */
const JOBS_PER_WORKER = 2;

/**
 * Worker threads that take jobs from a shared queue, a couple at a time. A crashed worker is
 * replaced. A job that ran out of memory on a batch worker is run again, alone, on a roomy worker
 * that takes the place of the one that failed and is ended when no such job is left.
 */
class WorkerPool implements TaskRunner {
  private readonly queue: Job[] = [];
  /** Jobs waiting for a roomy worker, in order. */
  private readonly roomyQueue: Job[] = [];
  /** Each live worker and the jobs it holds, by id. */
  private readonly held = new Map<Worker, Map<number, Job>>();
  /** The live workers that are roomy (they are in `held` too). */
  private readonly roomy = new Set<Worker>();
  private nextId = 0;
  private closed = false;
  readonly inProcess = false;
  private readonly cancelFlag = new SharedArrayBuffer(4);
  retried = 0;

  constructor(
    private readonly size: number,
    private readonly batchMb: number,
    private readonly roomyMb: number,
  ) {}

  private get cancelled(): boolean {
    return Atomics.load(new Int32Array(this.cancelFlag), 0) === 1;
  }

  cancel(): void {
    Atomics.store(new Int32Array(this.cancelFlag), 0, 1);
    for (const job of [...this.queue.splice(0), ...this.roomyQueue.splice(0)]) job.reject(new Error(CANCELLED));
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
    for (const job of [...this.queue.splice(0), ...this.roomyQueue.splice(0)]) job.reject(new Error('cancelled'));
    const workers = [...this.held.keys()];
    for (const jobs of this.held.values()) for (const job of jobs.values()) job.reject(new Error('cancelled'));
    this.held.clear();
    this.roomy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    // Roomy jobs first, so the place of a worker that ran out of memory goes to a roomy one.
    while (this.roomyQueue.length > 0) {
      const worker = [...this.roomy].find((w) => this.held.get(w)!.size === 0) ?? (this.held.size < this.size ? this.spawn(true) : undefined);
      if (!worker) break;
      this.send(worker, this.roomyQueue.shift()!);
    }
    while (this.queue.length > 0) {
      const worker = this.leastBusy();
      if (!worker) return;
      this.send(worker, this.queue.shift()!);
    }
  }

  private send(worker: Worker, job: Job): void {
    this.held.get(worker)!.set(job.id, job);
    worker.postMessage({ id: job.id, spec: job.spec } satisfies WorkerRequest);
  }

  /** The batch worker holding the fewest jobs, below the limit; a new one while the pool is not full. */
  private leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    for (const [worker, jobs] of this.held) {
      if (this.roomy.has(worker)) continue;
      if (jobs.size === 0) return worker;
      if (jobs.size < JOBS_PER_WORKER && (best === undefined || jobs.size < this.held.get(best)!.size)) best = worker;
    }
    if (this.held.size < this.size) return this.spawn(false);
    return best;
  }

  /** Ends a roomy worker once it holds no job and none waits for it: its heap is let go. */
  private retireIfIdle(worker: Worker): void {
    if (!this.roomy.has(worker) || this.held.get(worker)!.size > 0 || this.roomyQueue.length > 0) return;
    this.held.delete(worker);
    this.roomy.delete(worker);
    void worker.terminate();
  }

  private spawn(roomy: boolean): Worker {
    const workerData: WorkerData = { cancel: this.cancelFlag };
    const worker = new Worker(WORKER_URL, { workerData, resourceLimits: { maxOldGenerationSizeMb: roomy ? this.roomyMb : this.batchMb } });
    const jobs = new Map<number, Job>();
    this.held.set(worker, jobs);
    if (roomy) this.roomy.add(worker);
    worker.on('message', (reply: WorkerReply) => {
      const job = jobs.get(reply.id);
      jobs.delete(reply.id);
      if ('result' in reply) job?.resolve(reply.result);
      else job?.reject(new Error(CANCELLED));
      this.retireIfIdle(worker);
      this.dispatch();
    });
    const fail = (err: Error): void => {
      if (!this.held.has(worker)) return;
      this.held.delete(worker);
      this.roomy.delete(worker);
      // A worker takes its jobs in order: the oldest was running and failed; the others never
      // started, so they go back to the queue for another worker.
      const [running, ...waiting] = [...jobs.values()].sort((a, b) => a.id - b.id);
      const stopping = this.closed || this.cancelled;
      // A thread that dies leaves its temporary file behind; the job's next try writes its own.
      if (running?.spec.out !== undefined) removeOwnTemps(running.spec.out.dest);
      const oom = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (running !== undefined && oom && !roomy && !stopping) {
        this.retried++;
        this.roomyQueue.push(running);
      } else running?.reject(oom ? new Error(`it needs more memory than a worker thread's ${this.roomyMb} MB; split it on its own (a single input runs on the main thread, without that cap)`) : err);
      if (stopping) for (const job of waiting) job.reject(new Error(CANCELLED));
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
