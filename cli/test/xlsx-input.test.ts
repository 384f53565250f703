/**
 * `.xlsx` rosters: a workbook's first sheet (or `--sheet NAME`) is read as the CSV of its cells, so
 * it gives the same result as the same roster in CSV — on a file or on standard input — and its
 * problems are named by line (the sheet's row) and column like a CSV's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xlsxBytes, type XlsxCell } from '../src/report/xlsx.js';
import { CENTRAL_2025, junheng, junhengIn, tempDir, writeTemp, type JsonBudget } from './helpers.js';

const HEADERS = ['学校标识码', '学校名称', '城乡类型', '小学在校生数', '初中在校生数'];
const ROWS: XlsxCell[][] = [
  ['城关小学', '城关镇第一小学', '城区', 2400, null],
  ['镇中心校', '镇中心学校', '镇区', 168, null],
  ['村小', '某村小学', '乡村', 150, null],
  ['新区初中', '新区初级中学', '城区', null, 960],
];
const ENGLISH = 'id,location,primary,junior\n城关小学,urban,2400,\n镇中心校,town,168,\n村小,rural,150,\n新区初中,urban,,960\n';

const budget = (r: { status: number | null; stdout: string; stderr: string }): JsonBudget => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonBudget;
};

describe('junheng budget on an .xlsx roster', () => {
  const dir = tempDir();

  it('gives the same JSON as the CSV of the same roster, from a file and from standard input', async () => {
    const expected = budget(await junheng('budget', writeTemp(dir, 'english.csv', ENGLISH), ...CENTRAL_2025, '--format', 'json'));
    const bytes = await xlsxBytes([{ name: '学校', headers: HEADERS, rows: ROWS }]);
    const file = writeTemp(dir, 'roster.xlsx', bytes);
    expect(budget(await junheng('budget', file, ...CENTRAL_2025, '--format', 'json'))).toEqual(expected);
    expect(budget(await junhengIn(readFileSync(file), 'budget', '-', ...CENTRAL_2025, '--format', 'json'))).toEqual(expected);
    // 2400 × 600 + 168 × 600 (镇区: no floor) + 200 × 600 (乡村 150, floored to 200) + 960 × 800
    expect(expected.total).toBe('2428800');
  });

  it('reads the sheet named by --sheet, and names the sheets when it is missing', async () => {
    const bytes = await xlsxBytes([
      { name: '说明', headers: ['本表为学校名单'], rows: [] },
      { name: '学校', headers: HEADERS, rows: ROWS },
    ]);
    const file = writeTemp(dir, 'two.xlsx', bytes);
    const r = budget(await junheng('budget', file, '--sheet', '学校', ...CENTRAL_2025, '--format', 'json'));
    expect(r.schools.map((s) => s.id)).toEqual(['城关小学', '镇中心校', '村小', '新区初中']);
    const missing = await junheng('budget', file, '--sheet', '名单', ...CENTRAL_2025);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('has no sheet "名单"; its sheets: 说明, 学校');
  });

  it('names a bad cell by its row and column, as for a CSV', async () => {
    const bytes = await xlsxBytes([{ name: '学校', headers: HEADERS, rows: [['A', '甲', '乡村', 1.5, null], ['B', '乙', '山区', 10, null]] }]);
    const r = await junheng('budget', writeTemp(dir, 'bad.xlsx', bytes), ...CENTRAL_2025);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 2 (school "A"), column primary: must be a whole number, got 1.5');
    expect(r.stderr).toMatch(/line 3 \(school "B"\), column location: /);
  });

  it('refuses an .xls workbook and a file named .xlsx that is not one, saying what to do', async () => {
    const xls = await junheng('budget', writeTemp(dir, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), ...CENTRAL_2025);
    expect(xls.status).toBe(1);
    expect(xls.stderr).toContain('Excel 97–2003 workbook (.xls)');
    expect(xls.stderr).toContain('save it as .xlsx');
    const fake = await junheng('budget', writeTemp(dir, 'fake.xlsx', 'id,location\nA,urban\n'), ...CENTRAL_2025);
    expect(fake.status).toBe(1);
    expect(fake.stderr).toContain('is not one (an .xlsx file is a zip archive)');
    const sheetOnCsv = await junheng('budget', writeTemp(dir, 'plain.csv', ENGLISH), '--sheet', 'x', ...CENTRAL_2025);
    expect(sheetOnCsv.status).toBe(1);
    expect(sheetOnCsv.stderr).toContain('--sheet is for an .xlsx workbook');
  });
});
