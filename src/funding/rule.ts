import { mulDivHalfUp } from '../core/money.js';
import type { Resolved } from '../core/resolve.js';
import type { SchoolRecord } from '../core/school.js';
import { MISSING_JUNIOR, MISSING_PRIMARY, type fundingReads } from './internal.js';

/**
 * The funding parameters the rule reads, resolved for a day and region: money in integer fen. A
 * stage benchmark is `undefined` when it could not be resolved; `district` is `undefined` before the
 * opinion is in force.
 *
 * @category Funding
 */
export type FundingParams = Resolved<ReturnType<typeof fundingReads>>;

/** Which floor raised a school's funded pupils. @category Funding */
export type FloorApplied = 'national-under-100' | 'district-100-to-200' | null;

/** Ids of the parts of a school's public funding. @category Funding */
export type ComponentId =
  | 'benchmark-primary'
  | 'benchmark-junior'
  | 'floor'
  | 'disabled-benchmark-withdrawn'
  | 'special-education'
  | 'boarding';

/** One part of the amount, in fen, as the rule computed it. @category Funding */
export interface RawComponent {
  readonly id: ComponentId;
  /** Pupils (or boarders) the part is for. */
  readonly pupils: number;
  /** Rate per pupil in fen; for a weighted rate, the exact numerator over `rateDenominator`. */
  readonly rateNumerator: number;
  readonly rateDenominator: number;
  /** Signed amount in fen. */
  readonly fen: number;
  /** True when the amount was rounded half up to the fen. */
  readonly rounded: boolean;
}

/** What the rule decides for one school, money in integer fen. @category Funding */
export interface FundingOutcome {
  readonly pupils: number;
  readonly fundedPupils: number;
  readonly floorApplied: FloorApplied;
  /** Why no floor applied, or which did: a key of the explanation catalogue. */
  readonly floorReason: FloorReason;
  readonly amountFen: number;
  readonly components: readonly RawComponent[];
  /** Stage benchmarks the school needed and could not have (bit 1 primary, bit 2 junior); 0 normally. */
  readonly missingRates: number;
}

/** @category Funding */
export type FloorReason =
  | 'national'
  | 'district'
  | 'special-education'
  | 'not-covered'
  | 'outside-bands';

function component(id: ComponentId, pupils: number, rateNumerator: number, rateDenominator = 1, sign = 1): RawComponent {
  const exact = rateDenominator === 1;
  const fen = exact ? pupils * rateNumerator : mulDivHalfUp(pupils, rateNumerator, rateDenominator);
  const product = pupils * rateNumerator;
  const rounded = exact
    ? false
    : Number.isSafeInteger(product)
      ? product % rateDenominator !== 0
      : (BigInt(pupils) * BigInt(rateNumerator)) % BigInt(rateDenominator) !== 0n;
  return { id, pupils, rateNumerator, rateDenominator, fen: sign * fen, rounded };
}

/**
 * The public-funding rule for one validated school: a few integer operations, no validation, no
 * dates, no I/O.
 *
 * - Special-education schools: every pupil at the special-education rate; no floor.
 * - Other schools: the stage benchmark for each pupil; the national floor (rural village schools and
 *   teaching points with fewer than 100 pupils are funded as 100) or the opinion's floor (5.1: rural
 *   schools with more than 100 and fewer than 200 pupils are funded as 200); the added pupils carry
 *   the school's own mix of stage rates (`mixedStageRate`), rounded once, half up, to the fen.
 * - Disabled pupils in mainstream classes: the special-education rate instead of (default) or on top
 *   of the stage benchmark; the withdrawn benchmark uses the same weighted rate.
 * - Boarders: the boarding supplement each.
 *
 * This is the unchecked pure rule of {@link publicFunding} (also `publicFunding.rule`): give it a
 * validated school record and parameters from `publicFunding.parameters(options)`.
 *
 * @category Funding
 */
export function publicFundingRule(school: SchoolRecord, p: FundingParams): FundingOutcome {
  const { primary, junior, kind } = school;
  const pupils = primary + junior;
  const boarders = school.boardersPrimary + school.boardersJunior;
  const parts: RawComponent[] = [];

  let fundedPupils = pupils;
  let floorApplied: FloorApplied = null;
  let floorReason: FloorReason;

  // A stage rate is read only where this school needs it; a rate that could not be resolved (no
  // region while the regions differ) is flagged, and the caller reports it instead of a result.
  let missingRates = 0;
  const ratePrimary = (): number => {
    if (p.benchmark.primary === undefined) missingRates |= MISSING_PRIMARY;
    return p.benchmark.primary ?? 0;
  };
  const rateJunior = (): number => {
    if (p.benchmark.junior === undefined) missingRates |= MISSING_JUNIOR;
    return p.benchmark.junior ?? 0;
  };

  if (kind === 'special-education') {
    floorReason = 'special-education';
    if (pupils > 0) parts.push(component('special-education', pupils, p.specialEducation));
  } else {
    const nationalCovered = kind === 'teaching-point' || p.national.locations.includes(school.location);
    const districtCovered = p.district !== undefined && p.district.locations.includes(school.location);
    floorReason = nationalCovered || districtCovered ? 'outside-bands' : 'not-covered';
    if (nationalCovered && pupils < p.national.below && p.national.fundedAs > fundedPupils) {
      fundedPupils = p.national.fundedAs;
      floorApplied = 'national-under-100';
      floorReason = 'national';
    }
    if (districtCovered && p.district !== undefined && pupils > p.district.above && pupils < p.district.below && p.district.fundedAs > fundedPupils) {
      fundedPupils = p.district.fundedAs;
      floorApplied = 'district-100-to-200';
      floorReason = 'district';
    }

    if (primary > 0) parts.push(component('benchmark-primary', primary, ratePrimary()));
    if (junior > 0) parts.push(component('benchmark-junior', junior, rateJunior()));
    // The school's own weighted rate: (primary × rate + junior × rate) / pupils. An empty school
    // (possible under a floor) carries the primary rate: village schools and teaching points are primary.
    const weighted = (count: number, id: ComponentId, sign = 1): RawComponent =>
      pupils === 0 || junior === 0
        ? component(id, count, ratePrimary(), 1, sign)
        : primary === 0
          ? component(id, count, rateJunior(), 1, sign)
          : component(id, count, primary * ratePrimary() + junior * rateJunior(), pupils, sign);
    const added = fundedPupils - pupils;
    if (added > 0) {
      // `mixedStageRate` chooses only for a school with both stages; a one-stage school's added
      // pupils always carry its own stage's rate.
      const mixed = primary > 0 && junior > 0;
      parts.push(
        mixed && p.mixedStageRate === 'primary'
          ? component('floor', added, ratePrimary())
          : mixed && p.mixedStageRate === 'junior'
            ? component('floor', added, rateJunior())
            : weighted(added, 'floor'),
      );
    }
    const disabled = school.disabled;
    if (disabled > 0) {
      if (p.disabledPupils === 'instead') parts.push(weighted(disabled, 'disabled-benchmark-withdrawn', -1));
      parts.push(component('special-education', disabled, p.specialEducation));
    }
  }
  if (boarders > 0) parts.push(component('boarding', boarders, p.boardingSupplement));

  let amountFen = 0;
  for (const part of parts) amountFen += part.fen;
  return { pupils, fundedPupils, floorApplied, floorReason, amountFen, components: parts, missingRates };
}
