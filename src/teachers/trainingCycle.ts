/**
 * The training cycle (opinion 4.2): what the training rules read, the cycle assessed (containing
 * `asOf`, or the last completed one), the status and the parameter checks. The pure rules in
 * `trainingRule.ts` and the streaming tally build on it. Only its types and the cycle choices are
 * public.
 *
 * @module
 * @internal
 */
import * as z from 'zod/mini';
import type { IsoDate } from '../core/dates.js';
import type { PolicyIssue } from '../core/errors.js';
import type { Resolved } from '../core/resolve.js';
import { choice } from '../core/schemas.js';
import { isLeapYear } from '../core/util.js';
import type { ParameterTree } from '../parameters/tree.js';
import { teachersParameters } from './parameters.js';

/**
 * Which cycle a training calculator assesses: `'containing'` (default), the cycle containing
 * `asOf`; `'last-completed'`, the latest cycle that has ended on `asOf` (on its last day or
 * earlier) — the cycle containing `asOf` when `asOf` is its last day, else the one before it.
 *
 * @category Teachers
 */
export const TRAINING_CYCLE_CHOICES = ['containing', 'last-completed'] as const;
/** @category Teachers */
export type TrainingCycleChoice = (typeof TRAINING_CYCLE_CHOICES)[number];

/**
 * A teacher's position in the cycle assessed:
 *
 * - `'met'`: the hours owed are completed (met exactly is met);
 * - `'in-progress'`: fewer hours so far, and the cycle has not ended on `asOf`;
 * - `'not-met'`: fewer hours, and the cycle has ended (`asOf` is its last day or later).
 *
 * @category Teachers
 */
export type TrainingStatus = 'met' | 'in-progress' | 'not-met';

/** The training calculators' own options: `{ cycle?: 'containing' | 'last-completed' }`. @internal */
export const trainingOptionsSchema = z.object({ cycle: z.optional(choice(TRAINING_CYCLE_CHOICES, 'training cycle')) });

/** The training calculators' own options, as a rule reads them. @category Teachers */
export type TrainingOptions = {
  // A type, not an interface: a calculator's own options must be assignable to Record<string, unknown>.
  /** The cycle assessed; default `'containing'`. */
  readonly cycle?: TrainingCycleChoice;
};

/**
 * What the training rules read: the hours owed per cycle, the cycle's length and anchor, and how
 * teachers employed mid-cycle are treated.
 *
 * @internal
 */
export const trainingReads = (p: ParameterTree) => p.teachers.training;

/**
 * The training parameters the rules read, resolved for a day: `{ requiredHours, cycleYears,
 * cycleAnchor, midCycleHires }` (from `trainingCompliance.parameters(options)`).
 *
 * @category Teachers
 */
export type TrainingParams = Resolved<ReturnType<typeof trainingReads>>;

/** A five-year (by default) training cycle, both ends inclusive. @category Teachers */
export interface TrainingCycle {
  /** First day, `'YYYY-MM-DD'`. */
  readonly start: IsoDate;
  /** Last day, inclusive. */
  readonly end: IsoDate;
}

/**
 * What the training rule decides for one teacher, in integers: the pure rules' outcome.
 *
 * @category Teachers
 */
export interface TrainingOutcome {
  readonly id: string;
  /** `'YYYY-MM-DD'`, or `undefined` when not given. */
  readonly employedSince: IsoDate | undefined;
  /** Completed hours in tenths. */
  readonly completedTenths: number;
  /** Whole hours owed. */
  readonly requiredHours: number;
  /** Months of the cycle owed (pro rata), or the whole cycle. */
  readonly months: number;
  readonly prorated: boolean;
  /** Records counted: dated in the cycle and not after `asOf`. */
  readonly counted: number;
  /** Records dated before the cycle. */
  readonly beforeCycle: number;
  /** Records dated after the last day counted: `asOf`, or the cycle's last day when it is earlier (a completed cycle). */
  readonly afterAsOf: number;
  /** `'met'`, `'in-progress'` (short, the cycle not yet over) or `'not-met'` (short, the cycle over). */
  readonly status: TrainingStatus;
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

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
  const days = month === 1 && isLeapYear(year) ? 29 : (MONTH_DAYS[month] as number);
  return `${pad(year, 4)}-${pad(month + 1, 2)}-${pad(days, 2)}`;
}

/** The training parameters of a day with the cycle assessed, worked out once per call or batch. @internal */
export interface TrainingTerms {
  readonly asOf: IsoDate;
  /** Which cycle was asked for. */
  readonly choice: TrainingCycleChoice;
  /** The cycle has ended on `asOf` (`asOf` is its last day or later): a shortfall is then final. */
  readonly ended: boolean;
  /** The last day a record counts: `asOf`, or the cycle's last day when it is earlier. */
  readonly countUntil: IsoDate;
  readonly requiredHours: number;
  readonly cycleYears: number;
  readonly midCycleHires: 'pro-rata-months' | 'full';
  readonly cycle: TrainingCycle;
  /** Month indexes of the cycle's first and last months. */
  readonly startMonth: number;
  readonly endMonth: number;
  /** cycleYears × 12. */
  readonly cycleMonths: number;
}

/** The longest cycle junheng accepts, in years. */
const MAX_CYCLE_YEARS = 50;

const issuePath = (path: string): string[] => ['parameters', ...path.split('.')];

/**
 * Checks the cycle parameters the rules need whole: a length of 1 to 50 years and an anchor on the
 * 1st of a month (cycles are counted in whole months). Returns false when it pushed an issue.
 *
 * @internal
 */
export function checkTrainingParams(p: TrainingParams, issues: PolicyIssue[]): boolean {
  const before = issues.length;
  const t = teachersParameters.training;
  if (p.cycleYears < 1 || p.cycleYears > MAX_CYCLE_YEARS) {
    issues.push({ path: issuePath(t.cycleYears.path), code: 'invalid_value', message: `must be a whole number of years from 1 to ${MAX_CYCLE_YEARS}, got ${p.cycleYears}` });
  }
  if (!p.cycleAnchor.endsWith('-01')) {
    issues.push({ path: issuePath(t.cycleAnchor.path), code: 'invalid_value', message: `must be the first day of a month (cycles are counted in whole months), got '${p.cycleAnchor}'` });
  }
  return issues.length === before;
}

/**
 * The terms of `asOf`: the parameters and the cycle assessed (cycles of `cycleYears` from
 * `cycleAnchor`, before and after it) — the one containing `asOf`, or with `'last-completed'` the
 * latest one that has ended on `asOf` (the containing one when `asOf` is its last day).
 *
 * @internal
 */
export function trainingTerms(p: TrainingParams, asOf: IsoDate, which: TrainingCycleChoice = 'containing'): TrainingTerms {
  const cycleMonths = p.cycleYears * 12;
  const anchorMonth = monthIndex(p.cycleAnchor);
  let k = Math.floor((monthIndex(asOf) - anchorMonth) / cycleMonths);
  if (which === 'last-completed' && asOf < lastDayOf(anchorMonth + k * cycleMonths + cycleMonths - 1)) k--;
  const startMonth = anchorMonth + k * cycleMonths;
  const endMonth = startMonth + cycleMonths - 1;
  const cycle = Object.freeze({ start: firstDayOf(startMonth), end: lastDayOf(endMonth) });
  return {
    asOf,
    choice: which,
    ended: asOf >= cycle.end,
    countUntil: asOf < cycle.end ? asOf : cycle.end,
    requiredHours: p.requiredHours,
    cycleYears: p.cycleYears,
    midCycleHires: p.midCycleHires,
    cycle,
    startMonth,
    endMonth,
    cycleMonths,
  };
}

/** A teacher's status from the tenths completed, the hours owed and whether the cycle has ended. @internal */
export function statusOf(completedTenths: number, requiredHours: number, ended: boolean): TrainingStatus {
  return completedTenths >= requiredHours * 10 ? 'met' : ended ? 'not-met' : 'in-progress';
}

/** The first full month of employment: the month of `since` when it is the 1st, else the next. @internal */
export const firstFullMonth = (since: IsoDate): number => monthIndex(since) + (since.endsWith('-01') ? 0 : 1);
