/**
 * junheng (均衡, "balance"): the district opinion 《统筹推进城乡义务教育一体化均衡发展的实施意见》 as
 * typed domain models and pure calculators.
 *
 * @packageDocumentation
 */
export { PolicyInputError, formatPath, type PolicyIssue, type IssueCode, type SafeResult } from './core/errors.js';
export { Decimal, type MoneyInput } from './core/money.js';
export type { DateInput, IsoDate } from './core/dates.js';
export type { ExplanationStep, Explained, PlainData } from './core/explain.js';
export { toPlainData } from './core/explain.js';
export type { Bilingual, Confidence, Location, Region, Stage } from './core/types.js';
export { LOCATIONS, REGIONS, STAGES } from './core/types.js';
export { MAX_COUNT, countSchema, moneySchema, dateSchema } from './core/schemas.js';
export type { ProvisionRecord } from './core/provision.js';
export type { AnyLeaf, Codec, Parsed, DatedValue, DateOf, StartDate, ParameterKind, PatchOf, LeafSpec, ParameterNode } from './core/parameters.js';
export { Leaf } from './core/parameters.js';
export type { UsedValue, Resolved, RuleContext, Selection, Snapshot, InForce, WhenNeeded } from './core/resolve.js';
export type { LocalValue, LocalMarks, LocalUsedValue } from './core/patch.js';
export type { Accepts, Calculator, CalculatorInfo, Declared, OptionsOf, RuleCall, Call } from './core/calculator.js';
export { schoolSchema, schoolListSchema, SCHOOL_KINDS, type School, type SchoolKind, type SchoolRecord } from './core/school.js';

export { provisions, getProvision, type ProvisionId } from './provisions/index.js';
export { sources, type SourceDocument, type SourceId } from './parameters/sources.js';
export { parameterTree, type ParameterOverrides, type ParameterTree } from './parameters/tree.js';
export type { CalculatorOptions } from './parameters/context.js';
export {
  listParameters,
  safeListParameters,
  describeParameters,
  type ParameterListing,
  type ParameterDescription,
  type DescribedValue,
} from './parameters/list.js';
export { calculators, type CalculatorName } from './calculators.js';
export { jsonSchemas, inputSchemas, type JsonSchema } from './jsonSchemas.js';

export * from './funding/index.js';
export * from './subsidies/index.js';
export * from './classes/index.js';
export * from './admissions/index.js';
export * from './teachers/index.js';
export * from './balance/index.js';
export * from './planning/index.js';
export * from './wellbeing/index.js';
