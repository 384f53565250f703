import * as z from 'zod/mini';
import { PolicyInputError, type IssueCode, type PolicyIssue } from './errors.js';
import { toIsoDate } from './dates.js';
import { yuanToFen } from './money.js';

/**
 * The largest count junheng accepts for one school, class or teacher record (pupils, teachers,
 * boarders): 1,000,000. No school is that large; a bigger number is a data error, and the bound keeps
 * every money product an exact integer.
 *
 * @category Validation
 */
export const MAX_COUNT = 1_000_000;

/** Describes a received value for a message: `"3"` (a string), `NaN`, `null`, `an object`. @internal */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a Date';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The message of a required field of the wrong type: `is required (…)` or `must be …, got …`. @internal */
export const required = (what: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? `is required (${what})` : `must be ${what}, got ${describeValue(iss.input)}`;

/**
 * A count: a non-negative whole number up to {@link MAX_COUNT}.
 *
 * @category Validation
 */
export const countSchema = z
  .number({ error: required('a non-negative whole number') })
  .check(
    z.int({ error: (iss) => `must be a whole number, got ${describeValue(iss.input)}` }),
    z.minimum(0, { error: (iss) => `must not be negative, got ${describeValue(iss.input)}` }),
    z.maximum(MAX_COUNT, { error: (iss) => `must be at most ${MAX_COUNT}, got ${describeValue(iss.input)}` }),
  );

/**
 * Money in yuan: a non-negative number or decimal string with at most two decimal places
 * (`720`, `"1234.56"`).
 *
 * @category Validation
 */
export const moneySchema = z
  .union([z.number(), z.string()], { error: required('an amount of yuan (a number or a decimal string)') })
  .check(
    z.refine((value) => yuanToFen(value) !== undefined, {
      error: (iss) => `must be a non-negative amount of yuan with at most two decimal places, got ${describeValue(iss.input)}`,
    }),
  );

/**
 * A calendar date: `'YYYY-MM-DD'` or a valid `Date`.
 *
 * @category Validation
 */
export const dateSchema = z
  .union([z.string(), z.date()], { error: required("a date 'YYYY-MM-DD'") })
  .check(
    z.refine((value) => toIsoDate(value) !== undefined, {
      error: (iss) => `must be a real calendar date written 'YYYY-MM-DD', got ${describeValue(iss.input)}`,
    }),
  );

/** An enum with a message that lists the choices. @internal */
export function choice<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `is required (${what}: ${values.map((v) => `'${v}'`).join(' | ')})`
        : `must be one of ${values.map((v) => `'${v}'`).join(' | ')}, got ${describeValue(iss.input)}`,
  });
}

/** A non-empty identifier string. @internal */
export const idSchema = z
  .string({ error: required('a text identifier') })
  .check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(200, { error: 'must be at most 200 characters' }));

/** A strict object whose own message says what was expected. @internal */
export function record<T extends z.core.$ZodLooseShape>(shape: T, what: string) {
  return z.strictObject(shape, { error: required(what) });
}

function codeOf(issue: z.core.$ZodIssue): IssueCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'not_integer' : issue.input === undefined ? 'missing' : 'invalid_type';
    case 'too_small':
      return 'too_small';
    case 'too_big':
      return 'too_big';
    case 'invalid_value':
    case 'invalid_union':
      return 'invalid_value';
    case 'custom':
      return (issue.params?.['code'] as IssueCode | undefined) ?? 'invalid_value';
    default:
      return 'invalid_value';
  }
}

/**
 * Turns zod issues into junheng issues, one per problem: an unrecognized key becomes one
 * `unknown_key` issue at the key's own path.
 *
 * @internal
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: ReadonlyArray<string | number> = []): PolicyIssue[] {
  const out: PolicyIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: [...path, key], code: 'unknown_key', message: `is not a field junheng knows (check the spelling)` });
      }
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.message.startsWith('Invalid input')) {
      out.push({ path, code: 'invalid_value', message: `has the wrong type, got ${describeValue(issue.input)}` });
      continue;
    }
    const provision = issue.code === 'custom' ? (issue.params?.['provision'] as string | undefined) : undefined;
    out.push({ path, code: codeOf(issue), message: issue.message, ...(provision === undefined ? {} : { provision }) });
  }
  return out;
}

/**
 * Parses `input` with `schema`, returning its typed value or pushing junheng issues.
 *
 * @internal
 */
export function parseInto<T>(
  schema: z.ZodMiniType<T>,
  input: unknown,
  issues: PolicyIssue[],
  prefix: ReadonlyArray<string | number> = [],
): T | undefined {
  const result = z.safeParse(schema, input, { reportInput: true });
  if (result.success) return result.data;
  issues.push(...fromZodIssues(result.error.issues, prefix));
  return undefined;
}

/** Throws a {@link PolicyInputError} when `issues` is not empty. @internal */
export function throwIfAny(issues: PolicyIssue[]): void {
  if (issues.length > 0) throw new PolicyInputError(issues);
}

/** A required true/false answer whose message says what it answers. @internal */
export const yesNo = (what: string) =>
  z.boolean({ error: (iss) => (iss.input === undefined ? `is required (true or false: ${what})` : `must be true or false (${what}), got ${describeValue(iss.input)}`) });

/** A list of records with a message naming them. @internal */
export const listOf = <T extends z.ZodMiniType>(item: T, what: string) =>
  z.array(item, { error: (iss) => (iss.input === undefined ? `is required (a list of ${what})` : `must be a list of ${what}, got ${describeValue(iss.input)}`) });

/**
 * Pushes an issue for each repeated value of `field` (an id, a town name) among the rows of `input`,
 * pointing at the repeat with the first occurrence as `related`. Reads the raw input, so repeats are
 * reported in the same pass as the rows' other problems; rows whose value is not text are skipped
 * (their own issue says why). `where.prefix` is the path of the list inside the input (`['schools']`);
 * `where.provision` the item the issue cites.
 *
 * @internal
 */
export function checkUnique(
  input: unknown,
  field: string,
  what: string,
  issues: PolicyIssue[],
  where: { readonly prefix?: ReadonlyArray<string | number>; readonly provision?: string } = {},
): void {
  if (!Array.isArray(input)) return;
  const prefix = where.prefix ?? [];
  const seen = new Map<string, number>();
  input.forEach((row: unknown, i) => {
    if (typeof row !== 'object' || row === null || !Object.hasOwn(row, field)) return;
    const value = (row as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value === '') return;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else {
      issues.push({
        path: [...prefix, i, field],
        code: 'inconsistent',
        message: `repeats the ${what} ${JSON.stringify(value)} of row ${first}; each ${what} is listed once`,
        related: [...prefix, first, field],
        ...(where.provision === undefined ? {} : { provision: where.provision }),
      });
    }
  });
}
