import { describe, expect, it } from 'vitest';
import { PolicyInputError, livingSubsidyEligibility, safeLivingSubsidyEligibility, type Pupil } from '../../src/index.js';
import { expectIssuesAt, issueAt } from '../core/helpers.js';

/**
 * Boarders: 1000 / 1250 from 2011-09-01, 1250 / 1500 from 2024-03-01.
 * Non-boarders: not covered before 2019-09-01, 500 / 625 from 2019-09-01, 625 / 750 from 2024-03-01.
 */
const pupil = (stage: 'primary' | 'junior', boarding: boolean, hardship: Pupil['hardship'] = ['registered-poor']): Pupil => ({ stage, boarding, hardship });

describe('livingSubsidyEligibility: amounts by date', () => {
  // [asOf, stage, boarding, eligible, amount]
  const cases: Array<[string, 'primary' | 'junior', boolean, boolean, string]> = [
    ['2011-09-01', 'primary', true, true, '1000'],
    ['2011-09-01', 'junior', true, true, '1250'],
    ['2019-08-31', 'primary', true, true, '1000'],
    ['2019-08-31', 'primary', false, false, '0'], // non-boarders not yet covered
    ['2019-08-31', 'junior', false, false, '0'],
    ['2019-09-01', 'primary', false, true, '500'],
    ['2019-09-01', 'junior', false, true, '625'],
    ['2024-02-29', 'primary', false, true, '500'],
    ['2024-02-29', 'junior', false, true, '625'],
    ['2024-02-29', 'primary', true, true, '1000'],
    ['2024-02-29', 'junior', true, true, '1250'],
    ['2024-03-01', 'primary', false, true, '625'],
    ['2024-03-01', 'junior', false, true, '750'],
    ['2024-03-01', 'primary', true, true, '1250'],
    ['2024-03-01', 'junior', true, true, '1500'],
  ];
  for (const [asOf, stage, boarding, eligible, amount] of cases) {
    it(`${asOf} ${stage} ${boarding ? 'boarder' : 'non-boarder'} → ${eligible ? amount : 'not eligible'}`, () => {
      const r = livingSubsidyEligibility(pupil(stage, boarding), { asOf });
      expect(r.eligible).toBe(eligible);
      expect(r.annualAmount.toString()).toBe(amount);
    });
  }

  it('before 2011-09-01 is an error on asOf', () => {
    expectIssuesAt(() => livingSubsidyEligibility(pupil('primary', true), { asOf: '2011-08-31' }), ['asOf']);
  });

  it('the documented example: junior non-boarder, subsistence allowance, 2024-09-01 → 750', () => {
    const r = livingSubsidyEligibility({ stage: 'junior', boarding: false, hardship: ['subsistence-allowance'] }, { asOf: '2024-09-01' });
    expect(r.eligible).toBe(true);
    expect(r.annualAmount.toString()).toBe('750');
  });
});

describe('livingSubsidyEligibility: hardship and reasons', () => {
  it('no hardship → not eligible, amount 0', () => {
    for (const boarding of [true, false]) {
      const r = livingSubsidyEligibility(pupil('primary', boarding, []), { asOf: '2025-09-01' });
      expect(r.eligible).toBe(false);
      expect(r.annualAmount.isZero()).toBe(true);
      expect(r.reasons.map((x) => x.code)).toContain('no-hardship');
      expect(r.reasons.map((x) => x.code)).not.toContain('hardship');
    }
  });

  it('every hardship category qualifies a boarder', () => {
    for (const h of ['registered-poor', 'subsistence-allowance', 'extreme-poverty-support', 'disabled-poor-family', 'family-hardship'] as const) {
      const r = livingSubsidyEligibility(pupil('junior', true, [h]), { asOf: '2025-09-01' });
      expect(r.eligible).toBe(true);
      expect(r.annualAmount.toString()).toBe('1500');
    }
  });

  it('several categories do not add up', () => {
    const r = livingSubsidyEligibility(pupil('primary', false, ['registered-poor', 'subsistence-allowance']), { asOf: '2025-09-01' });
    expect(r.annualAmount.toString()).toBe('625');
  });

  it('reason codes', () => {
    const boarder = livingSubsidyEligibility(pupil('primary', true), { asOf: '2025-09-01' });
    expect(boarder.reasons.map((x) => x.code)).toEqual(['hardship', 'boarder']);
    const covered = livingSubsidyEligibility(pupil('primary', false), { asOf: '2025-09-01' });
    expect(covered.reasons.map((x) => x.code)).toEqual(['hardship', 'non-boarder-covered']);
    const uncovered = livingSubsidyEligibility(pupil('primary', false), { asOf: '2018-09-01' });
    expect(uncovered.reasons.map((x) => x.code)).toEqual(['hardship', 'non-boarder-not-covered']);
    const neither = livingSubsidyEligibility(pupil('primary', false, []), { asOf: '2018-09-01' });
    expect(neither.eligible).toBe(false);
    expect(neither.reasons.map((x) => x.code)).toEqual(['no-hardship', 'non-boarder-not-covered']);
    for (const r of [boarder, covered, uncovered, neither]) {
      for (const reason of r.reasons) {
        expect(reason.message.zh.length).toBeGreaterThan(0);
        expect(reason.message.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('citations and explanation', () => {
    const r = livingSubsidyEligibility(pupil('primary', false), { asOf: '2025-09-01' });
    expect(r.citations).toContain('5.1');
    expect(r.citations).toContain('mof-2024-05-07');
    expect(r.explanation.length).toBeGreaterThan(0);
    for (const s of r.explanation) {
      expect(s.message.zh.length).toBeGreaterThan(0);
      expect(s.message.en.length).toBeGreaterThan(0);
    }
    expect(JSON.parse(JSON.stringify(r)).annualAmount).toBe('625');
  });

  it('a province paying more, via parameters', () => {
    const r = livingSubsidyEligibility(pupil('junior', false), { asOf: '2025-09-01', parameters: { livingSubsidy: { nonBoarder: { junior: 800 } } } });
    expect(r.annualAmount.toString()).toBe('800');
  });

  it('non-boarders covered early via parameters', () => {
    const r = livingSubsidyEligibility(pupil('primary', false), { asOf: '2015-01-01', parameters: { livingSubsidy: { nonBoarder: { primary: 300 } } } });
    expect(r.eligible).toBe(true);
    expect(r.annualAmount.toString()).toBe('300');
  });

  it('non-boarders uncovered via a null override', () => {
    const r = livingSubsidyEligibility(pupil('primary', false), { asOf: '2025-09-01', parameters: { livingSubsidy: { nonBoarder: { primary: null } } } });
    expect(r.eligible).toBe(false);
    expect(r.annualAmount.toString()).toBe('0');
  });
});

describe('livingSubsidyEligibility: family hardship and the rural qualifiers (issue 9)', () => {
  const codes = (r: { reasons: Array<{ code: string }> }) => r.reasons.map((x) => x.code);

  it('hand-worked: a boarder with family hardship (家庭经济困难, as recognised locally) qualifies', () => {
    const r = livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['family-hardship'] }, { asOf: '2025-09-01' });
    expect(r.eligible).toBe(true);
    expect(r.annualAmount.toString()).toBe('1250');
    expect(codes(r)).toEqual(['hardship', 'boarder']);
    const junior = livingSubsidyEligibility({ stage: 'junior', boarding: true, hardship: ['family-hardship'] }, { asOf: '2016-09-01' });
    expect(junior.annualAmount.toString()).toBe('1250'); // the 2011 standard, a rural boarder by default
  });

  it('family hardship alone does not qualify a non-boarder: only the four 2019 categories do', () => {
    const r = livingSubsidyEligibility({ stage: 'primary', boarding: false, hardship: ['family-hardship'] }, { asOf: '2025-09-01' });
    expect(r.eligible).toBe(false);
    expect(r.annualAmount.isZero()).toBe(true);
    expect(codes(r)).toEqual(['hardship', 'non-boarder-covered', 'no-non-boarder-category']);
    const both = livingSubsidyEligibility({ stage: 'primary', boarding: false, hardship: ['family-hardship', 'disabled-poor-family'] }, { asOf: '2025-09-01' });
    expect(both.annualAmount.toString()).toBe('625');
  });

  it('boarders: rural only from 2011-09-01, urban and rural from 2017-03-01 (统一城乡“两免一补”)', () => {
    const urban = (asOf: string) => livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['subsistence-allowance'], rural: false }, { asOf });
    expect(urban('2017-02-28').eligible).toBe(false);
    expect(codes(urban('2017-02-28'))).toEqual(['hardship', 'boarder', 'urban-not-covered']);
    expect(urban('2017-03-01').eligible).toBe(true);
    expect(urban('2017-03-01').annualAmount.toString()).toBe('1000');
    const rural = livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['registered-poor'], rural: true }, { asOf: '2012-09-01' });
    expect(rural.eligible).toBe(true);
    expect(codes(rural)).toEqual(['hardship', 'boarder']);
  });

  it('rural not given: read as rural, and said where it decided', () => {
    const boarder = livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['family-hardship'] }, { asOf: '2014-09-01' });
    expect(boarder.eligible).toBe(true);
    expect(codes(boarder)).toEqual(['hardship', 'boarder', 'rural-assumed']);
    const day = livingSubsidyEligibility({ stage: 'junior', boarding: false, hardship: ['subsistence-allowance'] }, { asOf: '2024-09-01' });
    expect(day.eligible).toBe(true);
    expect(codes(day)).toEqual(['hardship', 'non-boarder-covered', 'rural-assumed']);
    // A category without a rural qualifier needs no assumption.
    const poor = livingSubsidyEligibility({ stage: 'junior', boarding: false, hardship: ['registered-poor', 'subsistence-allowance'] }, { asOf: '2024-09-01' });
    expect(codes(poor)).toEqual(['hardship', 'non-boarder-covered']);
  });

  it('non-boarders: 农村低保 and 农村特困 need a rural pupil; 建档立卡 and disabled pupils do not', () => {
    const nb = (hardship: Pupil['hardship'], rural: boolean) => livingSubsidyEligibility({ stage: 'junior', boarding: false, hardship, rural }, { asOf: '2024-09-01' });
    expect(nb(['subsistence-allowance'], false).eligible).toBe(false);
    expect(codes(nb(['subsistence-allowance'], false))).toEqual(['hardship', 'non-boarder-covered', 'urban-not-covered']);
    expect(nb(['extreme-poverty-support'], false).eligible).toBe(false);
    expect(nb(['subsistence-allowance', 'extreme-poverty-support'], false).eligible).toBe(false);
    expect(nb(['subsistence-allowance'], true).annualAmount.toString()).toBe('750');
    expect(nb(['extreme-poverty-support'], true).annualAmount.toString()).toBe('750');
    expect(nb(['registered-poor'], false).annualAmount.toString()).toBe('750');
    expect(nb(['disabled-poor-family'], false).annualAmount.toString()).toBe('750');
    expect(nb(['subsistence-allowance', 'disabled-poor-family'], false).annualAmount.toString()).toBe('750');
  });

  it('a district that reads 低保 for urban families too overrides the qualifier; the explanation cites it', () => {
    const r = livingSubsidyEligibility(
      { stage: 'junior', boarding: false, hardship: ['subsistence-allowance'], rural: false },
      { asOf: '2024-09-01', parameters: { livingSubsidy: { eligibleLocations: { subsistenceAllowance: 'urban-and-rural' } } } },
    );
    expect(r.eligible).toBe(true);
    expect(r.explanation.some((s) => s.values?.['path'] === 'livingSubsidy.eligibleLocations.subsistenceAllowance' || s.message.en.includes('livingSubsidy.eligibleLocations.subsistenceAllowance'))).toBe(true);
    const cited = livingSubsidyEligibility({ stage: 'junior', boarding: false, hardship: ['subsistence-allowance'], rural: true }, { asOf: '2024-09-01' });
    expect(cited.citations).toContain('living-subsidy-2019');
  });

  it('rural must be true or false', () => {
    expectIssuesAt(() => livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: [], rural: 'yes' } as never, { asOf: '2025-09-01' }), ['rural']);
  });
});

describe('livingSubsidyEligibility: bad input', () => {
  it('an unknown hardship value', () => {
    expectIssuesAt(() => livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['poor'] } as never, { asOf: '2025-09-01' }), ['hardship', 0]);
    expectIssuesAt(
      () => livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['registered-poor', 3] } as never, { asOf: '2025-09-01' }),
      ['hardship', 1],
    );
    expectIssuesAt(() => livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: 'registered-poor' } as never, { asOf: '2025-09-01' }), ['hardship']);
  });

  it('missing fields, each with its path', () => {
    const issues = expectIssuesAt(() => livingSubsidyEligibility({} as never, { asOf: '2025-09-01' }), ['stage'], ['boarding'], ['hardship']);
    expect(issueAt(issues, ['stage']).message).toMatch(/primary/);
  });

  it('wrong types and enum values', () => {
    expectIssuesAt(() => livingSubsidyEligibility({ stage: 'senior', boarding: 'yes', hardship: [] } as never, { asOf: '2025-09-01' }), ['stage'], ['boarding']);
  });

  it('extra keys', () => {
    expectIssuesAt(() => livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: [], location: 'rural' } as never, { asOf: '2025-09-01' }), ['location']);
  });

  it('null and undefined pupil', () => {
    expectIssuesAt(() => livingSubsidyEligibility(null as never, { asOf: '2025-09-01' }), []);
    expectIssuesAt(() => livingSubsidyEligibility(undefined as never, { asOf: '2025-09-01' }), []);
  });

  it('safeLivingSubsidyEligibility', () => {
    const ok = safeLivingSubsidyEligibility(pupil('primary', true), { asOf: '2025-09-01' });
    expect(ok.success).toBe(true);
    if (ok.success) expect(ok.data.annualAmount.toString()).toBe('1250');
    const bad = safeLivingSubsidyEligibility({ stage: 'x' } as never, { asOf: '2025-09-01' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error).toBeInstanceOf(PolicyInputError);
  });
});
