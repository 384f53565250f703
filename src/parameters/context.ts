import * as z from 'zod';
import type { IsoDate, DateInput } from '../core/dates.js';
import { toIsoDate, today } from '../core/dates.js';
import type { PolicyIssue } from '../core/errors.js';
import { readPatch, type ResolveContext } from '../core/parameters.js';
import { choice, dateSchema, describeValue, parseInto } from '../core/schemas.js';
import { REGIONS, type Region } from '../core/types.js';
import { parameterTree, type ParameterOverrides } from './tree.js';

/**
 * Options every calculator takes as its last, optional argument.
 *
 * @category Parameters
 */
export interface CalculatorOptions {
  /** The day whose parameter values apply, `'YYYY-MM-DD'` or a `Date`. Default: today (local date). */
  asOf?: DateInput;
  /**
   * 东部 `'east'`, 中部 `'central'` or 西部 `'west'`. Needed only where a value used differs by region
   * on `asOf`; without it such a call fails with a {@link PolicyInputError} on `region`.
   */
  region?: Region;
  /** A deep partial patch of the parameter tree, validated like any input. */
  parameters?: ParameterOverrides;
}

/** A plain object: `{}` or `Object.create(null)`, not a Date, Map or class instance. @internal */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const optionsSchema = z.strictObject(
  {
    asOf: dateSchema.optional(),
    region: choice(REGIONS, 'region').optional(),
    parameters: z.unknown().optional(),
  },
  { error: (iss) => `must be an options object { asOf?, region?, parameters? }, got ${iss.input === null ? 'null' : typeof iss.input}` },
);

/**
 * Reads a calculator's options into a resolution context, pushing issues under the options' own
 * names (`['asOf']`, `['region']`, `['parameters', …]`).
 *
 * @internal
 */
export function readOptions(options: unknown, issues: PolicyIssue[]): ResolveContext {
  if (options !== undefined && !isPlainObject(options)) {
    issues.push({ path: ['options'], code: 'invalid_type', message: `must be a plain object { asOf?, region?, parameters? }, got ${describeValue(options)}` });
    return { asOf: today(), region: undefined, overrides: new Map() };
  }
  const parsed = options === undefined ? undefined : parseInto(optionsSchema, options, issues);
  const asOf: IsoDate = parsed?.asOf === undefined ? today() : (toIsoDate(parsed.asOf) as IsoDate);
  // The patch is read from the options as given, so its problems are reported with the others even
  // when asOf or region is wrong too.
  const overrides = readPatch(parameterTree, options === undefined ? undefined : (options as { parameters?: unknown }).parameters, issues);
  return { asOf, region: parsed?.region, overrides };
}
