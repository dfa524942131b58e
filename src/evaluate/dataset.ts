/**
 * The dataset one city hands in for one year, as a zod/mini schema (with a
 * JSON Schema for users outside TypeScript), and its reader: every problem is
 * reported with its row and field, unknown fields are refused, never dropped.
 */
import * as z from 'zod/mini';
import { PolicyInputError, describeValue, issue, received, refused, type IssueCode, type PolicyInputIssueInit, type Words } from '../errors.js';
import { amount as AMOUNT, count as COUNT, date as DATE, flag as FLAG, id as ID, names, oneOf, text as TEXT, year as YEAR } from '../kinds.js';
import { calendarDay, PLAIN_DECIMAL, YEAR_MAX, YEAR_MIN } from '../values.js';
import { closest } from '../policy/names.js';

/** What each part of a dataset expects: a kind of the catalogue, or a shape. */
import type { CommunityRecord, Dataset, DatasetAmount, ProjectRecord } from '../provisions/records.js';

export type { CommunityRecord, Dataset, DatasetAmount, ProjectRecord };

interface What {
  readonly code: IssueCode;
  readonly expected: Words;
}
const shape = (code: IssueCode, en: string, zh: string): What => ({ code, expected: { en, zh } });
const WHAT = {
  count: COUNT,
  amount: AMOUNT,
  flag: FLAG,
  id: ID,
  date: DATE,
  year: YEAR,
  text: TEXT,
  kind: { code: 'not-an-option', expected: oneOf(['urban', 'rural']) },
  community: shape('not-an-object', 'a community record { id, name, kind, households, residents, … }', '社区记录 { id, name, kind, households, residents, … }'),
  project: shape('not-an-object', 'a project record { id, floorAreaM2, … }', '项目记录 { id, floorAreaM2, … }'),
  dataset: shape('not-an-object', 'a dataset { year, communities, … }', '数据集 { year, communities, … }'),
  communities: shape('not-a-list', 'a list of communities', '社区列表'),
  projects: shape('not-a-list', 'a list of projects', '项目列表'),
  villages: shape('not-an-object', '{ total, covered }', '{ total, covered }'),
  funding: shape('not-an-object', '{ baseYearTotal, budgets }', '{ baseYearTotal, budgets }'),
  budgets: shape('not-an-object', 'budgets as { "2012": amount, … }', '按年份列出的预算 { "2012": 金额, … }'),
  budgetKey: shape('not-a-year', 'a four-digit year as the key of budgets', '以四位年份为键'),
} satisfies Record<string, What>;

/**
 * zod's message for a part: "expected <the catalogue's words>, got <the value>" in English (what the table reader
 * shows as it is). {@link toIssues} finds the code and the Chinese words again from the expected words.
 */
const say = (what: keyof typeof WHAT) => ({ error: (iss: { input?: unknown }) => `expected ${WHAT[what].expected.en}, got ${describeValue(iss.input)}` });
const BY_WORDS = /* @__PURE__ */ new Map<string, What>(Object.values(WHAT).map((w) => [w.expected.en, w]));

const count = () => z.int(say('count')).check(z.minimum(0, say('count')));
const amount = () =>
  z.union(
    [
      z.number(say('amount')).check(z.minimum(0, say('amount'))),
      z.string(say('amount')).check(z.maxLength(60, say('amount')), z.regex(PLAIN_DECIMAL, say('amount'))),
    ],
    say('amount'),
  );
const flag = () => z.boolean(say('flag'));
const id = () => z.string(say('id')).check(z.refine((v: string) => v.trim().length > 0, say('id')));
const day = () => z.string(say('date')).check(z.refine((v: string) => calendarDay(v) !== undefined, say('date')));
const year = () => z.int(say('year')).check(z.minimum(YEAR_MIN, say('year')), z.maximum(YEAR_MAX, say('year')));

/** The schema of one community record. @internal */
export const communitySchema = /* @__PURE__ */ z.strictObject(
  {
    id: id(),
    name: z.string(say('text')),
    kind: z.enum(['urban', 'rural'], say('kind')),
    households: count(),
    floatingHouseholds: z.optional(count()),
    residents: count(),
    roomAreaM2: z.optional(amount()),
    staff: z.optional(count()),
    roomsOnGroundFloor: z.optional(flag()),
    oneStopWindow: z.optional(flag()),
    streetSubsidyPaid: z.optional(amount()),
    activeFrom: z.optional(day()),
  },
  say('community'),
);

/** The schema of one real-estate development project. @internal */
export const projectSchema = /* @__PURE__ */ z.strictObject(
  {
    id: id(),
    floorAreaM2: amount(),
    residents: z.optional(count()),
    households: z.optional(count()),
    roomAreaProvidedM2: z.optional(amount()),
    fundsPaid: z.optional(amount()),
    pricePerM2: z.optional(amount()),
  },
  say('project'),
);

/** The schema of a city's dataset for one year. @internal */
export const datasetSchema = /* @__PURE__ */ z.strictObject(
  {
    /** Free text: where the data comes from, or that it is made up. */
    description: z.optional(z.string(say('text'))),
    year: year(),
    communities: z.array(communitySchema, say('communities')),
    villages: z.optional(z.strictObject({ total: count(), covered: count() }, say('villages'))),
    funding: z.optional(
      z.strictObject(
        {
          baseYearTotal: amount(),
          budgets: z.record(
            // A key that is not four digits is reported by the record's message below, at the key's path.
            z.string().check(z.regex(/^\d{4}$/)),
            amount(),
            { error: (iss) => say(iss.code === 'invalid_type' ? 'budgets' : 'budgetKey').error(iss) },
          ),
        },
        say('funding'),
      ),
    ),
    developerProjects: z.optional(z.array(projectSchema, say('projects'))),
  },
  say('dataset'),
);

// The interfaces above and the schemas describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof communitySchema>, CommunityRecord>,
  Same<z.infer<typeof projectSchema>, ProjectRecord>,
  Same<z.infer<typeof datasetSchema>, Dataset>,
] = [true, true, true];
void sameShapes;

/** Field names, for "did you mean". */
const FIELDS: Record<string, readonly string[]> = {
  '': Object.keys(datasetSchema.def.shape),
  communities: Object.keys(communitySchema.def.shape),
  developerProjects: Object.keys(projectSchema.def.shape),
  villages: ['total', 'covered'],
  funding: ['baseYearTotal', 'budgets'],
};

/** `['communities', 17, 'households']` → `communities[17].households`. @internal */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** The issue a zod message stands for: its code and words found again from the expected words. */
function fromZod(path: string, iss: z.core.$ZodIssue): PolicyInputIssueInit {
  const m = /^expected (.*?), got /s.exec(iss.message);
  const what = m ? BY_WORDS.get(m[1]!) : undefined;
  if (!what) return { path, message: iss.message };
  // A missing field: a count or text (invalid_type) or an amount (invalid_union).
  if (iss.input === undefined) return issue(path, 'missing-field', { expected: what.expected });
  return refused(path, what.code, what.expected, iss.input);
}

/** Turn zod's issues into ours, with a row-and-field path, a code and a message in both languages. @internal */
export function toIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = [], root = ''): PolicyInputIssueInit[] {
  const out: PolicyInputIssueInit[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      // The group is the path's first key ('communities', 'villages', …, or '' at the top); a caller reading one
      // record under another name (evaluateBatch's 'records') passes the group as root.
      const allowed = FIELDS[String(path[0] ?? root)] ?? FIELDS[root]!;
      for (const key of iss.keys) out.push(unknownField(formatPath([...path, key]), key, allowed));
    } else {
      out.push(fromZod(formatPath(path), iss));
    }
  }
  return out;
}

/** A key that the record does not have, with the closest that it has. @internal */
export function unknownField(path: string, key: string, allowed: readonly string[]): PolicyInputIssueInit {
  const guess = closest(key, allowed);
  return issue(path, 'unknown-field', {
    expected: names(allowed),
    received: { en: JSON.stringify(key), zh: JSON.stringify(key) },
    ...(guess && { note: { en: `did you mean "${guess}"?`, zh: `是否想写 "${guess}"？` } }),
  });
}

const SUM_TOO_LARGE = {
  en: 'households + floatingHouseholds is larger than the largest safe integer',
  zh: 'households + floatingHouseholds 超出安全整数的范围',
};

/**
 * Staff are counted on households + floatingHouseholds: the sum must be exact, as the staffing rule demands.
 * Checked after the schema (a zod refinement on every record cost a fifth of the reading time). @internal
 */
export function sumIssue(c: CommunityRecord, at: readonly PropertyKey[]): PolicyInputIssueInit | undefined {
  return Number.isSafeInteger(c.households + (c.floatingHouseholds ?? 0))
    ? undefined
    : { path: formatPath([...at, 'floatingHouseholds']), code: 'out-of-range', message: SUM_TOO_LARGE.en, messages: SUM_TOO_LARGE };
}

/** Problems that the schema cannot see: sums beyond safe integers, duplicate ids, covered above total, budgets before the base year. @internal */
export function crossChecks(d: Dataset): PolicyInputIssueInit[] {
  const out: PolicyInputIssueInit[] = [];
  d.communities.forEach((c, i) => {
    const issue = sumIssue(c, ['communities', i]);
    if (issue) out.push(issue);
  });
  const dupes = (rows: readonly { id: string }[], name: string) => {
    const first = new Map<string, number>();
    rows.forEach((r, i) => {
      const at = first.get(r.id);
      if (at === undefined) first.set(r.id, i);
      else
        out.push(
          issue(`${name}[${i}].id`, 'duplicate-id', {
            expected: { en: 'an id not used before', zh: '未用过的编号' },
            received: received(r.id),
            note: { en: `${name}[${at}]`, zh: `${name}[${at}]` },
          }),
        );
    });
  };
  dupes(d.communities, 'communities');
  if (d.developerProjects) dupes(d.developerProjects, 'developerProjects');
  if (d.villages && d.villages.covered > d.villages.total) {
    out.push(
      refused(
        'villages.covered',
        'out-of-range',
        { en: `at most villages.total (${d.villages.total})`, zh: `不超过 villages.total(${d.villages.total})` },
        d.villages.covered,
      ),
    );
  }
  if (d.funding) {
    for (const key of Object.keys(d.funding.budgets)) {
      const y = Number(key);
      if (y < YEAR_MIN || y > YEAR_MAX) out.push(refused(`funding.budgets.${key}`, 'not-a-year', YEAR.expected, key));
    }
  }
  return out;
}

const MAX_ISSUES = 50;

function fail(issues: PolicyInputIssueInit[], context: string): never {
  const shown = issues.slice(0, MAX_ISSUES);
  if (issues.length > MAX_ISSUES)
    shown.push(issue('', 'too-many-issues', { received: { en: String(issues.length - MAX_ISSUES), zh: String(issues.length - MAX_ISSUES) } }));
  throw new PolicyInputError(shown, context);
}

/**
 * Validate a city's dataset. Returns it typed, or throws one error listing
 * every problem with its row and field (the first 50).
 *
 * @param input - the dataset, e.g. parsed from JSON
 * @returns the same data, typed
 * @throws {@link PolicyInputError} with paths such as `communities[17].households`
 * @example
 * ```ts
 * readDataset({ year: 2013, communities: [] }).year; //=> 2013
 * ```
 */
export function readDataset(input: unknown): Dataset {
  // A record schema skips a key named __proto__ without a word; a budget under that key is refused, never dropped.
  const budgets = (input as { funding?: { budgets?: unknown } } | null | undefined)?.funding?.budgets;
  if (typeof budgets === 'object' && budgets !== null && Object.hasOwn(budgets, '__proto__')) {
    fail([refused('funding.budgets.__proto__', WHAT.budgetKey.code, WHAT.budgetKey.expected, '__proto__')], 'readDataset');
  }
  const parsed = datasetSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) fail(toIssues(parsed.error.issues), 'readDataset');
  const cross = crossChecks(parsed.data);
  if (cross.length) fail(cross, 'readDataset');
  return parsed.data;
}

/**
 * Validate one community record; `at` is the path prefix for messages (e.g. `['communities', 17]`).
 * @internal
 */
export function readCommunity(input: unknown, at: readonly PropertyKey[] = [], context = 'evaluateCommunity'): CommunityRecord {
  const parsed = communitySchema.safeParse(input, { reportInput: true });
  if (!parsed.success) fail(toIssues(parsed.error.issues, at, 'communities'), context);
  const issue = sumIssue(parsed.data, at);
  if (issue) fail([issue], context);
  return parsed.data;
}

/**
 * The dataset schema as JSON Schema (draft 2020-12), for users outside TypeScript.
 *
 * @returns a JSON Schema object
 * @example
 * ```ts
 * datasetJsonSchema().required; //=> ['year', 'communities']
 * ```
 */
export function datasetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(datasetSchema) as Record<string, unknown>;
}
