import * as z from 'zod/mini';
import { choice, countSchema, idSchema, record, yesNo } from '../core/schemas.js';
import { LOCATIONS, STAGES, type Location, type Stage } from '../core/types.js';

/**
 * A class (教学班) as the class-size calculators take it. `stage` and `size` are required; the rest
 * are optional labels the report groups by.
 *
 * - `schoolId`: the school the class belongs to.
 * - `town`: the 镇 / 街道 the school belongs to, a free-text grouping label (镇街).
 * - `location`: the statistical 城区 `'urban'` / 镇区 `'town'` / 乡村 `'rural'` class of the school's
 *   location; `'urban'` and `'town'` are the 城镇 of opinion 2.3's deadline.
 * - `incomplete`: the class is in an incomplete primary school (非完全小学, standard 30); primary only.
 *
 * Unknown keys are rejected.
 *
 * @category Classes
 */
export const classSchema = record(
  {
    id: z.optional(idSchema),
    schoolId: z.optional(idSchema),
    town: z.optional(idSchema),
    location: z.optional(choice(LOCATIONS, 'the statistical location class')),
    stage: choice(STAGES, 'stage'),
    size: countSchema,
    incomplete: z.optional(yesNo('whether the class is in an incomplete primary school')),
  },
  'a class object { stage, size, id?, schoolId?, town?, location?, incomplete? }',
).check(
  z.superRefine((c, ctx) => {
    if (c.incomplete === true && c.stage === 'junior') {
      ctx.addIssue({
        code: 'custom',
        path: ['incomplete'],
        message: "applies to primary classes only (an incomplete primary school, 非完全小学); this class's stage is 'junior'",
        params: { code: 'inconsistent', provision: 'gb-50099-2011' },
        input: c.incomplete,
      });
    }
  }),
);

/** A class, as the class-size calculators accept it. @category Classes */
export type ClassInput = z.input<typeof classSchema>;

/** The class-size report's input: a list of classes. @category Classes */
export const classListSchema = z.array(classSchema, {
  error: (iss) => `must be a list of classes, got ${iss.input === null ? 'null' : typeof iss.input}`,
});

/**
 * A validated class, as the class-size rules read it ({@link classSizeStatusRule},
 * {@link classSizeReportRule}): a {@link ClassInput} that {@link classSchema} accepted.
 *
 * @category Classes
 */
export interface ClassRecord {
  readonly id?: string | undefined;
  readonly schoolId?: string | undefined;
  readonly town?: string | undefined;
  readonly location?: Location | undefined;
  readonly stage: Stage;
  readonly size: number;
  readonly incomplete?: boolean | undefined;
}

/** Keys a class-size report can group by. @category Classes */
export const GROUP_KEYS = ['schoolId', 'town', 'location', 'stage'] as const;
/** One of {@link GROUP_KEYS}. @category Classes */
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Kinds of school for the school-size limit. @category Classes */
export const SCHOOL_TYPES = ['primary', 'junior', 'nine-year', 'twelve-year'] as const;
/** 小学, 初中, 九年一贯制, 十二年一贯制. @category Classes */
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/**
 * A school as {@link schoolSizeStatus} takes it: its type and its pupils (for a twelve-year school,
 * the pupils of its compulsory part, grades 1–9).
 *
 * @category Classes
 */
export const schoolSizeSchema = record(
  {
    id: z.optional(idSchema),
    type: choice(SCHOOL_TYPES, 'type of school'),
    pupils: countSchema,
  },
  'a school object { type, pupils, id? }',
);
/** @category Classes */
export type SchoolSizeInput = z.input<typeof schoolSizeSchema>;

/**
 * A validated school, as {@link schoolSizeStatusRule} reads it: a {@link SchoolSizeInput} that
 * {@link schoolSizeSchema} accepted.
 *
 * @category Classes
 */
export interface SchoolSizeRecord {
  readonly id?: string | undefined;
  readonly type: SchoolType;
  readonly pupils: number;
}
