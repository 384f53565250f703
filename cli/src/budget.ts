/**
 * `junheng budget <file.csv|file.xlsx|file.json|-> [--as-of YYYY-MM-DD] [--region east|central|west]
 * [--format table|json|csv|xlsx|html] [--lang zh|en] [--explain] [--parameters set.json]
 * [--what-if patch.json] [--encoding auto|utf8|gbk|gb18030] [--sheet NAME] [--no-bom]` — public
 * funding (opinion 5.1) for a roster.
 *
 * Choices:
 * - The table, CSV headers, floor names and footers follow `--lang` (budget/words.ts); JSON never does.
 * - Warnings (budget/warnings.ts) go to stderr in every format, after the output: schools with no
 *   pupils, teaching points above 100 pupils, and a what-if that changed no school's amount. Boarders
 *   beyond a stage's pupils stay an error (the library refuses them).
 * - `--explain` is for the table (and the HTML report); it explains the schools through the library,
 *   a chunk at a time, after the footer.
 */
import { closeSync, readFileSync } from 'node:fs';
import {
  allocateBudget,
  describeParameters,
  listParameters,
  PolicyInputError,
  type CalculatorOptions,
  type ParameterListing,
  type ParameterOverrides,
  type PolicyIssue,
  type Region,
  type School,
  type SchoolRecord,
} from 'junheng';
import { bigFenText, BudgetBatch, computeBudget, schoolOfRecord, type BudgetRun, type Computation } from './compute.js';
import { countAt, countCell, countWording, COUNT_LIMIT, CsvError, quoted } from './csv.js';
import { chooseFormat, COMMON_OPTIONS_HELP, PARAMETERS_HELP, parseCommandArgs } from './args.js';
import { EXIT, InputError, UsageError, type Command, type Io } from './command.js';
import { ChunkWriter, FORMATS, writeReport, type BudgetReport } from './format.js';
import {
  decodeText,
  describeRowIssue,
  ENCODINGS,
  isJsonFile,
  localParametersLine,
  parameterFileIssues,
  parseJson,
  Problems,
  readParameterFile,
  refuseBinary,
  refuseLargeJson,
  sizeOf,
  STDIN_NAME,
  type ByteSource,
  type Encoding,
  type ParameterFile,
} from './read.js';
import { COLUMNS, columnOf, kindOf, locationOf, rosterSource, streamRoster, type Column } from './roster.js';
import { Progress } from './progress.js';
import { openInput } from './input.js';
import { budgetHtml, budgetXlsx, SCHOOL_ROWS } from './budget/report.js';
import { explainSchools, explanationLines, explanationStream } from './budget/explain.js';
import { budgetWarnings, warningLines } from './budget/warnings.js';
import { say, type Lang } from './lang.js';

/** Rosters larger than this show a progress line on a terminal. */
const PROGRESS_ROWS = 50_000;
/** Roster files larger than this show a progress line on a terminal. */
const PROGRESS_BYTES = 2_000_000;

const HELP = `Usage: junheng budget <file.csv|file.xlsx|file.json|-> [options]

Public funding (公用经费, opinion 5.1) for every school of a roster, exact to the fen.

Arguments:
  file.csv    header id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled,
              name (any order; id and location required; empty cells mean 0 or the default;
              name is carried to the output). Chinese headers too: 学校标识码 or 学校代码 (id),
              学校名称 (name), 城乡类型 or 城乡分类 (location), 办学类型 (kind), 小学在校生数
              (primary), 初中在校生数 (junior), 小学寄宿生数, 初中寄宿生数, 随班就读残疾学生数.
              Locations: urban, town, rural, or 城区, 镇区, 乡村 and their sub-classes (and the
              城乡分类 codes: 110/111/112 城区, 120/121/122/123 镇区, 200/210/220 乡村).
              Kinds: school, teaching-point, special-education, or the 办学类型 words 教学点 /
              小学教学点, 特殊教育学校, and 小学, 初级中学, 九年一贯制学校, 十二年一贯制学校,
              完全中学, 职业初中 (ordinary schools). UTF-8 (with or without BOM) or
              GBK/GB18030 as Chinese Excel saves it, told apart by the bytes.
  file.xlsx   the same columns on the first sheet (or --sheet NAME)
  file.json   an array of school objects { id, location, kind?, pupils: { primary?, junior? },
              boarders?: { primary?, junior? }, disabledPupils? }
  -           the roster (CSV or JSON) on standard input

Options:
  --as-of YYYY-MM-DD               the day whose rates apply (default: today)
  --region east|central|west       东部 / 中部 / 西部; needed while the benchmarks differ by region
  --format table|json|csv|xlsx|html
                                   output format (default: table; html: a report with charts)
  --explain                        after the table, each school's steps with the clause or
                                   document of each (why CQ-01's 2400 pupils make 1,459,200);
                                   the library explains about 5,000 schools a second
  --parameters set.json            base parameters: a JSON local parameter set (below)
  --what-if patch.json             also compute with this patch on top of the base parameters,
                                   and the differences (format below)
  --no-bom                         CSV output without the UTF-8 byte-order mark (which Excel
                                   needs to read Chinese)
${COMMON_OPTIONS_HELP}
  -h, --help                       show this help

Output (--lang zh | en). Table: one row per school, then a total row and footer lines: the
floors applied, the day and region, the rates applied with their source documents, the
citations, and the values junheng has not verified or no source confirms any more, in words.
  学校标识码 / id         学校名称 / name (when the roster has one)
  在校生数 / pupils       pupils enrolled (primary + junior)
  核定人数 / funded       pupils funded, after a floor
  保底 / floor            the floor band that raised them: 不足100人按100 / under 100 → 100
                          (国发〔2015〕67号), 100–200人按200（意见5.1）/ 100–200 → 200 (5.1),
                          or a band of your own by its id
  公用经费（元）/ amount  yuan per year, exact, with thousands separators
  with --what-if: 假设核定人数 / what-if funded, 假设公用经费（元）/ what-if amount,
  差额（元）/ difference.
CSV: the same columns (no total row), headed in Chinese with --lang zh, else
id,name,pupils,funded_pupils,floor_applied,amount[,what_if_amount,difference]; the floor by its
id in English, in short words in Chinese; amounts without separators (numbers to a spreadsheet).
JSON: {"total","whatIf"?,"schools":[{"id","fundedPupils","floorApplied","amount",...}]}, the
same in every language.

What-if patches (--what-if patch.json): a JSON object of parameter values, the same format as a
parameters file (below), applied on top of the base parameters; a parameter the patch gives
replaces the base's value of that parameter whole. Keys may be nested or dotted, and mixed:
  {"funding.benchmark.primary": 720}  is  {"funding": {"benchmark": {"primary": 720}}}
  {"funding.benchmark.primary": {"central": 720}}   one region's value only
The floors (funding.floors) are a list of bands, replaced whole — a band cannot be changed on its
own; each band funds the schools it covers with more than "above" and fewer than "below" pupils
as "fundedAs" ("below" may not be above "fundedAs"):
  {"funding.floors": [
     {"id": "national-under-100", "locations": ["rural"], "kinds": ["teaching-point"],
      "below": 100, "fundedAs": 100},
     {"id": "district-100-to-250", "locations": ["rural"], "above": 100, "below": 250,
      "fundedAs": 250}]}
A dotted key that is not a parameter is an error naming it. A patch that changes no school's
amount is said on stderr (exit 0). Example: examples/what-if.json.

${PARAMETERS_HELP}

Warnings (stderr, one line each, the first 50 then a count; the result is still computed): a
school with 0 pupils, and what it is funded as (a rural school or teaching point with none is
funded as 100 by the national floor; an urban or town school gets 0); a teaching point with more
than 100 pupils (check its kind: the teaching-point floor is for fewer than 100). Boarders more
than a stage's pupils are not a warning but an error (a boarder is one of the pupils; the
library refuses such a school), like every bad count.

Exit status: 0 success, 1 bad input or data (the problems on stderr, nothing on stdout),
2 usage error. Every row is checked; the first 50 problems are shown, then a count of the rest.
Counts are read from their text: digits, at most a trailing .0 (12, 12.0). A roster holds at most
1,000,000 schools; a JSON roster at most 256 MiB (a CSV is read as a stream).

Examples:
  junheng budget examples/district.csv --as-of 2025-09-01 --region central --lang zh
  junheng budget examples/district.csv --as-of 2025-09-01 --region central --explain
  junheng budget examples/district.csv --as-of 2025-09-01 --region central --what-if examples/what-if.json
  junheng budget examples/district.csv --as-of 2025-09-01 --parameters examples/parameters/fujian-2020.json
`;

interface BudgetArgs {
  file: string;
  encoding: Encoding;
  bom: boolean;
  asOf: string;
  region: string | undefined;
  format: BudgetFormat;
  parameters: string | undefined;
  whatIf: string | undefined;
  sheet: string | undefined;
  lang: Lang;
  explain: boolean;
}

/** Budget's formats: the writers' (format.ts), and the report and workbook (budget/report.ts). */
const BUDGET_FORMATS = [...FORMATS, 'xlsx', 'html'] as const;
type BudgetFormat = (typeof BUDGET_FORMATS)[number];

function parseBudgetArgs(args: string[]): BudgetArgs | 'help' {
  const parsed = parseCommandArgs(args, ['region', 'format', 'what-if', 'encoding'], budgetCommand, 'roster file (file.csv or file.json)', ['no-bom', 'explain']);
  if (parsed === 'help') return 'help';
  const { flags, file, asOf, parameters } = parsed;
  const encoding = flags.encoding ?? 'auto';
  const explain = parsed.switches.has('explain');
  if (explain && (flags.format === 'json' || flags.format === 'csv' || flags.format === 'xlsx')) {
    throw new UsageError(`--explain prints each school's steps after the table (or in the HTML report), not in ${flags.format}; drop --explain or use --format table`, budgetCommand);
  }
  if (!(ENCODINGS as readonly string[]).includes(encoding)) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, got ${JSON.stringify(encoding)}`, budgetCommand);
  return {
    file,
    encoding: encoding as Encoding,
    bom: !parsed.switches.has('no-bom'),
    asOf,
    region: flags.region,
    format: chooseFormat(flags.format, BUDGET_FORMATS, budgetCommand),
    parameters,
    whatIf: flags['what-if'],
    sheet: parsed.sheet,
    lang: parsed.lang,
    explain: parsed.switches.has('explain'),
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The what-if run's parameters: the base set with the what-if patch on top, parameter by parameter
 * (a parameter the patch gives replaces the base's value of it whole, wrapper and regions alike).
 */
function layered(base: unknown, over: unknown): unknown {
  if (base === undefined) return over;
  const leaves = new Set(describeParameters().map((d) => d.path));
  const merge = (a: unknown, b: unknown, path: string): unknown => {
    if (leaves.has(path) || !isObject(a) || !isObject(b)) return b;
    const out: Record<string, unknown> = { ...a };
    for (const key of Object.keys(b)) out[key] = Object.hasOwn(a, key) ? merge(a[key], b[key], path === '' ? key : `${path}.${key}`) : b[key];
    return out;
  };
  return merge(base, over, '');
}

const unique = (items: Iterable<string>): string[] => [...new Set(items)];

/** What bears on the footer: whether some school is mainstream, has disabled pupils, has both stages and a floor. */
interface RosterFlags {
  readonly mainstream: boolean;
  readonly disabled: boolean;
  readonly mixedFloor: boolean;
}

/**
 * The parameter values in force that bear on this roster's result (the footer names the unverified
 * and stale ones among them), and every value in force.
 */
function footerValues(options: CalculatorOptions, flags: RosterFlags): { bearing: ParameterListing[]; listing: ParameterListing[] } {
  const bears = (path: string): boolean => {
    if (!path.startsWith('funding.')) return false;
    if (path === 'funding.disabledPupils') return flags.disabled;
    if (path === 'funding.floorMixedStageRate') return flags.mixedFloor;
    if (path.startsWith('funding.benchmark.') || path === 'funding.floors') return flags.mainstream;
    return true;
  };
  const all = listParameters(options);
  const bearing = all.filter((p) => bears(p.path));
  return { bearing, listing: all };
}

/** The flags of a JSON roster, from its school objects. */
function jsonFlags(schools: readonly School[], budget: BudgetRun): RosterFlags {
  return {
    mainstream: schools.some((s) => s.kind !== 'special-education'),
    disabled: schools.some((s) => s.kind !== 'special-education' && (s.disabledPupils ?? 0) > 0),
    mixedFloor: schools.some((s, i) => budget.floors[i] !== 0 && (s.pupils.primary ?? 0) > 0 && (s.pupils.junior ?? 0) > 0),
  };
}

/** The budget of a roster, read and computed: the runs and what the report needs of the roster. */
interface Computed extends RosterFlags {
  readonly baseline: BudgetRun;
  readonly whatIf?: BudgetRun;
  readonly pupils: ArrayLike<number>;
  /** The schools' names, when the roster has a name column. */
  readonly names?: readonly string[];
  /** With `--explain`: the school objects, in roster order, for the library's explanations. */
  readonly schools?: readonly School[];
}

/** The problems of a roster, for the user: the rows' (the first 50, then a count), then the options'. */
function reject(rows: Problems, others: readonly string[]): never {
  const lines = [...rows.lines(), ...others];
  const n = rows.count + others.length;
  throw new InputError(lines, `junheng: cannot compute the budget, ${n.toLocaleString('en')} problem${n === 1 ? '' : 's'}; nothing computed:`);
}

/** Whether the library accepts a school object on its own; else its row issues (at `[0, …]`). */
function rowIssues(school: School): PolicyIssue[] {
  try {
    allocateBudget([school]);
    return [];
  } catch (error) {
    if (error instanceof PolicyInputError) return error.issues.filter((i) => typeof i.path[0] === 'number');
    throw error;
  }
}

const LOCATIONS = new Set(['urban', 'town', 'rural']);
const KINDS = new Set(['', 'school', 'teaching-point', 'special-education']);

/** How a count cell is written, as far as its problems go: absent, a count, text, or a number (whole? negative? too large?). */
function countShape(text: string): string {
  if (text === '') return 'a';
  if (countAt(text, 0, text.length) >= 0) return 'c';
  const v = countCell(text);
  if (typeof v !== 'number') return 's';
  return `${Number.isInteger(v) ? 'i' : 'f'}${v < 0 ? 'n' : ''}${v > COUNT_LIMIT ? 'b' : ''}`;
}

/**
 * The shape of a row as far as its problems go — which fields are wrong and how, and which of the
 * cross-field checks fail — so that rows of one shape have the same number of problems.
 */
function rowShape(cell: (k: number) => string): string {
  const id = cell(0);
  const counts = [3, 4, 5, 6, 7].map((k) => countShape(cell(k)));
  let cross = '';
  if (counts.every((c) => c === 'a' || c === 'c')) {
    const n = (k: number): number => (cell(k) === '' ? 0 : countAt(cell(k), 0, cell(k).length));
    cross = `${n(5) > n(3) ? 1 : 0}${n(6) > n(4) ? 1 : 0}${n(7) > n(3) + n(4) ? 1 : 0}`;
  }
  const location = locationOf(cell(1));
  return `${id === '' ? 'a' : id.length > 200 ? 'l' : 'v'}${location === '' ? 'a' : LOCATIONS.has(location) ? 'v' : 'x'}${KINDS.has(kindOf(cell(2))) ? 'v' : 'x'}${counts.join('')}${cross}`;
}

/** The record of a school object the library accepts (its counts are numbers). */
function recordOfSchool(s: School): SchoolRecord {
  return {
    id: s.id,
    location: s.location as SchoolRecord['location'],
    kind: s.kind ?? 'school',
    primary: s.pupils.primary ?? 0,
    junior: s.pupils.junior ?? 0,
    boardersPrimary: s.boarders?.primary ?? 0,
    boardersJunior: s.boarders?.junior ?? 0,
    disabled: s.disabledPupils ?? 0,
  };
}

/**
 * A CSV roster through the batch path: read as a stream, each row a validated record funded as it
 * arrives; a row the fast check does not take goes through the library, which words its problems.
 */
function csvBudget(
  file: string,
  fd: ByteSource,
  options: CalculatorOptions,
  whatOptions: CalculatorOptions | undefined,
  others: (base: PolicyIssue[], what: PolicyIssue[], rowsFine: boolean) => string[],
  progress: Progress,
  encoding: Encoding,
  keep?: School[],
): Computed {
  const structure = new Problems();
  // The name of each school funded, in the batch's order; kept only when some row names its school.
  const names: string[] = [];
  let named = false;
  const rows = new Problems();
  const batch = new BudgetBatch(options, whatOptions);
  const shapes = new Map<string, number>();
  const size = sizeOf(fd);
  const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
  streamRoster(
    fd,
    {
      record(record, line, name) {
        names.push(name);
        if (name !== '') named = true;
        const first = batch.record(record, line);
        if (first < 0) {
          keep?.push(schoolOfRecord(record));
          return;
        }
        if (rows.full) {
          rows.push('');
          return;
        }
        // The library words a repeated id: the two rows, as a roster of two.
        const a = { id: record.id, location: record.location, pupils: {} } as School;
        const issues = (() => {
          try {
            allocateBudget([a, a]);
            return [];
          } catch (error) {
            if (error instanceof PolicyInputError) return error.issues.filter((i) => i.path[0] === 1);
            throw error;
          }
        })();
        const source = rosterSource(file, [a, a], [first, line]);
        for (const issue of issues) rows.push(describeRowIssue(issue, source));
        if (issues.length === 0) rows.push(`line ${line} (school ${quoted(record.id)}), column id: repeats the id of the school on line ${first}; each school may appear once`);
      },
      other(school, line, cell) {
        // Past the problems shown, a row's problems are only counted: the library counts them once
        // per shape of row (which fields are wrong, and how), not once per row.
        let issues: PolicyIssue[] | undefined;
        let count: number;
        if (rows.full) {
          const shape = rowShape(cell);
          const known = shapes.get(shape);
          if (known === undefined) {
            issues = rowIssues(school);
            count = issues.length;
            shapes.set(shape, count);
          } else count = known;
        } else {
          issues = rowIssues(school);
          count = issues.length;
        }
        if (count === 0) {
          // The library takes the row as it stands (the fast check is stricter than it needs to be).
          const name = cell(COLUMNS.indexOf('name'));
          names.push(name);
          if (name !== '') named = true;
          const first = batch.record(recordOfSchool(school), line);
          if (first < 0) keep?.push(school);
          if (first >= 0) rows.push(`line ${line} (school ${quoted(school.id)}), column id: repeats the id of the school on line ${first}; each school may appear once`);
          return;
        }
        batch.invalid();
        if (rows.full || issues === undefined) {
          rows.more += count;
          return;
        }
        const source = rosterSource(file, [school], [line]);
        for (const issue of issues) {
          // A count written as a number the library would read inexactly: the command's own words, quoting the cell.
          const k = issue.path.length > 1 ? COLUMNS.indexOf(columnOf(issue.path.slice(1)) as Column) : -1;
          const wording = k >= 3 ? countWording(cell(k)) : undefined;
          rows.push(describeRowIssue(wording === undefined ? issue : { ...issue, message: wording }, source));
        }
      },
    },
    structure,
    (bytes) => progress.show(`junheng: reading ${file}: ${mb(bytes)} / ${mb(size)} MB…`, false),
    encoding,
  );
  if (structure.count > 0) throw new InputError(structure.lines(), `junheng: ${file} is not a readable roster CSV:`);
  const outcome = batch.finish();
  const rest = others(outcome.issues, outcome.whatIfIssues, rows.count === 0);
  if (rows.count > 0 || rest.length > 0 || outcome.base === undefined || (whatOptions !== undefined && outcome.whatIf === undefined)) reject(rows, rest);
  return {
    baseline: outcome.base,
    ...(outcome.whatIf === undefined ? {} : { whatIf: outcome.whatIf }),
    pupils: outcome.pupils,
    ...(named ? { names } : {}),
    ...(keep === undefined ? {} : { schools: keep }),
    mainstream: outcome.mainstream,
    disabled: outcome.disabled,
    mixedFloor: outcome.mixedFloor,
  };
}

/** A JSON roster through the library path (`allocateBudget` in chunks): read whole, as JSON must be. */
function jsonBudget(
  file: string,
  fd: ByteSource,
  options: CalculatorOptions,
  whatOptions: CalculatorOptions | undefined,
  others: (base: PolicyIssue[], what: PolicyIssue[], rowsFine: boolean) => string[],
  progress: Progress,
  encoding: Encoding,
): Computed {
  refuseLargeJson(fd, file);
  let text: string;
  try {
    text = decodeText(typeof fd === 'number' ? readFileSync(file) : fd, encoding);
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.problems, `junheng: cannot read ${file}:`);
    throw error;
  }
  const data = parseJson(text, file);
  const schools = data as School[];
  const source = rosterSource(file, Array.isArray(data) ? data : []);
  const count = Array.isArray(data) ? data.length : 0;
  if (count > PROGRESS_ROWS) progress.show('', false);
  const computing = (what: string) => (done: number, total: number) =>
    progress.show(`junheng: computing ${what}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} schools…`, false);
  const base = computeBudget(schools, options, computing('the budget'));
  let what: Computation | undefined;
  const rows = new Problems();
  const optionIssues: PolicyIssue[] = [];
  for (const issue of base.issues) {
    if (typeof issue.path[0] === 'number') rows.push(describeRowIssue(issue, source));
    else optionIssues.push(issue);
  }
  const fine = base.run !== undefined;
  if (whatOptions !== undefined && fine) what = computeBudget(schools, whatOptions, computing('the what-if budget'));
  const rest = others(optionIssues, what?.issues ?? [], rows.count === 0);
  if (rows.count > 0 || rest.length > 0 || base.run === undefined || (whatOptions !== undefined && what?.run === undefined)) reject(rows, rest);
  return {
    baseline: base.run,
    ...(what?.run === undefined ? {} : { whatIf: what.run }),
    pupils: schools.map((s) => (s.pupils.primary ?? 0) + (s.pupils.junior ?? 0)),
    schools,
    ...jsonFlags(schools, base.run),
  };
}

async function runBudget(args: string[], io: Io): Promise<number> {
  const parsed = parseBudgetArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { asOf, region, format, whatIf, encoding, lang } = parsed;
  const stdin = parsed.file === '-';
  const fileOnlyName = stdin ? STDIN_NAME : parsed.file;

  const baseFile: ParameterFile | undefined = parsed.parameters === undefined ? undefined : readParameterFile('--parameters', parsed.parameters);
  const whatFile: ParameterFile | undefined = whatIf === undefined ? undefined : readParameterFile('--what-if', whatIf);

  const options: CalculatorOptions = { asOf };
  if (region !== undefined) options.region = region as Region;
  if (baseFile !== undefined) options.parameters = baseFile.patch as ParameterOverrides;

  const whatOptions: CalculatorOptions | undefined = whatIf === undefined ? undefined : { ...options, parameters: layered(baseFile?.patch, whatFile?.patch) as ParameterOverrides };
  // The what-if file's own problems, reported beside the roster's (the what-if run's are reported
  // only when the baseline is fine). A problem found by both runs is said once.
  const badPatch = parameterFileIssues(whatFile);
  const fileOnly = rosterSource(fileOnlyName, []);
  const others = (base: PolicyIssue[], what: PolicyIssue[], rowsFine: boolean): string[] => [
    ...new Set([
      ...base.map((issue) => describeRowIssue(issue, fileOnly, baseFile?.label)),
      ...[...badPatch, ...(rowsFine && base.length === 0 && badPatch.length === 0 ? what : [])].map((issue) => describeRowIssue(issue, fileOnly, whatFile?.label)),
    ]),
  ];

  const input = await openInput(parsed.file, io, { sheet: parsed.sheet });
  const fd: ByteSource = input.source;
  const file = input.name;
  const rosterEncoding: Encoding = input.kind === 'xlsx' ? 'utf8' : encoding;
  const progress = new Progress(io, sizeOf(fd) > PROGRESS_BYTES);
  let computed: Computed;
  try {
    refuseBinary(fd, file);
    computed =
      input.kind === 'text' && isJsonFile(stdin ? '' : file, fd)
        ? jsonBudget(file, fd, options, whatOptions, others, progress, rosterEncoding)
        : csvBudget(file, fd, options, whatOptions, others, progress, rosterEncoding, parsed.explain ? [] : undefined);
  } catch (error) {
    progress.stop();
    if (error instanceof CsvError) throw new InputError(capped(error.problems).lines(), `junheng: ${file} is not a readable roster CSV:`);
    // A file too large for a string, or for memory: said plainly, never a stack trace.
    if (error instanceof RangeError) throw new InputError([`cannot read ${file}: ${error.message}`]);
    throw error;
  } finally {
    if (typeof fd === 'number') closeSync(fd);
  }
  const { baseline, whatIf: whatIfBudget } = computed;
  const count = baseline.ids.length;
  const found = budgetWarnings(baseline, computed.pupils);

  const report: BudgetReport = {
    baseline,
    ...(whatIfBudget === undefined ? {} : { whatIf: whatIfBudget }),
    pupils: format === 'json' ? [] : computed.pupils,
    ...(computed.names === undefined || format === 'json' ? {} : { names: computed.names }),
    bom: parsed.bom,
    asOf,
    region,
    floorBands: allocateBudget.parameters(options).floors.map((band) => band.id),
    citations: unique([...baseline.citations, ...(whatIfBudget?.citations ?? [])]),
    ...footerValues(options, computed),
    ...(baseFile === undefined ? {} : { parametersLine: localParametersLine(baseFile, options, (path) => path.startsWith('funding.'), lang) as string }),
    ...(whatFile === undefined
      ? {}
      : {
          whatIfFile: whatFile.file,
          ...(whatOptions === undefined ? {} : { whatIfOptions: whatOptions }),
          whatIfPaths: unique(listParameters({ ...options, parameters: whatFile.patch as ParameterOverrides }).filter((p) => p.local === true).map((p) => p.path)),
        }),
    lang,
    options,
    warnings: found.warnings,
    warningCount: found.count,
    ...explanationOf(parsed.explain ? computed.schools : undefined, format, options, lang),
  };
  // What the reader should know, on stderr whatever the format: the schools warned about, and a
  // what-if that changed no school's amount.
  const notes = warningLines(found, lang, baseline.floorBands);
  if (whatIfBudget !== undefined && whatFile !== undefined && sameAmounts(baseline, whatIfBudget)) notes.push(unchangedWhatIf(whatFile, lang));

  if (format === 'html' || format === 'xlsx') {
    progress.stop();
    io.stdout(format === 'html' ? budgetHtml(report, { file }) : await budgetXlsx(report, { file }));
    for (const line of notes) io.stderr(`${line}\n`);
    return EXIT.ok;
  }
  const out = new ChunkWriter((chunk) => io.stdout(chunk));
  writeReport(format, report, out, (done, total) => progress.show(`junheng: writing ${done.toLocaleString('en')} / ${total.toLocaleString('en')} schools…`, false));
  progress.stop();
  if (format === 'csv' && io.stderrIsTTY) {
    const difference = whatIfBudget === undefined ? '' : `; what-if total ${bigFenText(whatIfBudget.totalFen)} (difference ${bigFenText(whatIfBudget.totalFen - baseline.totalFen)})`;
    io.stderr(`junheng: total ${bigFenText(baseline.totalFen)} yuan for ${count} schools${difference}\n`);
  }
  for (const line of notes) io.stderr(`${line}\n`);
  return EXIT.ok;
}

/**
 * With `--explain`: for the table, every school's steps, explained a chunk at a time as the table's
 * end is written; for the HTML report, those of the schools it shows (its first {@link SCHOOL_ROWS}).
 */
function explanationOf(schools: readonly School[] | undefined, format: BudgetFormat, options: CalculatorOptions, lang: Lang): Pick<BudgetReport, 'explanation' | 'explanationStream'> {
  if (schools === undefined) return {};
  if (format === 'table') return { explanationStream: explanationStream(schools, options, lang) };
  return { explanation: explanationLines(explainSchools(schools.slice(0, SCHOOL_ROWS), options, lang), lang) };
}

/** Whether two runs give every school the same amount. */
function sameAmounts(a: BudgetRun, b: BudgetRun): boolean {
  const n = a.amountFen.length;
  for (let i = 0; i < n; i++) if (a.amountFen[i] !== b.amountFen[i]) return false;
  return true;
}

/**
 * The warning for a what-if patch that changed no school's amount (exit 0: the comparison is still
 * printed, every difference 0): its values may equal those in force, or bear on no school of the roster.
 */
function unchangedWhatIf(file: ParameterFile, lang: Lang): string {
  return say(
    lang,
    `junheng：提示：${file.label} 没有改变任何学校的公用经费（各校差额均为 0）：其取值可能与现行取值相同，或只涉及本名单中没有的学校（例如某保底档覆盖不到任何学校）；请核对该文件`,
    `junheng: warning: ${file.label} changes no school's amount (every difference is 0): its values may equal those in force, or bear on no school of this roster (a floor band that covers none of them, say); check the file`,
  );
}

/** Problems of a file's structure, capped like every list of problems. */
function capped(problems: readonly string[]): Problems {
  const list = new Problems();
  for (const p of problems) list.push(p);
  return list;
}

/** The `budget` subcommand. */
export const budgetCommand: Command = {
  name: 'budget',
  summary: 'public funding (5.1) for every school of a roster, with an exact total',
  help: HELP,
  run: runBudget,
};
