/**
 * `junheng teachers` output for people: the table in Chinese and English, CSV an analyst opens in
 * Excel (BOM, headers and statuses in the reader's language, no formula run), the xlsx workbook and
 * the HTML report, whose numbers are the JSON output's.
 */
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BIN_HOURS } from '../../src/teachers/stats.js';
import { ratePercent } from '../../src/teachers/words.js';
import { EXAMPLES, junheng, tempDir, writeTemp, type Run } from '../helpers.js';

const ROSTER = join(EXAMPLES, 'teachers.csv');

interface Teacher {
  teacherId: string;
  completedHours: number;
  requiredHours: number;
  shortfall: number;
  status: 'met' | 'in-progress' | 'not-met';
}
interface JsonReport {
  total: number;
  met: number;
  inProgress: number;
  notMet: number;
  teachers: Teacher[];
}

const ok = (r: Run): string => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};
const json = async (...args: string[]): Promise<JsonReport> => JSON.parse(ok(await junheng('teachers', ...args, '--format', 'json'))) as JsonReport;

const dir = tempDir();
/**
 * Hand-worked, as of 2024-06-30 (the cycle 2021–2025 runs on): 甲 360 hours, met; 乙 180 + 120 =
 * 300, 60 short, in progress; 丙 employed 2023-03-15 owes 360 × 33 ÷ 60 = 198, has 50, 148 short,
 * in progress. As of 2025-12-31 the two short ones are not met. Completion 1 of 3 = 33.3 %.
 */
const SMALL = writeTemp(
  dir,
  'small.csv',
  'teacher_id,name,employed_since,date,hours\nT-01,张伟,,2022-06-01,360\nT-02,李娜,,2022-06-01,180\nT-02,李娜,,2024-03-01,120\nT-03,王芳,2023-03-15,2024-01-01,50\n',
);

describe('the table in the reader\'s language', () => {
  it('zh: headings, names, statuses in Chinese, thousands separators, footer in words', async () => {
    const out = ok(await junheng('teachers', SMALL, '--as-of', '2024-06-30', '--lang', 'zh'));
    expect(out).toContain('培训周期 2021-01-01 至 2025-12-31（计算日期 2024-06-30；《意见》4.2：每 5 年一个周期，每周期培训不少于 360 学时）\n');
    expect(out).toContain('该周期至 2025-12-31 结束：学时不足的教师为“进行中”，不视为未达标。\n');
    expect(out).toMatch(/^教师 {2}姓名 {3}已修学时 {2}应修学时 {3}尚差学时 {2}状态$/m);
    expect(out).toMatch(/^T-01 {2}张伟 +360 +360 +0 {2}已完成$/m);
    expect(out).toMatch(/^T-02 {2}李娜 +300 +360 +60 {2}进行中$/m);
    expect(out).toMatch(/^T-03 {2}王芳 +50 +198 +148 {2}进行中$/m);
    expect(out).toContain('完成率：3 名教师中 1 名已完成（33.3%），未达到优质均衡“教师5年360学时培训完成率达到100%”的要求\n');
    expect(out).toContain('状态：已完成 1 名（已修满应修学时）；进行中 2 名（学时不足，周期尚未结束，不视为未达标）；未完成 0 名（学时不足，周期已结束）\n');
    expect(out).toContain('依据：《意见》4.2；教督〔2017〕6号\n');
    expect(out).toMatch(/^以下取值为 junheng 的解读，尚未核实（请核实或以 --parameters 覆盖）：.*周期中途入职教师的应修学时/m);
    expect(out).not.toMatch(/teachers\.training|Cites|Completion/);
  });

  it('en: the same facts in English; the cycle over, short is not met', async () => {
    const out = ok(await junheng('teachers', SMALL, '--as-of', '2025-12-31', '--lang', 'en'));
    expect(out).toMatch(/^teacher {2}name {2}completed {2}required {2}shortfall {2}status$/m);
    expect(out).toMatch(/^T-02 {5}李娜 +300 +360 +60 {2}not met$/m);
    expect(out).toMatch(/^T-03 {5}王芳 +50 +198 +148 {2}not met$/m);
    expect(out).toContain('Completion: 1 of 3 teachers (33.3 %): not met (优质均衡 G9 asks 100 %)\n');
    expect(out).toContain('Status: 1 met, 0 in progress (short, the cycle not yet over: not a breach), 2 not met (short, the cycle over)\n');
    expect(out).toContain('Cites: opinion 4.2; 教督〔2017〕6号\n');
  });

  it('--parameters: the local value named in words and by its source, in Chinese too', async () => {
    const set = writeTemp(dir, 'set.json', JSON.stringify({ teachers: { training: { requiredHours: { value: 400, source: 'DOC-T' } } } }));
    const out = ok(await junheng('teachers', SMALL, '--as-of', '2025-12-31', '--lang', 'zh', '--parameters', set));
    expect(out).toContain('每周期培训不少于 400 学时');
    expect(out).toMatch(/^T-01 {2}张伟 +360 +400 +40 {2}未完成$/m);
    expect(out).toMatch(new RegExp(`^本地参数（--parameters ${set.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}）：.+（DOC-T）$`, 'm'));
  });

  it('the completion rate is rounded down for display, never to 100 % short of it', () => {
    expect([ratePercent(1, 3), ratePercent(2, 3), ratePercent(999, 1000), ratePercent(99_999, 100_000), ratePercent(1, 100_000), ratePercent(0, 5), ratePercent(5, 5), ratePercent(0, 0)]).toEqual([
      '33.3', '66.6', '99.9', '99.9', '0.1', '0.0', '100.0', '—',
    ]);
  });
});

describe('CSV for a spreadsheet', () => {
  it('UTF-8 with a BOM by default, --no-bom without; the name carried; English keeps the machine words', async () => {
    const out = ok(await junheng('teachers', SMALL, '--as-of', '2024-06-30', '--format', 'csv'));
    expect(out).toBe(
      '\uFEFFteacher_id,name,completed_hours,required_hours,shortfall,status,compliant\nT-01,张伟,360,360,0,met,true\nT-02,李娜,300,360,60,in-progress,true\nT-03,王芳,50,198,148,in-progress,true\n',
    );
    expect(ok(await junheng('teachers', SMALL, '--as-of', '2024-06-30', '--format', 'csv', '--no-bom'))).toBe(out.slice(1));
  });

  it('zh: headers and statuses in Chinese', async () => {
    const out = ok(await junheng('teachers', SMALL, '--as-of', '2025-12-31', '--format', 'csv', '--lang', 'zh'));
    expect(out.split('\n').slice(0, 3)).toEqual(['\uFEFF教师编号,姓名,已修学时,应修学时,尚差学时,状态,是否合规', 'T-01,张伟,360,360,0,已完成,是', 'T-02,李娜,300,360,60,未完成,否']);
  });

  it('a cell that would run as a formula is prefixed with \', in ids and names; a plain number is not', async () => {
    const f = writeTemp(dir, 'formula.csv', 'teacher_id,name,date,hours\n"=HYPERLINK(""http://x"",""a"")",@SUM(A1),2022-01-01,360\n-12,+86 138,2022-01-01,1\n');
    const out = ok(await junheng('teachers', f, '--as-of', '2025-12-31', '--format', 'csv', '--no-bom'));
    expect(out.split('\n').slice(1, 3)).toEqual([`"'=HYPERLINK(""http://x"",""a"")",'@SUM(A1),360,360,0,met,true`, "-12,'+86 138,1,360,359,not-met,false"]);
    // JSON keeps the id as it is.
    expect((await json(f, '--as-of', '2025-12-31')).teachers[0]?.teacherId).toBe('=HYPERLINK("http://x","a")');
  });

  it('JSON is the same in either language and has no name', async () => {
    const zh = ok(await junheng('teachers', SMALL, '--as-of', '2024-06-30', '--format', 'json', '--lang', 'zh'));
    expect(zh).toBe(ok(await junheng('teachers', SMALL, '--as-of', '2024-06-30', '--format', 'json', '--lang', 'en')));
    expect(zh).not.toContain('张伟');
  });
});

describe('--format xlsx', () => {
  const readXlsx = createRequire(import.meta.url)('read-excel-file/node') as unknown as { default: (input: Buffer) => Promise<Array<{ sheet: string; data: unknown[][] }>> };

  /** The workbook on stdout, as bytes (the test runner decodes stdout as UTF-8, so the command is run with a byte sink). */
  async function workbook(...args: string[]): Promise<Array<{ sheet: string; data: unknown[][] }>> {
    const { run } = await import('../../src/run.js');
    const chunks: Buffer[] = [];
    let stderr = '';
    const status = await run(['teachers', ...args, '--format', 'xlsx'], { stdout: (c) => void chunks.push(Buffer.from(c)), stderr: (t) => void (stderr += t), stderrIsTTY: false });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    return readXlsx.default(Buffer.concat(chunks));
  }

  it('a summary sheet and a teachers sheet whose rows are the JSON output\'s', async () => {
    const sheets = await workbook(ROSTER, '--as-of', '2025-12-31', '--lang', 'zh');
    expect(sheets.map((s) => s.sheet)).toEqual(['汇总', '教师']);
    const j = await json(ROSTER, '--as-of', '2025-12-31');
    const teachers = sheets[1]?.data ?? [];
    expect(teachers[0]).toEqual(['教师', '已修学时', '应修学时', '尚差学时', '状态']);
    const words = { met: '已完成', 'in-progress': '进行中', 'not-met': '未完成' };
    expect(teachers.slice(1)).toEqual(j.teachers.map((t) => [t.teacherId, t.completedHours, t.requiredHours, t.shortfall, words[t.status]]));
    const summary = Object.fromEntries((sheets[0]?.data ?? []).map((row) => [row[0], row[1]]));
    expect(summary).toMatchObject({ 教师: 60, 已完成: j.met, 进行中: j.inProgress, 未完成: j.notMet, 计算日期: '2025-12-31' });
    expect(summary['尚差学时合计']).toBe(j.teachers.reduce((sum, t) => sum + t.shortfall * 10, 0) / 10);
  });
});

/** Counts of `values` in bins of 20 from 0, the last open. */
function bins(values: readonly number[], n: number, toBin: (v: number) => number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const v of values) {
    const k = Math.min(n - 1, toBin(v));
    out[k] = (out[k] as number) + 1;
  }
  return out;
}

describe('--format html: the numbers are the JSON output\'s', () => {
  it('examples/teachers.csv (a bar per teacher): figures, table rows and totals, status counts', async () => {
    const html = ok(await junheng('teachers', ROSTER, '--as-of', '2025-12-31', '--format', 'html', '--lang', 'zh'));
    const j = await json(ROSTER, '--as-of', '2025-12-31');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Self-contained: no script, nothing fetched (the only address is the SVG namespace).
    expect(html).not.toMatch(/<script|(src|href)=["']?https?:/);
    for (const id of ['teachers-hours', 'teachers-status', 'teachers-shortfall']) expect(html).toContain(`data-chart="${id}"`);
    expect(html).toContain(`已完成 ${j.met} 名，进行中 ${j.inProgress} 名，未完成 ${j.notMet} 名，共 ${j.total} 名`);
    const rows = [...html.matchAll(/<tr><td>([^<]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><td class="num">([^<]+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    const words = { met: '已完成', 'in-progress': '进行中', 'not-met': '未完成' };
    expect(rows).toEqual(j.teachers.map((t) => [t.teacherId, String(t.completedHours), String(t.requiredHours), String(t.shortfall), words[t.status]]));
    const short = j.teachers.reduce((sum, t) => sum + t.shortfall * 10, 0) / 10;
    expect(html).toContain(`尚差学时合计 ${short}`);
  });

  it('a larger file (a histogram): every bin of the description is counted from the JSON, and the table is cut with a line saying so', async () => {
    let text = 'teacher_id,employed_since,date,hours\n';
    for (let i = 0; i < 1200; i++) {
      const id = `T${String(i).padStart(4, '0')}`;
      const records = i % 23;
      if (records === 0) text += `${id},,,\n`;
      for (let k = 0; k < records; k++) text += `${id},${i % 10 === 0 ? '2023-03-15' : ''},${2021 + (k % 5)}-0${1 + (k % 9)}-15,${(i * 7 + k * 3) % 38}${k % 4 === 0 ? '.5' : ''}\n`;
    }
    const f = writeTemp(dir, 'big.csv', text);
    const j = await json(f, '--as-of', '2025-06-30');
    // The page's text, its character references decoded (`&#62;` is `>`).
    const html = ok(await junheng('teachers', f, '--as-of', '2025-06-30', '--format', 'html', '--lang', 'en')).replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
    const completed = bins(j.teachers.map((t) => t.completedHours), 28, (v) => Math.floor(v / BIN_HOURS));
    const described = /Teachers per bin \(from the lower bound, below the upper\): ([^<]*?); every other bin 0\./.exec(html)?.[1] ?? '';
    const listed = Object.fromEntries(described.split('; ').map((part) => part.split(': ') as [string, string]));
    const label = (k: number): string => (k === 27 ? `≥ ${k * 20}` : `${k * 20}–${k * 20 + 20}`);
    expect(listed).toEqual(Object.fromEntries(completed.flatMap((n, k) => (n === 0 ? [] : [[label(k), n.toLocaleString('en')]]))));
    const inProgress = bins(j.teachers.filter((t) => t.status === 'in-progress').map((t) => t.shortfall), 18, (v) => Math.ceil(v / BIN_HOURS) - 1);
    const shortLabel = (k: number): string => (k === 0 ? '≤ 20' : k === 17 ? '> 340' : `${k * 20}–${k * 20 + 20}`);
    for (const [k, n] of inProgress.entries()) if (n > 0) expect(html).toContain(`${shortLabel(k)}: ${n} in progress, 0 not met`);
    expect(html).toContain(`The first 1,000 of 1,200 teachers, in file order; the CSV, JSON and xlsx outputs hold them all.`);
    expect(html.match(/<tr><td>T\d{4}<\/td>/g)).toHaveLength(1000);
    expect(html).toContain(`Met ${j.met}, in progress ${j.inProgress.toLocaleString('en')}, not met ${j.notMet}, of ${j.total.toLocaleString('en')}`);
  });
});
