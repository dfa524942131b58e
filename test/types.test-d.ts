/**
 * The public types, checked by `vitest --typecheck`: ids and readings are literal types derived from the registers,
 * so a result cannot name a clause that does not exist or a choice that the register does not list.
 */
import { expectTypeOf, test } from 'vitest';
import type { InterpretationUse, RuleResult, StaffResult } from '../src/index.js';
import type { ClauseId, InterpretationId, ReadingChoice } from '../src/spec.js';

test('clause ids are the registry\'s', () => {
  expectTypeOf<'A.4.2'>().toMatchTypeOf<ClauseId>();
  expectTypeOf<'B.3'>().toMatchTypeOf<ClauseId>();
  expectTypeOf<'A.9'>().not.toMatchTypeOf<ClauseId>();
  expectTypeOf<RuleResult['clause']>().toEqualTypeOf<ClauseId>();
});

test('readings: their ids and each one\'s registered choices', () => {
  expectTypeOf<'I10'>().toMatchTypeOf<InterpretationId>();
  expectTypeOf<'I11'>().not.toMatchTypeOf<InterpretationId>();
  expectTypeOf<ReadingChoice<'I3'>>().toEqualTypeOf<'ceil' | 'floor' | 'half-up'>();
  expectTypeOf<ReadingChoice<'I10'>>().toEqualTypeOf<'straight-path' | 'none'>();
  expectTypeOf<{ id: 'I3'; choice: 'ceil' }>().toMatchTypeOf<InterpretationUse>();
  expectTypeOf<{ id: 'I3'; choice: 'round' }>().not.toMatchTypeOf<InterpretationUse>();
  // I4 reports its tolerance as the register does ('0.2'); the old '±0.2' no longer type-checks.
  expectTypeOf<{ id: 'I4'; choice: '0.2' }>().toMatchTypeOf<InterpretationUse>();
  expectTypeOf<{ id: 'I4'; choice: '±0.2' }>().not.toMatchTypeOf<InterpretationUse>();
  expectTypeOf<StaffResult['interpretations'][number]>().toEqualTypeOf<InterpretationUse>();
});
