/**
 * `junheng teachers <file.csv|file.xlsx|file.json|-> [--as-of YYYY-MM-DD]
 * [--format table|json|csv|xlsx|html] [--lang zh|en] [--encoding …] [--sheet NAME] [--no-bom]
 * [--parameters set.json]` — the five-year training position of every teacher (opinion 4.2) and
 * the completion rate (优质均衡 G9).
 *
 * A CSV is read as a stream (fixed-size chunks, line by line; UTF-8 or GB18030, detected or
 * chosen) and each teacher is handed to the library's `createTrainingTally` as soon as its rows
 * end, so memory does not follow the file's size. An .xlsx sheet and standard input come as bytes
 * and go through the same reading. Nothing may reach standard output before the whole file is
 * known to be valid, so for the table, CSV and JSON the compact per-teacher results (one short line
 * each) are spooled to a temporary file during the single reading pass and copied to standard
 * output only when no problem was found: one parse of the input, flat memory, and the disk holds
 * about 40 bytes per teacher. The HTML and xlsx reports aggregate in the same pass instead (counts,
 * histograms, the first rows of the table): their memory is fixed too.
 *
 * Rows of one teacher must be consecutive. A teacher id that reappears after other teachers is an
 * input error; finding it takes 8 bytes of memory per teacher (two 32-bit hashes of the id), and a
 * suspected repeat is confirmed, with the line it first appeared on, by a second reading of the file.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrainingTally, PolicyInputError, trainingReport, type Teacher, type TrainingComplianceResult, type TrainingSummary, type TrainingTally } from 'junheng';
import { chooseFormat, COMMON_OPTIONS_HELP, OUTPUT_FORMATS, PARAMETERS_HELP, parseCommandArgs, type OutputFormat } from '../args.js';
import { EXIT, InputError, type Command, type Io } from '../command.js';
import { CsvError } from '../csv.js';
import { ChunkWriter } from '../format.js';
import { chooseEncoding, openInput } from '../input.js';
import type { Lang } from '../lang.js';
import { Progress } from '../progress.js';
import {
  CHUNK,
  decodeText,
  describeRowIssue,
  eachLine,
  isJsonFile,
  parseJson,
  readParameterFile,
  refuseBinary,
  refuseLargeJson,
  sizeOf,
  type ByteSource,
  type Encoding,
  type ParameterFile,
  type RowSource,
} from '../read.js';
import { teachersHtml, HTML_ROWS } from './html.js';
import { confirmRepeats, Problems, readCsvPass } from './pass.js';
import { csvNote, optionsOf, readRow, spoolLine, TextReport, trainingRule, widthOf, type SpoolStyle, type TextFormat } from './report.js';
import { TeacherStats } from './stats.js';
import { teachersXlsx, XLSX_ROWS } from './xlsx.js';

const HELP = `Usage: junheng teachers <file.csv|file.xlsx|file.json|-> [options]

Five-year training position (教师全员培训, opinion 4.2: at least 360 hours in each 5-year cycle)
of every teacher, and the completion rate (优质均衡 G9 asks 100 %). Each teacher's status is met
(已完成), in-progress (进行中: short, the cycle not yet over: not a breach) or not-met (未完成:
short, the cycle over).

Arguments:
  file.csv    one row per training record, header teacher_id,employed_since,date,hours
              (any order; employed_since may be left out or empty; an optional name column is
              carried to the table, CSV, HTML and xlsx outputs, not to JSON). The rows of one
              teacher must be consecutive and carry the same employed_since. A teacher without
              any training gets one row with date and hours empty. Hours may have one decimal.
              Dates YYYY-MM-DD, or as Chinese Excel saves them (2023/9/1, 2023年9月1日).
              UTF-8 (with or without BOM) or GBK/GB18030, told apart by the bytes.
              Chinese headers too:
                teacher_id      教师编号, 教师工号, 工号, 教职工号, 职工号, 教工号, 教师ID
                name            姓名, 教师姓名
                date            日期, 培训日期, 完成日期, 培训结束日期, 结业日期
                hours           学时, 培训学时, 学时数, 培训获得学时, 获得学时
                employed_since  入职日期, 任教日期, 从教日期, 参加工作日期, 入职时间
              A personal id number column (身份证号(码), 身份证件号(码), 公民身份号码, 证件号码) is read
              only when there is no teacher_id column, and is never printed whole: every output
              shows it masked, all but its last 4 characters as * (add 姓名 to tell apart two
              teachers whose masked numbers agree). Columns of a training-record export that do
              not bear on the hours are read past: 性别, 出生日期, 学校名称, 任教学段, 任教学科,
              培训年度 (a year is not a day: give 培训日期), 培训类别, 培训项目名称, 培训机构名称,
              培训方式, 培训获得学分, 备注. Any other column is an error.
  file.xlsx   the same columns in a workbook's first sheet (or --sheet NAME)
  file.json   an array of teacher objects { id, employedSince?, training: [{ date, hours }] }
  -           the file (CSV or JSON) on standard input

Options:
  --as-of YYYY-MM-DD               the day of the check; its cycle is assessed (default: today)
  --format table|json|csv|xlsx|html
                                   output format (default: table). csv: headers and statuses in
                                   the --lang language (English: the machine words met,
                                   in-progress, not-met, true/false), UTF-8 with a BOM; xlsx: a
                                   workbook (summary and teachers sheets; the first
                                   ${XLSX_ROWS.toLocaleString('en')} teachers); html: a report with charts (hours against
                                   the 360-hour line, the completion rate, the shortfalls) and the
                                   first ${HTML_ROWS.toLocaleString('en')} teachers, one self-contained file to print or mail
  --no-bom                         CSV output without the UTF-8 byte-order mark (which Excel
                                   needs to read Chinese)
  --parameters set.json            base parameters: a JSON local parameter set (below)
${COMMON_OPTIONS_HELP}
  -h, --help                       show this help

The completion rate is shown rounded down to one decimal (a rate just short of 100 % never reads
as 100 %); the JSON output has it exactly (completionRate, completion).

${PARAMETERS_HELP}

Exit status: 0 success, 1 bad input or data (every problem on stderr, nothing on stdout),
2 usage error.

Examples:
  junheng teachers examples/teachers.csv --as-of 2025-12-31
  junheng teachers examples/teachers-zh.csv --as-of 2025-12-31 --lang zh
  junheng teachers examples/teachers.csv --as-of 2025-12-31 --lang zh --format html > 培训.html
`;

/** Files larger than this show a progress line on a terminal. */
const PROGRESS_BYTES = 50 * 1024 * 1024;

interface TeachersArgs {
  readonly file: string;
  readonly asOf: string;
  readonly format: OutputFormat;
  readonly lang: Lang;
  readonly bom: boolean;
  readonly encoding: Encoding;
  readonly sheet: string | undefined;
  readonly parameters: ParameterFile | undefined;
}

function parseTeachersArgs(args: string[]): TeachersArgs | 'help' {
  const parsed = parseCommandArgs(args, ['format'], teachersCommand, 'teachers file (file.csv, file.xlsx or file.json)', ['no-bom']);
  if (parsed === 'help') return 'help';
  const format = chooseFormat(parsed.flags.format, OUTPUT_FORMATS, teachersCommand);
  const encoding = chooseEncoding(parsed.encoding, teachersCommand);
  return {
    file: parsed.file,
    asOf: parsed.asOf,
    format,
    lang: parsed.lang,
    bom: !parsed.switches.has('no-bom'),
    encoding,
    sheet: parsed.sheet,
    parameters: parsed.parameters === undefined ? undefined : readParameterFile('--parameters', parsed.parameters),
  };
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

const isReport = (format: OutputFormat): format is 'xlsx' | 'html' => format === 'xlsx' || format === 'html';

/** The figures of an HTML or xlsx report, kept as the teachers go by. */
function newStats(a: TeachersArgs): TeacherStats {
  return new TeacherStats(trainingRule(a.asOf, a.parameters?.patch).requiredHours, a.format === 'html' ? HTML_ROWS : XLSX_ROWS);
}

/** Writes an HTML or xlsx report from its figures. */
async function writeReport(a: TeachersArgs, name: string, summary: TrainingSummary, stats: TeacherStats, named: boolean, io: Io): Promise<void> {
  if (a.format === 'html') {
    io.stdout(Buffer.from(teachersHtml(summary, stats, { lang: a.lang, asOf: a.asOf, input: name, named, parameters: a.parameters }), 'utf8'));
  } else {
    io.stdout(await teachersXlsx(summary, stats, { lang: a.lang, asOf: a.asOf, named, parameters: a.parameters }));
  }
}

const problemsHeading = (n: number): string => `junheng: cannot check training, ${n} problem${n === 1 ? '' : 's'}; nothing computed:`;

async function runCsv(name: string, source: ByteSource, encoding: Encoding, a: TeachersArgs, io: Io): Promise<number> {
  const tally = makeTally(a.asOf, a.parameters);
  const size = sizeOf(source);
  const progress = new Progress(io, size > PROGRESS_BYTES);
  const problems = new Problems();
  const onBytes = (bytes: number): void => progress.show(`junheng: reading ${name}: ${Math.floor((bytes * 100) / Math.max(1, size))} %…`, false);
  const check = (pass: ReturnType<typeof readCsvPass>): void => {
    if (pass.suspects.length > 0) confirmRepeats(source, pass.suspects, pass, problems, encoding);
    progress.stop();
    if (problems.count > 0) throw new InputError(problems.all(), problemsHeading(problems.count));
  };

  if (isReport(a.format)) {
    const stats = newStats(a);
    const pass = readCsvPass(source, name, tally, encoding, (r, teacherName) => stats.add(r, teacherName ?? ''), problems, onBytes);
    check(pass);
    await writeReport(a, name, tally.summary(), stats, pass.named, io);
    return EXIT.ok;
  }

  const format: TextFormat = a.format;
  const dir = mkdtempSync(join(tmpdir(), 'junheng-teachers-'));
  const spoolFd = openSync(join(dir, 'rows.tsv'), 'w+');
  try {
    const spool = new ChunkWriter((chunk) => void writeSync(spoolFd, chunk), 1 << 20);
    let first = true;
    let idWidth = 0;
    let nameWidth = 0;
    let style: SpoolStyle | undefined;
    const onTeacher = (r: TrainingComplianceResult, teacherName: string | undefined): void => {
      style ??= { format, lang: a.lang, named: teacherName !== undefined };
      spool.write(spoolLine(style, r, teacherName ?? '', first));
      first = false;
      if (format === 'table') {
        const w = widthOf(r.teacherId);
        if (w > idWidth) idWidth = w;
        if (teacherName !== undefined) nameWidth = Math.max(nameWidth, widthOf(teacherName));
      }
    };
    const pass = readCsvPass(source, name, tally, encoding, onTeacher, problems, onBytes);
    check(pass);
    spool.flush();
    const out = new ChunkWriter((chunk) => io.stdout(chunk));
    const summary = tally.summary();
    const report = new TextReport({ format, lang: a.lang, asOf: a.asOf, named: pass.named, bom: a.bom, parameters: a.parameters }, out, summary, { id: idWidth, name: nameWidth });
    report.head();
    if (format === 'table') eachLine(spoolFd, (text, start, end) => report.row(readRow(text.slice(start, end))));
    else {
      out.flush();
      copyFile(spoolFd, io);
      report.copied(pass.teachers);
    }
    report.foot();
    if (format === 'csv' && io.stderrIsTTY) io.stderr(csvNote(summary, a.lang));
    return EXIT.ok;
  } finally {
    closeSync(spoolFd);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runJson(name: string, source: ByteSource, encoding: Encoding, a: TeachersArgs, io: Io): Promise<number> {
  makeTally(a.asOf, a.parameters); // options problems first, as for a CSV
  refuseLargeJson(source, name);
  const bytes = typeof source === 'number' ? readFileSync(source) : source;
  const data = parseJson(decodeText(bytes, encoding), name);
  let report;
  try {
    report = trainingReport(data as Teacher[], optionsOf(a.asOf, a.parameters?.patch));
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error;
    const rows = teacherRows(name, Array.isArray(data) ? (data as unknown[]) : []);
    const problems = error.issues.map((issue) => describeRowIssue(issue, rows, a.parameters?.label));
    throw new InputError(problems, problemsHeading(problems.length));
  }
  if (isReport(a.format)) {
    const stats = newStats(a);
    for (const t of report.teachers) stats.add(t, '');
    await writeReport(a, name, report, stats, false, io);
    return EXIT.ok;
  }
  let idWidth = 0;
  for (const t of report.teachers) idWidth = Math.max(idWidth, widthOf(t.teacherId));
  const out = new ChunkWriter((chunk) => io.stdout(chunk));
  const writer = new TextReport({ format: a.format, lang: a.lang, asOf: a.asOf, named: false, bom: a.bom, parameters: a.parameters }, out, report, { id: idWidth, name: 0 });
  writer.head();
  for (const t of report.teachers) writer.result(t);
  writer.foot();
  return EXIT.ok;
}

async function runTeachers(args: string[], io: Io): Promise<number> {
  const parsed = parseTeachersArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const input = await openInput(parsed.file, io, { sheet: parsed.sheet });
  const { source, name } = input;
  // A workbook's sheet comes as CSV text in UTF-8, whatever --encoding says.
  const encoding: Encoding = input.kind === 'xlsx' ? 'utf8' : parsed.encoding;
  try {
    refuseBinary(source, name);
    if (input.kind === 'text' && isJsonFile(parsed.file === '-' ? '' : parsed.file, source)) return await runJson(name, source, encoding, parsed, io);
    return await runCsv(name, source, encoding, parsed, io);
  } catch (error) {
    // Bytes that are not text in the encoding, or a line too long: said with its line, and what to do.
    if (error instanceof CsvError) throw new InputError(error.problems, `junheng: cannot read ${name}:`);
    if (error instanceof RangeError) throw new InputError([`cannot read ${name}: ${error.message}`]);
    throw error;
  } finally {
    if (typeof source === 'number') closeSync(source);
  }
}

/** The `teachers` subcommand. */
export const teachersCommand: Command = {
  name: 'teachers',
  summary: 'five-year training hours (4.2) of every teacher, and the completion rate',
  help: HELP,
  run: runTeachers,
};
