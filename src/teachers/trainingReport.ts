import { defineLazy } from '../core/explain.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { teacherListSchema } from './schemas.js';
import { checkTrainingParams, trainingOptionsSchema, trainingReads, trainingTerms } from './trainingCycle.js';
import { checkEmployment, readTeachers } from './trainingRecords.js';
import { summaryOf, trainingContext, trainingResult, type TrainingComplianceResult, type TrainingSummary } from './trainingResult.js';
import { trainingReportRule } from './trainingRule.js';

/** What {@link trainingReport} returns. @category Teachers */
export interface TrainingReport extends TrainingSummary {
  /** One result per teacher, in input order. */
  readonly teachers: TrainingComplianceResult[];
}

/**
 * Training compliance of many teachers, and the completion rate the 优质均衡 assessment reads (G9:
 * 100 % of teachers complete the 360 hours). Parameters are resolved once; explanations are built
 * only when read.
 *
 * Each teacher is read as {@link trainingCompliance} reads one, in the cycle chosen by
 * `options.cycle` (`'containing'` by default, or `'last-completed'`). The counts: `met`,
 * `inProgress` (short, the cycle not yet over), `notMet` (short, the cycle over) and `compliant`
 * (`met + inProgress`). `completionRate` is `met ÷ total` as a plain number, with the exact fraction
 * beside it in `completion`; `fullCompletion` is true when every teacher has met the hours. An empty
 * list gives rate 0, `fullCompletion: false` and `reason: 'no-teachers'` (nothing was shown to be
 * complete).
 *
 * The 优质均衡 item G9 ({@link assessGovernmentGuarantees}) reads the cycle containing `asOf`
 * when every teacher has already met it, and otherwise the last completed cycle: a cycle still
 * running cannot show 100 % completion unless it is already reached.
 *
 * The pure rule is {@link trainingReportRule}.
 *
 * @category Teachers
 * @function
 * @param input - Teachers as {@link trainingCompliance} takes them; ids must be unique.
 * @param options - `{ asOf?, parameters?, cycle?: 'containing' | 'last-completed' }`.
 * @returns Per-teacher results in input order, the counts, the completion rate, citations and an explanation.
 * @throws {@link PolicyInputError} listing every bad teacher and field (`[3, 'training', 0, 'date']`) and repeated ids.
 * @example
 * ```ts
 * const report = trainingReport(
 *   [
 *     { id: 'A', training: [{ date: '2023-01-10', hours: 360 }] },
 *     { id: 'B', training: [{ date: '2023-01-10', hours: 90 }] },
 *   ],
 *   { asOf: '2025-12-31' },
 * );
 * report.completionRate; //=> 0.5
 * report.fullCompletion; //=> false
 * report.teachers[1]?.shortfall; //=> 270
 * report.teachers[1]?.status; //=> 'not-met'
 * // Mid-cycle, B is still in progress: compliant, but not yet complete.
 * const mid = trainingReport([{ id: 'B', training: [{ date: '2023-01-10', hours: 90 }] }], { asOf: '2024-06-30' });
 * [mid.met, mid.inProgress, mid.notMet, mid.compliant]; //=> [0, 1, 0, 1]
 * ```
 */
export const trainingReport = defineCalculator({
  name: 'trainingReport',
  provisions: ['4.2'],
  input: teacherListSchema,
  parse: readTeachers,
  options: trainingOptionsSchema,
  reads: trainingReads,
  check(teachers, call, issues) {
    if (checkTrainingParams(call.params, issues)) teachers.forEach((t, i) => checkEmployment(t, call.asOf, issues, [i]));
  },
  rule: trainingReportRule,
  result(outcome, call): TrainingReport {
    const c = trainingContext(trainingTerms(call.params, call.asOf, call.options.cycle), call.used);
    const results = outcome.teachers.map((o) => trainingResult(o, c));
    const summary = summaryOf(c, outcome, outcome.requiredHours);
    // The summary's figures, without its lazy explanation (defined again below).
    const figures = Object.getOwnPropertyDescriptors(summary) as Record<string, PropertyDescriptor>;
    delete figures['explanation'];
    const report = Object.defineProperties({ teachers: results }, figures);
    return defineLazy(report, 'explanation', () => summary.explanation) as unknown as TrainingReport;
  },
});

/**
 * {@link trainingReport} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safeTrainingReport = safe(trainingReport);
