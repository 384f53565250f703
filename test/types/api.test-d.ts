import type { Decimal as DecimalJs } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import {
  allocateBudget,
  getProvision,
  listParameters,
  livingSubsidyBudget,
  livingSubsidyEligibility,
  publicFunding,
  safePublicFunding,
  type BudgetResult,
  type CalculatorOptions,
  type ExplanationStep,
  type FloorApplied,
  type ParameterListing,
  type ParameterOverrides,
  type PolicyInputError,
  type ProvisionId,
  type PublicFundingResult,
  type School,
} from '../../src/index.js';

describe('publicFunding types', () => {
  it('parameters', () => {
    expectTypeOf(publicFunding).parameter(0).toEqualTypeOf<School>();
    expectTypeOf(publicFunding).parameter(1).toEqualTypeOf<CalculatorOptions | undefined>();
    expectTypeOf(publicFunding).returns.toEqualTypeOf<PublicFundingResult>();
  });

  it('the school shape of the contract is accepted', () => {
    expectTypeOf<{ id: string; location: 'rural'; pupils: { primary: number } }>().toExtend<School>();
    expectTypeOf<{
      id: string;
      location: 'urban' | 'town' | 'rural';
      kind: 'school' | 'teaching-point' | 'special-education';
      pupils: { primary: number; junior: number };
      boarders: { primary: number; junior: number };
      disabledPupils: number;
    }>().toExtend<School>();
    // @ts-expect-error location must be one of the three classes
    publicFunding({ id: 'A', location: 'suburb', pupils: {} });
    // @ts-expect-error pupils is required
    publicFunding({ id: 'A', location: 'rural' });
    // @ts-expect-error counts are numbers
    publicFunding({ id: 'A', location: 'rural', pupils: { primary: '10' } });
  });

  it('result fields', () => {
    const r = publicFunding({ id: 'A', location: 'rural', pupils: { primary: 10 } }, { asOf: '2025-09-01', region: 'west' });
    expectTypeOf(r.amount).toEqualTypeOf<DecimalJs>();
    // The id of the band applied: the default bands' ids or a patched list's own.
    expectTypeOf(r.floorApplied).toEqualTypeOf<string | null>();
    expectTypeOf<FloorApplied>().toEqualTypeOf<string | null>();
    expectTypeOf(r.fundedPupils).toEqualTypeOf<number>();
    expectTypeOf(r.schoolId).toEqualTypeOf<string>();
    expectTypeOf(r.citations).toEqualTypeOf<string[]>();
    expectTypeOf(r.explanation).toEqualTypeOf<ExplanationStep[]>();
    expectTypeOf(r.components[0]!.amount).toEqualTypeOf<DecimalJs>();
    expectTypeOf<ExplanationStep['message']>().toExtend<{ zh: string; en: string }>();
    expectTypeOf<ExplanationStep['provision']>().toEqualTypeOf<string | undefined>();
  });

  it('safe form', () => {
    const r = safePublicFunding({ id: 'A', location: 'rural', pupils: {} });
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<PublicFundingResult>();
    else expectTypeOf(r.error).toEqualTypeOf<PolicyInputError>();
  });
});

describe('options', () => {
  it('accept the contract shape', () => {
    expectTypeOf<{ asOf: string; region: 'east'; parameters: { funding: { benchmark: { primary: 720 } } } }>().toExtend<CalculatorOptions>();
    expectTypeOf<{ asOf: Date }>().toExtend<CalculatorOptions>();
    expectTypeOf<{}>().toExtend<CalculatorOptions>();
    expectTypeOf<CalculatorOptions['region']>().toEqualTypeOf<'east' | 'central' | 'west' | undefined>();
  });

  it('reject a wrong region literal', () => {
    // @ts-expect-error 'north' is not a region
    publicFunding({ id: 'A', location: 'rural', pupils: {} }, { region: 'north' });
    // @ts-expect-error asOf is a string or a Date
    publicFunding({ id: 'A', location: 'rural', pupils: {} }, { asOf: 20250901 });
    // @ts-expect-error unknown option key
    publicFunding({ id: 'A', location: 'rural', pupils: {} }, { region: 'east', asof: '2025-09-01' });
  });
});

describe('ProvisionId', () => {
  it('is the literal union of the 24 ids', () => {
    expectTypeOf<'5.1'>().toExtend<ProvisionId>();
    expectTypeOf<'1.1'>().toExtend<ProvisionId>();
    expectTypeOf<'8.3'>().toExtend<ProvisionId>();
    expectTypeOf<'9.9'>().not.toExtend<ProvisionId>();
    expectTypeOf<'5.3'>().not.toExtend<ProvisionId>();
    expectTypeOf<string>().not.toExtend<ProvisionId>();
    getProvision('5.1');
    // @ts-expect-error a wrong id fails the compiler
    getProvision('5.3');
    // @ts-expect-error
    const bad: ProvisionId = '9.1';
    void bad;
  });
});

describe('ParameterOverrides', () => {
  it('accepts the documented patches', () => {
    const a: ParameterOverrides = { funding: { benchmark: { primary: { central: 720 } } } };
    const b: ParameterOverrides = { funding: { benchmark: { primary: 720, junior: '940.50' } } };
    const c: ParameterOverrides = { funding: { disabledPupils: 'on-top', floors: [{ id: 'district-100-to-250', locations: ['rural', 'town'], above: 100, below: 250, fundedAs: 250 }], floorMixedStageRate: 'junior' } };
    // @ts-expect-error a band needs `below` and `fundedAs`
    const e: ParameterOverrides = { funding: { floors: [{ id: 'x', locations: ['rural'] }] } };
    // @ts-expect-error special-education schools are never under a floor
    const f: ParameterOverrides = { funding: { floors: [{ id: 'x', locations: [], kinds: ['special-education'], below: 100, fundedAs: 100 }] } };
    void [e, f];
    const d: ParameterOverrides = { livingSubsidy: { coverage: 0.3, nonBoarder: { primary: null } } };
    void [a, b, c, d];
  });

  it('rejects unknown keys and wrong values', () => {
    // @ts-expect-error unknown parameter
    const a: ParameterOverrides = { funding: { benchmrk: { primary: 720 } } };
    // @ts-expect-error unknown top-level group
    const b: ParameterOverrides = { fundng: {} };
    // @ts-expect-error unknown region key
    const c: ParameterOverrides = { funding: { benchmark: { primary: { north: 720 } } } };
    // @ts-expect-error not a choice
    const d: ParameterOverrides = { funding: { disabledPupils: 'both' } };
    // @ts-expect-error non-regional value given per region
    const e: ParameterOverrides = { funding: { specialEducation: { east: 7000 } } };
    void [a, b, c, d, e];
  });
});

describe('other calculators', () => {
  it('return types', () => {
    expectTypeOf(allocateBudget).returns.toEqualTypeOf<BudgetResult>();
    expectTypeOf<BudgetResult['total']>().toEqualTypeOf<DecimalJs>();
    expectTypeOf(livingSubsidyBudget).returns.toHaveProperty('amount').toEqualTypeOf<DecimalJs>();
    expectTypeOf(livingSubsidyBudget).returns.toHaveProperty('quota').toEqualTypeOf<{ primary: number; junior: number }>();
    expectTypeOf(livingSubsidyEligibility).returns.toHaveProperty('annualAmount').toEqualTypeOf<DecimalJs>();
    expectTypeOf(livingSubsidyEligibility).returns.toHaveProperty('eligible').toEqualTypeOf<boolean>();
    expectTypeOf(listParameters).returns.toEqualTypeOf<ParameterListing[]>();
    expectTypeOf<ParameterListing['confidence']>().toEqualTypeOf<'verified' | 'secondary' | 'unverified'>();
    // @ts-expect-error hardship must be a known category
    livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['rich'] });
  });
});
