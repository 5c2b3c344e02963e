/**
 * The worker-thread entry for `--jobs N`: runs the task of each message and posts back its result
 * (strings and counts only) with the message's id. Started by pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './pool.js';
import { runTask } from './task.js';

const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');
port.on('message', ({ id, spec }: WorkerRequest) => {
  // An exception here becomes the worker's 'error' event, which the pool reports for the inputs it held.
  void runTask(spec).then((result) => port.postMessage({ id, result } satisfies WorkerReply));
});
