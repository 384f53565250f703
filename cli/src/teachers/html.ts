/**
 * `junheng teachers --format html`: one self-contained page (reportHtml) with the completion
 * figures, three charts — training hours against the hours a cycle asks (each teacher's bar, sorted,
 * for a small file; a histogram for a large one), the teachers by status, the shortfalls by size —
 * the table (the first rows of a large file, with a line saying so) and the footer. Every chart's
 * numbers are in its description or in the table, exactly as the JSON output has them.
 */
import type { TrainingStatus, TrainingSummary } from 'junheng';
import { chartSvg, type ChartOption } from '../report/chart.js';
import { reportHtml, type ReportChart, type ReportSection } from '../report/html.js';
import { grouped, say, type Lang } from '../lang.js';
import { STDIN_NAME, type ParameterFile } from '../read.js';
import { completionLines, footerLines, headingLines, trainingRule, type TrainingRule } from './report.js';
import { BIN_HOURS, tenthsText, type TeacherStats } from './stats.js';
import { percentText, ratePercent, STATUS_WORDS, STATUSES, tableHeaders } from './words.js';

/** Teachers up to this many get a bar each (sorted by hours); more get a histogram. */
export const BARS_UP_TO = 80;
/** Rows of the report's table: the first this many teachers, in file order. */
export const HTML_ROWS = 1000;

/** The colours of the statuses, the same in every chart. */
const STATUS_COLOUR: Readonly<Record<TrainingStatus, string>> = { met: '#2e7d32', 'in-progress': '#e0a100', 'not-met': '#c62828' };
const LINE_COLOUR = '#0b5cad';

/** What the page needs besides the figures. */
export interface HtmlOptions {
  readonly lang: Lang;
  readonly asOf: string;
  /** How the input is named in the subtitle (a path, standard input, a workbook's sheet). */
  readonly input: string;
  readonly named: boolean;
  readonly parameters?: ParameterFile | undefined;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const count = (lang: Lang, n: number): string => say(lang, `${grouped(String(n))} 名`, `${grouped(String(n))}`);

/** A bin of completed hours as a reader reads it: `0–20`, the last `≥ 540`. */
function completedBin(stats: TeacherStats, k: number): string {
  const from = k * BIN_HOURS;
  return k === stats.completed.length - 1 ? `≥ ${from}` : `${from}–${from + BIN_HOURS}`;
}

/** A bin of shortfalls: `(0, 20]` read as `≤ 20`, then `20–40`, the last `> 340`. */
function shortfallBin(bins: number, k: number): string {
  if (k === 0) return `≤ ${BIN_HOURS}`;
  const from = k * BIN_HOURS;
  return k === bins - 1 ? `> ${from}` : `${from}–${from + BIN_HOURS}`;
}

/** Each teacher's completed hours, sorted, coloured by status, with the hours owed marked and the full requirement as a line. */
function barsChart(stats: TeacherStats, rule: TrainingRule, lang: Lang): ReportChart {
  const rows = [...stats.rows].sort((a, b) => a.completed - b.completed || a.id.localeCompare(b.id));
  const many = rows.length > 30;
  const owed = say(lang, '应修学时（周期中途入职按月折算）', 'hours owed (pro rata for a mid-cycle hire)');
  // One bar series per status, stacked (a teacher's bar is in one of them), so the legend names the colours.
  const option: ChartOption = {
    grid: { left: 56, right: 24, top: 40, bottom: many ? 96 : 64 },
    legend: { top: 0, data: [...STATUSES.map((s) => STATUS_WORDS[lang][s]), owed] },
    xAxis: { type: 'category', data: rows.map((r) => r.id), axisLabel: { rotate: many ? 90 : 45, fontSize: many ? 9 : 11, interval: 0 } },
    yAxis: { type: 'value', name: say(lang, '学时', 'hours') },
    series: [
      ...STATUSES.map((status, i) => ({
        name: STATUS_WORDS[lang][status],
        type: 'bar',
        stack: 'hours',
        barWidth: '70%',
        itemStyle: { color: STATUS_COLOUR[status] },
        // A teacher with no hours has no bar to see: a 0 is written where it would stand.
        data: rows.map((r) => (r.status !== status ? '-' : r.completed === 0 ? { value: 0, label: { show: true, position: 'top', formatter: '0', color: STATUS_COLOUR[status], fontWeight: 'bold' } } : r.completed)),
        ...(i === 0
          ? {
              markLine: {
                silent: true,
                symbol: 'none',
                lineStyle: { color: LINE_COLOUR, type: 'dashed', width: 1.5 },
                label: { formatter: say(lang, `${rule.requiredHours} 学时`, `${rule.requiredHours} hours`), position: 'insideStartTop', color: LINE_COLOUR },
                data: [{ yAxis: rule.requiredHours }],
              },
            }
          : {}),
      })),
      {
        name: owed,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [many ? 9 : 16, 3],
        itemStyle: { color: '#1f2328' },
        data: rows.map((r) => r.required),
      },
    ],
  };
  const atLine = rows.filter((r) => r.completed >= rule.requiredHours).length;
  return {
    id: 'teachers-hours',
    title: say(lang, `每位教师的已修学时（按学时排序；虚线为 ${rule.requiredHours} 学时）`, `Training hours of each teacher (sorted; the dashed line is ${rule.requiredHours} hours)`),
    svg: chartSvg(option, 960, many ? 400 : 340),
    description: say(
      lang,
      `${rows.length} 名教师中 ${atLine} 名已修满 ${rule.requiredHours} 学时，${rows.length - atLine} 名不足 ${rule.requiredHours} 学时${stats.proRata > 0 ? `（其中 ${stats.proRata} 名周期中途入职，应修学时按月折算，见黑色短线）` : ''}。绿色为已完成，黄色为进行中，红色为未完成；每位教师的学时见下表。`,
      `${atLine} of ${rows.length} teachers have ${rule.requiredHours} hours or more, ${rows.length - atLine} fewer${stats.proRata > 0 ? ` (${stats.proRata} of them hired mid-cycle, owing hours pro rata: the black marks)` : ''}. Green: met; amber: in progress; red: not met. Each teacher's hours are in the table below.`,
    ),
  };
}

/** A histogram of completed hours, bins of 20 hours, with the full requirement as a line. */
function histogramChart(stats: TeacherStats, rule: TrainingRule, lang: Lang): ReportChart {
  const bins = stats.completed;
  const last = bins.length - 1;
  // Bars at the bins' middles on a value axis, so that the line sits exactly at the hours required.
  const data = bins.map((n, k) => [k * BIN_HOURS + BIN_HOURS / 2, n]);
  const option: ChartOption = {
    grid: { left: 64, right: 32, top: 40, bottom: 48 },
    xAxis: { type: 'value', min: 0, max: (last + 1) * BIN_HOURS, interval: BIN_HOURS * 3, axisLabel: { showMaxLabel: false }, name: say(lang, '已修学时', 'hours completed'), nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: say(lang, '教师人数', 'teachers') },
    series: [
      {
        type: 'bar',
        barWidth: '90%',
        itemStyle: { color: '#5b7db1' },
        data,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: LINE_COLOUR, type: 'dashed', width: 1.5 },
          label: { formatter: say(lang, `${rule.requiredHours} 学时`, `${rule.requiredHours} hours`), position: 'end' },
          data: [{ xAxis: rule.requiredHours }],
        },
      },
    ],
  };
  const listed = bins.map((n, k) => (n === 0 ? undefined : `${completedBin(stats, k)}: ${grouped(String(n))}`)).filter((x) => x !== undefined);
  return {
    id: 'teachers-hours',
    title: say(lang, `已修学时分布（每 ${BIN_HOURS} 学时一组；虚线为 ${rule.requiredHours} 学时）`, `Hours completed (bins of ${BIN_HOURS} hours; the dashed line is ${rule.requiredHours} hours)`),
    svg: chartSvg(option, 960, 340),
    description: say(
      lang,
      `各组教师人数（学时区间含下限、不含上限）：${listed.join('；')}；其余各组 0 名。${stats.proRata > 0 ? `其中 ${grouped(String(stats.proRata))} 名周期中途入职，应修学时按月折算，少于 ${rule.requiredHours}。` : ''}`,
      `Teachers per bin (from the lower bound, below the upper): ${listed.join('; ')}; every other bin 0.${stats.proRata > 0 ? ` ${grouped(String(stats.proRata))} of them were hired mid-cycle and owe fewer than ${rule.requiredHours} hours, pro rata.` : ''}`,
    ),
  };
}

/** The teachers by status: a ring, the completion rate in its middle. */
function statusChart(summary: TrainingSummary, lang: Lang): ReportChart {
  const counts: Record<TrainingStatus, number> = { met: summary.met, 'in-progress': summary.inProgress, 'not-met': summary.notMet };
  const pct = percentText(lang, ratePercent(summary.met, summary.total));
  const option: ChartOption = {
    title: { text: pct, subtext: say(lang, '完成率', 'completion'), left: 'center', top: '40%', textStyle: { fontSize: 22 }, subtextStyle: { fontSize: 12 } },
    legend: { orient: 'vertical', left: 8, top: 8 },
    series: [
      {
        type: 'pie',
        radius: ['48%', '72%'],
        center: ['50%', '55%'],
        label: { formatter: '{b}', fontSize: 12 },
        // The count is in the slice's name, grouped as everywhere in the report (1,234).
        data: STATUSES.filter((s) => counts[s] > 0).map((s) => ({ name: `${STATUS_WORDS[lang][s]} ${count(lang, counts[s])}`, value: counts[s], itemStyle: { color: STATUS_COLOUR[s] } })),
      },
    ],
  };
  return {
    id: 'teachers-status',
    title: say(lang, '完成情况', 'Teachers by status'),
    svg: chartSvg(option, 640, 300),
    description: say(
      lang,
      `已完成 ${count(lang, counts.met)}，进行中 ${count(lang, counts['in-progress'])}，未完成 ${count(lang, counts['not-met'])}，共 ${count(lang, summary.total)}；完成率 ${pct}（${summary.met} ÷ ${summary.total}，向下取一位小数）。`,
      `Met ${count(lang, counts.met)}, in progress ${count(lang, counts['in-progress'])}, not met ${count(lang, counts['not-met'])}, of ${count(lang, summary.total)}; completion ${pct} (${summary.met} ÷ ${summary.total}, rounded down to one decimal).`,
    ),
  };
}

/** The shortfalls of the teachers short of their hours, by size, in progress and not met stacked. */
function shortfallChart(stats: TeacherStats, lang: Lang): ReportChart {
  const n = stats.shortfall['not-met'].length;
  const labels = Array.from({ length: n }, (_, k) => shortfallBin(n, k));
  const short: Array<'in-progress' | 'not-met'> = ['in-progress', 'not-met'];
  const option: ChartOption = {
    grid: { left: 64, right: 24, top: 40, bottom: 64 },
    legend: { top: 0, data: short.map((s) => STATUS_WORDS[lang][s]) },
    xAxis: { type: 'category', data: labels, name: say(lang, '尚差学时', 'hours short'), nameLocation: 'middle', nameGap: 44, axisLabel: { rotate: 45, interval: 0, fontSize: 10 } },
    yAxis: { type: 'value', name: say(lang, '教师人数', 'teachers'), minInterval: 1 },
    series: short.map((s) => ({ name: STATUS_WORDS[lang][s], type: 'bar', stack: 'short', data: stats.shortfall[s], itemStyle: { color: STATUS_COLOUR[s] } })),
  };
  const listed = labels
    .map((label, k) => {
      const p = stats.shortfall['in-progress'][k] as number;
      const m = stats.shortfall['not-met'][k] as number;
      if (p + m === 0) return undefined;
      return say(lang, `${label}：进行中 ${p}、未完成 ${m}`, `${label}: ${p} in progress, ${m} not met`);
    })
    .filter((x) => x !== undefined);
  const shortCount = stats.byStatus['in-progress'] + stats.byStatus['not-met'];
  return {
    id: 'teachers-shortfall',
    title: say(lang, `学时缺口分布（尚差学时，每 ${BIN_HOURS} 学时一组）`, `Shortfalls (hours still owed, bins of ${BIN_HOURS} hours)`),
    svg: chartSvg(option, 960, 320),
    description: say(
      lang,
      shortCount === 0 ? '没有学时不足的教师。' : `学时不足的 ${count(lang, shortCount)}教师，尚差学时合计 ${grouped(tenthsText(stats.shortfallTenths))}；各组（含上限、不含下限）：${listed.join('；')}；其余各组 0 名。`,
      shortCount === 0 ? 'No teacher is short of the hours.' : `${count(lang, shortCount)} teachers short, ${grouped(tenthsText(stats.shortfallTenths))} hours still owed in all; per bin (above the lower bound, up to the upper): ${listed.join('; ')}; every other bin 0.`,
    ),
  };
}

/** The page. */
export function teachersHtml(summary: TrainingSummary, stats: TeacherStats, o: HtmlOptions): string {
  const { lang } = o;
  const rule = trainingRule(o.asOf, o.parameters?.patch);
  const pct = percentText(lang, ratePercent(summary.met, summary.total));
  const sections: ReportSection[] = [];
  sections.push({ heading: say(lang, '概况', 'Summary'), paragraphs: [...headingLines(summary, o.asOf, rule, lang), ...completionLines(summary, rule, lang)] });
  if (summary.total > 0) {
    sections.push({
      heading: say(lang, '培训学时', 'Training hours'),
      charts: [stats.total <= BARS_UP_TO && stats.rows.length === stats.total ? barsChart(stats, rule, lang) : histogramChart(stats, rule, lang), statusChart(summary, lang), shortfallChart(stats, lang)],
    });
    const headers = tableHeaders(lang, o.named);
    const o1 = o.named ? 1 : 0;
    const rows = stats.rows.map((r) => {
      const cells = [r.id, String(r.completed), String(r.required), String(r.shortfall), STATUS_WORDS[lang][r.status]];
      if (o.named) cells.splice(1, 0, r.name);
      return cells;
    });
    const shown = stats.rows.length;
    sections.push({
      heading: say(lang, '教师明细', 'Teachers'),
      paragraphs:
        shown < stats.total
          ? [
              say(
                lang,
                `下表按文件顺序列出前 ${grouped(String(shown))} 名教师（共 ${grouped(String(stats.total))} 名）；全部教师见 CSV、JSON 或 xlsx 输出。`,
                `The first ${grouped(String(shown))} of ${grouped(String(stats.total))} teachers, in file order; the CSV, JSON and xlsx outputs hold them all.`,
              ),
            ]
          : [],
      tables: [
        {
          headers,
          rows,
          numeric: [1 + o1, 2 + o1, 3 + o1],
          footer: [say(lang, '合计', 'total'), ...(o.named ? [''] : []), grouped(tenthsText(stats.completedTenths)), grouped(tenthsText(stats.requiredTenths)), grouped(tenthsText(stats.shortfallTenths)), ''],
        },
      ],
    });
  }
  return reportHtml({
    lang,
    title: say(lang, '教师培训学时报告', 'Teacher training hours'),
    subtitle: [
      say(lang, `输入：${o.input === STDIN_NAME ? '标准输入' : o.input}；计算日期 ${o.asOf}；培训周期 ${summary.cycle.start} 至 ${summary.cycle.end}`, `Input: ${o.input}; as of ${o.asOf}; cycle ${summary.cycle.start} … ${summary.cycle.end}`),
    ],
    figures: [
      { label: say(lang, '教师', 'Teachers'), value: grouped(String(summary.total)) },
      { label: say(lang, '完成率', 'Completion'), value: pct },
      { label: capital(STATUS_WORDS[lang].met), value: grouped(String(summary.met)) },
      { label: capital(STATUS_WORDS[lang]['in-progress']), value: grouped(String(summary.inProgress)) },
      { label: capital(STATUS_WORDS[lang]['not-met']), value: grouped(String(summary.notMet)) },
      { label: say(lang, '尚差学时合计', 'Hours still owed'), value: grouped(tenthsText(stats.shortfallTenths)) },
    ],
    sections,
    footer: footerLines(summary, o.asOf, lang, o.parameters),
  });
}
