import { calculatorKit } from '../core/calculator.js';
import type { ProvisionId } from '../provisions/index.js';
import { parameterTree } from './tree.js';

/**
 * The declaration kit bound to junheng's parameter tree and provision ids: every calculator of every
 * area is declared with {@link defineCalculator}, so its safe form, JSON Schema, `implementedBy`
 * entry and policy-map parameters all come from one declaration.
 *
 * @internal
 */
export const { defineCalculator, declareFunction, prepare, safe } = calculatorKit<typeof parameterTree, ProvisionId>(parameterTree);
