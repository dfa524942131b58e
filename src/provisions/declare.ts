/**
 * What a provision declares beside its code, as data: its clause and
 * parameters (with their units, ranges and dated values), how its rules'
 * inputs are typed in, the words and units of the findings its checks
 * produce, and its readings of ambiguous text. A provision
 * (`./provision.ts`) gathers these with its rules and checks into one value.
 */
import type { Bilingual } from '../bilingual.js';
import type { Citation } from '../trace.js';

/** How a rule input is typed in and checked (the CLI's flags, the explorer's form). */
export type InputKind = 'count' | 'year' | 'amount' | 'date';

/** A field of a rule's input. */
export interface RuleField {
  readonly name: string;
  readonly kind: InputKind;
  readonly required: boolean;
  /** The CLI flag of `explain`, when it is not the name in kebab case. */
  readonly flag?: string;
  /** The field's former name and flag, still taken (deprecated) until the version named in the CHANGELOG. */
  readonly was?: { readonly name: string; readonly flag: string };
}

/** How a value of a rule's input or result is shown: its unit. */
export type FieldUnit =
  | 'households'
  | 'people'
  | 'm2'
  | 'yuan'
  | 'share'
  | 'year'
  | 'years'
  | 'workers'
  | 'communities'
  | 'villages'
  | 'days'
  | 'flag'
  | 'option'
  | 'date'
  // a provision of another document may count in a unit of its own (shown as it is named)
  | (string & {});

/** A field's name in both languages and its unit. */
export interface FieldWords {
  readonly zh: string;
  readonly en: string;
  readonly unit: FieldUnit;
}

/** A rule a provision exports: its inputs and a worked example a reader can follow by hand. */
export interface RuleAbout {
  /** The word `shequ-rules explain <command>` takes; absent for a rule that `explain` does not offer. */
  readonly command?: string;
  readonly fields: readonly RuleField[];
  readonly example: Readonly<Record<string, number | string>>;
  /** What a calculator starts with when it differs from the example (e.g. both counts, so either basis of the room reading computes). */
  readonly form?: Readonly<Record<string, number | string>>;
  /** Whether the result is a year-by-year table (`rows`), drawn as a chart. */
  readonly schedule: boolean;
  /** For a schedule: the field of its rows the chart draws. */
  readonly plots?: string;
  /** Words and units of its result's fields where they are its own (a name another rule gives another unit). */
  readonly words?: Readonly<Record<string, FieldWords>>;
}

/** The unit of a finding's expected and actual values. */
export type ValueUnit =
  | 'share'
  | 'deviation'
  | 'm2'
  | 'yuan'
  | 'workers'
  | 'flag'
  | 'villages'
  // a provision of another document may count in a unit of its own (shown as it is named)
  | (string & {});

/** A total of the evaluation's summary that failing findings add their shortfall to. */
export type OwedKey = string;

/** A number the policy sets: an integer as a number, anything fractional as a decimal string (`'0.3'`). */
export type ExactValue = number | string;

/** What a parameter measures. */
export type ParameterUnit =
  | '户'
  | '人'
  | 'm²'
  | '元'
  | 'share'
  | 'year'
  | 'years'
  | 'option'
  | 'm² per 100 人'
  | 'm² per 100 户'
  | '户 per worker'
  | '元 per community per year'
  // a provision of another document may measure in units of its own
  | (string & {});

/** What an override of a parameter may be (a kind of value and its range, or the readings' options). */
export type Allowed =
  | 'year'
  | 'horizon'
  | 'positive-count'
  | 'share'
  | 'positive-share'
  | 'positive'
  | 'non-negative'
  | { readonly options: readonly string[] };

/** One value of a parameter and, for an amendment, the dates between which it applies. */
export interface DatedValue {
  /** ISO date from which this value applies; absent for the first value, which applies from the parameter's start. */
  readonly from?: string;
  /** ISO date of the last day it applies, when it ends (then the value in force before it holds again). */
  readonly to?: string;
  readonly value: ExactValue;
  /** The document that set it, when it is not the policy's own (set by `extendPolicy`). */
  readonly cites?: Citation;
}

/**
 * A parameter, declared once (after OpenFisca's parameter files): what it
 * measures, whom it serves, what an override may be, and its values with
 * the dates they apply from. `DEFAULT_PARAMETERS`, `PARAMETER_REFERENCES`,
 * the override validation and the start dates of `policy.asOf` derive from
 * these declarations.
 */
export interface ParameterDeclaration {
  /** Its name in words, Chinese first, as pages and reports show it (a parameter without one is shown by its path, marked as unnamed). */
  readonly name?: Bilingual;
  readonly unit: ParameterUnit;
  /** The clause that sets it, when it is not the declaring provision's. */
  readonly clause?: string;
  /** This provision's Q-ids and I-ids it serves. */
  readonly serves: readonly string[];
  readonly allowed: Allowed;
  /**
   * Its values, earliest first. The first applies from the policy's start for this parameter: the first
   * day of the year held by `startsWith` (default `baseYear`); an amendment gives its own `from` date.
   * Empty for a parameter the policy itself does not set (an option of the presets).
   */
  readonly values: readonly DatedValue[];
  /** The year parameter whose first day starts it: `'rollout.startYear'`, `'funding.firstGrowthYear'`. Default `'baseYear'`. */
  readonly startsWith?: string;
}

/** A kind of finding a provision's checks produce. */
export interface FindingAbout {
  /** Its name in words, as reports show it. */
  readonly name: Bilingual;
  /** The unit of its expected and actual values (none for one without a single unit). */
  readonly unit?: ValueUnit;
  /** The total of the summary its shortfall adds to, when it fails. */
  readonly owed?: OwedKey;
  /** That total's name in words, as reports show it (the total is in the finding's unit). */
  readonly owedName?: Bilingual;
  /** The id reports show beside the name when it is not the finding's own (`A.3.4` for `A.3.4/ground-floor`). */
  readonly label?: string;
  /**
   * When an unknown finding's English message holds this text, its expected value is an area (m²), not the
   * provision's unit: money owed that cannot be priced is known only as so many m² worth.
   */
  readonly areaWhen?: string;
  /** Its place in the year-by-year progress table (and the JSON report's `progress`): the city's yearly targets side by side. */
  readonly progress?: 'urban' | 'rollout' | 'fund';
}

/** What a rule's bundle needs of a provision: its clause and its parameters (declared apart from the rest). */
export interface Declared {
  /** The clause it implements, as in the clause registry (`'A.4.2'`). */
  readonly clause: string;
  /** The parameters it declares, by dotted path (`'staffing.householdsPerWorker'`), in the order a reader meets them. */
  readonly parameters: Readonly<Record<string, ParameterDeclaration>>;
  /** Parameters another provision declares that this one reads, with the ids of this one they serve. */
  readonly reads?: Readonly<Record<string, readonly string[]>>;
}

// Marked free of side effects, so that a bundle that reads only a provision's parameters drops the rest of its about.
/** A required and an optional rule field. @internal */
export const req = /* @__NO_SIDE_EFFECTS__ */ (name: string, kind: InputKind, flag?: string): RuleField =>
  flag ? { name, kind, required: true, flag } : { name, kind, required: true };
/** @internal */
export const opt = /* @__NO_SIDE_EFFECTS__ */ (name: string, kind: InputKind, flag?: string): RuleField =>
  flag ? { name, kind, required: false, flag } : { name, kind, required: false };
/** A field's words and unit. @internal */
export const w = /* @__NO_SIDE_EFFECTS__ */ (zh: string, en: string, unit: FieldUnit): FieldWords => ({ zh, en, unit });
export { b } from '../bilingual.js';

/** One way of reading an ambiguous sentence. */
export interface InterpretationOption {
  /** The value a result reports as `choice` (and, where a parameter selects it, that parameter's value). */
  readonly id: string;
  /** The reading as a formula in words. */
  readonly formula: Bilingual;
  /** Its short name in words, Chinese first, where one is shown beside the parameter (default: the formula). */
  readonly label?: Bilingual;
}

/** An entry of the register. */
export interface Interpretation {
  /** Its id in the register (`'I'` and a number, for the city's readings). */
  readonly id: string;
  /** Quantitative provisions it concerns. */
  readonly quantities: readonly string[];
  /** Clause whose text is ambiguous. */
  readonly clause: string;
  readonly question: Bilingual;
  /** The parameter that selects a reading, or null when there is only one reading. */
  readonly parameter: string | null;
  /** Whether the options are a closed list (`'enum'`) or examples of a free value such as a tolerance (`'value'`). */
  readonly optionKind: 'enum' | 'value';
  readonly options: readonly InterpretationOption[];
  /** Id of the default option. */
  readonly default: string;
  readonly why: Bilingual;
}

/** One option of a reading: its id and its formula in words. @internal */
export const option = /* @__NO_SIDE_EFFECTS__ */ <const I extends string>(id: I, zh: string, en: string) => ({ id, formula: { zh, en } }) as const;
