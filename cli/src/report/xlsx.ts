/**
 * `.xlsx` output (`--format xlsx`), for the analyst who will open the result in Excel anyway:
 * one workbook, a sheet per table, written by write-excel-file (loaded only for this format).
 * Numbers are written as numbers (a spreadsheet sums them); amounts keep two decimals on screen.
 * The exact texts stay in the JSON output: an amount is exact to the fen, which a double holds for
 * any amount below about 90 trillion yuan.
 */
import { createRequire } from 'node:module';

/** A cell: text, or a number (with an Excel number format, default a whole number or `#,##0.00` for money). */
export type XlsxCell = string | number | { readonly money: number } | null;

/** A sheet of the workbook. */
export interface XlsxSheet {
  /** The sheet's name (at most 31 characters, none of `[]:*?/\`). */
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: ReadonlyArray<readonly XlsxCell[]>;
}

interface CellObject {
  value?: string | number | null;
  type?: StringConstructor | NumberConstructor;
  format?: string;
  fontWeight?: 'bold';
}
type WriteXlsx = (sheets: Array<{ sheet: string; data: Array<Array<CellObject | null>>; stickyRowsCount?: number; columns?: Array<{ width: number }> }>) => { toBuffer(): Promise<Buffer> };

/** A sheet name Excel accepts: the forbidden characters replaced, cut to 31 characters. */
export const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);

function cell(value: XlsxCell): CellObject | null {
  if (value === null) return null;
  if (typeof value === 'string') return { value, type: String };
  if (typeof value === 'number') return { value, type: Number, format: Number.isInteger(value) ? '#,##0' : '#,##0.##' };
  return { value: value.money, type: Number, format: '#,##0.00' };
}

/** The workbook's bytes. */
export async function xlsxBytes(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const module = createRequire(import.meta.url)('write-excel-file/node') as { default?: WriteXlsx } | WriteXlsx;
  const write = (typeof module === 'function' ? module : module.default) as WriteXlsx;
  return write(
    sheets.map((s) => {
      const widths = s.headers.map((h) => Math.max(8, h.length * 2));
      for (const row of s.rows.slice(0, 1000)) {
        row.forEach((v, i) => {
          const text = v === null ? '' : typeof v === 'object' ? String(v.money) : String(v);
          widths[i] = Math.min(60, Math.max(widths[i] ?? 8, text.length + 2));
        });
      }
      return {
        sheet: sheetName(s.name),
        stickyRowsCount: 1,
        columns: widths.map((width) => ({ width })),
        data: [s.headers.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })), ...s.rows.map((row) => row.map(cell))],
      };
    }),
  ).toBuffer();
}
