/**
 * Exact difference coefficients and the smallest additions that bring one within its limit
 * ("water-filling"), and the merging of teacher additions across L1–L3. Used by
 * {@link balanceGap} (and the exact limit comparison by the stage rule).
 *
 * @module
 */
import { Decimal } from '../core/money.js';
import type { ParameterTree } from '../parameters/tree.js';
import { balanceReads } from './internal.js';

/** What {@link balanceGap} reads: the assessment parameters and `balance.gap.teacherOverlap`. @internal */
export const gapReads = (p: ParameterTree) => ({ ...balanceReads(p), teacherOverlap: p.balance.gap.teacherOverlap });

const E8 = 100_000_000n;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Whether the pupil-weighted coefficient of variation of the values qᵢ ÷ pᵢ (times any common
 * factor) is at most `limitBp / 10⁴`, decided exactly on integers:
 *
 * CV² = P·Σ(qᵢ²/pᵢ) ÷ (Σqᵢ)² − 1, so CV ≤ L ⇔ 10⁸·P·Σ(qᵢ²·D/pᵢ) ≤ (10⁸ + Lbp²)·(Σqᵢ)²·D with
 * D = lcm(pᵢ). No pupils or Σq = 0: the coefficient is 0 (within any limit).
 *
 * @internal
 */
export function withinLimitExact(q: readonly bigint[], pupils: readonly number[], limitBp: number): boolean {
  let P = 0n;
  let D = 1n;
  for (const p of pupils) {
    const b = BigInt(p);
    P += b;
    D = (D / gcd(D, b)) * b;
  }
  let S = 0n;
  let N = 0n;
  for (let i = 0; i < q.length; i++) {
    const qi = q[i] as bigint;
    S += qi;
    N += qi * qi * (D / BigInt(pupils[i] as number));
  }
  if (P === 0n || S === 0n) return true;
  const L = BigInt(limitBp);
  return E8 * P * N <= (E8 + L * L) * S * S * D;
}

/** The number of decimal places of a finite number's shortest decimal text. @internal */
function placesOf(x: number): number {
  return Number.isInteger(x) ? 0 : new Decimal(String(x)).decimalPlaces();
}

/**
 * Non-negative finite numbers as integers at one common scale (10^scale, at least `minScale`),
 * read exactly from their decimal text. @internal
 */
export function scaled(values: readonly number[], minScale = 0): { q: bigint[]; scale: number } {
  let scale = minScale;
  for (const v of values) scale = Math.max(scale, placesOf(v));
  const f = new Decimal(10).pow(scale);
  return { q: values.map((v) => (Number.isInteger(v) && scale === 0 ? BigInt(v) : BigInt(new Decimal(String(v)).times(f).toFixed(0)))), scale };
}

/**
 * {@link withinLimitExact} for quantities given as numbers (areas read from their decimal text).
 *
 * @internal
 */
export function quantitiesWithinLimit(quantities: readonly number[], pupils: readonly number[], limitBp: number): boolean {
  return withinLimitExact(scaled(quantities).q, pupils, limitBp);
}

/**
 * The smallest total addition, in whole `unit`s, to the quantities `q0` (integers at one scale;
 * school i has `pupils[i]`) that brings their coefficient within `limitBp`, and where it goes.
 *
 * Why this is minimal. With T = Σqᵢ fixed, CV² + 1 = P·Σ(qᵢ²/pᵢ) ÷ T², so among the allocations
 * of a given number A of units the best is the one that minimises F = Σ(qᵢ²/pᵢ). F is separable
 * and convex in each school's number of units (the k-th unit to school i costs
 * u·(2q0ᵢ + (2k − 1)u)/pᵢ, increasing in k), so the allocations that take units in increasing
 * order of that marginal cost (lowest per-pupil value first: water-filling) minimise F for their
 * total, every total (the classical greedy theorem for separable convex resource allocation).
 * Taking units in that order and stopping at the first total A* whose best allocation is within
 * the limit therefore gives the least total: every total below A* failed with its best
 * allocation, so it fails with every allocation. The start is not 0 units but every unit whose
 * marginal cost is at most a λ a little below the continuous optimum — itself a prefix of that
 * order, and checked to be still above the limit — so that only the last few units are taken one
 * by one. Every comparison is on integers.
 *
 * @returns Additions per school, in units of the quantities (multiples of `unit`).
 * @internal
 */
export function levelUp(q0: readonly bigint[], pupils: readonly number[], unit: bigint, limitBp: number): bigint[] {
  const n = q0.length;
  const add: bigint[] = new Array<bigint>(n).fill(0n);
  if (n === 0 || withinLimitExact(q0, pupils, limitBp)) return add;
  const p = pupils.map((x) => BigInt(x));
  let P = 0n;
  let D = 1n;
  for (const b of p) {
    P += b;
    D = (D / gcd(D, b)) * b;
  }
  const w = p.map((b) => D / b);
  const L = BigInt(limitBp);
  const rhsFactor = (E8 + L * L) * D;
  const q = [...q0];
  let S = 0n;
  let N = 0n;
  const recount = (): void => {
    S = 0n;
    N = 0n;
    for (let i = 0; i < n; i++) {
      S += q[i] as bigint;
      N += (q[i] as bigint) * (q[i] as bigint) * (w[i] as bigint);
    }
  };
  const ok = (): boolean => S === 0n || E8 * P * N <= rhsFactor * S * S;

  // The continuous optimum (float, only to choose where to start): the lowest level h such that
  // raising every value below h to h brings the coefficient within the limit.
  const qf = q0.map((x) => Number(x));
  const pf = pupils;
  const target = 1 + (limitBp / 10_000) ** 2;
  const over = (h: number): boolean => {
    let s = 0;
    let f = 0;
    let tp = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.max(qf[i] as number, h * (pf[i] as number));
      s += v;
      f += (v * v) / (pf[i] as number);
      tp += pf[i] as number;
    }
    return s > 0 && (tp * f) / (s * s) > target;
  };
  let lo = Infinity;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    const x = (qf[i] as number) / (pf[i] as number);
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  for (let it = 0; it < 200 && hi - lo > hi * 1e-15; it++) {
    const mid = (lo + hi) / 2;
    if (over(mid)) lo = mid;
    else hi = mid;
  }
  // Start from every unit whose marginal cost (2q + u)/p is at most λ = 2h(1 − 2⁻ᵗ), exactly:
  // λ as a rational num / 2⁴⁰.
  const DEN = 1n << 40n;
  for (const t of [24, 12, 6, 2, 0]) {
    for (let i = 0; i < n; i++) q[i] = q0[i] as bigint;
    if (t > 0 && Number.isFinite(lo) && lo > 0) {
      const lambda = 2 * lo * (1 - 2 ** -t);
      const num = BigInt(Math.floor(lambda * Number(DEN)));
      for (let i = 0; i < n; i++) {
        // units k = 1, 2, … with 2q0 + (2k − 1)u ≤ λp
        const top = num * (p[i] as bigint) - (2n * (q0[i] as bigint) + unit) * DEN;
        const k = top < 0n ? 0n : top / (2n * unit * DEN) + 1n;
        q[i] = (q0[i] as bigint) + k * unit;
      }
    }
    recount();
    if (!ok()) break;
  }
  // Then one unit at a time, each to the school of the lowest marginal cost (first in order on ties).
  for (;;) {
    if (ok()) break;
    let j = 0;
    for (let i = 1; i < n; i++) {
      // (2qᵢ + u)/pᵢ < (2qⱼ + u)/pⱼ
      if ((2n * (q[i] as bigint) + unit) * (p[j] as bigint) < (2n * (q[j] as bigint) + unit) * (p[i] as bigint)) j = i;
    }
    const before = q[j] as bigint;
    const after = before + unit;
    q[j] = after;
    S += unit;
    N += (after * after - before * before) * (w[j] as bigint);
  }
  for (let i = 0; i < n; i++) add[i] = (q[i] as bigint) - (q0[i] as bigint);
  return add;
}

/** Which indicators one newly added teacher may count for at once (a parameter; see `balance.gap.teacherOverlap`). @category Balanced development */
export type TeacherOverlap = 'any' | 'with-qualification' | 'none';

/** The teacher readings, in the order the parameter lists them. @internal */
export const TEACHER_OVERLAPS = ['any', 'with-qualification', 'none'] as const satisfies readonly TeacherOverlap[];

/** A group of new teachers who each count for the same indicators. @category Balanced development */
export interface TeacherGroup {
  /** The indicators each of these teachers counts for (one, two or three of L1, L2, L3). */
  readonly counts: Array<'L1' | 'L2' | 'L3'>;
  readonly persons: number;
}

/** New teachers for one school, merged across L1–L3. @category Balanced development */
export interface TeacherHiring {
  /** Persons to add: at most L1 + L2 + L3 additions, at least the largest of them. */
  readonly persons: number;
  /** Who they are, largest combinations first. */
  readonly groups: TeacherGroup[];
}

/**
 * The fewest new teachers whose counts are exactly `a = [L1, L2, L3]` additions, each teacher
 * counting for one indicator or for a combination `overlap` allows: `'any'` (L1+L2, L1+L3, L2+L3,
 * L1+L2+L3), `'with-qualification'` (only combinations with L1: L1+L2, L1+L3, L1+L2+L3), `'none'`.
 * Exact cover (no indicator gets more than its addition), so the merged plan changes no indicator.
 * Exhaustive over the triple and L1+L2 counts; the rest is then forced.
 *
 * @internal
 */
export function mergeTeachers(a: readonly [number, number, number], overlap: TeacherOverlap): TeacherHiring {
  const [a1, a2, a3] = a;
  const triple = overlap !== 'none';
  const p12 = overlap !== 'none';
  const p13 = overlap !== 'none';
  const p23 = overlap === 'any';
  let best = { persons: a1 + a2 + a3, t: 0, x12: 0, x13: 0, x23: 0 };
  const tMax = triple ? Math.min(a1, a2, a3) : 0;
  for (let t = 0; t <= tMax; t++) {
    const b1 = a1 - t;
    const b2 = a2 - t;
    const b3 = a3 - t;
    const xMax = p12 ? Math.min(b1, b2) : 0;
    for (let x12 = 0; x12 <= xMax; x12++) {
      const x13 = p13 ? Math.min(b1 - x12, b3) : 0;
      const x23 = p23 ? Math.min(b2 - x12, b3 - x13) : 0;
      const persons = t + b1 + b2 + b3 - x12 - x13 - x23;
      if (persons < best.persons) best = { persons, t, x12, x13, x23 };
    }
  }
  const { t, x12, x13, x23 } = best;
  const groups: TeacherGroup[] = [];
  const push = (counts: TeacherGroup['counts'], persons: number): void => {
    if (persons > 0) groups.push({ counts, persons });
  };
  push(['L1', 'L2', 'L3'], t);
  push(['L1', 'L2'], x12);
  push(['L1', 'L3'], x13);
  push(['L2', 'L3'], x23);
  push(['L1'], a1 - t - x12 - x13);
  push(['L2'], a2 - t - x12 - x23);
  push(['L3'], a3 - t - x13 - x23);
  return { persons: best.persons, groups };
}
