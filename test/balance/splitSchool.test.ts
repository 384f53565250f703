import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessBalancedDevelopment, Decimal, PolicyInputError, splitSchool, type SpanningSchool } from '../../src/index.js';
import { AS_OF } from './helpers.js';

const staff = { qualifiedTeachers: 30, backboneTeachers: 6, peArtTeachers: 6, multimediaClassrooms: 14 };
const nine = (patch: Partial<SpanningSchool> = {}): SpanningSchool => ({
  id: 'J9', type: 'nine-year', pupils: { primary: 600, junior: 400 }, primary: staff, junior: { ...staff, multimediaClassrooms: 10 },
  teachingAuxiliaryArea: 5200, sportsArea: 8000, equipmentValue: 2_120_000, ...patch,
});
const paths = (fn: () => unknown) => {
  try { fn(); } catch (e) { if (e instanceof PolicyInputError) return e.issues.map((i) => i.path); throw e; }
  return [];
};

describe('splitSchool', () => {
  it('apportions shared totals by weighted pupils 1 : 1.1 (hand-worked)', () => {
    const { rows, senior } = splitSchool(nine(), AS_OF);
    // weights 600 : 440; 5200 → 3000 : 2200; 8000 → 4615.38… : 3384.61… → 4615.38 : 3384.62 (largest remainder)
    expect(rows.map((r) => [r.id, r.stage, r.pupils])).toEqual([['J9', 'primary', 600], ['J9', 'junior', 400]]);
    expect(rows.map((r) => r.teachingAuxiliaryArea)).toEqual([3000, 2200]);
    expect(rows.map((r) => r.sportsArea)).toEqual([4615.38, 3384.62]);
    expect(rows.map((r) => r.equipmentValue)).toEqual(['1223076.92', '896923.08']);
    expect(rows.map((r) => r.multimediaClassrooms)).toEqual([14, 10]);
    expect(senior.equipmentValue.toString()).toBe('0');
    // the rows are valid input
    expect(assessBalancedDevelopment({ schools: rows }, AS_OF).stages.junior?.schools[0]?.id).toBe('J9');
  });

  it('splits a twelve-year school three ways and returns the senior part apart', () => {
    // weights 1000 : 1100 : 1320 (1000 pupils each); 3420 m² → 1000 : 1100 : 1320
    const r = splitSchool({ ...nine(), type: 'twelve-year', pupils: { primary: 1000, junior: 1000, senior: 1000 }, teachingAuxiliaryArea: 3420, multimediaClassrooms: 10, primary: { qualifiedTeachers: 1, backboneTeachers: 1, peArtTeachers: 1 }, junior: { qualifiedTeachers: 1, backboneTeachers: 1, peArtTeachers: 1 } }, AS_OF);
    expect(r.rows.map((x) => x.teachingAuxiliaryArea)).toEqual([1000, 1100]);
    expect(r.senior.teachingAuxiliaryArea).toBe(1320);
    // 10 classrooms: 10 × 1000/3420 = 2.92, 3.21, 3.85 → 2, 3, 3 + 2 left → 3.85 and 2.92 get one: 3, 3, 4
    expect(r.rows.map((x) => x.multimediaClassrooms)).toEqual([3, 3]);
    expect(r.senior.multimediaClassrooms).toBe(4);
  });

  it('gives a complete secondary school only its junior row', () => {
    const r = splitSchool({ id: 'W', type: 'complete-secondary', pupils: { junior: 500, senior: 500 }, junior: staff, teachingAuxiliaryArea: 100, sportsArea: 100, equipmentValue: 100 }, AS_OF);
    expect(r.rows.map((x) => x.stage)).toEqual(['junior']);
    // 100 × 550/1210 = 45.4545… → 45.45; senior 54.55
    expect(r.rows[0]?.teachingAuxiliaryArea).toBe(45.45);
    expect(r.senior.teachingAuxiliaryArea).toBe(54.55);
  });

  it('the parts always add up to the totals exactly', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 200 }),
      (p, j, s, areaHundredths, fen, rooms) => {
        fc.pre(p + j > 0);
        const t = { qualifiedTeachers: 1, backboneTeachers: 1, peArtTeachers: 1 };
        const r = splitSchool({ id: 'X', type: 'twelve-year', pupils: { primary: p, junior: j, senior: s }, primary: t, junior: t, teachingAuxiliaryArea: areaHundredths / 100, sportsArea: 0, equipmentValue: (fen / 100).toFixed(2), multimediaClassrooms: rooms }, AS_OF);
        const area = r.rows.reduce((a, x) => a.plus(x.teachingAuxiliaryArea), new Decimal(r.senior.teachingAuxiliaryArea));
        expect(area.toString()).toBe(new Decimal(areaHundredths).dividedBy(100).toString());
        const money = r.rows.reduce((a, x) => a.plus(x.equipmentValue), r.senior.equipmentValue);
        expect(money.toString()).toBe(new Decimal(fen).dividedBy(100).toString());
        expect(r.rows.reduce((a, x) => a + x.multimediaClassrooms, r.senior.multimediaClassrooms)).toBe(rooms);
      }), { numRuns: 200 });
  });

  it('weights are a parameter', () => {
    const r = splitSchool(nine(), { ...AS_OF, parameters: { balance: { split: { weights: { junior: 1 } } } } });
    // 600 : 400 → 3120 : 2080
    expect(r.rows.map((x) => x.teachingAuxiliaryArea)).toEqual([3120, 2080]);
  });

  it('rejects inconsistent input with paths', () => {
    expect(paths(() => splitSchool(nine({ pupils: { primary: 600, junior: 400, senior: 10 } }), AS_OF))).toEqual([['pupils', 'senior']]);
    expect(paths(() => splitSchool({ ...nine(), junior: undefined } as never, AS_OF))).toEqual([['junior']]);
    expect(paths(() => splitSchool(nine({ teachingAuxiliaryArea: 10.125 }), AS_OF))).toEqual([['teachingAuxiliaryArea']]);
    expect(paths(() => splitSchool(nine({ pupils: { primary: 0, junior: 0 } }), AS_OF))).toEqual([['pupils']]);
    expect(paths(() => splitSchool(nine({ multimediaClassrooms: 3 }), AS_OF))).toEqual([['primary', 'multimediaClassrooms'], ['junior', 'multimediaClassrooms']]);
    expect(paths(() => splitSchool({ ...nine(), type: 'ten-year' } as never, AS_OF))).toEqual([['type']]);
  });
});
