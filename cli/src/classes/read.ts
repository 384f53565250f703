/**
 * Reading a class roster for `junheng classes`: the CSV's columns under their English or Chinese
 * headers (as 教育事业统计 / 班额监测 exports name them), cell values in either language (小学 / 初中,
 * 城区 / 镇区 / 乡村 and the 城乡分类 codes, 是 / 否), and what is seen of each school on the way (its
 * name, and whether its rows agree on its town and location). Rows are handed on one by one and not
 * kept: a national roster (3.6 million classes) stays out of memory.
 */
import type { ClassInput } from 'junheng';
import { countCell, CsvError, parseCsv } from '../csv.js';
import { readHeader, widthProblem } from '../read.js';
import { locationOf } from '../roster.js';

/** The CSV columns of a class roster (`school_name` is carried to the output only). */
export const COLUMNS = ['id', 'school', 'town', 'location', 'stage', 'size', 'incomplete', 'school_name'] as const;
/** One of {@link COLUMNS}. */
export type Column = (typeof COLUMNS)[number];
/** Columns a roster must have. */
export const REQUIRED: readonly Column[] = ['stage', 'size'];

/** The class field each column fills (`school_name` fills none: the library takes no name). */
export const FIELD: Readonly<Record<Exclude<Column, 'school_name'>, string>> = {
  id: 'id',
  school: 'schoolId',
  town: 'town',
  location: 'location',
  stage: 'stage',
  size: 'size',
  incomplete: 'incomplete',
};

/**
 * The Chinese headers of a class roster and the column each is. 班级 / 班级名称 / 班级编号 / 班号 → id;
 * 学校标识码 (the 10-digit code of the statistics) / 学校代码 / 学校编号 → school; 学校名称 → school_name
 * (and the school itself when the roster has no code column); 乡镇 / 乡镇（街道） / 街道 / 镇街 / 所在乡镇
 * → town; 城乡类型 / 城乡分类 / 城乡分类代码 → location; 学段 → stage; 班额 / 班级人数 / 学生数 / 人数 →
 * size; 非完全小学 / 是否非完全小学 → incomplete. Headers are read trimmed.
 */
export const HEADER_ALIASES: ReadonlyMap<string, Column> = new Map<string, Column>([
  ['班级', 'id'],
  ['班级名称', 'id'],
  ['班级编号', 'id'],
  ['班号', 'id'],
  ['学校标识码', 'school'],
  ['学校代码', 'school'],
  ['学校编号', 'school'],
  ['学校名称', 'school_name'],
  ['乡镇', 'town'],
  ['乡镇（街道）', 'town'],
  ['乡镇(街道)', 'town'],
  ['街道', 'town'],
  ['镇街', 'town'],
  ['所在乡镇', 'town'],
  ['城乡类型', 'location'],
  ['城乡分类', 'location'],
  ['城乡分类代码', 'location'],
  ['学段', 'stage'],
  ['班额', 'size'],
  ['班级人数', 'size'],
  ['学生数', 'size'],
  ['人数', 'size'],
  ['非完全小学', 'incomplete'],
  ['是否非完全小学', 'incomplete'],
]);

/** A stage cell as the library's stage: primary / junior, or 小学 / 初中. Anything else is passed on for the library to word. */
export const STAGE_WORDS: ReadonlyMap<string, string> = new Map([
  ['primary', 'primary'],
  ['junior', 'junior'],
  ['小学', 'primary'],
  ['初中', 'junior'],
]);

const YES = new Set(['true', '1', 'yes', '是', 'y']);
const NO = new Set(['false', '0', 'no', '否', 'n']);

/**
 * An `incomplete` cell: true / 1 / yes / 是 (any case, as Excel writes TRUE) is true, false / 0 /
 * no / 否 false, empty absent; anything else is passed on as written for the library to word.
 */
export function flagCell(cell: string): unknown {
  if (cell === '') return undefined;
  const v = cell.trim().toLowerCase();
  if (v === '') return undefined;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return cell;
}

/** What is seen of a school: its first row's town, location and name, and the first row that disagrees. */
export class SchoolSeen {
  /** The first row giving another town, with that town. */
  otherTown: { readonly value: string | undefined; readonly at: number } | undefined = undefined;
  /** The first row giving another location, with that location. */
  otherLocation: { readonly value: string | undefined; readonly at: number } | undefined = undefined;

  constructor(
    readonly id: string,
    readonly town: string | undefined,
    readonly location: string | undefined,
    readonly name: string | undefined,
    /** The line (CSV) or index (JSON) of its first row. */
    readonly at: number,
  ) {}
}

/** Schools tracked at most: about five times the country's (about 210,000); later ones go unchecked. */
export const MAX_TRACKED_SCHOOLS = 1_000_000;

/**
 * The schools of a roster as its rows name them: one string per school id (rosters repeat the id on
 * every row; keeping one halves the memory of a national roster), its name, and whether its rows
 * agree on its town and location (a school filed under two towns is counted in both).
 */
export class SchoolBook {
  readonly schools = new Map<string, SchoolSeen>();
  /** Schools whose rows disagree on their town or location, in order of the disagreement. */
  readonly disagreeing: SchoolSeen[] = [];

  /** Records a row of school `id` and returns the one string kept for the id. */
  see(id: string, town: string | undefined, location: string | undefined, name: string | undefined, at: number): string {
    const seen = this.schools.get(id);
    if (seen === undefined) {
      if (this.schools.size < MAX_TRACKED_SCHOOLS) this.schools.set(id, new SchoolSeen(id, town, location, name, at));
      return id;
    }
    if (seen.town === town && seen.location === location) return seen.id;
    if (seen.town !== town && seen.otherTown === undefined) {
      if (seen.otherLocation === undefined) this.disagreeing.push(seen);
      seen.otherTown = { value: town, at };
    }
    if (seen.location !== location && seen.otherLocation === undefined) {
      if (seen.otherTown === undefined) this.disagreeing.push(seen);
      seen.otherLocation = { value: location, at };
    }
    return seen.id;
  }

  /** Each school's name, by id, when the roster gives names (undefined when none does). */
  names(): Map<string, string> | undefined {
    let names: Map<string, string> | undefined;
    for (const [id, s] of this.schools) {
      if (s.name === undefined) continue;
      names ??= new Map();
      names.set(id, s.name);
    }
    return names;
  }
}

function interned(v: string | undefined, seen: Map<string, string>): string | undefined {
  if (v === undefined) return v;
  const hit = seen.get(v);
  if (hit !== undefined) return hit;
  if (seen.size < 1_000_000) seen.set(v, v);
  return v;
}

/** What the header says of a roster. */
export interface RosterHeader {
  /** The index of each column, -1 when absent; `school` is the name column when the roster has no code column. */
  readonly at: Readonly<Record<Column, number>>;
  /** Whether the school is known by its name (学校名称 without 学校标识码 / 学校代码). */
  readonly schoolByName: boolean;
}

/**
 * Reads a class roster CSV row by row, handing each class object (not validated: the library does
 * that) and its line to `onRow`; nothing is kept but one string per school and town, and what
 * `book` records. Throws {@link CsvError} for a file that cannot be read as a table.
 *
 * Cells are read as the library takes them: empty → absent; stage 小学 / 初中; location 城区 / 镇区 /
 * 乡村 and the 城乡分类 codes ({@link locationOf}, shared with `junheng budget`); incomplete
 * {@link flagCell}; size {@link countCell} (exact, never a floating-point reading).
 */
export function readClassCsv(text: string, onRow: (row: ClassInput, line: number) => void, book: SchoolBook = new SchoolBook()): RosterHeader {
  const problems: string[] = [];
  let header: RosterHeader | undefined;
  let width = 0;
  // Rosters repeat their town on every row too: one string each.
  const towns = new Map<string, string>();
  let c: number[] = [];
  parseCsv(text, (cells, line) => {
    if (header === undefined) {
      const found = readHeader(cells, line, COLUMNS, REQUIRED, HEADER_ALIASES);
      const schoolByName = found.school < 0 && found.school_name >= 0;
      const at = schoolByName ? { ...found, school: found.school_name, school_name: -1 } : found;
      header = { at, schoolByName };
      c = COLUMNS.map((name) => at[name]);
      width = cells.length;
      return;
    }
    if (cells.length !== width) {
      problems.push(widthProblem(line, cells.length, width));
      return;
    }
    // One shape for every row (absent cells are undefined, which the library reads as absent): the
    // report's fast path then sees monomorphic objects.
    const cell = (k: number): string | undefined => {
      const i = c[k] as number;
      const v = i < 0 ? '' : (cells[i] as string);
      return v === '' ? undefined : v;
    };
    const town = interned(cell(2), towns);
    const locationText = cell(3);
    const location = locationText === undefined ? undefined : locationOf(locationText);
    const stageText = cell(4);
    const school = cell(1);
    const sizeAt = c[5] as number;
    const flagAt = c[6] as number;
    const row = {
      id: cell(0),
      schoolId: school === undefined ? undefined : book.see(school, town, location, cell(7), line),
      town,
      location,
      stage: stageText === undefined ? undefined : (STAGE_WORDS.get(stageText) ?? stageText),
      size: sizeAt < 0 ? undefined : countCell(cells[sizeAt] as string),
      incomplete: flagAt < 0 ? undefined : flagCell(cells[flagAt] as string),
    };
    onRow(row as unknown as ClassInput, line);
  }, problems);
  if (header === undefined) throw new CsvError([`line 1: the file is empty; expected the header ${COLUMNS.join(',')}`]);
  if (problems.length > 0) throw new CsvError(problems);
  return header;
}
