import type * as z from 'zod/mini';
import type { IsoDate } from '../core/dates.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { RuleContext } from '../core/resolve.js';
import { checkUnique, idSchema, listOf, parseInto, record, yesNo } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { coverageOf, coverageText, deadlineOn, deadlineStep, targetText, type Coverage, type TargetDeadline } from './internal.js';

/** One town or subdistrict (镇、街) and whether it has a head parents' school (家长学校总校). @category Wellbeing */
export const townParentSchoolSchema = record(
  { town: idSchema, hasParentSchoolHub: yesNo("the town or subdistrict has a head parents' school (家长学校总校)") },
  'a town object { town, hasParentSchoolHub }',
);
/** @category Wellbeing */
export type TownParentSchool = z.input<typeof townParentSchoolSchema>;

/** The input of {@link parentSchoolCoverage}: every town and subdistrict of the district, once each. @category Wellbeing */
export const parentSchoolListSchema = listOf(townParentSchoolSchema, 'towns { town, hasParentSchoolHub }');

/** What {@link parentSchoolCoverage} returns. @category Wellbeing */
export interface ParentSchoolCoverageResult extends Coverage, Explained {
  /** Towns and subdistricts without a head parents' school, in input order. */
  readonly missing: string[];
  /** The target date (`wellbeing.parentSchoolHubDeadline`, 2025-12-31) and where `asOf` stands. */
  readonly deadline: TargetDeadline;
  /** True when the deadline has passed and the target is not met. */
  readonly shortAfterDeadline: boolean;
}

/**
 * The parameters {@link parentSchoolCoverageRule} reads, resolved for `asOf`:
 * `wellbeing.parentSchoolHubTarget` in basis points (10000 for 100 %) and
 * `wellbeing.parentSchoolHubDeadline`.
 *
 * @category Wellbeing
 */
export interface ParentSchoolParams {
  /** The target share in basis points (ten-thousandths). */
  readonly target: number;
  /** The target date, inclusive. */
  readonly deadline: IsoDate;
}

/** What {@link parentSchoolCoverageRule} decides: the result of {@link parentSchoolCoverage} without citations and explanation. @category Wellbeing */
export type ParentSchoolOutcome = Omit<ParentSchoolCoverageResult, keyof Explained>;

/**
 * The pure rule of {@link parentSchoolCoverage}: the share of towns with a head parents' school
 * against the target, compared exactly, the towns missing one, and where `asOf` stands against the
 * deadline. The towns must be valid, each once, at least one; nothing is checked.
 *
 * @category Wellbeing
 */
export function parentSchoolCoverageRule(towns: readonly TownParentSchool[], p: ParentSchoolParams, call: RuleContext): ParentSchoolOutcome {
  const missing = towns.filter((r) => !r.hasParentSchoolHub).map((r) => r.town);
  const coverage = coverageOf(towns.length - missing.length, towns.length, p.target);
  const deadline = deadlineOn(p.deadline, call.asOf);
  return { ...coverage, missing, deadline, shortAfterDeadline: deadline.passed && !coverage.met };
}

/**
 * The share of towns and subdistricts (镇、街) with a head parents' school (家长学校总校), against the
 * 100 % target.
 *
 * Encodes opinion **3.3** (到2025年，以镇、街为单位建立家长学校总校，建校率达100%). Readings:
 *
 * - 建校率 = towns and subdistricts with a head parents' school ÷ all towns and subdistricts, one row
 *   each; the list must name every one of them (an empty list, or a town listed twice, is an input
 *   error).
 * - Compared exactly against `wellbeing.parentSchoolHubTarget` (1): 49 of 50 is short (98 %).
 * - 到2025年 is read as by 2025-12-31 (`wellbeing.parentSchoolHubDeadline`); `met` is whether the
 *   target is reached on `asOf` whatever the date, `shortAfterDeadline` whether it is late.
 * - The parents' schools of each school (建立家长学校) and the rest of 3.3's measures are not counted.
 *
 * @category Wellbeing
 * @function
 * @param input - `[{ town, hasParentSchoolHub }]`, every town and subdistrict once.
 * @param options - `{ asOf?, parameters? }`.
 * @returns The coverage (`covered`, `total`, `coverage`, `target`, `met`), the towns missing one, the deadline, citations and an explanation.
 * @throws {@link PolicyInputError} for invalid input or options, an empty list or a repeated town.
 * @example
 * ```ts
 * const r = parentSchoolCoverage(
 *   [{ town: '城关镇', hasParentSchoolHub: true }, { town: '东街街道', hasParentSchoolHub: false }],
 *   { asOf: '2026-01-01' },
 * );
 * r.coverage; //=> 0.5
 * r.met; //=> false
 * r.missing; //=> ['东街街道']
 * r.shortAfterDeadline; //=> true
 * ```
 */
export const parentSchoolCoverage = defineCalculator({
  name: 'parentSchoolCoverage',
  provisions: ['3.3'],
  input: parentSchoolListSchema,
  parse(input, issues) {
    const rows = parseInto(parentSchoolListSchema, input, issues);
    checkUnique(input, 'town', 'town', issues);
    if (rows !== undefined && rows.length === 0) issues.push({ path: [], code: 'too_small', message: 'must list every town and subdistrict of the district (at least one)', provision: '3.3' });
    return rows;
  },
  reads: (p) => ({ target: p.wellbeing.parentSchoolHubTarget, deadline: p.wellbeing.parentSchoolHubDeadline }),
  rule: parentSchoolCoverageRule,
  result(outcome, call): ParentSchoolCoverageResult {
    const targetBp = call.params.target;
    const { missing, deadline } = outcome;
    const coverage: Coverage = outcome;
    const result = { ...outcome, citations: citationsOf(call.used, '3.3') };
    return defineLazy(result, 'explanation', (): ExplanationStep[] => {
      const pct = targetText(coverage.target);
      return [
        ...parameterSteps(call.used, '3.3'),
        step('3.3',
          `镇街 ${coverage.total} 个，已建立家长学校总校 ${coverage.covered} 个${missing.length > 0 ? `；未建立：${missing.join('、')}` : ''}`,
          `${coverage.total} towns and subdistricts, ${coverage.covered} with a head parents' school${missing.length > 0 ? `; without one: ${missing.join(', ')}` : ''}`,
          { towns: coverage.total, withHub: coverage.covered }),
        step('3.3',
          `建校率 = ${coverage.covered} ÷ ${coverage.total} = ${coverageText(coverage)}；${coverage.covered} × 10000 ${coverage.met ? '≥' : '<'} ${targetBp} × ${coverage.total}：${coverage.met ? '达到' : '未达到'}目标 ${pct}`,
          `Establishment rate = ${coverage.covered} ÷ ${coverage.total} = ${coverageText(coverage)}; ${coverage.covered} × 10000 ${coverage.met ? '≥' : '<'} ${targetBp} × ${coverage.total}: the ${pct} target is ${coverage.met ? 'met' : 'not met'}`,
          { coverage: coverage.coverage, met: coverage.met }),
        deadlineStep('3.3', deadline, result.shortAfterDeadline),
      ];
    }) as ParentSchoolCoverageResult;
  },
});

/**
 * {@link parentSchoolCoverage} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Wellbeing
 */
export const safeParentSchoolCoverage = safe(parentSchoolCoverage);
