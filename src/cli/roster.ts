/**
 * The budget's roster: a CSV (header `id,location,kind,primary,junior,boarders_primary,
 * boarders_junior,disabled`) or a JSON list of school objects, read into the schools passed to the
 * library, with where each row came from so that the library's issues name the user's line and
 * column.
 */
import type { School } from 'junheng';
import { InputError } from './command.js';
import { countCell, CsvError, parseCsv } from './csv.js';
import { looksLikeJson, parseJson, readHeader, readText, widthProblem, type RowSource } from './read.js';

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
      const at = readHeader(cells, line, COLUMNS, REQUIRED_COLUMNS);
      columns = COLUMNS.map((name) => at[name]);
      return;
    }
    if (cells.length !== width) {
      problems.push(widthProblem(line, cells.length, width));
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

/** A roster as read: the schools to pass to the library, and where each came from. */
export interface Roster {
  readonly schools: School[];
  readonly source: RowSource;
}

function idOf(school: unknown): string | undefined {
  if (typeof school !== 'object' || school === null) return undefined;
  const id = (school as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Where a roster's rows came from: a school is named by its id, another row as `school on line 5`. */
export function rosterSource(file: string, schools: readonly unknown[], lines?: readonly number[]): RowSource {
  return {
    file,
    list: 'schools',
    ...(lines === undefined ? {} : { lines, column: columnOf }),
    who: (index) => {
      const id = idOf(schools[index]);
      return id === undefined ? '' : ` (school ${JSON.stringify(id)})`;
    },
    related: { text: (index) => `school [${index}]`, as: (place) => `school on ${place}` },
  };
}

/**
 * Reads a roster file: CSV (see {@link readRoster}) or JSON (an array of school objects, as-is). The
 * schools are not validated here; the library does that.
 */
export function readSchools(file: string): Roster {
  const text = readText(file);
  if (looksLikeJson(file, text)) {
    const data = parseJson(text, file);
    return { schools: data as School[], source: rosterSource(file, Array.isArray(data) ? data : []) };
  }
  try {
    const { schools, lines } = readRoster(text);
    return { schools, source: rosterSource(file, schools, lines) };
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.problems, `junheng: ${file} is not a readable roster CSV:`);
    throw error;
  }
}
