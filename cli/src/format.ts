/**
 * Output of `junheng budget`: an aligned table (default), JSON (compact, one school per line) or
 * CSV rows. Each writes through a {@link ChunkWriter}, so 210,000 schools cost a few large writes,
 * not one giant string or 210,000 small writes.
 */
import type { FloorApplied } from 'junheng';
import { bigFenText, fenText, floorOf, type BudgetRun } from './compute.js';
import { csvCell } from './csv.js';

/** Output formats of `junheng budget`. */
export const FORMATS = ['table', 'json', 'csv'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/**
 * Node's Buffer encodes into itself with `utf8Write(text, offset)`: what `buffer.write(text, offset,
 * 'utf8')` calls after checking its arguments, several times faster for short pieces of text.
 */
interface Utf8Writable {
  utf8Write(text: string, offset: number): number;
}

/**
 * Collects text as UTF-8 bytes and hands them to `sink` in chunks of about `size` bytes. Each
 * piece of text is encoded as it is written, so a chunk is never a joined string: joining rows
 * that hold Chinese (two-byte strings in V8) and then encoding the result cost several times more.
 * The sink must use a chunk before it returns or keep it: a chunk is never reused.
 */
export class ChunkWriter {
  private buffer: Buffer;
  private used = 0;

  constructor(
    private readonly sink: (chunk: Uint8Array) => void,
    private readonly size = 1 << 16,
  ) {
    this.buffer = Buffer.allocUnsafe(size);
  }

  write(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
    if (this.used + text.length * 3 > this.size) {
      this.flush();
      if (text.length * 3 > this.size) {
        this.sink(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += (this.buffer as unknown as Utf8Writable).utf8Write(text, this.used);
  }

  flush(): void {
    if (this.used === 0) return;
    this.sink(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(this.size);
    this.used = 0;
  }
}

/** Everything a formatter needs to print a budget. */
export interface BudgetReport {
  readonly baseline: BudgetRun;
  /** The budget with the `--what-if` patch, when given. */
  readonly whatIf?: BudgetRun;
  /** Pupils enrolled per school (primary + junior), in input order, for the table and CSV. */
  readonly pupils: ArrayLike<number>;
  /** Each school's name, in input order, when the roster has a name column (学校名称): carried to the table and CSV. */
  readonly names?: readonly string[];
  /** CSV output starts with a UTF-8 byte-order mark (so Excel reads its Chinese); default true. */
  readonly bom?: boolean;
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
  out.write(`{"total":"${bigFenText(baseline.totalFen)}"`);
  if (whatIf !== undefined) {
    out.write(`,"whatIf":{"total":"${bigFenText(whatIf.totalFen)}","difference":"${bigFenText(whatIf.totalFen - baseline.totalFen)}"}`);
  }
  out.write(',"schools":[');
  const n = baseline.ids.length;
  for (let i = 0; i < n; i++) {
    const floor = floorOf(baseline, i);
    const amount = baseline.amountFen[i] as number;
    let line = `${i === 0 ? '\n' : ',\n'}{"id":${JSON.stringify(baseline.ids[i])},"fundedPupils":${baseline.fundedPupils[i]},"floorApplied":${floor == null ? 'null' : `"${floor}"`},"amount":"${fenText(amount)}"`;
    if (whatIf !== undefined) {
      const w = whatIf.amountFen[i] as number;
      line += `,"whatIfAmount":"${fenText(w)}","difference":"${fenText(w - amount)}"`;
    }
    out.write(`${line}}`);
    if (onRows !== undefined && (i + 1) % PROGRESS_EVERY === 0) onRows(i + 1, n);
  }
  out.write(n === 0 ? ']}\n' : '\n]}\n');
  out.flush();
}

/** A number as written in a CSV cell: a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * A text cell for a CSV a spreadsheet will open: a cell beginning `=`, `+`, `-` or `@` (or a tab or
 * carriage return) that is not a plain number is prefixed with `'`, so the spreadsheet shows it as
 * text and never runs it as a formula; then quoted as CSV needs.
 */
export function spreadsheetCell(value: string): string {
  const c = value.charCodeAt(0);
  const risky = c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
  return csvCell(risky && !PLAIN_NUMBER.test(value) ? `'${value}` : value);
}

/**
 * CSV rows: `id[,name],pupils,funded_pupils,floor_applied,amount` (+ `what_if_amount,difference`);
 * no total row. UTF-8 with a byte-order mark unless `report.bom` is false; text cells through
 * {@link spreadsheetCell}.
 */
export function writeCsv(report: BudgetReport, out: ChunkWriter, onRows?: OnRows): void {
  const { baseline, whatIf, names } = report;
  const n = baseline.ids.length;
  if (report.bom !== false) out.write('\uFEFF');
  out.write(`id,${names === undefined ? '' : 'name,'}pupils,funded_pupils,floor_applied,amount${whatIf === undefined ? '' : ',what_if_amount,difference'}\n`);
  for (let i = 0; i < n; i++) {
    const amount = baseline.amountFen[i] as number;
    let line = `${spreadsheetCell(baseline.ids[i]!)},${names === undefined ? '' : `${spreadsheetCell(names[i] ?? '')},`}${report.pupils[i] ?? ''},${baseline.fundedPupils[i]},${floorOf(baseline, i) ?? ''},${fenText(amount)}`;
    if (whatIf !== undefined) {
      const w = whatIf.amountFen[i] as number;
      line += `,${fenText(w)},${fenText(w - amount)}`;
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
export function floorSummary(floors: readonly FloorApplied[] | BudgetRun, bands: readonly string[]): string {
  const counts = new Map<string, number>(bands.map((id) => [id, 0]));
  if (Array.isArray(floors)) {
    for (const f of floors as readonly FloorApplied[]) if (f != null) counts.set(f, (counts.get(f) ?? 0) + 1);
  } else {
    // A run's floors are band positions: counted per position, then named.
    const run = floors as BudgetRun;
    const byBand = new Array<number>(run.bands.length).fill(0);
    for (let i = 0; i < run.floors.length; i++) {
      const k = run.floors[i] as number;
      byBand[k] = (byBand[k] as number) + 1;
    }
    for (let k = 1; k < run.bands.length; k++) {
      const f = run.bands[k];
      if (f != null && (byBand[k] as number) > 0) counts.set(f, (counts.get(f) ?? 0) + (byBand[k] as number));
    }
  }
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

/** Characters of a whole number's decimal text (a minus sign included). */
function digitCount(v: number): number {
  let a = v < 0 ? -v : v;
  let d = v < 0 ? 2 : 1;
  while (a >= 10) {
    a = Math.floor(a / 10);
    d++;
  }
  return d;
}

/** Characters of {@link fenText}'s text for `fen`, worked out without making it. */
function fenWidth(fen: number): number {
  const abs = fen < 0 ? -fen : fen;
  const cents = abs % 100;
  return (fen < 0 ? 1 : 0) + digitCount((abs - cents) / 100) + (cents === 0 ? 0 : cents % 10 === 0 ? 2 : 3);
}

const isAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
const widthOf = (text: string): number => (isAscii(text) ? text.length : displayWidth(text));

/**
 * The default output: an aligned table (amounts exactly as computed, right-aligned), a total row,
 * then the date and region used, the citations, and the unverified parameter values in force.
 */
export function writeTable(report: BudgetReport, out: ChunkWriter, onRows?: OnRows): void {
  const { baseline, whatIf, names } = report;
  const n = baseline.ids.length;
  const headers = ['id', 'pupils', 'funded', 'floor', 'amount'];
  const right = [false, true, true, false, true];
  // The school name, when the roster has one, is the second column.
  const named = names !== undefined;
  if (named) {
    headers.splice(1, 0, 'name');
    right.splice(1, 0, false);
  }
  if (whatIf !== undefined) {
    headers.push('what-if funded', 'what-if amount', 'difference');
    right.push(true, true, true);
  }
  const totalCells = ['total', '', '', '', bigFenText(baseline.totalFen)];
  let difference: string | undefined;
  if (whatIf !== undefined) {
    difference = bigFenText(whatIf.totalFen - baseline.totalFen);
    totalCells.push('', bigFenText(whatIf.totalFen), difference);
  }
  if (named) totalCells.splice(1, 0, '');
  const o = named ? 1 : 0;

  // Widths: one pass over the rows, by arithmetic on the numbers (no cell text is made to be measured).
  const widths = headers.map((h, c) => Math.max(widthOf(h), widthOf(totalCells[c] as string)));
  const labels = baseline.bands.map((band) => floorLabel(band));
  const grow = (c: number, w: number): void => {
    if (w > (widths[c] as number)) widths[c] = w;
  };
  let idWidth = 0;
  let nameWidth = 0;
  let pupilsWidth = 0;
  let fundedWidth = 0;
  let amountWidth = 0;
  for (let i = 0; i < n; i++) {
    const id = baseline.ids[i]!;
    const idw = isAscii(id) ? id.length : displayWidth(id);
    if (idw > idWidth) idWidth = idw;
    if (named) nameWidth = Math.max(nameWidth, widthOf(names?.[i] ?? ''));
    const p = digitCount(report.pupils[i] ?? 0);
    if (p > pupilsWidth) pupilsWidth = p;
    const f = digitCount(baseline.fundedPupils[i] as number);
    if (f > fundedWidth) fundedWidth = f;
    const a = fenWidth(baseline.amountFen[i] as number);
    if (a > amountWidth) amountWidth = a;
    if (whatIf !== undefined) {
      const v = whatIf.amountFen[i] as number;
      grow(5 + o, digitCount(whatIf.fundedPupils[i] as number));
      grow(6 + o, fenWidth(v));
      grow(7 + o, fenWidth(v - (baseline.amountFen[i] as number)));
    }
  }
  grow(0, idWidth);
  if (named) grow(1, nameWidth);
  grow(1 + o, pupilsWidth);
  grow(2 + o, fundedWidth);
  grow(4 + o, amountWidth);
  for (let k = 0; k < labels.length; k++) if (baseline.floors.includes(k)) grow(3 + o, widthOf(labels[k] as string));
  const spaces = ' '.repeat(Math.max(...widths));
  const fill = (c: number, cell: string): string => spaces.slice(0, Math.max(0, (widths[c] as number) - widthOf(cell)));
  const row = (cells: readonly string[]): string => {
    let line = '';
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c] as string;
      if (c > 0) line += '  ';
      line += right[c] === true ? fill(c, cell) + cell : cell + fill(c, cell);
    }
    return `${line.trimEnd()}\n`;
  };
  const rule = `${widths.map((w) => '-'.repeat(w)).join('  ')}\n`;
  // A floor label is padded once per band, not once per row.
  const paddedLabels = labels.map((label) => (label as string) + fill(3 + o, label as string));
  const w = widths as number[];
  // A name column is padded like an id (its display width).
  const padName = (name: string): string => name + fill(1, name);

  out.write(row(headers));
  out.write(rule);
  for (let i = 0; i < n; i++) {
    // The last column is right-aligned, so a data row has no trailing spaces to trim.
    const id = baseline.ids[i]!;
    const head = `${id.padEnd((w[0] as number) - (isAscii(id) ? 0 : displayWidth(id) - id.length))}${named ? `  ${padName(names?.[i] ?? '')}` : ''}`;
    const tail =
      whatIf === undefined
        ? ''
        : `  ${String(whatIf.fundedPupils[i]).padStart(w[5 + o] as number)}  ${fenText(whatIf.amountFen[i] as number).padStart(w[6 + o] as number)}  ${fenText((whatIf.amountFen[i] as number) - (baseline.amountFen[i] as number)).padStart(w[7 + o] as number)}`;
    out.write(`${head}  ${String(report.pupils[i] ?? '').padStart(w[1 + o] as number)}  ${String(baseline.fundedPupils[i]).padStart(w[2 + o] as number)}  ${paddedLabels[baseline.floors[i] as number]}  ${fenText(baseline.amountFen[i] as number).padStart(w[4 + o] as number)}${tail}\n`);
    if (onRows !== undefined && (i + 1) % PROGRESS_EVERY === 0) onRows(i + 1, n);
  }
  out.write(rule);
  out.write(row(totalCells));
  out.write('\n');
  out.write(`${n} school${n === 1 ? '' : 's'}; amounts in yuan per year.\n`);
  out.write(`${floorSummary(baseline, report.floorBands)}\n`);
  out.write(`As of ${report.asOf}, region ${report.region ?? '(none given; not needed on that date)'}.\n`);
  if (report.parametersLine !== undefined) out.write(`${report.parametersLine}\n`);
  if (whatIf !== undefined && difference !== undefined) {
    const paths = report.whatIfPaths !== undefined && report.whatIfPaths.length > 0 ? ` (${report.whatIfPaths.join(', ')})` : '';
    out.write(`What-if ${report.whatIfFile ?? ''}${paths}: total ${bigFenText(whatIf.totalFen)}, difference ${difference}.\n`);
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
