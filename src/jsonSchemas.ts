import * as z from 'zod';
import { schoolListSchema, schoolSchema } from './core/school.js';
import { pupilSchema } from './subsidies/livingSubsidyEligibility.js';
import { admissionsInputSchemas } from './admissions/index.js';
import { balanceInputSchemas } from './balance/index.js';
import { classesInputSchemas } from './classes/index.js';
import { teachersInputSchemas } from './teachers/index.js';
import { planningInputSchemas } from './planning/index.js';
import { wellbeingInputSchemas } from './wellbeing/index.js';

/**
 * The zod schema of each calculator's first argument, by calculator name.
 *
 * @category Schemas
 */
export const inputSchemas = {
  publicFunding: schoolSchema,
  allocateBudget: schoolListSchema,
  livingSubsidyBudget: schoolSchema,
  livingSubsidyEligibility: pupilSchema,
  ...classesInputSchemas,
  ...admissionsInputSchemas,
  ...teachersInputSchemas,
  ...balanceInputSchemas,
  ...planningInputSchemas,
  ...wellbeingInputSchemas,
} as const;

/** Name of a calculator with a published input schema. @category Schemas */
export type CalculatorName = keyof typeof inputSchemas;

/** A JSON Schema document (draft 2020-12). @category Schemas */
export type JsonSchema = Record<string, unknown>;

const cache = new Map<string, JsonSchema>();
const toJson = (name: CalculatorName): JsonSchema => {
  let schema = cache.get(name);
  if (schema === undefined) {
    // Cross-field checks (boarders within pupils) have no JSON Schema form; they are listed in the description.
    schema = z.toJSONSchema(inputSchemas[name], { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as JsonSchema;
    cache.set(name, schema);
  }
  return schema;
};

/**
 * JSON Schema (draft 2020-12) of each calculator's first argument, so that a form or another
 * language knows what to send without running anything. Built on first read.
 *
 * @category Schemas
 * @example
 * ```ts
 * jsonSchemas.publicFunding.required; //=> ['id', 'location', 'pupils']
 * ```
 */
export const jsonSchemas: Readonly<Record<CalculatorName, JsonSchema>> = Object.freeze(
  Object.defineProperties({} as Record<CalculatorName, JsonSchema>, Object.fromEntries(
    (Object.keys(inputSchemas) as CalculatorName[]).map((name) => [name, { enumerable: true, get: () => toJson(name) }]),
  )),
);
