/**
 * The robustness sweep over the whole public surface: every exported function is fed arbitrary
 * JSON-like values (null, huge and non-finite numbers, wrong types, `__proto__` keys) and near-valid
 * inputs (a valid example with one field replaced), as its argument and as its options. Each call
 * must either return a result whose numbers are all finite, or throw `PolicyInputError` with at least
 * one issue whose path is an array. Nothing may pollute `Object.prototype`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as junheng from '../../src/index.js';
import { functions, seedOf, SEEDS, type Fn } from './seeds.js';


/** Values that break naive code: wrong types, extremes, non-finite numbers, invalid dates, prototype keys. */
const hostile = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withSparseArray: true, withBoxedValues: true }),
  fc.constantFrom(-1, -0, 0.5, 1e308, -1e308, 2 ** 53, Number.NaN, Infinity, -Infinity, '1e3', '0x10', ' 5', '', 'null', null, [], {}, true, '2022-02-30', new Date(Number.NaN)),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '[{"__proto__":{"polluted":1}}]').map((text) => JSON.parse(text) as unknown),
);

/** `value` with the element at (the path of indices, wrapped) replaced by `replacement`. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[(path[0] as number) % keys.length] as string | number;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  copy[key] = mutate((value as Record<string | number, unknown>)[key], path.slice(1), replacement);
  return copy;
}

/** Every number reachable from `value` (explanations and components read, lazily built ones included). */
function nonFinite(value: unknown, seen = new Set<unknown>()): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : String(value);
  if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
  seen.add(value);
  if (junheng.Decimal.isDecimal(value)) return (value as junheng.Decimal).isFinite() ? undefined : (value as junheng.Decimal).toString();
  for (const key of Object.keys(value)) {
    const found = nonFinite((value as Record<string, unknown>)[key], seen);
    if (found !== undefined) return `${key}: ${found}`;
  }
  // Explanations are non-enumerable (issue 11): read them too.
  if ('explanation' in value && !Object.prototype.propertyIsEnumerable.call(value, 'explanation')) {
    const found = nonFinite((value as { explanation: unknown }).explanation, seen);
    if (found !== undefined) return `explanation: ${found}`;
  }
  return undefined;
}

/** Calls `fn` and checks the outcome; returns a description of a violation, or undefined. */
function violation(fn: Fn, input: unknown, options: unknown): string | undefined {
  let result: unknown;
  try {
    result = fn(input, options);
  } catch (error) {
    if (!(error instanceof junheng.PolicyInputError)) return `threw ${(error as Error)?.name}: ${(error as Error)?.message}`;
    if (error.issues.length === 0) return 'PolicyInputError without issues';
    if (!error.issues.every((issue) => Array.isArray(issue.path) && typeof issue.message === 'string' && issue.message.length > 0)) return 'an issue without a path or message';
    return undefined;
  }
  const bad = nonFinite(result);
  return bad === undefined ? undefined : `non-finite number in the result (${bad})`;
}

afterAll(() => {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('robustness sweep over every public function', () => {
  it('finds the public functions', () => {
    expect(functions.length).toBeGreaterThan(30);
    for (const name of Object.keys(SEEDS)) expect(functions.map(([n]) => n)).toContain(name);
  });

  it('has a valid seed for every public function, so none is left out', () => {
    const missing = functions.map(([name]) => name).filter((name) => seedOf(name) === undefined);
    expect(missing).toEqual([]);
  });

  it.each(functions)('%s: arbitrary values as argument and options', (_name, fn) => {
    fc.assert(
      fc.property(hostile, fc.option(hostile, { nil: undefined }), (input, options) => {
        expect(violation(fn, input, options)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it.each(Object.entries(SEEDS))('%s: its valid example with one field replaced', (name, [input, options]) => {
    const fn = (junheng as unknown as Record<string, Fn>)[name] as Fn;
    // The seed itself is valid: it returns a result.
    expect(() => fn(input, options)).not.toThrow();
    expect(violation(fn, input, options)).toBeUndefined();
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 4 }), hostile, fc.boolean(), (path, replacement, inOptions) => {
        const a = inOptions ? input : mutate(input, path, replacement);
        const o = inOptions ? mutate(options, path, replacement) : options;
        expect(violation(fn, a, o)).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});
