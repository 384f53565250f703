/**
 * Reading a teachers CSV as a stream, in one pass: rows grouped by teacher, each teacher handed to
 * the library's tally as soon as its rows end, results spooled, problems collected by line.
 */
import { PolicyInputError, type Teacher, type TrainingTally } from 'junheng';
import { InputError } from '../command.js';
import { cellsOf, CsvError, plainDecimal, QuoteScanner } from '../csv.js';
import type { ChunkWriter, Format } from '../format.js';
import { eachLine, readHeader, widthProblem } from '../read.js';
import { IdHashes } from './idHashes.js';
import { spoolLine, widthOf } from './report.js';

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 100;

/** The columns of a teachers CSV. */
export const COLUMNS = ['teacher_id', 'employed_since', 'date', 'hours'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['teacher_id', 'date', 'hours'];

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

/** What the reading pass found. */
export interface CsvPass {
  readonly teachers: number;
  readonly idWidth: number;
  /** Ids suspected of reappearing, with the line of the later group. */
  readonly suspects: ReadonlyArray<{ id: string; line: number }>;
  /** The index of the teacher_id column. */
  readonly idColumn: number;
}

/**
 * The single reading pass: groups rows by teacher, hands each teacher to the tally, spools the
 * results to `spool` and collects problems.
 */
export function readCsvPass(fd: number, file: string, tally: TrainingTally, format: Format, spool: ChunkWriter, problems: Problems, onBytes: (bytes: number) => void): CsvPass {
  let header: Record<Column, number> | undefined;
  let width = 0;
  const cells: string[] = [];
  const quotes = new QuoteScanner();
  // The teacher being read.
  let id: string | undefined;
  let since = '';
  let startLine = 0;
  // The teacher's records. The record objects are pooled and reused from teacher to teacher: the
  // tally reads a teacher when it is added and keeps nothing of it, so a million teachers cost
  // twenty record objects, not twenty million.
  const pool: Array<{ date: string; hours: number | string }> = [];
  const records: Array<{ date: string; hours: number | string }> = [];
  let count = 0;
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
  const lines: number[] = [];
  let rowsBad = false;
  const seen = new IdHashes();
  const suspects: Array<{ id: string; line: number }> = [];
  let teachers = 0;
  let idWidth = 'teacher'.length;

  /** For the header teacher_id,employed_since,date,hours (4) or teacher_id,date,hours (3): the fast path; else 0. */
  let canonical = 0;

  /**
   * The fast path for the common row: one more plain record of the teacher being read, with the
   * same id and employed_since (compared in place, not cut out). Returns false for anything else
   * (a new teacher, an empty or odd cell), which the general path reads and words.
   */
  const nextRecord = (text: string, start: number, end: number, n: number): boolean => {
    const current = id as string;
    const c1 = text.indexOf(',', start);
    if (c1 >= end || c1 - start !== current.length || !text.startsWith(current, start)) return false;
    let c2 = c1;
    if (canonical === 4) {
      c2 = text.indexOf(',', c1 + 1);
      if (c2 === -1 || c2 >= end || c2 - c1 - 1 !== since.length || !text.startsWith(since, c1 + 1)) return false;
    }
    const c3 = text.indexOf(',', c2 + 1);
    if (c3 === -1 || c3 >= end || c3 === c2 + 1) return false;
    const c4 = text.indexOf(',', c3 + 1);
    if (c4 !== -1 && c4 < end) return false;
    const hours = plainDecimal(text, c3 + 1, end);
    if (hours !== hours) return false;
    push(text.slice(c2 + 1, c3), hours, n);
    return true;
  };

  const flush = (): void => {
    if (id === undefined) return;
    if (seen.add(id)) suspects.push({ id, line: startLine });
    // Unreadable hours are passed on as text: the library refuses them with its own message.
    if (records.length !== count) records.length = count;
    const teacher = (since === '' ? { id, training: records } : { id, employedSince: since, training: records }) as Teacher;
    teachers++;
    try {
      const r = tally.add(teacher);
      if (problems.count === 0) {
        spool.write(spoolLine(format, r, teachers === 1));
        if (format === 'table') {
          const w = widthOf(id);
          if (w > idWidth) idWidth = w;
        }
      }
    } catch (error) {
      if (!(error instanceof PolicyInputError)) throw error;
      if (!rowsBad) {
        for (const issue of error.issues) {
          const rest = issue.path.slice(1);
          const column = columnOfIssue(rest);
          const line = rest[0] === 'training' && typeof rest[1] === 'number' ? (lines[rest[1]] ?? startLine) : startLine;
          problems.add(`line ${line} (teacher ${JSON.stringify(id)})${column === undefined ? '' : `, column ${column}`}: ${issue.message}`);
        }
      }
    }
    id = undefined;
    rowsBad = false;
  };

  eachLine(fd, (text, start, end, n) => {
    if (header === undefined) {
      if (text.slice(start, end).trim() === '') return;
      const problem = cellsOf(text, start, end, cells, quotes);
      if (problem !== undefined) {
        problems.add(`line ${n}: ${problem}`);
        throw new InputError(problems.all(), `junheng: ${file} is not a readable teachers CSV:`);
      }
      let found: Record<Column, number>;
      try {
        found = readHeader(cells, n, COLUMNS, REQUIRED);
      } catch (error) {
        if (error instanceof CsvError) throw new InputError(error.problems, `junheng: ${file} is not a readable teachers CSV:`);
        throw error;
      }
      header = found;
      width = cells.length;
      const h = header;
      canonical = h.teacher_id === 0 && h.employed_since === 1 && h.date === 2 && h.hours === 3 && width === 4 ? 4
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
    const rowId = cells[header.teacher_id] as string;
    const rowSince = header.employed_since < 0 ? '' : (cells[header.employed_since] as string);
    if (rowId !== id) {
      flush();
      id = rowId;
      since = rowSince;
      startLine = n;
      count = 0;
    } else if (rowSince !== since) {
      problems.add(`line ${n} (teacher ${JSON.stringify(rowId)}), column employed_since: must be the same on every row of a teacher (${JSON.stringify(since)} on line ${startLine}, ${JSON.stringify(rowSince)} here)`);
      rowsBad = true;
      return;
    }
    if (rowId === '') {
      problems.add(`line ${n}, column teacher_id: must not be empty`);
      rowsBad = true;
      return;
    }
    const date = cells[header.date] as string;
    const hoursText = cells[header.hours] as string;
    if (date === '' && hoursText === '') return; // a teacher without training records
    if (date === '' || hoursText === '') {
      problems.add(`line ${n} (teacher ${JSON.stringify(rowId)}), column ${date === '' ? 'date' : 'hours'}: is empty (leave both date and hours empty for a teacher without training)`);
      rowsBad = true;
      return;
    }
    const hours = plainDecimal(hoursText, 0, hoursText.length);
    push(date, hours === hours ? hours : hoursText, n);
  }, onBytes);
  if (header === undefined) throw new InputError([`${file}: the file is empty (expected the header ${COLUMNS.join(',')})`]);
  flush();
  return { teachers, idWidth, suspects, idColumn: header.teacher_id };
}

/** The second reading, only when ids were suspected of reappearing: their first lines. */
export function confirmRepeats(fd: number, suspects: ReadonlyArray<{ id: string; line: number }>, column: number, problems: Problems): void {
  const first = new Map<string, number>();
  const wanted = new Set(suspects.map((s) => s.id));
  const cells: string[] = [];
  const quotes = new QuoteScanner();
  let headerSeen = false;
  eachLine(fd, (text, start, end, n) => {
    if (start === end || (!headerSeen && text.slice(start, end).trim() === '')) return;
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    if (cellsOf(text, start, end, cells, quotes) !== undefined) return;
    const id = cells[column];
    if (id !== undefined && wanted.has(id) && !first.has(id)) first.set(id, n);
  });
  for (const s of suspects) {
    const at = first.get(s.id);
    if (at !== undefined && at < s.line) {
      problems.add(`line ${s.line} (teacher ${JSON.stringify(s.id)}), column teacher_id: the teacher's rows already began on line ${at}; the rows of one teacher must be consecutive`);
    }
  }
}

