/**
 * `opinion.effectiveFrom`: one date parameter every rule of the opinion starts from (issue 9, item 1).
 *
 * Hand-worked cases (central region, so the primary benchmark is 600 yuan):
 * - a rural primary school of 150 pupils, without the opinion's floor: 150 × 600 = 90000 yuan;
 *   with the 100-to-200 floor (funded as 200): 200 × 600 = 120000 yuan.
 * - 100 primary boarders: 15 % coverage → quota 15 (× 1000 yuan = 15000 before 2024);
 *   30 % coverage → quota 30 (× 1000 = 30000).
 */
import { describe, expect, it } from 'vitest';
import {
  calculators,
  describeParameters,
  listParameters,
  livingSubsidyBudget,
  publicFunding,
  trainingCompliance,
  type ParameterListing,
  type School,
} from '../../src/index.js';
import { expectIssuesAt } from '../core/helpers.js';

const RURAL_150: School = { id: 'R', location: 'rural', pupils: { primary: 150 } };
const BOARDERS_100: School = { id: 'B', location: 'rural', pupils: { primary: 100 }, boarders: { primary: 100 } };
const one = (list: ParameterListing[], path: string) => list.filter((p) => p.path === path);

describe('the opinion starts on opinion.effectiveFrom (default 2017-05-23)', () => {
  it('at 2017-03-01 a rural primary school of 150 gets no 100-to-200 floor', () => {
    const r = publicFunding(RURAL_150, { asOf: '2017-03-01', region: 'central' });
    expect(r.floorApplied).toBeNull();
    expect(r.fundedPupils).toBe(150);
    expect(r.amount.toString()).toBe('90000'); // 150 × 600
  });

  it('at 2019-09-01 it does', () => {
    const r = publicFunding(RURAL_150, { asOf: '2019-09-01', region: 'central' });
    expect(r.floorApplied).toBe('district-100-to-200');
    expect(r.fundedPupils).toBe(200);
    expect(r.amount.toString()).toBe('120000'); // 200 × 600
  });

  it("with { opinion: { effectiveFrom: '2016-09-01' } } it does at 2017-03-01", () => {
    const r = publicFunding(RURAL_150, { asOf: '2017-03-01', region: 'central', parameters: { opinion: { effectiveFrom: '2016-09-01' } } });
    expect(r.floorApplied).toBe('district-100-to-200');
    expect(r.amount.toString()).toBe('120000');
  });

  it('the boundary: 2017-05-22 without the floor, 2017-05-23 with it', () => {
    expect(publicFunding(RURAL_150, { asOf: '2017-05-22', region: 'central' }).floorApplied).toBeNull();
    expect(publicFunding(RURAL_150, { asOf: '2017-05-23', region: 'central' }).floorApplied).toBe('district-100-to-200');
  });

  it('a later date takes the floor away until then; the national rules still apply', () => {
    const later = { opinion: { effectiveFrom: '2020-01-01' } };
    expect(publicFunding(RURAL_150, { asOf: '2019-09-01', region: 'central', parameters: later }).floorApplied).toBeNull();
    expect(publicFunding(RURAL_150, { asOf: '2020-01-01', region: 'central', parameters: later }).floorApplied).toBe('district-100-to-200');
    // The national under-100 floor is not the opinion's: it keeps its own date.
    const small: School = { id: 'S', location: 'rural', pupils: { primary: 40 } };
    expect(publicFunding(small, { asOf: '2019-09-01', region: 'central', parameters: later }).floorApplied).toBe('national-under-100');
  });

  it('moves the other areas with it: the 30 % coverage of 5.1', () => {
    // 100 boarders: 15 % before the opinion → 15 × 1000 = 15000; 30 % from it → 30 × 1000 = 30000.
    expect(livingSubsidyBudget(BOARDERS_100, { asOf: '2017-03-01' }).amount.toString()).toBe('15000');
    expect(livingSubsidyBudget(BOARDERS_100, { asOf: '2017-05-23' }).amount.toString()).toBe('30000');
    expect(livingSubsidyBudget(BOARDERS_100, { asOf: '2017-03-01', parameters: { opinion: { effectiveFrom: '2016-09-01' } } }).amount.toString()).toBe('30000');
  });

  it('a rule of the opinion with no national value before it is an error on asOf that names the date parameter', () => {
    const teacher = { id: 'T', training: [] };
    const issues = expectIssuesAt(() => trainingCompliance(teacher, { asOf: '2017-05-22' }), ['asOf']);
    expect(issues.map((i) => i.message).join(' ')).toContain('first value from opinion.effectiveFrom, 2017-05-23');
    expect(() => trainingCompliance(teacher, { asOf: '2017-05-23' })).not.toThrow();
    expect(() => trainingCompliance(teacher, { asOf: '2017-01-01', parameters: { opinion: { effectiveFrom: '2016-07-02' } } })).not.toThrow();
    // A later date names the patched day.
    const late = expectIssuesAt(() => trainingCompliance(teacher, { asOf: '2018-01-01', parameters: { opinion: { effectiveFrom: '2019-01-01' } } }), ['asOf']);
    expect(late.map((i) => i.message).join(' ')).toContain('opinion.effectiveFrom, 2019-01-01');
  });

  it('a value dated from the opinion never starts before the value listed before it', () => {
    // coverage: 15 % from 2011-09-01, then 30 % from the opinion. An opinion date before 2011 puts
    // 30 % in force from 2011-09-01 (the 15 % value is never in force), not before the subsidy existed.
    const early = { opinion: { effectiveFrom: '2010-01-01' } };
    expect(one(listParameters({ asOf: '2012-01-01', parameters: early }), 'livingSubsidy.coverage')[0]).toMatchObject({ value: 0.3, effectiveFrom: '2011-09-01' });
    expect(one(listParameters({ asOf: '2011-08-31', parameters: early }), 'livingSubsidy.coverage')).toEqual([]);
  });

  it('refuses a date that is not a calendar day, at its path', () => {
    expectIssuesAt(() => publicFunding(RURAL_150, { asOf: '2019-09-01', region: 'central', parameters: { opinion: { effectiveFrom: '2017-02-30' } } }), ['parameters', 'opinion', 'effectiveFrom']);
  });
});

describe('listings of opinion.effectiveFrom and the values dated from it', () => {
  it('lists the date itself: junheng, unverified, never stale', () => {
    expect(one(listParameters({ asOf: '2025-09-01' }), 'opinion.effectiveFrom')).toEqual([
      { path: 'opinion.effectiveFrom', value: '2017-05-23', effectiveFrom: '2017-05-23', source: 'junheng', confidence: 'unverified', stale: false },
    ]);
  });

  it("before it, none of the opinion's own values is listed, nor the date", () => {
    const list = listParameters({ asOf: '2017-03-01' });
    expect(one(list, 'opinion.effectiveFrom')).toEqual([]);
    expect(list.filter((p) => p.source === 'opinion' && p.fromParameter !== undefined)).toEqual([]);
    // The 15 % coverage (before the opinion) and the national floor are listed.
    expect(one(list, 'livingSubsidy.coverage')[0]?.value).toBe(0.15);
  });

  it("every value of the opinion's own starts on the date and says so", () => {
    const list = listParameters({ asOf: '2025-09-01' });
    const fromOpinion = list.filter((p) => p.fromParameter !== undefined);
    expect(fromOpinion.length).toBeGreaterThanOrEqual(15);
    for (const p of fromOpinion) expect(p, p.path).toMatchObject({ fromParameter: 'opinion.effectiveFrom', effectiveFrom: '2017-05-23' });
    // The opinion's values are all dated from it (the 15 % coverage before it is the only exception).
    for (const d of describeParameters()) {
      for (const h of d.history) {
        if (h.source === 'opinion' && !(d.path === 'livingSubsidy.coverage' && h.value === 0.15)) expect(h.fromParameter, `${d.path} ${String(h.from)}`).toBe('opinion.effectiveFrom');
      }
    }
  });

  it('a patch moves every one of them, and lists the date as the override', () => {
    const list = listParameters({ asOf: '2017-03-01', parameters: { opinion: { effectiveFrom: '2016-09-01' } } });
    expect(one(list, 'opinion.effectiveFrom')[0]).toMatchObject({ value: '2016-09-01', source: 'override', confidence: 'unverified' });
    const moved = list.filter((p) => p.fromParameter !== undefined);
    expect(moved.length).toBeGreaterThanOrEqual(15);
    for (const p of moved) expect(p.effectiveFrom, p.path).toBe('2016-09-01');
  });

  it('describeParameters gives the default day and names the date parameter', () => {
    const coverage = describeParameters().find((d) => d.path === 'livingSubsidy.coverage');
    expect(coverage?.history.map((h) => [h.from, h.value, h.fromParameter])).toEqual([
      ['2011-09-01', 0.15, undefined],
      ['2017-05-23', 0.3, 'opinion.effectiveFrom'],
    ]);
  });
});

describe('reads: a calculator that reads a value of the opinion reads opinion.effectiveFrom', () => {
  const params = (name: string) => calculators.find((c) => c.name === name)?.parameters ?? [];

  it('is declared beside the values that start from it', () => {
    for (const name of ['publicFunding', 'allocateBudget', 'livingSubsidyBudget', 'trainingCompliance', 'classSizeReport', 'opinionTargets', 'specialEducationSchoolCheck', 'securityPostCheck']) {
      expect(params(name), name).toContain('opinion.effectiveFrom');
    }
  });

  it('is not declared by a calculator that reads only national values', () => {
    for (const name of ['schoolSizeStatus', 'classSizeStatus', 'rotationCompliance', 'differenceCoefficient']) {
      expect(params(name), name).not.toContain('opinion.effectiveFrom');
    }
  });

  it('follows the first value that starts from it, once', () => {
    const list = params('publicFunding');
    expect(list.filter((p) => p === 'opinion.effectiveFrom')).toHaveLength(1);
    expect(list.indexOf('opinion.effectiveFrom')).toBe(list.indexOf('funding.floors') + 1);
  });
});

describe("explanations say where an opinion value's date comes from", () => {
  it('names opinion.effectiveFrom in the step of the floor', () => {
    const r = publicFunding(RURAL_150, { asOf: '2019-09-01', region: 'central' });
    const step = r.explanation.find((s) => s.values?.['path'] === 'funding.floors');
    expect(step?.message.en).toContain("in force from 2017-05-23, the opinion's effective date opinion.effectiveFrom");
    expect(step?.message.zh).toContain('即意见施行日期 opinion.effectiveFrom');
    expect(step?.values?.['fromParameter']).toBe('opinion.effectiveFrom');
  });
});
