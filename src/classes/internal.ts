/**
 * The classes area's internals: the fast path of class validation, what the rules read, the band
 * comparisons and the check that keeps the bands in order. Not re-exported by the barrel.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { PolicyIssue } from '../core/errors.js';
import { describeValue, fromZodIssues, MAX_COUNT, parseInto } from '../core/schemas.js';
import { isPlain } from '../core/util.js';
import type { ParameterTree } from '../parameters/tree.js';
import type { ClassSizeParams, ClassSizeStatus } from './classSizeStatus.js';
import { classesParameters as C } from './parameters.js';
import { classListSchema, classSchema, GROUP_KEYS, type ClassRecord, type GroupKey } from './schemas.js';

// ---------------------------------------------------------------- validation

const CLASS_KEYS = new Set(['id', 'schoolId', 'town', 'location', 'stage', 'size', 'incomplete']);

const label = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.length > 0 && v.length <= 200);

/**
 * The fast path of class validation: true for a well-formed class, with a few comparisons and no
 * allocation; false for anything unusual, and the caller runs the zod schema, which words the
 * issues. It accepts only what {@link classSchema} accepts (a property test checks it).
 *
 * @internal
 */
export function isWellFormedClass(input: unknown): input is ClassRecord {
  if (!isPlain(input)) return false;
  // `for…in` sees own enumerable keys (and an own `__proto__`), as zod's strict object does.
  for (const key in input) if (!CLASS_KEYS.has(key)) return false;
  const { stage, size, incomplete, location } = input;
  if (stage !== 'primary' && stage !== 'junior') return false;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_COUNT) return false;
  if (incomplete !== undefined && incomplete !== false && (incomplete !== true || stage !== 'primary')) return false;
  if (location !== undefined && location !== 'urban' && location !== 'town' && location !== 'rural') return false;
  return label(input['id']) && label(input['schoolId']) && label(input['town']);
}

/**
 * Validates one class: the fast path, else the zod schema with its issues under `prefix`.
 *
 * @internal
 */
export function readClass(input: unknown, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): ClassRecord | undefined {
  if (isWellFormedClass(input)) return input;
  const parsed = z.safeParse(classSchema, input, { reportInput: true });
  if (parsed.success) return parsed.data as ClassRecord;
  issues.push(...fromZodIssues(parsed.error.issues, prefix));
  return undefined;
}

/**
 * Validates a roster: every class, every problem with its index (`[41, 'size']`). Well-formed rows
 * are taken as they are (no copy); the list is copied only when a row needed the schema.
 *
 * @internal
 */
export function readClasses(input: unknown, issues: PolicyIssue[]): ClassRecord[] | undefined {
  if (!Array.isArray(input)) {
    parseInto(classListSchema, input, issues);
    return undefined;
  }
  const rows = input as unknown[];
  let out = rows as ClassRecord[];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (isWellFormedClass(row)) continue;
    const c = readClass(row, issues, [i]);
    if (c === undefined) continue;
    if (out === rows) out = rows.slice() as ClassRecord[];
    out[i] = c;
  }
  return out;
}

// ---------------------------------------------------------------- parameters

/**
 * What the class-size band reads: the standard sizes, and the large and super-large thresholds.
 *
 * @internal
 */
export const classSizeReads = (p: ParameterTree) => ({
  standard: p.classes.standardSize,
  largeFrom: p.classes.largeFrom,
  superLargeFrom: p.classes.superLargeFrom,
});

/** What the class-size report reads: the bands and the deadline for 城镇 large classes. @internal */
export const classReportReads = (p: ParameterTree) => ({
  ...classSizeReads(p),
  deadline: p.classes.largeClassDeadline,
});

/**
 * Checks that the bands are in order (an override cannot make large start at or above
 * super-large).
 *
 * @internal
 */
export function checkBands(p: ClassSizeParams, issues: PolicyIssue[]): void {
  if (p.superLargeFrom <= p.largeFrom) {
    issues.push({
      path: ['parameters', ...C.superLargeFrom.path.split('.')],
      code: 'inconsistent',
      message: `must be greater than ${C.largeFrom.path} (${p.superLargeFrom} is not greater than ${p.largeFrom})`,
    });
  }
}

// ---------------------------------------------------------------- bands

/** Band of a class: 0 standard, 1 over-standard, 2 large, 3 super-large. @internal */
export type BandCode = 0 | 1 | 2 | 3;

/** The standard size of a class. @internal */
export function standardOf(p: ClassSizeParams, stage: 'primary' | 'junior', incomplete: boolean | undefined): number {
  return stage === 'junior' ? p.standard.junior : incomplete === true ? p.standard.incompletePrimary : p.standard.primary;
}

/**
 * The band of a class: 66+ super-large, 56+ large (以上 includes the number), above the standard
 * over-standard, else standard. A few comparisons.
 *
 * @internal
 */
export function bandOf(size: number, standard: number, p: ClassSizeParams): BandCode {
  return size >= p.superLargeFrom ? 3 : size >= p.largeFrom ? 2 : size > standard ? 1 : 0;
}

/** The parameter path of a class's standard size. @internal */
export function standardPath(stage: 'primary' | 'junior', incomplete: boolean | undefined): string {
  return (stage === 'junior' ? C.standardSize.junior : incomplete === true ? C.standardSize.incompletePrimary : C.standardSize.primary).path;
}

/** Chinese names of the bands. @internal */
export const BAND_ZH: Record<ClassSizeStatus, string> = {
  standard: '标准班额',
  'over-standard': '超标准班额',
  large: '大班额',
  'super-large': '超大班额',
};

// ---------------------------------------------------------------- report options


const known = (v: unknown): v is GroupKey => typeof v === 'string' && (GROUP_KEYS as readonly string[]).includes(v);
const listing = GROUP_KEYS.map((k) => `'${k}'`).join(' | ');

/**
 * `groupBy`: one key or a list of distinct keys. Its issues are worded as before: the value, or the
 * element at fault.
 *
 * @internal
 */
export const groupBySchema = z.custom<GroupKey | readonly GroupKey[]>().check(
  z.superRefine((value: unknown, ctx) => {
    if (known(value)) return;
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', path: [], message: `must be one of ${listing} or a list of them, got ${describeValue(value)}`, params: { code: 'invalid_value' }, input: value });
      return;
    }
    const seen: GroupKey[] = [];
    // An index loop, not forEach: a hole in a sparse array is a missing key, not a skipped one.
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (!known(v)) ctx.addIssue({ code: 'custom', path: [i], message: `must be one of ${listing}, got ${describeValue(v)}`, params: { code: 'invalid_value' }, input: v });
      else if (seen.includes(v)) ctx.addIssue({ code: 'custom', path: [i], message: `repeats '${v}'`, params: { code: 'invalid_value' }, input: v });
      else seen.push(v);
    }
  }),
);

/** The report's own option: `groupBy`. @internal */
export const reportOptionsSchema = z.object({ groupBy: z.optional(groupBySchema) });

const DEFAULT_GROUPS: readonly GroupKey[] = ['schoolId', 'town'];

/** The keys a valid `groupBy` names, in order (default `['schoolId', 'town']`). @internal */
export function groupKeysOf(groupBy: GroupKey | readonly GroupKey[] | undefined): readonly GroupKey[] {
  return groupBy === undefined ? DEFAULT_GROUPS : typeof groupBy === 'string' ? [groupBy] : groupBy;
}
