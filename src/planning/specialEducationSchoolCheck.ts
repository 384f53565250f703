import * as z from 'zod/mini';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { Resolved } from '../core/resolve.js';
import { SCHOOL_KINDS } from '../core/school.js';
import { checkUnique, choice, describeValue, idSchema, parseInto, record } from '../core/schemas.js';
import { isPlain } from '../core/util.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import type { ParameterTree } from '../parameters/tree.js';

/**
 * The input of {@link specialEducationSchoolCheck}: the district's schools, each with its id and its
 * kind (`'school'` by default, `'teaching-point'`, `'special-education'`). Unknown keys are rejected.
 *
 * @category Planning
 */
export const districtSchoolsSchema = record(
  {
    schools: z.array(
      record({ id: idSchema, kind: z.optional(choice(SCHOOL_KINDS, 'kind of school')) }, 'a school { id, kind? }'),
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

const specialEducationReads = (p: ParameterTree) => ({ required: p.planning.specialEducation.minSchools });

/**
 * What {@link specialEducationSchoolCheckRule} reads: `{ required }`, the special-education schools
 * the district should run at least (`planning.specialEducation.minSchools`).
 *
 * @category Planning
 */
export type SpecialEducationSchoolParams = Resolved<ReturnType<typeof specialEducationReads>>;

/** What {@link specialEducationSchoolCheckRule} decides. @category Planning */
export type SpecialEducationSchoolOutcome = Omit<SpecialEducationSchoolResult, 'citations' | 'explanation'>;

/**
 * The pure rule of {@link specialEducationSchoolCheck}: the schools of kind `'special-education'`,
 * counted against the number required. Unchecked: give it input valid against
 * {@link districtSchoolsSchema} and parameters from `specialEducationSchoolCheck.parameters(options)`.
 *
 * @category Planning
 */
export function specialEducationSchoolCheckRule(district: DistrictSchoolsInput, params: SpecialEducationSchoolParams): SpecialEducationSchoolOutcome {
  const specialEducationSchools = district.schools.filter((s) => s.kind === 'special-education').map((s) => s.id);
  const count = specialEducationSchools.length;
  const required = params.required;
  return { compliant: count >= required, specialEducationSchools, count, required };
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
 * The pure rule is {@link specialEducationSchoolCheckRule}.
 *
 * @category Planning
 * @function
 * @param input - `{ schools: [{ id, kind? }] }`.
 * @param options - `{ asOf?, parameters? }`.
 * @returns Whether compliant, the special-education schools found, how many are required; citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options, a repeated id, or an `asOf` before the opinion's effective date (`opinion.effectiveFrom`, default 2017-05-23).
 * @example
 * ```ts
 * const r = specialEducationSchoolCheck({ schools: [{ id: 'CX-01' }, { id: 'TJ-01', kind: 'special-education' }] }, { asOf: '2025-09-01' });
 * r.compliant; //=> true
 * r.specialEducationSchools; //=> ['TJ-01']
 * specialEducationSchoolCheck({ schools: [{ id: 'CX-01', kind: 'school' }] }, { asOf: '2025-09-01' }).compliant; //=> false
 * ```
 */
export const specialEducationSchoolCheck = defineCalculator({
  name: 'specialEducationSchoolCheck',
  provisions: ['1.1'],
  input: districtSchoolsSchema,
  parse(input, issues) {
    const d = parseInto(districtSchoolsSchema, input, issues);
    checkUnique(isPlain(input) ? input['schools'] : undefined, 'id', 'id', issues, { prefix: ['schools'], provision: '1.1' });
    return d;
  },
  reads: specialEducationReads,
  rule: specialEducationSchoolCheckRule,
  result(outcome, call): SpecialEducationSchoolResult {
    const schools = call.input.schools;
    const used = call.used;
    const { specialEducationSchools, count, required, compliant } = outcome;
    const result = { ...outcome, citations: citationsOf(used, '1.1') };
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
  },
});

/**
 * {@link specialEducationSchoolCheck} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Planning
 */
export const safeSpecialEducationSchoolCheck = safe(specialEducationSchoolCheck);
