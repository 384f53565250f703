/**
 * The columns of a teachers CSV (or of an .xlsx sheet, read as CSV), English and Chinese, and the
 * cells read as a bureau writes them: dates as Chinese Excel saves them (2023/9/1), personal id
 * numbers never printed.
 */
import { CsvError } from '../csv.js';
import { readHeader } from '../read.js';

/**
 * The columns a teachers file may have. `teacher_id` (or, without it, `id_number`), `date` and
 * `hours` are required; `employed_since` and `name` are optional.
 */
export const COLUMNS = ['teacher_id', 'employed_since', 'date', 'hours', 'name', 'id_number'] as const;
/** One of {@link COLUMNS}. */
export type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['date', 'hours'];

/**
 * The Chinese headers of a teachers file and the column each is — the names of the 全国教师管理信息系统
 * (教职工号, 身份证件号, 参加工作年月, 培训获得学时) and of a bureau's own 继续教育学时 records:
 *
 * - teacher_id: 教师编号, 教师工号, 工号, 教职工号, 职工号, 教工号, 教师ID
 * - id_number (a personal id number: read only when there is no teacher_id column, and never printed
 *   whole, see {@link maskIdNumber}): 身份证号, 身份证号码, 身份证件号, 身份证件号码, 公民身份号码, 证件号码
 * - name (carried to the table, CSV, HTML and xlsx outputs; not to JSON): 姓名, 教师姓名
 * - date (the day a training was completed): 日期, 培训日期, 完成日期, 培训结束日期, 结业日期
 * - hours: 学时, 培训学时, 学时数, 培训获得学时, 获得学时
 * - employed_since: 入职日期, 任教日期, 从教日期, 参加工作日期, 入职时间
 */
export const HEADER_ALIASES: ReadonlyMap<string, Column> = new Map<string, Column>([
  ['教师编号', 'teacher_id'],
  ['教师工号', 'teacher_id'],
  ['工号', 'teacher_id'],
  ['教职工号', 'teacher_id'],
  ['职工号', 'teacher_id'],
  ['教工号', 'teacher_id'],
  ['教师ID', 'teacher_id'],
  ['身份证号', 'id_number'],
  ['身份证号码', 'id_number'],
  ['身份证件号', 'id_number'],
  ['身份证件号码', 'id_number'],
  ['公民身份号码', 'id_number'],
  ['证件号码', 'id_number'],
  ['姓名', 'name'],
  ['教师姓名', 'name'],
  ['日期', 'date'],
  ['培训日期', 'date'],
  ['完成日期', 'date'],
  ['培训结束日期', 'date'],
  ['结业日期', 'date'],
  ['学时', 'hours'],
  ['培训学时', 'hours'],
  ['学时数', 'hours'],
  ['培训获得学时', 'hours'],
  ['获得学时', 'hours'],
  ['入职日期', 'employed_since'],
  ['任教日期', 'employed_since'],
  ['从教日期', 'employed_since'],
  ['参加工作日期', 'employed_since'],
  ['入职时间', 'employed_since'],
]);

/**
 * Columns of a training-record export that say nothing about the hours owed or done, read past
 * (so an export goes in as it is): 性别, 出生日期, 学校名称, 任教学段, 任教学科, 培训年度 (a year is
 * not the day a training ended: give 培训日期), 培训类别, 培训项目名称, 培训机构名称, 培训方式,
 * 培训获得学分, 备注 — and a personal id number column when the file has a teacher_id column.
 */
export const IGNORED_HEADERS: ReadonlySet<string> = new Set(['性别', '出生日期', '学校名称', '任教学段', '任教学科', '培训年度', '培训类别', '培训项目名称', '培训机构名称', '培训方式', '培训获得学分', '备注']);

/** The position of each column in a header (-1 when absent), and the header's width. */
export interface TeachersHeader {
  readonly at: Readonly<Record<Column, number>>;
  /** The column the teacher is known by: teacher_id, or id_number when there is none. */
  readonly idColumn: number;
  /** Whether the ids are personal id numbers (shown masked). */
  readonly masked: boolean;
}

/**
 * Reads a teachers header: the columns of {@link COLUMNS} under their English or Chinese names
 * ({@link HEADER_ALIASES}), the columns of {@link IGNORED_HEADERS} read past. Unknown, repeated and
 * missing columns are one {@link CsvError}. A personal id number column is the teacher's id only
 * when there is no teacher_id column; beside one it is read past.
 */
export function readTeachersHeader(cells: readonly string[], line: number): TeachersHeader {
  const kept: number[] = [];
  const names: string[] = [];
  cells.forEach((raw, index) => {
    if (IGNORED_HEADERS.has(raw.trim())) return;
    kept.push(index);
    names.push(raw);
  });
  const found = readHeader(names, line, COLUMNS, REQUIRED, HEADER_ALIASES);
  const at = Object.fromEntries(COLUMNS.map((c) => [c, found[c] < 0 ? -1 : (kept[found[c]] as number)])) as Record<Column, number>;
  if (at.teacher_id < 0 && at.id_number < 0) {
    throw new CsvError([`line ${line}: missing required column teacher_id (教师编号 / 工号 / 教职工号; or, without one, 身份证件号)`]);
  }
  const masked = at.teacher_id < 0;
  if (!masked) at.id_number = -1;
  return { at, idColumn: masked ? at.id_number : at.teacher_id, masked };
}

/**
 * A personal id number as every output shows it: all but its last four characters as `*`
 * (`11010519800101123X` → `**************123X`; shorter text keeps only its last character). The
 * whole number is used to tell teachers apart and is never written out; two teachers may show the
 * same masked id, which a name column (姓名) or a staff number tells apart.
 */
export function maskIdNumber(id: string): string {
  const keep = id.length >= 8 ? 4 : Math.min(1, id.length);
  return '*'.repeat(id.length - keep) + id.slice(id.length - keep);
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A date cell as the library reads dates, `YYYY-MM-DD`: written so, it is returned as it is; as
 * Chinese Excel saves dates in CSV (`2023/9/1`), or `2023.9.1`, `2023-9-1`, `2023年9月1日`, it is
 * written with zero-padded month and day. Anything else is returned as it is, for the library to
 * word (an impossible day such as 2023/2/30 is its problem too).
 */
export function dateCell(text: string): string {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) return text;
  const m = DATE.exec(text.trim());
  if (m === null) return text;
  return `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
}
