/**
 * `junheng classes` output in the reader's language: the table in Chinese and English (the bands in
 * the sources' inclusive wording, counts with separators, the share rounded, the deadline and the
 * footer in words), CSV (BOM, headers, the school name carried, formula cells defused), JSON the same
 * in every language, the warnings, and the HTML and xlsx reports (their numbers = the JSON's).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookCsv } from '../../src/input.js';
import { parseCsv } from '../../src/csv.js';
import { run } from '../../src/run.js';
import { EXAMPLES, junheng, tempDir, writeTemp, type Run } from '../helpers.js';

const ON = ['--as-of', '2025-09-01'] as const;
const GBK_FILE = join(EXAMPLES, 'classes-gbk.csv');
const ROSTER = join(EXAMPLES, 'classes.csv');

interface Counts {
  total: number;
  byStatus: Record<'standard' | 'over-standard' | 'large' | 'super-large', number>;
  largeShare: number;
}
interface JsonReport extends Counts {
  byStage: Record<'primary' | 'junior', Counts>;
  groups: { schoolId?: Array<Counts & { key: string | null }>; town?: Array<Counts & { key: string | null }> };
  deadline: { date: string; daysRemaining: number; urbanAndTownLarge: number; largeWithoutLocation: number };
}

const ok = (r: Run): string => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};
const pct = (x: number): string => `${(Math.round(x * 10_000) / 100).toFixed(2)}%`;

describe('junheng classes: the table in the reader\'s language', () => {
  it('zh: headings, bands with their sizes, school names, counts, the share rounded, deadline and footer in words', async () => {
    const out = ok(await junheng('classes', GBK_FILE, ...ON, '--lang', 'zh'));
    const lines = out.split('\n');
    expect(lines.slice(0, 16)).toEqual([
      '范围  名称        学校名称        班级数  标准班额  超标准班额  大班额（56–65人）  超大班额（66人及以上）  大班额占比（56人及以上）',
      '----  ----------  --------------  ------  --------  ----------  -----------------  ----------------------  ------------------------',
      '全部                                  13         4           5                  3                       1                    30.77%',
      '----  ----------  --------------  ------  --------  ----------  -----------------  ----------------------  ------------------------',
      '学段  小学                             9         3           3                  2                       1                    33.33%',
      '学段  初中                             4         1           2                  1                       0                    25.00%',
      '----  ----------  --------------  ------  --------  ----------  -----------------  ----------------------  ------------------------',
      '学校  3601020001  城关第一小学         4         1           1                  1                       1                    50.00%',
      '学校  3601020002  城关中学             3         1           1                  1                       0                    33.33%',
      '学校  3601020003  河西镇中心小学       3         1           1                  1                       0                    33.33%',
      '学校  3601020004  柳林村小             2         1           1                  0                       0                     0.00%',
      '学校  3601020005  柳林乡中学           1         0           1                  0                       0                     0.00%',
      '----  ----------  --------------  ------  --------  ----------  -----------------  ----------------------  ------------------------',
      '镇街  城关街道                         7         2           2                  2                       1                    42.86%',
      '镇街  河西镇                           3         1           1                  1                       0                    33.33%',
      '镇街  柳林乡                           3         1           2                  0                       0                     0.00%',
    ]);
    expect(out).toContain('\n班额类别：标准班额＝不超过标准班额（小学 45 人，非完全小学 30 人，初中 50 人；GB 50099-2011）；超标准班额＝超过标准班额、不足 56 人；大班额＝56 人及以上（国发〔2016〕40号“56人以上”含 56 人），其中 66 人及以上为超大班额；');
    expect(out).toContain('\n期限（《意见》2.3）：2025-12-31 前全面解决城镇中小学大班额问题；截至 2025-09-01 尚余 121 天；城镇（城区、镇区）学校大班额（56人及以上）4 个。\n');
    expect(out).toContain('\n计算日期：2025-09-01\n依据：《意见》2.3；GB 50099-2011；国发〔2016〕40号\n');
    expect(out).toMatch(/\n以下取值为 junheng 的解读，尚未核实[^\n]*：全面解决城镇中小学大班额问题的期限 2025-12-31/);
    expect(out).toMatch(/\n以下取值在 2020-09-23 之后未见来源确认仍然有效[^\n]*：大班额 56 人\/班；超大班额 66 人\/班\n/);
    expect(out).not.toMatch(/classes\.|Cites|Deadline/);
  });

  it('zh after the deadline: days since, and that large classes remain', async () => {
    const out = ok(await junheng('classes', GBK_FILE, '--as-of', '2026-01-10', '--lang', 'zh'));
    expect(out).toContain('截至 2026-01-10 已过期限 10 天；城镇（城区、镇区）学校大班额（56人及以上）4 个：期限已过，大班额仍未消除。');
  });

  it('en: the same facts; school names carried; thousands separators', async () => {
    const out = ok(await junheng('classes', GBK_FILE, ...ON, '--lang', 'en', '--group-by', 'school'));
    expect(out).toMatch(/^scope\s+key\s+school name\s+classes\s+standard\s+over-standard\s+large \(56–65\)\s+super-large \(66\+\)\s+large share \(56\+\)\n/);
    expect(out).toMatch(/\nall\s+13\s+4\s+5\s+3\s+1\s+30\.77%\n/);
    expect(out).toMatch(/\nschool\s+3601020001\s+城关第一小学\s+4\s+1\s+1\s+1\s+1\s+50\.00%\n/);
    expect(out).toContain('121 days remaining; 4 urban/town large classes (56+).');
    // A roster of thousands of classes: counts grouped by thousands.
    const dir = tempDir();
    const big = `stage,size,location\n${'primary,40,rural\n'.repeat(1234)}${'junior,66,urban\n'.repeat(1001)}`;
    const wide = ok(await junheng('classes', writeTemp(dir, 'big.csv', big), ...ON, '--group-by', 'none'));
    expect(wide).toMatch(/\nall\s+2,235\s+1,234\s+0\s+0\s+1,001\s+44\.79%\n/);
  });

  it('JSON is the same in both languages (keys and values never translated)', async () => {
    const zh = ok(await junheng('classes', GBK_FILE, ...ON, '--lang', 'zh', '--format', 'json'));
    const en = ok(await junheng('classes', GBK_FILE, ...ON, '--lang', 'en', '--format', 'json'));
    expect(zh).toBe(en);
    expect(JSON.parse(zh)).toMatchObject({ total: 13, largeShare: 4 / 13, citations: ['2.3', 'gb-50099-2011', 'gf-2016-40'] });
  });
});

describe('junheng classes: CSV for a spreadsheet', () => {
  it('BOM by default, --no-bom drops it; headers in the reader\'s language; the school name column; the share exact', async () => {
    const en = ok(await junheng('classes', GBK_FILE, ...ON, '--format', 'csv', '--group-by', 'school'));
    expect(en.startsWith('\uFEFFscope,key,school_name,classes,standard,over_standard,large,super_large,large_share\n')).toBe(true);
    expect(en).toContain('\nall,,,13,4,5,3,1,0.3076923076923077\n');
    expect(en).toContain('\nstage,primary,,9,3,3,2,1,0.3333333333333333\n');
    expect(en).toContain('\nschool,3601020003,河西镇中心小学,3,1,1,1,0,0.3333333333333333\n');
    const zh = ok(await junheng('classes', GBK_FILE, ...ON, '--format', 'csv', '--lang', 'zh', '--group-by', 'town', '--no-bom'));
    expect(zh.split('\n').slice(0, 4)).toEqual([
      '范围,名称,班级数,标准班额,超标准班额,大班额（56–65人）,超大班额（66人及以上）,大班额占比（56人及以上）',
      '全部,,13,4,5,3,1,0.3076923076923077',
      '学段,小学,9,3,3,2,1,0.3333333333333333',
      '学段,初中,4,1,2,1,0,0.25',
    ]);
    expect(zh).toContain('\n镇街,城关街道,7,2,2,2,1,0.42857142857142855\n');
  });

  it('a cell a spreadsheet would run as a formula is prefixed with \', quoted when it must be', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'f.csv', 'school,town,stage,size\n=HYPERLINK("x"),@A1,primary,40\n-5,"+1,2",primary,41\n');
    const out = ok(await junheng('classes', file, ...ON, '--format', 'csv', '--no-bom'));
    expect(out).toContain('\nschool,"\'=HYPERLINK(""x"")",1,1,0,0,0,0\n');
    // A plain number is left alone, even with its sign.
    expect(out).toContain('\nschool,-5,1,1,0,0,0,0\n');
    expect(out).toContain("\ntown,'@A1,1,1,0,0,0,0\n");
    expect(out).toContain('\ntown,"\'+1,2",1,1,0,0,0,0\n');
  });
});

describe('junheng classes: warnings a reader needs', () => {
  const dir = tempDir();
  const roster = writeTemp(dir, 'w.csv', [
    'id,school,town,location,stage,size',
    '1-1,S1,A,urban,primary,0', // line 2: no pupils
    '1-2,S1,B,urban,primary,40', // line 3: S1 in a second town
    '1-3,S1,A,rural,primary,40', // line 4: S1 in a second location
    '7-1,S2,A,,junior,58', // line 5: large, no location
    '7-2,S2,A,,junior,0', // line 6: no pupils
  ].join('\n'));

  it('en: on stderr, one line each; the report still given (exit 0)', async () => {
    const r = await junheng('classes', roster, ...ON);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\nall\s+5\s+4\s+0\s+1\s+0\s+20\.00%\n/);
    expect(r.stderr.split('\n')).toEqual([
      'junheng: warning: line 2 (class "1-1", school "S1"): 0 pupils, counted as a standard class; check the roster (a class without pupils is usually a row to remove or correct)',
      'junheng: warning: line 6 (class "7-2", school "S2"): 0 pupils, counted as a standard class; check the roster (a class without pupils is usually a row to remove or correct)',
      'junheng: warning: school "S1": its classes give different towns, "A" (line 2) and "B" (line 3); grouped by town, the school is split; check the roster',
      'junheng: warning: school "S1": its classes give different locations, urban (line 2) and rural (line 4); the deadline counts each class by its own; check the roster',
      'junheng: warning: 1 large class gives no location (location / 城乡类型): whether urban or town cannot be told, so the deadline does not count it',
      '',
    ]);
  });

  it('zh: the same warnings in Chinese; JSON output gets them on stderr too', async () => {
    const r = await junheng('classes', roster, ...ON, '--lang', 'zh', '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: 5 });
    expect(r.stderr).toContain('junheng：提示：第 2 行（班级 "1-1"，学校 "S1"）：班额为 0 人，按标准班额计入；请核对');
    expect(r.stderr).toContain('junheng：提示：学校 "S1" 的班级分属不同镇街：第 2 行为 "A"，第 3 行为 "B"');
    expect(r.stderr).toContain('junheng：提示：学校 "S1" 的班级城乡类型不同：第 2 行为 城区，第 4 行为 乡村');
    expect(r.stderr).toContain('junheng：提示：1 个大班额未注明城乡类型');
  });

  it('a JSON roster names its classes by index', async () => {
    const file = writeTemp(dir, 'w.json', JSON.stringify([{ id: 'a', stage: 'primary', size: 0 }]));
    const r = await junheng('classes', file, ...ON, '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('junheng: warning: classes[0] (class "a"): 0 pupils, counted as a standard class; check the roster (a class without pupils is usually a row to remove or correct)\n');
  });

  it('the first 50 are shown, the rest counted', async () => {
    const file = writeTemp(dir, 'many.csv', `stage,size\n${'primary,0\n'.repeat(60)}`);
    const r = await junheng('classes', file, ...ON, '--format', 'json');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[49]).toBe('junheng: warning: line 51: 0 pupils, counted as a standard class; check the roster (a class without pupils is usually a row to remove or correct)');
    expect(lines[50]).toBe('junheng: … and 10 more warnings, not shown');
  });
});

describe('junheng classes: the reports', () => {
  it('html: self-contained, in Chinese, each chart\'s numbers = the JSON', async () => {
    const report = JSON.parse(ok(await junheng('classes', ROSTER, ...ON, '--format', 'json'))) as JsonReport;
    const html = ok(await junheng('classes', ROSTER, ...ON, '--format', 'html', '--lang', 'zh'));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!www\.w3\.org)/);
    for (const id of ['classes-histogram', 'classes-bands', 'classes-towns']) expect(html).toMatch(new RegExp(`<figure class="chart" id="${id}" data-chart="${id}"><figcaption>[^<]+</figcaption><svg`));
    // Figures at the top.
    const large = report.byStatus.large + report.byStatus['super-large'];
    expect(html).toContain(`<div class="label">班级数</div><div class="value">${report.total}</div>`);
    expect(html).toContain(`<div class="label">大班额（56人及以上）</div><div class="value">${large}</div>`);
    expect(html).toContain(`<div class="label">大班额占比（56人及以上）</div><div class="value">${pct(report.largeShare)}</div>`);
    expect(html).toContain(`<div class="label">城镇大班额</div><div class="value">${report.deadline.urbanAndTownLarge}</div>`);
    // The bands chart's description: each stage's counts.
    for (const [stage, word] of [['primary', '小学'], ['junior', '初中']] as const) {
      const c = report.byStage[stage];
      expect(html).toContain(`${word}：标准班额 ${c.byStatus.standard}，超标准班额 ${c.byStatus['over-standard']}，大班额（56–65人） ${c.byStatus.large}，超大班额（66人及以上） ${c.byStatus['super-large']}（共 ${c.total} 个，大班额占比 ${pct(c.largeShare)}）`);
    }
    // The town chart's description: every town, share and large/total, highest share first.
    const towns = [...(report.groups.town ?? [])].sort((a, b) => b.largeShare - a.largeShare || (b.byStatus.large + b.byStatus['super-large']) - (a.byStatus.large + a.byStatus['super-large']));
    const described = towns.map((t) => `${t.key} ${pct(t.largeShare)}（${t.byStatus.large + t.byStatus['super-large']}/${t.total}）`).join('；');
    expect(html).toContain(`<p class="description">${described}。`);
    // The histogram's description: its sizes add up to each kind's classes, banded as the JSON.
    const text = /<figure class="chart" id="classes-histogram"[\s\S]*?<p class="description">([^<]*)<\/p>/.exec(html)?.[1] ?? '';
    const kinds: Record<string, Array<[number, number]>> = {};
    for (const part of text.split(' — ')[1]?.split('。')[0]?.split('；') ?? []) {
      const [kind, list] = part.split('：') as [string, string];
      kinds[kind] = [...list.matchAll(/(\d+)人 (\d+)个/g)].map((m) => [Number(m[1]), Number(m[2])]);
    }
    expect(Object.keys(kinds)).toEqual(['小学', '非完全小学', '初中']);
    const band = (pairs: Array<[number, number]>, standard: number): number[] => {
      const out = [0, 0, 0, 0];
      for (const [size, n] of pairs) out[size >= 66 ? 3 : size >= 56 ? 2 : size > standard ? 1 : 0]! += n;
      return out;
    };
    const primary = band(kinds['小学']!, 45).map((n, i) => n + band(kinds['非完全小学']!, 30)[i]!);
    expect(primary).toEqual([report.byStage.primary.byStatus.standard, report.byStage.primary.byStatus['over-standard'], report.byStage.primary.byStatus.large, report.byStage.primary.byStatus['super-large']]);
    expect(band(kinds['初中']!, 50)).toEqual([report.byStage.junior.byStatus.standard, report.byStage.junior.byStatus['over-standard'], report.byStage.junior.byStatus.large, report.byStage.junior.byStatus['super-large']]);
    // The deadline, the large-class list, the footer.
    expect(html).toContain('期限（《意见》2.3）：2025-12-31 前全面解决城镇中小学大班额问题；截至 2025-09-01 尚余 121 天；城镇（城区、镇区）学校大班额（56人及以上）25 个。');
    expect(html).toContain(`<p>共 ${large} 个，按名单顺序列出。</p>`);
    expect(html).toMatch(/<footer><p>计算日期：2025-09-01<\/p><p>依据：《意见》2.3；GB 50099-2011；国发〔2016〕40号<\/p>/);
  });

  it('html lists the warnings; without town groups it says so', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'w.csv', 'id,school,stage,size\n1,S,primary,0\n2,S,primary,40\n');
    const r = await junheng('classes', file, ...ON, '--format', 'html', '--group-by', 'school');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('junheng: warning: line 2');
    expect(r.stdout).toMatch(/<h2>Warnings<\/h2>\s*<ul><li>line 2 \(class &#34;1&#34;, school &#34;S&#34;\): 0 pupils, counted as a standard class;/);
    expect(r.stdout).toContain('This report is not grouped by town');
    expect(r.stdout).not.toContain('data-chart="classes-towns"');
  });

  it('html of a roster without classes: no empty chart, it says so', async () => {
    const dir = tempDir();
    const html = ok(await junheng('classes', writeTemp(dir, 'empty.csv', 'stage,size\n'), ...ON, '--format', 'html', '--lang', 'zh'));
    expect(html).not.toContain('data-chart');
    expect(html).toContain('<p>名单中没有班级。</p>');
    expect(html).toContain('<div class="label">班级数</div><div class="value">0</div>');
  });

  it('xlsx: the table, the sizes, the large classes and notes, numbers as the JSON gives them', async () => {
    const report = JSON.parse(ok(await junheng('classes', GBK_FILE, ...ON, '--format', 'json'))) as JsonReport;
    // The helpers decode standard output as UTF-8: the workbook's bytes are captured as they are.
    const bytes = await xlsxOf(['classes', GBK_FILE, ...ON, '--format', 'xlsx', '--lang', 'zh']);
    const sheet = async (name: string): Promise<string[][]> => {
      const rows: string[][] = [];
      parseCsv((await workbookCsv(bytes, 'out.xlsx', name)).csv.toString('utf8'), (cells) => rows.push(cells));
      return rows;
    };
    const summary = await sheet('汇总');
    expect(summary[0]).toEqual(['范围', '名称', '学校名称', '班级数', '标准班额', '超标准班额', '大班额（56–65人）', '超大班额（66人及以上）', '大班额占比（56人及以上，%）']);
    expect(summary[1]).toEqual(['全部', '', '', String(report.total), '4', '5', '3', '1', '30.77']);
    expect(summary.find((row) => row[1] === '3601020001')).toEqual(['学校', '3601020001', '城关第一小学', '4', '1', '1', '1', '1', '50']);
    const sizes = await sheet('班额分布');
    expect(sizes[0]).toEqual(['班额（人）', '小学', '非完全小学', '初中', '合计']);
    expect(sizes.slice(1).reduce((n, row) => n + Number(row[4]), 0)).toBe(report.total);
    expect(sizes.find((row) => row[0] === '66')).toEqual(['66', '1', '0', '0', '1']);
    const list = await sheet('大班额清单');
    expect(list.slice(1).map((row) => [row[0], row[1], row[7], row[8]])).toEqual([
      ['3', '一年级2班', '57', '大班额（56–65人）'],
      ['4', '二年级1班', '66', '超大班额（66人及以上）'],
      ['7', '七年级2班', '56', '大班额（56–65人）'],
      ['11', '三年级1班', '58', '大班额（56–65人）'],
    ]);
    expect(list.length - 1).toBe(report.byStatus.large + report.byStatus['super-large']);
    const notes = await sheet('说明');
    expect(notes.map((row) => row[0])).toContain('依据：《意见》2.3；GB 50099-2011；国发〔2016〕40号');
  });
});

/** Runs the command in-process and returns its standard output as bytes (an .xlsx workbook). */
async function xlsxOf(args: string[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let stderr = '';
  const status = await run(args, {
    stdout: (chunk) => void chunks.push(Buffer.from(chunk)),
    stderr: (text) => void (stderr += text),
    stderrIsTTY: false,
  });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return Buffer.concat(chunks);
}
