import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CARE_CATEGORIES,
  careLedgerCheck,
  connectivityCoverage,
  parentSchoolCoverage,
  physicalAndArtsCheck,
  PolicyInputError,
  securityPostCheck,
  type CareLedgerEntry,
} from '../../src/index.js';

/** True when every number inside `value` is finite. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  return Object.values(value).every(allFinite);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Real calendar dates 2017–2030 (days 1–28, always valid). */
const date = fc.tuple(fc.integer({ min: 2018, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);

describe('wellbeing: laws', () => {
  it('exercise is met exactly when minutes ≥ 60; arts coverage exactly when assessed = pupils (target 100%)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (minutes, a, b) => {
        const [assessed, pupils] = a <= b ? [a, b] : [b, a];
        const r = physicalAndArtsCheck({ dailyExerciseMinutes: minutes, healthMonitoring: { lastDone: '2025-01-01' }, artsAssessment: { assessed, pupils } }, { asOf: '2025-06-01' });
        expect(r.exercise.met).toBe(minutes >= 60);
        expect(r.exercise.shortfall).toBe(Math.max(0, 60 - minutes));
        expect(r.arts.met).toBe(assessed === pupils);
        expect(Number.isFinite(r.arts.coverage)).toBe(true);
        expect(r.compliant).toBe(minutes >= 60 && assessed === pupils);
      }),
    );
  });

  it('rolling monitoring: met exactly when asOf is no later than the anniversary of lastDone; calendar-year is never stricter', () => {
    fc.assert(
      fc.property(date, date, (x, y) => {
        const [lastDone, asOf] = x <= y ? [x, y] : [y, x];
        const anniversary = `${Number(lastDone.slice(0, 4)) + 1}${lastDone.slice(4)}`; // days 1–28: no 29 February
        const rolling = physicalAndArtsCheck({ dailyExerciseMinutes: 60, healthMonitoring: { lastDone }, artsAssessment: { assessed: 0, pupils: 0 } }, { asOf }).healthMonitoring;
        expect(rolling.met).toBe(asOf <= anniversary);
        expect(rolling.daysOverdue >= 0).toBe(true);
        expect(rolling.daysOverdue > 0).toBe(!rolling.met);
        const calendar = physicalAndArtsCheck(
          { dailyExerciseMinutes: 60, healthMonitoring: { lastDone }, artsAssessment: { assessed: 0, pupils: 0 } },
          { asOf, parameters: { wellbeing: { healthMonitoringPeriod: 'calendar-year' } } },
        ).healthMonitoring;
        if (rolling.met) expect(calendar.met).toBe(true);
      }),
    );
  });

  it('parent-school coverage: covered + missing = towns; met exactly when none is missing', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), (hubs) => {
        const r = parentSchoolCoverage(hubs.map((h, i) => ({ town: `T${i}`, hasParentSchoolHub: h })), { asOf: '2025-06-01' });
        expect(r.covered + r.missing.length).toBe(hubs.length);
        expect(r.met).toBe(hubs.every(Boolean));
      }),
    );
  });

  const entry = fc.record({
    town: fc.constantFrom('A', 'B', 'C'),
    categories: fc.subarray([...CARE_CATEGORIES]),
    meetsAssistanceConditions: fc.boolean(),
    inSocialAssistance: fc.boolean(),
  });

  it('care ledger: qualifying = covered + uncovered, towns add up to the whole, compliant exactly when nobody is uncovered', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 80 }), (rows) => {
        const ledger: CareLedgerEntry[] = rows.map((r, i) => ({ id: `C${i}`, ...r }));
        const r = careLedgerCheck(ledger);
        const expectedQualifying = ledger.filter((c) => c.categories.length > 0 && c.meetsAssistanceConditions);
        expect(r.qualifying).toBe(expectedQualifying.length);
        expect(r.covered + r.uncovered).toBe(r.qualifying);
        expect(r.uncoveredChildren.map((c) => c.id)).toEqual(expectedQualifying.filter((c) => !c.inSocialAssistance).map((c) => c.id));
        for (const key of ['children', 'qualifying', 'covered', 'uncovered'] as const) {
          expect(r.byTown.reduce((s, t) => s + t[key], 0)).toBe(r[key]);
        }
        expect(r.compliant).toBe(r.uncovered === 0);
      }),
    );
  });

  it('connectivity: multimedia counts are the sums; compliant exactly when no school falls short', () => {
    const school = fc.tuple(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }));
    fc.assert(
      fc.property(fc.array(school, { minLength: 1, maxLength: 40 }), (rows) => {
        const schools = rows.map(([broadband, wirelessFullCampus, a, b], i) => ({ id: `S${i}`, broadband, wirelessFullCampus, classes: Math.max(a, b), classesWithMultimedia: Math.min(a, b) }));
        const r = connectivityCoverage(schools);
        expect(r.multimedia.total).toBe(schools.reduce((s, x) => s + x.classes, 0));
        expect(r.multimedia.covered).toBe(schools.reduce((s, x) => s + x.classesWithMultimedia, 0));
        expect(r.compliant).toBe(r.shortfalls.length === 0);
        expect(r.broadband.covered).toBe(schools.filter((s) => s.broadband).length);
      }),
    );
  });

  it('security: a school is short exactly when it has fewer staff than the minimum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 4 }), (staff, minimum) => {
        const r = securityPostCheck(staff.map((n, i) => ({ id: `S${i}`, fullTimeSecurityStaff: n })), { asOf: '2025-06-01', parameters: { wellbeing: { securityMinFullTimeStaff: minimum } } });
        expect(r.withoutPost.map((s) => s.id)).toEqual(staff.flatMap((n, i) => (n < minimum ? [`S${i}`] : [])));
        expect(r.withPost + r.withoutPost.length).toBe(staff.length);
      }),
    );
  });

  it('any other value is refused with PolicyInputError, never a TypeError or a result with NaN', () => {
    const calls = [
      (x: unknown) => physicalAndArtsCheck(x as never, { asOf: '2025-06-01' }),
      (x: unknown) => parentSchoolCoverage(x as never, { asOf: '2025-06-01' }),
      (x: unknown) => careLedgerCheck(x as never),
      (x: unknown) => connectivityCoverage(x as never),
      (x: unknown) => securityPostCheck(x as never, { asOf: '2025-06-01' }),
    ];
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), fc.integer({ min: 0, max: calls.length - 1 }), (value, which) => {
        try {
          const r = (calls[which] as (x: unknown) => unknown)(value);
          expect(allFinite(r)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyInputError);
        }
      }),
    );
  });
});
