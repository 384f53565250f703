/** The classes area (opinion 2.3, 2.1/2.2 school size): re-exported by src/index.ts. */
import type * as z from 'zod';
import { classListSchema, classSchema, schoolSizeSchema } from './schemas.js';

export { classSizeStatus, safeClassSizeStatus, type ClassSizeStatusResult } from './classSizeStatus.js';
export {
  classSizeReport,
  safeClassSizeReport,
  createClassSizeTally,
  type ClassSizeTally,
  GROUP_KEYS,
  type GroupKey,
  type ClassSizeReportOptions,
  type ClassSizeReportResult,
  type ClassCounts,
  type ClassGroup,
  type BandCounts,
  type LargeClassDeadline,
} from './classSizeReport.js';
export { schoolSizeStatus, safeSchoolSizeStatus, type SchoolSizeStatusResult } from './schoolSizeStatus.js';
export { CLASS_SIZE_STATUSES, type ClassSizeStatus } from './params.js';
export {
  classSchema,
  classListSchema,
  schoolSizeSchema,
  SCHOOL_TYPES,
  type ClassInput,
  type SchoolType,
  type SchoolSizeInput,
} from './schemas.js';

/** Zod schemas of this area's calculators' first arguments, by calculator name. @internal */
export const classesInputSchemas = {
  classSizeStatus: classSchema,
  classSizeReport: classListSchema,
  schoolSizeStatus: schoolSizeSchema,
} as const satisfies Record<string, z.ZodType>;
