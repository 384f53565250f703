import * as z from 'zod/mini';
import type { RuleCall } from '../core/calculator.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { Decimal, fenToDecimal } from '../core/money.js';
import { choice } from '../core/schemas.js';
import { ceilDiv } from '../core/util.js';
import type { CalculatorOptions } from '../parameters/context.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { parameterSteps } from '../parameters/steps.js';
import { balanceReads, countyInputSchema, readCounty } from './internal.js';
import { BALANCE_CITATIONS, balanceResult, INDICATOR_NAME, type BalancedDevelopmentResult } from './result.js';
import { assessRow, assessRows, balanceParamsOf, FACTOR, quantity, type BalanceParameters, type BalanceParams, type SchoolOutcome, type StageOutcome } from './rule.js';
import { INDICATORS, type BalanceRow, type County, type CountyRecord, type IndicatorId } from './schemas.js';

/** What "what would it take" aims at. @category Balanced development */
export type GapTarget = 'all' | 'comply';

const GAP_TARGETS = ['all', 'comply'] as const satisfies readonly GapTarget[];

/** Options of {@link balanceGap}: the calculator options and the target. @category Balanced development */
export interface BalanceGapOptions extends CalculatorOptions {
  /**
   * `'all'` (default): every school that misses an indicator gets what brings it to all seven
   * thresholds. `'comply'`: only non-complying schools, and only what makes them comply (at least
   * the minimum met and the rest at the near-miss share).
   */
  target?: GapTarget;
}

/** The additions one school needs. @category Balanced development */
export interface SchoolAdditions {
  readonly qualifiedTeachers: number;
  readonly backboneTeachers: number;
  readonly peArtTeachers: number;
  /** m², to 0.01 m². */
  readonly teachingAuxiliaryArea: number;
  /** m², to 0.01 m². */
  readonly sportsArea: number;
  /** Whole yuan. */
  readonly equipmentValue: Decimal;
  readonly multimediaClassrooms: number;
}

/** One school's gap. @category Balanced development */
export interface SchoolGap {
  readonly id: string;
  readonly stage: 'primary' | 'junior';
  /** The indicators raised, and to what: the threshold (`'threshold'`) or only its near-miss share (`'near-miss'`). */
  readonly raised: Array<{ id: IndicatorId; to: 'threshold' | 'near-miss' }>;
  readonly additions: SchoolAdditions;
}

/** What {@link balanceGap} returns. @category Balanced development */
export interface BalanceGapResult extends Explained {
  readonly target: GapTarget;
  /** Whether the county complies now. */
  readonly compliant: boolean;
  /** Schools that need something, in input order (excluded teaching points never do). */
  readonly schools: SchoolGap[];
  /** The sum of every school's additions. */
  readonly totals: SchoolAdditions;
  /** The assessment with every addition made: new values, coefficients, verdict. */
  readonly after: BalancedDevelopmentResult;
}

const SCALE2 = 100_000_000n;

/**
 * The smallest whole addition to indicator `k` of `row` that reaches `shareBp` of the threshold:
 * whole teachers and classrooms, hundredths of a m², whole yuan (returned in fen). Exact.
 *
 * @internal
 */
function smallestAddition(row: BalanceRow, k: number, threshold: number, shareBp: number): bigint {
  const f = FACTOR[k] as { num: number; den: number };
  const need = BigInt(shareBp) * BigInt(threshold) * BigInt(f.den) * BigInt(row.pupils); // compare with q × num × 10⁸
  const q = quantity(row, k);
  if (k === 3 || k === 4) {
    // (q + a/100) × 10⁸ ≥ need  ⇔  a ≥ need / 10⁶ − 100 q
    const a = new Decimal(need.toString()).dividedBy(1_000_000).minus(new Decimal(String(q)).times(100)).ceil();
    return a.isNegative() ? 0n : BigInt(a.toFixed(0));
  }
  if (k === 5) return ceilDiv(need - BigInt(q) * SCALE2, 100n * SCALE2) * 100n; // whole yuan, in fen
  return ceilDiv(need - BigInt(q) * BigInt(f.num) * SCALE2, BigInt(f.num) * SCALE2);
}

function addTo(row: BalanceRow, k: number, a: bigint): BalanceRow {
  switch (k) {
    case 0: return { ...row, qualifiedTeachers: row.qualifiedTeachers + Number(a) };
    case 1: return { ...row, backboneTeachers: row.backboneTeachers + Number(a) };
    case 2: return { ...row, peArtTeachers: row.peArtTeachers + Number(a) };
    case 3: return { ...row, teachingAuxiliaryArea: new Decimal(String(row.teachingAuxiliaryArea)).plus(new Decimal(a.toString()).dividedBy(100)).toNumber() };
    case 4: return { ...row, sportsArea: new Decimal(String(row.sportsArea)).plus(new Decimal(a.toString()).dividedBy(100)).toNumber() };
    case 5: return { ...row, equipmentFen: row.equipmentFen + Number(a) };
    default: return { ...row, multimediaClassrooms: row.multimediaClassrooms + Number(a) };
  }
}

/** Which indicators to raise, and to what, for one school. @internal */
function plan(s: SchoolOutcome, target: GapTarget, p: BalanceParams): Array<{ k: number; share: number }> {
  const unmet: number[] = [];
  for (let k = 0; k < 7; k++) if ((s.metMask & (1 << k)) === 0) unmet.push(k);
  if (target === 'all') return unmet.map((k) => ({ k, share: 10_000 }));
  if (s.compliant) return [];
  // Leave unmet the (7 − minimumMet) closest to their thresholds, raised to the near-miss share at most.
  const t = p.thresholds[s.row.stage];
  const shareOf = (k: number): number => {
    const f = FACTOR[k] as { num: number; den: number };
    const th = t[k] as number;
    return th === 0 ? Infinity : (quantity(s.row, k) * f.num * 10_000) / (f.den * s.row.pupils * th);
  };
  const ranked = [...unmet].sort((a, b) => shareOf(b) - shareOf(a) || a - b);
  const allowed = Math.max(0, 7 - p.minimumMet);
  return ranked.map((k, i) => ({ k, share: i < allowed ? p.nearMissBp : 10_000 }));
}

const ZERO: SchoolAdditions = { qualifiedTeachers: 0, backboneTeachers: 0, peArtTeachers: 0, teachingAuxiliaryArea: 0, sportsArea: 0, equipmentValue: new Decimal(0), multimediaClassrooms: 0 };

function additionsOf(adds: bigint[]): SchoolAdditions {
  return {
    qualifiedTeachers: Number(adds[0]),
    backboneTeachers: Number(adds[1]),
    peArtTeachers: Number(adds[2]),
    teachingAuxiliaryArea: Number(adds[3]) / 100,
    sportsArea: Number(adds[4]) / 100,
    equipmentValue: fenToDecimal(adds[5] as bigint),
    multimediaClassrooms: Number(adds[6]),
  };
}

/** The options {@link balanceGapRule} reads. @category Balanced development */
export interface BalanceGapRuleOptions {
  readonly target?: GapTarget;
}

/** What {@link balanceGapRule} decides: the stages before and after the additions, and the additions. @category Balanced development */
export interface BalanceGapOutcome {
  readonly target: GapTarget;
  /** The county's stages as they are. */
  readonly before: StageOutcome[];
  /** Schools that need something, in input order. */
  readonly schools: SchoolGap[];
  readonly totals: SchoolAdditions;
  /** The county's stages with every addition made. */
  readonly after: StageOutcome[];
}

/**
 * The pure rule of {@link balanceGap}: for every assessed school, the smallest whole additions that
 * reach `call.options.target` (default `'all'`), and the county's stages once they are made.
 * Unchecked: give it a validated county and parameters from `balanceGap.parameters(options)`.
 *
 * @category Balanced development
 */
export function balanceGapRule(county: Pick<CountyRecord, 'rows'>, params: BalanceParameters, call: RuleCall<BalanceGapRuleOptions>): BalanceGapOutcome {
  const target = call.options.target ?? 'all';
  const p = balanceParamsOf(params);
  const before = assessRows(county.rows, p);
  const schools: SchoolGap[] = [];
  const sums = [0n, 0n, 0n, 0n, 0n, 0n, 0n];
  const newRows: BalanceRow[] = [];
  for (const row of county.rows) {
    const s = assessRow(row, p);
    if (s.excluded) {
      newRows.push(row);
      continue;
    }
    const steps = plan(s, target, p);
    if (steps.length === 0) {
      newRows.push(row);
      continue;
    }
    const adds = [0n, 0n, 0n, 0n, 0n, 0n, 0n];
    let next = row;
    const raised: SchoolGap['raised'] = [];
    for (const { k, share } of steps) {
      const a = smallestAddition(row, k, p.thresholds[row.stage][k] as number, share);
      adds[k] = a;
      sums[k] = (sums[k] as bigint) + a;
      next = addTo(next, k, a);
      raised.push({ id: INDICATORS[k] as IndicatorId, to: share === 10_000 ? 'threshold' : 'near-miss' });
    }
    newRows.push(next);
    schools.push({ id: row.id, stage: row.stage, raised, additions: additionsOf(adds) });
  }
  return { target, before, schools, totals: schools.length === 0 ? ZERO : additionsOf(sums), after: assessRows(newRows, p) };
}

/**
 * "What would it take": for each school of a county, the smallest whole additions — teachers
 * (whole persons), multimedia classrooms (whole rooms), areas (to 0.01 m²), equipment (whole yuan)
 * — that bring it to the thresholds of the 优质均衡 assessment (opinion **1.1**, **6.3**;
 * 教督〔2017〕6号), and the county's assessment once they are made.
 *
 * Readings (junheng's; the texts say nothing on remedies):
 * - `target: 'all'` (default) raises every unmet indicator of every assessed school to its
 *   threshold — the honest reading of "bring every school to compliance" that leaves no school on
 *   the near-miss margin. `target: 'comply'` does the least that complies: for a non-complying
 *   school, the (7 − 6) unmet indicators closest to their thresholds (by share reached) are raised
 *   only to the near-miss share (85 %), the others to the threshold.
 * - Each indicator is raised alone: a new backbone teacher who is also above the required
 *   qualification would count for L1 too, so the teacher additions are an upper bound when one
 *   person can fill two gaps.
 * - Additions are exact (integer ceiling division; areas through their decimal text).
 * - The coefficients in `after` are those of the new values. Raising every school to the
 *   thresholds usually narrows the spread, but need not bring a coefficient within its limit (a
 *   county with a few very rich schools); `after.compliant` says whether it does, and no further
 *   levelling is proposed.
 *
 * @category Balanced development
 * @function
 * @param input - As {@link assessBalancedDevelopment} takes it.
 * @param options - `{ asOf?, parameters?, target? }`.
 * @returns Per-school additions, their totals, and the assessment after them.
 * @throws {@link PolicyInputError} for invalid input or options.
 * @example
 * ```ts
 * const row = { id: 'S', stage: 'primary' as const, pupils: 1000, qualifiedTeachers: 40, backboneTeachers: 10, peArtTeachers: 9,
 *   teachingAuxiliaryArea: 4000, sportsArea: 7500, equipmentValue: 2_000_000, multimediaClassrooms: 23 };
 * const gap = balanceGap({ schools: [row] }, { asOf: '2025-09-01' });
 * gap.compliant; //=> false
 * // L1 needs 42 teachers (2 more); L4 needs 4500 m² (500 more)
 * gap.schools[0]?.additions.qualifiedTeachers; //=> 2
 * gap.schools[0]?.additions.teachingAuxiliaryArea; //=> 500
 * gap.after.compliant; //=> true
 * ```
 */
export const balanceGap = defineCalculator({
  name: 'balanceGap',
  provisions: ['1.1', '6.3'],
  input: countyInputSchema as z.ZodMiniType<unknown, County>,
  parse: (input, issues) => readCounty(input, issues),
  options: z.object({ target: z.optional(choice(GAP_TARGETS, 'target')) }),
  reads: balanceReads,
  rule: balanceGapRule,
  result(outcome, call): BalanceGapResult {
    const { schools, totals, before, after: afterStages } = outcome;
    const p = balanceParamsOf(call.params);
    const after = balanceResult(call.input.id, afterStages, p, call.used);
    const compliant = before.every((o) => o.compliant);
    const out = { target: outcome.target, compliant, schools, totals, after, citations: [...BALANCE_CITATIONS] };
    return defineLazy(out, 'explanation', (): ExplanationStep[] => [
      ...parameterSteps(call.used, '6.3'),
      ...schools.map((g) => {
        const list = g.raised.map((r) => `${r.id}`).join('、');
        const a = g.additions;
        const text = `+${a.qualifiedTeachers} / +${a.backboneTeachers} / +${a.peArtTeachers} teachers (L1/L2/L3), +${a.teachingAuxiliaryArea} m² teaching, +${a.sportsArea} m² sports, +${a.equipmentValue.toString()} yuan equipment, +${a.multimediaClassrooms} classrooms`;
        return step('jiaodu-2017-6',
          `${g.stage === 'primary' ? '小学' : '初中'}学校 ${g.id} 需提高 ${list}：${text}`,
          `${g.stage} school ${g.id} must raise ${g.raised.map((r) => `${r.id} (${INDICATOR_NAME[r.id].en}) to its ${r.to}`).join(', ')}: ${text}`,
          { id: g.id, stage: g.stage });
      }),
      step('6.3',
        `补足后县域资源配置${after.compliant ? '达到' : '仍未达到'}要求`,
        `After the additions, resource allocation ${after.compliant ? 'complies' : 'still does not comply (a coefficient above its limit)'}`,
        { compliant: after.compliant }),
    ]) as BalanceGapResult;
  },
});

/**
 * {@link balanceGap} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeBalanceGap = safe(balanceGap);
