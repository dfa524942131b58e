/**
 * The dataset one city hands in for one year, as a zod/mini schema (with a
 * JSON Schema for users outside TypeScript), and its reader: every problem is
 * reported with its row and field, unknown fields are refused, never dropped.
 */
import * as z from 'zod/mini';
import { PolicyInputError, describeValue, type PolicyInputIssue } from '../errors.js';
import { calendarDay, PLAIN_DECIMAL, YEAR_MAX, YEAR_MIN } from '../values.js';
import { closest } from '../policy/names.js';

const COUNT = 'a whole number ≥ 0';
const AMOUNT = "a number ≥ 0 or a decimal string such as '199999.5'";
const got = (iss: { input?: unknown }) => `got ${describeValue(iss.input)}`;

const count = () =>
  z.int({ error: (iss) => `expected ${COUNT}, ${got(iss)}` }).check(z.minimum(0, { error: (iss) => `expected ${COUNT}, ${got(iss)}` }));
const amountError = { error: (iss: { input?: unknown }) => `expected ${AMOUNT}, ${got(iss)}` };
const amount = () =>
  z.union([z.number(amountError).check(z.minimum(0, amountError)), z.string(amountError).check(z.maxLength(60, amountError), z.regex(PLAIN_DECIMAL, amountError))], amountError);
const flag = () => z.boolean({ error: (iss) => `expected true or false, ${got(iss)}` });
const ID = 'a non-empty text id (not only spaces)';
const id = () =>
  z.string({ error: (iss) => `expected ${ID}, ${got(iss)}` }).check(
    z.refine((v: string) => v.trim().length > 0, { error: (iss) => `expected ${ID}, ${got(iss)}` }),
  );
const day = () =>
  z.string({ error: (iss) => `expected an ISO date 'YYYY-MM-DD', ${got(iss)}` }).check(
    z.refine((v: string) => calendarDay(v) !== undefined, { error: (iss) => `expected an ISO date 'YYYY-MM-DD' that exists in the calendar, ${got(iss)}` }),
  );
const year = () =>
  z.int({ error: (iss) => `expected a whole-number year, ${got(iss)}` }).check(
    z.minimum(YEAR_MIN, { error: (iss) => `expected a year from ${YEAR_MIN} to ${YEAR_MAX}, ${got(iss)}` }),
    z.maximum(YEAR_MAX, { error: (iss) => `expected a year from ${YEAR_MIN} to ${YEAR_MAX}, ${got(iss)}` }),
  );

/** The schema of one community record. @internal */
export const communitySchema = /* @__PURE__ */ z.strictObject({
  id: id(),
  name: z.string({ error: (iss) => `expected a text name, ${got(iss)}` }),
  kind: z.enum(['urban', 'rural'], { error: (iss) => `expected 'urban' or 'rural', ${got(iss)}` }),
  households: count(),
  floatingHouseholds: z.optional(count()),
  residents: count(),
  roomAreaM2: z.optional(amount()),
  staff: z.optional(count()),
  roomsOnGroundFloor: z.optional(flag()),
  oneStopWindow: z.optional(flag()),
  streetSubsidyPaid: z.optional(amount()),
  activeFrom: z.optional(day()),
}, { error: (iss) => `expected a community record { id, name, kind, households, residents, … }, ${got(iss)}` });

/** The schema of one real-estate development project. @internal */
export const projectSchema = /* @__PURE__ */ z.strictObject({
  id: id(),
  floorAreaM2: amount(),
  residents: z.optional(count()),
  households: z.optional(count()),
  roomAreaProvidedM2: z.optional(amount()),
  fundsPaid: z.optional(amount()),
  pricePerM2: z.optional(amount()),
}, { error: (iss) => `expected a project record { id, floorAreaM2, … }, ${got(iss)}` });

/** The schema of a city's dataset for one year. @internal */
export const datasetSchema = /* @__PURE__ */ z.strictObject({
  /** Free text: where the data comes from, or that it is made up. */
  description: z.optional(z.string({ error: (iss) => `expected a text description, ${got(iss)}` })),
  year: year(),
  communities: z.array(communitySchema, { error: (iss) => `expected a list of communities, ${got(iss)}` }),
  villages: z.optional(z.strictObject({ total: count(), covered: count() }, { error: (iss) => `expected { total, covered }, ${got(iss)}` })),
  funding: z.optional(
    z.strictObject(
      {
        baseYearTotal: amount(),
        budgets: z.record(
          // A key that is not four digits is reported by the record's message below, at the key's path.
          z.string().check(z.regex(/^\d{4}$/)),
          amount(),
          { error: (iss) => `expected budgets as { "2012": amount, … }, ${got(iss)}` },
        ),
      },
      { error: (iss) => `expected { baseYearTotal, budgets }, ${got(iss)}` },
    ),
  ),
  developerProjects: z.optional(z.array(projectSchema, { error: (iss) => `expected a list of projects, ${got(iss)}` })),
}, { error: (iss) => `expected a dataset { year, communities, … }, ${got(iss)}` });

/** A money amount or an area in a dataset: a number ≥ 0 or a plain decimal string (exact). */
export type DatasetAmount = number | string;

/** One community of a dataset. */
export interface CommunityRecord {
  /** Unique within the dataset. */
  id: string;
  name: string;
  /** Urban communities are held to every community provision; rural ones to the subsidy (Q10). */
  kind: 'urban' | 'rural';
  /** Households of actual residents. */
  households: number;
  /** Households of the floating population, counted for staffing (Q8); 0 when absent. */
  floatingHouseholds?: number;
  residents: number;
  /** Office and service room area, m² (Q7). */
  roomAreaM2?: DatasetAmount;
  /** Community workers in post (Q8). */
  staff?: number;
  /** Whether the rooms are on the ground floor (A.3.4). */
  roomsOnGroundFloor?: boolean;
  /** Whether there is a one-stop service window (A.3.4). */
  oneStopWindow?: boolean;
  /** Matching subsidy the street or township paid this year, yuan (Q10). */
  streetSubsidyPaid?: DatasetAmount;
  /** ISO date the community came into being, when during the year (Q10, I8). */
  activeFrom?: string;
}

/** One development project of a dataset. */
export interface ProjectRecord {
  id: string;
  /** Total developed floor area, m² (Q11, Q12). */
  floorAreaM2: DatasetAmount;
  /** Residents the project houses, to size rooms in kind (Q7). */
  residents?: number;
  /** Households the project houses, on a per-household room standard (I9). */
  households?: number;
  /** Rooms handed over, m² (Q11). */
  roomAreaProvidedM2?: DatasetAmount;
  /** Community-room money paid, yuan (Q12). */
  fundsPaid?: DatasetAmount;
  /** Price per m², yuan, to turn 3‰ into money (I6). */
  pricePerM2?: DatasetAmount;
}

/** A city's dataset for one year. */
export interface Dataset {
  /** Free text: where the data comes from, or that it is made up. */
  description?: string;
  year: number;
  communities: CommunityRecord[];
  /** Villages (村/组) in the city and how many the rural rollout has reached (Q6). */
  villages?: { total: number; covered: number };
  /** The base year's special-plus-subsidy total and each year's city budget for communities, yuan (Q9). */
  funding?: { baseYearTotal: DatasetAmount; budgets: Record<string, DatasetAmount> };
  developerProjects?: ProjectRecord[];
}

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

/** Turn zod's issues into ours, with a row-and-field path and an actionable message. @internal */
export function toIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = [], root = ''): PolicyInputIssue[] {
  const out: PolicyInputIssue[] = [];
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      // The group is the path's first key ('communities', 'villages', …, or '' at the top); a caller reading one
      // record under another name (evaluateBatch's 'records') passes the group as root.
      const allowed = FIELDS[String(path[0] ?? root)] ?? FIELDS[root]!;
      for (const key of iss.keys) {
        const guess = closest(key, allowed);
        out.push({ path: formatPath([...path, key]), message: `unknown field${guess ? ` (did you mean "${guess}"?)` : ''}; allowed: ${allowed.join(', ')}` });
      }
    } else if (iss.input === undefined) {
      // A missing field: a count or text (invalid_type) or an amount (invalid_union).
      out.push({ path: formatPath(path), message: `is required: ${iss.message}` });
    } else {
      out.push({ path: formatPath(path), message: iss.message });
    }
  }
  return out;
}

const SUM_TOO_LARGE = 'households + floatingHouseholds is larger than the largest safe integer';

/**
 * Staff are counted on households + floatingHouseholds (Q8): the sum must be exact, as requiredStaff demands.
 * Checked after the schema (a zod refinement on every record cost a fifth of the reading time). @internal
 */
export function sumIssue(c: CommunityRecord, at: readonly PropertyKey[]): PolicyInputIssue | undefined {
  return Number.isSafeInteger(c.households + (c.floatingHouseholds ?? 0)) ? undefined : { path: formatPath([...at, 'floatingHouseholds']), message: SUM_TOO_LARGE };
}

/** Problems that the schema cannot see: sums beyond safe integers, duplicate ids, covered above total, budgets before the base year. @internal */
export function crossChecks(d: Dataset): PolicyInputIssue[] {
  const out: PolicyInputIssue[] = [];
  d.communities.forEach((c, i) => {
    const issue = sumIssue(c, ['communities', i]);
    if (issue) out.push(issue);
  });
  const dupes = (rows: readonly { id: string }[], name: string) => {
    const first = new Map<string, number>();
    rows.forEach((r, i) => {
      const at = first.get(r.id);
      if (at === undefined) first.set(r.id, i);
      else out.push({ path: `${name}[${i}].id`, message: `duplicate id ${describeValue(r.id)} (first used by ${name}[${at}])` });
    });
  };
  dupes(d.communities, 'communities');
  if (d.developerProjects) dupes(d.developerProjects, 'developerProjects');
  if (d.villages && d.villages.covered > d.villages.total) {
    out.push({ path: 'villages.covered', message: `expected at most villages.total (${d.villages.total}), got ${d.villages.covered}` });
  }
  if (d.funding) {
    for (const key of Object.keys(d.funding.budgets)) {
      const y = Number(key);
      if (y < YEAR_MIN || y > YEAR_MAX) out.push({ path: `funding.budgets.${key}`, message: `expected a year from ${YEAR_MIN} to ${YEAR_MAX}` });
    }
  }
  return out;
}

const MAX_ISSUES = 50;

function fail(issues: PolicyInputIssue[], context: string): never {
  const shown = issues.slice(0, MAX_ISSUES);
  if (issues.length > MAX_ISSUES) shown.push({ path: '', message: `… and ${issues.length - MAX_ISSUES} more problems` });
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
    fail([{ path: 'funding.budgets.__proto__', message: 'expected a four-digit year as the key, got "__proto__"' }], 'readDataset');
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
