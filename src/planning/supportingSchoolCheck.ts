import * as z from 'zod/mini';
import { daysBetween, toIsoDate, type IsoDate } from '../core/dates.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { dateSchema, idSchema, parseInto, record, yesNo } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { asOfStep, notAfterAsOf } from './internal.js';

/**
 * The input of {@link supportingSchoolCheck}: a new residential area (新建居住区) with the day its
 * first phase (首期项目) is handed over, and its supporting school (配套学校): whether the plan
 * requires one, and the day it was handed over, if it was. Unknown keys are rejected.
 *
 * @category Planning
 */
export const supportingSchoolSchema = record(
  {
    residentialArea: record(
      { id: idSchema, firstPhaseDelivery: dateSchema },
      'a residential area { id, firstPhaseDelivery }',
    ),
    school: record(
      {
        id: z.optional(idSchema),
        plannedInLayout: yesNo('whether the plan requires a supporting school'),
        deliveredOn: z.optional(dateSchema),
      },
      'a supporting school { plannedInLayout, deliveredOn?, id? }',
    ),
  },
  'an object { residentialArea, school }',
);
/** @category Planning */
export type SupportingSchoolInput = z.input<typeof supportingSchoolSchema>;

/** The states of a residential area's supporting school on `asOf`. @category Planning */
export const SUPPORTING_SCHOOL_STATUSES = ['not-required', 'in-time', 'late', 'pending', 'overdue'] as const;
/**
 * - `'not-required'`: the plan requires no supporting school;
 * - `'in-time'`: delivered no later than the first phase (the same day is in time);
 * - `'late'`: delivered, but after the first phase;
 * - `'pending'`: not delivered yet, and the first phase's day has not passed;
 * - `'overdue'`: not delivered, and the first phase's day has passed.
 *
 * @category Planning
 */
export type SupportingSchoolStatus = (typeof SUPPORTING_SCHOOL_STATUSES)[number];

/** The clause behind the completion-acceptance gate, as printed. @category Planning */
export const ACCEPTANCE_GATE_CLAUSE = '未按照规划配套建设学校的，不得组织规划核实、不得办理竣工验收备案';

/** What {@link supportingSchoolCheck} returns. @category Planning */
export interface SupportingSchoolResult extends Explained {
  readonly residentialAreaId: string;
  readonly status: SupportingSchoolStatus;
  /**
   * 同步交付使用: `true` when the school was delivered no later than the first phase, `false` when it
   * was delivered later or the first phase's day has passed without it, `null` while undecided
   * (`'pending'`) or when no school is required.
   */
  readonly synchronous: boolean | null;
  /** Days the school came (`'late'`) or is so far (`'overdue'`) after the first phase; else 0. */
  readonly daysLate: number;
  /** For `'pending'`: days from `asOf` to the first phase's delivery (0 on that day); else `null`. */
  readonly daysRemaining: number | null;
  /** Whether completion acceptance may be filed (竣工验收备案) on `asOf`. */
  readonly acceptanceAllowed: boolean;
  /** Whether planning verification may be organised (规划核实) on `asOf`: the same gate. */
  readonly planningVerificationAllowed: boolean;
  /** When the gate is closed: the clause that closes it; else `null`. */
  readonly blockedBy: { readonly provision: '1.2'; readonly clause: string } | null;
}

/** The status of a supporting school on `asOf`. */
function supportingStatus(planned: boolean, firstPhase: IsoDate, delivered: IsoDate | undefined, asOf: IsoDate): SupportingSchoolStatus {
  if (!planned) return 'not-required';
  if (delivered !== undefined) return delivered <= firstPhase ? 'in-time' : 'late';
  return asOf <= firstPhase ? 'pending' : 'overdue';
}

/** What {@link supportingSchoolCheckRule} decides. @category Planning */
export type SupportingSchoolOutcome = Omit<SupportingSchoolResult, 'citations' | 'explanation'>;

const deliveredOf = (input: SupportingSchoolInput): IsoDate | undefined => (input.school.deliveredOn === undefined ? undefined : (toIsoDate(input.school.deliveredOn) as IsoDate));

/**
 * The pure rule of {@link supportingSchoolCheck}: the school's status on `asOf`, the days late or
 * remaining, and the completion-acceptance gate. Unchecked: give it input valid against
 * {@link supportingSchoolSchema} (a delivery date only for a planned school, not after `asOf`).
 *
 * @category Planning
 */
export function supportingSchoolCheckRule(input: SupportingSchoolInput, _params: unknown, call: { readonly asOf: IsoDate }): SupportingSchoolOutcome {
  const asOf = call.asOf;
  const firstPhase = toIsoDate(input.residentialArea.firstPhaseDelivery) as IsoDate;
  const delivered = deliveredOf(input);
  const status = supportingStatus(input.school.plannedInLayout, firstPhase, delivered, asOf);
  const synchronous = status === 'in-time' ? true : status === 'late' || status === 'overdue' ? false : null;
  const daysLate = status === 'late' ? daysBetween(firstPhase, delivered as IsoDate) : status === 'overdue' ? daysBetween(firstPhase, asOf) : 0;
  const daysRemaining = status === 'pending' ? daysBetween(asOf, firstPhase) : null;
  const open = status === 'not-required' || status === 'in-time' || status === 'late';
  return {
    residentialAreaId: input.residentialArea.id,
    status,
    synchronous,
    daysLate,
    daysRemaining,
    acceptanceAllowed: open,
    planningVerificationAllowed: open,
    blockedBy: open ? null : { provision: '1.2' as const, clause: ACCEPTANCE_GATE_CLAUSE },
  };
}

/**
 * Whether a new residential area's supporting school (配套学校) was delivered together with the
 * area's first phase, and whether the area may pass planning verification and completion
 * acceptance.
 *
 * Encodes opinion **1.2** (新建居住区首期项目要与配套学校同步建设、同步交付使用; 未按照规划配套建设学校的，
 * 不得组织规划核实、不得办理竣工验收备案). Readings:
 *
 * - 同步交付使用 is read as: the school is handed over **no later than** the first phase; the same day
 *   is in time, the day after is late.
 * - The gate: while a school the plan requires is not delivered, neither planning verification nor
 *   completion-acceptance filing may proceed (`acceptanceAllowed: false`, `blockedBy` quotes the
 *   clause). Once it is delivered, even late, the gate opens: the school has been built as planned;
 *   the lateness stays on record (`status: 'late'`, `synchronous: false`).
 * - A plan without a supporting school (`plannedInLayout: false`) leaves nothing to check: the gate
 *   is open. Giving `deliveredOn` for such a school is an input error.
 * - `deliveredOn` is the day the school was actually handed over; a date after `asOf` is refused (it
 *   cannot have happened yet). `firstPhaseDelivery` may lie after `asOf` (a scheduled hand-over):
 *   the status is then `'pending'`, with the days remaining. On the first phase's own day an
 *   undelivered school is still `'pending'`; the day after, `'overdue'`.
 * - 同步建设 (building at the same time) is not decided: construction dates are not taken.
 *
 * The pure rule is {@link supportingSchoolCheckRule}.
 *
 * @category Planning
 * @function
 * @param input - `{ residentialArea: { id, firstPhaseDelivery }, school: { plannedInLayout, deliveredOn?, id? } }`.
 * @param options - `{ asOf? }` (default today; no dated value is read).
 * @returns The status, whether delivered in step, the days late or remaining, the gate; citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options (dates must be real calendar dates), a delivery after `asOf`, or a delivery date for a school the plan does not require.
 * @example
 * ```ts
 * const onTime = supportingSchoolCheck(
 *   { residentialArea: { id: 'JY-1', firstPhaseDelivery: '2025-08-31' }, school: { plannedInLayout: true, deliveredOn: '2025-08-31' } },
 *   { asOf: '2025-09-01' },
 * );
 * onTime.status; //=> 'in-time'
 * onTime.acceptanceAllowed; //=> true
 * const missing = supportingSchoolCheck(
 *   { residentialArea: { id: 'JY-2', firstPhaseDelivery: '2025-08-31' }, school: { plannedInLayout: true } },
 *   { asOf: '2025-09-01' },
 * );
 * missing.status; //=> 'overdue'
 * missing.acceptanceAllowed; //=> false
 * missing.blockedBy?.provision; //=> '1.2'
 * ```
 */
export const supportingSchoolCheck = defineCalculator({
  name: 'supportingSchoolCheck',
  provisions: ['1.2'],
  input: supportingSchoolSchema,
  parse(input, issues) {
    const parsed = parseInto(supportingSchoolSchema, input, issues);
    if (parsed !== undefined && !parsed.school.plannedInLayout && parsed.school.deliveredOn !== undefined) {
      issues.push({
        path: ['school', 'deliveredOn'],
        code: 'inconsistent',
        message: 'is given for a school the plan does not require (plannedInLayout: false); set plannedInLayout: true, or leave deliveredOn out',
        provision: '1.2',
      });
    }
    return parsed;
  },
  check(input, call, issues) {
    notAfterAsOf(deliveredOf(input), call.asOf, ['school', 'deliveredOn'], 'a hand-over', '1.2', issues);
  },
  rule: supportingSchoolCheckRule,
  result(outcome, call): SupportingSchoolResult {
    const p = call.input;
    const asOf = call.asOf;
    const firstPhase = toIsoDate(p.residentialArea.firstPhaseDelivery) as IsoDate;
    const delivered = deliveredOf(p);
    const { residentialAreaId: areaId, status, daysLate, daysRemaining, acceptanceAllowed: open } = outcome;
    const result = { ...outcome, citations: ['1.2'] };
    const school = p.school.id === undefined ? '配套学校' : `配套学校 ${p.school.id}`;
    const schoolEn = p.school.id === undefined ? 'the supporting school' : `supporting school ${p.school.id}`;
    return defineLazy(result, 'explanation', (): ExplanationStep[] => {
      const steps: ExplanationStep[] = [asOfStep('1.2', asOf)];
      const facts = {
        'not-required': ['规划未要求配套学校：无须核查同步交付', 'The plan requires no supporting school: there is no hand-over to check'],
        'in-time': [`${school}于 ${delivered} 交付，首期项目 ${firstPhase} 交付：${delivered} ≤ ${firstPhase}，同步交付使用`, `${schoolEn} was handed over on ${delivered}, the first phase on ${firstPhase}: ${delivered} ≤ ${firstPhase}, handed over in step`],
        late: [`${school}于 ${delivered} 交付，晚于首期项目交付日 ${firstPhase} ${daysLate} 天：未同步交付使用`, `${schoolEn} was handed over on ${delivered}, ${daysLate} days after the first phase (${firstPhase}): not handed over in step`],
        pending: [`${school}尚未交付；首期项目定于 ${firstPhase} 交付，尚余 ${daysRemaining} 天`, `${schoolEn} is not handed over yet; the first phase is due on ${firstPhase}, ${daysRemaining} days away`],
        overdue: [`${school}尚未交付，首期项目交付日 ${firstPhase} 已过 ${daysLate} 天：未同步交付使用`, `${schoolEn} is not handed over, ${daysLate} days after the first phase's day (${firstPhase}): not handed over in step`],
      } as const;
      const [zh, en] = facts[status];
      steps.push(step('1.2', `居住区 ${areaId}：${zh}`, `Residential area ${areaId}: ${en}`, { firstPhaseDelivery: firstPhase, deliveredOn: delivered ?? null, status, daysLate }));
      steps.push(open
        ? step('1.2',
          status === 'not-required' ? '可组织规划核实、办理竣工验收备案' : '配套学校已按规划建成交付：可组织规划核实、办理竣工验收备案',
          status === 'not-required' ? 'Planning verification and completion-acceptance filing may proceed' : 'The planned school is built and handed over: planning verification and completion-acceptance filing may proceed',
          { acceptanceAllowed: true })
        : step('1.2',
          `${ACCEPTANCE_GATE_CLAUSE}：规划要求的配套学校尚未交付，不得组织规划核实、不得办理竣工验收备案`,
          `${ACCEPTANCE_GATE_CLAUSE} (where the planned supporting school is not built, no planning verification and no completion-acceptance filing): the planned school is not handed over, so both are refused`,
          { acceptanceAllowed: false }));
      return steps;
    }) as SupportingSchoolResult;
  },
});

/**
 * {@link supportingSchoolCheck} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Planning
 * @example
 * ```ts
 * safeSupportingSchoolCheck({ residentialArea: { id: 'JY-1', firstPhaseDelivery: '2022-02-30' }, school: { plannedInLayout: true } }).success; //=> false
 * ```
 */
export const safeSupportingSchoolCheck = safe(supportingSchoolCheck);
