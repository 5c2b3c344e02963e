/**
 * The CLI entry: `run(argv, io)` resolves to the exit code; only bin/paper-split.js sets it.
 * stdout carries data only; everything for people goes to stderr.
 */
import { Command, CommanderError } from 'commander';
import { splitFile } from '../file.js';
import type { Issue } from '../types.js';

/** The streams and environment the CLI may touch, injected so tests run it in process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Exit codes: 0 all processed, 1 some input unusable, 2 usage error. */
export const EXIT = { ok: 0, unusable: 1, usage: 2 } as const;

export async function run(argv: string[], io: CliIo): Promise<number> {
  const program = new Command('paper-split')
    .argument('<inputs...>', 'files to split')
    .option('-f, --format <format>', 'json', 'json')
    .option('--issue-date <date>', 'the issue date, YYYY-MM-DD')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw err;
  }
  const opts = program.opts<{ format: string; issueDate?: string }>();
  const issues: Issue[] = [];
  for (const input of program.args) {
    issues.push(await splitFile(input, opts.issueDate ? { issueDate: opts.issueDate } : {}));
  }
  for (const issue of issues) for (const d of issue.diagnostics) if (d.severity !== 'info') io.stderr.write(`${d.file}  ${d.severity}  ${d.message}  ${d.code}\n`);
  io.stdout.write(JSON.stringify(issues.length === 1 ? issues[0] : issues, null, 2) + '\n');
  return issues.some((i) => i.diagnostics.some((d) => d.severity === 'error')) ? EXIT.unusable : EXIT.ok;
}
