import * as z from 'zod';
import { defineLazy, step, type Explained } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { fenToDecimal, fenToYuanString, type Decimal } from '../core/money.js';
import { resolve, type UsedValue } from '../core/parameters.js';
import { choice, parseInto, record, throwIfAny } from '../core/schemas.js';
import { STAGES, type Bilingual } from '../core/types.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import { parameterTree } from '../parameters/tree.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';

/**
 * Hardship categories of the living subsidy: 建档立卡 (registered poor), 低保 (subsistence
 * allowance), 特困供养 (extreme-poverty support), disabled pupils from poor families.
 *
 * @category Subsidies
 */
export const HARDSHIPS = ['registered-poor', 'subsistence-allowance', 'extreme-poverty-support', 'disabled-poor-family'] as const;
/** @category Subsidies */
export type Hardship = (typeof HARDSHIPS)[number];

/** A pupil as {@link livingSubsidyEligibility} takes it. @category Subsidies */
export const pupilSchema = record(
  {
    stage: choice(STAGES, 'stage'),
    boarding: z.boolean({ error: (iss) => (iss.input === undefined ? 'is required (true or false)' : 'must be true or false') }),
    hardship: z.array(choice(HARDSHIPS, 'hardship category'), {
      error: (iss) => (iss.input === undefined ? 'is required (a list of hardship categories, possibly empty)' : 'must be a list of hardship categories'),
    }),
  },
  'a pupil object { stage, boarding, hardship }',
);
/** @category Subsidies */
export type Pupil = z.input<typeof pupilSchema>;

/** One reason behind a decision. @category Subsidies */
export interface EligibilityReason {
  readonly code: 'hardship' | 'no-hardship' | 'boarder' | 'non-boarder-covered' | 'non-boarder-not-covered';
  readonly message: Bilingual;
}

/** What {@link livingSubsidyEligibility} returns. @category Subsidies */
export interface LivingSubsidyEligibilityResult extends Explained {
  readonly eligible: boolean;
  /** The annual standard for the pupil's stage and boarding status; 0 when not eligible. */
  readonly annualAmount: Decimal;
  readonly reasons: EligibilityReason[];
}

const HARDSHIP_ZH: Record<Hardship, string> = {
  'registered-poor': '建档立卡家庭',
  'subsistence-allowance': '低保家庭',
  'extreme-poverty-support': '特困供养家庭',
  'disabled-poor-family': '家庭经济困难残疾学生',
};

/**
 * Whether one pupil receives the 一补 living subsidy, and how much a year.
 *
 * A pupil is eligible when at least one hardship category applies and either boards, or the
 * non-boarder rule is in force on `asOf` (from the 2019 autumn semester, 2019-09-01: 50 % of the
 * boarder rate). Amounts are the national base standards in force on `asOf`
 * (`livingSubsidy.boarder`, `livingSubsidy.nonBoarder`); provinces may pay more. Opinion 5.1
 * unifies the 两免一补 policy for urban and rural pupils, so `location` plays no part.
 *
 * @category Subsidies
 * @param pupil - `{ stage: 'primary' | 'junior', boarding, hardship: [...] }`.
 * @param options - `{ asOf?, parameters? }`.
 * @throws {@link PolicyInputError} for invalid input or a date before 2011-09-01.
 * @example
 * ```ts
 * const r = livingSubsidyEligibility(
 *   { stage: 'junior', boarding: false, hardship: ['subsistence-allowance'] },
 *   { asOf: '2024-09-01' },
 * );
 * r.eligible; //=> true
 * r.annualAmount.toString(); //=> '750'
 * ```
 */
export function livingSubsidyEligibility(pupil: Pupil, options?: CalculatorOptions): LivingSubsidyEligibilityResult {
  const issues: PolicyIssue[] = [];
  const parsed = parseInto(pupilSchema, pupil, issues);
  const ctx = readOptions(options, issues);
  throwIfAny(issues);
  const p = parsed as NonNullable<typeof parsed>;
  const used: UsedValue[] = [];
  const rate = p.boarding
    ? resolve(parameterTree.livingSubsidy.boarder[p.stage], `livingSubsidy.boarder.${p.stage}`, ctx, issues, used)
    : resolve(parameterTree.livingSubsidy.nonBoarder[p.stage], `livingSubsidy.nonBoarder.${p.stage}`, ctx, issues, used);
  throwIfAny(issues);

  const reasons: EligibilityReason[] = [];
  const hasHardship = p.hardship.length > 0;
  reasons.push(
    hasHardship
      ? { code: 'hardship', message: { zh: `属于家庭经济困难学生：${p.hardship.map((h) => HARDSHIP_ZH[h]).join('、')}`, en: `From a family in hardship: ${p.hardship.join(', ')}` } }
      : { code: 'no-hardship', message: { zh: '不属于任何家庭经济困难类别', en: 'No hardship category applies' } },
  );
  if (p.boarding) {
    reasons.push({ code: 'boarder', message: { zh: '寄宿生，适用寄宿生生活补助标准', en: 'A boarder: the boarder standard applies' } });
  } else if (rate === null) {
    reasons.push({ code: 'non-boarder-not-covered', message: { zh: `${ctx.asOf} 非寄宿生尚未纳入生活补助（2019年秋季学期起纳入）`, en: `On ${ctx.asOf} non-boarders are not yet covered (covered from the 2019 autumn semester)` } });
  } else {
    reasons.push({ code: 'non-boarder-covered', message: { zh: '非寄宿生，适用非寄宿生生活补助标准', en: 'A non-boarder: the non-boarder standard applies' } });
  }
  const eligible = hasHardship && rate !== null;
  const fen = eligible ? (rate as number) : 0;
  const result = { eligible, annualAmount: fenToDecimal(fen), reasons, citations: citationsOf(used) };
  return defineLazy(result, 'explanation', () => [
    ...parameterSteps(used),
    ...reasons.map((r) => step('5.1', r.message.zh, r.message.en)),
    step('5.1',
      eligible ? `符合条件，每年补助 ${fenToYuanString(fen)} 元` : '不符合条件，补助 0 元',
      eligible ? `Eligible: ${fenToYuanString(fen)} yuan a year` : 'Not eligible: 0 yuan',
      { eligible, annualAmount: fenToYuanString(fen) }),
  ]) as LivingSubsidyEligibilityResult;
}

/**
 * {@link livingSubsidyEligibility} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Subsidies
 */
export const safeLivingSubsidyEligibility = makeSafe(livingSubsidyEligibility);
