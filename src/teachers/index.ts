/** The teachers area (opinion 4.2, 4.3, 4.4): re-exported by src/index.ts. */
export * from './schemas.js';
export * from './trainingRule.js';
export * from './trainingCompliance.js';
export * from './trainingReport.js';
export * from './trainingTally.js';
export * from './payParity.js';
export * from './rotation.js';
export * from './staffing.js';
export * from './parameters.js';
export type { TrainingCycle, TrainingOutcome, TrainingParams } from './trainingCycle.js';
export type { TrainingComplianceResult, TrainingSummary } from './trainingResult.js';
