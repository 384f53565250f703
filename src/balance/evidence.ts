import * as z from 'zod/mini';
import { admissionsPlanSchema } from '../admissions/index.js';
import { classListSchema, schoolSizeSchema } from '../classes/index.js';
import { countSchema, idSchema, listOf, moneySchema, record, yesNo } from '../core/schemas.js';
import { payAveragesSchema, rotationSchema, staffingSchema, teacherListSchema } from '../teachers/index.js';
import { areaSchema } from './schemas.js';

const pair = <A extends string, B extends string>(a: A, b: B, what: string) =>
  record({ [a]: countSchema, [b]: countSchema } as Record<A | B, typeof countSchema>, what);

/**
 * The evidence for the government-guarantee items (教督〔2017〕6号, national-standards §5.2). Every
 * field is optional: an item whose data is absent is reported as `'needs-evidence'`.
 *
 * @category Balanced development
 */
export const guaranteeEvidenceSchema = record(
  {
    /** G3: per school, its classes and the areas of its music and art rooms. */
    specialRooms: z.optional(listOf(
      record({ schoolId: idSchema, classes: countSchema, musicRoomAreas: listOf(areaSchema, 'areas in m²'), artRoomAreas: listOf(areaSchema, 'areas in m²') }, 'a school { schoolId, classes, musicRoomAreas, artRoomAreas }'),
      'schools',
    )),
    /** G4: every school's type and pupils (as `schoolSizeStatus` takes them). */
    schoolSizes: z.optional(listOf(schoolSizeSchema, 'schools { type, pupils, id? }')),
    /** G5: every class (as `classSizeReport` takes them); each is compared with `balance.guarantees.classLimit` of its stage. */
    classes: z.optional(classListSchema),
    /** G6: every village school and teaching point with its pupils and the pupils its public funding was set for. */
    smallSchools: z.optional(listOf(record({ schoolId: idSchema, pupils: countSchema, fundedPupils: countSchema }, 'a school { schoolId, pupils, fundedPupils }'), 'schools')),
    /** G7: every special-education school with its pupils and its public funding for the year (yuan). */
    specialEducation: z.optional(listOf(record({ schoolId: idSchema, pupils: countSchema, publicFunding: moneySchema }, 'a school { schoolId, pupils, publicFunding }'), 'schools')),
    /** G8: county averages (as `payParity` takes them)… */
    pay: z.optional(payAveragesSchema),
    /** …and whether the teachers' performance-pay pool (绩效工资总量) was fixed in full (足额核定). */
    performancePayPoolInFull: z.optional(yesNo("the teachers' performance-pay pool was fixed in full")),
    /** G9: the teachers with their training (as `trainingReport` takes them)… */
    trainingRecords: z.optional(teacherListSchema),
    /** …or the county's counts. */
    training: z.optional(pair('teachers', 'completed', 'counts { teachers, completed }')),
    /** G11: (as `rotationCompliance` takes them). */
    rotation: z.optional(rotationSchema),
    /** G12: teachers and those holding a teacher certificate. */
    certification: z.optional(pair('teachers', 'certified', 'counts { teachers, certified }')),
    /** G13: new pupils admitted, and those admitted to their nearby (zoned) school, by stage. */
    nearbyAdmission: z.optional(record(
      { primary: z.optional(pair('admitted', 'nearby', 'counts { admitted, nearby }')), junior: z.optional(pair('admitted', 'nearby', 'counts { admitted, nearby }')) },
      'counts by stage { primary?, junior? }',
    )),
    /** G14: quality senior-high places, and those allocated to junior schools. */
    quotaAllocation: z.optional(pair('qualityPlaces', 'allocatedPlaces', 'counts { qualityPlaces, allocatedPlaces }')),
    /** G15: eligible migrant children and those in public schools or government-purchased places, and whether a left-behind children care system exists. */
    migrantChildren: z.optional(pair('eligible', 'inPublicOrPurchased', 'counts { eligible, inPublicOrPurchased }')),
    leftBehindCareSystem: z.optional(yesNo('a care system for left-behind children exists')),
  },
  'an object of guarantee evidence',
);

/** The evidence for the government-guarantee items, as given. @category Balanced development */
export type GuaranteeEvidence = z.input<typeof guaranteeEvidenceSchema>;

/** The evidence for the government-guarantee items, validated: what {@link assessGovernmentGuaranteesRule} reads. @category Balanced development */
export type GuaranteeEvidenceRecord = z.output<typeof guaranteeEvidenceSchema>;

/**
 * The evidence for the one-vote vetoes. `admissions`: the schools' admissions plans (as
 * `admissionsPlanCheck` takes them); `staffing`: the county's posts (as `staffingCheck` takes
 * them); the rest are an inspector's findings.
 *
 * @category Balanced development
 */
export const vetoEvidenceSchema = record(
  {
    admissions: z.optional(listOf(admissionsPlanSchema, 'admissions plans')),
    staffing: z.optional(staffingSchema),
    irregularSchoolChoice: z.optional(yesNo('irregular school choice found')),
    majorSafetyIncident: z.optional(yesNo('a major safety incident')),
    falsifiedData: z.optional(yesNo('falsified data found')),
  },
  'an object of veto evidence',
);

/** The evidence for the vetoes, as given. @category Balanced development */
export type VetoEvidence = z.input<typeof vetoEvidenceSchema>;

/** The evidence for the vetoes, validated: what {@link assessVetoesRule} reads. @category Balanced development */
export type VetoEvidenceRecord = z.output<typeof vetoEvidenceSchema>;
