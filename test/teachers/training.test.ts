import { describe, expect, it } from 'vitest';
import {
  createTrainingTally,
  PolicyInputError,
  safeTrainingCompliance,
  trainingCompliance,
  trainingReport,
  type Teacher,
} from '../../src/index.js';
import { expectIssuesAt, issuesOf } from '../core/helpers.js';

/**
 * Defaults (opinion 4.2): 360 hours (不少于: at least, inclusive) in 5-year cycles anchored on
 * 2021-01-01: … 2016-01-01…2020-12-31, 2021-01-01…2025-12-31, 2026-01-01…2030-12-31 …
 * Mid-cycle hires: ceil(360 × months ÷ 60) = 6 hours a month, months from the first full month.
 */
const teacher = (training: Teacher['training'], extra: Partial<Teacher> = {}): Teacher => ({ id: 'T', training, ...extra });
const at = (date: string, hours: number) => ({ date, hours });

describe('trainingCompliance: the cycle containing asOf', () => {
  const cases: Array<[string, string, string]> = [
    ['2021-01-01', '2021-01-01', '2025-12-31'], // first day of a cycle
    ['2025-12-31', '2021-01-01', '2025-12-31'], // last day, inclusive
    ['2026-01-01', '2026-01-01', '2030-12-31'], // next cycle starts the next day
    ['2020-12-31', '2016-01-01', '2020-12-31'], // earlier cycle by the same anchor
    ['2030-12-31', '2026-01-01', '2030-12-31'],
    ['2024-02-29', '2021-01-01', '2025-12-31'], // a leap day is a real date
  ];
  it.each(cases)('asOf %s → %s … %s', (asOf, start, end) => {
    expect(trainingCompliance(teacher([]), { asOf }).cycle).toEqual({ start, end });
  });
});

describe('trainingCompliance: which records count', () => {
  it('counts the first and last day of the cycle, not the day before or after', () => {
    const r = trainingCompliance(
      teacher([at('2020-12-31', 100), at('2021-01-01', 180), at('2025-12-31', 180), at('2026-01-01', 100)]),
      { asOf: '2025-12-31' },
    );
    expect(r.completedHours).toBe(360); // 180 + 180
    expect(r.compliant).toBe(true); // exactly 360 is met
    expect(r.shortfall).toBe(0);
  });

  it('the same records seen from 2026-01-01 fall in the next cycle', () => {
    const r = trainingCompliance(teacher([at('2025-12-31', 180), at('2026-01-01', 100)]), { asOf: '2026-01-01' });
    expect(r.cycle.start).toBe('2026-01-01');
    expect(r.completedHours).toBe(100);
    expect(r.shortfall).toBe(260); // 360 − 100
  });

  it('leaves out records dated after asOf', () => {
    const r = trainingCompliance(teacher([at('2023-06-30', 200), at('2023-07-01', 160)]), { asOf: '2023-06-30' });
    expect(r.completedHours).toBe(200); // the 2023-07-01 record is after asOf
    // Mid-cycle a shortfall is progress (issue 9): in progress and compliant; it was `false` before.
    expect(r.status).toBe('in-progress');
    expect(r.compliant).toBe(true);
    expect(r.shortfall).toBe(160);
    const last = r.explanation.at(-2);
    expect(last?.values?.['afterAsOf']).toBe(1);
  });

  it('359.9 hours is short by 0.1; 359.9 + 0.1 is exactly 360 (tenths, no float drift)', () => {
    expect(trainingCompliance(teacher([at('2022-01-01', 359.9)]), { asOf: '2025-12-31' })).toMatchObject({ status: 'not-met', compliant: false, shortfall: 0.1 });
    // In floats 0.1 × 3600 summed drifts; in tenths it is exactly 3600 tenths.
    const many = Array.from({ length: 3600 }, (_, i) => at(`2022-01-${String((i % 28) + 1).padStart(2, '0')}`, 0.1));
    const r = trainingCompliance(teacher(many), { asOf: '2025-12-31' });
    expect(r.completedHours).toBe(360);
    expect(r.compliant).toBe(true);
  });

  it('accepts Date objects for dates (their local calendar day)', () => {
    const r = trainingCompliance(teacher([{ date: new Date(2022, 4, 1), hours: 360 }]), { asOf: new Date(2025, 11, 31) });
    expect(r.compliant).toBe(true);
  });
});

describe('trainingCompliance: status (issue 9: not-met only once the cycle is over)', () => {
  it('hand-worked: 300 hours in mid-2024 (cycle 2021–2025) is in progress and compliant', () => {
    const r = trainingCompliance(teacher([at('2022-06-01', 180), at('2024-03-01', 120)]), { asOf: '2024-06-30' });
    expect(r.cycle).toEqual({ start: '2021-01-01', end: '2025-12-31' });
    expect(r.completedHours).toBe(300);
    expect(r.status).toBe('in-progress');
    expect(r.compliant).toBe(true);
    expect(r.shortfall).toBe(60);
    const en = r.explanation.map((s) => s.message.en).join('\n');
    expect(en).toContain('in progress, not a breach');
  });

  it('the same hours on the cycle\'s last day are not met; the day before still in progress', () => {
    const t = teacher([at('2022-06-01', 300)]);
    expect(trainingCompliance(t, { asOf: '2025-12-30' })).toMatchObject({ status: 'in-progress', compliant: true });
    expect(trainingCompliance(t, { asOf: '2025-12-31' })).toMatchObject({ status: 'not-met', compliant: false, shortfall: 60 });
  });

  it('met mid-cycle is met', () => {
    expect(trainingCompliance(teacher([at('2022-06-01', 360)]), { asOf: '2023-01-01' })).toMatchObject({ status: 'met', compliant: true });
  });
});

describe('trainingCompliance: options.cycle', () => {
  const t = teacher([at('2019-05-01', 360), at('2022-06-01', 300)]);
  it("'containing' (default) is the cycle of asOf", () => {
    expect(trainingCompliance(t, { asOf: '2024-06-30', cycle: 'containing' })).toMatchObject({ cycle: { start: '2021-01-01', end: '2025-12-31' }, status: 'in-progress' });
  });
  it("'last-completed' is the latest cycle ended on asOf: the one before, or the containing one on its last day", () => {
    const mid = trainingCompliance(t, { asOf: '2024-06-30', cycle: 'last-completed' });
    expect(mid.cycle).toEqual({ start: '2016-01-01', end: '2020-12-31' });
    expect(mid).toMatchObject({ completedHours: 360, status: 'met', compliant: true });
    const last = trainingCompliance(t, { asOf: '2025-12-31', cycle: 'last-completed' });
    expect(last.cycle).toEqual({ start: '2021-01-01', end: '2025-12-31' });
    expect(last).toMatchObject({ completedHours: 300, status: 'not-met', compliant: false });
  });
  it("a completed cycle counts records up to its own end, not up to asOf", () => {
    const r = trainingCompliance(teacher([at('2020-06-01', 200), at('2021-02-01', 200)]), { asOf: '2021-06-30', cycle: 'last-completed' });
    expect(r.completedHours).toBe(200);
    expect(r.status).toBe('not-met');
    expect(r.explanation.at(-2)?.values?.['afterAsOf']).toBe(1);
  });
  it('a teacher employed after the completed cycle ended owes nothing for it', () => {
    const r = trainingCompliance(teacher([], { employedSince: '2021-09-01' }), { asOf: '2024-06-30', cycle: 'last-completed' });
    expect(r).toMatchObject({ requiredHours: 0, status: 'met', compliant: true });
    const full = trainingCompliance(teacher([], { employedSince: '2021-09-01' }), { asOf: '2024-06-30', cycle: 'last-completed', parameters: { teachers: { training: { midCycleHires: 'full' } } } });
    expect(full.requiredHours).toBe(0);
  });
  it('rejects an unknown cycle choice, on its option path', () => {
    expectIssuesAt(() => trainingCompliance(t, { asOf: '2024-06-30', cycle: 'previous' as never }), ['cycle']);
  });
});

describe('trainingCompliance: teachers employed mid-cycle (pro rata by whole months, default)', () => {
  const owed = (employedSince: string, asOf = '2025-12-31', parameters?: object) =>
    trainingCompliance(teacher([], { employedSince }), { asOf, ...(parameters === undefined ? {} : { parameters }) }).requiredHours;

  it('employed before or on the first day of the cycle: the full 360', () => {
    expect(owed('2010-09-01')).toBe(360);
    expect(owed('2021-01-01')).toBe(360);
  });
  it('employed on the 1st of a month: that month counts', () => {
    expect(owed('2021-02-01')).toBe(354); // 59 months × 6
    expect(owed('2025-12-01')).toBe(6); // December 2025 only
  });
  it('employed mid-month: from the next month', () => {
    expect(owed('2021-01-02')).toBe(354); // February 2021 … December 2025 = 59 months
    expect(owed('2023-03-15', '2025-06-30')).toBe(198); // April 2023 … December 2025 = 33 months × 6
    expect(owed('2025-12-02')).toBe(0); // no full month left in the cycle
  });
  it("'full' asks the whole 360", () => {
    expect(owed('2025-12-02', '2025-12-31', { teachers: { training: { midCycleHires: 'full' } } })).toBe(360);
  });
  it('rounds up to a whole hour when the share is not whole (requiredHours overridden to 100)', () => {
    // 100 × 33 ÷ 60 = 55 exactly; 100 × 1 ÷ 60 = 1.67 → 2
    expect(owed('2023-03-15', '2025-06-30', { teachers: { training: { requiredHours: 100 } } })).toBe(55);
    expect(owed('2025-12-01', '2025-12-31', { teachers: { training: { requiredHours: 100 } } })).toBe(2);
  });
  it('employedSince after asOf is an input error on employedSince', () => {
    expectIssuesAt(() => trainingCompliance(teacher([], { employedSince: '2026-01-01' }), { asOf: '2025-12-31' }), ['employedSince']);
  });
});

describe('trainingCompliance: parameters', () => {
  it('a cycle anchor on 2022-09-01 gives cycles 2022-09-01 … 2027-08-31', () => {
    const r = trainingCompliance(teacher([]), { asOf: '2025-01-01', parameters: { teachers: { training: { cycleAnchor: '2022-09-01' } } } });
    expect(r.cycle).toEqual({ start: '2022-09-01', end: '2027-08-31' });
  });
  it('rejects an anchor that is not the 1st of a month, and a cycle of 0 years', () => {
    expectIssuesAt(
      () => trainingCompliance(teacher([]), { asOf: '2025-01-01', parameters: { teachers: { training: { cycleAnchor: '2022-09-15', cycleYears: 0 } } } }),
      ['parameters', 'teachers', 'training', 'cycleYears'],
      ['parameters', 'teachers', 'training', 'cycleAnchor'],
    );
  });
  it('an asOf before the opinion (opinion.effectiveFrom, 2017-05-23) is an error on asOf', () => {
    expectIssuesAt(() => trainingCompliance(teacher([]), { asOf: '2017-05-22' }), ['asOf']);
  });
});

describe('trainingCompliance: bad input', () => {
  it('names invalid calendar dates, two-decimal hours, negative and huge hours, unknown keys', () => {
    const issues = expectIssuesAt(
      () =>
        trainingCompliance(
          { id: 'T', training: [at('2022-02-30', 1), at('2022-01-01', 1.25), at('2022-01-01', -1), at('2022-01-01', 1001), { date: '2022-01-01', hours: 1, note: 'x' } as never] },
          { asOf: '2025-12-31' },
        ),
      ['training', 0, 'date'],
      ['training', 1, 'hours'],
      ['training', 2, 'hours'],
      ['training', 3, 'hours'],
      ['training', 4, 'note'],
    );
    expect(issues).toHaveLength(5);
  });
  const bad: Array<[string, unknown]> = [
    ['null', null],
    ['a number', 5],
    ['an empty id', { id: '', training: [] }],
    ['no training list', { id: 'T' }],
    ['training null', { id: 'T', training: null }],
    ['hours as text', { id: 'T', training: [{ date: '2022-01-01', hours: '5' }] }],
    ['NaN hours', { id: 'T', training: [{ date: '2022-01-01', hours: Number.NaN }] }],
    ['Infinity hours', { id: 'T', training: [{ date: '2022-01-01', hours: Number.POSITIVE_INFINITY }] }],
    ['an invalid Date', { id: 'T', training: [{ date: new Date('x'), hours: 1 }] }],
    ['a __proto__ key', JSON.parse('{"id":"T","training":[],"__proto__":{"x":1}}')],
    ['employedSince 2021-02-29', { id: 'T', employedSince: '2021-02-29', training: [] }],
  ];
  it.each(bad)('%s → PolicyInputError', (_, input) => {
    issuesOf(() => trainingCompliance(input as Teacher, { asOf: '2025-12-31' }));
  });
  it('safeTrainingCompliance returns the error', () => {
    const r = safeTrainingCompliance(null as never, { asOf: '2025-12-31' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error).toBeInstanceOf(PolicyInputError);
  });
  it('reports bad options and a bad teacher together', () => {
    expectIssuesAt(() => trainingCompliance({ id: 'T', training: 3 } as never, { asOf: '2022-02-30' }), ['asOf'], ['training']);
  });
});

describe('trainingCompliance: result shape and explanation', () => {
  it('cites 4.2 and explains each step in both languages', () => {
    const r = trainingCompliance(teacher([at('2022-01-01', 100)], { employedSince: '2023-03-15' }), { asOf: '2025-06-30' });
    expect(r.citations).toEqual(['4.2']);
    const en = r.explanation.map((s) => s.message.en).join('\n');
    expect(en).toContain('33 whole months');
    expect(en).toContain('360 × 33 ÷ 60 = 198');
    expect(en).toContain('98 hours short');
    for (const s of r.explanation) expect(s.message.zh.length).toBeGreaterThan(0);
    // Issue 11: JSON leaves the (non-enumerable) explanation out and keeps the data.
    expect(JSON.parse(JSON.stringify(r))).not.toHaveProperty('explanation');
    expect(JSON.parse(JSON.stringify(r))).toMatchObject({ teacherId: r.teacherId, shortfall: r.shortfall, citations: ['4.2'] });
  });
});

describe('trainingReport and createTrainingTally', () => {
  const roster: Teacher[] = [
    { id: 'A', training: [at('2022-05-01', 360)] },
    { id: 'B', training: [at('2022-05-01', 359.9)] },
    { id: 'C', employedSince: '2025-12-15', training: [] }, // no full month left: owes 0, compliant
  ];
  it('gives per-teacher results, the exact completion fraction, and the G9 check', () => {
    const r = trainingReport(roster, { asOf: '2025-12-31' });
    expect(r.teachers.map((t) => t.compliant)).toEqual([true, false, true]);
    expect(r.teachers.map((t) => t.status)).toEqual(['met', 'not-met', 'met']);
    expect(r).toMatchObject({ met: 2, inProgress: 0, notMet: 1, compliant: 2 });
    expect(r.completion).toEqual({ numerator: 2, denominator: 3 });
    expect(r.completionRate).toBe(2 / 3);
    expect(r.fullCompletion).toBe(false);
    expect(r.citations).toEqual(['4.2', 'jiaodu-2017-6']);
    expect(r.explanation.at(-1)?.message.en).toContain('2 ÷ 3');
  });
  it('100 % completion meets G9; an empty roster does not (reason no-teachers)', () => {
    expect(trainingReport([roster[0] as Teacher], { asOf: '2025-12-31' }).fullCompletion).toBe(true);
    const empty = trainingReport([], { asOf: '2025-12-31' });
    expect(empty).toMatchObject({ total: 0, completionRate: 0, fullCompletion: false, reason: 'no-teachers' });
  });
  it('rejects repeated ids and names every bad row', () => {
    const issues = expectIssuesAt(
      () => trainingReport([roster[0] as Teacher, { id: 'X', training: [at('2022-13-01', 1)] }, roster[0] as Teacher], { asOf: '2025-12-31' }),
      [1, 'training', 0, 'date'],
      [2, 'id'],
    );
    expect(issues.find((i) => i.path[0] === 2)?.related).toEqual([0, 'id']);
    issuesOf(() => trainingReport('x' as never));
  });
  it('the tally agrees with the report and keeps counting after a bad teacher', () => {
    const tally = createTrainingTally({ asOf: '2025-12-31' });
    const results = roster.map((t) => tally.add(t));
    expect(results.map((r) => r.shortfall)).toEqual([0, 0.1, 0]);
    const issues = issuesOf(() => tally.add({ id: 'Z', training: [at('2022-02-30', 1)] }));
    expect(issues[0]?.path).toEqual([3, 'training', 0, 'date']);
    expect(tally.offered).toBe(4);
    const s = tally.summary();
    expect(s.completion).toEqual({ numerator: 2, denominator: 3 });
    expect(s.cycle).toEqual(tally.cycle);
  });
  it('createTrainingTally rejects bad options at once', () => {
    expectIssuesAt(() => createTrainingTally({ asOf: 'soon' }), ['asOf']);
    expectIssuesAt(() => createTrainingTally({ asOf: '2025-12-31', cycle: 'next' as never }), ['cycle']);
  });
  it('mid-cycle: compliant counts those in progress; completion counts only those who met the hours', () => {
    const r = trainingReport(roster.slice(0, 2), { asOf: '2024-06-30' });
    expect(r.teachers.map((t) => t.status)).toEqual(['met', 'in-progress']);
    expect(r).toMatchObject({ total: 2, met: 1, inProgress: 1, notMet: 0, compliant: 2, fullCompletion: false });
    expect(r.completion).toEqual({ numerator: 1, denominator: 2 });
  });
  it('the report and the tally take options.cycle the same way', () => {
    const asOf = '2024-06-30';
    const old: Teacher[] = [{ id: 'A', training: [at('2018-01-01', 360)] }, { id: 'B', training: [at('2018-01-01', 100)] }];
    const r = trainingReport(old, { asOf, cycle: 'last-completed' });
    expect(r.cycle).toEqual({ start: '2016-01-01', end: '2020-12-31' });
    expect(r).toMatchObject({ met: 1, inProgress: 0, notMet: 1, compliant: 1 });
    const tally = createTrainingTally({ asOf, cycle: 'last-completed' });
    for (const t of old) tally.add(t);
    expect(tally.cycle).toEqual(r.cycle);
    expect(tally.summary()).toMatchObject({ met: 1, notMet: 1, completion: r.completion });
  });
});
