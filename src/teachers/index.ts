/** The teachers area (opinion 4.2, 4.3, 4.4): re-exported by src/index.ts. */
import type * as z from 'zod';
import { payAveragesSchema, payRecordsSchema } from './payParity.js';
import { rotationSchema } from './rotation.js';
import { teacherListSchema, teacherSchema } from './schemas.js';
import { staffingSchema } from './staffing.js';

export {
  trainingCompliance,
  safeTrainingCompliance,
  trainingReport,
  safeTrainingReport,
  createTrainingTally,
  type TrainingComplianceResult,
  type TrainingSummary,
  type TrainingReport,
  type TrainingTally,
} from './training.js';
export type { TrainingCycle } from './params.js';
export { teacherSchema, teacherListSchema, trainingRecordSchema, MAX_RECORD_HOURS, type Teacher, type TrainingRecord } from './schemas.js';
export {
  payParity,
  safePayParity,
  payParityFromRecords,
  safePayParityFromRecords,
  payAveragesSchema,
  payRecordsSchema,
  type PayAverages,
  type PayRecords,
  type PayParityResult,
  type PayParityRecordsResult,
} from './payParity.js';
export { rotationCompliance, safeRotationCompliance, rotationSchema, type RotationFigures, type RotationResult } from './rotation.js';
export { staffingCheck, safeStaffingCheck, staffingSchema, type StaffingFigures, type StaffingResult } from './staffing.js';

/** Zod schemas of this area's calculators' first arguments, by calculator name. @internal */
export const teachersInputSchemas = {
  trainingCompliance: teacherSchema,
  trainingReport: teacherListSchema,
  payParity: payAveragesSchema,
  payParityFromRecords: payRecordsSchema,
  rotationCompliance: rotationSchema,
  staffingCheck: staffingSchema,
} as const satisfies Record<string, z.ZodType>;
