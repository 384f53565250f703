import { describe, expect, it } from 'vitest';
import { Decimal, PolicyInputError, livingSubsidyBudget, safeLivingSubsidyBudget, type School } from '../../src/index.js';
import { expectIssuesAt } from '../core/helpers.js';

/**
 * Quota per stage = coverage share × boarders, rounded down to whole pupils (issue 9: "扩大到30%" is a
 * ceiling of the covered share; the quota was rounded half up before, and the expectations below
 * changed with that reading).
 * Coverage: 15 % from 2011-09-01 (unverified), 30 % from the opinion's date, opinion.effectiveFrom (opinion 5.1; 2017-05-23 by default, 2016-07-02 before issue 9).
 * Boarder standard: 1000 / 1250 from 2011-09-01, 1250 / 1500 from 2024-03-01 (primary / junior).
 */
const school = (primary: number, junior = 0): School => ({
  id: 'B',
  location: 'rural',
  pupils: { primary: primary + 10, junior: junior + 10 },
  boarders: { primary, junior },
});

describe('livingSubsidyBudget: quota rounding (30 %, 2025-09-01)', () => {
  const cases: Array<[number, number, string]> = [
    [0, 0, '0'], // 0 × 0.3 = 0
    [1, 0, '0'], // 0.3 → 0
    [2, 0, '0'], // 0.6 → 0 (down)
    [4, 1, '1250'], // 1.2 → 1; 1 × 1250
    [5, 1, '1250'], // 1.5 → 1 (down); 1 × 1250
    [45, 13, '16250'], // 13.5 → 13; 13 × 1250
    [15, 4, '5000'], // 4.5 → 4; 4 × 1250
    [25, 7, '8750'], // 7.5 → 7; 7 × 1250
    [35, 10, '12500'], // 10.5 → 10; 10 × 1250
    [100, 30, '37500'], // 30 exactly
    [101, 30, '37500'], // 30.3 → 30
    [999_999, 299_999, '374998750'], // 299999.7 → 299999; 299999 × 1250
  ];
  for (const [boarders, quota, amount] of cases) {
    it(`${boarders} primary boarders → quota ${quota}, ${amount} yuan`, () => {
      const s: School = { id: 'B', location: 'rural', pupils: { primary: boarders }, boarders: { primary: boarders } };
      const r = livingSubsidyBudget(s, { asOf: '2025-09-01' });
      expect(r.quota).toEqual({ primary: quota, junior: 0 });
      expect(r.amount.toString()).toBe(amount);
    });
  }

  it('hand-worked (issue 9): 45 boarders at 30 % → quota 13, never above the covered share', () => {
    // 45 × 0.3 = 13.5 → 13 (28.9 % of 45); 14 would cover 31.1 %, above the 30 % the opinion sets.
    const r = livingSubsidyBudget({ id: 'B', location: 'rural', pupils: { primary: 45 }, boarders: { primary: 45 } }, { asOf: '2025-09-01' });
    expect(r.quota.primary).toBe(13);
    expect(r.quota.primary * 100).toBeLessThanOrEqual(45 * 30);
    expect(r.amount.toString()).toBe('16250'); // 13 × 1250
    expect(r.explanation.map((s) => s.message.en).join('\n')).toContain('rounded down to 13 pupils');
  });

  it('the quota never exceeds the covered share, and is the largest that does not', () => {
    for (let n = 0; n <= 400; n++) {
      const q = livingSubsidyBudget({ id: 'B', location: 'rural', pupils: { primary: n }, boarders: { primary: n } }, { asOf: '2025-09-01' }).quota.primary;
      expect(q * 10).toBeLessThanOrEqual(n * 3);
      expect((q + 1) * 10).toBeGreaterThan(n * 3);
    }
  });

  it('junior quota rounds the same way, at the junior rate', () => {
    // 5 × 0.3 = 1.5 → 1; 1 × 1500 = 1500
    const r = livingSubsidyBudget(school(0, 5), { asOf: '2025-09-01' });
    expect(r.quota).toEqual({ primary: 0, junior: 1 });
    expect(r.amount.toString()).toBe('1500');
  });

  it('the documented example', () => {
    // primary 45 × 0.3 = 13.5 → 13; junior 100 × 0.3 = 30
    // 13 × 1250 + 30 × 1500 = 16250 + 45000 = 61250
    const r = livingSubsidyBudget(
      { id: 'B', location: 'rural', pupils: { primary: 300, junior: 200 }, boarders: { primary: 45, junior: 100 } },
      { asOf: '2025-09-01' },
    );
    expect(r.schoolId).toBe('B');
    expect(r.quota).toEqual({ primary: 13, junior: 30 });
    expect(r.amount.toString()).toBe('61250');
    expect(Decimal.isDecimal(r.amount)).toBe(true);
  });

  it('no boarders: no quota, nothing to pay', () => {
    const r = livingSubsidyBudget({ id: 'N', location: 'urban', pupils: { primary: 500 } }, { asOf: '2025-09-01' });
    expect(r.quota).toEqual({ primary: 0, junior: 0 });
    expect(r.amount.isZero()).toBe(true);
  });
});

describe('livingSubsidyBudget: dates', () => {
  it('before and after 2024-03-01', () => {
    // quota 13 / 30 as above
    // 2024-02-29: 13 × 1000 + 30 × 1250 = 13000 + 37500 = 50500
    expect(livingSubsidyBudget(school(45, 100), { asOf: '2024-02-29' }).amount.toString()).toBe('50500');
    // 2024-03-01: 13 × 1250 + 30 × 1500 = 16250 + 45000 = 61250
    expect(livingSubsidyBudget(school(45, 100), { asOf: '2024-03-01' }).amount.toString()).toBe('61250');
  });

  it('coverage 15 % before the opinion (2017-05-23), 30 % from it', () => {
    // 2017-05-22: 10 × 0.15 = 1.5 → 1 (down); 20 × 0.15 = 3; 1 × 1000 + 3 × 1250 = 1000 + 3750 = 4750
    const before = livingSubsidyBudget(school(10, 20), { asOf: '2017-05-22' });
    expect(before.quota).toEqual({ primary: 1, junior: 3 });
    expect(before.amount.toString()).toBe('4750');
    // 2017-05-23: 10 × 0.3 = 3; 20 × 0.3 = 6; 3 × 1000 + 6 × 1250 = 3000 + 7500 = 10500
    const after = livingSubsidyBudget(school(10, 20), { asOf: '2017-05-23' });
    expect(after.quota).toEqual({ primary: 3, junior: 6 });
    expect(after.amount.toString()).toBe('10500');
  });

  it('15 % rounding down: 3 → 0.45 → 0, 7 → 1.05 → 1, 30 → 4.5 → 4', () => {
    expect(livingSubsidyBudget(school(3), { asOf: '2012-01-01' }).quota.primary).toBe(0);
    expect(livingSubsidyBudget(school(7), { asOf: '2012-01-01' }).quota.primary).toBe(1);
    expect(livingSubsidyBudget(school(30), { asOf: '2012-01-01' }).quota.primary).toBe(4);
  });

  it('2011-09-01 is the first day; 2011-08-31 is an error on asOf', () => {
    // 20 × 0.15 = 3; 3 × 1000 = 3000
    expect(livingSubsidyBudget(school(20), { asOf: '2011-09-01' }).amount.toString()).toBe('3000');
    expectIssuesAt(() => livingSubsidyBudget(school(20), { asOf: '2011-08-31' }), ['asOf']);
  });

  it('needs no region', () => {
    expect(() => livingSubsidyBudget(school(20), { asOf: '2025-09-01' })).not.toThrow();
  });
});

describe('livingSubsidyBudget: citations, explanation, overrides, errors', () => {
  it('cites 5.1 and explains bilingually', () => {
    const r = livingSubsidyBudget(school(5), { asOf: '2025-09-01' });
    expect(r.citations).toContain('5.1');
    expect(r.citations).toContain('mof-2024-05-07');
    for (const s of r.explanation) {
      expect(s.message.zh.length).toBeGreaterThan(0);
      expect(s.message.en.length).toBeGreaterThan(0);
    }
    expect(r.explanation.some((s) => s.values?.['quota'] === 1)).toBe(true); // 5 × 0.3 = 1.5 → 1
    expect(JSON.parse(JSON.stringify(r)).amount).toBe('1250'); // 1 × 1250
  });

  it('a province paying more, and a different coverage', () => {
    // 10 × 0.5 = 5; 5 × 1400.5 = 7002.5
    const r = livingSubsidyBudget(school(10), {
      asOf: '2025-09-01',
      parameters: { livingSubsidy: { coverage: 0.5, boarder: { primary: '1400.50' } } },
    });
    expect(r.quota.primary).toBe(5);
    expect(r.amount.toString()).toBe('7002.5');
  });

  it('coverage must be a share from 0 to 1', () => {
    expectIssuesAt(() => livingSubsidyBudget(school(10), { asOf: '2025-09-01', parameters: { livingSubsidy: { coverage: 30 } } }), ['parameters', 'livingSubsidy', 'coverage']);
    expectIssuesAt(() => livingSubsidyBudget(school(10), { asOf: '2025-09-01', parameters: { livingSubsidy: { coverage: -0.1 } } }), ['parameters', 'livingSubsidy', 'coverage']);
  });

  it('bad school input', () => {
    expectIssuesAt(
      () => livingSubsidyBudget({ id: 'B', location: 'rural', pupils: { primary: 5 }, boarders: { primary: 6 } }, { asOf: '2025-09-01' }),
      ['boarders', 'primary'],
    );
    expectIssuesAt(() => livingSubsidyBudget({ id: 'B', pupils: {} } as never, { asOf: '2025-09-01' }), ['location']);
    expectIssuesAt(() => livingSubsidyBudget(null as never, { asOf: '2025-09-01' }), []);
  });

  it('safeLivingSubsidyBudget', () => {
    const ok = safeLivingSubsidyBudget(school(5), { asOf: '2025-09-01' });
    expect(ok.success).toBe(true);
    const bad = safeLivingSubsidyBudget(school(5), { asOf: '1999-01-01' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error).toBeInstanceOf(PolicyInputError);
  });
});
