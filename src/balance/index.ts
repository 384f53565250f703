/** The balance area (优质均衡 county assessment, opinion 1.1 and 6.3): re-exported by src/index.ts. */
export * from './schemas.js';
export * from './assessBalancedDevelopment.js';
export * from './balanceGap.js';
export * from './differenceCoefficient.js';
export * from './splitSchool.js';
export * from './evidence.js';
export * from './assessGovernmentGuarantees.js';
export * from './assessVetoes.js';
export * from './assessCounty.js';
export type { QualityId, QualityItem, QualityResult, QualityParameters } from './quality.js';
export type { RecognitionResult, RecognitionParameters } from './recognition.js';
export type { BalancedDevelopmentResult, StageAssessment, IndicatorAssessment, SchoolAssessment, MissedIndicator } from './result.js';
export type { BalanceParameters, SchoolOutcome, IndicatorOutcome, StageOutcome } from './rule.js';
