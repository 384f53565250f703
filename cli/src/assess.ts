/**
 * `junheng assess <county.json | -> [--as-of YYYY-MM-DD] [--region …] [--format
 * table|json|markdown|csv|xlsx|html] [--gap all|comply] [--lang zh|en] [--parameters set.json]` —
 * the 优质均衡 county assessment (opinion 1.1, 6.3; 教督〔2017〕6号) of a county, or of every county
 * of a province (a JSON array of counties), in the reader's language. The outputs are written by
 * the modules in assess/: text.ts (table, Markdown), data.ts (CSV, .xlsx), html.ts (the report with
 * charts); the JSON output is this file's and does not change with the language.
 */
import { extname } from 'node:path';
import {
  assessCounty,
  balanceGap,
  formatPath,
  listParameters,
  PolicyInputError,
  type BalanceGapResult,
  type CalculatorOptions,
  type County,
  type CountyAssessment,
  type GapTarget,
  type ParameterOverrides,
  type PolicyIssue,
  type Region,
} from 'junheng';
import { chooseFormat, PARAMETERS_HELP, parseCommandArgs } from './args.js';
import { csvHeaders, csvReport, xlsxReport } from './assess/data.js';
import { footerLines } from './assess/footer.js';
import { htmlReport } from './assess/html.js';
import type { Assessed, AssessRun } from './assess/model.js';
import { markdownReport, textReport } from './assess/text.js';
import { EXIT, InputError, UsageError, type Command, type Io } from './command.js';
import { chooseEncoding, readInputText } from './input.js';
import { describeParameterIssue, parseJson, readParameterFile } from './read.js';

const FORMATS = ['table', 'json', 'markdown', 'csv', 'xlsx', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** The CSV's columns in both languages, wrapped for the help text. */
function csvColumns(): string {
  const zh = csvHeaders('zh');
  const pairs = csvHeaders('en').map((en, i) => `${en} ${zh[i] ?? ''}`);
  const lines: string[] = [];
  let line = '';
  for (const pair of pairs) {
    const next = line === '' ? pair : `${line}, ${pair}`;
    if (next.length > 74 && line !== '') {
      lines.push(`${line},`);
      line = pair;
    } else line = next;
  }
  return [...lines, line].map((l) => `  ${l}`).join('\n');
}

const HELP = `Usage: junheng assess <county.json | -> [options]

The 优质均衡 county assessment (教督〔2017〕6号; opinion 1.1, 6.3) an inspector makes from data:
resource allocation (each school's seven indicators, each indicator's county value and
pupil-weighted difference coefficient), the government-guarantee items (G1–G15), education quality
(Q1–Q9), public recognition (the survey's satisfied share), the one-vote vetoes, and a verdict.

Arguments:
  county.json   a county { id?, name?, schools: [...], guarantees?: {...}, vetoes?: {...},
                quality?: {...}, recognition?: { groups: [...] } },
                or an array of counties (a whole province). One school row per school and stage:
                { id, stage: primary|junior, kind?: school|teaching-point, pupils,
                  qualifiedTeachers, backboneTeachers, peArtTeachers, teachingAuxiliaryArea,
                  sportsArea, equipmentValue, multimediaClassrooms }
                See examples/county.json. '-' reads it from standard input. UTF-8 (with or
                without BOM) or GBK / GB18030 (detected, or --encoding).
                The county file is JSON only: a county is nested data (schools, guarantees,
                quality, recognition, vetoes), which a CSV or .xlsx sheet cannot hold, so a
                CSV or .xlsx input is refused (exit 1).

Options:
  --as-of YYYY-MM-DD              the day whose standards apply (default: today)
  --region east|central|west      only if a guarantee item needs a regional value
  --format FORMAT                 output format (default: table):
                                    table     aligned text for the terminal
                                    json      every result exact (keys in English, whatever --lang)
                                    markdown  a report with one section per dimension
                                    csv       one row per school and indicator (value, threshold,
                                              met, share of the threshold when missed, the school's
                                              result), then one row per stage and indicator for
                                              the county (county value, coefficient, limit, schools
                                              meeting); headers in --lang; UTF-8 with BOM
                                    xlsx      a workbook: verdict, schools × indicators,
                                              coefficients, guarantees, quality, vetoes (and with
                                              --gap, what it would take and the coefficients after)
                                    html      a self-contained report to print or mail: each
                                              indicator per school against its threshold, each
                                              coefficient against its limit, what it would take
                                              (--gap comply unless --gap says otherwise), the
                                              item tables and the footer; a province of more
                                              than 10 counties gets a verdict table and each
                                              county without its per-school charts
  --gap all|comply                also say what it would take: the smallest additions per school
                                  (all: every indicator met; comply: just enough to comply)
  --no-bom                        CSV without the byte-order mark (Excel needs it to read UTF-8)
  --lang zh|en                    the language of headings, labels and footers (default: zh
                                  when the locale (LC_ALL, LC_MESSAGES, LANG) is Chinese, else
                                  en); JSON keys stay English
  --encoding auto|utf8|gbk|gb18030 the county file's encoding (default auto: UTF-8, else GB18030)
  --parameters set.json           base parameters: a JSON local parameter set (below)
  -h, --help                      show this help

CSV columns (--lang en / --lang zh):
${csvColumns()}.
School rows hold value … school_result; coefficient rows (row = coefficient / 县域差异系数) hold
the county's pupil-weighted value in value, then coefficient … schools_meeting.

Display: the table, Markdown and HTML formats round for reading (indicator values to 2 decimals,
equipment to the yuan, coefficients to 4, ratios in reasons to 3, shares of a threshold cut to
0.1 %); CSV, .xlsx and JSON keep every value as computed.

${PARAMETERS_HELP}

Exit status: 0 success (whatever the verdict), 1 bad input or data (every problem on stderr,
nothing on stdout), 2 usage error.

Examples:
  junheng assess examples/county.json --as-of 2025-09-01 --lang zh
  junheng assess examples/county.json --as-of 2025-09-01 --format markdown --gap comply
  junheng assess examples/county.json --as-of 2025-09-01 --format html --lang zh > report.html
`;

interface AssessArgs {
  file: string;
  asOf: string;
  region: string | undefined;
  format: Format;
  gap: GapTarget | undefined;
  parameters: string | undefined;
  lang: AssessRun['lang'];
  encoding: string | undefined;
  bom: boolean;
}

function parseAssessArgs(args: string[]): AssessArgs | 'help' {
  const parsed = parseCommandArgs(args, ['region', 'format', 'gap'], assessCommand, 'county file (county.json)', ['no-bom']);
  if (parsed === 'help') return 'help';
  const { flags, file, asOf } = parsed;
  const format = chooseFormat(flags.format, FORMATS, assessCommand);
  const gap = flags.gap;
  if (gap !== undefined && gap !== 'all' && gap !== 'comply') throw new UsageError(`--gap must be all or comply, got ${JSON.stringify(gap)}`, assessCommand);
  if (parsed.sheet !== undefined) throw new UsageError(`--sheet is for an .xlsx input, and the county file is JSON (see ${EXAMPLE})`, assessCommand);
  return { file, asOf, region: flags.region, format, gap, parameters: parsed.parameters, lang: parsed.lang, encoding: parsed.encoding, bom: !parsed.switches.has('no-bom') };
}

const EXAMPLE = 'examples/county.json';

/** The refusal of a county file that is not JSON: what it is, why, and where the shape is shown. */
function notJson(name: string, what: string): InputError {
  return new InputError([
    `${name} is ${what}, but the county file is JSON: a county is nested data (schools, guarantees, quality, recognition, vetoes) that a CSV or .xlsx sheet cannot hold. Write it as JSON; ${EXAMPLE} shows its shape.`,
  ]);
}

/**
 * The county file's JSON: a path or `-`, decoded (UTF-8 or GBK / GB18030). A file named .csv,
 * .xlsx or .xls, a workbook on standard input, or text that does not begin as JSON does (`{` or
 * `[`) is refused with what to do, before any JSON error.
 */
async function readCounties(file: string, io: Io, encoding: string | undefined): Promise<{ name: string; data: unknown }> {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') throw notJson(file, 'a CSV file');
  if (ext === '.xlsx' || ext === '.xls') throw notJson(file, 'an Excel workbook');
  const input = await readInputText(file, io, { encoding: chooseEncoding(encoding, assessCommand) });
  if (input.kind === 'xlsx') throw notJson(input.name, 'an Excel workbook');
  if (!/^\s*[[{]/.test(input.text)) {
    const first = input.text.split(/\r?\n/, 1)[0] ?? '';
    throw notJson(input.name, first.includes(',') || first.includes('\t') ? 'not JSON (it looks like a CSV table)' : 'not JSON (it does not begin with { or [)');
  }
  return { name: input.name, data: parseJson(input.text, input.name) };
}

const idOf = (row: unknown): string | undefined => {
  if (typeof row !== 'object' || row === null) return undefined;
  const id = (row as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/**
 * `schools[3].pupils (school "S04"): …`, `counties[2].schools[3].pupils (county "C", school "S04"): …`,
 * `--parameters set.json: balance.…: …` (`parameters` names the flag and file).
 */
function describe(issue: PolicyIssue, county: unknown, countyIndex: number | undefined, parameters?: string): string {
  const [head] = issue.path;
  if (head === 'parameters') return describeParameterIssue(issue, parameters);
  if (head === 'asOf') return `--as-of: ${issue.message}`;
  if (head === 'region') return `--region: ${issue.message}`;
  const who: string[] = [];
  if (countyIndex !== undefined) {
    const id = idOf(county);
    if (id !== undefined) who.push(`county ${JSON.stringify(id)}`);
  }
  if (issue.path[0] === 'schools' && typeof issue.path[1] === 'number') {
    const schools = (county as { schools?: unknown }).schools;
    const id = Array.isArray(schools) ? idOf(schools[issue.path[1]]) : undefined;
    if (id !== undefined) who.push(`school ${JSON.stringify(id)}`);
  }
  const path = countyIndex === undefined ? issue.path : ['counties', countyIndex, ...issue.path];
  const where = path.length === 0 ? '(county)' : formatPath(path);
  return `${where}${who.length === 0 ? '' : ` (${who.join(', ')})`}: ${issue.message}`;
}

function plain(a: CountyAssessment, g: BalanceGapResult | undefined, asOf: string): unknown {
  return {
    ...(a.id === undefined ? {} : { id: a.id }),
    ...(a.name === undefined ? {} : { name: a.name }),
    asOf,
    verdict: a.verdict,
    compliant: a.compliant,
    resources: { compliant: a.resources.compliant, stages: a.resources.stages },
    guarantees: { compliant: a.guarantees.compliant, items: a.guarantees.items },
    quality: a.quality,
    recognition: a.recognition,
    vetoes: { triggered: a.vetoes.triggered, items: a.vetoes.items },
    ...(g === undefined
      ? {}
      : { gap: { target: g.target, schools: g.schools, totals: g.totals, after: { compliant: g.after.compliant, stages: g.after.stages } } }),
    citations: a.citations,
  };
}

async function runAssess(args: string[], io: Io): Promise<number> {
  const parsed = parseAssessArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { file, asOf, region, format, lang } = parsed;
  // The report shows what it would take: just enough to comply unless --gap says otherwise.
  const gap = parsed.gap ?? (format === 'html' ? 'comply' : undefined);
  const base = parsed.parameters === undefined ? undefined : readParameterFile('--parameters', parsed.parameters);
  const { name, data } = await readCounties(file, io, parsed.encoding);
  const many = Array.isArray(data);
  const counties: unknown[] = many ? data : [data];
  const options: CalculatorOptions & { asOf: string } = { asOf };
  if (region !== undefined) options.region = region as Region;
  if (base !== undefined) options.parameters = base.patch as ParameterOverrides;

  const problems: string[] = [];
  const results: Assessed[] = [];
  const seen = new Set<string>();
  counties.forEach((county, i) => {
    try {
      const a = assessCounty(county as County, options);
      const g = gap === undefined ? undefined : balanceGap(county as County, { ...options, target: gap });
      results.push({ a, g, index: i });
    } catch (error) {
      if (!(error instanceof PolicyInputError)) throw error;
      for (const issue of error.issues) {
        const text = describe(issue, county, many ? i : undefined, base?.label);
        if (!seen.has(text)) {
          seen.add(text);
          problems.push(text);
        }
      }
    }
  });
  if (problems.length > 0) {
    throw new InputError(problems, `junheng: cannot assess ${name}, ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing assessed:`);
  }
  if (format === 'json') {
    const body = results.map(({ a, g }) => plain(a, g, asOf));
    io.stdout(`${JSON.stringify(many ? body : body[0], null, 2)}\n`);
    return EXIT.ok;
  }
  const listing = listParameters(options);
  const valueOf = (path: string, fallback: number): number => {
    const v = listing.find((p) => p.path === path)?.value;
    return typeof v === 'number' ? v : fallback;
  };
  const citations = [...new Set(results.flatMap(({ a }) => a.citations))];
  const run: AssessRun = {
    results,
    many,
    asOf,
    region,
    lang,
    input: name,
    nearMissShare: valueOf('balance.school.nearMissShare', Number.NaN),
    minimumMet: valueOf('balance.school.minimumMet', Number.NaN),
    footer: footerLines(citations, options, gap !== undefined, base, lang),
  };
  if (format === 'markdown') io.stdout(markdownReport(run));
  else if (format === 'csv') io.stdout(csvReport(run, parsed.bom));
  else if (format === 'xlsx') io.stdout(await xlsxReport(run));
  else if (format === 'html') io.stdout(htmlReport(run));
  else io.stdout(textReport(run));
  return EXIT.ok;
}

/** The `assess` subcommand. */
export const assessCommand: Command = {
  name: 'assess',
  summary: 'the 优质均衡 county assessment (1.1, 6.3): indicators, coefficients, guarantees, quality, recognition, vetoes, verdict; table, Markdown, CSV, .xlsx or an HTML report with charts',
  help: HELP,
  run: runAssess,
};
