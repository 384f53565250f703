import { defineLazy, step, type Explained } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { resolve, type UsedValue } from '../core/parameters.js';
import { parseInto, throwIfAny } from '../core/schemas.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { parameterTree } from '../parameters/tree.js';
import { schoolSizeSchema, type SchoolSizeInput, type SchoolType } from './schemas.js';

/** What {@link schoolSizeStatus} returns. @category Classes */
export interface SchoolSizeStatusResult extends Explained {
  /** True when the pupils are at most the limit (the limit itself is within). */
  readonly withinLimit: boolean;
  /** 2000 (primary, junior) or 2500 (nine-year, twelve-year). */
  readonly limit: number;
  /** Pupils above the limit; 0 when within. */
  readonly excess: number;
}

const LEAF: Record<SchoolType, 'primary' | 'junior' | 'nineYear' | 'twelveYear'> = {
  primary: 'primary',
  junior: 'junior',
  'nine-year': 'nineYear',
  'twelve-year': 'twelveYear',
};
const TYPE_ZH: Record<SchoolType, string> = { primary: '小学', junior: '初中', 'nine-year': '九年一贯制学校', 'twelve-year': '十二年一贯制学校（义务教育阶段）' };

/**
 * Whether a school's size is within the 优质均衡 limit.
 *
 * Encodes the 优质均衡 assessment's item G4 (教督〔2017〕6号, secondary source): a primary or junior
 * school of at most 2000 pupils, a nine-year or twelve-year school (its compulsory part: give the
 * pupils of grades 1–9) of at most 2500 (`classes.schoolSizeLimit`). "Within" includes the limit:
 * 2000 pupils is within, 2001 is not. The opinion asks the district to set each school's admissions
 * scale by the provincial standard (**2.2**, 严格按照省定办学标准，核定辖区内义务教育学校招生规模) and to
 * control the size of schools that cannot grow (**2.1**, 控制办学规模); this limit is the national
 * yardstick for both.
 *
 * @category Classes
 * @param school - `{ type: 'primary' | 'junior' | 'nine-year' | 'twelve-year', pupils, id? }`.
 * @param options - `{ asOf?, parameters? }`.
 * @returns Whether within the limit, the limit, the pupils above it, citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options, or a date before 2017-04-01.
 * @example
 * ```ts
 * schoolSizeStatus({ type: 'primary', pupils: 2000 }, { asOf: '2025-09-01' }).withinLimit; //=> true
 * const r = schoolSizeStatus({ type: 'nine-year', pupils: 2600 }, { asOf: '2025-09-01' });
 * r.withinLimit; //=> false
 * r.limit; //=> 2500
 * r.excess; //=> 100
 * ```
 */
export function schoolSizeStatus(school: SchoolSizeInput, options?: CalculatorOptions): SchoolSizeStatusResult {
  const issues: PolicyIssue[] = [];
  const parsed = parseInto(schoolSizeSchema, school, issues);
  const ctx = readOptions(options, issues);
  throwIfAny(issues);
  const s = parsed as NonNullable<typeof parsed>;
  const used: UsedValue[] = [];
  const key = LEAF[s.type];
  const limit = resolve(parameterTree.classes.schoolSizeLimit[key], `classes.schoolSizeLimit.${key}`, ctx, issues, used);
  throwIfAny(issues);
  const withinLimit = s.pupils <= limit;
  const excess = withinLimit ? 0 : s.pupils - limit;
  const result = { withinLimit, limit, excess, citations: [...new Set(['2.2', ...citationsOf(used, '2.2'), '2.1'])] };
  const who = s.id === undefined ? '' : ` ${s.id}`;
  return defineLazy(result, 'explanation', () => [
    ...parameterSteps(used, '2.2'),
    step('jiaodu-2017-6',
      `学校${who}（${TYPE_ZH[s.type]}）在校生 ${s.pupils} 人，规模上限 ${limit} 人（含）：${withinLimit ? '未超过上限' : `超过上限 ${excess} 人`}`,
      `School${who} (${s.type}): ${s.pupils} pupils, limit ${limit} (inclusive): ${withinLimit ? 'within the limit' : `${excess} above the limit`}`,
      { pupils: s.pupils, limit, withinLimit, excess }),
  ]) as SchoolSizeStatusResult;
}

/**
 * {@link schoolSizeStatus} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Classes
 */
export const safeSchoolSizeStatus = makeSafe(schoolSizeStatus);
