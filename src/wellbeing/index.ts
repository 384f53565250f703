/** The wellbeing area (opinion 3.2, 3.3, 6.2, 6.3, 7.1): re-exported by src/index.ts. */
export * from './physicalAndArtsCheck.js';
export * from './parentSchoolCoverage.js';
export * from './evaluationPolicyCheck.js';
export * from './careLedgerCheck.js';
export * from './connectivityCoverage.js';
export * from './securityPostCheck.js';
export * from './parameters.js';
export type { Coverage, TargetDeadline } from './internal.js';
