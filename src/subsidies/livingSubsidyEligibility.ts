import * as z from 'zod/mini';
import type { IsoDate } from '../core/dates.js';
import { inForce } from '../core/resolve.js';
import { defineLazy, step, type Explained } from '../core/explain.js';
import { fenToDecimal, fenToYuanString, type Decimal } from '../core/money.js';
import { choice, listOf, record, yesNo } from '../core/schemas.js';
import { STAGES, type Bilingual, type Stage } from '../core/types.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { livingSubsidyParameters as L } from './parameters.js';

/**
 * Hardship categories of the living subsidy: the four named by the 2019 non-boarder rule — 建档立卡
 * (registered poor), 低保 (subsistence allowance), 特困供养 (extreme-poverty support), disabled
 * pupils from poor families — and `'family-hardship'`: a family in economic hardship
 * (家庭经济困难) as recognised locally, which qualifies a boarder but not a non-boarder.
 *
 * @category Subsidies
 */
export const HARDSHIPS = ['registered-poor', 'subsistence-allowance', 'extreme-poverty-support', 'disabled-poor-family', 'family-hardship'] as const;
/** @category Subsidies */
export type Hardship = (typeof HARDSHIPS)[number];

/**
 * The four categories of the 2019 non-boarder subsidy (家庭经济困难非寄宿生): only these qualify a
 * non-boarder.
 *
 * @category Subsidies
 */
export const NON_BOARDER_HARDSHIPS = ['registered-poor', 'subsistence-allowance', 'extreme-poverty-support', 'disabled-poor-family'] as const satisfies readonly Hardship[];

/** A pupil as {@link livingSubsidyEligibility} takes it. @category Subsidies */
export const pupilSchema = record(
  {
    stage: choice(STAGES, 'stage'),
    boarding: yesNo('whether the pupil boards'),
    hardship: listOf(choice(HARDSHIPS, 'hardship category'), 'hardship categories, possibly empty'),
    rural: z.optional(yesNo('whether the pupil counts as rural (a rural school\'s boarder; a family on rural 低保 or 特困 support); default true')),
  },
  'a pupil object { stage, boarding, hardship, rural? }',
);
/** @category Subsidies */
export type Pupil = z.input<typeof pupilSchema>;

/** A validated pupil, as {@link livingSubsidyEligibilityRule} reads it. @category Subsidies */
export interface PupilRecord {
  readonly stage: Stage;
  readonly boarding: boolean;
  readonly hardship: readonly Hardship[];
  /** Absent: read as rural (see {@link livingSubsidyEligibility}). */
  readonly rural?: boolean | undefined;
}

/** Who a category or the boarder subsidy covers on a day: rural pupils only, or all. @category Subsidies */
export type EligibleLocation = 'rural' | 'urban-and-rural';

/**
 * The living-subsidy standards the eligibility rule reads, resolved for a day, in integer fen: what
 * {@link livingSubsidyEligibilityRule} takes (`livingSubsidyEligibility.parameters(options)` gives
 * them). A non-boarder standard is `null` while non-boarders are not covered (before 2019-09-01).
 *
 * @category Subsidies
 */
export interface LivingSubsidyEligibilityParams {
  /** `livingSubsidy.boarder`. */
  readonly boarder: { readonly primary: number; readonly junior: number };
  /** `livingSubsidy.nonBoarder`. */
  readonly nonBoarder: { readonly primary: number | null; readonly junior: number | null };
  /**
   * `livingSubsidy.eligibleLocations`: whom the boarder subsidy and the two rural-qualified
   * non-boarder categories cover. A category's value is `undefined` before its rule is in force
   * (before 2019-09-01): no qualifier applies then.
   */
  readonly locations: {
    readonly boarders: EligibleLocation;
    readonly subsistenceAllowance: EligibleLocation | undefined;
    readonly extremePovertySupport: EligibleLocation | undefined;
  };
}

/**
 * One reason behind a decision: `'hardship'` / `'no-hardship'`; `'boarder'`; `'non-boarder-covered'`
 * / `'non-boarder-not-covered'` (the non-boarder subsidy in force or not); `'no-non-boarder-category'`
 * (a non-boarder whose hardship is none of the four 2019 categories); `'urban-not-covered'` (a rural
 * qualifier in force excludes an urban pupil); `'rural-assumed'` (a rural qualifier applies and
 * `rural` was not given: read as rural).
 *
 * @category Subsidies
 */
export interface EligibilityReason {
  readonly code: 'hardship' | 'no-hardship' | 'boarder' | 'non-boarder-covered' | 'non-boarder-not-covered' | 'no-non-boarder-category' | 'urban-not-covered' | 'rural-assumed';
  readonly message: Bilingual;
}

/** What {@link livingSubsidyEligibilityRule} decides, money in integer fen. @category Subsidies */
export interface LivingSubsidyEligibilityOutcome {
  readonly eligible: boolean;
  /** The annual standard for the pupil's stage and boarding status, in fen; 0 when not eligible. */
  readonly annualFen: number;
  readonly reasons: EligibilityReason[];
}

/** What {@link livingSubsidyEligibility} returns. @category Subsidies */
export interface LivingSubsidyEligibilityResult extends Explained {
  readonly eligible: boolean;
  /** The annual standard for the pupil's stage and boarding status; 0 when not eligible. */
  readonly annualAmount: Decimal;
  readonly reasons: EligibilityReason[];
}

const HARDSHIP_ZH: Record<Hardship, string> = {
  'registered-poor': '建档立卡家庭',
  'subsistence-allowance': '低保家庭',
  'extreme-poverty-support': '特困供养家庭',
  'disabled-poor-family': '家庭经济困难残疾学生',
  'family-hardship': '家庭经济困难（当地认定）',
};

/** The leaf key of a non-boarder category's location rule, for the two that have one. */
const LOCATION_KEY = { 'subsistence-allowance': 'subsistenceAllowance', 'extreme-poverty-support': 'extremePovertySupport' } as const;

/** The non-boarder categories a pupil has, each with the location rule it carries (`undefined`: none). */
function nonBoarderCategories(pupil: PupilRecord, p: LivingSubsidyEligibilityParams): Array<{ hardship: Hardship; rule: EligibleLocation | undefined }> {
  const out: Array<{ hardship: Hardship; rule: EligibleLocation | undefined }> = [];
  for (const h of pupil.hardship) {
    if (!(NON_BOARDER_HARDSHIPS as readonly Hardship[]).includes(h)) continue;
    const key = h === 'subsistence-allowance' || h === 'extreme-poverty-support' ? LOCATION_KEY[h] : undefined;
    out.push({ hardship: h, rule: key === undefined ? undefined : p.locations[key] });
  }
  return out;
}

const URBAN_NOT_COVERED = (what: { zh: string; en: string }): EligibilityReason => ({
  code: 'urban-not-covered',
  message: { zh: `非农村学生：${what.zh}仅覆盖农村学生`, en: `Not rural: ${what.en} covers rural pupils only` },
});
const RURAL_ASSUMED = (what: { zh: string; en: string }): EligibilityReason => ({
  code: 'rural-assumed',
  message: { zh: `${what.zh}仅覆盖农村学生；未给出 rural，按农村学生处理`, en: `${what.en} covers rural pupils only; rural not given, read as rural` },
});

/**
 * The pure rule of {@link livingSubsidyEligibility}: whether a validated pupil is eligible on
 * `call.asOf`, the annual standard and the reasons. A boarder with any hardship category qualifies
 * (where the boarder rule covers rural boarders only, a rural one); a non-boarder qualifies through
 * one of the four 2019 categories, the rural qualifiers of 低保 and 特困 applied, while the
 * non-boarder standard is in force (not `null`). `rural` absent is read as rural.
 *
 * @category Subsidies
 */
export function livingSubsidyEligibilityRule(pupil: PupilRecord, p: LivingSubsidyEligibilityParams, call: { readonly asOf: IsoDate }): LivingSubsidyEligibilityOutcome {
  const rate = pupil.boarding ? p.boarder[pupil.stage] : p.nonBoarder[pupil.stage];
  const reasons: EligibilityReason[] = [];
  const hasHardship = pupil.hardship.length > 0;
  const rural = pupil.rural ?? true;
  reasons.push(
    hasHardship
      ? { code: 'hardship', message: { zh: `属于家庭经济困难学生：${pupil.hardship.map((h) => HARDSHIP_ZH[h]).join('、')}`, en: `From a family in hardship: ${pupil.hardship.join(', ')}` } }
      : { code: 'no-hardship', message: { zh: '不属于任何家庭经济困难类别', en: 'No hardship category applies' } },
  );
  let qualifies = hasHardship;
  if (pupil.boarding) {
    reasons.push({ code: 'boarder', message: { zh: '寄宿生，适用寄宿生生活补助标准（任一家庭经济困难类别均可）', en: 'A boarder: the boarder standard applies (any hardship category qualifies)' } });
    if (hasHardship && p.locations.boarders === 'rural') {
      const what = { zh: `${call.asOf} 寄宿生生活补助`, en: `On ${call.asOf} the boarder subsidy` };
      if (pupil.rural === false) {
        reasons.push(URBAN_NOT_COVERED(what));
        qualifies = false;
      } else if (pupil.rural === undefined) reasons.push(RURAL_ASSUMED(what));
    }
  } else if (rate === null) {
    reasons.push({ code: 'non-boarder-not-covered', message: { zh: `${call.asOf} 非寄宿生尚未纳入生活补助（2019年秋季学期起纳入）`, en: `On ${call.asOf} non-boarders are not yet covered (covered from the 2019 autumn semester)` } });
  } else {
    reasons.push({ code: 'non-boarder-covered', message: { zh: '非寄宿生，适用非寄宿生生活补助标准', en: 'A non-boarder: the non-boarder standard applies' } });
    if (hasHardship) {
      const categories = nonBoarderCategories(pupil, p);
      if (categories.length === 0) {
        reasons.push({
          code: 'no-non-boarder-category',
          message: { zh: '非寄宿生须属于建档立卡、农村低保、农村特困供养家庭学生或家庭经济困难残疾学生之一', en: 'A non-boarder must be registered poor, from a rural subsistence-allowance or extreme-poverty-support family, or a disabled pupil from a poor family' },
        });
        qualifies = false;
      } else {
        const open = categories.filter((c) => c.rule !== 'rural' || rural);
        const restricted = categories.filter((c) => c.rule === 'rural');
        const what = { zh: restricted.map((c) => HARDSHIP_ZH[c.hardship]).join('、'), en: `the ${restricted.map((c) => c.hardship).join(', ')} category` };
        if (open.length === 0) {
          reasons.push(URBAN_NOT_COVERED(what));
          qualifies = false;
        } else if (pupil.rural === undefined && open.every((c) => c.rule === 'rural')) {
          // Eligible only because the pupil was read as rural: say so.
          reasons.push(RURAL_ASSUMED(what));
        }
      }
    }
  }
  const eligible = qualifies && rate !== null;
  return { eligible, annualFen: eligible ? (rate as number) : 0, reasons };
}

/**
 * Whether one pupil receives the 一补 living subsidy, and how much a year.
 *
 * - **Boarders** (家庭经济困难寄宿生): any hardship category qualifies, `'family-hardship'`
 *   (家庭经济困难 as recognised locally) included. From 2011-09-01 the subsidy was for rural boarders
 *   (`livingSubsidy.eligibleLocations.boarders: 'rural'`, secondary source); from the 2017 spring
 *   semester (2017-03-01, 国发〔2015〕67号 统一城乡“两免一补”) urban boarders too.
 * - **Non-boarders** (from the 2019 autumn semester, 2019-09-01, at 50 % of the boarder rate): only
 *   the four categories of the 2019 rule qualify — 建档立卡 (`'registered-poor'`), 农村低保
 *   (`'subsistence-allowance'`), 农村特困救助供养 (`'extreme-poverty-support'`) and 家庭经济困难残疾学生
 *   (`'disabled-poor-family'`); the two the text calls 农村 keep that qualifier
 *   (`livingSubsidy.eligibleLocations.subsistenceAllowance`, `.extremePovertySupport`: `'rural'`).
 *   `'family-hardship'` alone does not qualify a non-boarder.
 * - **`rural`** (optional): whether the pupil counts as rural for the rule that applies — a rural
 *   school's boarder (the 2011 boarder rule), a family on rural 低保 or 特困 support (the 2019
 *   categories). **Default: rural** (`true`), so a caller who does not record it gets the result of
 *   the categories alone; where a rural qualifier decided the result, the reasons say
 *   `'rural-assumed'`. Give `rural: false` for an urban pupil.
 *
 * Amounts are the national base standards in force on `asOf` (`livingSubsidy.boarder`,
 * `livingSubsidy.nonBoarder`); provinces may pay more. Several categories do not add up.
 *
 * @category Subsidies
 * @function
 * @param input - `{ stage: 'primary' | 'junior', boarding, hardship: [...], rural? }`.
 * @param options - `{ asOf?, parameters? }`.
 * @throws {@link PolicyInputError} for invalid input or a date before 2011-09-01.
 * @example
 * ```ts
 * const r = livingSubsidyEligibility(
 *   { stage: 'junior', boarding: false, hardship: ['subsistence-allowance'] },
 *   { asOf: '2024-09-01' },
 * );
 * r.eligible; //=> true
 * r.annualAmount.toString(); //=> '750'
 * // A boarder gets the boarder standard; a non-boarder nothing before the 2019 autumn semester.
 * livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['registered-poor'] }, { asOf: '2024-09-01' }).annualAmount.toString(); //=> '1250'
 * livingSubsidyEligibility({ stage: 'junior', boarding: true, hardship: [] }, { asOf: '2024-09-01' }).eligible; //=> false
 * livingSubsidyEligibility({ stage: 'primary', boarding: false, hardship: ['registered-poor'] }, { asOf: '2019-08-31' }).eligible; //=> false
 * ```
 * @example
 * Family hardship as recognised locally qualifies a boarder, not a non-boarder; the rural qualifiers by date:
 * ```ts
 * livingSubsidyEligibility({ stage: 'primary', boarding: true, hardship: ['family-hardship'] }, { asOf: '2025-09-01' }).annualAmount.toString(); //=> '1250'
 * livingSubsidyEligibility({ stage: 'primary', boarding: false, hardship: ['family-hardship'] }, { asOf: '2025-09-01' }).eligible; //=> false
 * // An urban boarder: not covered before the 2017 spring semester, covered after.
 * livingSubsidyEligibility({ stage: 'junior', boarding: true, hardship: ['family-hardship'], rural: false }, { asOf: '2016-09-01' }).eligible; //=> false
 * livingSubsidyEligibility({ stage: 'junior', boarding: true, hardship: ['family-hardship'], rural: false }, { asOf: '2017-03-01' }).eligible; //=> true
 * // An urban non-boarder under 特困 support: the 2019 category is rural (农村特困救助供养学生).
 * livingSubsidyEligibility({ stage: 'junior', boarding: false, hardship: ['extreme-poverty-support'], rural: false }, { asOf: '2024-09-01' }).eligible; //=> false
 * ```
 */
export const livingSubsidyEligibility = defineCalculator({
  name: 'livingSubsidyEligibility',
  provisions: ['5.1'],
  input: pupilSchema,
  reads: (p) => ({
    boarder: p.livingSubsidy.boarder,
    nonBoarder: p.livingSubsidy.nonBoarder,
    locations: {
      boarders: p.livingSubsidy.eligibleLocations.boarders,
      // The rural qualifiers of two 2019 categories: not in force before the non-boarder subsidy.
      subsistenceAllowance: inForce(p.livingSubsidy.eligibleLocations.subsistenceAllowance),
      extremePovertySupport: inForce(p.livingSubsidy.eligibleLocations.extremePovertySupport),
    },
  }),
  rule: livingSubsidyEligibilityRule,
  result(outcome, call): LivingSubsidyEligibilityResult {
    const pupil = call.input;
    const { eligible, annualFen: fen, reasons } = outcome;
    // The values behind the decision: the standard, and the location rules the pupil's case consulted.
    const paths = [(pupil.boarding ? L.boarder : L.nonBoarder)[pupil.stage].path];
    if (pupil.boarding) {
      if (pupil.hardship.length > 0) paths.push(L.eligibleLocations.boarders.path);
    } else if (outcome.reasons.some((r) => r.code === 'non-boarder-covered')) {
      for (const h of pupil.hardship) if (h === 'subsistence-allowance' || h === 'extreme-poverty-support') paths.push(L.eligibleLocations[LOCATION_KEY[h]].path);
    }
    const used = call.used.filter((u) => paths.includes(u.path));
    const result = { eligible, annualAmount: fenToDecimal(fen), reasons, citations: citationsOf(used) };
    return defineLazy(result, 'explanation', () => [
      ...parameterSteps(used),
      ...reasons.map((r) => step('5.1', r.message.zh, r.message.en)),
      step('5.1',
        eligible ? `符合条件，每年补助 ${fenToYuanString(fen)} 元` : '不符合条件，补助 0 元',
        eligible ? `Eligible: ${fenToYuanString(fen)} yuan a year` : 'Not eligible: 0 yuan',
        { eligible, annualAmount: fenToYuanString(fen) }),
    ]) as LivingSubsidyEligibilityResult;
  },
});

/**
 * {@link livingSubsidyEligibility} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Subsidies
 */
export const safeLivingSubsidyEligibility = safe(livingSubsidyEligibility);
