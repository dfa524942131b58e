/**
 * `shequ-rules explain … --format dot|json-graph`, through the built CLI: the staffing rule for 3,100 households
 * and 150 floating ones (3,250 ÷ 600 = 5 remainder 250, rounded up: 6 workers) as DOT that Graphviz reads and as
 * JSON in /trace's shape; a format it does not know is refused with exit 2.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const TIMEOUT = 120_000;
const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli/bin.js', ...args], { encoding: 'utf8', timeout: TIMEOUT });
const STAFF = ['explain', 'staff', '--households', '3100', '--floating-households', '150'];

const HAVE_DOT = (() => {
  try {
    execFileSync('dot', ['-V'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
})();

describe('explain’s graph formats', () => {
  test(
    'json-graph: each node’s value, dependencies and parameters, exact',
    () => {
      const r = cli(...STAFF, '--format', 'json-graph');
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const g = JSON.parse(r.stdout);
      expect(g.of).toEqual({ rule: 'requiredStaff' });
      expect(g.requested).toEqual(['value:staff', 'value:totalHouseholds']);
      expect(g.trace['value:staff']).toEqual({
        value: '6',
        dependencies: ['operation:3', 'input:households', 'input:floatingHouseholds', 'parameter:staffing.householdsPerWorker', 'reading:I3'],
        parameters: { 'staffing.householdsPerWorker': '600', 'staffing.rounding': 'ceil' },
      });
      expect(g.trace['input:floatingHouseholds'].value).toBe('150');
    },
    TIMEOUT,
  );

  test(
    'dot: labelled in the language of --lang, read by Graphviz when it is installed',
    () => {
      const zh = cli(...STAFF, '--format', 'dot');
      expect(zh.status).toBe(0);
      expect(zh.stdout).toMatch(/^digraph "requiredStaff" \{/);
      expect(zh.stdout).toContain('label="所需社区工作者: 6 名", URL="#A.4.2"');
      const en = cli(...STAFF, '--format', 'dot', '--lang', 'en');
      expect(en.stdout).toContain('label="Workers required: 6 workers"');
      if (HAVE_DOT) expect(execFileSync('dot', ['-Tsvg'], { input: en.stdout, encoding: 'utf8', timeout: TIMEOUT })).toContain('Workers required: 6 workers');
    },
    TIMEOUT,
  );

  test(
    'a format explain does not know: exit 2, naming the graph’s formats',
    () => {
      const r = cli(...STAFF, '--format', 'svg');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('dot');
      expect(r.stderr).toContain('json-graph');
    },
    TIMEOUT,
  );
});
