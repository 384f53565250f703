/**
 * What the balance calculators share and do not publish: the parameters they read, and the readers
 * of a county and its rows (a fast path for well-formed rows, the schema's words for the others).
 *
 * @module
 */
import * as z from 'zod/mini';
import type { PolicyIssue } from '../core/errors.js';
import { yuanToFen } from '../core/money.js';
import { describeValue, MAX_COUNT, parseInto } from '../core/schemas.js';
import { isPlain } from '../core/util.js';
import type { ParameterTree } from '../parameters/tree.js';
import { balanceSchoolSchema, countySchema, MAX_AREA, type BalanceRow, type CountyRecord } from './schemas.js';

/**
 * What the resource-allocation rule reads: the thresholds of both stages, the school rule (minimum
 * met, near-miss share, teaching-point minimum) and the coefficient limits.
 *
 * @internal
 */
export const balanceReads = (p: ParameterTree) => ({
  thresholds: p.balance.thresholds,
  school: p.balance.school,
  coefficientLimit: p.balance.coefficientLimit,
});

/** What {@link splitSchoolRule} reads: `balance.split.weights`. @internal */
export const splitReads = (p: ParameterTree) => ({ weights: p.balance.split.weights });

const ROW_KEYS = new Set([
  'id', 'stage', 'kind', 'pupils', 'qualifiedTeachers', 'backboneTeachers', 'peArtTeachers',
  'teachingAuxiliaryArea', 'sportsArea', 'equipmentValue', 'multimediaClassrooms',
]);

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
  const s = parseInto(balanceSchoolSchema, input, issues, prefix);
  if (s === undefined) return undefined;
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

const COUNTY_KEYS = new Set(['schools', 'id', 'name', 'guarantees', 'vetoes']);

/**
 * Validates a county: its shape, every row once (issues under `['schools', i, field]`), repeated
 * (id, stage) pairs, and at least one row.
 *
 * @internal
 */
export function readCounty(input: unknown, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): CountyRecord | undefined {
  let schools: unknown[];
  let rest: Record<string, unknown>;
  if (isPlain(input) && Array.isArray(input['schools']) && Object.keys(input).every((k) => COUNTY_KEYS.has(k))) {
    // Validate the small fields with the schema (cheap), the rows one by one.
    parseInto(countySchema, { ...input, schools: [] }, issues, prefix);
    schools = input['schools'] as unknown[];
    rest = input;
  } else {
    const r = parseInto(countySchema, input, issues, prefix);
    if (r === undefined) return undefined;
    schools = r.schools;
    rest = r;
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
  if (rows.length === 0) {
    issues.push({ path: [...prefix, 'schools'], code: 'too_small', message: 'must list at least one school row: a county without schools cannot be assessed' });
    return undefined;
  }
  return {
    id: typeof rest['id'] === 'string' ? rest['id'] : undefined,
    name: typeof rest['name'] === 'string' ? rest['name'] : undefined,
    rows,
  };
}

/** The county schema with its rows spelled out: the published input of the county calculators. @internal */
export const countyInputSchema = z.extend(countySchema, {
  schools: z.array(balanceSchoolSchema, { error: (iss) => `must be a list of school rows, got ${describeValue(iss.input)}` }),
});
