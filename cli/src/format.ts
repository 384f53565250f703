/**
 * Output of `junheng budget`: an aligned table (default), JSON (compact, one school per line) or
 * CSV rows. Each writes through a {@link ChunkWriter}, so 210,000 schools cost a few large writes,
 * not one giant string or 210,000 small writes.
 */
import type { CalculatorOptions, ParameterListing } from 'junheng';
import type { BudgetWarning } from './budget/warnings.js';
import { budgetFooter, floorShort, HEADINGS } from './budget/words.js';
import { grouped, type Lang } from './lang.js';
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
  /** With `--parameters`: the line naming the file's values in force and their sources. */
  readonly parametersLine?: string;
  /** The `--what-if` file and the parameter paths it sets. */
  readonly whatIfFile?: string;
  readonly whatIfPaths?: readonly string[];
  /** The what-if run's options (the base's with the patch on top): the what-if's rates, in words. */
  readonly whatIfOptions?: CalculatorOptions;
  /** The reader's language of the table, CSV headers and footers (`--lang`); default en. JSON never changes. */
  readonly lang?: Lang;
  /** The baseline's options (day, region, parameters): the rates applied and the bands' words are read from them. */
  readonly options?: CalculatorOptions;
  /** The parameter values in force that bear on the result, and every value in force: the footer's unverified and stale lines. */
  readonly bearing?: readonly ParameterListing[];
  readonly listing?: readonly ParameterListing[];
  /** What a reader should know about schools that were computed (no pupils, a large teaching point): the first 50. */
  readonly warnings?: readonly BudgetWarning[];
  /** How many warnings there are in all (more than `warnings` holds when over 50). */
  readonly warningCount?: number;
  /**
   * With `--explain` and `--format html`: the lines explaining the amounts of the schools the report
   * shows, in `lang` (`explanationLines`).
   */
  readonly explanation?: readonly string[];
  /**
   * With `--explain` and the table: the same lines for every school, printed after the footer; read
   * once (budget.ts gives a generator, `explanationStream`, that explains a chunk of schools at a time,
   * so a national roster's explanations are never all held).
   */
  readonly explanationStream?: Iterable<string>;
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
 * CSV rows, one per school, no total row: in English the snake_case headers
 * `id[,name],pupils,funded_pupils,floor_applied,amount` (+ `what_if_amount,difference`) and the
 * floor band by its id; in Chinese (`lang: 'zh'`) the same columns headed 学校标识码, 学校名称,
 * 在校生数, 核定人数, 保底, 公用经费（元） (+ 假设公用经费（元）, 差额（元）) and the band in short words
 * (`不足100人按100`, see `floorShort`). Amounts are the exact yuan text without separators (a
 * spreadsheet reads them as numbers). UTF-8 with a byte-order mark unless `report.bom` is false;
 * text cells through {@link spreadsheetCell}.
 */
export function writeCsv(report: BudgetReport, out: ChunkWriter, onRows?: OnRows): void {
  const { baseline, whatIf, names } = report;
  const lang = report.lang ?? 'en';
  const n = baseline.ids.length;
  const h = (key: keyof typeof HEADINGS): string => (lang === 'zh' ? HEADINGS[key].zh : HEADINGS[key].csv);
  if (report.bom !== false) out.write('\uFEFF');
  const headers = [h('id'), ...(names === undefined ? [] : [h('name')]), h('pupils'), h('funded'), h('floor'), h('amount'), ...(whatIf === undefined ? [] : [h('whatIfAmount'), h('difference')])];
  out.write(`${headers.map(spreadsheetCell).join(',')}\n`);
  // The floor cell of each band, made once: its id in English, its short words in Chinese.
  const floorCells = baseline.bands.map((band, k) => (band === null ? '' : spreadsheetCell(lang === 'zh' ? floorShort(band, 'zh', baseline.floorBands[k - 1]) : band)));
  for (let i = 0; i < n; i++) {
    const amount = baseline.amountFen[i] as number;
    let line = `${spreadsheetCell(baseline.ids[i]!)},${names === undefined ? '' : `${spreadsheetCell(names[i] ?? '')},`}${report.pupils[i] ?? ''},${baseline.fundedPupils[i]},${floorCells[baseline.floors[i] as number]},${fenText(amount)}`;
    if (whatIf !== undefined) {
      const w = whatIf.amountFen[i] as number;
      line += `,${fenText(w)},${fenText(w - amount)}`;
    }
    out.write(`${line}\n`);
    if (onRows !== undefined && (i + 1) % PROGRESS_EVERY === 0) onRows(i + 1, n);
  }
  out.flush();
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

/** Characters of {@link groupedFen}'s text for `fen`: {@link fenWidth} and a comma per three digits of yuan. */
function groupedFenWidth(fen: number): number {
  const abs = fen < 0 ? -fen : fen;
  const digits = digitCount((abs - (abs % 100)) / 100);
  return fenWidth(fen) + Math.floor((digits - 1) / 3);
}

/**
 * Integer fen as yuan text with thousands separators (`145920000` → `1,459,200`, `73831250` →
 * `738,312.5`): {@link fenText} grouped, made by arithmetic (no regular expression per row).
 */
export function groupedFen(fen: number): string {
  const abs = fen < 0 ? -fen : fen;
  const cents = abs % 100;
  let yuan = (abs - cents) / 100;
  let whole = '';
  while (yuan >= 1000) {
    const r = yuan % 1000;
    whole = `,${r < 10 ? '00' : r < 100 ? '0' : ''}${r}${whole}`;
    yuan = (yuan - r) / 1000;
  }
  const fraction = cents === 0 ? '' : cents % 10 === 0 ? `.${cents / 10}` : `.${cents < 10 ? '0' : ''}${cents}`;
  return `${fen < 0 ? '-' : ''}${yuan}${whole}${fraction}`;
}

/**
 * The default output: an aligned table in the reader's language (`report.lang`; headings such as
 * 学校标识码 / 在校生数 / 核定人数 / 保底 / 公用经费（元）, the floor band in short words — see
 * `floorShort` — and amounts exact, with thousands separators, right-aligned), a total row (合计 /
 * total), then the footer lines (`budgetFooter`: the counts, the floors, the day and region, the
 * parameters and what-if lines, the rates applied, the citations, the unverified and stale values),
 * then, with `--explain`, each school's steps (`report.explanationStream`).
 *
 * Rows are built with `padStart`/`padEnd` and widths worked out by arithmetic on the numbers (a
 * grouped amount's width is its digits and commas), so no cell text is made only to be measured.
 */
export function writeTable(report: BudgetReport, out: ChunkWriter, onRows?: OnRows): void {
  const { baseline, whatIf, names } = report;
  const lang = report.lang ?? 'en';
  const n = baseline.ids.length;
  const h = (key: keyof typeof HEADINGS): string => HEADINGS[key][lang];
  const headers = [h('id'), h('pupils'), h('funded'), h('floor'), h('amount')];
  const right = [false, true, true, false, true];
  // The school name, when the roster has one, is the second column.
  const named = names !== undefined;
  if (named) {
    headers.splice(1, 0, h('name'));
    right.splice(1, 0, false);
  }
  if (whatIf !== undefined) {
    headers.push(h('whatIfFunded'), h('whatIfAmount'), h('difference'));
    right.push(true, true, true);
  }
  const totalCells = [h('total'), '', '', '', grouped(bigFenText(baseline.totalFen))];
  if (whatIf !== undefined) totalCells.push('', grouped(bigFenText(whatIf.totalFen)), grouped(bigFenText(whatIf.totalFen - baseline.totalFen)));
  if (named) totalCells.splice(1, 0, '');
  const o = named ? 1 : 0;

  // Widths: one pass over the rows, by arithmetic on the numbers (no cell text is made to be measured).
  const widths = headers.map((head, c) => Math.max(widthOf(head), widthOf(totalCells[c] as string)));
  const labels = baseline.bands.map((band, k) => floorShort(band, lang, baseline.floorBands[k - 1]));
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
    const a = groupedFenWidth(baseline.amountFen[i] as number);
    if (a > amountWidth) amountWidth = a;
    if (whatIf !== undefined) {
      const v = whatIf.amountFen[i] as number;
      grow(5 + o, digitCount(whatIf.fundedPupils[i] as number));
      grow(6 + o, groupedFenWidth(v));
      grow(7 + o, groupedFenWidth(v - (baseline.amountFen[i] as number)));
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
        : `  ${String(whatIf.fundedPupils[i]).padStart(w[5 + o] as number)}  ${groupedFen(whatIf.amountFen[i] as number).padStart(w[6 + o] as number)}  ${groupedFen((whatIf.amountFen[i] as number) - (baseline.amountFen[i] as number)).padStart(w[7 + o] as number)}`;
    out.write(`${head}  ${String(report.pupils[i] ?? '').padStart(w[1 + o] as number)}  ${String(baseline.fundedPupils[i]).padStart(w[2 + o] as number)}  ${paddedLabels[baseline.floors[i] as number]}  ${groupedFen(baseline.amountFen[i] as number).padStart(w[4 + o] as number)}${tail}\n`);
    if (onRows !== undefined && (i + 1) % PROGRESS_EVERY === 0) onRows(i + 1, n);
  }
  out.write(rule);
  out.write(row(totalCells));
  out.write('\n');
  for (const line of budgetFooter(report, lang)) out.write(`${line}\n`);
  const explanation = report.explanationStream ?? report.explanation;
  if (explanation !== undefined) {
    out.write('\n');
    for (const line of explanation) out.write(`${line}\n`);
  }
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
