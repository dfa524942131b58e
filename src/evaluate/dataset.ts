/**
 * The dataset one city hands in for one year, as a zod/mini schema (with a
 * JSON Schema for users outside TypeScript), and its reader: every problem is
 * reported with its row and field, unknown fields are refused, never dropped.
 */
import * as z from 'zod/mini';
import { describeValue, IssueList, issue, received, refused, type IssueCode, type PolicyInputIssueInit, type Words } from '../errors.js';
import { amount as AMOUNT, count as COUNT, date as DATE, flag as FLAG, id as ID, names, oneOf, text as TEXT, year as YEAR, YEAR_TEXT } from '../kinds.js';
import { PLAIN_DECIMAL, YEAR_MAX, YEAR_MIN } from '../values.js';
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

/**
 * What each part of the schema says in JSON Schema besides what zod writes for it: a value of a kind is
 * described by the kind's own declaration (`json` in ../kinds.ts, the same declaration as its test), and a rule
 * that JSON Schema cannot state (ids used once, a sum) is said in a description.
 */
const JSON_OF = /* @__PURE__ */ new WeakMap<object, (json: Record<string, unknown>) => void>();
const described = <S extends object>(schema: S, write: (json: Record<string, unknown>) => void): S => {
  JSON_OF.set(schema, write);
  return schema;
};
/** A part read as a value of `kind`: its JSON Schema is the kind's. */
const ofKind = <S extends object>(schema: S, kind: { readonly json: Readonly<Record<string, unknown>> }): S =>
  described(schema, (json) => {
    for (const key of Object.keys(json)) delete json[key];
    Object.assign(json, structuredClone(kind.json));
  });
/** A part with a rule JSON Schema cannot state, said in words. */
const noted = <S extends object>(schema: S, description: string): S => described(schema, (json) => Object.assign(json, { description }));

const count = () => ofKind(z.int(say('count')).check(z.minimum(0, say('count'))), COUNT);
const amount = () =>
  ofKind(
    z.union(
      [
        z.number(say('amount')).check(z.minimum(0, say('amount'))),
        z.string(say('amount')).check(z.maxLength(60, say('amount')), z.regex(PLAIN_DECIMAL, say('amount'))),
      ],
      say('amount'),
    ),
    AMOUNT,
  );
const flag = () => ofKind(z.boolean(say('flag')), FLAG);
const id = () => ofKind(z.string(say('id')).check(z.refine((v: string) => ID.is(v), say('id'))), ID);
const day = () => ofKind(z.string(say('date')).check(z.refine((v: string) => DATE.is(v), say('date'))), DATE);
const year = () => ofKind(z.int(say('year')).check(z.minimum(YEAR_MIN, say('year')), z.maximum(YEAR_MAX, say('year'))), YEAR);
const text = () => ofKind(z.string(say('text')), TEXT);

/** The schema of one community record. @internal */
export const communitySchema = /* @__PURE__ */ z.strictObject(
  {
    id: id(),
    name: text(),
    kind: z.enum(['urban', 'rural'], say('kind')),
    households: count(),
    floatingHouseholds: noted(z.optional(count()), 'households + floatingHouseholds is at most 9007199254740991 (2^53 − 1)'),
    residents: count(),
    roomAreaM2: z.optional(amount()),
    serviceCentreM2: z.optional(amount()),
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

/** The city budgets by year. */
const budgetsSchema = /* @__PURE__ */ z.record(
  // A key that is not four digits is reported by the record's message below, at the key's path; one outside the
  // years the library takes by crossChecks (the JSON Schema says both: YEAR_TEXT).
  described(z.string().check(z.regex(/^\d{4}$/)), (json) => Object.assign(json, { pattern: YEAR_TEXT.source })),
  amount(),
  { error: (iss) => say(iss.code === 'invalid_type' ? 'budgets' : 'budgetKey').error(iss) },
);

/** The dataset's fields, with the schema of each part that can be long (a list, the budgets) given as `long`. */
const datasetShape = <C extends z.ZodMiniType, P extends z.ZodMiniType, B extends z.ZodMiniType>(communities: C, projects: P, budgets: B) => ({
  /** Free text: where the data comes from, or that it is made up. */
  description: z.optional(text()),
  year: year(),
  communities: noted(z.array(communities, say('communities')), 'each id is used once'),
  villages: z.optional(noted(z.strictObject({ total: count(), covered: count() }, say('villages')), 'covered is at most total')),
  funding: z.optional(z.strictObject({ baseYearTotal: amount(), budgets }, say('funding'))),
  developerProjects: z.optional(noted(z.array(projects, say('projects')), 'each id is used once')),
});

/** The schema of a city's dataset for one year. @internal */
export const datasetSchema = /* @__PURE__ */ z.strictObject(datasetShape(communitySchema, projectSchema, budgetsSchema), say('dataset'));

/**
 * The dataset with its long parts unread: what {@link readDataset} reads with zod in one go, before it reads each
 * community, project and budget on its own (zod gathers the issues of a list into its parent with one spread
 * call, which overflows the stack at about 120,000 issues).
 */
const datasetShellSchema = /* @__PURE__ */ z.strictObject(datasetShape(z.unknown(), z.unknown(), z.optional(z.unknown())), say('dataset'));
const communityListSchema = /* @__PURE__ */ z.array(communitySchema);
const projectListSchema = /* @__PURE__ */ z.array(projectSchema);

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
  addIssues({ add: (i) => out.push(typeof i === 'function' ? i() : i) }, issues, prefix, root);
  return out;
}

/** {@link toIssues} into a list, each issue made only when the list keeps it. */
function addIssues(found: Pick<IssueList, 'add'>, issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[], root: string): void {
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      // The group is the path's first key ('communities', 'villages', …, or '' at the top); a caller reading one
      // record under another name (evaluateBatch's 'records') passes the group as root.
      const allowed = FIELDS[String(path[0] ?? root)] ?? FIELDS[root]!;
      for (const key of iss.keys) found.add(() => unknownField(formatPath([...path, key]), key, allowed));
    } else {
      found.add(() => fromZod(formatPath(path), iss));
    }
  }
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

/** Problems that the schema cannot see: sums beyond safe integers, duplicate ids, covered above total, budgets before the base year. */
function crossChecks(d: Dataset, out: IssueList): void {
  d.communities.forEach((c, i) => {
    const issue = sumIssue(c, ['communities', i]);
    if (issue) out.add(issue);
  });
  const dupes = (rows: readonly { id: string }[], name: string) => {
    const first = new Map<string, number>();
    rows.forEach((r, i) => {
      const at = first.get(r.id);
      if (at === undefined) first.set(r.id, i);
      else
        out.add(() =>
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
    out.add(
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
      if (y < YEAR_MIN || y > YEAR_MAX) out.add(() => refused(`funding.budgets.${key}`, 'not-a-year', YEAR.expected, key));
    }
  }
}

const isObject = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How many items of a list zod reads at once: few enough that their issues stay far below what a spread call takes. */
const CHUNK = 1024;

/** The items of a list read by `schema` (a list schema), a chunk at a time, the issues under `at[i]`; undefined when not a list. */
function eachItem<T>(list: unknown, schema: z.ZodMiniType<T[]>, at: string, found: IssueList): T[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: T[] = [];
  for (let start = 0; start < list.length; start += CHUNK) {
    const r = schema.safeParse(list.slice(start, start + CHUNK), { reportInput: true });
    if (r.success) for (const item of r.data) out.push(item);
    else
      for (const iss of r.error.issues) {
        const [i, ...rest] = iss.path;
        addIssues(found, [{ ...iss, path: rest }], [at, start + (i as number)], at);
      }
  }
  return out;
}

/** The budgets read one year at a time (as the record schema reads them: own enumerable keys), or undefined when they are not a plain object. */
function eachBudget(budgets: unknown, found: IssueList): Record<string, DatasetAmount> | undefined {
  const whole = (value: unknown) => budgetsSchema.safeParse(value, { reportInput: true });
  if (!isObject(budgets) || ![Object.prototype, null].includes(Object.getPrototypeOf(budgets))) {
    const r = whole(budgets);
    if (!r.success) addIssues(found, r.error.issues, ['funding', 'budgets'], 'funding');
    return r.success ? r.data : undefined;
  }
  const out: Record<string, DatasetAmount> = {};
  const keys = Reflect.ownKeys(budgets).filter((key) => key !== '__proto__' && Object.prototype.propertyIsEnumerable.call(budgets, key));
  for (let start = 0; start < keys.length; start += CHUNK) {
    const chunk: Record<PropertyKey, unknown> = {};
    for (const key of keys.slice(start, start + CHUNK)) chunk[key] = budgets[key];
    const r = whole(chunk);
    if (r.success) Object.assign(out, r.data);
    else addIssues(found, r.error.issues, ['funding', 'budgets'], 'funding');
  }
  return out;
}

/**
 * The dataset read by its schema, its issues in the order of its fields (as zod would give them): the shell in
 * one go, then every community, project and budget on its own, so that the issues past the cap are only counted.
 */
function readParts(input: unknown, found: IssueList): Dataset | undefined {
  const shell = datasetShellSchema.safeParse(input, { reportInput: true });
  const issues = shell.success ? [] : shell.error.issues;
  const under = (test: (path: readonly PropertyKey[]) => boolean) =>
    addIssues(
      found,
      issues.filter((i) => test(i.path)),
      [],
      '',
    );
  const parts = isObject(input) ? input : {};
  let communities: CommunityRecord[] | undefined;
  let projects: ProjectRecord[] | undefined;
  let budgets: Record<string, DatasetAmount> | undefined;
  for (const field of Object.keys(datasetShellSchema.def.shape)) {
    if (field === 'funding') {
      under((p) => p[0] === field && p.length > 1);
      if (isObject(parts.funding)) budgets = eachBudget(parts.funding.budgets, found);
      under((p) => p[0] === field && p.length === 1);
      continue;
    }
    under((p) => p[0] === field);
    if (field === 'communities') communities = eachItem(parts.communities, communityListSchema, field, found);
    if (field === 'developerProjects') projects = eachItem(parts.developerProjects, projectListSchema, field, found);
  }
  under((p) => p.length === 0);
  if (!shell.success || found.found > 0) return undefined;
  const d = shell.data as Dataset;
  d.communities = communities!;
  if (projects) d.developerProjects = projects;
  if (d.funding) d.funding.budgets = budgets!;
  return d;
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
  const found = new IssueList();
  // A record schema skips a key named __proto__ without a word; a budget under that key is refused, never dropped.
  const budgets = (input as { funding?: { budgets?: unknown } } | null | undefined)?.funding?.budgets;
  if (typeof budgets === 'object' && budgets !== null && Object.hasOwn(budgets, '__proto__')) {
    found.add(refused('funding.budgets.__proto__', WHAT.budgetKey.code, WHAT.budgetKey.expected, '__proto__'));
    found.throwIfAny('readDataset');
  }
  const d = readParts(input, found);
  found.throwIfAny('readDataset');
  crossChecks(d!, found);
  found.throwIfAny('readDataset');
  return d!;
}

/**
 * Validate one community record; `at` is the path prefix for messages (e.g. `['communities', 17]`).
 * @internal
 */
export function readCommunity(input: unknown, at: readonly PropertyKey[] = [], context = 'evaluateCommunity'): CommunityRecord {
  const found = new IssueList();
  const parsed = communitySchema.safeParse(input, { reportInput: true });
  if (!parsed.success) addIssues(found, parsed.error.issues, at, 'communities');
  else {
    const issue = sumIssue(parsed.data, at);
    if (issue) found.add(issue);
  }
  found.throwIfAny(context);
  return parsed.data!;
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
  return z.toJSONSchema(datasetSchema, {
    override: ({ zodSchema, jsonSchema }) => JSON_OF.get(zodSchema)?.(jsonSchema as Record<string, unknown>),
  }) as Record<string, unknown>;
}
