import type { Resolved } from '../core/resolve.js';
import type { SchoolRecord } from '../core/school.js';
import { COVER_BIT, type FloorRule } from './floors.js';
import { MISSING_JUNIOR, MISSING_PRIMARY, type fundingReads } from './internal.js';

/**
 * The funding parameters the rule reads, resolved for a day and region: money in integer fen, the
 * floor bands in force as {@link FloorRule}s. A stage benchmark is `undefined` when it could not be
 * resolved.
 *
 * @category Funding
 */
export type FundingParams = Resolved<ReturnType<typeof fundingReads>>;

/**
 * The id of the floor band that raised a school's funded pupils (`'national-under-100'`,
 * `'district-100-to-200'`, or a band of a patched list), or `null`.
 *
 * @category Funding
 */
export type FloorApplied = string | null;

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
  /**
   * Signed amount in fen. A part at a weighted rate is the school's running total of weighted parts
   * rounded half up, less that total before it: the parts add up to the exact amount rounded once.
   */
  readonly fen: number;
  /** True when the part's exact amount is not a whole fen (so `fen` carries rounding). */
  readonly rounded: boolean;
}

/** What the rule decides for one school, money in integer fen. @category Funding */
export interface FundingOutcome {
  readonly pupils: number;
  readonly fundedPupils: number;
  readonly floorApplied: FloorApplied;
  /** The position of the applied band in the `funding.floors` list in force; −1 when none applied. */
  readonly floorIndex: number;
  /** Why no floor applied, or that one did: a key of the explanation catalogue. */
  readonly floorReason: FloorReason;
  readonly amountFen: number;
  readonly components: readonly RawComponent[];
  /** Stage benchmarks the school needed and could not have (bit 1 primary, bit 2 junior); 0 normally. */
  readonly missingRates: number;
}

/**
 * `'band'` a band applied; `'special-education'` no band covers such a school; `'not-covered'` no
 * band covers its location or kind (or, for a stage band, its pupils); `'outside-bands'` covered,
 * but its pupils are in no band's range (or no band raises them).
 *
 * @category Funding
 */
export type FloorReason = 'band' | 'special-education' | 'not-covered' | 'outside-bands';

/** `count × numerator ÷ denominator` (count may be negative) rounded half up, toward +∞ on a half fen. */
function halfUp(count: number, numerator: number, denominator: number): number {
  const product = count * numerator;
  if (Number.isSafeInteger(product * 2 + denominator) && Number.isSafeInteger(denominator * 2)) {
    const twice = product * 2 + denominator;
    const divisor = denominator * 2;
    // Floating division can land on the wrong side of an integer; correct it with the exact remainder.
    let quotient = Math.floor(twice / divisor);
    const remainder = twice - quotient * divisor;
    if (remainder < 0) quotient -= 1;
    else if (remainder >= divisor) quotient += 1;
    return quotient;
  }
  const twice = BigInt(count) * BigInt(numerator) * 2n + BigInt(denominator);
  const divisor = BigInt(denominator) * 2n;
  let quotient = twice / divisor;
  if (twice % divisor !== 0n && twice < 0n) quotient -= 1n; // BigInt division truncates toward zero
  return Number(quotient);
}

const SCHOOL = COVER_BIT.school;
const TEACHING_POINT = COVER_BIT['teaching-point'];

function exactPart(id: ComponentId, pupils: number, rate: number, sign = 1): RawComponent {
  return { id, pupils, rateNumerator: rate, rateDenominator: 1, fen: sign * pupils * rate, rounded: false };
}

/** Whether `count × numerator ÷ denominator` is a whole fen. */
function whole(count: number, numerator: number, denominator: number): boolean {
  const product = count * numerator;
  return Number.isSafeInteger(product) ? product % denominator === 0 : (BigInt(count) * BigInt(numerator)) % BigInt(denominator) === 0n;
}

/**
 * The public-funding rule for one validated school: a few integer operations, no validation, no
 * dates, no I/O.
 *
 * - Special-education schools: every pupil at the special-education rate; no floor.
 * - Other schools: the stage benchmark for each pupil, and at most one floor band of
 *   `funding.floors` (see {@link FloorBand}): a band covers the school when its location is in the
 *   band's `locations` or its kind in `kinds`; it counts the school's pupils (a stage band only that
 *   stage's, and covers only schools that have some) and applies when the count is more than
 *   `above` and fewer than `below` (both exclusive) and `fundedAs` exceeds it. **Precedence**: where
 *   several bands apply, the highest `fundedAs` wins (the earlier band in the list on a tie); bands
 *   never add up. The added pupils (`fundedAs` − the count) carry, for a stage band, that stage's
 *   rate; for a band without a stage, the school's own stage rate (an empty school the primary
 *   rate), or in a school with both stages the rate `funding.floorMixedStageRate` names — by default
 *   the school's weighted rate (primary × rate + junior × rate) ÷ pupils.
 * - Disabled pupils in mainstream classes: the special-education rate instead of (default) or on top
 *   of the stage benchmark; the withdrawn benchmark is the school's weighted rate.
 * - Boarders: the boarding supplement each.
 *
 * **One rounding.** Only parts at the weighted rate can fall between fen. The amount is the exact
 * sum rounded once, half up, to the fen; so that the parts add up to it, each weighted part is the
 * running total of the weighted parts so far (in the order listed) rounded half up, less the same
 * total before it. Every part is within one fen of its exact value, and the first weighted part is
 * its own value rounded half up.
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
  let floorIndex = -1;
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
    if (pupils > 0) parts.push(exactPart('special-education', pupils, p.specialEducation));
  } else {
    // The band that applies: the highest fundedAs among the bands that cover the school, count it
    // within their exclusive bounds and raise it; the earlier band on a tie.
    const bits = COVER_BIT[school.location] | (kind === 'teaching-point' ? TEACHING_POINT : SCHOOL);
    const floors = p.floors;
    let best: FloorRule | undefined;
    let bestCount = 0;
    let covered = false;
    for (let k = 0; k < floors.length; k++) {
      const band = floors[k] as FloorRule;
      if ((band.covers & bits) === 0) continue;
      const count = band.stage === 0 ? pupils : band.stage === 1 ? primary : junior;
      if (band.stage !== 0 && count === 0) continue;
      covered = true;
      if (count > band.above && count < band.below && band.fundedAs > count && (best === undefined || band.fundedAs > best.fundedAs)) {
        best = band;
        bestCount = count;
      }
    }
    floorReason = best !== undefined ? 'band' : covered ? 'outside-bands' : 'not-covered';

    if (primary > 0) parts.push(exactPart('benchmark-primary', primary, ratePrimary()));
    if (junior > 0) parts.push(exactPart('benchmark-junior', junior, rateJunior()));

    // Parts at the school's own weighted rate (primary × rate + junior × rate) / pupils — only in a
    // school with both stages — share one running total, rounded half up at each part: the parts
    // add up to the exact amount rounded once. A one-stage school's own rate is exact (an empty
    // school carries the primary rate).
    const mixed = primary > 0 && junior > 0;
    const numerator = mixed ? primary * ratePrimary() + junior * rateJunior() : 0;
    let weightedCount = 0;
    let weightedFen = 0;

    if (best !== undefined) {
      const added = best.fundedAs - bestCount;
      fundedPupils = pupils + added;
      floorApplied = best.id;
      floorIndex = best.index;
      const rate = best.stage === 1 || (best.stage === 0 && (junior === 0 || (mixed && p.floorMixedStageRate === 'primary')))
        ? ratePrimary()
        : best.stage === 2 || !mixed || p.floorMixedStageRate === 'junior'
          ? rateJunior()
          : -1;
      if (rate >= 0) parts.push(exactPart('floor', added, rate));
      else {
        weightedCount = added;
        weightedFen = halfUp(added, numerator, pupils);
        parts.push({ id: 'floor', pupils: added, rateNumerator: numerator, rateDenominator: pupils, fen: weightedFen, rounded: !whole(added, numerator, pupils) });
      }
    }
    const disabled = school.disabled;
    if (disabled > 0) {
      if (p.disabledPupils === 'instead') {
        if (!mixed) parts.push(exactPart('disabled-benchmark-withdrawn', disabled, junior > 0 ? rateJunior() : ratePrimary(), -1));
        else {
          weightedCount -= disabled;
          const running = halfUp(weightedCount, numerator, pupils);
          parts.push({ id: 'disabled-benchmark-withdrawn', pupils: disabled, rateNumerator: numerator, rateDenominator: pupils, fen: running - weightedFen, rounded: !whole(disabled, numerator, pupils) });
          weightedFen = running;
        }
      }
      parts.push(exactPart('special-education', disabled, p.specialEducation));
    }
  }
  if (boarders > 0) parts.push(exactPart('boarding', boarders, p.boardingSupplement));

  let amountFen = 0;
  for (const part of parts) amountFen += part.fen;
  return { pupils, fundedPupils, floorApplied, floorIndex, floorReason, amountFen, components: parts, missingRates };
}
