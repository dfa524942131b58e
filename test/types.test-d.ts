/**
 * The public types, checked by `vitest --typecheck`: ids and readings are literal types derived from the registers,
 * so a result cannot name a clause that does not exist or a choice that the register does not list.
 */
import { expectTypeOf, test } from 'vitest';
import type {
  DeveloperBoundary,
  ExactValue,
  FundingMode,
  InterimTarget,
  RolloutMode,
  SubsidyProration,
  FundScheduleInput,
  WithBase,
  InterpretationUse,
  Parameters,
  Policy,
  RuleResult,
  StaffInput,
  StaffResult,
  StaffRounding,
} from '../src/index.js';
import type { RuleName } from '../src/create-policy.js';
import type { RULE_INPUTS } from '../src/view.js';
import type { ClauseId, InterpretationId, ReadingChoice, ReadingUse } from '../src/spec.js';

test("clause ids are the registry's", () => {
  expectTypeOf<'A.4.2'>().toMatchTypeOf<ClauseId>();
  expectTypeOf<'B.3'>().toMatchTypeOf<ClauseId>();
  expectTypeOf<'A.9'>().not.toMatchTypeOf<ClauseId>();
  // A rule result's clause is open: a user's provision cites its own document's clause ('NB.4.2').
  expectTypeOf<RuleResult['clause']>().toEqualTypeOf<string>();
});

test("readings: their ids and each one's registered choices", () => {
  expectTypeOf<'I10'>().toMatchTypeOf<InterpretationId>();
  expectTypeOf<'I11'>().not.toMatchTypeOf<InterpretationId>();
  expectTypeOf<ReadingChoice<'I3'>>().toEqualTypeOf<'ceil' | 'floor' | 'half-up'>();
  expectTypeOf<ReadingChoice<'I10'>>().toEqualTypeOf<'straight-path' | 'none'>();
  // The city's register types its readings narrowly (ReadingUse); a result's readings are open to any policy's.
  expectTypeOf<{ id: 'I3'; choice: 'ceil' }>().toMatchTypeOf<ReadingUse>();
  expectTypeOf<{ id: 'I3'; choice: 'round' }>().not.toMatchTypeOf<ReadingUse>();
  // I4 reports its tolerance as the register does ('0.2'); the old '±0.2' no longer type-checks.
  expectTypeOf<{ id: 'I4'; choice: '0.2' }>().toMatchTypeOf<ReadingUse>();
  expectTypeOf<{ id: 'I4'; choice: '±0.2' }>().not.toMatchTypeOf<ReadingUse>();
  expectTypeOf<{ id: 'NB1'; choice: 'mine' }>().toMatchTypeOf<InterpretationUse>();
  expectTypeOf<StaffResult['interpretations'][number]>().toEqualTypeOf<InterpretationUse>();
});

test("a policy's methods come from the provisions' registry, each with its rule's input and result", () => {
  expectTypeOf<Policy['requiredStaff']>().parameter(0).toEqualTypeOf<StaffInput>();
  expectTypeOf<Policy['requiredStaff']>().returns.toEqualTypeOf<StaffResult>();
  expectTypeOf<Policy['cityFundSchedule']>().parameter(0).toEqualTypeOf<WithBase<FundScheduleInput>>();
  // The base year's total under its name, or (deprecated until 0.2) its former name; not under neither.
  expectTypeOf<Policy['cityFundBudget']>().toBeCallableWith({ baseYearTotal: 1, year: 2012 });
  expectTypeOf<Policy['cityFundBudget']>().toBeCallableWith({ baseAmount: 1, year: 2012 });
  // @ts-expect-error a base year's total is required
  expectTypeOf<Policy['cityFundBudget']>().toBeCallableWith({ year: 2012 });
  // @ts-expect-error not under both names
  expectTypeOf<Policy['cityFundBudget']>().toBeCallableWith({ baseAmount: 1, baseYearTotal: 1, year: 2012 });
  expectTypeOf<Exclude<keyof Policy, symbol>>().toEqualTypeOf<RuleName | 'parameters' | 'asOf' | 'provisions' | 'removed' | 'sources' | 'on'>();
  expectTypeOf<RuleName>().toEqualTypeOf<keyof typeof RULE_INPUTS>();
});

test("the reading option types come from the parameters' declarations", () => {
  expectTypeOf<StaffRounding>().toEqualTypeOf<'ceil' | 'floor' | 'half-up'>();
  expectTypeOf<StaffRounding>().toEqualTypeOf<ReadingChoice<'I3'>>();
  expectTypeOf<FundingMode>().toEqualTypeOf<ReadingChoice<'I1'>>();
  expectTypeOf<Parameters['rollout']['mode']>().toEqualTypeOf<ReadingChoice<'I2'>>();
});

test('the Parameters type is derived from the declarations, and is the shape it was when written by hand', () => {
  // The interface as it was written by hand before it was derived: a parameter declared in a folder now appears here without a further edit.
  interface Written {
    readonly baseYear: number;
    readonly horizonYears: number;
    readonly targets: {
      readonly urbanShare: ExactValue;
      readonly ruralShare: ExactValue;
      readonly interim: InterimTarget;
    };
    readonly sizing: {
      readonly households: number;
      readonly residents: number;
      readonly tolerance: ExactValue;
    };
    readonly rooms: {
      readonly m2Per100Residents: ExactValue;
      readonly m2Per100Households?: ExactValue;
    };
    readonly staffing: {
      readonly householdsPerWorker: number;
      readonly rounding: StaffRounding;
    };
    readonly rollout: {
      readonly startYear: number;
      readonly sharePerYear: ExactValue;
      readonly mode: RolloutMode;
    };
    readonly funding: {
      readonly firstGrowthYear: number;
      readonly growthRate: ExactValue;
      readonly mode: FundingMode;
    };
    readonly streetSubsidy: {
      readonly minimumPerCommunityPerYear: ExactValue;
      readonly proration: SubsidyProration;
    };
    readonly developer: {
      readonly thresholdM2: ExactValue;
      readonly boundary: DeveloperBoundary;
      readonly fundsRate: ExactValue;
    };
  }
  expectTypeOf<Parameters>().toEqualTypeOf<Written>();
  expectTypeOf<Parameters['rooms']['m2Per100Households']>().toEqualTypeOf<ExactValue | undefined>();
});
