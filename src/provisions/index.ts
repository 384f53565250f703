import type { ProvisionRecord } from '../core/provision.js';
import { calculators } from '../calculators.js';
import { provisionItems } from './items.js';

/**
 * Id of one of the opinion's 24 items, `'1.1'` … `'8.3'`. A wrong id fails the compiler.
 *
 * @category Provisions
 */
export type ProvisionId =
  | '1.1' | '1.2' | '1.3'
  | '2.1' | '2.2' | '2.3'
  | '3.1' | '3.2' | '3.3'
  | '4.1' | '4.2' | '4.3' | '4.4'
  | '5.1' | '5.2'
  | '6.1' | '6.2' | '6.3' | '6.4'
  | '7.1' | '7.2'
  | '8.1' | '8.2' | '8.3';

// The union above and the register's ids must agree, both ways; tsc fails otherwise.
type RegisterId = (typeof provisionItems)[number]['id'];
const idsAgree: [ProvisionId] extends [RegisterId] ? ([RegisterId] extends [ProvisionId] ? true : never) : never = true;
void idsAgree;

/**
 * The opinion's 24 items, in printed order: Chinese text as printed, English title and summary,
 * responsible units as full names, and the exported functions that encode each item (or why none
 * can). `implementedBy` is derived from the calculators' own declarations (their `provisions`).
 *
 * @category Provisions
 * @example
 * ```ts
 * const item = provisions.find((p) => p.id === '5.1');
 * item?.responsibleUnits; //=> ['区财政局', '区教育局', '区发改局', '各镇街']
 * ```
 */
export const provisions: readonly ProvisionRecord[] = provisionItems.map((item) => ({
  ...item,
  // Derived from the calculators' declarations: a function encodes the items it declares.
  implementedBy: calculators.filter((c) => (c.provisions as readonly string[]).includes(item.id)).map((c) => c.name),
}));

/**
 * The item with `id`.
 *
 * @category Provisions
 * @example
 * ```ts
 * getProvision('5.1').title.zh; //=> '提高城乡义务教育经费保障水平'
 * ```
 */
export function getProvision(id: ProvisionId): ProvisionRecord {
  return provisions.find((p) => p.id === id) as ProvisionRecord;
}
