import { defineLazy, step, type Explained } from '../core/explain.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { classesParameters as C } from './parameters.js';
import { schoolSizeSchema, type SchoolSizeRecord, type SchoolType } from './schemas.js';

/**
 * The school-size limits, resolved for a day: what {@link schoolSizeStatusRule} takes
 * (`schoolSizeStatus.parameters(options)` gives them).
 *
 * @category Classes
 */
export interface SchoolSizeParams {
  /** `classes.schoolSizeLimit`: 2000 primary and junior, 2500 nine-year and twelve-year (its compulsory part). */
  readonly limits: { readonly primary: number; readonly junior: number; readonly nineYear: number; readonly twelveYear: number };
}

/** What {@link schoolSizeStatusRule} decides for one school. @category Classes */
export interface SchoolSizeOutcome {
  /** True when the pupils are at most the limit (the limit itself is within). */
  readonly withinLimit: boolean;
  /** 2000 (primary, junior) or 2500 (nine-year, twelve-year). */
  readonly limit: number;
  /** Pupils above the limit; 0 when within. */
  readonly excess: number;
}

/** What {@link schoolSizeStatus} returns. @category Classes */
export interface SchoolSizeStatusResult extends SchoolSizeOutcome, Explained {}

/** The key of each type's limit under `classes.schoolSizeLimit`. */
const LIMIT: Record<SchoolType, keyof SchoolSizeParams['limits']> = {
  primary: 'primary',
  junior: 'junior',
  'nine-year': 'nineYear',
  'twelve-year': 'twelveYear',
};
const TYPE_ZH: Record<SchoolType, string> = { primary: '小学', junior: '初中', 'nine-year': '九年一贯制学校', 'twelve-year': '十二年一贯制学校（义务教育阶段）' };

/**
 * The pure rule of {@link schoolSizeStatus}: whether one validated school's pupils are within the
 * limit for its type (inclusive), and by how many it exceeds it. Reads only its own type's limit.
 *
 * @category Classes
 */
export function schoolSizeStatusRule(school: SchoolSizeRecord, p: SchoolSizeParams): SchoolSizeOutcome {
  const limit = p.limits[LIMIT[school.type]];
  const withinLimit = school.pupils <= limit;
  return { withinLimit, limit, excess: withinLimit ? 0 : school.pupils - limit };
}

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
 * @function
 * @param input - `{ type: 'primary' | 'junior' | 'nine-year' | 'twelve-year', pupils, id? }`.
 * @param options - `{ asOf?, parameters? }`.
 * @returns Whether within the limit, the limit, the pupils above it, citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options, or a date before 2017-05-23 (教督〔2017〕6号).
 * @example
 * ```ts
 * schoolSizeStatus({ type: 'primary', pupils: 2000 }, { asOf: '2025-09-01' }).withinLimit; //=> true
 * const r = schoolSizeStatus({ type: 'nine-year', pupils: 2600 }, { asOf: '2025-09-01' });
 * r.withinLimit; //=> false
 * r.limit; //=> 2500
 * r.excess; //=> 100
 * ```
 */
export const schoolSizeStatus = defineCalculator({
  name: 'schoolSizeStatus',
  provisions: ['2.2', '2.1'],
  input: schoolSizeSchema,
  reads: (p) => ({ limits: p.classes.schoolSizeLimit }),
  rule: schoolSizeStatusRule,
  result(outcome, call): SchoolSizeStatusResult {
    const s = call.input;
    const { withinLimit, limit, excess } = outcome;
    const path = C.schoolSizeLimit[LIMIT[s.type]].path;
    const used = call.used.filter((u) => u.path === path);
    const result = { ...outcome, citations: [...new Set(['2.2', ...citationsOf(used, '2.2'), '2.1'])] };
    const who = s.id === undefined ? '' : ` ${s.id}`;
    return defineLazy(result, 'explanation', () => [
      ...parameterSteps(used, '2.2'),
      step('jiaodu-2017-6',
        `学校${who}（${TYPE_ZH[s.type]}）在校生 ${s.pupils} 人，规模上限 ${limit} 人（含）：${withinLimit ? '未超过上限' : `超过上限 ${excess} 人`}`,
        `School${who} (${s.type}): ${s.pupils} pupils, limit ${limit} (inclusive): ${withinLimit ? 'within the limit' : `${excess} above the limit`}`,
        { pupils: s.pupils, limit, withinLimit, excess }),
    ]) as SchoolSizeStatusResult;
  },
});

/**
 * {@link schoolSizeStatus} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Classes
 */
export const safeSchoolSizeStatus = safe(schoolSizeStatus);
