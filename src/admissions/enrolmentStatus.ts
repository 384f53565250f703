import * as z from 'zod/mini';
import { defineLazy, step, type Explained } from '../core/explain.js';
import { countSchema, idSchema, record } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';

/**
 * A school's admissions scale: the places approved by the education bureau (核定招生规模) and the
 * pupils enrolled against them (for the same intake: a grade, or the whole school, as the bureau
 * approves it).
 *
 * @category Admissions
 */
export const enrolmentSchema = record(
  {
    id: z.optional(idSchema),
    approvedPlaces: countSchema,
    enrolled: countSchema,
  },
  'an enrolment object { approvedPlaces, enrolled, id? }',
);
/** @category Admissions */
export type EnrolmentInput = z.input<typeof enrolmentSchema>;

/** A validated enrolment, as {@link enrolmentStatusRule} reads it. @category Admissions */
export interface EnrolmentRecord {
  readonly id?: string | undefined;
  readonly approvedPlaces: number;
  readonly enrolled: number;
}

/** What {@link enrolmentStatusRule} decides. @category Admissions */
export interface EnrolmentOutcome {
  /** True when the enrolled pupils are at most the approved places. */
  readonly withinScale: boolean;
  /** Pupils enrolled above the approved places; 0 when within. */
  readonly excess: number;
  /** Places still free (approved − enrolled, when positive): the vacancies to publish in advance (6.1). */
  readonly vacancies: number;
}

/** What {@link enrolmentStatus} returns. @category Admissions */
export interface EnrolmentStatusResult extends EnrolmentOutcome, Explained {}

/**
 * The pure rule of {@link enrolmentStatus}: whether the enrolled pupils are within the approved
 * places (inclusive), the excess and the vacancies, neither ever negative. Reads no parameters.
 *
 * @category Admissions
 */
export function enrolmentStatusRule(e: EnrolmentRecord): EnrolmentOutcome {
  const withinScale = e.enrolled <= e.approvedPlaces;
  return {
    withinScale,
    excess: withinScale ? 0 : e.enrolled - e.approvedPlaces,
    vacancies: withinScale ? e.approvedPlaces - e.enrolled : 0,
  };
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
 * @function
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
export const enrolmentStatus = defineCalculator({
  name: 'enrolmentStatus',
  provisions: ['2.2', '6.1'],
  input: enrolmentSchema,
  rule: enrolmentStatusRule,
  result(outcome, call): EnrolmentStatusResult {
    const { approvedPlaces, enrolled, id } = call.input;
    const { withinScale, excess, vacancies } = outcome;
    const who = id === undefined ? '' : ` ${id}`;
    const result = { ...outcome, citations: ['2.2', '6.1'] };
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
  },
});

/**
 * {@link enrolmentStatus} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Admissions
 */
export const safeEnrolmentStatus = safe(enrolmentStatus);
