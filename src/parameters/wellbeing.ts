import type { ParameterNode } from '../core/parameters.js';

/** Parameters of the wellbeing area. @category Parameters */
export const wellbeingParameters = {} as const satisfies ParameterNode;
