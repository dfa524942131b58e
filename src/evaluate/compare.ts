/**
 * One city's data held against several policies side by side: the city's
 * document, and the same with a later standard laid over it. Every policy
 * evaluates the same data (by `evaluateCity`'s path, so the verdicts are
 * its own); the comparison lines the verdicts up per community and finding,
 * counts them, and says what each alternative asks beyond the baseline:
 * which communities pass under one and fail under the other, and how much
 * more room, staff and money, exactly.
 */
import type { Decimal } from 'decimal.js';
import type { Bilingual } from '../bilingual.js';
import { checkPolicy, type Policy, type ProvisionList } from '../create-policy.js';
import { D } from '../decimal.js';
import { PolicyInputError, refused } from '../errors.js';
import { standardsInForce, type StandardUse } from '../policies/standard-overlays.js';
import { STANDARDS, inForceOn, type InForce } from '../policies/standards.js';
import type { Finding, FindingStatus, PolicyCore, Source } from '../provisions/provision.js';
import type { ValueUnit } from '../provisions/declare.js';
import { readDatasetQuickly, evaluateDataset } from './city.js';
import type { Dataset } from './dataset.js';
import { checkContext, shapeOf, type CityEvaluation, type CityScope, type StatusCounts } from './evaluate.js';

/** Options of {@link comparePolicies}. */
export interface CompareOptions {
  /** The policy the others are measured against (default: the policy as written). */
  readonly baseline?: Policy<ProvisionList>;
  /** The policies to set beside it, at least one. */
  readonly alternatives: readonly Policy<ProvisionList>[];
  /** The day whose standards count as in force, for saying which applied (default: the last day of the data's year). */
  readonly on?: string;
}

/** A standard a compared policy carries, and whether it applied on the comparison's day. */
export interface ComparedStandard extends StandardUse {
  readonly inForce: InForce;
}

/** One policy of a comparison: its name, what it is made of, its evaluation and its failing communities. */
export interface ComparedPolicy {
  /** Its name in the comparison: the id of its last source (`'ningguo-2011'`, `'embedded-2023'`). */
  readonly id: string;
  /** The title of that source. */
  readonly title: Bilingual;
  /** What a table calls it: that source's short name, else its title. */
  readonly name: Bilingual;
  /** The documents it is made of, its own first. */
  readonly sources: readonly Source[];
  /** The standards of the registry it carries, with the readings they were laid over with and whether each applied on the day. */
  readonly standards: readonly ComparedStandard[];
  /** The evaluation, as `evaluateCity` gives it. */
  readonly evaluation: CityEvaluation<string>;
  /** Counts of findings by status. */
  readonly counts: StatusCounts;
  /** The communities with at least one failing finding, in data order. */
  readonly failing: readonly string[];
  /** The totals owed, by key, exact (a count of workers as a Decimal too); a total not evaluated under this policy is absent. */
  readonly owed: Readonly<Record<string, Decimal>>;
}

/** One community's (or the city's) finding of one kind, under each policy. */
export interface ComparedRow {
  readonly subject: string;
  readonly provision: string;
  readonly clause: string;
  /** Its status under each policy, in the order of `policies`; null where the policy has no such finding for the subject. */
  readonly statuses: readonly (FindingStatus | null)[];
  /** The findings themselves, in the same order. */
  readonly findings: readonly (Finding | null)[];
}

/** One total owed, under the baseline and an alternative. */
export interface OwedDifference {
  readonly key: string;
  readonly name: Bilingual;
  readonly unit: ValueUnit;
  /** The baseline's total, or null when the baseline has no such total (it asks nothing of that kind). */
  readonly baseline: Decimal | null;
  readonly alternative: Decimal | null;
  /** How much more the alternative asks: its total less the baseline's (a missing total counted as asking 0), exact. */
  readonly more: Decimal;
}

/** What one alternative changes against the baseline. */
export interface PolicyDifference {
  /** The alternative's id. */
  readonly policy: string;
  /** The baseline's id. */
  readonly against: string;
  /** Findings that pass under the baseline and fail under the alternative. */
  readonly newlyFailing: readonly { readonly subject: string; readonly provision: string }[];
  /** Findings that fail under the baseline and pass under the alternative. */
  readonly newlyPassing: readonly { readonly subject: string; readonly provision: string }[];
  /** Communities failing under the alternative and not under the baseline. */
  readonly communitiesNowFailing: readonly string[];
  /** Communities failing under the baseline and not under the alternative. */
  readonly communitiesNoLongerFailing: readonly string[];
  /** Every total owed under either policy, with how much more the alternative asks. */
  readonly owed: readonly OwedDifference[];
}

/** Result of {@link comparePolicies}. */
export interface PolicyComparison {
  readonly year: number;
  /** The day whose standards count as in force. */
  readonly on: string;
  /** The baseline first, then each alternative. */
  readonly policies: readonly ComparedPolicy[];
  /** Every (subject, finding) under any policy, in the order they first appear. */
  readonly rows: readonly ComparedRow[];
  /** One per alternative, against the baseline. */
  readonly differences: readonly PolicyDifference[];
}

const ZERO = /* @__PURE__ */ new D(0);
const exact = (v: unknown): Decimal => (typeof v === 'number' ? new D(v) : (v as Decimal));

function compared(policy: PolicyCore, d: Dataset, day: string, scope: CityScope): ComparedPolicy {
  const { findings, summary } = evaluateDataset(d, policy, true, undefined, scope);
  const last = policy.sources.at(-1)!;
  const failing = new Set<string>();
  const ids = new Set(d.communities.map((c) => c.id));
  for (const f of findings) if (f.status === 'fail' && ids.has(f.subject)) failing.add(f.subject);
  return {
    id: last.id,
    title: last.title,
    name: last.short ?? last.title,
    sources: policy.sources,
    standards: standardsInForce(policy, day),
    evaluation: { findings, summary } as unknown as CityEvaluation<string>,
    counts: summary.counts,
    failing: d.communities.map((c) => c.id).filter((id) => failing.has(id)),
    // A total not evaluated (null) is left out: it is not a zero to compare.
    owed: Object.fromEntries(Object.entries(summary.owed).flatMap(([k, v]) => (v === null ? [] : [[k, exact(v)]]))),
  };
}

/**
 * Hold the same data against several policies: the baseline (the city's document by default) and each
 * alternative (the same with a standard laid over it, say). Returns the verdict of every community and finding
 * under each, each policy's counts, failing communities and totals owed, and for each alternative what it
 * changes: the findings and communities that pass under one and fail under the other, and how much more room,
 * staff and money it asks — exact. Policies are named by their last source's id, so each must have its own.
 *
 * @param dataset - the city's data for one year (as `evaluateCity` takes it)
 * @param options - `baseline` (default: the policy as written), `alternatives` (at least one), `on` (the day whose standards count as in force; default the last day of the data's year)
 * @returns the comparison
 * @throws {@link PolicyInputError} for an invalid dataset or policy, no alternative, or two policies with the same last source
 * @example
 * ```ts
 * // 城东: 5 m² per 100 of 11,085 residents is 554.25 m² (246.25 short of 308); 20 per 100 of 3,695 households 739 m² (431 short).
 * const data = { year: 2013, communities: [{ id: 'c1', name: '城东', kind: 'urban', households: 3695, residents: 11085, roomAreaM2: 308 }] };
 * const c = comparePolicies(data, { alternatives: [applyStandard(createPolicy(), 'national-2011')] });
 * c.policies.map((p) => p.id); //=> ['ningguo-2011', 'national-2011']
 * c.differences[0].owed.find((o) => o.key === 'roomsM2').more.toString(); //=> '184.75'
 * ```
 */
export function comparePolicies(dataset: Dataset, options: CompareOptions): PolicyComparison {
  checkContext(options, '{ baseline?, alternatives, on? }', 'comparePolicies', ['baseline', 'alternatives', 'on']);
  if (!Array.isArray(options.alternatives) || options.alternatives.length === 0) {
    throw new PolicyInputError(
      [refused('alternatives', 'not-a-list', { en: 'a list of at least one policy', zh: '至少一项政策的列表' }, options.alternatives)],
      'comparePolicies',
    );
  }
  const policies: PolicyCore[] = [
    checkPolicy(options.baseline, 'comparePolicies'),
    ...options.alternatives.map((p) => checkPolicy(p, 'comparePolicies')),
  ] as unknown as PolicyCore[];
  const names = policies.map((p) => p.sources.at(-1)!.id);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) {
    throw new PolicyInputError(
      [
        refused(
          'alternatives',
          'duplicate-id',
          { en: 'policies whose last documents differ (each is named by it)', zh: '最后一份文件各不相同的政策(以它命名)' },
          twice,
        ),
      ],
      'comparePolicies',
    );
  }
  const d = readDatasetQuickly(dataset);
  if (options.on !== undefined) inForceOn(STANDARDS[0]!, options.on); // a day, or a PolicyInputError naming it
  return comparing(d, policies, options.on ?? `${d.year}-12-31`, 'dataset');
}

/**
 * The comparison of a validated dataset under validated policies (the baseline first), on a day; a table of
 * communities (`scope` 'communities-only', such as a CSV) has its city checks not evaluated, with the reason.
 * @internal
 */
export function comparing(d: Dataset, policies: readonly PolicyCore[], on: string, scope: CityScope): PolicyComparison {
  const results = policies.map((p) => compared(p, d, on, scope));

  // The rows: every (subject, finding) of any policy, its status under each.
  const rows = new Map<string, { subject: string; provision: string; clause: string; findings: (Finding | null)[] }>();
  results.forEach((r, i) => {
    for (const f of r.evaluation.findings) {
      const key = `${f.subject}\u0000${f.provision}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { subject: f.subject, provision: f.provision, clause: f.clause, findings: results.map(() => null) }));
      row.findings[i] = f;
    }
  });
  const table: ComparedRow[] = [...rows.values()].map((r) => ({ ...r, statuses: r.findings.map((f) => f?.status ?? null) }));

  const base = results[0]!;
  const differences = results.slice(1).map((alt, j): PolicyDifference => {
    const at = j + 1;
    const baseFailing = new Set(base.failing);
    const altFailing = new Set(alt.failing);
    const moved = (from: FindingStatus, to: FindingStatus) =>
      table.filter((r) => r.statuses[0] === from && r.statuses[at] === to).map((r) => ({ subject: r.subject, provision: r.provision }));
    const shapes = [shapeOf(policies[0]!), shapeOf(policies[at]!)];
    const keys = [...new Map([...shapes[0]!.owed, ...shapes[1]!.owed].map((o) => [o.key, o])).values()];
    return {
      policy: alt.id,
      against: base.id,
      newlyFailing: moved('pass', 'fail'),
      newlyPassing: moved('fail', 'pass'),
      communitiesNowFailing: alt.failing.filter((id) => !baseFailing.has(id)),
      communitiesNoLongerFailing: base.failing.filter((id) => !altFailing.has(id)),
      owed: keys.map((o) => {
        const b = base.owed[o.key] ?? null;
        const a = alt.owed[o.key] ?? null;
        return { key: o.key, name: o.name, unit: o.unit, baseline: b, alternative: a, more: (a ?? ZERO).minus(b ?? ZERO) };
      }),
    };
  });
  return { year: d.year, on, policies: results, rows: table, differences };
}
