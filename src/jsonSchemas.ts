import * as z from 'zod/mini';
import { calculators, type CalculatorName } from './calculators.js';

export type { CalculatorName };

/**
 * The zod schema of each calculator's first argument, by calculator name: every declared
 * calculator that has one. The schemas are `zod/mini` schemas (the functional API of the same zod
 * package): parse with `z.safeParse(schema, value)` from `'zod/mini'`, or with the schema's own
 * `~standard.validate` (Standard Schema).
 *
 * @category Schemas
 */
export const inputSchemas: Readonly<Record<CalculatorName, z.ZodMiniType>> = Object.freeze(
  Object.fromEntries(calculators.flatMap((c) => (c.input === undefined ? [] : [[c.name, c.input]]))) as Record<CalculatorName, z.ZodMiniType>,
);

/** A JSON Schema document (draft 2020-12). @category Schemas */
export type JsonSchema = Record<string, unknown>;

const cache = new Map<string, JsonSchema>();
const toJson = (name: CalculatorName): JsonSchema => {
  let schema = cache.get(name);
  if (schema === undefined) {
    // Cross-field checks (boarders within pupils) have no JSON Schema form; they are listed in the description.
    schema = z.toJSONSchema(inputSchemas[name] as z.ZodMiniType, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as JsonSchema;
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
