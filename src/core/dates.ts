import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';

/**
 * A calendar date written `'YYYY-MM-DD'`. Such strings sort in date order, so junheng compares them
 * as strings.
 *
 * @category Dates
 */
export type IsoDate = string;

/**
 * A date as given by a user: `'YYYY-MM-DD'` or a `Date`. A `Date` is read by its local calendar date,
 * as date-fns does; strings carry no time and no time zone.
 *
 * @category Dates
 */
export type DateInput = string | Date;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `year-month-day` is a real calendar day (2022-02-30 is not). @internal */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

/**
 * Reads a {@link DateInput} as an {@link IsoDate}; `undefined` when it is not a real calendar date.
 *
 * @internal
 */
export function toIsoDate(input: unknown): IsoDate | undefined {
  if (typeof input === 'string') {
    const match = ISO_DATE.exec(input);
    if (match === null) return undefined;
    return isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3])) ? input : undefined;
  }
  if (input instanceof Date) {
    if (!isValid(input)) return undefined;
    const year = input.getFullYear();
    if (year < 1 || year > 9999) return undefined;
    return format(input, 'yyyy-MM-dd');
  }
  return undefined;
}

/** Today's local calendar date. @internal */
export function today(): IsoDate {
  return format(new Date(), 'yyyy-MM-dd');
}

const MS_PER_DAY = 86_400_000;

/**
 * The day number of a calendar date (days since 1970-01-01), exact for every year 1 … 9999.
 * `setUTCFullYear` is used because `Date.UTC` reads years 0–99 as 1900–1999.
 *
 * @internal
 */
export function dayNumber(iso: IsoDate): number {
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round(d.getTime() / MS_PER_DAY);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). @internal */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}
