/** The planning area (opinion 1.1, 1.2, 8.2, and the dated targets of 1.3, 2.3, 3.2, 3.3): re-exported by src/index.ts. */
import type * as z from 'zod';
import { rectificationListSchema } from './rectificationStatus.js';
import { seatSupplySchema } from './seatSupply.js';
import { districtSchoolsSchema } from './specialEducationSchoolCheck.js';
import { supportingSchoolSchema } from './supportingSchoolCheck.js';

export {
  seatSupply,
  safeSeatSupply,
  seatSupplySchema,
  seatRowSchema,
  type SeatSupplyInput,
  type SeatSupplyResult,
  type StageSeatSupply,
} from './seatSupply.js';
export {
  specialEducationSchoolCheck,
  safeSpecialEducationSchoolCheck,
  districtSchoolsSchema,
  type DistrictSchoolsInput,
  type SpecialEducationSchoolResult,
} from './specialEducationSchoolCheck.js';
export {
  supportingSchoolCheck,
  safeSupportingSchoolCheck,
  supportingSchoolSchema,
  SUPPORTING_SCHOOL_STATUSES,
  ACCEPTANCE_GATE_CLAUSE,
  type SupportingSchoolInput,
  type SupportingSchoolStatus,
  type SupportingSchoolResult,
} from './supportingSchoolCheck.js';
export {
  rectificationStatus,
  safeRectificationStatus,
  rectificationItemSchema,
  rectificationListSchema,
  RECTIFICATION_STATUSES,
  type RectificationItem,
  type RectificationState,
  type RectificationItemStatus,
  type RectificationStatusResult,
} from './rectificationStatus.js';
export {
  opinionTargets,
  safeOpinionTargets,
  type OpinionTarget,
  type OpinionTargetsResult,
  type TargetProvision,
} from './opinionTargets.js';

/**
 * Zod schemas of this area's calculators' first arguments, by calculator name. `opinionTargets`
 * takes only options, so it has no entry.
 *
 * @internal
 */
export const planningInputSchemas = {
  seatSupply: seatSupplySchema,
  specialEducationSchoolCheck: districtSchoolsSchema,
  supportingSchoolCheck: supportingSchoolSchema,
  rectificationStatus: rectificationListSchema,
} as const satisfies Record<string, z.ZodType>;
