/**
 * Floors as data (issue 9, item 3) and one rounding (item 8).
 *
 * Rates (central region, 2025-09-01, 国发〔2015〕67号): primary 600, junior 800 yuan per pupil;
 * special education 7000. Default list: 'national-under-100' (rural schools and every teaching
 * point, fewer than 100 → 100) and, from the opinion's date, 'district-100-to-200' (rural, more than
 * 100 and fewer than 200 → 200). 超过 / 不足 are exclusive.
 */
import { describe, expect, it } from 'vitest';
import {
  allocateBudget,
  assessGovernmentGuarantees,
  Decimal,
  PolicyInputError,
  publicFunding,
  type FloorBand,
  type PublicFundingResult,
  type School,
} from '../../src/index.js';
import { expectIssuesAt, issuesOf } from '../core/helpers.js';

const CENTRAL = { asOf: '2025-09-01', region: 'central' } as const;
const NATIONAL = { id: 'national-under-100', locations: ['rural'], kinds: ['teaching-point'], below: 100, fundedAs: 100 } as const satisfies FloorBand;
const DISTRICT = { id: 'district-100-to-200', locations: ['rural'], above: 100, below: 200, fundedAs: 200 } as const satisfies FloorBand;
/** A junior band as Fujian has one (南教计〔2020〕4号: 初中不足300人的按300人核定), here for every location. */
const JUNIOR_300 = { id: 'junior-under-300', locations: ['urban', 'town', 'rural'], stage: 'junior', below: 300, fundedAs: 300 } as const satisfies FloorBand;

const withFloors = (floors: readonly FloorBand[]) => ({ ...CENTRAL, parameters: { funding: { floors } } });
const school = (location: School['location'], primary: number, junior = 0, extra: Partial<School> = {}): School => ({ id: 'S', location, pupils: { primary, junior }, ...extra });
const sumOf = (r: PublicFundingResult): Decimal => r.components.reduce((acc, c) => acc.plus(c.amount), new Decimal(0));

describe('floor bands: both bounds exclusive (超过 / 不足)', () => {
  // [rural primary pupils, funded, floor, amount = funded × 600]
  const cases: Array<[number, number, string | null, string]> = [
    [99, 100, 'national-under-100', '60000'], // 不足100: 99 < 100 → 100 × 600
    [100, 100, null, '60000'], // neither 不足100 nor 超过100
    [101, 200, 'district-100-to-200', '120000'], // 超过100, 不足200 → 200 × 600
    [199, 200, 'district-100-to-200', '120000'],
    [200, 200, null, '120000'], // 不足200 excludes 200
  ];
  it.each(cases)('%i rural pupils → funded %i under %s, %s yuan', (pupils, funded, floor, amount) => {
    for (const options of [CENTRAL, withFloors([NATIONAL, DISTRICT])]) {
      const r = publicFunding(school('rural', pupils), options);
      expect(r.fundedPupils).toBe(funded);
      expect(r.floorApplied).toBe(floor);
      expect(r.amount.toString()).toBe(amount);
    }
  });

  it('a band without `above` starts at 0 pupils: an empty rural school is funded as 100', () => {
    const r = publicFunding(school('rural', 0), CENTRAL);
    expect(r.fundedPupils).toBe(100);
    expect(r.amount.toString()).toBe('60000'); // 100 × 600 (an empty school carries the primary rate)
  });
});

describe('floor bands: coverage by location or by kind', () => {
  it('a teaching point in a town is covered by kind alone (national band: locations rural, kinds teaching-point)', () => {
    const tp = publicFunding({ id: 'T', location: 'town', kind: 'teaching-point', pupils: { primary: 38 } }, CENTRAL);
    expect(tp.floorApplied).toBe('national-under-100');
    expect(tp.fundedPupils).toBe(100);
    expect(tp.amount.toString()).toBe('60000'); // 100 × 600
    // A town school of the same size is not: 38 × 600
    const townSchool = publicFunding(school('town', 38), CENTRAL);
    expect(townSchool.floorApplied).toBeNull();
    expect(townSchool.amount.toString()).toBe('22800');
  });

  it('a band of kinds only covers teaching points anywhere and no school', () => {
    const floors = [{ id: 'teaching-points', locations: [], kinds: ['teaching-point'], below: 100, fundedAs: 100 }] as const;
    const tp = publicFunding({ id: 'T', location: 'urban', kind: 'teaching-point', pupils: { primary: 50 } }, withFloors(floors));
    expect(tp.floorApplied).toBe('teaching-points');
    expect(tp.amount.toString()).toBe('60000'); // 100 × 600
    const rural = publicFunding(school('rural', 50), withFloors(floors));
    expect(rural.floorApplied).toBeNull();
    expect(rural.amount.toString()).toBe('30000'); // 50 × 600
    expect(rural.explanation.some((s) => /No floor covers/.test(s.message.en))).toBe(true);
  });

  it('special-education schools are never under a floor, whatever the bands', () => {
    const all = [{ id: 'all', locations: ['urban', 'town', 'rural'], kinds: ['school', 'teaching-point'], below: 1000, fundedAs: 1000 }] as const;
    const r = publicFunding({ id: 'T', location: 'rural', kind: 'special-education', pupils: { primary: 10 } }, withFloors(all));
    expect(r.floorApplied).toBeNull();
    expect(r.amount.toString()).toBe('70000'); // 10 × 7000
  });
});

describe('a stage band counts and floors only its stage (junior under 300 funded as 300)', () => {
  const floors = [NATIONAL, DISTRICT, JUNIOR_300];

  it('a junior school of 250: 300 × 800', () => {
    const r = publicFunding({ id: 'J', location: 'urban', pupils: { junior: 250 } }, withFloors(floors));
    expect(r.floorApplied).toBe('junior-under-300');
    expect(r.fundedPupils).toBe(300);
    expect(r.amount.toString()).toBe('240000'); // 250 × 800 + 50 × 800
    const floor = r.components.find((c) => c.id === 'floor');
    expect(floor?.pupils).toBe(50);
    expect(floor?.rate.toString()).toBe('800');
    expect(floor?.rounded).toBe(false);
  });

  it('a nine-year school of 400 primary + 250 junior: only the junior pupils are counted and raised', () => {
    // 650 pupils in all (no whole-school band), 250 junior < 300 → 50 junior added:
    // 400 × 600 + 250 × 800 + 50 × 800 = 240000 + 200000 + 40000 = 480000; funded 700
    const r = publicFunding(school('urban', 400, 250), withFloors(floors));
    expect(r.floorApplied).toBe('junior-under-300');
    expect(r.fundedPupils).toBe(700);
    expect(r.amount.toString()).toBe('480000');
    // The added pupils carry the junior rate, whatever floorMixedStageRate says (it is for bands without a stage).
    const primaryRate = publicFunding(school('urban', 400, 250), { ...CENTRAL, parameters: { funding: { floors, floorMixedStageRate: 'primary' } } });
    expect(primaryRate.amount.toString()).toBe('480000');
  });

  it('bounds: 299 junior → 300, 300 junior → none', () => {
    expect(publicFunding({ id: 'J', location: 'urban', pupils: { junior: 299 } }, withFloors(floors)).fundedPupils).toBe(300);
    const at = publicFunding({ id: 'J', location: 'urban', pupils: { junior: 300 } }, withFloors(floors));
    expect(at.floorApplied).toBeNull();
    expect(at.amount.toString()).toBe('240000'); // 300 × 800
  });

  it('covers only schools with pupils of its stage: an urban primary school of 150 is not covered', () => {
    const r = publicFunding(school('urban', 150), withFloors(floors));
    expect(r.floorApplied).toBeNull();
    expect(r.fundedPupils).toBe(150);
    expect(r.amount.toString()).toBe('90000'); // 150 × 600
  });
});

describe('precedence: one band, the highest fundedAs', () => {
  it('a rural school of 50 primary + 60 junior: the junior band (300) beats the district band (200)', () => {
    // district: 110 pupils → 200 (adds 90); junior: 60 junior → 300 (adds 240). Highest fundedAs: 300.
    // 50 × 600 + 60 × 800 + 240 × 800 = 30000 + 48000 + 192000 = 270000; funded 50 + 300 = 350
    const r = publicFunding(school('rural', 50, 60), withFloors([NATIONAL, DISTRICT, JUNIOR_300]));
    expect(r.floorApplied).toBe('junior-under-300');
    expect(r.fundedPupils).toBe(350);
    expect(r.amount.toString()).toBe('270000');
    expect(r.components.filter((c) => c.id === 'floor')).toHaveLength(1); // bands never add up
  });

  it('on a tie the earlier band in the list wins', () => {
    const a = { id: 'a', locations: ['rural'], below: 150, fundedAs: 150 } as const;
    const b = { id: 'b', locations: ['rural'], above: 50, below: 150, fundedAs: 150 } as const;
    expect(publicFunding(school('rural', 80), withFloors([a, b])).floorApplied).toBe('a');
    expect(publicFunding(school('rural', 80), withFloors([b, a])).floorApplied).toBe('b');
  });

  it('a band whose fundedAs is above its below raises every school in it; a higher band still wins', () => {
    // 不足120人按150人核定: 110 pupils → 150; with the district band (100–200 → 200) as well, 200 wins.
    const generous = { id: 'generous', locations: ['rural'], below: 120, fundedAs: 150 } as const;
    expect(publicFunding(school('rural', 110), withFloors([generous])).fundedPupils).toBe(150);
    expect(publicFunding(school('rural', 110), withFloors([generous, DISTRICT])).floorApplied).toBe('district-100-to-200');
  });
});

describe('a patch replaces the list whole', () => {
  it('an empty list: no floors at all', () => {
    expect(publicFunding(school('rural', 50), withFloors([])).amount.toString()).toBe('30000'); // 50 × 600
    const tp = publicFunding({ id: 'T', location: 'rural', kind: 'teaching-point', pupils: { primary: 12 } }, withFloors([]));
    expect(tp.floorApplied).toBeNull();
    expect(tp.amount.toString()).toBe('7200'); // 12 × 600
  });

  it('a list without the national band drops it; the defaults are back on the next call', () => {
    const r = publicFunding(school('rural', 50), withFloors([DISTRICT]));
    expect(r.floorApplied).toBeNull();
    expect(r.amount.toString()).toBe('30000');
    expect(publicFunding(school('rural', 50), CENTRAL).floorApplied).toBe('national-under-100');
  });

  it('allocateBudget: the ids of a patched list, the same figures as publicFunding, and its explanation counts each band', () => {
    const schools: School[] = [
      { id: 'J', location: 'urban', pupils: { junior: 250 } }, // junior-under-300: 300 × 800 = 240000
      { id: 'R', location: 'rural', pupils: { primary: 150 } }, // district: 200 × 600 = 120000
      { id: 'U', location: 'urban', pupils: { primary: 500 } }, // none: 500 × 600 = 300000
    ];
    const options = withFloors([NATIONAL, DISTRICT, JUNIOR_300]);
    const budget = allocateBudget(schools, options);
    expect(budget.schools.map((s) => s.floorApplied)).toEqual(['junior-under-300', 'district-100-to-200', null]);
    expect(budget.total.toString()).toBe('660000');
    for (const [i, s] of schools.entries()) expect(budget.schools[i]?.amount.toString()).toBe(publicFunding(s, options).amount.toString());
    const counts = budget.explanation.find((s) => s.values?.['schools'] === 3);
    expect(counts?.message.en).toContain('1 funded under the floor junior-under-300');
    expect(counts?.message.en).toContain('0 funded under the floor national-under-100');
  });

  it('cites the national source for the national band, 5.1 for the opinion band', () => {
    expect(publicFunding(school('rural', 50), CENTRAL).citations).toContain('gf-2015-67');
    const floorStep = publicFunding(school('rural', 150), CENTRAL).explanation.find((s) => s.values?.['floor'] === 'district-100-to-200');
    expect(floorStep?.provision).toBe('5.1');
  });
});

describe('invalid bands are reported at their paths', () => {
  const bad = (floors: unknown) => () => publicFunding(school('rural', 150), { ...CENTRAL, parameters: { funding: { floors } } as never });
  const at = (...path: Array<string | number>) => ['parameters', 'funding', 'floors', ...path];

  it('a bad count inside a band: parameters.funding.floors[1].below', () => {
    const issues = expectIssuesAt(bad([NATIONAL, { ...DISTRICT, below: -1 }]), at(1, 'below'));
    expect(issues).toHaveLength(1);
    let message = '';
    try {
      bad([NATIONAL, { ...DISTRICT, below: -1 }])();
    } catch (error) {
      message = (error as PolicyInputError).message;
    }
    expect(message).toContain('parameters.funding.floors[1].below');
  });

  it('unknown, missing and wrongly typed fields', () => {
    expect(expectIssuesAt(bad([{ ...DISTRICT, belw: 200 }]), at(0, 'belw'))[0]?.code).toBe('unknown_key');
    const { below: _below, ...noBelow } = DISTRICT;
    expect(expectIssuesAt(bad([noBelow]), at(0, 'below'))[0]?.code).toBe('missing');
    expectIssuesAt(bad([{ ...DISTRICT, fundedAs: 200.5 }]), at(0, 'fundedAs'));
    expectIssuesAt(bad([{ ...DISTRICT, id: '' }]), at(0, 'id'));
    expectIssuesAt(bad([{ ...DISTRICT, stage: 'senior' }]), at(0, 'stage'));
    expectIssuesAt(bad([{ ...DISTRICT, kinds: ['special-education'] }]), at(0, 'kinds', 0));
    expectIssuesAt(bad([{ ...DISTRICT, locations: ['rural', 'village'] }]), at(0, 'locations', 1));
    expectIssuesAt(bad([null]), at(0));
  });

  it('checks across fields: repeated ids and entries, a band covering nothing, an empty range', () => {
    expect(expectIssuesAt(bad([DISTRICT, { ...NATIONAL, id: DISTRICT.id }]), at(1, 'id'))[0]?.code).toBe('inconsistent');
    expectIssuesAt(bad([{ ...DISTRICT, locations: ['rural', 'rural'] }]), at(0, 'locations', 1));
    expectIssuesAt(bad([{ ...DISTRICT, locations: [] }]), at(0, 'locations'));
    // 超过100 and 不足101 leave no count; 超过100 不足102 leaves 101.
    expect(expectIssuesAt(bad([{ ...DISTRICT, above: 100, below: 101 }]), at(0, 'below'))[0]?.code).toBe('inconsistent');
    expect(publicFunding(school('rural', 101), withFloors([{ ...DISTRICT, above: 100, below: 102 }])).fundedPupils).toBe(200);
  });

  it('a band whose below is above its fundedAs is inconsistent, at its below (its schools above fundedAs would not be raised)', () => {
    // 超过100人不足250人按200人核定: schools of 200 to 249 pupils would be in the band and not raised.
    const issues = expectIssuesAt(bad([NATIONAL, { ...DISTRICT, below: 250 }]), at(1, 'below'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('inconsistent');
    expect(issues[0]?.message).toContain('is above fundedAs (250 > 200)');
    expect(issues[0]?.message).toContain('200 to 249 pupils');
    // 不足300人按120人核定 (the old "raises only some" band) is refused the same way.
    expect(expectIssuesAt(bad([{ id: 'low', locations: ['rural'], below: 300, fundedAs: 120 }]), at(0, 'below'))[0]?.code).toBe('inconsistent');
    // below equal to fundedAs (不足100人按100人) and above it are fine.
    expect(publicFunding(school('rural', 99), withFloors([{ ...NATIONAL }])).fundedPupils).toBe(100);
    expect(publicFunding(school('rural', 150), withFloors([{ ...DISTRICT, below: 200, fundedAs: 250 }])).fundedPupils).toBe(250);
    // above ≥ below leaves no count between them: inconsistent too, at below.
    expect(expectIssuesAt(bad([{ ...DISTRICT, above: 200, below: 200 }]), at(0, 'below'))[0]?.code).toBe('inconsistent');
    expect(expectIssuesAt(bad([{ ...DISTRICT, above: 250, below: 200 }]), at(0, 'below'))[0]?.code).toBe('inconsistent');
  });

  it('not a list, or too long a list', () => {
    expectIssuesAt(bad({ national: { fundedAs: 250 } }), at());
    expectIssuesAt(bad(Array.from({ length: 51 }, (_, i) => ({ ...DISTRICT, id: `b${i}` }))), at());
  });

  it('every problem at once', () => {
    const issues = issuesOf(bad([{ ...NATIONAL, below: 'x' }, { ...DISTRICT, fundedAs: -1, extra: true }]));
    const paths = issues.map((i) => JSON.stringify(i.path));
    expect(paths).toContain(JSON.stringify(at(0, 'below')));
    expect(paths).toContain(JSON.stringify(at(1, 'fundedAs')));
    expect(paths).toContain(JSON.stringify(at(1, 'extra')));
  });
});

describe('one rounding: the exact amount rounded once, half up, and components that add up to it', () => {
  it('120 primary + 60 junior, rural, one disabled pupil, central, 2025-09-01 → 139666.67', () => {
    // 180 pupils, rural: 超过100 不足200 → 200, 20 added at the weighted rate
    //   (120 × 600 + 60 × 800) / 180 = 120000 / 180 = 666.666… yuan.
    // exact: 72000 + 48000 + 20 × 666.666… − 1 × 666.666… + 7000 = 139666.666… → 139666.67
    // (rounding the floor and the withdrawn benchmark separately gave 13333.33 − 666.67 → 139666.66)
    const r = publicFunding({ id: 'H', location: 'rural', pupils: { primary: 120, junior: 60 }, disabledPupils: 1 }, CENTRAL);
    expect(r.fundedPupils).toBe(200);
    expect(r.floorApplied).toBe('district-100-to-200');
    expect(r.amount.toString()).toBe('139666.67');
    // Running total of the weighted parts: floor 13333.333… → 13333.33; floor + withdrawn
    // 19 × 666.666… = 12666.666… → 12666.67, so the withdrawn part is 12666.67 − 13333.33 = −666.66.
    expect(r.components.map((c) => [c.id, c.amount.toString(), c.rounded])).toEqual([
      ['benchmark-primary', '72000', false],
      ['benchmark-junior', '48000', false],
      ['floor', '13333.33', true],
      ['disabled-benchmark-withdrawn', '-666.66', true],
      ['special-education', '7000', false],
    ]);
    expect(sumOf(r).equals(r.amount)).toBe(true);
    // Every part within one fen of its exact value.
    for (const c of r.components) expect(c.amount.minus(c.rate.times(c.pupils).times(c.amount.isNegative() ? -1 : 1)).abs().lessThan('0.01')).toBe(true);
    const total = r.explanation.at(-1);
    expect(total?.message.en).toContain('139666.67');
    expect(total?.message.en).toMatch(/exact ≈ 139666\.6667, rounded once/);
    expect(total?.message.zh).toContain('只舍入一次');
  });

  it('the batch gives the same once-rounded amount', () => {
    const h: School = { id: 'H', location: 'rural', pupils: { primary: 120, junior: 60 }, disabledPupils: 1 };
    expect(allocateBudget([h], CENTRAL).total.toString()).toBe('139666.67');
  });
});

describe('G6 (优质均衡) judges against the national band', () => {
  const evidence = (fundedPupils: number) => ({ smallSchools: [{ schoolId: 'V', pupils: 99, fundedPupils }] });
  const g6 = (fundedPupils: number, parameters?: object) =>
    assessGovernmentGuarantees(evidence(fundedPupils), { asOf: '2025-09-01', ...(parameters === undefined ? {} : { parameters }) }).items.find((i) => i.id === 'G6')?.status;

  it('under 100 funded as 100, as before', () => {
    expect(g6(100)).toBe('passes');
    expect(g6(99)).toBe('fails');
  });

  it('a district that raised the national band is judged by its own figure', () => {
    expect(g6(100, { funding: { floors: [{ ...NATIONAL, fundedAs: 120 }] } })).toBe('fails');
    expect(g6(120, { funding: { floors: [{ ...NATIONAL, fundedAs: 120 }] } })).toBe('passes');
  });

  it('a list without the national band keeps the national 100 / 100', () => {
    expect(g6(100, { funding: { floors: [DISTRICT] } })).toBe('passes');
    expect(g6(99, { funding: { floors: [DISTRICT] } })).toBe('fails');
  });
});
