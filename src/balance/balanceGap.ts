import * as z from 'zod/mini';
import type { RuleCall } from '../core/calculator.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { Decimal, fenToDecimal } from '../core/money.js';
import { choice } from '../core/schemas.js';
import { ceilDiv } from '../core/util.js';
import type { CalculatorOptions } from '../parameters/context.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { parameterSteps } from '../parameters/steps.js';
import type { Resolved } from '../core/resolve.js';
import { countyInputSchema, readCounty } from './internal.js';
import { gapReads, levelUp, mergeTeachers, scaled, type TeacherHiring, type TeacherOverlap } from './levelling.js';
import { BALANCE_CITATIONS, balanceResult, INDICATOR_NAME, type BalancedDevelopmentResult } from './result.js';
import { assessRow, assessRows, balanceParamsOf, FACTOR, isExcluded, quantity, type BalanceParams, type SchoolOutcome, type StageOutcome } from './rule.js';
import { INDICATORS, type BalanceRow, type County, type CountyRecord, type IndicatorId } from './schemas.js';
import type { Stage } from '../core/types.js';

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
  /** The indicators raised for the school's own thresholds, and to what: the threshold (`'threshold'`) or only its near-miss share (`'near-miss'`). */
  readonly raised: Array<{ id: IndicatorId; to: 'threshold' | 'near-miss' }>;
  /** Everything to add: {@link SchoolGap.forThresholds} plus {@link SchoolGap.forCoefficients}. */
  readonly additions: SchoolAdditions;
  /** What the school's own thresholds need (the indicators in `raised`). */
  readonly forThresholds: SchoolAdditions;
  /** What the county's coefficients need on top (the indicators in `levelled`): the school is among the lowest of its stage. */
  readonly forCoefficients: SchoolAdditions;
  /** The indicators whose county coefficient this school's additions bring within the limit. */
  readonly levelled: IndicatorId[];
  /** The teachers of `additions` (L1, L2, L3) as persons: one new teacher counts for several indicators where `balance.gap.teacherOverlap` allows. */
  readonly teachers: TeacherHiring;
}

/** One coefficient brought within its limit. @category Balanced development */
export interface CoefficientLevelling {
  readonly stage: 'primary' | 'junior';
  readonly id: IndicatorId;
  /** The limit (0.5 primary, 0.45 junior). */
  readonly limit: number;
  /** The coefficient as the county is, once the thresholds are met, and after every addition. */
  readonly before: number;
  readonly afterThresholds: number;
  readonly after: number;
  /** The smallest total addition that brings it within the limit, in the indicator's quantity (teachers, m², yuan, classrooms). */
  readonly total: Decimal;
  /** Where it goes: the schools raised, lowest per-pupil values first, and how much each gets. */
  readonly schools: Array<{ id: string; amount: Decimal }>;
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
  /** The sum of every school's `teachers.persons`: new teachers as persons. */
  readonly teacherPersons: number;
  /** Each coefficient that was above its limit once the thresholds were met, and what brings it within. */
  readonly levelling: CoefficientLevelling[];
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

/** `row` with `a` more of indicator `k`'s quantity: teachers or classrooms, hundredths of a m², fen. */
function addTo(row: BalanceRow, k: number, a: bigint): BalanceRow {
  if (a === 0n) return row;
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


/**
 * The parameters of {@link balanceGapRule}: those of the assessment and `teacherOverlap`. From
 * `balanceGap.parameters(options)`.
 *
 * @category Balanced development
 */
export type BalanceGapParameters = Resolved<ReturnType<typeof gapReads>>;

/** The addition unit of each indicator in the rule's quantities: a teacher, 0.01 m² (in hundredths), a yuan (100 fen), a classroom. */
const UNIT_HUNDREDTHS = [1n, 1n, 1n, 1n, 1n, 100n, 1n];

/** An addition in the rule's quantity (count, hundredths of a m², fen) as the indicator's unit (count, m², yuan). */
function asAmount(k: number, a: bigint): Decimal {
  return k === 3 || k === 4 || k === 5 ? new Decimal(a.toString()).dividedBy(100) : new Decimal(a.toString());
}

/**
 * Brings every coefficient of `rows` (one stage, indicator by indicator) within its limit with the
 * smallest total addition, by {@link levelUp}. Returns the additions per row (rule quantities:
 * counts, hundredths of a m², fen) and what was done.
 */
function levelStage(rows: BalanceRow[], stage: Stage, p: BalanceParams): { adds: bigint[][]; done: Array<{ k: number; total: bigint; rows: Array<{ i: number; a: bigint }> }> } {
  const adds = rows.map(() => [0n, 0n, 0n, 0n, 0n, 0n, 0n]);
  const done: Array<{ k: number; total: bigint; rows: Array<{ i: number; a: bigint }> }> = [];
  const idx: number[] = [];
  rows.forEach((r, i) => {
    if (!isExcluded(r, p)) idx.push(i);
  });
  if (idx.length === 0) return { adds, done };
  const pupils = idx.map((i) => (rows[i] as BalanceRow).pupils);
  for (let k = 0; k < 7; k++) {
    // Quantities at one integer scale: areas at 10^s (s ≥ 2, so that 0.01 m² is a whole number of units).
    const area = k === 3 || k === 4;
    const { q, scale } = scaled(idx.map((i) => quantity(rows[i] as BalanceRow, k)), area ? 2 : 0);
    const unitScale = area ? 10n ** BigInt(scale - 2) : 1n;
    const a = levelUp(q, pupils, (UNIT_HUNDREDTHS[k] as bigint) * unitScale, p.limitBp[stage] as number);
    let total = 0n;
    const got: Array<{ i: number; a: bigint }> = [];
    a.forEach((x, j) => {
      if (x === 0n) return;
      const v = x / unitScale; // hundredths of a m² for areas; counts or fen otherwise
      const i = idx[j] as number;
      (adds[i] as bigint[])[k] = v;
      total += v;
      got.push({ i, a: v });
    });
    if (got.length > 0) done.push({ k, total, rows: got });
  }
  return { adds, done };
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
  readonly teacherPersons: number;
  /** The county's stages once every school meets its thresholds (before the coefficients are levelled). */
  readonly afterThresholds: StageOutcome[];
  /** Each coefficient levelled: stage, indicator index, total and rows (in the rule's quantities). */
  readonly levelled: Array<{ stage: Stage; k: number; total: bigint; schools: Array<{ id: string; a: bigint }> }>;
  /** The county's stages with every addition made. */
  readonly after: StageOutcome[];
}

/**
 * The pure rule of {@link balanceGap}: for every assessed school, the smallest whole additions that
 * reach `call.options.target` (default `'all'`); then, stage by stage, for every coefficient still
 * above its limit, the smallest total addition that brings it within (lowest per-pupil values
 * first); the teachers merged into persons; and the county's stages once everything is added.
 * Unchecked: give it a validated county and parameters from `balanceGap.parameters(options)`.
 *
 * @category Balanced development
 */
export function balanceGapRule(county: Pick<CountyRecord, 'rows'>, params: BalanceGapParameters, call: RuleCall<BalanceGapRuleOptions>): BalanceGapOutcome {
  const target = call.options.target ?? 'all';
  const overlap: TeacherOverlap = params.teacherOverlap;
  const p = balanceParamsOf(params);
  const before = assessRows(county.rows, p);
  const n = county.rows.length;
  const lifts: bigint[][] = [];
  const raisedOf: Array<SchoolGap['raised']> = [];
  const lifted: BalanceRow[] = [];
  for (const row of county.rows) {
    const s = assessRow(row, p);
    const adds = [0n, 0n, 0n, 0n, 0n, 0n, 0n];
    const raised: SchoolGap['raised'] = [];
    let next = row;
    if (!s.excluded) {
      for (const { k, share } of plan(s, target, p)) {
        const a = smallestAddition(row, k, p.thresholds[row.stage][k] as number, share);
        adds[k] = a;
        next = addTo(next, k, a);
        raised.push({ id: INDICATORS[k] as IndicatorId, to: share === 10_000 ? 'threshold' : 'near-miss' });
      }
    }
    lifts.push(adds);
    raisedOf.push(raised);
    lifted.push(next);
  }
  const afterThresholds = assessRows(lifted, p);
  // Level each stage's coefficients on the lifted rows.
  const levels: bigint[][] = county.rows.map(() => [0n, 0n, 0n, 0n, 0n, 0n, 0n]);
  const levelled: BalanceGapOutcome['levelled'] = [];
  for (const stage of ['primary', 'junior'] as const) {
    const at: number[] = [];
    for (let i = 0; i < n; i++) if ((lifted[i] as BalanceRow).stage === stage) at.push(i);
    if (at.length === 0) continue;
    const { adds, done } = levelStage(at.map((i) => lifted[i] as BalanceRow), stage, p);
    at.forEach((i, j) => {
      levels[i] = adds[j] as bigint[];
    });
    for (const d of done) levelled.push({ stage, k: d.k, total: d.total, schools: d.rows.map((r) => ({ id: (lifted[at[r.i] as number] as BalanceRow).id, a: r.a })) });
  }
  const schools: SchoolGap[] = [];
  const sums = [0n, 0n, 0n, 0n, 0n, 0n, 0n];
  const finalRows: BalanceRow[] = [];
  let teacherPersons = 0;
  for (let i = 0; i < n; i++) {
    const row = county.rows[i] as BalanceRow;
    const lift = lifts[i] as bigint[];
    const level = levels[i] as bigint[];
    let next = lifted[i] as BalanceRow;
    for (let k = 0; k < 7; k++) next = addTo(next, k, level[k] as bigint);
    finalRows.push(next);
    const total = lift.map((x, k) => x + (level[k] as bigint));
    if (total.every((x) => x === 0n)) continue;
    for (let k = 0; k < 7; k++) sums[k] = (sums[k] as bigint) + (total[k] as bigint);
    const teachers = mergeTeachers([Number(total[0]), Number(total[1]), Number(total[2])], overlap);
    teacherPersons += teachers.persons;
    schools.push({
      id: row.id,
      stage: row.stage,
      raised: raisedOf[i] as SchoolGap['raised'],
      additions: additionsOf(total),
      forThresholds: additionsOf(lift),
      forCoefficients: additionsOf(level),
      levelled: INDICATORS.filter((_, k) => (level[k] as bigint) > 0n),
      teachers,
    });
  }
  return {
    target, before, schools, totals: schools.length === 0 ? ZERO : additionsOf(sums), teacherPersons, afterThresholds, levelled, after: assessRows(finalRows, p),
  };
}

/**
 * "What would it take": for each school of a county, the smallest whole additions — teachers
 * (whole persons), multimedia classrooms (whole rooms), areas (to 0.01 m²), equipment (whole yuan)
 * — that bring it to the thresholds of the 优质均衡 assessment (opinion **1.1**, **6.3**;
 * 教督〔2017〕6号); then, for every difference coefficient still above its limit (0.50 primary,
 * 0.45 junior), the smallest total addition that brings it within, and where it goes; and the
 * county's assessment once everything is made (`after`, which meets every coefficient, and with
 * `target: 'all'` every threshold of every school).
 *
 * Readings (junheng's; the texts say nothing on remedies):
 * - `target: 'all'` (default) raises every unmet indicator of every assessed school to its
 *   threshold — the honest reading of "bring every school to compliance" that leaves no school on
 *   the near-miss margin. `target: 'comply'` does the least that complies: for a non-complying
 *   school, the (7 − 6) unmet indicators closest to their thresholds (by share reached) are raised
 *   only to the near-miss share (85 %), the others to the threshold.
 * - The coefficients come second: the thresholds first (what each school needs anyway), then for
 *   each stage and indicator whose coefficient is still above its limit, units (a teacher, a
 *   classroom, 0.01 m², a yuan) go one by one to the school whose per-pupil value is lowest
 *   (water-filling; exactly, the lowest (2q + unit) ÷ pupils; the first in input order on ties),
 *   until the coefficient is within the limit, compared exactly on integers. This total is the
 *   smallest of any allocation: for a given total the coefficient is P·Σ(qᵢ²/pᵢ) ÷ (Σqᵢ)² − 1
 *   under the root, its denominator fixed, and Σ(qᵢ²/pᵢ) is separable and convex, so units taken
 *   in increasing order of their marginal cost minimise it for every total (the greedy theorem
 *   for separable convex allocation); the first total whose best allocation is within the limit
 *   is therefore the least total with any allocation within it. With the thresholds as lower
 *   bounds, removing any one unit of the additions breaks a threshold or a coefficient.
 * - Teachers: each indicator's additions are minimal on their own; `teachers` turns a school's
 *   L1/L2/L3 additions into the fewest persons, one new teacher counting for several indicators
 *   as `balance.gap.teacherOverlap` allows (junheng's reading: any combination), by exact cover,
 *   so no indicator gets more than its addition. The head count is minimal for these additions;
 *   a different choice among equally good coefficient allocations could in principle share more.
 * - Additions are exact (integer ceiling division; areas through their decimal text).
 *
 * @category Balanced development
 * @function
 * @param input - As {@link assessBalancedDevelopment} takes it.
 * @param options - `{ asOf?, parameters?, target? }`.
 * @returns Per-school additions (split into `forThresholds` and `forCoefficients`, with the
 *   teachers as persons), their totals, each coefficient levelled (`levelling`), and the
 *   assessment after them.
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
  reads: gapReads,
  rule: balanceGapRule,
  result(outcome, call): BalanceGapResult {
    const { schools, totals, before, after: afterStages, afterThresholds, teacherPersons } = outcome;
    const p = balanceParamsOf(call.params);
    const after = balanceResult(call.input.id, afterStages, p, call.used);
    const compliant = before.every((o) => o.compliant);
    const coefficientOf = (stages: StageOutcome[], stage: Stage, k: number): number => stages.find((o) => o.stage === stage)?.indicators[k]?.coefficient ?? 0;
    const levelling: CoefficientLevelling[] = outcome.levelled.map((l) => ({
      stage: l.stage,
      id: INDICATORS[l.k] as IndicatorId,
      limit: (p.limitBp[l.stage] as number) / 10_000,
      before: coefficientOf(before, l.stage, l.k),
      afterThresholds: coefficientOf(afterThresholds, l.stage, l.k),
      after: coefficientOf(afterStages, l.stage, l.k),
      total: asAmount(l.k, l.total),
      schools: l.schools.map((s) => ({ id: s.id, amount: asAmount(l.k, s.a) })),
    }));
    const out = { target: outcome.target, compliant, schools, totals, teacherPersons, levelling, after, citations: [...BALANCE_CITATIONS] };
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
      ...levelling.map((l) => step('6.3',
        `${l.stage === 'primary' ? '小学' : '初中'} ${l.id} 差异系数补足学校标准后为 ${l.afterThresholds.toFixed(4)}，超过 ${l.limit}：从生均最低的学校补起，共补 ${l.total.toString()}（${l.schools.map((s) => `${s.id} +${s.amount.toString()}`).join('，')}），补后 ${l.after.toFixed(4)}`,
        `${l.stage} ${l.id} coefficient ${l.afterThresholds.toFixed(4)} once every school meets its thresholds, above ${l.limit}: the smallest total that brings it within, lowest per-pupil values first, is ${l.total.toString()} (${l.schools.map((s) => `${s.id} +${s.amount.toString()}`).join(', ')}); after: ${l.after.toFixed(4)}`,
        { stage: l.stage, id: l.id, total: l.total.toString() })),
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
