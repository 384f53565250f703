import type * as z from 'zod/mini';
import type { IsoDate } from '../core/dates.js';
import { defineLazy, step, type Explained } from '../core/explain.js';
import { fenToDecimal, fenToYuanString, type Decimal } from '../core/money.js';
import { choice, listOf, record, yesNo } from '../core/schemas.js';
import { STAGES, type Bilingual, type Stage } from '../core/types.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { livingSubsidyParameters as L } from './parameters.js';

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
    boarding: yesNo('whether the pupil boards'),
    hardship: listOf(choice(HARDSHIPS, 'hardship category'), 'hardship categories, possibly empty'),
  },
  'a pupil object { stage, boarding, hardship }',
);
/** @category Subsidies */
export type Pupil = z.input<typeof pupilSchema>;

/** A validated pupil, as {@link livingSubsidyEligibilityRule} reads it. @category Subsidies */
export interface PupilRecord {
  readonly stage: Stage;
  readonly boarding: boolean;
  readonly hardship: readonly Hardship[];
}

/**
 * The living-subsidy standards the eligibility rule reads, resolved for a day, in integer fen: what
 * {@link livingSubsidyEligibilityRule} takes (`livingSubsidyEligibility.parameters(options)` gives
 * them). A non-boarder standard is `null` while non-boarders are not covered (before 2019-09-01).
 *
 * @category Subsidies
 */
export interface LivingSubsidyEligibilityParams {
  /** `livingSubsidy.boarder`. */
  readonly boarder: { readonly primary: number; readonly junior: number };
  /** `livingSubsidy.nonBoarder`. */
  readonly nonBoarder: { readonly primary: number | null; readonly junior: number | null };
}

/** One reason behind a decision. @category Subsidies */
export interface EligibilityReason {
  readonly code: 'hardship' | 'no-hardship' | 'boarder' | 'non-boarder-covered' | 'non-boarder-not-covered';
  readonly message: Bilingual;
}

/** What {@link livingSubsidyEligibilityRule} decides, money in integer fen. @category Subsidies */
export interface LivingSubsidyEligibilityOutcome {
  readonly eligible: boolean;
  /** The annual standard for the pupil's stage and boarding status, in fen; 0 when not eligible. */
  readonly annualFen: number;
  readonly reasons: EligibilityReason[];
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
 * The pure rule of {@link livingSubsidyEligibility}: a validated pupil is eligible when a hardship
 * category applies and the standard for their stage and boarding status is in force (a non-boarder
 * standard of `null` is not); the reasons say why, on `call.asOf`. Reads only that one standard.
 *
 * @category Subsidies
 */
export function livingSubsidyEligibilityRule(pupil: PupilRecord, p: LivingSubsidyEligibilityParams, call: { readonly asOf: IsoDate }): LivingSubsidyEligibilityOutcome {
  const rate = pupil.boarding ? p.boarder[pupil.stage] : p.nonBoarder[pupil.stage];
  const reasons: EligibilityReason[] = [];
  const hasHardship = pupil.hardship.length > 0;
  reasons.push(
    hasHardship
      ? { code: 'hardship', message: { zh: `属于家庭经济困难学生：${pupil.hardship.map((h) => HARDSHIP_ZH[h]).join('、')}`, en: `From a family in hardship: ${pupil.hardship.join(', ')}` } }
      : { code: 'no-hardship', message: { zh: '不属于任何家庭经济困难类别', en: 'No hardship category applies' } },
  );
  if (pupil.boarding) {
    reasons.push({ code: 'boarder', message: { zh: '寄宿生，适用寄宿生生活补助标准', en: 'A boarder: the boarder standard applies' } });
  } else if (rate === null) {
    reasons.push({ code: 'non-boarder-not-covered', message: { zh: `${call.asOf} 非寄宿生尚未纳入生活补助（2019年秋季学期起纳入）`, en: `On ${call.asOf} non-boarders are not yet covered (covered from the 2019 autumn semester)` } });
  } else {
    reasons.push({ code: 'non-boarder-covered', message: { zh: '非寄宿生，适用非寄宿生生活补助标准', en: 'A non-boarder: the non-boarder standard applies' } });
  }
  const eligible = hasHardship && rate !== null;
  return { eligible, annualFen: eligible ? (rate as number) : 0, reasons };
}

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
 * @function
 * @param input - `{ stage: 'primary' | 'junior', boarding, hardship: [...] }`.
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
 * // A boarder gets the boarder standard; a non-boarder nothing before the 2019 autumn semester.
 * livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['registered-poor'] }, { asOf: '2024-09-01' }).annualAmount.toString(); //=> '1250'
 * livingSubsidyEligibility({ stage: 'junior', boarding: true, hardship: [] }, { asOf: '2024-09-01' }).eligible; //=> false
 * livingSubsidyEligibility({ stage: 'primary', boarding: false, hardship: ['registered-poor'] }, { asOf: '2019-08-31' }).eligible; //=> false
 * ```
 */
export const livingSubsidyEligibility = defineCalculator({
  name: 'livingSubsidyEligibility',
  provisions: ['5.1'],
  input: pupilSchema,
  reads: (p) => ({ boarder: p.livingSubsidy.boarder, nonBoarder: p.livingSubsidy.nonBoarder }),
  rule: livingSubsidyEligibilityRule,
  result(outcome, call): LivingSubsidyEligibilityResult {
    const pupil = call.input;
    const { eligible, annualFen: fen, reasons } = outcome;
    const path = (pupil.boarding ? L.boarder : L.nonBoarder)[pupil.stage].path;
    const used = call.used.filter((u) => u.path === path);
    const result = { eligible, annualAmount: fenToDecimal(fen), reasons, citations: citationsOf(used) };
    return defineLazy(result, 'explanation', () => [
      ...parameterSteps(used),
      ...reasons.map((r) => step('5.1', r.message.zh, r.message.en)),
      step('5.1',
        eligible ? `符合条件，每年补助 ${fenToYuanString(fen)} 元` : '不符合条件，补助 0 元',
        eligible ? `Eligible: ${fenToYuanString(fen)} yuan a year` : 'Not eligible: 0 yuan',
        { eligible, annualAmount: fenToYuanString(fen) }),
    ]) as LivingSubsidyEligibilityResult;
  },
});

/**
 * {@link livingSubsidyEligibility} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Subsidies
 */
export const safeLivingSubsidyEligibility = safe(livingSubsidyEligibility);
