/**
 * The worker-thread entry for `--jobs N`: runs one task per message and posts back its result
 * (strings and counts only). Started by pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import { runTask, type TaskSpec } from './task.js';

const port = parentPort;
if (!port) throw new Error('worker.js must run as a worker thread');
port.on('message', (spec: TaskSpec) => {
  // An exception here becomes the worker's 'error' event, which the pool reports for this input.
  void runTask(spec).then((result) => port.postMessage(result));
});
