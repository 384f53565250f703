import { Decimal as HostDecimal } from 'decimal.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PolicyInputError,
  allocateBudget,
  formatPath,
  listParameters,
  livingSubsidyBudget,
  livingSubsidyEligibility,
  publicFunding,
  safeAllocateBudget,
  safeListParameters,
  safeLivingSubsidyBudget,
  safeLivingSubsidyEligibility,
  safePublicFunding,
  type School,
} from '../../src/index.js';
import { expectIssuesAt, issueAt, issuesOf, pathsOf } from './helpers.js';

const OPTIONS = { asOf: '2025-09-01', region: 'central' } as const;
const valid: School = { id: 'A', location: 'rural', pupils: { primary: 150, junior: 30 }, boarders: { primary: 10 }, disabledPupils: 1 };
const withSchool = (patch: Record<string, unknown>): unknown => ({ ...valid, ...patch });
const fund = (school: unknown, options: unknown = OPTIONS) => () => publicFunding(school as School, options as never);

describe('PolicyInputError', () => {
  it('is an Error with a name, a message and issues', () => {
    const issues = issuesOf(fund(withSchool({ pupils: { primary: -1 } })));
    expect(issues[0]?.path).toEqual(['pupils', 'primary']);
    try {
      publicFunding(withSchool({ pupils: { primary: -1 } }) as School, OPTIONS);
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyInputError);
      expect((error as Error).message).toContain('pupils.primary');
      expect((error as Error).stack).toBeDefined();
    }
  });

  it('formatPath renders paths', () => {
    expect(formatPath([])).toBe('(input)');
    expect(formatPath(['pupils', 'primary'])).toBe('pupils.primary');
    expect(formatPath([41, 'location'])).toBe('[41].location');
  });
});

describe('publicFunding: bad counts', () => {
  const cases: Array<[string, unknown]> = [
    ['negative', -1],
    ['fractional', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a numeric string', '10'],
    ['an empty string', ''],
    ['null', null],
    ['a boolean', true],
    ['an object', { n: 1 }],
    ['an array', [1]],
    ['a bigint', 10n],
    ['too large', 1_000_001],
    ['a huge number (1e300)', 1e300],
  ];
  for (const [what, value] of cases) {
    it(`pupils.primary ${what}`, () => {
      expectIssuesAt(fund(withSchool({ pupils: { primary: value } })), ['pupils', 'primary']);
    });
    it(`pupils.junior ${what}`, () => {
      expectIssuesAt(fund(withSchool({ pupils: { junior: value } })), ['pupils', 'junior']);
    });
    it(`boarders.primary ${what}`, () => {
      expectIssuesAt(fund(withSchool({ boarders: { primary: value } })), ['boarders', 'primary']);
    });
    it(`disabledPupils ${what}`, () => {
      expectIssuesAt(fund(withSchool({ disabledPupils: value })), ['disabledPupils']);
    });
  }

  it('-0 pupils counts as 0', () => {
    const r = publicFunding({ id: 'Z', location: 'urban', pupils: { primary: -0, junior: 10 } }, OPTIONS);
    expect(r.amount.toString()).toBe('8000'); // 10 × 800
  });
});

describe('publicFunding: bad shapes', () => {
  it('null, undefined, arrays, strings and numbers as the school', () => {
    for (const input of [null, undefined, [], [valid], 'school', 42, true]) {
      const issues = issuesOf(fund(input));
      expect(pathsOf(issues)).toContain('[]');
    }
  });

  it('null fields', () => {
    expectIssuesAt(fund(withSchool({ id: null })), ['id']);
    expectIssuesAt(fund(withSchool({ location: null })), ['location']);
    expectIssuesAt(fund(withSchool({ kind: null })), ['kind']);
    expectIssuesAt(fund(withSchool({ pupils: null })), ['pupils']);
    expectIssuesAt(fund(withSchool({ boarders: null })), ['boarders']);
    expectIssuesAt(fund(withSchool({ disabledPupils: null })), ['disabledPupils']);
  });

  it('missing required fields, each reported', () => {
    expectIssuesAt(fund({}), ['id'], ['location'], ['pupils']);
  });

  it('wrong types for id', () => {
    expectIssuesAt(fund(withSchool({ id: 7 })), ['id']);
    expectIssuesAt(fund(withSchool({ id: '' })), ['id']);
  });

  it('unknown enum values name the choices', () => {
    const issues = expectIssuesAt(fund(withSchool({ location: 'suburban' })), ['location']);
    expect(issueAt(issues, ['location']).message).toMatch(/urban/);
    expect(issueAt(issues, ['location']).message).toMatch(/rural/);
    expectIssuesAt(fund(withSchool({ kind: 'college' })), ['kind']);
    expectIssuesAt(fund(withSchool({ location: 'Rural' })), ['location']);
  });

  it('pupils as an array or a number', () => {
    expectIssuesAt(fund(withSchool({ pupils: [150] })), ['pupils']);
    expectIssuesAt(fund(withSchool({ pupils: 150 })), ['pupils']);
  });

  it('extra keys are rejected, at their own path', () => {
    const issues = expectIssuesAt(fund(withSchool({ pupil: { primary: 10 } })), ['pupil']);
    expect(issueAt(issues, ['pupil']).code).toBe('unknown_key');
    expectIssuesAt(fund(withSchool({ pupils: { primary: 10, senior: 5 } })), ['pupils', 'senior']);
    expectIssuesAt(fund(withSchool({ boarders: { primary: 1, all: 1 } })), ['boarders', 'all']);
  });

  it('a misspelt pupils key with no pupils: both problems', () => {
    expectIssuesAt(fund({ id: 'A', location: 'rural', pupil: { primary: 10 } }), ['pupil'], ['pupils']);
  });

  it('a __proto__ key (JSON.parse) is rejected and pollutes nothing', () => {
    const school = JSON.parse('{"id":"A","location":"rural","pupils":{"primary":10},"__proto__":{"polluted":true}}') as unknown;
    expectIssuesAt(fund(school), ['__proto__']);
    const nested = JSON.parse('{"id":"A","location":"rural","pupils":{"primary":10,"__proto__":{"polluted":true}}}') as unknown;
    expectIssuesAt(fund(nested), ['pupils', '__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a __proto__ key in options is rejected', () => {
    const options = JSON.parse('{"asOf":"2025-09-01","region":"central","__proto__":{"region":"east"}}') as unknown;
    expectIssuesAt(fund(valid, options), ['__proto__']);
  });

  it('boarders more than pupils of their stage', () => {
    const issues = expectIssuesAt(fund(withSchool({ pupils: { primary: 10, junior: 100 }, boarders: { primary: 11 } })), ['boarders', 'primary']);
    expect(issueAt(issues, ['boarders', 'primary']).code).toBe('inconsistent');
    // junior boarders cannot be covered by primary pupils
    expectIssuesAt(fund(withSchool({ pupils: { primary: 100 }, boarders: { junior: 1 } })), ['boarders', 'junior']);
  });

  it('disabled pupils more than pupils', () => {
    const issues = expectIssuesAt(fund(withSchool({ pupils: { primary: 5 }, boarders: {}, disabledPupils: 6 })), ['disabledPupils']);
    expect(issueAt(issues, ['disabledPupils']).code).toBe('inconsistent');
  });

  it('several problems at once', () => {
    expectIssuesAt(
      fund({ id: 3, location: 'x', pupils: { primary: -1, junior: 'a' } }, { asOf: '2025-02-30', region: 'middle' }),
      ['id'],
      ['location'],
      ['pupils', 'primary'],
      ['pupils', 'junior'],
      ['asOf'],
      ['region'],
    );
  });
});

describe('options', () => {
  it('invalid dates', () => {
    for (const asOf of ['2022-02-30', '2025-9-1', '2025-09-01T00:00:00Z', '20250901', '2025/09/01', '', '2023-02-29', '2025-13-01', '2025-00-10', '0000-01-01']) {
      expectIssuesAt(fund(valid, { asOf, region: 'central' }), ['asOf']);
    }
    expectIssuesAt(fund(valid, { asOf: new Date(Number.NaN), region: 'central' }), ['asOf']);
    expectIssuesAt(fund(valid, { asOf: 20250901, region: 'central' }), ['asOf']);
    expectIssuesAt(fund(valid, { asOf: null, region: 'central' }), ['asOf']);
    expectIssuesAt(fund(valid, { asOf: new Date(10000, 0, 1), region: 'central' }), ['asOf']);
    expectIssuesAt(fund(valid, { asOf: '10000-01-01', region: 'central' }), ['asOf']);
  });

  it('far-future dates work', () => {
    // 150 + 30 = 180 rural → 200 funded; weighted (150 × 600 + 30 × 800) / 180 = 114000 / 180 = 633.333…
    // 20 added − 1 disabled withdrawn = 19 × 633.333… = 12033.333… (one rounding, issue 9: the exact
    // amount is rounded once; the parts were rounded separately before, 12666.67 − 633.33, giving 135033.34)
    // 90000 + 24000 + 12033.333… + 7000 + 10 × 200 = 135033.333… → 135033.33
    const r = publicFunding(valid, { asOf: '9999-12-31', region: 'central' });
    expect(r.amount.toString()).toBe('135033.33');
  });

  it('a leap day is a real date', () => {
    expect(() => publicFunding(valid, { asOf: '2024-02-29', region: 'central' })).not.toThrow();
  });

  it('options null, an array, a string', () => {
    for (const options of [null, [], 'central', 5]) {
      const issues = issuesOf(fund(valid, options));
      expect(issues.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('extra option keys', () => {
    expectIssuesAt(fund(valid, { asof: '2025-09-01', region: 'central' }), ['asof']);
    expectIssuesAt(fund(valid, { ...OPTIONS, Region: 'east' }), ['Region']);
  });

  it('unknown region', () => {
    const issues = expectIssuesAt(fund(valid, { asOf: '2025-09-01', region: 'East' }), ['region']);
    expect(issueAt(issues, ['region']).message).toMatch(/east/);
  });

  it('undefined option values are ignored', () => {
    // asOf undefined → today; with a region that must work for any date after 2016.
    expect(() => publicFunding(valid, { region: 'central', asOf: undefined } as never)).not.toThrow();
  });
});

describe('every calculator: bad input never leaks another error', () => {
  const weird: unknown[] = [
    null,
    undefined,
    0,
    -1,
    Number.NaN,
    '',
    'x',
    [],
    [null],
    {},
    { id: null },
    JSON.parse('{"__proto__": {"x": 1}}'),
    new Date(Number.NaN),
    Symbol('s'),
    () => 1,
    new Map(),
    Object.create(null),
  ];
  it('publicFunding', () => {
    for (const w of weird) issuesOf(fund(w));
    for (const w of weird.filter((x) => x !== undefined)) issuesOf(fund(valid, w));
  });
  it('allocateBudget', () => {
    // [] is a valid (empty) roster
    for (const w of weird.filter((x) => !(Array.isArray(x) && x.length === 0))) issuesOf(() => allocateBudget(w as never, OPTIONS));
    for (const w of weird) issuesOf(() => allocateBudget([w] as never, OPTIONS));
  });
  it('livingSubsidyBudget', () => {
    for (const w of weird) issuesOf(() => livingSubsidyBudget(w as never, OPTIONS));
  });
  it('livingSubsidyEligibility', () => {
    for (const w of weird) issuesOf(() => livingSubsidyEligibility(w as never, OPTIONS));
  });
  it('listParameters with bad options', () => {
    // undefined, {} and a null-prototype empty object are valid (empty) options;
    // a Date and a Map are tested on their own below.
    const plainEmpty = (x: unknown) =>
      typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === 0 && [Object.prototype, null].includes(Object.getPrototypeOf(x));
    for (const w of weird.filter((x) => x !== undefined && !plainEmpty(x) && !(x instanceof Date) && !(x instanceof Map))) {
      issuesOf(() => listParameters(w as never));
    }
  });

  it('a Date passed as the options (instead of { asOf }) is rejected, not read as "today"', () => {
    // listParameters(new Date('2016-03-01')) is an easy mistake; silently listing today's values would be wrong.
    expectIssuesAt(() => listParameters(new Date(2016, 2, 1) as never), ['options']);
    expectIssuesAt(() => livingSubsidyEligibility({ stage: 'primary', boarding: false, hardship: ['registered-poor'] }, new Date(2018, 0, 1) as never), ['options']);
  });

  it('a Map passed as the options is rejected', () => {
    expectIssuesAt(() => listParameters(new Map([['asOf', '2016-03-01']]) as never), ['options']);
  });
});

describe('safe forms', () => {
  it('return { success: false, error } and never throw on bad input', () => {
    const results = [
      safePublicFunding(null as never),
      safePublicFunding(valid, { asOf: '2025-02-30' }),
      safeAllocateBudget(null as never),
      safeAllocateBudget([{ id: 'A' }] as never, OPTIONS),
      safeLivingSubsidyBudget({} as never, OPTIONS),
      safeLivingSubsidyEligibility({ stage: 'primary' } as never, OPTIONS),
      safeListParameters({ asOf: 'yesterday' }),
    ];
    for (const r of results) {
      expect(r.success).toBe(false);
      if (!r.success) {
        expect(r.error).toBeInstanceOf(PolicyInputError);
        expect(r.error.issues.length).toBeGreaterThan(0);
      }
      expect('data' in r).toBe(false);
    }
  });

  it('return { success: true, data } on good input', () => {
    const r = safePublicFunding(valid, OPTIONS);
    expect(r.success).toBe(true);
    expect('error' in r).toBe(false);
    const l = safeListParameters({ asOf: '2025-09-01' });
    expect(l.success).toBe(true);
  });
});

describe("the host's decimal.js settings", () => {
  const saved = { precision: HostDecimal.precision, rounding: HostDecimal.rounding, toExpPos: HostDecimal.toExpPos, toExpNeg: HostDecimal.toExpNeg };
  afterEach(() => {
    HostDecimal.set(saved);
  });

  it('are not changed by the library, and do not change its results', () => {
    HostDecimal.set({ precision: 3, rounding: HostDecimal.ROUND_DOWN, toExpPos: 2, toExpNeg: -2 });
    const mixed = { id: 'M', location: 'rural', pupils: { primary: 50, junior: 100 } } as const;
    // 30000 + 80000 + 36666.67 = 146666.67 (see test/funding/publicFunding.test.ts)
    const r = publicFunding(mixed, OPTIONS);
    expect(r.amount.toString()).toBe('146666.67');
    expect(r.amount.toFixed(2)).toBe('146666.67');
    expect(r.components.find((c) => c.id === 'floor')?.amount.toString()).toBe('36666.67');
    // 1,000,000 junior pupils (east): 1,000,000 × 850 = 850000000
    const big = publicFunding({ id: 'Big', location: 'urban', pupils: { junior: 1_000_000 } }, { asOf: '2025-09-01', region: 'east' });
    expect(big.amount.toString()).toBe('850000000');
    // 300 × 146666.67 = 44000001
    const batch = allocateBudget(
      Array.from({ length: 300 }, (_, i) => ({ ...mixed, id: `M${i}` })),
      OPTIONS,
    );
    expect(batch.total.toString()).toBe('44000001');
    // 45 × 0.3 = 13.5 → 13 (rounded down, issue 9); 13 × 1250 = 16250
    expect(livingSubsidyBudget({ id: 'B', location: 'rural', pupils: { primary: 45 }, boarders: { primary: 45 } }, { asOf: '2025-09-01' }).amount.toString()).toBe('16250');
    expect(livingSubsidyEligibility({ stage: 'junior', boarding: true, hardship: ['registered-poor'] }, { asOf: '2025-09-01' }).annualAmount.toString()).toBe('1500');
    // Reading the explanation builds decimals too.
    expect(r.explanation.length).toBeGreaterThan(0);
    expect(JSON.stringify(batch).length).toBeGreaterThan(0);

    expect(HostDecimal.precision).toBe(3);
    expect(HostDecimal.rounding).toBe(HostDecimal.ROUND_DOWN);
    expect(HostDecimal.toExpPos).toBe(2);
    expect(HostDecimal.toExpNeg).toBe(-2);
    // The host's own arithmetic still follows its own settings.
    expect(new HostDecimal('146666.67').plus(0).toString()).toBe('1.46e+5');
  });

  it('default host settings are left as they were', () => {
    const before = { precision: HostDecimal.precision, rounding: HostDecimal.rounding, toExpPos: HostDecimal.toExpPos, toExpNeg: HostDecimal.toExpNeg, modulo: HostDecimal.modulo };
    publicFunding(valid, OPTIONS).explanation;
    listParameters({ asOf: '2025-09-01' });
    expect({ precision: HostDecimal.precision, rounding: HostDecimal.rounding, toExpPos: HostDecimal.toExpPos, toExpNeg: HostDecimal.toExpNeg, modulo: HostDecimal.modulo }).toEqual(before);
  });

  it("amounts are decimal.js Decimals the host can use", () => {
    const r = publicFunding(valid, OPTIONS);
    expect(HostDecimal.isDecimal(r.amount)).toBe(true);
    expect(r.amount).toBeInstanceOf(HostDecimal);
  });
});
