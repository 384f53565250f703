import * as z from 'zod/mini';
import type { PolicyIssue } from '../core/errors.js';
import { step, type Explained } from '../core/explain.js';
import { fenToDecimal, yuanToFen, type Decimal } from '../core/money.js';
import type { Resolved } from '../core/resolve.js';
import { choice, countSchema, describeValue, idSchema, moneySchema, parseInto, record } from '../core/schemas.js';
import { decimalUnits } from '../core/util.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { parameterSteps } from '../parameters/steps.js';
import { splitReads } from './internal.js';
import { areaSchema, type BalanceSchool } from './schemas.js';

/** Kinds of school that span stages: 九年一贯制, 十二年一贯制, 完全中学. @category Balanced development */
export const SPANNING_TYPES = ['nine-year', 'twelve-year', 'complete-secondary'] as const;

const stageStaff = record(
  { qualifiedTeachers: countSchema, backboneTeachers: countSchema, peArtTeachers: countSchema, multimediaClassrooms: z.optional(countSchema) },
  'the teachers of the stage { qualifiedTeachers, backboneTeachers, peArtTeachers, multimediaClassrooms? }',
);

const area2 = areaSchema.check(
  z.refine((v) => decimalUnits(v, 2) !== undefined, {
    error: (iss) => `must have at most two decimal places to be split exactly (to 0.01 m²), got ${describeValue(iss.input)}`,
  }),
);

/**
 * A school spanning stages, as {@link splitSchool} takes it: pupils by stage, the teachers of each
 * compulsory stage (teachers belong to a stage), and the totals the stages share.
 *
 * @category Balanced development
 */
export const spanningSchoolSchema = record(
  {
    id: idSchema,
    type: choice(SPANNING_TYPES, 'the kind of school spanning stages'),
    pupils: record({ primary: z.optional(countSchema), junior: z.optional(countSchema), senior: z.optional(countSchema) }, 'pupils by stage { primary?, junior?, senior? }'),
    primary: z.optional(stageStaff),
    junior: z.optional(stageStaff),
    teachingAuxiliaryArea: area2,
    sportsArea: area2,
    equipmentValue: moneySchema,
    /** Shared multimedia classrooms, when they are not counted per stage. */
    multimediaClassrooms: z.optional(countSchema),
  },
  'a school spanning stages { id, type, pupils, primary?, junior?, teachingAuxiliaryArea, sportsArea, equipmentValue, multimediaClassrooms? }',
);

/** A school spanning stages, as given. @category Balanced development */
export type SpanningSchool = z.input<typeof spanningSchoolSchema>;

/** The senior (high-school) part of the shared totals, which the assessment leaves out. @category Balanced development */
export interface SeniorShare {
  readonly teachingAuxiliaryArea: number;
  readonly sportsArea: number;
  readonly equipmentValue: Decimal;
  readonly multimediaClassrooms: number;
}

/** What {@link splitSchool} returns. @category Balanced development */
export interface SplitResult extends Explained {
  /** The primary and junior rows (a stage without pupils gives no row), ready for {@link assessBalancedDevelopment}. */
  readonly rows: BalanceSchool[];
  /** The senior part of the shared totals (zeros for a nine-year school). */
  readonly senior: SeniorShare;
}

type Part = 'primary' | 'junior' | 'senior';
const PARTS: readonly Part[] = ['primary', 'junior', 'senior'];
const STAGES_OF: Record<(typeof SPANNING_TYPES)[number], readonly Part[]> = {
  'nine-year': ['primary', 'junior'],
  'twelve-year': ['primary', 'junior', 'senior'],
  'complete-secondary': ['junior', 'senior'],
};

/**
 * Apportions `total` whole units by `weights` (BigInt), largest remainder: each part gets the floor
 * of its exact share, and the units left go one each to the largest remainders (ties to the earlier
 * stage). The parts add up to `total` exactly.
 *
 * @internal
 */
function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const parts = weights.map((w) => (total * w) / sum);
  const rems = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - parts.reduce((a, b) => a + b, 0n);
  rems.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rems) {
    if (left === 0n) break;
    if ((weights[i] as bigint) === 0n) continue;
    parts[i] = (parts[i] as bigint) + 1n;
    left -= 1n;
  }
  return parts;
}

/** Area in hundredths of a m² from a number with at most two decimals (read from its text). */
const hundredths = (area: number): bigint => BigInt(decimalUnits(area, 2) as number);

/** A school spanning stages, validated. @category Balanced development */
export type SpanningRecord = z.output<typeof spanningSchoolSchema>;

/** The weights of {@link splitSchoolRule}, in ten-thousandths (1.1 → 11000). @category Balanced development */
export type SplitParameters = Resolved<ReturnType<typeof splitReads>>;

/** What {@link splitSchoolRule} decides. @category Balanced development */
export interface SplitOutcome {
  readonly rows: BalanceSchool[];
  readonly senior: SeniorShare;
  /** Whether the multimedia classrooms were a shared total (and so apportioned). */
  readonly roomsShared: boolean;
}

/** The checks of a spanning school the schema cannot make: its stages, teachers and classrooms. */
function checkSpanning(s: SpanningRecord, issues: PolicyIssue[]): void {
  const has = STAGES_OF[s.type];
  for (const part of PARTS) {
    const n = s.pupils[part];
    if (n !== undefined && n > 0 && !has.includes(part)) {
      issues.push({ path: ['pupils', part], code: 'inconsistent', message: `must be 0 or absent: a ${s.type} school has no ${part} stage` });
    }
  }
  for (const stage of ['primary', 'junior'] as const) {
    const n = s.pupils[stage] ?? 0;
    if (n > 0 && s[stage] === undefined) issues.push({ path: [stage], code: 'missing', message: `is required: the ${stage} stage has ${n} pupils, give its teachers { qualifiedTeachers, backboneTeachers, peArtTeachers }` });
    const staff = s[stage];
    if (staff !== undefined && s.multimediaClassrooms !== undefined && staff.multimediaClassrooms !== undefined) {
      issues.push({ path: [stage, 'multimediaClassrooms'], code: 'inconsistent', message: 'must be absent when multimediaClassrooms is given as a shared total (give one or the other)' });
    }
    if (n > 0 && s.multimediaClassrooms === undefined && staff !== undefined && staff.multimediaClassrooms === undefined) {
      issues.push({ path: [stage, 'multimediaClassrooms'], code: 'missing', message: 'is required (the stage\'s multimedia classrooms), unless multimediaClassrooms is given as a shared total' });
    }
  }
  if ((s.pupils.primary ?? 0) + (s.pupils.junior ?? 0) === 0) {
    issues.push({ path: ['pupils'], code: 'too_small', message: 'must give pupils for at least one compulsory stage (primary or junior)' });
  }
}

/**
 * The pure rule of {@link splitSchool}: the primary and junior rows of a validated school spanning
 * stages, its shared totals apportioned by weighted pupils (largest remainder), and the senior part.
 * Unchecked: give it a validated school and weights from `splitSchool.parameters(options)`.
 *
 * @category Balanced development
 */
export function splitSchoolRule(v: SpanningRecord, p: SplitParameters): SplitOutcome {
  const w = p.weights;
  // weights in ten-thousandths × pupils
  const weights = PARTS.map((part) => BigInt(w[part]) * BigInt(v.pupils[part] ?? 0));
  const teaching = largestRemainder(hundredths(v.teachingAuxiliaryArea), weights);
  const sports = largestRemainder(hundredths(v.sportsArea), weights);
  const equipment = largestRemainder(BigInt(yuanToFen(v.equipmentValue) as number), weights);
  const rooms = v.multimediaClassrooms === undefined ? undefined : largestRemainder(BigInt(v.multimediaClassrooms), weights);
  const m2 = (h: bigint): number => Number(h) / 100;
  const rows: BalanceSchool[] = [];
  (['primary', 'junior'] as const).forEach((stage, i) => {
    // i is the stage's place in PARTS: primary 0, junior 1.
    const pupils = v.pupils[stage] ?? 0;
    const staff = v[stage];
    if (pupils === 0 || staff === undefined) return;
    rows.push({
      id: v.id,
      stage,
      pupils,
      qualifiedTeachers: staff.qualifiedTeachers,
      backboneTeachers: staff.backboneTeachers,
      peArtTeachers: staff.peArtTeachers,
      teachingAuxiliaryArea: m2(teaching[i] as bigint),
      sportsArea: m2(sports[i] as bigint),
      equipmentValue: fenToDecimal(equipment[i] as bigint).toFixed(2),
      multimediaClassrooms: rooms === undefined ? (staff.multimediaClassrooms as number) : Number(rooms[i]),
    });
  });
  const senior: SeniorShare = {
    teachingAuxiliaryArea: m2(teaching[2] as bigint),
    sportsArea: m2(sports[2] as bigint),
    equipmentValue: fenToDecimal(equipment[2] as bigint),
    multimediaClassrooms: rooms === undefined ? 0 : Number(rooms[2]),
  };
  return { rows, senior, roomsShared: rooms !== undefined };
}

/**
 * Splits a school that spans stages (九年一贯制 `'nine-year'`, 十二年一贯制 `'twelve-year'`, 完全中学
 * `'complete-secondary'`) into the primary and junior rows the county assessment takes, as
 * 教督〔2017〕6号 does for opinion **1.1** / **6.3**: teachers stay with their stage; the totals the
 * stages share (teaching and auxiliary area, sports area, equipment value, and multimedia classrooms
 * when given as a shared total) are apportioned by weighted pupils, primary : junior : senior =
 * 1 : 1.1 : 1.32 (`balance.split.weights`, secondary, from the 基本均衡 era).
 *
 * Rounding (a junheng reading): each shared total is cut into whole units — 0.01 m² for areas (the
 * areas must therefore have at most two decimals), the fen for equipment, whole classrooms — and
 * the units are shared by largest remainder (ties to the earlier stage), so the parts add up to the
 * total exactly. A stage with no pupils gets nothing and gives no row; the senior part is returned
 * apart and takes no part in the assessment. Multimedia classrooms given per stage are kept as given.
 *
 * @category Balanced development
 * @function
 * @param input - `{ id, type, pupils: { primary?, junior?, senior? }, primary?, junior?, teachingAuxiliaryArea, sportsArea, equipmentValue, multimediaClassrooms? }`.
 * @param options - `{ asOf?, parameters? }`.
 * @returns The rows (same `id`, one per stage with pupils), the senior share, citations and an explanation.
 * @throws {@link PolicyInputError} for invalid input: a stage the type does not have, missing teachers for a stage with pupils, no compulsory pupils, an area with more than two decimals.
 * @example
 * ```ts
 * const { rows } = splitSchool(
 *   {
 *     id: 'J9', type: 'nine-year', pupils: { primary: 600, junior: 400 },
 *     primary: { qualifiedTeachers: 30, backboneTeachers: 6, peArtTeachers: 6, multimediaClassrooms: 14 },
 *     junior: { qualifiedTeachers: 24, backboneTeachers: 4, peArtTeachers: 4, multimediaClassrooms: 10 },
 *     teachingAuxiliaryArea: 5200, sportsArea: 8000, equipmentValue: 2_120_000,
 *   },
 *   { asOf: '2025-09-01' },
 * );
 * // weights 600 × 1 : 400 × 1.1 = 600 : 440; 5200 × 600/1040 = 3000
 * rows.map((r) => r.teachingAuxiliaryArea); //=> [3000, 2200]
 * rows.map((r) => r.equipmentValue); //=> ['1223076.92', '896923.08']
 * ```
 */
export const splitSchool = defineCalculator({
  name: 'splitSchool',
  provisions: ['1.1'],
  input: spanningSchoolSchema,
  parse(input, issues) {
    const s = parseInto(spanningSchoolSchema, input, issues);
    if (s !== undefined) checkSpanning(s, issues);
    return s;
  },
  reads: splitReads,
  rule: splitSchoolRule,
  result({ rows, senior, roomsShared }, call): SplitResult {
    const v = call.input;
    const w = call.params.weights;
    const weightText = PARTS.map((part) => `${part} ${v.pupils[part] ?? 0} × ${w[part] / 10_000}`).join(', ');
    return {
      rows,
      senior,
      citations: ['1.1', '6.3', 'jiaodu-2017-6'],
      explanation: [
        ...parameterSteps(call.used, '6.3'),
        step('jiaodu-2017-6',
          `学校 ${v.id}（${v.type}）按折算学生数分摊共用的校舍面积、运动场馆面积和仪器设备值：${weightText}`,
          `School ${v.id} (${v.type}): shared totals apportioned by weighted pupils: ${weightText}`,
          { id: v.id, type: v.type }),
        step(undefined,
          `按最大余数法分到 0.01 平方米、分${roomsShared ? '、整间教室' : ''}，各部分之和恰等于总数：小学 ${rows.find((r) => r.stage === 'primary')?.teachingAuxiliaryArea ?? 0} / 初中 ${rows.find((r) => r.stage === 'junior')?.teachingAuxiliaryArea ?? 0} / 高中 ${senior.teachingAuxiliaryArea} 平方米教学及辅助用房`,
          `Apportioned by largest remainder to 0.01 m², the fen${roomsShared ? ' and whole classrooms' : ''}; the parts add up to each total exactly: teaching area primary ${rows.find((r) => r.stage === 'primary')?.teachingAuxiliaryArea ?? 0} / junior ${rows.find((r) => r.stage === 'junior')?.teachingAuxiliaryArea ?? 0} / senior ${senior.teachingAuxiliaryArea} m²`),
      ],
    };
  },
});

/**
 * {@link splitSchool} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeSplitSchool = safe(splitSchool);

