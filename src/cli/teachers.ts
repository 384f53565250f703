/**
 * `junheng teachers <file.csv|file.json> [--as-of YYYY-MM-DD] [--format table|json|csv]` — the
 * five-year training position of every teacher (opinion 4.2) and the completion rate (优质均衡 G9).
 *
 * A CSV is read as a stream (fixed-size chunks, line by line) and each teacher is handed to the
 * library's `createTrainingTally` as soon as its rows end, so memory does not follow the file's size.
 * Nothing may reach standard output before the whole file is known to be valid, so the compact
 * per-teacher results (one short line each) are spooled to a temporary file during the single
 * reading pass and copied to standard output only when no problem was found: one parse of the
 * input, flat memory, and the disk holds about 40 bytes per teacher.
 *
 * Rows of one teacher must be consecutive. A teacher id that reappears after other teachers is an
 * input error; finding it takes 8 bytes of memory per teacher (two 32-bit hashes of the id), and a
 * suspected repeat is confirmed, with the line it first appeared on, by a second reading of the file.
 */
import { closeSync, fstatSync, openSync, readSync, rmSync, writeSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { isAscii as isAsciiBytes } from 'node:buffer';
import {
  createTrainingTally,
  formatPath,
  listParameters,
  PolicyInputError,
  trainingReport,
  type PolicyIssue,
  type Teacher,
  type TrainingComplianceResult,
  type TrainingSummary,
  type TrainingTally,
} from 'junheng';
import { chooseFormat, parseCommandArgs } from './args.js';
import { EXIT, InputError, type Command, type Io } from './command.js';
import { CsvError, csvCell, parseCsv } from './csv.js';
import { ChunkWriter, displayWidth, FORMATS, type Format } from './format.js';
import { parseJson, readText } from './input.js';
import { Progress } from './progress.js';

const HELP = `Usage: junheng teachers <file.csv|file.json> [options]

Five-year training position (教师全员培训, opinion 4.2: at least 360 hours in each 5-year cycle)
of every teacher, and the completion rate (优质均衡 G9 asks 100 %).

Arguments:
  file.csv    one row per training record, header teacher_id,employed_since,date,hours
              (any order; employed_since may be left out or empty). The rows of one teacher
              must be consecutive and carry the same employed_since. A teacher without any
              training gets one row with date and hours empty. Hours may have one decimal.
  file.json   an array of teacher objects { id, employedSince?, training: [{ date, hours }] }

Options:
  --as-of YYYY-MM-DD         the day of the check; its cycle is assessed (default: today)
  --format table|json|csv    output format (default: table)
  -h, --help                 show this help

Exit status: 0 success, 1 bad input or data (every problem on stderr, nothing on stdout),
2 usage error.

Example:
  junheng teachers examples/teachers.csv --as-of 2025-12-31
`;

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 100;
/** Files larger than this show a progress line on a terminal. */
const PROGRESS_BYTES = 50 * 1024 * 1024;
const CHUNK = 1 << 20;

const COLUMNS = ['teacher_id', 'employed_since', 'date', 'hours'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['teacher_id', 'date', 'hours'];

interface TeachersArgs {
  file: string;
  asOf: string;
  format: Format;
}

function parseTeachersArgs(args: string[]): TeachersArgs | 'help' {
  const parsed = parseCommandArgs(args, ['format'], teachersCommand, 'teachers file (file.csv or file.json)');
  if (parsed === 'help') return 'help';
  return { file: parsed.file, asOf: parsed.asOf, format: chooseFormat(parsed.flags.format, FORMATS, teachersCommand) };
}

// ---------------------------------------------------------------- problems

/** A bounded list of problem lines. */
class Problems {
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

/** Issues on the options, as flags. */
function optionProblem(issue: PolicyIssue): string {
  if (issue.path[0] === 'asOf') return `--as-of: ${issue.message}${issue.code === 'no_value_on_date' ? ' (use a later --as-of)' : ''}`;
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/** Makes the tally, turning a bad --as-of into an input error before the file is read. */
function makeTally(asOf: string): TrainingTally {
  try {
    return createTrainingTally({ asOf });
  } catch (error) {
    if (error instanceof PolicyInputError) throw new InputError(error.issues.map(optionProblem), 'junheng: cannot check training, nothing computed:');
    throw error;
  }
}

// ---------------------------------------------------------------- output

/** One teacher's figures as spooled between the reading pass and the output. */
interface Row {
  /** The id as a JSON string literal. */
  readonly idJson: string;
  readonly completed: number;
  readonly required: number;
  readonly shortfall: number;
  readonly compliant: boolean;
}

/**
 * One teacher's line in the spool: for CSV and JSON output the final text (copied to standard
 * output as it is), for the table a compact tab-separated form read back once the id column's
 * width is known.
 */
function spoolLine(format: Format, r: TrainingComplianceResult, first: boolean): string {
  if (format === 'csv') return `${csvCell(r.teacherId)},${r.completedHours},${r.requiredHours},${r.shortfall},${r.compliant}\n`;
  if (format === 'json') return `${first ? '\n' : ',\n'}{"teacherId":${JSON.stringify(r.teacherId)},"completedHours":${r.completedHours},"requiredHours":${r.requiredHours},"shortfall":${r.shortfall},"compliant":${r.compliant}}`;
  return `${JSON.stringify(r.teacherId)}\t${r.completedHours}\t${r.requiredHours}\t${r.shortfall}\t${r.compliant ? 1 : 0}\n`;
}

function readRow(line: string): Row {
  const t4 = line.lastIndexOf('\t');
  const t3 = line.lastIndexOf('\t', t4 - 1);
  const t2 = line.lastIndexOf('\t', t3 - 1);
  const t1 = line.lastIndexOf('\t', t2 - 1);
  return {
    idJson: line.slice(0, t1),
    completed: Number(line.slice(t1 + 1, t2)),
    required: Number(line.slice(t2 + 1, t3)),
    shortfall: Number(line.slice(t3 + 1, t4)),
    compliant: line.charCodeAt(t4 + 1) === 49,
  };
}

const rawId = (idJson: string): string => (idJson.includes('\\') ? (JSON.parse(idJson) as string) : idJson.slice(1, -1));
const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
const widthOf = (text: string): number => (isAscii(text) ? text.length : displayWidth(text));

const TABLE_HEAD = ['teacher', 'completed', 'required', 'shortfall', 'compliant'] as const;

/** Writes the report: a heading, the rows (from `rows`), then the summary. */
class Report {
  private first = true;
  constructor(
    private readonly format: Format,
    private readonly out: ChunkWriter,
    private readonly summary: TrainingSummary,
    private readonly asOf: string,
    private readonly idWidth: number,
  ) {}

  head(): void {
    const s = this.summary;
    if (this.format === 'json') {
      this.out.write(`{"asOf":${JSON.stringify(this.asOf)},"cycle":${JSON.stringify(s.cycle)},"total":${s.total},"compliant":${s.compliant},"completionRate":${s.completionRate},"completion":${JSON.stringify(s.completion)},"fullCompletion":${s.fullCompletion},${s.reason === undefined ? '' : `"reason":${JSON.stringify(s.reason)},`}"citations":${JSON.stringify(s.citations)},"teachers":[`);
    } else if (this.format === 'csv') {
      this.out.write('teacher_id,completed_hours,required_hours,shortfall,compliant\n');
    } else {
      this.out.write(`Training cycle ${s.cycle.start} … ${s.cycle.end} (as of ${this.asOf}; opinion 4.2: at least the hours required in each cycle)\n\n`);
      const w = this.idWidth;
      this.out.write(`${TABLE_HEAD[0].padEnd(w)}  ${TABLE_HEAD[1].padStart(9)}  ${TABLE_HEAD[2].padStart(8)}  ${TABLE_HEAD[3].padStart(9)}  ${TABLE_HEAD[4]}\n`);
      this.out.write(`${'-'.repeat(w)}  ${'-'.repeat(9)}  ${'-'.repeat(8)}  ${'-'.repeat(9)}  ${'-'.repeat(9)}\n`);
    }
  }

  /** Rows were copied from a spool of final lines ({@link spoolLine}). */
  copied(rows: number): void {
    if (rows > 0) this.first = false;
  }

  row(r: Row): void {
    if (this.format === 'json') {
      this.out.write(`${this.first ? '\n' : ',\n'}{"teacherId":${r.idJson},"completedHours":${r.completed},"requiredHours":${r.required},"shortfall":${r.shortfall},"compliant":${r.compliant}}`);
    } else if (this.format === 'csv') {
      this.out.write(`${csvCell(rawId(r.idJson))},${r.completed},${r.required},${r.shortfall},${r.compliant}\n`);
    } else {
      const id = rawId(r.idJson);
      const fill = ' '.repeat(Math.max(0, this.idWidth - widthOf(id)));
      this.out.write(`${id}${fill}  ${String(r.completed).padStart(9)}  ${String(r.required).padStart(8)}  ${String(r.shortfall).padStart(9)}  ${r.compliant ? 'yes' : 'no'}\n`);
    }
    this.first = false;
  }

  foot(unverified: readonly string[]): void {
    const s = this.summary;
    if (this.format === 'json') {
      this.out.write(`${this.first ? '' : '\n'}]}\n`);
    } else if (this.format === 'table') {
      const pct = s.total === 0 ? '—' : `${trimNumber((s.compliant * 100) / s.total)} %`;
      const verdict = s.total === 0 ? 'no teachers' : s.fullCompletion ? 'met (优质均衡 G9: 100 %)' : 'not met (优质均衡 G9 asks 100 %)';
      this.out.write(`\nCompletion: ${s.compliant} of ${s.total} teachers (${pct}): ${verdict}\n`);
      this.out.write(`Citations: ${s.citations.join(', ')}\n`);
      if (unverified.length > 0) this.out.write(`Unverified parameter values in force (confirm or override): ${unverified.join(', ')}\n`);
    }
    this.out.flush();
  }
}

const trimNumber = (n: number): string => String(Math.round(n * 100) / 100);

function unverifiedInForce(asOf: string): string[] {
  return listParameters({ asOf })
    .filter((p) => p.path.startsWith('teachers.training.') && p.confidence === 'unverified')
    .map((p) => p.path);
}

// ---------------------------------------------------------------- reading a CSV as a stream

/**
 * Calls `onLine` with every line of the file (`text.slice(start, end)`, without its line end) and
 * its 1-based number, reading fixed-size chunks; the line is not cut out of the chunk unless the
 * caller does so. `onBytes` reports progress.
 */
function eachLine(fd: number, onLine: (text: string, start: number, end: number, n: number) => void, onBytes?: (bytes: number) => void): void {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let n = 0;
  let position = 0;
  let first = true;
  for (;;) {
    const read = readSync(fd, buffer, 0, CHUNK, position);
    if (read === 0) break;
    position += read;
    const bytes = read === CHUNK ? buffer : buffer.subarray(0, read);
    // ASCII is read as latin1 (the same text, decoded faster); a chunk that continues a character cut
    // at the end of the previous one starts with a non-ASCII byte, so the decoder sees it.
    let text = rest + (isAsciiBytes(bytes) ? bytes.toString('latin1', 0, bytes.length) : decoder.write(bytes));
    let start = 0;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) start = 1;
      first = false;
    }
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      onLine(text, start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl, ++n);
      start = nl + 1;
    }
    rest = text.slice(start);
    onBytes?.(position);
  }
  rest += decoder.end();
  if (rest.length > 0) onLine(rest, 0, rest.charCodeAt(rest.length - 1) === 13 ? rest.length - 1 : rest.length, ++n);
}

let quoteText = '';
let quoteAt = -1;

/** Whether `text.slice(start, end)` holds a quote; the next quote of a chunk is found once. */
function quoteIn(text: string, start: number, end: number): boolean {
  if (text !== quoteText || (quoteAt !== -1 && quoteAt < start)) {
    quoteText = text;
    quoteAt = text.indexOf('"', start);
  }
  return quoteAt !== -1 && quoteAt < end;
}

/**
 * The number written `text.slice(start, end)` when it is a plain decimal (digits, at most one point,
 * at most 12 characters), else NaN. Exact: (digits as an integer) ÷ 10^decimals is the correctly
 * rounded quotient of two exact integers, the same double `Number()` reads.
 */
function plainDecimal(text: string, start: number, end: number): number {
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
function cellsOf(text: string, start: number, end: number, cells: string[]): string | undefined {
  if (!quoteIn(text, start, end)) {
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

/** Two 32-bit hashes of a string, for the set of ids seen. */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a >>> 0, (b >>> 0) | 1]; // b is never 0, so 0 marks an empty slot
}

/** A set of ids as hash pairs: 8 bytes per id, no strings kept. May report a false repeat, never miss one. */
class IdHashes {
  private table = new Uint32Array(1 << 17);
  private size = 0;

  /** Adds the id; true when a pair equal to its pair was there already. */
  add(id: string): boolean {
    if ((this.size + 1) * 2 > this.table.length / 2) this.grow();
    const [a, b] = hashes(id);
    return this.insert(this.table, a, b);
  }

  private insert(table: Uint32Array, a: number, b: number): boolean {
    const mask = table.length / 2 - 1;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const sb = table[slot * 2 + 1] as number;
      if (sb === 0) {
        table[slot * 2] = a;
        table[slot * 2 + 1] = b;
        if (table === this.table) this.size++;
        return false;
      }
      if (sb === b && table[slot * 2] === a) return true;
    }
  }

  private grow(): void {
    const old = this.table;
    const next = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] !== 0) this.insert(next, old[i] as number, old[i + 1] as number);
    }
    this.table = next;
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
interface CsvPass {
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
function readCsvPass(fd: number, file: string, tally: TrainingTally, format: Format, spool: ChunkWriter, problems: Problems, onBytes: (bytes: number) => void): CsvPass {
  let header: Record<Column, number> | undefined;
  let width = 0;
  const cells: string[] = [];
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
          const w = isAscii(id) ? id.length : displayWidth(id);
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
      const problem = cellsOf(text, start, end, cells);
      if (problem !== undefined) {
        problems.add(`line ${n}: ${problem}`);
        throw new InputError(problems.all(), `junheng: ${file} is not a readable teachers CSV:`);
      }
      const found: Partial<Record<Column, number>> = {};
      const headerProblems: string[] = [];
      cells.forEach((cell, i) => {
        const name = cell.trim() as Column;
        if (!(COLUMNS as readonly string[]).includes(name)) headerProblems.push(`line ${n}: unknown column ${JSON.stringify(cell)} (columns: ${COLUMNS.join(', ')})`);
        else if (found[name] !== undefined) headerProblems.push(`line ${n}: column ${name} appears twice`);
        else found[name] = i;
      });
      for (const name of REQUIRED) if (found[name] === undefined) headerProblems.push(`line ${n}: the header lacks the column ${name}`);
      if (headerProblems.length > 0) throw new InputError(headerProblems, `junheng: ${file} is not a readable teachers CSV:`);
      header = { teacher_id: found.teacher_id as number, employed_since: found.employed_since ?? -1, date: found.date as number, hours: found.hours as number };
      width = cells.length;
      const h = header;
      canonical = h.teacher_id === 0 && h.employed_since === 1 && h.date === 2 && h.hours === 3 && width === 4 ? 4
        : h.teacher_id === 0 && h.employed_since === -1 && h.date === 1 && h.hours === 2 && width === 3 ? 3 : 0;
      return;
    }
    if (start === end) return;
    if (canonical !== 0 && id !== undefined && !quoteIn(text, start, end) && nextRecord(text, start, end, n)) return;
    const problem = cellsOf(text, start, end, cells);
    if (problem !== undefined) {
      problems.add(`line ${n}: ${problem}`);
      return;
    }
    if (cells.length !== width) {
      problems.add(`line ${n}: has ${cells.length} cells, the header has ${width}`);
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
function confirmRepeats(fd: number, suspects: ReadonlyArray<{ id: string; line: number }>, column: number, problems: Problems): void {
  const first = new Map<string, number>();
  const wanted = new Set(suspects.map((s) => s.id));
  const cells: string[] = [];
  let headerSeen = false;
  eachLine(fd, (text, start, end, n) => {
    if (start === end || (!headerSeen && text.slice(start, end).trim() === '')) return;
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    if (cellsOf(text, start, end, cells) !== undefined) return;
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


function openFile(file: string): number {
  try {
    const fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    }
    return fd;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError([`cannot read ${file}: ${reason}`]);
  }
}

/** Copies a spool file to standard output in large chunks. */
function copyFile(fd: number, io: Io): void {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const decoder = new StringDecoder('utf8');
  let position = 0;
  for (;;) {
    const read = readSync(fd, buffer, 0, CHUNK, position);
    if (read === 0) break;
    position += read;
    io.stdout(decoder.write(read === CHUNK ? buffer : buffer.subarray(0, read)));
  }
  const tail = decoder.end();
  if (tail !== '') io.stdout(tail);
}

function runCsv(file: string, fd: number, asOf: string, format: Format, io: Io): number {
  const tally = makeTally(asOf);
  const size = fstatSync(fd).size;
  const progress = new Progress(io, size > PROGRESS_BYTES);
  const dir = mkdtempSync(join(tmpdir(), 'junheng-teachers-'));
  const spoolPath = join(dir, 'rows.tsv');
  const spoolFd = openSync(spoolPath, 'w+');
  try {
    const spool = new ChunkWriter((chunk) => void writeSync(spoolFd, chunk), 1 << 20);
    const problems = new Problems();
    const pass = readCsvPass(fd, file, tally, format, spool, problems, (bytes) =>
      progress.show(`junheng: reading ${file}: ${Math.floor((bytes * 100) / Math.max(1, size))} %…`, false));
    if (pass.suspects.length > 0) confirmRepeats(fd, pass.suspects, pass.idColumn, problems);
    progress.stop();
    if (problems.count > 0) {
      throw new InputError(problems.all(), `junheng: cannot check training, ${problems.count} problem${problems.count === 1 ? '' : 's'}; nothing computed:`);
    }
    spool.flush();
    const out = new ChunkWriter((chunk) => io.stdout(chunk));
    const report = new Report(format, out, tally.summary(), asOf, pass.idWidth);
    report.head();
    if (format === 'table') eachLine(spoolFd, (text, start, end) => report.row(readRow(text.slice(start, end))));
    else {
      out.flush();
      copyFile(spoolFd, io);
      report.copied(pass.teachers);
    }
    report.foot(unverifiedInForce(asOf));
    if (format === 'csv' && io.stderrIsTTY) {
      const s = tally.summary();
      io.stderr(`junheng: ${s.compliant} of ${s.total} teachers completed their training hours\n`);
    }
    return EXIT.ok;
  } finally {
    closeSync(spoolFd);
    rmSync(dir, { recursive: true, force: true });
  }
}

function runJson(file: string, asOf: string, format: Format, io: Io): number {
  makeTally(asOf); // options problems first, as for a CSV
  const data = parseJson(readText(file), file);
  let report;
  try {
    report = trainingReport(data as Teacher[], { asOf });
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error;
    const list = Array.isArray(data) ? (data as unknown[]) : [];
    const problems = error.issues.map((issue) => {
      const [head] = issue.path;
      if (typeof head !== 'number') return issue.path.length === 0 ? `${file}: ${issue.message}` : optionProblem(issue);
      const who = list[head] as { id?: unknown } | null | undefined;
      const id = typeof who === 'object' && who !== null && typeof who.id === 'string' ? ` (teacher ${JSON.stringify(who.id)})` : '';
      const message = typeof issue.related?.[0] === 'number' ? issue.message.replace(`teacher [${issue.related[0]}]`, `teachers[${issue.related[0]}]`) : issue.message;
      return `${formatPath(['teachers', ...issue.path])}${id}: ${message}`;
    });
    throw new InputError(problems, `junheng: cannot check training, ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing computed:`);
  }
  let idWidth = 'teacher'.length;
  for (const t of report.teachers) idWidth = Math.max(idWidth, widthOf(t.teacherId));
  const out = new ChunkWriter((chunk) => io.stdout(chunk));
  const writer = new Report(format, out, report, asOf, idWidth);
  writer.head();
  for (const t of report.teachers) {
    writer.row({ idJson: JSON.stringify(t.teacherId), completed: t.completedHours, required: t.requiredHours, shortfall: t.shortfall, compliant: t.compliant });
  }
  writer.foot(unverifiedInForce(asOf));
  return EXIT.ok;
}

function isJsonFile(file: string, fd: number): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return true;
  if (ext === '.csv') return false;
  const head = Buffer.alloc(64);
  const read = readSync(fd, head, 0, 64, 0);
  return /^\uFEFF?\s*[[{]/.test(head.subarray(0, read).toString('utf8'));
}

function runTeachers(args: string[], io: Io): number {
  const parsed = parseTeachersArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { file, asOf, format } = parsed;
  const fd = openFile(file);
  try {
    if (isJsonFile(file, fd)) return runJson(file, asOf, format, io);
    return runCsv(file, fd, asOf, format, io);
  } finally {
    closeSync(fd);
  }
}

/** The `teachers` subcommand. */
export const teachersCommand: Command = {
  name: 'teachers',
  summary: 'five-year training hours (4.2) of every teacher, and the completion rate',
  help: HELP,
  run: runTeachers,
};
