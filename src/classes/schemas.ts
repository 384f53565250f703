import * as z from 'zod';
import type { PolicyIssue } from '../core/errors.js';
import { choice, countSchema, fromZodIssues, idSchema, MAX_COUNT, record } from '../core/schemas.js';
import { LOCATIONS, STAGES, type Location, type Stage } from '../core/types.js';

const flag = (what: string) =>
  z.boolean({ error: (iss) => (iss.input === undefined ? `is required (${what})` : `must be true or false (${what})`) });

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
    id: idSchema.optional(),
    schoolId: idSchema.optional(),
    town: idSchema.optional(),
    location: choice(LOCATIONS, 'the statistical location class').optional(),
    stage: choice(STAGES, 'stage'),
    size: countSchema,
    incomplete: flag('whether the class is in an incomplete primary school').optional(),
  },
  'a class object { stage, size, id?, schoolId?, town?, location?, incomplete? }',
).superRefine((c, ctx) => {
  if (c.incomplete === true && c.stage === 'junior') {
    ctx.addIssue({
      code: 'custom',
      path: ['incomplete'],
      message: "applies to primary classes only (an incomplete primary school, 非完全小学); this class's stage is 'junior'",
      params: { code: 'inconsistent', provision: 'gb-50099-2011' },
      input: c.incomplete,
    });
  }
});

/** A class, as the class-size calculators accept it. @category Classes */
export type ClassInput = z.input<typeof classSchema>;

/** The class-size report's input: a list of classes. @category Classes */
export const classListSchema = z.array(classSchema, {
  error: (iss) => `must be a list of classes, got ${iss.input === null ? 'null' : typeof iss.input}`,
});

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
    id: idSchema.optional(),
    type: choice(SCHOOL_TYPES, 'type of school'),
    pupils: countSchema,
  },
  'a school object { type, pupils, id? }',
);
/** @category Classes */
export type SchoolSizeInput = z.input<typeof schoolSizeSchema>;

// ---------------------------------------------------------------- the fast path

const CLASS_KEYS = new Set(['id', 'schoolId', 'town', 'location', 'stage', 'size', 'incomplete']);

const isPlain = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

const label = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.length > 0 && v.length <= 200);

/**
 * The fast path of class validation: true for a well-formed class, with a few comparisons and no
 * allocation; false for anything unusual, and the caller runs the zod schema, which words the
 * issues. It accepts only what {@link classSchema} accepts (a property test checks it).
 *
 * @internal
 */
export function isWellFormedClass(input: unknown): input is ClassRecord {
  if (!isPlain(input)) return false;
  // `for…in` sees own enumerable keys (and an own `__proto__`), as zod's strict object does.
  for (const key in input) if (!CLASS_KEYS.has(key)) return false;
  const { stage, size, incomplete, location } = input;
  if (stage !== 'primary' && stage !== 'junior') return false;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_COUNT) return false;
  if (incomplete !== undefined && incomplete !== false && (incomplete !== true || stage !== 'primary')) return false;
  if (location !== undefined && location !== 'urban' && location !== 'town' && location !== 'rural') return false;
  return label(input['id']) && label(input['schoolId']) && label(input['town']);
}

/** A validated class, as the rules read it. @internal */
export interface ClassRecord {
  readonly id?: string;
  readonly schoolId?: string;
  readonly town?: string;
  readonly location?: Location;
  readonly stage: Stage;
  readonly size: number;
  readonly incomplete?: boolean;
}

/**
 * Validates one class: the fast path, else the zod schema with its issues under `prefix`.
 *
 * @internal
 */
export function readClass(input: unknown, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): ClassRecord | undefined {
  if (isWellFormedClass(input)) return input;
  const parsed = classSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data as ClassRecord;
  issues.push(...fromZodIssues(parsed.error.issues, prefix));
  return undefined;
}
