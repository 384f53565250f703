/**
 * The budget in the reader's words (`--lang zh|en`): floor bands by their rule and source, the rates
 * actually applied with their source documents, the footer lines of the table (the same lines the
 * HTML report prints), and the headings of the table and CSV.
 *
 * Everything here reads its figures from the library (`allocateBudget.parameters(options)`,
 * `listParameters(options)`, `describeParameters()`), never from figures written in this file: a
 * district's patched rates and bands are said as they are.
 */
import { allocateBudget, listParameters, type CalculatorOptions, type FloorBand, type ParameterListing } from 'junheng';
import { bigFenText } from '../compute.js';
import type { BudgetReport } from '../format.js';
import { citationLabel, FOOTER, grouped, parameterName, regionWords, say, unitOf, unitWords, type Lang } from '../lang.js';

export { regionWords } from '../lang.js';
import { choiceWords, citesLine, parameterFooter } from '../stale.js';
import { floorName } from './bands.js';

export { bandRule, floorName, floorShort } from './bands.js';

// ---------------------------------------------------------------- parameter values in words

/** Where a value in force comes from, in words: a document by its number, junheng's reading, a local value. */
export function sourceWords(p: ParameterListing, lang: Lang): string {
  if (p.source === 'junheng') return say(lang, 'junheng 的解读', "junheng's reading");
  if (p.source === 'override') return say(lang, '本地设定', 'local value');
  return citationLabel(p.source, lang);
}

/**
 * The rates actually applied for `options` (the day, the region and any patch), one line each, with
 * the source of each: the stage benchmarks for the region (only those the library could resolve:
 * without a region before one is needed, none), the boarding supplement, the special-education rate
 * and how disabled pupils in mainstream classes are funded, the floor bands in force (each by
 * {@link floorName}), and the rate the pupils a floor adds carry in a school with both stages.
 * `bears` keeps the parameters that bear on a result (default: all of them).
 *
 * `小学生均公用经费基准定额：600 元/生·年（中部；国发〔2015〕67号）` /
 * `Per-pupil public-funding benchmark (primary): 600 yuan/pupil/year (central; 国发〔2015〕67号)`.
 */
export function ratesApplied(options: CalculatorOptions, lang: Lang, bears: (path: string) => boolean = () => true): string[] {
  const params = allocateBudget.parameters(options);
  const listing = listParameters(options);
  const colon = say(lang, '：', ': ');
  const entry = (path: string, fen?: number): ParameterListing | undefined => {
    const found = listing.filter((p) => p.path === path && (options.region === undefined || p.region === undefined || p.region === options.region));
    if (fen === undefined || found.length <= 1) return found[0];
    // Without a region, the entry of the value the library resolved (the same in every region, or none).
    return found.find((p) => String(p.value) === bigFenText(BigInt(fen)));
  };
  const money = (path: string, fen: number | undefined): string | undefined => {
    if (fen === undefined || !bears(path)) return undefined;
    const p = entry(path, fen);
    if (p === undefined) return undefined;
    const unit = unitOf(path);
    const amount = grouped(bigFenText(BigInt(fen)));
    const value = unit === undefined ? amount : `${amount} ${unitWords(unit, lang)}`;
    const notes = [...(p.region === undefined || options.region === undefined ? [] : [regionWords(p.region, lang)]), sourceWords(p, lang)];
    return `${parameterName(path, lang)}${colon}${value}${lang === 'zh' ? `（${notes.join('；')}）` : ` (${notes.join('; ')})`}`;
  };
  const choice = (path: string, value: string): string | undefined => {
    if (!bears(path)) return undefined;
    const p = entry(path);
    const words = choiceWords(path, value, lang);
    const source = p === undefined ? '' : lang === 'zh' ? `（${sourceWords(p, lang)}）` : ` (${sourceWords(p, lang)})`;
    return `${parameterName(path, lang)}${colon}${words}${source}`;
  };
  const lines: (string | undefined)[] = [
    money('funding.benchmark.primary', params.benchmark.primary),
    money('funding.benchmark.junior', params.benchmark.junior),
    money('funding.boardingSupplement', params.boardingSupplement),
    money('funding.specialEducation', params.specialEducation),
    choice('funding.disabledPupils', params.disabledPupils),
  ];
  if (bears('funding.floors')) {
    const p = entry('funding.floors');
    const bands = params.floors.map((rule) => floorName(rule.id, lang, rule.band));
    const local = p !== undefined && p.local === true ? (lang === 'zh' ? `（${sourceWords(p, lang)}）` : ` (${sourceWords(p, lang)})`) : '';
    lines.push(`${parameterName('funding.floors', lang)}${local}${colon}${bands.length === 0 ? say(lang, '无', 'none') : bands.join(say(lang, '；', '; '))}`);
  }
  if (params.floors.length > 0) lines.push(choice('funding.floorMixedStageRate', params.floorMixedStageRate));
  return lines.filter((l): l is string => l !== undefined);
}


// ---------------------------------------------------------------- the table's words

/** The table's and CSV's headings, in `lang`. CSV in English keeps its snake_case headers. */
export const HEADINGS = {
  id: { zh: '学校标识码', en: 'id', csv: 'id' },
  name: { zh: '学校名称', en: 'name', csv: 'name' },
  pupils: { zh: '在校生数', en: 'pupils', csv: 'pupils' },
  funded: { zh: '核定人数', en: 'funded', csv: 'funded_pupils' },
  floor: { zh: '保底', en: 'floor', csv: 'floor_applied' },
  amount: { zh: '公用经费（元）', en: 'amount', csv: 'amount' },
  whatIfFunded: { zh: '假设核定人数', en: 'what-if funded', csv: 'what_if_funded_pupils' },
  whatIfAmount: { zh: '假设公用经费（元）', en: 'what-if amount', csv: 'what_if_amount' },
  difference: { zh: '差额（元）', en: 'difference', csv: 'difference' },
  total: { zh: '合计', en: 'total', csv: 'total' },
} as const;

/** The floors summary: how many schools each band raised, each band in words ({@link floorName}). */
export function floorsSummary(counts: ReadonlyMap<string, number>, bands: ReadonlyMap<string, FloorBand>, lang: Lang): string {
  if (counts.size === 0) return say(lang, '保底：无（未设保底档）。', 'Floors: none in force.');
  const parts = [...counts].map(([id, n]) => (lang === 'zh' ? `${n} 所适用“${floorName(id, 'zh', bands.get(id))}”` : `${n} school${n === 1 ? '' : 's'} under "${floorName(id, 'en', bands.get(id))}"`));
  return lang === 'zh' ? `保底：${parts.join('；')}。` : `Floors: ${parts.join('; ')}.`;
}

/** How many schools of the baseline each band in force raised, in list order (a band that raised none: 0). */
export function floorCounts(report: BudgetReport): Map<string, number> {
  const run = report.baseline;
  const counts = new Map<string, number>(report.floorBands.map((id) => [id, 0]));
  const byBand = new Array<number>(run.bands.length).fill(0);
  for (let i = 0; i < run.floors.length; i++) {
    const k = run.floors[i] as number;
    byBand[k] = (byBand[k] as number) + 1;
  }
  for (let k = 1; k < run.bands.length; k++) {
    const f = run.bands[k];
    if (f != null && (byBand[k] as number) > 0) counts.set(f, (counts.get(f) ?? 0) + (byBand[k] as number));
  }
  return counts;
}

/** The bands in force for the report's baseline, by id (for their words). */
function bandsOf(report: BudgetReport): Map<string, FloorBand> {
  return new Map(report.baseline.floorBands.map((band) => [band.id, band]));
}

/**
 * Every footer line of the budget's table, in `lang` — the same lines the HTML report prints:
 * the count of schools and the unit, the floors summary, the day and region, the `--parameters`
 * line, the what-if line, the rates applied (a heading, then one line each, indented), the
 * citations ({@link citesLine}) and the unverified and stale values in words ({@link parameterFooter}).
 */
export function budgetFooter(report: BudgetReport, lang: Lang): string[] {
  const n = report.baseline.ids.length;
  const lines: string[] = [];
  lines.push(lang === 'zh' ? `共 ${n.toLocaleString('en')} 所学校；金额单位：元/年。` : `${n.toLocaleString('en')} school${n === 1 ? '' : 's'}; amounts in yuan per year.`);
  lines.push(floorsSummary(floorCounts(report), bandsOf(report), lang));
  const region = report.region === undefined ? say(lang, '未指定（该日期无需）', '(none given; not needed on that date)') : regionWords(report.region, lang);
  lines.push(lang === 'zh' ? `${FOOTER.asOf.zh} ${report.asOf}，${FOOTER.region.zh}：${region}。` : `${FOOTER.asOf.en} ${report.asOf}, ${FOOTER.region.en} ${region}.`);
  if (report.parametersLine !== undefined) lines.push(report.parametersLine);
  const whatIf = report.whatIf;
  if (whatIf !== undefined) {
    const total = grouped(bigFenText(whatIf.totalFen));
    const difference = grouped(bigFenText(whatIf.totalFen - report.baseline.totalFen));
    const paths = (report.whatIfPaths ?? []).map((p) => parameterName(p, lang));
    const file = report.whatIfFile ?? '';
    lines.push(
      lang === 'zh'
        ? `假设方案 ${file}${paths.length > 0 ? `（改动：${[...new Set(paths)].join('、')}）` : ''}：合计 ${total} 元，差额 ${difference} 元。`
        : `What-if ${file}${paths.length > 0 ? ` (changes ${[...new Set(paths)].join(', ')})` : ''}: total ${total}, difference ${difference}.`,
    );    // What the patch sets, in words: the what-if's own rates of the parameters it changes.
    const changed = new Set(report.whatIfPaths ?? []);
    if (report.whatIfOptions !== undefined && changed.size > 0) {
      for (const rate of ratesApplied(report.whatIfOptions, lang, (path) => changed.has(path))) lines.push(`  ${say(lang, '假设：', 'what-if: ')}${rate}`);
    }
  }
  if (report.options !== undefined) {
    const bearing = new Set((report.bearing ?? []).map((p) => p.path));
    const rates = ratesApplied(report.options, lang, report.bearing === undefined ? undefined : (path) => bearing.has(path));
    if (rates.length > 0) {
      lines.push(lang === 'zh' ? `所用标准（${report.asOf}${report.region === undefined ? '' : `，${regionWords(report.region, 'zh')}`}）：` : `Rates applied (${report.asOf}${report.region === undefined ? '' : `, ${report.region}`}):`);
      for (const rate of rates) lines.push(`  ${rate}`);
    }
  }
  lines.push(citesLine(report.citations, lang));
  if (report.bearing !== undefined && report.listing !== undefined) lines.push(...parameterFooter(report.bearing, report.listing, report.asOf, lang));
  return lines;
}
