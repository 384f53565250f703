import * as z from 'zod';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { resolve, type UsedValue } from '../core/parameters.js';
import { SCHOOL_KINDS } from '../core/school.js';
import { choice, describeValue, idSchema, parseInto, record, throwIfAny } from '../core/schemas.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { parameterTree } from '../parameters/tree.js';

/**
 * The input of {@link specialEducationSchoolCheck}: the district's schools, each with its id and its
 * kind (`'school'` by default, `'teaching-point'`, `'special-education'`). Unknown keys are rejected.
 *
 * @category Planning
 */
export const districtSchoolsSchema = record(
  {
    schools: z.array(
      record({ id: idSchema, kind: choice(SCHOOL_KINDS, 'kind of school').optional() }, 'a school { id, kind? }'),
      { error: (iss) => (iss.input === undefined ? 'is required (a list of schools { id, kind? }, possibly empty)' : `must be a list of schools, got ${describeValue(iss.input)}`) },
    ),
  },
  'a district object { schools }',
);
/** @category Planning */
export type DistrictSchoolsInput = z.input<typeof districtSchoolsSchema>;

/** What {@link specialEducationSchoolCheck} returns. @category Planning */
export interface SpecialEducationSchoolResult extends Explained {
  /** At least the required number of special-education schools. */
  readonly compliant: boolean;
  /** Ids of the special-education schools, in input order. */
  readonly specialEducationSchools: string[];
  /** How many there are. */
  readonly count: number;
  /** How many the district should run at least (`planning.specialEducation.minSchools`, 1). */
  readonly required: number;
}

/**
 * Whether the district runs a special-education school (特殊教育学校).
 *
 * Encodes opinion **1.1** (原则上在我区办好一所特殊教育学校，确保特殊儿童接受良好的义务教育). Readings:
 *
 * - 一所 is read as **at least one**: a second special-education school is no breach
 *   (`planning.specialEducation.minSchools`, 1, from the opinion).
 * - 原则上 (in principle) admits exceptions the opinion does not list; a district exempted by its
 *   superiors sets the parameter to 0.
 * - A school counts when its `kind` is `'special-education'`. Whether it is run well (办好) is an
 *   inspector's judgement, not decided here. The same id twice is an input error.
 *
 * @category Planning
 * @param district - `{ schools: [{ id, kind? }] }`.
 * @param options - `{ asOf?, parameters? }`.
 * @returns Whether compliant, the special-education schools found, how many are required; citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options, a repeated id, or an `asOf` before 2016-07-02.
 * @example
 * ```ts
 * const r = specialEducationSchoolCheck({ schools: [{ id: 'CX-01' }, { id: 'TJ-01', kind: 'special-education' }] }, { asOf: '2025-09-01' });
 * r.compliant; //=> true
 * r.specialEducationSchools; //=> ['TJ-01']
 * specialEducationSchoolCheck({ schools: [{ id: 'CX-01', kind: 'school' }] }, { asOf: '2025-09-01' }).compliant; //=> false
 * ```
 */
export function specialEducationSchoolCheck(district: DistrictSchoolsInput, options?: CalculatorOptions): SpecialEducationSchoolResult {
  const issues: PolicyIssue[] = [];
  const d = parseInto(districtSchoolsSchema, district, issues);
  const ctx = readOptions(options, issues);
  if (d !== undefined) {
    const seen = new Map<string, number>();
    d.schools.forEach((s, i) => {
      const first = seen.get(s.id);
      if (first === undefined) seen.set(s.id, i);
      else issues.push({ path: ['schools', i, 'id'], code: 'inconsistent', message: `repeats school '${s.id}' (first at schools[${first}]); give each school once`, related: ['schools', first, 'id'], provision: '1.1' });
    });
  }
  throwIfAny(issues);
  const used: UsedValue[] = [];
  const required = resolve(parameterTree.planning.specialEducation.minSchools, 'planning.specialEducation.minSchools', ctx, issues, used);
  throwIfAny(issues);
  const schools = (d as NonNullable<typeof d>).schools;
  const specialEducationSchools = schools.filter((s) => s.kind === 'special-education').map((s) => s.id);
  const count = specialEducationSchools.length;
  const compliant = count >= required;
  const result = { compliant, specialEducationSchools, count, required, citations: citationsOf(used, '1.1') };
  return defineLazy(result, 'explanation', (): ExplanationStep[] => [
    ...parameterSteps(used, '1.1'),
    step('1.1',
      `全区 ${schools.length} 所学校中特殊教育学校 ${count} 所${count > 0 ? `（${specialEducationSchools.join('、')}）` : ''}`,
      `${count} special-education school${count === 1 ? '' : 's'} among the district's ${schools.length} schools${count > 0 ? ` (${specialEducationSchools.join(', ')})` : ''}`,
      { schools: schools.length, count }),
    step('1.1',
      `原则上办好一所特殊教育学校（至少 ${required} 所）：${count} ${compliant ? '≥' : '<'} ${required}，${compliant ? '符合' : '不符合'}`,
      `In principle the district runs one special-education school (at least ${required}): ${count} ${compliant ? '≥' : '<'} ${required}, ${compliant ? 'met' : 'not met'}`,
      { required, compliant }),
  ]) as SpecialEducationSchoolResult;
}

/**
 * {@link specialEducationSchoolCheck} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Planning
 */
export const safeSpecialEducationSchoolCheck = makeSafe(specialEducationSchoolCheck);
