import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { CLASS_SIZE_STATUSES, PolicyInputError, classSchema, classSizeReport, classSizeStatus, type ClassInput } from '../../src/index.js';
import { isWellFormedClass } from '../../src/classes/internal.js';

const RUNS = 300;
const AS_OF = { asOf: '2025-09-01' } as const;
const rank = (s: string) => CLASS_SIZE_STATUSES.indexOf(s as never);

const size = fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 1_000_000 }));
const klass: fc.Arbitrary<ClassInput> = fc
  .record(
    {
      id: fc.string({ minLength: 1, maxLength: 8 }),
      schoolId: fc.constantFrom('S1', 'S2', 'S3', '实验小学'),
      town: fc.constantFrom('东镇', '西街道'),
      location: fc.constantFrom('urban', 'town', 'rural' as const),
      stage: fc.constantFrom('primary', 'junior' as const),
      size,
      incomplete: fc.boolean(),
    },
    { requiredKeys: ['stage', 'size'] },
  )
  .map((c) => (c.stage === 'junior' && c.incomplete === true ? { ...c, incomplete: false } : c));

describe('class-size laws', () => {
  it('the band never falls as a class grows', () => {
    fc.assert(
      fc.property(klass, fc.integer({ min: 0, max: 30 }), (c, more) => {
        const bigger = { ...c, size: Math.min(1_000_000, c.size + more) };
        expect(rank(classSizeStatus(bigger, AS_OF).status)).toBeGreaterThanOrEqual(rank(classSizeStatus(c, AS_OF).status));
      }),
      { numRuns: RUNS },
    );
  });

  it('excess = max(0, size − standard); standard exactly when excess is 0', () => {
    fc.assert(
      fc.property(klass, (c) => {
        const r = classSizeStatus(c, AS_OF);
        expect(r.excess).toBe(Math.max(0, c.size - r.standardSize));
        expect(r.status === 'standard').toBe(r.excess === 0);
        expect(r.standardSize).toBe(c.stage === 'junior' ? 50 : c.incomplete === true ? 30 : 45);
      }),
      { numRuns: RUNS },
    );
  });

  it('the report agrees with classSizeStatus class by class, and its parts add up', () => {
    fc.assert(
      fc.property(fc.array(klass, { maxLength: 60 }), (classes) => {
        const r = classSizeReport(classes, AS_OF);
        const expected = { standard: 0, 'over-standard': 0, large: 0, 'super-large': 0 };
        for (const c of classes) expected[classSizeStatus(c, AS_OF).status]++;
        expect(r.byStatus).toEqual(expected);
        expect(r.total).toBe(classes.length);
        expect(r.byStage.primary.total + r.byStage.junior.total).toBe(r.total);
        const large = expected.large + expected['super-large'];
        expect(r.largeShare).toBe(classes.length === 0 ? 0 : large / classes.length);
        expect(r.largeShare).toBeGreaterThanOrEqual(0);
        expect(r.largeShare).toBeLessThanOrEqual(1);
        for (const groups of Object.values(r.groups)) expect(groups.reduce((n, g) => n + g.total, 0)).toBe(r.total);
      }),
      { numRuns: RUNS },
    );
  });

  it('the report does not depend on the order of the classes', () => {
    fc.assert(
      fc.property(fc.array(klass, { maxLength: 40 }), (classes) => {
        const reversed = [...classes].reverse();
        const a = classSizeReport(classes, AS_OF);
        const b = classSizeReport(reversed, AS_OF);
        expect(b.byStatus).toEqual(a.byStatus);
        expect(b.deadline).toEqual(a.deadline);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the fast path accepts only what zod accepts', () => {
  const anything = fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true, withDate: true });
  // Near-misses of a class: a valid class with one field replaced by a good or a bad value.
  const odd = fc.constantFrom<unknown>(
    undefined, null, '', 'x', '45', 1, -1, -0, 0.5, 45.5, 1_000_000, 1_000_001, NaN, Infinity, true, false, 'primary', 'junior', 'urban', 'city',
    'a'.repeat(200), 'a'.repeat(201), [], {}, new Date(0),
  );
  const field = fc.constantFrom('id', 'schoolId', 'town', 'location', 'stage', 'size', 'incomplete', 'extra', '__proto__');
  const nearly = fc.tuple(klass, field, odd, fc.boolean()).map(([c, key, value, remove]) => {
    const out: Record<string, unknown> = JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
    if (remove) delete out[key];
    else Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
    return out;
  });

  it('on near-misses of a class', () => {
    fc.assert(
      fc.property(nearly, (input) => {
        if (isWellFormedClass(input)) expect(z.safeParse(classSchema, input).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  // Values shaped like a class: a valid class with up to two fields (or an unknown key) set to a
  // near-miss or to anything at all, in a plain, null-prototype or class object. About a quarter
  // are well-formed, so the implication is tested on both sides, and every near-miss is met.
  class Row {}
  const shaped = fc
    .tuple(
      klass,
      fc.array(fc.tuple(fc.constantFrom('id', 'schoolId', 'town', 'location', 'stage', 'size', 'incomplete', 'extra'), fc.oneof({ weight: 2, arbitrary: odd }, { weight: 1, arbitrary: anything })), { maxLength: 2 }),
      fc.constantFrom('plain', 'plain', 'plain', 'null-prototype', 'class'),
    )
    .map(([c, changes, kind]) => {
      const target: object = kind === 'plain' ? {} : kind === 'null-prototype' ? Object.create(null) : new Row();
      const out = Object.assign(target, c) as Record<string, unknown>;
      for (const [key, value] of changes) out[key] = value;
      return out;
    });

  it('on anything at all, and on classes with anything in up to two fields', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: anything }, { weight: 4, arbitrary: shaped }), (input) => {
        if (!isWellFormedClass(input)) {
          rejected++;
          return;
        }
        accepted++;
        // The fast path hands the row itself to the rules: zod must accept it and read the same fields.
        const parsed = z.safeParse(classSchema, input);
        expect(parsed.success).toBe(true);
        const data = parsed.data as unknown as Record<string, unknown>;
        for (const key of ['id', 'schoolId', 'town', 'location', 'stage', 'size', 'incomplete']) {
          expect(data[key]).toBe((input as unknown as Record<string, unknown>)[key]);
        }
      }),
      { numRuns: 1000 },
    );
    // The property was exercised: both verdicts were reached, many times.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });

  it('and takes the common well-formed rows (it is the fast path, not a no-op)', () => {
    fc.assert(
      fc.property(klass, (c) => {
        expect(isWellFormedClass(c)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('every invalid input gives PolicyInputError, never a TypeError or NaN', () => {
    fc.assert(
      fc.property(fc.oneof(nearly, anything), (input) => {
        try {
          const r = classSizeStatus(input as never, AS_OF);
          expect(Number.isFinite(r.excess)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyInputError);
        }
        try {
          const r = classSizeReport([input] as never, AS_OF);
          expect(Number.isFinite(r.largeShare)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(PolicyInputError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
