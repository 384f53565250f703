import * as z from 'zod/mini';
import type { PolicyIssue } from '../core/errors.js';
import { countSchema, describeValue, parseInto, throwIfAny } from '../core/schemas.js';
import { declareFunction, safe } from '../parameters/kit.js';
import { weightedCoefficient } from './rule.js';

/** One school's value of an indicator and its pupils. @category Balanced development */
export const coefficientRowsSchema = z.array(
  z.strictObject(
    {
      value: z
        .number({ error: (iss) => (iss.input === undefined ? 'is required (the indicator value, a non-negative number)' : `must be a non-negative finite number, got ${describeValue(iss.input)}`) })
        .check(
          z.minimum(0, { error: (iss) => `must not be negative, got ${describeValue(iss.input)}` }),
          z.maximum(1e12, { error: (iss) => `must be at most 1e12, got ${describeValue(iss.input)}` }),
        ),
      pupils: countSchema,
    },
    { error: (iss) => `must be a row { value, pupils }, got ${describeValue(iss.input)}` },
  ),
  { error: (iss) => `must be a list of rows { value, pupils }, got ${describeValue(iss.input)}` },
);

/** Rows for {@link differenceCoefficient}. @category Balanced development */
export type CoefficientRow = z.input<typeof coefficientRowsSchema>[number];

/**
 * The pure rule of {@link differenceCoefficient}: the coefficient of rows already validated (values
 * non-negative finite numbers, pupils counts). Unchecked: a wrong row gives a wrong number, not an
 * error.
 *
 * @category Balanced development
 */
export function differenceCoefficientRule(rows: ReadonlyArray<{ readonly value: number; readonly pupils: number }>): number {
  const n = rows.length;
  const values = new Float64Array(n);
  const pupils = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as { value: number; pupils: number };
    values[i] = r.value;
    pupils[i] = r.pupils;
  }
  return weightedCoefficient(values, pupils, n);
}

/**
 * The pupil-weighted difference coefficient (差异系数) of an indicator across schools, as
 * 教督〔2017〕6号 computes it for opinion **1.1** and **6.3** (national-standards §5.1): no n − 1,
 * every school weighted by its pupils.
 *
 * P = Σ pᵢ, X̄ = Σ pᵢ·Xᵢ / P, S = √(Σ (pᵢ/P)(Xᵢ − X̄)²), coefficient = S / X̄.
 *
 * Readings where the method is silent (never NaN):
 * - no rows, or no pupils at all (P = 0): **0** — nothing to compare;
 * - X̄ = 0: values are non-negative, so every weighted value is 0: **0** (no difference);
 * - rows with 0 pupils carry no weight and do not change the result;
 * - every weighted value equal: exactly 0 (not a rounding residue).
 *
 * The result is a float (a square root is not exact); compare it to a limit knowing that.
 *
 * @category Balanced development
 * @function
 * @param rows - `Array<{ value, pupils }>`: values non-negative finite numbers, pupils counts.
 * @returns The coefficient, a non-negative finite number.
 * @throws {@link PolicyInputError} naming every bad row and field (`[2, 'pupils']`).
 * @example
 * ```ts
 * differenceCoefficient([{ value: 2, pupils: 100 }, { value: 2, pupils: 300 }]); //=> 0
 * // X̄ = (1·100 + 3·100)/200 = 2, S = √(0.5·1 + 0.5·1) = 1, CV = 1/2
 * differenceCoefficient([{ value: 1, pupils: 100 }, { value: 3, pupils: 100 }]); //=> 0.5
 * // weighted by pupils: X̄ = (1·300 + 3·100)/400 = 1.5, S² = 0.75·0.25 + 0.25·2.25 = 0.75
 * differenceCoefficient([{ value: 1, pupils: 300 }, { value: 3, pupils: 100 }]) === Math.sqrt(0.75) / 1.5; //=> true
 * ```
 */
export const differenceCoefficient = declareFunction(
  Object.assign(
    function differenceCoefficient(rows: readonly CoefficientRow[]): number {
      const issues: PolicyIssue[] = [];
      const valid = parseInto(coefficientRowsSchema, rows, issues);
      throwIfAny(issues);
      return differenceCoefficientRule(valid as CoefficientRow[]);
    },
    // The pure rule, as every calculator carries it.
    { rule: differenceCoefficientRule },
  ),
  { name: 'differenceCoefficient', provisions: ['1.1', '6.3'], input: coefficientRowsSchema },
);

/**
 * {@link differenceCoefficient} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeDifferenceCoefficient = safe(differenceCoefficient);
