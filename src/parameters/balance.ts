import type { ParameterNode } from '../core/parameters.js';

/** Parameters of the 优质均衡 county assessment (opinion 1.1, 6.3; 教督〔2017〕6号). @category Parameters */
export const balanceParameters = {} as const satisfies ParameterNode;
