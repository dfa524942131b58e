/**
 * A check's arithmetic as data: a plain tree (JSON, `structuredClone`-able) of
 * numbers and conditions over one community record, the policy's parameters
 * and the year. One declaration per check; the verdict, its exact twin, the
 * integer shortfall the worst-first order uses, the finding's detail, the SQL
 * and the explanation graph are all derived from it (`src/formula/`).
 *
 * The node types below are stable: new kinds of node are added, none renamed.
 */

/** How a quotient is made whole (or made to `places` decimals): up, down, or half up. */
export type Rounding = 'ceil' | 'floor' | 'half-up';

/**
 * The rounding of a quotient: fixed by the text, or chosen by a reading (the option parameter `path`, which the
 * reading `reading` names; its value is the rounding).
 */
export type RoundBy = { readonly fixed: Rounding } | { readonly reading: string; readonly path: string };

/** A number (a count, an amount, a share): exact, never a float. */
export type Num =
  /** A constant, as an exact decimal string (`'100'`, `'0.01'`). */
  | { readonly op: 'const'; readonly value: string }
  /**
   * A field of the community record by its dataset name (`'households'`, `'roomAreaM2'`): unknown when the record
   * lacks it, unless `otherwise` says what it counts as then (floating households count as 0).
   */
  | { readonly op: 'field'; readonly name: string; readonly otherwise?: Num }
  /** A parameter of the policy by its dotted path (`'staffing.householdsPerWorker'`). */
  | { readonly op: 'param'; readonly path: string }
  /** The year the data is for: unknown when none was given. */
  | { readonly op: 'year' }
  /** A value that holds for the data's year (a minimum of that year): `x`, but unknown when no year was given. */
  | { readonly op: 'ofYear'; readonly x: Num }
  /** Days of the year (365 or 366). Unknown without a year. */
  | { readonly op: 'daysInYear' }
  /**
   * Days of the year from the date field `field` to the year's last day, both ends counted (the whole year for a
   * day before it, 0 for a day after it). Unknown without a year or without the field.
   */
  | { readonly op: 'daysFrom'; readonly field: string }
  | { readonly op: 'add'; readonly terms: readonly Num[] }
  | { readonly op: 'sub'; readonly a: Num; readonly b: Num }
  /** A product. At most one factor depends on the record, so a product stays an exact rational multiple. */
  | { readonly op: 'mul'; readonly a: Num; readonly b: Num }
  /**
   * `a ÷ b`: exact (a rational) without `round`; with it, rounded to `places` decimals (0: a whole number) as the
   * rounding says.
   */
  | { readonly op: 'div'; readonly a: Num; readonly b: Num; readonly round?: RoundBy; readonly places?: number }
  | { readonly op: 'abs'; readonly x: Num }
  | { readonly op: 'max'; readonly terms: readonly Num[] }
  | { readonly op: 'min'; readonly terms: readonly Num[] }
  /** One number or another by a condition on the record. */
  | { readonly op: 'if'; readonly cond: Bool; readonly then: Num; readonly else: Num }
  /** The formula a reading's choice picks: the option parameter `path`'s value selects a case. */
  | { readonly op: 'reading'; readonly reading: string; readonly path: string; readonly cases: Readonly<Record<string, Num>> }
  /**
   * A reading chosen by whether an optional parameter is set (rooms sized per 100 households when the per-household
   * rate is given): `set` names the option taken when it is, `unset` the one when it is not.
   */
  | {
      readonly op: 'readingIfSet';
      readonly reading: string;
      readonly path: string;
      readonly set: { readonly option: string; readonly then: Num };
      readonly unset: { readonly option: string; readonly then: Num };
    }
  /**
   * A value that comes from one of the policy's rules: the number `output` of the rule `rule` (a method of the
   * policy, so a document that replaces the rule is followed) called on `input`, each input a number of the formula.
   * Unknown when an input is unknown (one named in `optional` is then left out of the rule's input instead) or when
   * the rule's result has no such number (a room area without the population that sizes it).
   */
  | {
      readonly op: 'rule';
      readonly rule: string;
      readonly output: string;
      readonly input: Readonly<Record<string, Num>>;
      readonly optional?: readonly string[];
    };

/** A condition: true, false, or unknown when a value it needs is unknown. */
export type Bool =
  | { readonly op: 'ge' | 'gt' | 'le' | 'lt' | 'eq'; readonly a: Num; readonly b: Num }
  | { readonly op: 'and' | 'or'; readonly terms: readonly Bool[] }
  | { readonly op: 'not'; readonly x: Bool }
  /** A yes/no field of the record: unknown when the record lacks it. */
  | { readonly op: 'flag'; readonly name: string }
  /** Whether the record gives a field (never unknown). */
  | { readonly op: 'given'; readonly name: string }
  | { readonly op: 'true' }
  /**
   * A value known only to lie between `low` and `high` (a count of communities, some of them undecided), held to
   * at least `b`: true when `low` reaches it, false when `high` falls short of it, unknown in between (and when
   * `high` is unknown, as no bound above is known).
   */
  | { readonly op: 'atLeast'; readonly low: Num; readonly high: Num; readonly b: Num }
  /** Whether the rule's result (as in the `rule` number) has `output` equal to `value` (a route, whether a target is due). */
  | {
      readonly op: 'ruleIs';
      readonly rule: string;
      readonly output: string;
      readonly value: string | boolean;
      readonly input: Readonly<Record<string, Num>>;
      readonly optional?: readonly string[];
    }
  /** Whether the reading `reading` (its option parameter `path`) takes the option `option`. */
  | { readonly op: 'readingIs'; readonly reading: string; readonly path: string; readonly option: string };

/** A node of either kind. */
export type Node = Num | Bool;

/** How a finding's expected and actual values are typed: a count (a number), an exact amount (a Decimal) or yes/no. */
export type ValueKind = 'count' | 'amount' | 'flag';

/**
 * A community check's formula: the verdict (pass when `pass` holds; unknown when a value it needs is unknown), and
 * the finding's expected value, actual value and, when failing, shortfall (in the finding's unit). `relative` is
 * the shortfall as a share of what is expected (the worst-first order), default `shortfall ÷ expected`; `owes`
 * says whether the shortfall adds to a total owed (in units of 1 ÷ the check's `owedScale`).
 */
export interface CheckFormula {
  readonly pass: Bool;
  readonly expected: Node;
  readonly actual: Node;
  /** How `expected` and `actual` are typed in the finding. */
  readonly kind: ValueKind;
  /** How far short, when failing: a number (a yes/no check is short by 1). */
  readonly shortfall: Num;
  /** Whether the shortfall adds to a total owed. */
  readonly owes: boolean;
}

/**
 * One kind of finding a city check makes of a subject (a budget year, a development project, the villages, the
 * standing of the urban communities): its finding id, when it is the one made (the first whose `applies` holds;
 * default: always), and its formula over the subject's record. `areaEquivalentM2`, when given, is the area a money
 * obligation stands for (the finding's field of that name).
 */
export interface CityFindingFormula {
  readonly provision: string;
  readonly applies?: Bool;
  readonly formula: CheckFormula;
  readonly areaEquivalentM2?: Num;
}

/**
 * A city check's arithmetic as data: the findings it can make of one subject's record (`findings`, the first that
 * applies), and when a subject is not evaluated at all (`notEvaluatedWhen`: a budget year before the base year has
 * no minimum; a year before the deadline has no target under a reading).
 */
export interface CityFormula {
  readonly findings: readonly CityFindingFormula[];
  readonly notEvaluatedWhen?: Bool;
}
