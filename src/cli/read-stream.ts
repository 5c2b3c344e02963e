/**
 * Reading what has no size known in advance: stdin, and a FIFO or device named as an operand. Two
 * bounds, so that `paper-split /dev/zero` or a runaway pipe ends with an error instead of eating
 * memory: the first 64 KB are checked for binary data (NUL bytes that are not UTF-16 text) before
 * reading on, and reading stops past `--max-size`. Either way the stream is closed at once.
 */
import { createReadStream } from 'node:fs';
import { type Diagnostic, type Issue, looksBinary } from '../index.js';
import { type Render, renderIssue, type TaskResult } from './task.js';

/** Bytes read before the binary check: what the decode stage samples too. */
export const BINARY_CHECK_BYTES = 64 * 1024;

/** The bytes of a stream, or why reading it stopped. */
export type StreamRead = { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic };

/** Reads `stream` whole, within the bounds above. `name` names it in the diagnostics. */
export async function readBounded(stream: NodeJS.ReadableStream, name: string, maxSize: number, signal?: AbortSignal): Promise<StreamRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  let checked = false;
  const destroy = (): void => void (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  const stop = (diagnostic: Diagnostic): StreamRead => {
    destroy();
    return { ok: false, diagnostic };
  };
  // An interrupt must not wait for a stream that never ends.
  signal?.addEventListener('abort', destroy, { once: true });
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      chunks.push(buf);
      size += buf.length;
      if (size > maxSize) return stop(tooLarge(name, maxSize));
      if (!checked && size >= BINARY_CHECK_BYTES) {
        checked = true;
        const head = Buffer.concat(chunks);
        chunks.length = 0;
        chunks.push(head);
        if (looksBinary(head.subarray(0, BINARY_CHECK_BYTES))) return stop(binary(name, head.indexOf(0)));
      }
    }
  } catch (err) {
    if (signal?.aborted) return interruptedRead(name);
    return { ok: false, diagnostic: { severity: 'error', code: 'input/unreadable', message: `cannot read ${name}: ${(err as Error).message}`, file: name } };
  } finally {
    signal?.removeEventListener('abort', destroy);
  }
  if (signal?.aborted) return interruptedRead(name);
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** Reads a FIFO or device path (opening a FIFO waits for its writer). */
export function readStreamFile(path: string, name: string, maxSize: number, signal?: AbortSignal): Promise<StreamRead> {
  return readBounded(createReadStream(path, { highWaterMark: BINARY_CHECK_BYTES }), name, maxSize, signal);
}

function interruptedRead(name: string): StreamRead {
  return { ok: false, diagnostic: { severity: 'error', code: 'input/interrupted', message: 'interrupted while reading; nothing was written for it', file: name } };
}

function tooLarge(name: string, maxSize: number): Diagnostic {
  return {
    severity: 'error',
    code: 'input/too-large',
    message: `more than ${formatSize(maxSize)} (--max-size); stopped reading. Split the input, or pass a larger --max-size, e.g. --max-size ${formatSize(maxSize * 2).replace(' ', '')}`,
    file: name,
  };
}

function binary(name: string, nul: number): Diagnostic {
  return {
    severity: 'error',
    code: 'decode/binary',
    message: `binary data (a NUL byte at byte ${nul} of the first 64 KB, which read as text in no supported encoding); stopped reading: this is not a text dump`,
    file: name,
  };
}

/** `536870912` → `512 MB`. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [['GB', 2 ** 30], ['MB', 2 ** 20], ['KB', 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** The task result of an input refused while it was read: an issue with its one error, rendered. */
export function refusedResult(name: string, diagnostic: Diagnostic, render: Render): TaskResult {
  const issue: Issue = { source: name, encoding: 'utf-8', articles: [], leftovers: [], diagnostics: [diagnostic] };
  return {
    output: renderIssue(issue, render).output,
    articles: 0,
    unusable: true,
    counts: { error: 1, warning: 0, info: 0 },
    diagnostics: [{ ...diagnostic, point: { line: 1, column: 1 } }],
  };
}
