/**
 * `junheng classes`, run as a user would: the BUILT command (cli/dist/junheng.js), with pipes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, junheng, tempDir, writeTemp } from '../helpers.js';

const ROSTER = join(EXAMPLES, 'classes.csv');
const ON = ['--as-of', '2025-09-01'] as const;

interface JsonReport {
  asOf: string;
  total: number;
  byStatus: Record<string, number>;
  largeShare: number;
  byStage: Record<string, { total: number }>;
  groups: Record<string, Array<{ key: string | null; total: number; byStatus: Record<string, number>; largeShare: number }>>;
  deadline: { date: string; daysRemaining: number; passed: boolean; urbanAndTownLarge: number; remainAfterDeadline: boolean };
  citations: string[];
}

describe('junheng classes: the example district', () => {
  it('table by default: bands, share, groups, deadline, citations', async () => {
    const r = await junheng('classes', ROSTER, ...ON);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^scope\s+key\s+classes\s+standard\s+over-standard\s+large \(56–65\)\s+super-large \(66\+\)\s+large share \(56\+\)\n/);
    expect(r.stdout).toMatch(/\nall\s+322\s+140\s+156\s+23\s+3\s+8\.07%\n/);
    expect(r.stdout).toMatch(/\nschool\s+S03\s+36\s/);
    expect(r.stdout).toMatch(/\ntown\s+城关街道\s+96\s/);
    expect(r.stdout).toContain('Deadline (opinion 2.3, large classes in urban and town (城镇) schools eliminated by 2025-12-31): 121 days remaining; 25 urban/town large classes (56+).');
    expect(r.stdout).toContain('\nCites: opinion 2.3; GB 50099-2011; 国发〔2016〕40号\n');
    // The unverified deadline, named in words with its value, not by its path.
    expect(r.stdout).toMatch(/\nValues in force that junheng has not verified [^\n]*: Deadline for eliminating large classes[^\n]* 2025-12-31/);
    expect(r.stdout).not.toContain('classes.largeClassDeadline');
  });

  it('json: the report, consistent with itself', async () => {
    const r = await junheng('classes', ROSTER, ...ON, '--format', 'json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.asOf).toBe('2025-09-01');
    expect(report.total).toBe(322);
    expect(report.byStatus).toEqual({ standard: 140, 'over-standard': 156, large: 23, 'super-large': 3 });
    expect(report.largeShare).toBe(26 / 322);
    expect(report.byStage['primary']?.total! + report.byStage['junior']?.total!).toBe(322);
    expect(report.groups['schoolId']).toHaveLength(20);
    expect(report.groups['town']).toHaveLength(6);
    expect(report.groups['schoolId']?.reduce((n, g) => n + g.total, 0)).toBe(322);
    // one rural large class (S12): 26 large in all, 25 in 城镇
    expect(report.deadline).toMatchObject({ date: '2025-12-31', daysRemaining: 121, passed: false, urbanAndTownLarge: 25, remainAfterDeadline: false });
    expect(report.citations).toEqual(['2.3', 'gb-50099-2011', 'gf-2016-40']);
    expect(r.stdout).not.toContain('explanation');
  });

  it('after the deadline the table says large classes remain', async () => {
    const r = await junheng('classes', ROSTER, '--as-of', '2026-01-01');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('passed 1 day ago; 25 urban/town large classes (56+): LARGE CLASSES REMAIN AFTER THE DEADLINE.');
  });

  it('csv: one row per line of the table', async () => {
    const r = await junheng('classes', ROSTER, ...ON, '--format', 'csv', '--group-by', 'town');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('\uFEFFscope,key,classes,standard,over_standard,large,super_large,large_share');
    expect(lines[1]).toBe(`all,,322,140,156,23,3,${26 / 322}`);
    expect(lines.filter((l) => l.startsWith('town,'))).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('school,'))).toHaveLength(0);
    expect(lines).toHaveLength(1 + 1 + 2 + 6);
  });

  it('--group-by none, and a JSON roster', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'c.json', JSON.stringify([
      { schoolId: 'A', location: 'urban', stage: 'primary', size: 56 },
      { schoolId: 'A', location: 'urban', stage: 'primary', size: 45 },
      { stage: 'junior', size: 66 },
    ]));
    const r = await junheng('classes', file, ...ON, '--format', 'json', '--group-by', 'none');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.groups).toEqual({});
    expect(report.byStatus).toEqual({ standard: 1, 'over-standard': 0, large: 1, 'super-large': 1 });
  });

  it('CSV details: quoted cells, incomplete as yes/1/true, CRLF, any column order', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'c.csv', 'size,stage,incomplete,school\r\n31,primary,yes,"村小, 东"\r\n30,primary,1,"村小, 东"\r\n46,primary,,B\r\n');
    const r = await junheng('classes', file, ...ON, '--format', 'csv', '--group-by', 'school');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\nall,,3,1,2,0,0,0\n');
    expect(r.stdout).toContain('\nschool,"村小, 东",2,1,1,0,0,0\n');
  });
});

describe('junheng classes: bad input', () => {
  it('bad rows named by line and column; nothing on stdout; exit 1', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'bad.csv', 'id,school,stage,size,incomplete\n1-1,S1,primary,45,\n1-2,S1,primary,-3,\n7-1,S2,junior,40,yes\n,S3,senior,4x,\n');
    const r = await junheng('classes', file, ...ON);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      'junheng: cannot report class sizes, 4 problems; nothing reported:',
      '  line 3 (class "1-2", school "S1"), column size: must not be negative, got -3',
      "  line 4 (class \"7-1\", school \"S2\"), column incomplete: applies to primary classes only (an incomplete primary school, 非完全小学); this class's stage is 'junior'",
      "  line 5 (school \"S3\"), column stage: must be one of 'primary' | 'junior', got the text \"senior\"",
      '  line 5 (school "S3"), column size: must be a non-negative whole number, got the text "4x"',
      '',
    ]);
  });


  it('a size written as a number that a double would misread: read exactly, quoted as written', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'inexact.csv', 'id,school,stage,size\na,S1,primary,12.0000000000000001\nb,S1,primary,9007199254740993\nc,S1,primary,99.99999999999999999\nd,S1,primary,-0\ne,S1,primary,45.00\n');
    const r = await junheng('classes', file, ...ON);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      'junheng: cannot report class sizes, 4 problems; nothing reported:',
      '  line 2 (class "a", school "S1"), column size: must be a whole number, got 12.0000000000000001',
      '  line 3 (class "b", school "S1"), column size: must be at most 1000000, got 9007199254740993',
      '  line 4 (class "c", school "S1"), column size: must be a whole number, got 99.99999999999999999',
      '  line 5 (class "d", school "S1"), column size: must be a non-negative whole number written without a sign, got -0',
      '',
    ]);
  });
  it('a bad header', async () => {
    const dir = tempDir();
    const r = await junheng('classes', writeTemp(dir, 'h.csv', 'id,stage,pupils\n1,primary,3\n'), ...ON);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 1: unknown column "pupils"; the columns are id,school,town,location,stage,size,incomplete,school_name');
    expect(r.stderr).toContain('line 1: missing required column size');
  });

  it('a row of the wrong width, an empty file', async () => {
    const dir = tempDir();
    const wide = await junheng('classes', writeTemp(dir, 'w.csv', 'stage,size\nprimary,40,1\n'), ...ON);
    expect(wide.status).toBe(1);
    expect(wide.stderr).toContain('line 2: 3 cells, but the header has 2');
    const empty = await junheng('classes', writeTemp(dir, 'e.csv', ''), ...ON);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('the file is empty');
  });

  it('JSON: bad rows by index, not a list, not JSON', async () => {
    const dir = tempDir();
    const rows = await junheng('classes', writeTemp(dir, 'b.json', '[{"stage":"primary","size":1},{"stage":"primary","size":"x","colour":1}]'), ...ON);
    expect(rows.status).toBe(1);
    expect(rows.stdout).toBe('');
    expect(rows.stderr).toContain('classes[1].size: must be a non-negative whole number, got the text "x"');
    expect(rows.stderr).toContain('classes[1].colour: is not a field junheng knows');
    const object = await junheng('classes', writeTemp(dir, 'o.json', '{"classes":[]}'), ...ON);
    expect(object.status).toBe(1);
    expect(object.stderr).toContain('must be a list of classes');
    const broken = await junheng('classes', writeTemp(dir, 'x.json', '[{'), ...ON);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('is not valid JSON');
  });

  it('a date before the thresholds, a bad date', async () => {
    const early = await junheng('classes', ROSTER, '--as-of', '2015-01-01');
    expect(early.status).toBe(1);
    expect(early.stdout).toBe('');
    expect(early.stderr).toContain('--as-of: is too early');
    const bad = await junheng('classes', ROSTER, '--as-of', '2025-02-30');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--as-of: must be a real calendar date');
  });

  it('a missing file', async () => {
    const r = await junheng('classes', 'no-such-file.csv', ...ON);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cannot read no-such-file.csv: no such file');
  });

  it('usage errors exit 2 with the help', async () => {
    for (const args of [['classes'], ['classes', ROSTER, '--group-by', 'county'], ['classes', ROSTER, '--format', 'xml'], ['classes', ROSTER, '--colour'], ['classes', ROSTER, ROSTER]]) {
      const r = await junheng(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage: junheng classes');
    }
  });

  it('--help documents the columns, their Chinese names and the formats', async () => {
    const r = await junheng('classes', '--help');
    expect(r.status).toBe(0);
    for (const line of [
      /\n {16}id {11}班级, 班级名称, 班级编号, 班号: /,
      /\n {16}school {7}学校标识码, 学校代码, 学校编号: /,
      /\n {16}school_name {2}学校名称: /,
      /\n {16}town {9}乡镇, 乡镇（街道）, 街道, 镇街, 所在乡镇: /,
      /\n {16}location {5}城乡类型, 城乡分类, 城乡分类代码: urban \| town \| rural, or 城区 \| 镇区 \|/,
      /\n {16}stage {8}学段: primary \| junior, or 小学 \| 初中/,
      /\n {16}size {9}班额, 班级人数, 学生数, 人数: /,
      /\n {16}incomplete {3}非完全小学, 是否非完全小学: true \| false \(also 1\/0, yes\/no, 是\/否\)/,
      /--format FORMAT +table \| json \| csv \| xlsx \| html/,
      /--no-bom/,
      /--lang zh\|en/,
      /--encoding auto\|utf8\|gbk\|gb18030/,
      /--sheet NAME/,
    ]) expect(r.stdout).toMatch(line);
    expect((await junheng('--help')).stdout).toMatch(/classes\s+class-size monitoring/);
  });
});
