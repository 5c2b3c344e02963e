/**
 * Everything for people on stderr while a run goes: diagnostics, a progress bar and per-file
 * lines. The bar (cli-progress) is drawn only when stderr is a terminal and the run is not
 * `--quiet`; text written meanwhile is printed above it. Without a terminal, `--verbose` prints one
 * line per finished file instead, and otherwise nothing.
 */
import cliProgress from 'cli-progress';
import type { Verbosity } from './options.js';

/** The stderr side of a run. */
export interface Progress {
  /** Prints `text` (complete lines) without tearing the bar. */
  log(text: string): void;
  /** One input finished. */
  fileDone(name: string, articles: number): void;
  /** Removes the bar; call before the summary. */
  stop(): void;
}

/** A progress reporter for `total` inputs written to `stderr`. */
export function createProgress(stderr: NodeJS.WritableStream & { isTTY?: boolean }, total: number, verbosity: Verbosity): Progress {
  const write = (text: string): void => void stderr.write(text);
  if (stderr.isTTY === true && verbosity !== 'quiet' && total > 1) return barProgress(stderr, total);
  return {
    log: write,
    fileDone: (name, articles) => {
      if (verbosity === 'verbose') write(`${name}  ${articles} article${articles === 1 ? '' : 's'}\n`);
    },
    stop: () => {},
  };
}

function barProgress(stderr: NodeJS.WritableStream, total: number): Progress {
  const bars = new cliProgress.MultiBar({
    stream: stderr,
    format: '{bar} {value}/{total} files  {file}',
    barsize: 24,
    clearOnComplete: true,
    hideCursor: false,
    gracefulExit: false,
    autopadding: true,
  }, cliProgress.Presets.shades_classic);
  const bar = bars.create(total, 0, { file: '' });
  let done = 0;
  return {
    log: (text) => {
      bars.log(text);
      // MultiBar prints its log buffer on the next redraw; redraw now so order is kept.
      bars.update();
    },
    fileDone: (name) => bar.update(++done, { file: name }),
    stop: () => {
      bars.update();
      bars.stop();
    },
  };
}
