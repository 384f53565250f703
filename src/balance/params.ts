import type { PolicyIssue } from '../core/errors.js';
import { resolve, snapshotByDay, type ResolveContext, type UsedValue } from '../core/parameters.js';
import type { Stage } from '../core/types.js';
import { parameterTree } from '../parameters/tree.js';

/** The seven resource indicators of 教督〔2017〕6号 §5.1. @category Balanced development */
export type IndicatorId = 'L1' | 'L2' | 'L3' | 'L4' | 'L5' | 'L6' | 'L7';
/** The indicator ids in order. @category Balanced development */
export const INDICATORS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'] as const satisfies readonly IndicatorId[];

/** The resolved assessment parameters of one call or batch. @internal */
export interface BalanceParams {
  /** Thresholds by stage and indicator in ten-thousandths of the unit users see (4.2 → 42000; L6 2000 yuan → 20,000,000). */
  readonly thresholds: Readonly<Record<Stage, readonly number[]>>;
  readonly minimumMet: number;
  /** Near-miss share in basis points (0.85 → 8500). */
  readonly nearMissBp: number;
  readonly teachingPointMinimum: number;
  /** Coefficient limits in basis points (0.5 → 5000). */
  readonly limitBp: Readonly<Record<Stage, number>>;
  readonly used: readonly UsedValue[];
}

/**
 * Resolves the assessment parameters once for a call or a batch; cached by day when nothing is
 * overridden.
 *
 * @internal
 */
export const balanceParams = snapshotByDay((ctx: ResolveContext, issues: PolicyIssue[]): BalanceParams | undefined => {
  const b = parameterTree.balance;
  const used: UsedValue[] = [];
  const before = issues.length;
  const stageThresholds = (stage: Stage): number[] => {
    const t = resolve(b.thresholds[stage], `balance.thresholds.${stage}`, ctx, issues, used);
    if (t === undefined) return [];
    // L6 is money (fen); ten-thousandths of a yuan = fen × 100.
    return [t.qualifiedTeachers, t.backboneTeachers, t.peArtTeachers, t.teachingAuxiliaryArea, t.sportsArea, t.equipmentValue * 100, t.multimediaClassrooms];
  };
  const thresholds = { primary: stageThresholds('primary'), junior: stageThresholds('junior') };
  const school = resolve(b.school, 'balance.school', ctx, issues, used);
  const limits = resolve(b.coefficientLimit, 'balance.coefficientLimit', ctx, issues, used);
  if (issues.length > before) return undefined;
  const params: BalanceParams = {
    thresholds,
    minimumMet: school.minimumMet,
    nearMissBp: school.nearMissShare,
    teachingPointMinimum: school.teachingPointMinimum,
    limitBp: limits,
    used,
  };
  return params;
});
