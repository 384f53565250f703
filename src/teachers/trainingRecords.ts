/**
 * A teacher's training records, read and summed: one loop that, on the fast path, also checks what
 * the schema would (no zod, no allocation per record), and falls back to the schema's wording for
 * anything unusual; repeated ids; the employment date against `asOf`. Not re-exported by the barrel.
 *
 * @module
 * @internal
 */
import { toIsoDate, type IsoDate } from '../core/dates.js';
import type { PolicyIssue } from '../core/errors.js';
import { checkUnique, parseInto } from '../core/schemas.js';
import { ceilDiv, isLeapYear, isPlain } from '../core/util.js';
import { MAX_RECORD_HOURS, teacherListSchema, teacherSchema, type Teacher } from './schemas.js';
import { firstFullMonth, statusOf, type TrainingOutcome, type TrainingTerms } from './trainingCycle.js';

/**
 * Hours of one training record as tenths of an hour (`1.5` → 15), or -1 when the value is not a
 * number of hours from 0 to {@link MAX_RECORD_HOURS} with at most one decimal place. Exact: `t / 10`
 * is the double nearest the decimal with one place, so `t / 10 === hours` holds exactly for such
 * decimals and for nothing else.
 */
function tenthsOf(hours: unknown): number {
  if (typeof hours !== 'number' || !(hours >= 0) || hours > MAX_RECORD_HOURS) return -1;
  const t = Math.round(hours * 10);
  return t / 10 === hours ? t : -1;
}

/** Days in each month of a leap year (February checked apart). */
const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * A date as an ISO string, quickly: a well-formed `'YYYY-MM-DD'` string is checked by its
 * character codes (no regular expression), a `Date` by {@link toIsoDate}. `undefined` when it is
 * not a real calendar date (2022-02-30 is not).
 */
function fastDate(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string') return value instanceof Date ? toIsoDate(value) : undefined;
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    year = year * 10 + c;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > (DAYS[month] as number)) return undefined;
  if (month === 2 && day === 29 && !isLeapYear(year)) return undefined;
  return value;
}

/** A validated date as `'YYYY-MM-DD'` (a validated string already is one). */
const isoOf = (date: string | Date): IsoDate => (typeof date === 'string' ? date : (toIsoDate(date) as IsoDate));

/**
 * Hours owed and the months they stand for. Pro rata: the months of the cycle from the first full
 * month of employment (the month of `employedSince` when it is the 1st, else the next month) to the
 * cycle's last month; `ceil(requiredHours × months ÷ cycleMonths)`.
 */
function owed(since: IsoDate | undefined, p: TrainingTerms): { hours: number; months: number; prorated: boolean } {
  // Employed after the cycle ended (a completed cycle assessed): nothing is owed for it.
  if (since !== undefined && since > p.cycle.end) return { hours: 0, months: 0, prorated: false };
  if (since === undefined || since <= p.cycle.start || p.midCycleHires === 'full') {
    return { hours: p.requiredHours, months: p.cycleMonths, prorated: false };
  }
  const months = Math.max(0, Math.min(p.cycleMonths, p.endMonth - Math.max(firstFullMonth(since), p.startMonth) + 1));
  return { hours: ceilDiv(p.requiredHours * months, p.cycleMonths), months, prorated: true };
}

/** What {@link scan} returns for a well-formed teacher when it was given no terms to sum under. */
const WELL_FORMED = Object.freeze({}) as TrainingOutcome;

/**
 * One teacher's outcome under `terms`, in one loop over the records: those dated inside the cycle and
 * not after `asOf` (nor after the end of a completed cycle) summed as integer tenths, the hours owed
 * and the status.
 *
 * With `check`, `input` is unvalidated and read on the fast path: anything the schema would word
 * (an unknown key, a date that is not a calendar day, hours with two decimals) gives `undefined` and
 * the caller runs the schema; the fast path accepts only what the schema accepts, and everything it
 * accepts. Without `check`, `input` is a valid teacher and nothing is checked. Without `terms`,
 * nothing is summed: a well-formed teacher gives a placeholder.
 */
function scan(input: unknown, terms: TrainingTerms | undefined, check: boolean): TrainingOutcome | undefined {
  if (check) {
    if (!isPlain(input)) return undefined;
    for (const key in input) if (key !== 'id' && key !== 'employedSince' && key !== 'training') return undefined;
  }
  const t = input as { id: unknown; employedSince?: unknown; training: unknown };
  const id = t.id;
  const training = t.training;
  if (check && (typeof id !== 'string' || id.length === 0 || id.length > 200 || !Array.isArray(training))) return undefined;
  let since: IsoDate | undefined;
  if (t.employedSince !== undefined) {
    since = check ? fastDate(t.employedSince) : isoOf(t.employedSince as string | Date);
    if (since === undefined) return undefined;
  }
  const records = training as readonly unknown[];
  const start = terms === undefined ? '' : terms.cycle.start;
  // The last day a record counts: asOf, or the end of a completed cycle.
  const asOf = terms === undefined ? '' : terms.countUntil;
  let tenths = 0;
  let counted = 0;
  let beforeCycle = 0;
  let afterAsOf = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as { date: unknown; hours: unknown };
    let date: IsoDate | undefined;
    let hours: number;
    if (check) {
      if (!isPlain(r)) return undefined;
      let keys = 0;
      for (const key in r) {
        if (key !== 'date' && key !== 'hours') return undefined;
        keys++;
      }
      if (keys !== 2) return undefined;
      date = fastDate(r.date);
      hours = tenthsOf(r.hours);
      if (date === undefined || hours < 0) return undefined;
    } else {
      date = isoOf(r.date as string | Date);
      hours = Math.round((r.hours as number) * 10);
    }
    if (date < start) beforeCycle++;
    else if (date > asOf) afterAsOf++;
    else {
      tenths += hours;
      counted++;
    }
  }
  if (terms === undefined) return WELL_FORMED;
  const o = owed(since, terms);
  return {
    id: id as string, employedSince: since, completedTenths: tenths, requiredHours: o.hours, months: o.months, prorated: o.prorated, counted, beforeCycle, afterAsOf,
    status: statusOf(tenths, o.hours, terms.ended),
  };
}

/**
 * One valid teacher's outcome under `terms` (the rule itself: nothing is checked).
 *
 * @internal
 */
export function teacherOutcome(teacher: Teacher, terms: TrainingTerms): TrainingOutcome {
  return scan(teacher, terms, false) as TrainingOutcome;
}

/**
 * Validates one teacher: the fast path, else the zod schema with its issues under `prefix`.
 *
 * @internal
 */
export function readTeacher(input: unknown, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): Teacher | undefined {
  return scan(input, undefined, true) !== undefined ? (input as Teacher) : parseInto(teacherSchema, input, issues, prefix);
}

/**
 * Validates one teacher and works out its outcome under `terms` in the same loop (a stream's fast
 * path); anything unusual goes through the schema, with its issues under `prefix`. The employment
 * date is then checked against `asOf`.
 *
 * @internal
 */
export function readOutcome(input: unknown, terms: TrainingTerms, issues: PolicyIssue[], prefix: ReadonlyArray<string | number>): TrainingOutcome | undefined {
  const before = issues.length;
  let outcome = scan(input, terms, true);
  if (outcome === undefined) {
    const teacher = parseInto(teacherSchema, input, issues, prefix);
    if (teacher === undefined) return undefined;
    outcome = teacherOutcome(teacher, terms);
  }
  checkEmployedSince(outcome.employedSince, terms.asOf, issues, prefix);
  return issues.length > before ? undefined : outcome;
}

/**
 * Validates a list of teachers: every bad teacher and field with its index (`[3, 'training', 0,
 * 'date']`), and repeated ids.
 *
 * @internal
 */
export function readTeachers(input: unknown, issues: PolicyIssue[]): Teacher[] | undefined {
  if (!Array.isArray(input)) return parseInto(teacherListSchema, input, issues);
  const before = issues.length;
  const out: Teacher[] = new Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const t = readTeacher(input[i], issues, [i]);
    if (t !== undefined) out[i] = t;
  }
  checkUnique(input, 'id', 'id', issues);
  return issues.length > before ? undefined : out;
}

function checkEmployedSince(since: IsoDate | undefined, asOf: IsoDate, issues: PolicyIssue[], prefix: ReadonlyArray<string | number>): void {
  if (since !== undefined && since > asOf) {
    issues.push({
      path: [...prefix, 'employedSince'],
      code: 'inconsistent',
      message: `is after asOf (${since} > ${asOf}): a teacher not yet employed on that day has no training position; leave them out or use a later asOf`,
      provision: '4.2',
    });
  }
}

/**
 * Pushes an issue when a valid teacher's `employedSince` is after `asOf`: a teacher not yet employed
 * on that day has no training position.
 *
 * @internal
 */
export function checkEmployment(teacher: Teacher, asOf: IsoDate, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): void {
  checkEmployedSince(teacher.employedSince === undefined ? undefined : isoOf(teacher.employedSince), asOf, issues, prefix);
}
