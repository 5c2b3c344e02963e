#!/usr/bin/env node
// The executable: hand argv and the process's streams to the CLI; only this file sets the exit code.
// The first Ctrl-C, SIGTERM or SIGHUP asks the run to stop cleanly (exit 130, 143, 129); a second
// of the same kind kills it at once.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

const argv = process.argv.slice(2);

// `--version` alone needs none of the pipeline: answer before loading it (start-up time).
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // A reader gone before the line is written (`--version | true`) is no error.
  process.stdout.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
  });
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { run } = await import('../dist/cli/run.js');
  const interrupt = new AbortController();
  // SIGTERM (kill, systemd, docker stop) and SIGHUP (a closed terminal) end a batch as Ctrl-C does.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => interrupt.abort(signal));
  process.exitCode = await run(argv, {
    // Made on first use: opening stdin costs start-up time, and a run that names its files never reads it.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: interrupt.signal,
    // A big run's heap grows by a quarter at most between full collections (see TIGHT_HEAP_BYTES).
    tightenHeap: () => setFlagsFromString('--heap-growing-percent=25'),
  });
}
