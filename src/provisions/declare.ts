/**
 * What a provision declares about itself, beside its code: its clause, its
 * quantities (Q-ids) and readings (I-ids), a header in our own words, the
 * rules it exports with their inputs and a worked example, and the findings
 * its checks produce with their names, units and what a shortfall adds to
 * the totals owed. Pure data (no rule code), so the light layers (words,
 * views, the clause registry) read it without loading a rule.
 *
 * Every registry (`about.generated.ts`, `rules.generated.ts`,
 * `checks.generated.ts`) is written by `npm run registry` from the folders
 * under `src/provisions/`; a test fails when one is stale.
 */
import type { Bilingual } from '../policy/provisions.js';

/** How a rule input is typed in and checked (the CLI's flags, the explorer's form). */
export type InputKind = 'count' | 'year' | 'amount' | 'date';

/** A field of a rule's input. */
export interface RuleField {
  readonly name: string;
  readonly kind: InputKind;
  readonly required: boolean;
  /** The CLI flag of `explain`, when it is not the name in kebab case (`--base` for `baseAmount`). */
  readonly flag?: string;
}

/** A rule a provision exports: its inputs and a worked example a reader can follow by hand. */
export interface RuleAbout {
  /** The word `shequ-rules explain <command>` takes; absent for a rule that `explain` does not offer. */
  readonly command?: string;
  readonly fields: readonly RuleField[];
  readonly example: Readonly<Record<string, number | string>>;
  /** What a calculator starts with when it differs from the example (e.g. both counts, so either basis of I9 computes). */
  readonly form?: Readonly<Record<string, number | string>>;
  /** Whether the result is a year-by-year table (`rows`), drawn as a chart. */
  readonly schedule: boolean;
}

/** The unit of a finding's expected and actual values. */
export type ValueUnit = 'share' | 'deviation' | 'm2' | 'yuan' | 'workers' | 'flag' | 'villages';

/** A total of the evaluation's summary that failing findings add their shortfall to. */
export type OwedKey = 'streetSubsidyYuan' | 'cityBudgetYuan' | 'developerFundsYuan' | 'developerRoomsM2' | 'roomsM2' | 'staff';

/** A kind of finding a provision's checks produce. */
export interface FindingAbout {
  /** Its name in words, as reports show it. */
  readonly name: Bilingual;
  /** The unit of its expected and actual values (none for one without a single unit). */
  readonly unit?: ValueUnit;
  /** The total of the summary its shortfall adds to, when it fails. */
  readonly owed?: OwedKey;
  /** The id reports show beside the name when it is not the finding's own (`A.3.4` for `A.3.4/ground-floor`). */
  readonly label?: string;
  /**
   * When an unknown finding's English message holds this text, its expected value is an area (m²), not the
   * provision's unit: money owed that cannot be priced is known only as so many m² worth.
   */
  readonly areaWhen?: string;
}

/** Everything a provision declares about itself. */
export interface About {
  /** The clause it implements, as in the clause registry (`'A.4.2'`). */
  readonly clause: string;
  /** Quantitative provision ids it computes (`['Q8']`). */
  readonly quantities: readonly string[];
  /** Readings of ambiguous text its rules or checks rely on. */
  readonly interpretations: readonly string[];
  /** A header in our own words: what the provision says. */
  readonly title: Bilingual;
  readonly summary: Bilingual;
  /** Parameter paths it reads (see `PARAMETER_REFERENCES`). */
  readonly parameters: readonly string[];
  /** The rules it exports, by name. */
  readonly rules: Readonly<Record<string, RuleAbout>>;
  /** The findings its checks produce, by the finding's provision id (`'Q8'`, `'A.3.4/ground-floor'`), in report order. */
  readonly findings: Readonly<Record<string, FindingAbout>>;
}

/** A required and an optional rule field. @internal */
export const req = (name: string, kind: InputKind, flag?: string): RuleField => (flag ? { name, kind, required: true, flag } : { name, kind, required: true });
/** @internal */
export const opt = (name: string, kind: InputKind, flag?: string): RuleField => (flag ? { name, kind, required: false, flag } : { name, kind, required: false });
/** Text in both languages. @internal */
export const b = (zh: string, en: string): Bilingual => ({ zh, en });

/** Declare a provision: the identity function, there for its type. */
export const about = <const A extends About>(a: A): A => a;
