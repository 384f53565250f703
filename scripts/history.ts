/**
 * Figures over time: a small step chart of one parameter's history, drawn as inline SVG at build
 * time for the parameters page (scripts/policy-map.ts calls {@link historyChart} under each
 * parameter's heading). No script runs in the page; the chart is plain markup.
 *
 * - One line per region where the regions' histories differ; regions with the same history share a
 *   line (`central, west`). A parameter that does not differ by region has one line.
 * - Numbers (money, counts, shares, decimals) are drawn as steps on a value axis from 0; other
 *   values (choices, dates, lists) as a strip of labelled stretches.
 * - Each step is a link to its source (the `Source …` heading of the page) with a tooltip giving
 *   value, dates, source and confidence.
 * - Stretches whose value is `unverified` sit on an amber hatched band; stretches after the value's
 *   `confirmedThrough` (no source seen shows it still in force) are drawn dashed and faded on a grey
 *   band, marked "not confirmed since …".
 *
 * The chart ends a year after the latest date it knows (a value's start or confirmation, or the
 * page's "in force" date), on a 1 January, so the site stays reproducible.
 */
import type { DescribedValue, ParameterDescription } from '../src/index.js';

export interface HistoryChartOptions {
  /** The page's "in force" date (`YYYY-MM-DD`): the chart reaches past it and marks it. */
  readonly asOf: string;
  /** The link of a source id (an anchor on the page), or undefined for none. */
  readonly sourceHref: (id: string) => string | undefined;
  /** How a value is written (the page's own formatter). */
  readonly format: (value: unknown) => string;
}

const WIDTH = 640;
const LEFT = 64;
const RIGHT = 12;
const TOP = 10;
const PLOT = 64; // height of the value area (or the strip)
const AXIS = 18;
const LEGEND_ROW = 16;
const COLOURS = ['#1f6fb2', '#c2410c', '#15803d', '#7c3aed'];
const NUMERIC = new Set(['money', 'optional-money', 'count', 'share', 'decimal']);

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const dayAfter = (iso: string) => new Date(day(iso) + 86_400_000).toISOString().slice(0, 10);
const r1 = (n: number) => Math.round(n * 10) / 10;

interface Stretch {
  readonly entry: DescribedValue;
  readonly from: string;
  /** Exclusive end. */
  readonly to: string;
}

interface Series {
  readonly label: string | undefined;
  readonly stretches: readonly Stretch[];
}

function numberOf(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(String(value));
  return Number.isFinite(n) ? n : undefined;
}

/** The stretches of one line: each value from its date to the next value's (or the chart's end). */
function stretchesOf(entries: readonly DescribedValue[], end: string): Stretch[] {
  const sorted = [...entries].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return sorted.map((entry, i) => ({ entry, from: entry.from, to: sorted[i + 1]?.from ?? end }));
}

/** One line per group of regions with the same history (or one line when the parameter is not regional). */
function seriesOf(d: ParameterDescription, end: string): Series[] {
  if (!d.regional) return [{ label: undefined, stretches: stretchesOf(d.history, end) }];
  const regions = [...new Set(d.history.map((h) => h.region).filter((r): r is NonNullable<typeof r> => r !== undefined))];
  const byKey = new Map<string, { regions: string[]; entries: DescribedValue[] }>();
  for (const region of regions) {
    const entries = d.history.filter((h) => h.region === region || h.region === undefined);
    const key = JSON.stringify(entries.map((h) => [h.from, h.value, h.confidence, h.confirmedThrough ?? null, h.source]));
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, { regions: [region], entries });
    else group.regions.push(region);
  }
  const groups = [...byKey.values()];
  if (groups.length === 1) return [{ label: undefined, stretches: stretchesOf(groups[0]?.entries ?? [], end) }];
  return groups.map((g) => ({ label: g.regions.join(', '), stretches: stretchesOf(g.entries, end) }));
}

/** The chart's last day: 1 January after the latest date it knows, at least a year after it. */
function endOf(d: ParameterDescription, asOf: string): string {
  const dates = [asOf, ...d.history.map((h) => h.from), ...d.history.flatMap((h) => (h.confirmedThrough === undefined ? [] : [h.confirmedThrough]))];
  const latest = dates.sort().at(-1) as string;
  return `${Number(latest.slice(0, 4)) + 2}-01-01`;
}

/**
 * The chart of one parameter's history, as one line of HTML (a `<figure>` holding an `<svg>`):
 * no blank line inside, so Markdown keeps it as one HTML block.
 */
export function historyChart(d: ParameterDescription, options: HistoryChartOptions): string {
  if (d.history.length === 0) return '';
  const end = endOf(d, options.asOf);
  const series = seriesOf(d, end);
  const start = `${d.history.map((h) => h.from).sort()[0]?.slice(0, 4)}-01-01`;
  const t0 = day(start);
  const t1 = day(end);
  const x = (iso: string) => r1(LEFT + ((day(iso) - t0) / (t1 - t0)) * (WIDTH - LEFT - RIGHT));
  const numeric = NUMERIC.has(d.kind);
  const values = d.history.map((h) => numberOf(h.value)).filter((n): n is number => n !== undefined);
  const max = numeric && values.length > 0 ? Math.max(...values) : 0;
  const top = max > 0 ? max * 1.15 : 1;
  const y = (n: number) => r1(TOP + PLOT - (n / top) * PLOT);
  const legendRows = (series.length > 1 ? 1 : 0) + 1;
  const height = TOP + PLOT + AXIS + legendRows * LEGEND_ROW + 4;
  const parts: string[] = [];
  const hits: string[] = [];
  const hit = (left: number, topY: number, w: number, h: number, href: string | undefined, tip: string) => {
    if (href === undefined) return;
    const pct = (n: number, of: number) => `${Math.round((n / of) * 10000) / 100}%`;
    hits.push(
      `<a class="jh-h-step" href="${esc(href)}" title="${esc(tip)}" aria-label="${esc(tip.replace(/\n/g, '; '))}" style="position:absolute;display:block;left:${pct(left, WIDTH)};top:${pct(topY, height)};width:${pct(w, WIDTH)};height:${pct(h, height)}"></a>`,
    );
  };
  const u = `jh-u-${d.path.replace(/[^A-Za-z0-9]/g, '-')}`;
  const st_ = `jh-s-${d.path.replace(/[^A-Za-z0-9]/g, '-')}`;
  const marks = { unverified: false, stale: false };

  // Background bands: unverified stretches, and stretches after their confirmation.
  for (const s of series) {
    for (const st of s.stretches) {
      if (st.entry.confidence === 'unverified') {
        marks.unverified = true;
        parts.push(`<rect class="jh-h-unverified" x="${x(st.from)}" y="${TOP}" width="${r1(x(st.to) - x(st.from))}" height="${PLOT}" fill="url(#${u})"/>`);
      }
      const c = st.entry.confirmedThrough;
      if (c !== undefined && c < st.to) {
        marks.stale = true;
        const from = c < st.from ? st.from : dayAfter(c);
        parts.push(`<rect class="jh-h-stale" x="${x(from)}" y="${TOP}" width="${r1(x(st.to) - x(from))}" height="${PLOT}" fill="url(#${st_})"/>`);
      }
    }
  }

  // Axis: a tick per year (labels thinned to fit) and the page's date.
  const y0 = Number(start.slice(0, 4));
  const y1 = Number(end.slice(0, 4));
  const every = Math.max(1, Math.ceil((y1 - y0) / 8));
  const axisY = TOP + PLOT;
  parts.push(`<line x1="${LEFT}" y1="${axisY}" x2="${WIDTH - RIGHT}" y2="${axisY}" stroke="#888" stroke-width="1"/>`);
  for (let year = y0; year <= y1; year++) {
    const xx = x(`${year}-01-01`);
    const labelled = (year - y0) % every === 0;
    parts.push(`<line x1="${xx}" y1="${axisY}" x2="${xx}" y2="${axisY + (labelled ? 4 : 2)}" stroke="#888"/>`);
    if (labelled && year < y1) parts.push(`<text x="${xx}" y="${axisY + 14}" font-size="10" text-anchor="middle" fill="currentColor">${year}</text>`);
  }
  const asOfX = x(options.asOf);
  parts.push(`<line class="jh-h-asof" x1="${asOfX}" y1="${TOP - 4}" x2="${asOfX}" y2="${axisY}" stroke="#888" stroke-dasharray="2 2"><title>values in force on ${esc(options.asOf)} (the page's date)</title></line>`);

  if (numeric) {
    parts.push(`<text x="${LEFT - 6}" y="${y(0) + 3}" font-size="10" text-anchor="end" fill="currentColor">0</text>`);
  }

  // The steps, one link each.
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length] as string;
    const offset = numeric ? 0 : i * (PLOT / series.length);
    const band = numeric ? 0 : PLOT / series.length;
    s.stretches.forEach((st, k) => {
      const e = st.entry;
      const shown = options.format(e.value);
      const c = e.confirmedThrough;
      const staleFrom = c !== undefined && c < st.to ? (c < st.from ? st.from : dayAfter(c)) : undefined;
      const tip = [
        `${d.path}${s.label === undefined ? '' : ` (${s.label})`} = ${shown}`,
        `from ${st.from}${e.fromParameter === undefined ? '' : ` (${e.fromParameter})`}${st.to === end ? '' : ` until ${st.to}`}`,
        `source ${e.source}, ${e.confidence}`,
        ...(c === undefined ? [] : [staleFrom === undefined ? `confirmed through ${c}` : `not confirmed since ${c}`]),
      ].join('\n');
      const body: string[] = [`<title>${esc(tip)}</title>`];
      const xa = x(st.from);
      const xb = x(st.to);
      const xs = staleFrom === undefined ? xb : x(staleFrom);
      if (numeric) {
        const n = numberOf(e.value);
        if (n !== undefined) {
          const yy = y(n);
          if (xs > xa) body.push(`<line x1="${xa}" y1="${yy}" x2="${xs}" y2="${yy}" stroke="${colour}" stroke-width="2.5"/>`);
          if (xb > xs) body.push(`<line class="jh-h-stale-line" x1="${xs}" y1="${yy}" x2="${xb}" y2="${yy}" stroke="${colour}" stroke-width="2" stroke-dasharray="4 3" opacity="0.55"/>`);
          const prev = s.stretches[k - 1];
          const pn = prev === undefined ? undefined : numberOf(prev.entry.value);
          if (pn !== undefined) body.push(`<line x1="${xa}" y1="${y(pn)}" x2="${xa}" y2="${yy}" stroke="${colour}" stroke-width="1.5"/>`);
          body.push(`<circle cx="${xa}" cy="${yy}" r="3" fill="${colour}"/>`);
          body.push(`<text x="${r1(xa + 4)}" y="${r1(yy - 5)}" font-size="10" fill="${colour}">${esc(shown)}</text>`);
          hit(xa - 3, yy - 12, Math.max(6, xb - xa + 3), 18, options.sourceHref(e.source), tip);
        } else {
          body.push(`<text x="${r1(xa + 4)}" y="${y(0) - 4}" font-size="10" fill="${colour}">${esc(shown)}</text>`);
          hit(xa, y(0) - 14, Math.max(6, xb - xa), 14, options.sourceHref(e.source), tip);
        }
      } else {
        const yTop = r1(TOP + offset + 2);
        const h = r1(band - 4);
        body.push(`<rect x="${xa}" y="${yTop}" width="${r1(Math.max(1, xs - xa))}" height="${h}" fill="${colour}" fill-opacity="0.18" stroke="${colour}"/>`);
        if (xb > xs) body.push(`<rect class="jh-h-stale-line" x="${xs}" y="${yTop}" width="${r1(xb - xs)}" height="${h}" fill="${colour}" fill-opacity="0.06" stroke="${colour}" stroke-dasharray="4 3" opacity="0.6"/>`);
        const room = Math.floor((xb - xa - 8) / 6);
        const label = shown.length > room ? `${shown.slice(0, Math.max(0, room - 1))}…` : shown;
        if (room >= 2) body.push(`<text x="${r1(xa + 4)}" y="${r1(yTop + h / 2 + 4)}" font-size="10" fill="currentColor">${esc(label)}</text>`);
        hit(xa, yTop, Math.max(6, xb - xa), h, options.sourceHref(e.source), tip);
      }
      parts.push(`<g class="jh-h-line">${body.join('')}</g>`);
    });
  });

  // Legend: the regions (when they differ), then what the marks mean.
  let ly = TOP + PLOT + AXIS + 12;
  if (series.length > 1) {
    let lx = LEFT;
    series.forEach((s, i) => {
      const colour = COLOURS[i % COLOURS.length] as string;
      parts.push(`<line x1="${lx}" y1="${ly - 4}" x2="${lx + 16}" y2="${ly - 4}" stroke="${colour}" stroke-width="2.5"/><text x="${lx + 20}" y="${ly}" font-size="10" fill="currentColor">${esc(s.label ?? '')}</text>`);
      lx += 28 + (s.label ?? '').length * 6;
    });
    ly += LEGEND_ROW;
  }
  let lx = LEFT;
  const key = (fill: string, text: string) => {
    parts.push(`<rect x="${lx}" y="${ly - 9}" width="16" height="10" fill="${fill}" stroke="#999" stroke-width="0.5"/><text x="${lx + 20}" y="${ly}" font-size="10" fill="currentColor">${esc(text)}</text>`);
    lx += 30 + text.length * 5.6;
  };
  if (marks.unverified) key(`url(#${u})`, 'unverified value');
  if (marks.stale) key(`url(#${st_})`, 'not confirmed by a source since (dashed)');
  parts.push(`<text x="${lx}" y="${ly}" font-size="10" fill="currentColor">┆ ${esc(options.asOf)} = values in force on this page · click a step for its source</text>`);

  const defs =
    '<defs>' +
    `<pattern id="${u}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fde68a" fill-opacity="0.35"/><line x1="0" y1="0" x2="0" y2="6" stroke="#d97706" stroke-width="1.2" stroke-opacity="0.45"/></pattern>` +
    `<pattern id="${st_}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="6" height="6" fill="#9ca3af" fill-opacity="0.15"/><line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" stroke-width="1" stroke-opacity="0.4"/></pattern>` +
    '</defs>';
  const summary = `History of ${d.path}: ${series
    .map((s) => `${s.label === undefined ? '' : `${s.label}: `}${s.stretches.map((st) => `${options.format(st.entry.value)} from ${st.from}`).join(', ')}`)
    .join('; ')}`;
  const svg = `<svg class="jh-history-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" style="display:block;width:100%;height:auto" role="img" aria-label="${esc(summary)}" font-family="sans-serif">${defs}${parts.join('')}</svg>`;
  // The step links are HTML anchors laid over the SVG in percentages, so they follow its scaling.
  return `<figure class="jh-history" data-parameter="${esc(d.path)}" style="position:relative;max-width:${WIDTH}px;margin:0 0 1em">${svg}${hits.join('')}</figure>\n\n`;
}
