/** The admissions area (opinion 2.2, 6.1): re-exported by src/index.ts. */
export * from './enrolmentStatus.js';
export * from './admissionsPlanCheck.js';
export * from './migrantChildEligibility.js';
