import { defineCalculator, safe } from '../parameters/kit.js';
import { teacherSchema } from './schemas.js';
import { checkTrainingParams, trainingOptionsSchema, trainingReads, trainingTerms } from './trainingCycle.js';
import { checkEmployment, readTeacher } from './trainingRecords.js';
import { trainingContext, trainingResult } from './trainingResult.js';
import { trainingComplianceRule } from './trainingRule.js';

/**
 * One teacher's position in the five-year training cycle (教师全员培训, 5年一周期不少于360学时).
 *
 * Encodes opinion **4.2**. Cycles are of `teachers.training.cycleYears` (5) years counted from
 * `teachers.training.cycleAnchor` (2021-01-01, unverified: 2016-01-01 … 2020-12-31, 2021-01-01 …
 * 2025-12-31, 2026-01-01 … 2030-12-31), both ends inclusive. The cycle assessed is the one
 * containing `asOf` (`options.cycle: 'containing'`, the default), or with `'last-completed'` the
 * latest one that has ended on `asOf` (the containing one when `asOf` is its last day, else the one
 * before it). Readings:
 *
 * - `status`: `'met'` when the hours owed are completed; `'in-progress'` when short and the cycle
 *   has not ended on `asOf` (5年一周期 asks the hours by the cycle's end, so a shortfall mid-cycle
 *   is not a breach); `'not-met'` only when short and the cycle has ended (`asOf` is its last day
 *   or later). `compliant` is false only for `'not-met'`. So a teacher with 300 hours in mid-2024
 *   (cycle 2021–2025) is `'in-progress'` and compliant, with 60 hours still to do.
 * - A teacher employed after the cycle assessed ended (possible with `'last-completed'`) owes
 *   nothing for it: 0 hours, met.
 * - The parameters are those in force on `asOf`, whichever cycle is assessed.
 *
 * - `completedHours` sums the records dated inside the cycle and not after `asOf`; records before
 *   the cycle or after `asOf` are left out (the explanation counts them).
 * - Hours may have one decimal place (1.5 学时); they are summed as integer tenths, so 359.9 + 0.1
 *   is exactly 360.
 * - 不少于 includes the number: 360 hours exactly is compliant.
 * - A teacher employed after the cycle began (no national rule found) owes, by default
 *   (`teachers.training.midCycleHires: 'pro-rata-months'`), `ceil(360 × months ÷ 60)` hours, where
 *   `months` counts the cycle's months from the first full month of employment (the month of
 *   `employedSince` when it is the 1st, otherwise the next month) to the cycle's end; 6 hours a month,
 *   so with the defaults no rounding happens. `'full'` asks the whole 360. No `employedSince`, or
 *   one on or before the cycle's first day: the full requirement.
 * - Before the cycle ends the result reads as progress: `shortfall` is what is still to do.
 * - Records count up to `asOf`, and for a completed cycle up to its last day.
 *
 * The pure rule is {@link trainingComplianceRule}.
 *
 * @category Teachers
 * @function
 * @param input - `{ id, employedSince?, training: [{ date, hours }] }`.
 * @param options - `{ asOf?, parameters?, cycle?: 'containing' | 'last-completed' }`.
 * @returns The cycle, completed and required hours, the shortfall, the status, whether it is compliant, citations and an explanation.
 * @throws {@link PolicyInputError} for invalid input (2022-02-30 is not a date; 1.25 hours has two decimals), `employedSince` after `asOf`, or an `asOf` before the opinion's effective date (`opinion.effectiveFrom`, default 2017-05-23).
 * @example
 * ```ts
 * const r = trainingCompliance(
 *   { id: 'T1', training: [{ date: '2021-03-01', hours: 200 }, { date: '2025-12-31', hours: 160 }] },
 *   { asOf: '2025-12-31' },
 * );
 * r.cycle; //=> { start: '2021-01-01', end: '2025-12-31' }
 * r.completedHours; //=> 360
 * r.compliant; //=> true
 * const hired = { id: 'T2', employedSince: '2023-03-15', training: [{ date: '2024-05-01', hours: 150.5 }] };
 * trainingCompliance(hired, { asOf: '2025-06-30' }).requiredHours; //=> 198
 * ```
 * @example
 * Mid-cycle a shortfall is progress; once the cycle is over it is a breach:
 * ```ts
 * const t = { id: 'T3', training: [{ date: '2022-06-01', hours: 300 }] };
 * const mid = trainingCompliance(t, { asOf: '2024-06-30' });
 * mid.status; //=> 'in-progress'
 * mid.compliant; //=> true
 * mid.shortfall; //=> 60
 * trainingCompliance(t, { asOf: '2025-12-31' }).status; //=> 'not-met'
 * // The last completed cycle seen from mid-2026 is 2021–2025:
 * const last = trainingCompliance(t, { asOf: '2026-06-30', cycle: 'last-completed' });
 * last.cycle; //=> { start: '2021-01-01', end: '2025-12-31' }
 * last.compliant; //=> false
 * ```
 */
export const trainingCompliance = defineCalculator({
  name: 'trainingCompliance',
  provisions: ['4.2'],
  input: teacherSchema,
  parse: (input, issues) => readTeacher(input, issues),
  options: trainingOptionsSchema,
  reads: trainingReads,
  check(teacher, call, issues) {
    if (checkTrainingParams(call.params, issues)) checkEmployment(teacher, call.asOf, issues);
  },
  rule: trainingComplianceRule,
  result: (outcome, call) => trainingResult(outcome, trainingContext(trainingTerms(call.params, call.asOf, call.options.cycle), call.used)),
});

/**
 * {@link trainingCompliance} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safeTrainingCompliance = safe(trainingCompliance);
