import { defineLazy, step, type Explained } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { fenToDecimal, fenToYuanString, type Decimal } from '../core/money.js';
import { resolve, type UsedValue } from '../core/parameters.js';
import { throwIfAny } from '../core/schemas.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import { parameterTree } from '../parameters/tree.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { readSchool, type School } from '../core/school.js';

/**
 * What {@link livingSubsidyBudget} returns.
 *
 * @category Subsidies
 */
export interface LivingSubsidyBudgetResult extends Explained {
  readonly schoolId: string;
  /** Boarders covered per stage: the covered share of boarders, rounded half up to whole pupils. */
  readonly quota: { primary: number; junior: number };
  /** `quota × annual boarder standard` per stage, added; exact. */
  readonly amount: Decimal;
}

/** Share × count rounded half up to a whole pupil, the share in basis points. @internal */
export function quotaOf(count: number, basisPoints: number): number {
  return Math.floor((count * basisPoints * 2 + 10_000) / 20_000);
}

/**
 * The 一补 budget of one school: the living subsidy for boarders from poor families, planned on the
 * covered share of its boarders.
 *
 * Opinion **5.1** widens the covered share from 15 % to 30 % of boarders
 * (城乡家庭经济困难寄宿生生活费补助范围由在校寄宿生的15%扩大到30%). Per stage, the quota is
 * 30 % of boarders rounded half up to a whole pupil (0.5 rounds up), and the amount is the quota times
 * the national annual boarder standard in force on `asOf` (1000 / 1250 yuan from 2011 autumn,
 * 1250 / 1500 from 2024 spring; a national floor that provinces may raise through `parameters`).
 * No region is needed: the standard is national.
 *
 * @category Subsidies
 * @param school - A school as {@link publicFunding} takes it; only `boarders` matter here.
 * @param options - `{ asOf?, parameters? }`.
 * @throws {@link PolicyInputError} for invalid input or a date before 2011-09-01.
 * @example
 * ```ts
 * const r = livingSubsidyBudget(
 *   { id: 'B', location: 'rural', pupils: { primary: 300, junior: 200 }, boarders: { primary: 45, junior: 100 } },
 *   { asOf: '2025-09-01' },
 * );
 * r.quota; //=> { primary: 14, junior: 30 }
 * r.amount.toString(); //=> '62500'
 * ```
 */
export function livingSubsidyBudget(school: School, options?: CalculatorOptions): LivingSubsidyBudgetResult {
  const issues: PolicyIssue[] = [];
  const parsed = readSchool(school, issues);
  const ctx = readOptions(options, issues);
  throwIfAny(issues);
  const used: UsedValue[] = [];
  const rates = resolve(parameterTree.livingSubsidy.boarder, 'livingSubsidy.boarder', ctx, issues, used);
  const share = resolve(parameterTree.livingSubsidy.coverage, 'livingSubsidy.coverage', ctx, issues, used);
  throwIfAny(issues);
  const s = parsed as NonNullable<typeof parsed>;
  const boarders = { primary: s.boardersPrimary, junior: s.boardersJunior };
  const quota = { primary: quotaOf(boarders.primary, share), junior: quotaOf(boarders.junior, share) };
  const fen = { primary: quota.primary * rates.primary, junior: quota.junior * rates.junior };
  const amountFen = fen.primary + fen.junior;
  const result = { schoolId: s.id, quota, amount: fenToDecimal(amountFen), citations: citationsOf(used) };
  return defineLazy(result, 'explanation', () => {
    const pct = share / 100;
    return [
      ...parameterSteps(used),
      ...(['primary', 'junior'] as const).map((stage) => {
        const zhStage = stage === 'primary' ? '小学' : '初中';
        return step('5.1',
          `${zhStage}寄宿生 ${boarders[stage]} 人 × ${pct}% = ${(boarders[stage] * share) / 10_000}，四舍五入为 ${quota[stage]} 人；${quota[stage]} × ${fenToYuanString(rates[stage])} 元 = ${fenToYuanString(fen[stage])} 元`,
          `${stage} boarders ${boarders[stage]} × ${pct} % = ${(boarders[stage] * share) / 10_000}, rounded half up to ${quota[stage]} pupils; ${quota[stage]} × ${fenToYuanString(rates[stage])} yuan = ${fenToYuanString(fen[stage])} yuan`,
          { stage, boarders: boarders[stage], quota: quota[stage], rate: fenToYuanString(rates[stage]), amount: fenToYuanString(fen[stage]) });
      }),
      step('5.1', `生活补助预算合计 ${fenToYuanString(amountFen)} 元`, `Living-subsidy budget: ${fenToYuanString(amountFen)} yuan`, { amount: fenToYuanString(amountFen) }),
    ];
  }) as LivingSubsidyBudgetResult;
}

/**
 * {@link livingSubsidyBudget} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Subsidies
 */
export const safeLivingSubsidyBudget = makeSafe(livingSubsidyBudget);
