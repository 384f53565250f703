/**
 * Reading a teachers CSV as a stream, in one pass: rows grouped by teacher, each teacher handed to
 * the library's tally as soon as its rows end and its result handed on (spooled, or aggregated for
 * a report), problems collected by line. The source is a file descriptor (read in chunks) or the
 * bytes of standard input or of an .xlsx sheet's CSV; its encoding is UTF-8 or GB18030, detected
 * or chosen.
 */
import { PolicyInputError, type Teacher, type TrainingComplianceResult, type TrainingTally } from 'junheng';
import { InputError } from '../command.js';
import { cellsOf, CsvError, plainDecimal, QuoteScanner } from '../csv.js';
import { eachLine, widthProblem, type ByteSource, type Encoding } from '../read.js';
import { COLUMNS, dateCell, maskIdNumber, readTeachersHeader, type Column } from './columns.js';
import { IdHashes } from './idHashes.js';

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 100;

/** A bounded list of problem lines. */
export class Problems {
  private readonly kept: Array<{ line: number; text: string }> = [];
  count = 0;
  /** Adds a problem; `text` starts with `line N` when it has a line. */
  add(text: string): void {
    this.count++;
    if (this.kept.length < MAX_PROBLEMS) this.kept.push({ line: Number(/^line (\d+)/.exec(text)?.[1] ?? 0), text });
  }
  /** The problems in file order (a repeated id is found after the others). */
  all(): string[] {
    const lines = [...this.kept].sort((a, b) => a.line - b.line).map((p) => p.text);
    return this.count > lines.length ? [...lines, `… and ${this.count - lines.length} more problems`] : lines;
  }
}


/** The column of an issue path inside one teacher (`['training', 3, 'hours']` → `hours`). */
function columnOfIssue(rest: ReadonlyArray<string | number>): Column | undefined {
  const [first, , third] = rest;
  if (first === 'id') return 'teacher_id';
  if (first === 'employedSince') return 'employed_since';
  if (first === 'training' && (third === 'date' || third === 'hours')) return third;
  return undefined;
}

/** A teacher id reappearing after other teachers: the id as read, as shown, and the line of the later group. */
export interface Suspect {
  readonly id: string;
  readonly shown: string;
  readonly line: number;
}

/** What the reading pass found. */
export interface CsvPass {
  readonly teachers: number;
  /** Ids suspected of reappearing, with the line of the later group. */
  readonly suspects: readonly Suspect[];
  /** The index of the column teachers are known by (teacher_id, or id_number). */
  readonly idColumn: number;
  /** Whether the input has a name column (姓名). */
  readonly named: boolean;
  /** The id column as the file names it (teacher_id, 工号, 身份证件号), for messages. */
  readonly idLabel: string;
}

/** Called with each valid teacher's result, in file order, and its name (undefined without a name column). */
export type OnTeacher = (result: TrainingComplianceResult, name: string | undefined) => void;

/**
 * The single reading pass: groups rows by teacher, hands each teacher to the tally and its result
 * to `onTeacher` (until the first problem: after one, nothing will be output) and collects
 * problems. A teacher known by a personal id number is handed to the tally with the number
 * masked ({@link maskIdNumber}), so no output and no message holds it whole.
 */
export function readCsvPass(
  source: ByteSource,
  file: string,
  tally: TrainingTally,
  encoding: Encoding,
  onTeacher: OnTeacher,
  problems: Problems,
  onBytes: (bytes: number) => void,
): CsvPass {
  let header: Record<Column, number> | undefined;
  let headerCells: string[] = [];
  let idColumn = 0;
  let masked = false;
  let named = false;
  let width = 0;
  const cells: string[] = [];
  const quotes = new QuoteScanner();
  // The teacher being read: its id as read, as shown, its employed_since as read and as a date.
  let id: string | undefined;
  let shown = '';
  let sinceText = '';
  let since = '';
  let name = '';
  let startLine = 0;
  // The teacher's records. The record objects are pooled and reused from teacher to teacher: the
  // tally reads a teacher when it is added and keeps nothing of it, so a million teachers cost
  // twenty record objects, not twenty million.
  const pool: Array<{ date: string; hours: number | string }> = [];
  const records: Array<{ date: string; hours: number | string }> = [];
  let count = 0;
  const lines: number[] = [];
  const push = (date: string, hours: number | string, n: number): void => {
    let r = pool[count];
    if (r === undefined) {
      r = { date, hours };
      pool[count] = r;
    } else {
      r.date = date;
      r.hours = hours;
    }
    records[count] = r;
    lines[count] = n;
    count++;
  };
  let rowsBad = false;
  const seen = new IdHashes();
  const suspects: Suspect[] = [];
  let teachers = 0;
  /** A column as the file names it (学时), for messages. */
  const columnName = (c: Column): string => {
    const at = header?.[c] ?? -1;
    return at < 0 ? c : (headerCells[at]?.trim() ?? c);
  };

  /** For the header teacher_id,employed_since,date,hours (4) or teacher_id,date,hours (3), in any language: the fast path; else 0. */
  let canonical = 0;

  /**
   * The fast path for the common row: one more plain record of the teacher being read, with the
   * same id and employed_since (compared in place, not cut out) and an ISO date. Returns false for
   * anything else (a new teacher, an empty or odd cell), which the general path reads and words.
   */
  const nextRecord = (text: string, start: number, end: number, n: number): boolean => {
    const current = id as string;
    const c1 = text.indexOf(',', start);
    if (c1 >= end || c1 - start !== current.length || !text.startsWith(current, start)) return false;
    let c2 = c1;
    if (canonical === 4) {
      c2 = text.indexOf(',', c1 + 1);
      if (c2 === -1 || c2 >= end || c2 - c1 - 1 !== sinceText.length || !text.startsWith(sinceText, c1 + 1)) return false;
    }
    const c3 = text.indexOf(',', c2 + 1);
    if (c3 !== c2 + 11 || c3 >= end || text.charCodeAt(c2 + 5) !== 45 || text.charCodeAt(c2 + 8) !== 45) return false;
    const c4 = text.indexOf(',', c3 + 1);
    if (c4 !== -1 && c4 < end) return false;
    const hours = plainDecimal(text, c3 + 1, end);
    if (hours !== hours) return false;
    push(text.slice(c2 + 1, c3), hours, n);
    return true;
  };

  const flush = (): void => {
    if (id === undefined) return;
    if (seen.add(id)) suspects.push({ id, shown, line: startLine });
    // Unreadable hours are passed on as text: the library refuses them with its own message.
    if (records.length !== count) records.length = count;
    const teacher = (since === '' ? { id: shown, training: records } : { id: shown, employedSince: since, training: records }) as Teacher;
    teachers++;
    try {
      const r = tally.add(teacher);
      if (problems.count === 0) onTeacher(r, named ? name : undefined);
    } catch (error) {
      if (!(error instanceof PolicyInputError)) throw error;
      if (!rowsBad) {
        for (const issue of error.issues) {
          const rest = issue.path.slice(1);
          const column = columnOfIssue(rest);
          const line = rest[0] === 'training' && typeof rest[1] === 'number' ? (lines[rest[1]] ?? startLine) : startLine;
          const label = column === 'teacher_id' ? columnName(masked ? 'id_number' : 'teacher_id') : column === undefined ? undefined : columnName(column);
          problems.add(`line ${line} (teacher ${JSON.stringify(shown)})${label === undefined ? '' : `, column ${label}`}: ${issue.message}`);
        }
      }
    }
    id = undefined;
    rowsBad = false;
  };

  eachLine(
    source,
    (text, start, end, n) => {
      if (header === undefined) {
        if (text.slice(start, end).trim() === '') return;
        const problem = cellsOf(text, start, end, cells, quotes);
        if (problem !== undefined) {
          problems.add(`line ${n}: ${problem}`);
          throw new InputError(problems.all(), `junheng: ${file} is not a readable teachers CSV:`);
        }
        try {
          const found = readTeachersHeader(cells, n);
          header = { ...found.at };
          idColumn = found.idColumn;
          masked = found.masked;
          named = found.at.name >= 0;
        } catch (error) {
          if (error instanceof CsvError) throw new InputError(error.problems, `junheng: ${file} is not a readable teachers CSV:`);
          throw error;
        }
        headerCells = cells.slice();
        width = cells.length;
        const h = header;
        const plainId = !masked && h.name < 0;
        canonical = !plainId ? 0
          : h.teacher_id === 0 && h.employed_since === 1 && h.date === 2 && h.hours === 3 && width === 4 ? 4
          : h.teacher_id === 0 && h.employed_since === -1 && h.date === 1 && h.hours === 2 && width === 3 ? 3 : 0;
        return;
      }
      if (start === end) return;
      if (canonical !== 0 && id !== undefined && !quotes.has(text, start, end) && nextRecord(text, start, end, n)) return;
      const problem = cellsOf(text, start, end, cells, quotes);
      if (problem !== undefined) {
        problems.add(`line ${n}: ${problem}`);
        return;
      }
      if (cells.length !== width) {
        problems.add(widthProblem(n, cells.length, width));
        return;
      }
      const rowId = cells[idColumn] as string;
      const rowSinceText = header.employed_since < 0 ? '' : (cells[header.employed_since] as string);
      if (rowId !== id) {
        flush();
        id = rowId;
        shown = masked ? maskIdNumber(rowId) : rowId;
        sinceText = rowSinceText;
        since = dateCell(rowSinceText);
        name = header.name < 0 ? '' : (cells[header.name] as string).trim();
        startLine = n;
        count = 0;
      } else if (rowSinceText !== sinceText && dateCell(rowSinceText) !== since) {
        problems.add(
          `line ${n} (teacher ${JSON.stringify(shown)}), column ${columnName('employed_since')}: must be the same on every row of a teacher (${JSON.stringify(sinceText)} on line ${startLine}, ${JSON.stringify(rowSinceText)} here)`,
        );
        rowsBad = true;
        return;
      }
      if (rowId === '') {
        problems.add(`line ${n}, column ${columnName(masked ? 'id_number' : 'teacher_id')}: must not be empty`);
        rowsBad = true;
        return;
      }
      if (name === '' && header.name >= 0) name = (cells[header.name] as string).trim();
      const date = cells[header.date] as string;
      const hoursText = cells[header.hours] as string;
      if (date === '' && hoursText === '') return; // a teacher without training records
      if (date === '' || hoursText === '') {
        problems.add(
          `line ${n} (teacher ${JSON.stringify(shown)}), column ${columnName(date === '' ? 'date' : 'hours')}: is empty (leave both date and hours empty for a teacher without training)`,
        );
        rowsBad = true;
        return;
      }
      const hours = plainDecimal(hoursText, 0, hoursText.length);
      push(dateCell(date), hours === hours ? hours : hoursText, n);
    },
    onBytes,
    Infinity,
    encoding,
  );
  if (header === undefined) throw new InputError([`${file}: the file is empty (expected the header ${COLUMNS.slice(0, 4).join(',')})`]);
  flush();
  return { teachers, suspects, idColumn, named, idLabel: columnName(masked ? 'id_number' : 'teacher_id') };
}

/** The second reading, only when ids were suspected of reappearing: their first lines. */
export function confirmRepeats(source: ByteSource, suspects: readonly Suspect[], pass: CsvPass, problems: Problems, encoding: Encoding): void {
  const column = pass.idColumn;
  const first = new Map<string, number>();
  const wanted = new Set(suspects.map((s) => s.id));
  const cells: string[] = [];
  const quotes = new QuoteScanner();
  let headerSeen = false;
  eachLine(
    source,
    (text, start, end, n) => {
      if (start === end || (!headerSeen && text.slice(start, end).trim() === '')) return;
      if (!headerSeen) {
        headerSeen = true;
        return;
      }
      if (cellsOf(text, start, end, cells, quotes) !== undefined) return;
      const id = cells[column];
      if (id !== undefined && wanted.has(id) && !first.has(id)) first.set(id, n);
    },
    undefined,
    Infinity,
    encoding,
  );
  for (const s of suspects) {
    const at = first.get(s.id);
    if (at !== undefined && at < s.line) {
      problems.add(`line ${s.line} (teacher ${JSON.stringify(s.shown)}), column ${pass.idLabel}: the teacher's rows already began on line ${at}; the rows of one teacher must be consecutive`);
    }
  }
}
