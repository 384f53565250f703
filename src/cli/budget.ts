/**
 * `junheng budget <file.csv|file.json> [--as-of YYYY-MM-DD] [--region east|central|west]
 * [--format table|json|csv] [--parameters set.json] [--what-if patch.json]` — public funding
 * (opinion 5.1) for a roster.
 */
import { allocateBudget, describeParameters, listParameters, type CalculatorOptions, type ParameterOverrides, type Region, type School } from 'junheng';
import { computeBudget, type BudgetRun, type Computation } from './compute.js';
import { chooseFormat, PARAMETERS_HELP, parseCommandArgs } from './args.js';
import { EXIT, InputError, type Command, type Io } from './command.js';
import { ChunkWriter, FORMATS, writeReport, type BudgetReport, type Format } from './format.js';
import { describeRowIssue, localParametersLine, parameterFileIssues, readParameterFile, type ParameterFile } from './read.js';
import { readSchools } from './roster.js';
import { staleLines, unverifiedPaths } from './stale.js';
import { Progress } from './progress.js';

/** Rosters larger than this show a progress line on a terminal. */
const PROGRESS_ROWS = 50_000;

const HELP = `Usage: junheng budget <file.csv|file.json> [options]

Public funding (公用经费, opinion 5.1) for every school of a roster, exact to the fen.

Arguments:
  file.csv    header id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled
              (any order; id and location required; empty cells mean 0 or the default)
  file.json   an array of school objects { id, location, kind?, pupils: { primary?, junior? },
              boarders?: { primary?, junior? }, disabledPupils? }

Options:
  --as-of YYYY-MM-DD               the day whose rates apply (default: today)
  --region east|central|west       东部 / 中部 / 西部; needed while the benchmarks differ by region
  --format table|json|csv          output format (default: table)
  --parameters set.json            base parameters: a JSON local parameter set (below)
  --what-if patch.json             also compute with this patch on top of the base parameters,
                                   and the differences (same format; a parameter it gives
                                   replaces the base's value of that parameter whole)
  -h, --help                       show this help

${PARAMETERS_HELP}

Exit status: 0 success, 1 bad input or data (every problem on stderr, nothing on stdout),
2 usage error.

Examples:
  junheng budget examples/district.csv --as-of 2025-09-01 --region central
  junheng budget examples/district.csv --as-of 2025-09-01 --parameters examples/parameters/fujian-2020.json
`;

interface BudgetArgs {
  file: string;
  asOf: string;
  region: string | undefined;
  format: Format;
  parameters: string | undefined;
  whatIf: string | undefined;
}

function parseBudgetArgs(args: string[]): BudgetArgs | 'help' {
  const parsed = parseCommandArgs(args, ['region', 'format', 'what-if'], budgetCommand, 'roster file (file.csv or file.json)');
  if (parsed === 'help') return 'help';
  const { flags, file, asOf, parameters } = parsed;
  return { file, asOf, region: flags.region, format: chooseFormat(flags.format, FORMATS, budgetCommand), parameters, whatIf: flags['what-if'] };
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

/**
 * The parameter values in force that bear on this roster's result: the unverified ones (junheng's
 * own readings, not a user's value, and the opinion's effective date when the opinion's floor
 * bears), and the footer lines for the stale ones.
 */
function footerValues(options: CalculatorOptions, schools: readonly School[], budget: BudgetRun): { unverified: string[]; stale: string[] } {
  const mainstream = schools.some((s) => s.kind !== 'special-education');
  const disabled = schools.some((s) => s.kind !== 'special-education' && (s.disabledPupils ?? 0) > 0);
  const mixedFloor = budget.floors.some((floor, i) => floor !== null && (schools[i]?.pupils.primary ?? 0) > 0 && (schools[i]?.pupils.junior ?? 0) > 0);
  const bears = (path: string): boolean => {
    if (!path.startsWith('funding.')) return false;
    if (path === 'funding.disabledPupils') return disabled;
    if (path === 'funding.floorMixedStageRate') return mixedFloor;
    if (path.startsWith('funding.benchmark.') || path === 'funding.floors') return mainstream;
    return true;
  };
  const all = listParameters(options);
  const bearing = all.filter((p) => bears(p.path));
  return { unverified: unique(unverifiedPaths(bearing, all)), stale: staleLines(bearing, String(options.asOf)) };
}

function runBudget(args: string[], io: Io): number {
  const parsed = parseBudgetArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { file, asOf, region, format, whatIf } = parsed;

  const baseFile: ParameterFile | undefined = parsed.parameters === undefined ? undefined : readParameterFile('--parameters', parsed.parameters);
  const whatFile: ParameterFile | undefined = whatIf === undefined ? undefined : readParameterFile('--what-if', whatIf);

  const { schools, source } = readSchools(file);
  const count = Array.isArray(schools) ? schools.length : 0;
  const progress = new Progress(io, count > PROGRESS_ROWS);

  const options: CalculatorOptions = { asOf };
  if (region !== undefined) options.region = region as Region;
  if (baseFile !== undefined) options.parameters = baseFile.patch as ParameterOverrides;

  const whatOptions: CalculatorOptions = { ...options, parameters: layered(baseFile?.patch, whatFile?.patch) as ParameterOverrides };
  // The what-if file's own problems, reported beside the roster's (the what-if run is skipped when the baseline fails).
  const badPatch = parameterFileIssues(whatFile);

  const computing = (what: string) => (done: number, total: number) =>
    progress.show(`junheng: computing ${what}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} schools…`, false);
  const base = computeBudget(schools, options, computing('the budget'));
  let what: Computation | undefined;
  if (whatIf !== undefined && base.run !== undefined && badPatch.length === 0) {
    what = computeBudget(schools, whatOptions, computing('the what-if budget'));
  }
  // The what-if run finds the roster's problems again: each is said once.
  const problems = [
    ...new Set([
      ...base.issues.map((issue) => describeRowIssue(issue, source, baseFile?.label)),
      ...[...badPatch, ...(what?.issues ?? [])].map((issue) => describeRowIssue(issue, source, whatFile?.label)),
    ]),
  ];
  if (problems.length > 0 || base.run === undefined || (whatIf !== undefined && what?.run === undefined)) {
    progress.stop();
    throw new InputError(problems, `junheng: cannot compute the budget, ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing computed:`);
  }
  const baseline = base.run;
  const whatIfBudget = what?.run;

  const pupils: number[] = format === 'table' ? schools.map((s) => (s.pupils.primary ?? 0) + (s.pupils.junior ?? 0)) : [];
  const report: BudgetReport = {
    baseline,
    ...(whatIfBudget === undefined ? {} : { whatIf: whatIfBudget }),
    pupils,
    asOf,
    region,
    floorBands: allocateBudget.parameters(options).floors.map((band) => band.id),
    citations: unique([...baseline.citations, ...(whatIfBudget?.citations ?? [])]),
    ...footerValues(options, schools, baseline),
    ...(baseFile === undefined ? {} : { parametersLine: localParametersLine(baseFile, options, (path) => path.startsWith('funding.')) as string }),
    ...(whatFile === undefined
      ? {}
      : {
          whatIfFile: whatFile.file,
          whatIfPaths: unique(listParameters({ ...options, parameters: whatFile.patch as ParameterOverrides }).filter((p) => p.local === true).map((p) => p.path)),
        }),
  };

  const out = new ChunkWriter((chunk) => io.stdout(chunk));
  writeReport(format, report, out, (done, total) => progress.show(`junheng: writing ${done.toLocaleString('en')} / ${total.toLocaleString('en')} schools…`, false));
  progress.stop();
  if (format === 'csv' && io.stderrIsTTY) {
    const difference = whatIfBudget === undefined ? '' : `; what-if total ${whatIfBudget.total.toString()} (difference ${whatIfBudget.total.minus(baseline.total).toString()})`;
    io.stderr(`junheng: total ${baseline.total.toString()} yuan for ${count} schools${difference}\n`);
  }
  return EXIT.ok;
}

/** The `budget` subcommand. */
export const budgetCommand: Command = {
  name: 'budget',
  summary: 'public funding (5.1) for every school of a roster, with an exact total',
  help: HELP,
  run: runBudget,
};
