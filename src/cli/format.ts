/**
 * Output of `junheng budget`: an aligned table (default), JSON (compact, one school per line) or
 * CSV rows. Each writes through a {@link ChunkWriter}, so 210,000 schools cost a few large writes,
 * not one giant string or 210,000 small writes.
 */
import type { Decimal, FloorApplied } from 'junheng';
import type { BudgetRun } from './compute.js';
import { csvCell } from './csv.js';

/** Output formats of `junheng budget`. */
export const FORMATS = ['table', 'json', 'csv'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Collects text and hands it to `sink` in chunks of about `size` characters. */
export class ChunkWriter {
  private parts: string[] = [];
  private length = 0;

  constructor(
    private readonly sink: (chunk: string) => void,
    private readonly size = 1 << 16,
  ) {}

  write(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= this.size) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    this.sink(this.parts.join(''));
    this.parts = [];
    this.length = 0;
  }
}

/** Everything a formatter needs to print a budget. */
export interface BudgetReport {
  readonly baseline: BudgetRun;
  /** The budget with the `--what-if` patch, when given. */
  readonly whatIf?: BudgetRun;
  /** Pupils enrolled per school (primary + junior), in input order, for the table. */
  readonly pupils: ArrayLike<number>;
  readonly asOf: string;
  readonly region: string | undefined;
  /** The ids of the floor bands in force for the baseline, in list order. */
  readonly floorBands: readonly string[];
  /** Citations of both runs, without repeats. */
  readonly citations: readonly string[];
  /** Paths of unverified parameter values in force that bear on the result. */
  readonly unverified: readonly string[];
  /** Footer lines for the stale values in force that bear on the result ("Not confirmed since …"). */
  readonly stale?: readonly string[];
  /** With `--parameters`: the line naming the file's values in force and their sources. */
  readonly parametersLine?: string;
  /** The `--what-if` file and the parameter paths it sets. */
  readonly whatIfFile?: string;
  readonly whatIfPaths?: readonly string[];
}

/** Called every so many rows while writing, for a progress line. */
export type OnRows = (done: number, total: number) => void;

const PROGRESS_EVERY = 10_000;

/** JSON: `{ "total", "whatIf"?, "schools": [...] }`, compact, one school per line. */
export function writeJson(report: BudgetReport, out: ChunkWriter, onRows?: OnRows): void {
  const { baseline, whatIf } = report;
  out.write(`{"total":${JSON.stringify(baseline.total.toString())}`);
  if (whatIf !== undefined) {
    out.write(`,"whatIf":{"total":${JSON.stringify(whatIf.total.toString())},"difference":${JSON.stringify(whatIf.total.minus(baseline.total).toString())}}`);
  }
  out.write(',"schools":[');
  const n = baseline.ids.length;
  for (let i = 0; i < n; i++) {
    const floor = baseline.floors[i];
    const amount = baseline.amounts[i]!;
    let line = `${i === 0 ? '\n' : ',\n'}{"id":${JSON.stringify(baseline.ids[i])},"fundedPupils":${baseline.fundedPupils[i]},"floorApplied":${floor == null ? 'null' : `"${floor}"`},"amount":"${amount.toString()}"`;
    if (whatIf !== undefined) {
      const w = whatIf.amounts[i]!;
      line += `,"whatIfAmount":"${w.toString()}","difference":"${w.minus(amount).toString()}"`;
    }
    out.write(`${line}}`);
    if (onRows !== undefined && (i + 1) % PROGRESS_EVERY === 0) onRows(i + 1, n);
  }
  out.write(n === 0 ? ']}\n' : '\n]}\n');
  out.flush();
}

/** CSV rows: `id,fundedPupils,floorApplied,amount` (+ `whatIfAmount,difference`); no total row. */
export function writeCsv(report: BudgetReport, out: ChunkWriter, onRows?: OnRows): void {
  const { baseline, whatIf } = report;
  const n = baseline.ids.length;
  out.write(whatIf === undefined ? 'id,fundedPupils,floorApplied,amount\n' : 'id,fundedPupils,floorApplied,amount,whatIfAmount,difference\n');
  for (let i = 0; i < n; i++) {
    const amount = baseline.amounts[i]!;
    let line = `${csvCell(baseline.ids[i]!)},${baseline.fundedPupils[i]},${baseline.floors[i] ?? ''},${amount.toString()}`;
    if (whatIf !== undefined) {
      const w = whatIf.amounts[i]!;
      line += `,${w.toString()},${w.minus(amount).toString()}`;
    }
    out.write(`${line}\n`);
    if (onRows !== undefined && (i + 1) % PROGRESS_EVERY === 0) onRows(i + 1, n);
  }
  out.flush();
}

/** The table's short name for a floor band: the default bands by their rule, any other by its id. */
export function floorLabel(floor: FloorApplied | undefined): string {
  if (floor === 'national-under-100') return 'national <100';
  if (floor === 'district-100-to-200') return '5.1 100–200';
  return floor ?? '';
}

/** The summary line of the floors applied: the default bands in words, then any other band by its id. */
export function floorSummary(floors: readonly FloorApplied[], bands: readonly string[]): string {
  const counts = new Map<string, number>(bands.map((id) => [id, 0]));
  for (const f of floors) if (f != null) counts.set(f, (counts.get(f) ?? 0) + 1);
  if (counts.size === 0) return 'Floors: none in force.';
  const parts = [...counts].map(([id, n]) =>
    id === 'national-under-100' ? `${n} under the national under-100 floor` : id === 'district-100-to-200' ? `${n} under the opinion's 100-to-200 floor (5.1)` : `${n} under ${id}`,
  );
  return `Floors: ${parts.join(', ')}.`;
}

/**
 * Columns a terminal gives a string: 2 for East Asian wide characters (Chinese ids), 1 otherwise.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    width +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
const widthOf = (text: string): number => (isAscii(text) ? text.length : displayWidth(text));

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)));
  return right ? fill + text : text + fill;
}

/**
 * The default output: an aligned table (amounts exactly as computed, right-aligned), a total row,
 * then the date and region used, the citations, and the unverified parameter values in force.
 */
export function writeTable(report: BudgetReport, out: ChunkWriter, onRows?: OnRows): void {
  const { baseline, whatIf } = report;
  const n = baseline.ids.length;
  const headers = ['id', 'pupils', 'funded', 'floor', 'amount'];
  const right = [false, true, true, false, true];
  if (whatIf !== undefined) {
    headers.push('what-if funded', 'what-if amount', 'difference');
    right.push(true, true, true);
  }
  const cellsOf = (i: number): string[] => {
    const amount = baseline.amounts[i]!;
    const cells = [baseline.ids[i]!, String(report.pupils[i] ?? ''), String(baseline.fundedPupils[i]), floorLabel(baseline.floors[i]), amount.toString()];
    if (whatIf !== undefined) {
      const w = whatIf.amounts[i]!;
      cells.push(String(whatIf.fundedPupils[i]), w.toString(), w.minus(amount).toString());
    }
    return cells;
  };
  const totalCells = ['total', '', '', '', baseline.total.toString()];
  let difference: Decimal | undefined;
  if (whatIf !== undefined) {
    difference = whatIf.total.minus(baseline.total);
    totalCells.push('', whatIf.total.toString(), difference.toString());
  }

  // Widths: one pass over the rows.
  const widths = headers.map((h, c) => Math.max(widthOf(h), widthOf(totalCells[c] as string)));
  for (let i = 0; i < n; i++) {
    const cells = cellsOf(i);
    for (let c = 0; c < cells.length; c++) {
      const w = widthOf(cells[c] as string);
      if (w > (widths[c] as number)) widths[c] = w;
    }
  }
  const row = (cells: readonly string[]): string =>
    `${cells.map((cell, c) => pad(cell, widths[c] as number, right[c] as boolean)).join('  ').trimEnd()}\n`;
  const rule = `${widths.map((w) => '-'.repeat(w)).join('  ')}\n`;

  out.write(row(headers));
  out.write(rule);
  for (let i = 0; i < n; i++) {
    out.write(row(cellsOf(i)));
    if (onRows !== undefined && (i + 1) % PROGRESS_EVERY === 0) onRows(i + 1, n);
  }
  out.write(rule);
  out.write(row(totalCells));
  out.write('\n');
  out.write(`${n} school${n === 1 ? '' : 's'}; amounts in yuan per year.\n`);
  out.write(`${floorSummary(baseline.floors, report.floorBands)}\n`);
  out.write(`As of ${report.asOf}, region ${report.region ?? '(none given; not needed on that date)'}.\n`);
  if (report.parametersLine !== undefined) out.write(`${report.parametersLine}\n`);
  if (whatIf !== undefined && difference !== undefined) {
    const paths = report.whatIfPaths !== undefined && report.whatIfPaths.length > 0 ? ` (${report.whatIfPaths.join(', ')})` : '';
    out.write(`What-if ${report.whatIfFile ?? ''}${paths}: total ${whatIf.total.toString()}, difference ${difference.toString()}.\n`);
  }
  out.write(`Cites: ${report.citations.join(', ')}\n`);
  if (report.unverified.length > 0) {
    out.write(`Unverified parameter values in force (junheng's reading; confirm or override): ${report.unverified.join(', ')}\n`);
  }
  for (const line of report.stale ?? []) out.write(line);
  out.flush();
}

/** Writes `report` in `format`. */
export function writeReport(format: Format, report: BudgetReport, out: ChunkWriter, onRows?: OnRows): void {
  if (format === 'json') writeJson(report, out, onRows);
  else if (format === 'csv') writeCsv(report, out, onRows);
  else writeTable(report, out, onRows);
}

/**
 * A library result in its own JSON form, without the fields named in `omit` (its lazy explanation,
 * fields a report states once in its heading). Every other own field is written as the result has
 * it, so a field added to a result reaches the output without a change here. A lazy field that is
 * omitted is never built.
 */
export function resultJson(result: object, omit: readonly string[]): string {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(result)) if (!omit.includes(key)) out[key] = (result as Record<string, unknown>)[key];
  return JSON.stringify(out);
}
