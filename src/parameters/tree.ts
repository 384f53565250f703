import type { ParameterNode, PatchOf } from '../core/parameters.js';
import type { LocalValue } from '../core/patch.js';
import { balanceParameters } from '../balance/parameters.js';
import { classesParameters } from '../classes/parameters.js';
import { fundingParameters } from '../funding/parameters.js';
import { planningParameters } from '../planning/parameters.js';
import { livingSubsidyParameters } from '../subsidies/parameters.js';
import { opinionParameters } from './opinion.js';
import { teachersParameters } from '../teachers/parameters.js';
import { wellbeingParameters } from '../wellbeing/parameters.js';

/**
 * junheng's parameter tree: every figure the rules read, each a list of dated values with its source
 * and confidence. Semester rates start on 03-01 (spring) and 09-01 (autumn). The opinion's own
 * values start on `opinion.effectiveFrom` (default 2017-05-23), so one patch moves them all. A
 * value may say until when a source confirms it (`confirmedThrough`); after that day it is listed
 * as `stale`. A date before a parameter's first value is an error on `asOf`, not a silent zero.
 *
 * @category Parameters
 */
export const parameterTree = {
  opinion: opinionParameters,
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
 * show it with `local: true`, source `'override'` and confidence `'unverified'`.
 *
 * A local parameter set is the same shape, whose values may be wrapped as
 * `{ value, from?, source?, note? }` ({@link LocalValue}): listings and explanations then show the
 * wrapper's `source` and `note`, and the value applies only from its `from`. An object is such a
 * wrapper exactly when it has a `value` key and no keys other than these four.
 *
 * @category Parameters
 * @example
 * ```ts
 * const patch: ParameterOverrides = { funding: { benchmark: { primary: { central: 720 } } } };
 * const local: ParameterOverrides = { funding: { benchmark: { primary: { value: 750, from: '2020-01-01', source: '南教计〔2020〕4号' } } } };
 * ```
 */
export type ParameterOverrides = PatchOf<ParameterTree>;
