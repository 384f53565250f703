/**
 * The output of `junheng teachers` as text: the spool between the reading pass and the output, and
 * the report as a table, CSV or JSON. The table and the CSV headers are in the reader's language;
 * JSON is the library's results in their own JSON form, in every language the same.
 */
import { listParameters, type CalculatorOptions, type ParameterOverrides, type TrainingComplianceResult, type TrainingStatus, type TrainingSummary } from 'junheng';
import { ChunkWriter, displayWidth, resultJson, spreadsheetCell } from '../format.js';
import { grouped, parameterName, say, type Lang } from '../lang.js';
import { localParametersLine, type ParameterFile } from '../read.js';
import { citesLine, parameterFooter } from '../stale.js';
import type { TeacherRow } from './stats.js';
import { csvCompliant, csvHeader, csvStatus, percentText, ratePercent, STATUS_MEANING, STATUS_WORDS, tableHeaders } from './words.js';

/** The text formats of `junheng teachers` (xlsx and html are written from the report's figures). */
export type TextFormat = 'table' | 'json' | 'csv';

/**
 * One teacher in the JSON output: the library's result in its own JSON form, without its
 * explanation and without the cycle and citations the report's heading states once.
 */
export function teacherJson(r: TrainingComplianceResult): string {
  return resultJson(r, PER_TEACHER_OMITTED);
}
const PER_TEACHER_OMITTED = ['explanation', 'cycle', 'citations'];

/** The report's heading fields: the summary in its own JSON form, without its explanation and the teachers. */
const SUMMARY_OMITTED = ['explanation', 'teachers'];


/** A status as one spool character, and back. */
const STATUS_CHAR: Record<TrainingStatus, string> = { met: 'm', 'in-progress': 'p', 'not-met': 'n' };
const CHAR_STATUS: Record<string, TrainingStatus> = { m: 'met', p: 'in-progress', n: 'not-met' };

/** How a spool line is written: the format, the language, and whether the input has names. */
export interface SpoolStyle {
  readonly format: TextFormat;
  readonly lang: Lang;
  readonly named: boolean;
}

/**
 * One teacher's line in the spool: for CSV and JSON output the final text (copied to standard
 * output as it is), for the table a compact tab-separated form (id and name as JSON strings, which
 * hold no raw tab) read back once the columns' widths are known.
 */
export function spoolLine(style: SpoolStyle, r: TrainingComplianceResult, name: string, first: boolean): string {
  const { format, lang } = style;
  if (format === 'csv') {
    return `${spreadsheetCell(r.teacherId)},${style.named ? `${spreadsheetCell(name)},` : ''}${r.completedHours},${r.requiredHours},${r.shortfall},${csvStatus(lang, r.status)},${csvCompliant(lang, r.compliant)}\n`;
  }
  if (format === 'json') return `${first ? '\n' : ',\n'}${teacherJson(r)}`;
  return `${JSON.stringify(r.teacherId)}\t${style.named ? `${JSON.stringify(name)}\t` : ''}${r.completedHours}\t${r.requiredHours}\t${r.shortfall}\t${STATUS_CHAR[r.status]}\n`;
}

const fromJson = (json: string): string => (json.includes('\\') ? (JSON.parse(json) as string) : json.slice(1, -1));

/** A table spool line read back ({@link spoolLine}). */
export function readRow(line: string): TeacherRow {
  const f = line.split('\t');
  const named = f.length === 6;
  const o = named ? 1 : 0;
  return {
    id: fromJson(f[0] as string),
    name: named ? fromJson(f[1] as string) : '',
    completed: Number(f[1 + o]),
    required: Number(f[2 + o]),
    shortfall: Number(f[3 + o]),
    status: CHAR_STATUS[f[4 + o] as string] as TrainingStatus,
  };
}

const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
/** Columns a terminal gives a text. */
export const widthOf = (text: string): number => (isAscii(text) ? text.length : displayWidth(text));

/** The library options of the report: the day, and the `--parameters` file's values when given. */
export const optionsOf = (asOf: string, parameters: unknown): CalculatorOptions => ({ asOf, ...(parameters === undefined ? {} : { parameters: parameters as ParameterOverrides }) });

/** What the report states about the rule in force: hours per cycle and the cycle's length in years. */
export interface TrainingRule {
  readonly requiredHours: number;
  readonly cycleYears: number;
}

/** The hours a full cycle asks and the cycle's length, as in force on the day (360 and 5, or a local set's). */
export function trainingRule(asOf: string, parameters?: unknown): TrainingRule {
  const all = listParameters(optionsOf(asOf, parameters));
  const value = (path: string, fallback: number): number => {
    const v = all.find((p) => p.path === path)?.value;
    return typeof v === 'number' ? v : fallback;
  };
  return { requiredHours: value('teachers.training.requiredHours', 360), cycleYears: value('teachers.training.cycleYears', 5) };
}

/**
 * The footer lines every format of the report shares, in `lang`: the citations, the unverified and
 * stale values in force in words ({@link citesLine}, {@link parameterFooter}: the wording of every
 * command), and the values of a `--parameters` file in force.
 */
export function footerLines(summary: TrainingSummary, asOf: string, lang: Lang, file?: ParameterFile): string[] {
  const options = optionsOf(asOf, file?.patch);
  const all = listParameters(options);
  const bearing = all.filter((p) => p.path.startsWith('teachers.training.'));
  const lines = [citesLine(summary.citations, lang), ...parameterFooter(bearing, all, asOf, lang)];
  const local = localLine(file, options, lang);
  if (local !== undefined) lines.push(local);
  return lines;
}

/**
 * The line naming a `--parameters` file's values in force: in English the wording every command
 * uses ({@link localParametersLine}); in Chinese the values by name, each with its source.
 */
function localLine(file: ParameterFile | undefined, options: CalculatorOptions, lang: Lang): string | undefined {
  const bears = (path: string): boolean => path.startsWith('teachers.training.');
  if (lang === 'en' || file === undefined) return localParametersLine(file, options, bears);
  const seen = new Map<string, string>();
  for (const p of listParameters(options)) {
    if (p.local !== true || !bears(p.path) || seen.has(p.path)) continue;
    seen.set(p.path, p.source === 'override' ? parameterName(p.path, lang) : `${parameterName(p.path, lang)}（${p.source}）`);
  }
  const list = [...seen.values()];
  return `本地参数（${file.label}）：${list.length === 0 ? `${String(options.asOf)} 无生效的本地取值` : list.join('；')}`;
}

/** The report's opening lines: the cycle, the rule, and what a shortfall means on the day. */
export function headingLines(summary: TrainingSummary, asOf: string, rule: TrainingRule, lang: Lang): string[] {
  const { start, end } = summary.cycle;
  const ended = asOf >= end;
  return lang === 'zh'
    ? [
        `培训周期 ${start} 至 ${end}（计算日期 ${asOf}；《意见》4.2：每 ${rule.cycleYears} 年一个周期，每周期培训不少于 ${rule.requiredHours} 学时）`,
        ended ? `该周期已于 ${end} 结束：学时不足即为未完成。` : `该周期至 ${end} 结束：学时不足的教师为“进行中”，不视为未达标。`,
      ]
    : [
        `Training cycle ${start} … ${end} (as of ${asOf}; opinion 4.2: at least ${rule.requiredHours} hours in each ${rule.cycleYears}-year cycle)`,
        ended ? `The cycle ended on ${end}: a teacher short of the hours has not met them.` : `The cycle runs until ${end}: a teacher short of the hours is in progress, not in breach.`,
      ];
}

/** The completion line and the status line, in `lang`. */
export function completionLines(s: TrainingSummary, rule: TrainingRule, lang: Lang): string[] {
  const n = (count: number): string => grouped(String(count));
  const pct = percentText(lang, ratePercent(s.met, s.total));
  const m = STATUS_MEANING[lang];
  if (lang === 'zh') {
    const verdict = s.total === 0 ? '没有教师' : s.fullCompletion ? `达到优质均衡“教师5年${rule.requiredHours}学时培训完成率达到100%”的要求` : `未达到优质均衡“教师5年${rule.requiredHours}学时培训完成率达到100%”的要求`;
    return [
      `完成率：${n(s.total)} 名教师中 ${n(s.met)} 名已完成（${pct}），${verdict}`,
      `状态：已完成 ${n(s.met)} 名（${m.met}）；进行中 ${n(s.inProgress)} 名（${m['in-progress']}）；未完成 ${n(s.notMet)} 名（${m['not-met']}）`,
    ];
  }
  const verdict = s.total === 0 ? 'no teachers' : s.fullCompletion ? 'met (优质均衡 G9: 100 %)' : 'not met (优质均衡 G9 asks 100 %)';
  return [
    `Completion: ${n(s.met)} of ${n(s.total)} teachers (${pct}): ${verdict}`,
    `Status: ${n(s.met)} met, ${n(s.inProgress)} in progress (short, the cycle not yet over: not a breach), ${n(s.notMet)} not met (short, the cycle over)`,
  ];
}

/** The widths of the table's text columns (display columns). */
export interface Widths {
  readonly id: number;
  readonly name: number;
}

/** What a text report needs besides its rows. */
export interface TextReportOptions {
  readonly format: TextFormat;
  readonly lang: Lang;
  readonly asOf: string;
  /** Whether the input has names (a name column). */
  readonly named: boolean;
  /** CSV output starts with a UTF-8 byte-order mark (Excel needs it to read Chinese). */
  readonly bom: boolean;
  /** `--parameters`: the base parameters the report was computed with. */
  readonly parameters?: ParameterFile | undefined;
}

/** Writes the text report: a heading, the rows (from the spool or from results), then the footer. */
export class TextReport {
  private first = true;
  private readonly rule: TrainingRule;
  private readonly widths: number[];

  constructor(
    private readonly o: TextReportOptions,
    private readonly out: ChunkWriter,
    private readonly summary: TrainingSummary,
    /** The widths of the id and name columns (table only). */
    text: Widths = { id: 0, name: 0 },
  ) {
    this.rule = trainingRule(o.asOf, o.parameters?.patch);
    const h = tableHeaders(o.lang, o.named);
    const status = Math.max(...Object.values(STATUS_WORDS[o.lang]).map(widthOf));
    const mins = o.named ? [text.id, text.name, 9, 8, 9, status] : [text.id, 9, 8, 9, status];
    this.widths = h.map((head, i) => Math.max(widthOf(head), mins[i] as number));
  }

  head(): void {
    const { format, lang } = this.o;
    if (format === 'json') {
      const fields = resultJson(this.summary, SUMMARY_OMITTED);
      this.out.write(`{"asOf":${JSON.stringify(this.o.asOf)}${fields === '{}' ? '' : `,${fields.slice(1, -1)}`},"teachers":[`);
    } else if (format === 'csv') {
      if (this.o.bom) this.out.write('\uFEFF');
      this.out.write(csvHeader(lang, this.o.named));
    } else {
      for (const line of headingLines(this.summary, this.o.asOf, this.rule, lang)) this.out.write(`${line}\n`);
      this.out.write('\n');
      const h = tableHeaders(lang, this.o.named);
      const w = this.widths;
      const text = this.o.named ? 2 : 1;
      const cells = h.map((head, i) => {
        if (i === h.length - 1) return head;
        const fill = ' '.repeat(Math.max(0, (w[i] as number) - widthOf(head)));
        return i < text ? head + fill : fill + head;
      });
      this.out.write(`${cells.join('  ')}\n`);
      this.out.write(`${w.map((x) => '-'.repeat(x)).join('  ')}\n`);
    }
  }

  /** Rows were copied from a spool of final lines ({@link spoolLine}). */
  copied(rows: number): void {
    if (rows > 0) this.first = false;
  }

  /** One teacher of a report computed whole (JSON input). */
  result(r: TrainingComplianceResult, name = ''): void {
    if (this.o.format === 'json') {
      this.out.write(`${this.first ? '\n' : ',\n'}${teacherJson(r)}`);
      this.first = false;
    } else this.row({ id: r.teacherId, name, completed: r.completedHours, required: r.requiredHours, shortfall: r.shortfall, status: r.status });
  }

  /** One teacher read back from the table's spool ({@link spoolLine}), or of the CSV output. */
  row(r: TeacherRow): void {
    const { lang, named } = this.o;
    if (this.o.format === 'csv') {
      this.out.write(`${spreadsheetCell(r.id)},${named ? `${spreadsheetCell(r.name)},` : ''}${r.completed},${r.required},${r.shortfall},${csvStatus(lang, r.status)},${csvCompliant(lang, r.status !== 'not-met')}\n`);
    } else {
      const w = this.widths;
      const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - widthOf(text)));
      const o = named ? 1 : 0;
      this.out.write(
        `${pad(r.id, w[0] as number)}  ${named ? `${pad(r.name, w[1] as number)}  ` : ''}${String(r.completed).padStart(w[1 + o] as number)}  ${String(r.required).padStart(w[2 + o] as number)}  ${String(r.shortfall).padStart(w[3 + o] as number)}  ${STATUS_WORDS[lang][r.status]}\n`,
      );
    }
    this.first = false;
  }

  foot(): void {
    const { format, lang } = this.o;
    if (format === 'json') {
      this.out.write(`${this.first ? '' : '\n'}]}\n`);
    } else if (format === 'table') {
      this.out.write('\n');
      for (const line of completionLines(this.summary, this.rule, lang)) this.out.write(`${line}\n`);
      for (const line of footerLines(this.summary, this.o.asOf, lang, this.o.parameters)) this.out.write(`${line}\n`);
    }
    this.out.flush();
  }
}

/** A note for standard error after CSV output on a terminal: the completion figures. */
export function csvNote(s: TrainingSummary, lang: Lang): string {
  return say(
    lang,
    `junheng：${s.total} 名教师中 ${s.met} 名已完成培训学时（进行中 ${s.inProgress} 名，未完成 ${s.notMet} 名）\n`,
    `junheng: ${s.met} of ${s.total} teachers completed their training hours (${s.inProgress} in progress, ${s.notMet} not met)\n`,
  );
}
