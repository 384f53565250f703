import type { PolicyIssue } from '../core/errors.js';
import { readOptions as readCoreOptions, type CalculatorOptions as CoreOptions } from '../core/options.js';
import type { ResolveContext } from '../core/resolve.js';
import { parameterTree, type ParameterOverrides } from './tree.js';

/**
 * Options every calculator takes as its last, optional argument: `asOf` (the day whose values
 * apply; default today), `region` (东部 `'east'`, 中部 `'central'`, 西部 `'west'`, needed only where
 * a value used differs by region) and `parameters` (a deep partial patch of the parameter tree,
 * validated like any input).
 *
 * @category Parameters
 */
export type CalculatorOptions = CoreOptions<ParameterOverrides>;

/** Reads options against the whole parameter tree. @internal */
export function readOptions(options: unknown, issues: PolicyIssue[]): ResolveContext {
  return readCoreOptions(options, issues, parameterTree);
}
