import type { IsoDate } from '../core/dates.js';
import type { Teacher } from './schemas.js';
import { trainingTerms, type TrainingOutcome, type TrainingParams } from './trainingCycle.js';
import { teacherOutcome } from './trainingRecords.js';

/**
 * The pure rule of {@link trainingCompliance}: one teacher's completed and owed hours in the cycle
 * containing `asOf`. Unchecked: give it a teacher already valid against {@link teacherSchema}
 * (employed no later than `asOf`) and parameters from `trainingCompliance.parameters(options)` (a
 * cycle of 1 to 50 years anchored on the 1st of a month); nothing is validated.
 *
 * @category Teachers
 */
export function trainingComplianceRule(teacher: Teacher, params: TrainingParams, call: { readonly asOf: IsoDate }): TrainingOutcome {
  return teacherOutcome(teacher, trainingTerms(params, call.asOf));
}

/** What {@link trainingReportRule} decides for many teachers. @category Teachers */
export interface TrainingReportOutcome {
  /** One outcome per teacher, in input order. */
  readonly teachers: TrainingOutcome[];
  /** Teachers who completed what they owe (met exactly is met). */
  readonly compliant: number;
  /** Hours owed by all the teachers together. */
  readonly requiredHours: number;
}

/**
 * The pure rule of {@link trainingReport}: {@link trainingComplianceRule} for every teacher, with the
 * cycle worked out once, and the count of those who complied (优质均衡 G9 asks all of them, and at
 * least one). Unchecked: give it teachers valid against {@link teacherListSchema} (ids once each,
 * employed no later than `asOf`) and parameters from `trainingReport.parameters(options)`.
 *
 * @category Teachers
 */
export function trainingReportRule(teachers: readonly Teacher[], params: TrainingParams, call: { readonly asOf: IsoDate }): TrainingReportOutcome {
  const terms = trainingTerms(params, call.asOf);
  const outcomes: TrainingOutcome[] = new Array(teachers.length);
  let compliant = 0;
  let requiredHours = 0;
  for (let i = 0; i < teachers.length; i++) {
    const o = teacherOutcome(teachers[i] as Teacher, terms);
    requiredHours += o.requiredHours;
    if (o.completedTenths >= o.requiredHours * 10) compliant++;
    outcomes[i] = o;
  }
  return { teachers: outcomes, compliant, requiredHours };
}
