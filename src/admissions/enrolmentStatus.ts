import * as z from 'zod';
import { defineLazy, step, type Explained } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { countSchema, idSchema, parseInto, record, throwIfAny } from '../core/schemas.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';

/**
 * A school's admissions scale: the places approved by the education bureau (核定招生规模) and the
 * pupils enrolled against them (for the same intake: a grade, or the whole school, as the bureau
 * approves it).
 *
 * @category Admissions
 */
export const enrolmentSchema = record(
  {
    id: idSchema.optional(),
    approvedPlaces: countSchema,
    enrolled: countSchema,
  },
  'an enrolment object { approvedPlaces, enrolled, id? }',
);
/** @category Admissions */
export type EnrolmentInput = z.input<typeof enrolmentSchema>;

/** What {@link enrolmentStatus} returns. @category Admissions */
export interface EnrolmentStatusResult extends Explained {
  /** True when the enrolled pupils are at most the approved places. */
  readonly withinScale: boolean;
  /** Pupils enrolled above the approved places; 0 when within. */
  readonly excess: number;
  /** Places still free (approved − enrolled, when positive): the vacancies to publish in advance (6.1). */
  readonly vacancies: number;
}

/**
 * Enrolment against the approved admissions scale, and the vacancies to publish.
 *
 * Encodes opinion **2.2** (严格按照省定办学标准，核定辖区内义务教育学校招生规模: enrolment within the
 * approved scale) and **6.1** (教育行政部门要提前公开学校空余学位: the published vacancy count).
 * Within the scale includes the scale itself; vacancies are approved places minus enrolled pupils,
 * never negative; excess is the opposite difference, never negative.
 *
 * @category Admissions
 * @param input - `{ approvedPlaces, enrolled, id? }`.
 * @param options - `{ asOf? }` (accepted for symmetry; no dated value is read).
 * @returns Whether within the scale, the excess, the vacancies, citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options.
 * @example
 * ```ts
 * const r = enrolmentStatus({ approvedPlaces: 270, enrolled: 252 });
 * r.withinScale; //=> true
 * r.vacancies; //=> 18
 * enrolmentStatus({ approvedPlaces: 270, enrolled: 281 }).excess; //=> 11
 * ```
 */
export function enrolmentStatus(input: EnrolmentInput, options?: CalculatorOptions): EnrolmentStatusResult {
  const issues: PolicyIssue[] = [];
  const parsed = parseInto(enrolmentSchema, input, issues);
  readOptions(options, issues);
  throwIfAny(issues);
  const { approvedPlaces, enrolled, id } = parsed as NonNullable<typeof parsed>;
  const withinScale = enrolled <= approvedPlaces;
  const excess = withinScale ? 0 : enrolled - approvedPlaces;
  const vacancies = withinScale ? approvedPlaces - enrolled : 0;
  const who = id === undefined ? '' : ` ${id}`;
  const result = { withinScale, excess, vacancies, citations: ['2.2', '6.1'] };
  return defineLazy(result, 'explanation', () => [
    step('2.2',
      `学校${who}核定招生规模 ${approvedPlaces} 人，已招 ${enrolled} 人：${withinScale ? '未超出核定规模' : `超出核定规模 ${excess} 人`}`,
      `School${who}: ${approvedPlaces} approved places, ${enrolled} enrolled: ${withinScale ? 'within the approved scale' : `${excess} above the approved scale`}`,
      { approvedPlaces, enrolled, withinScale, excess }),
    step('6.1',
      `提前公开学校空余学位：max(0, ${approvedPlaces} − ${enrolled}) = ${vacancies} 个`,
      `Vacancies to publish in advance: max(0, ${approvedPlaces} − ${enrolled}) = ${vacancies}`,
      { vacancies }),
  ]) as EnrolmentStatusResult;
}

/**
 * {@link enrolmentStatus} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Admissions
 */
export const safeEnrolmentStatus = makeSafe(enrolmentStatus);
