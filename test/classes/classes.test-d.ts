import { describe, expectTypeOf, it } from 'vitest';
import {
  admissionsPlanCheck,
  classSizeReport,
  classSizeStatus,
  schoolSizeStatus,
  type ClassGroup,
  type ClassInput,
  type ClassSizeStatus,
  type ForbiddenPractice,
  type GroupKey,
} from '../../src/index.js';

describe('class-size types', () => {
  it('status is the union of bands', () => {
    expectTypeOf(classSizeStatus({ stage: 'primary', size: 1 }).status).toEqualTypeOf<ClassSizeStatus>();
    expectTypeOf<ClassSizeStatus>().toEqualTypeOf<'standard' | 'over-standard' | 'large' | 'super-large'>();
  });

  it('inputs are checked by the compiler', () => {
    // @ts-expect-error: no such stage
    classSizeStatus({ stage: 'senior', size: 40 });
    // @ts-expect-error: size is required
    classSizeStatus({ stage: 'junior' });
    // @ts-expect-error: no such school type
    schoolSizeStatus({ type: 'high', pupils: 1 });
    expectTypeOf<ClassInput['location']>().toEqualTypeOf<'urban' | 'town' | 'rural' | undefined>();
  });

  it('report options and results', () => {
    const r = classSizeReport([], { groupBy: ['schoolId', 'town'] });
    expectTypeOf(r.largeShare).toEqualTypeOf<number>();
    expectTypeOf(r.groups.town).toEqualTypeOf<ClassGroup[] | undefined>();
    expectTypeOf<GroupKey>().toEqualTypeOf<'schoolId' | 'town' | 'location' | 'stage'>();
    // @ts-expect-error: not a grouping key
    classSizeReport([], { groupBy: 'county' });
  });

  it('plan violations name their practice', () => {
    const plan = admissionsPlanCheck({
      falseAdvertising: false,
      selectionTests: false,
      certificatesAsCriteria: [],
      specialClasses: ['key'],
      earlySigning: false,
      donationsTiedToAdmission: false,
    });
    expectTypeOf(plan.violations[0]!.practice).toEqualTypeOf<ForbiddenPractice>();
  });
});
