import type * as z from 'zod/mini';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { countSchema, record } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';

/** Staffing figures as {@link staffingCheck} takes them. @category Teachers */
export const staffingSchema = record(
  {
    approvedPosts: countSchema,
    filledPosts: countSchema,
    qualifiedCandidates: countSchema,
    longTermContractTeachers: countSchema,
  },
  'an object { approvedPosts, filledPosts, qualifiedCandidates, longTermContractTeachers }',
);
/** @category Teachers */
export type StaffingFigures = z.input<typeof staffingSchema>;

/** What {@link staffingCheck} returns. @category Teachers */
export interface StaffingResult extends Explained {
  /** approvedPosts − filledPosts when positive, else 0. */
  readonly vacantPosts: number;
  /** filledPosts − approvedPosts when positive (超编), else 0. */
  readonly overEstablishment: number;
  /** 有编不补: vacant posts while qualified candidates exist (vacantPosts > 0 and qualifiedCandidates > 0). */
  readonly vacantWithCandidates: boolean;
  /** 长期聘用编外教师: longTermContractTeachers > 0. */
  readonly longTermOffEstablishment: boolean;
  /** Either flag: a one-vote veto (一票否决) in the 优质均衡 assessment. */
  readonly veto: boolean;
  /** No veto. */
  readonly compliant: boolean;
}

/** What {@link staffingCheckRule} decides. @category Teachers */
export type StaffingOutcome = Omit<StaffingResult, 'citations' | 'explanation'>;

/**
 * The pure rule of {@link staffingCheck}: the vacancies and the two one-vote vetoes. Unchecked: give
 * it counts valid against {@link staffingSchema}.
 *
 * @category Teachers
 */
export function staffingCheckRule(figures: StaffingFigures): StaffingOutcome {
  const { approvedPosts, filledPosts, qualifiedCandidates, longTermContractTeachers } = figures;
  const vacantPosts = Math.max(0, approvedPosts - filledPosts);
  const overEstablishment = Math.max(0, filledPosts - approvedPosts);
  const vacantWithCandidates = vacantPosts > 0 && qualifiedCandidates > 0;
  const longTermOffEstablishment = longTermContractTeachers > 0;
  const veto = vacantWithCandidates || longTermOffEstablishment;
  return { vacantPosts, overEstablishment, vacantWithCandidates, longTermOffEstablishment, veto, compliant: !veto };
}

/**
 * The staffing checks of opinion **4.3** that data can decide: 严禁在有合格教师来源的情况下“有编不补”、
 * 长期聘用编外教师. Both are one-vote vetoes (一票否决) in the 优质均衡 assessment (教督〔2017〕6号).
 *
 * What decides it, exactly:
 *
 * - `vacantPosts` = approved establishment posts (核定编制) − posts filled by establishment teachers
 *   (在编教师), when positive;
 * - 有编不补 (`vacantWithCandidates`) when `vacantPosts > 0` and `qualifiedCandidates > 0`: the
 *   caller counts the qualified people available for those posts (for example candidates who passed
 *   the open recruitment, 公开招聘合格人选, not yet appointed). The opinion asks for "a qualified
 *   source" (合格教师来源); junheng takes any candidate as such a source;
 * - 长期聘用编外教师 (`longTermOffEstablishment`) when `longTermContractTeachers > 0`: the caller
 *   counts off-establishment teachers (编外, 代课) hired "long-term". No national text fixes the
 *   length; junheng leaves it to the count given (one common reading: more than one school year);
 * - `veto` is either flag; `compliant` is no veto. The other prohibitions of 4.3 (diverting posts,
 *   挤占挪用编制) need data this check does not take.
 *
 * The pure rule is {@link staffingCheckRule}.
 *
 * @category Teachers
 * @function
 * @param input - `{ approvedPosts, filledPosts, qualifiedCandidates, longTermContractTeachers }`, counts.
 * @param options - `{ asOf?, parameters? }` (validated; no parameter changes this rule).
 * @returns The vacancies, both flags, the veto, citations and an explanation.
 * @throws {@link PolicyInputError} for counts that are not whole numbers from 0 to 1,000,000.
 * @example
 * ```ts
 * const r = staffingCheck({ approvedPosts: 120, filledPosts: 112, qualifiedCandidates: 3, longTermContractTeachers: 0 });
 * r.vacantPosts; //=> 8
 * r.vacantWithCandidates; //=> true
 * r.veto; //=> true
 * ```
 */
export const staffingCheck = defineCalculator({
  name: 'staffingCheck',
  provisions: ['4.3'],
  input: staffingSchema,
  rule: staffingCheckRule,
  result(outcome, call): StaffingResult {
    const { approvedPosts, filledPosts, qualifiedCandidates, longTermContractTeachers } = call.input;
    const { vacantPosts, overEstablishment, vacantWithCandidates, longTermOffEstablishment, veto } = outcome;
    const result = { ...outcome, citations: ['4.3', 'jiaodu-2017-6'] };
    return defineLazy(result, 'explanation', (): ExplanationStep[] => [
      step('4.3',
        `核定编制 ${approvedPosts} 个，在编教师 ${filledPosts} 人：空编 ${vacantPosts} 个${overEstablishment > 0 ? `，超编 ${overEstablishment} 人` : ''}`,
        `${approvedPosts} approved posts, ${filledPosts} filled: ${vacantPosts} vacant${overEstablishment > 0 ? `, ${overEstablishment} over establishment` : ''}`,
        { approvedPosts, filledPosts, vacantPosts, overEstablishment }),
      step('4.3',
        vacantWithCandidates
          ? `有空编 ${vacantPosts} 个且有合格人选 ${qualifiedCandidates} 人：属于“有编不补”`
          : vacantPosts === 0 ? '无空编：不存在“有编不补”' : `有空编但无合格人选：不属于“有编不补”`,
        vacantWithCandidates
          ? `${vacantPosts} vacant posts while ${qualifiedCandidates} qualified candidates exist: posts left unfilled (有编不补)`
          : vacantPosts === 0 ? 'No vacant posts: no 有编不补' : 'Vacant posts but no qualified candidate: not 有编不补',
        { qualifiedCandidates, vacantWithCandidates }),
      step('4.3',
        longTermOffEstablishment ? `长期聘用编外教师 ${longTermContractTeachers} 人：违反 4.3` : '无长期聘用的编外教师',
        longTermOffEstablishment ? `${longTermContractTeachers} off-establishment teachers hired long-term: contrary to 4.3` : 'No long-term off-establishment teachers',
        { longTermContractTeachers, longTermOffEstablishment }),
      step('jiaodu-2017-6',
        veto ? '优质均衡评估一票否决' : '不触发优质均衡一票否决',
        veto ? 'A one-vote veto in the 优质均衡 assessment' : 'No 优质均衡 veto',
        { veto }),
    ]) as StaffingResult;
  },
});

/**
 * {@link staffingCheck} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safeStaffingCheck = safe(staffingCheck);
