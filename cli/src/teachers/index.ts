/**
 * `junheng teachers <file.csv|file.json> [--as-of YYYY-MM-DD] [--format table|json|csv]
 * [--parameters set.json]` — the
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
import { closeSync, fstatSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrainingTally, PolicyInputError, trainingReport, type Teacher, type TrainingTally } from 'junheng';
import { chooseFormat, PARAMETERS_HELP, parseCommandArgs } from '../args.js';
import { EXIT, InputError, type Command, type Io } from '../command.js';
import { ChunkWriter, FORMATS, type Format } from '../format.js';
import { Progress } from '../progress.js';
import { CHUNK, describeRowIssue, eachLine, isJsonFile, openFile, parseJson, readParameterFile, readText, type ParameterFile, type RowSource } from '../read.js';
import { confirmRepeats, Problems, readCsvPass } from './pass.js';
import { optionsOf, readRow, Report, unverifiedInForce, widthOf } from './report.js';

const HELP = `Usage: junheng teachers <file.csv|file.json> [options]

Five-year training position (教师全员培训, opinion 4.2: at least 360 hours in each 5-year cycle)
of every teacher, and the completion rate (优质均衡 G9 asks 100 %). Each teacher's status is met,
in-progress (short, the cycle not yet over: not a breach) or not-met (short, the cycle over).

Arguments:
  file.csv    one row per training record, header teacher_id,employed_since,date,hours
              (any order; employed_since may be left out or empty). The rows of one teacher
              must be consecutive and carry the same employed_since. A teacher without any
              training gets one row with date and hours empty. Hours may have one decimal.
  file.json   an array of teacher objects { id, employedSince?, training: [{ date, hours }] }

Options:
  --as-of YYYY-MM-DD         the day of the check; its cycle is assessed (default: today)
  --format table|json|csv    output format (default: table)
  --parameters set.json      base parameters: a JSON local parameter set (below)
  -h, --help                 show this help

${PARAMETERS_HELP}

Exit status: 0 success, 1 bad input or data (every problem on stderr, nothing on stdout),
2 usage error.

Example:
  junheng teachers examples/teachers.csv --as-of 2025-12-31
`;

/** Files larger than this show a progress line on a terminal. */
const PROGRESS_BYTES = 50 * 1024 * 1024;

interface TeachersArgs {
  file: string;
  asOf: string;
  format: Format;
  parameters: string | undefined;
}

function parseTeachersArgs(args: string[]): TeachersArgs | 'help' {
  const parsed = parseCommandArgs(args, ['format'], teachersCommand, 'teachers file (file.csv or file.json)');
  if (parsed === 'help') return 'help';
  return { file: parsed.file, asOf: parsed.asOf, format: chooseFormat(parsed.flags.format, FORMATS, teachersCommand), parameters: parsed.parameters };
}

/** Where a teachers file's rows came from, for messages: a teacher is named by its id. */
function teacherRows(file: string, list: readonly unknown[]): RowSource {
  return {
    file,
    list: 'teachers',
    who: (index) => {
      const who = list[index] as { id?: unknown } | null | undefined;
      return typeof who === 'object' && who !== null && typeof who.id === 'string' ? ` (teacher ${JSON.stringify(who.id)})` : '';
    },
    related: { text: (index) => `teacher [${index}]`, as: (_place, index) => `teachers[${index}]` },
  };
}

/** Makes the tally, turning a bad --as-of or --parameters file into an input error before the file is read. */
function makeTally(asOf: string, base: ParameterFile | undefined): TrainingTally {
  try {
    return createTrainingTally(optionsOf(asOf, base?.patch));
  } catch (error) {
    if (error instanceof PolicyInputError) throw new InputError(error.issues.map((issue) => describeRowIssue(issue, teacherRows('', []), base?.label)), 'junheng: cannot check training, nothing computed:');
    throw error;
  }
}

/** Copies a spool file to standard output in large chunks (each its own buffer: the sink may keep it). */
function copyFile(fd: number, io: Io): void {
  let position = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const read = readSync(fd, buffer, 0, CHUNK, position);
    if (read === 0) break;
    position += read;
    io.stdout(read === CHUNK ? buffer : buffer.subarray(0, read));
  }
}

function runCsv(file: string, fd: number, asOf: string, format: Format, io: Io, base: ParameterFile | undefined): number {
  const tally = makeTally(asOf, base);
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
    const report = new Report(format, out, tally.summary(), asOf, pass.idWidth, base);
    report.head();
    if (format === 'table') eachLine(spoolFd, (text, start, end) => report.row(readRow(text.slice(start, end))));
    else {
      out.flush();
      copyFile(spoolFd, io);
      report.copied(pass.teachers);
    }
    report.foot(unverifiedInForce(asOf, base?.patch));
    if (format === 'csv' && io.stderrIsTTY) {
      const s = tally.summary();
      io.stderr(`junheng: ${s.met} of ${s.total} teachers completed their training hours (${s.inProgress} in progress, ${s.notMet} not met)\n`);
    }
    return EXIT.ok;
  } finally {
    closeSync(spoolFd);
    rmSync(dir, { recursive: true, force: true });
  }
}

function runJson(file: string, asOf: string, format: Format, io: Io, base: ParameterFile | undefined): number {
  makeTally(asOf, base); // options problems first, as for a CSV
  const data = parseJson(readText(file), file);
  let report;
  try {
    report = trainingReport(data as Teacher[], optionsOf(asOf, base?.patch));
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error;
    const rows = teacherRows(file, Array.isArray(data) ? (data as unknown[]) : []);
    const problems = error.issues.map((issue) => describeRowIssue(issue, rows, base?.label));
    throw new InputError(problems, `junheng: cannot check training, ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing computed:`);
  }
  let idWidth = 'teacher'.length;
  for (const t of report.teachers) idWidth = Math.max(idWidth, widthOf(t.teacherId));
  const out = new ChunkWriter((chunk) => io.stdout(chunk));
  const writer = new Report(format, out, report, asOf, idWidth, base);
  writer.head();
  for (const t of report.teachers) writer.result(t);
  writer.foot(unverifiedInForce(asOf, base?.patch));
  return EXIT.ok;
}

function runTeachers(args: string[], io: Io): number {
  const parsed = parseTeachersArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { file, asOf, format } = parsed;
  const base = parsed.parameters === undefined ? undefined : readParameterFile('--parameters', parsed.parameters);
  const fd = openFile(file);
  try {
    if (isJsonFile(file, fd)) return runJson(file, asOf, format, io, base);
    return runCsv(file, fd, asOf, format, io, base);
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
