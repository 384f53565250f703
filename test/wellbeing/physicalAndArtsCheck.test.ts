import { describe, expect, it } from 'vitest';
import { listParameters, physicalAndArtsCheck, safePhysicalAndArtsCheck, type PhysicalAndArtsInput } from '../../src/index.js';
import { expectIssuesAt, issueAt, issuesOf } from '../core/helpers.js';

const AS_OF = { asOf: '2025-09-01' };
const school = (over: Partial<PhysicalAndArtsInput> = {}): PhysicalAndArtsInput => ({
  id: 'CX01',
  dailyExerciseMinutes: 60,
  healthMonitoring: { lastDone: '2025-03-10' },
  artsAssessment: { assessed: 1000, pupils: 1000 },
  ...over,
});

describe('physicalAndArtsCheck: one hour of daily exercise (3.2, 一小时 inclusive)', () => {
  it('60 minutes is met, 59 is one minute short', () => {
    expect(physicalAndArtsCheck(school(), AS_OF).exercise).toEqual({ minutes: 60, requiredMinutes: 60, met: true, shortfall: 0 });
    expect(physicalAndArtsCheck(school({ dailyExerciseMinutes: 59 }), AS_OF).exercise).toEqual({ minutes: 59, requiredMinutes: 60, met: false, shortfall: 1 });
    expect(physicalAndArtsCheck(school({ dailyExerciseMinutes: 0 }), AS_OF).exercise.shortfall).toBe(60);
    expect(physicalAndArtsCheck(school({ dailyExerciseMinutes: 90 }), AS_OF).exercise).toMatchObject({ met: true, shortfall: 0 });
  });
  it('the requirement is a parameter: 70 minutes makes 60 short by 10', () => {
    const r = physicalAndArtsCheck(school(), { ...AS_OF, parameters: { wellbeing: { dailyExerciseMinutes: 70 } } });
    expect(r.exercise).toMatchObject({ requiredMinutes: 70, met: false, shortfall: 10 });
    expect(r.compliant).toBe(false);
  });
  it('refuses fractions, negatives and more than a day', () => {
    expectIssuesAt(() => physicalAndArtsCheck(school({ dailyExerciseMinutes: 59.5 }), AS_OF), ['dailyExerciseMinutes']);
    expectIssuesAt(() => physicalAndArtsCheck(school({ dailyExerciseMinutes: -1 }), AS_OF), ['dailyExerciseMinutes']);
    expectIssuesAt(() => physicalAndArtsCheck(school({ dailyExerciseMinutes: 1441 }), AS_OF), ['dailyExerciseMinutes']);
    expect(physicalAndArtsCheck(school({ dailyExerciseMinutes: 1440 }), AS_OF).exercise.met).toBe(true);
  });
});

describe('physicalAndArtsCheck: annual health monitoring (3.2, 每年)', () => {
  const monitored = (lastDone: string | null, asOf: string, period?: 'rolling-12-months' | 'calendar-year') =>
    physicalAndArtsCheck(school({ healthMonitoring: { lastDone } }), { asOf, ...(period === undefined ? {} : { parameters: { wellbeing: { healthMonitoringPeriod: period } } }) }).healthMonitoring;

  it('rolling 12 months (default): due by the anniversary, which still counts; the next day is 1 day overdue', () => {
    expect(monitored('2024-09-01', '2025-09-01')).toEqual({ lastDone: '2024-09-01', period: 'rolling-12-months', dueBy: '2025-09-01', met: true, daysOverdue: 0 });
    expect(monitored('2024-09-01', '2025-09-02')).toMatchObject({ met: false, daysOverdue: 1 });
    // 2025-09-01 → 2025-12-31 is 121 days
    expect(monitored('2024-09-01', '2025-12-31').daysOverdue).toBe(121);
  });
  it('a monitoring on 29 February is due by 28 February of the next year', () => {
    expect(monitored('2024-02-29', '2025-02-28')).toMatchObject({ dueBy: '2025-02-28', met: true });
    expect(monitored('2024-02-29', '2025-03-01')).toMatchObject({ met: false, daysOverdue: 1 });
  });
  it('calendar year: due by 31 December of the following year', () => {
    expect(monitored('2024-01-05', '2025-12-31', 'calendar-year')).toMatchObject({ period: 'calendar-year', dueBy: '2025-12-31', met: true });
    expect(monitored('2024-01-05', '2026-01-01', 'calendar-year')).toMatchObject({ met: false, daysOverdue: 1 });
    // The same dates under the rolling reading: 2024-01-05 + 1 year = 2025-01-05 < 2025-12-31
    expect(monitored('2024-01-05', '2025-12-31').met).toBe(false);
  });
  it('never monitored (null) is not met, with no due date', () => {
    expect(monitored(null, '2025-09-01')).toEqual({ lastDone: null, period: 'rolling-12-months', dueBy: null, met: false, daysOverdue: 0 });
  });
  it('a Date is read by its calendar date', () => {
    expect(physicalAndArtsCheck(school({ healthMonitoring: { lastDone: new Date(2024, 8, 1) } }), AS_OF).healthMonitoring.dueBy).toBe('2025-09-01');
  });
  it('a monitoring after asOf, or an impossible date, is an input error', () => {
    const issues = expectIssuesAt(() => physicalAndArtsCheck(school({ healthMonitoring: { lastDone: '2025-09-02' } }), AS_OF), ['healthMonitoring', 'lastDone']);
    expect(issueAt(issues, ['healthMonitoring', 'lastDone']).code).toBe('inconsistent');
    for (const bad of ['2025-02-30', '2025-13-01', '2025-9-1', '', 'yesterday', new Date(Number.NaN)]) {
      expect(issueAt(issuesOf(() => physicalAndArtsCheck(school({ healthMonitoring: { lastDone: bad } }), AS_OF)), ['healthMonitoring', 'lastDone']).code).toBe('invalid_value');
    }
    // lastDone is required: missing is not "never"
    expectIssuesAt(() => physicalAndArtsCheck(school({ healthMonitoring: {} as never }), AS_OF), ['healthMonitoring', 'lastDone']);
  });
});

describe('physicalAndArtsCheck: arts-assessment coverage (3.2, 100% by 2025)', () => {
  const arts = (assessed: number, pupils: number, asOf = '2025-09-01') => physicalAndArtsCheck(school({ artsAssessment: { assessed, pupils } }), { asOf }).arts;

  it('100% is met; 999 of 1000 (99.9%) and 999,999 of 1,000,000 are short', () => {
    expect(arts(1000, 1000)).toMatchObject({ covered: 1000, total: 1000, coverage: 1, target: 1, met: true });
    expect(arts(999, 1000)).toMatchObject({ coverage: 0.999, met: false });
    expect(arts(999_999, 1_000_000).met).toBe(false);
  });
  it('the explanation never shows a short coverage as 100%', () => {
    const r = physicalAndArtsCheck(school({ artsAssessment: { assessed: 999_999, pupils: 1_000_000 } }), AS_OF);
    const text = r.explanation.map((s) => s.message.en).join('\n');
    expect(text).toContain('99.9999%');
    expect(text).toContain('999999 × 10000 < 10000 × 1000000');
  });
  it('an overridden target of 99.5% is met exactly at 995 of 1000 and not at 994', () => {
    const options = { asOf: '2025-09-01', parameters: { wellbeing: { artsCoverageTarget: 0.995 } } };
    expect(physicalAndArtsCheck(school({ artsAssessment: { assessed: 995, pupils: 1000 } }), options).arts.met).toBe(true);
    expect(physicalAndArtsCheck(school({ artsAssessment: { assessed: 994, pupils: 1000 } }), options).arts.met).toBe(false);
  });
  it('0 pupils is nothing to cover', () => {
    expect(arts(0, 0)).toMatchObject({ coverage: 1, met: true });
  });
  it('the deadline 2025-12-31 is inclusive; short after it is reported', () => {
    expect(arts(999, 1000, '2025-12-31')).toMatchObject({ deadline: { date: '2025-12-31', daysRemaining: 0, passed: false }, shortAfterDeadline: false });
    expect(arts(999, 1000, '2026-01-01')).toMatchObject({ deadline: { daysRemaining: -1, passed: true }, shortAfterDeadline: true });
    expect(arts(1000, 1000, '2026-01-01').shortAfterDeadline).toBe(false);
  });
  it('assessed above pupils is an input error', () => {
    const issues = expectIssuesAt(() => arts(1001, 1000), ['artsAssessment', 'assessed']);
    expect(issueAt(issues, ['artsAssessment', 'assessed']).provision).toBe('3.2');
  });
});

describe('physicalAndArtsCheck: the whole result', () => {
  it('complies when all three are met; cites 3.2; explains each in both languages', () => {
    const r = physicalAndArtsCheck(school(), AS_OF);
    expect(r.compliant).toBe(true);
    expect(r.id).toBe('CX01');
    expect(r.citations).toEqual(['3.2']);
    const zh = r.explanation.map((s) => s.message.zh).join('\n');
    expect(zh).toContain('每天在校锻炼 60 分钟 ≥ 60 分钟');
    expect(zh).toContain('下次应不晚于 2026-03-10');
    expect(zh).toContain('1000 ÷ 1000 = 100.00%');
    expect(r.explanation.some((s) => s.message.en.includes('wellbeing.healthMonitoringPeriod = rolling-12-months') && s.message.en.includes('unverified'))).toBe(true);
  });
  it('fails when any one fails, and says which', () => {
    const r = physicalAndArtsCheck(school({ healthMonitoring: { lastDone: null } }), AS_OF);
    expect(r.compliant).toBe(false);
    expect(r.explanation.at(-1)?.message.en).toBe('CX01: not met: annual health monitoring');
  });
  it('the parameters are listed with their dates and sources', () => {
    const listed = listParameters(AS_OF).filter((p) => p.path.startsWith('wellbeing.'));
    expect(listed.map((p) => p.path)).toEqual([
      'wellbeing.dailyExerciseMinutes', 'wellbeing.healthMonitoringPeriod', 'wellbeing.artsCoverageTarget', 'wellbeing.artsCoverageDeadline',
      'wellbeing.parentSchoolHubTarget', 'wellbeing.parentSchoolHubDeadline', 'wellbeing.securityMinFullTimeStaff',
    ]);
    // From the opinion's date, opinion.effectiveFrom (issue 9: 2017-05-23, was 2016-07-02); an opinion value has no horizon.
    expect(listed[0]).toEqual({ path: 'wellbeing.dailyExerciseMinutes', value: 60, effectiveFrom: '2017-05-23', source: 'opinion', confidence: 'verified', fromParameter: 'opinion.effectiveFrom', stale: false });
  });
  it('before the opinion (opinion.effectiveFrom, 2017-05-23) there is no value: an error on asOf', () => {
    const issues = expectIssuesAt(() => physicalAndArtsCheck(school({ healthMonitoring: { lastDone: '2016-01-01' } }), { asOf: '2017-05-22' }), ['asOf']);
    expect(issueAt(issues, ['asOf']).code).toBe('no_value_on_date');
  });
  it('bad inputs of every kind give PolicyInputError with paths', () => {
    for (const bad of [null, undefined, 'school', 42, [], {}, new Date()]) issuesOf(() => physicalAndArtsCheck(bad as never, AS_OF));
    expectIssuesAt(() => physicalAndArtsCheck({ ...school(), pupils: 3 } as never, AS_OF), ['pupils']);
    expectIssuesAt(() => physicalAndArtsCheck({ ...school(), id: null } as never, AS_OF), ['id']);
    expectIssuesAt(() => physicalAndArtsCheck(school({ artsAssessment: { assessed: '5', pupils: null } as never }), AS_OF), ['artsAssessment', 'assessed'], ['artsAssessment', 'pupils']);
    expectIssuesAt(() => physicalAndArtsCheck(school({ artsAssessment: { assessed: 1, pupils: 2, extra: 3 } as never }), AS_OF), ['artsAssessment', 'extra']);
    expectIssuesAt(() => physicalAndArtsCheck(school({ dailyExerciseMinutes: Number.NaN }), AS_OF), ['dailyExerciseMinutes']);
    expectIssuesAt(() => physicalAndArtsCheck(school({ dailyExerciseMinutes: Number.POSITIVE_INFINITY }), AS_OF), ['dailyExerciseMinutes']);
    expectIssuesAt(() => physicalAndArtsCheck(JSON.parse('{"__proto__": {"x": 1}, "dailyExerciseMinutes": 60, "healthMonitoring": {"lastDone": null}, "artsAssessment": {"assessed": 0, "pupils": 0}}'), AS_OF), ['__proto__']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
  it('bad options are reported under their own names, together with bad input', () => {
    expectIssuesAt(() => physicalAndArtsCheck(school({ dailyExerciseMinutes: -5 }), { asOf: '2025-02-30' } as never), ['dailyExerciseMinutes'], ['asOf']);
    expectIssuesAt(() => physicalAndArtsCheck(school(), { asOf: '2025-09-01', parameters: { wellbeing: { healthMonitoringPeriod: 'school-year' } } } as never), ['parameters', 'wellbeing', 'healthMonitoringPeriod']);
    expectIssuesAt(() => physicalAndArtsCheck(school(), { asOf: '2025-09-01', parameters: { wellbeing: { artsCoverageTarget: 1.5 } } } as never), ['parameters', 'wellbeing', 'artsCoverageTarget']);
    expectIssuesAt(() => physicalAndArtsCheck(school(), { asOf: '2025-09-01', parameters: { wellbeing: { artsTarget: 1 } } } as never), ['parameters', 'wellbeing', 'artsTarget']);
    expectIssuesAt(() => physicalAndArtsCheck(school(), null as never), ['options']);
  });
  it('the safe form returns the error instead of throwing', () => {
    const r = safePhysicalAndArtsCheck(null as never);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.path).toEqual([]);
    const ok = safePhysicalAndArtsCheck(school(), AS_OF);
    expect(ok.success && ok.data.compliant).toBe(true);
  });
});
