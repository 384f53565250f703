import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { describeValue, throwIfAny } from '../core/schemas.js';
import type { Stage } from '../core/types.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import { parameterSteps } from '../parameters/steps.js';
import { balanceParams, type BalanceParams } from './params.js';
import { BALANCE_CITATIONS, balanceResult, type BalancedDevelopmentResult } from './result.js';
import { assessStage, type StageOutcome } from './rule.js';
import { readCounty, type BalanceRow, type County, type CountyRecord } from './schemas.js';

/** Splits a county's rows by stage and assesses each stage present. @internal */
export function assessRows(rows: readonly BalanceRow[], p: BalanceParams): StageOutcome[] {
  const byStage: Record<Stage, BalanceRow[]> = { primary: [], junior: [] };
  for (const row of rows) byStage[row.stage].push(row);
  const out: StageOutcome[] = [];
  for (const stage of ['primary', 'junior'] as const) if (byStage[stage].length > 0) out.push(assessStage(stage, byStage[stage], p));
  return out;
}

/** Reads a county and rejects one without schools. @internal */
export function readCountyStrict(input: unknown, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): CountyRecord | undefined {
  const county = readCounty(input, issues, prefix);
  if (county !== undefined && county.rows.length === 0) {
    issues.push({ path: [...prefix, 'schools'], code: 'too_small', message: 'must list at least one school row: a county without schools cannot be assessed' });
    return undefined;
  }
  return county;
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
 * @param county - `{ schools: BalanceSchool[], id?, name?, guarantees?, vetoes? }`, one row per school and stage.
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
export function assessBalancedDevelopment(county: County, options?: CalculatorOptions): BalancedDevelopmentResult {
  const issues: PolicyIssue[] = [];
  const parsed = readCountyStrict(county, issues);
  const ctx = readOptions(options, issues);
  throwIfAny(issues);
  const p = balanceParams(ctx, issues) as BalanceParams;
  throwIfAny(issues);
  const valid = parsed as CountyRecord;
  return balanceResult(valid.id, assessRows(valid.rows, p), p);
}

/**
 * {@link assessBalancedDevelopment} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessBalancedDevelopment = makeSafe(assessBalancedDevelopment);

/** What {@link assessCounties} returns. @category Balanced development */
export interface CountiesResult extends Explained {
  /** One result per county, in input order (each with its `id` when given). */
  readonly counties: BalancedDevelopmentResult[];
  /** How many counties comply. */
  readonly compliantCount: number;
}

/**
 * {@link assessBalancedDevelopment} for many counties in one call — a province, the country — with
 * the parameters resolved once. Every county is validated first; a bad row anywhere fails the whole
 * call with every problem named (`[12, 'schools', 40, 'pupils']`). Explanations are built only when
 * read.
 *
 * @category Balanced development
 * @param counties - An array of counties as {@link assessBalancedDevelopment} takes them.
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
export function assessCounties(counties: readonly County[], options?: CalculatorOptions): CountiesResult {
  const issues: PolicyIssue[] = [];
  const records: CountyRecord[] = [];
  if (!Array.isArray(counties)) {
    issues.push({ path: [], code: 'invalid_type', message: `must be a list of counties, got ${describeValue(counties)}` });
  } else {
    for (let i = 0; i < counties.length; i++) {
      const c = readCountyStrict(counties[i], issues, [i]);
      if (c !== undefined) records[i] = c;
    }
  }
  const ctx = readOptions(options, issues);
  throwIfAny(issues);
  const p = balanceParams(ctx, issues) as BalanceParams;
  throwIfAny(issues);
  const results: BalancedDevelopmentResult[] = new Array(records.length);
  let compliantCount = 0;
  for (let i = 0; i < records.length; i++) {
    const c = records[i] as CountyRecord;
    const r = balanceResult(c.id, assessRows(c.rows, p), p);
    if (r.compliant) compliantCount++;
    results[i] = r;
  }
  const out = { counties: results, compliantCount, citations: [...BALANCE_CITATIONS] };
  return defineLazy(out, 'explanation', (): ExplanationStep[] => [
    ...parameterSteps(p.used, '6.3'),
    step('6.3', `共 ${records.length} 个县，资源配置达到要求的 ${compliantCount} 个`, `${records.length} counties, ${compliantCount} complying on resource allocation`, { counties: records.length, compliant: compliantCount }),
  ]) as CountiesResult;
}

/**
 * {@link assessCounties} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessCounties = makeSafe(assessCounties);
