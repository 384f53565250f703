import * as z from 'zod/mini';
import type { Call } from '../core/calculator.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { PolicyIssue } from '../core/errors.js';
import { describeValue } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { parameterSteps } from '../parameters/steps.js';
import { balanceReads, countyInputSchema, readCounty } from './internal.js';
import { BALANCE_CITATIONS, balanceResult, type BalancedDevelopmentResult } from './result.js';
import { assessRows, balanceParamsOf, type BalanceParameters, type StageOutcome } from './rule.js';
import type { County, CountyRecord } from './schemas.js';

/**
 * The pure rule of {@link assessBalancedDevelopment}: each stage present assessed (primary first),
 * every school against the thresholds of its stage and every indicator's coefficient against the
 * stage limit. Unchecked: give it a validated county and parameters from
 * `assessBalancedDevelopment.parameters(options)`.
 *
 * @category Balanced development
 */
export function assessBalancedDevelopmentRule(county: Pick<CountyRecord, 'rows'>, params: BalanceParameters): StageOutcome[] {
  return assessRows(county.rows, balanceParamsOf(params));
}

/** The result of one county from its stages. @internal */
function countyResult(county: CountyRecord, stages: readonly StageOutcome[], call: Call<unknown, BalanceParameters>): BalancedDevelopmentResult {
  return balanceResult(county.id, stages, balanceParamsOf(call.params), call.used);
}

/**
 * The resource-allocation dimension of the 优质均衡 county assessment (教督〔2017〕6号), which
 * opinion **1.1** (科学规划义务教育学校) and **6.3** (统筹县域义务教育一体化发展) aim at: each school's
 * seven indicators against the thresholds of its stage, and each indicator's pupil-weighted
 * difference coefficient against the stage limit.
 *
 * - Indicators (national-standards §5.1; primary / junior): L1 qualified teachers per 100 pupils
 *   ≥ 4.2 / 5.3; L2 backbone teachers per 100 ≥ 1 / 1; L3 PE and arts teachers per 100 ≥ 0.9 / 0.9;
 *   L4 teaching and auxiliary area ≥ 4.5 / 5.8 m² per pupil; L5 sports area ≥ 7.5 / 10.2 m²;
 *   L6 equipment ≥ 2000 / 2500 yuan per pupil; L7 multimedia classrooms per 100 ≥ 2.3 / 2.4
 *   (`balance.thresholds`, each with its date, source and confidence).
 * - A threshold met exactly is met. Every comparison is exact: counts by integer
 *   cross-multiplication (teachers × 100 × 10⁴ ≥ 4.2 × 10⁴ × pupils), equipment in fen, areas read
 *   through their decimal text (`String(4.5)`), never a float quotient.
 * - A school complies when it meets at least 6 of the 7 (`balance.school.minimumMet`, secondary) and
 *   every unmet indicator reaches 85 % of its threshold (`balance.school.nearMissShare`,
 *   unverified), also decided exactly.
 * - Teaching points (`kind: 'teaching-point'`) with fewer than 50 pupils
 *   (`balance.school.teachingPointMinimum`) are listed with `excluded: true` and take no part in
 *   coefficients or compliance (their own `metCount` and `compliant` are for information).
 * - Coefficients are pupil-weighted, no n − 1 (see {@link differenceCoefficient}), over the
 *   assessed schools; `countyValue` is the pupil-weighted mean. The limit (≤ 0.50 primary, ≤ 0.45
 *   junior, `balance.coefficientLimit`, secondary) includes itself and is compared with the
 *   computed float coefficient (a square root is not exact; a coefficient within about 10⁻¹⁵ of the
 *   limit could fall either way).
 * - A stage complies when every assessed school complies and every coefficient is within its limit
 *   (a stage whose rows are all excluded complies vacuously; the explanation says so); the county
 *   complies when every stage present complies.
 *
 * Government guarantees and vetoes are assessed by {@link assessCounty}; the `guarantees` and
 * `vetoes` fields of `county` are accepted here and ignored.
 *
 * @category Balanced development
 * @function
 * @param input - `{ schools: BalanceSchool[], id?, name?, guarantees?, vetoes? }`, one row per school and stage.
 * @param options - `{ asOf?, parameters? }` (no value differs by region).
 * @returns `{ compliant, stages: { primary?, junior? }, citations, explanation }`; the explanation is built on first read.
 * @throws {@link PolicyInputError} naming every bad row and field (`['schools', 3, 'pupils']`): 0 pupils, negative counts, unknown stage, repeated (id, stage), no rows.
 * @example
 * ```ts
 * const school = (id: string, qualifiedTeachers: number) => ({
 *   id, stage: 'primary' as const, pupils: 1000, qualifiedTeachers, backboneTeachers: 10, peArtTeachers: 9,
 *   teachingAuxiliaryArea: 4500, sportsArea: 7500, equipmentValue: 2_000_000, multimediaClassrooms: 23,
 * });
 * // Every threshold met exactly: 42 × 100 / 1000 = 4.2, 4500 / 1000 = 4.5 m², …
 * const result = assessBalancedDevelopment({ schools: [school('A', 42), school('B', 42)] }, { asOf: '2025-09-01' });
 * result.compliant; //=> true
 * result.stages.primary?.schools[0]?.metCount; //=> 7
 * // One teacher short: L1 = 4.1 < 4.2, still ≥ 85 % of it, and the other six are met.
 * assessBalancedDevelopment({ schools: [school('A', 41)] }, { asOf: '2025-09-01' }).stages.primary?.schools[0]?.compliant; //=> true
 * ```
 */
export const assessBalancedDevelopment = defineCalculator({
  name: 'assessBalancedDevelopment',
  provisions: ['1.1', '6.3'],
  input: countyInputSchema as z.ZodMiniType<unknown, County>,
  parse: (input, issues) => readCounty(input, issues),
  reads: balanceReads,
  rule: assessBalancedDevelopmentRule,
  result: (stages, call) => countyResult(call.input, stages, call),
});

/**
 * {@link assessBalancedDevelopment} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessBalancedDevelopment = safe(assessBalancedDevelopment);

/** What {@link assessCounties} returns. @category Balanced development */
export interface CountiesResult extends Explained {
  /** One result per county, in input order (each with its `id` when given). */
  readonly counties: BalancedDevelopmentResult[];
  /** How many counties comply. */
  readonly compliantCount: number;
}

/**
 * The pure rule of {@link assessCounties}: {@link assessBalancedDevelopmentRule} for every county,
 * in order, with one set of parameters.
 *
 * @category Balanced development
 */
export function assessCountiesRule(counties: ReadonlyArray<Pick<CountyRecord, 'rows'>>, params: BalanceParameters): StageOutcome[][] {
  const p = balanceParamsOf(params);
  return counties.map((c) => assessRows(c.rows, p));
}

/** Every county validated, each problem under its index (`[12, 'schools', 40, 'pupils']`). */
function readCounties(input: unknown, issues: PolicyIssue[]): CountyRecord[] | undefined {
  if (!Array.isArray(input)) {
    issues.push({ path: [], code: 'invalid_type', message: `must be a list of counties, got ${describeValue(input)}` });
    return undefined;
  }
  const records: CountyRecord[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const c = readCounty(input[i], issues, [i]);
    if (c !== undefined) records[i] = c;
  }
  return records;
}

/**
 * {@link assessBalancedDevelopment} for many counties in one call — a province, the country — with
 * the parameters resolved once. Every county is validated first; a bad row anywhere fails the whole
 * call with every problem named (`[12, 'schools', 40, 'pupils']`). Explanations are built only when
 * read.
 *
 * @category Balanced development
 * @function
 * @param input - An array of counties as {@link assessBalancedDevelopment} takes them.
 * @param options - `{ asOf?, parameters? }`.
 * @returns Per-county results in input order and the number that comply.
 * @throws {@link PolicyInputError} listing every bad county, row and field, and nothing computed.
 * @example
 * ```ts
 * const row = { id: 'S', stage: 'junior' as const, pupils: 100, qualifiedTeachers: 6, backboneTeachers: 1, peArtTeachers: 1,
 *   teachingAuxiliaryArea: 580, sportsArea: 1020, equipmentValue: 250_000, multimediaClassrooms: 3 };
 * const weak = { ...row, qualifiedTeachers: 4, backboneTeachers: 0 };
 * const r = assessCounties([{ id: 'A', schools: [row] }, { id: 'B', schools: [weak] }], { asOf: '2025-09-01' });
 * r.counties.map((c) => c.compliant); //=> [true, false]
 * r.compliantCount; //=> 1
 * ```
 */
export const assessCounties = defineCalculator({
  name: 'assessCounties',
  provisions: ['1.1', '6.3', '6.4'],
  input: z.array(countyInputSchema) as z.ZodMiniType<unknown, County[]>,
  parse: readCounties,
  reads: balanceReads,
  rule: assessCountiesRule,
  result(outcomes, call): CountiesResult {
    const p = balanceParamsOf(call.params);
    const records = call.input;
    const results: BalancedDevelopmentResult[] = new Array(records.length);
    let compliantCount = 0;
    for (let i = 0; i < records.length; i++) {
      const r = balanceResult((records[i] as CountyRecord).id, outcomes[i] as StageOutcome[], p, call.used);
      if (r.compliant) compliantCount++;
      results[i] = r;
    }
    const out = { counties: results, compliantCount, citations: [...BALANCE_CITATIONS] };
    return defineLazy(out, 'explanation', (): ExplanationStep[] => [
      ...parameterSteps(call.used, '6.3'),
      step('6.3', `共 ${records.length} 个县，资源配置达到要求的 ${compliantCount} 个`, `${records.length} counties, ${compliantCount} complying on resource allocation`, { counties: records.length, compliant: compliantCount }),
    ]) as CountiesResult;
  },
});

/**
 * {@link assessCounties} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessCounties = safe(assessCounties);
