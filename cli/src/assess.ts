/**
 * `junheng assess <county.json> [--as-of YYYY-MM-DD] [--region …] [--format table|json|markdown]
 * [--gap all|comply] [--parameters set.json]` — the 优质均衡 county assessment (opinion 1.1, 6.3; 教督〔2017〕6号) of a county,
 * or of every county of a province (a JSON array of counties).
 */
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
  type StageAssessment,
} from 'junheng';
import { staleLines, unverifiedPaths } from './stale.js';
import { chooseFormat, PARAMETERS_HELP, parseCommandArgs } from './args.js';
import { EXIT, InputError, UsageError, type Command, type Io } from './command.js';
import { displayWidth } from './format.js';
import { describeParameterIssue, localParametersLine, parseJson, readParameterFile, readText } from './read.js';

const FORMATS = ['table', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: junheng assess <county.json> [options]

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

Options:
  --as-of YYYY-MM-DD              the day whose standards apply (default: today)
  --region east|central|west      only if a guarantee item needs a regional value
  --format table|json|markdown    output format (default: table); markdown is a report with one
                                  section per dimension
  --gap all|comply                also say what it would take: the smallest additions per school
                                  (all: every indicator met; comply: just enough to comply)
  --parameters set.json           base parameters: a JSON local parameter set (below)
  -h, --help                      show this help

${PARAMETERS_HELP}

Exit status: 0 success (whatever the verdict), 1 bad input or data (every problem on stderr,
nothing on stdout), 2 usage error.

Example:
  junheng assess examples/county.json --as-of 2025-09-01 --format markdown
`;

interface AssessArgs {
  file: string;
  asOf: string;
  region: string | undefined;
  format: Format;
  gap: GapTarget | undefined;
  parameters: string | undefined;
}

function parseAssessArgs(args: string[]): AssessArgs | 'help' {
  const parsed = parseCommandArgs(args, ['region', 'format', 'gap'], assessCommand, 'county file (county.json)');
  if (parsed === 'help') return 'help';
  const { flags, file, asOf } = parsed;
  const format = chooseFormat(flags.format, FORMATS, assessCommand);
  const gap = flags.gap;
  if (gap !== undefined && gap !== 'all' && gap !== 'comply') throw new UsageError(`--gap must be all or comply, got ${JSON.stringify(gap)}`, assessCommand);
  return { file, asOf, region: flags.region, format, gap, parameters: parsed.parameters };
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

// ---------------------------------------------------------------- formatting

const num = (x: number, digits: number): string => {
  const s = x.toFixed(digits);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
};
const valueText = (id: string, x: number): string => num(x, id === 'L6' ? 0 : 2);

function table(rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) => row.map((cell, i) => {
      const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell)));
      return right.has(i) ? fill + cell : cell + fill;
    }).join('  ').trimEnd())
    .join('\n');
}

const STAGE_NAME = { primary: 'Primary (小学)', junior: 'Junior (初中)' } as const;
const IDS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'] as const;
const INDICATOR_LABEL: Record<(typeof IDS)[number], string> = {
  L1: 'qualified teachers /100 pupils',
  L2: 'backbone teachers /100 pupils',
  L3: 'PE & arts teachers /100 pupils',
  L4: 'teaching & auxiliary m²/pupil',
  L5: 'sports area m²/pupil',
  L6: 'equipment yuan/pupil',
  L7: 'multimedia rooms /100 pupils',
};

function indicatorRows(s: StageAssessment): string[][] {
  return [
    ['id', 'indicator', 'threshold', 'county value', 'coefficient', 'limit', 'schools meeting', 'result'],
    ...s.indicators.map((i) => [i.id, INDICATOR_LABEL[i.id], String(i.threshold), valueText(i.id, i.countyValue), num(i.coefficient, 4), String(i.coefficientLimit), String(i.schoolsMeeting), i.passes ? 'within' : 'ABOVE LIMIT']),
  ];
}

function schoolRows(s: StageAssessment): string[][] {
  return [
    ['school', ...IDS, 'met', 'result', 'missed'],
    ...s.schools.map((x) => [
      x.id,
      ...IDS.map((id) => valueText(id, x.values[id])),
      `${x.metCount}/7`,
      x.excluded ? 'excluded' : x.compliant ? 'complies' : 'FAILS',
      x.missed.map((m) => `${m.id} ${Math.floor(m.shareOfThreshold * 1000) / 10}%${m.nearMiss ? '' : ' (<near-miss)'}`).join(', '),
    ]),
  ];
}

const RIGHT_INDICATORS = new Set([2, 3, 4, 5, 6]);
const RIGHT_SCHOOLS = new Set([1, 2, 3, 4, 5, 6, 7, 8]);

function verdictText(a: CountyAssessment): string {
  return a.verdict === 'meets' ? 'MEETS (all four dimensions, no veto)' : a.verdict === 'fails' ? 'FAILS' : 'NEEDS EVIDENCE (nothing decided fails)';
}

const STATUS_WORD = { passes: 'all pass', fails: 'some fail', 'needs-evidence': 'some need evidence' } as const;

function qualityRows(a: CountyAssessment, withTitle: boolean): string[][] {
  return [
    withTitle ? ['item', 'requirement', 'status', 'reason'] : ['item', 'status', 'reason'],
    ...a.quality.items.map((i) => (withTitle ? [i.id, i.title.en, i.status, i.reason.en] : [i.id, i.status, i.reason.en])),
  ];
}

const shareText = (a: CountyAssessment): string => (a.recognition.share === undefined ? '' : ` (${(Math.floor(a.recognition.share * 10_000) / 100).toFixed(2)} %)`);

function gapRows(g: BalanceGapResult): string[][] {
  return [
    ['school', 'stage', 'qualified', 'backbone', 'PE/arts', 'teaching m²', 'sports m²', 'equipment yuan', 'classrooms'],
    ...g.schools.map((s) => [s.id, s.stage, String(s.additions.qualifiedTeachers), String(s.additions.backboneTeachers), String(s.additions.peArtTeachers), String(s.additions.teachingAuxiliaryArea), String(s.additions.sportsArea), s.additions.equipmentValue.toString(), String(s.additions.multimediaClassrooms)]),
    ['total', '', String(g.totals.qualifiedTeachers), String(g.totals.backboneTeachers), String(g.totals.peArtTeachers), String(g.totals.teachingAuxiliaryArea), String(g.totals.sportsArea), g.totals.equipmentValue.toString(), String(g.totals.multimediaClassrooms)],
  ];
}

function coefficientsAfter(g: BalanceGapResult): string[][] {
  const rows: string[][] = [['stage', ...IDS, 'complies']];
  for (const stage of ['primary', 'junior'] as const) {
    const s = g.after.stages[stage];
    if (s !== undefined) rows.push([stage, ...s.indicators.map((i) => num(i.coefficient, 4)), s.compliant ? 'yes' : 'no']);
  }
  return rows;
}

const RIGHT_GAP = new Set([2, 3, 4, 5, 6, 7, 8]);

function title(a: CountyAssessment, index: number | undefined): string {
  const name = [a.name, a.id === undefined ? undefined : `(${a.id})`].filter((x) => x !== undefined).join(' ');
  return name === '' ? (index === undefined ? 'County' : `County ${index + 1}`) : name;
}

function textReport(a: CountyAssessment, g: BalanceGapResult | undefined, index: number | undefined, asOf: string): string {
  const out: string[] = [];
  out.push(`${title(a, index)} — 优质均衡 assessment as of ${asOf}`, `Verdict: ${verdictText(a)}`, '');
  out.push(`Resource allocation: ${a.resources.compliant ? 'complies' : 'does not comply'}`);
  for (const stage of ['primary', 'junior'] as const) {
    const s = a.resources.stages[stage];
    if (s === undefined) continue;
    out.push('', `${STAGE_NAME[stage]}: ${s.compliant ? 'complies' : 'does not comply'}`, table(indicatorRows(s), RIGHT_INDICATORS), '', table(schoolRows(s), RIGHT_SCHOOLS));
  }
  out.push('', `Government guarantees: ${a.guarantees.compliant ? 'all pass' : a.guarantees.failed ? 'some fail' : 'some need evidence'}`);
  out.push(table([['item', 'status', 'reason'], ...a.guarantees.items.map((i) => [i.id, i.status, i.reason.en])]));
  out.push('', `Education quality: ${STATUS_WORD[a.quality.status]}`);
  out.push(table(qualityRows(a, false)));
  out.push('', `Public recognition: ${a.recognition.status}${shareText(a)}`, a.recognition.reason.en);
  out.push('', `Vetoes: ${a.vetoes.triggered ? 'TRIGGERED' : 'none triggered'}`);
  out.push(table([['veto', 'status', 'reason'], ...a.vetoes.items.map((i) => [i.id, i.status, i.reason.en])]));
  if (g !== undefined) {
    out.push('', `What it would take (${g.target === 'all' ? 'every indicator met' : 'just enough to comply'}): ${g.schools.length} school row${g.schools.length === 1 ? '' : 's'}`);
    if (g.schools.length > 0) out.push(table(gapRows(g), RIGHT_GAP));
    out.push('', 'Coefficients after the additions:', table(coefficientsAfter(g), new Set([1, 2, 3, 4, 5, 6, 7])), `Resource allocation after: ${g.after.compliant ? 'complies' : 'still does not comply'}`);
  }
  out.push('', `Citations: ${a.citations.join(', ')}`);
  return `${out.join('\n')}\n`;
}

function mdTable(rows: string[][]): string {
  const [head, ...body] = rows;
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [`| ${(head ?? []).map(esc).join(' | ')} |`, `| ${(head ?? []).map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

function markdownReport(a: CountyAssessment, g: BalanceGapResult | undefined, index: number | undefined, asOf: string, unverified: readonly string[], level = '#', stale: readonly string[] = []): string {
  const h2 = `${level}#`;
  const h3 = `${level}##`;
  const out: string[] = [];
  out.push(`${level} ${title(a, index)}: 优质均衡 county assessment`, '', `As of ${asOf}. Standards: 教督〔2017〕6号, behind opinion 1.1 and 6.3. **Verdict: ${verdictText(a)}.**`, '');
  out.push(`${h2} Resource allocation (资源配置)`, '', `Resource allocation ${a.resources.compliant ? '**complies**' : '**does not comply**'}: every assessed school must meet at least 6 of the 7 indicators with the rest at 85 % of the threshold, and every indicator's pupil-weighted difference coefficient must be within its limit.`, '');
  for (const stage of ['primary', 'junior'] as const) {
    const s = a.resources.stages[stage];
    if (s === undefined) continue;
    out.push(`${h3} ${STAGE_NAME[stage]}: ${s.compliant ? 'complies' : 'does not comply'}`, '', mdTable(indicatorRows(s)), '', mdTable(schoolRows(s)), '');
  }
  out.push(`${h2} Government guarantees (政府保障程度)`, '', mdTable([['item', 'requirement', 'status', 'reason'], ...a.guarantees.items.map((i) => [i.id, i.title.en, i.status, i.reason.en])]), '');
  out.push(`${h2} Education quality (教育质量)`, '', `Education quality: **${STATUS_WORD[a.quality.status]}**. Items without evidence need it: none is passed by default.`, '', mdTable(qualityRows(a, true)), '');
  out.push(`${h2} Public recognition (社会认可度)`, '', `Public recognition: **${a.recognition.status}**${shareText(a)}. ${a.recognition.reason.en}`, '');
  out.push(`${h2} One-vote vetoes (一票否决)`, '', mdTable([['veto', 'status', 'reason'], ...a.vetoes.items.map((i) => [i.title.en, i.status, i.reason.en])]), '');
  if (g !== undefined) {
    out.push(`${h2} What it would take`, '', `Smallest whole additions per school (${g.target === 'all' ? 'every indicator met' : 'just enough to comply'}): teachers and classrooms whole, areas to 0.01 m², equipment to the yuan.`, '');
    if (g.schools.length > 0) out.push(mdTable(gapRows(g)), '');
    out.push('Coefficients after the additions:', '', mdTable(coefficientsAfter(g)), '', `Resource allocation after the additions: **${g.after.compliant ? 'complies' : 'still does not comply'}**.`, '');
  }
  out.push(`${h2} Verdict`, '', `**${verdictText(a)}.**`, '');
  const fails = a.guarantees.items.filter((i) => i.status === 'fails').map((i) => i.id);
  const needs = a.guarantees.items.filter((i) => i.status === 'needs-evidence').map((i) => i.id);
  const hit = a.vetoes.items.filter((i) => i.status === 'triggered').map((i) => i.id);
  const open = a.vetoes.items.filter((i) => i.status === 'needs-evidence').map((i) => i.id);
  out.push(`- Resource allocation: ${a.resources.compliant ? 'complies' : 'does not comply'}`);
  out.push(`- Guarantees failing: ${fails.join(', ') || 'none'}; needing evidence: ${needs.join(', ') || 'none'}`);
  out.push(`- Vetoes triggered: ${hit.join(', ') || 'none'}; needing evidence: ${open.join(', ') || 'none'}`);
  const qFails = a.quality.items.filter((i) => i.status === 'fails').map((i) => i.id);
  const qNeeds = a.quality.items.filter((i) => i.status === 'needs-evidence').map((i) => i.id);
  out.push(`- Education quality failing: ${qFails.join(', ') || 'none'}; needing evidence: ${qNeeds.join(', ') || 'none'}`);
  out.push(`- Public recognition: ${a.recognition.status}${shareText(a)}`);
  out.push(`- Citations: ${a.citations.join(', ')}`);
  if (unverified.length > 0) out.push(`- Unverified parameter values in force (confirm or override): ${unverified.join(', ')}`);
  for (const line of stale) out.push(`- ${line.trimEnd()}`);
  return `${out.join('\n')}\n`;
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

function runAssess(args: string[], io: Io): number {
  const parsed = parseAssessArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const { file, asOf, region, format, gap } = parsed;
  const data = parseJson(readText(file), file);
  const many = Array.isArray(data);
  const counties: unknown[] = many ? data : [data];
  const base = parsed.parameters === undefined ? undefined : readParameterFile('--parameters', parsed.parameters);
  const options: CalculatorOptions = { asOf };
  if (region !== undefined) options.region = region as Region;
  if (base !== undefined) options.parameters = base.patch as ParameterOverrides;

  const problems: string[] = [];
  const results: Array<{ a: CountyAssessment; g: BalanceGapResult | undefined }> = [];
  const seen = new Set<string>();
  counties.forEach((county, i) => {
    try {
      const a = assessCounty(county as County, options);
      const g = gap === undefined ? undefined : balanceGap(county as County, { ...options, target: gap });
      results.push({ a, g });
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
    throw new InputError(problems, `junheng: cannot assess ${file}, ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing assessed:`);
  }
  const all = listParameters(options);
  const bearing = all.filter((p) => p.path.startsWith('balance.'));
  const local = localParametersLine(base, options);
  const unverified = [...new Set(unverifiedPaths(bearing, all))];
  const stale = staleLines(bearing, asOf);
  if (format === 'json') {
    const body = results.map(({ a, g }) => plain(a, g, asOf));
    io.stdout(`${JSON.stringify(many ? body : body[0], null, 2)}\n`);
  } else if (format === 'markdown') {
    io.stdout(results.map(({ a, g }, i) => markdownReport(a, g, many ? i : undefined, asOf, unverified, many ? '##' : '#', stale)).join('\n'));
    if (local !== undefined) io.stdout(`- ${local}\n`);
  } else {
    io.stdout(results.map(({ a, g }, i) => textReport(a, g, many ? i : undefined, asOf)).join('\n'));
    if (unverified.length > 0) io.stdout(`Unverified parameter values in force (confirm or override): ${unverified.join(', ')}\n`);
    for (const line of stale) io.stdout(line);
    if (local !== undefined) io.stdout(`${local}\n`);
  }
  return EXIT.ok;
}

/** The `assess` subcommand. */
export const assessCommand: Command = {
  name: 'assess',
  summary: 'the 优质均衡 county assessment (1.1, 6.3): indicators, coefficients, guarantees, quality, recognition, vetoes, verdict',
  help: HELP,
  run: runAssess,
};
