import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTrainingTally,
  payParity,
  payParityFromRecords,
  PolicyInputError,
  rotationCompliance,
  trainingCompliance,
  trainingReport,
  type Teacher,
} from '../../src/index.js';

const AS_OF = '2025-12-31';
const pad = (n: number) => String(n).padStart(2, '0');
/** A real calendar date 2015–2027 (days 1–28, always valid). */
const date = fc.tuple(fc.integer({ min: 2015, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
/** Hours in tenths 0 … 100.0. */
const tenths = fc.integer({ min: 0, max: 1000 });
const record = fc.tuple(date, tenths).map(([d, t]) => ({ date: d, hours: t / 10 }));
const teacherArb = fc.record({ id: fc.string({ minLength: 1, maxLength: 8 }), training: fc.array(record, { maxLength: 30 }) }) as fc.Arbitrary<Teacher>;

describe('training: laws', () => {
  it('completedHours is the exact tenths sum of the records in 2021-01-01 … asOf; compliance is completed ≥ required', () => {
    fc.assert(
      fc.property(teacherArb, (t) => {
        const r = trainingCompliance(t, { asOf: AS_OF });
        const expected = t.training.filter((x) => x.date >= '2021-01-01' && x.date <= AS_OF).reduce((s, x) => s + Math.round(x.hours * 10), 0);
        expect(r.completedHours * 10).toBe(expected);
        expect(r.compliant).toBe(expected >= 3600);
        expect(r.shortfall * 10).toBe(Math.max(0, 3600 - expected));
        expect(Number.isFinite(r.completedHours)).toBe(true);
      }),
    );
  });
  it('adding a record never lowers completed hours nor turns compliance off', () => {
    fc.assert(
      fc.property(teacherArb, record, (t, extra) => {
        const before = trainingCompliance(t, { asOf: AS_OF });
        const after = trainingCompliance({ ...t, training: [...t.training, extra] }, { asOf: AS_OF });
        expect(after.completedHours).toBeGreaterThanOrEqual(before.completedHours);
        if (before.compliant) expect(after.compliant).toBe(true);
      }),
    );
  });
  it('a later employment date never owes more hours; pro rata never exceeds the full requirement', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (late > AS_OF) return;
        const owe = (since: string) => trainingCompliance({ id: 'T', employedSince: since, training: [] }, { asOf: AS_OF }).requiredHours;
        expect(owe(late)).toBeLessThanOrEqual(owe(early));
        expect(owe(early)).toBeLessThanOrEqual(360);
        expect(owe(late)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
  it('the tally and the report agree with single calls', () => {
    fc.assert(
      fc.property(fc.uniqueArray(teacherArb, { selector: (t) => t.id, maxLength: 15 }), (teachers) => {
        const report = trainingReport(teachers, { asOf: AS_OF });
        const tally = createTrainingTally({ asOf: AS_OF });
        teachers.forEach((t, i) => {
          const single = trainingCompliance(t, { asOf: AS_OF });
          expect(tally.add(t).compliant).toBe(single.compliant);
          expect(report.teachers[i]?.shortfall).toBe(single.shortfall);
        });
        expect(tally.summary().completion).toEqual(report.completion);
        expect(report.completion.numerator).toBe(report.teachers.filter((t) => t.compliant).length);
      }),
    );
  });
  it('any input either gives a finite result or a PolicyInputError, never another error', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        try {
          const r = trainingCompliance(input as Teacher, { asOf: AS_OF });
          expect(Number.isFinite(r.completedHours)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyInputError);
        }
      }),
    );
  });
});

describe('pay parity: laws', () => {
  const fen = fc.integer({ min: 0, max: 10_000_000_00 });
  const yuan = (f: number) => (f / 100).toFixed(2);
  it('compliant exactly when teacher fen ≥ civil-servant fen; shortfall is the fen difference', () => {
    fc.assert(
      fc.property(fen, fen.filter((c) => c > 0), (t, c) => {
        const r = payParity({ teacherAveragePay: yuan(t), civilServantAveragePay: yuan(c) });
        expect(r.compliant).toBe(t >= c);
        expect(r.shortfall.times(100).toNumber()).toBe(Math.max(0, c - t));
        expect(r.ratio.gte(1)).toBe(t >= c); // cut, not rounded: ≥ 1 only when compliant
      }),
    );
  });
  it('the records form equals the averages form when every record is the same amount', () => {
    fc.assert(
      fc.property(fen, fen.filter((c) => c > 0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), (t, c, nt, nc) => {
        const a = payParity({ teacherAveragePay: yuan(t), civilServantAveragePay: yuan(c) });
        const b = payParityFromRecords({ teacherPay: Array(nt).fill(yuan(t)), civilServantPay: Array(nc).fill(yuan(c)) });
        expect(b.compliant).toBe(a.compliant);
        expect(b.shortfall.toString()).toBe(a.shortfall.toString());
        expect(b.ratio.toString()).toBe(a.ratio.toString());
      }),
    );
  });
  it('records form: compliant exactly when tSum × cCount ≥ cSum × tCount', () => {
    fc.assert(
      fc.property(fc.array(fen, { minLength: 1, maxLength: 8 }), fc.array(fen.filter((c) => c > 0), { minLength: 1, maxLength: 8 }), (ts, cs) => {
        const r = payParityFromRecords({ teacherPay: ts.map(yuan), civilServantPay: cs.map(yuan) });
        const tSum = BigInt(ts.reduce((s, x) => s + x, 0));
        const cSum = BigInt(cs.reduce((s, x) => s + x, 0));
        expect(r.compliant).toBe(tSum * BigInt(cs.length) >= cSum * BigInt(ts.length));
        expect(r.shortfall.isZero()).toBe(r.compliant);
      }),
    );
  });
});

describe('rotation: laws', () => {
  it('compliant exactly when 10 × rotated ≥ eligible and 5 × backbone ≥ rotated', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (a, b, c) => {
        const [backbone, rotated, eligible] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const r = rotationCompliance({ eligibleTeachers: eligible, rotatedTeachers: rotated, rotatedBackboneTeachers: backbone }, { asOf: AS_OF });
        expect(r.compliant).toBe(10 * rotated >= eligible && 5 * backbone >= rotated);
        expect(Number.isFinite(r.rotationRate) && Number.isFinite(r.backboneShare)).toBe(true);
      }),
    );
  });
});
