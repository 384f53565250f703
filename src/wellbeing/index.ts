/** The wellbeing area (opinion 3.2, 3.3, 6.2, 6.3, 7.1): re-exported by src/index.ts. */
import type * as z from 'zod';
import { careLedgerSchema } from './careLedgerCheck.js';
import { connectivityListSchema } from './connectivityCoverage.js';
import { evaluationPolicySchema } from './evaluationPolicyCheck.js';
import { parentSchoolListSchema } from './parentSchoolCoverage.js';
import { physicalAndArtsSchema } from './physicalAndArtsCheck.js';
import { securityListSchema } from './securityPostCheck.js';

export type { Coverage, TargetDeadline } from './common.js';
export {
  physicalAndArtsCheck,
  safePhysicalAndArtsCheck,
  physicalAndArtsSchema,
  MINUTES_PER_DAY,
  type HealthMonitoringPeriod,
  type PhysicalAndArtsInput,
  type PhysicalAndArtsResult,
  type ExerciseStatus,
  type HealthMonitoringStatus,
  type ArtsCoverageStatus,
} from './physicalAndArtsCheck.js';
export {
  parentSchoolCoverage,
  safeParentSchoolCoverage,
  townParentSchoolSchema,
  parentSchoolListSchema,
  type TownParentSchool,
  type ParentSchoolCoverageResult,
} from './parentSchoolCoverage.js';
export {
  evaluationPolicyCheck,
  safeEvaluationPolicyCheck,
  evaluationPolicySchema,
  RANKED_UNITS,
  EVALUATION_RULES,
  type RankedUnit,
  type EvaluationRule,
  type EvaluationPolicy,
  type EvaluationViolation,
  type EvaluationPolicyCheckResult,
} from './evaluationPolicyCheck.js';
export {
  careLedgerCheck,
  safeCareLedgerCheck,
  careLedgerEntrySchema,
  careLedgerSchema,
  CARE_CATEGORIES,
  GUARDIANS,
  type CareCategory,
  type Guardian,
  type CareLedgerEntry,
  type UncoveredChild,
  type CareCounts,
  type CareTownCounts,
  type CareLedgerResult,
} from './careLedgerCheck.js';
export {
  connectivityCoverage,
  safeConnectivityCoverage,
  schoolConnectivitySchema,
  connectivityListSchema,
  type SchoolConnectivity,
  type ConnectivityShortfall,
  type ConnectivityCoverageResult,
} from './connectivityCoverage.js';
export {
  securityPostCheck,
  safeSecurityPostCheck,
  schoolSecuritySchema,
  securityListSchema,
  type SchoolSecurity,
  type SecurityShortfall,
  type SecurityPostResult,
} from './securityPostCheck.js';

/** Zod schemas of this area's calculators' first arguments, by calculator name. @internal */
export const wellbeingInputSchemas = {
  physicalAndArtsCheck: physicalAndArtsSchema,
  parentSchoolCoverage: parentSchoolListSchema,
  evaluationPolicyCheck: evaluationPolicySchema,
  careLedgerCheck: careLedgerSchema,
  connectivityCoverage: connectivityListSchema,
  securityPostCheck: securityListSchema,
} as const satisfies Record<string, z.ZodType>;
