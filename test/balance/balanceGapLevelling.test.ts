import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { assessBalancedDevelopment, balanceGap, type BalanceSchool } from '../../src/index.js';
import { mergeTeachers, type TeacherOverlap } from '../../src/balance/levelling.js';
import { AS_OF, exactPrimary } from './helpers.js';

const FIELDS = ['qualifiedTeachers', 'backboneTeachers', 'peArtTeachers', 'teachingAuxiliaryArea', 'sportsArea', 'equipmentValue', 'multimediaClassrooms'] as const;
type Field = (typeof FIELDS)[number];

/** Hundredths of an area, fen of equipment, counts otherwise: integers, so sums stay exact. */
const toInt = (f: Field, v: number | string | Decimal): bigint =>
  f === 'teachingAuxiliaryArea' || f === 'sportsArea' || f === 'equipmentValue' ? BigInt(new Decimal(String(v)).times(100).toFixed(0)) : BigInt(String(v));
const fromInt = (f: Field, v: bigint): number | string =>
  f === 'equipmentValue' ? new Decimal(v.toString()).dividedBy(100).toFixed(2) : f === 'teachingAuxiliaryArea' || f === 'sportsArea' ? Number(v) / 100 : Number(v);
/** The unit one removal takes away: a teacher, a classroom, 0.01 m², a yuan (100 fen). */
const UNIT: Record<Field, bigint> = { qualifiedTeachers: 1n, backboneTeachers: 1n, peArtTeachers: 1n, teachingAuxiliaryArea: 1n, sportsArea: 1n, equipmentValue: 100n, multimediaClassrooms: 1n };

type Adds = Record<Field, bigint>;
function apply(schools: BalanceSchool[], adds: Map<string, Adds>): BalanceSchool[] {
  return schools.map((s) => {
    const a = adds.get(`${s.stage}:${s.id}`);
    if (a === undefined) return s;
    const out: Record<string, unknown> = { ...s };
    for (const f of FIELDS) out[f] = fromInt(f, toInt(f, s[f] as number | string) + a[f]);
    return out as unknown as BalanceSchool;
  });
}

/** Every assessed school meets all seven thresholds and every coefficient is within its limit. */
function meetsAll(schools: BalanceSchool[]): boolean {
  const r = assessBalancedDevelopment({ schools }, AS_OF);
  return Object.values(r.stages).every((st) => st === undefined || (st.indicators.every((i) => i.passes) && st.schools.every((s) => s.excluded || s.metCount === 7)));
}

// Small random counties: 1–5 rows, a few rich outliers, quantities around and far from the thresholds.
const row = fc.record({
  junior: fc.boolean(),
  pupils: fc.integer({ min: 1, max: 400 }),
  m: fc.array(fc.oneof(fc.double({ min: 0, max: 1.2, noNaN: true }), fc.double({ min: 1, max: 8, noNaN: true })), { minLength: 7, maxLength: 7 }),
});
const T = { primary: [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3], junior: [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4] };
const county = fc.array(row, { minLength: 1, maxLength: 5 }).map((rows) => rows.map(({ junior, pupils, m }, i): BalanceSchool => {
  const stage = junior ? 'junior' : 'primary';
  const v = (k: number) => (m[k] as number) * (T[stage][k] as number) * pupils;
  return {
    id: `S${i}`, stage, pupils,
    qualifiedTeachers: Math.floor(v(0) / 100), backboneTeachers: Math.floor(v(1) / 100), peArtTeachers: Math.floor(v(2) / 100),
    teachingAuxiliaryArea: Math.floor(v(3) * 100) / 100, sportsArea: Math.floor(v(4) * 100) / 100,
    equipmentValue: (Math.floor(v(5) * 100) / 100).toFixed(2), multimediaClassrooms: Math.floor(v(6) / 100),
  };
}));

describe('balanceGap: coefficients brought within their limits', () => {
  it('after the additions every school meets its thresholds and every coefficient its limit; one unit less of anything breaks it (property)', () => {
    let levelled = 0;
    fc.assert(fc.property(county, (schools) => {
      const gap = balanceGap({ schools }, AS_OF);
      if (gap.levelling.length > 0) levelled++;
      const adds = new Map<string, Adds>();
      for (const g of gap.schools) {
        const a = g.additions;
        adds.set(`${g.stage}:${g.id}`, {
          qualifiedTeachers: BigInt(a.qualifiedTeachers), backboneTeachers: BigInt(a.backboneTeachers), peArtTeachers: BigInt(a.peArtTeachers),
          teachingAuxiliaryArea: toInt('teachingAuxiliaryArea', a.teachingAuxiliaryArea), sportsArea: toInt('sportsArea', a.sportsArea),
          equipmentValue: toInt('equipmentValue', a.equipmentValue), multimediaClassrooms: BigInt(a.multimediaClassrooms),
        });
      }
      const after = apply(schools, adds);
      expect(meetsAll(after)).toBe(true);
      expect(gap.after.compliant).toBe(true);
      // the parts add up
      for (const g of gap.schools) {
        for (const f of FIELDS) {
          expect(toInt(f, g.forThresholds[f] as never) + toInt(f, g.forCoefficients[f] as never)).toBe(toInt(f, g.additions[f] as never));
        }
      }
      // remove one unit of any addition of any school: a threshold or a coefficient breaks
      for (const [key, a] of adds) {
        for (const f of FIELDS) {
          if (a[f] === 0n) continue;
          const less = new Map(adds);
          less.set(key, { ...a, [f]: a[f] - UNIT[f] });
          expect(meetsAll(apply(schools, less)), `${key} ${f} − 1 unit`).toBe(false);
        }
      }
    }), { numRuns: 150 });
    expect(levelled).toBeGreaterThan(20);
  });

  /** CV ≤ 0.5 exactly, independently: P·Σq²/p ≤ 1.25 (Σq)², over the common denominator Πp. */
  function within(q: number[], p: number[]): boolean {
    const prod = p.reduce((x, y) => x * BigInt(y), 1n);
    const P = BigInt(p.reduce((x, y) => x + y, 0));
    const S = BigInt(q.reduce((x, y) => x + y, 0));
    const N = q.reduce((x, qi, i) => x + BigInt(qi) * BigInt(qi) * (prod / BigInt(p[i] as number)), 0n);
    return S === 0n || 4n * P * N <= 5n * S * S * prod;
  }

  it('the total is the least of any allocation (brute force on tiny counties, L7 classrooms)', () => {
    // Every other indicator exactly at its threshold per pupil (CV 0); classrooms at or above 2.3 per 100 pupils.
    const tiny = fc.array(fc.record({ m: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 12 }) }), { minLength: 2, maxLength: 3 });
    let levelled = 0;
    fc.assert(fc.property(tiny, (rows) => {
      const schools = rows.map(({ m, extra }, i) => exactPrimary(`S${i}`, {
        pupils: 100 * m, qualifiedTeachers: Math.ceil(4.2 * m), backboneTeachers: m, peArtTeachers: m,
        teachingAuxiliaryArea: 450 * m, sportsArea: 750 * m, equipmentValue: 200_000 * m, multimediaClassrooms: Math.ceil(2.3 * m) + extra,
      }));
      const gap = balanceGap({ schools }, AS_OF);
      const q = schools.map((s) => s.multimediaClassrooms);
      const p = schools.map((s) => s.pupils);
      const total = gap.totals.multimediaClassrooms;
      expect(within(q.map((x, i) => x + (gap.schools.find((g) => g.id === `S${i}`)?.additions.multimediaClassrooms ?? 0)), p)).toBe(true);
      if (total > 0) levelled++;
      // every allocation of fewer classrooms fails
      const n = q.length;
      const tryAll = (t: number, i: number, acc: number[]): boolean => {
        if (i === n - 1) return within(acc.concat(t).map((a, j) => (q[j] as number) + a), p);
        for (let a = 0; a <= t; a++) if (tryAll(t - a, i + 1, acc.concat(a))) return true;
        return false;
      };
      for (let t = 0; t < total; t++) expect(tryAll(t, 0, [])).toBe(false);
    }), { numRuns: 150 });
    expect(levelled).toBeGreaterThan(10);
  });

  it('hand-worked: two schools, classrooms 2.3/100 against 20/100', () => {
    // 100 pupils each, 3 and 20 classrooms (thresholds met: 3 ≥ 2.3). Equal weights: CV = (20 − x)/(20 + x) ≤ 0.5 ⇔ x ≥ 20/3 → 7 classrooms: +4 to A.
    const a = exactPrimary('A', { pupils: 100, qualifiedTeachers: 5, backboneTeachers: 1, peArtTeachers: 1, teachingAuxiliaryArea: 450, sportsArea: 750, equipmentValue: 200_000, multimediaClassrooms: 3 });
    const b = { ...a, id: 'B', qualifiedTeachers: 5, multimediaClassrooms: 20 };
    const gap = balanceGap({ schools: [a, b] }, AS_OF);
    expect(gap.compliant).toBe(false);
    expect(gap.schools.map((s) => [s.id, s.additions.multimediaClassrooms, s.levelled])).toEqual([['A', 4, ['L7']]]);
    expect(gap.levelling.map((l) => [l.id, l.total.toString(), l.schools.map((s) => s.id)])).toEqual([['L7', '4', ['A']]]);
    expect(gap.levelling[0]?.afterThresholds).toBeGreaterThan(0.5);
    expect(gap.after.compliant).toBe(true);
  });
});

describe('balanceGap: teachers merged across L1–L3', () => {
  // 1000 pupils: L1 at 40 (+2), L3 at 7 (+2); L2 at 9 (+1)
  const row = exactPrimary('S', { qualifiedTeachers: 40, backboneTeachers: 9, peArtTeachers: 7 });
  const withOverlap = (teacherOverlap: TeacherOverlap) => balanceGap({ schools: [row] }, { ...AS_OF, parameters: { balance: { gap: { teacherOverlap } } } });

  it("'any' (the default): 2 persons — one L1+L2+L3, one L1+L3", () => {
    const gap = balanceGap({ schools: [row] }, AS_OF);
    expect(gap.schools[0]?.teachers).toEqual({ persons: 2, groups: [{ counts: ['L1', 'L2', 'L3'], persons: 1 }, { counts: ['L1', 'L3'], persons: 1 }] });
    expect(gap.teacherPersons).toBe(2);
    expect(withOverlap('any').teacherPersons).toBe(2);
  });

  it("'none' is the upper bound (5), 'with-qualification' 2 here", () => {
    expect(withOverlap('none').teacherPersons).toBe(5);
    expect(withOverlap('with-qualification').teacherPersons).toBe(2);
    // the merge never changes an indicator
    expect(withOverlap('none').schools[0]?.additions).toEqual(withOverlap('any').schools[0]?.additions);
  });

  it('an unknown reading is refused with its path', () => {
    try {
      withOverlap('some' as never);
      expect.unreachable();
    } catch (e) {
      expect(JSON.stringify((e as { issues: Array<{ path: unknown }> }).issues.map((i) => i.path))).toContain('teacherOverlap');
    }
  });

  it('is the fewest persons that cover the additions exactly (brute force)', () => {
    const combos: Record<TeacherOverlap, number[][]> = {
      any: [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, 1]],
      'with-qualification': [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [1, 0, 1], [1, 1, 1]],
      none: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    };
    const fewest = (a: number[], kinds: number[][]): number => {
      // dynamic programming over the remaining counts
      const memo = new Map<string, number>();
      const go = (r: number[]): number => {
        if (r.every((x) => x === 0)) return 0;
        const key = r.join();
        const hit = memo.get(key);
        if (hit !== undefined) return hit;
        let best = Infinity;
        for (const k of kinds) if (k.every((x, i) => x <= (r[i] as number))) best = Math.min(best, 1 + go(r.map((x, i) => x - (k[i] as number))));
        memo.set(key, best);
        return best;
      };
      return go(a);
    };
    const count = fc.integer({ min: 0, max: 6 });
    fc.assert(fc.property(count, count, count, fc.constantFrom<TeacherOverlap>('any', 'with-qualification', 'none'), (a1, a2, a3, o) => {
      const m = mergeTeachers([a1, a2, a3], o);
      expect(m.persons).toBe(fewest([a1, a2, a3], combos[o]));
      const covered = [0, 0, 0];
      for (const g of m.groups) for (const id of g.counts) covered[Number(id.slice(1)) - 1] = (covered[Number(id.slice(1)) - 1] ?? 0) + g.persons;
      expect(covered).toEqual([a1, a2, a3]);
      expect(m.groups.reduce((x, g) => x + g.persons, 0)).toBe(m.persons);
    }), { numRuns: 300 });
  });
});
