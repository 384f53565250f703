import { Decimal as DecimalJs } from 'decimal.js';

/**
 * junheng's private decimal.js constructor. The host application's `Decimal` settings are never
 * touched: every amount junheng returns is made by this clone (40 significant digits, half-up).
 * Instances still satisfy `Decimal.isDecimal` and share decimal.js's prototype.
 *
 * @category Money
 */
export const Decimal: typeof DecimalJs = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
/** A decimal.js value. @category Money */
export type Decimal = DecimalJs;

/**
 * Money as given by a user: a number or a decimal string of yuan (`720`, `"1234.56"`).
 *
 * @category Money
 */
export type MoneyInput = number | string;

/** The largest per-unit money value junheng accepts: 1,000,000 yuan, in fen. */
export const MAX_RATE_FEN = 100_000_000;

const MONEY_PATTERN = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/;

/**
 * Converts yuan (number or decimal string) to integer fen, exactly. Returns `undefined` when the
 * value is not a non-negative amount with at most two decimal places. Numbers are read through
 * their shortest decimal representation (`String(650.5)` is `"650.5"`), so `0.1 + 0.2` is rejected
 * rather than rounded.
 *
 * @internal
 */
export function yuanToFen(value: MoneyInput): number | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  const match = MONEY_PATTERN.exec(text);
  if (match === null) return undefined;
  const whole = Number(match[1]);
  const frac = match[2] === undefined ? 0 : Number((match[2].slice(1) + '0').slice(0, 2));
  const fen = whole * 100 + frac;
  return Number.isSafeInteger(fen) ? fen : undefined;
}

/** Integer fen to a yuan `Decimal`. @internal */
export function fenToDecimal(fen: number | bigint): Decimal {
  if (typeof fen === 'number' && Number.isSafeInteger(fen)) {
    // Whole yuan are the common case: no division, no string.
    if (fen % 100 === 0) return new Decimal(fen / 100 + 0); // + 0 turns -0 into 0
    const abs = Math.abs(fen);
    const cents = abs % 100;
    return new Decimal(`${fen < 0 ? '-' : ''}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`);
  }
  return new Decimal(fen.toString()).dividedBy(100);
}

/**
 * Integer fen to a plain yuan string (`60000` → `"600"`, `65050` → `"650.5"`), exactly what
 * `fenToDecimal(fen).toString()` gives, without making a `Decimal`. @internal
 */
export function fenToYuanString(fen: number): string {
  if (!Number.isSafeInteger(fen)) return fenToDecimal(fen).toString();
  if (fen % 100 === 0) return String(fen / 100 + 0); // + 0 turns -0 into 0
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const whole = `${fen < 0 ? '-' : ''}${(abs - cents) / 100}`;
  return cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * `count × numerator ÷ denominator`, rounded half up to a whole fen. Exact for any size: falls back
 * to BigInt when the product leaves the safe-integer range.
 *
 * @internal
 */
export function mulDivHalfUp(count: number, numerator: number, denominator: number): number {
  const twice = count * numerator * 2 + denominator;
  const divisor = denominator * 2;
  if (Number.isSafeInteger(twice) && Number.isSafeInteger(divisor)) {
    // Floating division can land on the wrong side of an integer; correct it with the exact remainder.
    let quotient = Math.floor(twice / divisor);
    const remainder = twice - quotient * divisor;
    if (remainder < 0) quotient -= 1;
    else if (remainder >= divisor) quotient += 1;
    return quotient;
  }
  return Number((BigInt(count) * BigInt(numerator) * 2n + BigInt(denominator)) / (BigInt(denominator) * 2n));
}

/**
 * Sums integer fen exactly: a plain number while safe, BigInt beyond.
 *
 * @internal
 */
export class FenSum {
  private small = 0;
  private big = 0n;

  add(fen: number): void {
    const next = this.small + fen;
    if (Number.isSafeInteger(next)) {
      this.small = next;
    } else {
      this.big += BigInt(this.small) + BigInt(fen);
      this.small = 0;
    }
  }

  toDecimal(): Decimal {
    return this.big === 0n ? fenToDecimal(this.small) : fenToDecimal(this.big + BigInt(this.small));
  }
}
