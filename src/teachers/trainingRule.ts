import type { IsoDate } from '../core/dates.js';
import type { Teacher } from './schemas.js';
import { trainingTerms, type TrainingOptions, type TrainingOutcome, type TrainingParams } from './trainingCycle.js';
import { teacherOutcome } from './trainingRecords.js';

/**
 * What the training rules read of a call: the day, and the calculator's own options (`{ cycle? }`:
 * the cycle assessed, default `'containing'`; give `{}` for the default).
 *
 * @category Teachers
 */
export interface TrainingCall {
  readonly asOf: IsoDate;
  readonly options: TrainingOptions;
}

/**
 * The pure rule of {@link trainingCompliance}: one teacher's completed and owed hours in the cycle
 * assessed (the one containing `asOf`, or with `options.cycle: 'last-completed'` the latest one
 * ended), and the status. Unchecked: give it a teacher already valid against {@link teacherSchema}
 * (employed no later than `asOf`) and parameters from `trainingCompliance.parameters(options)` (a
 * cycle of 1 to 50 years anchored on the 1st of a month); nothing is validated.
 *
 * @category Teachers
 */
export function trainingComplianceRule(teacher: Teacher, params: TrainingParams, call: TrainingCall): TrainingOutcome {
  return teacherOutcome(teacher, trainingTerms(params, call.asOf, call.options.cycle));
}

/** What {@link trainingReportRule} decides for many teachers. @category Teachers */
export interface TrainingReportOutcome {
  /** One outcome per teacher, in input order. */
  readonly teachers: TrainingOutcome[];
  /** Teachers whose status is not `'not-met'`: `met + inProgress`. */
  readonly compliant: number;
  /** Teachers who completed what they owe (met exactly is met). */
  readonly met: number;
  /** Teachers short of it in a cycle not yet over. */
  readonly inProgress: number;
  /** Teachers short of it in a cycle that is over. */
  readonly notMet: number;
  /** Hours owed by all the teachers together. */
  readonly requiredHours: number;
}

/**
 * The pure rule of {@link trainingReport}: {@link trainingComplianceRule} for every teacher, with the
 * cycle worked out once, and the counts by status (优质均衡 G9 asks all of them to have met it, and
 * at least one). Unchecked: give it teachers valid against {@link teacherListSchema} (ids once each,
 * employed no later than `asOf`) and parameters from `trainingReport.parameters(options)`.
 *
 * @category Teachers
 */
export function trainingReportRule(teachers: readonly Teacher[], params: TrainingParams, call: TrainingCall): TrainingReportOutcome {
  const terms = trainingTerms(params, call.asOf, call.options.cycle);
  const outcomes: TrainingOutcome[] = new Array(teachers.length);
  let met = 0;
  let inProgress = 0;
  let requiredHours = 0;
  for (let i = 0; i < teachers.length; i++) {
    const o = teacherOutcome(teachers[i] as Teacher, terms);
    requiredHours += o.requiredHours;
    if (o.status === 'met') met++;
    else if (o.status === 'in-progress') inProgress++;
    outcomes[i] = o;
  }
  const notMet = teachers.length - met - inProgress;
  return { teachers: outcomes, compliant: met + inProgress, met, inProgress, notMet, requiredHours };
}
