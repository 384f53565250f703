/**
 * The budget's roster: a CSV (header `id,location,kind,primary,junior,boarders_primary,
 * boarders_junior,disabled`) or a JSON list of school objects, read into the schools passed to the
 * library, with where each row came from so that the library's issues name the user's line and
 * column.
 */
import type { School, SchoolRecord } from 'junheng';
import { countAt, countCell, CsvError, parseCsv, QuoteScanner, quoted } from './csv.js';
import { eachLine, readHeader, widthProblem, type ByteSource, type Encoding, type Problems, type RowSource } from './read.js';

/** The columns a roster may have, and the school field each fills (`name` is carried to the output only). */
export const COLUMNS = ['id', 'location', 'kind', 'primary', 'junior', 'boarders_primary', 'boarders_junior', 'disabled', 'name'] as const;
/** One of {@link COLUMNS}. */
export type Column = (typeof COLUMNS)[number];
/** Columns a roster must have. */
export const REQUIRED_COLUMNS: readonly Column[] = ['id', 'location'];

/**
 * The Chinese headers of a roster, as 教育事业统计 exports and bureau rosters name the columns, and
 * the column each is: 学校标识码 (the 10-digit school code of the statistics) or 学校代码 → id,
 * 学校名称 → name, 城乡类型 or 城乡分类 → location, 办学类型 → kind, 小学在校生数 → primary,
 * 初中在校生数 → junior, 小学寄宿生数 / 初中寄宿生数 → boarders, 随班就读残疾学生数 → disabled.
 */
export const HEADER_ALIASES: ReadonlyMap<string, Column> = new Map<string, Column>([
  ['学校标识码', 'id'],
  ['学校代码', 'id'],
  ['学校名称', 'name'],
  ['城乡类型', 'location'],
  ['城乡分类', 'location'],
  ['城乡分类代码', 'location'],
  ['办学类型', 'kind'],
  ['小学在校生数', 'primary'],
  ['初中在校生数', 'junior'],
  ['小学寄宿生数', 'boarders_primary'],
  ['初中寄宿生数', 'boarders_junior'],
  ['随班就读残疾学生数', 'disabled'],
]);

/**
 * A location cell as the library's location: urban / town / rural as written; the words of the
 * statistical 城乡分类 (城区 / 镇区 / 乡村, and their sub-classes 主城区, 城乡结合区 → urban; 镇中心区,
 * 镇乡结合区, 特殊区域 → town; 乡中心区, 村庄 → rural); and its codes (《统计上划分城乡的规定》,
 * 国函〔2008〕60号, and the 统计用区划代码和城乡划分代码 rules: 110–112 城区, 120–123 镇区, 200, 210,
 * 220 乡村). Anything else is returned unchanged, for the library to word.
 */
export const LOCATION_WORDS: ReadonlyMap<string, SchoolRecord['location']> = new Map<string, SchoolRecord['location']>([
  ['urban', 'urban'],
  ['town', 'town'],
  ['rural', 'rural'],
  ['城区', 'urban'],
  ['主城区', 'urban'],
  ['城乡结合区', 'urban'],
  ['镇区', 'town'],
  ['镇中心区', 'town'],
  ['镇乡结合区', 'town'],
  ['特殊区域', 'town'],
  ['乡村', 'rural'],
  ['乡中心区', 'rural'],
  ['村庄', 'rural'],
  ['110', 'urban'],
  ['111', 'urban'],
  ['112', 'urban'],
  ['120', 'town'],
  ['121', 'town'],
  ['122', 'town'],
  ['123', 'town'],
  ['200', 'rural'],
  ['210', 'rural'],
  ['220', 'rural'],
]);

/** {@link LOCATION_WORDS}: the location a cell names, else the cell as written. */
export const locationOf = (cell: string): string => LOCATION_WORDS.get(cell) ?? cell;

/**
 * A kind cell as the library's kind: school / teaching-point / special-education as written, or the
 * 办学类型 words of the 教育事业统计 school lists — 教学点 and 小学教学点 → teaching-point; 特殊教育学校 →
 * special-education; the ordinary types (小学, 初级中学, 九年一贯制学校, 十二年一贯制学校, 完全中学,
 * 职业初中) → school. Anything else is returned unchanged, for the library to word.
 */
export const KIND_WORDS: ReadonlyMap<string, SchoolRecord['kind']> = new Map<string, SchoolRecord['kind']>([
  ['school', 'school'],
  ['teaching-point', 'teaching-point'],
  ['special-education', 'special-education'],
  ['教学点', 'teaching-point'],
  ['小学教学点', 'teaching-point'],
  ['特殊教育学校', 'special-education'],
  ['小学', 'school'],
  ['初级中学', 'school'],
  ['初中', 'school'],
  ['九年一贯制学校', 'school'],
  ['十二年一贯制学校', 'school'],
  ['完全中学', 'school'],
  ['职业初中', 'school'],
]);

/** {@link KIND_WORDS}: the kind a cell names, else the cell as written. */
export const kindOf = (cell: string): string => KIND_WORDS.get(cell) ?? cell;

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
      const at = readHeader(cells, line, COLUMNS, REQUIRED_COLUMNS, HEADER_ALIASES);
      columns = COLUMNS.map((name) => at[name]);
      return;
    }
    if (cells.length !== width) {
      problems.push(widthProblem(line, cells.length, width));
      return;
    }
    const c = columns as number[];
    const school = schoolOf((k: number): string => (c[k] as number) < 0 ? '' : (cells[c[k] as number] as string));
    schools.push(school as unknown as School);
    lines.push(line);
  }, problems);

  if (header === undefined) throw new CsvError([`line 1: the file is empty; expected the header ${COLUMNS.join(',')}`]);
  if (problems.length > 0) throw new CsvError(problems);
  return { schools, lines };
}

/**
 * The school object of a row for the library, from its cells (`cell(k)`: the cell of column
 * `COLUMNS[k]`, `''` when absent): empty cells are absent fields, counts as {@link countCell} reads
 * them. Not validated.
 */
export function schoolOf(cell: (k: number) => string): School {
  const school: { id?: string; location?: string; kind?: string; pupils?: Record<string, unknown>; boarders?: Record<string, unknown>; disabledPupils?: unknown } = {};
  const id = cell(0);
  if (id !== '') school.id = id;
  const location = cell(1);
  if (location !== '') school.location = locationOf(location);
  const kind = cell(2);
  if (kind !== '') school.kind = kindOf(kind);
  const pupils: Record<string, unknown> = {};
  const primary = countCell(cell(3));
  const junior = countCell(cell(4));
  if (primary !== undefined) pupils['primary'] = primary;
  if (junior !== undefined) pupils['junior'] = junior;
  school.pupils = pupils;
  const bp = countCell(cell(5));
  const bj = countCell(cell(6));
  if (bp !== undefined || bj !== undefined) {
    const boarders: Record<string, unknown> = {};
    if (bp !== undefined) boarders['primary'] = bp;
    if (bj !== undefined) boarders['junior'] = bj;
    school.boarders = boarders;
  }
  const disabled = countCell(cell(7));
  if (disabled !== undefined) school.disabledPupils = disabled;
  return school as unknown as School;
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
      return id === undefined ? '' : ` (school ${quoted(id)})`;
    },
    related: { text: (index) => `school [${index}]`, as: (place) => `school on ${place}` },
  };
}

// ---------------------------------------------------------------- the streaming reader

/** The index of the `name` column in {@link COLUMNS}. */
const NAME = COLUMNS.indexOf('name');

/** Schools a roster may have: about five times the country's (about 210,000). */
export const MAX_SCHOOLS = 1_000_000;
/** Characters a line may have: no roster line comes near it. */
export const MAX_LINE = 1 << 20;
/** Characters a record spanning several lines (a quoted line break) may have. */
export const MAX_RECORD = 1 << 16;

/** What {@link streamRoster} hands on, row by row, in file order. */
export interface RosterRows {
  /** A row the fast check accepts, as the validated record the rule takes, and its `name` cell (`''` when none). */
  record(record: SchoolRecord, line: number, name: string): void;
  /** Any other row: its school object for the library (which words its problems), and its cell text per column. */
  other(school: School, line: number, cell: (k: number) => string): void;
}


/** A string that holds no reference to the chunk it was cut from (V8 keeps a slice's parent alive). */
const own = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));

/**
 * The record of a row when the library would accept it as it stands: an id of 1–200 characters, a
 * known location and kind, counts written exactly ({@link countAt}), boarders within their stage's
 * pupils, disabled pupils within the pupils. Anything else is `undefined` (the library words it).
 * `bounds` holds each column's cell as `[start, end)` in `text` (-1, -1 when the column is absent).
 */
function recordAt(text: string, bounds: Int32Array): SchoolRecord | undefined {
  const idStart = bounds[0] as number;
  const idEnd = bounds[1] as number;
  const idLength = idEnd - idStart;
  if (idLength <= 0 || idLength > 200) return undefined;
  const location = LOCATION_WORDS.get(text.slice(bounds[2], bounds[3]));
  if (location === undefined) return undefined;
  let kind: SchoolRecord['kind'] | undefined = 'school';
  if ((bounds[5] as number) > (bounds[4] as number)) {
    kind = KIND_WORDS.get(text.slice(bounds[4], bounds[5]));
    if (kind === undefined) return undefined;
  }
  const count = (k: number): number => {
    const start = bounds[2 * k] as number;
    const end = bounds[2 * k + 1] as number;
    return end <= start ? 0 : countAt(text, start, end);
  };
  const primary = count(3);
  const junior = count(4);
  const boardersPrimary = count(5);
  const boardersJunior = count(6);
  const disabled = count(7);
  if ((primary | junior | boardersPrimary | boardersJunior | disabled) < 0) return undefined;
  if (boardersPrimary > primary || boardersJunior > junior || disabled > primary + junior) return undefined;
  return { id: own(text.slice(idStart, idEnd)), location, kind, primary, junior, boardersPrimary, boardersJunior, disabled };
}

/** Whether a line ends inside a quoted field (so the record goes on), reading from state `inQuote`. */
function endsInQuote(text: string, start: number, end: number, inQuote: boolean): boolean {
  let quoted = inQuote;
  let fieldStart = !inQuote;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (i + 1 < end && text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      }
    } else if (c === 44) fieldStart = true;
    else {
      if (c === 34 && fieldStart) quoted = true;
      fieldStart = false;
    }
  }
  return quoted;
}

/**
 * Reads a roster CSV from `fd` as a stream of lines, row by row (`rows.other`'s `cell` is valid
 * only during the call): the header (problems of it throw
 * {@link CsvError}), then each row handed to `rows` — a {@link SchoolRecord} when the fast check
 * accepts it, else the school object the library will word. Problems of the file's structure (a row
 * of the wrong width, a quote never closed, text after a closing quote) go to `problems`; reading
 * stops at a quote never closed, a line longer than {@link MAX_LINE}, or more than
 * {@link MAX_SCHOOLS} rows. Memory holds one chunk of the file at a time.
 */
export function streamRoster(fd: ByteSource, rows: RosterRows, problems: Problems, onBytes?: (bytes: number) => void, encoding: Encoding = 'auto'): void {
  let width = -1;
  let columns: number[] = [];
  const bounds = new Int32Array(2 * COLUMNS.length);
  const starts = new Int32Array(64);
  const ends = new Int32Array(64);
  let count = 0;
  // A record that goes on past its line (a quoted field holding a line break).
  let pending: string | undefined;
  let pendingLine = 0;
  const quotes = new QuoteScanner();

  const stop = new Error('stop');
  const fromCells = (cells: string[], line: number): void => {
    if (width < 0) {
      width = cells.length;
      const at = readHeader(cells, line, COLUMNS, REQUIRED_COLUMNS, HEADER_ALIASES);
      columns = COLUMNS.map((name) => at[name]);
      return;
    }
    if (cells.length !== width) {
      problems.push(widthProblem(line, cells.length, width));
      return;
    }
    if (++count > MAX_SCHOOLS) {
      problems.push(`line ${line}: more than ${MAX_SCHOOLS.toLocaleString('en')} schools; a roster holds at most ${MAX_SCHOOLS.toLocaleString('en')} (the country has about 210,000)`);
      throw stop;
    }
    const text = cells.join('\u0000');
    let at = 0;
    const offsets = cells.map((cell) => {
      const start = at;
      at += cell.length + 1;
      return start;
    });
    for (let k = 0; k < COLUMNS.length; k++) {
      const i = columns[k] as number;
      bounds[2 * k] = i < 0 ? 0 : (offsets[i] as number);
      bounds[2 * k + 1] = i < 0 ? 0 : (offsets[i] as number) + (cells[i] as string).length;
    }
    const record = recordAt(text, bounds);
    const cell = (k: number): string => ((columns[k] as number) < 0 ? '' : (cells[columns[k] as number] as string));
    if (record !== undefined) rows.record(record, line, cell(NAME));
    else rows.other(schoolOf(cell), line, cell);
  };

  /** A record with quotes, possibly over several lines: the RFC 4180 parser reads it. */
  const quotedRecord = (record: string, line: number): void => {
    const local: string[] = [];
    let got: string[] | undefined;
    parseCsv(record, (cells) => {
      got ??= cells;
    }, local);
    for (const p of local) problems.push(p.replace(/^line (\d+):/, (_, k: string) => `line ${line + Number(k) - 1}:`));
    if (got !== undefined) fromCells(got, line);
  };

  try {
    eachLine(
      fd,
      (text, start, end, n) => {
        if (pending !== undefined) {
          pending += text.slice(start, end);
          if (!endsInQuote(text, start, end, true)) {
            const record = pending;
            pending = undefined;
            quotedRecord(record, pendingLine);
          } else {
            pending += text.charCodeAt(end) === 13 ? '\r\n' : '\n';
            if (pending.length > MAX_RECORD) {
              problems.push(`line ${pendingLine}: a quoted field is never closed (a " without its closing ")`);
              throw stop;
            }
          }
          return;
        }
        if (start === end) return; // an empty line
        if (quotes.has(text, start, end)) {
          if (endsInQuote(text, start, end, false)) {
            pending = text.slice(start, end) + (text.charCodeAt(end) === 13 ? '\r\n' : '\n');
            pendingLine = n;
          } else quotedRecord(text.slice(start, end), n);
          return;
        }
        if (width < 0) {
          fromCells(text.slice(start, end).split(','), n);
          return;
        }
        // The common row: no quote; cells found by their commas, counts read in place.
        let k = 0;
        let from = start;
        for (let comma = text.indexOf(',', from); comma !== -1 && comma < end; comma = text.indexOf(',', from)) {
          if (k < 64) {
            starts[k] = from;
            ends[k] = comma;
          }
          k++;
          from = comma + 1;
        }
        if (k < 64) {
          starts[k] = from;
          ends[k] = end;
        }
        k++;
        if (k !== width || k > 64) {
          fromCells(text.slice(start, end).split(','), n);
          return;
        }
        if (++count > MAX_SCHOOLS) {
          problems.push(`line ${n}: more than ${MAX_SCHOOLS.toLocaleString('en')} schools; a roster holds at most ${MAX_SCHOOLS.toLocaleString('en')} (the country has about 210,000)`);
          throw stop;
        }
        for (let c = 0; c < COLUMNS.length; c++) {
          const i = columns[c] as number;
          bounds[2 * c] = i < 0 ? 0 : (starts[i] as number);
          bounds[2 * c + 1] = i < 0 ? 0 : (ends[i] as number);
        }
        const record = recordAt(text, bounds);
        if (record !== undefined) rows.record(record, n, (columns[NAME] as number) < 0 ? '' : own(text.slice(starts[columns[NAME] as number], ends[columns[NAME] as number])));
        else {
          const cell = (c: number): string => ((columns[c] as number) < 0 ? '' : text.slice(starts[columns[c] as number], ends[columns[c] as number]));
          rows.other(schoolOf(cell), n, cell);
        }
      },
      onBytes,
      MAX_LINE,
      encoding,
    );
  } catch (error) {
    if (error === stop) return;
    // A line too long to be a row, once the header is read: one more problem, and the reading stops.
    if (error instanceof CsvError && width >= 0) {
      for (const p of error.problems) problems.push(p);
      return;
    }
    throw error;
  }
  if (pending !== undefined) problems.push(`line ${pendingLine}: a quoted field is never closed (a " without its closing ")`);
  if (width < 0) throw new CsvError([`line 1: the file is empty; expected the header ${COLUMNS.join(',')}`]);
}
