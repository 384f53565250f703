import { describe, expect, it } from 'vitest';
import { classSizeReport, createClassSizeTally, safeClassSizeReport, type ClassInput } from '../../src/index.js';
import { expectIssuesAt, issuesOf, pathsOf } from '../core/helpers.js';

const AS_OF = '2025-09-01';

/**
 * A small district, counted by hand:
 * S1 (town 东镇, urban): primary 45 std, 46 over, 56 large, 66 super → 4 classes, large share 2/4
 * S2 (town 东镇, town):  junior 50 std, 51 over, 55 over → 3 classes, large share 0
 * S3 (town 西镇, rural): primary incomplete 30 std, 31 over; junior 65 large → 3 classes, 1/3
 * Overall: std 3, over 4, large 2, super 1 → total 10, large share 3/10.
 */
const ROSTER: ClassInput[] = [
  { id: '1-1', schoolId: 'S1', town: '东镇', location: 'urban', stage: 'primary', size: 45 },
  { id: '1-2', schoolId: 'S1', town: '东镇', location: 'urban', stage: 'primary', size: 46 },
  { id: '1-3', schoolId: 'S1', town: '东镇', location: 'urban', stage: 'primary', size: 56 },
  { id: '1-4', schoolId: 'S1', town: '东镇', location: 'urban', stage: 'primary', size: 66 },
  { id: '7-1', schoolId: 'S2', town: '东镇', location: 'town', stage: 'junior', size: 50 },
  { id: '7-2', schoolId: 'S2', town: '东镇', location: 'town', stage: 'junior', size: 51 },
  { id: '7-3', schoolId: 'S2', town: '东镇', location: 'town', stage: 'junior', size: 55 },
  { id: '1-1', schoolId: 'S3', town: '西镇', location: 'rural', stage: 'primary', size: 30, incomplete: true },
  { id: '1-2', schoolId: 'S3', town: '西镇', location: 'rural', stage: 'primary', size: 31, incomplete: true },
  { id: '7-1', schoolId: 'S3', town: '西镇', location: 'rural', stage: 'junior', size: 65 },
];

describe('classSizeReport: counts', () => {
  const r = classSizeReport(ROSTER, { asOf: AS_OF });

  it('counts every band', () => {
    expect(r.total).toBe(10);
    expect(r.byStatus).toEqual({ standard: 3, 'over-standard': 4, large: 2, 'super-large': 1 });
    expect(r.largeShare).toBe(0.3);
  });

  it('counts by stage', () => {
    // primary: 45 std, 46 over, 56 large, 66 super, 30 std (incomplete), 31 over (incomplete)
    expect(r.byStage.primary).toEqual({ total: 6, byStatus: { standard: 2, 'over-standard': 2, large: 1, 'super-large': 1 }, largeShare: 2 / 6 });
    // junior: 50 std, 51 over, 55 over, 65 large
    expect(r.byStage.junior).toEqual({ total: 4, byStatus: { standard: 1, 'over-standard': 2, large: 1, 'super-large': 0 }, largeShare: 0.25 });
  });

  it('groups by school and by town by default, in order of first appearance', () => {
    expect(r.groups.schoolId?.map((g) => [g.key, g.total, g.largeShare])).toEqual([
      ['S1', 4, 0.5],
      ['S2', 3, 0],
      ['S3', 3, 1 / 3],
    ]);
    expect(r.groups.town?.map((g) => [g.key, g.total, g.byStatus])).toEqual([
      ['东镇', 7, { standard: 2, 'over-standard': 3, large: 1, 'super-large': 1 }],
      ['西镇', 3, { standard: 1, 'over-standard': 1, large: 1, 'super-large': 0 }],
    ]);
    expect(Object.keys(r.groups)).toEqual(['schoolId', 'town']);
  });

  it('groups by any key asked, or none', () => {
    const byLocation = classSizeReport(ROSTER, { asOf: AS_OF, groupBy: 'location' });
    expect(Object.keys(byLocation.groups)).toEqual(['location']);
    expect(byLocation.groups.location?.map((g) => [g.key, g.total])).toEqual([['urban', 4], ['town', 3], ['rural', 3]]);
    const byStage = classSizeReport(ROSTER, { asOf: AS_OF, groupBy: ['stage', 'schoolId'] });
    expect(Object.keys(byStage.groups)).toEqual(['stage', 'schoolId']);
    expect(byStage.groups.stage?.map((g) => [g.key, g.total])).toEqual([['primary', 6], ['junior', 4]]);
    expect(classSizeReport(ROSTER, { asOf: AS_OF, groupBy: [] }).groups).toEqual({});
  });

  it('classes without the key form the group null', () => {
    const r2 = classSizeReport([{ stage: 'primary', size: 60 }, { schoolId: 'A', stage: 'primary', size: 40 }], { asOf: AS_OF, groupBy: 'schoolId' });
    expect(r2.groups.schoolId?.map((g) => [g.key, g.total, g.largeShare])).toEqual([[null, 1, 1], ['A', 1, 0]]);
  });

  it('group counts add up to the total', () => {
    for (const key of ['schoolId', 'town'] as const) {
      const groups = r.groups[key] ?? [];
      expect(groups.reduce((n, g) => n + g.total, 0)).toBe(r.total);
      for (const band of ['standard', 'over-standard', 'large', 'super-large'] as const) {
        expect(groups.reduce((n, g) => n + g.byStatus[band], 0)).toBe(r.byStatus[band]);
      }
    }
  });

  it('an empty roster: total 0, share 0', () => {
    const empty = classSizeReport([], { asOf: AS_OF });
    expect(empty).toMatchObject({ total: 0, largeShare: 0, byStatus: { standard: 0, 'over-standard': 0, large: 0, 'super-large': 0 } });
    expect(empty.groups).toEqual({ schoolId: [], town: [] });
    expect(empty.explanation.map((s) => s.message.en).join('\n')).toContain('(no classes: 0)');
  });

  it('cites 2.3 and the national sources', () => {
    expect(r.citations).toEqual(['2.3', 'gb-50099-2011', 'gf-2016-40']);
  });

  it('explains the counts and the share', () => {
    const text = r.explanation.map((s) => s.message.zh).join('\n');
    expect(text).toContain('共 10 个班：标准班额 3，超标准班额 4，大班额（56 人及以上）2，超大班额（66 人及以上）1');
    expect(text).toContain('3 ÷ 10 = 30.00%');
    expect(text).toContain('classes.largeClassDeadline = 2025-12-31');
  });
});

describe('classSizeReport: the deadline for 城镇 large classes (2.3)', () => {
  // Large classes: S1 56 (urban), S1 66 (urban), S3 65 (rural) → 2 in 城镇.
  it('before the deadline: days remaining, nothing overdue', () => {
    const d = classSizeReport(ROSTER, { asOf: '2025-09-01' }).deadline;
    // 2025-09-01 → 2025-12-31: 29 (rest of Sept) + 31 + 30 + 31 = 121 days
    expect(d).toEqual({ date: '2025-12-31', asOf: '2025-09-01', daysRemaining: 121, passed: false, urbanAndTownLarge: 2, largeWithoutLocation: 0, remainAfterDeadline: false });
  });

  it('on the deadline itself: 0 days, not passed (年底前 includes the last day)', () => {
    const d = classSizeReport(ROSTER, { asOf: '2025-12-31' }).deadline;
    expect(d.daysRemaining).toBe(0);
    expect(d.passed).toBe(false);
    expect(d.remainAfterDeadline).toBe(false);
  });

  it('the day after: passed, and urban/town large classes remain', () => {
    const d = classSizeReport(ROSTER, { asOf: '2026-01-01' }).deadline;
    expect(d).toMatchObject({ daysRemaining: -1, passed: true, urbanAndTownLarge: 2, remainAfterDeadline: true });
  });

  it('rural large classes do not count against the 城镇 deadline', () => {
    const rural = ROSTER.filter((c) => c.location === 'rural');
    const d = classSizeReport(rural, { asOf: '2026-06-01' }).deadline;
    expect(d).toMatchObject({ passed: true, urbanAndTownLarge: 0, remainAfterDeadline: false });
  });

  it('large classes without a location are counted apart', () => {
    const r = classSizeReport([{ stage: 'junior', size: 70 }, { stage: 'junior', size: 40 }], { asOf: '2026-06-01' });
    expect(r.deadline).toMatchObject({ urbanAndTownLarge: 0, largeWithoutLocation: 1, remainAfterDeadline: false });
    expect(r.explanation.map((s) => s.message.en).join('\n')).toContain('1 large classes give no location');
  });

  it('the deadline is a dated parameter: an override moves it', () => {
    const d = classSizeReport(ROSTER, { asOf: '2025-09-01', parameters: { classes: { largeClassDeadline: '2020-12-31' } } }).deadline;
    // 2020-12-31 → 2024-12-31: 365·3 + 366 = 1461; → 2025-08-31: 31+28+31+30+31+30+31+31 = 243; → 09-01: 1 → 1705
    expect(d).toMatchObject({ date: '2020-12-31', daysRemaining: -1705, passed: true, remainAfterDeadline: true });
  });

  it('a Date works as an override', () => {
    const d = classSizeReport([], { asOf: '2025-12-30', parameters: { classes: { largeClassDeadline: new Date(2025, 11, 31) } } }).deadline;
    expect(d.daysRemaining).toBe(1);
  });

  it('refuses a bad deadline', () => {
    expectIssuesAt(() => classSizeReport([], { asOf: AS_OF, parameters: { classes: { largeClassDeadline: '2025-13-01' } } }), ['parameters', 'classes', 'largeClassDeadline']);
    expectIssuesAt(() => classSizeReport([], { asOf: AS_OF, parameters: { classes: { largeClassDeadline: 2025 as never } } }), ['parameters', 'classes', 'largeClassDeadline']);
  });
});

describe('classSizeReport: bad input', () => {
  it('names every bad row with its index and field', () => {
    const issues = issuesOf(() =>
      classSizeReport(
        [
          { stage: 'primary', size: 40 },
          { stage: 'primary', size: -1 },
          { stage: 'middle', size: 40 },
          { stage: 'junior', size: 40, incomplete: true },
          null,
          { stage: 'primary', size: 40, colour: 'red' },
        ] as never,
        { asOf: AS_OF },
      ),
    );
    expect(pathsOf(issues)).toEqual(['[1,"size"]', '[2,"stage"]', '[3,"incomplete"]', '[4]', '[5,"colour"]']);
  });

  it.each([null, undefined, 'classes', 3, {}])('not a list: %j', (input) => {
    const issues = issuesOf(() => classSizeReport(input as never, { asOf: AS_OF }));
    expect(pathsOf(issues)).toContain('[]');
  });

  it('bad groupBy, bad options', () => {
    expectIssuesAt(() => classSizeReport([], { asOf: AS_OF, groupBy: 'county' as never }), ['groupBy']);
    expectIssuesAt(() => classSizeReport([], { asOf: AS_OF, groupBy: ['town', 'town'] }), ['groupBy', 1]);
    expectIssuesAt(() => classSizeReport([], { asOf: AS_OF, groupBy: ['town', 7] as never }), ['groupBy', 1]);
    expectIssuesAt(() => classSizeReport([], { asOf: '2025-9-1' }), ['asOf']);
    expectIssuesAt(() => classSizeReport([], { asOf: AS_OF, colour: 1 } as never), ['colour']);
    expectIssuesAt(() => classSizeReport([], null as never), ['options']);
  });

  it('before the thresholds are known: an issue on asOf', () => {
    expectIssuesAt(() => classSizeReport([], { asOf: '2016-01-01' }), ['asOf']);
  });

  it('safe form', () => {
    expect(safeClassSizeReport([{ stage: 'primary', size: 1.5 }], { asOf: AS_OF }).success).toBe(false);
    expect(safeClassSizeReport([], { asOf: AS_OF }).success).toBe(true);
  });
});

describe('createClassSizeTally: the streaming form', () => {
  it('gives the same report as the list, class by class', () => {
    const tally = createClassSizeTally({ asOf: AS_OF, groupBy: ['town', 'stage'] });
    for (const c of ROSTER) expect(tally.add(c)).toBe(true);
    expect(tally.count).toBe(10);
    const streamed = tally.result();
    const listed = classSizeReport(ROSTER, { asOf: AS_OF, groupBy: ['town', 'stage'] });
    expect(JSON.parse(JSON.stringify(streamed))).toEqual(JSON.parse(JSON.stringify(listed)));
  });

  it('keeps the issues of invalid classes at their index, and refuses a result', () => {
    const tally = createClassSizeTally({ asOf: AS_OF });
    expect(tally.add({ stage: 'primary', size: 40 })).toBe(true);
    expect(tally.add({ stage: 'primary', size: 40.5 })).toBe(false);
    expect(tally.add('x')).toBe(false);
    expect(tally.add({ stage: 'junior', size: 70 })).toBe(true);
    expect(pathsOf(tally.issues)).toEqual(['[1,"size"]', '[2]']);
    expect(pathsOf(issuesOf(() => tally.result()))).toEqual(['[1,"size"]', '[2]']);
  });

  it('bad options throw at once', () => {
    expectIssuesAt(() => createClassSizeTally({ asOf: '2025-13-01' }), ['asOf']);
    expectIssuesAt(() => createClassSizeTally({ groupBy: 'county' as never }), ['groupBy']);
  });
});
