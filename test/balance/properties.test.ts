import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { assessBalancedDevelopment, PolicyInputError, type BalanceSchool } from '../../src/index.js';
import { AS_OF } from './helpers.js';

const THRESHOLDS = { primary: ['4.2', '1', '0.9', '4.5', '7.5', '2000', '2.3'], junior: ['5.3', '1', '0.9', '5.8', '10.2', '2500', '2.4'] };
const FIELDS = ['qualifiedTeachers', 'backboneTeachers', 'peArtTeachers', 'teachingAuxiliaryArea', 'sportsArea', 'equipmentValue', 'multimediaClassrooms'] as const;
const PER_100 = [true, true, true, false, false, false, true];

/** The rule again, independently, in decimal.js: value = quantity (× 100) / pupils. */
function reference(s: BalanceSchool): { met: number; compliant: boolean } {
  let met = 0;
  let far = 0;
  FIELDS.forEach((field, k) => {
    const q = new Decimal(String(s[field]));
    const value = (PER_100[k] === true ? q.times(100) : q).dividedBy(s.pupils);
    const t = new Decimal(THRESHOLDS[s.stage][k] as string);
    if (value.gte(t)) met++;
    else if (value.lt(t.times('0.85'))) far++;
  });
  return { met, compliant: met >= 6 && far === 0 };
}

// Quantities near the thresholds, so that exact boundaries come up often.
const school: fc.Arbitrary<BalanceSchool> = fc
  .record({
    stage: fc.constantFrom('primary', 'junior' as const),
    pupils: fc.oneof(fc.constantFrom(1, 3, 7, 100, 997, 1000), fc.integer({ min: 1, max: 5000 })),
    m: fc.array(fc.oneof(fc.constantFrom(0.85, 1, 0.84, 0.99), fc.double({ min: 0.5, max: 1.5, noNaN: true })), { minLength: 7, maxLength: 7 }),
  })
  .map(({ stage, pupils, m }) => {
    const t = THRESHOLDS[stage].map(Number);
    const f = (k: number) => (m[k] as number) * (t[k] as number) * pupils;
    return {
      id: 'X', stage, pupils,
      qualifiedTeachers: Math.round(f(0) / 100), backboneTeachers: Math.round(f(1) / 100), peArtTeachers: Math.round(f(2) / 100),
      teachingAuxiliaryArea: Math.round(f(3) * 100) / 100, sportsArea: Math.round(f(4) * 100) / 100,
      equipmentValue: (Math.round(f(5) * 100) / 100).toFixed(2), multimediaClassrooms: Math.round(f(6) / 100),
    };
  });

describe('assessBalancedDevelopment: laws', () => {
  it('agrees with an independent decimal.js reading of every threshold and the near-miss rule', () => {
    fc.assert(fc.property(school, (s) => {
      const got = assessBalancedDevelopment({ schools: [s] }, AS_OF).stages[s.stage]?.schools[0];
      const want = reference(s);
      expect(got?.metCount).toBe(want.met);
      expect(got?.compliant).toBe(want.compliant);
    }), { numRuns: 500 });
  });

  it('gives finite numbers for every valid county, invariant to the order of rows', () => {
    fc.assert(fc.property(fc.array(school, { minLength: 1, maxLength: 12 }), (rows) => {
      const schools = rows.map((r, i) => ({ ...r, id: `S${i}` }));
      const a = assessBalancedDevelopment({ schools }, AS_OF);
      const b = assessBalancedDevelopment({ schools: [...schools].reverse() }, AS_OF);
      expect(a.compliant).toBe(b.compliant);
      for (const stage of ['primary', 'junior'] as const) {
        const x = a.stages[stage];
        const y = b.stages[stage];
        if (x === undefined) continue;
        for (const [i, ind] of x.indicators.entries()) {
          expect(Number.isFinite(ind.coefficient) && Number.isFinite(ind.countyValue)).toBe(true);
          expect(Math.abs(ind.coefficient - (y?.indicators[i]?.coefficient ?? NaN))).toBeLessThan(1e-12);
        }
      }
    }), { numRuns: 200 });
  });

  it('throws PolicyInputError, never anything else, for junk', () => {
    fc.assert(fc.property(fc.anything(), (junk) => {
      try {
        assessBalancedDevelopment({ schools: [junk] } as never, AS_OF);
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyInputError);
      }
      try {
        assessBalancedDevelopment(junk as never, AS_OF);
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyInputError);
      }
    }), { numRuns: 300 });
  });

  it('builds explanations only when read', () => {
    const r = assessBalancedDevelopment({ schools: [{ id: 'A', stage: 'primary', pupils: 10, qualifiedTeachers: 1, backboneTeachers: 1, peArtTeachers: 1, teachingAuxiliaryArea: 45, sportsArea: 75, equipmentValue: 20000, multimediaClassrooms: 1 }] }, AS_OF);
    // A getter, built on first read and kept (the same steps on every read); non-enumerable, so the
    // JSON form is the data alone (issue 11: results serialise cheaply).
    expect(typeof Object.getOwnPropertyDescriptor(r, 'explanation')?.get).toBe('function');
    const steps = r.explanation;
    expect(steps.length).toBeGreaterThan(0);
    expect(r.explanation).toBe(steps);
    expect(Object.getOwnPropertyDescriptor(r, 'explanation')?.enumerable).toBe(false);
    expect('explanation' in JSON.parse(JSON.stringify(r))).toBe(false);
  });
});
