import { describe, expect, it } from 'vitest';
import { classSizeReport, listParameters, opinionTargets, safeOpinionTargets } from '../../src/index.js';
import { expectIssuesAt, issuesOf } from '../core/helpers.js';

describe('opinionTargets: the dated targets of 1.3, 2.3, 3.2, 3.3 as a timeline', () => {
  it('lists the four printed targets with their shares and 2025-12-31 deadlines, from the parameters', () => {
    const r = opinionTargets({ asOf: '2025-09-01' });
    expect(r.targets.map((t) => [t.provision, t.id, t.comparison, t.share, t.deadline, t.parameter])).toEqual([
      ['1.3', 'quality-resource-coverage', 'at-least', 1, '2025-12-31', 'planning.targets.qualityResourceCoverage'],
      ['2.3', 'large-classes-eliminated', 'at-most', 0, '2025-12-31', 'classes.largeClassDeadline'],
      ['3.2', 'arts-assessment-coverage', 'at-least', 1, '2025-12-31', 'wellbeing.artsCoverageDeadline'],
      ['3.3', 'parent-school-coverage', 'at-least', 1, '2025-12-31', 'wellbeing.parentSchoolHubDeadline'],
    ]);
    expect(r.targets.every((t) => t.source === 'opinion' && t.confidence === 'unverified')).toBe(true);
    expect(r.targets[3]?.text.zh).toBe('到2025年，以镇、街为单位建立家长学校总校，建校率达100%');
    expect(r.citations).toEqual(['1.3', '2.3', '3.2', '3.3']);
    expect(r.targets.map((t) => t.shareParameter)).toEqual([null, null, 'wellbeing.artsCoverageTarget', 'wellbeing.parentSchoolHubTarget']);
  });
  it('the 3.2 and 3.3 shares are the wellbeing checks\' parameters: a patch shows in the timeline', () => {
    const r = opinionTargets({ asOf: '2025-09-01', parameters: { wellbeing: { artsCoverageTarget: 0.95 } } });
    expect(r.targets.find((t) => t.provision === '3.2')?.share).toBe(0.95);
    expect(r.targets.find((t) => t.provision === '3.3')?.share).toBe(1);
    expect(r.explanation.map((s) => s.message.en).join('\n')).toContain('Parameter wellbeing.artsCoverageTarget = 0.95');
  });
  it('days remaining: 2025-09-01 → 2025-12-31 is 121 days', () => {
    const t = opinionTargets({ asOf: '2025-09-01' }).targets[0];
    expect(t).toMatchObject({ status: 'open', daysRemaining: 121, daysPassed: 0 });
  });
  it('the deadline day is still open (0 days remaining); the day after it has passed by 1 day', () => {
    expect(opinionTargets({ asOf: '2025-12-31' }).targets.map((t) => [t.status, t.daysRemaining, t.daysPassed])).toEqual(Array(4).fill(['open', 0, 0]));
    expect(opinionTargets({ asOf: '2026-01-01' }).targets.map((t) => [t.status, t.daysRemaining, t.daysPassed])).toEqual(Array(4).fill(['passed', 0, 1]));
    // 2025-12-31 → 2026-12-31 is 365 days
    expect(opinionTargets({ asOf: '2026-12-31' }).targets[0]?.daysPassed).toBe(365);
  });
  it('2.3 reads classes.largeClassDeadline, the same value classSizeReport uses, not a copy', () => {
    const parameters = { classes: { largeClassDeadline: '2024-08-31' } };
    const r = opinionTargets({ asOf: '2024-09-01', parameters });
    expect(r.targets[0]).toMatchObject({ provision: '2.3', deadline: '2024-08-31', source: 'override', status: 'passed', daysPassed: 1 });
    expect(r.targets.slice(1).map((t) => t.provision)).toEqual(['1.3', '3.2', '3.3']);
    const report = classSizeReport([{ stage: 'primary', size: 40, location: 'urban' }], { asOf: '2024-09-01', parameters });
    expect(report.deadline.date).toBe('2024-08-31');
  });
  it('each target deadline can be set; the timeline is ordered by deadline, ties in printed order', () => {
    const r = opinionTargets({ asOf: '2025-09-01', parameters: { planning: { targets: { qualityResourceCoverage: '2027-12-31' } }, wellbeing: { parentSchoolHubDeadline: '2025-10-01' } } });
    expect(r.targets.map((t) => t.provision)).toEqual(['3.3', '2.3', '3.2', '1.3']);
    expect(r.targets[0]).toMatchObject({ deadline: '2025-10-01', daysRemaining: 30, source: 'override' });
  });
  it('the parameters are listed with their source, date and confidence', () => {
    const list = listParameters({ asOf: '2025-09-01' });
    for (const path of ['planning.targets.qualityResourceCoverage', 'wellbeing.artsCoverageDeadline', 'wellbeing.parentSchoolHubDeadline']) {
      expect(list.find((p) => p.path === path)).toMatchObject({ value: '2025-12-31', effectiveFrom: '2017-05-23', source: 'opinion', confidence: 'unverified' }); // from opinion.effectiveFrom (issue 9: was 2016-07-02)
    }
    expect(list.find((p) => p.path === 'planning.rectification.dueSoonDays')).toMatchObject({ value: 30, source: 'junheng', confidence: 'unverified' });
    expect(list.find((p) => p.path === 'planning.specialEducation.minSchools')).toMatchObject({ value: 1, source: 'opinion', confidence: 'verified' });
  });
  it('explains every deadline with its source and every target in both languages', () => {
    const r = opinionTargets({ asOf: '2025-09-01' });
    const en = r.explanation.map((s) => s.message.en).join('\n');
    expect(en).toContain('Parameter classes.largeClassDeadline = 2025-12-31');
    expect(en).toContain('deadline 2025-12-31, 121 days remaining');
    expect(r.explanation.map((s) => s.message.zh).join('\n')).toContain('城镇中小学大班额占比不高于 0%');
    expect(r.explanation.filter((s) => s.provision === '3.2').length).toBe(3); // the deadline, the share and the target
  });
  it('bad options: before the opinion, impossible dates, a bad patch, null, extra keys', () => {
    const early = expectIssuesAt(() => opinionTargets({ asOf: '2017-05-22' }), ['asOf']);
    expect(early).toHaveLength(1); // one issue naming all four parameters
    expect(early[0]?.parameters).toHaveLength(6); // four deadlines, two shares
    expectIssuesAt(() => opinionTargets({ asOf: '2022-02-30' }), ['asOf']);
    expectIssuesAt(() => opinionTargets({ parameters: { planning: { targets: { qualityResourceCoverage: '2025-02-30' } } } }), ['parameters', 'planning', 'targets', 'qualityResourceCoverage']);
    expectIssuesAt(() => opinionTargets({ parameters: { planning: { targets: { artsAssessmentCoverage: '2025-12-31' } } } } as never), ['parameters', 'planning', 'targets', 'artsAssessmentCoverage']);
    expectIssuesAt(() => opinionTargets({ parameters: { planning: { targets: { sportsCoverage: '2025-12-31' } } } } as never), ['parameters', 'planning', 'targets', 'sportsCoverage']);
    expectIssuesAt(() => opinionTargets(null as never), ['options']);
    expectIssuesAt(() => opinionTargets({ asOf: '2025-09-01', when: 1 } as never), ['when']);
    for (const bad of ['2025-09-01', 5, [], { asOf: null }]) issuesOf(() => opinionTargets(bad as never));
    // The opinion's date, opinion.effectiveFrom: 2017-05-23 by default (issue 9: was 2016-07-02).
    expect(safeOpinionTargets({ asOf: '2017-05-22' }).success).toBe(false);
    expect(safeOpinionTargets({ asOf: '2017-05-23' }).success).toBe(true);
  });
});
