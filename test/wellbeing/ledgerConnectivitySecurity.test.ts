import { describe, expect, it } from 'vitest';
import {
  careLedgerCheck,
  connectivityCoverage,
  safeCareLedgerCheck,
  safeConnectivityCoverage,
  safeSecurityPostCheck,
  securityPostCheck,
  type CareLedgerEntry,
  type SchoolConnectivity,
} from '../../src/index.js';
import { coverageOf, coverageText } from '../../src/wellbeing/internal.js';
import { expectIssuesAt, issueAt, issuesOf } from '../core/helpers.js';

const child = (id: string, over: Partial<CareLedgerEntry> = {}): CareLedgerEntry => ({
  id,
  town: '城关镇',
  categories: ['left-behind'],
  meetsAssistanceConditions: true,
  inSocialAssistance: true,
  ...over,
});

describe('careLedgerCheck (6.2: qualifying children brought into social assistance)', () => {
  it('qualifies only with a category AND the conditions met (符合条件 is an input)', () => {
    const r = careLedgerCheck([
      child('A', { inSocialAssistance: false }), // qualifies, uncovered
      child('B', { meetsAssistanceConditions: false, inSocialAssistance: false }), // conditions not met
      child('C', { categories: [], inSocialAssistance: false }), // no category
      child('D'), // qualifies, covered
      child('E', { categories: [], meetsAssistanceConditions: false, inSocialAssistance: true }), // covered though not qualifying: no gap
    ]);
    expect(r).toMatchObject({ children: 5, qualifying: 2, covered: 1, uncovered: 1, compliant: false });
    expect(r.uncoveredChildren).toEqual([{ id: 'A', town: '城关镇', categories: ['left-behind'] }]);
    expect(r.citations).toEqual(['6.2']);
  });
  it('counts per town in order of first appearance, and per category (a child in two counts in both)', () => {
    const r = careLedgerCheck([
      child('A', { town: '河西镇', categories: ['family-hardship', 'left-behind', 'family-hardship'], inSocialAssistance: false }),
      child('B', { town: '城关镇', categories: ['migrant-special-hardship'] }),
      child('C', { town: '河西镇', categories: ['migrant-special-hardship'], inSocialAssistance: false }),
    ]);
    expect(r.byTown).toEqual([
      { town: '河西镇', children: 2, qualifying: 2, covered: 0, uncovered: 2 },
      { town: '城关镇', children: 1, qualifying: 1, covered: 1, uncovered: 0 },
    ]);
    expect(r.byCategory).toEqual({
      'left-behind': { qualifying: 1, uncovered: 1 },
      'migrant-special-hardship': { qualifying: 2, uncovered: 1 },
      'family-hardship': { qualifying: 1, uncovered: 1 },
    });
    expect(r.uncoveredChildren[0]?.categories).toEqual(['left-behind', 'family-hardship']);
  });
  it('everyone qualifying covered, or an empty ledger: compliant', () => {
    expect(careLedgerCheck([child('A'), child('B', { meetsAssistanceConditions: false, inSocialAssistance: false })]).compliant).toBe(true);
    expect(careLedgerCheck([])).toMatchObject({ children: 0, qualifying: 0, compliant: true, byTown: [] });
  });
  it('lists children with nobody looking after them, and explains in both languages', () => {
    const r = careLedgerCheck([child('A', { guardian: 'none', inSocialAssistance: false }), child('B', { guardian: 'grandparent' })]);
    expect(r.withoutGuardian).toEqual(['A']);
    const zh = r.explanation.map((s) => s.message.zh).join('\n');
    expect(zh).toContain('台账 2 名儿童，符合条件 2 名，已纳入社会救助 1 名，未纳入 1 名');
    expect(zh).toContain('未纳入社会救助的符合条件儿童：A');
    expect(zh).toContain('无人监护的儿童 1 名');
    expect(r.explanation.map((s) => s.message.en).join('\n')).toContain('Qualifying children not covered: A');
  });
  it('a long list of uncovered children is cut in the explanation, not in the result', () => {
    const r = careLedgerCheck(Array.from({ length: 25 }, (_, i) => child(`K${i}`, { inSocialAssistance: false })));
    expect(r.uncoveredChildren).toHaveLength(25);
    expect(r.explanation.at(-1)?.message.en).toMatch(/K19 \(and 5 more\)$/);
  });
  it('bad entries are input errors with their paths; a repeated id points at the first', () => {
    const issues = expectIssuesAt(() => careLedgerCheck([child('A'), child('A')]), [1, 'id']);
    expect(issueAt(issues, [1, 'id']).related).toEqual([0, 'id']);
    expectIssuesAt(
      () => careLedgerCheck([
        { ...child('A'), categories: ['orphan'] },
        { ...child('B'), guardian: null },
        { id: 'C', town: 'T', categories: [] },
        { ...child('D'), inSocialAssistance: 1 },
        { ...child('E'), age: 9 },
      ] as never),
      [0, 'categories', 0], [1, 'guardian'], [2, 'meetsAssistanceConditions'], [2, 'inSocialAssistance'], [3, 'inSocialAssistance'], [4, 'age'],
    );
    for (const bad of [null, undefined, 'ledger', { 0: child('A') }, [null], [[]]]) issuesOf(() => careLedgerCheck(bad as never));
    expectIssuesAt(() => careLedgerCheck([JSON.parse('{"__proto__": {}, "id": "A", "town": "T", "categories": [], "meetsAssistanceConditions": true, "inSocialAssistance": true}')]), [0, '__proto__']);
    expect(safeCareLedgerCheck([child('A'), child('A')]).success).toBe(false);
  });
});

const sch = (id: string, over: Partial<SchoolConnectivity> = {}): SchoolConnectivity => ({
  id, broadband: true, classes: 10, classesWithMultimedia: 10, wirelessFullCampus: true, ...over,
});

describe('connectivityCoverage (6.3: broadband per school, multimedia per class, wireless per campus, all 100%)', () => {
  it('everything connected: complete, no shortfalls', () => {
    const r = connectivityCoverage([sch('A'), sch('B', { classes: 0, classesWithMultimedia: 0 })]);
    expect(r).toMatchObject({ schools: 2, compliant: true, shortfalls: [] });
    expect(r.multimedia).toEqual({ covered: 10, total: 10, coverage: 1, target: 1, met: true });
    expect(r.citations).toEqual(['6.3']);
  });
  it('one class of 200 without equipment (99.5%) is short, and the school is named', () => {
    const r = connectivityCoverage([sch('A', { classes: 100, classesWithMultimedia: 100 }), sch('B', { classes: 100, classesWithMultimedia: 99 })]);
    expect(r.multimedia).toMatchObject({ covered: 199, total: 200, coverage: 0.995, met: false });
    expect(r.broadband.met && r.wireless.met).toBe(true);
    expect(r.compliant).toBe(false);
    expect(r.shortfalls).toEqual([{ id: 'B', broadband: true, classesWithoutMultimedia: 1, wirelessFullCampus: true }]);
  });
  it('broadband and wireless are counted per school', () => {
    const r = connectivityCoverage([sch('A', { broadband: false }), sch('B', { wirelessFullCampus: false }), sch('C'), sch('D')]);
    expect(r.broadband).toMatchObject({ covered: 3, total: 4, coverage: 0.75, met: false });
    expect(r.wireless).toMatchObject({ covered: 3, total: 4, met: false });
    expect(r.shortfalls.map((s) => s.id)).toEqual(['A', 'B']);
    const zh = r.explanation.map((s) => s.message.zh).join('\n');
    expect(zh).toContain('宽带网络校校通：3 / 4 所学校 = 75.00%，未全覆盖，差 1 所学校');
  });
  it('no classes anywhere is vacuously complete for 班班通', () => {
    expect(connectivityCoverage([sch('A', { classes: 0, classesWithMultimedia: 0 })]).multimedia).toMatchObject({ coverage: 1, met: true });
  });
  it('more equipped classes than classes, an empty list, repeated ids and bad rows are input errors', () => {
    expectIssuesAt(() => connectivityCoverage([sch('A', { classesWithMultimedia: 11 })]), [0, 'classesWithMultimedia']);
    expectIssuesAt(() => connectivityCoverage([]), []);
    expectIssuesAt(() => connectivityCoverage([sch('A'), sch('A')]), [1, 'id']);
    expectIssuesAt(
      () => connectivityCoverage([{ ...sch('A'), classes: -1 }, { ...sch('B'), broadband: 'yes' }, { ...sch('C'), wifi: true }, { ...sch('D'), classesWithMultimedia: 2.5 }] as never),
      [0, 'classes'], [1, 'broadband'], [2, 'wifi'], [3, 'classesWithMultimedia'],
    );
    for (const bad of [null, {}, 'x', [1]]) issuesOf(() => connectivityCoverage(bad as never));
    expect(safeConnectivityCoverage(null as never).success).toBe(false);
  });
});

describe('securityPostCheck (7.1: a full-time security post at every school)', () => {
  it('0 staff is short by 1, 1 is met', () => {
    const r = securityPostCheck([{ id: 'A', fullTimeSecurityStaff: 0 }, { id: 'B', fullTimeSecurityStaff: 1 }, { id: 'C', fullTimeSecurityStaff: 3 }], { asOf: '2025-09-01' });
    expect(r).toMatchObject({ schools: 3, minimum: 1, withPost: 2, compliant: false });
    expect(r.withoutPost).toEqual([{ id: 'A', fullTimeSecurityStaff: 0, missing: 1 }]);
    expect(r.citations).toEqual(['7.1']); // the minimum of 1 is junheng's reading: no source cited
    expect(r.explanation.some((s) => s.message.en.includes('wellbeing.securityMinFullTimeStaff = 1') && s.message.en.includes('unverified'))).toBe(true);
  });
  it('every school with one: compliant', () => {
    expect(securityPostCheck([{ id: 'A', fullTimeSecurityStaff: 1 }], { asOf: '2025-09-01' }).compliant).toBe(true);
  });
  it('the minimum is a parameter', () => {
    const r = securityPostCheck([{ id: 'A', fullTimeSecurityStaff: 1 }, { id: 'B', fullTimeSecurityStaff: 2 }], { asOf: '2025-09-01', parameters: { wellbeing: { securityMinFullTimeStaff: 2 } } });
    expect(r.withoutPost).toEqual([{ id: 'A', fullTimeSecurityStaff: 1, missing: 1 }]);
    expectIssuesAt(() => securityPostCheck([{ id: 'A', fullTimeSecurityStaff: 1 }], { parameters: { wellbeing: { securityMinFullTimeStaff: -1 } } } as never), ['parameters', 'wellbeing', 'securityMinFullTimeStaff']);
  });
  it('bad input: fractions, strings, null, extra keys, repeats, an empty list', () => {
    expectIssuesAt(
      () => securityPostCheck([{ id: 'A', fullTimeSecurityStaff: 0.5 }, { id: 'B', fullTimeSecurityStaff: '1' }, { id: 'C', fullTimeSecurityStaff: null }, { id: 'D', fullTimeSecurityStaff: 1, guards: 2 }, { id: 'A', fullTimeSecurityStaff: 1 }] as never),
      [0, 'fullTimeSecurityStaff'], [1, 'fullTimeSecurityStaff'], [2, 'fullTimeSecurityStaff'], [3, 'guards'], [4, 'id'],
    );
    expectIssuesAt(() => securityPostCheck([]), []);
    expectIssuesAt(() => securityPostCheck([{ id: 'A', fullTimeSecurityStaff: 1 }], { asOf: '2017-05-22' }), ['asOf']); // before opinion.effectiveFrom
    for (const bad of [null, undefined, 'x', { id: 'A', fullTimeSecurityStaff: 1 }]) issuesOf(() => securityPostCheck(bad as never));
    expect(safeSecurityPostCheck(null as never).success).toBe(false);
  });
});

describe('coverage stays exact beyond the safe-integer range (internal)', () => {
  it('2^53 − 2 of 2^53 − 1 is short, though the float products compare equal, and is not shown as 100%', () => {
    const covered = 2 ** 53 - 2;
    const total = 2 ** 53 - 1;
    expect(covered * 10_000 >= 10_000 * total).toBe(true); // what a float comparison would say
    const c = coverageOf(covered, total, 10_000);
    expect(c.met).toBe(false);
    expect(coverageText(c)).not.toBe('100.00%');
    expect(coverageText(c).startsWith('99.99')).toBe(true);
    expect(coverageOf(total, total, 10_000).met).toBe(true);
  });
  it('a short coverage is printed with enough digits: 999,999 of 1,000,000 is 99.9999%', () => {
    expect(coverageText(coverageOf(999_999, 1_000_000, 10_000))).toBe('99.9999%');
    expect(coverageText(coverageOf(1, 3, 10_000))).toBe('33.33%');
  });
});
