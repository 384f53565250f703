import type { Call } from '../core/calculator.js';
import * as z from 'zod/mini';
import type { PolicyIssue } from '../core/errors.js';
import { fromZodIssues } from '../core/schemas.js';
import { readSchool, schoolListSchema, type SchoolRecord } from '../core/school.js';
import { raiseNeeded, whenNeeded } from '../core/resolve.js';
import type { ParameterTree } from '../parameters/tree.js';
import { fundingParameters as F } from './parameters.js';
import type { FundingContext } from './result.js';
import type { FundingParams } from './rule.js';

/**
 * What the public-funding rule reads: the stage benchmarks (each needed only by schools with pupils
 * of that stage, so a missing region is an error only then), the boarding supplement, the
 * special-education rate and its use for disabled pupils, the list of floor bands in force (the
 * opinion's own band joins it on the opinion's date) and the rate of pupils a band adds in a school
 * with both stages.
 *
 * @internal
 */
export const fundingReads = (p: ParameterTree) => ({
  benchmark: { primary: whenNeeded(p.funding.benchmark.primary), junior: whenNeeded(p.funding.benchmark.junior) },
  boardingSupplement: p.funding.boardingSupplement,
  specialEducation: p.funding.specialEducation,
  disabledPupils: p.funding.disabledPupils,
  floors: p.funding.floors,
  floorMixedStageRate: p.funding.floorMixedStageRate,
});

/** Bit flags of the stage benchmarks a school needed and could not have. @internal */
export const MISSING_PRIMARY = 1;
/** @internal */
export const MISSING_JUNIOR = 2;



/** The resolved parameters of a call and what was read of them, by path. @internal */
export function fundingContext(call: Call<unknown, FundingParams, Record<never, never>>): FundingContext {
  return { p: call.params, used: new Map(call.used.map((u) => [u.path, u])) };
}

/**
 * Raises the problems of the stage benchmarks that schools needed and could not have (`missing` is
 * the union of their {@link MISSING_PRIMARY} / {@link MISSING_JUNIOR} flags).
 *
 * @internal
 */
export function raiseMissingRates(missing: number, call: Call<unknown, FundingParams, Record<never, never>>, issues: PolicyIssue[]): void {
  const paths: string[] = [];
  if ((missing & MISSING_PRIMARY) !== 0) paths.push(F.benchmark.primary.path);
  if ((missing & MISSING_JUNIOR) !== 0) paths.push(F.benchmark.junior.path);
  raiseNeeded(call.snapshot, paths, call.asOf, issues);
}

/**
 * Validates a roster: every row once, every problem with its row index (`[41, 'location']`), and
 * duplicate ids (a school funded twice is a budget error).
 *
 * @internal
 */
export function parseSchools(schools: unknown, issues: PolicyIssue[]): SchoolRecord[] {
  if (!Array.isArray(schools)) {
    const r = z.safeParse(schoolListSchema, schools, { reportInput: true });
    if (!r.success) issues.push(...fromZodIssues(r.error.issues));
    return [];
  }
  const out: SchoolRecord[] = new Array(schools.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < schools.length; i++) {
    const record = readSchool(schools[i], issues, [i]);
    if (record === undefined) continue;
    out[i] = record;
    const first = seen.get(record.id);
    if (first === undefined) seen.set(record.id, i);
    else {
      issues.push({
        path: [i, 'id'],
        code: 'inconsistent',
        message: `repeats the id of school [${first}] ("${record.id}"); each school may appear once`,
        related: [first, 'id'],
      });
    }
  }
  return out;
}
