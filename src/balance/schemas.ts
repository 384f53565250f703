import * as z from 'zod/mini';
import { choice, countSchema, describeValue, idSchema, moneySchema, record } from '../core/schemas.js';
import { STAGES, type Stage } from '../core/types.js';

/** The seven resource indicators of 教督〔2017〕6号 §5.1. @category Balanced development */
export type IndicatorId = 'L1' | 'L2' | 'L3' | 'L4' | 'L5' | 'L6' | 'L7';
/** The indicator ids in order. @category Balanced development */
export const INDICATORS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'] as const satisfies readonly IndicatorId[];

/** The largest area junheng accepts for one school: 100,000,000 m². @category Balanced development */
export const MAX_AREA = 100_000_000;

/** Kinds of row in the county assessment: an ordinary school, or a teaching point (教学点). @category Balanced development */
export const BALANCE_KINDS = ['school', 'teaching-point'] as const;

/**
 * An area in m²: a non-negative finite number (decimals allowed, read exactly from their decimal
 * text).
 *
 * @category Validation
 */
export const areaSchema = z
  .number({ error: (iss) => (iss.input === undefined ? 'is required (an area in m², a non-negative number)' : `must be an area in m² (a non-negative number), got ${describeValue(iss.input)}`) })
  .check(
    z.minimum(0, { error: (iss) => `must not be negative, got ${describeValue(iss.input)}` }),
    z.maximum(MAX_AREA, { error: (iss) => `must be at most ${MAX_AREA} m², got ${describeValue(iss.input)}` }),
  );

/** Pupils of a row: a count of at least 1 (a row with no pupils has no per-pupil values). */
const pupilsSchema = countSchema.check(
  z.minimum(1, {
    error: (iss) => `must be at least 1, got ${describeValue(iss.input)}: a school with no pupils has no per-pupil values (leave the row out)`,
  }),
);

/**
 * One row of the county assessment: one school at one stage (a nine-year school gives two rows;
 * see {@link splitSchool}). Unknown keys are rejected.
 *
 * @category Balanced development
 */
export const balanceSchoolSchema = record(
  {
    id: idSchema,
    stage: choice(STAGES, 'the stage of this row'),
    kind: z.optional(choice(BALANCE_KINDS, 'kind of school')),
    pupils: pupilsSchema,
    qualifiedTeachers: countSchema,
    backboneTeachers: countSchema,
    peArtTeachers: countSchema,
    teachingAuxiliaryArea: areaSchema,
    sportsArea: areaSchema,
    equipmentValue: moneySchema,
    multimediaClassrooms: countSchema,
  },
  'a school row { id, stage, pupils, qualifiedTeachers, backboneTeachers, peArtTeachers, teachingAuxiliaryArea, sportsArea, equipmentValue, multimediaClassrooms }',
);

/** One row of the county assessment, as given. @category Balanced development */
export type BalanceSchool = z.input<typeof balanceSchoolSchema>;

/**
 * A validated row as the rules read it: flat, the kind filled in, equipment value in integer fen.
 *
 * @category Balanced development
 */
export interface BalanceRow {
  readonly id: string;
  readonly stage: Stage;
  readonly kind: 'school' | 'teaching-point';
  readonly pupils: number;
  readonly qualifiedTeachers: number;
  readonly backboneTeachers: number;
  readonly peArtTeachers: number;
  readonly teachingAuxiliaryArea: number;
  readonly sportsArea: number;
  readonly equipmentFen: number;
  readonly multimediaClassrooms: number;
}

/**
 * A county as {@link assessBalancedDevelopment} takes it: its school rows, and optionally an id, a
 * name, and the evidence for the government-guarantee items and the vetoes (read by
 * {@link assessCounty}; {@link assessBalancedDevelopment} checks only that they are objects).
 *
 * @category Balanced development
 */
export const countySchema = record(
  {
    id: z.optional(idSchema),
    name: z.optional(
      z
        .string({ error: (iss) => `must be a text, got ${describeValue(iss.input)}` })
        .check(z.maxLength(200, { error: 'must be at most 200 characters' })),
    ),
    schools: z.array(z.unknown(), { error: (iss) => (iss.input === undefined ? 'is required (a list of school rows)' : `must be a list of school rows, got ${describeValue(iss.input)}`) }),
    guarantees: z.optional(z.record(z.string(), z.unknown(), { error: (iss) => `must be an object of guarantee evidence, got ${describeValue(iss.input)}` })),
    vetoes: z.optional(z.record(z.string(), z.unknown(), { error: (iss) => `must be an object of veto evidence, got ${describeValue(iss.input)}` })),
    quality: z.optional(z.record(z.string(), z.unknown(), { error: (iss) => `must be an object of quality evidence, got ${describeValue(iss.input)}` })),
    recognition: z.optional(z.record(z.string(), z.unknown(), { error: (iss) => `must be an object { groups }, got ${describeValue(iss.input)}` })),
  },
  'a county object { schools: [...] }',
);

/** A county, as given. @category Balanced development */
export interface County {
  /** An identifier for reports (a county code). */
  id?: string;
  name?: string;
  /** One row per school and stage. */
  schools: readonly BalanceSchool[];
  /** Evidence for the government-guarantee items (see {@link GuaranteeEvidence}); read by {@link assessCounty}. */
  guarantees?: Record<string, unknown>;
  /** Evidence for the vetoes (see {@link VetoEvidence}); read by {@link assessCounty}. */
  vetoes?: Record<string, unknown>;
  /** Evidence for the education-quality items Q1–Q9 (see {@link QualityEvidence}); read by {@link assessCounty}. */
  quality?: Record<string, unknown>;
  /** The public-recognition survey (see {@link RecognitionEvidence}); read by {@link assessCounty}. */
  recognition?: Record<string, unknown>;
}

/**
 * A validated county as the rules read it: its rows (at least one), and its id and name when given.
 *
 * @category Balanced development
 */
export interface CountyRecord {
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly rows: readonly BalanceRow[];
}
