import type { ParameterNode, PatchOf } from '../core/parameters.js';
import { balanceParameters } from '../balance/parameters.js';
import { classesParameters } from '../classes/parameters.js';
import { fundingParameters } from '../funding/parameters.js';
import { planningParameters } from '../planning/parameters.js';
import { livingSubsidyParameters } from '../subsidies/parameters.js';
import { teachersParameters } from '../teachers/parameters.js';
import { wellbeingParameters } from '../wellbeing/parameters.js';

/**
 * junheng's parameter tree: every figure the rules read, each a list of dated values with its source
 * and confidence. Semester rates start on 03-01 (spring) and 09-01 (autumn). A date before a
 * parameter's first value is an error on `asOf`, not a silent zero.
 *
 * @category Parameters
 */
export const parameterTree = {
  funding: fundingParameters,
  livingSubsidy: livingSubsidyParameters,
  classes: classesParameters,
  teachers: teachersParameters,
  balance: balanceParameters,
  planning: planningParameters,
  wellbeing: wellbeingParameters,
} as const satisfies ParameterNode;

/** The parameter tree's type. @category Parameters */
export type ParameterTree = typeof parameterTree;

/**
 * A deep partial patch of the parameter tree, as `options.parameters` takes it. Paths are the same
 * as in {@link listParameters}. A region-specific value takes one value for all regions or
 * `{ east?, central?, west? }`. A patched value replaces the value in force on `asOf`; listings
 * show it with source `'override'` and confidence `'unverified'`.
 *
 * @category Parameters
 * @example
 * ```ts
 * const patch: ParameterOverrides = { funding: { benchmark: { primary: { central: 720 } } } };
 * ```
 */
export type ParameterOverrides = PatchOf<ParameterTree>;
