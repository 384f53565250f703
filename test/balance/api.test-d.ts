import { describe, expectTypeOf, it } from 'vitest';
import {
  assessBalancedDevelopment,
  assessCounty,
  balanceGap,
  differenceCoefficient,
  splitSchool,
  type BalanceSchool,
  type Decimal,
  type IndicatorId,
  type ParameterOverrides,
  type StageAssessment,
  type Verdict,
} from '../../src/index.js';

describe('balance types', () => {
  it('has the contract shapes', () => {
    expectTypeOf(differenceCoefficient).returns.toEqualTypeOf<number>();
    const r = assessBalancedDevelopment({ schools: [] });
    expectTypeOf(r.compliant).toEqualTypeOf<boolean>();
    expectTypeOf(r.stages.primary).toEqualTypeOf<StageAssessment | undefined>();
    expectTypeOf<StageAssessment['schools'][number]['values']>().toEqualTypeOf<Record<IndicatorId, number>>();
    expectTypeOf<BalanceSchool['stage']>().toEqualTypeOf<'primary' | 'junior'>();
    expectTypeOf<BalanceSchool['equipmentValue']>().toEqualTypeOf<string | number>();
    expectTypeOf(balanceGap({ schools: [] }).totals.equipmentValue).toEqualTypeOf<Decimal>();
    expectTypeOf(assessCounty({ schools: [] }).verdict).toEqualTypeOf<Verdict>();
    expectTypeOf(splitSchool).parameter(0).toHaveProperty('type');
  });

  it('types the parameter patch', () => {
    const patch: ParameterOverrides = { balance: { school: { nearMissShare: 0.9 }, thresholds: { junior: { equipmentValue: '3000' } } } };
    expectTypeOf(patch).toMatchTypeOf<ParameterOverrides>();
    // @ts-expect-error: not a parameter
    const bad: ParameterOverrides = { balance: { school: { nearMiss: 0.9 } } };
    void bad;
  });
});
