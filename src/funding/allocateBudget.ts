import { schoolListSchema } from '../core/school.js';
import type { SchoolRecord } from '../core/school.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { FenSum, type Decimal } from '../core/money.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { parameterSteps } from '../parameters/steps.js';
import { fundingContext, fundingReads, parseSchools, raiseMissingRates } from './internal.js';
import { fundedResult, fundingCitations, type FundingContext, type PublicFundingResult } from './result.js';
import { publicFundingRule, type ComponentId, type FloorApplied, type FundingParams } from './rule.js';

/**
 * What {@link allocateBudget} returns.
 *
 * @category Funding
 */
export interface BudgetResult extends Explained {
  /**
   * One result per school, in input order. Each `amount` is made on first read (from the school's
   * integer fen); components and explanations are built when read. Schools that cite the same
   * sources share one **frozen** `citations` array: copy it (`[...school.citations]`) to change it.
   */
  readonly schools: PublicFundingResult[];
  /** Exactly the sum of the schools' amounts. */
  readonly total: Decimal;
}


/**
 * What {@link allocateBudgetRule} decides for a roster, school by school in input order, as flat
 * columns (a national roster keeps no object per school): the funded pupils, the floor band applied
 * (0 none, else its position in the `funding.floors` list in force plus one), the amount in fen and
 * the components present (bit `1 << k` for the k-th of {@link COMPONENT_IDS}).
 *
 * @category Funding
 */
export interface BudgetOutcome {
  readonly fundedPupils: Int32Array;
  /** 0 no band; k + 1 the k-th band of the list in force (a list holds at most 50). */
  readonly floors: Uint8Array;
  readonly amountFen: Float64Array;
  readonly components: Uint8Array;
  /** Stage benchmarks some school needed and could not have (bit 1 primary, bit 2 junior); 0 normally. */
  readonly missingRates: number;
}

/** The component ids in the order of {@link BudgetOutcome.components}' bits. @category Funding */
export const COMPONENT_IDS = ['benchmark-primary', 'benchmark-junior', 'floor', 'disabled-benchmark-withdrawn', 'special-education', 'boarding'] as const satisfies readonly ComponentId[];

/**
 * The pure rule of {@link allocateBudget}: {@link publicFundingRule} for every school, in order, kept
 * as flat columns ({@link BudgetOutcome}), with the union of the stage benchmarks the schools needed
 * and could not have. Unchecked: give it validated records and parameters from
 * `allocateBudget.parameters(options)`.
 *
 * @category Funding
 */
export function allocateBudgetRule(rows: readonly SchoolRecord[], params: FundingParams): BudgetOutcome {
  const n = rows.length;
  const out = { fundedPupils: new Int32Array(n), floors: new Uint8Array(n), amountFen: new Float64Array(n), components: new Uint8Array(n), missingRates: 0 };
  for (let i = 0; i < n; i++) {
    const o = publicFundingRule(rows[i] as SchoolRecord, params);
    out.missingRates |= o.missingRates;
    out.fundedPupils[i] = o.fundedPupils;
    out.floors[i] = o.floorIndex + 1;
    out.amountFen[i] = o.amountFen;
    let mask = 0;
    for (const part of o.components) mask |= 1 << COMPONENT_IDS.indexOf(part.id as (typeof COMPONENT_IDS)[number]);
    out.components[i] = mask;
  }
  return out;
}

/** The budget result: one school result each, the exact total, citations and a lazy explanation. */
function budgetResult(rows: readonly SchoolRecord[], o: BudgetOutcome, c: FundingContext): BudgetResult {
  const results: PublicFundingResult[] = new Array(rows.length);
  const sum = new FenSum();
  const citations = ['5.1'];
  // Schools with the same components and floor cite the same sources: each list is made once.
  const lists = new Map<number, string[]>();
  const bands = c.p.floors;
  const ids: FloorApplied[] = [null, ...bands.map((b) => b.id)];
  const counts = new Array<number>(ids.length).fill(0);
  for (let i = 0; i < rows.length; i++) {
    const floor = o.floors[i] as number;
    const amountFen = o.amountFen[i] as number;
    sum.add(amountFen);
    counts[floor] = (counts[floor] as number) + 1;
    const key = ((o.components[i] as number) << 8) | floor;
    let list = lists.get(key);
    if (list === undefined) {
      const floorApplied = ids[floor] as FloorApplied;
      const components = COMPONENT_IDS.filter((_, k) => ((o.components[i] as number) & (1 << k)) !== 0).map((id) => ({ id }));
      list = Object.freeze(fundingCitations(components, floorApplied, c)) as string[];
      lists.set(key, list);
      for (const id of list) if (!citations.includes(id)) citations.push(id);
    }
    const figures = { fundedPupils: o.fundedPupils[i] as number, floorApplied: ids[floor] as FloorApplied, amountFen };
    // Schools citing the same sources share one frozen list (documented on BudgetResult.schools).
    results[i] = fundedResult(rows[i] as SchoolRecord, figures, list, c);
  }
  const total = sum.toDecimal();
  const budget = { schools: results, total, citations };
  return defineLazy(budget, 'explanation', (): ExplanationStep[] => [
    ...parameterSteps(c.used.values()),
    step('5.1',
      `共 ${rows.length} 所学校；${bands.length === 0 ? '无保底' : bands.map((b) => `${counts[b.index + 1] as number} 所适用保底 ${b.id}`).join('，')}`,
      `${rows.length} schools; ${bands.length === 0 ? 'no floor bands' : bands.map((b) => `${counts[b.index + 1] as number} funded under the floor ${b.id}`).join(', ')}`,
      { schools: rows.length, floored: rows.length - (counts[0] as number) }),
    step('5.1', `公用经费总额 = 各校金额之和 = ${total.toString()} 元（未另行舍入）`, `Total = the sum of the schools' amounts = ${total.toString()} yuan (no further rounding)`, { total: total.toString() }),
  ]) as BudgetResult;
}

/**
 * Public funding for a whole roster — a district, a province, the country — with one set of
 * parameters, resolved once. Results are in input order and `total` is exactly the sum of the
 * schools' amounts (no rounding beyond each school's own).
 *
 * Amounts, explanations and components are built only when read, so a national roster of 210,000
 * schools costs a few integer operations per school; its JSON (`JSON.stringify(budget)`) formats
 * amounts straight from integer fen and leaves out every explanation (see {@link Explained}).
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
  result: (outcome, call) => budgetResult(call.input, outcome, fundingContext(call)),
});

/**
 * {@link allocateBudget} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Funding
 */
export const safeAllocateBudget = safe(allocateBudget);

