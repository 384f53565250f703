/**
 * CSV reading for the command line: an RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF
 * line ends, a leading byte-order mark) and the mapping of a roster's rows to school objects.
 *
 * The parser records the line each record starts on, so that a problem the library finds in
 * `schools[41]` can be reported as "line 43".
 */
import type { School } from 'junheng';

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

/** The columns a roster may have, and the school field each fills. */
export const COLUMNS = ['id', 'location', 'kind', 'primary', 'junior', 'boarders_primary', 'boarders_junior', 'disabled'] as const;
/** One of {@link COLUMNS}. */
export type Column = (typeof COLUMNS)[number];
/** Columns a roster must have. */
export const REQUIRED_COLUMNS: readonly Column[] = ['id', 'location'];

/** A roster read from CSV: the schools, and the line of each. */
export interface CsvRoster {
  readonly schools: School[];
  /** `lines[i]` is the line `schools[i]` was read from. */
  readonly lines: number[];
}

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * Reads a count cell: empty → absent; a number written in decimal digits (`12`, `-3`, `1.5`) → that
 * number, so the library can say "must not be negative" or "must be a whole number"; anything else
 * → the text itself, which the library rejects with its own message.
 */
export function countCell(cell: string): number | string | undefined {
  const n = cell.length;
  if (n === 0) return undefined;
  if (n < 10) {
    // Fast path: plain digits.
    let value = 0;
    let k = 0;
    for (; k < n; k++) {
      const d = cell.charCodeAt(k) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (k === n) return value;
  }
  return NUMBER_TEXT.test(cell) ? Number(cell) : cell;
}

/**
 * Parses a roster: header `id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled`
 * (any order; only `id` and `location` required; unknown columns are an error), then one school per
 * row. Empty cells are absent fields (0 or the default). Values are not validated here: the library
 * does that, and {@link CsvRoster.lines} lets its issues be reported by line.
 */
export function readRoster(text: string): CsvRoster {
  const schools: School[] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  let header: string[] | undefined;
  let width = 0;
  let columns: number[] | undefined;

  parseCsv(text, (cells, line) => {
    if (header === undefined) {
      header = cells;
      width = cells.length;
      const at = readHeader(cells, line);
      columns = COLUMNS.map((name) => at[name]);
      return;
    }
    if (cells.length !== width) {
      problems.push(`line ${line}: ${cells.length} cell${cells.length === 1 ? '' : 's'}, but the header has ${width}`);
      return;
    }
    const c = columns as number[];
    const cell = (k: number): string => (k < 0 ? '' : (cells[k] as string));
    const school: { id?: string; location?: string; kind?: string; pupils?: Record<string, unknown>; boarders?: Record<string, unknown>; disabledPupils?: unknown } = {};
    const id = cell(c[0] as number);
    if (id !== '') school.id = id;
    const location = cell(c[1] as number);
    if (location !== '') school.location = location;
    const kind = cell(c[2] as number);
    if (kind !== '') school.kind = kind;
    const pupils: Record<string, unknown> = {};
    const primary = countCell(cell(c[3] as number));
    const junior = countCell(cell(c[4] as number));
    if (primary !== undefined) pupils['primary'] = primary;
    if (junior !== undefined) pupils['junior'] = junior;
    school.pupils = pupils;
    const bp = countCell(cell(c[5] as number));
    const bj = countCell(cell(c[6] as number));
    if (bp !== undefined || bj !== undefined) {
      const boarders: Record<string, unknown> = {};
      if (bp !== undefined) boarders['primary'] = bp;
      if (bj !== undefined) boarders['junior'] = bj;
      school.boarders = boarders;
    }
    const disabled = countCell(cell(c[7] as number));
    if (disabled !== undefined) school.disabledPupils = disabled;
    schools.push(school as unknown as School);
    lines.push(line);
  }, problems);

  if (header === undefined) throw new CsvError([`line 1: the file is empty; expected the header ${COLUMNS.join(',')}`]);
  if (problems.length > 0) throw new CsvError(problems);
  return { schools, lines };
}

function readHeader(cells: string[], line: number): Record<Column, number> {
  const at = Object.fromEntries(COLUMNS.map((c) => [c, -1])) as Record<Column, number>;
  const unknown: string[] = [];
  const repeated: string[] = [];
  cells.forEach((raw, index) => {
    const name = raw.trim();
    if (!(COLUMNS as readonly string[]).includes(name)) {
      unknown.push(JSON.stringify(raw));
      return;
    }
    if (at[name as Column] >= 0) repeated.push(name);
    at[name as Column] = index;
  });
  const problems: string[] = [];
  if (unknown.length > 0) {
    problems.push(`line ${line}: unknown column${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}; the columns are ${COLUMNS.join(',')}`);
  }
  if (repeated.length > 0) problems.push(`line ${line}: column${repeated.length === 1 ? '' : 's'} ${repeated.join(', ')} given more than once`);
  const missing = REQUIRED_COLUMNS.filter((c) => at[c] < 0);
  if (missing.length > 0) {
    problems.push(`line ${line}: missing required column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
  }
  if (problems.length > 0) throw new CsvError(problems);
  return at;
}

/**
 * The CSV column of a school field path (`['pupils', 'primary']` → `primary`,
 * `['disabledPupils']` → `disabled`); the dotted path when no single column holds it.
 */
export function columnOf(path: ReadonlyArray<string | number>): string {
  const [first, second] = path;
  switch (first) {
    case 'id':
    case 'location':
    case 'kind':
      return first;
    case 'disabledPupils':
      return 'disabled';
    case 'pupils':
      return second === 'primary' || second === 'junior' ? second : 'primary/junior';
    case 'boarders':
      return second === 'primary' || second === 'junior' ? `boarders_${second}` : 'boarders_primary/boarders_junior';
    default:
      return path.join('.');
  }
}

/** Quotes a cell for CSV output when it needs it. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
