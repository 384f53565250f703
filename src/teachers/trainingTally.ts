import { PolicyInputError, type PolicyIssue } from '../core/errors.js';
import { throwIfAny } from '../core/schemas.js';
import type { CalculatorOptions } from '../parameters/context.js';
import { declareFunction, prepare } from '../parameters/kit.js';
import type { Teacher } from './schemas.js';
import { checkTrainingParams, trainingOptionsSchema, trainingReads, trainingTerms, type TrainingCycle, type TrainingOptions } from './trainingCycle.js';
import { readOutcome } from './trainingRecords.js';
import { summaryOf, trainingContext, trainingResult, type TrainingComplianceResult, type TrainingContext, type TrainingSummary } from './trainingResult.js';

/**
 * A running tally of training compliance over a stream of teachers, with memory that does not grow
 * with their number: each {@link TrainingTally.add} validates one teacher, returns its result and
 * keeps only counts. Parameters are resolved once, when the tally is made.
 *
 * @category Teachers
 */
export interface TrainingTally {
  /** The cycle assessed: containing `asOf`, or the last completed one. */
  readonly cycle: TrainingCycle;
  /** Teachers offered so far, valid or not (the next teacher's index). */
  readonly offered: number;
  /**
   * Adds one teacher and returns its result. Throws {@link PolicyInputError} (paths start with the
   * teacher's index in the stream, `[41, 'training', 3, 'hours']`) and leaves the tally's counts
   * unchanged for an invalid one. Ids are not checked for repeats (that needs memory per teacher);
   * {@link trainingReport} checks them.
   */
  add(teacher: Teacher): TrainingComplianceResult;
  /** The completion figures of the valid teachers added so far. */
  summary(): TrainingSummary;
}

class Tally implements TrainingTally {
  offered = 0;
  #met = 0;
  #inProgress = 0;
  #notMet = 0;
  #required = 0;
  readonly #c: TrainingContext;

  constructor(c: TrainingContext) {
    this.#c = c;
  }

  get cycle(): TrainingCycle {
    return this.#c.terms.cycle;
  }

  add(teacher: Teacher): TrainingComplianceResult {
    const issues: PolicyIssue[] = [];
    const outcome = readOutcome(teacher, this.#c.terms, issues, [this.offered++]);
    if (outcome === undefined) throw new PolicyInputError(issues);
    this.#required += outcome.requiredHours;
    if (outcome.status === 'met') this.#met++;
    else if (outcome.status === 'in-progress') this.#inProgress++;
    else this.#notMet++;
    return trainingResult(outcome, this.#c);
  }

  summary(): TrainingSummary {
    return summaryOf(this.#c, { met: this.#met, inProgress: this.#inProgress, notMet: this.#notMet }, this.#required);
  }
}

/**
 * Makes a {@link TrainingTally}: training compliance over a stream of teachers (a file read row by
 * row, a database cursor) with flat memory. Same rules and readings as {@link trainingCompliance}
 * (each teacher goes through the same rule as {@link trainingComplianceRule}, with the cycle worked
 * out once).
 *
 * @category Teachers
 * @function
 * @param options - `{ asOf?, parameters?, cycle?: 'containing' | 'last-completed' }`, read once.
 * @returns A tally: `add(teacher)` gives each teacher's result, `summary()` the completion figures so far.
 * @throws {@link PolicyInputError} for invalid options; `add` throws for an invalid teacher.
 * @example
 * ```ts
 * const tally = createTrainingTally({ asOf: '2025-12-31' });
 * tally.add({ id: 'A', training: [{ date: '2022-09-01', hours: 360 }] }).compliant; //=> true
 * tally.add({ id: 'B', training: [{ date: '2022-09-01', hours: 359.9 }] }).shortfall; //=> 0.1
 * tally.summary().completion; //=> { numerator: 1, denominator: 2 }
 * ```
 */
export const createTrainingTally = declareFunction(
  function createTrainingTally(options?: CalculatorOptions & TrainingOptions): TrainingTally {
    const issues: PolicyIssue[] = [];
    const { ctx, snapshot, params } = prepare('createTrainingTally', trainingReads, options, trainingOptionsSchema, issues);
    checkTrainingParams(params, issues);
    throwIfAny(issues);
    const cycle = (ctx.extra as TrainingOptions).cycle;
    return new Tally(trainingContext(trainingTerms(params, ctx.asOf, cycle), snapshot.used));
  },
  { name: 'createTrainingTally', provisions: ['4.2'], reads: trainingReads },
);
