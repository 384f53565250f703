import { daysBetween, type IsoDate } from '../core/dates.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { PolicyIssue } from '../core/errors.js';
import type { UsedValue } from '../core/resolve.js';
import { throwIfAny } from '../core/schemas.js';
import type { Stage } from '../core/types.js';
import type { CalculatorOptions } from '../parameters/context.js';
import { declareFunction, defineCalculator, prepare, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import type { ClassSizeParams, ClassSizeStatus } from './classSizeStatus.js';
import { BAND_ZH, checkBands, classReportReads, groupKeysOf, isWellFormedClass, readClass, readClasses, reportOptionsSchema } from './internal.js';
import { classListSchema, type ClassRecord, type GroupKey } from './schemas.js';

/**
 * Options of {@link classSizeReport}: the usual `{ asOf?, region?, parameters? }` and `groupBy`, the
 * key or keys to group classes by (default `['schoolId', 'town']`; `[]` for no groups).
 *
 * @category Classes
 */
export interface ClassSizeReportOptions extends CalculatorOptions {
  groupBy?: GroupKey | readonly GroupKey[];
}

/** Classes counted by band. @category Classes */
export type BandCounts = Record<ClassSizeStatus, number>;

/** Counts of a set of classes. @category Classes */
export interface ClassCounts {
  /** Number of classes. */
  readonly total: number;
  readonly byStatus: BandCounts;
  /** (large + super-large) ÷ total, a plain number; 0 when there are no classes. */
  readonly largeShare: number;
}

/** One group of a report: the classes sharing a key value (a school, a town, …). @category Classes */
export interface ClassGroup extends ClassCounts {
  /** The key's value; `null` for classes that do not give it. */
  readonly key: string | null;
}

/** Opinion 2.3's deadline for large classes in 城镇 (urban and town) schools, on `asOf`. @category Classes */
export interface LargeClassDeadline {
  /** The deadline, inclusive (`classes.largeClassDeadline`, default '2025-12-31'). */
  readonly date: IsoDate;
  readonly asOf: IsoDate;
  /** Calendar days from `asOf` to the deadline: 0 on the day itself, negative once it has passed. */
  readonly daysRemaining: number;
  /** True when `asOf` is after the deadline. */
  readonly passed: boolean;
  /** Large and super-large classes whose `location` is `'urban'` or `'town'` (城镇). */
  readonly urbanAndTownLarge: number;
  /** Large and super-large classes that give no `location`: the deadline cannot be checked for them. */
  readonly largeWithoutLocation: number;
  /** True when the deadline has passed and 城镇 large classes remain. */
  readonly remainAfterDeadline: boolean;
}

/**
 * What {@link classSizeReportRule} counts: the report without its citations and explanation.
 *
 * @category Classes
 */
export interface ClassSizeReportCounts extends ClassCounts {
  /** The same counts per stage. */
  readonly byStage: Record<Stage, ClassCounts>;
  /** For each `groupBy` key, the groups in order of first appearance. */
  readonly groups: Partial<Record<GroupKey, ClassGroup[]>>;
  readonly deadline: LargeClassDeadline;
}

/** What {@link classSizeReport} returns. @category Classes */
export interface ClassSizeReportResult extends ClassSizeReportCounts, Explained {}

/**
 * The parameters the class-size report reads, resolved for a day: the bands of
 * {@link ClassSizeParams} and the deadline (`classSizeReport.parameters(options)` gives them).
 *
 * @category Classes
 */
export interface ClassSizeReportParams extends ClassSizeParams {
  /** `classes.largeClassDeadline`: the day by which 城镇 large classes are to be gone, inclusive. */
  readonly deadline: IsoDate;
}

/** The report's own options, as {@link classSizeReportRule} reads them. @category Classes */
export type ClassSizeReportRuleOptions = { readonly groupBy?: GroupKey | readonly GroupKey[] | undefined };

const share = (large: number, total: number): number => (total === 0 ? 0 : large / total);

function countsOf(c: ArrayLike<number>, at: number): ClassCounts {
  const byStatus: BandCounts = { standard: c[at] as number, 'over-standard': c[at + 1] as number, large: c[at + 2] as number, 'super-large': c[at + 3] as number };
  const total = byStatus.standard + byStatus['over-standard'] + byStatus.large + byStatus['super-large'];
  return { total, byStatus, largeShare: share(byStatus.large + byStatus['super-large'], total) };
}

/** Per group key: key value → index, and 4 counts per index. */
interface Grouping {
  readonly key: GroupKey;
  readonly index: Map<string | undefined, number>;
  readonly keys: Array<string | undefined>;
  readonly counts: number[];
}

const byKey = (c: ClassRecord, key: GroupKey): string | undefined =>
  key === 'schoolId' ? c.schoolId : key === 'town' ? c.town : key === 'location' ? c.location : c.stage;

/**
 * The counting behind {@link classSizeReport} and {@link createClassSizeTally}: integers only, one
 * pass, no per-class objects. Every parameter is read once, when it is made.
 */
class Counter {
  private readonly counts = [0, 0, 0, 0, 0, 0, 0, 0]; // stage × band
  private readonly groupings: Grouping[];
  private readonly sp: number;
  private readonly sip: number;
  private readonly sj: number;
  private readonly largeFrom: number;
  private readonly superLargeFrom: number;
  private readonly date: IsoDate;
  private urbanAndTownLarge = 0;
  private largeWithoutLocation = 0;

  constructor(p: ClassSizeReportParams, private readonly asOf: IsoDate, groupKeys: readonly GroupKey[]) {
    this.groupings = groupKeys.map((key) => ({ key, index: new Map(), keys: [], counts: [] }));
    this.sp = p.standard.primary;
    this.sip = p.standard.incompletePrimary;
    this.sj = p.standard.junior;
    this.largeFrom = p.largeFrom;
    this.superLargeFrom = p.superLargeFrom;
    this.date = p.deadline;
  }

  add(c: ClassRecord): void {
    const size = c.size;
    const junior = c.stage === 'junior';
    const standard = junior ? this.sj : c.incomplete === true ? this.sip : this.sp;
    const band = size >= this.superLargeFrom ? 3 : size >= this.largeFrom ? 2 : size > standard ? 1 : 0;
    (this.counts[(junior ? 4 : 0) + band] as number)++;
    if (band >= 2) {
      const location = c.location;
      if (location === 'urban' || location === 'town') this.urbanAndTownLarge++;
      else if (location === undefined) this.largeWithoutLocation++;
    }
    const groupings = this.groupings;
    for (let g = 0; g < groupings.length; g++) {
      const grouping = groupings[g] as Grouping;
      const value = byKey(c, grouping.key);
      let at = grouping.index.get(value);
      if (at === undefined) {
        at = grouping.keys.length;
        grouping.index.set(value, at);
        grouping.keys.push(value);
        grouping.counts.push(0, 0, 0, 0);
      }
      (grouping.counts[at * 4 + band] as number)++;
    }
  }

  counted(): ClassSizeReportCounts {
    const counts = this.counts;
    const overall = [0, 0, 0, 0];
    for (let b = 0; b < 4; b++) overall[b] = (counts[b] as number) + (counts[4 + b] as number);
    const groups: Partial<Record<GroupKey, ClassGroup[]>> = {};
    for (const g of this.groupings) {
      groups[g.key] = g.keys.map((key, at) => ({ key: key ?? null, ...countsOf(g.counts, at * 4) }));
    }
    const daysRemaining = daysBetween(this.asOf, this.date);
    const passed = daysRemaining < 0;
    const deadline: LargeClassDeadline = {
      date: this.date,
      asOf: this.asOf,
      daysRemaining,
      passed,
      urbanAndTownLarge: this.urbanAndTownLarge,
      largeWithoutLocation: this.largeWithoutLocation,
      remainAfterDeadline: passed && this.urbanAndTownLarge > 0,
    };
    return { ...countsOf(overall, 0), byStage: { primary: countsOf(counts, 0), junior: countsOf(counts, 4) }, groups, deadline };
  }
}

/**
 * The pure rule of {@link classSizeReport}: every validated class banded and counted, overall, per
 * stage and per group, with the deadline section on `call.asOf`. Integers only, one pass; nothing
 * is validated (give it {@link ClassRecord}s, {@link ClassSizeReportParams} with `superLargeFrom`
 * above `largeFrom`, and `{ asOf, options: { groupBy? } }`).
 *
 * @category Classes
 */
export function classSizeReportRule(
  classes: readonly ClassRecord[],
  p: ClassSizeReportParams,
  call: { readonly asOf: IsoDate; readonly options: ClassSizeReportRuleOptions },
): ClassSizeReportCounts {
  const counter = new Counter(p, call.asOf, groupKeysOf(call.options.groupBy));
  const n = classes.length;
  for (let i = 0; i < n; i++) counter.add(classes[i] as ClassRecord);
  return counter.counted();
}

const percent = (x: number): string => `${(Math.round(x * 10_000) / 100).toFixed(2)}%`;

function reportExplanation(r: ClassSizeReportCounts, p: ClassSizeParams, used: readonly UsedValue[]): ExplanationStep[] {
  const s = r.byStatus;
  const large = s.large + s['super-large'];
  const d = r.deadline;
  const steps: ExplanationStep[] = [
    ...parameterSteps(used, '2.3'),
    step('gb-50099-2011',
      `标准班额：小学 ${p.standard.primary} 人（非完全小学 ${p.standard.incompletePrimary} 人），初中 ${p.standard.junior} 人；超过者为超标准班额`,
      `Standard size: primary ${p.standard.primary} (incomplete primary ${p.standard.incompletePrimary}), junior ${p.standard.junior}; above it a class is over-standard`),
    step('2.3',
      `共 ${r.total} 个班：${BAND_ZH.standard} ${s.standard}，${BAND_ZH['over-standard']} ${s['over-standard']}，${BAND_ZH.large}（${p.largeFrom} 人及以上）${s.large}，${BAND_ZH['super-large']}（${p.superLargeFrom} 人及以上）${s['super-large']}`,
      `${r.total} classes: standard ${s.standard}, over-standard ${s['over-standard']}, large (${p.largeFrom}+) ${s.large}, super-large (${p.superLargeFrom}+) ${s['super-large']}`,
      { total: r.total, standard: s.standard, overStandard: s['over-standard'], large: s.large, superLarge: s['super-large'] }),
    step('2.3',
      `大班额占比 = (大班额 + 超大班额) ÷ 班级总数 = ${large} ÷ ${r.total} = ${percent(r.largeShare)}${r.total === 0 ? '（无班级，记为 0）' : ''}`,
      `Large-class share = (large + super-large) ÷ classes = ${large} ÷ ${r.total} = ${percent(r.largeShare)}${r.total === 0 ? ' (no classes: 0)' : ''}`,
      { large, total: r.total, largeShare: r.largeShare }),
    step('2.3',
      d.passed
        ? `确保到 ${d.date} 前全面解决城镇中小学大班额问题：截至 ${d.asOf} 已过期限 ${-d.daysRemaining} 天，城镇（城区、镇区）大班额 ${d.urbanAndTownLarge} 个${d.remainAfterDeadline ? '，期限后仍有大班额' : '，已全部解决'}`
        : `确保到 ${d.date} 前全面解决城镇中小学大班额问题：截至 ${d.asOf} 距期限 ${d.daysRemaining} 天，城镇（城区、镇区）大班额 ${d.urbanAndTownLarge} 个`,
      d.passed
        ? `Large classes in urban and town schools to be eliminated by ${d.date}: on ${d.asOf} the deadline passed ${-d.daysRemaining} days ago; ${d.urbanAndTownLarge} urban/town large classes${d.remainAfterDeadline ? ' remain after the deadline' : ': none remain'}`
        : `Large classes in urban and town schools to be eliminated by ${d.date}: on ${d.asOf}, ${d.daysRemaining} days remain; ${d.urbanAndTownLarge} urban/town large classes`,
      { deadline: d.date, asOf: d.asOf, daysRemaining: d.daysRemaining, urbanAndTownLarge: d.urbanAndTownLarge, remainAfterDeadline: d.remainAfterDeadline }),
  ];
  if (d.largeWithoutLocation > 0) {
    steps.push(step('2.3',
      `${d.largeWithoutLocation} 个大班额未注明所在地类别（location），无法判断是否属城镇`,
      `${d.largeWithoutLocation} large classes give no location: whether they are urban or town cannot be told`,
      { largeWithoutLocation: d.largeWithoutLocation }));
  }
  return steps;
}

/** The report: the counts, citations and the lazy explanation. */
function reportResult(counts: ClassSizeReportCounts, p: ClassSizeParams, used: readonly UsedValue[]): ClassSizeReportResult {
  const result = { ...counts, citations: citationsOf(used, '2.3') };
  return defineLazy(result, 'explanation', () => reportExplanation(counts, p, used)) as ClassSizeReportResult;
}

/**
 * The class-size monitoring report of a roster (班额定期监测、通报): every class banded, counted
 * overall, per stage and per group (school, town, …), with the large-class share and the distance to
 * the deadline for large classes in 城镇 schools.
 *
 * Encodes opinion **2.3** (建立班额定期监测、通报制度; 确保到2025年年底前全面解决城镇中小学大班额问题)
 * with the bands of {@link classSizeStatus} (standard size of GB 50099-2011; large 56+, super-large
 * 66+, 国发〔2016〕40号). Readings:
 *
 * - `largeShare` = (large + super-large) ÷ total, a plain number; an empty roster gives total 0 and
 *   share 0.
 * - Groups: by `options.groupBy` (default `['schoolId', 'town']`), in order of first appearance;
 *   classes without the key form the group `key: null`.
 * - Deadline: `classes.largeClassDeadline` (default 2025-12-31, inclusive; the year is as printed,
 *   but the text's years were flattened — set the real one). 城镇 is read as `location` `'urban'`
 *   (城区) or `'town'` (镇区); `town`, the 镇街 label, plays no part. Large classes without a
 *   `location` are counted apart.
 * - Class ids need not be unique (many schools have a 一年级1班).
 *
 * Validation is fast-pathed; the bands are integer comparisons, and the explanation is built only
 * when read: 3.6 million classes take well under two seconds.
 *
 * @category Classes
 * @function
 * @param input - A list of classes `{ stage, size, id?, schoolId?, town?, location?, incomplete? }`.
 * @param options - `{ asOf?, parameters?, groupBy? }`.
 * @returns Counts by band, overall, by stage and by group; the large-class share; the deadline section; citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for any invalid class (every problem, with its index), invalid options, or a date before the opinion's effective date (`opinion.effectiveFrom`, default 2017-05-23: the 2.3 deadline starts on it).
 * @example
 * ```ts
 * const report = classSizeReport(
 *   [
 *     { schoolId: 'S1', location: 'urban', stage: 'primary', size: 45 },
 *     { schoolId: 'S1', location: 'urban', stage: 'primary', size: 58 },
 *     { schoolId: 'S2', location: 'rural', stage: 'junior', size: 66 },
 *     { schoolId: 'S2', location: 'rural', stage: 'junior', size: 51 },
 *   ],
 *   { asOf: '2026-03-01', groupBy: 'schoolId' },
 * );
 * report.byStatus; //=> { standard: 1, 'over-standard': 1, large: 1, 'super-large': 1 }
 * report.largeShare; //=> 0.5
 * report.groups.schoolId?.map((g) => [g.key, g.largeShare]); //=> [['S1', 0.5], ['S2', 0.5]]
 * report.deadline.remainAfterDeadline; //=> true
 * ```
 */
export const classSizeReport = defineCalculator({
  name: 'classSizeReport',
  provisions: ['2.3'],
  input: classListSchema,
  parse: readClasses,
  options: reportOptionsSchema,
  reads: classReportReads,
  check: (_input, call, issues) => checkBands(call.params, issues),
  rule: classSizeReportRule,
  result: (counts, call) => reportResult(counts, call.params, call.used),
});

/**
 * {@link classSizeReport} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Classes
 * @example
 * ```ts
 * safeClassSizeReport([{ stage: 'primary', size: -1 }], { asOf: '2025-09-01' }).success; //=> false
 * ```
 */
export const safeClassSizeReport = safe(classSizeReport);

/**
 * A class-size report built one class at a time, for rosters read from a stream: each class is
 * checked and counted as it is added, and none is kept. {@link classSizeReport} is a tally over a
 * list.
 *
 * @category Classes
 */
export interface ClassSizeTally {
  /** Checks and counts one class; false when it is invalid (its issues are kept, at its index). */
  add(row: unknown): boolean;
  /** Classes added so far, valid or not: the next class's index. */
  readonly count: number;
  /** The issues found so far, each with the index of its class. */
  readonly issues: readonly PolicyIssue[];
  /** The report of the classes added. @throws {@link PolicyInputError} when any was invalid. */
  result(): ClassSizeReportResult;
}

/** The streaming tally: checks each class, counts it while none was invalid. */
class StreamTally implements ClassSizeTally {
  readonly issues: PolicyIssue[] = [];
  count = 0;
  private readonly counter: Counter;

  constructor(
    private readonly p: ClassSizeReportParams,
    private readonly used: readonly UsedValue[],
    asOf: IsoDate,
    groupKeys: readonly GroupKey[],
  ) {
    this.counter = new Counter(p, asOf, groupKeys);
  }

  add(row: unknown): boolean {
    const i = this.count++;
    const c = isWellFormedClass(row) ? row : readClass(row, this.issues, [i]);
    if (c === undefined) return false;
    if (this.issues.length > 0) return true; // the report will not be given: stop counting
    this.counter.add(c);
    return true;
  }

  result(): ClassSizeReportResult {
    throwIfAny(this.issues);
    return reportResult(this.counter.counted(), this.p, this.used);
  }
}

/**
 * Starts a {@link ClassSizeTally}: the streaming form of {@link classSizeReport}, with the same
 * options, bands, groups and deadline.
 *
 * @category Classes
 * @function
 * @param options - `{ asOf?, parameters?, groupBy? }`, as for {@link classSizeReport}.
 * @throws {@link PolicyInputError} for invalid options or a date before the opinion's effective date (`opinion.effectiveFrom`, default 2017-05-23).
 * @example
 * ```ts
 * const tally = createClassSizeTally({ asOf: '2025-09-01', groupBy: [] });
 * tally.add({ stage: 'junior', size: 51 }); //=> true
 * tally.add({ stage: 'junior', size: -1 }); //=> false
 * tally.issues.map((i) => i.path); //=> [[1, 'size']]
 * ```
 */
export const createClassSizeTally = declareFunction(
  function createClassSizeTally(options?: ClassSizeReportOptions): ClassSizeTally {
    const issues: PolicyIssue[] = [];
    const { ctx, snapshot, params } = prepare('createClassSizeTally', classReportReads, options, reportOptionsSchema, issues);
    checkBands(params, issues);
    throwIfAny(issues);
    const groupBy = ctx.extra['groupBy'] as ClassSizeReportRuleOptions['groupBy'];
    return new StreamTally(params, snapshot.used, ctx.asOf, groupKeysOf(groupBy));
  },
  { name: 'createClassSizeTally', provisions: ['2.3'], reads: classReportReads },
);
