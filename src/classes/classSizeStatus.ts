import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { UsedValue } from '../core/resolve.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { classesParameters as C } from './parameters.js';
import { BAND_ZH, bandOf, checkBands, classSizeReads, readClass, standardOf, standardPath } from './internal.js';
import { classSchema, type ClassRecord } from './schemas.js';

/** The class-size bands, in order. @category Classes */
export const CLASS_SIZE_STATUSES = ['standard', 'over-standard', 'large', 'super-large'] as const;
/** @category Classes */
export type ClassSizeStatus = (typeof CLASS_SIZE_STATUSES)[number];

/**
 * The class-size parameters the band reads, resolved for a day: what {@link classSizeStatusRule}
 * and {@link classSizeReportRule} take (`classSizeStatus.parameters(options)` gives them).
 *
 * @category Classes
 */
export interface ClassSizeParams {
  /** `classes.standardSize`: 45 primary, 30 incomplete primary, 50 junior (GB 50099-2011). */
  readonly standard: { readonly primary: number; readonly incompletePrimary: number; readonly junior: number };
  /** `classes.largeFrom`: a class of this many pupils or more is large (56). */
  readonly largeFrom: number;
  /** `classes.superLargeFrom`: this many or more is super-large (66); greater than `largeFrom`. */
  readonly superLargeFrom: number;
}

/** What {@link classSizeStatusRule} decides for one class. @category Classes */
export interface ClassSizeOutcome {
  /** `'standard'` (within the standard size), `'over-standard'`, `'large'` (56+) or `'super-large'` (66+). */
  readonly status: ClassSizeStatus;
  /** The standard size for the class's stage: 45 primary (30 incomplete primary), 50 junior. */
  readonly standardSize: number;
  /** Pupils above `standardSize`; 0 when within it. */
  readonly excess: number;
}

/** What {@link classSizeStatus} returns. @category Classes */
export interface ClassSizeStatusResult extends ClassSizeOutcome, Explained {}

const STAGE_ZH = { primary: '小学', junior: '初中' } as const;

/**
 * The pure rule of {@link classSizeStatus}: the band of one validated class, its standard size and
 * the pupils above it. A few comparisons; nothing is validated (give it a {@link ClassRecord} and
 * {@link ClassSizeParams} with `superLargeFrom` above `largeFrom`).
 *
 * @category Classes
 */
export function classSizeStatusRule(c: ClassRecord, p: ClassSizeParams): ClassSizeOutcome {
  const standardSize = standardOf(p, c.stage, c.incomplete);
  return {
    status: CLASS_SIZE_STATUSES[bandOf(c.size, standardSize, p)],
    standardSize,
    excess: Math.max(0, c.size - standardSize),
  };
}

/** The values a class's band rests on: its standard size and the two thresholds, in that order. */
function usedFor(c: ClassRecord, used: readonly UsedValue[]): UsedValue[] {
  const paths = [standardPath(c.stage, c.incomplete), C.largeFrom.path, C.superLargeFrom.path];
  return paths.map((path) => used.find((u) => u.path === path)).filter((u) => u !== undefined);
}

/** The explanation of one class's band. */
function classExplanation(c: ClassRecord, outcome: ClassSizeOutcome, p: ClassSizeParams, used: readonly UsedValue[]): ExplanationStep[] {
  const { status, standardSize: standard, excess } = outcome;
  const kind = c.stage === 'primary' && c.incomplete === true ? { zh: '非完全小学', en: 'incomplete primary' } : { zh: STAGE_ZH[c.stage], en: c.stage };
  const who = c.id === undefined ? '' : ` ${c.id}`;
  return [
    ...parameterSteps(used, '2.3'),
    step('gb-50099-2011',
      `班级${who}：${kind.zh}，${c.size} 人；标准班额 ${standard} 人，超出 ${excess} 人`,
      `Class${who}: ${kind.en}, ${c.size} pupils; standard size ${standard}, ${excess} above it`,
      { size: c.size, standardSize: standard, excess }),
    step('2.3',
      `${p.superLargeFrom} 人及以上为超大班额，${p.largeFrom} 人及以上为大班额，超过 ${standard} 人为超标准班额：${c.size} 人属${BAND_ZH[status]}`,
      `${p.superLargeFrom} or more is super-large, ${p.largeFrom} or more large, more than ${standard} over-standard: ${c.size} pupils is ${status}`,
      { status }),
  ];
}

/**
 * The size band of one class: standard, over-standard, large (大班额) or super-large (超大班额).
 *
 * Encodes opinion **2.3** (建立大班额防控长效机制; 班额定期监测) with the national figures behind it:
 *
 * - standard size (GB 50099-2011): primary 45, incomplete primary school (`incomplete: true`) 30,
 *   junior 50 (`classes.standardSize`); a class of exactly the standard size is within it;
 * - large: 56 pupils or more; super-large: 66 or more (国发〔2016〕40号 targets, "56人以上" and
 *   "66人以上": 以上 includes the number; `classes.largeFrom`, `classes.superLargeFrom`);
 * - over-standard: above the standard size and below 56. The 优质均衡 assessment (G5) is not this
 *   band: it asks every primary class to be within 45 and every junior class within 50, whatever the
 *   school (`balance.guarantees.classLimit`), so a 35-pupil class of an incomplete primary school is
 *   over-standard here and within G5.
 *
 * So a primary class of 45 is standard, 46 over-standard, 56 large, 66 super-large; a junior class of
 * 50 is standard, 51 over-standard. A nine-year school's grades 1–6 are primary and 7–9 junior.
 *
 * @category Classes
 * @function
 * @param input - `{ stage: 'primary' | 'junior', size, incomplete?, id?, schoolId?, town?, location? }`.
 * @param options - `{ asOf?, parameters? }`.
 * @returns The band, the standard size, the pupils above it, citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options, `incomplete: true` on a junior class, or a date before 2016-07-02 (the first value of the large-class thresholds).
 * @example
 * ```ts
 * const r = classSizeStatus({ stage: 'primary', size: 56 }, { asOf: '2025-09-01' });
 * r.status; //=> 'large'
 * r.standardSize; //=> 45
 * r.excess; //=> 11
 * classSizeStatus({ stage: 'junior', size: 50 }, { asOf: '2025-09-01' }).status; //=> 'standard'
 * classSizeStatus({ stage: 'primary', size: 31, incomplete: true }, { asOf: '2025-09-01' }).status; //=> 'over-standard'
 * ```
 */
export const classSizeStatus = defineCalculator({
  name: 'classSizeStatus',
  provisions: ['2.3'],
  input: classSchema,
  parse: (input, issues) => readClass(input, issues),
  reads: classSizeReads,
  check: (_input, call, issues) => checkBands(call.params, issues),
  rule: classSizeStatusRule,
  result(outcome, call): ClassSizeStatusResult {
    const c = call.input;
    const used = usedFor(c, call.used);
    const result = { ...outcome, citations: citationsOf(used, '2.3') };
    return defineLazy(result, 'explanation', () => classExplanation(c, outcome, call.params, used)) as ClassSizeStatusResult;
  },
});

/**
 * {@link classSizeStatus} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Classes
 * @example
 * ```ts
 * safeClassSizeStatus({ stage: 'junior', size: 40, incomplete: true }, { asOf: '2025-09-01' }).success; //=> false
 * ```
 */
export const safeClassSizeStatus = safe(classSizeStatus);
