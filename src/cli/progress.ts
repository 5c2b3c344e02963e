/**
 * Everything for people on stderr while a run goes: diagnostics, a progress bar and per-file
 * lines. The bar is drawn only when stderr is a terminal, the run is not `--quiet` and there is
 * more than one input. Without a terminal, `--verbose` prints one line per finished file instead,
 * and otherwise nothing.
 *
 * The bar is one line redrawn in place with `\r` and erase-to-end-of-line, cut to the terminal's
 * width by display width so that it never wraps (a wrapped line cannot be redrawn with `\r`, and
 * its first half would stay on screen). Line wrapping itself is left on, so diagnostics longer than
 * the terminal wrap and lose nothing. Before anything else is printed to the terminal, stderr or
 * stdout, the bar is erased; it comes back at the next update.
 */
import { displayWidth, truncate } from '../index.js';
import { formatCount } from './count.js';
import type { Verbosity } from './options.js';

/** The stderr side of a run. */
export interface Progress {
  /** Prints `text` (complete lines) on stderr without tearing the bar. */
  log(text: string): void;
  /** Erases the bar before something else is printed to the same terminal (stdout); it is redrawn at the next update. */
  hide(): void;
  /** One input finished. */
  fileDone(name: string, articles: number): void;
  /** Removes the bar for good; call before the summary. */
  stop(): void;
}

/** What the bar needs of stderr. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** Erases the current line: back to its start, then clear to its end. */
export const ERASE_LINE = '\r\u001b[K';

/** The least time between two redraws, so a batch of tiny files is not slowed by its bar. */
const REDRAW_MS = 100;

/** A progress reporter for `total` inputs written to `stderr`. */
export function createProgress(stderr: ProgressStream, total: number, verbosity: Verbosity, now: () => number = () => performance.now()): Progress {
  const write = (text: string): void => void stderr.write(text);
  if (stderr.isTTY === true && verbosity !== 'quiet' && total > 1) return barProgress(stderr, total, now);
  return {
    log: write,
    hide: () => {},
    fileDone: (name, articles) => {
      if (verbosity === 'verbose') write(`${name}  ${articles} article${articles === 1 ? '' : 's'}\n`);
    },
    stop: () => {},
  };
}

function barProgress(stderr: ProgressStream, total: number, now: () => number): Progress {
  const started = now();
  let done = 0;
  let file = '';
  /** Whether the bar is on screen now. */
  let shown = false;
  let drawnAt = -Infinity;
  let stopped = false;

  const erase = (): void => {
    if (shown) stderr.write(ERASE_LINE);
    shown = false;
  };
  const draw = (): void => {
    if (stopped) return;
    drawnAt = now();
    // One column short of the width: a line that fills the last column leaves some terminals waiting to wrap.
    const line = formatBar({ done, total, seconds: (drawnAt - started) / 1000, file }, (stderr.columns ?? 80) - 1);
    stderr.write((shown ? ERASE_LINE : '\r') + line);
    shown = true;
  };
  // The rate and the ETA change while a large file is split: redraw once a second meanwhile.
  const timer = setInterval(draw, 1000);
  timer.unref();
  draw();
  return {
    log: (text) => {
      erase();
      stderr.write(text);
      draw();
    },
    hide: erase,
    fileDone: (name) => {
      done++;
      file = name;
      if (!shown || now() - drawnAt >= REDRAW_MS || done === total) draw();
    },
    stop: () => {
      clearInterval(timer);
      erase();
      stopped = true;
    },
  };
}

/** What one frame of the bar shows. */
export interface BarState {
  done: number;
  total: number;
  /** Since the run started. */
  seconds: number;
  /** The input finished last. */
  file: string;
}

const BAR_CELLS = 20;

/**
 * One frame: `[##########..........] 120/2,920 files  41/s  ETA 1m08s  issues/2021/06-27.txt`, at most
 * `width` display columns (the file name is cut first, then the rest).
 */
export function formatBar(state: BarState, width: number): string {
  const { done, total, seconds } = state;
  const filled = total === 0 ? BAR_CELLS : Math.round((BAR_CELLS * done) / total);
  // ASCII: block characters are 'ambiguous width' and take two columns on some CJK terminals.
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_CELLS - filled)}]`;
  const rate = seconds > 0 ? done / seconds : 0;
  const parts = [bar, `${formatCount(done)}/${formatCount(total)} files`];
  if (done > 0 && seconds >= 0.5) {
    parts.push(`${rate >= 10 ? formatCount(Math.round(rate)) : rate.toFixed(1)}/s`);
    parts.push(`ETA ${formatDuration((total - done) / rate)}`);
  }
  let line = parts.join('  ');
  if (state.file !== '') {
    const room = width - displayWidth(line) - 2;
    if (room >= 8) line += '  ' + truncate(state.file, room);
  }
  return displayWidth(line) <= width ? line : truncate(line, width);
}

/** `5s`, `1m08s`, `2h03m`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
