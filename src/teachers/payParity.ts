import * as z from 'zod';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { Decimal, fenToDecimal, yuanToFen, type MoneyInput } from '../core/money.js';
import { describeValue, moneySchema, parseInto, record, throwIfAny } from '../core/schemas.js';
import { readOptions, type CalculatorOptions } from '../parameters/context.js';

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

/** ceil(x / y) for non-negative bigints. */
const ceilDiv = (x: bigint, y: bigint): bigint => (x + y - 1n) / y;

function parityResult(
  tSum: bigint, tCount: bigint, cSum: bigint, cCount: bigint,
  head: ExplanationStep[],
): PayParityResult {
  const cmp = compareAverages(tSum, tCount, cSum, cCount);
  const compliant = cmp >= 0;
  // Shortfall in fen: (cSum/cCount − tSum/tCount), rounded UP to the fen so that raising the teacher
  // average by it always reaches parity; exact when both averages are whole fen.
  const gapNumerator = cSum * tCount - tSum * cCount; // over cCount × tCount
  const shortfallFen = compliant ? 0n : ceilDiv(gapNumerator, cCount * tCount);
  const shortfall = fenToDecimal(shortfallFen);
  const ratio = ratioOf(tSum, tCount, cSum, cCount);
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

function zeroAverageIssue(path: Array<string | number>): PolicyIssue {
  return { path, code: 'too_small', message: 'must be more than 0: a ratio to a civil-servant average of 0 does not exist', provision: '4.4' };
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
 * @category Teachers
 * @param averages - `{ teacherAveragePay, civilServantAveragePay }`, yuan as numbers or decimal strings.
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
export function payParity(averages: PayAverages, options?: CalculatorOptions): PayParityResult {
  const issues: PolicyIssue[] = [];
  const parsed = parseInto(payAveragesSchema, averages, issues);
  readOptions(options, issues);
  let t = 0;
  let c = 0;
  if (parsed !== undefined) {
    t = yuanToFen(parsed.teacherAveragePay) as number;
    c = yuanToFen(parsed.civilServantAveragePay) as number;
    if (c === 0) issues.push(zeroAverageIssue(['civilServantAveragePay']));
  }
  throwIfAny(issues);
  const tYuan = fenToDecimal(t).toString();
  const cYuan = fenToDecimal(c).toString();
  return parityResult(BigInt(t), 1n, BigInt(c), 1n, [
    step('4.4', `教师平均工资 ${tYuan} 元，公务员平均工资 ${cYuan} 元`, `Teacher average pay ${tYuan} yuan, civil-servant average pay ${cYuan} yuan`,
      { teacherAveragePay: tYuan, civilServantAveragePay: cYuan }),
  ]);
}

/**
 * {@link payParity} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safePayParity = makeSafe(payParity);

/** Sums a list of yuan amounts in fen as a bigint (the list was validated). */
function sumFen(list: readonly MoneyInput[]): bigint {
  let small = 0;
  let big = 0n;
  for (const amount of list) {
    const next = small + (yuanToFen(amount) as number);
    if (Number.isSafeInteger(next)) small = next;
    else {
      big += BigInt(small) + BigInt(yuanToFen(amount) as number);
      small = 0;
    }
  }
  return big + BigInt(small);
}

/**
 * {@link payParity} from lists of individual pay records (one amount per person, for the same
 * period): each average is the exact sum in fen ÷ the count, and the two are compared by
 * cross-multiplication (teacher sum × civil-servant count against civil-servant sum × teacher count,
 * as integers), with no rounding at all. The averages are reported as exact decimals (40
 * significant digits when the division does not end); the shortfall is rounded up to the fen.
 *
 * @category Teachers
 * @param records - `{ teacherPay: [...], civilServantPay: [...] }`, yuan as numbers or decimal strings; neither list may be empty.
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
export function payParityFromRecords(records: PayRecords, options?: CalculatorOptions): PayParityRecordsResult {
  const issues: PolicyIssue[] = [];
  const parsed = parseInto(payRecordsSchema, records, issues);
  readOptions(options, issues);
  let tSum = 0n;
  let cSum = 0n;
  if (parsed !== undefined) {
    if (parsed.teacherPay.length === 0) issues.push({ path: ['teacherPay'], code: 'too_small', message: 'must list at least one teacher: an average of nobody does not exist' });
    if (parsed.civilServantPay.length === 0) issues.push({ path: ['civilServantPay'], code: 'too_small', message: 'must list at least one civil servant: an average of nobody does not exist' });
    tSum = sumFen(parsed.teacherPay);
    cSum = sumFen(parsed.civilServantPay);
    if (parsed.civilServantPay.length > 0 && cSum === 0n) issues.push(zeroAverageIssue(['civilServantPay']));
  }
  throwIfAny(issues);
  const p = parsed as NonNullable<typeof parsed>;
  const tCount = p.teacherPay.length;
  const cCount = p.civilServantPay.length;
  const teacherAveragePay = fenToDecimal(tSum).dividedBy(tCount);
  const civilServantAveragePay = fenToDecimal(cSum).dividedBy(cCount);
  const base = parityResult(tSum, BigInt(tCount), cSum, BigInt(cCount), [
    step('4.4',
      `教师 ${tCount} 人工资合计 ${fenToDecimal(tSum).toString()} 元，平均 ${teacherAveragePay.toString()} 元；公务员 ${cCount} 人合计 ${fenToDecimal(cSum).toString()} 元，平均 ${civilServantAveragePay.toString()} 元（比较时不舍入：${fenToDecimal(tSum).toString()} × ${cCount} 对 ${fenToDecimal(cSum).toString()} × ${tCount}）`,
      `${tCount} teachers earn ${fenToDecimal(tSum).toString()} yuan in all, average ${teacherAveragePay.toString()}; ${cCount} civil servants ${fenToDecimal(cSum).toString()} yuan, average ${civilServantAveragePay.toString()} (compared without rounding: ${fenToDecimal(tSum).toString()} × ${cCount} against ${fenToDecimal(cSum).toString()} × ${tCount})`,
      { teacherCount: tCount, teacherTotal: fenToDecimal(tSum).toString(), civilServantCount: cCount, civilServantTotal: fenToDecimal(cSum).toString() }),
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
}

/**
 * {@link payParityFromRecords} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Teachers
 */
export const safePayParityFromRecords = makeSafe(payParityFromRecords);
