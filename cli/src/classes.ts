/**
 * `junheng classes <file|-> [--as-of YYYY-MM-DD] [--format table|json|csv|xlsx|html]
 * [--group-by school,town] [--parameters set.json] [--lang zh|en]` — the class-size monitoring report
 * of opinion 2.3 for a class roster, as a bureau has it (CSV in UTF-8 or GBK with English or Chinese
 * headers, an .xlsx sheet, JSON, standard input).
 *
 * The roster is read whole (`readInputText`: decoded, a workbook's sheet as CSV text) and parsed
 * in one pass: each class is handed to the library's `createClassSizeTally` and not kept; the same pass
 * notes what the warnings need (classes of 0 pupils, schools filed under two towns or locations) and,
 * for the reports only, the classes by size and the large classes. The parts: classes/read.ts (the
 * columns and cell values), classes/collect.ts, classes/words.ts, classes/text.ts (table, CSV, JSON),
 * classes/report.ts (HTML, xlsx).
 */
import {
  classSizeReport,
  createClassSizeTally,
  formatPath,
  listParameters,
  PolicyInputError,
  type ClassSizeReportResult,
  type ClassSizeTally,
  type GroupKey,
  type ParameterOverrides,
  type PolicyIssue,
} from 'junheng';
import { chooseFormat, COMMON_OPTIONS_HELP, OUTPUT_FORMATS, PARAMETERS_HELP, parseCommandArgs, type OutputFormat } from './args.js';
import { EXIT, InputError, UsageError, type Command, type Io } from './command.js';
import { countWording, CsvError } from './csv.js';
import { ChunkWriter } from './format.js';
import { chooseEncoding, readInputText } from './input.js';
import type { Lang } from './lang.js';
import { describeRowIssue, localParametersLine, looksLikeJson, parseJson, readParameterFile, type RowSource } from './read.js';
import { citesLine, parameterFooter } from './stale.js';
import { SizeCollector, WARNING_LIMIT, ZeroClasses, type CollectedClass } from './classes/collect.js';
import { COLUMNS, FIELD, readClassCsv, SchoolBook, type Column } from './classes/read.js';
import { classesHtml, classesXlsx } from './classes/report.js';
import { writeCsv, writeJson, writeTable, type ClassesOutput } from './classes/text.js';
import { asOfLine, classWarnings, warningStderr } from './classes/words.js';

export { readClassCsv } from './classes/read.js';

const HELP = `Usage: junheng classes <file.csv|file.xlsx|file.json|-> [options]

Class-size monitoring (班额监测, opinion 2.3): every class banded as standard, over-standard,
large (56 or more) or super-large (66 or more), counted overall, by stage and by school and town,
with the large-class share and the distance to the deadline for large classes in 城镇 schools.

Arguments:
  file.csv    one row per class; header (any order; stage and size required; empty cells mean
              absent; English or Chinese names, as 教育事业统计 / 班额监测 exports have them):
                id           班级, 班级名称, 班级编号, 班号: the class, any text
                school       学校标识码, 学校代码, 学校编号: the school; classes are grouped by it
                school_name  学校名称: the school's name, carried to the table, CSV and reports
                             (without a school column, the name is the school)
                town         乡镇, 乡镇（街道）, 街道, 镇街, 所在乡镇: the 镇 / 街道 of the school;
                             classes are grouped by it
                location     城乡类型, 城乡分类, 城乡分类代码: urban | town | rural, or 城区 | 镇区 |
                             乡村 and their sub-classes (主城区, 城乡结合区; 镇中心区, 镇乡结合区,
                             特殊区域; 乡中心区, 村庄), or the 城乡分类代码 (110–112 城区, 120–123 镇区,
                             200/210/220 乡村); urban and town are the 城镇 of the deadline
                stage        学段: primary | junior, or 小学 | 初中 (a nine-year school: grades 1-6
                             primary, 7-9 junior)
                size         班额, 班级人数, 学生数, 人数: pupils in the class, a whole number
                incomplete   非完全小学, 是否非完全小学: true | false (also 1/0, yes/no, 是/否): an
                             incomplete primary school (standard 30); primary classes only (on a
                             junior class it is an error)
              in UTF-8 (with or without BOM) or GBK / GB18030 (as Chinese Excel saves CSV)
  file.xlsx   a workbook: its first sheet (or --sheet NAME) read as the CSV above
  file.json   an array of class objects { stage, size, id?, schoolId?, town?, location?,
              incomplete? } (the library's names and values)
  -           standard input (CSV or JSON)

Options:
  --as-of YYYY-MM-DD               the day of the report (default: today)
  --group-by KEYS                  comma-separated, from school, town, location, stage
                                   (default: school,town; 'none' for no groups)
  --format FORMAT                  table | json | csv | xlsx | html (default: table; below)
  --no-bom                         CSV output without the UTF-8 byte-order mark (by default it
                                   has one, so that Excel reads its Chinese)
  --parameters set.json            base parameters: a JSON local parameter set (below)
${COMMON_OPTIONS_HELP}
  -h, --help                       show this help

${PARAMETERS_HELP}

Output:
  table  counts by band overall, by stage and per group, the large-class share (rounded), the
         bands in words, the deadline, the date, the sources and the parameter values in words
  json   the report without its explanation (exact share; the same in every --lang)
  csv    one row per line of the table (English headers scope,key,classes,standard,
         over_standard,large,super_large,large_share; with --lang zh the table's headings);
         the share exact
  xlsx   a workbook: the table, the classes by size, the large classes, notes
  html   one self-contained page to print or mail: the classes by size against the 45 / 50 / 56
         / 66 lines, the bands per stage, the large-class share by town, the deadline, the
         table, the large classes, warnings and the footer

Bands: standard = at most the standard size (primary 45, incomplete primary 30, junior 50;
GB 50099-2011); over-standard = above it and under 56; large = 56 or more (国发〔2016〕40号
"56人以上": 以上 includes 56), of which 66 or more is super-large. The table's large column
counts 56–65, its super-large column 66 or more; the large share counts both.

Warnings (on standard error, and in the reports; the report is still given): a class of 0
pupils (counted as standard, but usually a row to correct); a school whose classes give two
towns or two locations (it is split); large classes without a location (the deadline cannot
count them).

Exit status: 0 success, 1 bad input or data (every problem on stderr, nothing on stdout),
2 usage error.

Examples:
  junheng classes examples/classes.csv --as-of 2025-09-01
  junheng classes examples/classes-gbk.csv --as-of 2025-09-01 --lang zh
  junheng classes examples/classes.csv --as-of 2025-09-01 --format html --lang zh > 班额.html
`;

const GROUP_FLAG: Record<string, GroupKey> = { school: 'schoolId', town: 'town', location: 'location', stage: 'stage' };

interface ClassesArgs {
  file: string;
  asOf: string;
  format: OutputFormat;
  groupBy: GroupKey[];
  parameters: string | undefined;
  lang: Lang;
  encoding: string | undefined;
  sheet: string | undefined;
  bom: boolean;
}

function parseClassesArgs(args: string[]): ClassesArgs | 'help' {
  const parsed = parseCommandArgs(args, ['format', 'group-by'], classesCommand, 'class roster (file.csv, file.xlsx, file.json or -)', ['no-bom']);
  if (parsed === 'help') return 'help';
  const { flags, file, asOf, parameters, lang, encoding, sheet } = parsed;
  const format = chooseFormat(flags.format, OUTPUT_FORMATS, classesCommand);
  const groupText = flags['group-by'] ?? 'school,town';
  const groupBy: GroupKey[] = [];
  if (groupText !== 'none') {
    for (const part of groupText.split(',').map((s) => s.trim())) {
      const key = GROUP_FLAG[part];
      if (key === undefined) throw new UsageError(`--group-by takes school, town, location, stage (comma-separated) or none, got ${JSON.stringify(part)}`, classesCommand);
      if (groupBy.includes(key)) throw new UsageError(`--group-by names ${part} twice`, classesCommand);
      groupBy.push(key);
    }
  }
  return { file, asOf, format, groupBy, parameters, lang, encoding, sheet, bom: !parsed.switches.has('no-bom') };
}

// ---------------------------------------------------------------- reading

/** Where the classes came from: CSV lines, or a JSON list; `labels` names the invalid rows. */
type Source =
  | { kind: 'csv'; file: string; lines: number[]; labels: Map<number, string>; wordings?: Map<number, string> }
  | { kind: 'json'; file: string; labels: Map<number, string> };

/** What the reading pass gathers beside the library's counts. */
interface Gathered {
  readonly book: SchoolBook;
  readonly zero: ZeroClasses;
  readonly sizes: SizeCollector | undefined;
}

/**
 * Reads the roster and counts it as it goes: CSV rows are handed to the tally one by one and not
 * kept; a JSON list is read whole. Valid classes are also shown to `gathered` (warnings, and the
 * reports' sizes when asked for).
 */
function tallyText(name: string, text: string, json: boolean, tally: ClassSizeTally, gathered: Gathered): Source {
  const labels = new Map<number, string>();
  // A size written as a number the library would read inexactly (passed on as its text): the
  // command's own words for it, quoting the cell, as `junheng budget` words its counts.
  const wordings = new Map<number, string>();
  const { zero, sizes } = gathered;
  const add = (row: unknown, at: number): void => {
    if (!tally.add(row)) {
      if (labels.size < 10_000) {
        labels.set(tally.count - 1, labelOf(row));
        const size = (row as { size?: unknown }).size;
        const wording = typeof size === 'string' ? countWording(size) : undefined;
        if (wording !== undefined) wordings.set(tally.count - 1, wording);
      }
      return;
    }
    const c = row as CollectedClass;
    if (c.size === 0) {
      zero.count++;
      if (zero.first.length < WARNING_LIMIT) zero.first.push({ at, row: c, band: 'standard' });
    }
    if (sizes !== undefined) sizes.add(c, at);
  };
  if (json) {
    const data = parseJson(text, name);
    if (!Array.isArray(data)) {
      const got = data === null ? 'null' : typeof data === 'object' ? 'an object' : typeof data;
      throw new InputError([`${name}: must be a list of classes (a JSON array of class objects), got ${got}`]);
    }
    data.forEach((row: unknown, i) => {
      add(row, i);
      const c = row as { schoolId?: unknown; town?: unknown; location?: unknown };
      if (typeof row === 'object' && row !== null && typeof c.schoolId === 'string') {
        gathered.book.see(c.schoolId, typeof c.town === 'string' ? c.town : undefined, typeof c.location === 'string' ? c.location : undefined, undefined, i);
      }
    });
    return { kind: 'json', file: name, labels };
  }
  const lines: number[] = [];
  try {
    readClassCsv(text, (row, line) => {
      lines.push(line);
      add(row, line);
    }, gathered.book);
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.problems, `junheng: ${name} is not a readable class roster CSV:`);
    throw error;
  }
  return { kind: 'csv', file: name, lines, labels, wordings };
}

// ---------------------------------------------------------------- problems

function labelOf(row: unknown): string {
  if (typeof row !== 'object' || row === null) return '';
  const { id, schoolId } = row as { id?: unknown; schoolId?: unknown };
  const parts: string[] = [];
  if (typeof id === 'string' && id !== '') parts.push(`class ${JSON.stringify(id)}`);
  if (typeof schoolId === 'string' && schoolId !== '') parts.push(`school ${JSON.stringify(schoolId)}`);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

const COLUMN_OF: Record<string, Column> = Object.fromEntries(COLUMNS.filter((c) => c !== 'school_name').map((c) => [FIELD[c as Exclude<Column, 'school_name'>], c]));

/**
 * One line per issue: `line 7 (class "3-2", school "S01"), column size: …`, `--as-of: …`,
 * `--parameters set.json: classes.…: …` (`parameters` names the flag and file).
 */
export function describeClassIssue(issue: PolicyIssue, source: Source, parameters?: string): string {
  const rows: RowSource = {
    file: source.file,
    list: 'classes',
    ...(source.kind === 'csv' ? { lines: source.lines } : {}),
    who: (index) => source.labels.get(index) ?? '',
    column: (rest) => (typeof rest[0] === 'string' ? (COLUMN_OF[rest[0]] ?? formatPath(rest)) : undefined),
  };
  // The tally's paths are [index, field] (the library's classSizeReport prefixes 'classes').
  const path = issue.path[0] === 'classes' ? issue.path.slice(1) : issue.path;
  const [index, field] = path;
  const wording = source.kind === 'csv' && typeof index === 'number' && field === 'size' && path.length === 2 ? source.wordings?.get(index) : undefined;
  return describeRowIssue(wording === undefined ? issue : { ...issue, message: wording }, rows, parameters);
}

// ---------------------------------------------------------------- the command

async function runClasses(args: string[], io: Io): Promise<number> {
  const parsed = parseClassesArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { file, asOf, format, groupBy, lang } = parsed;
  const encoding = chooseEncoding(parsed.encoding, classesCommand);
  const base = parsed.parameters === undefined ? undefined : readParameterFile('--parameters', parsed.parameters);
  const options = { asOf, ...(base === undefined ? {} : { parameters: base.patch as ParameterOverrides }) };
  const fail = (error: unknown, source: Source): never => {
    if (!(error instanceof PolicyInputError)) throw error;
    const problems = [...new Set(error.issues.map((i) => describeClassIssue(i, source, base?.label)))];
    throw new InputError(problems, `junheng: cannot report class sizes, ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing reported:`);
  };
  let tally: ClassSizeTally;
  try {
    tally = createClassSizeTally({ ...options, groupBy });
  } catch (error) {
    return fail(error, { kind: 'json', file, labels: new Map() });
  }
  // The bands and deadline in force: the tally has checked the options, so this cannot fail.
  const params = classSizeReport.parameters(options);
  const input = await readInputText(file, io, { sheet: parsed.sheet, encoding });
  const gathered: Gathered = {
    book: new SchoolBook(),
    zero: new ZeroClasses(),
    sizes: format === 'html' || format === 'xlsx' ? new SizeCollector(params) : undefined,
  };
  const json = input.kind !== 'xlsx' && looksLikeJson(file === '-' ? '' : file, input.text);
  const source = tallyText(input.name, input.text, json, tally, gathered);
  let report: ClassSizeReportResult;
  try {
    report = tally.result();
  } catch (error) {
    return fail(error, source);
  }

  const warnings = classWarnings(gathered.zero, gathered.book.disagreeing, report.deadline.largeWithoutLocation, source.kind === 'csv', lang, WARNING_LIMIT);
  const out = new ChunkWriter((chunk) => io.stdout(chunk));
  const footer = (): string[] => {
    const all = listParameters(options);
    const bearing = all.filter((p) => p.path.startsWith('classes.') && !p.path.startsWith('classes.schoolSizeLimit'));
    const lines = [asOfLine(asOf, lang), citesLine(report.citations, lang), ...parameterFooter(bearing, all, asOf, lang)];
    const local = localParametersLine(base, options, (path) => path.startsWith('classes.'), lang);
    if (local !== undefined) lines.push(local);
    return lines;
  };
  const output: ClassesOutput = { report, params, asOf, lang, names: gathered.book.names(), footer: format === 'json' || format === 'csv' ? [] : footer(), warnings, bom: parsed.bom };
  if (format === 'json') writeJson(output, out);
  else if (format === 'csv') writeCsv(output, out);
  else if (format === 'table') writeTable(output, out);
  else {
    const full = { ...output, input: input.name, csv: source.kind === 'csv', sizes: gathered.sizes as SizeCollector };
    if (format === 'html') io.stdout(classesHtml(full));
    else io.stdout(await classesXlsx(full));
  }
  if (warnings.count > 0) io.stderr(warningStderr(warnings, lang));
  return EXIT.ok;
}

/** The `classes` subcommand. */
export const classesCommand: Command = {
  name: 'classes',
  summary: 'class-size monitoring (2.3): bands, large-class share by school and town, deadline',
  help: HELP,
  run: runClasses,
};
