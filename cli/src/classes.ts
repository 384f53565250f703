/**
 * `junheng classes <file.csv|file.json> [--as-of YYYY-MM-DD] [--format table|json|csv]
 * [--group-by school,town] [--parameters set.json]` — the class-size monitoring report of opinion 2.3 for a class roster.
 */
import {
  createClassSizeTally,
  formatPath,
  listParameters,
  PolicyInputError,
  type ClassCounts,
  type ClassInput,
  type ClassSizeReportResult,
  type ClassSizeTally,
  type GroupKey,
  type ParameterOverrides,
  type PolicyIssue,
} from 'junheng';
import { staleLines, unverifiedPaths } from './stale.js';
import { chooseFormat, PARAMETERS_HELP, parseCommandArgs } from './args.js';
import { EXIT, InputError, UsageError, type Command, type Io } from './command.js';
import { countCell, countWording, CsvError, csvCell, parseCsv } from './csv.js';
import { ChunkWriter, displayWidth, FORMATS, type Format } from './format.js';
import { describeRowIssue, localParametersLine, looksLikeJson, parseJson, readHeader, readParameterFile, readText, widthProblem, type RowSource } from './read.js';

const HELP = `Usage: junheng classes <file.csv|file.json> [options]

Class-size monitoring (班额监测, opinion 2.3): every class banded as standard, over-standard,
large (56+) or super-large (66+), counted overall, by stage and by school and town, with the
large-class share and the distance to the deadline for large classes in 城镇 schools.

Arguments:
  file.csv    header id,school,town,location,stage,size,incomplete (any order; stage and size
              required; empty cells mean absent)
                id          the class (班级), any text
                school      the school id; classes are grouped by it
                town        the 镇 / 街道 the school belongs to; classes are grouped by it
                location    urban | town | rural (城区 / 镇区 / 乡村); urban and town are the 城镇
                            of the large-class deadline
                stage       primary | junior (a nine-year school: grades 1-6 primary, 7-9 junior)
                size        pupils in the class
                incomplete  true | false (also 1/0, yes/no): an incomplete primary school
                            (非完全小学, standard 30); primary classes only
  file.json   an array of class objects { stage, size, id?, schoolId?, town?, location?, incomplete? }

Options:
  --as-of YYYY-MM-DD          the day of the report (default: today)
  --group-by KEYS             comma-separated, from school, town, location, stage
                              (default: school,town; 'none' for no groups)
  --format table|json|csv     output format (default: table)
  --parameters set.json       base parameters: a JSON local parameter set (below)
  -h, --help                  show this help

${PARAMETERS_HELP}

Output: table (counts by band overall, by stage and per group, large share, the deadline line);
json (the report without its explanation); csv (one row per line of the table:
scope,key,classes,standard,over_standard,large,super_large,large_share).

Exit status: 0 success, 1 bad input or data (every problem on stderr, nothing on stdout),
2 usage error.

Example:
  junheng classes examples/classes.csv --as-of 2025-09-01
`;

/** CSV columns and the class field each fills. */
const COLUMNS = ['id', 'school', 'town', 'location', 'stage', 'size', 'incomplete'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['stage', 'size'];
const FIELD: Record<Column, string> = { id: 'id', school: 'schoolId', town: 'town', location: 'location', stage: 'stage', size: 'size', incomplete: 'incomplete' };
const COLUMN_OF: Record<string, Column> = Object.fromEntries(COLUMNS.map((c) => [FIELD[c], c]));

const GROUP_FLAG: Record<string, GroupKey> = { school: 'schoolId', town: 'town', location: 'location', stage: 'stage' };
const GROUP_LABEL: Record<GroupKey, string> = { schoolId: 'school', town: 'town', location: 'location', stage: 'stage' };


interface ClassesArgs {
  file: string;
  asOf: string;
  format: Format;
  groupBy: GroupKey[];
  parameters: string | undefined;
}

function parseClassesArgs(args: string[]): ClassesArgs | 'help' {
  const parsed = parseCommandArgs(args, ['format', 'group-by'], classesCommand, 'class roster (file.csv or file.json)');
  if (parsed === 'help') return 'help';
  const { flags, file, asOf, parameters } = parsed;
  const format = chooseFormat(flags.format, FORMATS, classesCommand);
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
  return { file, asOf, format, groupBy, parameters };
}

// ---------------------------------------------------------------- reading

/** Where the classes came from: CSV lines, or a JSON list; `labels` names the invalid rows. */
type Source =
  | { kind: 'csv'; file: string; lines: number[]; labels: Map<number, string>; wordings?: Map<number, string> }
  | { kind: 'json'; file: string; labels: Map<number, string> };

function flagCell(cell: string): unknown {
  if (cell === '') return undefined;
  const v = cell.trim().toLowerCase();
  if (v === '') return undefined;
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  return cell;
}

const KNOWN = new Map(['primary', 'junior', 'urban', 'town', 'rural'].map((v) => [v, v]));
const known = (v: string | undefined): string | undefined => (v === undefined ? v : (KNOWN.get(v) ?? v));
function interned(v: string | undefined, seen: Map<string, string>): string | undefined {
  if (v === undefined) return v;
  const hit = seen.get(v);
  if (hit !== undefined) return hit;
  if (seen.size < 1_000_000) seen.set(v, v);
  return v;
}

/**
 * Reads a class roster CSV row by row, handing each class object (not validated: the library does
 * that) and its line to `onRow`; nothing is kept. Throws {@link CsvError} for a file that cannot be
 * read as a table.
 */
export function readClassCsv(text: string, onRow: (row: ClassInput, line: number) => void): void {
  const problems: string[] = [];
  let at: number[] | undefined;
  let width = 0;
  // Rosters repeat their school and town on every row: keep one string of each, which halves the
  // memory (and the garbage collector's work) of a national roster.
  const schools = new Map<string, string>();
  const towns = new Map<string, string>();
  parseCsv(text, (cells, line) => {
    if (at === undefined) {
      const found = readHeader(cells, line, COLUMNS, REQUIRED);
      at = COLUMNS.map((c) => found[c]);
      width = cells.length;
      return;
    }
    if (cells.length !== width) {
      problems.push(widthProblem(line, cells.length, width));
      return;
    }
    // One shape for every row (absent cells are undefined, which the library reads as absent): the
    // report's fast path then sees monomorphic objects.
    const c = at as number[];
    const text = (k: number): string | undefined => {
      const i = c[k] as number;
      const v = i < 0 ? '' : (cells[i] as string);
      return v === '' ? undefined : v;
    };
    const sizeAt = c[5] as number;
    const flagAt = c[6] as number;
    const row = {
      id: text(0),
      schoolId: interned(text(1), schools),
      town: interned(text(2), towns),
      location: known(text(3)),
      stage: known(text(4)),
      size: sizeAt < 0 ? undefined : countCell(cells[sizeAt] as string),
      incomplete: flagAt < 0 ? undefined : flagCell(cells[flagAt] as string),
    };
    onRow(row as unknown as ClassInput, line);
  }, problems);
  if (at === undefined) throw new CsvError([`line 1: the file is empty; expected the header ${COLUMNS.join(',')}`]);
  if (problems.length > 0) throw new CsvError(problems);
}

/**
 * Reads the roster and counts it as it goes: CSV rows are handed to the tally one by one and not
 * kept (a national roster stays out of memory); a JSON list is read whole.
 */
function tallyFile(file: string, tally: ClassSizeTally): Source {
  const text = readText(file);
  const labels = new Map<number, string>();
  // A size written as a number the library would read inexactly (passed on as its text): the
  // command's own words for it, quoting the cell, as `junheng budget` words its counts.
  const wordings = new Map<number, string>();
  const add = (row: unknown): void => {
    if (!tally.add(row) && labels.size < 10_000) {
      labels.set(tally.count - 1, labelOf(row));
      const size = (row as { size?: unknown }).size;
      const wording = typeof size === 'string' ? countWording(size) : undefined;
      if (wording !== undefined) wordings.set(tally.count - 1, wording);
    }
  };
  if (looksLikeJson(file, text)) {
    const data = parseJson(text, file);
    if (!Array.isArray(data)) {
      const got = data === null ? 'null' : typeof data === 'object' ? 'an object' : typeof data;
      throw new InputError([`${file}: must be a list of classes (a JSON array of class objects), got ${got}`]);
    }
    for (const row of data) add(row);
    return { kind: 'json', file, labels };
  }
  const lines: number[] = [];
  try {
    readClassCsv(text, (row, line) => {
      lines.push(line);
      add(row);
    });
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.problems, `junheng: ${file} is not a readable class roster CSV:`);
    throw error;
  }
  return { kind: 'csv', file, lines, labels, wordings };
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

// ---------------------------------------------------------------- output

const percent = (x: number): string => `${(Math.round(x * 10_000) / 100).toFixed(2)}%`;
const STAGE_LABEL = { primary: 'primary', junior: 'junior' } as const;

interface Line {
  scope: string;
  key: string;
  counts: ClassCounts;
}

function linesOf(r: ClassSizeReportResult): Line[] {
  const out: Line[] = [{ scope: 'all', key: '', counts: r }];
  for (const stage of ['primary', 'junior'] as const) out.push({ scope: 'stage', key: STAGE_LABEL[stage], counts: r.byStage[stage] });
  for (const [key, groups] of Object.entries(r.groups) as Array<[GroupKey, ClassSizeReportResult['groups'][GroupKey]]>) {
    for (const g of groups ?? []) out.push({ scope: GROUP_LABEL[key], key: g.key ?? '(none)', counts: g });
  }
  return out;
}

function deadlineLine(r: ClassSizeReportResult): string {
  const d = r.deadline;
  const when = d.passed ? `passed ${-d.daysRemaining} day${d.daysRemaining === -1 ? '' : 's'} ago` : `${d.daysRemaining} day${d.daysRemaining === 1 ? '' : 's'} remaining`;
  const state = d.remainAfterDeadline ? ': LARGE CLASSES REMAIN AFTER THE DEADLINE' : '';
  const unknown = d.largeWithoutLocation > 0 ? ` (${d.largeWithoutLocation} large class${d.largeWithoutLocation === 1 ? '' : 'es'} without a location not counted)` : '';
  return `Deadline (2.3, 城镇 large classes eliminated by ${d.date}): ${when}; ${d.urbanAndTownLarge} urban/town large class${d.urbanAndTownLarge === 1 ? '' : 'es'}${unknown}${state}.\n`;
}

const widthOf = (text: string): number => (/^[\x20-\x7e]*$/.test(text) ? text.length : displayWidth(text));
const pad = (text: string, width: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return right ? fill + text : text + fill;
};

function writeTable(r: ClassSizeReportResult, asOf: string, unverified: string[], out: ChunkWriter, stale: readonly string[] = []): void {
  const headers = ['scope', 'key', 'classes', 'standard', 'over-standard', 'large', 'super-large', 'large share'];
  const right = [false, false, true, true, true, true, true, true];
  const rows = linesOf(r).map((l) => [
    l.scope,
    l.key,
    String(l.counts.total),
    String(l.counts.byStatus.standard),
    String(l.counts.byStatus['over-standard']),
    String(l.counts.byStatus.large),
    String(l.counts.byStatus['super-large']),
    percent(l.counts.largeShare),
  ]);
  const widths = headers.map((h, c) => Math.max(widthOf(h), ...rows.map((row) => widthOf(row[c] as string))));
  const line = (cells: readonly string[]) => `${cells.map((cell, c) => pad(cell, widths[c] as number, right[c] as boolean)).join('  ').trimEnd()}\n`;
  const rule = `${widths.map((w) => '-'.repeat(w)).join('  ')}\n`;
  out.write(line(headers));
  out.write(rule);
  let previous = '';
  for (const row of rows) {
    if (row[0] !== previous && previous !== '') out.write(rule);
    previous = row[0] as string;
    out.write(line(row));
  }
  out.write('\n');
  out.write(`Bands: standard within the standard size (primary 45, incomplete primary 30, junior 50); large 56+, super-large 66+.\n`);
  out.write(deadlineLine(r));
  out.write(`As of ${asOf}.\n`);
  out.write(`Cites: ${r.citations.join(', ')}\n`);
  if (unverified.length > 0) out.write(`Unverified parameter values in force (confirm or override): ${unverified.join(', ')}\n`);
  for (const line of stale) out.write(line);
  out.flush();
}

function writeJson(r: ClassSizeReportResult, asOf: string, out: ChunkWriter): void {
  const { total, byStatus, largeShare, byStage, groups, deadline, citations } = r;
  out.write(`${JSON.stringify({ asOf, total, byStatus, largeShare, byStage, groups, deadline, citations }, null, 2)}\n`);
  out.flush();
}

function writeCsv(r: ClassSizeReportResult, out: ChunkWriter): void {
  out.write('scope,key,classes,standard,over_standard,large,super_large,large_share\n');
  for (const l of linesOf(r)) {
    const s = l.counts.byStatus;
    out.write(`${l.scope},${csvCell(l.key)},${l.counts.total},${s.standard},${s['over-standard']},${s.large},${s['super-large']},${l.counts.largeShare}\n`);
  }
  out.flush();
}

function runClasses(args: string[], io: Io): number {
  const parsed = parseClassesArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { file, asOf, format, groupBy } = parsed;
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
  const source = tallyFile(file, tally);
  let report: ClassSizeReportResult;
  try {
    report = tally.result();
  } catch (error) {
    return fail(error, source);
  }
  const out = new ChunkWriter((chunk) => io.stdout(chunk));
  if (format === 'json') writeJson(report, asOf, out);
  else if (format === 'csv') writeCsv(report, out);
  else {
    const all = listParameters(options);
    const bearing = all.filter((p) => p.path.startsWith('classes.') && !p.path.startsWith('classes.schoolSizeLimit'));
    writeTable(report, asOf, unverifiedPaths(bearing, all), out, staleLines(bearing, asOf));
    const local = localParametersLine(base, options, (path) => path.startsWith('classes.'));
    if (local !== undefined) {
      out.write(`${local}\n`);
      out.flush();
    }
  }
  return EXIT.ok;
}

/** The `classes` subcommand. */
export const classesCommand: Command = {
  name: 'classes',
  summary: 'class-size monitoring (2.3): bands, large-class share by school and town, deadline',
  help: HELP,
  run: runClasses,
};
