import { describe, expectTypeOf, it } from 'vitest';
import {
  createTrainingTally,
  payParity,
  rotationCompliance,
  trainingCompliance,
  trainingReport,
  type Decimal,
  type Teacher,
  type TrainingComplianceResult,
  type TrainingStatus,
  type TrainingSummary,
} from '../../src/index.js';

describe('teachers: types', () => {
  it('trainingCompliance takes a Teacher and returns the contract shape', () => {
    expectTypeOf(trainingCompliance).parameter(0).toEqualTypeOf<Teacher>();
    expectTypeOf<TrainingComplianceResult['cycle']>().toEqualTypeOf<{ readonly start: string; readonly end: string }>();
    expectTypeOf<TrainingComplianceResult['completedHours']>().toEqualTypeOf<number>();
    expectTypeOf(trainingReport).returns.toHaveProperty('teachers');
    expectTypeOf(createTrainingTally().summary()).toEqualTypeOf<TrainingSummary>();
  });
  it('money comes out as Decimal, rates as numbers', () => {
    expectTypeOf(payParity).returns.toHaveProperty('shortfall').toEqualTypeOf<Decimal>();
    expectTypeOf(rotationCompliance).returns.toHaveProperty('rotationRate').toEqualTypeOf<number>();
  });
  it('status and the cycle option', () => {
    expectTypeOf<TrainingComplianceResult['status']>().toEqualTypeOf<'met' | 'in-progress' | 'not-met'>();
    expectTypeOf(trainingCompliance({ id: 'T', training: [] }, { asOf: '2024-06-30', cycle: 'last-completed' }).status).toEqualTypeOf<TrainingStatus>();
    expectTypeOf(trainingReport([], { cycle: 'containing' })).toHaveProperty('inProgress').toEqualTypeOf<number>();
    expectTypeOf(createTrainingTally({ cycle: 'last-completed' }).summary().notMet).toEqualTypeOf<number>();
    // @ts-expect-error only 'containing' | 'last-completed'
    trainingCompliance({ id: 'T', training: [] }, { cycle: 'previous' });
  });
  it('rejects a teacher without training at compile time', () => {
    // @ts-expect-error training is required
    trainingCompliance({ id: 'T' });
  });
});
