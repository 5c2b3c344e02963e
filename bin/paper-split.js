#!/usr/bin/env node
// The executable: hand argv and the process's streams to the CLI; only this file sets the exit code.
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
