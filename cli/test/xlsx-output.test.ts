/**
 * The .xlsx writer (cli/src/report/xlsx.ts): what read-excel-file (an independent reader) reads back
 * is what was written — text as text (a leading = never becomes a formula), numbers as numbers —
 * across sheets, Chinese, many rows, and characters XML cannot hold.
 */
import { describe, expect, it } from 'vitest';
import { columnLetters, xlsxBytes, xmlText } from '../src/report/xlsx.js';

async function readBack(bytes: Buffer): Promise<Array<{ sheet: string; data: unknown[][] }>> {
  const module = (await import('read-excel-file/node')) as unknown as { default: (input: Buffer) => Promise<Array<{ sheet: string; data: unknown[][] }>> };
  return module.default(bytes);
}

describe('xlsxBytes', () => {
  it('writes sheets that read back cell for cell', async () => {
    const bytes = await xlsxBytes([
      { name: '公用经费', headers: ['学校标识码', '学校名称', '公用经费（元）', '人数'], rows: [['CQ-01', '城关小学', { money: 1459200 }, 2400], ['=SUM(A1)', null, { money: 738312.5 }, 0]] },
      { name: 'a/b:c', headers: ['x'], rows: [['y']] },
    ]);
    const sheets = await readBack(bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['公用经费', 'a-b-c']);
    expect(sheets[0]?.data).toEqual([
      ['学校标识码', '学校名称', '公用经费（元）', '人数'],
      ['CQ-01', '城关小学', 1459200, 2400],
      // A cell that looks like a formula is text: written as an inline string, never run.
      ['=SUM(A1)', null, 738312.5, 0],
    ]);
  });

  it('holds 30,000 rows of Chinese (many blocks of XML) and gives repeated sheet names their own', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [`学校${i}`, i * 100 + 0.5]);
    const sheets = await readBack(await xlsxBytes([{ name: '表', headers: ['名称', '金额'], rows }, { name: '表', headers: ['名称'], rows: [] }]));
    expect(sheets.map((s) => s.sheet)).toEqual(['表', '表 (2)']);
    expect(sheets[0]?.data.length).toBe(30_001);
    expect(sheets[0]?.data[30_000]).toEqual(['学校29999', 2999900.5]);
  });

  it('drops what XML cannot hold and escapes markup', () => {
    expect(xmlText('a<b>&"c"\u0001\u0008\ud800x')).toBe('a&lt;b&gt;&amp;&quot;c&quot;x');
    expect(xmlText('学校\t1\n')).toBe('学校\t1\n');
  });

  it('names columns A … Z, AA … AZ, BA', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
