/**
 * `junheng budget --format html|xlsx`: the budget as a report a bureau can mail or print (one
 * self-contained HTML page with charts) and as a workbook for the analyst who opens it in Excel.
 *
 * Choices:
 * - Every sum is gathered in one pass over the runs' typed columns ({@link summarize}); the page's
 *   school table (and the `--explain` steps) show the first {@link SCHOOL_ROWS} schools only, with a
 *   line saying how many more (the CSV, JSON and xlsx outputs hold them all), so 210,000 schools
 *   make a page of about 400 KB in about half a second (most of it ECharts' first chart).
 * - Amounts are the exact yuan text from integer fen with thousands separators; the charts draw
 *   yuan as numbers, and each chart's exact figures are in its description and in the table after
 *   it, so a reader — and the tests — can check them against the JSON output.
 * - Charts: budget by location (城区/镇区/乡村, with the what-if's beside it), by floor band (and the
 *   schools under none), pupils against funded pupils under each band, a histogram of school sizes
 *   with the bands' bounds (100 / 200) as lines, and with `--what-if` the difference by location and
 *   the what-if's bands. The warnings come first, where a reader sees them.
 * - Bands, headings and the footer are the table's own (words.ts: floorName, floorShort, HEADINGS,
 *   budgetFooter), so the report, the workbook and the table say the same thing.
 * - The workbook is written by report/xlsx.ts (each row's XML once, zipped with fflate); the
 *   report's own part is a pass over the typed arrays.
 */
import { LOCATIONS } from 'junheng';
import { bigFenText, fenText, type BudgetRun } from '../compute.js';
import type { BudgetReport } from '../format.js';
import { grouped, locationWords, say, type Lang } from '../lang.js';
import { chartSvg, type ChartOption } from '../report/chart.js';
import { reportHtml, type Report, type ReportChart, type ReportSection, type ReportTable } from '../report/html.js';
import { xlsxBytes, type XlsxCell, type XlsxSheet } from '../report/xlsx.js';
import { warningText } from './warnings.js';
import { budgetFooter, floorName, floorShort, HEADINGS, regionWords } from './words.js';
import { summarize, type BudgetSummary, type RunSums, type Tally } from './summary.js';

/** Schools listed in the page's table; the rest are counted in a line above it. */
export const SCHOOL_ROWS = 2000;

/** The charts' drawing width in pixels: near the page's text width on screen, and scaled by little on A4 (about 700 px), so their labels stay legible in print. */
const CHART_WIDTH = 800;

/** What the report needs besides the budget: the roster's name. */
export interface BudgetReportContext {
  /** The roster as the user named it (`examples/district.csv`, or standard input's name). */
  readonly file: string;
}

const KIND_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['学校', 'school'],
  ['教学点', 'teaching point'],
  ['特殊教育学校', 'special-education school'],
];

const word = (pair: readonly [string, string] | undefined, lang: Lang): string => (pair === undefined ? '' : lang === 'zh' ? pair[0] : pair[1]);
/** A location code's name in `lang` (城区 / urban). */
export const locationName = (k: number, lang: Lang): string => {
  const location = LOCATIONS[k];
  return location === undefined ? '' : locationWords(location, lang);
};
/** A kind code's name in `lang` (教学点 / teaching point). */
export const kindName = (k: number, lang: Lang): string => word(KIND_WORDS[k], lang);

/** Integer fen as yuan with thousands separators: `145920000` → `1,459,200`. */
const yuan = (fen: number): string => grouped(fenText(fen));
const bigYuan = (fen: bigint): string => grouped(bigFenText(fen));
/** A count with thousands separators. */
const count = (n: number): string => grouped(String(n));
/** `1 school`, `2,123 schools`: English needs the plural said. */
const schools = (n: number): string => `${count(n)} school${n === 1 ? '' : 's'}`;
/** Fen as a number of yuan, for a chart's bar (the exact text is in the table beside it). */
const chartYuan = (fen: bigint): number => Number(fen) / 100;

/**
 * Band `k` of `run` (`0`: no floor band) in `lang`, as the table says it: long ({@link floorName},
 * the rule and its document) or short ({@link floorShort}, for chart axes and table cells).
 */
function bandName(run: BudgetRun, k: number, lang: Lang, short = false): string {
  const id = run.bands[k] ?? null;
  if (id === null) return say(lang, '未适用保底', 'no floor');
  const band = run.floorBands[k - 1];
  return short ? floorShort(id, lang, band) : floorName(id, lang, band);
}

// ---------------------------------------------------------------- charts

const COLORS = { base: '#3b6fb6', whatIf: '#e39b2d', floored: '#c2452d', others: '#8aa6cf', pupils: '#8aa6cf', funded: '#3b6fb6', up: '#c2452d', down: '#2e8b57' };

/** An axis label for yuan: 万元 in Chinese, full yuan with separators in English. */
function moneyAxis(lang: Lang): Record<string, unknown> {
  return {
    type: 'value',
    name: say(lang, '万元', 'yuan'),
    nameTextStyle: { color: '#59636e' },
    axisLabel: { formatter: (v: number) => (lang === 'zh' ? grouped(String(Math.round(v / 1e4))) : grouped(String(Math.round(v)))) },
    splitLine: { lineStyle: { color: '#e5e9ee' } },
  };
}

const barLabel = (texts: readonly string[], position: string): Record<string, unknown> => ({
  show: true,
  position,
  fontSize: 11,
  color: '#1f2328',
  formatter: (p: { dataIndex: number }) => texts[p.dataIndex] ?? '',
});

/** Budget by location: a bar per location (the what-if's beside it when given). */
function locationChart(summary: BudgetSummary, lang: Lang): ReportChart {
  const categories = [0, 1, 2].map((k) => locationName(k, lang));
  const series = (sums: RunSums, name: string, color: string): Record<string, unknown> => {
    const fens = sums.byLocation.map((t) => t.amount.fen);
    return { type: 'bar', name, data: fens.map(chartYuan), itemStyle: { color }, barMaxWidth: 80, label: barLabel(fens.map(bigYuan), 'top') };
  };
  const what = summary.whatIf;
  const option: ChartOption = {
    grid: { left: 16, right: 24, top: what === undefined ? 36 : 48, bottom: 8, containLabel: true },
    ...(what === undefined ? {} : { legend: { top: 0, data: [say(lang, '现行', 'Baseline'), say(lang, '假设方案', 'What-if')] } }),
    xAxis: { type: 'category', data: categories, axisLabel: { fontSize: 13 } },
    yAxis: moneyAxis(lang),
    series: [series(summary.base, say(lang, '现行', 'Baseline'), COLORS.base), ...(what === undefined ? [] : [series(what, say(lang, '假设方案', 'What-if'), COLORS.whatIf)])],
  };
  const base = summary.base.byLocation;
  return {
    id: 'budget-by-location',
    title: say(lang, '按城乡分类的公用经费', 'Budget by location'),
    svg: chartSvg(option, CHART_WIDTH, 300),
    description: base.map((t, k) => say(lang, `${locationName(k, lang)} ${count(t.schools)} 所 ${bigYuan(t.amount.fen)} 元`, `${locationName(k, lang)}: ${schools(t.schools)}, ${bigYuan(t.amount.fen)} yuan`)).join(say(lang, '；', '; ')),
  };
}

/** Budget by floor band: a horizontal bar per band (and one for the schools under none), its schools in the label. */
function bandChart(run: BudgetRun, sums: RunSums, lang: Lang, id: string, title: string): ReportChart {
  const rows = sums.byBand.map((t, k) => ({ t, k })).filter((r, k) => k === 0 || r.t.schools > 0);
  const labels = rows.map((r) => say(lang, `${bigYuan(r.t.amount.fen)} 元 · ${count(r.t.schools)} 所`, `${bigYuan(r.t.amount.fen)} yuan · ${schools(r.t.schools)}`));
  const option: ChartOption = {
    grid: { left: 16, right: 220, top: 12, bottom: 30, containLabel: true },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => bandName(run, r.k, lang, true)), axisLabel: { fontSize: 12 } },
    xAxis: { ...moneyAxis(lang), nameLocation: 'middle', nameGap: 26 },
    series: [{ type: 'bar', data: rows.map((r) => chartYuan(r.t.amount.fen)), itemStyle: { color: COLORS.base }, barMaxWidth: 36, label: barLabel(labels, 'right') }],
  };
  return {
    id,
    title,
    svg: chartSvg(option, CHART_WIDTH, 80 + rows.length * 48),
    description: rows
      .map((r, i) => `${bandName(run, r.k, lang)}${say(lang, '：', ': ')}${labels[i] as string}`)
      .join(say(lang, '；', '; ')),
  };
}

/** Pupils and funded pupils of the schools under each floor band: what the floor adds. */
function fundedChart(run: BudgetRun, sums: RunSums, lang: Lang): ReportChart | undefined {
  const rows = sums.byBand.map((t, k) => ({ t, k })).filter((r, k) => k > 0 && r.t.schools > 0);
  if (rows.length === 0) return undefined;
  const series = (name: string, values: number[], color: string): Record<string, unknown> => ({
    type: 'bar',
    name,
    data: values,
    itemStyle: { color },
    barMaxWidth: 70,
    label: barLabel(values.map(count), 'top'),
  });
  const option: ChartOption = {
    grid: { left: 16, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map((r) => bandName(run, r.k, lang, true)), axisLabel: { fontSize: 12 } },
    yAxis: { type: 'value', name: say(lang, '人', 'pupils'), splitLine: { lineStyle: { color: '#e5e9ee' } } },
    series: [
      series(say(lang, '在校生', 'Pupils enrolled'), rows.map((r) => r.t.pupils), COLORS.pupils),
      series(say(lang, '核定人数', 'Funded pupils'), rows.map((r) => r.t.funded), COLORS.funded),
    ],
  };
  return {
    id: 'funded-vs-pupils',
    title: say(lang, '保底学校：在校生与核定人数', 'Schools under a floor: pupils enrolled and funded'),
    svg: chartSvg(option, CHART_WIDTH, 300),
    description: rows
      .map((r) =>
        say(
          lang,
          `${bandName(run, r.k, lang)}：${count(r.t.schools)} 所，在校生 ${count(r.t.pupils)} 人，按 ${count(r.t.funded)} 人核定`,
          `${bandName(run, r.k, lang)}: ${schools(r.t.schools)}, ${count(r.t.pupils)} pupils enrolled, funded as ${count(r.t.funded)}`,
        ),
      )
      .join(say(lang, '；', '; ')),
  };
}

/** Schools by size (below the histogram's top), those a floor raised stacked on the others, with the bands' bounds as lines. */
function histogramChart(summary: BudgetSummary, lang: Lang): ReportChart {
  const h = summary.histogram;
  const bins = h.floored.length;
  const left = 56;
  const right = 24;
  const width = CHART_WIDTH;
  const barWidth = Math.max(2, Math.floor((width - left - right) / bins) - 2);
  const data = (values: readonly number[]): Array<[number, number]> => values.map((v, b) => [b * h.width + h.width / 2, v]);
  const option: ChartOption = {
    grid: { left, right, top: 48, bottom: 44 },
    legend: { top: 0 },
    xAxis: { type: 'value', min: 0, max: h.top, interval: h.width * 5, name: say(lang, '在校生（人）', 'pupils enrolled'), nameLocation: 'middle', nameGap: 26, splitLine: { show: false } },
    yAxis: { type: 'value', minInterval: 1, name: say(lang, '学校数', 'schools'), splitLine: { lineStyle: { color: '#e5e9ee' } } },
    series: [
      { type: 'bar', name: say(lang, '适用保底', 'under a floor'), stack: 'schools', data: data(h.floored), barWidth, itemStyle: { color: COLORS.floored } },
      {
        type: 'bar',
        name: say(lang, '未适用保底', 'no floor'),
        stack: 'schools',
        data: data(h.others),
        barWidth,
        itemStyle: { color: COLORS.others },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#1f2328', type: 'dashed' },
          label: { formatter: (p: { value: number }) => say(lang, `${p.value} 人`, `${p.value}`), color: '#1f2328' },
          data: h.bounds.filter((b) => b < h.top).map((b) => ({ xAxis: b })),
        },
      },
    ],
  };
  const floored = h.floored.reduce((a, b) => a + b, 0);
  const others = h.others.reduce((a, b) => a + b, 0);
  const lines = h.bounds.map(String).join(' / ');
  return {
    id: 'pupils-histogram',
    title: say(lang, `学校规模分布（${h.top} 人以下）`, `Schools by size (under ${h.top} pupils)`),
    svg: chartSvg(option, width, 300),
    description: say(
      lang,
      `每 ${h.width} 人一组；${h.top} 人以下 ${count(floored + others)} 所（适用保底 ${count(floored)} 所），${h.top} 人及以上 ${count(h.above)} 所未画出；虚线为保底区间界限 ${lines} 人。`,
      `Bins of ${h.width} pupils; ${schools(floored + others)} under ${h.top} pupils (${count(floored)} under a floor); ${schools(h.above)} of ${h.top} or more not drawn. Dashed lines: the floor bands' bounds, ${lines} pupils.`,
    ),
  };
}

/** The what-if's difference by location: a bar per location, up in one colour and down in another. */
function differenceChart(summary: BudgetSummary, lang: Lang): ReportChart | undefined {
  const diffs = summary.differenceByLocation;
  if (diffs === undefined) return undefined;
  const option: ChartOption = {
    grid: { left: 16, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [0, 1, 2].map((k) => locationName(k, lang)), axisLabel: { fontSize: 13 } },
    yAxis: moneyAxis(lang),
    series: [
      {
        type: 'bar',
        barMaxWidth: 80,
        data: diffs.map((d) => ({ value: chartYuan(d), itemStyle: { color: d < 0n ? COLORS.down : COLORS.up } })),
        label: { ...barLabel(diffs.map(bigYuan), 'top') },
      },
    ],
  };
  return {
    id: 'difference-by-location',
    title: say(lang, '假设方案与现行的差额（按城乡分类）', 'What-if minus baseline, by location'),
    svg: chartSvg(option, CHART_WIDTH, 280),
    description: diffs.map((d, k) => `${locationName(k, lang)} ${bigYuan(d)}${say(lang, ' 元', ' yuan')}`).join(say(lang, '；', '; ')),
  };
}

// ---------------------------------------------------------------- tables

/** The cells of a tally: schools, pupils, funded pupils, amount. */
const tallyCells = (t: Tally): string[] => [count(t.schools), count(t.pupils), count(t.funded), bigYuan(t.amount.fen)];

function locationTable(summary: BudgetSummary, lang: Lang): ReportTable {
  const what = summary.whatIf;
  const diffs = summary.differenceByLocation;
  const headers = [say(lang, '城乡分类', 'Location'), say(lang, '学校数', 'Schools'), say(lang, '在校生数', 'Pupils'), say(lang, '核定人数', 'Funded pupils'), say(lang, '公用经费（元）', 'Amount (yuan)')];
  if (what !== undefined) headers.push(say(lang, '假设公用经费（元）', 'What-if amount (yuan)'), say(lang, '差额（元）', 'Difference (yuan)'));
  const extra = (k: number | 'all'): string[] => {
    if (what === undefined || diffs === undefined) return [];
    if (k === 'all') return [bigYuan(what.all.amount.fen), bigYuan(what.all.amount.fen - summary.base.all.amount.fen)];
    return [bigYuan((what.byLocation[k] as Tally).amount.fen), bigYuan(diffs[k] as bigint)];
  };
  return {
    caption: say(lang, '按城乡分类', 'By location'),
    headers,
    rows: summary.base.byLocation.map((t, k) => [locationName(k, lang), ...tallyCells(t), ...extra(k)]),
    numeric: headers.map((_, i) => i).slice(1),
    footer: [say(lang, '合计', 'Total'), ...tallyCells(summary.base.all), ...extra('all')],
  };
}

function bandTable(run: BudgetRun, sums: RunSums, lang: Lang, caption: string): ReportTable {
  const headers = [say(lang, '保底', 'Floor'), say(lang, '学校数', 'Schools'), say(lang, '在校生数', 'Pupils'), say(lang, '核定人数', 'Funded pupils'), say(lang, '公用经费（元）', 'Amount (yuan)'), say(lang, '保底增加核定人数', 'Pupils added by the floor')];
  return {
    caption,
    headers,
    rows: sums.byBand.map((t, k) => [bandName(run, k, lang), ...tallyCells(t), count(t.funded - t.pupils)]),
    numeric: [1, 2, 3, 4, 5],
    footer: [say(lang, '合计', 'Total'), ...tallyCells(sums.all), count(sums.all.funded - sums.all.pupils)],
  };
}

/** The first {@link SCHOOL_ROWS} schools: id, name, location and kind, pupils, funded pupils, floor, amount (and the what-if's funded pupils, amount and difference). */
function schoolTable(report: BudgetReport, lang: Lang): ReportTable {
  const { baseline, whatIf, names } = report;
  // The table output's headings in Chinese (words.ts), capitalised words of their own in English.
  const h = (key: keyof typeof HEADINGS, en: string): string => (lang === 'zh' ? HEADINGS[key].zh : en);
  const headers = [h('id', 'School')];
  if (names !== undefined) headers.push(h('name', 'Name'));
  headers.push(say(lang, '城乡与类型', 'Location, kind'), h('pupils', 'Pupils'), h('funded', 'Funded'), h('floor', 'Floor'), h('amount', 'Amount'));
  if (whatIf !== undefined) headers.push(h('whatIfFunded', 'What-if funded'), h('whatIfAmount', 'What-if amount'), h('difference', 'Difference'));
  const named = names === undefined ? 0 : 1;
  const rows: string[][] = [];
  const n = Math.min(SCHOOL_ROWS, baseline.ids.length);
  const shortBands = baseline.bands.map((_, k) => (k === 0 ? '' : bandName(baseline, k, lang, true)));
  // Location and kind in one cell, as a reader says them (乡村教学点, rural teaching point): one column fewer.
  const places = [0, 1, 2].flatMap((l) => [0, 1, 2].map((k) => say(lang, `${locationName(l, lang)}${kindName(k, lang)}`, `${locationName(l, lang)} ${kindName(k, lang)}`)));
  for (let i = 0; i < n; i++) {
    const fen = baseline.amountFen[i] as number;
    const row = [baseline.ids[i] as string];
    if (names !== undefined) row.push(names[i] ?? '');
    row.push(
      places[(baseline.locations[i] as number) * 3 + (baseline.kinds[i] as number)] ?? '',
      count(report.pupils[i] ?? 0),
      count(baseline.fundedPupils[i] as number),
      shortBands[baseline.floors[i] as number] ?? '',
      yuan(fen),
    );
    if (whatIf !== undefined) {
      const w = whatIf.amountFen[i] as number;
      row.push(count(whatIf.fundedPupils[i] as number), yuan(w), yuan(w - fen));
    }
    rows.push(row);
  }
  const numeric = [2, 3, 5].map((i) => i + named);
  if (whatIf !== undefined) numeric.push(6 + named, 7 + named, 8 + named);
  // The id and the band kept on one line (never `100–` above `200 → 200`); the name wraps. Compact, so
  // ten columns fit an A4 page.
  return { headers, rows, numeric, nowrap: [0, 4 + named], compact: true };
}

/**
 * The `--explain` lines (explain.ts, read once as they are made: a heading line, then for each
 * school a line `id：amount` and its steps indented) as a table of steps, the school and its amount
 * on its first step's row. Only the first {@link SCHOOL_ROWS} schools are read (the rest are never
 * explained: the library takes about 0.2 ms a school); `n` is the roster's schools.
 */
function explanationSection(lines: Iterable<string>, n: number, lang: Lang): ReportSection {
  const rows: string[][] = [];
  let heading: string | undefined;
  let school: string | undefined;
  let schools = 0;
  for (const line of lines) {
    if (heading === undefined) {
      heading = line;
      continue;
    }
    if (line.trim() === '') continue;
    if (/^\s/.test(line)) {
      rows.push([school ?? '', line.trim()]);
      school = undefined;
      continue;
    }
    if (school !== undefined) rows.push([school, '']);
    if (++schools > SCHOOL_ROWS) {
      school = undefined;
      break;
    }
    school = line;
  }
  if (school !== undefined) rows.push([school, '']);
  const paragraphs = heading === undefined ? [] : [heading];
  if (n > SCHOOL_ROWS) {
    paragraphs.push(say(lang, `以下为前 ${count(SCHOOL_ROWS)} 所学校的计算过程；全部学校见 --format table --explain。`, `The steps of the first ${count(SCHOOL_ROWS)} schools; --format table --explain gives every school's.`));
  }
  return {
    heading: say(lang, '计算过程', 'How each amount was computed'),
    paragraphs,
    tables: [{ headers: [say(lang, '学校与金额', 'School and amount'), say(lang, '步骤及其依据', 'Step, with its clause')], rows, nowrap: [0] }],
  };
}

// ---------------------------------------------------------------- the page

/** The report's subtitle lines: the roster, the date of the rates and the region, the what-if file. */
function subtitle(report: BudgetReport, context: BudgetReportContext): string[] {
  const lang = report.lang ?? 'en';
  const region = report.region === undefined ? say(lang, '未指定', 'none given') : regionWords(report.region, lang);
  const lines = [say(lang, `名单：${context.file} · 计算日期：${report.asOf} · 地区：${region}`, `Roster: ${context.file} · as of ${report.asOf} · region: ${region}`)];
  if (report.whatIf !== undefined) lines.push(say(lang, `假设方案：${report.whatIfFile ?? ''}`, `What-if: ${report.whatIfFile ?? ''}`));
  return lines;
}

/**
 * The budget as one self-contained HTML page in the report's language (`--lang`): the figures (total, schools,
 * pupils, funded pupils; the what-if's total and difference), charts by location and by floor band,
 * pupils against funded pupils, school sizes against the bands' bounds (and the what-if's
 * difference by location), the first {@link SCHOOL_ROWS} schools, the warnings and the footer.
 */
export function budgetHtml(report: BudgetReport, context: BudgetReportContext): string {
  const lang = report.lang ?? 'en';
  const { baseline, whatIf } = report;
  const summary = summarize(baseline, whatIf, report.pupils);
  const base = summary.base;
  const figures = [
    { label: say(lang, '公用经费总额（元）', 'Total (yuan)'), value: bigYuan(baseline.totalFen) },
    { label: say(lang, '学校数', 'Schools'), value: count(baseline.ids.length) },
    { label: say(lang, '在校生（人）', 'Pupils enrolled'), value: count(base.all.pupils) },
    { label: say(lang, '核定人数（人）', 'Funded pupils'), value: count(base.all.funded) },
  ];
  if (whatIf !== undefined) {
    figures.push(
      { label: say(lang, '假设方案总额（元）', 'What-if total (yuan)'), value: bigYuan(whatIf.totalFen) },
      { label: say(lang, '差额（元）', 'Difference (yuan)'), value: bigYuan(whatIf.totalFen - baseline.totalFen) },
    );
  }

  const floored = base.all.schools - (base.byBand[0]?.schools ?? 0);
  const sections: ReportSection[] = [
    {
      heading: say(lang, '按城乡分类', 'By location'),
      charts: [locationChart(summary, lang)],
      tables: [locationTable(summary, lang)],
    },
    {
      heading: say(lang, '规模较小学校保底', 'Small-school floors'),
      paragraphs: [
        say(
          lang,
          `${count(floored)} 所学校按保底人数核定，比在校生多核定 ${count(base.all.funded - base.all.pupils)} 人。`,
          `${schools(floored)} ${floored === 1 ? 'is' : 'are'} funded at a floor, for ${count(base.all.funded - base.all.pupils)} pupils more than they enrol.`,
        ),
      ],
      charts: [
        bandChart(baseline, base, lang, 'budget-by-floor', say(lang, '按保底区间的公用经费', 'Budget by floor band')),
        ...[fundedChart(baseline, base, lang)].filter((c) => c !== undefined),
        histogramChart(summary, lang),
      ],
      tables: [bandTable(baseline, base, lang, say(lang, '按保底区间', 'By floor band'))],
    },
  ];
  if (whatIf !== undefined && summary.whatIf !== undefined) {
    sections.push({
      heading: say(lang, '假设方案', 'What-if'),
      paragraphs: [
        say(
          lang,
          `按 ${report.whatIfFile ?? ''} 调整参数后总额 ${bigYuan(whatIf.totalFen)} 元，差额 ${bigYuan(whatIf.totalFen - baseline.totalFen)} 元。`,
          `With ${report.whatIfFile ?? ''} the total is ${bigYuan(whatIf.totalFen)} yuan, a difference of ${bigYuan(whatIf.totalFen - baseline.totalFen)} yuan.`,
        ),
        summary.changed === 0
          ? say(lang, '假设方案没有改变任何学校的公用经费（各校差额均为 0）：其取值可能与现行取值相同，或只涉及本名单中没有的学校；请核对该文件。', "The what-if changes no school's amount (every difference is 0): its values may equal those in force, or bear on no school of this roster; check the file.")
          : say(lang, `${count(summary.changed)} 所学校的金额有变化。`, summary.changed === 1 ? "1 school's amount changes." : `${count(summary.changed)} schools' amounts change.`),
      ],
      charts: [...[differenceChart(summary, lang)].filter((c) => c !== undefined), bandChart(whatIf, summary.whatIf, lang, 'what-if-by-floor', say(lang, '假设方案：按保底区间', 'What-if: budget by floor band'))],
      tables: [bandTable(whatIf, summary.whatIf, lang, say(lang, '假设方案：按保底区间', 'What-if: by floor band'))],
    });
  }
  const n = baseline.ids.length;
  sections.push({
    heading: say(lang, '学校明细', 'Schools'),
    paragraphs: [
      n > SCHOOL_ROWS
        ? say(lang, `下表列出前 ${count(SCHOOL_ROWS)} 所学校（共 ${count(n)} 所，另有 ${count(n - SCHOOL_ROWS)} 所未列出）；全部学校见 CSV、JSON 或 xlsx 输出（--format csv|json|xlsx）。金额单位：元/年。`, `The first ${count(SCHOOL_ROWS)} of ${count(n)} schools (${count(n - SCHOOL_ROWS)} more not listed here); the CSV, JSON and xlsx outputs (--format csv|json|xlsx) hold them all. Amounts in yuan per year.`)
        : say(lang, `共 ${count(n)} 所学校；金额单位：元/年。`, `${schools(n)}; amounts in yuan per year.`),
    ],
    tables: [schoolTable(report, lang)],
  });
  if (report.explanation !== undefined) sections.push(explanationSection(report.explanation, n, lang));
  // The warnings first, where a reader sees them before the figures they qualify.
  const warnings = report.warnings ?? [];
  if (warnings.length > 0) {
    const more = (report.warningCount ?? warnings.length) - warnings.length;
    sections.unshift({
      heading: say(lang, '提示', 'Warnings'),
      list: [
        ...warnings.map((w) => warningText(w, lang, baseline.floorBands)),
        ...(more > 0 ? [say(lang, `另有 ${count(more)} 条提示未列出。`, `${count(more)} more warnings not listed.`)] : []),
      ],
    });
  }

  const page: Report = {
    lang,
    title: say(lang, '公用经费测算', 'Public funding budget'),
    subtitle: subtitle(report, context),
    figures,
    sections,
    footer: budgetFooter(report, lang),
  };
  return reportHtml(page);
}

// ---------------------------------------------------------------- the workbook

const money = (fen: number | bigint): XlsxCell => ({ money: Number(fen) / 100 });

/**
 * The budget as an .xlsx workbook in the report's language (`--lang`): a sheet of schools with the CSV output's
 * columns (amounts as numbers with two decimals), and a summary sheet — totals by location and by
 * floor band (the what-if's beside them), then the footer lines.
 */
export async function budgetXlsx(report: BudgetReport, context: BudgetReportContext): Promise<Buffer> {
  const lang = report.lang ?? 'en';
  const { baseline, whatIf } = report;
  const columns = budgetColumns(report, lang);
  const n = baseline.ids.length;
  const rows: XlsxCell[][] = new Array<XlsxCell[]>(n);
  for (let i = 0; i < n; i++) rows[i] = columns.map((c) => c.cell(i));
  const summary = summarize(baseline, whatIf, report.pupils);
  const headers = [say(lang, '项目', 'Item'), say(lang, '学校数', 'Schools'), say(lang, '在校生数', 'Pupils'), say(lang, '核定人数', 'Funded pupils'), say(lang, '公用经费（元）', 'Amount (yuan)')];
  if (whatIf !== undefined) headers.push(say(lang, '假设公用经费（元）', 'What-if amount (yuan)'), say(lang, '差额（元）', 'Difference (yuan)'));
  const tallyRow = (label: string, t: Tally, w?: Tally): XlsxCell[] => [
    label,
    t.schools,
    t.pupils,
    t.funded,
    money(t.amount.fen),
    ...(w === undefined ? [] : [money(w.amount.fen), money(w.amount.fen - t.amount.fen)]),
  ];
  const what = summary.whatIf;
  const lines: XlsxCell[][] = [
    ...summary.base.byLocation.map((t, k) => tallyRow(locationName(k, lang), t, what?.byLocation[k])),
    tallyRow(say(lang, '合计', 'Total'), summary.base.all, what?.all),
    [],
    [say(lang, '现行：按保底区间', 'Baseline: by floor band')],
    ...summary.base.byBand.map((t, k) => tallyRow(bandName(baseline, k, lang), t)),
  ];
  if (whatIf !== undefined && what !== undefined) {
    lines.push([], [say(lang, '假设方案：按保底区间', 'What-if: by floor band')], ...what.byBand.map((t, k) => tallyRow(bandName(whatIf, k, lang), t)));
  }
  lines.push([], ...subtitle(report, context).map((line) => [line]), ...budgetFooter(report, lang).map((line) => [line]));
  const sheets: XlsxSheet[] = [
    { name: say(lang, '学校', 'Schools'), headers: columns.map((c) => c.header), rows },
    { name: say(lang, '汇总', 'Summary'), headers, rows: lines },
  ];
  return xlsxBytes(sheets);
}

/** A column of the schools sheet: its header and each school's cell. */
interface Column {
  readonly header: string;
  readonly cell: (i: number) => XlsxCell;
}

/**
 * The schools sheet's columns: the CSV output's, in `lang` (its headers, its cells), with amounts
 * as numbers shown with two decimals.
 */
function budgetColumns(report: BudgetReport, lang: Lang): Column[] {
  const { baseline, whatIf, names } = report;
  const h = (key: keyof typeof HEADINGS): string => (lang === 'zh' ? HEADINGS[key].zh : HEADINGS[key].csv);
  const columns: Column[] = [{ header: h('id'), cell: (i) => baseline.ids[i] as string }];
  if (names !== undefined) columns.push({ header: h('name'), cell: (i) => names[i] ?? '' });
  const bands = baseline.bands.map((id, k) => (id == null ? null : lang === 'zh' ? bandName(baseline, k, lang, true) : id));
  columns.push(
    { header: h('pupils'), cell: (i) => report.pupils[i] ?? 0 },
    { header: h('funded'), cell: (i) => baseline.fundedPupils[i] as number },
    { header: h('floor'), cell: (i) => bands[baseline.floors[i] as number] ?? null },
    { header: h('amount'), cell: (i) => money(baseline.amountFen[i] as number) },
  );
  if (whatIf !== undefined) {
    columns.push(
      { header: h('whatIfAmount'), cell: (i) => money(whatIf.amountFen[i] as number) },
      { header: h('difference'), cell: (i) => money((whatIf.amountFen[i] as number) - (baseline.amountFen[i] as number)) },
    );
  }
  return columns;
}
