import * as z from 'zod/mini';
import type { PolicyIssue } from './errors.js';
import { choice, countSchema, fromZodIssues, idSchema, MAX_COUNT, record } from './schemas.js';
import { LOCATIONS, type Location } from './types.js';
import { isPlain } from './util.js';

/** Kinds of establishment: an ordinary school, a teaching point (教学点), a special-education school. @category Funding */
export const SCHOOL_KINDS = ['school', 'teaching-point', 'special-education'] as const;
/** @category Funding */
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

const stageCounts = (what: string) =>
  record({ primary: z.optional(countSchema), junior: z.optional(countSchema) }, `${what} by stage { primary?, junior? }`);

/**
 * A school as the funding calculators take it. Unknown keys are rejected, so a misspelt `pupil`
 * cannot silently fund a school as empty. `disabledPupils` are disabled pupils taught in mainstream
 * classes (随班就读), counted within `pupils`; boarders are counted within `pupils` of their stage.
 *
 * @category Funding
 */
export const schoolSchema = record(
  {
    id: idSchema,
    location: choice(LOCATIONS, 'the statistical location class'),
    kind: z.optional(choice(SCHOOL_KINDS, 'kind of school')),
    pupils: stageCounts('pupils'),
    boarders: z.optional(stageCounts('boarders')),
    disabledPupils: z.optional(countSchema),
  },
  'a school object',
).check(z.superRefine((school, ctx) => {
  // Cross-field checks speak only of fields that are valid themselves; their own issues come first.
  const valid = (n: unknown) => n === undefined || (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_COUNT);
  const counts = [school.pupils.primary, school.pupils.junior, school.boarders?.primary, school.boarders?.junior, school.disabledPupils];
  if (!counts.every(valid)) return;
  const primary = school.pupils.primary ?? 0;
  const junior = school.pupils.junior ?? 0;
  for (const stage of ['primary', 'junior'] as const) {
    const boarders = school.boarders?.[stage] ?? 0;
    const pupils = stage === 'primary' ? primary : junior;
    if (boarders > pupils) {
      ctx.addIssue({
        code: 'custom',
        path: ['boarders', stage],
        message: `must not exceed the ${stage} pupils (${boarders} boarders, ${pupils} pupils)`,
        params: { code: 'inconsistent' },
        input: boarders,
      });
    }
  }
  const disabled = school.disabledPupils ?? 0;
  if (disabled > primary + junior) {
    ctx.addIssue({
      code: 'custom',
      path: ['disabledPupils'],
      message: `must not exceed the school's pupils (${disabled} disabled pupils, ${primary + junior} pupils); disabled pupils are counted within pupils`,
      params: { code: 'inconsistent' },
      input: disabled,
    });
  }
}));

/** A school, as the funding calculators accept it. @category Funding */
export type School = z.input<typeof schoolSchema>;
/** A validated school. @internal */
export type ParsedSchool = z.output<typeof schoolSchema>;

/** The funding calculators' batch input. @category Funding */
export const schoolListSchema = z.array(schoolSchema, {
  error: (iss) => `must be a list of schools, got ${iss.input === null ? 'null' : typeof iss.input}`,
});

/**
 * A validated school as the rules read it: flat, every count present. Built once per row.
 *
 * @category Funding
 */
export interface SchoolRecord {
  readonly id: string;
  readonly location: Location;
  readonly kind: SchoolKind;
  readonly primary: number;
  readonly junior: number;
  readonly boardersPrimary: number;
  readonly boardersJunior: number;
  readonly disabled: number;
}

const SCHOOL_KEYS = new Set(['id', 'location', 'kind', 'pupils', 'boarders', 'disabledPupils']);
const STAGE_KEYS = new Set(['primary', 'junior']);


/** `undefined` → 0; a valid count → itself; anything else → -1. */
const countOf = (value: unknown): number =>
  value === undefined ? 0 : typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT ? value : -1;

function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  // `for…in` skips non-enumerable keys, which zod does not see either; an own `__proto__` key is enumerable.
  return true;
}

/**
 * The fast path of school validation: a well-formed row becomes a {@link SchoolRecord} with a few
 * comparisons; anything unusual returns `undefined`, and the caller runs the zod schema, which words
 * the issues. The fast path accepts only what the schema accepts.
 *
 * @internal
 */
export function fastSchool(input: unknown): SchoolRecord | undefined {
  if (!isPlain(input) || !onlyKeys(input, SCHOOL_KEYS)) return undefined;
  const { id, location, kind, pupils, boarders, disabledPupils } = input;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) return undefined;
  if (location !== 'urban' && location !== 'town' && location !== 'rural') return undefined;
  if (kind !== undefined && kind !== 'school' && kind !== 'teaching-point' && kind !== 'special-education') return undefined;
  if (!isPlain(pupils) || !onlyKeys(pupils, STAGE_KEYS)) return undefined;
  const primary = countOf(pupils['primary']);
  const junior = countOf(pupils['junior']);
  let boardersPrimary = 0;
  let boardersJunior = 0;
  if (boarders !== undefined) {
    if (!isPlain(boarders) || !onlyKeys(boarders, STAGE_KEYS)) return undefined;
    boardersPrimary = countOf(boarders['primary']);
    boardersJunior = countOf(boarders['junior']);
  }
  const disabled = countOf(disabledPupils);
  if (primary < 0 || junior < 0 || boardersPrimary < 0 || boardersJunior < 0 || disabled < 0) return undefined;
  if (boardersPrimary > primary || boardersJunior > junior || disabled > primary + junior) return undefined;
  return { id, location, kind: kind ?? 'school', primary, junior, boardersPrimary, boardersJunior, disabled };
}

/** The record of a school the zod schema accepted. @internal */
export function toRecord(school: ParsedSchool): SchoolRecord {
  return {
    id: school.id,
    location: school.location,
    kind: school.kind ?? 'school',
    primary: school.pupils.primary ?? 0,
    junior: school.pupils.junior ?? 0,
    boardersPrimary: school.boarders?.primary ?? 0,
    boardersJunior: school.boarders?.junior ?? 0,
    disabled: school.disabledPupils ?? 0,
  };
}

/**
 * Validates one school: the fast path, else the zod schema with its issues under `prefix`.
 *
 * @internal
 */
export function readSchool(input: unknown, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): SchoolRecord | undefined {
  const fast = fastSchool(input);
  if (fast !== undefined) return fast;
  const parsed = z.safeParse(schoolSchema, input, { reportInput: true });
  if (parsed.success) return toRecord(parsed.data);
  issues.push(...fromZodIssues(parsed.error.issues, prefix));
  return undefined;
}
