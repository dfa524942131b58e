import { describe, expect, test } from 'vitest';
import { createPolicy } from '../../create-policy.js';
import { Decimal } from '../../decimal.js';
import { PRESETS } from '../../policies/presets.js';
import { serviceRoomArea } from './service-room-area.js';

describe('serviceRoomArea (Q7, I9; A.3.4): 5 m² per 100 residents', () => {
  test('the TSDoc examples hold', () => {
    expect(serviceRoomArea({ residents: 8000 }).areaM2.toString()).toBe('400');
    expect(serviceRoomArea({ residents: 8001 }).areaM2.toString()).toBe('400.05');
  });

  test('a standard community of 8,000 residents needs exactly 400 m²', () => {
    const r = serviceRoomArea({ residents: 8000 });
    expect(r.areaM2).toBeInstanceOf(Decimal);
    expect(r.areaM2.eq(400)).toBe(true);
    expect(r.basis).toBe('residents');
    expect(r.clause).toBe('A.3.4');
    expect(r.interpretations).toEqual([{ id: 'I9', choice: 'residents' }]);
  });

  test.each([
    ['nobody needs no room', 0, '0'],
    ['one resident needs 5 dm²… i.e. 0.05 m²', 1, '0.05'],
    ['99 residents need 4.95 m²', 99, '4.95'],
    ['12,345 residents need 617.25 m²', 12345, '617.25'],
  ])('%s', (_name, residents, area) => {
    expect(serviceRoomArea({ residents }).areaM2.toString()).toBe(area);
  });

  test('adding residents adds exactly their area (no rounding anywhere)', () => {
    const a = serviceRoomArea({ residents: 3333 }).areaM2;
    const b = serviceRoomArea({ residents: 4667 }).areaM2;
    expect(a.plus(b).toString()).toBe('400');
  });

  test('a city standard of 5.5 m² per 100 residents gives 440 m² for 8,000', () => {
    expect(
      createPolicy({ rooms: { m2Per100Residents: '5.5' } })
        .serviceRoomArea({ residents: 8000 })
        .areaM2.toString(),
    ).toBe('440');
  });

  test('the trace names the basis and the arithmetic', () => {
    expect(serviceRoomArea({ residents: 8000 }).trace.map((s) => s.en)).toEqual(['By residents (I9): 8,000 × 5 m² per 100 residents ÷ 100 = 400 m²']);
  });

  test('a households figure given beside the residents is named in the trace as unused', () => {
    const r = serviceRoomArea({ residents: 8000, households: 3000 });
    expect(r.areaM2.toString()).toBe('400');
    expect(r.trace[1]!.en).toBe('The households given (3,000) are not used on this basis (I9)');
  });

  test.each([
    ['the national plan of 2011 (20 m² per 100 households): 3,000 households need 600 m²', 'nationalPlan2011', 3000, '600'],
    ['the 2017 national guidance (30 m² per 100 households): 3,000 households need 900 m²', 'nationalGuidance2017', 3000, '900'],
    ['the 2011 plan for 1,234 households: 246.8 m²', 'nationalPlan2011', 1234, '246.8'],
  ] as const)('under %s', (_name, preset, households, area) => {
    const r = createPolicy(PRESETS[preset]).serviceRoomArea({ households });
    expect(r.areaM2.toString()).toBe(area);
    expect(r.basis).toBe('households');
    expect(r.interpretations).toEqual([{ id: 'I9', choice: 'households' }]);
  });

  test('the household basis needs the households', () => {
    expect(() => createPolicy(PRESETS.nationalPlan2011).serviceRoomArea({ residents: 8000 })).toThrow(/households/);
  });
});

describe('serviceRoomArea: the count its basis needs', () => {
  test('names what is missing on each basis', () => {
    expect(() => serviceRoomArea({})).toThrow(
      'Invalid input to serviceRoomArea: residents: expected the number of residents (a whole number ≥ 0): the standard is per 100 residents (A.3.4, I9)',
    );
    expect(() => createPolicy(PRESETS.nationalPlan2011).serviceRoomArea({ residents: 1 })).toThrow(
      'households: expected the number of households (a whole number ≥ 0): rooms.m2Per100Households sizes rooms per 100 households (I9)',
    );
  });

  test('in kind on the household basis without households: the trace says what is missing', () => {
    const r = createPolicy(PRESETS.nationalPlan2011).developerObligation({ floorAreaM2: 300000, residents: 9000 });
    expect(r.roomAreaM2).toBeUndefined();
    expect(r.trace.at(-1)).toEqual({ zh: '未给出户数，无法按配置标准算出用房面积', en: 'No households given: the room area by the standard cannot be sized' });
  });
});
