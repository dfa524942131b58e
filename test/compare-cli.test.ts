/**
 * `shequ-rules compare` (issue 21): the Ningguo data of 2013 under the city's document and two national standards,
 * in every format, held to the numbers worked by hand in test/standards.test.ts — rooms owed 246.25 m² under the
 * city's 5 m² per 100 residents, 1,242.5 m² under 20 m² per 100 households, 2,804 m² under 30; the communities
 * failing under the city's document 城东 (341881001001), N03, N04 and N06, and N02 besides under both national
 * standards (its rooms: 3,200 households need 640 m² and 960 m², against 450 held; 8,500 residents need 425 m²).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readWorkbook } from '../src/read/xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'shequ-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, ['dist/cli/bin.js', 'compare', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const POLICIES = ['--policy', 'ningguo-2011', '--policy', 'national-2011', '--policy', 'national-2021'];
const TIMEOUT = 120_000;

describe('shequ-rules compare', () => {
  test(
    'JSON: each policy’s rooms owed and failing communities, and what each national standard asks beyond the city’s',
    () => {
      const r = run(['examples/ningguo-2013.json', ...POLICIES, '--format', 'json']);
      expect(r.code).toBe(1);
      const y = JSON.parse(r.out).years[0];
      expect(y.year).toBe(2013);
      expect(y.policies.map((p: { id: string }) => p.id)).toEqual(['ningguo-2011', 'national-2011', 'national-2021']);
      expect(y.policies.map((p: { owed: { roomsM2: string } }) => p.owed.roomsM2)).toEqual(['246.25', '1242.5', '2804']);
      expect(y.policies[0].failing).toEqual(['341881001001', 'N03', 'N04', 'N06']);
      for (const d of y.differences) {
        expect(d.against).toBe('ningguo-2011');
        expect(d.communitiesNowFailing).toEqual(['N02']);
        expect(d.newlyFailing.filter((f: { provision: string }) => f.provision === 'Q7').map((f: { subject: string }) => f.subject)).toEqual([
          'N02',
          'N03',
          'N04',
          'N06',
        ]);
      }
      // 1,242.5 − 246.25 and 2,804 − 246.25, exactly.
      expect(y.differences.map((d: { owed: { key: string; more: string }[] }) => d.owed.find((o) => o.key === 'roomsM2')!.more)).toEqual(['996.25', '2557.75']);
    },
    TIMEOUT,
  );

  test(
    'text and Markdown, in both languages: the totals under each policy and what each asks more',
    () => {
      const zh = run(['examples/ningguo-2013.json', ...POLICIES]);
      expect(zh.code).toBe(1);
      expect(zh.out).toMatch(/社区用房 +246\.25 m² +1,242\.5 m² +2,804 m²/);
      expect(zh.out).toContain('多需: 社区用房 +996.25 m²');
      expect(zh.out).toContain('新增未达标社区 (1): 西苑社区(虚构) N02');
      const md = run(['examples/ningguo-2013.json', ...POLICIES, '--format', 'markdown', '--lang', 'en']);
      expect(md.out).toContain('| Community rooms | 246.25 m² | 1,242.5 m² | 2,804 m² |');
      expect(md.out).toContain('- more asked: Community rooms +2,557.75 m²');
    },
    TIMEOUT,
  );

  test(
    'HTML: one offline page with a chart of each total owed under each policy',
    () => {
      const out = join(dir, 'compare.html');
      const r = run(['examples/ningguo-2013.json', ...POLICIES, '--format', 'html', '--output', out, '--lang', 'en']);
      expect([r.code, r.err]).toEqual([1, '']);
      const html = readFileSync(out, 'utf8');
      expect(html).toContain('data-chart="owed-roomsM2"');
      expect(html).toMatch(/data-more="roomsM2" data-value="996\.25"/);
      expect(html).toMatch(/data-more="roomsM2" data-value="2557\.75"/);
      expect(html).toContain('data-now-failing="1"');
      expect(html).not.toMatch(/<script|https?:\/\/(?!htlq|cnfood|www\.w3)/);
    },
    TIMEOUT,
  );

  test(
    'XLSX: a summary, a sheet per policy and one of the differences, read back',
    async () => {
      const out = join(dir, 'compare.xlsx');
      const r = run(['examples/ningguo-2013.csv', ...POLICIES, '--format', 'xlsx', '--output', out, '--lang', 'en']);
      expect([r.code, r.err]).toEqual([1, '']);
      const sheets = await readWorkbook(readFileSync(out));
      expect(sheets.map((s) => s.name)).toEqual([
        'Summary',
        'Totals owed',
        '1 ningguo-2011',
        '2 national-2011',
        '3 national-2021',
        'Differences',
        'Now failing',
        'Readings and parameters',
        'Data read',
      ]);
      const diff = sheets[5]!.rows.map((x) => x.cells);
      const rooms = diff.filter((c) => c[3] === 'Community rooms');
      expect(rooms.map((c) => [c[1], c[5], c[6], c[7]])).toEqual([
        ['National plan 2011–2015', 246.25, 1242.5, 996.25],
        ['National plan, 14th five-year', 246.25, 2804, 2557.75],
      ]);
    },
    TIMEOUT,
  );

  test(
    'one --policy: the baseline is the city’s document; an unknown one is refused with the registry’s ids',
    () => {
      const one = run(['examples/ningguo-2013.json', '--policy', 'national-2011', '--format', 'json']);
      expect(JSON.parse(one.out).years[0].policies.map((p: { id: string }) => p.id)).toEqual(['ningguo-2011', 'national-2011']);
      const bad = run(['examples/ningguo-2013.json', '--policy', 'national-2099']);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('national-2011');
      expect(run(['examples/ningguo-2013.json']).code).toBe(2);
    },
    TIMEOUT,
  );
});
