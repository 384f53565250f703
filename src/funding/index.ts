/** The funding area (opinion 5.1): public funding of one school and of a whole roster. */
export * from './publicFunding.js';
export * from './allocateBudget.js';
export * from './rule.js';
export * from './parameters.js';
export type { PublicFundingResult, FundingComponent } from './result.js';
export { FLOOR_KINDS, floorBandsSchema, MAX_FLOOR_BANDS, type FloorBand, type FloorBandsInput, type FloorKind, type FloorRule } from './floors.js';
