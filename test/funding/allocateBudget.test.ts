import { describe, expect, it } from 'vitest';
import { Decimal, PolicyInputError, allocateBudget, publicFunding, safeAllocateBudget, type School } from '../../src/index.js';
import { expectIssuesAt, issuesOf, pathsOf } from '../core/helpers.js';

const WEST = { asOf: '2025-09-01', region: 'west' } as const;

describe('allocateBudget', () => {
  it('keeps input order and sums exactly', () => {
    const schools: School[] = [
      { id: 'A', location: 'urban', pupils: { primary: 1200 } }, // 1200 × 600 = 720000
      { id: 'B', location: 'rural', pupils: { primary: 80 } }, // → 100 × 600 = 60000
      { id: 'C', location: 'rural', pupils: { primary: 50, junior: 100 } }, // 30000 + 80000 + 36666.67 (see publicFunding tests) = 146666.67
      { id: 'D', location: 'rural', pupils: { primary: 100, junior: 50 } }, // 60000 + 40000 + 33333.33 = 133333.33
      { id: 'E', location: 'town', pupils: { junior: 10 }, boarders: { junior: 10 } }, // 10 × 800 + 10 × 200 = 10000
    ];
    const r = allocateBudget(schools, WEST);
    expect(r.schools.map((s) => s.schoolId)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(r.schools.map((s) => s.amount.toString())).toEqual(['720000', '60000', '146666.67', '133333.33', '10000']);
    // 720000 + 60000 + 146666.67 + 133333.33 + 10000 = 1070000.00
    expect(r.total.toString()).toBe('1070000');
    const sum = r.schools.reduce((acc, s) => acc.plus(s.amount), new Decimal(0));
    expect(r.total.equals(sum)).toBe(true);
    expect(r.citations).toContain('5.1');
    expect(r.citations).toContain('gf-2015-67');
  });

  it('gives the same result per school as publicFunding', () => {
    const schools: School[] = [
      { id: 'A', location: 'rural', pupils: { primary: 150 }, disabledPupils: 2 },
      { id: 'B', location: 'urban', kind: 'teaching-point', pupils: { junior: 20 } },
    ];
    const r = allocateBudget(schools, WEST);
    for (const [i, school] of schools.entries()) {
      const single = publicFunding(school, WEST);
      const batch = r.schools[i];
      expect(batch?.amount.toString()).toBe(single.amount.toString());
      expect(batch?.fundedPupils).toBe(single.fundedPupils);
      expect(batch?.floorApplied).toBe(single.floorApplied);
    }
    // A: 200 × 600 − 2 × 600 + 2 × 7000 = 132800; B: 100 × 800 = 80000; total 212800
    expect(r.total.toString()).toBe('212800');
  });

  it('the documented example: 780000', () => {
    const r = allocateBudget(
      [
        { id: 'A', location: 'urban', pupils: { primary: 1200 } },
        { id: 'B', location: 'rural', pupils: { primary: 80 } },
      ],
      WEST,
    );
    // 1200 × 600 + 100 × 600 = 720000 + 60000 = 780000
    expect(r.total.toString()).toBe('780000');
  });

  it('sums fractional fen amounts exactly over many schools', () => {
    // 300 identical schools of 50 primary + 100 junior (rural): 146666.67 each
    // 300 × 146666.67 = 44000001.00
    const schools: School[] = Array.from({ length: 300 }, (_, i) => ({ id: `S${i}`, location: 'rural', pupils: { primary: 50, junior: 100 } }));
    const r = allocateBudget(schools, WEST);
    expect(r.total.toString()).toBe('44000001');
  });

  it('explanation steps are bilingual, JSON total is a string', () => {
    const r = allocateBudget([{ id: 'A', location: 'rural', pupils: { primary: 150 } }], WEST);
    expect(r.explanation.length).toBeGreaterThan(0);
    for (const s of r.explanation) {
      expect(s.message.zh.length).toBeGreaterThan(0);
      expect(s.message.en.length).toBeGreaterThan(0);
    }
    const json = JSON.parse(JSON.stringify(r)) as { total: unknown; schools: Array<{ amount: unknown }> };
    expect(json.total).toBe('120000'); // 200 × 600
    expect(json.schools[0]?.amount).toBe('120000');
  });

  it('an empty list totals 0', () => {
    const r = allocateBudget([], WEST);
    expect(r.schools).toEqual([]);
    expect(r.total.isZero()).toBe(true);
    expect(r.total.toString()).toBe('0');
  });

  it('an empty list needs no region', () => {
    const r = allocateBudget([], { asOf: '2025-09-01' });
    expect(r.total.toString()).toBe('0');
  });

  it('a list of special-education schools needs no region', () => {
    const r = allocateBudget(
      [
        { id: 'S1', location: 'urban', kind: 'special-education', pupils: { primary: 10 } }, // 10 × 7000 = 70000
        { id: 'S2', location: 'rural', kind: 'special-education', pupils: { junior: 5 } }, // 5 × 7000 = 35000
      ],
      { asOf: '2025-09-01' },
    );
    expect(r.total.toString()).toBe('105000');
  });

  it('a mixed list needs a region', () => {
    expectIssuesAt(
      () =>
        allocateBudget(
          [
            { id: 'S1', location: 'urban', kind: 'special-education', pupils: { primary: 10 } },
            { id: 'A', location: 'urban', pupils: { primary: 10 } },
          ],
          { asOf: '2025-09-01' },
        ),
      ['region'],
    );
  });

  it('rejects duplicate ids at [i, "id"]', () => {
    const issues = expectIssuesAt(
      () =>
        allocateBudget(
          [
            { id: 'A', location: 'urban', pupils: { primary: 1 } },
            { id: 'B', location: 'urban', pupils: { primary: 1 } },
            { id: 'A', location: 'rural', pupils: { primary: 1 } },
          ],
          WEST,
        ),
      [2, 'id'],
    );
    expect(pathsOf(issues)).not.toContain(JSON.stringify([0, 'id']));
  });

  it('reports every bad row in one error', () => {
    const schools = [
      { id: 'A', location: 'urban', pupils: { primary: 1 } },
      { id: 'B', location: 'urban', pupils: { primary: 1 } },
      { id: 'C', location: 'urban', pupils: { primary: -3 } },
      { id: 'D', location: 'urban', pupils: { primary: 1 } },
      { id: 'E', location: 'urban', pupils: { primary: 1 } },
      { id: 'F', location: 'suburb', pupils: { primary: 1 } },
      { id: 'G', location: 'urban', pupils: { primary: 1 }, boarders: { primary: 2 } },
    ];
    const issues = expectIssuesAt(() => allocateBudget(schools as never, WEST), [2, 'pupils', 'primary'], [5, 'location'], [6, 'boarders', 'primary']);
    for (const issue of issues) expect(typeof issue.path[0]).toBe('number');
  });

  it('reports row errors and option errors together', () => {
    expectIssuesAt(
      () => allocateBudget([{ id: 'A', location: 'urban', pupils: { primary: 1.5 } }], { asOf: '2025-02-30', region: 'west' }),
      [0, 'pupils', 'primary'],
      ['asOf'],
    );
  });

  it('a row that is not an object, null or missing id', () => {
    expectIssuesAt(() => allocateBudget([null, 'x', { location: 'urban', pupils: {} }] as never, WEST), [0], [1], [2, 'id']);
  });

  it('not an array → path []', () => {
    for (const input of [null, undefined, 'schools', 42, { id: 'A', location: 'urban', pupils: {} }]) {
      const issues = issuesOf(() => allocateBudget(input as never, WEST));
      expect(pathsOf(issues)).toContain('[]');
    }
  });

  it('safeAllocateBudget', () => {
    const ok = safeAllocateBudget([{ id: 'A', location: 'urban', pupils: { primary: 10 } }], WEST);
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.data.total.toString()).toBe('6000'); // 10 × 600
    const bad = safeAllocateBudget('nope' as never, WEST);
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error).toBeInstanceOf(PolicyInputError);
  });
});
