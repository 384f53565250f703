import { describe, expect, it } from 'vitest';
import {
  ACCEPTANCE_GATE_CLAUSE,
  rectificationStatus,
  safeRectificationStatus,
  safeSupportingSchoolCheck,
  supportingSchoolCheck,
  type RectificationItem,
} from '../../src/index.js';
import { expectIssuesAt, issueAt, issuesOf } from '../core/helpers.js';

const area = (firstPhaseDelivery: string) => ({ id: 'JY-1', firstPhaseDelivery });

describe('supportingSchoolCheck (1.2 同步交付使用; the completion-acceptance gate)', () => {
  it('delivered on the first phase\'s own day is in time, and the gate is open', () => {
    const r = supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true, deliveredOn: '2025-08-31' } }, { asOf: '2025-09-01' });
    expect(r).toMatchObject({ residentialAreaId: 'JY-1', status: 'in-time', synchronous: true, daysLate: 0, daysRemaining: null, acceptanceAllowed: true, planningVerificationAllowed: true, blockedBy: null });
    expect(r.citations).toEqual(['1.2']);
  });
  it('delivered the day before is in time too', () => {
    expect(supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true, deliveredOn: '2025-08-30' } }, { asOf: '2025-08-31' }).status).toBe('in-time');
  });
  it('delivered the day after is late by 1 day: not in step, but built, so the gate opens', () => {
    const r = supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true, deliveredOn: '2025-09-01' } }, { asOf: '2025-09-01' });
    expect(r).toMatchObject({ status: 'late', synchronous: false, daysLate: 1, acceptanceAllowed: true, blockedBy: null });
  });
  it('late across a leap day counts calendar days: 2024-02-28 → 2024-03-01 is 2 days', () => {
    const r = supportingSchoolCheck({ residentialArea: area('2024-02-28'), school: { plannedInLayout: true, deliveredOn: '2024-03-01' } }, { asOf: '2024-03-01' });
    expect(r.daysLate).toBe(2);
  });
  it('not delivered on the first phase\'s day: pending (0 days left), and the gate is closed by the clause', () => {
    const r = supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true } }, { asOf: '2025-08-31' });
    expect(r).toMatchObject({ status: 'pending', synchronous: null, daysRemaining: 0, daysLate: 0, acceptanceAllowed: false, planningVerificationAllowed: false });
    expect(r.blockedBy).toEqual({ provision: '1.2', clause: ACCEPTANCE_GATE_CLAUSE });
    expect(ACCEPTANCE_GATE_CLAUSE).toBe('未按照规划配套建设学校的，不得组织规划核实、不得办理竣工验收备案');
  });
  it('not delivered the day after the first phase: overdue by 1 day, gate closed', () => {
    const r = supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true } }, { asOf: '2025-09-01' });
    expect(r).toMatchObject({ status: 'overdue', synchronous: false, daysLate: 1, daysRemaining: null, acceptanceAllowed: false });
    expect(r.explanation.at(-1)?.message.zh).toContain('不得办理竣工验收备案');
  });
  it('a first phase scheduled later: pending with the days remaining (2025-09-01 → 2025-12-31 is 121 days)', () => {
    const r = supportingSchoolCheck({ residentialArea: area('2025-12-31'), school: { plannedInLayout: true, id: 'JY-S' } }, { asOf: '2025-09-01' });
    expect(r).toMatchObject({ status: 'pending', daysRemaining: 121 });
    expect(r.explanation.map((s) => s.message.en).join('\n')).toContain('supporting school JY-S is not handed over yet');
  });
  it('no school in the plan: nothing to check, the gate is open', () => {
    const r = supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: false } }, { asOf: '2025-09-01' });
    expect(r).toMatchObject({ status: 'not-required', synchronous: null, acceptanceAllowed: true, blockedBy: null });
  });
  it('accepts Date objects and leap days', () => {
    const r = supportingSchoolCheck({ residentialArea: area('2024-02-29'), school: { plannedInLayout: true, deliveredOn: new Date(2024, 1, 29) } }, { asOf: new Date(2024, 2, 1) });
    expect(r.status).toBe('in-time');
  });
  it('refuses dates that are not calendar dates, each at its path, in one pass', () => {
    const issues = expectIssuesAt(
      () => supportingSchoolCheck({ residentialArea: area('2022-02-30'), school: { plannedInLayout: true, deliveredOn: '2023-02-29' } }, { asOf: '2025-13-01' }),
      ['residentialArea', 'firstPhaseDelivery'], ['school', 'deliveredOn'], ['asOf'],
    );
    expect(issueAt(issues, ['residentialArea', 'firstPhaseDelivery']).message).toContain('real calendar date');
    expectIssuesAt(() => supportingSchoolCheck({ residentialArea: area('2025/08/31'), school: { plannedInLayout: true } }), ['residentialArea', 'firstPhaseDelivery']);
    expectIssuesAt(() => supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true, deliveredOn: new Date(Number.NaN) } }), ['school', 'deliveredOn']);
  });
  it('a delivery after asOf, or for a school the plan does not require, is inconsistent', () => {
    const late = expectIssuesAt(() => supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true, deliveredOn: '2025-09-02' } }, { asOf: '2025-09-01' }), ['school', 'deliveredOn']);
    expect(late[0]?.code).toBe('inconsistent');
    expectIssuesAt(() => supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: false, deliveredOn: '2025-08-01' } }, { asOf: '2025-09-01' }), ['school', 'deliveredOn']);
  });
  it('a bad asOf is reported once, not compared against the delivery', () => {
    const issues = issuesOf(() => supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true, deliveredOn: '2025-08-31' } }, { asOf: 'tomorrow' }));
    expect(issues.map((i) => i.path)).toEqual([['asOf']]);
  });
  it('bad shapes: null, strings, missing parts, extra keys, __proto__, null for a flag', () => {
    for (const bad of [null, undefined, 'JY-1', 1, [], {}, { residentialArea: null, school: null }]) issuesOf(() => supportingSchoolCheck(bad as never));
    expectIssuesAt(() => supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: null } } as never), ['school', 'plannedInLayout']);
    expectIssuesAt(() => supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: 'yes' } } as never), ['school', 'plannedInLayout']);
    expectIssuesAt(() => supportingSchoolCheck({ residentialArea: { id: 'A' }, school: { plannedInLayout: true } } as never), ['residentialArea', 'firstPhaseDelivery']);
    expectIssuesAt(() => supportingSchoolCheck({ residentialArea: { ...area('2025-08-31'), phases: 2 }, school: { plannedInLayout: true } } as never), ['residentialArea', 'phases']);
    expectIssuesAt(() => supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true, deliveredOn: null } } as never), ['school', 'deliveredOn']);
    expectIssuesAt(() => supportingSchoolCheck(JSON.parse('{"residentialArea":{"id":"A","firstPhaseDelivery":"2025-08-31"},"school":{"plannedInLayout":true},"__proto__":{"x":1}}') as never), ['__proto__']);
    expectIssuesAt(() => supportingSchoolCheck({ residentialArea: area('2025-08-31'), school: { plannedInLayout: true } }, { asOf: '2025-09-01', regoin: 'east' } as never), ['regoin']);
    expect(safeSupportingSchoolCheck(null as never).success).toBe(false);
  });
});

const item = (id: string, deadline: string, rectifiedOn?: string): RectificationItem =>
  rectifiedOn === undefined ? { id, issuedOn: '2025-03-01', deadline } : { id, issuedOn: '2025-03-01', deadline, rectifiedOn };

describe('rectificationStatus (8.2 限期整改制度)', () => {
  it('on the deadline day an open item is due-soon with 0 days left, not overdue', () => {
    const [s] = rectificationStatus([item('A', '2025-09-01')], { asOf: '2025-09-01' }).items;
    expect(s).toEqual({ id: 'A', status: 'due-soon', deadline: '2025-09-01', rectifiedOn: null, late: false, daysLate: 0, daysRemaining: 0 });
  });
  it('the day after the deadline it is overdue by 1 day', () => {
    const [s] = rectificationStatus([item('A', '2025-08-31')], { asOf: '2025-09-01' }).items;
    expect(s).toMatchObject({ status: 'overdue', late: true, daysLate: 1, daysRemaining: null });
  });
  it('rectified on the deadline is done in time; the day after is done late by 1 day', () => {
    const r = rectificationStatus([item('A', '2025-06-30', '2025-06-30'), item('B', '2025-06-30', '2025-07-01')], { asOf: '2025-09-01' });
    expect(r.items[0]).toMatchObject({ status: 'done', late: false, daysLate: 0, rectifiedOn: '2025-06-30' });
    expect(r.items[1]).toMatchObject({ status: 'done', late: true, daysLate: 1 });
    expect(r.doneLate).toBe(1);
    expect(r.counts).toEqual({ done: 2, overdue: 0, 'due-soon': 0, open: 0 });
  });
  it('due-soon is at most 30 days away (default): 30 days is due-soon, 31 is open', () => {
    // 2025-09-01 + 30 days = 2025-10-01
    const r = rectificationStatus([item('A', '2025-10-01'), item('B', '2025-10-02')], { asOf: '2025-09-01' });
    expect(r.items.map((s) => [s.status, s.daysRemaining])).toEqual([['due-soon', 30], ['open', 31]]);
    expect(r.dueSoonDays).toBe(30);
  });
  it('the warning period is a parameter: with 0 only the deadline day is due-soon', () => {
    const r = rectificationStatus([item('A', '2025-09-01'), item('B', '2025-09-02')], { asOf: '2025-09-01', parameters: { planning: { rectification: { dueSoonDays: 0 } } } });
    expect(r.items.map((s) => s.status)).toEqual(['due-soon', 'open']);
    expect(r.explanation.map((s) => s.message.en).join('\n')).toContain('user override');
  });
  it('cites 8.2 only (the 30 days are junheng\'s, unverified) and says so in the explanation', () => {
    const r = rectificationStatus([item('A', '2025-10-01')], { asOf: '2025-09-01' });
    expect(r.citations).toEqual(['8.2']);
    const text = r.explanation.map((s) => s.message.en).join('\n');
    expect(text).toContain('planning.rectification.dueSoonDays = 30');
    expect(text).toContain('confidence unverified');
    expect(r.explanation.map((s) => s.message.zh).join('\n')).toContain('距期限 2025-10-01 还有 30 天');
  });
  it('an empty list gives zero counts', () => {
    const r = rectificationStatus([], { asOf: '2025-09-01' });
    expect(r.items).toEqual([]);
    expect(r.counts).toEqual({ done: 0, overdue: 0, 'due-soon': 0, open: 0 });
  });
  it('refuses impossible dates at their path (2022-02-30), with every problem in one pass', () => {
    const issues = expectIssuesAt(
      () => rectificationStatus([{ id: 'A', issuedOn: '2022-02-30', deadline: '2022-04-31' }, { id: 'B', issuedOn: '2022-01-01', deadline: '2022-06-30', rectifiedOn: '2021-13-01' }], { asOf: '2025-09-01' }),
      [0, 'issuedOn'], [0, 'deadline'], [1, 'rectifiedOn'],
    );
    expect(issues).toHaveLength(3);
  });
  it('refuses inconsistent dates: a deadline before the item, a rectification before it, events after asOf, a repeated id', () => {
    expectIssuesAt(() => rectificationStatus([{ id: 'A', issuedOn: '2025-03-01', deadline: '2025-02-28' }], { asOf: '2025-09-01' }), [0, 'deadline']);
    expectIssuesAt(() => rectificationStatus([{ id: 'A', issuedOn: '2025-03-01', deadline: '2025-04-01', rectifiedOn: '2025-02-01' }], { asOf: '2025-09-01' }), [0, 'rectifiedOn']);
    expectIssuesAt(() => rectificationStatus([{ id: 'A', issuedOn: '2025-09-02', deadline: '2025-10-01' }], { asOf: '2025-09-01' }), [0, 'issuedOn']);
    expectIssuesAt(() => rectificationStatus([item('A', '2025-10-01', '2025-09-02')], { asOf: '2025-09-01' }), [0, 'rectifiedOn']);
    const dup = expectIssuesAt(() => rectificationStatus([item('A', '2025-10-01'), item('A', '2025-11-01')], { asOf: '2025-09-01' }), [1, 'id']);
    expect(issueAt(dup, [1, 'id'])).toMatchObject({ code: 'inconsistent', related: [0, 'id'], provision: '8.2' });
    // A deadline on the issue day is fine
    expect(rectificationStatus([{ id: 'A', issuedOn: '2025-09-01', deadline: '2025-09-01' }], { asOf: '2025-09-01' }).items[0]?.status).toBe('due-soon');
  });
  it('before the opinion applies the warning period has no value: an error on asOf', () => {
    expectIssuesAt(() => rectificationStatus([], { asOf: '2017-05-22' }), ['asOf']); // before opinion.effectiveFrom
  });
  it('bad shapes: null, strings, extra keys, __proto__, null dates, a bad override', () => {
    for (const bad of [null, undefined, 'items', 3, {}, [null], ['A']]) issuesOf(() => rectificationStatus(bad as never, { asOf: '2025-09-01' }));
    expectIssuesAt(() => rectificationStatus([{ ...item('A', '2025-10-01'), finding: 'x' }] as never, { asOf: '2025-09-01' }), [0, 'finding']);
    expectIssuesAt(() => rectificationStatus([{ ...item('A', '2025-10-01'), rectifiedOn: null }] as never, { asOf: '2025-09-01' }), [0, 'rectifiedOn']);
    expectIssuesAt(() => rectificationStatus([{ id: 'A', deadline: '2025-10-01' }] as never, { asOf: '2025-09-01' }), [0, 'issuedOn']);
    expectIssuesAt(() => rectificationStatus(JSON.parse('[{"id":"A","issuedOn":"2025-03-01","deadline":"2025-10-01","__proto__":{}}]') as never, { asOf: '2025-09-01' }), [0, '__proto__']);
    expectIssuesAt(() => rectificationStatus([], { asOf: '2025-09-01', parameters: { planning: { rectification: { dueSoonDays: 1.5 } } } }), ['parameters', 'planning', 'rectification', 'dueSoonDays']);
    expectIssuesAt(() => rectificationStatus([], 'today' as never), ['options']);
    expect(safeRectificationStatus(null as never).success).toBe(false);
  });
});
