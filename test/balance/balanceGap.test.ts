import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessBalancedDevelopment, balanceGap, PolicyInputError, type BalanceSchool } from '../../src/index.js';
import { AS_OF, exactJunior, exactPrimary } from './helpers.js';

describe('balanceGap', () => {
  it('gives the smallest whole additions (hand-worked)', () => {
    // 997 pupils: L1 needs 4.2 × 997 / 100 = 41.874 → 42 teachers; has 40 → +2.
    // L4 4.5 × 997 = 4486.5 m²; has 4000 → +486.5. L6 2000 × 997 = 1,994,000; has 1,990,000.01 → short by 3999.99 → +4000 (whole yuan, rounded up).
    // L7 2.3 × 997 / 100 = 22.931 → 23; has 20 → +3.
    const row = exactPrimary('S', { pupils: 997, qualifiedTeachers: 40, teachingAuxiliaryArea: 4000, equipmentValue: '1990000.01', multimediaClassrooms: 20 });
    const gap = balanceGap({ schools: [row] }, AS_OF);
    expect(gap.compliant).toBe(false);
    const a = gap.schools[0]?.additions;
    expect(a?.qualifiedTeachers).toBe(2);
    expect(a?.teachingAuxiliaryArea).toBe(486.5);
    expect(a?.equipmentValue.toString()).toBe('4000');
    expect(a?.multimediaClassrooms).toBe(3);
    expect(a?.backboneTeachers).toBe(0);
    expect(gap.schools[0]?.raised.map((r) => r.id)).toEqual(['L1', 'L4', 'L6', 'L7']);
    expect(gap.after.compliant).toBe(true);
    expect(gap.after.stages.primary?.schools[0]?.metCount).toBe(7);
    expect(gap.totals.qualifiedTeachers).toBe(2);
  });

  it('areas to 0.01 m², rounding up: 4.5 × 7 = 31.5; 31.49 needs 0.01', () => {
    const row = exactPrimary('S', { pupils: 7, qualifiedTeachers: 1, backboneTeachers: 1, peArtTeachers: 1, teachingAuxiliaryArea: 31.49, sportsArea: 52.5, equipmentValue: 14000, multimediaClassrooms: 1 });
    expect(balanceGap({ schools: [row] }, AS_OF).schools[0]?.additions.teachingAuxiliaryArea).toBe(0.01);
  });

  it("'comply' does the least: the unmet indicator closest to its threshold is raised only to 85 %", () => {
    // L1 at 3.0 (71 %), L7 at 1.5 (65 %): comply raises L1 to 3.57 (36 teachers, +6) and L7 to 2.3 (+8)
    const row = exactPrimary('S', { qualifiedTeachers: 30, multimediaClassrooms: 15 });
    const all = balanceGap({ schools: [row] }, AS_OF);
    expect(all.schools[0]?.additions.qualifiedTeachers).toBe(12);
    expect(all.schools[0]?.additions.multimediaClassrooms).toBe(8);
    const comply = balanceGap({ schools: [row] }, { ...AS_OF, target: 'comply' });
    expect(comply.target).toBe('comply');
    expect(comply.schools[0]?.raised).toEqual([{ id: 'L1', to: 'near-miss' }, { id: 'L7', to: 'threshold' }]);
    expect(comply.schools[0]?.additions.qualifiedTeachers).toBe(6);
    expect(comply.schools[0]?.additions.multimediaClassrooms).toBe(8);
    expect(comply.after.compliant).toBe(true);
    // a complying school needs nothing under 'comply', but its near miss is raised under 'all'
    const near = exactPrimary('N', { qualifiedTeachers: 41 });
    expect(balanceGap({ schools: [near] }, { ...AS_OF, target: 'comply' }).schools).toEqual([]);
    expect(balanceGap({ schools: [near] }, AS_OF).schools[0]?.additions.qualifiedTeachers).toBe(1);
  });

  it('never touches excluded teaching points, and levels a coefficient still above its limit', () => {
    // After A's lift to 7.5 m² (+500), A 7.5 and R 30 (1000 pupils each): CV = |30 − x| / (30 + x) ≤ 0.5
    // ⇔ x ≥ 10, so A needs 10,000 m²: +3000 in all (500 for its threshold, 2500 for the coefficient), CV exactly 0.5.
    const tp = exactPrimary('TP', { kind: 'teaching-point', pupils: 30, qualifiedTeachers: 0 });
    const rich = exactPrimary('R', { sportsArea: 30_000 });
    const gap = balanceGap({ schools: [exactPrimary('A', { sportsArea: 7000 }), rich, tp] }, AS_OF);
    expect(gap.schools.map((s) => s.id)).toEqual(['A']);
    expect(gap.schools[0]?.additions.sportsArea).toBe(3000);
    expect(gap.schools[0]?.forThresholds.sportsArea).toBe(500);
    expect(gap.schools[0]?.forCoefficients.sportsArea).toBe(2500);
    expect(gap.schools[0]?.levelled).toEqual(['L5']);
    expect(gap.levelling.map((l) => [l.stage, l.id, l.total.toString()])).toEqual([['primary', 'L5', '2500']]);
    expect(gap.after.stages.primary?.indicators[4]?.passes).toBe(true);
    expect(gap.after.compliant).toBe(true);
    // 0.01 m² less and the coefficient is above 0.5 again
    const less = balanceGap({ schools: [exactPrimary('A', { sportsArea: 9999.99 }), rich, tp] }, AS_OF);
    expect(less.levelling[0]?.total.toString()).toBe('0.01');
  });

  it('after the additions every school meets every indicator (property)', () => {
    const n = fc.integer({ min: 0, max: 400 });
    const school = fc.record({ pupils: fc.integer({ min: 1, max: 3000 }), a: n, b: n, c: n, d: fc.integer({ min: 0, max: 3_000_000 }), e: fc.integer({ min: 0, max: 3_000_000 }), f: fc.integer({ min: 0, max: 1_000_000_000 }), g: n, junior: fc.boolean() })
      .map(({ pupils, a, b, c, d, e, f, g, junior }, ): BalanceSchool => ({ id: 'X', stage: junior ? 'junior' : 'primary', pupils, qualifiedTeachers: a, backboneTeachers: b, peArtTeachers: c, teachingAuxiliaryArea: d / 100, sportsArea: e / 100, equipmentValue: (f / 100).toFixed(2), multimediaClassrooms: g }));
    fc.assert(fc.property(school, (s) => {
      const gap = balanceGap({ schools: [s] }, AS_OF);
      const after = assessBalancedDevelopment({ schools: [s] }, AS_OF);
      expect(gap.after.stages[s.stage]?.schools[0]?.metCount).toBe(7);
      // minimal: one unit less of any addition misses again
      const add = gap.schools[0]?.additions;
      if (add !== undefined && add.qualifiedTeachers > 0) {
        const less = { ...s, qualifiedTeachers: s.qualifiedTeachers + add.qualifiedTeachers - 1 };
        expect(assessBalancedDevelopment({ schools: [less] }, AS_OF).stages[s.stage]?.schools[0]?.missed.some((m) => m.id === 'L1')).toBe(true);
      }
      if (add !== undefined && add.teachingAuxiliaryArea > 0) {
        const less = { ...s, teachingAuxiliaryArea: Number((s.teachingAuxiliaryArea + add.teachingAuxiliaryArea - 0.01).toFixed(2)) };
        expect(assessBalancedDevelopment({ schools: [less] }, AS_OF).stages[s.stage]?.schools[0]?.missed.some((m) => m.id === 'L4')).toBe(true);
      }
      expect(after.compliant === gap.compliant).toBe(true);
    }), { numRuns: 200 });
  });

  it('rejects a bad target and bad rows', () => {
    expect(() => balanceGap({ schools: [exactJunior()] }, { ...AS_OF, target: 'most' as never })).toThrow(PolicyInputError);
    try {
      balanceGap({ schools: [exactJunior('J', { pupils: 0 })] }, { ...AS_OF, target: 'nope' as never });
    } catch (e) {
      expect((e as PolicyInputError).issues.map((i) => i.path)).toEqual([['schools', 0, 'pupils'], ['target']]);
    }
  });
});
