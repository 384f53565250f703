import type * as z from 'zod';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { resolve, type UsedValue } from '../core/parameters.js';
import { idSchema, parseInto, record, throwIfAny } from '../core/schemas.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { parameterTree } from '../parameters/tree.js';
import { checkUnique, coverageOf, coverageText, deadlineOn, deadlineStep, listOf, targetText, yesNo, type Coverage, type TargetDeadline } from './common.js';

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
 * @param towns - `[{ town, hasParentSchoolHub }]`, every town and subdistrict once.
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
export function parentSchoolCoverage(towns: readonly TownParentSchool[], options?: CalculatorOptions): ParentSchoolCoverageResult {
  const issues: PolicyIssue[] = [];
  const rows = parseInto(parentSchoolListSchema, towns, issues);
  checkUnique(towns, 'town', 'town', issues);
  const ctx = readOptions(options, issues);
  if (rows !== undefined) {
    if (rows.length === 0) issues.push({ path: [], code: 'too_small', message: 'must list every town and subdistrict of the district (at least one)', provision: '3.3' });
  }
  throwIfAny(issues);
  const used: UsedValue[] = [];
  const w = parameterTree.wellbeing;
  const targetBp = resolve(w.parentSchoolHubTarget, 'wellbeing.parentSchoolHubTarget', ctx, issues, used);
  const deadlineDate = resolve(w.parentSchoolHubDeadline, 'wellbeing.parentSchoolHubDeadline', ctx, issues, used);
  throwIfAny(issues);
  const list = rows as NonNullable<typeof rows>;
  const missing = list.filter((r) => !r.hasParentSchoolHub).map((r) => r.town);
  const coverage = coverageOf(list.length - missing.length, list.length, targetBp);
  const deadline = deadlineOn(deadlineDate, ctx.asOf);
  const result = { ...coverage, missing, deadline, shortAfterDeadline: deadline.passed && !coverage.met, citations: citationsOf(used, '3.3') };
  return defineLazy(result, 'explanation', (): ExplanationStep[] => {
    const d = deadline;
    const pct = targetText(coverage.target);
    return [
      ...parameterSteps(used, '3.3'),
      step('3.3',
        `镇街 ${coverage.total} 个，已建立家长学校总校 ${coverage.covered} 个${missing.length > 0 ? `；未建立：${missing.join('、')}` : ''}`,
        `${coverage.total} towns and subdistricts, ${coverage.covered} with a head parents' school${missing.length > 0 ? `; without one: ${missing.join(', ')}` : ''}`,
        { towns: coverage.total, withHub: coverage.covered }),
      step('3.3',
        `建校率 = ${coverage.covered} ÷ ${coverage.total} = ${coverageText(coverage)}；${coverage.covered} × 10000 ${coverage.met ? '≥' : '<'} ${targetBp} × ${coverage.total}：${coverage.met ? '达到' : '未达到'}目标 ${pct}`,
        `Establishment rate = ${coverage.covered} ÷ ${coverage.total} = ${coverageText(coverage)}; ${coverage.covered} × 10000 ${coverage.met ? '≥' : '<'} ${targetBp} × ${coverage.total}: the ${pct} target is ${coverage.met ? 'met' : 'not met'}`,
        { coverage: coverage.coverage, met: coverage.met }),
      deadlineStep('3.3', d, result.shortAfterDeadline),
    ];
  }) as ParentSchoolCoverageResult;
}

/**
 * {@link parentSchoolCoverage} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Wellbeing
 */
export const safeParentSchoolCoverage = makeSafe(parentSchoolCoverage);
