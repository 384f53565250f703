/**
 * The wellbeing area's shared helpers: coverage figures, target deadlines and the health-monitoring
 * due date. Not re-exported by the barrel (only the types {@link Coverage} and {@link TargetDeadline}
 * are public).
 */
import { daysBetween, type IsoDate } from '../core/dates.js';
import { step, type ExplanationStep } from '../core/explain.js';
import { shareAtLeast } from '../core/util.js';
import type { ProvisionId } from '../provisions/index.js';

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

/** Coverage of `covered` out of `total` against `targetBp` basis points (exact: core's `shareAtLeast`). @internal */
export function coverageOf(covered: number, total: number, targetBp: number): Coverage {
  return {
    covered,
    total,
    coverage: total === 0 ? 1 : covered / total,
    target: targetBp / 10_000,
    met: shareAtLeast(covered, total, targetBp),
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

/** `date` + 1 year, 29 February → 28 February; capped at 9999-12-31. @internal */
export function oneYearAfter(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4)) + 1;
  if (year > 9999) return '9999-12-31';
  const rest = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${String(year).padStart(4, '0')}-${rest}`;
}

/** 31 December of the year after `date`; capped at 9999-12-31. @internal */
export function endOfNextYear(date: IsoDate): IsoDate {
  const year = Math.min(Number(date.slice(0, 4)) + 1, 9999);
  return `${String(year).padStart(4, '0')}-12-31`;
}
