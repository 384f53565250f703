/**
 * What every output of `junheng assess` is written from: the assessed counties, the options, and the
 * figures of the rule a report states (the near-miss share, the indicators a school must meet).
 */
import type { BalanceGapResult, CountyAssessment } from 'junheng';
import type { Lang } from '../lang.js';

/** One county assessed, with its gap when asked for. */
export interface Assessed {
  readonly a: CountyAssessment;
  readonly g: BalanceGapResult | undefined;
  /** Its position in the input (0 for a single county). */
  readonly index: number;
}

/** A run of the command, ready to be written in any format. */
export interface AssessRun {
  readonly results: readonly Assessed[];
  /** The input was an array of counties (a province): every heading names its county. */
  readonly many: boolean;
  readonly asOf: string;
  readonly region: string | undefined;
  readonly lang: Lang;
  /** The input as messages name it (a path, or "standard input"). */
  readonly input: string;
  /** `balance.school.nearMissShare` in force (0.85): the share of its threshold a missed indicator must reach. */
  readonly nearMissShare: number;
  /** `balance.school.minimumMet` in force (6): the indicators (of 7) a school must meet. */
  readonly minimumMet: number;
  /** The footer lines, in `lang`: citations, unverified and stale values, local parameters. */
  readonly footer: readonly string[];
}

/** The near-miss share as a percentage for display: 0.85 → `85`. */
export const nearMissPercent = (run: AssessRun): string => String(Math.round(run.nearMissShare * 10_000) / 100);
