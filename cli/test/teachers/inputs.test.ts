/**
 * `junheng teachers` with the files a bureau has: GBK as Chinese Excel saves CSV, Chinese headers,
 * dates as Excel writes them (2022/3/20), an .xlsx workbook, standard input, personal id numbers
 * (never printed whole), and bytes that are no text (exit 1 with the line and a hint).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsxBytes, type XlsxCell } from '../../src/report/xlsx.js';
import { dateCell, maskIdNumber } from '../../src/teachers/columns.js';
import { EXAMPLES, junheng, junhengIn, tempDir, writeTemp, type Run } from '../helpers.js';

interface Teacher {
  teacherId: string;
  completedHours: number;
  requiredHours: number;
  shortfall: number;
  status: string;
  compliant: boolean;
}
interface JsonReport {
  total: number;
  met: number;
  notMet: number;
  teachers: Teacher[];
}

const AS_OF = ['--as-of', '2025-12-31'] as const;

const json = (r: Run): JsonReport => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
};

/** Exit 1, nothing on stdout: the problems. */
const fails = (r: Run): string => {
  expect(r.stdout).toBe('');
  expect(r.status).toBe(1);
  return r.stderr;
};

/** Three teachers in Chinese as a bureau's export has them: 工号, 姓名, 入职日期, 培训日期 (as Excel writes dates), 学时. */
const CHINESE_TEXT =
  '工号,姓名,入职日期,培训日期,学时\r\n' +
  'CX-01,张伟,,2022/3/20,180\r\n' +
  'CX-01,张伟,,2023/7/15,180.5\r\n' +
  'CX-02,李娜,2023-03-15,2024-01-01,150.5\r\n' +
  'CX-03,王芳,,,\r\n';
/** {@link CHINESE_TEXT} in GBK (made with `iconv -f utf-8 -t gbk`). */
const CHINESE_GBK = Buffer.from(
  'b9a4bac52cd0d5c3fb2cc8ebd6b0c8d5c6da2cc5e0d1b5c8d5c6da2cd1a7cab10d0a43582d30312cd5c5ceb02c2c323032322f332f32302c3138300d0a' +
    '43582d30312cd5c5ceb02c2c323032332f372f31352c3138302e350d0a43582d30322cc0eec4c82c323032332d30332d31352c323032342d30312d30312c3135302e350d0a' +
    '43582d30332ccdf5b7bc2c2c2c0d0a',
  'hex',
);
/** The same teachers with English headers and ISO dates, in UTF-8. */
const ENGLISH = 'teacher_id,employed_since,date,hours\nCX-01,,2022-03-20,180\nCX-01,,2023-07-15,180.5\nCX-02,2023-03-15,2024-01-01,150.5\nCX-03,,,\n';

/**
 * Hand-worked, as of 2025-12-31 (the cycle 2021–2025 has ended): CX-01 180 + 180.5 = 360.5 ≥ 360,
 * met; CX-02 employed 2023-03-15, owes 360 × 33 ÷ 60 = 198 (April 2023 … December 2025), has
 * 150.5, 47.5 short, not met; CX-03 has no training, 360 short, not met.
 */
const EXPECTED: Teacher[] = [
  { teacherId: 'CX-01', completedHours: 360.5, requiredHours: 360, shortfall: 0, status: 'met', compliant: true },
  { teacherId: 'CX-02', completedHours: 150.5, requiredHours: 198, shortfall: 47.5, status: 'not-met', compliant: false },
  { teacherId: 'CX-03', completedHours: 0, requiredHours: 360, shortfall: 360, status: 'not-met', compliant: false },
];

describe('junheng teachers: the files a bureau has', () => {
  const dir = tempDir();
  const english = writeTemp(dir, 'english.csv', ENGLISH);
  const expected = junheng('teachers', english, ...AS_OF, '--format', 'json').then(json);

  it('the GBK test bytes are the Chinese file, and the English file gives the hand-worked figures', async () => {
    expect(new TextDecoder('gbk', { fatal: true }).decode(CHINESE_GBK)).toBe(CHINESE_TEXT);
    expect((await expected).teachers).toEqual(EXPECTED);
    expect(await expected).toMatchObject({ total: 3, met: 1, notMet: 2 });
  });

  it('a GBK CSV with Chinese headers and Excel dates gives the same JSON, detected or chosen', async () => {
    const file = writeTemp(dir, 'gbk.csv', CHINESE_GBK);
    expect(json(await junheng('teachers', file, ...AS_OF, '--format', 'json'))).toEqual(await expected);
    for (const encoding of ['gbk', 'gb18030']) expect(json(await junheng('teachers', file, ...AS_OF, '--format', 'json', '--encoding', encoding))).toEqual(await expected);
  });

  it('the same file in UTF-8, with or without a byte-order mark, gives the same JSON', async () => {
    for (const text of [CHINESE_TEXT, `\uFEFF${CHINESE_TEXT}`]) {
      expect(json(await junheng('teachers', writeTemp(dir, 'utf8.csv', text), ...AS_OF, '--format', 'json'))).toEqual(await expected);
    }
  });

  it('standard input (-): the GBK CSV, and a JSON array', async () => {
    expect(json(await junhengIn(CHINESE_GBK, 'teachers', '-', ...AS_OF, '--format', 'json'))).toEqual(await expected);
    const teachers = [
      { id: 'CX-01', training: [{ date: '2022-03-20', hours: 180 }, { date: '2023-07-15', hours: 180.5 }] },
      { id: 'CX-02', employedSince: '2023-03-15', training: [{ date: '2024-01-01', hours: 150.5 }] },
      { id: 'CX-03', training: [] },
    ];
    expect(json(await junhengIn(Buffer.from(JSON.stringify(teachers)), 'teachers', '-', ...AS_OF, '--format', 'json'))).toEqual(await expected);
    const none = await junheng('teachers', '-', ...AS_OF);
    expect(fails(none)).toContain('cannot read standard input');
  });

  it('an .xlsx workbook (first sheet, or --sheet) gives the same JSON as the CSV, from a file and from standard input', async () => {
    const rows: XlsxCell[][] = [
      ['CX-01', '张伟', null, '2022-03-20', 180],
      ['CX-01', '张伟', null, '2023-07-15', 180.5],
      ['CX-02', '李娜', '2023-03-15', '2024-01-01', 150.5],
      ['CX-03', '王芳', null, null, null],
    ];
    const sheet = { name: '培训记录', headers: ['教职工号', '姓名', '参加工作日期', '培训结束日期', '培训获得学时'], rows };
    const file = writeTemp(dir, 'teachers.xlsx', await xlsxBytes([sheet]));
    expect(json(await junheng('teachers', file, ...AS_OF, '--format', 'json'))).toEqual(await expected);
    expect(json(await junhengIn(readFileSync(file), 'teachers', '-', ...AS_OF, '--format', 'json'))).toEqual(await expected);
    const two = writeTemp(dir, 'two.xlsx', await xlsxBytes([{ name: '说明', headers: ['本表为培训记录'], rows: [] }, sheet]));
    expect(json(await junheng('teachers', two, '--sheet', '培训记录', ...AS_OF, '--format', 'json'))).toEqual(await expected);
    expect(fails(await junheng('teachers', two, '--sheet', '名单', ...AS_OF))).toContain('has no sheet "名单"; its sheets: 说明, 培训记录');
  });

  it('the examples file as an .xlsx workbook gives the same JSON as the CSV', async () => {
    const lines = readFileSync(join(EXAMPLES, 'teachers.csv'), 'utf8').trim().split('\n');
    const rows = lines.slice(1).map((l) => l.split(',').map((c, i): XlsxCell => (c === '' ? null : i === 3 ? Number(c) : c)));
    const file = writeTemp(dir, 'examples.xlsx', await xlsxBytes([{ name: 'Sheet1', headers: (lines[0] as string).split(','), rows }]));
    const viaXlsx = json(await junheng('teachers', file, ...AS_OF, '--format', 'json'));
    expect(viaXlsx).toEqual(json(await junheng('teachers', join(EXAMPLES, 'teachers.csv'), ...AS_OF, '--format', 'json')));
    expect(viaXlsx.total).toBe(60);
  });
});

describe('examples/teachers-zh.csv (工号, 姓名, 入职日期, 培训日期 as Excel writes it, 培训项目名称 read past, 学时)', () => {
  it('hand-worked as of 2025-12-31', async () => {
    const r = json(await junheng('teachers', join(EXAMPLES, 'teachers-zh.csv'), ...AS_OF, '--format', 'json'));
    // 72+96+72+72+60; 60+80+90.5+60; hired 2023-03-15: 33 months, 198 owed, 120+48+36; 24+36+24;
    // hired 2025-09-01: September … December, 360 × 4 ÷ 60 = 24 owed, none done.
    expect(r.teachers.map((t) => [t.teacherId, t.completedHours, t.requiredHours, t.shortfall, t.status])).toEqual([
      ['CX01-001', 372, 360, 0, 'met'],
      ['CX01-002', 290.5, 360, 69.5, 'not-met'],
      ['CX01-003', 204, 198, 0, 'met'],
      ['CX01-004', 84, 360, 276, 'not-met'],
      ['CX01-005', 0, 24, 24, 'not-met'],
    ]);
    const table = await junheng('teachers', join(EXAMPLES, 'teachers-zh.csv'), ...AS_OF, '--lang', 'zh');
    expect(table.stdout).toMatch(/^CX01-003 {2}王芳 +204 +198 +0 {2}已完成$/m);
  });
});

describe('junheng teachers: bytes that are not text', () => {
  const dir = tempDir();
  it('undecodable bytes: exit 1 naming the line, with the --encoding hint', async () => {
    const bad = Buffer.concat([Buffer.from('teacher_id,date,hours\nA,2022-01-01,1\nB'), Buffer.from([0xff, 0xfe]), Buffer.from(',2022-01-01,1\n')]);
    const err = fails(await junheng('teachers', writeTemp(dir, 'bad.csv', bad), ...AS_OF));
    expect(err).toContain('line 3: bytes that are not valid UTF-8 or GB18030 (GBK); save the file as UTF-8, or give the encoding it was saved in (--encoding utf8|gbk|gb18030)');
  });
  it('a GBK file read as --encoding utf8 is refused at its first Chinese line, never garbled', async () => {
    const err = fails(await junheng('teachers', writeTemp(dir, 'gbk.csv', CHINESE_GBK), ...AS_OF, '--encoding', 'utf8'));
    expect(err).toContain('line 1: bytes that are not valid UTF-8 (--encoding utf8)');
  });
  it('an unknown --encoding is a usage error', async () => {
    const r = await junheng('teachers', join(EXAMPLES, 'teachers.csv'), '--encoding', 'big5');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--encoding must be one of auto, utf8, gbk, gb18030, got "big5"');
  });
});

describe('junheng teachers: Chinese headers', () => {
  const dir = tempDir();
  it('教师编号 / 学时 / 日期 / 任教日期, and export columns that do not bear on the hours read past', async () => {
    const f = writeTemp(
      dir,
      'export.csv',
      '教师编号,性别,任教日期,培训项目名称,日期,培训年度,学时\nT1,女,,国培计划,2022-05-01,2022,200\nT1,女,,校本研修,2023年5月1日,2023,160\n',
    );
    expect(json(await junheng('teachers', f, ...AS_OF, '--format', 'json')).teachers).toEqual([
      { teacherId: 'T1', completedHours: 360, requiredHours: 360, shortfall: 0, status: 'met', compliant: true },
    ]);
  });
  it('a problem names the column as the file does', async () => {
    const f = writeTemp(dir, 'bad.csv', '工号,培训日期,学时\nT1,2022/2/30,10\nT2,2022-01-01,abc\n');
    const err = fails(await junheng('teachers', f, ...AS_OF));
    expect(err).toContain('line 2 (teacher "T1"), column 培训日期: must be a real calendar date');
    expect(err).toContain('line 3 (teacher "T2"), column 学时: must be a number of hours, got the text "abc"');
  });
  it('an unknown column is still an error; a missing id column names its Chinese headers', async () => {
    expect(fails(await junheng('teachers', writeTemp(dir, 'u.csv', '工号,日期,学时,职称\nT1,2022-01-01,1,一级\n'), ...AS_OF))).toContain('unknown column "职称"');
    expect(fails(await junheng('teachers', writeTemp(dir, 'm.csv', '姓名,日期,学时\n张伟,2022-01-01,1\n'), ...AS_OF))).toContain(
      'missing required column teacher_id (教师编号 / 工号 / 教职工号; or, without one, 身份证件号)',
    );
    expect(fails(await junheng('teachers', writeTemp(dir, 'r.csv', '工号,教师编号,日期,学时\nT1,T1,2022-01-01,1\n'), ...AS_OF))).toContain('column teacher_id given more than once');
  });
});

describe('junheng teachers: personal id numbers are never printed whole', () => {
  const dir = tempDir();
  const ID1 = '11010519800101123X';
  const ID2 = '110105198505052345';
  const text = `身份证件号,姓名,培训日期,学时\n${ID1},张伟,2022-03-01,360\n${ID2},李娜,2022-03-01,100\n${ID2},李娜,2022/4/1,abc\n`;

  it('as the only id: masked in every output and in the problems', async () => {
    const good = writeTemp(dir, 'ids.csv', text.split('\n').slice(0, 3).join('\n'));
    const r = json(await junheng('teachers', good, ...AS_OF, '--format', 'json'));
    expect(r.teachers.map((t) => t.teacherId)).toEqual(['**************123X', '**************2345']);
    for (const format of ['table', 'csv', 'json', 'html']) {
      for (const lang of ['zh', 'en']) {
        const out = await junheng('teachers', good, ...AS_OF, '--format', format, '--lang', lang);
        expect(out.status).toBe(0);
        expect(out.stdout).not.toContain(ID1);
        expect(out.stdout).not.toContain(ID1.slice(0, 14));
        expect(out.stdout).not.toContain(ID2.slice(0, 14));
      }
    }
    const err = fails(await junheng('teachers', writeTemp(dir, 'bad.csv', text), ...AS_OF));
    expect(err).toContain('line 4 (teacher "**************2345"), column 学时: must be a number of hours');
    expect(err).not.toContain(ID2.slice(0, 14));
  });

  it('two teachers whose masked numbers agree are still two (the whole number tells them apart)', async () => {
    const f = writeTemp(dir, 'same.csv', '身份证号,日期,学时\n110105198001011234,2022-01-01,360\n120105199001011234,2022-01-01,10\n');
    const r = json(await junheng('teachers', f, ...AS_OF, '--format', 'json'));
    expect(r.teachers.map((t) => [t.teacherId, t.completedHours])).toEqual([['**************1234', 360], ['**************1234', 10]]);
  });

  it('beside a staff number it is read past', async () => {
    const f = writeTemp(dir, 'both.csv', `工号,身份证号,日期,学时\nT1,${ID1},2022-01-01,360\n`);
    const table = await junheng('teachers', f, ...AS_OF, '--lang', 'zh');
    expect(table.stdout).toMatch(/^T1 +360 +360 +0  已完成$/m);
    expect(table.stdout).not.toContain('123X');
  });

  it('mask and dates, unit by unit', () => {
    expect(maskIdNumber(ID1)).toBe('**************123X');
    expect(maskIdNumber('1234567')).toBe('******7');
    expect(maskIdNumber('')).toBe('');
    expect(['2023/9/1', '2023-9-1', '2023.09.01', '2023年9月1日', ' 2023 / 9 / 1 ', '2023-09-01'].map(dateCell)).toEqual(Array(6).fill('2023-09-01'));
    expect(['2023/13/1', '23/9/1', 'soon', ''].map(dateCell)).toEqual(['2023-13-01', '23/9/1', 'soon', '']);
  });
});
