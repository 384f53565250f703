/**
 * Every command's input file, as a bureau has it: a path or `-` (standard input); CSV in UTF-8 (with
 * or without BOM) or GBK / GB18030; JSON; or an `.xlsx` workbook. A workbook's sheet (the first, or
 * `--sheet NAME`) is read with read-excel-file and handed on as the CSV text of its cells (UTF-8),
 * so a workbook goes through the same header, count and row checks as a CSV and gives the same
 * result, with the same line numbers (a sheet's row 2 is line 2).
 */
import { isAscii } from 'node:buffer';
import { closeSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError, UsageError, type Command, type Io } from './command.js';
import { CsvError, csvCell } from './csv.js';
import { decodeText, ENCODINGS, openFile, STDIN_NAME, type ByteSource, type Encoding } from './read.js';

/** What `--encoding` and `--sheet` say about an input. */
export interface InputOptions {
  readonly encoding?: string | undefined;
  readonly sheet?: string | undefined;
}

/** An input opened: its name for messages, its bytes, and whether it was a workbook. */
export interface OpenedInput {
  /** The path, or "standard input". With a sheet: `roster.xlsx, sheet 学校`. */
  readonly name: string;
  /** A descriptor (a text file, read as a stream) or the bytes (standard input, a workbook's CSV). */
  readonly source: ByteSource;
  /** `'xlsx'` when the input was a workbook (its source is then CSV text in UTF-8). */
  readonly kind: 'text' | 'xlsx';
}

/** `--encoding` checked: one of {@link ENCODINGS} (`auto` when not given). */
export function chooseEncoding(value: string | undefined, command: Command): Encoding {
  const encoding = value ?? 'auto';
  if (!(ENCODINGS as readonly string[]).includes(encoding)) throw new UsageError(`--encoding must be one of ${ENCODINGS.join(', ')}, got ${JSON.stringify(encoding)}`, command);
  return encoding as Encoding;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Whether `bytes` (the start of a file) are a zip archive, as an .xlsx workbook is. */
export const isZip = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP);

/** The first bytes of a descriptor. */
function head(fd: number): Buffer {
  const buffer = Buffer.alloc(8);
  return buffer.subarray(0, readSync(fd, buffer, 0, 8, 0));
}

/** A cell of a sheet as CSV text: numbers as Excel stored them, dates as `YYYY-MM-DD`, booleans as TRUE / FALSE. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel's dates have no zone: read-excel-file gives them at UTC midnight.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

interface SheetOut {
  sheet: string;
  data: unknown[][];
}
type ReadWorkbook = (input: Buffer, options: { parseNumber: (text: string) => string }) => Promise<SheetOut[]>;

/**
 * The sheet `sheet` (by name; the first when absent) of the workbook `bytes`, as CSV text in UTF-8.
 * A missing sheet names the sheets there are; a file that is not a readable workbook says so.
 */
export async function workbookCsv(bytes: Buffer, name: string, sheet: string | undefined): Promise<{ csv: Buffer; sheet: string }> {
  const module = (await import('read-excel-file/node')) as unknown as { default: ReadWorkbook };
  let sheets: SheetOut[];
  try {
    // Numbers are kept as the text the workbook stores (`12`, `1459200.5`): the count checks read them exactly.
    sheets = await module.default(bytes, { parseNumber: (text) => text });
  } catch (error) {
    throw new InputError([`cannot read ${name} as an .xlsx workbook: ${(error as Error).message}`]);
  }
  if (sheets.length === 0) throw new InputError([`${name} has no sheet`]);
  const chosen = sheet === undefined ? sheets[0] : sheets.find((s) => s.sheet === sheet);
  if (chosen === undefined) throw new InputError([`${name} has no sheet ${JSON.stringify(sheet)}; its sheets: ${sheets.map((s) => s.sheet).join(', ')}`]);
  // Every row as wide as the widest filled one: a sheet stores no cell for an empty one, and a row
  // that ends in empty cells is as wide as the header in CSV.
  const rows = chosen.data.map((row) => row.map((v) => csvCell(cellText(v))));
  let width = 0;
  for (const cells of rows) {
    let filled = cells.length;
    while (filled > 0 && cells[filled - 1] === '') filled--;
    if (filled > width) width = filled;
  }
  const lines = rows.map((cells) => {
    cells.length = width;
    return cells.map((c) => c ?? '').join(',');
  });
  return { csv: Buffer.from(`${lines.join('\n')}\n`, 'utf8'), sheet: chosen.sheet };
}

/**
 * Opens a command's input: `-` is standard input (read whole); an `.xlsx` file (by its extension or
 * its zip bytes) becomes the CSV of its sheet; an `.xls` (Excel 97–2003) file is refused with what
 * to do; anything else is a text file opened as a stream. The caller closes a descriptor.
 */
export async function openInput(file: string, io: Io, options: InputOptions = {}): Promise<OpenedInput> {
  let source: ByteSource;
  let name: string;
  if (file === '-') {
    if (io.readStdin === undefined) throw new InputError([`cannot read ${STDIN_NAME}: there is none`]);
    source = io.readStdin();
    name = STDIN_NAME;
  } else {
    source = openFile(file);
    name = file;
  }
  const start = typeof source === 'number' ? head(source) : source.subarray(0, 8);
  if (startsWith(start, OLE) || extname(file).toLowerCase() === '.xls') {
    if (typeof source === 'number') closeSync(source);
    throw new InputError([`${name} is an Excel 97–2003 workbook (.xls), which junheng does not read: save it as .xlsx (Excel: 文件 → 另存为 → Excel 工作簿) or as CSV`]);
  }
  const xlsx = isZip(start);
  if (!xlsx && extname(file).toLowerCase() === '.xlsx') {
    if (typeof source === 'number') closeSync(source);
    throw new InputError([`cannot read ${name} as an .xlsx workbook: it is not one (an .xlsx file is a zip archive)`]);
  }
  if (!xlsx) {
    if (options.sheet !== undefined) {
      if (typeof source === 'number') closeSync(source);
      throw new InputError([`--sheet is for an .xlsx workbook; ${name} is not one`]);
    }
    return { name, source, kind: 'text' };
  }
  let bytes: Buffer;
  if (typeof source === 'number') {
    try {
      bytes = readFileSync(source);
    } finally {
      closeSync(source);
    }
  } else bytes = source;
  const { csv, sheet } = await workbookCsv(bytes, name, options.sheet);
  return { name: options.sheet === undefined ? name : `${name}, sheet ${sheet}`, source: csv, kind: 'xlsx' };
}

/**
 * The whole text of an input (for the commands that read their input whole): opened as
 * {@link openInput} does, decoded in `encoding` (auto: UTF-8, else GB18030), the BOM dropped.
 */
export async function readInputText(file: string, io: Io, options: InputOptions & { encoding?: Encoding } = {}): Promise<{ name: string; text: string; kind: 'text' | 'xlsx' }> {
  const input = await openInput(file, io, options);
  let bytes: Buffer;
  if (typeof input.source === 'number') {
    try {
      bytes = readFileSync(input.source);
    } finally {
      closeSync(input.source);
    }
  } else bytes = input.source;
  const encoding = input.kind === 'xlsx' ? 'utf8' : ((options.encoding as Encoding | undefined) ?? 'auto');
  // Plain ASCII (a roster with English headers and ids, as a program exports it) is the same text in
  // every encoding read here: made straight from the bytes, without the decoders' checks.
  if (isAscii(bytes)) return { name: input.name, text: bytes.toString('latin1'), kind: input.kind };
  let text: string;
  try {
    text = decodeText(bytes, encoding);
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(error.problems, `junheng: cannot read ${input.name}:`);
    throw error;
  }
  return { name: input.name, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, kind: input.kind };
}
