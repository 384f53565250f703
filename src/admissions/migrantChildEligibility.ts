import * as z from 'zod/mini';
import { toIsoDate, type DateInput, type IsoDate } from '../core/dates.js';
import { defineLazy, step, type Explained } from '../core/explain.js';
import { dateSchema, idSchema, listOf, record, yesNo } from '../core/schemas.js';
import type { Bilingual } from '../core/types.js';
import { defineCalculator, safe } from '../parameters/kit.js';

/**
 * A migrant child (随迁子女) applying for a compulsory-education place.
 *
 * - `residencePermit`: whether the family holds a residence permit (居住证): `true` / `false`, or
 *   `{ validUntil }` to have its validity checked on `asOf` (valid through that day, inclusive).
 * - `districtConditions`: further conditions the district sets in its specific measures (opinion 6.1:
 *   随迁子女特别集中的城区，将根据实际情况制定具体办法), each with an id of your choosing and whether
 *   the child meets it. junheng invents none: it only applies those given.
 *
 * @category Admissions
 */
export const migrantChildSchema = record(
  {
    id: z.optional(idSchema),
    residencePermit: z.union(
      [yesNo('the family holds a residence permit'), record({ validUntil: dateSchema }, 'a residence permit { validUntil }')],
      { error: (iss) => (iss.input === undefined ? 'is required (true, false, or { validUntil })' : 'must be true, false, or { validUntil }') },
    ),
    districtConditions: z.optional(
      listOf(record({ id: idSchema, met: yesNo('whether the child meets the condition') }, 'a condition { id, met }'), 'conditions { id, met }'),
    ),
  },
  'a child object { residencePermit, districtConditions?, id? }',
);
/** @category Admissions */
export type MigrantChild = z.input<typeof migrantChildSchema>;

/** A validated child, as {@link migrantChildEligibilityRule} reads it. @category Admissions */
export interface MigrantChildRecord {
  readonly id?: string | undefined;
  /** `true` / `false`, or the permit's last valid day (a valid calendar date). */
  readonly residencePermit: boolean | { readonly validUntil: DateInput };
  readonly districtConditions?: readonly { readonly id: string; readonly met: boolean }[] | undefined;
}

/** One reason behind a migrant child's eligibility. @category Admissions */
export interface MigrantEligibilityReason {
  readonly code: 'permit-valid' | 'no-permit' | 'permit-expired' | 'condition-met' | 'condition-unmet';
  readonly message: Bilingual;
}

/** What {@link migrantChildEligibilityRule} decides. @category Admissions */
export interface MigrantChildOutcome {
  /** True when the residence permit is valid on `asOf` and every district condition given is met. */
  readonly eligible: boolean;
  readonly residencePermitValid: boolean;
  /** Ids of the district conditions not met. */
  readonly unmetConditions: string[];
  readonly reasons: MigrantEligibilityReason[];
}

/** What {@link migrantChildEligibility} returns. @category Admissions */
export interface MigrantChildEligibilityResult extends MigrantChildOutcome, Explained {}

/**
 * The pure rule of {@link migrantChildEligibility}: whether a validated child's residence permit is
 * valid on `call.asOf` (inclusive) and every district condition given is met, with the reasons in
 * order (the permit, then each condition). Reads no parameters: pass `{}` for them.
 *
 * @category Admissions
 */
export function migrantChildEligibilityRule(child: MigrantChildRecord, _params: unknown, call: { readonly asOf: IsoDate }): MigrantChildOutcome {
  const asOf = call.asOf;
  const reasons: MigrantEligibilityReason[] = [];
  let permitValid: boolean;
  if (typeof child.residencePermit === 'boolean') {
    permitValid = child.residencePermit;
    reasons.push(
      permitValid
        ? { code: 'permit-valid', message: { zh: '持有居住证', en: 'The family holds a residence permit' } }
        : { code: 'no-permit', message: { zh: '未持有居住证', en: 'The family holds no residence permit' } },
    );
  } else {
    const until = toIsoDate(child.residencePermit.validUntil) as IsoDate;
    permitValid = until >= asOf;
    reasons.push(
      permitValid
        ? { code: 'permit-valid', message: { zh: `居住证有效期至 ${until}，${asOf} 有效`, en: `Residence permit valid until ${until}: valid on ${asOf}` } }
        : { code: 'permit-expired', message: { zh: `居住证有效期至 ${until}，${asOf} 已过期`, en: `Residence permit valid until ${until}: expired on ${asOf}` } },
    );
  }
  const unmetConditions: string[] = [];
  for (const condition of child.districtConditions ?? []) {
    if (condition.met) {
      reasons.push({ code: 'condition-met', message: { zh: `符合区定条件 ${condition.id}`, en: `Meets the district condition ${condition.id}` } });
    } else {
      unmetConditions.push(condition.id);
      reasons.push({ code: 'condition-unmet', message: { zh: `不符合区定条件 ${condition.id}`, en: `Does not meet the district condition ${condition.id}` } });
    }
  }
  return { eligible: permitValid && unmetConditions.length === 0, residencePermitValid: permitValid, unmetConditions, reasons };
}

/**
 * Whether a migrant child (随迁子女) is eligible for a place under the residence-permit route.
 *
 * Encodes opinion **6.1** (建立以居住证为主要依据的随迁子女入学政策; 随迁子女特别集中的城区，将根据实际情况
 * 制定具体办法): the residence permit (居住证) is the main basis; a permit given as `{ validUntil }` must
 * be valid on `asOf` (inclusive). The district's further conditions are inputs
 * (`districtConditions`), never junheng's own: the opinion gives no numbers (years of residence,
 * social insurance) and junheng invents none. The permit is the *main* basis, not the only one: a
 * child found not eligible here may still be admitted under the district's specific measures, and the
 * explanation says so.
 *
 * @category Admissions
 * @function
 * @param input - `{ residencePermit: boolean | { validUntil }, districtConditions?: [{ id, met }], id? }`.
 * @param options - `{ asOf? }`: the day the permit must be valid on (default today).
 * @returns Whether eligible, whether the permit is valid, the unmet conditions, reasons, citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options.
 * @example
 * ```ts
 * const r = migrantChildEligibility(
 *   { residencePermit: { validUntil: '2026-06-30' }, districtConditions: [{ id: 'social-insurance-1-year', met: true }] },
 *   { asOf: '2025-09-01' },
 * );
 * r.eligible; //=> true
 * migrantChildEligibility({ residencePermit: { validUntil: '2025-08-31' } }, { asOf: '2025-09-01' }).eligible; //=> false
 * ```
 */
export const migrantChildEligibility = defineCalculator({
  name: 'migrantChildEligibility',
  provisions: ['6.1'],
  input: migrantChildSchema,
  rule: migrantChildEligibilityRule,
  result(outcome): MigrantChildEligibilityResult {
    const { eligible, reasons } = outcome;
    const result = { ...outcome, citations: ['6.1'] };
    return defineLazy(result, 'explanation', () => [
      step('6.1', '建立以居住证为主要依据的随迁子女入学政策', 'Migrant children are admitted with the residence permit as the main basis'),
      ...reasons.map((r) => step('6.1', r.message.zh, r.message.en)),
      step('6.1',
        eligible
          ? '符合以居住证为主要依据的入学条件'
          : '不符合以居住证为主要依据的入学条件；随迁子女特别集中的城区可能另有具体办法',
        eligible
          ? 'Eligible under the residence-permit route'
          : "Not eligible under the residence-permit route; the district's specific measures may still provide a place",
        { eligible }),
    ]) as MigrantChildEligibilityResult;
  },
});

/**
 * {@link migrantChildEligibility} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Admissions
 */
export const safeMigrantChildEligibility = safe(migrantChildEligibility);
