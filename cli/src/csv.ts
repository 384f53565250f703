/**
 * CSV for the command line: an RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF line
 * ends, a leading byte-order mark), the fast splitter and number reader of the streaming readers,
 * count cells, and quoting for CSV output.
 *
 * The parser records the line each record starts on, so that a problem the library finds in
 * `schools[41]` can be reported as "line 43".
 */
import { MAX_COUNT } from 'junheng';

/** A CSV file that cannot be read as a table: an unterminated quote, a row of the wrong width, a bad header. */
export class CsvError extends Error {
  override readonly name = 'CsvError';
  /** One message per problem, each starting with its line (`line 7: …`). */
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

/** One record: its cells and the (1-based) line it starts on. */
export interface CsvRecord {
  readonly cells: string[];
  readonly line: number;
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * Parses CSV text record by record, calling `onRecord` with each record's cells and starting line.
 * Entirely empty lines are skipped. Text after a closing quote (`"a"b`) is pushed to `problems`
 * (and kept in the cell); an unterminated quoted field throws {@link CsvError}, since the rest of
 * the file cannot be read.
 */
export function parseCsv(text: string, onRecord: (cells: string[], line: number) => void, problems: string[] = []): void {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    const cells: string[] = [];
    // One record.
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        // Quoted field: up to the next quote not doubled.
        let value = '';
        let start = i + 1;
        for (;;) {
          const q = text.indexOf('"', start);
          if (q === -1) {
            problems.push(`line ${recordLine}: a quoted field is never closed (a " without its closing ")`);
            throw new CsvError(problems);
          }
          value += text.slice(start, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            start = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // Count the line breaks inside the quoted field.
        for (let k = value.indexOf('\n'); k !== -1; k = value.indexOf('\n', k + 1)) line++;
        if (value.includes('\r')) {
          // A lone CR inside quotes also ends a line in the file.
          for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) === CR && value.charCodeAt(k + 1) !== LF) line++;
        }
        const c = i < n ? text.charCodeAt(i) : LF;
        if (c !== COMMA && c !== LF && c !== CR) {
          // Text after the closing quote: report it, keep it in the cell, and read on.
          problems.push(`line ${line}: text after a closing quote (write a quote inside a quoted field as "")`);
          let j = i;
          while (j < n) {
            const d = text.charCodeAt(j);
            if (d === COMMA || d === LF || d === CR) break;
            j++;
          }
          value += text.slice(i, j);
          i = j;
        }
        cells.push(value);
      } else {
        // Unquoted field: up to the next comma or line end.
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          j++;
        }
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i < n && text.charCodeAt(i) === COMMA) {
        i++;
        continue;
      }
      // End of record: CRLF, LF, CR or end of text.
      if (i < n) {
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
        else i++;
        line++;
      }
      break;
    }
    if (cells.length === 1 && cells[0] === '') continue; // an empty line
    onRecord(cells, recordLine);
  }
}

/** Quotes a cell for CSV output when it needs it. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The largest count the library accepts (its `MAX_COUNT`, 1,000,000). */
export const COUNT_LIMIT: number = MAX_COUNT;

/** A number written in decimal: an optional minus, digits, an optional point and digits. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Characters of a cell quoted in a message; a longer cell is cut, with `…`. */
export const QUOTE_LIMIT = 80;

/** `text` cut to {@link QUOTE_LIMIT} characters (with `…` when cut). */
export const cut = (text: string): string => (text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);

/** `text` cut to {@link QUOTE_LIMIT} characters, in double quotes (JSON escapes): how a message quotes a cell. */
export const quoted = (text: string): string => JSON.stringify(cut(text));

/**
 * The count written `text.slice(start, end)`, read from its text exactly: digits, with at most a
 * trailing point and zeros (`12`, `012`, `12.0`), up to {@link COUNT_LIMIT}. Anything else (a sign,
 * a fraction, an exponent, a space, a count above the limit) is -1. No floating-point reading is
 * involved, so `99.99999999999999999` is not 100 and `12.0000000000000001` is not 12.
 */
export function countAt(text: string, start: number, end: number): number {
  if (start >= end) return -1;
  let value = 0;
  let i = start;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    if (value > COUNT_LIMIT) return -1;
  }
  if (i === start) return -1;
  if (i < end) {
    if (text.charCodeAt(i) !== 46 || i === end - 1) return -1;
    for (i++; i < end; i++) if (text.charCodeAt(i) !== 48) return -1;
  }
  return value;
}

/**
 * A count cell for the library: empty → absent; a count written exactly ({@link countAt}) → that
 * number; a number whose text is exactly how it prints (`-5`, `1.5`, `1000001`) → that number, which
 * the library rejects in its own words, quoting it as written; anything else → the text itself, which
 * the library rejects as text (never a floating-point reading of it: `99.99999999999999999` is not
 * passed as 100, nor `9007199254740993` as 9007199254740992).
 */
export function countCell(cell: string): number | string | undefined {
  const n = cell.length;
  if (n === 0) return undefined;
  const count = countAt(cell, 0, n);
  if (count >= 0) return count;
  if (DECIMAL_TEXT.test(cell)) {
    const value = Number(cell);
    if (String(value) === cell) return value;
  }
  return cell;
}

/**
 * The command's own wording for a count cell written as a number that {@link countCell} passes on
 * as text (a reading of it as a double would not be what was written): `must be a whole number, got
 * 12.0000000000000001`, `must be at most 1000000, got 9007199254740993`. Undefined for any other
 * cell, whose wording is the library's.
 */
export function countWording(cell: string): string | undefined {
  if (!DECIMAL_TEXT.test(cell) || typeof countCell(cell) !== 'string') return undefined;
  const negative = cell.charCodeAt(0) === 45;
  const point = cell.indexOf('.');
  const digits = cell.slice(negative ? 1 : 0, point === -1 ? cell.length : point);
  const fraction = point === -1 ? '' : cell.slice(point + 1);
  const zero = /^0*$/;
  if (!zero.test(fraction)) return `must be a whole number, got ${cut(cell)}`;
  if (negative) return zero.test(digits) ? `must be a non-negative whole number written without a sign, got ${cut(cell)}` : `must not be negative, got ${cut(cell)}`;
  return `must be at most ${COUNT_LIMIT}, got ${cut(cell)}`;
}

/**
 * Finds whether a line of a chunk holds a quote, searching each chunk for its next quote once
 * rather than each line. One per reading of a file: it remembers where it is in the current chunk.
 */
export class QuoteScanner {
  private text: string | undefined;
  private at = -1;

  /** Whether `text.slice(start, end)` holds a quote; lines must come in order within a chunk. */
  has(text: string, start: number, end: number): boolean {
    if (text !== this.text || (this.at !== -1 && this.at < start)) {
      this.text = text;
      this.at = text.indexOf('"', start);
    }
    return this.at !== -1 && this.at < end;
  }
}

/**
 * The number written `text.slice(start, end)` when it is a plain decimal (digits, at most one point,
 * at most 12 characters), else NaN. Exact: (digits as an integer) ÷ 10^decimals is the correctly
 * rounded quotient of two exact integers, the same double `Number()` reads.
 */
export function plainDecimal(text: string, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 12) return NaN;
  let value = 0;
  let scale = 1;
  let point = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (point || i === start || i === end - 1) return NaN;
      point = true;
    } else if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      if (point) scale *= 10;
    } else return NaN;
  }
  return scale === 1 ? value : value / scale;
}

/**
 * Splits one line into `cells` (a reused array; the cell count is returned in `cells.length`): a
 * plain split on commas when the line has no quote, else the RFC 4180 parser. Returns a problem, or
 * `undefined`.
 */
export function cellsOf(text: string, start: number, end: number, cells: string[], quotes: QuoteScanner): string | undefined {
  if (!quotes.has(text, start, end)) {
    let k = 0;
    let from = start;
    for (let comma = text.indexOf(',', from); comma !== -1 && comma < end; comma = text.indexOf(',', from)) {
      cells[k++] = text.slice(from, comma);
      from = comma + 1;
    }
    cells[k++] = text.slice(from, end);
    if (cells.length !== k) cells.length = k;
    return undefined;
  }
  cells.length = 0;
  const problems: string[] = [];
  try {
    let got = 0;
    parseCsv(text.slice(start, end), (record) => {
      got++;
      if (got === 1) cells.push(...record);
    }, problems);
    if (got > 1) return 'a quoted field may not hold a line break in this file';
  } catch (error) {
    if (error instanceof CsvError) return 'a quoted field is never closed (a " without its closing "), or holds a line break, which this file may not';
    throw error;
  }
  return problems.length > 0 ? 'text after a closing quote (write a quote inside a quoted field as "")' : undefined;
}
