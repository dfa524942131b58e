import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as lib from '../src/index.js';
import { createPolicy, DEFAULT_PARAMETERS, PolicyInputError } from '../src/index.js';
import { evaluateCity } from '../src/evaluation.js';
import {
  actorsFor,
  auditPolicy,
  bodies,
  classifyFundSource,
  committeeDuties,
  dutiesOf,
  fundSources,
  interpretations,
  provision,
  provisions,
  publicServices,
  topics,
} from '../src/spec.js';

const SOURCE = '../shared/policy/source-simplified.txt';
const structure = JSON.parse(readFileSync('test/structure.json', 'utf8')) as { id: string; label: string }[];

/** Section structure of the source text: preambles, 一、… headings and (一)… sub-items. */
function parseStructure(text: string): { id: string; label: string }[] {
  const numerals = '一二三四五六七八九十';
  const value = (s: string) => (s.length === 2 ? 10 + numerals.indexOf(s[1]!) + 1 : numerals.indexOf(s) + 1);
  const out = [{ id: 'A.0', label: '序言' }];
  let doc = 'A';
  let top = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (doc === 'A' && line.includes('防溺水') && line.endsWith('通知')) {
      doc = 'B';
      top = 0;
      out.push({ id: 'B.0', label: '序言' });
      continue;
    }
    let m = /^([一二三四五六七八九十]+)、/.exec(line);
    if (m) {
      top = value(m[1]!);
      out.push({ id: `${doc}.${top}`, label: m[1]! });
      continue;
    }
    m = /^\(([一二三四五六七八九十]+)\)/.exec(line);
    if (m && top) out.push({ id: `${doc}.${top}.${value(m[1]!)}`, label: `${numerals[top - 1]}(${m[1]})` });
  }
  return out;
}

describe('clause registry', () => {
  test('has one entry for every clause, in document order, with the document’s own labels', () => {
    expect(provisions.map((p) => ({ id: p.id, label: p.label }))).toEqual(structure);
    expect(provisions).toHaveLength(25);
  });

  test.skipIf(!existsSync(SOURCE))('the structure matches the section headings of source-simplified.txt', () => {
    expect(parseStructure(readFileSync(SOURCE, 'utf8'))).toEqual(structure);
  });

  test.skipIf(!existsSync(SOURCE))('no text of the library copies a run of 16 characters from the policy text', () => {
    const src = readFileSync(SOURCE, 'utf8').replace(/\s+/g, '');
    const grams = new Set<string>();
    for (let i = 0; i + 16 <= src.length; i++) {
      const g = src.slice(i, i + 16);
      if ((g.match(/[\u4e00-\u9fff]/g) ?? []).length >= 12) grams.add(g);
    }
    const texts: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect([provisions, interpretations, bodies, topics, committeeDuties, publicServices, fundSources, auditPolicy()]);
    const copied = texts.flatMap((raw) => {
      const text = raw.replace(/\s+/g, '');
      return Array.from({ length: Math.max(0, text.length - 15) }, (_, i) => text.slice(i, i + 16)).filter((g) => grams.has(g));
    });
    expect(copied).toEqual([]);
  });

  test('every Q1–Q12 belongs to exactly one clause, and each such clause names rules that exist', () => {
    const q = Array.from({ length: 12 }, (_, i) => `Q${i + 1}`);
    for (const id of q)
      expect(
        provisions.filter((p) => p.quantities.includes(id)),
        id,
      ).toHaveLength(1);
    for (const p of provisions.filter((x) => x.kind === 'quantitative')) {
      expect(p.rules.length, p.id).toBeGreaterThan(0);
      for (const rule of p.rules) expect(typeof (lib as Record<string, unknown>)[rule], rule).toBe('function');
      for (const path of p.parameters) expect(lib.PARAMETER_REFERENCES[path]?.clause, path).toBeDefined();
    }
  });

  test('every rule’s clause is registered with the rule listed under it', () => {
    const policy = createPolicy();
    const calls: [string, unknown][] = [
      ['communitySize', policy.communitySize({ households: 1, residents: 1 })],
      ['requiredStaff', policy.requiredStaff({ households: 1 })],
      ['serviceRoomArea', policy.serviceRoomArea({ residents: 1 })],
      ['ruralRollout', policy.ruralRollout({ year: 2012 })],
      ['cityFundBudget', policy.cityFundBudget({ baseYearTotal: 1, year: 2012 })],
      ['streetSubsidyMinimum', policy.streetSubsidyMinimum({ communities: 1 })],
      ['developerObligation', policy.developerObligation({ floorAreaM2: 1 })],
      ['targets', policy.targets({ year: 2012 })],
    ];
    for (const [rule, result] of calls) expect(provision((result as { clause: string }).clause).rules).toContain(rule);
  });

  test('provision() finds an entry and refuses an unknown id', () => {
    expect(provision('B.3').title.en).toBe('Departments re-check their measures');
    expect(() => provision('A.9')).toThrow(PolicyInputError);
    expect(() => provision('A.9')).toThrow(/A\.3\.4/);
  });

  test('the registry is frozen', () => {
    expect(Object.isFrozen(provisions)).toBe(true);
    expect(Object.isFrozen(provisions[0]!.summary)).toBe(true);
  });
});

describe('interpretation register', () => {
  test('has I1–I10, each with a question, options, a default among them and a reason', () => {
    expect(interpretations.map((i) => i.id)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10']);
    for (const i of interpretations) {
      expect(i.options.map((o) => o.id)).toContain(i.default);
      expect(i.question.zh.length * i.question.en.length * i.why.zh.length * i.why.en.length).toBeGreaterThan(0);
      expect(provision(i.clause).interpretations).toContain(i.id);
    }
  });

  test('every option-valued parameter’s choices are described, and every described choice is a value it takes', () => {
    const optionParams: Record<string, readonly string[]> = {
      'funding.mode': ['fixed-increment', 'compound'],
      'rollout.mode': ['share-of-all', 'share-of-remaining'],
      'staffing.rounding': ['ceil', 'floor', 'half-up'],
      'developer.boundary': ['in-kind', 'funds'],
      'streetSubsidy.proration': ['none', 'by-days'],
      'targets.interim': ['straight-path', 'none'],
    };
    const options = Object.entries(lib.PARAMETER_REFERENCES)
      .filter(([, r]) => r.unit === 'option')
      .map(([k]) => k);
    expect(options.sort()).toEqual(Object.keys(optionParams).sort());
    for (const [path, values] of Object.entries(optionParams)) {
      const entry = interpretations.find((i) => i.parameter === path)!;
      expect(entry.optionKind).toBe('enum');
      expect(entry.options.map((o) => o.id).sort()).toEqual([...values].sort());
      const [group, key] = path.split('.') as [keyof typeof DEFAULT_PARAMETERS, string];
      expect(entry.default).toBe((DEFAULT_PARAMETERS[group] as Record<string, unknown>)[key]);
      for (const v of values) expect(() => createPolicy({ [group]: { [key]: v } } as never)).not.toThrow();
    }
  });

  test('each rule reports register ids and choices the register knows', () => {
    const policy = createPolicy();
    const results = [
      policy.requiredStaff({ households: 1 }),
      policy.ruralRollout({ year: 2012 }),
      policy.cityFundBudget({ baseYearTotal: 1, year: 2012 }),
      policy.streetSubsidyMinimum({ communities: 1 }),
      policy.developerObligation({ floorAreaM2: 200000 }),
      policy.developerObligation({ floorAreaM2: 1 }),
      policy.serviceRoomArea({ residents: 1 }),
      policy.targets({ year: 2012 }),
      policy.communitySize({ households: 1, residents: 1 }),
      policy.planCommunities({ households: 6000, residents: 16000 }),
      policy.ruralRolloutSchedule({ from: 2011, to: 2012 }),
      policy.cityFundSchedule({ baseYearTotal: 1, from: 2011, to: 2012 }),
      { interpretations: evaluateCity({ year: 2012, communities: [] }).findings.find((f) => f.provision === 'Q1/Q2')!.interpretations! },
    ];
    for (const r of results) {
      for (const use of r.interpretations) {
        const entry = interpretations.find((i) => i.id === use.id);
        expect(entry, use.id).toBeDefined();
        // A closed list: one of its ids. A free value: in the form of its example ids ('0.2', 'end-of-2013'), so
        // that I4's '±0.2' (issue 11's drift) cannot come back.
        const ids: readonly string[] = entry!.options.map((o) => o.id);
        if (entry!.optionKind === 'enum') expect(ids).toContain(use.choice);
        else
          expect(
            ids.some((id) => new RegExp(`^${id.replace(/\d+/g, '\\d+').replace(/\./g, '\\.')}$`).test(use.choice)),
            `${use.id}: ${use.choice}`,
          ).toBe(true);
      }
    }
  });
});

describe('catalogues', () => {
  test('three committee duties (A.3.2) and nine public services (A.3.6)', () => {
    expect(committeeDuties).toHaveLength(3);
    expect(committeeDuties.every((d) => d.clause === 'A.3.2')).toBe(true);
    expect(publicServices.map((s) => s.id)).toEqual([
      'employment',
      'social-assistance',
      'medical-aid-charity',
      'elderly-care',
      'health-family-planning',
      'culture-education',
      'safety',
      'legal-education',
      'disaster-emergency',
    ]);
  });

  test.each([
    ['市级社区建设专项资金', 'city-special-fund'],
    ['财政补助资金', 'fiscal-subsidy'],
    ['某开发企业缴纳社区用房资金', 'developer-room-funds'],
    ['民政局费随事转经费', 'fee-follows-task'],
    ['向上级争取的社区项目资金', 'higher-level-projects'],
    ['企业捐赠', 'donations'],
    ['Donation from a resident', 'donations'],
    ['donations', 'donations'],
  ])('a ledger entry from %s is %s (A.4.4)', (source, id) => {
    expect(classifyFundSource(source).id).toBe(id);
    expect(classifyFundSource(source).clause).toBe('A.4.4');
  });

  test.each([['银行贷款'], ['街道办公经费'], ['']])('a source that is none of the six kinds is refused: %s', (source) => {
    expect(() => classifyFundSource(source)).toThrow(PolicyInputError);
  });

  test('a source that fits two kinds is refused as ambiguous', () => {
    expect(() => classifyFundSource('开发企业捐赠')).toThrow(/more than one kind/);
  });

  test('six kinds', () => {
    expect(fundSources).toHaveLength(6);
  });
});

describe('bodies and their duties, both ways', () => {
  // Every body named in A.4.1 and in Document B, as the text names it.
  const named: [string, string, string][] = [
    ['A.4.1', '党委政府', 'party-government'],
    ['A.4.1', '民政部门', 'civil-affairs'],
    ['A.4.1', '街道(乡镇)', 'street-township'],
    ['A.4.1', '党工委书记', 'street-party-secretary'],
    ['A.4.1', '发展改革', 'development-reform'],
    ['A.4.1', '教育体育', 'education'],
    ['A.4.1', '公安', 'public-security'],
    ['A.4.1', '司法', 'justice'],
    ['A.4.1', '财政', 'finance'],
    ['A.4.1', '人社', 'human-resources'],
    ['A.4.1', '环保', 'environment'],
    ['A.4.1', '住建', 'housing-construction'],
    ['A.4.1', '文化广播', 'culture-broadcasting'],
    ['A.4.1', '卫生', 'health'],
    ['A.4.1', '计生', 'family-planning'],
    ['A.4.1', '工商', 'industry-commerce'],
    ['A.4.1', '工会', 'trade-union'],
    ['A.4.1', '共青团', 'youth-league'],
    ['A.4.1', '妇联', 'womens-federation'],
    ['A.4.1', '残联', 'disabled-federation'],
    ['A.4.1', '老龄', 'ageing'],
    ['A.4.1', '慈善', 'charity'],
    ['A.4.1', '科协', 'science-association'],
    ['B.1', '宣传部门', 'publicity'],
    ['B.1', '广电部门', 'radio-tv'],
    ['B.2', '教育主管部门', 'education'],
    ['B.2', '中小学校', 'schools'],
    ['B.2', '家长', 'parents'],
    ['B.3', '各有关部门', 'all-departments'],
    ['B.3', '水务部门', 'water'],
    ['B.3', '库管理处', 'reservoir-office'],
    ['B.3', '国土资源部门', 'land-resources'],
    ['B.3', '安监部门', 'work-safety'],
    ['B.3', '质监部门', 'quality-supervision'],
    ['B.3', '建设部门', 'construction'],
    ['B.3', '公安部门', 'public-security'],
    ['B.3', '交通管理部门', 'traffic'],
    ['B.3', '体育部门', 'sports'],
    ['B.3', '旅游部门', 'tourism'],
    ['B.4', '乡镇', 'street-township'],
    ['B.4', '村(居)委会', 'community-committees'],
    ['B.4', '社会志愿者', 'volunteers'],
  ];

  test.each(named)('%s names %s: dutiesOf finds it, and actorsFor its duty’s topic finds it back', (clause, name, id) => {
    const answer = dutiesOf(name);
    expect(answer.body.id).toBe(id);
    const duty = answer.duties.find((d) => d.clause === clause);
    expect(duty, `${name} has a duty under ${clause}`).toBeDefined();
    const back = actorsFor(duty!.topics[0]!).map((a) => a.body.id);
    expect(back).toContain(id);
  });

  test('short and long forms name the same body', () => {
    expect(dutiesOf('水务部门').body).toBe(dutiesOf('水务局').body);
    expect(dutiesOf('国土资源部门').body).toBe(dutiesOf('国土局').body);
    expect(dutiesOf('市住建委').body.id).toBe('housing-construction');
    expect(dutiesOf('Water authority').body.id).toBe('water');
  });

  test('an unknown body is refused with close matches', () => {
    expect(() => dutiesOf('水利局')).toThrow(/did you mean 水务部门/);
    expect(() => dutiesOf('Ministry of Magic')).toThrow(PolicyInputError);
  });

  test.each([
    ['the reservoir releasing water', ['radio-tv', 'water', 'reservoir-office']],
    ['水库开闸放水', ['radio-tv', 'water', 'reservoir-office']],
    ['a left-behind child in the summer holiday', ['street-township', 'community-committees', 'schools', 'volunteers']],
    ['a quarry pit', ['land-resources']],
    ['废弃坑洼', ['land-resources']],
    ['无证水上游乐场所', ['work-safety', 'quality-supervision', 'construction']],
    ['developer community rooms', ['civil-affairs', 'housing-construction', 'planning']],
  ])('actorsFor(%s)', (question, ids) => {
    expect(actorsFor(question).map((a) => a.body.id)).toEqual(ids);
  });

  test('a matter the documents do not deal with is refused, listing the topics', () => {
    expect(() => actorsFor('traffic jam')).toThrow(/topics: community-building/);
  });

  test('every topic has at least one actor and every duty names known topics', () => {
    for (const topic of topics) expect(actorsFor(topic.id).length, topic.id).toBeGreaterThan(0);
    const ids = new Set(topics.map((x) => x.id));
    for (const b of bodies) for (const d of b.duties) for (const id of d.topics) expect(ids.has(id), `${b.id}: ${id}`).toBe(true);
  });

  test('names are unique across bodies', () => {
    const names = bodies.flatMap((b) => [b.zh, ...b.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('parameters as of a date', () => {
  test('the fund growth is not yet in force in 2011, the rollout is', () => {
    const in2011 = createPolicy().asOf('2011-06-01');
    const byPath = Object.fromEntries(in2011.map((x) => [x.path, x]));
    expect(byPath['funding.growthRate']).toMatchObject({ inForce: false, from: '2012-01-01', clause: 'A.4.3', unit: 'share', value: '0.1' });
    expect(byPath['rollout.sharePerYear']).toMatchObject({ inForce: true, from: '2011-01-01' });
    expect(
      createPolicy()
        .asOf(new Date(2012, 0, 1))
        .every((x) => x.inForce),
    ).toBe(true);
    expect(
      createPolicy()
        .asOf('2010-12-31')
        .some((x) => x.inForce),
    ).toBe(false);
  });

  test('a later rollout start moves its date', () => {
    const rollout = createPolicy({ rollout: { startYear: 2012 } })
      .asOf('2011-12-31')
      .find((x) => x.path === 'rollout.mode')!;
    expect(rollout).toMatchObject({ from: '2012-01-01', inForce: false });
  });

  test('an invalid date is refused', () => {
    expect(() => createPolicy().asOf('2011-02-30')).toThrow(PolicyInputError);
  });
});
