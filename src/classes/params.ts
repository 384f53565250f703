import type { PolicyIssue } from '../core/errors.js';
import { resolve, snapshotByDay, type Resolved, type ResolveContext, type UsedValue } from '../core/parameters.js';
import { parameterTree } from '../parameters/tree.js';

type Classes = typeof parameterTree.classes;

/** Band of a class: 0 standard, 1 over-standard, 2 large, 3 super-large. @internal */
export type BandCode = 0 | 1 | 2 | 3;

/** The class-size bands, in order. @category Classes */
export const CLASS_SIZE_STATUSES = ['standard', 'over-standard', 'large', 'super-large'] as const;
/** @category Classes */
export type ClassSizeStatus = (typeof CLASS_SIZE_STATUSES)[number];

/** The class-size parameters one call or batch reads. @internal */
export interface ClassParams {
  readonly standard: Resolved<Classes['standardSize']>;
  readonly largeFrom: number;
  readonly superLargeFrom: number;
  /** Every value read, by dot path. */
  readonly used: ReadonlyMap<string, UsedValue>;
}

/**
 * Resolves the class-size parameters once for a call or batch, and checks that an override keeps
 * the bands in order (large below super-large). Cached by day when there are no overrides.
 *
 * @internal
 */
export const classParams = snapshotByDay((ctx: ResolveContext, issues: PolicyIssue[]): ClassParams | undefined => {
  const c = parameterTree.classes;
  const used: UsedValue[] = [];
  const before = issues.length;
  const standard = resolve(c.standardSize, 'classes.standardSize', ctx, issues, used);
  const largeFrom = resolve(c.largeFrom, 'classes.largeFrom', ctx, issues, used);
  const superLargeFrom = resolve(c.superLargeFrom, 'classes.superLargeFrom', ctx, issues, used);
  if (issues.length > before) return undefined;
  if (superLargeFrom <= largeFrom) {
    issues.push({
      path: ['parameters', 'classes', 'superLargeFrom'],
      code: 'inconsistent',
      message: `must be greater than classes.largeFrom (${superLargeFrom} is not greater than ${largeFrom})`,
    });
    return undefined;
  }
  return { standard, largeFrom, superLargeFrom, used: new Map(used.map((u) => [u.path, u])) };
});

/** The standard size of a class. @internal */
export function standardOf(p: ClassParams, stage: 'primary' | 'junior', incomplete: boolean | undefined): number {
  return stage === 'junior' ? p.standard.junior : incomplete === true ? p.standard.incompletePrimary : p.standard.primary;
}

/**
 * The band of a class: 66+ super-large, 56+ large (以上 includes the number), above the standard
 * over-standard, else standard. Pure, a few comparisons.
 *
 * @internal
 */
export function bandOf(size: number, standard: number, p: ClassParams): BandCode {
  return size >= p.superLargeFrom ? 3 : size >= p.largeFrom ? 2 : size > standard ? 1 : 0;
}

/** The parameter path of a class's standard size. @internal */
export function standardPath(stage: 'primary' | 'junior', incomplete: boolean | undefined): string {
  return stage === 'junior' ? 'classes.standardSize.junior' : incomplete === true ? 'classes.standardSize.incompletePrimary' : 'classes.standardSize.primary';
}

/** Chinese names of the bands. @internal */
export const BAND_ZH: Record<ClassSizeStatus, string> = {
  standard: '标准班额',
  'over-standard': '超标准班额',
  large: '大班额',
  'super-large': '超大班额',
};
