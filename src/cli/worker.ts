/**
 * The worker-thread entry for `--jobs N`: runs the task of each message (which writes its own
 * output under `--out`) and posts back its result (strings and counts only) with the message's
 * id. Started by pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerData, WorkerReply, WorkerRequest } from './pool.js';
import { runTask, type TaskEnv } from './task.js';

const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');
const flag = new Int32Array((workerData as WorkerData).cancel);
// Output folders this thread has checked, for the whole run.
const env: TaskEnv = { checked: new Set<string>(), cancelled: () => Atomics.load(flag, 0) === 1 };
port.on('message', ({ id, spec }: WorkerRequest) => {
  // After an interrupt, jobs already sent here are answered without being started.
  if (env.cancelled()) return void port.postMessage({ id, cancelled: true } satisfies WorkerReply);
  // An exception here becomes the worker's 'error' event, which the pool reports for the inputs it held.
  void runTask(spec, env).then((result) => port.postMessage(result === undefined ? { id, cancelled: true } : { id, result } satisfies WorkerReply));
});
