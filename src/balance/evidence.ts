import * as z from 'zod/mini';
import { admissionsPlanSchema } from '../admissions/index.js';
import { classListSchema, schoolSizeSchema } from '../classes/index.js';
import { countSchema, describeValue, idSchema, listOf, moneySchema, record, yesNo } from '../core/schemas.js';
import { decimalUnits } from '../core/util.js';
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
    /** G1, G2, G10: an inspector's findings (`true` / `false`); absent, the item needs evidence. */
    soundLayout: z.optional(yesNo('G1: the school layout is sound (an inspector\'s finding)')),
    oneUrbanRuralStandard: z.optional(yesNo('G2: one urban-rural standard for building, posts, funding and equipment (an inspector\'s finding)')),
    countyAllocatesPosts: z.optional(yesNo('G10: the county allocates teacher posts among schools (an inspector\'s finding)')),
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

/** A rate from 0 to 1 with at most six decimal places, compared exactly. */
const rateSchema = z
  .number({ error: (iss) => (iss.input === undefined ? 'is required (a rate from 0 to 1)' : `must be a rate from 0 to 1, got ${describeValue(iss.input)}`) })
  .check(z.refine((v) => v <= 1 && decimalUnits(v, 6) !== undefined, { error: (iss) => `must be a rate from 0 to 1 with at most six decimal places, got ${describeValue(iss.input)}` }));

/**
 * The evidence for the nine education-quality items (教育质量) of the county assessment. Every field
 * is optional: an item whose evidence is absent is `'needs-evidence'`, never passed by default.
 * Q1 `juniorRetention`, Q2 `disabledEnrolment`, Q4 `trainingSpending` (per school, yuan), Q9
 * `monitoring`; Q3, Q5–Q8 are an inspector's findings (`true` / `false`).
 *
 * @category Balanced development
 */
export const qualityEvidenceSchema = record(
  {
    /** Q1: the junior cohort at its start and those still enrolled three years on. */
    juniorRetention: z.optional(pair('cohortStart', 'retained', 'counts { cohortStart, retained }')),
    /** Q2: disabled children of compulsory-school age and those enrolled. */
    disabledEnrolment: z.optional(pair('children', 'enrolled', 'counts { children, enrolled }')),
    /** Q3: school charters and digitised management (章程建设、信息化管理) in every school. */
    charterAndDigitalManagement: z.optional(yesNo('Q3: every school has a charter and digitised management')),
    /** Q4: per school, its annual public-funding budget and its teacher-training spending, in yuan. */
    trainingSpending: z.optional(listOf(
      record({ schoolId: idSchema, publicFundingBudget: moneySchema, trainingSpending: moneySchema }, 'a school { schoolId, publicFundingBudget, trainingSpending }'),
      'schools',
    )),
    /** Q5: ICT used in teaching. */
    ictUse: z.optional(yesNo('Q5: ICT is used in teaching')),
    /** Q6: 德育 and campus culture rated good or better. */
    moralEducationGood: z.optional(yesNo('Q6: moral education and campus culture rated good')),
    /** Q7: every course of the national curriculum taught in full. */
    coursesInFull: z.optional(yesNo('Q7: every course taught in full')),
    /** Q8: no excessive academic burden on pupils. */
    noExcessiveBurden: z.optional(yesNo('Q8: no excessive academic burden')),
    /** Q9: the county's result in national quality monitoring. */
    monitoring: z.optional(record(
      { atLevelIIIOrAbove: yesNo('Q9: every subject monitored at level III or above'), interSchoolDifferenceRate: rateSchema },
      'an object { atLevelIIIOrAbove, interSchoolDifferenceRate }',
    )),
  },
  'an object of quality evidence',
);

/** The evidence for the education-quality items, as given. @category Balanced development */
export type QualityEvidence = z.input<typeof qualityEvidenceSchema>;

/** The evidence for the education-quality items, validated. @category Balanced development */
export type QualityEvidenceRecord = z.output<typeof qualityEvidenceSchema>;

/**
 * The public-recognition survey (社会认可度): per respondent group (pupils, parents, teachers,
 * principals, deputies and members, residents — the group is a name of the caller's), those who
 * answered and those satisfied.
 *
 * @category Balanced development
 */
export const recognitionEvidenceSchema = record(
  {
    groups: listOf(
      record({ group: idSchema, respondents: countSchema, satisfied: countSchema }, 'a group { group, respondents, satisfied }'),
      'respondent groups',
    ),
  },
  'an object { groups }',
);

/** The recognition survey, as given. @category Balanced development */
export type RecognitionEvidence = z.input<typeof recognitionEvidenceSchema>;

/** The recognition survey, validated. @category Balanced development */
export type RecognitionEvidenceRecord = z.output<typeof recognitionEvidenceSchema>;
