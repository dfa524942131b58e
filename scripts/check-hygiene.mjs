#!/usr/bin/env node
// Supply chain and hygiene: no known vulnerability in what users install, and
// a CSV reader that stays linear on pathological input.
import { execFileSync } from 'node:child_process';
import { CsvSyntaxError, CsvTokenizer } from '../dist/csv/tokenizer.js';

let failed = false;

// 1. npm audit of the runtime dependencies only.
try {
  execFileSync('npm', ['audit', '--omit=dev', '--audit-level=low'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  console.log('hygiene: npm audit --omit=dev: no vulnerabilities');
} catch (e) {
  const output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  if (/audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT/.test(output) && !/found \d+ .*vulnerabilit/.test(output)) {
    // The registry this machine reaches does not serve the audit endpoint: say so, loudly; this is not a pass.
    console.log(
      `hygiene: npm audit --omit=dev COULD NOT RUN: the registry refused the audit request (${(output.match(/\d{3} [A-Za-z ]+ - POST/) ?? ['no answer'])[0]}); runtime dependencies: ${Object.keys(JSON.parse(execFileSync('npm', ['pkg', 'get', 'dependencies'], { encoding: 'utf8' }))).join(', ')}`,
    );
  } else {
    failed = true;
    console.error(`hygiene: npm audit --omit=dev FAILED\n${output}`);
  }
}

// 2. The CSV tokenizer (every CSV is read with it) on 10 MB of quotes and separators, as bytes: it reads each
// byte once, so time grows with size, not with its square, or it refuses at its limits (a row over 1 MiB, more
// than 4,096 fields) as soon as they are passed. Timings are noisy on a shared machine: the goal is under a
// second; only over 5 s fails.
const MB = 1024 * 1024;
const inputs = {
  'one quoted field of escaped quotes': `"${'""'.repeat(5 * MB - 1)}"\n`,
  'only commas': ','.repeat(10 * MB),
  'quote-comma pairs': '"",'.repeat(Math.floor((10 * MB) / 3)),
  'quoted line breaks': `"${'\n'.repeat(10 * MB - 2)}"`,
  'a stray quote at the very end': `${'a,'.repeat(5 * MB - 1)}a"`,
};
for (const [name, text] of Object.entries(inputs)) {
  const bytes = Buffer.from(text);
  let rows = 0;
  const tokenizer = new CsvTokenizer({ row: () => void rows++ });
  const t = performance.now();
  let outcome = 'parsed';
  try {
    for (let i = 0; i < bytes.length; i += 64 * 1024) tokenizer.push(bytes.subarray(i, i + 64 * 1024));
    tokenizer.finish();
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    outcome = `refused: ${e.message.slice(0, 50)}`;
  }
  const ms = performance.now() - t;
  const slow = ms > 5000;
  failed ||= slow;
  console.log(`hygiene: CSV bytes ${name} (${(bytes.length / MB).toFixed(1)} MB): ${ms.toFixed(0)} ms, ${outcome}${slow ? ' — TOO SLOW' : ''}`);
}

if (failed) process.exitCode = 1;
