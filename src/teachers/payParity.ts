import * as z from 'zod/mini';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { Decimal, fenToDecimal, yuanToFen } from '../core/money.js';
import { describeValue, moneySchema, parseInto, record } from '../core/schemas.js';
import { ceilDiv } from '../core/util.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { checkPayAverages, checkPayRecords, sumFen } from './internal.js';

/** Averages as {@link payParity} takes them. @category Teachers */
export const payAveragesSchema = record(
  { teacherAveragePay: moneySchema, civilServantAveragePay: moneySchema },
  'an object { teacherAveragePay, civilServantAveragePay }',
);
/** @category Teachers */
export type PayAverages = z.input<typeof payAveragesSchema>;

const payList = (who: string) =>
  z.array(moneySchema, {
    error: (iss) => (iss.input === undefined ? `is required (a list of ${who} pay amounts in yuan)` : `must be a list of ${who} pay amounts in yuan, got ${describeValue(iss.input)}`),
  });

/** Individual pay records as {@link payParityFromRecords} takes them. @category Teachers */
export const payRecordsSchema = record(
  { teacherPay: payList('teacher'), civilServantPay: payList('civil-servant') },
  'an object { teacherPay: [...], civilServantPay: [...] }',
);
/** @category Teachers */
export type PayRecords = z.input<typeof payRecordsSchema>;

/** What {@link payParity} returns. @category Teachers */
export interface PayParityResult extends Explained {
  /** Teacher average ≥ civil-servant average, compared exactly. */
  readonly compliant: boolean;
  /** Civil-servant average − teacher average when positive, else 0, in yuan. */
  readonly shortfall: Decimal;
  /** Teacher average ÷ civil-servant average, cut (not rounded) to 4 decimal places: it shows 1 or more only when compliant. */
  readonly ratio: Decimal;
}

/** What {@link payParityFromRecords} returns: the averages too. @category Teachers */
export interface PayParityRecordsResult extends PayParityResult {
  /** Exact average (sum ÷ count), to 40 significant digits when it does not end. */
  readonly teacherAveragePay: Decimal;
  readonly civilServantAveragePay: Decimal;
  readonly teacherCount: number;
  readonly civilServantCount: number;
}

/**
 * What {@link payParityRule} and {@link payParityFromRecordsRule} decide: the pay totals and counts
 * compared (integer fen), whether the teachers' average is at least the civil servants', the
 * shortfall and the ratio.
 *
 * @category Teachers
 */
export interface PayParityOutcome {
  /** Teachers' pay in fen, summed, and how many teachers (1 for an average). */
  readonly teacherFen: bigint;
  readonly teacherCount: number;
  /** Civil servants' pay in fen, summed, and how many (1 for an average). */
  readonly civilServantFen: bigint;
  readonly civilServantCount: number;
  /** Teacher average ≥ civil-servant average, compared exactly by cross-multiplication. */
  readonly compliant: boolean;
  /** Civil-servant average − teacher average in yuan, rounded up to the fen, when positive; else 0. */
  readonly shortfall: Decimal;
  /** Teacher average ÷ civil-servant average, exact to 30 decimal places (cut there). */
  readonly ratio: Decimal;
}

const CITATIONS = ['4.4', 'compulsory-education-law'] as const;

/** Exact comparison of two averages a/b and c/d (fen sums over counts) by cross-multiplication. */
function compareAverages(aSum: bigint, aCount: bigint, cSum: bigint, cCount: bigint): number {
  const left = aSum * cCount;
  const right = cSum * aCount;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Decimal places of `ratio`: far beyond any display, so the quotient is as good as exact. */
const RATIO_PLACES = 30n;
const RATIO_SCALE = 10n ** RATIO_PLACES;

/**
 * ratio = (tSum × cCount) ÷ (cSum × tCount), exact to 30 decimal places and cut there (integer
 * division, toward zero), so it never reads 1 or more when the rule is not met.
 */
function ratioOf(tSum: bigint, tCount: bigint, cSum: bigint, cCount: bigint): Decimal {
  const scaled = (tSum * cCount * RATIO_SCALE) / (cSum * tCount);
  return new Decimal(scaled.toString()).dividedBy(RATIO_SCALE.toString());
}

/** The comparison of two pay totals over their counts, all in integers. */
function parity(tSum: bigint, tCount: number, cSum: bigint, cCount: number): PayParityOutcome {
  const tN = BigInt(tCount);
  const cN = BigInt(cCount);
  const compliant = compareAverages(tSum, tN, cSum, cN) >= 0;
  // Shortfall in fen: (cSum/cCount − tSum/tCount), rounded UP to the fen so that raising the teacher
  // average by it always reaches parity; exact when both averages are whole fen.
  const gapNumerator = cSum * tN - tSum * cN; // over cCount × tCount
  const shortfallFen = compliant ? 0n : ceilDiv(gapNumerator, cN * tN);
  return {
    teacherFen: tSum,
    teacherCount: tCount,
    civilServantFen: cSum,
    civilServantCount: cCount,
    compliant,
    shortfall: fenToDecimal(shortfallFen),
    ratio: ratioOf(tSum, tN, cSum, cN),
  };
}

/** The result of either calculator: the decision, citations, and the explanation after `head`. */
function parityResult(o: PayParityOutcome, head: ExplanationStep[]): PayParityResult {
  const { compliant, shortfall, ratio } = o;
  const result = { compliant, shortfall, ratio, citations: [...CITATIONS] };
  return defineLazy(result, 'explanation', (): ExplanationStep[] => [
    ...head,
    step('4.4',
      compliant
        ? `教师平均工资不低于公务员平均工资：达到要求（比值 ${ratio.toString()}）`
        : `教师平均工资低于公务员平均工资，差额 ${shortfall.toString()} 元（向上取整到分）；比值 ${ratio.toString()}`,
      compliant
        ? `Teacher average pay is not below civil-servant average pay: met (ratio ${ratio.toString()})`
        : `Teacher average pay is below civil-servant average pay by ${shortfall.toString()} yuan (rounded up to the fen); ratio ${ratio.toString()}`,
      { compliant, shortfall: shortfall.toString(), ratio: ratio.toString() }),
    step('compulsory-education-law',
      '依据：义务教育法第三十一条，教师平均工资水平应当不低于当地公务员平均工资水平',
      'Basis: Compulsory Education Law, article 31: teachers\' average pay shall not be lower than local civil servants\'',
    ),
  ]) as PayParityResult;
}

/**
 * The pure rule of {@link payParity}: the two averages compared exactly in integer fen. Unchecked:
 * give it averages valid against {@link payAveragesSchema} (yuan with at most two decimal places)
 * with a civil-servant average above 0; nothing is validated.
 *
 * @category Teachers
 */
export function payParityRule(averages: PayAverages): PayParityOutcome {
  const t = yuanToFen(averages.teacherAveragePay) as number;
  const c = yuanToFen(averages.civilServantAveragePay) as number;
  return parity(BigInt(t), 1, BigInt(c), 1);
}

/**
 * Whether teachers' average pay is at least the civil servants' average pay (工资收入水平不低于).
 *
 * Encodes opinion **4.4** (确保我区义务教育教师平均工资收入水平不低于我区公务员的平均工资收入水平) and the
 * Compulsory Education Law, article 31. Readings:
 *
 * - 不低于 includes equality: equal averages comply; one fen less is a shortfall of 0.01.
 * - Money is compared exactly in integer fen, never in floating point.
 * - `ratio` = teacher ÷ civil servant, exact to 30 decimal places (cut toward zero there, so it
 *   never reads 1 or more when the rule is not met); the decision itself is the exact comparison.
 * - A civil-servant average of 0 is an input error (no ratio exists).
 *
 * The pure rule is {@link payParityRule}.
 *
 * @category Teachers
 * @function
 * @param input - `{ teacherAveragePay, civilServantAveragePay }`, yuan as numbers or decimal strings.
 * @param options - `{ asOf?, parameters? }` (validated; no parameter changes this rule).
 * @returns Whether it is met, the shortfall, the ratio, citations and an explanation.
 * @throws {@link PolicyInputError} for invalid amounts or a civil-servant average of 0.
 * @example
 * ```ts
 * const r = payParity({ teacherAveragePay: '99999.99', civilServantAveragePay: 100000 });
 * r.compliant; //=> false
 * r.shortfall.toString(); //=> '0.01'
 * r.ratio.toString(); //=> '0.9999999'
 * payParity({ teacherAveragePay: 100000, civilServantAveragePay: '100000.00' }).compliant; //=> true
 * ```
 */
export const payParity = defineCalculator({
  name: 'payParity',
  provisions: ['4.4'],
  input: payAveragesSchema,
  parse(input, issues) {
    const parsed = parseInto(payAveragesSchema, input, issues);
    if (parsed !== undefined) checkPayAverages(parsed, issues);
    return parsed;
  },
  rule: payParityRule,
  result(outcome): PayParityResult {
    const tYuan = fenToDecimal(outcome.teacherFen).toString();
    const cYuan = fenToDecimal(outcome.civilServantFen).toString();
    return parityResult(outcome, [
      step('4.4', `教师平均工资 ${tYuan} 元，公务员平均工资 ${cYuan} 元`, `Teacher average pay ${tYuan} yuan, civil-servant average pay ${cYuan} yuan`,
        { teacherAveragePay: tYuan, civilServantAveragePay: cYuan }),
    ]);
  },
});

/**
 * {@link payParity} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safePayParity = safe(payParity);

/**
 * The pure rule of {@link payParityFromRecords}: each list summed exactly in fen, and the averages
 * compared by cross-multiplication with no rounding. Unchecked: give it records valid against
 * {@link payRecordsSchema}, neither list empty, civil-servant pay summing above 0.
 *
 * @category Teachers
 */
export function payParityFromRecordsRule(records: PayRecords): PayParityOutcome {
  return parity(sumFen(records.teacherPay), records.teacherPay.length, sumFen(records.civilServantPay), records.civilServantPay.length);
}

/**
 * {@link payParity} from lists of individual pay records (one amount per person, for the same
 * period): each average is the exact sum in fen ÷ the count, and the two are compared by
 * cross-multiplication (teacher sum × civil-servant count against civil-servant sum × teacher count,
 * as integers), with no rounding at all. The averages are reported as exact decimals (40
 * significant digits when the division does not end); the shortfall is rounded up to the fen.
 *
 * The pure rule is {@link payParityFromRecordsRule}.
 *
 * @category Teachers
 * @function
 * @param input - `{ teacherPay: [...], civilServantPay: [...] }`, yuan as numbers or decimal strings; neither list may be empty.
 * @param options - `{ asOf?, parameters? }`.
 * @returns As {@link payParity}, plus the averages and counts.
 * @throws {@link PolicyInputError} for an invalid amount (with its index), an empty list, or civil-servant pay summing to 0.
 * @example
 * ```ts
 * const r = payParityFromRecords({ teacherPay: [100, 100, 100.01], civilServantPay: [100, 100.01] });
 * r.teacherAveragePay.toString(); //=> '100.0033333333333333333333333333333333333'
 * r.compliant; //=> false
 * r.shortfall.toString(); //=> '0.01'
 * ```
 */
export const payParityFromRecords = defineCalculator({
  name: 'payParityFromRecords',
  provisions: ['4.4'],
  input: payRecordsSchema,
  parse(input, issues) {
    const parsed = parseInto(payRecordsSchema, input, issues);
    if (parsed !== undefined) checkPayRecords(parsed, issues);
    return parsed;
  },
  rule: payParityFromRecordsRule,
  result(outcome): PayParityRecordsResult {
    const tCount = outcome.teacherCount;
    const cCount = outcome.civilServantCount;
    const tTotal = fenToDecimal(outcome.teacherFen);
    const cTotal = fenToDecimal(outcome.civilServantFen);
    const teacherAveragePay = tTotal.dividedBy(tCount);
    const civilServantAveragePay = cTotal.dividedBy(cCount);
    const base = parityResult(outcome, [
      step('4.4',
        `教师 ${tCount} 人工资合计 ${tTotal.toString()} 元，平均 ${teacherAveragePay.toString()} 元；公务员 ${cCount} 人合计 ${cTotal.toString()} 元，平均 ${civilServantAveragePay.toString()} 元（比较时不舍入：${tTotal.toString()} × ${cCount} 对 ${cTotal.toString()} × ${tCount}）`,
        `${tCount} teachers earn ${tTotal.toString()} yuan in all, average ${teacherAveragePay.toString()}; ${cCount} civil servants ${cTotal.toString()} yuan, average ${civilServantAveragePay.toString()} (compared without rounding: ${tTotal.toString()} × ${cCount} against ${cTotal.toString()} × ${tCount})`,
        { teacherCount: tCount, teacherTotal: tTotal.toString(), civilServantCount: cCount, civilServantTotal: cTotal.toString() }),
    ]);
    const result = {
      compliant: base.compliant,
      shortfall: base.shortfall,
      ratio: base.ratio,
      teacherAveragePay,
      civilServantAveragePay,
      teacherCount: tCount,
      civilServantCount: cCount,
      citations: base.citations,
    };
    return defineLazy(result, 'explanation', () => base.explanation) as PayParityRecordsResult;
  },
});

/**
 * {@link payParityFromRecords} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safePayParityFromRecords = safe(payParityFromRecords);
