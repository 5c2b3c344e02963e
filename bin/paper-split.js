#!/usr/bin/env node
// The executable: hand argv and the process's streams to the CLI; only this file sets the exit code.
// The first Ctrl-C asks the run to stop cleanly (exit 130); a second one kills it at once.
import { run } from '../dist/cli/run.js';

const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
});
