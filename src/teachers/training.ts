import { step, defineLazy, sharedLazy, type Explained, type ExplanationStep } from '../core/explain.js';
import { makeSafe, PolicyInputError, type PolicyIssue } from '../core/errors.js';
import type { IsoDate } from '../core/dates.js';
import { fromZodIssues, throwIfAny } from '../core/schemas.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { firstDayOf, monthIndex, trainingParams, type TrainingCycle, type TrainingParams } from './params.js';
import { fastDate, teacherListSchema, teacherSchema, tenthsOf, type Teacher } from './schemas.js';

/** What {@link trainingCompliance} returns for one teacher. @category Teachers */
export interface TrainingComplianceResult extends Explained {
  readonly teacherId: string;
  /** The cycle containing `asOf`, both ends inclusive. */
  readonly cycle: TrainingCycle;
  /** Hours of the records dated inside the cycle and not after `asOf` (tenths exact). */
  readonly completedHours: number;
  /** Hours owed for the whole cycle: 360, or pro rata for a teacher employed after it began. */
  readonly requiredHours: number;
  /** `requiredHours − completedHours` when positive, else 0. */
  readonly shortfall: number;
  /** `completedHours ≥ requiredHours` (met exactly is met). */
  readonly compliant: boolean;
}

/** The compact outcome of one teacher: integers only. @internal */
export interface TrainingOutcome {
  readonly id: string;
  readonly employedSince: IsoDate | undefined;
  /** Completed hours in tenths. */
  readonly completedTenths: number;
  /** Whole hours owed. */
  readonly requiredHours: number;
  /** Months of the cycle owed (pro rata), or the whole cycle. */
  readonly months: number;
  readonly prorated: boolean;
  readonly counted: number;
  readonly beforeCycle: number;
  readonly afterAsOf: number;
}

const isPlain = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** `ceil(a / b)` for non-negative safe integers, exactly. */
const ceilDiv = (a: number, b: number): number => {
  const q = Math.floor(a / b);
  return q * b < a ? q + 1 : q;
};

/**
 * Hours owed and the months they stand for. Pro rata: the months of the cycle from the first full
 * month of employment (the month of `employedSince` when it is the 1st, else the next month) to the
 * cycle's last month; `ceil(requiredHours × months ÷ cycleMonths)`.
 *
 * @internal
 */
export function owed(since: IsoDate | undefined, p: TrainingParams): { hours: number; months: number; prorated: boolean } {
  if (since === undefined || since <= p.cycle.start || p.midCycleHires === 'full') {
    return { hours: p.requiredHours, months: p.cycleMonths, prorated: false };
  }
  const first = monthIndex(since) + (since.endsWith('-01') ? 0 : 1);
  const months = Math.max(0, Math.min(p.cycleMonths, p.endMonth - Math.max(first, p.startMonth) + 1));
  return { hours: ceilDiv(p.requiredHours * months, p.cycleMonths), months, prorated: true };
}

/**
 * The fast path: validates a well-formed teacher and sums its hours in one loop, with no zod and no
 * allocation per record. Anything unusual returns `undefined` and the caller runs the schema, which
 * words the issues. Accepts only what the schema accepts.
 */
function fastTeacher(input: unknown, p: TrainingParams): TrainingOutcome | undefined {
  if (!isPlain(input)) return undefined;
  for (const key in input) if (key !== 'id' && key !== 'employedSince' && key !== 'training') return undefined;
  const id = input['id'];
  const training = input['training'];
  const employedSince = input['employedSince'];
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || !Array.isArray(training)) return undefined;
  let since: IsoDate | undefined;
  if (employedSince !== undefined) {
    since = fastDate(employedSince);
    if (since === undefined) return undefined;
  }
  const start = p.cycle.start;
  const asOf = p.asOf;
  let tenths = 0;
  let counted = 0;
  let beforeCycle = 0;
  let afterAsOf = 0;
  for (let i = 0; i < training.length; i++) {
    const r: unknown = training[i];
    if (!isPlain(r)) return undefined;
    let keys = 0;
    for (const key in r) {
      if (key !== 'date' && key !== 'hours') return undefined;
      keys++;
    }
    if (keys !== 2) return undefined;
    const date = fastDate(r['date']);
    const t = tenthsOf(r['hours']);
    if (date === undefined || t < 0) return undefined;
    if (date < start) beforeCycle++;
    else if (date > asOf) afterAsOf++;
    else {
      tenths += t;
      counted++;
    }
  }
  const o = owed(since, p);
  return { id, employedSince: since, completedTenths: tenths, requiredHours: o.hours, months: o.months, prorated: o.prorated, counted, beforeCycle, afterAsOf };
}

/**
 * Validates one teacher and computes its outcome: the fast path, else the zod schema with its issues
 * under `prefix`; then `employedSince` must not be after `asOf`.
 *
 * @internal
 */
export function readTeacher(input: unknown, p: TrainingParams, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): TrainingOutcome | undefined {
  let outcome = fastTeacher(input, p);
  if (outcome === undefined) {
    const parsed = teacherSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error.issues, prefix));
      return undefined;
    }
    outcome = fastTeacher(parsed.data, p);
    if (outcome === undefined) return undefined; // unreachable: the schema accepts only what the fast path reads
  }
  if (outcome.employedSince !== undefined && outcome.employedSince > p.asOf) {
    issues.push({
      path: [...prefix, 'employedSince'],
      code: 'inconsistent',
      message: `is after asOf (${outcome.employedSince} > ${p.asOf}): a teacher not yet employed on that day has no training position; leave them out or use a later asOf`,
      provision: '4.2',
    });
    return undefined;
  }
  return outcome;
}

const hoursText = (tenths: number): string => String(tenths / 10);

/** The explanation of one teacher's result. @internal */
export function trainingExplanation(o: TrainingOutcome, p: TrainingParams): ExplanationStep[] {
  const relevant = p.used.filter((u) => u.path !== 'teachers.training.midCycleHires' || (o.employedSince !== undefined && o.employedSince > p.cycle.start));
  const completed = hoursText(o.completedTenths);
  const shortfallTenths = Math.max(0, o.requiredHours * 10 - o.completedTenths);
  const compliant = shortfallTenths === 0;
  const steps: ExplanationStep[] = [
    step(undefined,
      `教师 ${o.id}${o.employedSince === undefined ? '' : `（${o.employedSince} 起任职）`}：培训记录 ${o.counted + o.beforeCycle + o.afterAsOf} 条`,
      `Teacher ${o.id}${o.employedSince === undefined ? '' : ` (employed since ${o.employedSince})`}: ${o.counted + o.beforeCycle + o.afterAsOf} training records`,
      { teacherId: o.id, employedSince: o.employedSince ?? null, records: o.counted + o.beforeCycle + o.afterAsOf }),
    ...parameterSteps(relevant, '4.2'),
    step('4.2',
      `${p.asOf} 所在培训周期：${p.cycle.start} 至 ${p.cycle.end}（含首尾，${p.cycleYears} 年一周期）`,
      `${p.asOf} falls in the cycle ${p.cycle.start} to ${p.cycle.end} (both inclusive; ${p.cycleYears}-year cycles)`,
      { asOf: p.asOf, cycleStart: p.cycle.start, cycleEnd: p.cycle.end }),
  ];
  if (o.prorated) {
    const firstMonth = firstDayOf(Math.max(monthIndex(o.employedSince as IsoDate) + ((o.employedSince as IsoDate).endsWith('-01') ? 0 : 1), p.startMonth)).slice(0, 7);
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
  steps.push(step('4.2',
    `已修：周期内且不晚于 ${p.asOf} 的 ${o.counted} 条记录合计 ${completed} 学时；周期开始前 ${o.beforeCycle} 条、${p.asOf} 之后 ${o.afterAsOf} 条不计`,
    `Completed: ${o.counted} records dated in the cycle and not after ${p.asOf}, ${completed} hours in all; ${o.beforeCycle} records before the cycle and ${o.afterAsOf} after ${p.asOf} are not counted`,
    { completedHours: o.completedTenths / 10, counted: o.counted, beforeCycle: o.beforeCycle, afterAsOf: o.afterAsOf }));
  steps.push(step('4.2',
    compliant
      ? `${completed} ≥ ${o.requiredHours}：达到“不少于${o.requiredHours}学时”`
      : `${completed} < ${o.requiredHours}：尚差 ${hoursText(shortfallTenths)} 学时`,
    compliant
      ? `${completed} ≥ ${o.requiredHours}: at least ${o.requiredHours} hours, met`
      : `${completed} < ${o.requiredHours}: ${hoursText(shortfallTenths)} hours short`,
    { compliant, shortfall: shortfallTenths / 10 }));
  return steps;
}

/**
 * One teacher's result: figures now, explanation when first read (an own, enumerable property; JSON
 * and deep equality see an ordinary array). The accessor is shared by every result.
 */
class TrainingResultRecord {
  readonly teacherId: string;
  readonly cycle: TrainingCycle;
  readonly completedHours: number;
  readonly requiredHours: number;
  readonly shortfall: number;
  readonly compliant: boolean;
  readonly citations: string[];
  declare explanation: ExplanationStep[];
  readonly #outcome: TrainingOutcome;
  readonly #params: TrainingParams;

  constructor(o: TrainingOutcome, p: TrainingParams, citations: readonly string[]) {
    const shortfall = Math.max(0, o.requiredHours * 10 - o.completedTenths);
    this.teacherId = o.id;
    this.cycle = p.cycle;
    this.completedHours = o.completedTenths / 10;
    this.requiredHours = o.requiredHours;
    this.shortfall = shortfall / 10;
    this.compliant = shortfall === 0;
    this.citations = citations.slice();
    this.#outcome = o;
    this.#params = p;
    Object.defineProperty(this, 'explanation', TrainingResultRecord.lazy);
  }

  static readonly lazy = sharedLazy<TrainingResultRecord, ExplanationStep[]>('explanation', (r) => trainingExplanation(r.#outcome, r.#params));
}

/** Builds one teacher's result. @internal */
export function trainingResult(o: TrainingOutcome, p: TrainingParams, citations: readonly string[]): TrainingComplianceResult {
  return new TrainingResultRecord(o, p, citations);
}

function paramsOrThrow(options: unknown, issues: PolicyIssue[]): TrainingParams {
  const ctx = readOptions(options, issues);
  throwIfAny(issues);
  const p = trainingParams(ctx, issues);
  throwIfAny(issues);
  return p as TrainingParams;
}

/**
 * One teacher's position in the five-year training cycle (教师全员培训, 5年一周期不少于360学时).
 *
 * Encodes opinion **4.2**. The cycle is the one containing `asOf`: cycles of
 * `teachers.training.cycleYears` (5) years counted from `teachers.training.cycleAnchor`
 * (2021-01-01, unverified: 2016-01-01 … 2020-12-31, 2021-01-01 … 2025-12-31, 2026-01-01 …
 * 2030-12-31), both ends inclusive. Readings:
 *
 * - `completedHours` sums the records dated inside the cycle and not after `asOf`; records before
 *   the cycle or after `asOf` are left out (the explanation counts them).
 * - Hours may have one decimal place (1.5 学时); they are summed as integer tenths, so 359.9 + 0.1
 *   is exactly 360.
 * - 不少于 includes the number: 360 hours exactly is compliant.
 * - A teacher employed after the cycle began (no national rule found) owes, by default
 *   (`teachers.training.midCycleHires: 'pro-rata-months'`), `ceil(360 × months ÷ 60)` hours, where
 *   `months` counts the cycle's months from the first full month of employment (the month of
 *   `employedSince` when it is the 1st, otherwise the next month) to the cycle's end; 6 hours a month,
 *   so with the defaults no rounding happens. `'full'` asks the whole 360. No `employedSince`, or
 *   one on or before the cycle's first day: the full requirement.
 * - Before the cycle ends the result reads as progress: `shortfall` is what is still to do.
 *
 * @category Teachers
 * @param teacher - `{ id, employedSince?, training: [{ date, hours }] }`.
 * @param options - `{ asOf?, parameters? }`.
 * @returns The cycle, completed and required hours, the shortfall, whether it is met, citations and an explanation.
 * @throws {@link PolicyInputError} for invalid input (2022-02-30 is not a date; 1.25 hours has two decimals), `employedSince` after `asOf`, or an `asOf` before 2016-07-02.
 * @example
 * ```ts
 * const r = trainingCompliance(
 *   { id: 'T1', training: [{ date: '2021-03-01', hours: 200 }, { date: '2025-12-31', hours: 160 }] },
 *   { asOf: '2025-12-31' },
 * );
 * r.cycle; //=> { start: '2021-01-01', end: '2025-12-31' }
 * r.completedHours; //=> 360
 * r.compliant; //=> true
 * const hired = { id: 'T2', employedSince: '2023-03-15', training: [{ date: '2024-05-01', hours: 150.5 }] };
 * trainingCompliance(hired, { asOf: '2025-06-30' }).requiredHours; //=> 198
 * ```
 */
export function trainingCompliance(teacher: Teacher, options?: CalculatorOptions): TrainingComplianceResult {
  const issues: PolicyIssue[] = [];
  const ctx = readOptions(options, issues);
  const p = issues.length === 0 ? trainingParams(ctx, issues) : undefined;
  if (p === undefined) {
    // Still report the teacher's own problems beside the options'.
    const parsed = teacherSchema.safeParse(teacher, { reportInput: true });
    if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues));
    throw new PolicyInputError(issues);
  }
  const o = readTeacher(teacher, p, issues);
  throwIfAny(issues);
  return trainingResult(o as TrainingOutcome, p, citationsOf(p.used, '4.2'));
}

/**
 * {@link trainingCompliance} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safeTrainingCompliance = makeSafe(trainingCompliance);

/** The completion figures of many teachers (优质均衡 G9 asks for 100 %). @category Teachers */
export interface TrainingSummary extends Explained {
  readonly cycle: TrainingCycle;
  /** Teachers assessed. */
  readonly total: number;
  /** Teachers who met their requirement. */
  readonly compliant: number;
  /** `compliant ÷ total` as a plain number; 0 when there are no teachers. */
  readonly completionRate: number;
  /** The exact fraction behind `completionRate`. */
  readonly completion: { readonly numerator: number; readonly denominator: number };
  /** True when every teacher complied and there is at least one (G9: 100 %). */
  readonly fullCompletion: boolean;
  /** Why `fullCompletion` is false with no teacher short, if so. */
  readonly reason?: 'no-teachers';
}

/** What {@link trainingReport} returns. @category Teachers */
export interface TrainingReport extends TrainingSummary {
  /** One result per teacher, in input order. */
  readonly teachers: TrainingComplianceResult[];
}

function summaryOf(p: TrainingParams, total: number, compliant: number, requiredTotal: number): TrainingSummary {
  const citations = citationsOf(p.used, '4.2');
  if (!citations.includes('jiaodu-2017-6')) citations.push('jiaodu-2017-6');
  const full = total > 0 && compliant === total;
  const summary: TrainingSummary = {
    cycle: p.cycle,
    total,
    compliant,
    completionRate: total === 0 ? 0 : compliant / total,
    completion: { numerator: compliant, denominator: total },
    fullCompletion: full,
    ...(total === 0 ? { reason: 'no-teachers' as const } : {}),
    citations,
    explanation: [],
  };
  return defineLazy(summary, 'explanation', (): ExplanationStep[] => [
    ...parameterSteps(p.used, '4.2'),
    step('4.2',
      `${p.asOf} 所在培训周期 ${p.cycle.start} 至 ${p.cycle.end}；共 ${total} 名教师，应修合计 ${requiredTotal} 学时`,
      `Cycle ${p.cycle.start} to ${p.cycle.end} (containing ${p.asOf}); ${total} teachers owing ${requiredTotal} hours in all`,
      { total, requiredTotal }),
    step('jiaodu-2017-6',
      total === 0
        ? '没有教师，完成率记为 0，不视为达到 100%'
        : `完成率 = ${compliant} ÷ ${total}${full ? ' = 100%，达到优质均衡要求' : '，未达到优质均衡 100% 的要求'}`,
      total === 0
        ? 'No teachers: the completion rate is reported as 0 and is not taken as 100 %'
        : `Completion = ${compliant} ÷ ${total}${full ? ' = 100 %: meets the 优质均衡 requirement (G9)' : ': below the 100 % the 优质均衡 assessment asks (G9)'}`,
      { compliant, total, fullCompletion: full }),
  ]) as TrainingSummary;
}

/**
 * A running tally of training compliance over a stream of teachers, with memory that does not grow
 * with their number: each {@link TrainingTally.add} validates one teacher, returns its result and
 * keeps only counts. Parameters are resolved once, when the tally is made.
 *
 * @category Teachers
 */
export interface TrainingTally {
  /** The cycle containing `asOf`. */
  readonly cycle: TrainingCycle;
  /** Teachers offered so far, valid or not (the next teacher's index). */
  readonly offered: number;
  /**
   * Adds one teacher and returns its result. Throws {@link PolicyInputError} (paths start with the
   * teacher's index in the stream, `[41, 'training', 3, 'hours']`) and leaves the tally's counts
   * unchanged for an invalid one. Ids are not checked for repeats (that needs memory per teacher);
   * {@link trainingReport} checks them.
   */
  add(teacher: Teacher): TrainingComplianceResult;
  /** The completion figures of the valid teachers added so far. */
  summary(): TrainingSummary;
}

class Tally implements TrainingTally {
  offered = 0;
  #total = 0;
  #compliant = 0;
  #required = 0;
  readonly #p: TrainingParams;
  readonly #citations: readonly string[];

  constructor(p: TrainingParams) {
    this.#p = p;
    this.#citations = citationsOf(p.used, '4.2');
  }

  get cycle(): TrainingCycle {
    return this.#p.cycle;
  }

  add(teacher: Teacher): TrainingComplianceResult {
    const issues: PolicyIssue[] = [];
    const o = readTeacher(teacher, this.#p, issues, [this.offered++]);
    throwIfAny(issues);
    const outcome = o as TrainingOutcome;
    this.#total++;
    this.#required += outcome.requiredHours;
    if (outcome.completedTenths >= outcome.requiredHours * 10) this.#compliant++;
    return trainingResult(outcome, this.#p, this.#citations);
  }

  summary(): TrainingSummary {
    return summaryOf(this.#p, this.#total, this.#compliant, this.#required);
  }
}

/**
 * Makes a {@link TrainingTally}: training compliance over a stream of teachers (a file read row by
 * row, a database cursor) with flat memory. Same rules and readings as {@link trainingCompliance}.
 *
 * @category Teachers
 * @param options - `{ asOf?, parameters? }`, read once.
 * @returns A tally: `add(teacher)` gives each teacher's result, `summary()` the completion figures so far.
 * @throws {@link PolicyInputError} for invalid options; `add` throws for an invalid teacher.
 * @example
 * ```ts
 * const tally = createTrainingTally({ asOf: '2025-12-31' });
 * tally.add({ id: 'A', training: [{ date: '2022-09-01', hours: 360 }] }).compliant; //=> true
 * tally.add({ id: 'B', training: [{ date: '2022-09-01', hours: 359.9 }] }).shortfall; //=> 0.1
 * tally.summary().completion; //=> { numerator: 1, denominator: 2 }
 * ```
 */
export function createTrainingTally(options?: CalculatorOptions): TrainingTally {
  return new Tally(paramsOrThrow(options, []));
}

/**
 * Training compliance of many teachers, and the completion rate the 优质均衡 assessment reads (G9:
 * 100 % of teachers complete the 360 hours). Parameters are resolved once; explanations are built
 * only when read.
 *
 * `completionRate` is `compliant ÷ total` as a plain number, with the exact fraction beside it in
 * `completion`; `fullCompletion` is true when every teacher complied. An empty list gives rate 0,
 * `fullCompletion: false` and `reason: 'no-teachers'` (nothing was shown to be complete).
 *
 * @category Teachers
 * @param teachers - Teachers as {@link trainingCompliance} takes them; ids must be unique.
 * @param options - `{ asOf?, parameters? }`.
 * @returns Per-teacher results in input order, the counts, the completion rate, citations and an explanation.
 * @throws {@link PolicyInputError} listing every bad teacher and field (`[3, 'training', 0, 'date']`) and repeated ids.
 * @example
 * ```ts
 * const report = trainingReport(
 *   [
 *     { id: 'A', training: [{ date: '2023-01-10', hours: 360 }] },
 *     { id: 'B', training: [{ date: '2023-01-10', hours: 90 }] },
 *   ],
 *   { asOf: '2025-12-31' },
 * );
 * report.completionRate; //=> 0.5
 * report.fullCompletion; //=> false
 * report.teachers[1]?.shortfall; //=> 270
 * ```
 */
export function trainingReport(teachers: readonly Teacher[], options?: CalculatorOptions): TrainingReport {
  const issues: PolicyIssue[] = [];
  const ctx = readOptions(options, issues);
  const p = issues.length === 0 ? trainingParams(ctx, issues) : undefined;
  if (!Array.isArray(teachers)) {
    const r = teacherListSchema.safeParse(teachers, { reportInput: true });
    if (!r.success) issues.push(...fromZodIssues(r.error.issues));
    throw new PolicyInputError(issues);
  }
  if (p === undefined) {
    const r = teacherListSchema.safeParse(teachers, { reportInput: true });
    if (!r.success) issues.push(...fromZodIssues(r.error.issues));
    throw new PolicyInputError(issues);
  }
  const outcomes: TrainingOutcome[] = new Array(teachers.length);
  const seen = new Map<string, number>();
  for (let i = 0; i < teachers.length; i++) {
    const o = readTeacher(teachers[i], p, issues, [i]);
    if (o === undefined) continue;
    outcomes[i] = o;
    const first = seen.get(o.id);
    if (first === undefined) seen.set(o.id, i);
    else issues.push({ path: [i, 'id'], code: 'inconsistent', message: `repeats the id of teacher [${first}] ("${o.id}"); each teacher may appear once`, related: [first, 'id'] });
  }
  throwIfAny(issues);
  const citations = citationsOf(p.used, '4.2');
  const results: TrainingComplianceResult[] = new Array(outcomes.length);
  let compliant = 0;
  let required = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i] as TrainingOutcome;
    required += o.requiredHours;
    if (o.completedTenths >= o.requiredHours * 10) compliant++;
    results[i] = trainingResult(o, p, citations);
  }
  const summary = summaryOf(p, outcomes.length, compliant, required);
  // The summary's figures, without its lazy explanation (defined again below).
  const figures = Object.getOwnPropertyDescriptors(summary) as Record<string, PropertyDescriptor>;
  delete figures['explanation'];
  const report = Object.defineProperties({ teachers: results }, figures);
  return defineLazy(report, 'explanation', () => summary.explanation) as TrainingReport;
}

/**
 * {@link trainingReport} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safeTrainingReport = makeSafe(trainingReport);
