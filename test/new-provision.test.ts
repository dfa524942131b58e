/**
 * A provision added to the city's list by following CONTRIBUTING.md — four files in its own folder and its entry
 * in the list, nothing else — reaches every part of the library (issue 20): the library is copied, the made-up
 * provision in test/new-provision/ is put in a folder of its own with a finding id and a place taken from the list
 * (the next Q-id after the list's, after the provision of its clause), and each part is asked about it; the
 * harness, the fast-path properties and the architecture checks run on the copy.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { NINGGUO_2011 } from '../src/policies/ningguo-2011.js';

const root = mkdtempSync(join(tmpdir(), 'shequ-new-provision-'));
afterAll(() => (process.env.KEEP_COPY ? console.log(root) : rmSync(root, { recursive: true, force: true })));

// Its id and place, from the list: the Q-id after the highest the list has, and the place after the provision of its clause.
const highest = Math.max(...NINGGUO_2011.flatMap((p) => p.quantities.map((q) => Number(/^Q(\d+)$/.exec(q)?.[1] ?? 0))));
const QID = `Q${highest + 1}`;
const after = [...NINGGUO_2011].reverse().find((p) => p.clause === 'A.4.2')!;
const FOLDER = `${after.id}-minimum-workers`;

test('a new provision in one folder reaches evaluation, batch, every report format, explain, audit, clause registry and book', {
  timeout: 900_000,
}, async () => {
  for (const item of ['src', 'scripts', 'test', 'examples', 'package.json', 'vitest.config.ts']) cpSync(item, join(root, item), { recursive: true });
  // The copy's own tsconfig: the library, the tests and the probe.
  writeFileSync(
    join(root, 'tsconfig.json'),
    readFileSync('tsconfig.json', 'utf8').replace(
      /"include": \[[^\]]*\],?\s*("exclude": \[[^\]]*\])?/,
      '"include": ["src", "scripts", "probe.ts"], "exclude": []',
    ),
  );
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  // Four files in the provision's folder …
  const folder = join(root, 'src/provisions', FOLDER);
  mkdirSync(folder);
  const files = ['parameters.ts', 'minimum-workers.ts', 'provision.ts', 'cases.json'];
  for (const f of files)
    writeFileSync(join(folder, f), readFileSync(join('test/new-provision', f), 'utf8').replaceAll('__QID__', QID).replaceAll('__FOLDER__', FOLDER));
  expect(readdirSync(folder).sort()).toEqual([...files].sort());
  // … and its entry in the list, after the provision of its clause: nothing else of the library is edited.
  const listFile = join(root, 'src/policies/ningguo-2011.ts');
  const list = readFileSync(listFile, 'utf8');
  const name = /import (\w+) from '\.\.\/provisions\/([^/]+)\/provision\.js';/g;
  const local = [...list.matchAll(name)].find((m) => m[2] === after.id)![1]!;
  const edited = list
    .replace(`import ${local} from '../provisions/${after.id}/provision.js';`, `$&\nimport minimum from '../provisions/${FOLDER}/provision.js';`)
    .replace(new RegExp(`\\b${local}, `), `${local}, minimum, `);
  expect(edited.split('\n').length - list.split('\n').length).toBe(1); // one line: the import; the list gains one name
  writeFileSync(listFile, edited);
  cpSync('test/new-provision/probe.ts', join(root, 'probe.ts'));
  // Asynchronously: a synchronous child would block this worker for minutes, and vitest's messages to it time out.
  const run = async (args: string[], timeout: number) =>
    (await promisify(execFile)(process.execPath, args, { cwd: root, encoding: 'utf8', timeout, maxBuffer: 64 << 20 })).stdout;
  // The copy type-checks: Policy gains the rule's method from the list, with its input and result types.
  await run([resolve('node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.'], 300_000);
  const seen = JSON.parse(await run([resolve('node_modules/tsx/dist/cli.mjs'), 'probe.ts', QID], 180_000));
  expect(seen).toEqual({
    rule: 1,
    amended: 2,
    asOf: 2,
    before: 1,
    finding: ['fail', 'pass'],
    owed: '1',
    batch: { pass: 1, fail: 1, unknown: 0 },
    batchTotal: true,
    text: true,
    html: true,
    formats: { text: true, markdown: true, json: true, ndjson: true, html: true, xlsx: true },
    explain: true,
    clause: true,
    book: true,
    audit: true,
  });
  // The tests that hold every provision of the list: its fixtures, the harness, the fast paths, the architecture.
  // (A test that pinned a total following from the number of checks would fail here.)
  await run(
    [
      resolve('node_modules/vitest/vitest.mjs'),
      'run',
      'test/fixtures.test.ts',
      'test/fast-paths.test.ts',
      'test/harness.test.ts',
      'test/architecture.test.ts',
      'src/evaluate/',
      'src/report/',
      'test/properties.test.ts',
    ],
    500_000,
  );
});
