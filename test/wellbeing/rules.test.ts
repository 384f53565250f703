import { describe, expect, it } from 'vitest';
import {
  careLedgerCheck,
  careLedgerCheckRule,
  connectivityCoverage,
  connectivityCoverageRule,
  evaluationPolicyCheck,
  evaluationPolicyCheckRule,
  parentSchoolCoverage,
  parentSchoolCoverageRule,
  physicalAndArtsCheck,
  physicalAndArtsCheckRule,
  securityPostCheck,
  securityPostCheckRule,
  type ConnectivityOutcome,
  type SchoolConnectivity,
} from '../../src/index.js';

/** The result without its citations and explanation: what the pure rule returns. */
const outcomeOf = <T extends { citations: unknown; explanation: unknown }>(r: T): Omit<T, 'citations' | 'explanation'> => {
  const { citations: _c, explanation: _e, ...rest } = r;
  return rest;
};

describe('wellbeing: the pure rules', () => {
  it('are the calculators\' own rules', () => {
    expect(careLedgerCheck.rule).toBe(careLedgerCheckRule);
    expect(connectivityCoverage.rule).toBe(connectivityCoverageRule);
    expect(evaluationPolicyCheck.rule).toBe(evaluationPolicyCheckRule);
    expect(parentSchoolCoverage.rule).toBe(parentSchoolCoverageRule);
    expect(physicalAndArtsCheck.rule).toBe(physicalAndArtsCheckRule);
    expect(securityPostCheck.rule).toBe(securityPostCheckRule);
  });

  it('connectivityCoverageRule takes plain validated records (as the 优质均衡 guarantees hold them) and reads no parameter', () => {
    const schools: readonly SchoolConnectivity[] = [
      { id: 'A', broadband: true, classes: 12, classesWithMultimedia: 12, wirelessFullCampus: true },
      { id: 'B', broadband: true, classes: 6, classesWithMultimedia: 5, wirelessFullCampus: false },
    ];
    const outcome: ConnectivityOutcome = connectivityCoverageRule(schools);
    expect(outcome).toEqual(outcomeOf(connectivityCoverage(schools)));
    expect(outcome).toMatchObject({ schools: 2, compliant: false, multimedia: { covered: 17, total: 18, met: false } });
    expect(connectivityCoverage.calculator.parameters).toEqual([]);
  });

  it('give the calculators\' answers on the parameters the calculators resolve', () => {
    const options = { asOf: '2026-01-01' };
    const ctx = { asOf: '2026-01-01', region: undefined };
    const school = { id: 'S', dailyExerciseMinutes: 50, healthMonitoring: { lastDone: '2024-06-01' }, artsAssessment: { assessed: 9, pupils: 10 } };
    expect(physicalAndArtsCheckRule(school, physicalAndArtsCheck.parameters(options), ctx)).toEqual(outcomeOf(physicalAndArtsCheck(school, options)));
    const towns = [{ town: 'A', hasParentSchoolHub: true }, { town: 'B', hasParentSchoolHub: false }];
    expect(parentSchoolCoverageRule(towns, parentSchoolCoverage.parameters(options), ctx)).toEqual(outcomeOf(parentSchoolCoverage(towns, options)));
    const plan = { gradesAndComments: false, publishesScores: true, rankings: ['pupils' as const] };
    expect(evaluationPolicyCheckRule(plan)).toEqual(outcomeOf(evaluationPolicyCheck(plan)));
    const ledger = [{ id: 'C', town: 'T', categories: ['left-behind' as const], meetsAssistanceConditions: true, inSocialAssistance: false }];
    expect(careLedgerCheckRule(ledger)).toEqual(outcomeOf(careLedgerCheck(ledger)));
  });
});
