/**
 * The HTML report every command writes with `--format html`: one self-contained file (no network:
 * styles inline, charts as inline SVG, no script, system fonts) that a bureau can mail or print on
 * A4. A command describes its report as sections — headings, paragraphs, tables, charts — and this
 * module writes the page.
 */
import { say, type Lang } from '../lang.js';

/** A table of a report: header cells and rows of text cells; `numeric` columns are right-aligned. */
export interface ReportTable {
  readonly caption?: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  /** Indexes of right-aligned (numeric) columns. */
  readonly numeric?: readonly number[];
  /** Indexes of columns kept on one line (ids, short statuses), so a long text column wraps instead. */
  readonly nowrap?: readonly number[];
  /** A last row set apart (a total). */
  readonly footer?: readonly string[];
  /** Many columns: a smaller font and tighter cells (on screen and in print), so a wide table still fits an A4 page. */
  readonly compact?: boolean;
  /** Rows past this many are left out of the page, with a line that says how many (the data files hold them all). */
  readonly limit?: number;
}

/** A chart of a report: an inline SVG string (see chart.ts) with its caption. */
export interface ReportChart {
  readonly title: string;
  readonly svg: string;
  /** What a reader who cannot see the chart should know: its numbers in words. */
  readonly description?: string;
  /** A stable name for tests and anchors (`budget-by-location`). */
  readonly id: string;
}

/** One section of a report. */
export interface ReportSection {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly charts?: readonly ReportChart[];
  /** Charts side by side, this many in a row (small multiples); default one per row. */
  readonly chartColumns?: 1 | 2 | 3;
  readonly tables?: readonly ReportTable[];
  /** Lines in a list (warnings, stale values, citations). */
  readonly list?: readonly string[];
}

/** A whole report. */
export interface Report {
  readonly lang: Lang;
  readonly title: string;
  /** Lines under the title: the file, the date of the rates, the region. */
  readonly subtitle?: readonly string[];
  /** Figures shown large at the top: label and value. */
  readonly figures?: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  readonly sections: readonly ReportSection[];
  /** The footer lines (sources, unverified and stale values), the same as the table format's. */
  readonly footer?: readonly string[];
}

/** Text escaped for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0b5cad; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1040px; padding: 24px 32px 48px; color: var(--ink); background: #fff;
  font: 14px/1.6 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.subtitle { color: var(--muted); margin: 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 4px; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 160px; }
.figure .label { color: var(--muted); font-size: 12px; }
.figure .value { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
figure.chart { margin: 12px 0; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
figure.chart .description { color: var(--muted); font-size: 12px; }
.chart-grid { display: grid; gap: 4px 20px; }
.chart-grid.cols-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.chart-grid.cols-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.chart-grid figure.chart { margin: 8px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.compact { font-size: 13px; }
table.compact th, table.compact td { padding: 3px 5px; }
td.nowrap, th.nowrap { white-space: nowrap; }
tfoot td { font-weight: 600; border-top: 2px solid var(--ink); }
.more { color: var(--muted); font-size: 12px; }
ul { padding-left: 20px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
footer p { margin: 4px 0; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; }
  tr, figure.chart { break-inside: avoid; }
  thead { display: table-header-group; }
  table.compact { font-size: 10px; }
}
`;

function tableHtml(t: ReportTable, lang: Lang): string {
  const numeric = new Set(t.numeric ?? []);
  const nowrap = new Set(t.nowrap ?? []);
  const cls = (i: number): string => (numeric.has(i) ? ' class="num"' : nowrap.has(i) ? ' class="nowrap"' : '');
  const limit = t.limit ?? Infinity;
  const rows = t.rows.length > limit ? t.rows.slice(0, limit) : t.rows;
  const parts = [t.compact === true ? '<table class="compact">' : '<table>'];
  if (t.caption !== undefined) parts.push(`<caption>${escapeHtml(t.caption)}</caption>`);
  parts.push(`<thead><tr>${t.headers.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`);
  for (const row of rows) parts.push(`<tr>${row.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr>`);
  parts.push('</tbody>');
  if (t.footer !== undefined) parts.push(`<tfoot><tr>${t.footer.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join('')}</tr></tfoot>`);
  parts.push('</table>');
  if (t.rows.length > limit) {
    const rest = t.rows.length - limit;
    parts.push(`<p class="more">${escapeHtml(say(lang, `另有 ${rest.toLocaleString('en')} 行未在此列出（见 CSV / JSON / xlsx 输出）。`, `${rest.toLocaleString('en')} more rows are not shown here (see the CSV, JSON or xlsx output).`))}</p>`);
  }
  return parts.join('');
}

/** The report as one self-contained HTML document. */
export function reportHtml(report: Report): string {
  const { lang } = report;
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(report.title)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(report.title)}</h1>`,
    ...(report.subtitle ?? []).map((line) => `<p class="subtitle">${escapeHtml(line)}</p>`),
    '</header>',
  ];
  if (report.figures !== undefined && report.figures.length > 0) {
    out.push('<div class="figures">');
    for (const f of report.figures) out.push(`<div class="figure"><div class="label">${escapeHtml(f.label)}</div><div class="value">${escapeHtml(f.value)}</div></div>`);
    out.push('</div>');
  }
  for (const s of report.sections) {
    out.push(`<section><h2>${escapeHtml(s.heading)}</h2>`);
    for (const p of s.paragraphs ?? []) out.push(`<p>${escapeHtml(p)}</p>`);
    if (s.list !== undefined && s.list.length > 0) out.push(`<ul>${s.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    const columns = s.chartColumns ?? 1;
    if (columns > 1 && (s.charts ?? []).length > 0) out.push(`<div class="chart-grid cols-${columns}">`);
    for (const c of s.charts ?? []) {
      out.push(`<figure class="chart" id="${escapeHtml(c.id)}" data-chart="${escapeHtml(c.id)}"><figcaption>${escapeHtml(c.title)}</figcaption>${c.svg}`);
      if (c.description !== undefined) out.push(`<p class="description">${escapeHtml(c.description)}</p>`);
      out.push('</figure>');
    }
    if (columns > 1 && (s.charts ?? []).length > 0) out.push('</div>');
    for (const t of s.tables ?? []) out.push(tableHtml(t, lang));
    out.push('</section>');
  }
  if (report.footer !== undefined && report.footer.length > 0) {
    out.push(`<footer>${report.footer.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</footer>`);
  }
  out.push('</body></html>\n');
  return out.join('\n');
}
