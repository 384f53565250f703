import { describe, expectTypeOf, it } from 'vitest';
import {
  careLedgerCheck,
  connectivityCoverage,
  evaluationPolicyCheck,
  parentSchoolCoverage,
  physicalAndArtsCheck,
  securityPostCheck,
  type CareCategory,
  type CareLedgerEntry,
  type HealthMonitoringPeriod,
  type PhysicalAndArtsInput,
} from '../../src/index.js';

describe('wellbeing: types', () => {
  it('inputs and results have the documented shapes', () => {
    expectTypeOf(physicalAndArtsCheck).parameter(0).toEqualTypeOf<PhysicalAndArtsInput>();
    expectTypeOf(physicalAndArtsCheck).returns.toHaveProperty('healthMonitoring').toHaveProperty('period').toEqualTypeOf<HealthMonitoringPeriod>();
    expectTypeOf(physicalAndArtsCheck).returns.toHaveProperty('arts').toHaveProperty('met').toEqualTypeOf<boolean>();
    expectTypeOf<CareLedgerEntry['categories']>().toEqualTypeOf<CareCategory[]>();
    expectTypeOf(careLedgerCheck).returns.toHaveProperty('uncoveredChildren').items.toHaveProperty('id').toEqualTypeOf<string>();
    expectTypeOf(connectivityCoverage).returns.toHaveProperty('multimedia').toHaveProperty('coverage').toEqualTypeOf<number>();
    expectTypeOf(securityPostCheck).returns.toHaveProperty('minimum').toEqualTypeOf<number>();
    expectTypeOf(parentSchoolCoverage).returns.toHaveProperty('missing').toEqualTypeOf<string[]>();
    expectTypeOf(evaluationPolicyCheck).returns.toHaveProperty('violations').items.toHaveProperty('clause').toEqualTypeOf<string>();
  });
  it('rejects missing answers and unknown categories at compile time', () => {
    // @ts-expect-error publishesScores is required
    evaluationPolicyCheck({ gradesAndComments: true, rankings: [] });
    // @ts-expect-error 'orphan' is not a category
    careLedgerCheck([{ id: 'A', town: 'T', categories: ['orphan'], meetsAssistanceConditions: true, inSocialAssistance: true }]);
    // @ts-expect-error lastDone is required (null when never)
    physicalAndArtsCheck({ dailyExerciseMinutes: 60, healthMonitoring: {}, artsAssessment: { assessed: 0, pupils: 0 } });
  });
});
