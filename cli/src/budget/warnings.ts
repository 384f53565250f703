/**
 * What a reader of a budget needs to know about schools that were computed as the rules say but
 * may not be what the roster meant: a school with no pupils (and what it is funded as — a rural
 * school with none is funded as 100 pupils under the national floor), and a teaching point with
 * more pupils than the national floor's 100 (a teaching point is a small site; one that large is
 * likely a school entered with the wrong kind, and is not under the teaching-point floor).
 *
 * Boarders more than pupils is not among them: the library refuses such a school (a boarder is a
 * pupil), so it is one of the roster's problems, and nothing is computed.
 */
import { describeParameters, type FloorBand } from 'junheng';
import { fenText, floorOf, kindCode, type BudgetRun } from '../compute.js';
import { grouped, say, type Lang } from '../lang.js';
import { floorName } from './words.js';

/** The kinds of warning: a school with no pupils; a teaching point above the national floor's size. */
export type BudgetWarningCode = 'no-pupils' | 'large-teaching-point';

/** One warning about one school, with what it was funded as (from the baseline). */
export interface BudgetWarning {
  readonly code: BudgetWarningCode;
  /** The school's position in the roster (and in the runs). */
  readonly index: number;
  readonly id: string;
  /** Pupils enrolled (primary + junior). */
  readonly pupils: number;
  readonly fundedPupils: number;
  /** The floor band that raised it, or null. */
  readonly floorApplied: string | null;
  /** The baseline amount, in integer fen. */
  readonly amountFen: number;
}

/** Warnings kept word for word: the rest are counted. */
export const WARNING_LIMIT = 50;

/** What {@link budgetWarnings} finds: the first {@link WARNING_LIMIT} warnings and how many there are. */
export interface BudgetWarnings {
  readonly warnings: readonly BudgetWarning[];
  readonly count: number;
}

let teachingPointSize: number | undefined;

/**
 * The size above which a teaching point is warned about: the `below` of the default national band
 * (`national-under-100`, 不足100人按100人核定), read from the library; 100 when it has none.
 */
export function largeTeachingPoint(): number {
  if (teachingPointSize !== undefined) return teachingPointSize;
  const floors = describeParameters().find((d) => d.path === 'funding.floors');
  const bands = (floors?.history.at(-1)?.value ?? []) as readonly FloorBand[];
  teachingPointSize = bands.find((b) => b.id === 'national-under-100')?.below ?? 100;
  return teachingPointSize;
}

const TEACHING_POINT = kindCode('teaching-point');

/**
 * The warnings of a computed budget, in roster order, from the baseline's typed columns (one pass;
 * `pupils[i]` is school i's pupils enrolled): the first {@link WARNING_LIMIT}, and the count.
 */
export function budgetWarnings(run: BudgetRun, pupils: ArrayLike<number>): BudgetWarnings {
  const warnings: BudgetWarning[] = [];
  let count = 0;
  const large = largeTeachingPoint();
  const n = run.ids.length;
  for (let i = 0; i < n; i++) {
    const p = pupils[i] ?? 0;
    const code: BudgetWarningCode | undefined = p === 0 ? 'no-pupils' : p > large && run.kinds[i] === TEACHING_POINT ? 'large-teaching-point' : undefined;
    if (code === undefined) continue;
    count++;
    if (warnings.length < WARNING_LIMIT) {
      warnings.push({ code, index: i, id: run.ids[i] as string, pupils: p, fundedPupils: run.fundedPupils[i] as number, floorApplied: floorOf(run, i), amountFen: run.amountFen[i] as number });
    }
  }
  return { warnings, count };
}

/**
 * A warning in words, in `lang`, with what the school was funded as:
 * `学校 "Z" 在校生为 0，但按保底“农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）”核定 100 人，公用经费 60,000 元；请核对在校生数` /
 * `school "Z" has no pupils, yet is funded as 100 pupils (60,000 yuan) by the floor "rural school or teaching point under 100 pupils, funded as 100 (国发〔2015〕67号)"; check its pupil counts`.
 * `bands` gives the floor bands' fields, for their words.
 */
export function warningText(w: BudgetWarning, lang: Lang, bands: readonly FloorBand[] = []): string {
  const id = JSON.stringify(w.id);
  const amount = grouped(fenText(w.amountFen));
  const floor = w.floorApplied === null ? '' : floorName(w.floorApplied, lang, bands.find((b) => b.id === w.floorApplied));
  if (w.code === 'no-pupils') {
    if (floor !== '') {
      return say(lang, `学校 ${id} 在校生为 0，但按保底“${floor}”核定 ${w.fundedPupils} 人，公用经费 ${amount} 元；请核对在校生数`, `school ${id} has no pupils, yet is funded as ${w.fundedPupils} pupils (${amount} yuan) by the floor "${floor}"; check its pupil counts`);
    }
    return say(lang, `学校 ${id} 在校生为 0：无保底适用，公用经费 ${amount} 元；请核对在校生数`, `school ${id} has no pupils: no floor covers it, ${amount} yuan; check its pupil counts`);
  }
  const size = largeTeachingPoint();
  const funded = floor === '' ? say(lang, `按 ${w.fundedPupils} 人核定`, `funded as ${w.fundedPupils} pupils`) : say(lang, `按保底“${floor}”核定 ${w.fundedPupils} 人`, `funded as ${w.fundedPupils} pupils by the floor "${floor}"`);
  return say(
    lang,
    `教学点 ${id} 有在校生 ${w.pupils} 人，超过 ${size} 人：请核对其办学类型（教学点的保底是不足 ${size} 人按 ${size} 人核定）；${funded}，公用经费 ${amount} 元`,
    `teaching point ${id} has ${w.pupils} pupils, more than ${size}: check its kind (a teaching point's floor is for fewer than ${size}); ${funded}, ${amount} yuan`,
  );
}

/**
 * The stderr lines of the warnings, in `lang`: one line each (`junheng: warning: …`), then a count
 * of those not shown.
 */
export function warningLines(found: BudgetWarnings, lang: Lang, bands: readonly FloorBand[] = []): string[] {
  const prefix = say(lang, 'junheng：提示：', 'junheng: warning: ');
  const lines = found.warnings.map((w) => `${prefix}${warningText(w, lang, bands)}`);
  const more = found.count - found.warnings.length;
  if (more > 0) lines.push(say(lang, `junheng：另有 ${more.toLocaleString('en')} 条提示未列出`, `junheng: … and ${more.toLocaleString('en')} more warning${more === 1 ? '' : 's'}, not shown`));
  return lines;
}
