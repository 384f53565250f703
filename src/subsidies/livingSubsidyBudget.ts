import { defineLazy, step, type Explained } from '../core/explain.js';
import { fenToDecimal, fenToYuanString, type Decimal } from '../core/money.js';
import { readSchool, schoolSchema, type SchoolRecord } from '../core/school.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';

/**
 * What {@link livingSubsidyBudget} returns.
 *
 * @category Subsidies
 */
export interface LivingSubsidyBudgetResult extends Explained {
  readonly schoolId: string;
  /** Boarders covered per stage: the covered share of boarders, rounded down to whole pupils (never above the share). */
  readonly quota: { primary: number; junior: number };
  /** `quota × annual boarder standard` per stage, added; exact. */
  readonly amount: Decimal;
}

/**
 * The living-subsidy parameters the budget reads, resolved for a day: what
 * {@link livingSubsidyBudgetRule} takes (`livingSubsidyBudget.parameters(options)` gives them).
 *
 * @category Subsidies
 */
export interface LivingSubsidyBudgetParams {
  /** `livingSubsidy.boarder`: the annual boarder standard per stage, in integer fen. */
  readonly boarder: { readonly primary: number; readonly junior: number };
  /** `livingSubsidy.coverage`: the covered share of boarders, in ten-thousandths (3000 = 30 %). */
  readonly coverage: number;
}

/** What {@link livingSubsidyBudgetRule} computes, money in integer fen. @category Subsidies */
export interface LivingSubsidyBudgetOutcome {
  /** Boarders covered per stage: the covered share of boarders, rounded down to whole pupils. */
  readonly quota: { primary: number; junior: number };
  /** `quota × boarder standard` per stage, in fen. */
  readonly fen: { readonly primary: number; readonly junior: number };
  /** Their sum, in fen. */
  readonly amountFen: number;
}

/** `⌊n × share ÷ 10⁴⌋`, exactly: n ≤ 10⁶ and share ≤ 10⁴, so the product is a safe integer. */
function floorShare(n: number, share: number): number {
  const product = n * share;
  return (product - (product % 10_000)) / 10_000;
}

/**
 * The pure rule of {@link livingSubsidyBudget}: per stage, the covered share of a validated school's
 * boarders rounded down to whole pupils (a covered share is a ceiling: 13.5 → 13), times the annual
 * boarder standard; exact integer fen, no validation.
 *
 * @category Subsidies
 */
export function livingSubsidyBudgetRule(school: SchoolRecord, p: LivingSubsidyBudgetParams): LivingSubsidyBudgetOutcome {
  const quota = { primary: floorShare(school.boardersPrimary, p.coverage), junior: floorShare(school.boardersJunior, p.coverage) };
  const fen = { primary: quota.primary * p.boarder.primary, junior: quota.junior * p.boarder.junior };
  return { quota, fen, amountFen: fen.primary + fen.junior };
}

/**
 * The 一补 budget of one school: the living subsidy for boarders from poor families, planned on the
 * covered share of its boarders.
 *
 * Opinion **5.1** widens the covered share from 15 % to 30 % of boarders
 * (城乡家庭经济困难寄宿生生活费补助范围由在校寄宿生的15%扩大到30%). Per stage, the quota is
 * 30 % of boarders rounded **down** to a whole pupil — "扩大到30%" is a ceiling of the covered
 * share, so the quota never exceeds it (45 boarders: 13.5 → 13, 28.9 %, not 14, 31.1 %) — and the
 * amount is the quota times the national annual boarder standard in force on `asOf` (1000 / 1250 yuan from 2011 autumn,
 * 1250 / 1500 from 2024 spring; a national floor that provinces may raise through `parameters`).
 * No region is needed: the standard is national.
 *
 * @category Subsidies
 * @function
 * @param input - A school as {@link publicFunding} takes it; only `boarders` matter here.
 * @param options - `{ asOf?, parameters? }`.
 * @throws {@link PolicyInputError} for invalid input or a date before 2011-09-01.
 * @example
 * ```ts
 * const r = livingSubsidyBudget(
 *   { id: 'B', location: 'rural', pupils: { primary: 300, junior: 200 }, boarders: { primary: 45, junior: 100 } },
 *   { asOf: '2025-09-01' },
 * );
 * r.quota; //=> { primary: 13, junior: 30 }
 * r.amount.toString(); //=> '61250'
 * ```
 */
export const livingSubsidyBudget = defineCalculator({
  name: 'livingSubsidyBudget',
  provisions: ['5.1'],
  input: schoolSchema,
  parse: (input, issues) => readSchool(input, issues),
  reads: (p) => ({ boarder: p.livingSubsidy.boarder, coverage: p.livingSubsidy.coverage }),
  rule: livingSubsidyBudgetRule,
  result(outcome, call): LivingSubsidyBudgetResult {
    const s = call.input;
    const { quota, fen, amountFen } = outcome;
    const { boarder: rates, coverage: share } = call.params;
    const used = call.used;
    const boarders = { primary: s.boardersPrimary, junior: s.boardersJunior };
    const result = { schoolId: s.id, quota, amount: fenToDecimal(amountFen), citations: citationsOf(used) };
    return defineLazy(result, 'explanation', () => {
      const pct = share / 100;
      return [
        ...parameterSteps(used),
        ...(['primary', 'junior'] as const).map((stage) => {
          const zhStage = stage === 'primary' ? '小学' : '初中';
          return step('5.1',
            `${zhStage}寄宿生 ${boarders[stage]} 人 × ${pct}% = ${(boarders[stage] * share) / 10_000}，向下取整为 ${quota[stage]} 人（不超过覆盖比例）；${quota[stage]} × ${fenToYuanString(rates[stage])} 元 = ${fenToYuanString(fen[stage])} 元`,
            `${stage} boarders ${boarders[stage]} × ${pct} % = ${(boarders[stage] * share) / 10_000}, rounded down to ${quota[stage]} pupils (never above the covered share); ${quota[stage]} × ${fenToYuanString(rates[stage])} yuan = ${fenToYuanString(fen[stage])} yuan`,
            { stage, boarders: boarders[stage], quota: quota[stage], rate: fenToYuanString(rates[stage]), amount: fenToYuanString(fen[stage]) });
        }),
        step('5.1', `生活补助预算合计 ${fenToYuanString(amountFen)} 元`, `Living-subsidy budget: ${fenToYuanString(amountFen)} yuan`, { amount: fenToYuanString(amountFen) }),
      ];
    }) as LivingSubsidyBudgetResult;
  },
});

/**
 * {@link livingSubsidyBudget} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Subsidies
 */
export const safeLivingSubsidyBudget = safe(livingSubsidyBudget);
