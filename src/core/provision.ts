/**
 * The shape of one item of the opinion in the provisions register.
 *
 * @category Provisions
 */
export interface ProvisionRecord {
  /** `S.I`: section number, dot, item number, e.g. `'5.1'`. */
  readonly id: string;
  /** The section the item belongs to (一 … 八). */
  readonly section: { readonly number: number; readonly zh: string; readonly en: string };
  /** The item's heading as printed (zh) and an English rendering written for junheng. */
  readonly title: { readonly zh: string; readonly en: string };
  /** The item's full text as printed in the opinion, heading and 责任单位 included. */
  readonly text: { readonly zh: string };
  /** A short English summary written for junheng (not a translation). */
  readonly summary: { readonly en: string };
  /** Responsible units (责任单位) as full names: `'区财政局'`, not `'财政局'`. */
  readonly responsibleUnits: readonly string[];
  /** Names of exported functions that encode the item. */
  readonly implementedBy: readonly string[];
  /** Why no function encodes the item, when `implementedBy` is empty. */
  readonly notComputable?: string;
  /** For an item encoded in part: what of it no function decides, and why. */
  readonly notYetEncoded?: string;
  /** Quirks of the printed text that junheng keeps rather than silently fixes. */
  readonly textNotes?: readonly string[];
}
