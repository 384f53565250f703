import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differenceCoefficient, PolicyInputError, safeDifferenceCoefficient } from '../../src/index.js';

// Indicator values: 0, or from 10⁻⁶ to 10⁶ (per-pupil figures; subnormal floats are not data).
const row = fc.record({ value: fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true, noDefaultInfinity: true })), pupils: fc.integer({ min: 0, max: 5000 }) });
const rows = fc.array(row, { minLength: 0, maxLength: 40 });

/** The textbook formula, straight from national-standards §5.1. */
function reference(rs: Array<{ value: number; pupils: number }>): number {
  const P = rs.reduce((a, r) => a + r.pupils, 0);
  const mean = rs.reduce((a, r) => a + r.pupils * r.value, 0) / P;
  const s2 = rs.reduce((a, r) => a + (r.pupils / P) * (r.value - mean) ** 2, 0);
  return Math.sqrt(s2) / mean;
}

describe('differenceCoefficient', () => {
  it('matches hand-worked values', () => {
    // X̄ = 2, S = 1 → 0.5
    expect(differenceCoefficient([{ value: 1, pupils: 100 }, { value: 3, pupils: 100 }])).toBe(0.5);
    // weighted: X̄ = (1·300 + 3·100)/400 = 1.5, S² = 0.75·0.25 + 0.25·2.25 = 0.75
    expect(differenceCoefficient([{ value: 1, pupils: 300 }, { value: 3, pupils: 100 }])).toBeCloseTo(Math.sqrt(0.75) / 1.5, 15);
    // unweighted would be 0.5 for the same values: the weighting matters
    expect(differenceCoefficient([{ value: 1, pupils: 300 }, { value: 3, pupils: 100 }])).not.toBeCloseTo(0.5, 3);
  });

  it('decides the degenerate cases: no rows, no pupils, a zero mean → 0, never NaN', () => {
    expect(differenceCoefficient([])).toBe(0);
    expect(differenceCoefficient([{ value: 3, pupils: 0 }, { value: 5, pupils: 0 }])).toBe(0);
    expect(differenceCoefficient([{ value: 0, pupils: 10 }, { value: 0, pupils: 20 }])).toBe(0);
    // a row without pupils has no weight
    expect(differenceCoefficient([{ value: 1, pupils: 100 }, { value: 3, pupils: 100 }, { value: 1000, pupils: 0 }])).toBe(0.5);
  });

  it('is exactly 0 for equal schools, whatever the pupils', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 30 }), (value, pupils) => {
      expect(differenceCoefficient(pupils.map((p) => ({ value, pupils: p })))).toBe(0);
    }));
  });

  it('agrees with the textbook formula, is finite and non-negative', () => {
    fc.assert(fc.property(rows, (rs) => {
      const cv = differenceCoefficient(rs);
      expect(Number.isFinite(cv)).toBe(true);
      expect(cv).toBeGreaterThanOrEqual(0);
      const P = rs.reduce((a, r) => a + r.pupils, 0);
      const ref = reference(rs);
      if (P > 0 && Number.isFinite(ref) && ref > 0) expect(cv).toBeCloseTo(ref, 6);
    }));
  });

  it('is invariant to scaling the values (a change of unit)', () => {
    fc.assert(fc.property(rows, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (rs, k) => {
      const a = differenceCoefficient(rs);
      const b = differenceCoefficient(rs.map((r) => ({ value: r.value * k, pupils: r.pupils })));
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, a));
    }));
  });

  it('is invariant to scaling every pupil count and to the order of rows', () => {
    fc.assert(fc.property(rows, fc.integer({ min: 2, max: 50 }), (rs, k) => {
      const a = differenceCoefficient(rs);
      expect(Math.abs(a - differenceCoefficient(rs.map((r) => ({ value: r.value, pupils: r.pupils * k }))))).toBeLessThanOrEqual(1e-9 * Math.max(1, a));
      expect(Math.abs(a - differenceCoefficient([...rs].reverse()))).toBeLessThanOrEqual(1e-9 * Math.max(1, a));
    }));
  });

  it('rejects bad rows with their paths', () => {
    const issues = (input: unknown) => {
      const r = safeDifferenceCoefficient(input as never);
      return r.success ? [] : r.error.issues.map((i) => i.path);
    };
    expect(issues([{ value: -1, pupils: 1 }, { value: 1, pupils: 1.5 }, { value: Number.NaN, pupils: 1 }, { value: 1, pupils: -2 }, { value: 1 }, { value: 1, pupils: 1, x: 1 }])).toEqual([
      [0, 'value'], [1, 'pupils'], [2, 'value'], [3, 'pupils'], [4, 'pupils'], [5, 'x'],
    ]);
    expect(issues(null)).toEqual([[]]);
    expect(() => differenceCoefficient([{ value: Infinity, pupils: 1 }])).toThrow(PolicyInputError);
  });
});
