import { describe, expect, it } from 'vitest';
import {
  Decimal,
  PolicyInputError,
  publicFunding,
  safePublicFunding,
  type CalculatorOptions,
  type PublicFundingResult,
  type School,
} from '../../src/index.js';
import { expectIssuesAt, issueAt, issuesOf } from '../core/helpers.js';

/**
 * Rates used below (national-standards.md §1, 国发〔2015〕67号, from 2016-03-01):
 *   central / west: primary 600, junior 800; east: primary 650, junior 850 (yuan/pupil/year)
 *   boarding supplement: +200 per boarder
 *   special education: 6000 (from 2016-03-01), 7000 (from 2025-03-01)
 * Opinion 5.1 floor (from the opinion's date, opinion.effectiveFrom, default 2017-05-23): rural,
 * more than 100 and fewer than 200 → 200 ('district-100-to-200').
 * National floor: rural schools and all teaching points with fewer than 100 → 100 ('national-under-100').
 */
const CENTRAL: CalculatorOptions = { asOf: '2025-09-01', region: 'central' };

/** The default bands, for patches that replace the list. */
const NATIONAL = { id: 'national-under-100', locations: ['rural'], kinds: ['teaching-point'], below: 100, fundedAs: 100 } as const;
const DISTRICT = { id: 'district-100-to-200', locations: ['rural'], above: 100, below: 200, fundedAs: 200 } as const;

const rural = (primary: number, extra: Partial<School> = {}): School => ({ id: 'R', location: 'rural', pupils: { primary }, ...extra });

/** Sum of the components' amounts, in Decimal. */
const componentSum = (r: PublicFundingResult): Decimal => r.components.reduce((acc, c) => acc.plus(c.amount), new Decimal(0));

function expectConsistent(r: PublicFundingResult): void {
  expect(componentSum(r).equals(r.amount)).toBe(true);
  expect(r.amount.isFinite()).toBe(true);
  expect(r.citations).toContain('5.1');
}

describe('publicFunding: rural boundaries around the floors (central, 2025-09-01)', () => {
  // [pupils, fundedPupils, floorApplied, amount], primary 600 each.
  const cases: Array<[number, number, PublicFundingResult['floorApplied'], string]> = [
    [1, 100, 'national-under-100', '60000'], // 100 × 600
    [99, 100, 'national-under-100', '60000'], // fewer than 100 → 100 × 600
    [100, 100, null, '60000'], // exactly 100: neither "fewer than 100" nor "more than 100" → 100 × 600
    [101, 200, 'district-100-to-200', '120000'], // more than 100, fewer than 200 → 200 × 600
    [150, 200, 'district-100-to-200', '120000'],
    [199, 200, 'district-100-to-200', '120000'], // 200 × 600
    [200, 200, null, '120000'], // exactly 200 is not "fewer than 200" → 200 × 600
    [201, 201, null, '120600'], // 201 × 600 = 120600
  ];
  for (const [pupils, funded, floor, amount] of cases) {
    it(`${pupils} pupils → funded ${funded}, floor ${String(floor)}, ${amount} yuan`, () => {
      const r = publicFunding(rural(pupils), CENTRAL);
      expect(r.schoolId).toBe('R');
      expect(r.fundedPupils).toBe(funded);
      expect(r.floorApplied).toBe(floor);
      expect(r.amount.toString()).toBe(amount);
      expectConsistent(r);
    });
  }

  it('an empty rural school is funded as 100 at the primary rate', () => {
    // 0 pupils < 100 → 100 × 600 = 60000
    const r = publicFunding({ id: 'E', location: 'rural', pupils: {} }, CENTRAL);
    expect(r.fundedPupils).toBe(100);
    expect(r.floorApplied).toBe('national-under-100');
    expect(r.amount.toString()).toBe('60000');
  });

  it('the floor component carries the added pupils', () => {
    // 150 pupils → 200: 50 added × 600 = 30000
    const r = publicFunding(rural(150), CENTRAL);
    const floor = r.components.find((c) => c.id === 'floor');
    expect(floor?.pupils).toBe(50);
    expect(floor?.amount.toString()).toBe('30000');
    expect(floor?.rounded).toBe(false);
    expect(floor?.provision).toBe('5.1');
    // 150 × 600 = 90000
    expect(r.components.find((c) => c.id === 'benchmark-primary')?.amount.toString()).toBe('90000');
  });

  it('a junior-only rural school under the floor carries the junior rate', () => {
    // 150 junior → 200 × 800 = 160000
    const r = publicFunding({ id: 'J', location: 'rural', pupils: { junior: 150 } }, CENTRAL);
    expect(r.fundedPupils).toBe(200);
    expect(r.amount.toString()).toBe('160000');
  });
});

describe('publicFunding: which schools the floors cover', () => {
  it('a teaching point under 100 is floored wherever it is', () => {
    for (const location of ['urban', 'town', 'rural'] as const) {
      const r = publicFunding({ id: 'T', location, kind: 'teaching-point', pupils: { primary: 40 } }, CENTRAL);
      // 40 → 100 × 600 = 60000
      expect(r.fundedPupils).toBe(100);
      expect(r.floorApplied).toBe('national-under-100');
      expect(r.amount.toString()).toBe('60000');
    }
  });

  it('an urban teaching point with 150 pupils gets no district floor (not rural)', () => {
    const r = publicFunding({ id: 'T', location: 'urban', kind: 'teaching-point', pupils: { primary: 150 } }, CENTRAL);
    expect(r.fundedPupils).toBe(150);
    expect(r.floorApplied).toBeNull();
    expect(r.amount.toString()).toBe('90000'); // 150 × 600
  });

  it('a rural teaching point with 150 pupils gets the district floor', () => {
    const r = publicFunding({ id: 'T', location: 'rural', kind: 'teaching-point', pupils: { primary: 150 } }, CENTRAL);
    expect(r.fundedPupils).toBe(200);
    expect(r.floorApplied).toBe('district-100-to-200');
    expect(r.amount.toString()).toBe('120000'); // 200 × 600
  });

  it('a town school is not rural by default: no floor at 50 or 150', () => {
    const small = publicFunding({ id: 'T', location: 'town', pupils: { primary: 50 } }, CENTRAL);
    expect(small.fundedPupils).toBe(50);
    expect(small.floorApplied).toBeNull();
    expect(small.amount.toString()).toBe('30000'); // 50 × 600
    const mid = publicFunding({ id: 'T', location: 'town', pupils: { primary: 150 } }, CENTRAL);
    expect(mid.fundedPupils).toBe(150);
    expect(mid.floorApplied).toBeNull();
    expect(mid.amount.toString()).toBe('90000'); // 150 × 600
  });

  it('an urban school gets no floor', () => {
    const r = publicFunding({ id: 'U', location: 'urban', pupils: { primary: 50 } }, CENTRAL);
    expect(r.fundedPupils).toBe(50);
    expect(r.floorApplied).toBeNull();
    expect(r.amount.toString()).toBe('30000'); // 50 × 600
    const r2 = publicFunding({ id: 'U', location: 'urban', pupils: { primary: 150 } }, CENTRAL);
    expect(r2.floorApplied).toBeNull();
    expect(r2.amount.toString()).toBe('90000');
  });

  it('town counts as rural for the district floor when the parameter says so', () => {
    const r = publicFunding(
      { id: 'T', location: 'town', pupils: { primary: 150 } },
      { ...CENTRAL, parameters: { funding: { floors: [NATIONAL, { ...DISTRICT, locations: ['rural', 'town'] }] } } },
    );
    expect(r.fundedPupils).toBe(200);
    expect(r.floorApplied).toBe('district-100-to-200');
    expect(r.amount.toString()).toBe('120000'); // 200 × 600
  });
});

describe('publicFunding: dates', () => {
  it('2016-02-29 is before the first benchmark: error on asOf', () => {
    const issues = expectIssuesAt(() => publicFunding(rural(50), { asOf: '2016-02-29', region: 'central' }), ['asOf']);
    expect(issueAt(issues, ['asOf']).message).toMatch(/2016-02-29/);
  });

  it('a Date before the first benchmark is the same error', () => {
    expectIssuesAt(() => publicFunding(rural(50), { asOf: new Date(2015, 0, 1), region: 'central' }), ['asOf']);
  });

  it('2016-03-01: benchmark in force, national floor applies, district floor not yet', () => {
    const options = { asOf: '2016-03-01', region: 'central' } as const;
    const small = publicFunding(rural(50), options);
    expect(small.fundedPupils).toBe(100);
    expect(small.floorApplied).toBe('national-under-100');
    expect(small.amount.toString()).toBe('60000'); // 100 × 600
    const mid = publicFunding(rural(150), options);
    expect(mid.fundedPupils).toBe(150);
    expect(mid.floorApplied).toBeNull();
    expect(mid.amount.toString()).toBe('90000'); // 150 × 600, no district floor before the opinion's date (2017-05-23)
  });

  it('a Date object is read by its calendar day', () => {
    const r = publicFunding(rural(150), { asOf: new Date(2016, 2, 1), region: 'east' });
    expect(r.amount.toString()).toBe('97500'); // 150 × 650, before the district floor
  });

  it("2017-05-22 vs 2017-05-23 (the opinion's date): the district floor starts", () => {
    const before = publicFunding(rural(150), { asOf: '2017-05-22', region: 'central' });
    expect(before.floorApplied).toBeNull();
    expect(before.fundedPupils).toBe(150);
    expect(before.amount.toString()).toBe('90000'); // 150 × 600
    const after = publicFunding(rural(150), { asOf: '2017-05-23', region: 'central' });
    expect(after.floorApplied).toBe('district-100-to-200');
    expect(after.fundedPupils).toBe(200);
    expect(after.amount.toString()).toBe('120000'); // 200 × 600
  });

  it('2025-02-28 vs 2025-03-01: special education 6000 → 7000', () => {
    const school: School = { id: 'S', location: 'urban', kind: 'special-education', pupils: { primary: 10 } };
    expect(publicFunding(school, { asOf: '2025-02-28' }).amount.toString()).toBe('60000'); // 10 × 6000
    expect(publicFunding(school, { asOf: '2025-03-01' }).amount.toString()).toBe('70000'); // 10 × 7000
    expect(publicFunding(school, { asOf: '2016-03-01' }).amount.toString()).toBe('60000');
  });

  it('2025-02-28 vs 2025-03-01: disabled pupils in a mainstream school', () => {
    const school: School = { id: 'D', location: 'urban', pupils: { primary: 300 }, disabledPupils: 3 };
    // 300 × 600 − 3 × 600 + 3 × 6000 = 180000 − 1800 + 18000 = 196200
    expect(publicFunding(school, { asOf: '2025-02-28', region: 'west' }).amount.toString()).toBe('196200');
    // 300 × 600 − 3 × 600 + 3 × 7000 = 180000 − 1800 + 21000 = 199200
    expect(publicFunding(school, { asOf: '2025-03-01', region: 'west' }).amount.toString()).toBe('199200');
  });
});

describe('publicFunding: regions', () => {
  it('east, central and west benchmarks', () => {
    const school: School = { id: 'M', location: 'urban', pupils: { primary: 300, junior: 200 } };
    // east: 300 × 650 + 200 × 850 = 195000 + 170000 = 365000
    expect(publicFunding(school, { asOf: '2025-09-01', region: 'east' }).amount.toString()).toBe('365000');
    // central, west: 300 × 600 + 200 × 800 = 180000 + 160000 = 340000
    expect(publicFunding(school, { asOf: '2025-09-01', region: 'central' }).amount.toString()).toBe('340000');
    expect(publicFunding(school, { asOf: '2025-09-01', region: 'west' }).amount.toString()).toBe('340000');
  });

  it('east under the district floor', () => {
    // 150 → 200 × 650 = 130000
    expect(publicFunding(rural(150), { asOf: '2025-09-01', region: 'east' }).amount.toString()).toBe('130000');
  });

  it('a missing region fails on region and names the choices', () => {
    const issues = expectIssuesAt(() => publicFunding(rural(150), { asOf: '2025-09-01' }), ['region']);
    const message = issueAt(issues, ['region']).message;
    expect(message).toContain('east');
    expect(message).toContain('central');
    expect(message).toContain('west');
  });

  it('a missing region fails with no options at all', () => {
    expectIssuesAt(() => publicFunding(rural(150)), ['region']);
  });

  it('an unknown region fails on region', () => {
    expectIssuesAt(() => publicFunding(rural(150), { asOf: '2025-09-01', region: 'north' as never }), ['region']);
  });
});

describe('publicFunding: special education and disabled pupils', () => {
  it('a special-education school: every pupil at the special rate, no floor, no region needed', () => {
    const school: School = { id: 'S', location: 'rural', kind: 'special-education', pupils: { primary: 30, junior: 20 } };
    const r = publicFunding(school, { asOf: '2025-09-01' });
    // 50 pupils, rural, < 100 but no floor: 50 × 7000 = 350000
    expect(r.fundedPupils).toBe(50);
    expect(r.floorApplied).toBeNull();
    expect(r.amount.toString()).toBe('350000');
    expect(r.components.map((c) => c.id)).toEqual(['special-education']);
    expectConsistent(r);
  });

  it('a special-education school with 150 rural pupils: still no district floor', () => {
    const r = publicFunding({ id: 'S', location: 'rural', kind: 'special-education', pupils: { primary: 150 } }, { asOf: '2025-09-01' });
    expect(r.fundedPupils).toBe(150);
    expect(r.floorApplied).toBeNull();
    expect(r.amount.toString()).toBe('1050000'); // 150 × 7000
  });

  it('a special-education school with boarders adds the supplement', () => {
    const r = publicFunding(
      { id: 'S', location: 'urban', kind: 'special-education', pupils: { primary: 10 }, boarders: { primary: 4 } },
      { asOf: '2025-09-01' },
    );
    expect(r.amount.toString()).toBe('70800'); // 10 × 7000 + 4 × 200 = 70000 + 800
  });

  it("disabled pupils 'instead' (default)", () => {
    const school: School = { id: 'D', location: 'urban', pupils: { primary: 300 }, disabledPupils: 3 };
    const r = publicFunding(school, CENTRAL);
    // 300 × 600 − 3 × 600 + 3 × 7000 = 180000 − 1800 + 21000 = 199200
    expect(r.amount.toString()).toBe('199200');
    expect(r.fundedPupils).toBe(300);
    const withdrawn = r.components.find((c) => c.id === 'disabled-benchmark-withdrawn');
    expect(withdrawn?.amount.toString()).toBe('-1800');
    expect(r.components.find((c) => c.id === 'special-education')?.amount.toString()).toBe('21000');
    expectConsistent(r);
  });

  it("disabled pupils 'on-top'", () => {
    const school: School = { id: 'D', location: 'urban', pupils: { primary: 300 }, disabledPupils: 3 };
    const r = publicFunding(school, { ...CENTRAL, parameters: { funding: { disabledPupils: 'on-top' } } });
    // 300 × 600 + 3 × 7000 = 180000 + 21000 = 201000
    expect(r.amount.toString()).toBe('201000');
    expect(r.components.some((c) => c.id === 'disabled-benchmark-withdrawn')).toBe(false);
    expectConsistent(r);
  });

  it("explicit 'instead' equals the default", () => {
    const school: School = { id: 'D', location: 'urban', pupils: { primary: 300 }, disabledPupils: 3 };
    const r = publicFunding(school, { ...CENTRAL, parameters: { funding: { disabledPupils: 'instead' } } });
    expect(r.amount.toString()).toBe('199200');
  });

  it('disabled pupils in a junior-only school withdraw the junior rate', () => {
    // 200 × 850 − 2 × 850 + 2 × 7000 = 170000 − 1700 + 14000 = 182300 (east)
    const r = publicFunding({ id: 'D', location: 'urban', pupils: { junior: 200 }, disabledPupils: 2 }, { asOf: '2025-09-01', region: 'east' });
    expect(r.amount.toString()).toBe('182300');
  });

  it('disabled pupils in a floored rural school: floor still counts all pupils', () => {
    // 150 rural → 200 funded; 2 disabled: 200 × 600 − 2 × 600 + 2 × 7000 = 120000 − 1200 + 14000 = 132800
    const r = publicFunding(rural(150, { disabledPupils: 2 }), CENTRAL);
    expect(r.fundedPupils).toBe(200);
    expect(r.amount.toString()).toBe('132800');
    expectConsistent(r);
  });
});

describe('publicFunding: more edge cases', () => {
  it('a teaching point with exactly 100 pupils gets no floor', () => {
    const r = publicFunding({ id: 'T', location: 'urban', kind: 'teaching-point', pupils: { primary: 100 } }, CENTRAL);
    expect(r.floorApplied).toBeNull();
    expect(r.amount.toString()).toBe('60000'); // 100 × 600
  });

  it('a special-education school ignores disabledPupils (all pupils are already at the special rate)', () => {
    const base: School = { id: 'S', location: 'urban', kind: 'special-education', pupils: { primary: 10 } };
    // 10 × 7000 = 70000 either way
    expect(publicFunding(base, { asOf: '2025-09-01' }).amount.toString()).toBe('70000');
    expect(publicFunding({ ...base, disabledPupils: 10 }, { asOf: '2025-09-01' }).amount.toString()).toBe('70000');
  });

  it("disabled pupils in a mixed school withdraw the school's weighted rate (rounded half up to the fen)", () => {
    // 50 primary + 100 junior, urban (no floor), 1 disabled, central:
    // weighted rate 110000 / 150 = 733.333…; withdrawn 1 × 733.333… → 733.33
    // 30000 + 80000 − 733.33 + 7000 = 116266.67
    const r = publicFunding({ id: 'M', location: 'urban', pupils: { primary: 50, junior: 100 }, disabledPupils: 1 }, CENTRAL);
    const withdrawn = r.components.find((c) => c.id === 'disabled-benchmark-withdrawn');
    expect(withdrawn?.amount.toString()).toBe('-733.33');
    expect(withdrawn?.rounded).toBe(true);
    expect(r.amount.toString()).toBe('116266.67');
    expectConsistent(r);
  });

  it("a patched list is the list in force, before the opinion's date too", () => {
    const parameters = { funding: { floors: [NATIONAL, DISTRICT] } };
    const r = publicFunding(rural(150), { asOf: '2016-03-01', region: 'central', parameters });
    expect(r.floorApplied).toBe('district-100-to-200');
    expect(r.amount.toString()).toBe('120000'); // 200 × 600
  });

  it('the largest school: 1,000,000 primary + 1,000,000 junior, all boarders, east', () => {
    // 1e6 × 650 + 1e6 × 850 + 2e6 × 200 = 650000000 + 850000000 + 400000000 = 1900000000
    const r = publicFunding(
      { id: 'XL', location: 'urban', pupils: { primary: 1_000_000, junior: 1_000_000 }, boarders: { primary: 1_000_000, junior: 1_000_000 } },
      { asOf: '2025-09-01', region: 'east' },
    );
    expect(r.amount.toString()).toBe('1900000000');
    expectConsistent(r);
  });

  it('an id longer than 200 characters is rejected, 200 is fine', () => {
    expect(publicFunding({ id: 'x'.repeat(200), location: 'urban', pupils: {} }, CENTRAL).schoolId).toHaveLength(200);
    expectIssuesAt(() => publicFunding({ id: 'x'.repeat(201), location: 'urban', pupils: {} }, CENTRAL), ['id']);
  });

  it('results of one call are not shared with the next', () => {
    const a = publicFunding(rural(150), CENTRAL);
    a.citations.push('tampered');
    a.components.length = 0;
    const b = publicFunding(rural(150), CENTRAL);
    expect(b.citations).not.toContain('tampered');
    expect(b.components.length).toBeGreaterThan(0);
  });
});

describe('publicFunding: boarders', () => {
  it('adds 200 per boarder', () => {
    const r = publicFunding({ id: 'B', location: 'urban', pupils: { primary: 300, junior: 100 }, boarders: { primary: 100, junior: 50 } }, CENTRAL);
    // 300 × 600 + 100 × 800 + 150 × 200 = 180000 + 80000 + 30000 = 290000
    expect(r.amount.toString()).toBe('290000');
    const boarding = r.components.find((c) => c.id === 'boarding');
    expect(boarding?.pupils).toBe(150);
    expect(boarding?.amount.toString()).toBe('30000');
    expectConsistent(r);
  });

  it('boarders do not change funded pupils under a floor', () => {
    // 150 rural, 40 boarders: 200 × 600 + 40 × 200 = 120000 + 8000 = 128000
    const r = publicFunding(rural(150, { boarders: { primary: 40 } }), CENTRAL);
    expect(r.fundedPupils).toBe(200);
    expect(r.amount.toString()).toBe('128000');
  });
});

describe('publicFunding: mixed primary/junior school under a floor', () => {
  it('weighted rate rounded once, half up (fraction above one half: up)', () => {
    // 50 primary + 100 junior = 150 rural → 200, 50 added.
    // weighted rate = (50 × 600 + 100 × 800) / 150 = 110000 / 150 = 733.333… yuan
    // added: 50 × 110000 / 150 = 36666.666… → 36666.67 (half up; truncation would give 36666.66)
    // total: 30000 + 80000 + 36666.67 = 146666.67
    const r = publicFunding({ id: 'M', location: 'rural', pupils: { primary: 50, junior: 100 } }, CENTRAL);
    expect(r.fundedPupils).toBe(200);
    expect(r.floorApplied).toBe('district-100-to-200');
    const floor = r.components.find((c) => c.id === 'floor');
    expect(floor?.pupils).toBe(50);
    expect(floor?.amount.toString()).toBe('36666.67');
    expect(floor?.rounded).toBe(true);
    // The rate is reported exactly (not rounded): 733.333…
    expect(floor?.rate.times(150).toString()).toBe('110000');
    expect(r.amount.toString()).toBe('146666.67');
    expectConsistent(r);
  });

  it('weighted rate rounded once, half up (fraction below one half: down)', () => {
    // 100 primary + 50 junior = 150 → 200, 50 added.
    // 50 × (100 × 600 + 50 × 800) / 150 = 50 × 100000 / 150 = 33333.333… → 33333.33
    // total: 60000 + 40000 + 33333.33 = 133333.33
    const r = publicFunding({ id: 'M', location: 'rural', pupils: { primary: 100, junior: 50 } }, CENTRAL);
    expect(r.components.find((c) => c.id === 'floor')?.amount.toString()).toBe('33333.33');
    expect(r.amount.toString()).toBe('133333.33');
    expectConsistent(r);
  });

  it('an exact half fen rounds up', () => {
    // Primary rate overridden to 600.01 (60001 fen, odd), junior 800 (central).
    // 7 primary + 1 junior = 8 pupils (rural) → 100, 92 added.
    // weighted numerator = 7 × 60001 + 1 × 80000 = 420007 + 80000 = 500007 fen; over 8 pupils.
    // added: 92 × 500007 / 8 = 11.5 × 500007 = 5750080.5 fen → half up 5750081 fen = 57500.81
    //   (half-even would give 5750080; truncation 5750080)
    // total: 7 × 600.01 + 800 + 57500.81 = 4200.07 + 800 + 57500.81 = 62500.88
    const r = publicFunding(
      { id: 'H', location: 'rural', pupils: { primary: 7, junior: 1 } },
      { ...CENTRAL, parameters: { funding: { benchmark: { primary: '600.01' } } } },
    );
    expect(r.fundedPupils).toBe(100);
    const floor = r.components.find((c) => c.id === 'floor');
    expect(floor?.amount.toString()).toBe('57500.81');
    expect(floor?.rounded).toBe(true);
    expect(r.amount.toString()).toBe('62500.88');
    expectConsistent(r);
  });

  it('floorMixedStageRate primary / junior override', () => {
    // 50 primary + 100 junior → 200; 50 added at the primary rate: 30000 + 80000 + 50 × 600 = 140000
    const p = publicFunding(
      { id: 'M', location: 'rural', pupils: { primary: 50, junior: 100 } },
      { ...CENTRAL, parameters: { funding: { floorMixedStageRate: 'primary' } } },
    );
    expect(p.amount.toString()).toBe('140000');
    // at the junior rate: 30000 + 80000 + 50 × 800 = 150000
    const j = publicFunding(
      { id: 'M', location: 'rural', pupils: { primary: 50, junior: 100 } },
      { ...CENTRAL, parameters: { funding: { floorMixedStageRate: 'junior' } } },
    );
    expect(j.amount.toString()).toBe('150000');
  });

  it('floorMixedStageRate does not change a one-stage school: its added pupils carry its own rate', () => {
    // 150 junior only, rural → 200; 50 added at the junior rate whatever the choice: 150 × 800 + 50 × 800 = 160000
    const j = publicFunding(
      { id: 'J', location: 'rural', pupils: { junior: 150 } },
      { ...CENTRAL, parameters: { funding: { floorMixedStageRate: 'primary' } } },
    );
    expect(j.amount.toString()).toBe('160000');
  });

  it('the explanation says where it rounded', () => {
    const r = publicFunding({ id: 'M', location: 'rural', pupils: { primary: 50, junior: 100 } }, CENTRAL);
    const floorPart = r.explanation.find((s) => s.values?.['rounded'] === true);
    expect(floorPart).toBeDefined();
    expect(floorPart?.message.en).toMatch(/round/i);
    expect(floorPart?.message.zh).toMatch(/四舍五入/);
  });
});

describe('publicFunding: citations and explanation', () => {
  it("cites '5.1' and 'gf-2015-67'", () => {
    const r = publicFunding(rural(150), CENTRAL);
    expect(r.citations).toContain('5.1');
    expect(r.citations).toContain('gf-2015-67');
    expect(new Set(r.citations).size).toBe(r.citations.length);
  });

  it('cites the 2025 special-education source when the 7000 rate is used', () => {
    const r = publicFunding({ id: 'S', location: 'urban', kind: 'special-education', pupils: { primary: 1 } }, { asOf: '2025-03-01' });
    expect(r.citations).toContain('5.1');
    expect(r.citations).toContain('mof-2025-special-education');
  });

  it('every explanation step has zh and en strings', () => {
    for (const r of [
      publicFunding(rural(150), CENTRAL),
      publicFunding(rural(50), CENTRAL),
      publicFunding({ id: 'U', location: 'urban', pupils: { primary: 1000, junior: 500 }, boarders: { junior: 10 }, disabledPupils: 1 }, CENTRAL),
      publicFunding({ id: 'S', location: 'urban', kind: 'special-education', pupils: { primary: 10 } }, { asOf: '2025-09-01' }),
    ]) {
      expect(r.explanation.length).toBeGreaterThan(0);
      for (const s of r.explanation) {
        expect(typeof s.message.zh).toBe('string');
        expect(typeof s.message.en).toBe('string');
        expect(s.message.zh.length).toBeGreaterThan(0);
        expect(s.message.en.length).toBeGreaterThan(0);
        if (s.provision !== undefined) expect(typeof s.provision).toBe('string');
      }
    }
  });

  it("the district floor step cites '5.1'", () => {
    const r = publicFunding(rural(150), CENTRAL);
    const floorStep = r.explanation.find((s) => s.values?.['fundedPupils'] === 200 && s.values?.['pupils'] === 150);
    expect(floorStep).toBeDefined();
    expect(floorStep?.provision).toBe('5.1');
    expect(floorStep?.message.zh).toContain('200');
  });

  it('the national floor step cites the national source, not 5.1', () => {
    const r = publicFunding(rural(50), CENTRAL);
    const floorStep = r.explanation.find((s) => s.values?.['fundedPupils'] === 100 && s.values?.['pupils'] === 50);
    expect(floorStep).toBeDefined();
    expect(floorStep?.provision).toBe('gf-2015-67');
  });

  it('the explanation ends with the total', () => {
    const r = publicFunding(rural(150), CENTRAL);
    const last = r.explanation.at(-1);
    expect(last?.message.en).toContain('120000');
    expect(last?.message.zh).toContain('120000');
  });

  it('JSON.stringify gives the amount as a string', () => {
    const r = publicFunding({ id: 'M', location: 'rural', pupils: { primary: 50, junior: 100 } }, CENTRAL);
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    expect(json['amount']).toBe('146666.67');
    expect(json['schoolId']).toBe('M');
    expect(json['fundedPupils']).toBe(200);
    expect(json['floorApplied']).toBe('district-100-to-200');
    expect(Array.isArray(json['components'])).toBe(true);
    // Issue 11: the explanation is non-enumerable, so JSON leaves it out; a host reads it.
    expect(json).not.toHaveProperty('explanation');
    expect(r.explanation.length).toBeGreaterThan(0);
    const components = json['components'] as Array<Record<string, unknown>>;
    for (const c of components) expect(typeof c['amount']).toBe('string');
  });

  it('amount is a decimal.js Decimal', () => {
    const r = publicFunding(rural(150), CENTRAL);
    expect(Decimal.isDecimal(r.amount)).toBe(true);
    expect(r.amount).toBeInstanceOf(Decimal);
  });
});

describe('publicFunding: parameter overrides', () => {
  it('a single benchmark value for all regions needs no region', () => {
    // 150 rural → 200 × 720 = 144000; 100 junior urban × 940 = 94000
    const options = { asOf: '2025-09-01', parameters: { funding: { benchmark: { primary: 720, junior: 940 } } } };
    expect(publicFunding(rural(150), options).amount.toString()).toBe('144000');
    expect(publicFunding({ id: 'J', location: 'urban', pupils: { junior: 100 } }, options).amount.toString()).toBe('94000');
  });

  it('a single primary value is enough for a primary-only school (the junior benchmark is not needed)', () => {
    // Contract: a region is required only "where a value needed for the result differs by region".
    // 50 urban primary × 720 = 36000; junior is not needed for this school.
    const r = publicFunding(
      { id: 'P', location: 'urban', pupils: { primary: 50 } },
      { asOf: '2025-09-01', parameters: { funding: { benchmark: { primary: 720 } } } },
    );
    expect(r.amount.toString()).toBe('36000');
  });

  it('a per-region override { central: 720 } changes central only', () => {
    const parameters = { funding: { benchmark: { primary: { central: 720 } } } };
    // central: 200 × 720 = 144000
    expect(publicFunding(rural(150), { asOf: '2025-09-01', region: 'central', parameters }).amount.toString()).toBe('144000');
    // east unchanged: 200 × 650 = 130000; west unchanged: 200 × 600 = 120000
    expect(publicFunding(rural(150), { asOf: '2025-09-01', region: 'east', parameters }).amount.toString()).toBe('130000');
    expect(publicFunding(rural(150), { asOf: '2025-09-01', region: 'west', parameters }).amount.toString()).toBe('120000');
    // Without region the primary values still differ (650 / 720 / 600): error on region.
    expectIssuesAt(() => publicFunding(rural(150), { asOf: '2025-09-01', parameters }), ['region']);
  });

  it('an override does not leak into later calls', () => {
    publicFunding(rural(150), { ...CENTRAL, parameters: { funding: { benchmark: { primary: 999 } } } });
    expect(publicFunding(rural(150), CENTRAL).amount.toString()).toBe('120000');
  });

  it('district floor changed to 250', () => {
    const parameters = { funding: { floors: [NATIONAL, { id: 'district-100-to-250', locations: ['rural'] as const, above: 100, below: 250, fundedAs: 250 }] } };
    // 220 rural: more than 100, fewer than 250 → 250 × 600 = 150000
    const r = publicFunding(rural(220), { ...CENTRAL, parameters });
    expect(r.fundedPupils).toBe(250);
    expect(r.floorApplied).toBe('district-100-to-250');
    expect(r.amount.toString()).toBe('150000');
    // 249 → 250; 250 → not fewer than 250 → none
    expect(publicFunding(rural(249), { ...CENTRAL, parameters }).fundedPupils).toBe(250);
    const at = publicFunding(rural(250), { ...CENTRAL, parameters });
    expect(at.floorApplied).toBeNull();
    expect(at.amount.toString()).toBe('150000'); // 250 × 600
    // 101 → 250 × 600 = 150000
    expect(publicFunding(rural(101), { ...CENTRAL, parameters }).amount.toString()).toBe('150000');
  });

  it('national floor changed to 250 funded pupils', () => {
    const parameters = { funding: { floors: [{ ...NATIONAL, fundedAs: 250 }, DISTRICT] } };
    // 50 rural: fewer than 100 → 250 × 600 = 150000
    const r = publicFunding(rural(50), { ...CENTRAL, parameters });
    expect(r.fundedPupils).toBe(250);
    expect(r.floorApplied).toBe('national-under-100');
    expect(r.amount.toString()).toBe('150000');
  });

  it('boarding supplement and special-education overrides', () => {
    // 300 × 600 + 100 × 250 = 180000 + 25000 = 205000
    const b = publicFunding(
      { id: 'B', location: 'urban', pupils: { primary: 300 }, boarders: { primary: 100 } },
      { ...CENTRAL, parameters: { funding: { boardingSupplement: '250' } } },
    );
    expect(b.amount.toString()).toBe('205000');
    // 10 × 8000.5 = 80005
    const s = publicFunding(
      { id: 'S', location: 'urban', kind: 'special-education', pupils: { primary: 10 } },
      { asOf: '2025-09-01', parameters: { funding: { specialEducation: '8000.50' } } },
    );
    expect(s.amount.toString()).toBe('80005');
  });

  it('overriding the benchmark alone does not make a date before 2016-03-01 usable', () => {
    // the special-education rate, floors and the rest are still unknown on 2015-01-01
    expectIssuesAt(
      () => publicFunding(rural(150), { asOf: '2015-01-01', parameters: { funding: { benchmark: { primary: 600, junior: 800 } } } }),
      ['asOf'],
    );
  });

  describe('invalid overrides', () => {
    const bad = (parameters: unknown) => () => publicFunding(rural(150), { ...CENTRAL, parameters: parameters as never });

    it('negative money', () => {
      expectIssuesAt(bad({ funding: { benchmark: { primary: -1 } } }), ['parameters', 'funding', 'benchmark', 'primary']);
    });
    it('three decimals', () => {
      expectIssuesAt(bad({ funding: { benchmark: { primary: '600.123' } } }), ['parameters', 'funding', 'benchmark', 'primary']);
      expectIssuesAt(bad({ funding: { boardingSupplement: 200.005 } }), ['parameters', 'funding', 'boardingSupplement']);
    });
    it('NaN, Infinity and non-numeric text', () => {
      expectIssuesAt(bad({ funding: { benchmark: { primary: Number.NaN } } }), ['parameters', 'funding', 'benchmark', 'primary']);
      expectIssuesAt(bad({ funding: { benchmark: { primary: Number.POSITIVE_INFINITY } } }), ['parameters', 'funding', 'benchmark', 'primary']);
      expectIssuesAt(bad({ funding: { benchmark: { primary: 'six hundred' } } }), ['parameters', 'funding', 'benchmark', 'primary']);
    });
    it('a regional value invalid for one region', () => {
      expectIssuesAt(bad({ funding: { benchmark: { primary: { east: -5 } } } }), ['parameters', 'funding', 'benchmark', 'primary', 'east']);
    });
    it('an unknown parameter path', () => {
      expectIssuesAt(bad({ funding: { benchmrk: { primary: 700 } } }), ['parameters', 'funding', 'benchmrk']);
      expectIssuesAt(bad({ fundng: {} }), ['parameters', 'fundng']);
    });
    it('an unknown region key', () => {
      expectIssuesAt(bad({ funding: { benchmark: { primary: { north: 700 } } } }), ['parameters', 'funding', 'benchmark', 'primary', 'north']);
    });
    it('a __proto__ key', () => {
      const parameters = JSON.parse('{"funding": {"__proto__": {"benchmark": 1}}}') as unknown;
      expectIssuesAt(bad(parameters), ['parameters', 'funding', '__proto__']);
      const top = JSON.parse('{"__proto__": {"funding": 1}}') as unknown;
      expectIssuesAt(bad(top), ['parameters', '__proto__']);
      expect(({} as Record<string, unknown>)['benchmark']).toBeUndefined();
      expect(({} as Record<string, unknown>)['funding']).toBeUndefined();
    });
    it('a wrong choice, count or location list', () => {
      expectIssuesAt(bad({ funding: { disabledPupils: 'both' } }), ['parameters', 'funding', 'disabledPupils']);
      expectIssuesAt(bad({ funding: { floors: [NATIONAL, { ...DISTRICT, fundedAs: 200.5 }] } }), ['parameters', 'funding', 'floors', 1, 'fundedAs']);
      expectIssuesAt(bad({ funding: { floors: [{ ...DISTRICT, locations: ['village'] }] } }), ['parameters', 'funding', 'floors', 0, 'locations', 0]);
      expectIssuesAt(bad({ funding: { floors: [{ ...DISTRICT, locations: 'rural' }] } }), ['parameters', 'funding', 'floors', 0, 'locations']);
      expectIssuesAt(bad({ funding: { floorMixedStageRate: 'both' } }), ['parameters', 'funding', 'floorMixedStageRate']);
    });
    it('a group given a value, or parameters not an object', () => {
      expectIssuesAt(bad({ funding: { benchmark: 200 } }), ['parameters', 'funding', 'benchmark']);
      expectIssuesAt(bad({ funding: { floors: 200 } }), ['parameters', 'funding', 'floors']);
      expectIssuesAt(bad({ funding: null }), ['parameters', 'funding']);
      expectIssuesAt(bad(42), ['parameters']);
      expectIssuesAt(bad([]), ['parameters']);
    });
    it('every bad value is reported at once', () => {
      const issues = issuesOf(bad({ funding: { benchmark: { primary: -1, junior: '1.234' }, nope: 1 } }));
      const paths = issues.map((i) => i.path.join('.'));
      expect(paths).toContain('parameters.funding.benchmark.primary');
      expect(paths).toContain('parameters.funding.benchmark.junior');
      expect(paths).toContain('parameters.funding.nope');
      for (const issue of issues) expect(issue.path[0]).toBe('parameters');
    });
  });
});

describe('safePublicFunding', () => {
  it('returns the data on success', () => {
    const r = safePublicFunding(rural(150), CENTRAL);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.amount.toString()).toBe('120000');
  });
  it('returns the error on failure', () => {
    const r = safePublicFunding(rural(150), { asOf: '2025-09-01' });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error).toBeInstanceOf(PolicyInputError);
      expect(r.error.issues.map((i) => i.path)).toContainEqual(['region']);
    }
  });
});
