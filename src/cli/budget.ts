/**
 * `junheng budget <file.csv|file.json> [--as-of YYYY-MM-DD] [--region east|central|west]
 * [--format table|json|csv] [--what-if patch.json]` — public funding (opinion 5.1) for a roster.
 */
import {
  allocateBudget,
  listParameters,
  PolicyInputError,
  type CalculatorOptions,
  type ParameterOverrides,
  type PolicyIssue,
  type Region,
  type School,
} from 'junheng';
import { computeBudget, type BudgetRun, type Computation } from './compute.js';
import { chooseFormat, parseCommandArgs } from './args.js';
import { EXIT, InputError, type Command, type Io } from './command.js';
import { ChunkWriter, FORMATS, writeReport, type BudgetReport, type Format } from './format.js';
import { describeRowIssue, parseJson, readText } from './read.js';
import { readSchools } from './roster.js';
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
  --what-if patch.json             also compute with this parameters patch, and the differences
  -h, --help                       show this help

Exit status: 0 success, 1 bad input or data (every problem on stderr, nothing on stdout),
2 usage error.

Example:
  junheng budget examples/district.csv --as-of 2025-09-01 --region central
`;

interface BudgetArgs {
  file: string;
  asOf: string;
  region: string | undefined;
  format: Format;
  whatIf: string | undefined;
}

function parseBudgetArgs(args: string[]): BudgetArgs | 'help' {
  const parsed = parseCommandArgs(args, ['region', 'format', 'what-if'], budgetCommand, 'roster file (file.csv or file.json)');
  if (parsed === 'help') return 'help';
  const { flags, file, asOf } = parsed;
  return { file, asOf, region: flags.region, format: chooseFormat(flags.format, FORMATS, budgetCommand), whatIf: flags['what-if'] };
}

/** The issues of a `--what-if` patch on its own, so they are reported beside the roster's problems (the what-if run is skipped when the baseline fails). */
function patchIssues(patch: unknown): PolicyIssue[] {
  try {
    allocateBudget([], { parameters: patch as ParameterOverrides });
    return [];
  } catch (error) {
    if (error instanceof PolicyInputError) return error.issues.filter((i) => i.path[0] === 'parameters');
    throw error;
  }
}

const unique = (items: Iterable<string>): string[] => [...new Set(items)];

/**
 * Paths of unverified parameter values in force (junheng's own readings, not a user's patch) that
 * bear on this roster's result.
 */
function unverifiedInForce(options: CalculatorOptions, schools: readonly School[], budget: BudgetRun): string[] {
  const mainstream = schools.some((s) => s.kind !== 'special-education');
  const disabled = schools.some((s) => s.kind !== 'special-education' && (s.disabledPupils ?? 0) > 0);
  const mixedFloor = budget.floors.some((floor, i) => floor !== null && (schools[i]?.pupils.primary ?? 0) > 0 && (schools[i]?.pupils.junior ?? 0) > 0);
  const bears = (path: string): boolean => {
    if (!path.startsWith('funding.')) return false;
    if (path === 'funding.disabledPupils') return disabled;
    if (path === 'funding.floors.mixedStageRate') return mixedFloor;
    if (path.startsWith('funding.benchmark.') || path.startsWith('funding.floors.')) return mainstream;
    return true;
  };
  return unique(
    listParameters({ ...options, parameters: {} })
      .filter((p) => p.confidence === 'unverified' && p.source !== 'override' && bears(p.path))
      .map((p) => p.path),
  );
}

function runBudget(args: string[], io: Io): number {
  const parsed = parseBudgetArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { file, asOf, region, format, whatIf } = parsed;

  let patch: unknown;
  if (whatIf !== undefined) patch = parseJson(readText(whatIf, `--what-if ${whatIf}`), `--what-if ${whatIf}`);

  const { schools, source } = readSchools(file);
  const count = Array.isArray(schools) ? schools.length : 0;
  const progress = new Progress(io, count > PROGRESS_ROWS);

  const options: CalculatorOptions = { asOf };
  if (region !== undefined) options.region = region as Region;

  const whatOptions: CalculatorOptions = { ...options, parameters: patch as ParameterOverrides };
  const badPatch = whatIf === undefined ? [] : patchIssues(patch);

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
      ...base.issues.map((issue) => describeRowIssue(issue, source)),
      ...[...badPatch, ...(what?.issues ?? [])].map((issue) => describeRowIssue(issue, source, whatIf)),
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
    citations: unique([...baseline.citations, ...(whatIfBudget?.citations ?? [])]),
    unverified: unverifiedInForce(options, schools, baseline),
    ...(whatIf === undefined
      ? {}
      : {
          whatIfFile: whatIf,
          whatIfPaths: unique(listParameters(whatOptions).filter((p) => p.source === 'override').map((p) => p.path)),
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
