import * as z from 'zod/mini';
import { daysBetween, toIsoDate, type IsoDate } from '../core/dates.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { Resolved } from '../core/resolve.js';
import { checkUnique, dateSchema, describeValue, idSchema, parseInto, record } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import type { ParameterTree } from '../parameters/tree.js';
import { asOfStep, notAfterAsOf } from './internal.js';

/**
 * One rectification item (整改事项) from an inspection (督导检查): the day it was issued, the
 * deadline set for it (限期), and the day it was rectified, if it was. Unknown keys are rejected.
 *
 * @category Planning
 */
export const rectificationItemSchema = record(
  { id: idSchema, issuedOn: dateSchema, deadline: dateSchema, rectifiedOn: z.optional(dateSchema) },
  'a rectification item { id, issuedOn, deadline, rectifiedOn? }',
);
/** @category Planning */
export type RectificationItem = z.input<typeof rectificationItemSchema>;

/** The input of {@link rectificationStatus}: a list of items, possibly empty. @category Planning */
export const rectificationListSchema = z.array(rectificationItemSchema, {
  error: (iss) => `must be a list of rectification items { id, issuedOn, deadline, rectifiedOn? }, got ${describeValue(iss.input)}`,
});

/** The states of a rectification item on `asOf`. @category Planning */
export const RECTIFICATION_STATUSES = ['done', 'overdue', 'due-soon', 'open'] as const;
/**
 * - `'done'`: rectified (on time, or late: see `late`);
 * - `'overdue'`: not rectified and the deadline has passed;
 * - `'due-soon'`: not rectified, the deadline at most `planning.rectification.dueSoonDays` days away
 *   (the deadline day itself included);
 * - `'open'`: not rectified, the deadline further away.
 *
 * @category Planning
 */
export type RectificationState = (typeof RECTIFICATION_STATUSES)[number];

/** One item's state on `asOf`. @category Planning */
export interface RectificationItemStatus {
  readonly id: string;
  readonly status: RectificationState;
  readonly deadline: IsoDate;
  /** For `'done'`: the day it was rectified; else `null`. */
  readonly rectifiedOn: IsoDate | null;
  /** Past its deadline: rectified after it, or still open after it. */
  readonly late: boolean;
  /** Days past the deadline: to the rectification (done late) or to `asOf` (overdue); else 0. */
  readonly daysLate: number;
  /** For `'open'` and `'due-soon'`: days from `asOf` to the deadline (0 on the deadline day); else `null`. */
  readonly daysRemaining: number | null;
}

/** What {@link rectificationStatus} returns. @category Planning */
export interface RectificationStatusResult extends Explained {
  /** One entry per item, in input order. */
  readonly items: RectificationItemStatus[];
  /** Items per state. */
  readonly counts: Record<RectificationState, number>;
  /** Items rectified after their deadline (counted within `done`). */
  readonly doneLate: number;
  /** The warning period used (`planning.rectification.dueSoonDays`). */
  readonly dueSoonDays: number;
}

/** One item's state on `asOf`. */
function rectificationOf(id: string, deadline: IsoDate, rectifiedOn: IsoDate | undefined, asOf: IsoDate, dueSoonDays: number): RectificationItemStatus {
  if (rectifiedOn !== undefined) {
    const late = rectifiedOn > deadline;
    return { id, status: 'done', deadline, rectifiedOn, late, daysLate: late ? daysBetween(deadline, rectifiedOn) : 0, daysRemaining: null };
  }
  if (asOf > deadline) return { id, status: 'overdue', deadline, rectifiedOn: null, late: true, daysLate: daysBetween(deadline, asOf), daysRemaining: null };
  const daysRemaining = daysBetween(asOf, deadline);
  return { id, status: daysRemaining <= dueSoonDays ? 'due-soon' : 'open', deadline, rectifiedOn: null, late: false, daysLate: 0, daysRemaining };
}

const STATE_ZH: Record<RectificationState, string> = { done: '已整改', overdue: '逾期未整改', 'due-soon': '即将到期', open: '整改中' };

function itemStep(s: RectificationItemStatus, issuedOn: IsoDate): ExplanationStep {
  const [zh, en] =
    s.status === 'done'
      ? s.late
        ? [`${s.rectifiedOn} 整改完成，晚于期限 ${s.deadline} ${s.daysLate} 天（逾期整改）`, `rectified on ${s.rectifiedOn}, ${s.daysLate} days after the deadline ${s.deadline} (done late)`]
        : [`${s.rectifiedOn} 整改完成，未超过期限 ${s.deadline}`, `rectified on ${s.rectifiedOn}, within the deadline ${s.deadline}`]
      : s.status === 'overdue'
        ? [`未整改，期限 ${s.deadline} 已过 ${s.daysLate} 天`, `not rectified, ${s.daysLate} days past the deadline ${s.deadline}`]
        : [`未整改，距期限 ${s.deadline} 还有 ${s.daysRemaining} 天（${STATE_ZH[s.status]}）`, `not rectified, ${s.daysRemaining} days to the deadline ${s.deadline} (${s.status})`];
  return step('8.2', `整改事项 ${s.id}（${issuedOn} 下达）：${zh}`, `Item ${s.id} (issued ${issuedOn}): ${en}`, { id: s.id, status: s.status, daysLate: s.daysLate, daysRemaining: s.daysRemaining });
}

const rectificationReads = (p: ParameterTree) => ({ dueSoonDays: p.planning.rectification.dueSoonDays });

/**
 * What {@link rectificationStatusRule} reads: `{ dueSoonDays }`, the warning period
 * (`planning.rectification.dueSoonDays`).
 *
 * @category Planning
 */
export type RectificationParams = Resolved<ReturnType<typeof rectificationReads>>;

/** What {@link rectificationStatusRule} decides. @category Planning */
export type RectificationOutcome = Omit<RectificationStatusResult, 'citations' | 'explanation'>;

/** An item's dates as `'YYYY-MM-DD'`. */
function datesOf(item: RectificationItem): { issuedOn: IsoDate; deadline: IsoDate; rectifiedOn: IsoDate | undefined } {
  return {
    issuedOn: toIsoDate(item.issuedOn) as IsoDate,
    deadline: toIsoDate(item.deadline) as IsoDate,
    rectifiedOn: item.rectifiedOn === undefined ? undefined : (toIsoDate(item.rectifiedOn) as IsoDate),
  };
}

/**
 * The pure rule of {@link rectificationStatus}: each item's state on `asOf`, and the counts.
 * Unchecked: give it items valid against {@link rectificationListSchema} (each id once, dates in
 * order, no event after `asOf`) and parameters from `rectificationStatus.parameters(options)`.
 *
 * @category Planning
 */
export function rectificationStatusRule(items: readonly RectificationItem[], params: RectificationParams, call: { readonly asOf: IsoDate }): RectificationOutcome {
  const { dueSoonDays } = params;
  const counts: Record<RectificationState, number> = { done: 0, overdue: 0, 'due-soon': 0, open: 0 };
  let doneLate = 0;
  const out = items.map((item) => {
    const d = datesOf(item);
    const s = rectificationOf(item.id, d.deadline, d.rectifiedOn, call.asOf, dueSoonDays);
    counts[s.status] += 1;
    if (s.status === 'done' && s.late) doneLate += 1;
    return s;
  });
  return { items: out, counts, doneLate, dueSoonDays };
}

/**
 * The state of each rectification item (限期整改) on `asOf`: done, overdue, due soon or open.
 *
 * Encodes opinion **8.2** (实行督导检查结果公告制度和限期整改制度). Readings:
 *
 * - The deadline day itself is within the deadline: an item still open on its deadline is
 *   `'due-soon'` (0 days remaining), the day after it is `'overdue'` (1 day late).
 * - An item rectified after its deadline is `'done'` with `late: true` and the days it came late:
 *   done, but not within the deadline.
 * - `'due-soon'`: at most `planning.rectification.dueSoonDays` days to the deadline (default 30, a
 *   junheng choice marked unverified: the opinion gives no warning period).
 * - `rectifiedOn` and `issuedOn` are events: a date after `asOf` is refused. A deadline before the
 *   issue date, a rectification before it, or the same id twice are input errors.
 * - Publishing the results (公告制度) and accountability (问责) are not decided here.
 *
 * The pure rule is {@link rectificationStatusRule}.
 *
 * @category Planning
 * @function
 * @param input - `[{ id, issuedOn, deadline, rectifiedOn? }]`, possibly empty.
 * @param options - `{ asOf?, parameters? }` (default today).
 * @returns Each item's state in input order, counts per state, the late ones; citations and a bilingual explanation (built on first read).
 * @throws {@link PolicyInputError} for invalid items or options (dates must be real calendar dates), inconsistent dates, a repeated id, or an `asOf` before the opinion's effective date (`opinion.effectiveFrom`, default 2017-05-23).
 * @example
 * ```ts
 * const r = rectificationStatus([
 *   { id: 'DD-2025-01', issuedOn: '2025-03-01', deadline: '2025-06-30', rectifiedOn: '2025-07-02' },
 *   { id: 'DD-2025-02', issuedOn: '2025-03-01', deadline: '2025-08-31' },
 *   { id: 'DD-2025-03', issuedOn: '2025-03-01', deadline: '2025-09-30' },
 *   { id: 'DD-2025-04', issuedOn: '2025-03-01', deadline: '2025-12-31' },
 * ], { asOf: '2025-09-01' });
 * r.items.map((i) => i.status); //=> ['done', 'overdue', 'due-soon', 'open']
 * r.items[0]?.late; //=> true
 * r.items[1]?.daysLate; //=> 1
 * r.counts; //=> { done: 1, overdue: 1, 'due-soon': 1, open: 1 }
 * ```
 */
export const rectificationStatus = defineCalculator({
  name: 'rectificationStatus',
  provisions: ['8.2'],
  input: rectificationListSchema,
  parse(input, issues) {
    const parsed = parseInto(rectificationListSchema, input, issues);
    checkUnique(input, 'id', 'id', issues, { provision: '8.2' });
    parsed?.forEach((item, i) => {
      const { issuedOn, deadline, rectifiedOn } = datesOf(item);
      if (deadline < issuedOn) issues.push({ path: [i, 'deadline'], code: 'inconsistent', message: `is before issuedOn (${deadline} < ${issuedOn}); a deadline cannot precede the item`, provision: '8.2' });
      if (rectifiedOn !== undefined && rectifiedOn < issuedOn) issues.push({ path: [i, 'rectifiedOn'], code: 'inconsistent', message: `is before issuedOn (${rectifiedOn} < ${issuedOn}); an item cannot be rectified before it is issued`, provision: '8.2' });
    });
    return parsed;
  },
  check(items, call, issues) {
    items.forEach((item, i) => {
      const { issuedOn, rectifiedOn } = datesOf(item);
      notAfterAsOf(issuedOn, call.asOf, [i, 'issuedOn'], 'the issue of the item', '8.2', issues);
      notAfterAsOf(rectifiedOn, call.asOf, [i, 'rectifiedOn'], 'a rectification', '8.2', issues);
    });
  },
  reads: rectificationReads,
  rule: rectificationStatusRule,
  result(outcome, call): RectificationStatusResult {
    const asOf = call.asOf;
    const used = call.used;
    const { items: out, counts, doneLate } = outcome;
    const result = { ...outcome, citations: citationsOf(used, '8.2') };
    return defineLazy(result, 'explanation', (): ExplanationStep[] => [
      asOfStep('8.2', asOf),
      ...parameterSteps(used, '8.2'),
      ...out.map((s, i) => itemStep(s, toIsoDate((call.input[i] as RectificationItem).issuedOn) as IsoDate)),
      step('8.2',
        `共 ${out.length} 项：已整改 ${counts.done} 项（其中逾期整改 ${doneLate} 项），逾期未整改 ${counts.overdue} 项，即将到期 ${counts['due-soon']} 项，整改中 ${counts.open} 项`,
        `${out.length} items: ${counts.done} done (${doneLate} of them late), ${counts.overdue} overdue, ${counts['due-soon']} due soon, ${counts.open} open`,
        { total: out.length, ...counts, doneLate }),
    ]) as RectificationStatusResult;
  },
});

/**
 * {@link rectificationStatus} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Planning
 * @example
 * ```ts
 * safeRectificationStatus([{ id: 'DD-1', issuedOn: '2025-03-01', deadline: '2025-02-28' }], { asOf: '2025-09-01' }).success; //=> false
 * ```
 */
export const safeRectificationStatus = safe(rectificationStatus);
