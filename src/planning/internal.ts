/**
 * The planning area's shared helpers: event dates against `asOf`, the step stating `asOf`, and
 * repeated ids. Not re-exported by the barrel.
 *
 * @module
 * @internal
 */
import type { IsoDate } from '../core/dates.js';
import { step, type ExplanationStep } from '../core/explain.js';
import type { PolicyIssue } from '../core/errors.js';

/**
 * Pushes an issue when an event date (a delivery, a rectification, an issue date) is after `asOf`:
 * what has not happened yet on `asOf` cannot be recorded as done.
 *
 * @internal
 */
export function notAfterAsOf(date: IsoDate | undefined, asOf: IsoDate, path: Array<string | number>, what: string, provision: string, issues: PolicyIssue[]): void {
  if (date !== undefined && date > asOf) {
    issues.push({
      path,
      code: 'inconsistent',
      message: `is after asOf (${date} > ${asOf}): ${what} cannot have happened yet on ${asOf}; check the date, or give a later asOf`,
      provision,
    });
  }
}

/** The step that states the day the check is made on. @internal */
export function asOfStep(provision: string, asOf: IsoDate): ExplanationStep {
  return step(provision, `核查日期（asOf）：${asOf}`, `Checked on (asOf): ${asOf}`, { asOf });
}

