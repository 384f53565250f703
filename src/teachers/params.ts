import type { IsoDate } from '../core/dates.js';
import type { PolicyIssue } from '../core/errors.js';
import { resolve, snapshotByDay, type UsedValue, type ResolveContext } from '../core/parameters.js';
import { parameterTree } from '../parameters/tree.js';

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Months since year 0: `'2021-03-15'` → 2021 × 12 + 2. @internal */
export function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The first day of month `index`. @internal */
export function firstDayOf(index: number): IsoDate {
  const year = Math.floor(index / 12);
  return `${pad(year, 4)}-${pad((index % 12) + 1, 2)}-01`;
}

/** The last day of month `index`. @internal */
export function lastDayOf(index: number): IsoDate {
  const year = Math.floor(index / 12);
  const month = index % 12;
  const days = month === 1 && isLeap(year) ? 29 : (MONTH_DAYS[month] as number);
  return `${pad(year, 4)}-${pad(month + 1, 2)}-${pad(days, 2)}`;
}

/** A five-year (by default) training cycle, both ends inclusive. @category Teachers */
export interface TrainingCycle {
  /** First day, `'YYYY-MM-DD'`. */
  readonly start: IsoDate;
  /** Last day, inclusive. */
  readonly end: IsoDate;
}

/** The training parameters one call or batch reads, and the cycle containing `asOf`. @internal */
export interface TrainingParams {
  readonly asOf: IsoDate;
  readonly requiredHours: number;
  readonly cycleYears: number;
  readonly anchor: IsoDate;
  readonly midCycleHires: 'pro-rata-months' | 'full';
  readonly cycle: TrainingCycle;
  /** Month indexes of the cycle's first and last months. */
  readonly startMonth: number;
  readonly endMonth: number;
  /** cycleYears × 12. */
  readonly cycleMonths: number;
  readonly used: readonly UsedValue[];
}

/** The longest cycle junheng accepts, in years. */
const MAX_CYCLE_YEARS = 50;

/**
 * Resolves the training parameters once for a call or batch and finds the cycle containing `asOf`.
 * Without overrides the result is cached by day.
 *
 * @internal
 */
export const trainingParams = snapshotByDay((ctx: ResolveContext, issues: PolicyIssue[]): TrainingParams | undefined => {
  const t = parameterTree.teachers.training;
  const used: UsedValue[] = [];
  const before = issues.length;
  const requiredHours = resolve(t.requiredHours, 'teachers.training.requiredHours', ctx, issues, used);
  const cycleYears = resolve(t.cycleYears, 'teachers.training.cycleYears', ctx, issues, used);
  const anchor = resolve(t.cycleAnchor, 'teachers.training.cycleAnchor', ctx, issues, used);
  const midCycleHires = resolve(t.midCycleHires, 'teachers.training.midCycleHires', ctx, issues, used);
  if (issues.length > before) return undefined;
  if (cycleYears < 1 || cycleYears > MAX_CYCLE_YEARS) {
    issues.push({
      path: ['parameters', 'teachers', 'training', 'cycleYears'],
      code: 'invalid_value',
      message: `must be a whole number of years from 1 to ${MAX_CYCLE_YEARS}, got ${cycleYears}`,
    });
  }
  if (!anchor.endsWith('-01')) {
    issues.push({
      path: ['parameters', 'teachers', 'training', 'cycleAnchor'],
      code: 'invalid_value',
      message: `must be the first day of a month (cycles are counted in whole months), got '${anchor}'`,
    });
  }
  if (issues.length > before) return undefined;
  const cycleMonths = cycleYears * 12;
  const anchorMonth = monthIndex(anchor);
  const k = Math.floor((monthIndex(ctx.asOf) - anchorMonth) / cycleMonths);
  const startMonth = anchorMonth + k * cycleMonths;
  const endMonth = startMonth + cycleMonths - 1;
  const params: TrainingParams = {
    asOf: ctx.asOf,
    requiredHours,
    cycleYears,
    anchor,
    midCycleHires,
    cycle: Object.freeze({ start: firstDayOf(startMonth), end: lastDayOf(endMonth) }),
    startMonth,
    endMonth,
    cycleMonths,
    used,
  };
  return params;
});
