/**
 * The registry of standards (issue 21): each entry a tested overlay, its values worked out by hand; the readings
 * of the standards reported in findings; the law in force on a day; the comparison of the example data under the
 * city's document and two national standards; and the audit's look outward (K11).
 *
 * The hand-worked community: 城东社区 (examples/ningguo-2013.json), 3,695 households, 11,085 residents, 5 workers,
 * 308 m² of rooms.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { auditPolicy } from '../src/audit/audit-policy.js';
import { createPolicy } from '../src/create-policy.js';
import { evaluateCity } from '../src/evaluate/city.js';
import { comparePolicies } from '../src/evaluate/compare.js';
import { evaluateCommunity } from '../src/evaluate/evaluate.js';
import type { Dataset } from '../src/evaluate/dataset.js';
import { PRESETS, PRESET_SOURCES } from '../src/policies/presets.js';
import { applyStandard, applyStandardsOn, standardChanges, standardsUsed } from '../src/policies/standard-overlays.js';
import { STANDARDS, STANDARD_READINGS, inForceOn, standardOf, standardsOn } from '../src/policies/standards.js';
import { PolicyInputError } from '../src/errors.js';

const chengdong = { id: '341881001001', name: '城东社区', kind: 'urban' as const, households: 3695, residents: 11085, roomAreaM2: 308, staff: 5 };
const one = (extra: object = {}): Dataset => ({ year: 2024, communities: [{ ...chengdong, ...extra }], villages: { total: 0, covered: 0 } });
const ningguo = JSON.parse(readFileSync('examples/ningguo-2013.json', 'utf8')) as Dataset;
const city = JSON.parse(readFileSync('examples/city.json', 'utf8')) as Dataset;
const s = (v: unknown) => String(v);
/** The room finding of a community's findings. */
const rooms = (fs: readonly { provision: string }[]) => fs.find((f) => f.provision === 'Q7')! as ReturnType<typeof evaluateCommunity>[number];
const cityFinding = (d: Dataset, policy: ReturnType<typeof createPolicy>, id: string) => evaluateCity(d, { policy }).findings.find((f) => f.provision === id)!;

describe('the registry', () => {
  test('every entry: its source (body, title, address, status as SOURCES.md gives it), its rule in both languages, what it sets', () => {
    const status = Object.fromEntries(STANDARDS.map((x) => [x.id, x.source.status]));
    expect(status).toEqual({
      'national-2011': 'derivative',
      'national-2021': 'derivative',
      'workers-18': 'derivative',
      'embedded-2023': 'verified',
      'embedded-centre': 'verified',
      'jiangsu-2022': 'derivative',
      'changji-2023': 'verified',
      'complete-community-2022': 'derivative',
    });
    for (const x of STANDARDS) {
      expect(x.source.id).toBe(x.id);
      expect(x.source.body.zh && x.source.body.en && x.source.title.zh && x.source.title.en && x.source.url).toBeTruthy();
      expect(x.rule.zh.length && x.rule.en.length).toBeTruthy();
      expect(Object.keys(x.sets).length).toBeGreaterThan(0);
      if (x.sets.roomsM2Per100Households !== undefined) expect(x.readings).toBeDefined();
    }
    expect(standardOf('national-2011').source.number).toBe('国办发〔2011〕61号');
    expect(standardOf('embedded-2023').source.date).toBe('2023-11-19');
  });

  test('an unknown id is refused, with the ids there are and a guess', () => {
    const e = (() => {
      try {
        applyStandard(createPolicy(), 'embeded-2023');
      } catch (x) {
        return x as PolicyInputError;
      }
    })()!;
    expect(e).toBeInstanceOf(PolicyInputError);
    expect(e.issues[0]!.code).toBe('unknown-name');
    expect(e.issues[0]!.message).toContain('did you mean "embedded-2023"');
  });
});

describe('each standard as an overlay, worked by hand on 城东社区', () => {
  test('national-2011: 3,695 households × 20 ÷ 100 = 739 m² against 308 held, 431 short; cites the plan', () => {
    const p = applyStandard(createPolicy(), 'national-2011');
    expect(s(p.serviceRoomArea({ households: 3695 }).areaM2)).toBe('739');
    const q7 = rooms(evaluateCommunity(chengdong, { policy: p }));
    expect([q7.status, s(q7.expected), s(q7.actual), s(q7.shortfall)]).toEqual(['fail', '739', '308', '431']);
    expect(q7.cites).toEqual([{ source: 'national-2011' }]);
    expect(p.sources.map((x) => x.id)).toEqual(['ningguo-2011', 'national-2011']);
  });

  test.each([['national-2021'], ['jiangsu-2022'], ['complete-community-2022']])('%s: 3,695 × 30 ÷ 100 = 1,108.5 m², 800.5 short', (id) => {
    const p = applyStandard(createPolicy(), id);
    const q7 = rooms(evaluateCommunity(chengdong, { policy: p }));
    expect([q7.status, s(q7.expected), s(q7.shortfall)]).toEqual(['fail', '1108.5', '800.5']);
    expect(q7.cites).toEqual([{ source: id }]);
  });

  test('the city’s own 5 m² per 100 residents asks 11,085 × 5 ÷ 100 = 554.25 m² of it (unchanged without a standard)', () => {
    const q7 = rooms(evaluateCommunity(chengdong));
    expect([q7.status, s(q7.expected), s(q7.shortfall)]).toEqual(['fail', '554.25', '246.25']);
  });

  test('workers-18: 18 × 11,085 ÷ 10,000 = 19.953, so 20 workers for the city; 5 in post, 15 short (a city finding, not a community’s)', () => {
    const f = cityFinding(one(), applyStandard(createPolicy(), 'workers-18'), 'workers-ratio');
    expect([f.subject, f.status, f.expected, f.actual, s(f.shortfall)]).toEqual(['city', 'fail', 20, 5, '15']);
    expect(f.message.en).toContain('19.953');
    expect(f.cites).toEqual([{ source: 'workers-18' }]);
    const owed = evaluateCity(one(), { policy: applyStandard(createPolicy(), 'workers-18') }).summary.owed as Record<string, unknown>;
    expect(owed.cityWorkers).toBe(15);
  });

  test('changji-2023: 25 × 11,085 ÷ 10,000 = 27.7125, so 28 workers, 23 short; and rooms at 30 m² per 100 households, 800.5 short', () => {
    const p = applyStandard(createPolicy(), 'changji-2023');
    const f = cityFinding(one(), p, 'workers-ratio');
    expect([f.status, f.expected, s(f.shortfall)]).toEqual(['fail', 28, '23']);
    expect(s(rooms(evaluateCommunity(chengdong, { policy: p })).shortfall)).toBe('800.5');
  });

  test('workers: a community that gives no staff leaves the ratio unknown unless those known already meet it', () => {
    const p = applyStandard(createPolicy(), 'workers-18');
    const two = (staff: number): Dataset => ({
      year: 2024,
      communities: [
        { ...chengdong, staff },
        { id: 'x', name: 'x', kind: 'urban', households: 1000, residents: 3000 },
      ],
    });
    // 18 × 14,085 ÷ 10,000 = 25.353: 26 workers.
    expect(cityFinding(two(5), p, 'workers-ratio').status).toBe('unknown');
    expect(cityFinding(two(26), p, 'workers-ratio').status).toBe('pass');
  });

  test('embedded-2023, on average (its text says so): the urban communities together, 1,108.5 m² against 308, 800.5 short; the readings are reported', () => {
    const p = applyStandard(createPolicy(), 'embedded-2023');
    const f = cityFinding(one(), p, 'rooms-average');
    expect([f.subject, f.status, s(f.expected), s(f.actual), s(f.shortfall)]).toEqual(['city', 'fail', '1108.5', '308', '800.5']);
    expect(f.interpretations).toEqual([
      { id: 'I11', choice: 'average' },
      { id: 'I12', choice: 'resident' },
    ]);
    expect(f.cites).toEqual([{ source: 'embedded-2023' }]);
    // The city's own standard still holds each community (an average standard is laid beside it).
    expect(s(rooms(evaluateCommunity(chengdong, { policy: p })).expected)).toBe('554.25');
    expect(s((evaluateCity(one(), { policy: p }).summary.owed as Record<string, unknown>).roomsAverageM2)).toBe('800.5');
  });

  test('on average, a community above the standard makes up for one below; with floating households counted the need grows', () => {
    const d: Dataset = {
      year: 2024,
      communities: [chengdong, { id: 'x', name: 'x', kind: 'urban', households: 1000, floatingHouseholds: 200, residents: 3000, roomAreaM2: 400 }],
    };
    // (3,695 + 1,000) × 30 ÷ 100 = 1,408.5 against 708: 700.5 short; with the 200 floating households, 4,895 × 0.3 = 1,468.5: 760.5.
    expect(s(cityFinding(d, applyStandard(createPolicy(), 'embedded-2023'), 'rooms-average').shortfall)).toBe('700.5');
    const floating = cityFinding(d, applyStandard(createPolicy(), 'embedded-2023', { households: 'with-floating' }), 'rooms-average');
    expect(s(floating.shortfall)).toBe('760.5');
    expect(floating.interpretations).toContainEqual({ id: 'I12', choice: 'with-floating' });
  });

  test('on average, a community without a room area leaves it unknown unless the areas known already meet it', () => {
    const p = applyStandard(createPolicy(), 'embedded-2023');
    const d = (room: number): Dataset => ({
      year: 2024,
      communities: [
        { id: 'a', name: 'a', kind: 'urban', households: 1000, residents: 3000, roomAreaM2: room },
        { id: 'b', name: 'b', kind: 'urban', households: 1000, residents: 3000 },
      ],
    });
    // 2,000 households × 0.3 = 600 m².
    expect(cityFinding(d(599), p, 'rooms-average').status).toBe('unknown');
    expect(cityFinding(d(600), p, 'rooms-average').status).toBe('pass');
  });

  test('held by each community, the households counted are those of actual residents: floating ones are read on the average only', () => {
    const c = { id: 'c', name: 'c', kind: 'urban' as const, households: 3000, floatingHouseholds: 500, residents: 8000, roomAreaM2: 650 };
    // 3,000 × 20 ÷ 100 = 600 m²: 650 held passes (the 500 floating households are not counted).
    expect(rooms(evaluateCommunity(c, { policy: applyStandard(createPolicy(), 'national-2011') })).status).toBe('pass');
    const e = (() => {
      try {
        applyStandard(createPolicy(), 'national-2011', { households: 'with-floating' });
      } catch (x) {
        return x as PolicyInputError;
      }
    })()!;
    expect([e.issues[0]!.path, e.issues[0]!.code]).toEqual(['households', 'not-an-option']);
  });

  test('embedded-centre: a centre of 550 m² is 50 short of 600, 600 and 600.5 pass; without the field, unknown, and the city says why', () => {
    const p = applyStandard(createPolicy(), 'embedded-centre');
    const centre = (v?: number | string) =>
      evaluateCommunity({ ...chengdong, ...(v !== undefined && { serviceCentreM2: v }) }, { policy: p }).find((f) => f.provision === 'service-centre')!;
    expect([centre(550).status, s(centre(550).shortfall)]).toEqual(['fail', '50']);
    expect([centre(600).status, centre('600.5').status, centre().status]).toEqual(['pass', 'pass', 'unknown']);
    const gap = evaluateCity(one(), { policy: p }).summary.notEvaluated.find((n) => n.provision === 'service-centre')!;
    expect(gap.reason.en).toContain('serviceCentreM2');
    expect(evaluateCity(one({ serviceCentreM2: 550 }), { policy: p }).summary.notEvaluated.some((n) => n.provision === 'service-centre')).toBe(false);
    expect(s((evaluateCity(one({ serviceCentreM2: 550 }), { policy: p }).summary.owed as Record<string, unknown>).serviceCentreM2)).toBe('50');
  });

  test('standards stack: a second one that needs a provision the policy has sets its parameters instead of adding it again', () => {
    const both = applyStandard(applyStandard(createPolicy(), 'workers-18'), 'changji-2023');
    expect(both.provisions.filter((p) => p.id === 'workers-ratio')).toHaveLength(1);
    expect(cityFinding(one(), both, 'workers-ratio').expected).toBe(28);
    expect(standardsUsed(both).map((u) => u.id)).toEqual(['workers-18', 'changji-2023']);
    expect(() => applyStandard(both, 'workers-18')).toThrow(PolicyInputError);
  });

  test('the overlay is plain extendPolicy changes', () => {
    expect(standardChanges('national-2011').parameters).toEqual({ 'rooms.m2Per100Households': 20 });
    expect(standardChanges('embedded-2023').add!.map((p) => p.id)).toEqual(['rooms-average']);
    expect(() => applyStandard(createPolicy(), 'national-2011', { held: 'sometimes' as never })).toThrow(PolicyInputError);
  });
});

describe('the readings of the standards', () => {
  test('registered as the city’s are: a question, options, a default among them and a reason', () => {
    expect(STANDARD_READINGS.map((r) => r.id)).toEqual(['I11', 'I12']);
    for (const r of STANDARD_READINGS) {
      expect(r.options.map((o) => o.id)).toContain(r.default);
      expect(r.question.zh && r.question.en && r.why.zh && r.why.en).toBeTruthy();
    }
    expect(standardOf('embedded-2023').readings!.held).toBe('average');
    expect(standardOf('national-2011').readings!.held).toBe('each');
  });
});

describe('the law in force on a day', () => {
  test('on 2024-06-30: the national plan of 2021, its worker ratio, the embedded programme and the complete-community pilot; the guide’s date cannot tell', () => {
    const on = standardsOn('2024-06-30');
    expect(on.inForce.map((x) => x.id)).toEqual(['national-2021', 'workers-18', 'embedded-2023', 'complete-community-2022']);
    expect(on.unknown.map((x) => x.id)).toEqual(['embedded-centre']);
    expect(standardsOn('2024-06-30', { regions: ['Jiangsu'] }).inForce.map((x) => x.id)).toContain('jiangsu-2022');
    expect(standardsOn('2022-06-30', { regions: ['江苏省'] }).unknown.map((x) => x.id)).toContain('jiangsu-2022');
  });

  test('a date known to a month: unknown within it, in force after it, not after the plan’s end', () => {
    expect([inForceOn('national-2011', '2011-11-30'), inForceOn('national-2011', '2011-12-15'), inForceOn('national-2011', '2011-12-31')]).toEqual([
      'no',
      'unknown',
      'yes',
    ]);
    expect(inForceOn('national-2011', '2016-01-01')).toBe('no');
    expect(() => inForceOn('national-2011', '2024-02-30')).toThrow(PolicyInputError);
  });

  test('applyStandardsOn lays over the city’s document as it stood that day every standard then in force', () => {
    const then = applyStandardsOn('2013-06-30');
    expect(then.applied).toEqual(['national-2011']);
    expect(then.policy.on).toBe('2013-06-30');
    expect(s(then.policy.serviceRoomArea({ households: 3695 }).areaM2)).toBe('739');
    const now = applyStandardsOn('2024-06-30');
    expect(now.unknown).toEqual(['embedded-centre']);
    expect(now.policy.sources.map((x) => x.id)).toEqual(['ningguo-2011', ...now.applied]);
  });
});

describe('the presets come from the registry; the 2017 attribution is corrected', () => {
  test('nationalPlan2011 and nationalPlan2021; the old name still works, out of the listing, its source unverified', () => {
    expect(Object.keys(PRESETS)).toEqual(['nationalPlan2011', 'nationalPlan2021']);
    expect(PRESETS.nationalPlan2021).toEqual({ rooms: { m2Per100Households: 30 } });
    expect(PRESETS.nationalGuidance2017).toEqual(PRESETS.nationalPlan2021);
    expect(PRESET_SOURCES.nationalGuidance2017.source.status).toBe('unverified');
    expect(PRESET_SOURCES.nationalPlan2021.source.number).toBe('国办发〔2021〕56号');
    expect(PRESET_SOURCES.nationalPlan2011.registry).toBe('national-2011');
  });
});

describe('comparePolicies: the same data under the city’s document and two national standards', () => {
  const compare = (d: Dataset) =>
    comparePolicies(d, { alternatives: [applyStandard(createPolicy(), 'national-2011'), applyStandard(createPolicy(), 'national-2021')] });

  test('the Ningguo data: rooms owed 246.25 m² (城东 only), 1,242.5 m² and 2,804 m² (every urban community), by hand', () => {
    // 20 per 100 households: 城东 739 − 308 = 431; 西苑 624 − 402.5 = 221.5; 南塘 580 − 380 = 200; 河畔 660 − 440 = 220; 新桥 520 − 350 = 170.
    // 30 per 100 households: 800.5 + 533.5 + 490 + 550 + 430.
    const c = compare(ningguo);
    expect(c.policies.map((p) => p.id)).toEqual(['ningguo-2011', 'national-2011', 'national-2021']);
    expect(c.policies.map((p) => s(p.owed.roomsM2))).toEqual(['246.25', '1242.5', '2804']);
    expect(c.differences.map((d) => s(d.owed.find((o) => o.key === 'roomsM2')!.more))).toEqual(['996.25', '2557.75']);
    // Only the rooms change: every other total is the same.
    for (const d of c.differences) for (const o of d.owed.filter((x) => x.key !== 'roomsM2')) expect(s(o.more)).toBe('0');
    // 西苑, 南塘, 河畔 and 新桥 hold exactly 5 m² per 100 residents: they pass the city's standard and fail both national ones.
    const q7 = (d: (typeof c.differences)[number]) => d.newlyFailing.filter((x) => x.provision === 'Q7').map((x) => x.subject);
    expect(c.differences.map(q7)).toEqual([
      ['N02', 'N03', 'N04', 'N06'],
      ['N02', 'N03', 'N04', 'N06'],
    ]);
    expect(c.differences[0]!.newlyPassing).toEqual([]);
    // 西苑 failed nothing under the city's document (南塘: ground floor; 河畔: window; 新桥: the subsidy; 城东: rooms and staff).
    expect(c.policies[0]!.failing).toEqual(['341881001001', 'N03', 'N04', 'N06']);
    expect(c.differences[0]!.communitiesNowFailing).toEqual(['N02']);
    expect(c.policies[1]!.counts.fail - c.policies[0]!.counts.fail).toBe(4);
    // The rows line the verdicts up: 城东's rooms fail under all three.
    expect(c.rows.find((r) => r.subject === '341881001001' && r.provision === 'Q7')!.statuses).toEqual(['fail', 'fail', 'fail']);
    // Which standards each used, and whether they applied on the data's day (a what-if for 2013 under the 2021 plan).
    expect(c.on).toBe('2013-12-31');
    expect(c.policies.map((p) => p.standards.map((x) => `${x.id}:${x.inForce}`))).toEqual([[], ['national-2011:yes'], ['national-2021:no']]);
  });

  test('the example city: c12 alone falls short of 5 m² per 100 residents (400 − 300 = 100 m²); all 36 urban communities of the national standards', () => {
    // Households × 20 ÷ 100 less the room area, summed over the 36 urban communities: 6,892.6 m²; at 30: 17,796.4 m²
    // (c12: 600 − 300 = 300 and 900 − 300 = 600; c01: 606.2 − 390.9 = 215.3 and 909.3 − 390.9 = 518.4; …).
    const c = compare(city);
    expect(c.policies.map((p) => s(p.owed.roomsM2))).toEqual(['100', '6892.6', '17796.4']);
    const urban = city.communities.filter((x) => x.kind === 'urban').map((x) => x.id);
    for (const d of c.differences) {
      expect(d.newlyFailing.filter((x) => x.provision === 'Q7').map((x) => x.subject)).toEqual(urban.filter((id) => id !== 'c12'));
      // Every urban community fails under the national standards; those that failed nothing before are the new ones.
      expect(d.communitiesNowFailing).toEqual(urban.filter((id) => !c.policies[0]!.failing.includes(id)));
    }
    expect(c.policies[1]!.failing.filter((id) => urban.includes(id))).toEqual(urban);
  });

  test('the same finding shape as evaluateCity, and the same verdicts', () => {
    const c = compare(ningguo);
    const direct = evaluateCity(ningguo, { policy: applyStandard(createPolicy(), 'national-2011') });
    expect(c.policies[1]!.evaluation.findings.map((f) => [f.subject, f.provision, f.status])).toEqual(
      direct.findings.map((f) => [f.subject, f.provision, f.status]),
    );
    expect(c.policies[1]!.evaluation.summary.counts).toEqual(direct.summary.counts);
  });

  test('refuses no alternative, two policies of the same name, and a day that is not one', () => {
    expect(() => comparePolicies(ningguo, { alternatives: [] })).toThrow(PolicyInputError);
    expect(() => comparePolicies(ningguo, { alternatives: [createPolicy()] })).toThrow(/duplicate|ningguo-2011/);
    expect(() => comparePolicies(ningguo, { alternatives: [applyStandard(createPolicy(), 'national-2011')], on: '2013-13-01' })).toThrow(PolicyInputError);
  });
});

describe('K11: the city’s room standard against the national standards of the same day', () => {
  test('as written (about 2011, audited on 2011-12-31): 5 per 100 residents asks 400 m² of 3,000 households and 8,000 residents; the 2011 plan 600 m²', () => {
    const k = auditPolicy().findings.find((f) => f.id === 'K11')!;
    expect(k.verdict).toBe('conflict');
    expect([s(k.numbers.localAreaM2), s(k.numbers['national-2011AreaM2']), k.numbers.date]).toEqual(['400', '600', '2011-12-31']);
    expect(k.sources!.map((x) => x.id)).toEqual(['ningguo-2011', 'national-2011']);
    expect(k.explanation.en).toContain('国办发〔2011〕61号');
  });

  test('on 2024-06-30: 900 m² under each of the three room standards then in force', () => {
    const k = auditPolicy({ policy: createPolicy({}, { on: '2024-06-30' }) }).findings.find((f) => f.id === 'K11')!;
    expect(k.numbers.standards).toBe('national-2021, embedded-2023, complete-community-2022');
    expect(s(k.numbers['embedded-2023AreaM2'])).toBe('900');
  });

  test('a city standard of 7.5 m² per 100 residents (600 m²) is not below the 2011 plan', () => {
    expect(auditPolicy({ policy: createPolicy({ rooms: { m2Per100Residents: '7.5' } }) }).findings.find((f) => f.id === 'K11')!.verdict).toBe('consistent');
  });
});

describe('the command line gets the city-wide judgements through its own streaming path (no change to src/cli)', () => {
  test('a policy module with embedded-2023 and workers-18: the JSON report holds both city findings, worked by hand for the Ningguo data', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'standards-'));
    const module = join(dir, 'policy.mjs');
    const index = resolve('dist/index.js');
    const spec = resolve('dist/spec.js');
    writeFileSync(
      module,
      `import { createPolicy } from ${JSON.stringify(index)};\nimport { applyStandard } from ${JSON.stringify(spec)};\nexport default applyStandard(applyStandard(createPolicy(), 'embedded-2023'), 'workers-18');\n`,
    );
    const r = spawnSync(
      process.execPath,
      [resolve('dist/cli/bin.js'), 'report', 'examples/ningguo-2013.json', '--policy', module, '--format', 'json', '--all'],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.status, r.stderr).toBe(1);
    const findings = JSON.parse(r.stdout).findings as { provision: string; status: string; shortfall?: string; expected: unknown }[];
    // Rooms on average: (3,695 + 3,120 + 2,900 + 3,300 + 2,600) × 30 ÷ 100 = 4,684.5 m² against 308 + 402.5 + 380 + 440 + 350 = 1,880.5: 2,804 short.
    const rooms = findings.find((f) => f.provision === 'rooms-average')!;
    expect([rooms.status, String(rooms.shortfall)]).toEqual(['fail', '2804']);
    // Workers: 18 × 42,535 urban residents ÷ 10,000 = 76.563, so 77; 5 + 6 + 5 + 5 + 5 = 26 in post: 51 short.
    const workers = findings.find((f) => f.provision === 'workers-ratio')!;
    expect([workers.status, workers.expected, String(workers.shortfall)]).toEqual(['fail', 77, '51']);
  }, 120_000);
});
