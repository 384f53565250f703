import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { FenSum, type Decimal } from '../core/money.js';
import { fromZodIssues, throwIfAny } from '../core/schemas.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import type { IsoDate } from '../core/dates.js';
import { fundingParams, missingRateIssues, type FundingParams } from './params.js';
import { fundingResult, type PublicFundingResult } from './result.js';
import { parameterSteps } from '../parameters/steps.js';
import { fundSchool } from './rule.js';
import { readSchool, schoolListSchema, type SchoolRecord, type School } from '../core/school.js';

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
 * Validates a roster: every row once, every problem with its row index (`[41, 'location']`), and
 * duplicate ids (a school funded twice is a budget error).
 *
 * @internal
 */
export function parseSchools(schools: unknown, issues: PolicyIssue[]): SchoolRecord[] {
  if (!Array.isArray(schools)) {
    const r = schoolListSchema.safeParse(schools, { reportInput: true });
    if (!r.success) issues.push(...fromZodIssues(r.error.issues));
    return [];
  }
  const out: SchoolRecord[] = new Array(schools.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < schools.length; i++) {
    const record = readSchool(schools[i], issues, [i]);
    if (record === undefined) continue;
    out[i] = record;
    const first = seen.get(record.id);
    if (first === undefined) seen.set(record.id, i);
    else {
      issues.push({
        path: [i, 'id'],
        code: 'inconsistent',
        message: `repeats the id of school [${first}] ("${record.id}"); each school may appear once`,
        related: [first, 'id'],
      });
    }
  }
  return out;
}

/**
 * Funds a list of schools (`rows`, already validated) with one set of parameters. @internal
 */
export function fundAll(rows: readonly SchoolRecord[], params: FundingParams, asOf: IsoDate): BudgetResult {
  const results: PublicFundingResult[] = new Array(rows.length);
  const sum = new FenSum();
  const citations = ['5.1'];
  let national = 0;
  let district = 0;
  let missing = 0;
  for (let i = 0; i < rows.length; i++) {
    const school = rows[i] as SchoolRecord;
    const outcome = fundSchool(school, params);
    missing |= outcome.missingRates;
    sum.add(outcome.amountFen);
    if (outcome.floorApplied === 'national-under-100') national++;
    else if (outcome.floorApplied === 'district-100-to-200') district++;
    const result = fundingResult(school, outcome, params);
    for (const c of result.citations) if (!citations.includes(c)) citations.push(c);
    results[i] = result;
  }
  if (missing !== 0) {
    const issues: PolicyIssue[] = [];
    missingRateIssues(params, missing, asOf, issues);
    throwIfAny(issues);
  }
  const total = sum.toDecimal();
  const budget = { schools: results, total, citations };
  return defineLazy(budget, 'explanation', (): ExplanationStep[] => [
    ...parameterSteps(params.used.values()),
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
 * @param schools - Schools as {@link publicFunding} takes them; ids must be unique.
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
export function allocateBudget(schools: readonly School[], options?: CalculatorOptions): BudgetResult {
  const issues: PolicyIssue[] = [];
  const rows = parseSchools(schools, issues);
  const ctx = readOptions(options, issues);
  throwIfAny(issues);
  const params = fundingParams(ctx, issues) as FundingParams;
  throwIfAny(issues);
  return fundAll(rows, params, ctx.asOf);
}

/**
 * {@link allocateBudget} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Funding
 */
export const safeAllocateBudget = makeSafe(allocateBudget);

