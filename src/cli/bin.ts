#!/usr/bin/env node
import { main } from './main.js';

// Every write to standard output waits for its result and meets its error there (main.ts: a full disk is exit 2, a
// reader that stops early, `| head`, ends quietly with the verdict's code); an error on standard error has nowhere to
// be said. Neither is an unhandled 'error' event.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`shequ-rules: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
