import * as z from 'zod/mini';
import { dateSchema, describeValue, idSchema, record } from '../core/schemas.js';

/**
 * The largest number of hours one training record may carry: 1,000. A five-year cycle asks 360; a
 * single record above 1,000 hours is a data error.
 *
 * @category Teachers
 */
export const MAX_RECORD_HOURS = 1000;

const hoursSchema = z
  .number({ error: (iss) => (iss.input === undefined ? 'is required (a number of hours, 学时)' : `must be a number of hours, got ${describeValue(iss.input)}`) })
  .check(
    z.minimum(0, { error: (iss) => `must not be negative, got ${describeValue(iss.input)}` }),
    z.maximum(MAX_RECORD_HOURS, { error: (iss) => `must be at most ${MAX_RECORD_HOURS} hours for one record, got ${describeValue(iss.input)}` }),
    z.refine((h: number) => !Number.isFinite(h) || Math.round(h * 10) / 10 === h, {
      error: (iss) => `must have at most one decimal place (tenths of an hour, e.g. 1.5), got ${describeValue(iss.input)}`,
    }),
  );

/** One training record: the day it was completed and its hours (学时, tenths allowed). @category Teachers */
export const trainingRecordSchema = record({ date: dateSchema, hours: hoursSchema }, 'a training record { date, hours }');

/**
 * A teacher as the training calculators take it: `{ id, employedSince?, training: [{ date, hours }] }`.
 * Unknown keys are rejected.
 *
 * @category Teachers
 */
export const teacherSchema = record(
  {
    id: idSchema,
    employedSince: z.optional(dateSchema),
    training: z.array(trainingRecordSchema, {
      error: (iss) => (iss.input === undefined ? 'is required (a list of training records, possibly empty)' : `must be a list of training records, got ${describeValue(iss.input)}`),
    }),
  },
  'a teacher object { id, employedSince?, training }',
);
/**
 * A teacher, as {@link trainingCompliance} accepts it and as the pure rules
 * ({@link trainingComplianceRule}, {@link trainingReportRule}) read it once validated.
 *
 * @category Teachers
 */
export type Teacher = z.input<typeof teacherSchema>;
/** One training record, as accepted. @category Teachers */
export type TrainingRecord = z.input<typeof trainingRecordSchema>;

/** The batch form's input. @category Teachers */
export const teacherListSchema = z.array(teacherSchema, {
  error: (iss) => `must be a list of teachers, got ${describeValue(iss.input)}`,
});
