/**
 * Small exact helpers every area shares: one of each, so one wording and one behaviour.
 *
 * @module
 */

/** A plain object: `{}` or `Object.create(null)`, not an array, Date, Map or class instance. @internal */
export function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** True for a leap year of the Gregorian calendar. @internal */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** ⌈a ÷ b⌉ for non-negative whole numbers (numbers or BigInts of the same kind); 0 when `a` ≤ 0. @internal */
export function ceilDiv(a: number, b: number): number;
export function ceilDiv(a: bigint, b: bigint): bigint;
export function ceilDiv(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a <= 0n ? 0n : (a + b - 1n) / b;
  const x = a as number;
  const y = b as number;
  if (x <= 0) return 0;
  const q = Math.floor(x / y);
  return q * y === x ? q : q + 1;
}

/**
 * `a × b ≥ c × d`, exactly, for non-negative whole numbers: in numbers while both products are
 * safe integers, else in BigInt. Every "share at least" and "per pupil at least" test goes through
 * it, so a threshold met exactly is met.
 *
 * @internal
 */
export function productAtLeast(a: number, b: number, c: number, d: number): boolean {
  const left = a * b;
  const right = c * d;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(a) * BigInt(b) >= BigInt(c) * BigInt(d);
}

/** `part ÷ whole ≥ targetBp ÷ 10000`, exactly (a share against a target in basis points). @internal */
export function shareAtLeast(part: number, whole: number, targetBp: number): boolean {
  return productAtLeast(part, 10_000, targetBp, whole);
}

const DECIMAL_TEXT = /^(\d+)(?:\.(\d+))?$/;

/**
 * A non-negative decimal read from its shortest text (`String(4.2)` is `"4.2"`) as an integer at
 * `places` decimal places: `decimalUnits(4.25, 2)` is 425. `undefined` when it has more places than
 * that, or is not a finite non-negative number or decimal string. Never through a float product.
 *
 * @internal
 */
export function decimalUnits(value: number | string, places: number): number | undefined {
  if (typeof value === 'number' && (!Number.isFinite(value) || value < 0)) return undefined;
  const text = typeof value === 'number' ? String(value) : value;
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return undefined;
  const frac = match[2] ?? '';
  if (frac.length > places) return undefined;
  const units = Number(`${match[1]}${frac.padEnd(places, '0')}`);
  return Number.isSafeInteger(units) ? units : undefined;
}
