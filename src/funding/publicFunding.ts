import { readSchool, schoolSchema } from '../core/school.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { fundingContext, fundingReads, raiseMissingRates } from './internal.js';
import { fundingResult } from './result.js';
import { publicFundingRule } from './rule.js';

/**
 * Public funding (公用经费) of one school for a year, exact to the fen.
 *
 * Encodes opinion **5.1** (统一城乡义务教育学校生均公用经费标准; 对农村超过100人不足200人的规模较小的学校，
 * 按200人核定公用经费) and the national rules of 国发〔2015〕67号 behind it:
 *
 * - every pupil at the stage benchmark for the region in force on `asOf` (2016 spring: 中西部 600 /
 *   800, 东部 650 / 850 yuan for primary / junior);
 * - at most one small-school floor, from the list of bands `funding.floors` (a patch replaces it
 *   whole; see {@link FloorBand}). The default list: `'national-under-100'` — a rural (乡村) school
 *   or any teaching point with fewer than 100 pupils is funded as 100; exactly 100 is not "fewer
 *   than" — and, from the opinion's date, `'district-100-to-200'` — a rural school with more than
 *   100 and fewer than 200 pupils is funded as 200; 100 and 200 themselves are outside (超过 and 不足
 *   exclude the number). 镇区 (town) is not 农村 by default (add `'town'` to the band's
 *   `locations`). Where several bands apply, the highest `fundedAs` wins; `floorApplied` is its id;
 * - pupils a band adds carry, for a band with a `stage`, that stage's rate; otherwise the school's
 *   own stage rate, or in a school with both stages its weighted rate (primary × rate + junior ×
 *   rate) ÷ pupils (`funding.floorMixedStageRate`); an empty school carries the primary rate;
 * - disabled pupils in mainstream classes (counted within `pupils`) at the special-education rate
 *   (6000 yuan, 7000 from 2025-03-01) instead of the stage benchmark (`funding.disabledPupils`:
 *   `'instead'` | `'on-top'`); the benchmark withdrawn for them is the school's weighted rate; a
 *   special-education school is funded at that rate for every pupil, with no floor;
 * - boarders: +200 yuan each (secondary source).
 *
 * **One rounding.** `amount` is the exact amount rounded once, half up, to the fen; only parts at
 * the weighted rate can fall between fen, and they carry the rounding as a running total (each is
 * the rounded total of the weighted parts so far less the total before it), so the components add
 * up to `amount` exactly; the explanation marks each and quotes the exact amount.
 * `region` is needed only when a stage rate the school needs differs by region on `asOf`. The
 * opinion's own band applies from the opinion's date (it states none; see the parameter notes).
 *
 * @category Funding
 * @function
 * @param input - The school: `{ id, location, kind?, pupils: { primary?, junior? }, boarders?, disabledPupils? }`.
 * @param options - `{ asOf?, region?, parameters? }`; `region` is needed while east and central/west benchmarks differ.
 * @returns Funded pupils, the floor applied, the exact amount, its components, citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options, a date before the first known benchmark, or a missing region.
 * @example
 * ```ts
 * const result = publicFunding(
 *   { id: 'village-1', location: 'rural', pupils: { primary: 150 } },
 *   { asOf: '2025-09-01', region: 'central' },
 * );
 * result.fundedPupils; //=> 200
 * result.floorApplied; //=> 'district-100-to-200'
 * result.amount.toString(); //=> '120000'
 * ```
 */
export const publicFunding = defineCalculator({
  name: 'publicFunding',
  provisions: ['5.1'],
  input: schoolSchema,
  parse: (input, issues) => readSchool(input, issues),
  reads: fundingReads,
  rule: publicFundingRule,
  settle: (outcome, call, issues) => raiseMissingRates(outcome.missingRates, call, issues),
  result: (outcome, call) => fundingResult(call.input, outcome, fundingContext(call)),
});

/**
 * {@link publicFunding} that returns `{ success: false, error }` instead of throwing
 * {@link PolicyInputError}.
 *
 * @category Funding
 * @example
 * ```ts
 * const r = safePublicFunding({ id: 'A', location: 'nowhere', pupils: {} }, { asOf: '2025-09-01', region: 'east' });
 * r.success; //=> false
 * ```
 */
export const safePublicFunding = safe(publicFunding);
