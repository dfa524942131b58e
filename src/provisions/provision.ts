/**
 * What a provision is, as a value: its declarations (clause, parameters,
 * readings, the words of its findings), its rules and its checks, in one
 * object that a policy carries in its list. And what a check is, what it
 * yields (findings, or "not evaluated" with the reason) and the documents
 * provisions come from. Types and one identity function only: this module
 * sits below every provision, every policy and the evaluation, and imports
 * nothing but the kernel's types and the declarations.
 */
import type { Decimal } from 'decimal.js';
import type { Bilingual } from '../bilingual.js';
import { PolicyInputError, refused, type PolicyInputIssueInit } from '../errors.js';
import { provisionIssues } from './validate.js';
import type { Citation, InterpretationUse } from '../trace.js';
import type { Declared, FindingAbout, Interpretation, ParameterUnit, RuleAbout } from './declare.js';
import type { CommunityRecord, Dataset } from './records.js';
import type { CheckFormula } from '../formula/types.js';

// ——— findings ———

/** `pass`: the data meets the provision; `fail`: it does not; `unknown`: the data lacks what is needed to tell. */
export type FindingStatus = 'pass' | 'fail' | 'unknown';
/** An expected or actual value: exact Decimals for areas, money and shares, numbers for counts. */
export type FindingValue = Decimal | number | boolean | string | null;

export type { Citation };

/** One provision held against one subject. */
export interface Finding {
  /** The finding's id: a Q-id, or for a provision without one `'A.3.4/ground-floor'`, or a user's own id. */
  readonly provision: string;
  /** Clause id, e.g. `'A.4.2'`. */
  readonly clause: string;
  /** A community's or project's id, `'city'`, or `'city/2013'` for one budget year. */
  readonly subject: string;
  readonly status: FindingStatus;
  /** What the policy requires. */
  readonly expected: FindingValue;
  /** What the data shows (null when unknown). */
  readonly actual: FindingValue;
  /** The finding in words, with its numbers. */
  readonly message: Bilingual;
  /** How far short, in the provision's unit, when failing (for ordering the worst first). */
  readonly shortfall?: Decimal;
  /**
   * The area a money obligation stands for, in m² (a developer's room money, A.4.3): `expected` and `actual` are
   * then yuan, and `expected` is null when there is no price per m² to turn the area into yuan — one unit a finding.
   */
  readonly areaEquivalentM2?: Decimal;
  /** Readings of ambiguous text the verdict relied on, where a city finding depends on one (the targets of A.2: their deadline and interim readings). */
  readonly interpretations?: readonly InterpretationUse[];
  /** The documents beyond the policy's own that made this finding what it is (an overlay that added, replaced or amended its provision). */
  readonly cites?: readonly Citation[];
}

/** A provision that applies but was not evaluated, and why (never a silent gap). */
export interface NotEvaluated {
  readonly provision: string;
  readonly clause: string;
  readonly subject: string;
  readonly reason: Bilingual;
  /** The document that switched the provision off, when one did. */
  readonly cites?: readonly Citation[];
}

// ——— documents ———

/** How far a document's figures were read in the document itself. */
export type SourceStatus = 'verified' | 'derivative' | 'unverified';

/**
 * One part of a document's identity (its title, issuer or date) as the text we hold gives it: `printed` in it,
 * `implied` by it (the words say from what), or `not-given`. Never a guess presented as the document's.
 */
export interface GivenPart {
  readonly given: 'printed' | 'implied' | 'not-given';
  /** What the text prints, in its own characters, where it prints it. */
  readonly printed?: string;
  /** What can be said of it and from what, in our words. */
  readonly words: Bilingual;
}

/** What a document's own text gives of its title, issuer and date. */
export interface DocumentGiven {
  readonly title: GivenPart;
  readonly issuer: GivenPart;
  readonly date: GivenPart;
}

/**
 * A document that provisions or parameters come from: the city's own policy, a national standard, a user's
 * amendment. Numbers carry it so that a report can say where each came from.
 */
export interface Source {
  /** A short stable id: `'ningguo-2011'`, `'embedded-2023'`. */
  readonly id: string;
  /** Who issued it. */
  readonly body: Bilingual;
  /** Its title. */
  readonly title: Bilingual;
  /** Its document number, where it has one (`国办发〔2011〕61号`). */
  readonly number?: string;
  /** The date it was issued or took force (`'2023-11-19'`), or only its year (`'2011'`), as far as it is known. */
  readonly date?: string;
  /** Where it was read. */
  readonly url?: string;
  /** `verified`: read in the document's own text; `derivative`: quoted by another document or a briefing; `unverified`. */
  readonly status?: SourceStatus;
  /** Anything a reader should know about it, in our words. */
  readonly note?: Bilingual;
}

// ——— the policy as checks and rules see it ———

/** One parameter as of a day. */
export interface ParameterAsOf {
  /** Dotted path, e.g. `'funding.growthRate'`. */
  readonly path: string;
  /** Clause id, e.g. `'A.4.2'`. */
  readonly clause: string;
  /** The ids of the quantitative provisions or readings it serves. */
  readonly provisions: readonly string[];
  readonly unit: ParameterUnit | string;
  /** ISO date from which the policy applies the parameter. */
  readonly from: string;
  /** True for a parameter the policy itself does not set. */
  readonly optional?: boolean;
  readonly value: number | string | undefined;
  /** Whether the policy applies it on that day. */
  readonly inForce: boolean;
  /** The document its value in force comes from, when it is not the policy's own. */
  readonly cites?: readonly Citation[];
}

/** A provision a document switched off, and why: its findings are not evaluated, with this reason. */
export interface RemovedProvision {
  readonly id: string;
  readonly clause: string;
  /** The finding ids it would have produced. */
  readonly findings: readonly string[];
  /** Its rules (a policy's method of that name says why it is gone). */
  readonly rules: readonly string[];
  readonly reason: Bilingual;
  readonly cites: readonly Citation[];
}

/**
 * A policy, as provisions, checks and the evaluation see it: whatever its list, its parameters as one nested
 * object, and its rules callable by name. The public `Policy` type adds the methods and parameter types its list
 * declares.
 */
export interface PolicyCore {
  /** The parameters the policy computes with, nested by group (`{ staffing: { householdsPerWorker } }`), deeply frozen. */
  readonly parameters: object;
  /** Its provisions, in document order. */
  readonly provisions: readonly Provision[];
  /** Provisions a document switched off. */
  readonly removed: readonly RemovedProvision[];
  /** The documents it is made of: its own first, then each document laid over it, in order. */
  readonly sources: readonly Source[];
  /** The day whose dated values it computes with, when one was given. */
  readonly on: string | undefined;
  /** Every parameter with its clause, unit and start date, and whether it applies on `date`. */
  asOf(date: string | Date): ParameterAsOf[];
}

// ——— checks ———

/** What a community finding reports besides its verdict. */
export interface Detail {
  expected: FindingValue;
  actual: FindingValue;
  shortfall?: Decimal;
}

/**
 * A failing community's relative shortfall as `num ÷ den` of integers (a `den` of 0 leaves the order to the
 * finding's exact key), and what it owes in the check's `owedScale` units.
 */
export interface QuickShortfall {
  num: number;
  den: number;
  owe: number;
}

/** A check of each community. `K` holds its per-policy constants, computed once per evaluation. */
export interface CommunityCheck<K = unknown> {
  readonly scope: 'community';
  /** The finding's id (a Q-id, or `'A.3.4/ground-floor'` for a provision without one). */
  readonly provision: string;
  readonly clause: string;
  /** Whether a rural community is held to it too (else it applies to urban communities only). */
  readonly rural: boolean;
  /** A yes/no check: a failing one is short by exactly 1. */
  readonly flag?: boolean;
  /** Its shortfalls add to the owed total in units of 1 ÷ owedScale (rooms: hundredths of m²). Default 1. */
  readonly owedScale?: number;
  /** The rules of its provision whose arithmetic it shares: a document that replaces one of them must replace this check too. */
  readonly uses?: readonly string[];
  /**
   * Its arithmetic as data, when it is declared so (`formulaCheck`): `compile`, `status`, `exact`, `detail` and
   * `quick` are then derived from it, and the SQL export can say it.
   */
  readonly formula?: CheckFormula;
  /** Why its arithmetic is written by hand, when it has no `formula` (then it has no SQL). */
  readonly handWritten?: Bilingual;
  compile(policy: PolicyCore, year: number | undefined): K;
  /**
   * PASS, FAIL or UNKNOWN for one validated community: in integers where the numbers fit, exactly otherwise.
   * Called as a plain function, without `this` (the evaluation keeps the functions in an array for its hot loop).
   */
  status(c: CommunityRecord, k: K): number;
  /** The same verdict decided the slow way, exactly with Decimals: a property test holds `status` equal to it. */
  exact?(c: CommunityRecord, k: K): number;
  /** Expected, actual and shortfall, exactly. */
  detail(c: CommunityRecord, k: K, fail: boolean): Detail;
  /** The finding in words. */
  message(c: CommunityRecord, k: K, ok: boolean, d: Detail): Bilingual;
  /** For a failing community: its shortfall from integers alone (into `out`), or false when the exact finding must give it. */
  quick?(c: CommunityRecord, k: K, out: QuickShortfall): boolean;
}

/** A check of the city's own figures. */
export interface CityCheck {
  readonly scope: 'city';
  readonly provision: string;
  readonly clause: string;
  /** When a table of communities (a CSV) cannot carry what it needs: whom it concerns and why it is not evaluated. */
  readonly notCarried?: { readonly subject: 'city' | 'year' | 'projects'; readonly reason: Bilingual };
  /** Why its arithmetic is written by hand rather than declared as a formula (it has no SQL). */
  readonly handWritten?: Bilingual;
  findings(d: Dataset, policy: PolicyCore, out: Finding[], notEvaluated: NotEvaluated[]): void;
  /** What is due in a year whatever the data gives (for the progress table, where the data cannot tell). */
  due?(policy: PolicyCore, year: number): Decimal;
}

/** A judgement of the city from its urban communities' standings: `ok` meet all their checks, `undecided` lack data, of `of`. */
export interface StandingCheck {
  readonly scope: 'standing';
  readonly provision: string;
  readonly clause: string;
  /** Why its arithmetic is written by hand rather than declared as a formula (it has no SQL). */
  readonly handWritten?: Bilingual;
  judge(policy: PolicyCore, year: number, ok: number, of: number, undecided: number): Finding | NotEvaluated;
}

/** An exact sum of one optional field over communities: its total over those that give it, and how many do not. */
export interface FieldSum {
  /** The sum over the communities that give the field, exact. */
  readonly total: Decimal;
  /** Communities that give it. */
  readonly given: number;
  /** Communities that do not: a total with any lacking is a lower bound, never the whole (missing is unknown, not 0). */
  readonly lacking: number;
}

/** Exact sums over a group of communities (the urban ones), which a judgement of the city as a whole starts from. */
export interface CommunitySums {
  readonly communities: number;
  readonly households: Decimal;
  /** Households of the floating population (0 for a community that gives none, as staffing counts them). */
  readonly floatingHouseholds: Decimal;
  readonly residents: Decimal;
  readonly staff: FieldSum;
  readonly roomAreaM2: FieldSum;
  readonly serviceCentreM2: FieldSum;
}

/**
 * A judgement of the city as a whole from exact sums over its urban communities (an average area per 100
 * households, workers per 10,000 residents): a finding, "not evaluated" with the reason, or nothing when it
 * does not apply under the policy's readings.
 */
export interface AggregateCheck {
  readonly scope: 'aggregate';
  readonly provision: string;
  readonly clause: string;
  /** Why its arithmetic is written by hand rather than declared as a formula (it has no SQL). */
  readonly handWritten?: Bilingual;
  /** Whether it applies under this policy (when not, the evaluation does not gather the sums for it). Default: it does. */
  applies?(policy: PolicyCore): boolean;
  judge(policy: PolicyCore, year: number, urban: CommunitySums): Finding | NotEvaluated | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: each community check has constants of its own type, which the list does not know
export type Check = CommunityCheck<any> | CityCheck | StandingCheck | AggregateCheck;

// ——— provisions ———

/** A rule's function of the parameters and an input, whatever their types. */
export type AnyCompute = (p: never, input: never) => object;

/**
 * A rule of a provision: the function of the parameters and an input (pure and exact, refusing bad input with
 * PolicyInputError), and how its input is typed in and its worked example.
 */
export interface RuleDef<F extends (p: never, input: never) => object = (p: never, input: never) => object> {
  readonly compute: F;
  readonly about: RuleAbout;
}

/**
 * A provision: one home for a clause's numbers, rules, checks, readings and words. The policy is a list of
 * these; everything else (the policy's methods, the evaluation's columns, the reports, `explain`, the audit,
 * the explorer and the book) walks the list.
 */
export interface Provision extends Declared {
  /** A stable id, unique in a policy (the folder's name for the city's own: `'a-4-2-staff'`). */
  readonly id: string;
  /** The ids of the quantitative provisions it computes (its Q-ids). */
  readonly quantities: readonly string[];
  /** Its readings of ambiguous text: the question, the options, the default and why. */
  readonly readings: readonly Interpretation[];
  /** Its rules, by their public name. */
  readonly rules: Readonly<Record<string, RuleDef>>;
  /** Its checks, in report order. */
  readonly checks: readonly Check[];
  /** The findings its checks produce, by finding id, with their words, unit and the total a shortfall adds to. */
  readonly findings: Readonly<Record<string, FindingAbout>>;
  /** Problems of a parameter set that no single parameter shows (a first growth year after the base year). */
  // biome-ignore lint/suspicious/noExplicitAny: the provision reads its own parameters, whose type the list does not know
  readonly validate?: (p: any) => PolicyInputIssueInit[];
  /** The documents beyond the policy's own that added, replaced or amended it (set by `extendPolicy`). */
  readonly cites?: readonly Citation[];
}

/**
 * Declare a provision: one value with its clause (e.g. clause A.4.2), parameters, readings, rules, checks and the
 * words of its findings. The identity function, there for its type: its rule names, parameter paths and finding
 * ids stay literal, so a policy made from a list of provisions has its methods and parameters typed from it.
 *
 * @param p - the provision: `id`, `clause`, `parameters`, `quantities`, `readings`, `rules`, `checks`, `findings` (and `reads`, `validate`)
 * @returns the same value, typed
 * @example
 * ```ts
 * const mine = defineProvision({ id: 'nb-1', clause: 'NB.1', parameters: {}, quantities: [], readings: [], rules: {}, checks: [], findings: {} });
 * mine.clause; //=> 'NB.1'
 * ```
 */
export function defineProvision<const P extends Provision>(p: P): P {
  const issues = provisionIssues(p, 'provision');
  if (issues.length) throw new PolicyInputError(issues, 'defineProvision');
  return p;
}

/**
 * A rule of a provision: its function of the parameters and an input, with how its input is typed in and a worked
 * example (as the city's rules declare theirs, e.g. the staffing rule of clause A.4.2).
 *
 * @param compute - `(parameters, input) => result`, pure and exact, refusing bad input with PolicyInputError
 * @param about - its fields, worked example, whether it is a schedule, and the `explain` command it has (if any)
 * @returns the rule as a provision's `rules` holds it
 * @example
 * ```ts
 * const r = rule((_p, input) => ({ twice: input.n * 2 }), { fields: [], example: { n: 1 }, schedule: false });
 * r.compute({}, { n: 2 }).twice; //=> 4
 * ```
 */
export function rule<F extends AnyCompute>(compute: F, about: RuleAbout): RuleDef<F> {
  const issues = provisionIssues(
    { id: 'rule', clause: 'rule', parameters: {}, quantities: [], readings: [], rules: { rule: { compute, about } }, checks: [], findings: {} },
    'rule',
  );
  if (issues.length) {
    const what = { en: 'a function of (parameters, input) and { fields, example, schedule }', zh: '(参数, 输入) 的函数和 { fields, example, schedule }' };
    throw new PolicyInputError(
      [refused(typeof compute === 'function' ? 'about' : 'compute', 'invalid', what, typeof compute === 'function' ? about : compute)],
      'rule',
    );
  }
  return { compute, about };
}
