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
export { TRAINING_CYCLE_CHOICES } from './trainingCycle.js';
export type { TrainingCycle, TrainingCycleChoice, TrainingOptions, TrainingOutcome, TrainingParams, TrainingStatus } from './trainingCycle.js';
export type { TrainingComplianceResult, TrainingSummary } from './trainingResult.js';
