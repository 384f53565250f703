import { Decimal } from '../core/money.js';
import type { Resolved } from '../core/resolve.js';
import type { Stage } from '../core/types.js';
import type { balanceReads } from './internal.js';
import { quantitiesWithinLimit } from './levelling.js';
import type { BalanceRow } from './schemas.js';

/**
 * The assessment parameters as the rules of {@link assessBalancedDevelopment}, {@link assessCounties}
 * and {@link balanceGap} get them: `balance.thresholds`, `balance.school` and
 * `balance.coefficientLimit` resolved for a day (decimals and shares in ten-thousandths, money in
 * fen). From `assessBalancedDevelopment.parameters(options)`.
 *
 * @category Balanced development
 */
export type BalanceParameters = Resolved<ReturnType<typeof balanceReads>>;

/** The assessment parameters in the form the rule computes with. @internal */
export interface BalanceParams {
  /** Thresholds by stage and indicator in ten-thousandths of the unit users see (4.2 → 42000; L6 2000 yuan → 20,000,000). */
  readonly thresholds: Readonly<Record<Stage, readonly number[]>>;
  readonly minimumMet: number;
  /** Near-miss share in basis points (0.85 → 8500). */
  readonly nearMissBp: number;
  readonly teachingPointMinimum: number;
  /** Coefficient limits in basis points (0.5 → 5000). */
  readonly limitBp: Readonly<Record<Stage, number>>;
}

/**
 * The resolved parameters in the rule's form: each stage's seven thresholds in indicator order
 * (L6, money in fen, as ten-thousandths of a yuan = fen × 100).
 *
 * @internal
 */
export function balanceParamsOf(p: BalanceParameters): BalanceParams {
  const stage = (t: BalanceParameters['thresholds']['primary']): number[] => [
    t.qualifiedTeachers, t.backboneTeachers, t.peArtTeachers, t.teachingAuxiliaryArea, t.sportsArea, t.equipmentValue * 100, t.multimediaClassrooms,
  ];
  return {
    thresholds: { primary: stage(p.thresholds.primary), junior: stage(p.thresholds.junior) },
    minimumMet: p.school.minimumMet,
    nearMissBp: p.school.nearMissShare,
    teachingPointMinimum: p.school.teachingPointMinimum,
    limitBp: { primary: p.coefficientLimit.primary, junior: p.coefficientLimit.junior },
  };
}

/**
 * How each indicator is read from a row: value = quantity × num ÷ (den × pupils).
 * L1–L3, L7 are per 100 pupils (× 100); L4, L5 are m² per pupil; L6 is fen → yuan (÷ 100).
 *
 * @internal
 */
export const FACTOR: ReadonlyArray<{ readonly num: number; readonly den: number }> = [
  { num: 100, den: 1 },
  { num: 100, den: 1 },
  { num: 100, den: 1 },
  { num: 1, den: 1 },
  { num: 1, den: 1 },
  { num: 1, den: 100 },
  { num: 100, den: 1 },
];

/** The quantity behind indicator `k` of a row (teachers, m², fen, classrooms). @internal */
export function quantity(row: BalanceRow, k: number): number {
  switch (k) {
    case 0: return row.qualifiedTeachers;
    case 1: return row.backboneTeachers;
    case 2: return row.peArtTeachers;
    case 3: return row.teachingAuxiliaryArea;
    case 4: return row.sportsArea;
    case 5: return row.equipmentFen;
    default: return row.multimediaClassrooms;
  }
}

/** The indicator value a user sees (a float, for display and coefficients). @internal */
export function indicatorValue(row: BalanceRow, k: number): number {
  const f = FACTOR[k] as { num: number; den: number };
  return (quantity(row, k) * f.num) / (f.den * row.pupils);
}

const SCALE2 = 100_000_000; // ten-thousandths of the threshold × basis points of the share
const RELATIVE_MARGIN = 1e-9;

/**
 * Whether `quantity × num ÷ (den × pupils)` ≥ `shareBp / 10⁴ × threshold / 10⁴`, decided exactly:
 * `quantity × num × 10⁸ ≥ shareBp × threshold × den × pupils`. Integers are compared as numbers
 * while safe, else as BigInt; an area (any finite number) is read through its shortest decimal text
 * (`String(4.5)`), decided by the float only when the two sides are far apart.
 *
 * @internal
 */
export function reaches(q: number, k: number, threshold: number, shareBp: number, pupils: number): boolean {
  const f = FACTOR[k] as { num: number; den: number };
  const lhs = q * f.num * SCALE2;
  const rhs = shareBp * threshold * f.den * pupils;
  if (Number.isInteger(q)) {
    if (Number.isSafeInteger(lhs) && Number.isSafeInteger(rhs)) return lhs >= rhs;
    return BigInt(q) * BigInt(f.num * SCALE2) >= BigInt(shareBp) * BigInt(threshold) * BigInt(f.den) * BigInt(pupils);
  }
  if (lhs > rhs * (1 + RELATIVE_MARGIN)) return true;
  if (lhs < rhs * (1 - RELATIVE_MARGIN)) return false;
  return new Decimal(String(q)).times(f.num * SCALE2).gte(new Decimal(shareBp).times(threshold).times(f.den).times(pupils));
}

/** What the rule decides for one row (one school at one stage). @category Balanced development */
export interface SchoolOutcome {
  readonly row: BalanceRow;
  readonly excluded: boolean;
  /** Bit k set when indicator k is met. */
  readonly metMask: number;
  /** Bit k set when indicator k is unmet and below the near-miss share. */
  readonly farMask: number;
  readonly metCount: number;
  readonly compliant: boolean;
}

/** Whether a row takes no part: a teaching point with fewer pupils than the minimum. @internal */
export function isExcluded(row: BalanceRow, p: BalanceParams): boolean {
  return row.kind === 'teaching-point' && row.pupils < p.teachingPointMinimum;
}

/**
 * The per-school rule: each indicator met exactly or not; a school complies when it meets at least
 * `minimumMet` and every unmet one reaches the near-miss share of its threshold.
 *
 * @internal
 */
export function assessRow(row: BalanceRow, p: BalanceParams): SchoolOutcome {
  const t = p.thresholds[row.stage];
  let metMask = 0;
  let farMask = 0;
  let metCount = 0;
  for (let k = 0; k < 7; k++) {
    const q = quantity(row, k);
    const threshold = t[k] as number;
    if (reaches(q, k, threshold, 10_000, row.pupils)) {
      metMask |= 1 << k;
      metCount++;
    } else if (!reaches(q, k, threshold, p.nearMissBp, row.pupils)) {
      farMask |= 1 << k;
    }
  }
  return { row, excluded: isExcluded(row, p), metMask, farMask, metCount, compliant: metCount >= p.minimumMet && farMask === 0 };
}

/**
 * The pupil-weighted coefficient of variation of `values` (weights `pupils`), no n − 1:
 * X̄ = Σ p·X / P, S = √(Σ (p/P)(X − X̄)²), CV = S / X̄. 0 when there are no pupils, when X̄ is 0
 * (values are non-negative, so all are 0), or when every weighted value is the same.
 *
 * @internal
 */
export function weightedCoefficient(values: ArrayLike<number>, pupils: ArrayLike<number>, n: number, weightedSum?: number): number {
  let total = 0;
  let sum = 0;
  let first: number | undefined;
  let equal = true;
  for (let i = 0; i < n; i++) {
    const p = pupils[i] as number;
    if (p === 0) continue;
    const x = values[i] as number;
    if (first === undefined) first = x;
    else if (x !== first) equal = false;
    total += p;
    sum += p * x;
  }
  if (total === 0 || equal) return 0;
  const mean = (weightedSum ?? sum) / total;
  if (mean === 0) return 0;
  // Deviations relative to the mean: S / X̄ = √(Σ (p/P)((X − X̄)/X̄)²), which neither underflows for
  // tiny values nor overflows for large ones.
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const p = pupils[i] as number;
    if (p === 0) continue;
    const d = ((values[i] as number) - mean) / mean;
    squares += p * d * d;
  }
  return Math.sqrt(squares / total);
}

/** What the rule decides for one indicator across the assessed schools of a stage. @category Balanced development */
export interface IndicatorOutcome {
  /** The indicator's index: 0 for L1 … 6 for L7. */
  readonly k: number;
  readonly countyValue: number;
  readonly coefficient: number;
  readonly passes: boolean;
  readonly schoolsMeeting: number;
}

/** What the rule decides for one stage. @category Balanced development */
export interface StageOutcome {
  readonly stage: Stage;
  /** Every row of the stage, in input order. */
  readonly schools: SchoolOutcome[];
  readonly indicators: IndicatorOutcome[];
  /** Rows assessed (not excluded). */
  readonly assessed: number;
  readonly compliant: boolean;
}

/**
 * The stage rule: every assessed school complies and every coefficient is within its limit
 * (inclusive; decided exactly on the quantities when the computed float is within 10⁻⁹ of it).
 *
 * @internal
 */
export function assessStage(stage: Stage, rows: readonly BalanceRow[], p: BalanceParams): StageOutcome {
  const schools = rows.map((row) => assessRow(row, p));
  const assessedRows = schools.filter((s) => !s.excluded);
  const n = assessedRows.length;
  const pupils = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) pupils[i] = (assessedRows[i] as SchoolOutcome).row.pupils;
  const limit = (p.limitBp[stage] as number) / 10_000;
  const indicators: IndicatorOutcome[] = [];
  let allPass = true;
  let total = 0;
  for (let i = 0; i < n; i++) total += pupils[i] as number;
  for (let k = 0; k < 7; k++) {
    const f = FACTOR[k] as { num: number; den: number };
    let weighted = 0;
    let meeting = 0;
    for (let i = 0; i < n; i++) {
      const s = assessedRows[i] as SchoolOutcome;
      values[i] = indicatorValue(s.row, k);
      weighted += (quantity(s.row, k) * f.num) / f.den;
      if ((s.metMask & (1 << k)) !== 0) meeting++;
    }
    const coefficient = weightedCoefficient(values, pupils, n, weighted);
    // Decided on the float when it is clearly on one side; exactly (integers) within 10⁻⁹ of the limit.
    const passes = Math.abs(coefficient - limit) > limit * 1e-9
      ? coefficient <= limit
      : quantitiesWithinLimit(assessedRows.map((s) => quantity(s.row, k)), assessedRows.map((s) => s.row.pupils), p.limitBp[stage] as number);
    if (!passes) allPass = false;
    indicators.push({ k, countyValue: total === 0 ? 0 : weighted / total, coefficient, passes, schoolsMeeting: meeting });
  }
  const compliant = allPass && assessedRows.every((s) => s.compliant);
  return { stage, schools, indicators, assessed: n, compliant };
}

/**
 * Splits a county's rows by stage and assesses each stage present (primary first).
 *
 * @internal
 */
export function assessRows(rows: readonly BalanceRow[], p: BalanceParams): StageOutcome[] {
  const byStage: Record<Stage, BalanceRow[]> = { primary: [], junior: [] };
  for (const row of rows) byStage[row.stage].push(row);
  const out: StageOutcome[] = [];
  for (const stage of ['primary', 'junior'] as const) if (byStage[stage].length > 0) out.push(assessStage(stage, byStage[stage], p));
  return out;
}
