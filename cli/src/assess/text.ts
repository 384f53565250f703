/**
 * The text formats of `junheng assess`: an aligned table for the terminal (default) and a Markdown
 * report, both in the reader's language, with values rounded for display (JSON keeps them exact).
 */
import type { BalanceGapResult, CountyAssessment, StageAssessment } from 'junheng';
import { displayWidth } from '../format.js';
import { grouped, say, type Lang } from '../lang.js';
import {
  ADDITION,
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
  missedText,
  recognitionPercent,
  roundLongDecimals,
  schoolResult,
  STAGE,
  STAGES,
  valueText,
  VERDICT,
  VETO_STATUS,
  vetoesSummary,
  type StageName,
} from './labels.js';
import { nearMissPercent, type Assessed, type AssessRun } from './model.js';

/** A stage as a heading names it: `小学`, `Primary (小学)`. */
export const stageHeading = (stage: StageName, lang: Lang): string => say(lang, STAGE[stage].zh, `${STAGE[stage].en} (${STAGE[stage].zh})`);

/** Rows of text as an aligned table, columns in `right` right-aligned. */
function table(rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(cell)));
          return right.has(i) ? fill + cell : cell + fill;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The indicator table of a stage: threshold, county value, coefficient and limit of each indicator. */
export function indicatorRows(s: StageAssessment, lang: Lang): string[][] {
  return [
    say(lang, '指标|名称|标准|县域均值|差异系数|上限|达标学校数|结果', 'id|indicator|threshold|county value|coefficient|limit|schools meeting|result').split('|'),
    ...s.indicators.map((i) => [
      i.id,
      INDICATOR[i.id].name[lang],
      String(i.threshold),
      valueText(i.id, i.countyValue),
      coefficientText(i.coefficient),
      String(i.coefficientLimit),
      String(i.schoolsMeeting),
      i.passes ? say(lang, '在上限内', 'within') : say(lang, '超过上限', 'ABOVE LIMIT'),
    ]),
  ];
}

/** The school table of a stage: each school's seven values, how many it meets, its result and what it misses. */
export function schoolRows(s: StageAssessment, run: AssessRun): string[][] {
  const { lang } = run;
  const threshold = new Map(s.indicators.map((i) => [i.id, i.threshold]));
  return [
    [say(lang, '学校', 'school'), ...INDICATOR_IDS, say(lang, '达标项数', 'met'), say(lang, '结果', 'result'), say(lang, '未达标指标（占标准）', 'missed (share of threshold)')],
    ...s.schools.map((x) => [
      x.id,
      ...INDICATOR_IDS.map((id) => valueText(id, x.values[id], threshold.get(id))),
      `${x.metCount}/7`,
      schoolResult(x, lang),
      missedText(x, nearMissPercent(run), lang),
    ]),
  ];
}

const RIGHT_INDICATORS = new Set([2, 3, 4, 5, 6]);
const RIGHT_SCHOOLS = new Set([1, 2, 3, 4, 5, 6, 7, 8]);
const RIGHT_GAP = new Set([2, 3, 4, 5, 6, 7, 8]);

/** What it would take, per school, with a total row last. */
export function gapRows(g: BalanceGapResult, lang: Lang): string[][] {
  const cells = (x: BalanceGapResult['totals']): string[] => ADDITIONS.map((k) => (k === 'equipmentValue' ? grouped(x.equipmentValue.toString()) : String(x[k])));
  return [
    [say(lang, '学校', 'school'), say(lang, '学段', 'stage'), ...ADDITIONS.map((k) => ADDITION[k][lang])],
    ...g.schools.map((s) => [s.id, STAGE[s.stage][lang], ...cells(s.additions)]),
    [say(lang, '合计', 'total'), '', ...cells(g.totals)],
  ];
}

/** Each stage's coefficients once the additions are made. */
export function coefficientsAfterRows(g: BalanceGapResult, lang: Lang): string[][] {
  const rows: string[][] = [[say(lang, '学段', 'stage'), ...INDICATOR_IDS, say(lang, '是否达到', 'complies')]];
  for (const stage of STAGES) {
    const s = g.after.stages[stage];
    if (s !== undefined) rows.push([STAGE[stage][lang], ...s.indicators.map((i) => coefficientText(i.coefficient)), s.compliant ? say(lang, '是', 'yes') : say(lang, '否', 'no')]);
  }
  return rows;
}

/** The public-recognition line: status and the satisfied share. */
export function recognitionLine(a: CountyAssessment, lang: Lang): string {
  const share = a.recognition.share === undefined ? '' : say(lang, `（${recognitionPercent(a.recognition.share)} %）`, ` (${recognitionPercent(a.recognition.share)} %)`);
  return `${ITEM_STATUS[a.recognition.status][lang]}${share}`;
}

/**
 * Items as two lines each: `G1  达到  义务教育学校布局合理` and, indented under it, the reason.
 * The reasons are the library's, long decimals rounded ({@link roundLongDecimals}).
 */
function itemLines(items: ReadonlyArray<{ label: string; status: string; title?: string; reason: string }>): string {
  const lw = Math.max(0, ...items.map((i) => displayWidth(i.label)));
  const sw = Math.max(0, ...items.map((i) => displayWidth(i.status)));
  const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  return items
    .map((i) => `${pad(i.label, lw)}  ${i.title === undefined ? i.status : `${pad(i.status, sw)}  ${i.title}`}`.trimEnd() + `\n${' '.repeat(lw + 2)}${roundLongDecimals(i.reason)}`)
    .join('\n');
}

/** The heading line of a county's report. */
function heading(x: Assessed, run: AssessRun): string {
  const name = countyName(x.a, run.many ? x.index : undefined, run.lang);
  // 'X县（id）县域…' reads on; an id alone is set apart: '130000-XX：县域…'.
  return say(run.lang, `${name}${x.a.name === undefined ? '：' : ''}县域义务教育优质均衡发展评估（计算日期 ${run.asOf}）`, `${name} — 优质均衡 assessment as of ${run.asOf}`);
}

const colon = (lang: Lang): string => say(lang, '：', ': ');

/** One county as text for the terminal. */
function textCounty(x: Assessed, run: AssessRun): string {
  const { a, g } = x;
  const { lang } = run;
  const c = colon(lang);
  const out: string[] = [heading(x, run), `${say(lang, '结论', 'Verdict')}${c}${VERDICT[a.verdict][lang]}`, ''];
  out.push(`${DIMENSION.resources[lang]}${c}${complies(a.resources.compliant, lang)}`);
  for (const stage of STAGES) {
    const s = a.resources.stages[stage];
    if (s === undefined) continue;
    out.push('', `${stageHeading(stage, lang)}${c}${complies(s.compliant, lang)}`, table(indicatorRows(s, lang), RIGHT_INDICATORS), '', table(schoolRows(s, run), RIGHT_SCHOOLS));
  }
  out.push('', `${DIMENSION.guarantees[lang]}${c}${DIMENSION_STATUS[a.guarantees.compliant ? 'passes' : a.guarantees.failed ? 'fails' : 'needs-evidence'][lang]}`);
  out.push(itemLines(a.guarantees.items.map((i) => ({ label: i.id, status: ITEM_STATUS[i.status][lang], title: i.title[lang], reason: i.reason[lang] }))));
  out.push('', `${DIMENSION.quality[lang]}${c}${DIMENSION_STATUS[a.quality.status][lang]}`);
  out.push(itemLines(a.quality.items.map((i) => ({ label: i.id, status: ITEM_STATUS[i.status][lang], title: i.title[lang], reason: i.reason[lang] }))));
  out.push('', `${DIMENSION.recognition[lang]}${c}${recognitionLine(a, lang)}`, roundLongDecimals(a.recognition.reason[lang]));
  out.push('', `${DIMENSION.vetoes[lang]}${c}${vetoesSummary(a, lang)}`);
  out.push(itemLines(a.vetoes.items.map((i) => ({ label: i.title[lang], status: VETO_STATUS[i.status][lang], reason: i.reason[lang] }))));
  if (g !== undefined) {
    const n = g.schools.length;
    const rows = n === 0 ? say(lang, '无需增加', 'nothing to add') : say(lang, `${n} 所学校（行）需要增加`, `${n} school row${n === 1 ? '' : 's'}`);
    out.push('', say(lang, `${DIMENSION.gap.zh}（${gapTarget(g, lang)}）：${rows}`, `${DIMENSION.gap.en} (${gapTarget(g, lang)}): ${rows}`));
    if (n > 0) out.push(table(gapRows(g, lang), RIGHT_GAP));
    out.push('', say(lang, '补足后的差异系数：', 'Coefficients after the additions:'), table(coefficientsAfterRows(g, lang), new Set([1, 2, 3, 4, 5, 6, 7])));
    out.push(say(lang, `补足后资源配置：${complies(g.after.compliant, lang)}`, `Resource allocation after: ${g.after.compliant ? 'complies' : 'still does not comply'}`));
  }
  return `${out.join('\n')}\n`;
}

/** The table format: every county, then the footer once. */
export function textReport(run: AssessRun): string {
  return `${run.results.map((x) => textCounty(x, run)).join('\n')}\n${run.footer.join('\n')}\n`;
}

// ---------------------------------------------------------------- Markdown

function mdTable(rows: string[][]): string {
  const [head, ...body] = rows;
  const esc = (c: string): string => c.replace(/\|/g, '\\|');
  return [`| ${(head ?? []).map(esc).join(' | ')} |`, `| ${(head ?? []).map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** The rule of resource allocation in words, with the figures in force. */
export function resourceRule(run: AssessRun): string {
  const pct = nearMissPercent(run);
  return say(
    run.lang,
    `每所参评学校 7 项指标中至少 ${run.minimumMet} 项达到标准、其余不低于标准的 ${pct}%，且每项指标按学生数加权的校际差异系数不超过上限。`,
    `every assessed school must meet at least ${run.minimumMet} of the 7 indicators with the rest at ${pct} % of the threshold, and every indicator's pupil-weighted difference coefficient must be within its limit.`,
  );
}

/** The verdict's list: what fails and what needs evidence, dimension by dimension. */
export function verdictList(a: CountyAssessment, lang: Lang): string[] {
  const ids = (items: ReadonlyArray<{ id: string; status: string }>, status: string): string => items.filter((i) => i.status === status).map((i) => i.id).join(say(lang, '、', ', ')) || say(lang, '无', 'none');
  const vetoTitles = (status: string): string => a.vetoes.items.filter((i) => i.status === status).map((i) => i.title[lang]).join(say(lang, '、', ', ')) || say(lang, '无', 'none');
  const c = colon(lang);
  return [
    `${DIMENSION.resources[lang]}${c}${complies(a.resources.compliant, lang)}`,
    say(lang, `政府保障程度未达到：${ids(a.guarantees.items, 'fails')}；待补证据：${ids(a.guarantees.items, 'needs-evidence')}`, `Guarantees failing: ${ids(a.guarantees.items, 'fails')}; needing evidence: ${ids(a.guarantees.items, 'needs-evidence')}`),
    say(lang, `教育质量未达到：${ids(a.quality.items, 'fails')}；待补证据：${ids(a.quality.items, 'needs-evidence')}`, `Education quality failing: ${ids(a.quality.items, 'fails')}; needing evidence: ${ids(a.quality.items, 'needs-evidence')}`),
    `${DIMENSION.recognition[lang]}${c}${recognitionLine(a, lang)}`,
    say(lang, `一票否决触发：${vetoTitles('triggered')}；待补证据：${vetoTitles('needs-evidence')}`, `Vetoes triggered: ${vetoTitles('triggered')}; needing evidence: ${vetoTitles('needs-evidence')}`),
  ];
}

function markdownCounty(x: Assessed, run: AssessRun, level: string): string {
  const { a, g } = x;
  const { lang } = run;
  const h2 = `${level}#`;
  const h3 = `${level}##`;
  const name = countyName(a, run.many ? x.index : undefined, lang);
  const zhName = (d: keyof typeof DIMENSION): string => say(lang, DIMENSION[d].zh, `${DIMENSION[d].en} (${DIMENSION[d].zh})`);
  const out: string[] = [];
  out.push(say(lang, `${level} ${name}：县域义务教育优质均衡发展评估`, `${level} ${name}: 优质均衡 county assessment`), '');
  out.push(say(lang, `计算日期 ${run.asOf}。标准：教督〔2017〕6号，《意见》1.1、6.3。**结论：${VERDICT[a.verdict].zh}。**`, `As of ${run.asOf}. Standards: 教督〔2017〕6号, behind opinion 1.1 and 6.3. **Verdict: ${VERDICT[a.verdict].en}.**`), '');
  out.push(`${h2} ${zhName('resources')}`, '', say(lang, `资源配置**${complies(a.resources.compliant, lang)}**：${resourceRule(run)}`, `Resource allocation **${complies(a.resources.compliant, lang)}**: ${resourceRule(run)}`), '');
  for (const stage of STAGES) {
    const s = a.resources.stages[stage];
    if (s === undefined) continue;
    out.push(`${h3} ${stageHeading(stage, lang)}${colon(lang)}${complies(s.compliant, lang)}`, '', mdTable(indicatorRows(s, lang)), '', mdTable(schoolRows(s, run)), '');
  }
  const itemHead = say(lang, '项目|要求|状态|说明', 'item|requirement|status|reason').split('|');
  out.push(`${h2} ${zhName('guarantees')}`, '', mdTable([itemHead, ...a.guarantees.items.map((i) => [i.id, i.title[lang], ITEM_STATUS[i.status][lang], roundLongDecimals(i.reason[lang])])]), '');
  out.push(
    `${h2} ${zhName('quality')}`,
    '',
    say(lang, `教育质量：**${DIMENSION_STATUS[a.quality.status].zh}**。没有证据的项目需要补充证据：不会默认为达到。`, `Education quality: **${DIMENSION_STATUS[a.quality.status].en}**. Items without evidence need it: none is passed by default.`),
    '',
    mdTable([itemHead, ...a.quality.items.map((i) => [i.id, i.title[lang], ITEM_STATUS[i.status][lang], roundLongDecimals(i.reason[lang])])]),
    '',
  );
  out.push(`${h2} ${zhName('recognition')}`, '', `${DIMENSION.recognition[lang]}${colon(lang)}**${recognitionLine(a, lang)}**${say(lang, '。', '. ')}${roundLongDecimals(a.recognition.reason[lang])}`, '');
  out.push(`${h2} ${zhName('vetoes')}`, '', mdTable([say(lang, '否决项|状态|说明', 'veto|status|reason').split('|'), ...a.vetoes.items.map((i) => [i.title[lang], VETO_STATUS[i.status][lang], roundLongDecimals(i.reason[lang])])]), '');
  if (g !== undefined) {
    out.push(
      `${h2} ${say(lang, DIMENSION.gap.zh, DIMENSION.gap.en)}`,
      '',
      say(lang, `每校最少的整数增量（${gapTarget(g, lang)}）：教师和教室取整数，面积精确到 0.01 平方米，设备值精确到元。`, `Smallest whole additions per school (${gapTarget(g, lang)}): teachers and classrooms whole, areas to 0.01 m², equipment to the yuan.`),
      '',
    );
    if (g.schools.length > 0) out.push(mdTable(gapRows(g, lang)), '');
    out.push(say(lang, '补足后的差异系数：', 'Coefficients after the additions:'), '', mdTable(coefficientsAfterRows(g, lang)), '');
    out.push(say(lang, `补足后资源配置：**${complies(g.after.compliant, lang)}**。`, `Resource allocation after the additions: **${g.after.compliant ? 'complies' : 'still does not comply'}**.`), '');
  }
  out.push(`${h2} ${say(lang, '结论', 'Verdict')}`, '', `**${VERDICT[a.verdict][lang]}${say(lang, '。', '.')}**`, '');
  for (const line of verdictList(a, lang)) out.push(`- ${line}`);
  return `${out.join('\n')}\n`;
}

/** The Markdown report: a section per county (a province's counties under one level more), then the footer. */
export function markdownReport(run: AssessRun): string {
  const level = run.many ? '##' : '#';
  const body = run.results.map((x) => markdownCounty(x, run, level)).join('\n');
  const head = run.many ? '#' : '##';
  return `${body}\n${head} ${say(run.lang, '依据与参数取值', 'Sources and parameter values')}\n\n${run.footer.map((l) => `- ${l}`).join('\n')}\n`;
}
