import type * as z from 'zod/mini';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { checkUnique, countSchema, idSchema, listOf, parseInto, record, yesNo } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { coverageOf, coverageText, type Coverage } from './internal.js';

/**
 * One school's information infrastructure (信息化基础条件):
 *
 * - `broadband`: the school is connected to broadband (宽带网络校校通).
 * - `classes`, `classesWithMultimedia`: its classes, and those with multimedia teaching equipment
 *   (多媒体教学设备班班通); `classesWithMultimedia` ≤ `classes`.
 * - `wirelessFullCampus`: wireless network covers the whole campus (校园无线网络全覆盖).
 *
 * Unknown keys are rejected.
 *
 * @category Wellbeing
 */
export const schoolConnectivitySchema = record(
  {
    id: idSchema,
    broadband: yesNo('the school has broadband'),
    classes: countSchema,
    classesWithMultimedia: countSchema,
    wirelessFullCampus: yesNo('wireless network covers the whole campus'),
  },
  'a school object { id, broadband, classes, classesWithMultimedia, wirelessFullCampus }',
);
/** @category Wellbeing */
export type SchoolConnectivity = z.input<typeof schoolConnectivitySchema>;

/** The input of {@link connectivityCoverage}: the district's schools, once each. @category Wellbeing */
export const connectivityListSchema = listOf(schoolConnectivitySchema, 'schools { id, broadband, classes, classesWithMultimedia, wirelessFullCampus }');

/** A school short of at least one of the three. @category Wellbeing */
export interface ConnectivityShortfall {
  readonly id: string;
  /** False when the school has no broadband. */
  readonly broadband: boolean;
  /** classes − classesWithMultimedia. */
  readonly classesWithoutMultimedia: number;
  /** False when wireless does not cover the whole campus. */
  readonly wirelessFullCampus: boolean;
}

/** What {@link connectivityCoverage} returns. @category Wellbeing */
export interface ConnectivityCoverageResult extends Explained {
  /** Number of schools. */
  readonly schools: number;
  /** Schools with broadband, of all schools (校校通), against 100 %. */
  readonly broadband: Coverage;
  /** Classes with multimedia equipment, of all classes (班班通), against 100 %. */
  readonly multimedia: Coverage;
  /** Schools with full campus wireless coverage, of all schools, against 100 %. */
  readonly wireless: Coverage;
  /** All three at 100 %. */
  readonly compliant: boolean;
  /** Schools short of any of the three, in input order. */
  readonly shortfalls: ConnectivityShortfall[];
}

/** 100 %, in basis points: 全面实现 and 全覆盖 leave no margin. */
const ALL = 10_000;

/**
 * What {@link connectivityCoverageRule} decides: the result of {@link connectivityCoverage} without
 * citations and explanation.
 *
 * @category Wellbeing
 */
export type ConnectivityOutcome = Omit<ConnectivityCoverageResult, keyof Explained>;

/**
 * The pure rule of {@link connectivityCoverage}: the three coverages (broadband per school,
 * multimedia per class, wireless per campus, each against 100 %) and the schools short of any.
 *
 * Give it records already valid in the form of {@link SchoolConnectivity}: whole, non-negative
 * counts, `classesWithMultimedia` ≤ `classes`, each id once; nothing is checked (a wrong record
 * gives a wrong answer, not an error). It reads no parameter: the targets are fixed by the text. An
 * empty list gives 0 of 0 (coverage 1, met) for each; the checked {@link connectivityCoverage}
 * refuses it. Hosts that validate elsewhere (the 优质均衡 guarantees) call it directly.
 *
 * @category Wellbeing
 * @example
 * ```ts
 * const o = connectivityCoverageRule([{ id: 'A', broadband: true, classes: 6, classesWithMultimedia: 5, wirelessFullCampus: true }]);
 * o.multimedia.met; //=> false
 * o.shortfalls.map((s) => s.classesWithoutMultimedia); //=> [1]
 * ```
 */
export function connectivityCoverageRule(schools: readonly SchoolConnectivity[]): ConnectivityOutcome {
  let withBroadband = 0;
  let withWireless = 0;
  let classes = 0;
  let equipped = 0;
  const shortfalls: ConnectivityShortfall[] = [];
  for (const s of schools) {
    if (s.broadband) withBroadband++;
    if (s.wirelessFullCampus) withWireless++;
    classes += s.classes;
    equipped += s.classesWithMultimedia;
    const missing = s.classes - s.classesWithMultimedia;
    if (!s.broadband || !s.wirelessFullCampus || missing > 0) {
      shortfalls.push({ id: s.id, broadband: s.broadband, classesWithoutMultimedia: missing, wirelessFullCampus: s.wirelessFullCampus });
    }
  }
  const broadband = coverageOf(withBroadband, schools.length, ALL);
  const multimedia = coverageOf(equipped, classes, ALL);
  const wireless = coverageOf(withWireless, schools.length, ALL);
  return {
    schools: schools.length,
    broadband,
    multimedia,
    wireless,
    compliant: broadband.met && multimedia.met && wireless.met,
    shortfalls,
  };
}

/**
 * Coverage of broadband (every school), multimedia teaching equipment (every class) and campus-wide
 * wireless (every school) across a district's schools, and the schools that fall short.
 *
 * Encodes opinion **6.3** (全面实现宽带网络校校通和多媒体教学设备班班通，实现校园无线网络全覆盖). Readings:
 *
 * - 校校通 and 全覆盖 are counted per school, 班班通 per class; the target of each is every one
 *   (100 %), read from 全面实现 / 全覆盖 and fixed (no parameter): 199 of 200 classes is short.
 * - The opinion gives no date for these; the result says where coverage stands on the data given.
 * - A school with no classes has nothing to equip; a district with no classes at all meets 班班通
 *   vacuously (coverage shown as 1). An empty list of schools, or a repeated id, is an input error.
 * - The quality-resource pushes (同步课堂 …) and the item's other measures are not computed.
 *
 * @category Wellbeing
 * @function
 * @param input - `[{ id, broadband, classes, classesWithMultimedia, wirelessFullCampus }]`, each school once.
 * @param options - `{ asOf? }` (accepted for symmetry; no dated value is read).
 * @returns The three coverages, whether all are complete, the schools falling short, citations and an explanation.
 * @throws {@link PolicyInputError} for invalid input or options, an empty list, a repeated id, or more equipped classes than classes.
 * @example
 * ```ts
 * const r = connectivityCoverage([
 *   { id: 'A', broadband: true, classes: 12, classesWithMultimedia: 12, wirelessFullCampus: true },
 *   { id: 'B', broadband: true, classes: 6, classesWithMultimedia: 5, wirelessFullCampus: false },
 * ]);
 * r.broadband.met; //=> true
 * r.multimedia.covered; //=> 17
 * r.multimedia.met; //=> false
 * r.wireless.coverage; //=> 0.5
 * r.shortfalls; //=> [{ id: 'B', broadband: true, classesWithoutMultimedia: 1, wirelessFullCampus: false }]
 * ```
 */
export const connectivityCoverage = defineCalculator({
  name: 'connectivityCoverage',
  provisions: ['6.3'],
  input: connectivityListSchema,
  parse(input, issues) {
    const rows = parseInto(connectivityListSchema, input, issues);
    checkUnique(input, 'id', 'id', issues);
    if (rows !== undefined) {
      if (rows.length === 0) issues.push({ path: [], code: 'too_small', message: 'must list the district\'s schools (at least one)', provision: '6.3' });
      rows.forEach((r, i) => {
        if (r.classesWithMultimedia > r.classes) {
          issues.push({ path: [i, 'classesWithMultimedia'], code: 'inconsistent', message: `must not exceed classes (${r.classesWithMultimedia} equipped, ${r.classes} classes)`, provision: '6.3' });
        }
      });
    }
    return rows;
  },
  rule: connectivityCoverageRule,
  result(outcome): ConnectivityCoverageResult {
    const { broadband, multimedia, wireless, shortfalls } = outcome;
    const result = { ...outcome, citations: ['6.3'] };
    return defineLazy(result, 'explanation', (): ExplanationStep[] => {
      const line = (zh: string, en: string, c: Coverage, unitZh: string, unitEn: string) =>
        step('6.3',
          `${zh}：${c.covered} / ${c.total} ${unitZh} = ${coverageText(c)}，${c.met ? '已全覆盖' : `未全覆盖，差 ${c.total - c.covered} ${unitZh}`}`,
          `${en}: ${c.covered} / ${c.total} ${unitEn} = ${coverageText(c)}, ${c.met ? 'complete' : `not complete, ${c.total - c.covered} ${unitEn} short`}`,
          { covered: c.covered, total: c.total, met: c.met });
      const ids = shortfalls.map((s) => s.id);
      return [
        step('6.3', '目标：宽带网络校校通、多媒体教学设备班班通、校园无线网络全覆盖（均为 100%）', 'Targets: broadband in every school, multimedia equipment in every class, wireless across every campus (each 100%)'),
        line('宽带网络校校通', 'Broadband (schools)', broadband, '所学校', 'schools'),
        line('多媒体教学设备班班通', 'Multimedia equipment (classes)', multimedia, '个班', 'classes'),
        line('校园无线网络全覆盖', 'Campus-wide wireless (schools)', wireless, '所学校', 'schools'),
        step('6.3',
          ids.length === 0 ? '所有学校三项均已达到' : `未达到的学校 ${ids.length} 所：${ids.slice(0, 20).join('、')}${ids.length > 20 ? ` 等（另 ${ids.length - 20} 所）` : ''}`,
          ids.length === 0 ? 'Every school meets all three' : `${ids.length} schools fall short: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ` (and ${ids.length - 20} more)` : ''}`,
          { compliant: result.compliant, schoolsShort: ids.length }),
      ];
    }) as ConnectivityCoverageResult;
  },
});

/**
 * {@link connectivityCoverage} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Wellbeing
 */
export const safeConnectivityCoverage = safe(connectivityCoverage);
