/** The living-subsidy area (opinion 5.1, 一补): the boarder subsidy budget and a pupil's eligibility. */
export * from './livingSubsidyBudget.js';
export * from './livingSubsidyEligibility.js';
export * from './parameters.js';
