import type * as z from 'zod/mini';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { checkUnique, countSchema, idSchema, listOf, parseInto, record } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';

/** One school's full-time security staff (专职安全保卫人员), a whole number. @category Wellbeing */
export const schoolSecuritySchema = record({ id: idSchema, fullTimeSecurityStaff: countSchema }, 'a school object { id, fullTimeSecurityStaff }');
/** @category Wellbeing */
export type SchoolSecurity = z.input<typeof schoolSecuritySchema>;

/** The input of {@link securityPostCheck}: the schools, once each. @category Wellbeing */
export const securityListSchema = listOf(schoolSecuritySchema, 'schools { id, fullTimeSecurityStaff }');

/** A school below the minimum. @category Wellbeing */
export interface SecurityShortfall {
  readonly id: string;
  readonly fullTimeSecurityStaff: number;
  /** Staff missing to reach the minimum. */
  readonly missing: number;
}

/** What {@link securityPostCheck} returns. @category Wellbeing */
export interface SecurityPostResult extends Explained {
  /** Number of schools. */
  readonly schools: number;
  /** `wellbeing.securityMinFullTimeStaff` (1). */
  readonly minimum: number;
  /** Schools with at least the minimum. */
  readonly withPost: number;
  /** Schools below it, in input order. */
  readonly withoutPost: SecurityShortfall[];
  /** True when every school has the post. */
  readonly compliant: boolean;
}

/**
 * The pure rule of {@link securityPostCheck}: the schools below the minimum, in input order.
 *
 * @category Wellbeing
 */
export function securityPostCheckRule(schools: readonly { id: string; fullTimeSecurityStaff: number }[], p: { readonly minimum: number }): SecurityShortfall[] {
  const withoutPost: SecurityShortfall[] = [];
  for (const s of schools) {
    if (s.fullTimeSecurityStaff < p.minimum) withoutPost.push({ id: s.id, fullTimeSecurityStaff: s.fullTimeSecurityStaff, missing: p.minimum - s.fullTimeSecurityStaff });
  }
  return withoutPost;
}

/**
 * The schools without a full-time security post.
 *
 * Encodes opinion **7.1** (落实学校安全保卫专职岗位设置). The opinion asks for the post without a
 * number; junheng reads it as at least `wellbeing.securityMinFullTimeStaff` full-time security staff
 * per school, 1 by default (junheng's reading, unverified: set your province's figure). 0 staff is
 * short, 1 is met. Part-time guards and contracted patrols are not counted: give full-time staff
 * only. An empty list, or a repeated id, is an input error. The item's other safety measures carry no quantity and are not computed.
 *
 * @category Wellbeing
 * @function
 * @param input - `[{ id, fullTimeSecurityStaff }]`, each school once.
 * @param options - `{ asOf?, parameters? }`.
 * @returns The minimum, the schools meeting it and those short of it, citations and an explanation.
 * @throws {@link PolicyInputError} for invalid input or options, an empty list or a repeated id.
 * @example
 * ```ts
 * const r = securityPostCheck([{ id: 'A', fullTimeSecurityStaff: 1 }, { id: 'B', fullTimeSecurityStaff: 0 }], { asOf: '2025-09-01' });
 * r.minimum; //=> 1
 * r.withoutPost; //=> [{ id: 'B', fullTimeSecurityStaff: 0, missing: 1 }]
 * r.compliant; //=> false
 * ```
 */
export const securityPostCheck = defineCalculator({
  name: 'securityPostCheck',
  provisions: ['7.1'],
  input: securityListSchema,
  parse(input, issues) {
    const rows = parseInto(securityListSchema, input, issues);
    checkUnique(input, 'id', 'id', issues);
    if (rows !== undefined && rows.length === 0) issues.push({ path: [], code: 'too_small', message: "must list the district's schools (at least one)", provision: '7.1' });
    return rows;
  },
  reads: (p) => ({ minimum: p.wellbeing.securityMinFullTimeStaff }),
  rule: securityPostCheckRule,
  result(outcome, call): SecurityPostResult {
    const { minimum } = call.params;
    const list = call.input;
    const withoutPost = outcome;
    const result = {
      schools: list.length,
      minimum,
      withPost: list.length - withoutPost.length,
      withoutPost,
      compliant: withoutPost.length === 0,
      citations: citationsOf(call.used, '7.1'),
    };
    return defineLazy(result, 'explanation', (): ExplanationStep[] => {
      const ids = withoutPost.map((s) => s.id);
      return [
        ...parameterSteps(call.used, '7.1'),
        step('7.1',
          `落实学校安全保卫专职岗位设置：每校专职安全保卫人员不少于 ${minimum} 人`,
          `A full-time security post at every school: at least ${minimum} full-time security staff per school`,
          { minimum }),
        step('7.1',
          `学校 ${list.length} 所，达到 ${result.withPost} 所，未达到 ${ids.length} 所${ids.length > 0 ? `：${ids.slice(0, 20).join('、')}${ids.length > 20 ? ` 等（另 ${ids.length - 20} 所）` : ''}` : ''}`,
          `${list.length} schools, ${result.withPost} with the post, ${ids.length} without${ids.length > 0 ? `: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ` (and ${ids.length - 20} more)` : ''}` : ''}`,
          { schools: list.length, withPost: result.withPost, withoutPost: ids.length }),
      ];
    }) as SecurityPostResult;
  },
});

/**
 * {@link securityPostCheck} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Wellbeing
 */
export const safeSecurityPostCheck = safe(securityPostCheck);
