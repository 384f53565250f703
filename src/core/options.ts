import * as z from 'zod/mini';
import { toIsoDate, today, type DateInput, type IsoDate } from './dates.js';
import type { PolicyIssue } from './errors.js';
import type { ParameterNode, PatchOf } from './parameters.js';
import { overridesOn, readPatch, type LocalValue } from './patch.js';
import type { ResolveContext } from './resolve.js';
import { choice, dateSchema, describeValue, parseInto } from './schemas.js';
import { REGIONS, type Region } from './types.js';
import { isPlain } from './util.js';

/**
 * Options every calculator takes as its last, optional argument.
 *
 * @category Parameters
 */
export interface CalculatorOptions<Patch = unknown> {
  /** The day whose parameter values apply, `'YYYY-MM-DD'` or a `Date`. Default: today (local date). */
  asOf?: DateInput;
  /**
   * 东部 `'east'`, 中部 `'central'` or 西部 `'west'`. Needed only where a value used differs by region
   * on `asOf`; without it such a call fails with a {@link PolicyInputError} on `region`.
   */
  region?: Region;
  /**
   * A deep partial patch of the parameter tree, validated like any input — or a local parameter
   * set: the same shape, whose leaves may be {@link LocalValue} wrappers
   * `{ value, from?, source?, note? }` recording where a figure comes from. A wrapped value applies
   * from its `from` (before it, junheng's own dated values apply); listings and explanations show
   * its `source` and `note`.
   */
  parameters?: Patch;
}

/** The option keys every calculator takes. @internal */
export const baseOptionShape = {
  asOf: z.optional(dateSchema),
  region: z.optional(choice(REGIONS, 'region')),
  parameters: z.optional(z.unknown()),
};

const BASE = z.strictObject(baseOptionShape);
const schemas = new WeakMap<z.ZodMiniObject, z.ZodMiniObject>();

/** The strict options schema: the base keys and a calculator's own. Built once per calculator. */
function optionsSchema(extra: z.ZodMiniObject | undefined): z.ZodMiniObject {
  if (extra === undefined) return BASE;
  let schema = schemas.get(extra);
  if (schema === undefined) {
    schema = z.strictObject({ ...baseOptionShape, ...extra.def.shape });
    schemas.set(extra, schema);
  }
  return schema;
}

/**
 * Reads a calculator's options into a resolution context, pushing issues under the options' own
 * names (`['asOf']`, `['region']`, `['parameters', …]`). `extra` are the calculator's own option
 * keys (a report's `groupBy`); their parsed values are returned with the context.
 *
 * @internal
 */
export function readOptions<X extends Record<string, unknown> = Record<string, never>>(
  options: unknown,
  issues: PolicyIssue[],
  tree: ParameterNode,
  extra?: z.ZodMiniObject,
): ResolveContext & { readonly extra: X } {
  const keys = ['asOf?', 'region?', 'parameters?', ...Object.keys(extra?.def.shape ?? {}).map((k) => `${k}?`)].join(', ');
  if (options !== undefined && !isPlain(options)) {
    issues.push({ path: ['options'], code: 'invalid_type', message: `must be a plain object { ${keys} }, got ${describeValue(options)}` });
    return { asOf: today(), region: undefined, overrides: new Map(), extra: {} as X };
  }
  const schema = optionsSchema(extra);
  const parsed = options === undefined ? undefined : (parseInto(schema, options, issues) as ({ asOf?: DateInput; region?: Region } & X) | undefined);
  const asOf: IsoDate = parsed?.asOf === undefined ? today() : (toIsoDate(parsed.asOf) as IsoDate);
  // The patch is read from the options as given, so its problems are reported with the others even
  // when asOf or region is wrong too.
  // A local value dated after asOf is left out: before its `from`, the tree's own values apply.
  const overrides = overridesOn(readPatch(tree, options === undefined ? undefined : (options as { parameters?: unknown }).parameters, issues), asOf);
  const { asOf: _a, region: _r, parameters: _p, ...rest } = (parsed ?? {}) as Record<string, unknown>;
  return { asOf, region: parsed?.region, overrides, extra: rest as X };
}

export type { LocalValue, PatchOf };
