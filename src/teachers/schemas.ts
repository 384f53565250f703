import * as z from 'zod';
import { toIsoDate, type IsoDate } from '../core/dates.js';
import { dateSchema, describeValue, idSchema, record } from '../core/schemas.js';

/**
 * The largest number of hours one training record may carry: 1,000. A five-year cycle asks 360; a
 * single record above 1,000 hours is a data error.
 *
 * @category Teachers
 */
export const MAX_RECORD_HOURS = 1000;

/**
 * Hours of one training record as tenths of an hour (`1.5` → 15), or -1 when the value is not a
 * number of hours from 0 to {@link MAX_RECORD_HOURS} with at most one decimal place. Exact: `t / 10`
 * is the double nearest the decimal with one place, so `t / 10 === hours` holds exactly for such
 * decimals and for nothing else.
 *
 * @internal
 */
export function tenthsOf(hours: unknown): number {
  if (typeof hours !== 'number' || !(hours >= 0) || hours > MAX_RECORD_HOURS) return -1;
  const t = Math.round(hours * 10);
  return t / 10 === hours ? t : -1;
}

const hoursSchema = z
  .number({ error: (iss) => (iss.input === undefined ? 'is required (a number of hours, 学时)' : `must be a number of hours, got ${describeValue(iss.input)}`) })
  .min(0, { error: (iss) => `must not be negative, got ${describeValue(iss.input)}` })
  .max(MAX_RECORD_HOURS, { error: (iss) => `must be at most ${MAX_RECORD_HOURS} hours for one record, got ${describeValue(iss.input)}` })
  .refine((h) => !Number.isFinite(h) || Math.round(h * 10) / 10 === h, {
    error: (iss) => `must have at most one decimal place (tenths of an hour, e.g. 1.5), got ${describeValue(iss.input)}`,
  });

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
    employedSince: dateSchema.optional(),
    training: z.array(trainingRecordSchema, {
      error: (iss) => (iss.input === undefined ? 'is required (a list of training records, possibly empty)' : `must be a list of training records, got ${describeValue(iss.input)}`),
    }),
  },
  'a teacher object { id, employedSince?, training }',
);
/** A teacher, as {@link trainingCompliance} accepts it. @category Teachers */
export type Teacher = z.input<typeof teacherSchema>;
/** One training record, as accepted. @category Teachers */
export type TrainingRecord = z.input<typeof trainingRecordSchema>;

/** The batch form's input. @category Teachers */
export const teacherListSchema = z.array(teacherSchema, {
  error: (iss) => `must be a list of teachers, got ${describeValue(iss.input)}`,
});

/** Days in each month of a leap year (February checked apart). */
const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * A date as an ISO string, quickly: a well-formed `'YYYY-MM-DD'` string is checked by its
 * character codes (no regular expression), a `Date` by {@link toIsoDate}. `undefined` when it is
 * not a real calendar date (2022-02-30 is not).
 *
 * @internal
 */
export function fastDate(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string') return value instanceof Date ? toIsoDate(value) : undefined;
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    year = year * 10 + c;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > (DAYS[month] as number)) return undefined;
  if (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return undefined;
  return value;
}
