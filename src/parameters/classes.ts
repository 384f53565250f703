import type { ParameterNode } from '../core/parameters.js';

/** Parameters of class size, school size and admissions (opinion 2.2, 2.3). @category Parameters */
export const classesParameters = {} as const satisfies ParameterNode;
