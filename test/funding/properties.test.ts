import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  PolicyInputError,
  allocateBudget,
  livingSubsidyBudget,
  livingSubsidyEligibility,
  publicFunding,
  type CalculatorOptions,
  type School,
} from '../../src/index.js';

const RUNS = 300;

const region = fc.constantFrom('east', 'central', 'west' as const);
const asOf = fc
  .date({ min: new Date(2016, 2, 1), max: new Date(2035, 11, 31), noInvalidDate: true })
  .map((d) => `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
const options: fc.Arbitrary<CalculatorOptions> = fc.record({ asOf, region });
const count = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 1_000_000 }));

/** A valid school: boarders within their stage, disabled within pupils. */
const school: fc.Arbitrary<School> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 12 }),
    location: fc.constantFrom('urban', 'town', 'rural' as const),
    kind: fc.constantFrom('school', 'teaching-point', 'special-education', undefined),
    primary: count,
    junior: count,
    boardShare: fc.double({ min: 0, max: 1, noNaN: true }),
    disabledShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ id, location, kind, primary, junior, boardShare, disabledShare }) => {
    const s: School = {
      id,
      location,
      pupils: { primary, junior },
      boarders: { primary: Math.floor(primary * boardShare), junior: Math.floor(junior * boardShare) },
      disabledPupils: Math.floor((primary + junior) * disabledShare * 0.1),
    };
    return kind === undefined ? s : { ...s, kind };
  });

const disabledMode = fc.constantFrom('instead', 'on-top' as const);

const pupilsOf = (s: School) => (s.pupils.primary ?? 0) + (s.pupils.junior ?? 0);

describe('publicFunding properties', () => {
  it('funded pupils ≥ pupils; amount finite, ≥ 0, equal to the sum of its components, at most 2 decimals', () => {
    fc.assert(
      fc.property(school, options, disabledMode, (s, o, mode) => {
        const r = publicFunding(s, { ...o, parameters: { funding: { disabledPupils: mode } } });
        expect(r.fundedPupils).toBeGreaterThanOrEqual(pupilsOf(s));
        expect(Number.isInteger(r.fundedPupils)).toBe(true);
        expect(r.amount).toBeInstanceOf(Decimal);
        expect(r.amount.isFinite()).toBe(true);
        expect(r.amount.isNegative() && !r.amount.isZero()).toBe(false);
        expect(r.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        const sum = r.components.reduce((acc, c) => acc.plus(c.amount), new Decimal(0));
        expect(sum.equals(r.amount)).toBe(true);
        expect(r.citations).toContain('5.1');
        expect(r.schoolId).toBe(s.id);
      }),
      { numRuns: RUNS },
    );
  });

  it('one rounding: amount is the exact sum of the parts rounded half up to the fen; each part within a fen of its exact value', () => {
    fc.assert(
      fc.property(school, options, disabledMode, (s, o, mode) => {
        const r = publicFunding(s, { ...o, parameters: { funding: { disabledPupils: mode } } });
        let exact = new Decimal(0);
        for (const c of r.components) {
          const own = c.rate.times(c.pupils).times(c.id === 'disabled-benchmark-withdrawn' ? -1 : 1);
          exact = exact.plus(own);
          expect(c.amount.minus(own).abs().lessThan('0.01')).toBe(true);
          if (!c.rounded) expect(c.amount.equals(own)).toBe(true);
        }
        expect(r.amount.equals(exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('floors: fundedPupils is pupils, 100 or 200 (default parameters), as floorApplied says', () => {
    fc.assert(
      fc.property(school, options, (s, o) => {
        const r = publicFunding(s, o);
        const n = pupilsOf(s);
        if (r.floorApplied === null) expect(r.fundedPupils).toBe(n);
        if (r.floorApplied === 'national-under-100') {
          expect(n).toBeLessThan(100);
          expect(r.fundedPupils).toBe(100);
        }
        if (r.floorApplied === 'district-100-to-200') {
          expect(n).toBeGreaterThan(100);
          expect(n).toBeLessThan(200);
          expect(r.fundedPupils).toBe(200);
          expect(s.location).toBe('rural');
        }
        if (s.kind === 'special-education') expect(r.floorApplied).toBeNull();
        if (s.location !== 'rural' && s.kind !== 'teaching-point') expect(r.floorApplied).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('funded pupils never decrease as pupils grow (same school)', () => {
    fc.assert(
      fc.property(school, options, fc.integer({ min: 0, max: 300 }), fc.constantFrom('primary', 'junior' as const), (s, o, more, stage) => {
        const grown = Math.min((s.pupils[stage] ?? 0) + more, 1_000_000); // counts are capped at MAX_COUNT
        const bigger: School = { ...s, pupils: { ...s.pupils, [stage]: grown } };
        const a = publicFunding(s, o);
        const b = publicFunding(bigger, o);
        expect(b.fundedPupils).toBeGreaterThanOrEqual(a.fundedPupils);
      }),
      { numRuns: RUNS },
    );
  });

  it('for a single-stage school the amount never decreases as pupils grow', () => {
    fc.assert(
      fc.property(fc.constantFrom('urban', 'town', 'rural' as const), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 50 }), options, (location, n, more, o) => {
        const a = publicFunding({ id: 'x', location, pupils: { primary: n } }, o);
        const b = publicFunding({ id: 'x', location, pupils: { primary: n + more } }, o);
        expect(b.amount.greaterThanOrEqualTo(a.amount)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('a batch total equals the sum of the schools to the fen, and each school matches publicFunding', () => {
    fc.assert(
      fc.property(fc.uniqueArray(school, { maxLength: 25, selector: (s) => s.id }), options, (schools, o) => {
        const batch = allocateBudget(schools, o);
        expect(batch.schools).toHaveLength(schools.length);
        let sum = new Decimal(0);
        for (const [i, s] of schools.entries()) {
          const single = publicFunding(s, o);
          const r = batch.schools[i];
          expect(r?.schoolId).toBe(s.id);
          expect(r?.amount.equals(single.amount)).toBe(true);
          sum = sum.plus(single.amount);
        }
        expect(batch.total.equals(sum)).toBe(true);
        expect(batch.total.decimalPlaces()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 150 },
    );
  });
});

describe('living subsidy properties', () => {
  it('quota is share × boarders rounded down (issue 9: never above the share); amount = quota × rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), asOf, (p, j, date) => {
        const r = livingSubsidyBudget({ id: 'b', location: 'rural', pupils: { primary: p, junior: j }, boarders: { primary: p, junior: j } }, { asOf: date });
        // from the opinion's date (opinion.effectiveFrom, 2017-05-23): 30 % → quota = floor(0.3 n) = floor(30 n / 100);
        // before: 15 % → floor(15 n / 100). Integer arithmetic, exact. (Rounded half up before issue 9.)
        const pct = date >= '2017-05-23' ? 30 : 15;
        expect(r.quota.primary).toBe(Math.floor((pct * p) / 100));
        expect(r.quota.junior).toBe(Math.floor((pct * j) / 100));
        const [pr, jr] = date >= '2024-03-01' ? [1250, 1500] : [1000, 1250];
        expect(r.amount.equals(new Decimal(r.quota.primary).times(pr).plus(new Decimal(r.quota.junior).times(jr)))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('eligibility: eligible exactly when hardship and (boarding or the non-boarder rule in force)', () => {
    const hardship = fc.uniqueArray(fc.constantFrom('registered-poor', 'subsistence-allowance', 'extreme-poverty-support', 'disabled-poor-family' as const));
    const date = fc
      .date({ min: new Date(2011, 8, 1), max: new Date(2035, 0, 1), noInvalidDate: true })
      .map((d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.constantFrom('primary', 'junior' as const), fc.boolean(), hardship, date, (stage, boarding, h, d) => {
        const r = livingSubsidyEligibility({ stage, boarding, hardship: h }, { asOf: d });
        const expected = h.length > 0 && (boarding || d >= '2019-09-01');
        expect(r.eligible).toBe(expected);
        if (!expected) expect(r.annualAmount.isZero()).toBe(true);
        else expect(r.annualAmount.greaterThan(0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('robustness: arbitrary input gives a result or a PolicyInputError', () => {
  /** Values near a valid school: valid fields mixed with arbitrary ones. */
  const nearSchool = fc.record(
    {
      id: fc.oneof(fc.string(), fc.anything()),
      location: fc.oneof(fc.constantFrom('urban', 'town', 'rural'), fc.anything()),
      kind: fc.oneof(fc.constantFrom('school', 'teaching-point', 'special-education'), fc.anything()),
      pupils: fc.oneof(fc.record({ primary: fc.oneof(count, fc.anything()), junior: fc.oneof(count, fc.anything()) }, { requiredKeys: [] }), fc.anything()),
      boarders: fc.oneof(fc.record({ primary: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.anything()), junior: fc.integer({ min: 0, max: 50 }) }, { requiredKeys: [] }), fc.anything()),
      disabledPupils: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double(), fc.anything()),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  );
  /** A near-valid school with an own "__proto__" key, as JSON.parse makes it. */
  const protoKeyed = fc
    .tuple(school, fc.jsonValue(), fc.constantFrom('', 'pupils', 'boarders'))
    .map(([s, v, where]) => {
      const copy = JSON.parse(JSON.stringify(s)) as Record<string, Record<string, unknown>>;
      const target = where === '' ? copy : (copy[where] ?? copy);
      Object.defineProperty(target, '__proto__', { value: v, enumerable: true, configurable: true, writable: true });
      return copy as unknown;
    });
  const anyInput = fc.oneof(fc.anything(), fc.jsonValue(), nearSchool, school, protoKeyed);
  const nearOptions = fc.oneof(
    fc.constant(undefined),
    options,
    fc.record(
      {
        asOf: fc.oneof(asOf, fc.string(), fc.date(), fc.anything()),
        region: fc.oneof(region, fc.anything()),
        parameters: fc.oneof(fc.anything(), fc.jsonValue(), fc.constant({ funding: { benchmark: { primary: 700 } } })),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

  function check(run: () => { amount?: unknown } | unknown): void {
    let result: unknown;
    try {
      result = run();
    } catch (error) {
      if (!(error instanceof PolicyInputError)) throw error;
      expect(error).toBeInstanceOf(Error);
      expect(error.issues.length).toBeGreaterThanOrEqual(1);
      for (const issue of error.issues) {
        expect(Array.isArray(issue.path)).toBe(true);
        for (const part of issue.path) expect(['string', 'number']).toContain(typeof part);
        expect(typeof issue.message).toBe('string');
      }
      return;
    }
    const amount = (result as { amount?: unknown; total?: unknown }).amount ?? (result as { total?: unknown }).total;
    expect(Decimal.isDecimal(amount)).toBe(true);
    expect((amount as Decimal).isFinite()).toBe(true);
  }

  it('publicFunding', () => {
    fc.assert(
      fc.property(anyInput, nearOptions, (input, o) => {
        check(() => publicFunding(input as School, o as CalculatorOptions));
      }),
      { numRuns: 500 },
    );
  });

  it('allocateBudget', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(anyInput, { maxLength: 5 }), anyInput), nearOptions, (input, o) => {
        check(() => allocateBudget(input as School[], o as CalculatorOptions));
      }),
      { numRuns: 300 },
    );
  });

  it('livingSubsidyBudget', () => {
    fc.assert(
      fc.property(anyInput, nearOptions, (input, o) => {
        check(() => livingSubsidyBudget(input as School, o as CalculatorOptions));
      }),
      { numRuns: 300 },
    );
  });

  it('Object.prototype is not polluted after __proto__ keys', () => {
    const inputs = [
      '{"id":"A","location":"rural","pupils":{"primary":10},"__proto__":{"polluted":1}}',
      '{"id":"A","location":"rural","pupils":{"primary":10,"__proto__":{"polluted":1}}}',
      '{"id":"A","location":"rural","pupils":{"__proto__":{"primary":1,"polluted":1}}}',
      '{"id":"A","location":"rural","pupils":{"primary":10},"boarders":{"__proto__":{"polluted":1}}}',
    ];
    for (const text of inputs) {
      check(() => publicFunding(JSON.parse(text) as School, { asOf: '2025-09-01', region: 'west' }));
      check(() => allocateBudget([JSON.parse(text) as School], { asOf: '2025-09-01', region: 'west' }));
    }
    const optionsTexts = [
      '{"asOf":"2025-09-01","region":"west","parameters":{"__proto__":{"polluted":1}}}',
      '{"asOf":"2025-09-01","region":"west","parameters":{"funding":{"__proto__":{"polluted":1}}}}',
      '{"asOf":"2025-09-01","region":"west","parameters":{"funding":{"benchmark":{"primary":{"__proto__":{"polluted":1}}}}}}',
    ];
    for (const text of optionsTexts) {
      check(() => publicFunding({ id: 'A', location: 'rural', pupils: { primary: 10 } }, JSON.parse(text) as CalculatorOptions));
    }
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = `{"id":"A","location":"rural","pupils":{"primary":10},"__proto__":${JSON.stringify(v)}}`;
        check(() => publicFunding(JSON.parse(text) as School, { asOf: '2025-09-01', region: 'west' }));
      }),
      { numRuns: 200 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });

  it('__proto__ keys are rejected, never silently accepted', () => {
    const text = '{"id":"A","location":"rural","pupils":{"primary":10},"__proto__":{"location":"urban"}}';
    expect(() => publicFunding(JSON.parse(text) as School, { asOf: '2025-09-01', region: 'west' })).toThrow(PolicyInputError);
    fc.assert(
      fc.property(protoKeyed, options, (input, o) => {
        expect(() => publicFunding(input as School, o)).toThrow(PolicyInputError);
      }),
      { numRuns: 200 },
    );
  });
});
