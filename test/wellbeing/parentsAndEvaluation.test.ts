import { describe, expect, it } from 'vitest';
import {
  EVALUATION_RULES,
  evaluationPolicyCheck,
  parentSchoolCoverage,
  safeEvaluationPolicyCheck,
  safeParentSchoolCoverage,
  type EvaluationPolicy,
} from '../../src/index.js';
import { expectIssuesAt, issueAt, issuesOf } from '../core/helpers.js';

const towns = (withHub: number, without: number) => [
  ...Array.from({ length: withHub }, (_, i) => ({ town: `有${i}`, hasParentSchoolHub: true })),
  ...Array.from({ length: without }, (_, i) => ({ town: `无${i}`, hasParentSchoolHub: false })),
];

describe('parentSchoolCoverage (3.3: 家长学校总校 per town, 100% by 2025)', () => {
  it('every town with a hub is 100%, met', () => {
    const r = parentSchoolCoverage(towns(12, 0), { asOf: '2025-09-01' });
    expect(r).toMatchObject({ covered: 12, total: 12, coverage: 1, target: 1, met: true, missing: [], shortAfterDeadline: false });
    expect(r.citations).toEqual(['3.3']);
  });
  it('49 of 50 (98%) is short, and names the town missing one', () => {
    const r = parentSchoolCoverage(towns(49, 1), { asOf: '2025-09-01' });
    expect(r).toMatchObject({ covered: 49, total: 50, coverage: 0.98, met: false, missing: ['无0'] });
    expect(r.explanation.map((s) => s.message.zh).join('\n')).toContain('49 × 10000 < 10000 × 50');
  });
  it('the deadline 2025-12-31 is inclusive', () => {
    expect(parentSchoolCoverage(towns(1, 1), { asOf: '2025-12-31' })).toMatchObject({ deadline: { passed: false, daysRemaining: 0 }, shortAfterDeadline: false });
    expect(parentSchoolCoverage(towns(1, 1), { asOf: '2026-01-01' })).toMatchObject({ deadline: { passed: true, daysRemaining: -1 }, shortAfterDeadline: true });
  });
  it('the target and the deadline are parameters', () => {
    const options = { asOf: '2026-06-30', parameters: { wellbeing: { parentSchoolHubTarget: 0.5, parentSchoolHubDeadline: '2026-12-31' } } };
    expect(parentSchoolCoverage(towns(1, 1), options)).toMatchObject({ met: true, target: 0.5, deadline: { date: '2026-12-31', passed: false } });
    expect(parentSchoolCoverage(towns(1, 2), options).met).toBe(false);
  });
  it('an empty list, a repeated town and bad rows are input errors with paths', () => {
    expectIssuesAt(() => parentSchoolCoverage([]), []);
    const issues = expectIssuesAt(() => parentSchoolCoverage([{ town: 'A', hasParentSchoolHub: true }, { town: 'B', hasParentSchoolHub: true }, { town: 'A', hasParentSchoolHub: false }]), [2, 'town']);
    expect(issueAt(issues, [2, 'town']).related).toEqual([0, 'town']);
    expectIssuesAt(
      () => parentSchoolCoverage([{ town: '', hasParentSchoolHub: 'yes' }, null, { town: 'C' }, { town: 'D', hasParentSchoolHub: true, hub: 1 }] as never),
      [0, 'town'], [0, 'hasParentSchoolHub'], [1], [2, 'hasParentSchoolHub'], [3, 'hub'],
    );
    for (const bad of [null, 'towns', { town: 'A', hasParentSchoolHub: true }, 3]) issuesOf(() => parentSchoolCoverage(bad as never));
    expectIssuesAt(() => parentSchoolCoverage([JSON.parse('{"town": "A", "hasParentSchoolHub": true, "__proto__": {"polluted": 1}}')]), [0, '__proto__']);
    expect(safeParentSchoolCoverage([] as never).success).toBe(false);
  });
});

describe('evaluationPolicyCheck (3.3: grades plus comments, no published scores, no ranking)', () => {
  const plan = (over: Partial<EvaluationPolicy> = {}): EvaluationPolicy => ({ gradesAndComments: true, publishesScores: false, rankings: [], ...over });

  it('grades plus comments, nothing published, nobody ranked: compliant', () => {
    const r = evaluationPolicyCheck(plan());
    expect(r).toMatchObject({ compliant: true, violations: [], citations: ['3.3'] });
    expect(r.explanation).toHaveLength(3);
    expect(r.explanation[0]?.message.zh).toBe('评价方式符合“实行等级加评语的评价方式”');
  });
  it('each rule broken is reported with its exact clause, in the order of 3.3', () => {
    const r = evaluationPolicyCheck(plan({ schoolId: 'S1', gradesAndComments: false, publishesScores: true, rankings: ['pupils', 'schools', 'pupils'] }));
    expect(r.compliant).toBe(false);
    expect(r.violations).toEqual([
      { rule: 'grades-and-comments', provision: '3.3', clause: '实行等级加评语的评价方式', details: [] },
      { rule: 'no-published-scores', provision: '3.3', clause: '严禁公开成绩', details: [] },
      { rule: 'no-ranking', provision: '3.3', clause: '不对学校、班级及学生进行排名', details: ['schools', 'pupils'] },
    ]);
    expect(r.explanation[2]?.message.zh).toBe('评价方式（S1）违反“不对学校、班级及学生进行排名”：对学校、学生进行排名');
    expect(r.explanation[2]?.message.en).toBe('The evaluation policy (S1) breaks "do not rank schools, classes or pupils": ranks schools, pupils');
  });
  it('ranking any one unit alone breaks the rule', () => {
    for (const unit of ['schools', 'classes', 'pupils'] as const) {
      expect(evaluationPolicyCheck(plan({ rankings: [unit] })).violations.map((v) => v.rule)).toEqual(['no-ranking']);
    }
    expect(evaluationPolicyCheck(plan({ publishesScores: true })).violations.map((v) => v.rule)).toEqual(['no-published-scores']);
    expect(evaluationPolicyCheck(plan({ gradesAndComments: false })).violations.map((v) => v.rule)).toEqual(['grades-and-comments']);
    expect(EVALUATION_RULES).toEqual(['grades-and-comments', 'no-published-scores', 'no-ranking']);
  });
  it('every answer is required: an omitted one is never read as "no"', () => {
    expectIssuesAt(() => evaluationPolicyCheck({} as never), ['gradesAndComments'], ['publishesScores'], ['rankings']);
    expectIssuesAt(() => evaluationPolicyCheck(plan({ publishesScores: null as never })), ['publishesScores']);
    expectIssuesAt(() => evaluationPolicyCheck(plan({ gradesAndComments: 'true' as never })), ['gradesAndComments']);
    expectIssuesAt(() => evaluationPolicyCheck(plan({ rankings: ['teachers'] as never })), ['rankings', 0]);
    expectIssuesAt(() => evaluationPolicyCheck(plan({ rankings: 'pupils' as never })), ['rankings']);
    expectIssuesAt(() => evaluationPolicyCheck({ ...plan(), ranking: [] } as never), ['ranking']);
    expectIssuesAt(() => evaluationPolicyCheck(plan(), { asOf: 'soon' } as never), ['asOf']);
    for (const bad of [null, undefined, [], 'plan']) issuesOf(() => evaluationPolicyCheck(bad as never));
    expect(safeEvaluationPolicyCheck(null as never).success).toBe(false);
  });
});
