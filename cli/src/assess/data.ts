/**
 * The data formats of `junheng assess`, for the analyst who works on in a spreadsheet: CSV (one row
 * per indicator per school, then the county's coefficient rows) and an .xlsx workbook (a sheet per
 * table). Headers and words are in the reader's language; numbers are the JSON output's, unrounded
 * (a spreadsheet rounds on screen only).
 */
import type { CountyAssessment } from 'junheng';
import { spreadsheetCell } from '../format.js';
import { say, type Lang } from '../lang.js';
import { xlsxBytes, type XlsxCell, type XlsxSheet } from '../report/xlsx.js';
import {
  ADDITION,
  ADDITIONS,
  countyKey,
  DIMENSION,
  DIMENSION_STATUS,
  INDICATOR,
  INDICATOR_IDS,
  ITEM_STATUS,
  missedText,
  roundLongDecimals,
  schoolResult,
  STAGE,
  STAGES,
  VERDICT_SHORT,
  VETO_STATUS,
  vetoesSummary,
  yesNo,
} from './labels.js';
import { nearMissPercent, type AssessRun } from './model.js';

/** The CSV's columns, in `lang`. */
export function csvHeaders(lang: Lang): string[] {
  return say(
    lang,
    '县|学段|行类型|学校|指标|指标名称|数值|标准|是否达标|占标准比例|学校结果|差异系数|差异系数上限|是否在上限内|达标学校数',
    'county|stage|row|school|indicator|indicator_name|value|threshold|meets_threshold|share_of_threshold|school_result|coefficient|coefficient_limit|within_limit|schools_meeting',
  ).split('|');
}

/**
 * The CSV: for each county and stage, one row per school and indicator (its value, the threshold,
 * whether it is met, and for a missed one its share of the threshold), then one row per indicator
 * for the county (its pupil-weighted value, coefficient, limit, and the schools meeting it). UTF-8
 * with a byte-order mark unless `bom` is false; every text cell through {@link spreadsheetCell}.
 */
export function csvReport(run: AssessRun, bom: boolean): string {
  const { lang } = run;
  const out: string[] = [csvHeaders(lang).map(spreadsheetCell).join(',')];
  const line = (cells: ReadonlyArray<string | number>): void => void out.push(cells.map((c) => (typeof c === 'number' ? String(c) : spreadsheetCell(c))).join(','));
  const schoolRow = say(lang, '学校', 'school');
  const countyRow = say(lang, '县域差异系数', 'coefficient');
  for (const { a, index } of run.results) {
    const county = countyKey(a, index);
    for (const stage of STAGES) {
      const s = a.resources.stages[stage];
      if (s === undefined) continue;
      const stageName = STAGE[stage][lang];
      for (const x of s.schools) {
        const result = schoolResult(x, lang);
        for (const i of s.indicators) {
          const missed = x.missed.find((m) => m.id === i.id);
          line([county, stageName, schoolRow, x.id, i.id, INDICATOR[i.id].name[lang], x.values[i.id], i.threshold, yesNo(missed === undefined, lang), missed === undefined ? '' : missed.shareOfThreshold, result, '', '', '', '']);
        }
      }
      for (const i of s.indicators) {
        line([county, stageName, countyRow, '', i.id, INDICATOR[i.id].name[lang], i.countyValue, i.threshold, '', '', '', i.coefficient, i.coefficientLimit, yesNo(i.passes, lang), i.schoolsMeeting]);
      }
    }
  }
  return `${bom ? '\uFEFF' : ''}${out.join('\n')}\n`;
}

/** The status of a dimension in words, for the verdict sheet. */
const dimension = (a: CountyAssessment, lang: Lang): string[] => [
  a.resources.compliant ? say(lang, '达到', 'complies') : say(lang, '未达到', 'does not comply'),
  DIMENSION_STATUS[a.guarantees.compliant ? 'passes' : a.guarantees.failed ? 'fails' : 'needs-evidence'][lang],
  DIMENSION_STATUS[a.quality.status][lang],
  ITEM_STATUS[a.recognition.status][lang],
];

/**
 * The workbook's sheets: the verdict of each county; schools × indicators; the coefficients; the
 * guarantee, quality and veto items; and, with `--gap`, what it would take and the coefficients after.
 */
export function xlsxSheets(run: AssessRun): XlsxSheet[] {
  const { lang } = run;
  const countyHead = say(lang, '县', 'county');
  const verdict: XlsxCell[][] = [];
  const schools: XlsxCell[][] = [];
  const coefficients: XlsxCell[][] = [];
  const guarantees: XlsxCell[][] = [];
  const quality: XlsxCell[][] = [];
  const vetoes: XlsxCell[][] = [];
  const gap: XlsxCell[][] = [];
  const after: XlsxCell[][] = [];
  let withGap = false;
  for (const { a, g, index } of run.results) {
    const county = countyKey(a, index);
    verdict.push([county, a.name ?? null, VERDICT_SHORT[a.verdict][lang], ...dimension(a, lang), a.recognition.share ?? null, vetoesSummary(a, lang)]);
    for (const stage of STAGES) {
      const s = a.resources.stages[stage];
      if (s === undefined) continue;
      for (const x of s.schools) {
        schools.push([county, STAGE[stage][lang], x.id, ...INDICATOR_IDS.map((id) => x.values[id]), x.metCount, schoolResult(x, lang), missedText(x, nearMissPercent(run), lang)]);
      }
      for (const i of s.indicators) {
        coefficients.push([county, STAGE[stage][lang], i.id, INDICATOR[i.id].name[lang], i.threshold, i.countyValue, i.coefficient, i.coefficientLimit, yesNo(i.passes, lang), i.schoolsMeeting]);
      }
    }
    for (const i of a.guarantees.items) guarantees.push([county, i.id, i.title[lang], ITEM_STATUS[i.status][lang], roundLongDecimals(i.reason[lang])]);
    for (const i of a.quality.items) quality.push([county, i.id, i.title[lang], ITEM_STATUS[i.status][lang], roundLongDecimals(i.reason[lang])]);
    for (const i of a.vetoes.items) vetoes.push([county, i.id, i.title[lang], VETO_STATUS[i.status][lang], roundLongDecimals(i.reason[lang])]);
    if (g !== undefined) {
      withGap = true;
      for (const s of g.schools) {
        gap.push([county, s.id, STAGE[s.stage][lang], ...ADDITIONS.map((k): XlsxCell => (k === 'equipmentValue' ? { money: Number(s.additions.equipmentValue.toString()) } : s.additions[k]))]);
      }
      for (const stage of STAGES) {
        const s = g.after.stages[stage];
        if (s !== undefined) after.push([county, STAGE[stage][lang], ...s.indicators.map((i) => i.coefficient), yesNo(s.compliant, lang)]);
      }
    }
  }
  const itemHeaders = [countyHead, ...say(lang, '项目|要求|状态|说明', 'item|requirement|status|reason').split('|')];
  const sheets: XlsxSheet[] = [
    {
      name: say(lang, '结论', 'Verdict'),
      headers: [countyHead, say(lang, '名称', 'name'), say(lang, '结论', 'verdict'), DIMENSION.resources[lang], DIMENSION.guarantees[lang], DIMENSION.quality[lang], DIMENSION.recognition[lang], say(lang, '满意度', 'satisfied share'), DIMENSION.vetoes[lang]],
      rows: verdict,
    },
    {
      name: say(lang, '学校指标', 'Schools'),
      headers: [countyHead, say(lang, '学段', 'stage'), say(lang, '学校', 'school'), ...INDICATOR_IDS.map((id) => `${id} ${INDICATOR[id].name[lang]}`), say(lang, '达标项数', 'met'), say(lang, '结果', 'result'), say(lang, '未达标指标（占标准）', 'missed (share of threshold)')],
      rows: schools,
    },
    {
      name: say(lang, '差异系数', 'Coefficients'),
      headers: [countyHead, ...say(lang, '学段|指标|名称|标准|县域均值|差异系数|上限|是否在上限内|达标学校数', 'stage|indicator|name|threshold|county value|coefficient|limit|within limit|schools meeting').split('|')],
      rows: coefficients,
    },
    { name: DIMENSION.guarantees[lang], headers: itemHeaders, rows: guarantees },
    { name: DIMENSION.quality[lang], headers: itemHeaders, rows: quality },
    { name: DIMENSION.vetoes[lang], headers: [countyHead, ...say(lang, '否决项|名称|状态|说明', 'veto|title|status|reason').split('|')], rows: vetoes },
  ];
  if (withGap) {
    sheets.push(
      { name: DIMENSION.gap[lang], headers: [countyHead, say(lang, '学校', 'school'), say(lang, '学段', 'stage'), ...ADDITIONS.map((k) => ADDITION[k][lang])], rows: gap },
      { name: say(lang, '补足后差异系数', 'Coefficients after'), headers: [countyHead, say(lang, '学段', 'stage'), ...INDICATOR_IDS, say(lang, '是否达到', 'complies')], rows: after },
    );
  }
  return sheets;
}

/** The workbook's bytes. */
export const xlsxReport = (run: AssessRun): Promise<Buffer> => xlsxBytes(xlsxSheets(run));
