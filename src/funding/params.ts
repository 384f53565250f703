import type { PolicyIssue } from '../core/errors.js';
import { resolve, resolveIfInForce, type Resolved, type ResolveContext, type UsedValue } from '../core/parameters.js';
import { parameterTree } from '../parameters/tree.js';

type Funding = typeof parameterTree.funding;

/** The funding parameters one call or batch reads: money in fen, already dated and regional. @internal */
export interface FundingParams {
  /** Absent when no school of the batch needs the stage benchmark (special-education schools only). */
  readonly benchmark: Resolved<Funding['benchmark']> | undefined;
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

const cache = new Map<string, FundingParams>();

/**
 * Resolves the funding parameters once for a call or a whole batch. Results without overrides are
 * cached by day and region.
 *
 * @internal
 */
export function fundingParams(ctx: ResolveContext, needsBenchmark: boolean, issues: PolicyIssue[]): FundingParams | undefined {
  const key = ctx.overrides.size === 0 ? `${ctx.asOf}|${ctx.region ?? ''}|${needsBenchmark}` : undefined;
  const hit = key === undefined ? undefined : cache.get(key);
  if (hit !== undefined) return hit;
  const f = parameterTree.funding;
  const used: UsedValue[] = [];
  const before = issues.length;
  const params = {
    benchmark: needsBenchmark ? resolve(f.benchmark, 'funding.benchmark', ctx, issues, used) : undefined,
    boardingSupplement: resolve(f.boardingSupplement, 'funding.boardingSupplement', ctx, issues, used),
    specialEducation: resolve(f.specialEducation, 'funding.specialEducation', ctx, issues, used),
    disabledPupils: resolve(f.disabledPupils, 'funding.disabledPupils', ctx, issues, used),
    national: resolve(f.floors.national, 'funding.floors.national', ctx, issues, used),
    district: resolveIfInForce(f.floors.district, 'funding.floors.district', ctx, issues, used),
    mixedStageRate: resolve(f.floors.mixedStageRate, 'funding.floors.mixedStageRate', ctx, issues, used),
    used: new Map(used.map((u) => [u.path, u])),
  };
  if (issues.length > before) return undefined;
  if (key !== undefined) {
    if (cache.size > 256) cache.clear();
    cache.set(key, params);
  }
  return params;
}
