import * as z from 'zod';
import { daysBetween, type IsoDate } from '../core/dates.js';
import type { PolicyIssue } from '../core/errors.js';
import { step, type ExplanationStep } from '../core/explain.js';
import type { ProvisionId } from '../provisions/index.js';
import { describeValue } from '../core/schemas.js';

/** A required true/false answer whose message says what it answers. @internal */
export const yesNo = (what: string) =>
  z.boolean({ error: (iss) => (iss.input === undefined ? `is required (true or false: ${what})` : `must be true or false (${what}), got ${describeValue(iss.input)}`) });

/** A list of records with a message naming them. @internal */
export const listOf = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item, { error: (iss) => (iss.input === undefined ? `is required (a list of ${what})` : `must be a list of ${what}, got ${describeValue(iss.input)}`) });

/**
 * A target date and where `asOf` stands against it.
 *
 * @category Wellbeing
 */
export interface TargetDeadline {
  /** The deadline, inclusive, `'YYYY-MM-DD'`. */
  readonly date: IsoDate;
  readonly asOf: IsoDate;
  /** Calendar days from `asOf` to the deadline: 0 on the day itself, negative once it has passed. */
  readonly daysRemaining: number;
  /** True when `asOf` is after the deadline. */
  readonly passed: boolean;
}

/** The explanation step of a target's deadline: days left, or days past and whether still short. @internal */
export function deadlineStep(provision: ProvisionId, d: TargetDeadline, shortAfterDeadline: boolean): ExplanationStep {
  return step(provision,
    d.passed
      ? `目标期限 ${d.date}：截至 ${d.asOf} 已过期限 ${-d.daysRemaining} 天${shortAfterDeadline ? '，仍未达到目标' : ''}`
      : `目标期限 ${d.date}：截至 ${d.asOf} 距期限 ${d.daysRemaining} 天`,
    d.passed
      ? `Target date ${d.date}: on ${d.asOf} it passed ${-d.daysRemaining} days ago${shortAfterDeadline ? ' and the target is still not met' : ''}`
      : `Target date ${d.date}: on ${d.asOf}, ${d.daysRemaining} days remain`,
    { deadline: d.date, daysRemaining: d.daysRemaining, shortAfterDeadline });
}

/** Where `asOf` stands against `date`. @internal */
export function deadlineOn(date: IsoDate, asOf: IsoDate): TargetDeadline {
  const daysRemaining = daysBetween(asOf, date);
  return { date, asOf, daysRemaining, passed: daysRemaining < 0 };
}

/**
 * A coverage figure: how many of how many, the share for display, and whether it reaches its target
 * (decided exactly in integers).
 *
 * @category Wellbeing
 */
export interface Coverage {
  /** Units covered (pupils assessed, towns with a hub, schools, classes). */
  readonly covered: number;
  /** Units counted. */
  readonly total: number;
  /** covered ÷ total as a plain number, for display; 1 when `total` is 0 (nothing to cover). */
  readonly coverage: number;
  /** The target share (1 for 100 %). */
  readonly target: number;
  /** covered × 10000 ≥ target (in basis points) × total: exact, a target met exactly is met. */
  readonly met: boolean;
}

/** covered × 10000 ≥ targetBp × total, exactly: in BigInt when a product leaves the safe-integer range. */
function atLeast(covered: number, total: number, targetBp: number): boolean {
  const left = covered * 10_000;
  const right = targetBp * total;
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) return left >= right;
  return BigInt(covered) * 10_000n >= BigInt(targetBp) * BigInt(total);
}

/** Coverage of `covered` out of `total` against `targetBp` basis points. @internal */
export function coverageOf(covered: number, total: number, targetBp: number): Coverage {
  return {
    covered,
    total,
    coverage: total === 0 ? 1 : covered / total,
    target: targetBp / 10_000,
    met: atLeast(covered, total, targetBp),
  };
}

/** A target share as a percentage: `1` → `'100%'`, `0.9995` → `'99.95%'` (exact from basis points). @internal */
export function targetText(target: number): string {
  return `${Math.round(target * 10_000) / 100}%`;
}

/**
 * The same coverage as text, showing enough digits that a figure short of its target never reads as
 * the target (999,999 of 1,000,000 is 99.9999 %, not 100 %). @internal
 */
export function coverageText(c: Coverage): string {
  if (c.total === 0) return '—';
  let digits = 2;
  let text = (c.coverage * 100).toFixed(digits);
  while (digits < 16 && c.covered !== c.total && Number(text) >= 100) text = (c.coverage * 100).toFixed(++digits);
  return `${text}%`;
}

/**
 * Pushes an issue for each repeated value of `field` (an id, a town name) among the rows of `input`,
 * pointing at the repeat with the first occurrence as `related`. Reads the raw input, so repeats are
 * reported in the same pass as the rows' other problems; rows whose value is not text are skipped
 * (their own issue says why).
 *
 * @internal
 */
export function checkUnique(input: unknown, field: string, what: string, issues: PolicyIssue[]): void {
  if (!Array.isArray(input)) return;
  const seen = new Map<string, number>();
  input.forEach((row: unknown, i) => {
    if (typeof row !== 'object' || row === null || !Object.hasOwn(row, field)) return;
    const value = (row as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value === '') return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else issues.push({ path: [i, field], code: 'inconsistent', message: `repeats the ${what} ${JSON.stringify(value)} of row ${first}; each ${what} is listed once`, related: [first, field] });
  });
}
