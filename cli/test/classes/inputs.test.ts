/**
 * `junheng classes` on the rosters a bureau has: the GBK CSV Chinese Excel saves (examples/classes-gbk.csv),
 * Chinese headers and values (小学 / 初中, 城区 / 镇区 / 乡村 and the 城乡分类 codes, 是 / 否), a UTF-8 file
 * with or without BOM, an .xlsx sheet, standard input — all giving the same JSON as the same roster in
 * English; and undecodable bytes an error naming the line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxBytes, type XlsxCell } from '../../src/report/xlsx.js';
import { EXAMPLES, junheng, junhengIn, tempDir, writeTemp, type Run } from '../helpers.js';

const ON = ['--as-of', '2025-09-01'] as const;
const GBK_FILE = join(EXAMPLES, 'classes-gbk.csv');

/** examples/classes-gbk.csv as text: 13 classes of 5 schools in 3 towns, Chinese headers and values. */
const CHINESE = [
  '学校标识码,学校名称,乡镇（街道）,城乡类型,学段,班级名称,班额,非完全小学',
  '3601020001,城关第一小学,城关街道,城区,小学,一年级1班,45,否',
  '3601020001,城关第一小学,城关街道,城区,小学,一年级2班,57,否',
  '3601020001,城关第一小学,城关街道,城区,小学,二年级1班,66,否',
  '3601020001,城关第一小学,城关街道,城区,小学,二年级2班,50,否',
  '3601020002,城关中学,城关街道,城区,初中,七年级1班,52,否',
  '3601020002,城关中学,城关街道,城区,初中,七年级2班,56,否',
  '3601020002,城关中学,城关街道,城区,初中,八年级1班,49,否',
  '3601020003,河西镇中心小学,河西镇,镇区,小学,一年级1班,46,否',
  '3601020003,河西镇中心小学,河西镇,镇区,小学,二年级1班,44,否',
  '3601020003,河西镇中心小学,河西镇,镇区,小学,三年级1班,58,否',
  '3601020004,柳林村小,柳林乡,乡村,小学,一年级1班,18,是',
  '3601020004,柳林村小,柳林乡,乡村,小学,二年级1班,31,是',
  '3601020005,柳林乡中学,柳林乡,乡村,初中,七年级1班,51,否',
];

/** The same roster with English headers and values. */
const ENGLISH = `${CHINESE.map((line, i) => {
  if (i === 0) return 'school,school_name,town,location,stage,id,size,incomplete';
  return line
    .replace(',城区,', ',urban,')
    .replace(',镇区,', ',town,')
    .replace(',乡村,', ',rural,')
    .replace(',小学,', ',primary,')
    .replace(',初中,', ',junior,')
    .replace(/,是$/, ',true')
    .replace(/,否$/, ',false');
}).join('\n')}\n`;

interface JsonReport {
  total: number;
  byStatus: Record<string, number>;
  largeShare: number;
  byStage: Record<string, { total: number; byStatus: Record<string, number> }>;
  groups: Record<string, Array<{ key: string | null; total: number; largeShare: number }>>;
  deadline: { urbanAndTownLarge: number; largeWithoutLocation: number };
}

const json = (r: Run): JsonReport => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
};

describe('junheng classes: the roster files a bureau has', () => {
  const dir = tempDir();
  const expected = junheng('classes', writeTemp(dir, 'english.csv', ENGLISH), ...ON, '--format', 'json').then(json);

  it('the English roster, worked by hand: 13 classes, 4 standard, 5 over-standard, 3 large, 1 super-large', async () => {
    const r = await expected;
    // primary 45 / incomplete 30 / junior 50; 56+ large, 66+ super-large:
    // standard 45, 49 (junior), 44, 18 (incomplete); over 50, 52 (junior), 46, 31 (incomplete), 51 (junior);
    // large 57, 56 (junior), 58; super-large 66.
    expect(r.total).toBe(13);
    expect(r.byStatus).toEqual({ standard: 4, 'over-standard': 5, large: 3, 'super-large': 1 });
    expect(r.largeShare).toBe(4 / 13);
    expect(r.byStage['primary']?.byStatus).toEqual({ standard: 3, 'over-standard': 3, large: 2, 'super-large': 1 });
    expect(r.byStage['junior']?.byStatus).toEqual({ standard: 1, 'over-standard': 2, large: 1, 'super-large': 0 });
    // 57, 66, 56 in 城区 and 58 in 镇区: four 城镇 large classes.
    expect(r.deadline.urbanAndTownLarge).toBe(4);
    expect(r.groups['town']?.map((g) => [g.key, g.total, g.largeShare])).toEqual([
      ['城关街道', 7, 3 / 7],
      ['河西镇', 3, 1 / 3],
      ['柳林乡', 3, 0],
    ]);
    expect(r.groups['schoolId']?.map((g) => g.key)).toEqual(['3601020001', '3601020002', '3601020003', '3601020004', '3601020005']);
  });

  it('examples/classes-gbk.csv is the Chinese roster in GBK, with CRLF line ends', () => {
    const bytes = readFileSync(GBK_FILE);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gbk', { fatal: true }).decode(bytes)).toBe(CHINESE.map((l) => `${l}\r\n`).join(''));
  });

  it('the GBK file (detected, or --encoding gbk / gb18030) gives the same JSON as the English one', async () => {
    expect(json(await junheng('classes', GBK_FILE, ...ON, '--format', 'json'))).toEqual(await expected);
    for (const encoding of ['gbk', 'gb18030']) expect(json(await junheng('classes', GBK_FILE, ...ON, '--format', 'json', '--encoding', encoding))).toEqual(await expected);
  });

  it('UTF-8 with and without a BOM, Chinese headers and values, gives the same JSON', async () => {
    const text = `${CHINESE.join('\n')}\n`;
    expect(json(await junheng('classes', writeTemp(dir, 'zh.csv', text), ...ON, '--format', 'json'))).toEqual(await expected);
    expect(json(await junheng('classes', writeTemp(dir, 'zh-bom.csv', `\uFEFF${text}`), ...ON, '--format', 'json'))).toEqual(await expected);
  });

  it('standard input (-): the GBK bytes, and a JSON list', async () => {
    expect(json(await junhengIn(readFileSync(GBK_FILE), 'classes', '-', ...ON, '--format', 'json'))).toEqual(await expected);
    const list = JSON.stringify([{ stage: 'primary', size: 56, location: 'urban', town: 'A' }, { stage: 'junior', size: 40, town: 'A' }]);
    const r = json(await junhengIn(Buffer.from(list), 'classes', '-', ...ON, '--format', 'json'));
    expect(r.byStatus).toEqual({ standard: 1, 'over-standard': 0, large: 1, 'super-large': 0 });
    expect(r.deadline.urbanAndTownLarge).toBe(1);
  });

  it('an .xlsx roster (first sheet, or --sheet), from a file and from standard input, gives the same JSON', async () => {
    const rows: XlsxCell[][] = CHINESE.slice(1).map((line) => line.split(',').map((cell, i) => (i === 6 ? Number(cell) : cell)));
    const headers = (CHINESE[0] as string).split(',');
    const file = writeTemp(dir, 'roster.xlsx', await xlsxBytes([{ name: '班级', headers, rows }]));
    expect(json(await junheng('classes', file, ...ON, '--format', 'json'))).toEqual(await expected);
    expect(json(await junhengIn(readFileSync(file), 'classes', '-', ...ON, '--format', 'json'))).toEqual(await expected);
    const two = writeTemp(dir, 'two.xlsx', await xlsxBytes([{ name: '说明', headers: ['本表为班级名单'], rows: [] }, { name: '班级', headers, rows }]));
    expect(json(await junheng('classes', two, '--sheet', '班级', ...ON, '--format', 'json'))).toEqual(await expected);
  });

  it('a bad cell of a workbook is named by its row, as in a CSV', async () => {
    const file = writeTemp(dir, 'bad.xlsx', await xlsxBytes([{ name: '班级', headers: ['学段', '班额'], rows: [['小学', 40], ['高中', 40]] }]));
    const r = await junheng('classes', file, ...ON);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("line 3, column stage: must be one of 'primary' | 'junior', got the text \"高中\"");
  });

  it('城乡分类代码 and sub-classes read as locations; 是/否, 1/0, TRUE/FALSE as the incomplete flag', async () => {
    const r = json(await junheng('classes', writeTemp(dir, 'codes.csv', [
      '学段,班额,城乡分类代码,非完全小学',
      '小学,56,111,0', // 主城区 → urban
      '小学,57,121,FALSE', // 镇中心区 → town
      '小学,58,210,否', // 乡中心区 → rural
      '小学,31,220,TRUE', // 村庄, incomplete: over 30
      '初中,60,城乡结合区,', // urban
    ].join('\n')), ...ON, '--format', 'json'));
    expect(r.deadline.urbanAndTownLarge).toBe(3);
    expect(r.byStatus).toEqual({ standard: 0, 'over-standard': 1, large: 4, 'super-large': 0 });
  });

  it('the school name alone (学校名称, no code column) is the school', async () => {
    const r = json(await junheng('classes', writeTemp(dir, 'names.csv', '学校名称,学段,班额\n一小,小学,40\n一小,小学,50\n二小,小学,45\n'), ...ON, '--format', 'json', '--group-by', 'school'));
    expect(r.groups['schoolId']?.map((g) => [g.key, g.total])).toEqual([['一小', 2], ['二小', 1]]);
  });

  it('an incomplete-primary flag (是) on a junior class is an error, as the library says', async () => {
    const r = await junheng('classes', writeTemp(dir, 'junior.csv', '班级,学段,班额,非完全小学\n七年级1班,初中,40,是\n'), ...ON);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 2 (class "七年级1班"), column incomplete: applies to primary classes only');
  });

  it('undecodable bytes: exit 1, the line named, --encoding suggested; nothing on stdout', async () => {
    // Line 3 holds 0xFF, which is neither UTF-8 nor GB18030.
    const bytes = Buffer.concat([Buffer.from('stage,size,town\nprimary,40,A\nprimary,41,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]);
    const r = await junheng('classes', writeTemp(dir, 'broken.csv', bytes), ...ON);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 3: bytes that are not valid UTF-8 or GB18030 (GBK)');
    expect(r.stderr).toContain('--encoding utf8|gbk|gb18030');
    // GBK bytes read as UTF-8 because the user said so: the same error, naming the choice.
    const forced = await junheng('classes', GBK_FILE, ...ON, '--encoding', 'utf8');
    expect(forced.status).toBe(1);
    expect(forced.stderr).toContain('line 1: bytes that are not valid UTF-8 (--encoding utf8)');
  });

  it('--encoding with a wrong value is a usage error', async () => {
    const r = await junheng('classes', GBK_FILE, ...ON, '--encoding', 'big5');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--encoding must be one of auto, utf8, gbk, gb18030');
  });
});
