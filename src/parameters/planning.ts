import type { ParameterNode } from '../core/parameters.js';

/** Parameters of the planning area. @category Parameters */
export const planningParameters = {} as const satisfies ParameterNode;
