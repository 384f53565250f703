import { defineLazy, step, type Explained } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { throwIfAny } from '../core/schemas.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import { BAND_ZH, bandOf, CLASS_SIZE_STATUSES, classParams, standardOf, standardPath, type ClassParams, type ClassSizeStatus } from './params.js';
import { readClass, type ClassInput, type ClassRecord } from './schemas.js';

/** What {@link classSizeStatus} returns. @category Classes */
export interface ClassSizeStatusResult extends Explained {
  /** `'standard'` (within the standard size), `'over-standard'`, `'large'` (56+) or `'super-large'` (66+). */
  readonly status: ClassSizeStatus;
  /** The standard size for the class's stage: 45 primary (30 incomplete primary), 50 junior. */
  readonly standardSize: number;
  /** Pupils above `standardSize`; 0 when within it. */
  readonly excess: number;
}

const STAGE_ZH = { primary: '小学', junior: '初中' } as const;

/** The explanation of one class's band. @internal */
export function classExplanation(c: ClassRecord, p: ClassParams): ClassSizeStatusResult['explanation'] {
  const standard = standardOf(p, c.stage, c.incomplete);
  const status = CLASS_SIZE_STATUSES[bandOf(c.size, standard, p)];
  const paths = [standardPath(c.stage, c.incomplete), 'classes.largeFrom', 'classes.superLargeFrom'];
  const used = paths.map((path) => p.used.get(path)).filter((u) => u !== undefined);
  const kind = c.stage === 'primary' && c.incomplete === true ? { zh: '非完全小学', en: 'incomplete primary' } : { zh: STAGE_ZH[c.stage], en: c.stage };
  const excess = Math.max(0, c.size - standard);
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
 * - large: 56 pupils or more; super-large: 66 or more (国发〔2016〕40号 targets, "56人及以上": the
 *   number itself is included; `classes.largeFrom`, `classes.superLargeFrom`);
 * - over-standard: above the standard size and below 56. The 优质均衡 assessment (G5) asks every
 *   class to be within its standard size.
 *
 * So a primary class of 45 is standard, 46 over-standard, 56 large, 66 super-large; a junior class of
 * 50 is standard, 51 over-standard. A nine-year school's grades 1–6 are primary and 7–9 junior.
 *
 * @category Classes
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
export function classSizeStatus(input: ClassInput, options?: CalculatorOptions): ClassSizeStatusResult {
  const issues: PolicyIssue[] = [];
  const c = readClass(input, issues);
  const ctx = readOptions(options, issues);
  throwIfAny(issues);
  const p = classParams(ctx, issues) as ClassParams;
  throwIfAny(issues);
  const valid = c as ClassRecord;
  const standardSize = standardOf(p, valid.stage, valid.incomplete);
  const status = CLASS_SIZE_STATUSES[bandOf(valid.size, standardSize, p)];
  const used = [p.used.get(standardPath(valid.stage, valid.incomplete)), p.used.get('classes.largeFrom'), p.used.get('classes.superLargeFrom')];
  const result = {
    status,
    standardSize,
    excess: Math.max(0, valid.size - standardSize),
    citations: citationsOf(used.filter((u) => u !== undefined), '2.3'),
  };
  return defineLazy(result, 'explanation', () => classExplanation(valid, p)) as ClassSizeStatusResult;
}

/**
 * {@link classSizeStatus} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Classes
 * @example
 * ```ts
 * safeClassSizeStatus({ stage: 'junior', size: 40, incomplete: true }, { asOf: '2025-09-01' }).success; //=> false
 * ```
 */
export const safeClassSizeStatus = makeSafe(classSizeStatus);
