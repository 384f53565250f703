/**
 * The HTML report of `junheng assess` (`--format html`): one self-contained page (see
 * report/html.ts) with the verdict, and charts a bureau reads the assessment by —
 *
 * - each indicator per school against its threshold, one small bar chart per indicator and stage:
 *   the threshold a dashed line, bars under it coloured (under but within the near-miss share,
 *   under it), small teaching points that are not assessed in grey;
 * - each stage's seven difference coefficients against the stage's limit (the limit read from the
 *   result, so a local parameter set shows its own), and after the additions when there is a gap;
 * - what it would take: each raised indicator of each school as a share of its threshold, now and
 *   after the additions, against 100 % and the near-miss share;
 *
 * then the tables (indicators, schools, additions, guarantees, quality, vetoes) and the footer.
 * Every chart's numbers are in its description or in the table beside it, rounded as the table
 * format rounds them; the exact values are in the JSON output.
 */
import type { BalanceGapResult, CountyAssessment, IndicatorId, SchoolAssessment, StageAssessment } from 'junheng';
import { chartSvg, type ChartOption } from '../report/chart.js';
import { reportHtml, type ReportChart, type ReportSection, type ReportTable } from '../report/html.js';
import { grouped, say, type Lang } from '../lang.js';
import {
  ADDITION_WORD,
  ADDITIONS,
  coefficientText,
  complies,
  countyName,
  DIMENSION,
  DIMENSION_STATUS,
  gapTarget,
  INDICATOR,
  INDICATOR_IDS,
  ITEM_STATUS,
  roundLongDecimals,
  shareText,
  STAGE,
  STAGES,
  valueText,
  VERDICT,
  VERDICT_SHORT,
  VETO_STATUS,
  vetoesSummary,
  type StageName,
} from './labels.js';
import { nearMissPercent, type Assessed, type AssessRun } from './model.js';
import { coefficientsAfterRows, gapRows, indicatorRows, recognitionLine, resourceRule, schoolRows, stageHeading, verdictList } from './text.js';

/** The colours of the charts: met, under but within the near-miss share, under it, not assessed, after the additions. */
export const COLOURS = { met: '#3a6ea5', near: '#e0a100', far: '#c62828', excluded: '#a7b0ba', after: '#2e9d5b', line: '#c62828' } as const;

const sep = (lang: Lang): string => say(lang, '；', '; ');
const list = (lang: Lang): string => say(lang, '、', ', ');

/**
 * A value axis from 0 that holds `top` with a little room for the bar labels, in four or five
 * round steps (1, 2, 2.5 or 5 × 10ⁿ), at most five: `{ max, interval }` for ECharts.
 */
export function niceAxis(top: number): { max: number; interval: number } {
  if (!(top > 0)) return { max: 1, interval: 0.25 };
  const raw = (top * 1.08) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const interval = Number(step.toPrecision(6));
  return { max: Number((Math.ceil((top * 1.08) / interval) * interval).toPrecision(6)), interval };
}

/** The kind of a school's bar on an indicator's chart. */
function barKind(s: SchoolAssessment, id: IndicatorId): 'met' | 'near' | 'far' | 'excluded' {
  if (s.excluded) return 'excluded';
  const missed = s.missed.find((m) => m.id === id);
  if (missed === undefined) return 'met';
  return missed.nearMiss ? 'near' : 'far';
}

/**
 * One indicator of a stage, per school, against its threshold: horizontal bars (school names
 * read on the left), one series per kind of bar so the legend says what each colour means.
 */
export function indicatorChart(s: StageAssessment, id: IndicatorId, run: AssessRun, chartId: string, stage: StageName): ReportChart {
  const { lang } = run;
  const indicator = s.indicators.find((i) => i.id === id);
  const threshold = indicator?.threshold ?? 0;
  const names = s.schools.map((x) => x.id);
  const labels = s.schools.map((x) => valueText(id, x.values[id], threshold));
  const kinds = s.schools.map((x) => barKind(x, id));
  const pct = nearMissPercent(run);
  const seriesName = {
    met: say(lang, '达标', 'meets'),
    near: say(lang, `未达标（不低于 ${pct}%）`, `under (≥ ${pct} %)`),
    far: say(lang, `未达标（低于 ${pct}%）`, `under (< ${pct} %)`),
    excluded: say(lang, '不参评的教学点', 'not assessed'),
  } as const;
  const present = (['met', 'near', 'far', 'excluded'] as const).filter((k) => kinds.includes(k));
  const max = Math.max(threshold, ...s.schools.map((x) => x.values[id]));
  const series = present.map((k, n) => ({
    name: seriesName[k],
    type: 'bar',
    stack: 'one',
    barMaxWidth: 16,
    itemStyle: { color: COLOURS[k] },
    data: s.schools.map((x, i) => (kinds[i] === k ? x.values[id] : '-')),
    label: { show: true, position: 'right', fontSize: 10, color: '#333', formatter: (p: { dataIndex: number }) => labels[p.dataIndex] ?? '' },
    ...(n === 0
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: COLOURS.line, type: 'dashed', width: 1.5 },
            label: { position: 'start', formatter: say(lang, `标准 ${threshold}`, `threshold ${threshold}`), color: COLOURS.line, fontSize: 10 },
            data: [{ xAxis: threshold }],
          },
        }
      : {}),
  }));
  const rowHeight = 18;
  const height = 78 + rowHeight * names.length;
  const option: ChartOption = {
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 10 } },
    grid: { left: 8, right: 44, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', ...niceAxis(max), axisLabel: { fontSize: 10 } },
    yAxis: { type: 'category', inverse: true, data: names, axisTick: { show: false }, axisLabel: { fontSize: 10, width: 118, overflow: 'truncate' } },
    series,
  };
  const assessed = s.schools.filter((x) => !x.excluded);
  const under = assessed.filter((x) => x.missed.some((m) => m.id === id));
  const excluded = s.schools.filter((x) => x.excluded);
  const unit = INDICATOR[id].unit[lang];
  const underText = under.map((x) => {
    const m = x.missed.find((q) => q.id === id);
    return say(lang, `${x.id} ${labels[s.schools.indexOf(x)]}（标准的 ${shareText(m?.shareOfThreshold ?? 0)}%）`, `${x.id} ${labels[s.schools.indexOf(x)]} (${shareText(m?.shareOfThreshold ?? 0)} % of it)`);
  });
  const description = [
    say(lang, `标准 ${threshold} ${unit}（虚线）`, `Threshold ${threshold} ${unit} (dashed line)`),
    say(lang, `参评 ${assessed.length} 所，达标 ${assessed.length - under.length} 所`, `${assessed.length - under.length} of ${assessed.length} assessed schools meet it`),
    under.length === 0 ? say(lang, '无未达标学校', 'none under it') : say(lang, `未达标：${underText.join(list(lang))}`, `under it: ${underText.join(list(lang))}`),
    ...(excluded.length === 0 ? [] : [say(lang, `不参评：${excluded.map((x) => `${x.id} ${labels[s.schools.indexOf(x)]}`).join(list(lang))}`, `not assessed: ${excluded.map((x) => `${x.id} ${labels[s.schools.indexOf(x)]}`).join(list(lang))}`)]),
  ].join(sep(lang));
  return {
    id: chartId,
    title: say(lang, `${STAGE[stage].zh} ${id} ${INDICATOR[id].name.zh}`, `${STAGE[stage].en} ${id}: ${INDICATOR[id].name.en}`),
    svg: chartSvg(option, 480, height),
    description: `${description}${say(lang, '。', '.')}`,
  };
}

/** A stage's seven coefficients against its limit, and after the additions when `after` is given. */
export function coefficientChart(s: StageAssessment, after: StageAssessment | undefined, run: AssessRun, chartId: string, stage: StageName): ReportChart {
  const { lang } = run;
  const limits = [...new Set(s.indicators.map((i) => i.coefficientLimit))];
  const limit = Math.max(...limits);
  const now = s.indicators.map((i) => i.coefficient);
  const later = after?.indicators.map((i) => i.coefficient);
  const top = Math.max(limit, ...now, ...(later ?? []));
  const label = (values: readonly number[]) => ({ show: true, position: 'top', fontSize: 10, formatter: (p: { dataIndex: number }) => coefficientText(values[p.dataIndex] ?? 0) });
  const series: Array<Record<string, unknown>> = [
    {
      name: say(lang, '现在', 'now'),
      type: 'bar',
      barWidth: 34,
      barGap: '60%',
      data: s.indicators.map((i) => ({ value: i.coefficient, itemStyle: { color: i.passes ? COLOURS.met : COLOURS.far } })),
      itemStyle: { color: COLOURS.met },
      label: label(now),
      markLine: {
        symbol: 'none',
        silent: true,
        lineStyle: { color: COLOURS.line, type: 'dashed', width: 1.5 },
        label: { position: 'insideEndTop', formatter: say(lang, `上限 ${limit}`, `limit ${limit}`), color: COLOURS.line, fontSize: 11 },
        data: limits.map((l) => ({ yAxis: l })),
      },
    },
  ];
  if (later !== undefined && after !== undefined) {
    series.push({ name: say(lang, '补足后', 'after the additions'), type: 'bar', barWidth: 34, itemStyle: { color: COLOURS.after }, data: later, label: label(later) });
  }
  const option: ChartOption = {
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: s.indicators.map((i) => i.id), axisTick: { show: false } },
    yAxis: { type: 'value', ...niceAxis(top) },
    series,
  };
  const values = (list: readonly number[]): string => s.indicators.map((i, k) => `${i.id} ${coefficientText(list[k] ?? 0)}`).join(say(lang, '，', ', '));
  const above = s.indicators.filter((i) => !i.passes).map((i) => i.id);
  const description = [
    say(lang, `上限 ${limits.join('、')}（虚线）`, `Limit ${limits.join(', ')} (dashed line)`),
    say(lang, `差异系数：${values(now)}`, `coefficients: ${values(now)}`),
    above.length === 0 ? say(lang, '均在上限内', 'all within the limit') : say(lang, `超过上限：${above.join('、')}`, `above the limit: ${above.join(', ')}`),
    ...(later === undefined ? [] : [say(lang, `补足后：${values(later)}`, `after the additions: ${values(later)}`)]),
  ].join(sep(lang));
  return {
    id: chartId,
    title: say(lang, `${STAGE[stage].zh}七项指标的校际差异系数与上限`, `${STAGE[stage].en}: the seven difference coefficients against the limit`),
    svg: chartSvg(option, 960, 260),
    description: `${description}${say(lang, '。', '.')}`,
  };
}

/** The field of a school's additions that raises indicator `id`. */
const FIELD: Readonly<Record<IndicatorId, (typeof ADDITIONS)[number]>> = {
  L1: 'qualifiedTeachers', L2: 'backboneTeachers', L3: 'peArtTeachers', L4: 'teachingAuxiliaryArea', L5: 'sportsArea', L6: 'equipmentValue', L7: 'multimediaClassrooms',
};

/** One bar pair of the gap chart: a school's raised indicator, now and after, as shares of its threshold. */
interface GapBar {
  readonly label: string;
  readonly now: number;
  readonly after: number;
  readonly added: string;
  readonly field: (typeof ADDITIONS)[number];
}

/** The raised indicators of every school of the gap, now and after the additions. */
export function gapBars(a: CountyAssessment, g: BalanceGapResult): GapBar[] {
  const bars: GapBar[] = [];
  for (const s of g.schools) {
    const before = a.resources.stages[s.stage];
    const after = g.after.stages[s.stage];
    const x0 = before?.schools.find((x) => x.id === s.id);
    const x1 = after?.schools.find((x) => x.id === s.id);
    if (before === undefined || x0 === undefined || x1 === undefined) continue;
    const ids = INDICATOR_IDS.filter((id) => s.raised.some((r) => r.id === id) || s.levelled.includes(id));
    for (const id of ids) {
      const threshold = before.indicators.find((i) => i.id === id)?.threshold ?? 0;
      if (threshold === 0) continue;
      const field = FIELD[id];
      const added = field === 'equipmentValue' ? s.additions.equipmentValue.toString() : String(s.additions[field]);
      // An indicator "raised" to its near-miss share that already reaches it needs nothing: no bar.
      if (Number(added) === 0) continue;
      bars.push({ label: `${s.id} ${id}`, now: x0.values[id] / threshold, after: x1.values[id] / threshold, added, field });
    }
  }
  return bars;
}

/** What it would take, as shares of the thresholds now and after, against 100 % and the near-miss share. */
export function gapChart(a: CountyAssessment, g: BalanceGapResult, run: AssessRun, chartId: string): ReportChart | undefined {
  const { lang } = run;
  const bars = gapBars(a, g);
  if (bars.length === 0) return undefined;
  const pct = (x: number): number => Math.floor(x * 1000) / 10;
  const label = (values: readonly number[]) => ({ show: true, position: 'right', fontSize: 10, formatter: (p: { dataIndex: number }) => `${shareText(values[p.dataIndex] ?? 0)}%` });
  const now = bars.map((b) => b.now);
  const later = bars.map((b) => b.after);
  const near = Number(nearMissPercent(run));
  const top = Math.max(100, ...now.map(pct), ...later.map(pct));
  const option: ChartOption = {
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
    grid: { left: 8, right: 48, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', ...niceAxis(top), axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisTick: { show: false } },
    series: [
      {
        name: say(lang, '现在（占标准）', 'now (share of threshold)'),
        type: 'bar',
        barMaxWidth: 14,
        itemStyle: { color: COLOURS.far },
        data: now.map(pct),
        label: label(now),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: COLOURS.line, type: 'dashed', width: 1.5 },
          label: { position: 'start', fontSize: 10, color: COLOURS.line, formatter: (p: { value: number }) => (p.value === 100 ? say(lang, '标准', 'threshold') : `${near}%`) },
          data: [{ xAxis: 100 }, { xAxis: near }],
        },
      },
      { name: say(lang, '补足后', 'after the additions'), type: 'bar', barMaxWidth: 14, itemStyle: { color: COLOURS.after }, data: later.map(pct), label: label(later) },
    ],
  };
  const described = bars.map((b) =>
    say(
      lang,
      `${b.label} 标准的 ${shareText(b.now)}% → ${shareText(b.after)}%（增加${ADDITION_WORD[b.field].name.zh} ${grouped(b.added)}${ADDITION_WORD[b.field].unit.zh}）`,
      `${b.label} ${shareText(b.now)} % → ${shareText(b.after)} % of its threshold (${ADDITION_WORD[b.field].name.en} +${grouped(b.added)}${ADDITION_WORD[b.field].unit.en})`,
    ),
  );
  return {
    id: chartId,
    title: say(lang, `补足差距（${gapTarget(g, lang)}）：各校需要提高的指标，现在与补足后（占标准的比例）`, `What it would take (${gapTarget(g, lang)}): each raised indicator now and after, as a share of its threshold`),
    svg: chartSvg(option, 960, 70 + 34 * bars.length),
    description: `${described.join(sep(lang))}${say(lang, '。', '.')}`,
  };
}

const table = (rows: string[][], numeric: readonly number[], footer = false): ReportTable => {
  const [headers, ...body] = rows;
  if (footer && body.length > 0) return { headers: headers ?? [], rows: body.slice(0, -1), numeric, footer: body[body.length - 1] as string[] };
  return { headers: headers ?? [], rows: body, numeric };
};

/**
 * Up to this many counties, each gets its per-school indicator charts (14 for a county with both
 * stages); a province beyond it gets its coefficient and gap charts and the tables, so that the page
 * stays one a browser opens and a person reads (100 counties would be 1,400 charts, some 24 MB).
 */
export const SCHOOL_CHARTS_UP_TO = 10;

/** The province's summary: each county's verdict and dimensions, one row per county. */
function provinceSection(run: AssessRun): ReportSection {
  const { lang } = run;
  return {
    heading: say(lang, '各县结论', 'Verdict by county'),
    tables: [
      {
        headers: [say(lang, '县', 'county'), say(lang, '结论', 'verdict'), DIMENSION.resources[lang], DIMENSION.guarantees[lang], DIMENSION.quality[lang], DIMENSION.recognition[lang], DIMENSION.vetoes[lang]],
        nowrap: [1],
        rows: run.results.map(({ a, index }) => [
          countyName(a, index, lang),
          VERDICT_SHORT[a.verdict][lang],
          complies(a.resources.compliant, lang),
          DIMENSION_STATUS[a.guarantees.compliant ? 'passes' : a.guarantees.failed ? 'fails' : 'needs-evidence'][lang],
          DIMENSION_STATUS[a.quality.status][lang],
          recognitionLine(a, lang),
          vetoesSummary(a, lang),
        ]),
      },
    ],
  };
}

/** The sections of one county's report. */
function countySections(x: Assessed, run: AssessRun): ReportSection[] {
  const { a, g } = x;
  const { lang } = run;
  const prefix = run.many ? `${countyName(a, x.index, lang)} · ` : '';
  const idPrefix = run.many ? `c${x.index + 1}-` : '';
  const c = say(lang, '：', ': ');
  const sections: ReportSection[] = [];
  sections.push({
    heading: `${prefix}${say(lang, '结论', 'Verdict')}${c}${VERDICT[a.verdict][lang]}`,
    list: verdictList(a, lang),
  });
  for (const stage of STAGES) {
    const s = a.resources.stages[stage];
    if (s === undefined) continue;
    const after = g?.after.stages[stage];
    sections.push({
      heading: `${prefix}${DIMENSION.resources[lang]} · ${stageHeading(stage, lang)}${c}${complies(s.compliant, lang)}`,
      paragraphs: [say(lang, resourceRule(run), `The rule: ${resourceRule(run)}`)],
      charts: [coefficientChart(s, after, run, `${idPrefix}coefficients-${stage}`, stage)],
      tables: [{ ...table(indicatorRows(s, lang), [2, 3, 4, 5, 6]), nowrap: [0, 7] }],
    });
    const small = run.results.length <= SCHOOL_CHARTS_UP_TO;
    sections.push({
      heading: `${prefix}${say(lang, `${STAGE[stage].zh}各校七项指标与标准`, `${STAGE[stage].en}: each school's seven indicators against their thresholds`)}`,
      ...(small
        ? { charts: INDICATOR_IDS.map((id) => indicatorChart(s, id, run, `${idPrefix}${stage}-${id}`, stage)), chartColumns: 2 as const }
        : {
            paragraphs: [
              say(
                lang,
                `输入有 ${run.results.length} 个县（多于 ${SCHOOL_CHARTS_UP_TO} 个），各校指标图从略，数值见下表；逐县评估可得到图表。`,
                `The input has ${run.results.length} counties (more than ${SCHOOL_CHARTS_UP_TO}): the per-school indicator charts are left out, their values are in the table; assess a county on its own for them.`,
              ),
            ],
          }),
      tables: [{ ...table(schoolRows(s, run), [1, 2, 3, 4, 5, 6, 7, 8]), nowrap: [0, 9] }],
    });
  }
  if (g !== undefined) {
    const chart = gapChart(a, g, run, `${idPrefix}gap`);
    sections.push({
      heading: `${prefix}${say(lang, `${DIMENSION.gap.zh}（${gapTarget(g, lang)}）`, `${DIMENSION.gap.en} (${gapTarget(g, lang)})`)}`,
      paragraphs: [
        g.schools.length === 0
          ? say(lang, '无需增加：每所参评学校已达到。', 'Nothing to add: every assessed school already complies.')
          : say(lang, `${g.schools.length} 所学校（行）需要增加。每校最少的整数增量：教师和教室取整数，面积精确到 0.01 平方米，设备值精确到元。`, `${g.schools.length} school row${g.schools.length === 1 ? '' : 's'} need additions. The smallest whole additions per school: teachers and classrooms whole, areas to 0.01 m², equipment to the yuan.`),
        say(lang, `补足后资源配置：${complies(g.after.compliant, lang)}。`, `Resource allocation after the additions: ${g.after.compliant ? 'complies' : 'still does not comply'}.`),
      ],
      ...(chart === undefined ? {} : { charts: [chart] }),
      tables: [
        ...(g.schools.length === 0 ? [] : [{ ...table(gapRows(g, lang), [2, 3, 4, 5, 6, 7, 8], true), nowrap: [0, 1] }]),
        { ...table(coefficientsAfterRows(g, lang), [1, 2, 3, 4, 5, 6, 7]), caption: say(lang, '补足后的差异系数', 'Coefficients after the additions') },
      ],
    });
  }
  const itemHeaders = say(lang, '项目|要求|状态|说明', 'item|requirement|status|reason').split('|');
  sections.push({
    heading: `${prefix}${DIMENSION.guarantees[lang]}${c}${DIMENSION_STATUS[a.guarantees.compliant ? 'passes' : a.guarantees.failed ? 'fails' : 'needs-evidence'][lang]}`,
    tables: [{ headers: itemHeaders, nowrap: [0, 2], rows: a.guarantees.items.map((i) => [i.id, i.title[lang], ITEM_STATUS[i.status][lang], roundLongDecimals(i.reason[lang])]) }],
  });
  sections.push({
    heading: `${prefix}${DIMENSION.quality[lang]}${c}${DIMENSION_STATUS[a.quality.status][lang]}`,
    paragraphs: [say(lang, '没有证据的项目需要补充证据：不会默认为达到。', 'Items without evidence need it: none is passed by default.')],
    tables: [{ headers: itemHeaders, nowrap: [0, 2], rows: a.quality.items.map((i) => [i.id, i.title[lang], ITEM_STATUS[i.status][lang], roundLongDecimals(i.reason[lang])]) }],
  });
  sections.push({
    heading: `${prefix}${DIMENSION.recognition[lang]}${c}${recognitionLine(a, lang)}`,
    paragraphs: [roundLongDecimals(a.recognition.reason[lang])],
  });
  sections.push({
    heading: `${prefix}${DIMENSION.vetoes[lang]}${c}${vetoesSummary(a, lang)}`,
    tables: [{ headers: say(lang, '否决项|状态|说明', 'veto|status|reason').split('|'), nowrap: [1], rows: a.vetoes.items.map((i) => [i.title[lang], VETO_STATUS[i.status][lang], roundLongDecimals(i.reason[lang])]) }],
  });
  return sections;
}

/** The report's headline figures: one county's dimensions, or a province's verdicts counted. */
function figures(run: AssessRun): Array<{ label: string; value: string }> {
  const { lang } = run;
  const [only] = run.results;
  if (run.many || only === undefined) {
    const count = (v: string): number => run.results.filter((x) => x.a.verdict === v).length;
    return [
      { label: say(lang, '县', 'Counties'), value: String(run.results.length) },
      ...(['meets', 'fails', 'needs-evidence'] as const).map((v) => ({ label: VERDICT_SHORT[v][lang], value: String(count(v)) })),
    ];
  }
  const a = only.a;
  return [
    { label: say(lang, '结论', 'Verdict'), value: VERDICT_SHORT[a.verdict][lang] },
    { label: DIMENSION.resources[lang], value: complies(a.resources.compliant, lang) },
    { label: DIMENSION.guarantees[lang], value: DIMENSION_STATUS[a.guarantees.compliant ? 'passes' : a.guarantees.failed ? 'fails' : 'needs-evidence'][lang] },
    { label: DIMENSION.quality[lang], value: DIMENSION_STATUS[a.quality.status][lang] },
    { label: DIMENSION.recognition[lang], value: recognitionLine(a, lang) },
    { label: DIMENSION.vetoes[lang], value: vetoesSummary(a, lang) },
  ];
}

/** The whole page. */
export function htmlReport(run: AssessRun): string {
  const { lang } = run;
  const [only] = run.results;
  const title =
    run.many || only === undefined
      ? say(lang, `县域义务教育优质均衡发展评估：${run.results.length} 个县`, `优质均衡 county assessment: ${run.results.length} counties`)
      : say(lang, `${countyName(only.a, undefined, lang)}${only.a.name === undefined ? '：' : ''}县域义务教育优质均衡发展评估`, `${countyName(only.a, undefined, lang)}: 优质均衡 county assessment`);
  const subtitle = [
    say(lang, `计算日期 ${run.asOf}${run.region === undefined ? '' : `，地区 ${run.region}`}；输入 ${run.input}`, `As of ${run.asOf}${run.region === undefined ? '' : `, region ${run.region}`}; input ${run.input}`),
    say(lang, '标准：教督〔2017〕6号（《县域义务教育优质均衡发展督导评估办法》），《意见》1.1、6.3。', 'Standards: 教督〔2017〕6号 (the 优质均衡 county assessment measures), behind opinion 1.1 and 6.3.'),
  ];
  return reportHtml({
    lang,
    title,
    subtitle,
    figures: figures(run),
    sections: [...(run.many ? [provinceSection(run)] : []), ...run.results.flatMap((x) => countySections(x, run))],
    footer: [...run.footer, say(lang, `图中数值按表格格式取舍（指标值两位小数，设备值取整元，差异系数四位小数，占标准比例截至 0.1%）；精确值见 --format json。`, 'The charts round as the tables do (indicator values to 2 decimals, equipment to the yuan, coefficients to 4, shares of a threshold cut to 0.1 %); the exact values are in --format json.')],
  });
}
