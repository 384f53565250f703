/**
 * The results of the training calculators: one teacher's result with its lazy explanation, and the
 * completion figures of many. Only the result types are public.
 *
 * @module
 * @internal
 */
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { UsedValue } from '../core/resolve.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { teachersParameters } from './parameters.js';
import { firstDayOf, firstFullMonth, type TrainingCycle, type TrainingOutcome, type TrainingStatus, type TrainingTerms } from './trainingCycle.js';

/** What {@link trainingCompliance} returns for one teacher. @category Teachers */
export interface TrainingComplianceResult extends Explained {
  readonly teacherId: string;
  /** The cycle assessed (containing `asOf`, or the last completed one), both ends inclusive. */
  readonly cycle: TrainingCycle;
  /** Hours of the records dated inside the cycle and not after `asOf` (nor after the end of a completed cycle; tenths exact). */
  readonly completedHours: number;
  /** Hours owed for the whole cycle: 360, or pro rata for a teacher employed after it began. */
  readonly requiredHours: number;
  /** `requiredHours − completedHours` when positive, else 0: while the cycle runs, what is still to do. */
  readonly shortfall: number;
  /**
   * `'met'` (`completedHours ≥ requiredHours`, met exactly is met), `'in-progress'` (short, and the
   * cycle has not ended on `asOf`) or `'not-met'` (short, and the cycle has ended: `asOf` is its
   * last day or later).
   */
  readonly status: TrainingStatus;
  /** False only when `status` is `'not-met'`: a teacher mid-cycle is not in breach. */
  readonly compliant: boolean;
}

/** What one call or batch of training results quotes: its terms and the parameter values read. @internal */
export interface TrainingContext {
  readonly terms: TrainingTerms;
  readonly used: readonly UsedValue[];
  /** `citationsOf(used, '4.2')`, shared by every teacher's result. */
  readonly citations: readonly string[];
}

/** The context of a call: its terms, the values read and their citations. @internal */
export function trainingContext(terms: TrainingTerms, used: readonly UsedValue[]): TrainingContext {
  return { terms, used, citations: citationsOf(used, '4.2') };
}

const hoursText = (tenths: number): string => String(tenths / 10);

/** The cycle assessed, in words: the one containing `asOf`, or the last completed one. */
function cycleWords(p: TrainingTerms): { zh: string; en: string } {
  return p.choice === 'last-completed'
    ? { zh: `${p.asOf} 之前最近一个已结束的培训周期：${p.cycle.start} 至 ${p.cycle.end}`, en: `The last cycle completed by ${p.asOf}: ${p.cycle.start} to ${p.cycle.end}` }
    : { zh: `${p.asOf} 所在培训周期：${p.cycle.start} 至 ${p.cycle.end}`, en: `${p.asOf} falls in the cycle ${p.cycle.start} to ${p.cycle.end}` };
}

/** The explanation of one teacher's result. */
function trainingExplanation(o: TrainingOutcome, c: TrainingContext): ExplanationStep[] {
  const p = c.terms;
  const midCycleHires = teachersParameters.training.midCycleHires.path;
  const relevant = c.used.filter((u) => u.path !== midCycleHires || (o.employedSince !== undefined && o.employedSince > p.cycle.start && o.employedSince <= p.cycle.end));
  const completed = hoursText(o.completedTenths);
  const shortfallTenths = Math.max(0, o.requiredHours * 10 - o.completedTenths);
  const records = o.counted + o.beforeCycle + o.afterAsOf;
  const words = cycleWords(p);
  const steps: ExplanationStep[] = [
    step(undefined,
      `教师 ${o.id}${o.employedSince === undefined ? '' : `（${o.employedSince} 起任职）`}：培训记录 ${records} 条`,
      `Teacher ${o.id}${o.employedSince === undefined ? '' : ` (employed since ${o.employedSince})`}: ${records} training records`,
      { teacherId: o.id, employedSince: o.employedSince ?? null, records }),
    ...parameterSteps(relevant, '4.2'),
    step('4.2',
      `${words.zh}（含首尾，${p.cycleYears} 年一周期）${p.ended ? '，已结束' : '，尚未结束'}`,
      `${words.en} (both inclusive; ${p.cycleYears}-year cycles)${p.ended ? ', ended' : ', not yet over'}`,
      { asOf: p.asOf, cycleStart: p.cycle.start, cycleEnd: p.cycle.end, ended: p.ended }),
  ];
  if (o.employedSince !== undefined && o.employedSince > p.cycle.end) {
    steps.push(step('4.2',
      `${o.employedSince} 入职，晚于该周期结束：本周期应修 0 学时`,
      `Employed on ${o.employedSince}, after the cycle ended: nothing is owed for it`,
      { requiredHours: 0 }));
  } else if (o.prorated && o.employedSince !== undefined) {
    const firstMonth = firstDayOf(Math.max(firstFullMonth(o.employedSince), p.startMonth)).slice(0, 7);
    const exact = p.requiredHours * o.months;
    const rounded = exact % p.cycleMonths === 0 ? { zh: '', en: '' } : { zh: '，向上取整', en: ', rounded up to a whole hour' };
    steps.push(step('4.2',
      `周期中途入职：自首个完整月 ${firstMonth} 起，本周期剩余 ${o.months} 个整月（共 ${p.cycleMonths} 个月）；应修 ${p.requiredHours} × ${o.months} ÷ ${p.cycleMonths} = ${o.requiredHours} 学时${rounded.zh}`,
      `Employed after the cycle began: ${o.months} whole months of the ${p.cycleMonths} remain from the first full month ${firstMonth}; owed ${p.requiredHours} × ${o.months} ÷ ${p.cycleMonths} = ${o.requiredHours} hours${rounded.en}`,
      { months: o.months, cycleMonths: p.cycleMonths, requiredHours: o.requiredHours }));
  } else {
    const why = o.employedSince !== undefined && o.employedSince > p.cycle.start
      ? { zh: '周期中途入职，按参数全额应修', en: 'employed after the cycle began; the full requirement applies by parameter' }
      : { zh: '周期开始时已在职', en: 'employed when the cycle began' };
    steps.push(step('4.2', `应修 ${o.requiredHours} 学时（${why.zh}）`, `Owed ${o.requiredHours} hours (${why.en})`, { requiredHours: o.requiredHours }));
  }
  const until = p.countUntil;
  steps.push(step('4.2',
    `已修：周期内且不晚于 ${until} 的 ${o.counted} 条记录合计 ${completed} 学时；周期开始前 ${o.beforeCycle} 条、${until} 之后 ${o.afterAsOf} 条不计`,
    `Completed: ${o.counted} records dated in the cycle and not after ${until}, ${completed} hours in all; ${o.beforeCycle} records before the cycle and ${o.afterAsOf} after ${until} are not counted`,
    { completedHours: o.completedTenths / 10, counted: o.counted, beforeCycle: o.beforeCycle, afterAsOf: o.afterAsOf }));
  const status = o.status;
  steps.push(step('4.2',
    status === 'met'
      ? `${completed} ≥ ${o.requiredHours}：达到“不少于${o.requiredHours}学时”`
      : status === 'in-progress'
        ? `${completed} < ${o.requiredHours}：尚差 ${hoursText(shortfallTenths)} 学时；周期至 ${p.cycle.end} 才结束，进行中，不视为未达标`
        : `${completed} < ${o.requiredHours}：差 ${hoursText(shortfallTenths)} 学时，周期已于 ${p.cycle.end} 结束，未达标`,
    status === 'met'
      ? `${completed} ≥ ${o.requiredHours}: at least ${o.requiredHours} hours, met`
      : status === 'in-progress'
        ? `${completed} < ${o.requiredHours}: ${hoursText(shortfallTenths)} hours short so far; the cycle runs until ${p.cycle.end}, so this is in progress, not a breach`
        : `${completed} < ${o.requiredHours}: ${hoursText(shortfallTenths)} hours short and the cycle ended on ${p.cycle.end}: not met`,
    { status, compliant: status !== 'not-met', shortfall: shortfallTenths / 10 }));
  return steps;
}

/**
 * One teacher's result: figures now, explanation when first read (a non-enumerable getter on the
 * class: JSON, spreading and deep equality leave it out; see {@link Explained}).
 */
class TrainingResultRecord {
  readonly teacherId: string;
  readonly cycle: TrainingCycle;
  readonly completedHours: number;
  readonly requiredHours: number;
  readonly shortfall: number;
  readonly status: TrainingStatus;
  readonly compliant: boolean;
  readonly citations: string[];
  readonly #outcome: TrainingOutcome;
  readonly #context: TrainingContext;
  #explanation: ExplanationStep[] | undefined;

  constructor(o: TrainingOutcome, c: TrainingContext) {
    const shortfall = Math.max(0, o.requiredHours * 10 - o.completedTenths);
    this.teacherId = o.id;
    this.cycle = c.terms.cycle;
    this.completedHours = o.completedTenths / 10;
    this.requiredHours = o.requiredHours;
    this.shortfall = shortfall / 10;
    this.status = o.status;
    this.compliant = o.status !== 'not-met';
    this.citations = c.citations.slice();
    this.#outcome = o;
    this.#context = c;
  }

  /** Non-enumerable (a getter on the class), built on first read and kept in a private field, so a frozen result reads it too. */
  get explanation(): ExplanationStep[] {
    return (this.#explanation ??= trainingExplanation(this.#outcome, this.#context));
  }
}

/** Builds one teacher's result. @internal */
export function trainingResult(o: TrainingOutcome, c: TrainingContext): TrainingComplianceResult {
  return new TrainingResultRecord(o, c);
}

/** The completion figures of many teachers (优质均衡 G9 asks for 100 %). @category Teachers */
export interface TrainingSummary extends Explained {
  /** The cycle assessed (containing `asOf`, or the last completed one). */
  readonly cycle: TrainingCycle;
  /** Teachers assessed. */
  readonly total: number;
  /** Teachers whose result is compliant: `met + inProgress` (every status but `'not-met'`). */
  readonly compliant: number;
  /** Teachers who completed the hours they owe (status `'met'`). */
  readonly met: number;
  /** Teachers short of them in a cycle not yet over (status `'in-progress'`). */
  readonly inProgress: number;
  /** Teachers short of them in a cycle that is over (status `'not-met'`). */
  readonly notMet: number;
  /** `met ÷ total` as a plain number (the share who completed the hours); 0 when there are no teachers. */
  readonly completionRate: number;
  /** The exact fraction behind `completionRate`: `{ numerator: met, denominator: total }`. */
  readonly completion: { readonly numerator: number; readonly denominator: number };
  /** True when every teacher has met the hours and there is at least one (G9: 100 %). */
  readonly fullCompletion: boolean;
  /** Why `fullCompletion` is false with no teacher short, if so. */
  readonly reason?: 'no-teachers';
}

/** Counts by status. @internal */
export interface StatusCounts {
  readonly met: number;
  readonly inProgress: number;
  readonly notMet: number;
}

/** The completion figures of teachers counted by status, owing `requiredTotal` hours together. @internal */
export function summaryOf(c: TrainingContext, counts: StatusCounts, requiredTotal: number): TrainingSummary {
  const p = c.terms;
  const { met, inProgress, notMet } = counts;
  const total = met + inProgress + notMet;
  const citations = c.citations.slice();
  if (!citations.includes('jiaodu-2017-6')) citations.push('jiaodu-2017-6');
  const full = total > 0 && met === total;
  const summary: TrainingSummary = {
    cycle: p.cycle,
    total,
    compliant: met + inProgress,
    met,
    inProgress,
    notMet,
    completionRate: total === 0 ? 0 : met / total,
    completion: { numerator: met, denominator: total },
    fullCompletion: full,
    ...(total === 0 ? { reason: 'no-teachers' as const } : {}),
    citations,
    explanation: [],
  };
  const words = cycleWords(p);
  return defineLazy(summary, 'explanation', (): ExplanationStep[] => [
    ...parameterSteps(c.used, '4.2'),
    step('4.2',
      `${words.zh}${p.ended ? '（已结束）' : '（尚未结束）'}；共 ${total} 名教师，应修合计 ${requiredTotal} 学时；已达到 ${met} 名，进行中 ${inProgress} 名，未达标 ${notMet} 名`,
      `${words.en}${p.ended ? ' (ended)' : ' (not yet over)'}; ${total} teachers owing ${requiredTotal} hours in all; ${met} met, ${inProgress} in progress, ${notMet} not met`,
      { total, requiredTotal, met, inProgress, notMet }),
    step('jiaodu-2017-6',
      total === 0
        ? '没有教师，完成率记为 0，不视为达到 100%'
        : `完成率 = ${met} ÷ ${total}${full ? ' = 100%，达到优质均衡要求' : '，未达到优质均衡 100% 的要求'}`,
      total === 0
        ? 'No teachers: the completion rate is reported as 0 and is not taken as 100 %'
        : `Completion = ${met} ÷ ${total}${full ? ' = 100 %: meets the 优质均衡 requirement (G9)' : ': below the 100 % the 优质均衡 assessment asks (G9)'}`,
      { met, total, fullCompletion: full }),
  ]) as TrainingSummary;
}
