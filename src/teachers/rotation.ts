import type * as z from 'zod/mini';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { Resolved } from '../core/resolve.js';
import { countSchema, parseInto, record } from '../core/schemas.js';
import { shareAtLeast } from '../core/util.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { citationsOf, parameterSteps } from '../parameters/steps.js';
import type { ParameterTree } from '../parameters/tree.js';
import { checkRotation } from './internal.js';

/** A year's rotation figures as {@link rotationCompliance} takes them. @category Teachers */
export const rotationSchema = record(
  { eligibleTeachers: countSchema, rotatedTeachers: countSchema, rotatedBackboneTeachers: countSchema },
  'an object { eligibleTeachers, rotatedTeachers, rotatedBackboneTeachers }',
);
/** @category Teachers */
export type RotationFigures = z.input<typeof rotationSchema>;

/** What {@link rotationCompliance} returns. @category Teachers */
export interface RotationResult extends Explained {
  /** Both shares met (or nothing to meet: see `reason`). */
  readonly compliant: boolean;
  /** rotated ÷ eligible as a plain number; 0 when nobody is eligible. For display: the decision is exact. */
  readonly rotationRate: number;
  /** backbone ÷ rotated as a plain number; 0 when nobody rotated. */
  readonly backboneShare: number;
  /** Whether each share was met. */
  readonly rotationMet: boolean;
  readonly backboneMet: boolean;
  /**
   * Set when a share had a zero denominator: `'no-eligible-teachers'` (nothing to rotate: both rules
   * hold vacuously, `compliant: true`) or `'none-rotated'` (eligible teachers but nobody rotated: the
   * backbone rule holds vacuously, the 10 % rule fails).
   */
  readonly reason?: 'no-eligible-teachers' | 'none-rotated';
}

const pct = (bp: number): string => `${bp / 100}%`;

const rotationReads = (p: ParameterTree) => p.teachers.rotation;

/**
 * The rotation shares the rule reads, in ten-thousandths (10 % → 1000): `{ minShare,
 * backboneMinShare }` (from `rotationCompliance.parameters(options)`).
 *
 * @category Teachers
 */
export type RotationParams = Resolved<ReturnType<typeof rotationReads>>;

/** What {@link rotationComplianceRule} decides. @category Teachers */
export interface RotationOutcome {
  /** rotated × 10000 ≥ minShare × eligible, exactly. */
  readonly rotationMet: boolean;
  /** backbone × 10000 ≥ backboneMinShare × rotated, exactly. */
  readonly backboneMet: boolean;
  readonly compliant: boolean;
  readonly reason?: 'no-eligible-teachers' | 'none-rotated';
}

/**
 * The pure rule of {@link rotationCompliance}: both shares compared exactly in integers. Unchecked:
 * give it counts valid against {@link rotationSchema} (rotated ≤ eligible, backbone ≤ rotated) and
 * shares from `rotationCompliance.parameters(options)`.
 *
 * @category Teachers
 */
export function rotationComplianceRule(figures: RotationFigures, shares: RotationParams): RotationOutcome {
  const { eligibleTeachers: eligible, rotatedTeachers: rotated, rotatedBackboneTeachers: backbone } = figures;
  const rotationMet = shareAtLeast(rotated, eligible, shares.minShare);
  const backboneMet = shareAtLeast(backbone, rotated, shares.backboneMinShare);
  const reason = eligible === 0 ? ('no-eligible-teachers' as const) : rotated === 0 ? ('none-rotated' as const) : undefined;
  return { rotationMet, backboneMet, compliant: rotationMet && backboneMet, ...(reason === undefined ? {} : { reason }) };
}

/**
 * Whether a year's teacher rotation (交流轮岗) meets the 10 % / 20 % rule: at least
 * `teachers.rotation.minShare` (10 %) of eligible teachers rotated, and backbone (骨干) teachers at
 * least `teachers.rotation.backboneMinShare` (20 %) of those rotated.
 *
 * Encodes opinion **4.3** (城乡之间、学校之间教师交流轮岗制度化) with the shares of the 优质均衡
 * assessment (教督〔2017〕6号, item G11; secondary). Readings:
 *
 * - 不低于 includes the number: exactly 10 % and exactly 20 % comply. Compared exactly by
 *   cross-multiplication in basis points (rotated × 10000 ≥ 1000 × eligible), never through the
 *   floating-point rates, which are reported for display only.
 * - Zero denominators follow the same arithmetic: no eligible teachers → both rules hold
 *   vacuously (`compliant: true`, rates 0, `reason: 'no-eligible-teachers'`); nobody rotated among
 *   eligible teachers → the 10 % rule fails (`reason: 'none-rotated'`).
 * - rotated ≤ eligible and backbone ≤ rotated are input checks.
 *
 * The pure rule is {@link rotationComplianceRule}.
 *
 * @category Teachers
 * @function
 * @param input - `{ eligibleTeachers, rotatedTeachers, rotatedBackboneTeachers }`, counts for the year.
 * @param options - `{ asOf?, parameters? }`.
 * @returns Whether it is met, the two rates, citations and an explanation.
 * @throws {@link PolicyInputError} for counts that are not whole numbers, or that contradict each other.
 * @example
 * ```ts
 * const r = rotationCompliance({ eligibleTeachers: 250, rotatedTeachers: 25, rotatedBackboneTeachers: 5 }, { asOf: '2025-09-01' });
 * r.compliant; //=> true
 * r.rotationRate; //=> 0.1
 * r.backboneShare; //=> 0.2
 * rotationCompliance({ eligibleTeachers: 250, rotatedTeachers: 24, rotatedBackboneTeachers: 5 }, { asOf: '2025-09-01' }).compliant; //=> false
 * ```
 */
export const rotationCompliance = defineCalculator({
  name: 'rotationCompliance',
  provisions: ['4.3'],
  input: rotationSchema,
  parse(input, issues) {
    const f = parseInto(rotationSchema, input, issues);
    if (f !== undefined) checkRotation(f, issues);
    return f;
  },
  reads: rotationReads,
  rule: rotationComplianceRule,
  result(outcome, call): RotationResult {
    const { eligibleTeachers: eligible, rotatedTeachers: rotated, rotatedBackboneTeachers: backbone } = call.input;
    const shares = call.params;
    const used = call.used;
    const { compliant, rotationMet, backboneMet, reason } = outcome;
    const rotationRate = eligible === 0 ? 0 : rotated / eligible;
    const backboneShare = rotated === 0 ? 0 : backbone / rotated;
    const citations = citationsOf(used, '4.3');
    const result = { compliant, rotationRate, backboneShare, rotationMet, backboneMet, ...(reason === undefined ? {} : { reason }), citations };
    return defineLazy(result, 'explanation', (): ExplanationStep[] => [
      ...parameterSteps(used, '4.3'),
      step('4.3',
        `符合交流条件教师 ${eligible} 人，交流轮岗 ${rotated} 人，其中骨干教师 ${backbone} 人`,
        `${eligible} eligible teachers, ${rotated} rotated, of whom ${backbone} backbone teachers`,
        { eligibleTeachers: eligible, rotatedTeachers: rotated, rotatedBackboneTeachers: backbone }),
      step('jiaodu-2017-6',
        eligible === 0
          ? `无符合交流条件的教师：不低于 ${pct(shares.minShare)} 的要求自然满足（0 ≥ 0）`
          : `${rotated} × 10000 ${rotationMet ? '≥' : '<'} ${shares.minShare} × ${eligible}：交流比例${rotationMet ? '达到' : '低于'} ${pct(shares.minShare)}`,
        eligible === 0
          ? `No eligible teachers: the ${pct(shares.minShare)} minimum holds vacuously (0 ≥ 0)`
          : `${rotated} × 10000 ${rotationMet ? '≥' : '<'} ${shares.minShare} × ${eligible}: rotation ${rotationMet ? 'meets' : 'is below'} ${pct(shares.minShare)}`,
        { rotationMet, rotationRate }),
      step('jiaodu-2017-6',
        rotated === 0
          ? `无交流轮岗教师：骨干比例不低于 ${pct(shares.backboneMinShare)} 的要求自然满足（0 ≥ 0）`
          : `${backbone} × 10000 ${backboneMet ? '≥' : '<'} ${shares.backboneMinShare} × ${rotated}：骨干教师比例${backboneMet ? '达到' : '低于'} ${pct(shares.backboneMinShare)}`,
        rotated === 0
          ? `Nobody rotated: the ${pct(shares.backboneMinShare)} backbone minimum holds vacuously (0 ≥ 0)`
          : `${backbone} × 10000 ${backboneMet ? '≥' : '<'} ${shares.backboneMinShare} × ${rotated}: backbone share ${backboneMet ? 'meets' : 'is below'} ${pct(shares.backboneMinShare)}`,
        { backboneMet, backboneShare }),
    ]) as RotationResult;
  },
});

/**
 * {@link rotationCompliance} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safeRotationCompliance = safe(rotationCompliance);
