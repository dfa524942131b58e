/**
 * The CLI as users run it: the built binary, spawned. (`npm test` builds first.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readEvaluation } from '../src/evaluation.js';
import { count as COUNT } from '../src/kinds.js';

const BIN = 'dist/cli/bin.js';
const dir = mkdtempSync(join(tmpdir(), 'shequ-cli-'));

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const good = {
  id: 'c1',
  name: '东苑社区',
  kind: 'urban',
  households: 3000,
  residents: 8000,
  roomAreaM2: 400,
  staff: 5,
  roomsOnGroundFloor: true,
  oneStopWindow: true,
  streetSubsidyPaid: 30000,
};
const dataset = (patch: Record<string, unknown> = {}, community: Record<string, unknown> = {}) =>
  JSON.stringify({
    year: 2013,
    communities: [{ ...good, ...community }],
    villages: { total: 10, covered: 9 },
    funding: { baseYearTotal: 100, budgets: { '2013': 120 } },
    ...patch,
  });
const HEADER = 'id,name,kind,households,residents,roomAreaM2,staff,roomsOnGroundFloor,oneStopWindow,streetSubsidyPaid';
const csvRow = 'c1,东苑社区,urban,3000,8000,400,5,true,true,30000';

// Every test here starts a process: each sets a timeout fit for a busy two-core machine.
describe('shequ-rules report', { timeout: 60_000 }, () => {
  test('the example city: Chinese by default, exit 1 because findings fail', () => {
    const r = run(['report', 'examples/city.json']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('社区建设政策合规报告');
    expect(r.out).toMatch(/✗  明珠社区 c15 +工作人员 \(Q8\) +A\.4\.2 +6 名 +4 名 /);
    expect(r.err).toBe('');
  });

  test('--lang en and markdown', () => {
    expect(run(['report', 'examples/city.json', '--lang', 'en']).out).toContain('Community-building compliance report');
    expect(run(['report', 'examples/city.json', '--format', 'markdown']).out).toMatch(/^# 社区建设政策合规报告/);
  });

  test('a dataset where everything passes exits 0', () => {
    const r = run(['report', file('ok.json', dataset())]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  test('JSON output round-trips through readEvaluation, with exact decimals as strings', () => {
    const r = run(['report', 'examples/city.json', '--format', 'json']);
    const parsed = JSON.parse(r.out);
    // The failing and unknown findings by default; --all adds the passing ones.
    expect(parsed.findings).toHaveLength(14);
    expect(parsed.findings.map((f: { status: string }) => f.status)).not.toContain('pass');
    expect(JSON.parse(run(['report', 'examples/city.json', '--format', 'json', '--all']).out).findings).toHaveLength(230);
    expect(parsed.summary.owed.roomsM2).toBe('100');
    const back = readEvaluation(r.out);
    expect(back.summary.owed.developerFundsYuan!.toString()).toBe('350000');
  });

  test('CSV with --year, from a file and from standard input', () => {
    const csv = `${HEADER}\n${csvRow}\nc2,西园社区,urban,3000,8000,300,5,true,true,30000\n`;
    // Unwrapped (--width 0), so that a message is one line to look for; the wrapping is test/text-width.test.ts's.
    const fromFile = run(['report', file('two.csv', csv), '--year', '2013', '--lang', 'en', '--width', '0']);
    expect(fromFile.code).toBe(1);
    expect(fromFile.out).toContain('Rooms 300 m² against 400 m²: 100 m² short');
    const fromStdin = run(['report', '-', '--year', '2013', '--lang', 'en', '--width', '0'], csv);
    // The same report, but for the name of the input in the part that says what was read.
    const report = (out: string) => out.slice(0, out.indexOf('Data read:'));
    expect(report(fromStdin.out)).toBe(report(fromFile.out));
    expect(fromStdin.out).toContain('  -: CSV, encoding UTF-8\n');
  });

  test('JSON from standard input', () => {
    expect(run(['report', '-'], dataset()).code).toBe(0);
  });

  test('a UTF-8 BOM (as spreadsheet programs write) is accepted', () => {
    // One standard community that passes everything. A CSV carries no villages, budgets or projects: those city checks
    // are not evaluated, each with its reason (issue 10), so even --strict exits 0.
    const r = run(['report', file('bom.csv', `\uFEFF${HEADER}\n${csvRow}\n`), '--year', '2013', '--format', 'json', '--strict']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out).summary;
    expect(summary.counts).toEqual({ pass: 7, fail: 0, unknown: 0 });
    expect(summary.notEvaluated.map((n: { provision: string; subject: string }) => `${n.provision} ${n.subject}`)).toEqual([
      'Q6 city',
      'Q9 city/2013',
      'Q11/Q12 projects',
      'Q3 city',
    ]);
  });

  test('quoted fields with commas, quotes and line breaks are read', () => {
    const r = run([
      'report',
      file('quoted.csv', `${HEADER}\r\nc1,"东苑, ""老"" 社区",urban,3000,8000,400,5,true,true,30000\r\n`),
      '--year',
      '2013',
      '--format',
      'json',
      '--all',
    ]);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).findings[0].subject).toBe('c1');
  });

  test('NDJSON: one finding a line, failing and unknown by default, the summary last; --limit keeps the worst', () => {
    const lines = run(['report', 'examples/city.json', '--format', 'ndjson'])
      .out.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const summary = lines.pop();
    expect(summary.summary.counts).toEqual({ pass: 216, fail: 11, unknown: 3 });
    expect(lines).toHaveLength(14);
    expect(lines.map((f: { status: string }) => f.status)).not.toContain('pass');
    const two = run(['report', 'examples/city.json', '--format', 'ndjson', '--limit', '2']).out.trim().split('\n');
    expect(two).toHaveLength(3);
    expect(JSON.parse(two[0]!).status).toBe('fail');
    expect(run(['report', 'examples/city.json', '--format', 'ndjson', '--all']).out.trim().split('\n')).toHaveLength(231);
  });

  test('--params changes the reading', () => {
    const params = file('floor.json', JSON.stringify({ staffing: { rounding: 'floor' } }));
    const r = run(['report', file('c15.json', dataset({}, { households: 3100, staff: 5 })), '--params', params, '--format', 'json', '--all']);
    expect(JSON.parse(r.out).findings.find((f: { provision: string }) => f.provision === 'Q8').status).toBe('pass');
  });

  // Bad input: exit code 2 and a message that names the file, the row and the field.
  const bad: [string, () => string[], RegExp][] = [
    [
      'a count given as text',
      () => ['report', file('b1.json', dataset({}, { households: '3k' }))],
      /b1\.json: communities\[0\]\.households: expected a whole number ≥ 0 .*, got "3k"/,
    ],
    ['a negative count', () => ['report', file('b2.json', dataset({}, { residents: -5 }))], /communities\[0\]\.residents: .*got -5/],
    ['a fraction of a worker', () => ['report', file('b3.json', dataset({}, { staff: 4.5 }))], /communities\[0\]\.staff/],
    [
      'duplicate community ids',
      () => ['report', file('b4.json', JSON.stringify({ year: 2013, communities: [good, good] }))],
      /communities\[1\]\.id: duplicate id "c1"/,
    ],
    [
      'an unknown field, with a suggestion',
      () => ['report', file('b5.json', dataset({}, { staf: 5 }))],
      /communities\[0\]\.staf: unknown field \(did you mean "staff"\?\)/,
    ],
    ['an unknown top-level field', () => ['report', file('b6.json', dataset({ yaer: 2013 }))], /b6\.json: yaer: unknown field \(did you mean "year"\?\)/],
    ['a missing year', () => ['report', file('b7.json', JSON.stringify({ communities: [] }))], /b7\.json: year: is required/],
    ['a year out of range', () => ['report', file('b8.json', dataset({ year: 3013 }))], /year: expected a whole-number year from 1900 to 2100, got 3013/],
    [
      'an unknown kind of community',
      () => ['report', file('b9.json', dataset({}, { kind: 'town' }))],
      /communities\[0\]\.kind: expected 'urban' or 'rural', got "town"/,
    ],
    [
      'a decimal comma',
      () => ['report', file('b10.json', dataset({}, { roomAreaM2: '400,5' }))],
      /communities\[0\]\.roomAreaM2: expected a finite number ≥ 0 or a decimal string/,
    ],
    [
      'a day that does not exist',
      () => ['report', file('b11.json', dataset({}, { activeFrom: '2013-02-30' }))],
      /communities\[0\]\.activeFrom: expected a day of the calendar/,
    ],
    [
      'more villages covered than there are',
      () => ['report', file('b12.json', dataset({ villages: { total: 10, covered: 11 } }))],
      /villages\.covered: expected at most villages\.total \(10\), got 11/,
    ],
    [
      'a budget key that is not a year',
      () => ['report', file('b13.json', dataset({ funding: { baseYearTotal: 1, budgets: { twenty: 1 } } }))],
      /funding\.budgets/,
    ],
    ['broken JSON', () => ['report', file('b14.json', '{"year": 2013, "communities": [')], /b14\.json: not valid JSON/],
    ['an empty JSON file', () => ['report', file('b15.json', '')], /b15\.json: the file is empty/],
    [
      'bytes that are neither UTF-8 nor GB18030',
      () => [
        'report',
        file(
          'b16.csv',
          Buffer.concat([Buffer.from(`${HEADER}\nc1,`), Buffer.from([0xb6, 0xab, 0xff, 0xff]), Buffer.from(',urban,3000,8000,400,5,true,true,30000\n')]),
        ),
        '--year',
        '2013',
      ],
      /b16\.csv: near byte 0: bytes that are not valid GB18030/,
    ],
    [
      'a UTF-16 file with a header and no rows',
      () => ['report', file('b17.csv', Buffer.from(`\uFEFF${HEADER}\n`, 'utf16le')), '--year', '2013'],
      /b17\.csv: no community rows to evaluate/,
    ],
    [
      'a quoted field that is never closed',
      () => ['report', file('b18.csv', `${HEADER}\n${csvRow}\n"c2,x,urban,1,1,1,1,true,true,1\n`), '--year', '2013'],
      /b18\.csv: line 3: a quoted field is not closed/,
    ],
    [
      'a stray quote inside a field',
      () => ['report', file('b19.csv', `${HEADER}\nc1,东"苑,urban,3000,8000,400,5,true,true,30000\n`), '--year', '2013'],
      /b19\.csv: line 2: a quote inside an unquoted field/,
    ],
    [
      'a row with too few fields: the cells it lacks are empty, and required',
      () => ['report', file('b20.csv', `${HEADER}\n${csvRow}\nc2,x,urban\n`), '--year', '2013', '--lang', 'en'],
      /b20\.csv: line 3, households: is empty; households is required\n.*b20\.csv: line 3, residents: is empty; residents is required/,
    ],
    [
      'an unknown column',
      () => ['report', file('b21.csv', `${HEADER},floor\n${csvRow},1\n`), '--year', '2013', '--lang', 'en'],
      /b21\.csv: line 1, floor: column 11 "floor" is not a community field/,
    ],
    [
      'a missing required column',
      () => ['report', file('b22.csv', 'id,name,kind,households\nc1,x,urban,3000\n'), '--year', '2013', '--lang', 'en'],
      /b22\.csv: line 1: the header lacks the required column 常住人口\/residents/,
    ],
    [
      'a CSV without a year anywhere',
      () => ['report', file('b23.csv', `${HEADER}\n${csvRow}\n`), '--lang', 'en'],
      /b23\.csv: line 2: no year: the table has no 年度 column, .*give it with --year/,
    ],
    [
      'a count given as text in CSV, on line 3',
      () => ['report', file('b24.csv', `${HEADER}\n${csvRow}\nc2,x,urban,3k,8000,400,5,true,true,30000\n`), '--year', '2013', '--lang', 'en'],
      /b24\.csv: line 3, households: expected a whole number ≥ 0 such as 3,695, got "3k"/,
    ],
    [
      'households + floating households beyond safe integers in CSV',
      () => [
        'report',
        file('b25s.csv', 'id,name,kind,households,floatingHouseholds,residents\nc1,x,urban,9007199254740991,1,8000\n'),
        '--year',
        '2013',
        '--lang',
        'en',
      ],
      /b25s\.csv: line 2, floatingHouseholds: households \+ floatingHouseholds is larger than the largest safe integer/,
    ],
    [
      'duplicate ids in CSV',
      () => ['report', file('b25.csv', `${HEADER}\n${csvRow}\n${csvRow}\n`), '--year', '2013', '--lang', 'en'],
      /b25\.csv: line 3, id: duplicate id "c1" \(first on line 2\) in 2013/,
    ],
    ['an empty CSV file', () => ['report', file('b26.csv', ''), '--year', '2013', '--lang', 'en'], /b26\.csv: the file is empty/],
    [
      'a flag that is neither true nor false',
      () => ['report', file('b27.csv', `${HEADER}\nc1,x,urban,3000,8000,400,5,maybe,true,30000\n`), '--year', '2013', '--lang', 'en'],
      /line 2, roomsOnGroundFloor: expected yes or no \(是\/否, 有\/无, √\/×, Y\/N, 1\/0\), got "maybe"/,
    ],
    ['a file that does not exist', () => ['report', join(dir, 'missing.json')], /missing\.json: cannot read the file \(ENOENT\)/],
    ['a file over the size limit', () => ['report', 'examples/city.json', '--max-mb', '0'], /city\.json: the file is \d+ bytes, over the limit of 0 bytes/],
    [
      'parameters with an unknown key',
      () => ['report', 'examples/city.json', '--params', file('p.json', '{"staffing":{"householdsPerWroker":500}}'), '--lang', 'en'],
      /p\.json: staffing\.householdsPerWroker: unknown field \(did you mean "householdsPerWorker"\?\)/,
    ],
    ['an unknown format', () => ['report', 'examples/city.json', '--format', 'xml'], /--format 只能是 text、markdown、json、ndjson、html、xlsx 之一/],
  ];

  test('a bad cell of a CSV is said in Chinese by default, in English with --lang en (the trial: households -3)', () => {
    const path = file('b28.csv', `区划代码,社区名称,类型,户数,常住人口\nc1,甲社区,城市,-3,8000\n`);
    const zh = run(['report', path, '--year', '2013']);
    const en = run(['report', path, '--year', '2013', '--lang', 'en']);
    expect([zh.code, en.code]).toEqual([2, 2]);
    expect(zh.err).toContain(`${path}: 第 2 行“户数”：应为${COUNT.expectedText.zh}，实为 "-3"`);
    expect(zh.err).not.toMatch(/expected|line 2/);
    expect(en.err).toContain(`${path}: line 2, 户数: expected ${COUNT.expectedText.en}, got "-3"`);
  });

  test(`at least 20 kinds of bad input (${bad.length})`, () => expect(bad.length).toBeGreaterThanOrEqual(20));

  // Problems are said in the language of --lang (Chinese by default): the cases above whose words are English ask for it.
  test.each(bad)('%s → exit 2, located', (_name, args, message) => {
    const r = run(args());
    expect(r.err).toMatch(message);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });
});

describe('the other commands', { timeout: 60_000 }, () => {
  test('explain staff --households 3100, in both languages', () => {
    const en = run(['explain', 'staff', '--households', '3100', '--lang', 'en']);
    expect(en.code).toBe(0);
    // The result first, in words, then the trace, then the readings taken.
    expect(en.out).toBe(
      'Result (A.4.2):\n  Workers required: 6 workers\n  Households counted: 3,100 households\nHow it is computed:\n  1. Households counted: 3,100 + 0 floating = 3,100\n  2. 3,100 ÷ 600 households per worker = 5 remainder 100\n  3. Rounded up (I3): 6 workers\nReadings used:\n  I3 How is households ÷ 600 rounded when it is not whole? round up: every started block of 600\n    households gets a worker\n',
    );
    expect(run(['explain', 'staff', '--households', '3100']).out).toContain('按“向上取整”(I3) 取整：6 名');
  });

  test('explain refuses a bad value with the flag’s name', () => {
    const r = run(['explain', 'staff', '--households=-3']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--households: 应为不小于 0 的整数，如 3,695，实为 "-3"/); // in the language of --lang: zh by default
    expect(run(['explain', 'staff', '--households=-3', '--lang', 'en']).err).toMatch(/--households: expected a whole number ≥ 0 such as 3,695, got "-3"/);
    // The trial's explain rooms --households -3: the same refusal as --households=-3, not parseArgs's "argument is ambiguous".
    expect(run(['explain', 'rooms', '--households', '-3'])).toEqual(run(['explain', 'rooms', '--households=-3']));
    expect(run(['explain', 'staff', '--households', '-3'])).toEqual(r);
    expect(run(['explain', 'staff', '--lang', 'en']).err).toMatch(/--households: expected a whole number/);
    expect(run(['explain', 'staff']).err).toMatch(/--households: 应为不小于 0 的整数/);
    expect(run(['explain', 'magic', '--lang', 'en']).err).toMatch(/explain takes a rule: targets, size, plan, rollout, rooms, staff/);
    expect(run(['explain', 'magic']).err).toMatch(/explain 后面要给一条规则：targets、size、plan、rollout、rooms、staff/);
  });

  test('schedule fund --base-year-total 1000000 --from 2011 --to 2016 --mode compound', () => {
    const r = run(['schedule', 'fund', '--base-year-total', '1000000', '--from', '2011', '--to', '2016', '--mode', 'compound', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).rows.map((x: { amount: string }) => x.amount)).toEqual(['1000000', '1100000', '1210000', '1331000', '1464100', '1610510']);
    // The flag's name before 0.2 is still taken, with the same result; the two together are refused.
    expect(run(['schedule', 'fund', '--base', '1000000', '--from', '2011', '--to', '2016', '--mode', 'compound', '--format', 'json']).out).toBe(r.out);
    expect(run(['schedule', 'fund', '--base', '1', '--base-year-total', '1']).code).toBe(2);
    // So does explain, whose help names only the new flag.
    expect(run(['explain', 'fund', '--base', '1000000', '--year', '2013', '--format', 'json']).out).toBe(
      run(['explain', 'fund', '--base-year-total', '1000000', '--year', '2013', '--format', 'json']).out,
    );
    expect(run(['explain', '--help']).out).toMatch(/fund +--base-year-total AMOUNT --year YEAR\n/);
    expect(run(['explain', 'fund', '--base-year-total', '1000000', '--base', '5', '--year', '2013']).code).toBe(2);
  });

  test('schedule rollout --villages 120', () => {
    const r = run(['schedule', 'rollout', '--villages', '120', '--format', 'json']);
    expect(JSON.parse(r.out).rows.map((x: { villagesCovered: number }) => x.villagesCovered)).toEqual([36, 72, 108, 120, 120, 120]);
    // Each row's change from the year before is `increase`, as in the fund's schedule.
    expect(Object.keys(JSON.parse(r.out).rows[0])).toEqual(['year', 'share', 'increase', 'villagesCovered']);
  });

  test('audit reports K1–K10; with share-of-remaining K1 is a conflict', () => {
    expect(run(['audit', '--lang', 'en']).out).toMatch(/^K1 {3}consistent/);
    const params = file('remaining.json', JSON.stringify({ rollout: { mode: 'share-of-remaining' } }));
    const json = JSON.parse(run(['audit', '--format', 'json', '--params', params]).out);
    expect([json.findings[0].verdict, json.findings[0].numbers.rolloutShare]).toEqual(['conflict', '0.657']);
  });

  test('schema prints the JSON Schema of a dataset', () => {
    const schema = JSON.parse(run(['schema']).out);
    expect(schema.required).toEqual(['year', 'communities']);
    expect(schema.properties.communities.items.required).toEqual(['id', 'name', 'kind', 'households', 'residents']);
  });

  test.each([['report'], ['audit'], ['schedule'], ['explain'], ['schema']])('%s --help', (command) => {
    const r = run([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^用法/); // in the language of --lang: Chinese by default
    expect(run([command, '--help', '--lang', 'en']).out).toMatch(/Usage/);
  });

  test('no command, --help and --version', () => {
    expect(run([]).out).toMatch(/命令:/);
    expect(run(['--help', '--lang', 'en']).out).toMatch(/Commands:/);
    expect(run(['--version']).out).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
    const r = run(['frobnicate']);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/没有命令 "frobnicate"/)]);
    expect(run(['frobnicate', '--lang', 'en']).err).toMatch(/unknown command "frobnicate"/);
  });
});
