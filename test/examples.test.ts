/** The example scripts run against the built package, as a user would run them. */
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

const run = (script: string) => spawnSync(process.execPath, [script], { encoding: 'utf8' });

test('examples/evaluate-city.mjs lists the 11 failing findings and the totals', () => {
  const r = run('examples/evaluate-city.mjs');
  expect(r.stderr).toBe('');
  expect(r.stdout).toContain('11 findings fail:');
  expect(r.stdout).toContain('Subsidy still owed: 15000 yuan (by-days reading: 15000)');
  expect(r.stdout).toContain('Urban communities meeting every check: 29 of 36');
}, 60_000); // starts a process

test('examples/standard-community.mjs prints the standard community and the schedules', () => {
  const r = run('examples/standard-community.mjs');
  expect(r.stderr).toBe('');
  expect(r.stdout).toContain('Office and service rooms: 400 m² [A.3.4]');
  expect(r.stdout).toContain('Community workers: 5 [A.4.2, I3 ceil]');
  expect(r.stdout).toMatch(/2013 +1200000\.00 +1210000\.00/);
}, 60_000); // starts a process
