import { schoolListSchema } from '../core/school.js';
import type { SchoolRecord } from '../core/school.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { FenSum, type Decimal } from '../core/money.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { parameterSteps } from '../parameters/steps.js';
import { fundingContext, fundingReads, parseSchools, raiseMissingRates } from './internal.js';
import { fundingResult, type FundingContext, type PublicFundingResult } from './result.js';
import { publicFundingRule, type FundingOutcome, type FundingParams } from './rule.js';

/**
 * What {@link allocateBudget} returns.
 *
 * @category Funding
 */
export interface BudgetResult extends Explained {
  /** One result per school, in input order. */
  readonly schools: PublicFundingResult[];
  /** Exactly the sum of the schools' amounts. */
  readonly total: Decimal;
}


/**
 * The pure rule of {@link allocateBudget}: {@link publicFundingRule} for every school, in order, with the
 * union of the stage benchmarks they needed and could not have. Unchecked: give it validated
 * records and parameters from `allocateBudget.parameters(options)`.
 *
 * @category Funding
 */
export function allocateBudgetRule(rows: readonly SchoolRecord[], params: FundingParams): { outcomes: FundingOutcome[]; missingRates: number } {
  const outcomes: FundingOutcome[] = new Array(rows.length);
  let missingRates = 0;
  for (let i = 0; i < rows.length; i++) {
    const outcome = publicFundingRule(rows[i] as SchoolRecord, params);
    missingRates |= outcome.missingRates;
    outcomes[i] = outcome;
  }
  return { outcomes, missingRates };
}

/** The budget result: one school result each, the exact total, citations and a lazy explanation. */
function budgetResult(rows: readonly SchoolRecord[], outcomes: readonly FundingOutcome[], c: FundingContext): BudgetResult {
  const results: PublicFundingResult[] = new Array(rows.length);
  const sum = new FenSum();
  const citations = ['5.1'];
  let national = 0;
  let district = 0;
  for (let i = 0; i < rows.length; i++) {
    const outcome = outcomes[i] as FundingOutcome;
    sum.add(outcome.amountFen);
    if (outcome.floorApplied === 'national-under-100') national++;
    else if (outcome.floorApplied === 'district-100-to-200') district++;
    const result = fundingResult(rows[i] as SchoolRecord, outcome, c);
    for (const id of result.citations) if (!citations.includes(id)) citations.push(id);
    results[i] = result;
  }
  const total = sum.toDecimal();
  const budget = { schools: results, total, citations };
  return defineLazy(budget, 'explanation', (): ExplanationStep[] => [
    ...parameterSteps(c.used.values()),
    step('5.1',
      `共 ${rows.length} 所学校；${national} 所适用国家不足100人保底，${district} 所适用区级超过100人不足200人保底`,
      `${rows.length} schools; ${national} funded under the national under-100 floor, ${district} under the opinion's 100-to-200 floor`,
      { schools: rows.length, nationalFloor: national, districtFloor: district }),
    step('5.1', `公用经费总额 = 各校金额之和 = ${total.toString()} 元（未另行舍入）`, `Total = the sum of the schools' amounts = ${total.toString()} yuan (no further rounding)`, { total: total.toString() }),
  ]) as BudgetResult;
}

/**
 * Public funding for a whole roster — a district, a province, the country — with one set of
 * parameters, resolved once. Results are in input order and `total` is exactly the sum of the
 * schools' amounts (no rounding beyond each school's own).
 *
 * Explanations and components are built only when read, so a national roster of 210,000 schools
 * costs a few integer operations per school.
 *
 * @category Funding
 * @function
 * @param input - Schools as {@link publicFunding} takes them; ids must be unique.
 * @param options - `{ asOf?, region?, parameters? }`.
 * @returns Per-school results, the exact total, citations and an explanation.
 * @throws {@link PolicyInputError} listing every bad row and field (`[41, 'location']`), and nothing computed.
 * @example
 * ```ts
 * const budget = allocateBudget(
 *   [
 *     { id: 'A', location: 'urban', pupils: { primary: 1200 } },
 *     { id: 'B', location: 'rural', pupils: { primary: 80 } },
 *   ],
 *   { asOf: '2025-09-01', region: 'west' },
 * );
 * budget.total.toString(); //=> '780000'
 * ```
 */
export const allocateBudget = defineCalculator({
  name: 'allocateBudget',
  provisions: ['5.1'],
  input: schoolListSchema,
  parse: parseSchools,
  reads: fundingReads,
  rule: allocateBudgetRule,
  settle: (outcome, call, issues) => raiseMissingRates(outcome.missingRates, call, issues),
  result: (outcome, call) => budgetResult(call.input, outcome.outcomes, fundingContext(call)),
});

/**
 * {@link allocateBudget} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Funding
 */
export const safeAllocateBudget = safe(allocateBudget);

