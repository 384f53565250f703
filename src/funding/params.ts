import type { PolicyIssue } from '../core/errors.js';
import type { IsoDate } from '../core/dates.js';
import { mergeIssue, resolve, resolveIfInForce, snapshotByDay, type Resolved, type ResolveContext, type UsedValue } from '../core/parameters.js';
import type { Stage } from '../core/types.js';
import { parameterTree } from '../parameters/tree.js';

type Funding = typeof parameterTree.funding;

/** The funding parameters one call or batch reads: money in fen, already dated and regional. @internal */
export interface FundingParams {
  /**
   * Stage benchmarks; a stage is absent when it cannot be resolved (no region given while the
   * regions differ, or no value on `asOf`). That is an error only for a school that needs the rate:
   * see {@link benchmarkProblems}.
   */
  readonly benchmark: { readonly primary?: number; readonly junior?: number };
  /** Why a stage's benchmark is absent. */
  readonly benchmarkProblems: Readonly<Record<Stage, readonly PolicyIssue[]>>;
  readonly boardingSupplement: number;
  readonly specialEducation: number;
  readonly disabledPupils: Resolved<Funding['disabledPupils']>;
  readonly national: Resolved<Funding['floors']['national']>;
  /** Absent before the opinion is in force. */
  readonly district: Resolved<Funding['floors']['district']> | undefined;
  readonly mixedStageRate: Resolved<Funding['floors']['mixedStageRate']>;
  /** Every value read, by dot path, for citations and explanations. */
  readonly used: ReadonlyMap<string, UsedValue>;
}

/**
 * Resolves the funding parameters once for a call or a whole batch. Results without overrides are
 * cached by day and region.
 *
 * @internal
 */
export const fundingParams = snapshotByDay((ctx: ResolveContext, issues: PolicyIssue[]): FundingParams | undefined => {
  const f = parameterTree.funding;
  const used: UsedValue[] = [];
  const before = issues.length;
  const benchmark: { primary?: number; junior?: number } = {};
  const benchmarkProblems: Record<Stage, PolicyIssue[]> = { primary: [], junior: [] };
  for (const stage of ['primary', 'junior'] as const) {
    const rate = resolve(f.benchmark[stage], `funding.benchmark.${stage}`, ctx, benchmarkProblems[stage], used);
    if (benchmarkProblems[stage].length === 0) benchmark[stage] = rate;
  }
  const params: FundingParams = {
    benchmark,
    benchmarkProblems,
    boardingSupplement: resolve(f.boardingSupplement, 'funding.boardingSupplement', ctx, issues, used),
    specialEducation: resolve(f.specialEducation, 'funding.specialEducation', ctx, issues, used),
    disabledPupils: resolve(f.disabledPupils, 'funding.disabledPupils', ctx, issues, used),
    national: resolve(f.floors.national, 'funding.floors.national', ctx, issues, used),
    district: resolveIfInForce(f.floors.district, 'funding.floors.district', ctx, issues, used),
    mixedStageRate: resolve(f.floors.mixedStageRate, 'funding.floors.mixedStageRate', ctx, issues, used),
    used: new Map(used.map((u) => [u.path, u])),
  };
  return issues.length > before ? undefined : params;
});

/** Bit flags of the stage benchmarks a school needed and could not have. @internal */
export const MISSING_PRIMARY = 1;
/** @internal */
export const MISSING_JUNIOR = 2;

/**
 * Pushes the issues of the stage benchmarks that schools needed and could not have (`missing` is
 * the union of their flags). @internal
 */
export function missingRateIssues(params: FundingParams, missing: number, asOf: IsoDate, issues: PolicyIssue[]): void {
  const stages: Stage[] = [];
  if ((missing & MISSING_PRIMARY) !== 0) stages.push('primary');
  if ((missing & MISSING_JUNIOR) !== 0) stages.push('junior');
  for (const stage of stages) {
    for (const problem of params.benchmarkProblems[stage]) {
      mergeIssue(issues, { ...problem, ...(problem.parameters === undefined ? {} : { parameters: [...problem.parameters] }) }, asOf);
    }
  }
}
