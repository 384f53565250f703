/** The balance area (优质均衡 county assessment, opinion 1.1 and 6.3): re-exported by src/index.ts. */
import * as z from 'zod';
import { coefficientRowsSchema } from './differenceCoefficient.js';
import { countyInputSchema } from './schemas.js';
import { spanningSchoolSchema } from './splitSchool.js';
import { guaranteeEvidenceSchema, vetoEvidenceSchema } from './guarantees.js';

export { differenceCoefficient, safeDifferenceCoefficient, coefficientRowsSchema, type CoefficientRow } from './differenceCoefficient.js';
export {
  assessBalancedDevelopment,
  safeAssessBalancedDevelopment,
  assessCounties,
  safeAssessCounties,
  type CountiesResult,
} from './assessBalancedDevelopment.js';
export type {
  BalancedDevelopmentResult,
  StageAssessment,
  IndicatorAssessment,
  SchoolAssessment,
  MissedIndicator,
} from './result.js';
export {
  splitSchool,
  safeSplitSchool,
  spanningSchoolSchema,
  SPANNING_TYPES,
  type SpanningSchool,
  type SplitResult,
  type SeniorShare,
} from './splitSchool.js';
export {
  balanceGap,
  safeBalanceGap,
  type BalanceGapOptions,
  type BalanceGapResult,
  type GapTarget,
  type SchoolAdditions,
  type SchoolGap,
} from './balanceGap.js';
export {
  assessGovernmentGuarantees,
  safeAssessGovernmentGuarantees,
  assessVetoes,
  safeAssessVetoes,
  guaranteeEvidenceSchema,
  vetoEvidenceSchema,
  type GuaranteeEvidence,
  type VetoEvidence,
  type GuaranteeId,
  type GuaranteeItem,
  type GuaranteesResult,
  type VetoId,
  type VetoItem,
  type VetoesResult,
} from './guarantees.js';
export { assessCounty, safeAssessCounty, type CountyAssessment, type Verdict } from './assessCounty.js';
export { INDICATORS, type IndicatorId } from './params.js';
export { balanceSchoolSchema, countySchema, areaSchema, BALANCE_KINDS, MAX_AREA, type BalanceSchool, type County } from './schemas.js';

/** Zod schemas of this area's calculators' first arguments, by calculator name. @internal */
export const balanceInputSchemas = {
  differenceCoefficient: coefficientRowsSchema,
  assessBalancedDevelopment: countyInputSchema,
  assessCounties: z.array(countyInputSchema),
  splitSchool: spanningSchoolSchema,
  balanceGap: countyInputSchema,
  assessGovernmentGuarantees: guaranteeEvidenceSchema,
  assessVetoes: vetoEvidenceSchema,
  assessCounty: countyInputSchema.extend({ guarantees: guaranteeEvidenceSchema.optional(), vetoes: vetoEvidenceSchema.optional() }),
} as const satisfies Record<string, z.ZodType>;
