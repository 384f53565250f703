/**
 * The text outputs of `junheng classes`: the table (in the reader's language, counts with thousands
 * separators, the share rounded), CSV (UTF-8 with BOM by default, headers in the reader's language,
 * the share exact) and JSON (the library's report, unchanged whatever the language).
 */
import type { ClassCounts, ClassSizeReportParams, ClassSizeReportResult, GroupKey } from 'junheng';
import { ChunkWriter, displayWidth, spreadsheetCell } from '../format.js';
import { say, type Lang } from '../lang.js';
import { BANDS } from './collect.js';
import { bandLabel, bandsLine, count, deadlineLine, keyLabel, percent, scopeLabel, shareLabel } from './words.js';

/** Everything the outputs need. */
export interface ClassesOutput {
  readonly report: ClassSizeReportResult;
  /** The bands and deadline in force (`classSizeReport.parameters(options)`). */
  readonly params: ClassSizeReportParams;
  readonly asOf: string;
  readonly lang: Lang;
  /** Each school's name by its id, when the roster has a name column beside its code (学校名称). */
  readonly names?: ReadonlyMap<string, string> | undefined;
  /** The footer lines after the bands and the deadline: the date, citations, parameter values in words. */
  readonly footer: readonly string[];
  /** Warnings in words (also on standard error), for the reports. */
  readonly warnings: { readonly lines: readonly string[]; readonly count: number };
  /** CSV output starts with a byte-order mark (default true). */
  readonly bom?: boolean;
}

/** A line of the table: overall, per stage, per group. */
export interface Line {
  readonly scope: 'all' | 'stage' | GroupKey;
  readonly key: string | null;
  readonly counts: ClassCounts;
}

/** The table's lines: all classes, each stage, then each group of each `--group-by` key in order of first appearance. */
export function linesOf(r: ClassSizeReportResult): Line[] {
  const out: Line[] = [{ scope: 'all', key: null, counts: r }];
  for (const stage of ['primary', 'junior'] as const) out.push({ scope: 'stage', key: stage, counts: r.byStage[stage] });
  for (const [key, groups] of Object.entries(r.groups) as Array<[GroupKey, ClassSizeReportResult['groups'][GroupKey]]>) {
    for (const g of groups ?? []) out.push({ scope: key, key: g.key, counts: g });
  }
  return out;
}

/** Whether the outputs carry a school-name column: the roster names its schools and the report groups by school. */
export const hasNames = (o: ClassesOutput): boolean => o.names !== undefined && o.report.groups.schoolId !== undefined;

/** The headers of the table (and of the HTML and workbook tables), in `lang`. */
export function headersOf(o: ClassesOutput): string[] {
  const { lang, params } = o;
  const headers = [say(lang, '范围', 'scope'), say(lang, '名称', 'key')];
  if (hasNames(o)) headers.push(say(lang, '学校名称', 'school name'));
  headers.push(say(lang, '班级数', 'classes'), ...BANDS.map((b) => bandLabel(b, params, lang)), shareLabel(params, lang));
  return headers;
}

/** The text cells of a line before its counts: scope, key in words, and the school's name when named. */
export function labelCells(o: ClassesOutput, l: Line): string[] {
  const cells = [l.scope === 'all' && l.key === null ? scopeLabel('all', o.lang) : scopeLabel(l.scope, o.lang), l.scope === 'all' ? '' : keyLabel(l.scope, l.key, o.lang)];
  if (hasNames(o)) cells.push(l.scope === 'schoolId' && l.key !== null ? (o.names?.get(l.key) ?? '') : '');
  return cells;
}

const widthOf = (text: string): number => (/^[\x20-\x7e]*$/.test(text) ? text.length : displayWidth(text));
const pad = (text: string, width: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return right ? fill + text : text + fill;
};

/**
 * The table: counts by band overall, by stage and per group (thousands separators, the share as a
 * rounded percentage), then the bands in words, the deadline, and the footer.
 */
export function writeTable(o: ClassesOutput, out: ChunkWriter): void {
  const headers = headersOf(o);
  const texts = headers.length - 6;
  const right = headers.map((_, i) => i >= texts);
  const lines = linesOf(o.report);
  const rows = lines.map((l) => [
    ...labelCells(o, l),
    count(l.counts.total),
    ...BANDS.map((b) => count(l.counts.byStatus[b])),
    percent(l.counts.largeShare),
  ]);
  const widths = headers.map((h, c) => Math.max(widthOf(h), ...rows.map((row) => widthOf(row[c] as string))));
  const line = (cells: readonly string[]): string => `${cells.map((cell, c) => pad(cell, widths[c] as number, right[c] as boolean)).join('  ').trimEnd()}\n`;
  const rule = `${widths.map((w) => '-'.repeat(w)).join('  ')}\n`;
  out.write(line(headers));
  out.write(rule);
  let previous: string | undefined;
  lines.forEach((l, i) => {
    if (previous !== undefined && l.scope !== previous) out.write(rule);
    previous = l.scope;
    out.write(line(rows[i] as string[]));
  });
  out.write('\n');
  out.write(`${bandsLine(o.params, o.lang)}\n`);
  out.write(`${deadlineLine(o.report, o.params, o.lang)}\n`);
  for (const f of o.footer) out.write(`${f}\n`);
  out.flush();
}

/** The report as JSON: the library's result without its explanation, `asOf` first. The same in every language. */
export function writeJson(o: ClassesOutput, out: ChunkWriter): void {
  const { total, byStatus, largeShare, byStage, groups, deadline, citations } = o.report;
  out.write(`${JSON.stringify({ asOf: o.asOf, total, byStatus, largeShare, byStage, groups, deadline, citations }, null, 2)}\n`);
  out.flush();
}

/** The CSV headers: snake_case in English (`scope,key,classes,standard,over_standard,large,super_large,large_share`), the table's words in Chinese. */
export function csvHeaders(o: ClassesOutput): string[] {
  if (o.lang === 'en') return ['scope', 'key', ...(hasNames(o) ? ['school_name'] : []), 'classes', 'standard', 'over_standard', 'large', 'super_large', 'large_share'];
  return headersOf(o);
}

/**
 * CSV: one row per line of the table, headers and labels in the reader's language, counts as plain
 * numbers and the share exact (a spreadsheet rounds it); text cells through {@link spreadsheetCell}.
 */
export function writeCsv(o: ClassesOutput, out: ChunkWriter): void {
  if (o.bom !== false) out.write('\uFEFF');
  out.write(`${csvHeaders(o).map(spreadsheetCell).join(',')}\n`);
  for (const l of linesOf(o.report)) {
    const s = l.counts.byStatus;
    const labels = labelCells(o, l).map(spreadsheetCell).join(',');
    out.write(`${labels},${l.counts.total},${s.standard},${s['over-standard']},${s.large},${s['super-large']},${l.counts.largeShare}\n`);
  }
  out.flush();
}
