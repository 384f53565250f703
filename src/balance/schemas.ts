import * as z from 'zod';
import type { PolicyIssue } from '../core/errors.js';
import { yuanToFen } from '../core/money.js';
import { choice, countSchema, describeValue, fromZodIssues, idSchema, MAX_COUNT, moneySchema, record } from '../core/schemas.js';
import { STAGES, type Stage } from '../core/types.js';

/** The largest area junheng accepts for one school: 100,000,000 m². @category Balanced development */
export const MAX_AREA = 100_000_000;

/** Kinds of row in the county assessment: an ordinary school, or a teaching point (教学点). @category Balanced development */
export const BALANCE_KINDS = ['school', 'teaching-point'] as const;

/**
 * An area in m²: a non-negative finite number (decimals allowed, read exactly from their decimal
 * text).
 *
 * @category Validation
 */
export const areaSchema = z
  .number({ error: (iss) => (iss.input === undefined ? 'is required (an area in m², a non-negative number)' : `must be an area in m² (a non-negative number), got ${describeValue(iss.input)}`) })
  .min(0, { error: (iss) => `must not be negative, got ${describeValue(iss.input)}` })
  .max(MAX_AREA, { error: (iss) => `must be at most ${MAX_AREA} m², got ${describeValue(iss.input)}` });

/** Pupils of a row: a count of at least 1 (a row with no pupils has no per-pupil values). */
const pupilsSchema = countSchema.min(1, {
  error: (iss) => `must be at least 1, got ${describeValue(iss.input)}: a school with no pupils has no per-pupil values (leave the row out)`,
});

/**
 * One row of the county assessment: one school at one stage (a nine-year school gives two rows;
 * see {@link splitSchool}). Unknown keys are rejected.
 *
 * @category Balanced development
 */
export const balanceSchoolSchema = record(
  {
    id: idSchema,
    stage: choice(STAGES, 'the stage of this row'),
    kind: choice(BALANCE_KINDS, 'kind of school').optional(),
    pupils: pupilsSchema,
    qualifiedTeachers: countSchema,
    backboneTeachers: countSchema,
    peArtTeachers: countSchema,
    teachingAuxiliaryArea: areaSchema,
    sportsArea: areaSchema,
    equipmentValue: moneySchema,
    multimediaClassrooms: countSchema,
  },
  'a school row { id, stage, pupils, qualifiedTeachers, backboneTeachers, peArtTeachers, teachingAuxiliaryArea, sportsArea, equipmentValue, multimediaClassrooms }',
);

/** One row of the county assessment, as given. @category Balanced development */
export type BalanceSchool = z.input<typeof balanceSchoolSchema>;

/** A validated row as the rules read it: flat, equipment value in integer fen. @internal */
export interface BalanceRow {
  readonly id: string;
  readonly stage: Stage;
  readonly kind: 'school' | 'teaching-point';
  readonly pupils: number;
  readonly qualifiedTeachers: number;
  readonly backboneTeachers: number;
  readonly peArtTeachers: number;
  readonly teachingAuxiliaryArea: number;
  readonly sportsArea: number;
  readonly equipmentFen: number;
  readonly multimediaClassrooms: number;
}

const ROW_KEYS = new Set([
  'id', 'stage', 'kind', 'pupils', 'qualifiedTeachers', 'backboneTeachers', 'peArtTeachers',
  'teachingAuxiliaryArea', 'sportsArea', 'equipmentValue', 'multimediaClassrooms',
]);

const isPlain = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT;
const isArea = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_AREA;

/** The fast path: a well-formed row in a few comparisons; anything unusual → `undefined` (zod words it). */
function fastRow(input: unknown): BalanceRow | undefined {
  if (!isPlain(input)) return undefined;
  for (const key in input) if (!ROW_KEYS.has(key)) return undefined;
  const { id, stage, kind, pupils, qualifiedTeachers, backboneTeachers, peArtTeachers, teachingAuxiliaryArea, sportsArea, equipmentValue, multimediaClassrooms } = input;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) return undefined;
  if (stage !== 'primary' && stage !== 'junior') return undefined;
  if (kind !== undefined && kind !== 'school' && kind !== 'teaching-point') return undefined;
  if (!isCount(pupils) || pupils === 0 || !isCount(qualifiedTeachers) || !isCount(backboneTeachers) || !isCount(peArtTeachers) || !isCount(multimediaClassrooms)) return undefined;
  if (!isArea(teachingAuxiliaryArea) || !isArea(sportsArea)) return undefined;
  if (typeof equipmentValue !== 'number' && typeof equipmentValue !== 'string') return undefined;
  const equipmentFen = yuanToFen(equipmentValue);
  if (equipmentFen === undefined) return undefined;
  return { id, stage, kind: kind ?? 'school', pupils, qualifiedTeachers, backboneTeachers, peArtTeachers, teachingAuxiliaryArea, sportsArea, equipmentFen, multimediaClassrooms };
}

/**
 * Validates one row: the fast path, else the zod schema with its issues under `prefix`.
 *
 * @internal
 */
export function readBalanceRow(input: unknown, issues: PolicyIssue[], prefix: ReadonlyArray<string | number>): BalanceRow | undefined {
  const fast = fastRow(input);
  if (fast !== undefined) return fast;
  const parsed = balanceSchoolSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    issues.push(...fromZodIssues(parsed.error.issues, prefix));
    return undefined;
  }
  const s = parsed.data;
  return {
    id: s.id,
    stage: s.stage,
    kind: s.kind ?? 'school',
    pupils: s.pupils,
    qualifiedTeachers: s.qualifiedTeachers,
    backboneTeachers: s.backboneTeachers,
    peArtTeachers: s.peArtTeachers,
    teachingAuxiliaryArea: s.teachingAuxiliaryArea,
    sportsArea: s.sportsArea,
    equipmentFen: yuanToFen(s.equipmentValue) as number,
    multimediaClassrooms: s.multimediaClassrooms,
  };
}

/**
 * A county as {@link assessBalancedDevelopment} takes it: its school rows, and optionally an id, a
 * name, and the evidence for the government-guarantee items and the vetoes (read by
 * {@link assessCounty}; {@link assessBalancedDevelopment} checks only that they are objects).
 *
 * @category Balanced development
 */
export const countySchema = record(
  {
    id: idSchema.optional(),
    name: z.string({ error: (iss) => `must be a text, got ${describeValue(iss.input)}` }).max(200).optional(),
    schools: z.array(z.unknown(), { error: (iss) => (iss.input === undefined ? 'is required (a list of school rows)' : `must be a list of school rows, got ${describeValue(iss.input)}`) }),
    guarantees: z.record(z.string(), z.unknown(), { error: (iss) => `must be an object of guarantee evidence, got ${describeValue(iss.input)}` }).optional(),
    vetoes: z.record(z.string(), z.unknown(), { error: (iss) => `must be an object of veto evidence, got ${describeValue(iss.input)}` }).optional(),
  },
  'a county object { schools: [...] }',
);

/** A county, as given. @category Balanced development */
export interface County {
  /** An identifier for reports (a county code). */
  id?: string;
  name?: string;
  /** One row per school and stage. */
  schools: readonly BalanceSchool[];
  /** Evidence for the government-guarantee items (see {@link GuaranteeEvidence}); read by {@link assessCounty}. */
  guarantees?: Record<string, unknown>;
  /** Evidence for the vetoes (see {@link VetoEvidence}); read by {@link assessCounty}. */
  vetoes?: Record<string, unknown>;
}

/** A validated county. @internal */
export interface CountyRecord {
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly rows: BalanceRow[];
  readonly guarantees: unknown;
  readonly vetoes: unknown;
}

/**
 * Validates a county: its shape, every row once (issues under `['schools', i, field]`), and
 * repeated (id, stage) pairs.
 *
 * @internal
 */
export function readCounty(input: unknown, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): CountyRecord | undefined {
  let schools: unknown[];
  let rest: Record<string, unknown>;
  if (isPlain(input) && Array.isArray(input['schools']) && Object.keys(input).every((k) => k === 'schools' || k === 'id' || k === 'name' || k === 'guarantees' || k === 'vetoes')) {
    // Validate the small fields with the schema (cheap), the rows one by one.
    const shell = countySchema.safeParse({ ...input, schools: [] }, { reportInput: true });
    if (!shell.success) issues.push(...fromZodIssues(shell.error.issues, prefix));
    schools = input['schools'] as unknown[];
    rest = input;
  } else {
    const r = countySchema.safeParse(input, { reportInput: true });
    if (!r.success) {
      issues.push(...fromZodIssues(r.error.issues, prefix));
      return undefined;
    }
    schools = r.data.schools;
    rest = r.data;
  }
  const before = issues.length;
  const rows: BalanceRow[] = new Array(schools.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < schools.length; i++) {
    const row = readBalanceRow(schools[i], issues, [...prefix, 'schools', i]);
    if (row === undefined) continue;
    rows[i] = row;
    const key = `${row.stage}\u0000${row.id}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      issues.push({
        path: [...prefix, 'schools', i, 'id'],
        code: 'inconsistent',
        message: `repeats the ${row.stage} row of school [${first}] ("${row.id}"); each school appears once per stage`,
        related: [...prefix, 'schools', first, 'id'],
      });
    }
  }
  if (issues.length > before) return undefined;
  return {
    id: typeof rest['id'] === 'string' ? rest['id'] : undefined,
    name: typeof rest['name'] === 'string' ? rest['name'] : undefined,
    rows,
    guarantees: rest['guarantees'],
    vetoes: rest['vetoes'],
  };
}

/** The county schema with its rows spelled out, for {@link jsonSchemas}. @internal */
export const countyInputSchema = countySchema.extend({
  schools: z.array(balanceSchoolSchema, { error: (iss) => `must be a list of school rows, got ${describeValue(iss.input)}` }),
});
