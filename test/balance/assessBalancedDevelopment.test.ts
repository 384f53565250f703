import { describe, expect, it } from 'vitest';
import { assessBalancedDevelopment, assessCounties, PolicyInputError, safeAssessBalancedDevelopment, type BalanceSchool } from '../../src/index.js';
import { AS_OF, exactJunior, exactPrimary } from './helpers.js';

const one = (row: BalanceSchool, options: object = AS_OF) => {
  const r = assessBalancedDevelopment({ schools: [row] }, options);
  const stage = r.stages[row.stage];
  if (stage === undefined) throw new Error('no stage');
  return { result: r, stage, school: stage.schools[0] as NonNullable<(typeof stage.schools)[number]> };
};

const issuesOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyInputError) return error.issues.map((i) => ({ path: i.path, code: i.code }));
    throw error;
  }
  throw new Error('no error');
};

describe('assessBalancedDevelopment: thresholds', () => {
  it('meets every threshold exactly (primary and junior)', () => {
    for (const row of [exactPrimary(), exactJunior()]) {
      const { school, stage, result } = one(row);
      expect(school.metCount).toBe(7);
      expect(school.compliant).toBe(true);
      expect(stage.compliant).toBe(true);
      expect(result.compliant).toBe(true);
      expect(result.citations).toEqual(['1.1', '6.3', 'jiaodu-2017-6']);
    }
  });

  it('gives the thresholds of each stage', () => {
    expect(one(exactPrimary()).stage.indicators.map((i) => i.threshold)).toEqual([4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3]);
    expect(one(exactJunior()).stage.indicators.map((i) => i.threshold)).toEqual([5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4]);
    expect(one(exactPrimary()).stage.indicators.every((i) => i.coefficientLimit === 0.5)).toBe(true);
    expect(one(exactJunior()).stage.indicators.every((i) => i.coefficientLimit === 0.45)).toBe(true);
  });

  // One unit less than the exact row: one teacher, 0.01 m², 0.01 yuan, one classroom.
  const misses: Array<[string, (r: BalanceSchool) => Partial<BalanceSchool>]> = [
    ['L1', (r) => ({ qualifiedTeachers: r.qualifiedTeachers - 1 })],
    ['L2', (r) => ({ backboneTeachers: r.backboneTeachers - 1 })],
    ['L3', (r) => ({ peArtTeachers: r.peArtTeachers - 1 })],
    ['L4', (r) => ({ teachingAuxiliaryArea: r.teachingAuxiliaryArea - 0.01 })],
    ['L5', (r) => ({ sportsArea: r.sportsArea - 0.01 })],
    ['L6', (r) => ({ equipmentValue: (Number(r.equipmentValue) - 0.01).toFixed(2) })],
    ['L7', (r) => ({ multimediaClassrooms: r.multimediaClassrooms - 1 })],
  ];
  for (const make of [exactPrimary, exactJunior]) {
    for (const [id, patch] of misses) {
      it(`${make().stage}: ${id} missed by one unit is missed, and is a near miss`, () => {
        const base = make();
        const { school, stage } = one({ ...base, ...patch(base) });
        expect(school.metCount).toBe(6);
        expect(school.missed.map((m) => m.id)).toEqual([id]);
        expect(school.missed[0]?.nearMiss).toBe(true);
        // 6 met and the seventh ≥ 85 %: complies
        expect(school.compliant).toBe(true);
        expect(stage.indicators.find((i) => i.id === id)?.schoolsMeeting).toBe(0);
      });
    }
  }

  it('compares areas exactly from their decimal text (0.1-style decimals)', () => {
    // 13.5 / 3 = 4.5 exactly; 13.49 / 3 < 4.5
    const small = (area: number) => one(exactPrimary('S', { pupils: 3, qualifiedTeachers: 1, backboneTeachers: 1, peArtTeachers: 1, teachingAuxiliaryArea: area, sportsArea: 22.5, equipmentValue: 6000, multimediaClassrooms: 1 })).school;
    expect(small(13.5).metCount).toBe(7);
    expect(small(13.49).metCount).toBe(6);
    // junior 5.8 × 3 = 17.4 (a float product 17.399999999999999 would be wrong)
    const j = one(exactJunior('J', { pupils: 3, qualifiedTeachers: 1, backboneTeachers: 1, peArtTeachers: 1, teachingAuxiliaryArea: 17.4, sportsArea: 30.6, equipmentValue: 7500, multimediaClassrooms: 1 })).school;
    expect(j.metCount).toBe(7);
  });
});

describe('assessBalancedDevelopment: the near-miss rule', () => {
  it('L1 at exactly 85 % of 4.2 (3.57) is a near miss; one teacher fewer is not', () => {
    // 357 teachers per 10,000 pupils = 3.57 per 100 = 0.85 × 4.2
    const at = exactPrimary('A', { pupils: 10_000, qualifiedTeachers: 357, backboneTeachers: 100, peArtTeachers: 90, teachingAuxiliaryArea: 45_000, sportsArea: 75_000, equipmentValue: 20_000_000, multimediaClassrooms: 230 });
    expect(one(at).school.compliant).toBe(true);
    expect(one({ ...at, qualifiedTeachers: 356 }).school.compliant).toBe(false);
    expect(one({ ...at, qualifiedTeachers: 356 }).school.missed[0]?.nearMiss).toBe(false);
  });

  it('L4 at exactly 85 % of 4.5 (3.825 m²) is a near miss, 0.01 m² less is not (float 0.85 × 4.5 = 3.8249999…)', () => {
    const at = exactPrimary('A', { teachingAuxiliaryArea: 3825 });
    expect(one(at).school.compliant).toBe(true);
    expect(one({ ...at, teachingAuxiliaryArea: 3824.99 }).school.compliant).toBe(false);
  });

  it('two unmet indicators fail the school even when both are near misses', () => {
    const s = one(exactPrimary('A', { qualifiedTeachers: 41, multimediaClassrooms: 22 })).school;
    expect(s.metCount).toBe(5);
    expect(s.missed.every((m) => m.nearMiss)).toBe(true);
    expect(s.compliant).toBe(false);
  });

  it('the near-miss share and the minimum met are parameters', () => {
    const row = exactPrimary('A', { qualifiedTeachers: 36 }); // 3.6 / 4.2 ≈ 85.7 %
    expect(one(row).school.compliant).toBe(true);
    expect(one(row, { ...AS_OF, parameters: { balance: { school: { nearMissShare: 0.9 } } } }).school.compliant).toBe(false);
    const two = exactPrimary('A', { qualifiedTeachers: 41, multimediaClassrooms: 22 });
    expect(one(two, { ...AS_OF, parameters: { balance: { school: { minimumMet: 5 } } } }).school.compliant).toBe(true);
  });
});

describe('assessBalancedDevelopment: exclusions, coefficients, stages', () => {
  it('excludes teaching points under 50 pupils from coefficients and compliance', () => {
    const tp = exactPrimary('TP', { kind: 'teaching-point', pupils: 49, qualifiedTeachers: 0, backboneTeachers: 0 });
    const r = assessBalancedDevelopment({ schools: [exactPrimary('A'), tp] }, AS_OF);
    const s = r.stages.primary;
    expect(s?.schools[1]?.excluded).toBe(true);
    expect(s?.schools[1]?.compliant).toBe(false); // for information only
    expect(s?.compliant).toBe(true);
    expect(s?.indicators.every((i) => i.coefficient === 0)).toBe(true);
    // 50 pupils is not "under 50": assessed, and it fails
    const r50 = assessBalancedDevelopment({ schools: [exactPrimary('A'), { ...tp, pupils: 50 }] }, AS_OF);
    expect(r50.stages.primary?.schools[1]?.excluded).toBe(false);
    expect(r50.compliant).toBe(false);
    // an ordinary school of 49 pupils is assessed
    expect(assessBalancedDevelopment({ schools: [{ ...tp, kind: 'school' }] }, AS_OF).stages.primary?.schools[0]?.excluded).toBe(false);
    // the minimum is a parameter
    const r40 = assessBalancedDevelopment({ schools: [exactPrimary('A'), tp] }, { ...AS_OF, parameters: { balance: { school: { teachingPointMinimum: 40 } } } });
    expect(r40.stages.primary?.schools[1]?.excluded).toBe(false);
  });

  it('weights the county value and the coefficient by pupils', () => {
    // L1: A 1000 pupils at 4.2, B 3000 pupils at 6.3 (189 teachers): X̄ = (4200 + 18900)/4000 = 5.775
    const r = assessBalancedDevelopment({ schools: [exactPrimary('A'), exactPrimary('B', { pupils: 3000, qualifiedTeachers: 189, backboneTeachers: 30, peArtTeachers: 27, teachingAuxiliaryArea: 13500, sportsArea: 22500, equipmentValue: 6_000_000, multimediaClassrooms: 69 })] }, AS_OF);
    const l1 = r.stages.primary?.indicators[0];
    expect(l1?.countyValue).toBeCloseTo(5.775, 12);
    // S² = 0.25 × 1.575² + 0.75 × 0.525² = 0.8268750 → S = 0.909326…, CV = S / 5.775
    expect(l1?.coefficient).toBeCloseTo(Math.sqrt(0.25 * 1.575 ** 2 + 0.75 * 0.525 ** 2) / 5.775, 12);
    expect(r.stages.primary?.indicators[1]?.coefficient).toBe(0);
  });

  it('fails a stage whose coefficient exceeds the limit though every school complies', () => {
    // L5: 7.5 and 30 m² per pupil, equal pupils: X̄ = 18.75, S = 11.25, CV = 0.6 > 0.5
    const r = assessBalancedDevelopment({ schools: [exactPrimary('A'), exactPrimary('B', { sportsArea: 30_000 })] }, AS_OF);
    expect(r.stages.primary?.schools.every((s) => s.compliant)).toBe(true);
    const l5 = r.stages.primary?.indicators[4];
    expect(l5?.coefficient).toBeCloseTo(0.6, 12);
    expect(l5?.passes).toBe(false);
    expect(r.compliant).toBe(false);
  });

  it('a coefficient equal to its limit passes (1 and 3 with equal pupils: CV = 0.5)', () => {
    // L5: 7.5 and 22.5: X̄ = 15, S = 7.5, CV = 0.5 exactly in floats
    const r = assessBalancedDevelopment({ schools: [exactPrimary('A'), exactPrimary('B', { sportsArea: 22_500 })] }, AS_OF);
    expect(r.stages.primary?.indicators[4]?.coefficient).toBe(0.5);
    expect(r.stages.primary?.indicators[4]?.passes).toBe(true);
    expect(r.compliant).toBe(true);
  });

  it('assesses each stage present; the county needs both', () => {
    const r = assessBalancedDevelopment({ schools: [exactPrimary('A'), exactJunior('B', { qualifiedTeachers: 40, backboneTeachers: 5 })] }, AS_OF);
    expect(r.stages.primary?.compliant).toBe(true);
    expect(r.stages.junior?.compliant).toBe(false);
    expect(r.compliant).toBe(false);
    expect(Object.keys(assessBalancedDevelopment({ schools: [exactJunior()] }, AS_OF).stages)).toEqual(['junior']);
  });

  it('explains every school and indicator, lazily, in both languages', () => {
    const r = assessBalancedDevelopment({ schools: [exactPrimary('A', { qualifiedTeachers: 41 })] }, AS_OF);
    const text = r.explanation.map((s) => s.message.en).join('\n');
    expect(text).toContain('school A (1000 pupils): L1 41×100/1000 = 4.1 < 4.2 (reaches 85 % of it)');
    expect(text).toContain('Parameter balance.school.nearMissShare = 0.85');
    expect(text).toMatch(/L1 \(teachers above the required qualification per 100 pupils\): county value X̄ = 4.1, pupil-weighted difference coefficient 0 ≤ 0.5/);
    expect(r.explanation.every((s) => s.message.zh.length > 0)).toBe(true);
  });

  it('a date before the standards is an error on asOf', () => {
    expect(issuesOf(() => assessBalancedDevelopment({ schools: [exactPrimary()] }, { asOf: '2016-01-01' }))).toEqual([{ path: ['asOf'], code: 'no_value_on_date' }]);
  });
});

describe('assessBalancedDevelopment: bad rows', () => {
  it('names every bad row and field', () => {
    const bad = [
      exactPrimary('A', { pupils: 0 }),
      exactPrimary('B', { qualifiedTeachers: -1, sportsArea: -5 }),
      { ...exactPrimary('C'), stage: 'senior' },
      { ...exactPrimary('D'), equipmentValue: '12.345' },
      { ...exactPrimary('E'), pupil: 3 },
      { ...exactPrimary('F'), teachingAuxiliaryArea: Number.NaN },
      exactPrimary('A'),
    ];
    expect(issuesOf(() => assessBalancedDevelopment({ schools: bad as BalanceSchool[] }, AS_OF))).toEqual([
      { path: ['schools', 0, 'pupils'], code: 'too_small' },
      { path: ['schools', 1, 'qualifiedTeachers'], code: 'too_small' },
      { path: ['schools', 1, 'sportsArea'], code: 'too_small' },
      { path: ['schools', 2, 'stage'], code: 'invalid_value' },
      { path: ['schools', 3, 'equipmentValue'], code: 'invalid_value' },
      { path: ['schools', 4, 'pupil'], code: 'unknown_key' },
      { path: ['schools', 5, 'teachingAuxiliaryArea'], code: 'invalid_type' },
    ]);
  });

  it('rejects a repeated (id, stage), but not the two rows of a nine-year school', () => {
    expect(issuesOf(() => assessBalancedDevelopment({ schools: [exactPrimary('A'), exactPrimary('A')] }, AS_OF))).toEqual([{ path: ['schools', 1, 'id'], code: 'inconsistent' }]);
    expect(assessBalancedDevelopment({ schools: [exactPrimary('A'), exactJunior('A')] }, AS_OF).compliant).toBe(true);
  });

  it('rejects odd counties: null, no schools, unknown keys, __proto__', () => {
    expect(issuesOf(() => assessBalancedDevelopment(null as never, AS_OF))).toEqual([{ path: [], code: 'invalid_type' }]);
    expect(issuesOf(() => assessBalancedDevelopment({ schools: [] }, AS_OF))).toEqual([{ path: ['schools'], code: 'too_small' }]);
    expect(issuesOf(() => assessBalancedDevelopment({ schools: [exactPrimary()], school: 1 } as never, AS_OF))).toEqual([{ path: ['school'], code: 'unknown_key' }]);
    const proto = JSON.parse(`{"schools": [${JSON.stringify(exactPrimary()).replace('{', '{"__proto__": 1,')}]}`) as never;
    expect(issuesOf(() => assessBalancedDevelopment(proto, AS_OF))).toEqual([{ path: ['schools', 0, '__proto__'], code: 'unknown_key' }]);
    expect(safeAssessBalancedDevelopment({ schools: 'x' } as never).success).toBe(false);
  });
});

describe('assessCounties', () => {
  it('assesses many counties with one set of parameters, in order', () => {
    const r = assessCounties([{ id: 'A', schools: [exactPrimary()] }, { id: 'B', schools: [exactPrimary('X', { qualifiedTeachers: 30 })] }, { schools: [exactJunior()] }], AS_OF);
    expect(r.counties.map((c) => [c.id, c.compliant])).toEqual([['A', true], ['B', false], [undefined, true]]);
    expect(r.compliantCount).toBe(2);
  });

  it('names the county of every bad row', () => {
    expect(issuesOf(() => assessCounties([{ schools: [exactPrimary()] }, { schools: [exactPrimary('A', { pupils: 0 })] }], AS_OF))).toEqual([{ path: [1, 'schools', 0, 'pupils'], code: 'too_small' }]);
    expect(issuesOf(() => assessCounties({} as never, AS_OF))).toEqual([{ path: [], code: 'invalid_type' }]);
  });
});
