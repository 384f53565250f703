/**
 * `junheng teachers --format xlsx`: a workbook of two sheets — the summary (cycle, completion,
 * counts by status, the footer lines) and the teachers (one row each, hours as numbers). The rows
 * of a workbook are kept in memory while the file is read (a teachers file streams), so the teachers
 * sheet holds at most {@link XLSX_ROWS} rows, in file order, and the summary sheet says when rows were left out
 * (the CSV and JSON outputs hold every teacher).
 */
import type { TrainingSummary } from 'junheng';
import { say, type Lang } from '../lang.js';
import type { ParameterFile } from '../read.js';
import { xlsxBytes, type XlsxCell } from '../report/xlsx.js';
import { completionLines, footerLines, headingLines, trainingRule } from './report.js';
import { tenthsText, type TeacherStats } from './stats.js';
import { percentText, ratePercent, STATUS_WORDS, tableHeaders } from './words.js';

/** Rows of the teachers sheet at most. */
export const XLSX_ROWS = 100_000;

/** The workbook's bytes. */
export async function teachersXlsx(summary: TrainingSummary, stats: TeacherStats, o: { lang: Lang; asOf: string; named: boolean; parameters?: ParameterFile | undefined }): Promise<Buffer> {
  const { lang } = o;
  const rule = trainingRule(o.asOf, o.parameters?.patch);
  const figures: XlsxCell[][] = [
    [say(lang, '计算日期', 'As of'), o.asOf],
    [say(lang, '培训周期', 'Cycle'), `${summary.cycle.start} … ${summary.cycle.end}`],
    [say(lang, '每周期应修学时', 'Hours a cycle asks'), rule.requiredHours],
    [say(lang, '教师', 'Teachers'), summary.total],
    [STATUS_WORDS[lang].met, summary.met],
    [STATUS_WORDS[lang]['in-progress'], summary.inProgress],
    [STATUS_WORDS[lang]['not-met'], summary.notMet],
    [say(lang, '完成率', 'Completion'), percentText(lang, ratePercent(summary.met, summary.total))],
    [say(lang, '已修学时合计', 'Hours completed, all teachers'), Number(tenthsText(stats.completedTenths))],
    [say(lang, '应修学时合计', 'Hours owed, all teachers'), Number(tenthsText(stats.requiredTenths))],
    [say(lang, '尚差学时合计', 'Hours still owed, all teachers'), Number(tenthsText(stats.shortfallTenths))],
  ];
  const notes = [...headingLines(summary, o.asOf, rule, lang), ...completionLines(summary, rule, lang), ...footerLines(summary, o.asOf, lang, o.parameters)];
  if (stats.rows.length < stats.total) {
    notes.push(
      say(
        lang,
        `“教师”表按文件顺序列出前 ${stats.rows.length.toLocaleString('en')} 名教师（共 ${stats.total.toLocaleString('en')} 名）；全部教师见 CSV 或 JSON 输出。`,
        `The teachers sheet holds the first ${stats.rows.length.toLocaleString('en')} of ${stats.total.toLocaleString('en')} teachers, in file order; the CSV and JSON outputs hold them all.`,
      ),
    );
  }
  const rows: XlsxCell[][] = stats.rows.map((r) => {
    const cells: XlsxCell[] = [r.id, r.completed, r.required, r.shortfall, STATUS_WORDS[lang][r.status]];
    if (o.named) cells.splice(1, 0, r.name);
    return cells;
  });
  return xlsxBytes([
    { name: say(lang, '汇总', 'Summary'), headers: [say(lang, '项目', 'Item'), say(lang, '数值', 'Value')], rows: [...figures, ...notes.map((line): XlsxCell[] => [line, null])] },
    { name: say(lang, '教师', 'Teachers'), headers: tableHeaders(lang, o.named), rows },
  ]);
}
