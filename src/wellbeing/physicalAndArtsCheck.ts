import * as z from 'zod/mini';
import { daysBetween, toIsoDate, type IsoDate } from '../core/dates.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { RuleContext, UsedValue } from '../core/resolve.js';
import { countSchema, dateSchema, describeValue, idSchema, parseInto, record } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { coverageOf, coverageText, deadlineOn, deadlineStep, endOfNextYear, oneYearAfter, targetText, type Coverage, type TargetDeadline } from './internal.js';

/** Minutes in a day: the most daily exercise a record may claim. @category Wellbeing */
export const MINUTES_PER_DAY = 1440;

/** How annual health monitoring is read: see the parameter `wellbeing.healthMonitoringPeriod`. @category Wellbeing */
export type HealthMonitoringPeriod = 'rolling-12-months' | 'calendar-year';

const minutesSchema = countSchema.check(z.maximum(MINUTES_PER_DAY, { error: (iss) => `must be at most ${MINUTES_PER_DAY} minutes (a day), got ${describeValue(iss.input)}` }));

/**
 * A school's (or the whole district's) figures for opinion 3.2, as {@link physicalAndArtsCheck}
 * takes them:
 *
 * - `dailyExerciseMinutes`: whole minutes of exercise every pupil gets at school each day (the
 *   timetable's PE lessons, 大课间 and extra-curricular exercise), 0 … 1440.
 * - `healthMonitoring.lastDone`: the day the last physical-health monitoring (体质健康监测) was
 *   carried out, or `null` when it never was. It must not be after `asOf`.
 * - `artsAssessment`: `{ assessed, pupils }`, pupils who took the arts-literacy assessment
 *   (艺术素质测评) and pupils on roll; `assessed` ≤ `pupils`. Give a school's figures or the
 *   district's totals: the 100 % target is the district's (全区中小学生).
 *
 * Unknown keys are rejected.
 *
 * @category Wellbeing
 */
export const physicalAndArtsSchema = record(
  {
    id: z.optional(idSchema),
    dailyExerciseMinutes: minutesSchema,
    healthMonitoring: record(
      {
        lastDone: z.union([dateSchema, z.null()], {
          error: (iss) => (iss.input === undefined ? "is required (the date 'YYYY-MM-DD' of the last monitoring, or null if never)" : `must be a date 'YYYY-MM-DD' or null (never monitored), got ${describeValue(iss.input)}`),
        }),
      },
      'an object { lastDone }: the last monitoring date, or null',
    ),
    artsAssessment: record({ assessed: countSchema, pupils: countSchema }, 'an object { assessed, pupils }'),
  },
  'an object { dailyExerciseMinutes, healthMonitoring: { lastDone }, artsAssessment: { assessed, pupils }, id? }',
);
/** @category Wellbeing */
export type PhysicalAndArtsInput = z.input<typeof physicalAndArtsSchema>;

/** The daily-exercise part of a {@link PhysicalAndArtsResult}. @category Wellbeing */
export interface ExerciseStatus {
  readonly minutes: number;
  /** `wellbeing.dailyExerciseMinutes` (60: 一小时). */
  readonly requiredMinutes: number;
  /** minutes ≥ requiredMinutes: exactly one hour is met. */
  readonly met: boolean;
  /** Minutes short of the requirement; 0 when met. */
  readonly shortfall: number;
}

/** The health-monitoring part of a {@link PhysicalAndArtsResult}. @category Wellbeing */
export interface HealthMonitoringStatus {
  readonly lastDone: IsoDate | null;
  readonly period: HealthMonitoringPeriod;
  /**
   * The last day the next monitoring keeps the school on time: `lastDone` + 1 year (a 29 February
   * gives 28 February) for `'rolling-12-months'`, 31 December of the following year for
   * `'calendar-year'`; `null` when never monitored.
   */
  readonly dueBy: IsoDate | null;
  /** True when monitored and `asOf` is not after `dueBy`. */
  readonly met: boolean;
  /** Days from `dueBy` to `asOf` when overdue, else 0 (also 0 when never monitored). */
  readonly daysOverdue: number;
}

/** The arts-assessment part of a {@link PhysicalAndArtsResult}. @category Wellbeing */
export interface ArtsCoverageStatus extends Coverage {
  /** The target date (`wellbeing.artsCoverageDeadline`, 2025-12-31) and where `asOf` stands. */
  readonly deadline: TargetDeadline;
  /** True when the deadline has passed and the target is not met. */
  readonly shortAfterDeadline: boolean;
}

/** What {@link physicalAndArtsCheck} returns. @category Wellbeing */
export interface PhysicalAndArtsResult extends Explained {
  readonly id: string | null;
  /** All three met on `asOf`: exercise, monitoring, arts coverage (whatever the deadline). */
  readonly compliant: boolean;
  readonly exercise: ExerciseStatus;
  readonly healthMonitoring: HealthMonitoringStatus;
  readonly arts: ArtsCoverageStatus;
}

/** The monitoring status on `asOf`. */
function monitoringStatus(lastDone: IsoDate | null, period: HealthMonitoringPeriod, asOf: IsoDate): HealthMonitoringStatus {
  if (lastDone === null) return { lastDone, period, dueBy: null, met: false, daysOverdue: 0 };
  const dueBy = period === 'rolling-12-months' ? oneYearAfter(lastDone) : endOfNextYear(lastDone);
  const met = asOf <= dueBy;
  return { lastDone, period, dueBy, met, daysOverdue: met ? 0 : daysBetween(dueBy, asOf) };
}

/**
 * A {@link PhysicalAndArtsInput} as {@link physicalAndArtsCheckRule} reads it: validated, with `lastDone`
 * as `'YYYY-MM-DD'` (or `null` when never monitored).
 *
 * @category Wellbeing
 */
export interface PhysicalAndArtsRecord {
  readonly id?: string | undefined;
  readonly dailyExerciseMinutes: number;
  readonly healthMonitoring: { readonly lastDone: IsoDate | null };
  readonly artsAssessment: { readonly assessed: number; readonly pupils: number };
}

/**
 * The parameters {@link physicalAndArtsCheckRule} reads, resolved for `asOf`: `wellbeing.dailyExerciseMinutes`,
 * `wellbeing.healthMonitoringPeriod`, `wellbeing.artsCoverageTarget` (in basis points, 10000 for
 * 100 %) and `wellbeing.artsCoverageDeadline`.
 *
 * @category Wellbeing
 */
export interface PhysicalAndArtsParams {
  readonly requiredMinutes: number;
  readonly period: HealthMonitoringPeriod;
  /** The arts-assessment target share in basis points (ten-thousandths). */
  readonly artsTarget: number;
  readonly artsDeadline: IsoDate;
}

/** What {@link physicalAndArtsCheckRule} decides: the result of {@link physicalAndArtsCheck} without citations and explanation. @category Wellbeing */
export type PhysicalAndArtsOutcome = Omit<PhysicalAndArtsResult, keyof Explained>;

/**
 * The pure rule of {@link physicalAndArtsCheck}: daily exercise against the required minutes, the
 * health-monitoring due date on `asOf`, and arts-assessment coverage against its target (exact) and
 * deadline. The record must be valid (`assessed` ≤ `pupils`, `lastDone` not after `asOf`); nothing
 * is checked.
 *
 * @category Wellbeing
 */
export function physicalAndArtsCheckRule(school: PhysicalAndArtsRecord, p: PhysicalAndArtsParams, call: RuleContext): PhysicalAndArtsOutcome {
  const minutes = school.dailyExerciseMinutes;
  const requiredMinutes = p.requiredMinutes;
  const exercise: ExerciseStatus = { minutes, requiredMinutes, met: minutes >= requiredMinutes, shortfall: Math.max(0, requiredMinutes - minutes) };
  const healthMonitoring = monitoringStatus(school.healthMonitoring.lastDone, p.period, call.asOf);
  const coverage = coverageOf(school.artsAssessment.assessed, school.artsAssessment.pupils, p.artsTarget);
  const deadline = deadlineOn(p.artsDeadline, call.asOf);
  const arts: ArtsCoverageStatus = { ...coverage, deadline, shortAfterDeadline: deadline.passed && !coverage.met };
  return {
    id: school.id ?? null,
    compliant: exercise.met && healthMonitoring.met && arts.met,
    exercise,
    healthMonitoring,
    arts,
  };
}

/**
 * Checks opinion 3.2's three measurable requirements for a school (or the district's totals): one
 * hour of exercise at school every day, physical-health monitoring every year, and arts-literacy
 * assessment coverage against its 100 % target.
 *
 * Encodes opinion **3.2** (加强体育和艺术教育). Readings:
 *
 * - 每天在校锻炼一小时: at least `wellbeing.dailyExerciseMinutes` (60) whole minutes; exactly 60 is
 *   met, 59 is not.
 * - 每年开展学生体质健康监测: which "year" is not said, so it is a parameter,
 *   `wellbeing.healthMonitoringPeriod` (junheng's reading, unverified): `'rolling-12-months'`
 *   (default) — the next monitoring is due within a year of the last, the anniversary day included
 *   (2024-09-01 → due by 2025-09-01; a 29 February gives 28 February) — or `'calendar-year'` — due by
 *   31 December of the year after the last. Never monitored (`lastDone: null`) is not met. A
 *   `lastDone` after `asOf` is an input error.
 * - 艺术素质测评覆盖率达到100%: assessed ÷ pupils against `wellbeing.artsCoverageTarget` (1),
 *   compared exactly in integers (assessed × 10000 ≥ target × pupils): 999 of 1,000 is short. 0
 *   pupils is nothing to cover (met, coverage shown as 1). 到2025年 is read as by 2025-12-31
 *   (`wellbeing.artsCoverageDeadline`); `arts.met` says whether the target is reached on `asOf`
 *   whatever the date, and `arts.deadline` / `arts.shortAfterDeadline` say whether it is late.
 * - 创建校园足球等新的体育特色项目学校 sets no number and is not checked.
 *
 * @category Wellbeing
 * @function
 * @param input - `{ dailyExerciseMinutes, healthMonitoring: { lastDone }, artsAssessment: { assessed, pupils }, id? }`.
 * @param options - `{ asOf?, parameters? }`.
 * @returns Each requirement with its figures and whether it is met, `compliant` when all three are, citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options, `assessed` above `pupils`, or a monitoring after `asOf`.
 * @example
 * ```ts
 * const r = physicalAndArtsCheck(
 *   { id: 'CX01', dailyExerciseMinutes: 60, healthMonitoring: { lastDone: '2024-09-01' }, artsAssessment: { assessed: 999, pupils: 1000 } },
 *   { asOf: '2025-09-01' },
 * );
 * r.exercise.met; //=> true
 * r.healthMonitoring.dueBy; //=> '2025-09-01'
 * r.healthMonitoring.met; //=> true
 * r.arts.met; //=> false
 * r.compliant; //=> false
 * ```
 */
export const physicalAndArtsCheck = defineCalculator({
  name: 'physicalAndArtsCheck',
  provisions: ['3.2'],
  input: physicalAndArtsSchema,
  parse(input, issues): PhysicalAndArtsRecord | undefined {
    const s = parseInto(physicalAndArtsSchema, input, issues);
    if (s === undefined) return undefined;
    const lastDone = s.healthMonitoring.lastDone === null ? null : (toIsoDate(s.healthMonitoring.lastDone) as IsoDate);
    return { ...s, healthMonitoring: { lastDone } };
  },
  reads: (p) => ({
    requiredMinutes: p.wellbeing.dailyExerciseMinutes,
    period: p.wellbeing.healthMonitoringPeriod,
    artsTarget: p.wellbeing.artsCoverageTarget,
    artsDeadline: p.wellbeing.artsCoverageDeadline,
  }),
  check(s, call, issues) {
    const lastDone = s.healthMonitoring.lastDone;
    if (lastDone !== null && lastDone > call.asOf) {
      issues.push({ path: ['healthMonitoring', 'lastDone'], code: 'inconsistent', message: `is after asOf (${lastDone} > ${call.asOf}): a monitoring not yet carried out on asOf cannot count`, provision: '3.2' });
    }
    if (s.artsAssessment.assessed > s.artsAssessment.pupils) {
      issues.push({ path: ['artsAssessment', 'assessed'], code: 'inconsistent', message: `must not exceed pupils (${s.artsAssessment.assessed} assessed, ${s.artsAssessment.pupils} pupils)`, provision: '3.2' });
    }
  },
  rule: physicalAndArtsCheckRule,
  result(outcome, call): PhysicalAndArtsResult {
    const result = { ...outcome, citations: citationsOf(call.used, '3.2') };
    return defineLazy(result, 'explanation', () => explain(result, call.used)) as PhysicalAndArtsResult;
  },
});

function explain(r: Omit<PhysicalAndArtsResult, 'explanation'>, used: readonly UsedValue[]): ExplanationStep[] {
  const e = r.exercise;
  const m = r.healthMonitoring;
  const a = r.arts;
  const d = a.deadline;
  const who = r.id === null ? '' : `${r.id}：`;
  const whoEn = r.id === null ? '' : `${r.id}: `;
  const periodZh = m.period === 'rolling-12-months' ? '上次监测满一年之日' : '上次监测的下一个日历年年底';
  const periodEn = m.period === 'rolling-12-months' ? 'one year after the last' : 'the end of the calendar year after the last';
  const pct = targetText(a.target);
  return [
    ...parameterSteps(used, '3.2'),
    step('3.2',
      `${who}每天在校锻炼 ${e.minutes} 分钟 ${e.met ? '≥' : '<'} ${e.requiredMinutes} 分钟（一小时）：${e.met ? '达到' : `未达到，差 ${e.shortfall} 分钟`}`,
      `${whoEn}${e.minutes} minutes of daily exercise at school ${e.met ? '≥' : '<'} ${e.requiredMinutes} (one hour): ${e.met ? 'met' : `not met, ${e.shortfall} minutes short`}`,
      { minutes: e.minutes, requiredMinutes: e.requiredMinutes, met: e.met }),
    m.lastDone === null
      ? step('3.2', `${who}从未开展学生体质健康监测：未达到“每年开展”的要求`, `${whoEn}physical-health monitoring never carried out: the annual requirement is not met`, { lastDone: null, met: false })
      : step('3.2',
        `${who}上次体质健康监测 ${m.lastDone}，下次应不晚于 ${m.dueBy}（${periodZh}）；截至 ${d.asOf} ${m.met ? '按时' : `已逾期 ${m.daysOverdue} 天`}`,
        `${whoEn}last physical-health monitoring ${m.lastDone}; the next is due by ${m.dueBy} (${periodEn}); on ${d.asOf} ${m.met ? 'on time' : `${m.daysOverdue} days overdue`}`,
        { lastDone: m.lastDone, dueBy: m.dueBy, met: m.met, daysOverdue: m.daysOverdue }),
    step('3.2',
      `${who}艺术素质测评覆盖率 = ${a.covered} ÷ ${a.total} = ${coverageText(a)}；${a.covered} × 10000 ${a.met ? '≥' : '<'} ${Math.round(a.target * 10_000)} × ${a.total}：${a.met ? '达到' : '未达到'}目标 ${pct}${a.total === 0 ? '（无学生，无需覆盖）' : ''}`,
      `${whoEn}arts-assessment coverage = ${a.covered} ÷ ${a.total} = ${coverageText(a)}; ${a.covered} × 10000 ${a.met ? '≥' : '<'} ${Math.round(a.target * 10_000)} × ${a.total}: the ${pct} target is ${a.met ? 'met' : 'not met'}${a.total === 0 ? ' (no pupils: nothing to cover)' : ''}`,
      { assessed: a.covered, pupils: a.total, coverage: a.coverage, met: a.met }),
    deadlineStep('3.2', d, a.shortAfterDeadline),
    step('3.2',
      r.compliant ? `${who}三项要求均达到` : `${who}未全部达到：${[!e.met && '每天锻炼一小时', !m.met && '每年体质健康监测', !a.met && '艺术素质测评覆盖率'].filter(Boolean).join('、')}`,
      r.compliant ? `${whoEn}all three requirements are met` : `${whoEn}not met: ${[!e.met && 'one hour of daily exercise', !m.met && 'annual health monitoring', !a.met && 'arts-assessment coverage'].filter(Boolean).join(', ')}`,
      { compliant: r.compliant }),
  ];
}

/**
 * {@link physicalAndArtsCheck} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Wellbeing
 */
export const safePhysicalAndArtsCheck = safe(physicalAndArtsCheck);
