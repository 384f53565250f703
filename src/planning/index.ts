/** The planning area (opinion 1.1, 1.2, 8.2, and the dated targets of 1.3, 2.3, 3.2, 3.3): re-exported by src/index.ts. */
export * from './seatSupply.js';
export * from './specialEducationSchoolCheck.js';
export * from './supportingSchoolCheck.js';
export * from './rectificationStatus.js';
export * from './opinionTargets.js';
export * from './parameters.js';
