/**
 * The reports of `junheng classes`: `--format html` (one self-contained page with charts — the
 * classes by size against the 45 / 50 / 56 / 66 lines, the bands per stage, the large-class share
 * by town — the table, the large classes, warnings and the footer) and `--format xlsx` (the table,
 * the classes by size, the large classes and the notes, a sheet each). Every number a chart shows
 * is also written in its description, so a reader (and the browser test) can check it against the
 * JSON output.
 */
import type { ClassGroup } from 'junheng';
import { say } from '../lang.js';
import { chartSvg, type ChartOption } from '../report/chart.js';
import { reportHtml, type ReportSection, type ReportTable } from '../report/html.js';
import { xlsxBytes, type XlsxCell, type XlsxSheet } from '../report/xlsx.js';
import { BANDS, KINDS, type Kind, type ListedClass, type SizeCollector } from './collect.js';
import { hasNames, headersOf, labelCells, linesOf, type ClassesOutput } from './text.js';
import { bandLabel, bandsLine, count, deadlineLine, kindLabel, locationLabel, percent, shareLabel, stageLabel } from './words.js';

/** What the reports add to the text outputs: the input's name and what was collected in the pass. */
export interface ClassesReport extends ClassesOutput {
  /** The input as messages name it (a path, `standard input`, `roster.xlsx, sheet 班级`). */
  readonly input: string;
  /** Whether the roster was a CSV (or a workbook's sheet): places are lines, else JSON indexes. */
  readonly csv: boolean;
  readonly sizes: SizeCollector;
}

/** Towns shown at most in the town chart (the table and the workbook hold them all). */
export const TOWNS_CHARTED = 30;
/** Rows of the summary table in the page (the workbook and CSV hold them all). */
const TABLE_LIMIT = 300;
/** A row the page does not show (past {@link TABLE_LIMIT}). */
const NOT_SHOWN: readonly string[] = [];
/** Large classes listed in the page. */
const LIST_SHOWN = 200;

const BAND_COLOURS = { standard: '#59a14f', 'over-standard': '#edc948', large: '#f28e2b', 'super-large': '#e15759' } as const;
const KIND_COLOURS: Record<Kind, string> = { primary: '#4e79a7', incompletePrimary: '#a0cbe8', junior: '#b07aa1' };

// ---------------------------------------------------------------- the histogram

/**
 * The histogram's bins: every size from the smallest class to the largest drawn (at most `cap`), per
 * kind (0 where none); the classes above `cap` (a size typed wrong, most likely) are counted apart.
 */
export function histogram(bySize: Record<Kind, ReadonlyMap<number, number>>, cap: number): { lo: number; hi: number; counts: Record<Kind, number[]>; above: number } | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  let above = 0;
  for (const kind of KINDS) {
    for (const [size, n] of bySize[kind]) {
      if (size > cap) {
        above += n;
        continue;
      }
      if (size < lo) lo = size;
      if (size > hi) hi = size;
    }
  }
  if (lo > hi) return undefined;
  const counts = {} as Record<Kind, number[]>;
  for (const kind of KINDS) {
    const row = new Array<number>(hi - lo + 1).fill(0);
    for (const [size, n] of bySize[kind]) if (size <= cap) row[size - lo] = n;
    counts[kind] = row;
  }
  return { lo, hi, counts, above };
}

/** The largest size the histogram draws: 100, or 20 above the super-large threshold when that is higher. */
const chartCap = (p: ClassesReport['params']): number => Math.max(100, p.superLargeFrom + 20);

/** The sizes of the classes of one kind in words: `45 人 3 个，46 人 5 个` / `45: 3, 46: 5`. */
function sizesText(map: ReadonlyMap<number, number>, lang: 'zh' | 'en'): string {
  const sizes = [...map.keys()].sort((a, b) => a - b);
  return sizes.map((s) => say(lang, `${s}人 ${count(map.get(s) as number)}个`, `${s}: ${count(map.get(s) as number)}`)).join(say(lang, '，', ', '));
}

/** The histogram chart: classes by size, stacked by kind, with the standard and large-class lines. */
function histogramChart(r: ClassesReport): NonNullable<ReportSection['charts']> {
  const { lang, params: p } = r;
  const bySize = r.sizes.bySize();
  const cap = chartCap(p);
  const h = histogram(bySize, cap);
  const kinds = KINDS.filter((k) => bySize[k].size > 0);
  if (h === undefined || kinds.length === 0) return [];
  const floor5 = (x: number): number => Math.floor(x / 5) * 5;
  const ceil5 = (x: number): number => Math.ceil(x / 5) * 5;
  const min = Math.max(0, floor5(h.lo - 1));
  const max = Math.max(ceil5(h.hi + 1), p.superLargeFrom + 4);
  const lines: Array<{ at: number; text: string; colour: string }> = [];
  if (kinds.includes('incompletePrimary')) lines.push({ at: p.standard.incompletePrimary, text: say(lang, `非完全小学 ${p.standard.incompletePrimary}`, `incomplete ${p.standard.incompletePrimary}`), colour: '#6b7b8c' });
  if (kinds.includes('primary')) lines.push({ at: p.standard.primary, text: say(lang, `小学 ${p.standard.primary}`, `primary ${p.standard.primary}`), colour: '#6b7b8c' });
  if (kinds.includes('junior') && p.standard.junior !== p.standard.primary) lines.push({ at: p.standard.junior, text: say(lang, `初中 ${p.standard.junior}`, `junior ${p.standard.junior}`), colour: '#6b7b8c' });
  lines.push({ at: p.largeFrom - 1, text: say(lang, `大班额 ≥${p.largeFrom}`, `large ≥${p.largeFrom}`), colour: BAND_COLOURS.large });
  lines.push({ at: p.superLargeFrom - 1, text: say(lang, `超大班额 ≥${p.superLargeFrom}`, `super-large ≥${p.superLargeFrom}`), colour: BAND_COLOURS['super-large'] });
  const option: ChartOption = {
    color: kinds.map((k) => KIND_COLOURS[k]),
    legend: { top: 0, left: 'center', itemGap: 24 },
    grid: { left: 56, right: 24, top: 72, bottom: 44 },
    xAxis: { type: 'value', min, max, interval: 5, name: say(lang, '班额（人）', 'pupils in the class'), nameLocation: 'middle', nameGap: 28, splitLine: { show: false } },
    yAxis: { type: 'value', name: say(lang, '班级数', 'classes'), minInterval: 1 },
    series: kinds.map((kind, i) => ({
      type: 'bar',
      name: kindLabel(kind, lang),
      stack: 'classes',
      barWidth: '90%',
      // Every size in every series: stacked bars are stacked by their position in the data.
      data: h.counts[kind].map((n, k) => [h.lo + k, n]),
      ...(i === 0
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              // Each line sits between the last size of a band and the first of the next.
              // Labels above the plot, every other one raised, so that neighbours (50 and 56) do not overlap.
              data: lines.map((l, k) => ({ xAxis: l.at + 0.5, lineStyle: { color: l.colour, type: 'dashed', width: 1.5 }, label: { formatter: l.text, color: l.colour, position: 'end', distance: k % 2 === 0 ? 4 : 18 } })),
            },
          }
        : {}),
    })),
  };
  const parts = kinds.map((k) => `${kindLabel(k, lang)}${say(lang, '：', ': ')}${sizesText(bySize[k], lang)}`);
  const above = h.above > 0 ? say(lang, `；班额超过 ${cap} 人的 ${count(h.above)} 个班未画出（请核对）`, `; the ${count(h.above)} classes above ${cap} are not drawn (check them)`) : '';
  return [
    {
      id: 'classes-histogram',
      title: say(lang, '各班额的班级数（按学段）', 'Classes by size (by stage)'),
      svg: chartSvg(option, 760, 340),
      description: `${say(lang, '班级数（班额 人数：班级数）', 'Classes (size: classes)')} — ${parts.join(say(lang, '；', '; '))}${above}${say(lang, '。虚线为标准班额及大班额、超大班额的起点（线右侧即超过该人数）。', '. Dashed lines: the standard sizes and where large and super-large classes begin (a class right of a line is above it).')}`,
    },
  ];
}

// ---------------------------------------------------------------- bands per stage

function bandsChart(r: ClassesReport): NonNullable<ReportSection['charts']> {
  const { lang, params: p, report } = r;
  const stages = (['primary', 'junior'] as const).filter((s) => report.byStage[s].total > 0);
  if (stages.length === 0) return [];
  const option: ChartOption = {
    color: BANDS.map((b) => BAND_COLOURS[b]),
    legend: { top: 0, itemGap: 24 },
    grid: { left: 56, right: 24, top: 56, bottom: 32 },
    xAxis: { type: 'category', data: stages.map((s) => stageLabel(s, lang)) },
    yAxis: { type: 'value', name: say(lang, '班级数', 'classes'), minInterval: 1 },
    series: BANDS.map((b) => ({
      type: 'bar',
      name: bandLabel(b, p, lang),
      data: stages.map((s) => report.byStage[s].byStatus[b]),
      label: { show: true, position: 'top', formatter: (x: { value: number }) => count(x.value) },
    })),
  };
  const text = stages.map((s) => {
    const c = report.byStage[s];
    const bands = BANDS.map((b) => `${bandLabel(b, p, lang)} ${count(c.byStatus[b])}`).join(say(lang, '，', ', '));
    return `${stageLabel(s, lang)}${say(lang, '：', ': ')}${bands}${say(lang, `（共 ${count(c.total)} 个，大班额占比 ${percent(c.largeShare)}）`, ` (${count(c.total)} classes, large share ${percent(c.largeShare)})`)}`;
  });
  return [{ id: 'classes-bands', title: say(lang, '小学、初中各类班额的班级数', 'Classes of each band, primary and junior'), svg: chartSvg(option, 760, 320), description: `${text.join(say(lang, '；', '; '))}${say(lang, '。', '.')}` }];
}

// ---------------------------------------------------------------- towns

/** The towns by large-class share, highest first (more large classes first on a tie), the first `limit`. */
export function townsByShare(groups: readonly ClassGroup[], limit = TOWNS_CHARTED): ClassGroup[] {
  const large = (g: ClassGroup): number => g.byStatus.large + g.byStatus['super-large'];
  return [...groups].sort((a, b) => b.largeShare - a.largeShare || large(b) - large(a)).slice(0, limit);
}

function townSection(r: ClassesReport): ReportSection {
  const { lang, params: p } = r;
  const heading = say(lang, '各镇街大班额占比', 'Large-class share by town');
  const groups = r.report.groups.town;
  if (groups === undefined || groups.length === 0) {
    return { heading, paragraphs: [say(lang, '本报告未按镇街分组（--group-by 不含 town，或名单无镇街列）。', 'This report is not grouped by town (--group-by without town, or the roster has no town column).')] };
  }
  const shown = townsByShare(groups);
  const name = (g: ClassGroup): string => g.key ?? say(lang, '（未填）', '(none)');
  const large = (g: ClassGroup): number => g.byStatus.large + g.byStatus['super-large'];
  /** `13.33%（6/45）` / `13.33% (6/45)`: the share, and large classes of classes. */
  const shareText = (g: ClassGroup): string => `${percent(g.largeShare)}${say(lang, `（${count(large(g))}/${count(g.total)}）`, ` (${count(large(g))}/${count(g.total)})`)}`;
  // Top of the chart is the highest share: a category y axis draws its first item at the bottom.
  const ordered = [...shown].reverse();
  const option: ChartOption = {
    color: [BAND_COLOURS.large],
    grid: { left: 120, right: 120, top: 16, bottom: 36 },
    xAxis: { type: 'value', name: say(lang, `大班额占比（${p.largeFrom}人及以上，%）`, `large share (${p.largeFrom}+), %`), nameLocation: 'middle', nameGap: 24, max: (v: { max: number }) => Math.max(10, Math.ceil(v.max / 10) * 10) },
    yAxis: { type: 'category', data: ordered.map(name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        data: ordered.map((g) => Math.round(g.largeShare * 10_000) / 100),
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (x: { dataIndex: number }) => shareText(ordered[x.dataIndex] as ClassGroup) },
      },
    ],
  };
  const more = groups.length - shown.length;
  const description = `${shown.map((g) => `${name(g)} ${shareText(g)}`).join(say(lang, '；', '; '))}${more > 0 ? say(lang, `；另有 ${count(more)} 个镇街未列出（见汇总表或 CSV）`, `; ${count(more)} more towns not shown (see the table or the CSV)`) : ''}${say(lang, `。括号内为大班额（${p.largeFrom}人及以上）数 / 班级数。`, `. In brackets: large classes (${p.largeFrom}+) / classes.`)}`;
  return {
    heading,
    charts: [{ id: 'classes-towns', title: more > 0 ? say(lang, `大班额占比最高的 ${shown.length} 个镇街`, `The ${shown.length} towns with the highest large-class share`) : say(lang, '各镇街大班额占比，由高到低', 'Towns by large-class share, highest first'), svg: chartSvg(option, 760, 52 + 24 * shown.length), description }],
  };
}

// ---------------------------------------------------------------- tables

function summaryTable(r: ClassesReport): ReportTable {
  const headers = headersOf(r);
  const texts = headers.length - 6;
  // Only the rows the page shows are written out (a national roster has 250,000 lines); the rest
  // are counted by the page's "more rows" line.
  const rows = linesOf(r.report).map((l, i) => (i < TABLE_LIMIT ? [...labelCells(r, l), count(l.counts.total), ...BANDS.map((b) => count(l.counts.byStatus[b])), percent(l.counts.largeShare)] : NOT_SHOWN));
  return {
    headers,
    rows,
    numeric: headers.map((_, i) => i).filter((i) => i >= texts),
    limit: TABLE_LIMIT,
  };
}

function listHeaders(r: ClassesReport): string[] {
  const { lang } = r;
  return [
    r.csv ? say(lang, '行', 'line') : say(lang, '序号', 'index'),
    say(lang, '班级', 'class'),
    say(lang, '学校', 'school'),
    ...(hasNames(r) ? [say(lang, '学校名称', 'school name')] : []),
    say(lang, '镇街', 'town'),
    say(lang, '城乡类型', 'location'),
    say(lang, '学段', 'stage'),
    say(lang, '班额', 'size'),
    say(lang, '类别', 'band'),
  ];
}

function listCells(r: ClassesReport, c: ListedClass): XlsxCell[] {
  const { lang, params: p } = r;
  const row = c.row;
  return [
    c.at,
    row.id ?? '',
    row.schoolId ?? '',
    ...(hasNames(r) ? [row.schoolId === undefined ? '' : (r.names?.get(row.schoolId) ?? '')] : []),
    row.town ?? '',
    locationLabel(row.location, lang),
    row.incomplete === true ? kindLabel('incompletePrimary', lang) : stageLabel(row.stage, lang),
    row.size,
    bandLabel(c.band, p, lang),
  ];
}

function largeSection(r: ClassesReport): ReportSection {
  const { lang } = r;
  const heading = say(lang, `大班额清单（${r.params.largeFrom}人及以上）`, `Large classes (${r.params.largeFrom}+)`);
  const n = r.sizes.largeCount;
  if (n === 0) return { heading, paragraphs: [say(lang, '没有大班额。', 'No large classes.')] };
  const headers = listHeaders(r);
  const rows = r.sizes.large.slice(0, LIST_SHOWN).map((c) => listCells(r, c).map((v) => (typeof v === 'number' && v !== c.at ? count(v) : String(v ?? ''))));
  const paragraphs = [say(lang, `共 ${count(n)} 个，按名单顺序列出${n > LIST_SHOWN ? `前 ${LIST_SHOWN} 个（全部见 xlsx 输出）` : ''}。`, `${count(n)} in all, in roster order${n > LIST_SHOWN ? `; the first ${LIST_SHOWN} are listed (all of them in the xlsx output)` : ''}.`)];
  return { heading, paragraphs, tables: [{ headers, rows, numeric: [0, headers.length - 2] }] };
}

// ---------------------------------------------------------------- the page

/** The HTML report: one self-contained page (see report/html.ts), in the reader's language. */
export function classesHtml(r: ClassesReport): string {
  const { lang, report, params: p } = r;
  const d = report.deadline;
  const large = report.byStatus.large + report.byStatus['super-large'];
  const sections: ReportSection[] = [
    {
      heading: say(lang, '班额分布', 'Class sizes'),
      paragraphs: report.total === 0 ? [say(lang, '名单中没有班级。', 'The roster has no classes.'), bandsLine(p, lang)] : [bandsLine(p, lang)],
      charts: histogramChart(r),
    },
    { heading: say(lang, '各学段班额类别', 'Bands by stage'), charts: bandsChart(r) },
    townSection(r),
    { heading: say(lang, '大班额消除期限', 'The large-class deadline'), paragraphs: [deadlineLine(report, p, lang)] },
    { heading: say(lang, '汇总表', 'The table'), tables: [summaryTable(r)] },
    largeSection(r),
  ];
  if (r.warnings.count > 0) {
    const more = r.warnings.count - r.warnings.lines.length;
    sections.push({
      heading: say(lang, '提示', 'Warnings'),
      list: more > 0 ? [...r.warnings.lines, say(lang, `另有 ${count(more)} 条提示未列出`, `… and ${count(more)} more, not shown`)] : r.warnings.lines,
    });
  }
  return reportHtml({
    lang,
    title: say(lang, '班额监测报告', 'Class-size monitoring report'),
    subtitle: [say(lang, `名单：${r.input}`, `Roster: ${r.input}`), say(lang, `计算日期：${r.asOf}；依据《意见》2.3（建立班额定期监测、通报制度）`, `As of ${r.asOf}; opinion 2.3 (class sizes monitored and reported regularly)`)],
    figures: [
      { label: say(lang, '班级数', 'Classes'), value: count(report.total) },
      { label: say(lang, `大班额（${p.largeFrom}人及以上）`, `Large classes (${p.largeFrom}+)`), value: count(large) },
      { label: say(lang, `大班额占比（${p.largeFrom}人及以上）`, `Large share (${p.largeFrom}+)`), value: percent(report.largeShare) },
      { label: say(lang, '城镇大班额', 'Urban/town large classes'), value: count(d.urbanAndTownLarge) },
      {
        label: say(lang, `距期限（${d.date}）`, `To the deadline (${d.date})`),
        value: d.passed ? say(lang, `已过 ${-d.daysRemaining} 天`, `passed ${-d.daysRemaining} days ago`) : say(lang, `${d.daysRemaining} 天`, `${d.daysRemaining} days`),
      },
    ],
    sections,
    footer: r.footer,
  });
}

// ---------------------------------------------------------------- the workbook

/**
 * The workbook: 汇总 (the table, counts as numbers, the share as a percentage to two decimals), 班额分布
 * (classes per size and kind), 大班额清单 (the large classes, up to {@link import('./collect.js').LIST_LIMIT}),
 * 说明 (the bands, the deadline, warnings and the footer).
 */
export async function classesXlsx(r: ClassesReport): Promise<Buffer> {
  const { lang, params: p } = r;
  const headers = headersOf(r);
  headers[headers.length - 1] = say(lang, `${shareLabel(p, lang).replace(/）$/, '')}，%）`, `${shareLabel(p, lang)}, %`);
  const summary: XlsxSheet = {
    name: say(lang, '汇总', 'Summary'),
    headers,
    rows: linesOf(r.report).map((l) => [...labelCells(r, l), l.counts.total, ...BANDS.map((b) => l.counts.byStatus[b]), Math.round(l.counts.largeShare * 10_000) / 100]),
  };
  const bySize = r.sizes.bySize();
  const kinds = KINDS.filter((k) => bySize[k].size > 0);
  // Every size that occurs, one row each (no cap: the sheet is the data).
  const allSizes = [...new Set(kinds.flatMap((k) => [...bySize[k].keys()]))].sort((a, b) => a - b);
  const sizes: XlsxSheet = {
    name: say(lang, '班额分布', 'Sizes'),
    headers: [say(lang, '班额（人）', 'size'), ...kinds.map((k) => kindLabel(k, lang)), say(lang, '合计', 'total')],
    rows: allSizes.map((size) => {
      const n = kinds.map((k) => bySize[k].get(size) ?? 0);
      return [size, ...n, n.reduce((a, b) => a + b, 0)];
    }),
  };
  const list: XlsxSheet = { name: say(lang, '大班额清单', 'Large classes'), headers: listHeaders(r), rows: r.sizes.large.map((c) => listCells(r, c)) };
  const notes: string[] = [bandsLine(p, lang), deadlineLine(r.report, p, lang)];
  if (r.sizes.largeCount > r.sizes.large.length) notes.push(say(lang, `大班额清单列出前 ${count(r.sizes.large.length)} 个（共 ${count(r.sizes.largeCount)} 个）。`, `The large-class sheet lists the first ${count(r.sizes.large.length)} of ${count(r.sizes.largeCount)}.`));
  for (const w of r.warnings.lines) notes.push(`${say(lang, '提示：', 'Warning: ')}${w}`);
  notes.push(...r.footer);
  return xlsxBytes([summary, sizes, list, { name: say(lang, '说明', 'Notes'), headers: [say(lang, '说明', 'Notes')], rows: notes.map((n) => [n]) }]);
}
