import { daysBetween, type IsoDate } from '../core/dates.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { DECIMAL_SCALE } from '../core/parameters.js';
import type { UsedValue } from '../core/resolve.js';
import type { Bilingual, Confidence } from '../core/types.js';
import { classesParameters } from '../classes/parameters.js';
import type { CalculatorOptions } from '../parameters/context.js';
import { declareFunction, prepare, safe } from '../parameters/kit.js';
import type { SourceId } from '../parameters/sources.js';
import { parameterSteps } from '../parameters/steps.js';
import type { ParameterTree } from '../parameters/tree.js';
import { wellbeingParameters } from '../wellbeing/parameters.js';
import { asOfStep } from './internal.js';
import { planningParameters } from './parameters.js';

/** The provisions that print a dated target. @category Planning */
export type TargetProvision = '1.3' | '2.3' | '3.2' | '3.3';

/** One dated target of the opinion, on `asOf`. @category Planning */
export interface OpinionTarget {
  /** A stable id: `'quality-resource-coverage'`, `'large-classes-eliminated'`, `'arts-assessment-coverage'`, `'parent-school-coverage'`. */
  readonly id: string;
  readonly provision: TargetProvision;
  /** The target as printed (zh), and an English rendering. */
  readonly text: Bilingual;
  /** What is measured, as a share. */
  readonly measure: Bilingual;
  /** `'at-least'`: the measured share must reach `share`; `'at-most'`: it must not exceed it. */
  readonly comparison: 'at-least' | 'at-most';
  /** The target share, from 0 to 1 (100 % → 1; 全面解决 → 0 large classes): as printed, or the parameter for 3.2 and 3.3. */
  readonly share: number;
  /** The parameter holding the target share (`wellbeing.artsCoverageTarget`, `wellbeing.parentSchoolHubTarget`), or `null` where the share is fixed by the text. */
  readonly shareParameter: string | null;
  /** The parameter holding the deadline, where the check of the target reads it. */
  readonly parameter: string;
  /** The deadline, inclusive. */
  readonly deadline: IsoDate;
  /** Where the deadline comes from, and how well it is known (the printed years were flattened: unverified). */
  readonly source: SourceId | 'override';
  readonly confidence: Confidence;
  /** `'open'` up to and including the deadline day, `'passed'` from the day after. */
  readonly status: 'open' | 'passed';
  /** Days from `asOf` to the deadline while open (0 on the deadline day); 0 once passed. */
  readonly daysRemaining: number;
  /** Days since the deadline once passed (1 on the day after); 0 while open. */
  readonly daysPassed: number;
}

/** What {@link opinionTargets} returns. @category Planning */
export interface OpinionTargetsResult extends Explained {
  /** The targets, by deadline, then in printed order. */
  readonly targets: OpinionTarget[];
}

/**
 * What {@link opinionTargets} reads: the four deadlines where the checks of each target read them,
 * then the 3.2 and 3.3 shares.
 */
const targetReads = (p: ParameterTree) => ({
  deadlines: {
    qualityResourceCoverage: p.planning.targets.qualityResourceCoverage,
    largeClasses: p.classes.largeClassDeadline,
    arts: p.wellbeing.artsCoverageDeadline,
    parentSchool: p.wellbeing.parentSchoolHubDeadline,
  },
  shares: {
    arts: p.wellbeing.artsCoverageTarget,
    parentSchool: p.wellbeing.parentSchoolHubTarget,
  },
});

type Deadlines = ReturnType<typeof targetReads>['deadlines'];
type Shares = ReturnType<typeof targetReads>['shares'];

interface TargetSpec {
  readonly id: string;
  readonly provision: TargetProvision;
  readonly text: Bilingual;
  readonly measure: Bilingual;
  readonly comparison: 'at-least' | 'at-most';
  /** The printed share, for targets whose share is not a parameter. */
  readonly share: number;
  /** The share parameter, for 3.2 and 3.3: its key in the selection and its path. */
  readonly shareParameter?: { readonly key: keyof Shares; readonly path: string };
  /** The deadline parameter: its key in the selection and its path. */
  readonly deadline: keyof Deadlines;
  readonly parameter: string;
}

/**
 * The opinion's dated targets, in printed order. Deadlines (and the 3.2, 3.3 shares) are read from the
 * parameters the areas that check them use, never copied.
 */
const TARGETS: readonly TargetSpec[] = [
  {
    id: 'quality-resource-coverage',
    provision: '1.3',
    text: { zh: '到2025年，实现全区义务教育优质资源全覆盖', en: 'By 2025, high-quality compulsory-education resources cover the whole district' },
    measure: { zh: '义务教育优质资源覆盖率', en: 'coverage of high-quality compulsory-education resources' },
    comparison: 'at-least',
    share: 1,
    deadline: 'qualityResourceCoverage',
    parameter: planningParameters.targets.qualityResourceCoverage.path,
  },
  {
    id: 'large-classes-eliminated',
    provision: '2.3',
    text: { zh: '确保到2025年年底前全面解决城镇中小学大班额问题', en: 'By the end of 2025, large classes (56+) in urban and town (城镇) schools are eliminated' },
    measure: { zh: '城镇中小学大班额占比', en: 'share of large classes in urban and town schools' },
    comparison: 'at-most',
    share: 0,
    deadline: 'largeClasses',
    parameter: classesParameters.largeClassDeadline.path,
  },
  {
    id: 'arts-assessment-coverage',
    provision: '3.2',
    text: { zh: '到2025年，全区中小学生艺术素质测评覆盖率达到100%', en: "By 2025, the arts-literacy assessment covers 100 % of the district's primary and secondary pupils" },
    measure: { zh: '中小学生艺术素质测评覆盖率', en: 'arts-literacy assessment coverage of pupils' },
    comparison: 'at-least',
    share: 1,
    shareParameter: { key: 'arts', path: wellbeingParameters.artsCoverageTarget.path },
    deadline: 'arts',
    parameter: wellbeingParameters.artsCoverageDeadline.path,
  },
  {
    id: 'parent-school-coverage',
    provision: '3.3',
    text: { zh: '到2025年，以镇、街为单位建立家长学校总校，建校率达100%', en: 'By 2025, every town and subdistrict (镇、街) has a central parent school: a 100 % rate' },
    measure: { zh: '镇、街家长学校总校建校率', en: 'share of towns and subdistricts with a central parent school' },
    comparison: 'at-least',
    share: 1,
    shareParameter: { key: 'parentSchool', path: wellbeingParameters.parentSchoolHubTarget.path },
    deadline: 'parentSchool',
    parameter: wellbeingParameters.parentSchoolHubDeadline.path,
  },
];

const pct = (share: number): string => `${share * 100}%`;

/**
 * The opinion's dated targets as a timeline: each target with its provision, the share it aims at,
 * its deadline, and on `asOf` the days remaining or passed.
 *
 * Encodes the dated targets of opinion **1.3** (到2025年，实现全区义务教育优质资源全覆盖), **2.3**
 * (确保到2025年年底前全面解决城镇中小学大班额问题), **3.2** (到2025年，全区中小学生艺术素质测评覆盖率达到100%)
 * and **3.3** (到2025年，以镇、街为单位建立家长学校总校，建校率达100%). Readings:
 *
 * - 到2025年 is read as the end of that year, 2025-12-31, inclusive, like 2.3's 年底前. The deadlines
 *   are parameters, read where the checks of each target read them, never copied:
 *   `planning.targets.qualityResourceCoverage` (1.3), `classes.largeClassDeadline` (2.3, as
 *   `classSizeReport`), `wellbeing.artsCoverageDeadline` (3.2, as `physicalAndArtsCheck`) and
 *   `wellbeing.parentSchoolHubDeadline` (3.3, as `parentSchoolCoverage`). All are marked unverified:
 *   the printed target years were flattened to 2025. Set the real dates with `parameters`; the
 *   timeline follows.
 * - A target is `'open'` up to and including its deadline day (0 days remaining on it) and
 *   `'passed'` from the day after. Whether a target was met needs data this function does not take:
 *   see `classSizeReport` for 2.3.
 * - 全覆盖 and 100% are a share of 1; 全面解决 (大班额) a share of large classes of at most 0. The 3.2
 *   and 3.3 shares are read from `wellbeing.artsCoverageTarget` and `wellbeing.parentSchoolHubTarget`.
 *
 * @category Planning
 * @function
 * @param options - `{ asOf?, parameters? }` (default today).
 * @returns The targets by deadline, each with its state on `asOf`; citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid options, or an `asOf` before the opinion's effective date (`opinion.effectiveFrom`, default 2017-05-23).
 * @example
 * ```ts
 * const r = opinionTargets({ asOf: '2025-12-31' });
 * r.targets.map((t) => t.provision); //=> ['1.3', '2.3', '3.2', '3.3']
 * r.targets[0]?.deadline; //=> '2025-12-31'
 * r.targets[0]?.status; //=> 'open'
 * opinionTargets({ asOf: '2026-01-01' }).targets[2]?.daysPassed; //=> 1
 * opinionTargets({ asOf: '2025-09-01', parameters: { wellbeing: { artsCoverageDeadline: '2025-10-01' } } }).targets[0]?.provision; //=> '3.2'
 * ```
 */
export const opinionTargets = declareFunction(
  function opinionTargets(options?: CalculatorOptions): OpinionTargetsResult {
    const { ctx, snapshot, params } = prepare('opinionTargets', targetReads, options);
    const used = snapshot.used;
    const byPath = new Map(used.map((u) => [u.path, u]));
    const asOf = ctx.asOf;
    const targets = TARGETS.map((t): OpinionTarget => {
      const deadline = params.deadlines[t.deadline];
      const u = byPath.get(t.parameter) as UsedValue;
      const left = daysBetween(asOf, deadline);
      return {
        id: t.id,
        provision: t.provision,
        text: t.text,
        measure: t.measure,
        comparison: t.comparison,
        // Share leaves resolve to ten-thousandths (1 → 10000).
        share: t.shareParameter === undefined ? t.share : params.shares[t.shareParameter.key] / DECIMAL_SCALE,
        shareParameter: t.shareParameter?.path ?? null,
        parameter: t.parameter,
        deadline,
        source: u.source as SourceId | 'override',
        confidence: u.confidence,
        status: left >= 0 ? 'open' : 'passed',
        daysRemaining: Math.max(0, left),
        daysPassed: Math.max(0, -left),
      };
    });
    // Stable sort: by deadline, ties in printed order.
    targets.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
    const result = { targets, citations: ['1.3', '2.3', '3.2', '3.3'] };
    return defineLazy(result, 'explanation', (): ExplanationStep[] => [
      asOfStep('1.3', asOf),
      ...TARGETS.flatMap((t) => parameterSteps(used.filter((u) => u.path === t.parameter || u.path === t.shareParameter?.path), t.provision)),
      ...targets.map((t) =>
        step(t.provision,
          `${t.text.zh}（${t.measure.zh}${t.comparison === 'at-least' ? '不低于' : '不高于'} ${pct(t.share)}）：期限 ${t.deadline}，${t.status === 'open' ? `尚余 ${t.daysRemaining} 天` : `已过 ${t.daysPassed} 天`}`,
          `${t.text.en} (${t.measure.en} ${t.comparison === 'at-least' ? 'at least' : 'at most'} ${pct(t.share)}): deadline ${t.deadline}, ${t.status === 'open' ? `${t.daysRemaining} days remaining` : `passed ${t.daysPassed} days ago`}`,
          { id: t.id, deadline: t.deadline, status: t.status, daysRemaining: t.daysRemaining, daysPassed: t.daysPassed })),
    ]) as OpinionTargetsResult;
  },
  { name: 'opinionTargets', provisions: ['1.3', '2.3', '3.2', '3.3'], reads: targetReads },
);

/**
 * {@link opinionTargets} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Planning
 * @example
 * ```ts
 * safeOpinionTargets({ asOf: '2017-05-22' }).success; //=> false
 * ```
 */
export const safeOpinionTargets = safe(opinionTargets);
