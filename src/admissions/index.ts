/** The admissions area (opinion 2.2, 6.1): re-exported by src/index.ts. */
import type * as z from 'zod';
import { admissionsPlanSchema } from './admissionsPlanCheck.js';
import { enrolmentSchema } from './enrolmentStatus.js';
import { migrantChildSchema } from './migrantChildEligibility.js';

export { enrolmentStatus, safeEnrolmentStatus, enrolmentSchema, type EnrolmentInput, type EnrolmentStatusResult } from './enrolmentStatus.js';
export {
  admissionsPlanCheck,
  safeAdmissionsPlanCheck,
  admissionsPlanSchema,
  ADMISSION_CERTIFICATES,
  SPECIAL_CLASSES,
  FORBIDDEN_PRACTICES,
  type AdmissionCertificate,
  type SpecialClass,
  type ForbiddenPractice,
  type AdmissionsPlan,
  type PlanViolation,
  type AdmissionsPlanCheckResult,
} from './admissionsPlanCheck.js';
export {
  migrantChildEligibility,
  safeMigrantChildEligibility,
  migrantChildSchema,
  type MigrantChild,
  type MigrantEligibilityReason,
  type MigrantChildEligibilityResult,
} from './migrantChildEligibility.js';

/** Zod schemas of this area's calculators' first arguments, by calculator name. @internal */
export const admissionsInputSchemas = {
  enrolmentStatus: enrolmentSchema,
  admissionsPlanCheck: admissionsPlanSchema,
  migrantChildEligibility: migrantChildSchema,
} as const satisfies Record<string, z.ZodType>;
