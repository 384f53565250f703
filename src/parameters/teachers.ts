import type { ParameterNode } from '../core/parameters.js';

/** Parameters of teachers' training, pay and rotation (opinion 4.2, 4.3, 4.4). @category Parameters */
export const teachersParameters = {} as const satisfies ParameterNode;
