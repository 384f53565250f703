/**
 * `junheng assess --format csv|xlsx|html`: every number equals the JSON output's — CSV and .xlsx
 * unrounded, the HTML report as the tables round — headers in the reader's language, the CSV with a
 * byte-order mark unless --no-bom and formulas defused, the report's charts one per indicator and
 * stage with the limit read from the parameters in force.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run.js';
import { EXAMPLES, junheng, tempDir, writeTemp } from '../helpers.js';

const COUNTY = join(EXAMPLES, 'county.json');
const AS_OF = ['--as-of', '2025-09-01'];
const IDS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'] as const;

interface School {
  id: string;
  excluded: boolean;
  values: Record<string, number>;
  metCount: number;
  compliant: boolean;
  missed: Array<{ id: string; shareOfThreshold: number; nearMiss: boolean }>;
}
interface Indicator {
  id: string;
  threshold: number;
  countyValue: number;
  coefficient: number;
  coefficientLimit: number;
  passes: boolean;
  schoolsMeeting: number;
}
interface Stage {
  compliant: boolean;
  indicators: Indicator[];
  schools: School[];
}
interface Json {
  id?: string;
  resources: { stages: Record<'primary' | 'junior', Stage> };
  guarantees: { items: Array<{ id: string; status: string }> };
  recognition: { share: number };
  gap?: { schools: Array<{ id: string; stage: string; additions: Record<string, number | string> }>; totals: Record<string, number | string>; after: { stages: Record<string, Stage> } };
}

const json = async (...args: string[]): Promise<Json> => JSON.parse((await junheng('assess', COUNTY, ...AS_OF, ...args, '--format', 'json')).stdout) as Json;

/** CSV text as rows of cells (RFC 4180 quoting). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

/** Standard output as bytes (the in-process helper decodes it as text). */
async function bytesOf(args: readonly string[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const status = await run(['assess', ...args], { stdout: (chunk) => void chunks.push(Buffer.from(chunk)), stderr: () => undefined, stderrIsTTY: false });
  expect(status).toBe(0);
  return Buffer.concat(chunks);
}

describe('junheng assess --format csv', () => {
  let expected: Json;
  beforeAll(async () => {
    expected = await json();
  });

  it('writes one row per school and indicator, then the coefficient rows, every number the JSON one (zh headers, BOM)', async () => {
    const r = await junheng('assess', COUNTY, ...AS_OF, '--format', 'csv', '--lang', 'zh');
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('\uFEFF县,学段,行类型,学校,指标,指标名称,数值,标准,是否达标,占标准比例,学校结果,差异系数,差异系数上限,是否在上限内,达标学校数\n')).toBe(true);
    const [, ...rows] = csvRows(r.stdout.slice(1));
    // 16 primary + 9 junior school rows × 7 indicators, and 7 coefficient rows per stage
    expect(rows).toHaveLength((16 + 9) * 7 + 2 * 7);
    let k = 0;
    for (const [stage, word] of [['primary', '小学'], ['junior', '初中']] as const) {
      const s = expected.resources.stages[stage];
      for (const x of s.schools) {
        for (const i of s.indicators) {
          const missed = x.missed.find((m) => m.id === i.id);
          expect(rows[k++]).toEqual([
            '130000-XX', word, '学校', x.id, i.id, expect.any(String) as unknown as string, String(x.values[i.id]), String(i.threshold), missed === undefined ? '是' : '否',
            missed === undefined ? '' : String(missed.shareOfThreshold), x.excluded ? '不参评' : x.compliant ? '达到' : '未达到', '', '', '', '',
          ]);
        }
      }
      for (const i of s.indicators) {
        expect(rows[k++]).toEqual(['130000-XX', word, '县域差异系数', '', i.id, expect.any(String) as unknown as string, String(i.countyValue), String(i.threshold), '', '', '', String(i.coefficient), String(i.coefficientLimit), i.passes ? '是' : '否', String(i.schoolsMeeting)]);
      }
    }
    // hand-checked: P10-西湾村小学 L5 945 / 180 = 5.25, 70 % of 7.5
    expect(rows).toContainEqual(['130000-XX', '小学', '学校', 'P10-西湾村小学', 'L5', '生均体育运动场馆面积', '5.25', '7.5', '否', '0.7', '未达到', '', '', '', '']);
  });

  it('writes English headers, and no BOM with --no-bom', async () => {
    const r = await junheng('assess', COUNTY, ...AS_OF, '--format', 'csv', '--lang', 'en', '--no-bom');
    expect(r.stdout.startsWith('county,stage,row,school,indicator,indicator_name,value,threshold,meets_threshold,share_of_threshold,school_result,coefficient,coefficient_limit,within_limit,schools_meeting\n')).toBe(true);
    expect(r.stdout).toContain('\n130000-XX,Junior,school,J06-北山中学,L4,teaching & auxiliary m²/pupil,4.523958333333334,5.8,no,0.7799928160919541,FAILS,');
  });

  it('defuses a school id a spreadsheet would run as a formula, and names each county of a province', async () => {
    const county = JSON.parse(readFileSync(COUNTY, 'utf8')) as { schools: Array<Record<string, unknown>> };
    (county.schools[0] as Record<string, unknown>)['id'] = '=HYPERLINK("http://x","P01")';
    const other = { id: 'Y', schools: county.schools.slice(1, 3) };
    const file = writeTemp(tempDir(), 'province.json', JSON.stringify([county, other]));
    const r = await junheng('assess', file, ...AS_OF, '--format', 'csv', '--lang', 'en');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('\n130000-XX,Primary,school,"\'=HYPERLINK(""http://x"",""P01"")",L1,');
    const rows = csvRows(r.stdout.slice(1));
    expect(rows.filter((row) => row[0] === 'Y')).toHaveLength(2 * 7 + 7);
  });
});

describe('junheng assess --format xlsx', () => {
  it('writes the verdict, schools × indicators, coefficients, items and the gap, numbers as in the JSON', async () => {
    const expected = await json('--gap', 'all');
    const bytes = await bytesOf([COUNTY, ...AS_OF, '--format', 'xlsx', '--lang', 'zh', '--gap', 'all']);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const sheets = await readXlsxFile(writeTemp(tempDir(), 'assess.xlsx', bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(['结论', '学校指标', '差异系数', '政府保障程度', '教育质量', '一票否决', '补足差距', '补足后差异系数']);
    const sheet = (name: string): unknown[][] => sheets.find((s) => s.sheet === name)?.data as unknown[][];
    expect(sheet('结论')[1]).toEqual(['130000-XX', 'X县', '未达到', '未达到', '全部达到', '全部达到', '达到', expected.recognition.share, '无触发']);
    const schools = sheet('学校指标');
    expect(schools[0]?.slice(0, 4)).toEqual(['县', '学段', '学校', 'L1 每百名学生拥有高于规定学历教师数']);
    const body = schools.slice(1);
    const all = (['primary', 'junior'] as const).flatMap((stage) => expected.resources.stages[stage].schools.map((x) => ({ stage, x })));
    expect(body).toHaveLength(all.length);
    all.forEach(({ stage, x }, n) => {
      expect(body[n]?.slice(0, 3)).toEqual(['130000-XX', stage === 'primary' ? '小学' : '初中', x.id]);
      expect(body[n]?.slice(3, 10)).toEqual(IDS.map((id) => x.values[id]));
      expect(body[n]?.[10]).toBe(x.metCount);
    });
    const coefficients = sheet('差异系数').slice(1);
    const indicators = (['primary', 'junior'] as const).flatMap((stage) => expected.resources.stages[stage].indicators);
    expect(coefficients.map((row) => row.slice(4, 8))).toEqual(indicators.map((i) => [i.threshold, i.countyValue, i.coefficient, i.coefficientLimit]));
    expect(coefficients.map((row) => row[9])).toEqual(indicators.map((i) => i.schoolsMeeting));
    expect(sheet('政府保障程度').slice(1).map((row) => row[1])).toEqual(expected.guarantees.items.map((i) => i.id));
    const gap = sheet('补足差距').slice(1);
    const fields = ['qualifiedTeachers', 'backboneTeachers', 'peArtTeachers', 'teachingAuxiliaryArea', 'sportsArea', 'equipmentValue', 'multimediaClassrooms'];
    expect(gap.map((row) => row[1])).toEqual(expected.gap?.schools.map((s) => s.id));
    expect(gap.map((row) => row.slice(3))).toEqual(expected.gap?.schools.map((s) => fields.map((f) => Number(s.additions[f]))));
    expect(sheet('补足后差异系数').slice(1).map((row) => row.slice(2, 9))).toEqual((['primary', 'junior'] as const).map((stage) => expected.gap?.after.stages[stage]?.indicators.map((i) => i.coefficient)));
  });

  it('has English sheet names with --lang en and no gap sheets without --gap', async () => {
    const bytes = await bytesOf([COUNTY, ...AS_OF, '--format', 'xlsx', '--lang', 'en']);
    const sheets = await readXlsxFile(writeTemp(tempDir(), 'assess-en.xlsx', bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(['Verdict', 'Schools', 'Coefficients', 'Government guarantees', 'Education quality', 'One-vote vetoes']);
  });
});

describe('junheng assess --format html', () => {
  const unescape = (text: string): string => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  const round = (x: number, digits: number): string => String(Number(x.toFixed(digits)));
  const figure = (html: string, id: string): string => {
    const at = html.indexOf(`data-chart="${id}"`);
    expect(at).toBeGreaterThan(0);
    return unescape(html.slice(at, html.indexOf('</figure>', at)));
  };
  const description = (fig: string): string => /<p class="description">([^<]*)<\/p>/.exec(fig)?.[1] ?? '';

  it('charts each indicator of each stage, the coefficients of each stage and the gap, their numbers the JSON ones', async () => {
    const expected = await json('--gap', 'comply');
    const r = await junheng('assess', COUNTY, ...AS_OF, '--format', 'html', '--lang', 'zh');
    expect(r.status).toBe(0);
    const html = r.stdout;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|(?:src|href)="https?:|url\(https?:|@import/);
    const ids = [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['coefficients-primary', ...IDS.map((id) => `primary-${id}`), 'coefficients-junior', ...IDS.map((id) => `junior-${id}`), 'gap']);
    for (const stage of ['primary', 'junior'] as const) {
      const s = expected.resources.stages[stage];
      for (const i of s.indicators) {
        const fig = figure(html, `${stage}-${i.id}`);
        // a bar per school, the value as its label, the threshold as the line's label
        const bars = [...fig.matchAll(/<path d="[^"]*Z" [^>]*ecmeta_ssr_type="chart"/g)];
        expect(bars).toHaveLength(s.schools.length);
        const texts = [...fig.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
        for (const x of s.schools) expect(texts).toContain(round(x.values[i.id] as number, i.id === 'L6' ? 0 : 2));
        expect(texts).toContain(`标准 ${i.threshold}`);
        const d = description(fig);
        expect(d.startsWith(`标准 ${i.threshold} `)).toBe(true);
        const assessed = s.schools.filter((x) => !x.excluded);
        const under = assessed.filter((x) => x.missed.some((m) => m.id === i.id));
        expect(d).toContain(`参评 ${assessed.length} 所，达标 ${assessed.length - under.length} 所`);
        for (const x of under) expect(d).toContain(`${x.id} ${round(x.values[i.id] as number, 2)}（标准的 ${Math.floor((x.missed.find((m) => m.id === i.id)?.shareOfThreshold ?? 0) * 1000) / 10}%）`);
      }
      const fig = figure(html, `coefficients-${stage}`);
      const limit = s.indicators[0]?.coefficientLimit as number;
      expect(fig).toContain(`>上限 ${limit}<`);
      expect(description(fig)).toContain(`差异系数：${s.indicators.map((i) => `${i.id} ${round(i.coefficient, 4)}`).join('，')}`);
      expect(description(fig)).toContain(`补足后：${expected.gap?.after.stages[stage]?.indicators.map((i) => `${i.id} ${round(i.coefficient, 4)}`).join('，')}`);
    }
    // hand-checked: P10 sports 5.25 / 7.5 = 70 % → 7.5 × 180 = 1350 m² (+405); J06 teaching area 4.52 / 5.8 = 77.9 % → 85 % (+194.9)
    const gap = description(figure(html, 'gap'));
    expect(gap).toBe('P10-西湾村小学 L5 标准的 70% → 100%（增加运动场馆 405 m²）；J06-北山中学 L4 标准的 77.9% → 85%（增加教学及辅助用房 194.9 m²）。');
    expect(expected.gap?.schools.map((s) => [s.id, s.additions['sportsArea'], s.additions['teachingAuxiliaryArea']])).toEqual([['P10-西湾村小学', 405, 0], ['J06-北山中学', 0, 194.9]]);
    // the items and the footer
    expect(html).toContain('<td class="nowrap">G8</td><td>教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量</td><td class="nowrap">达到</td><td>教师平均工资为公务员的 1.013 倍');
    expect(unescape(html)).toContain('<p>依据：《意见》1.1；《意见》6.3；《意见》2.2；《意见》4.3；教督〔2017〕6号</p>');
  });

  it('draws the coefficient limit a local parameter set gives, never a fixed 0.5', async () => {
    const set = writeTemp(tempDir(), 'limit.json', JSON.stringify({ balance: { coefficientLimit: { primary: 0.1, junior: 0.3 } } }));
    const r = await junheng('assess', COUNTY, ...AS_OF, '--format', 'html', '--lang', 'en', '--parameters', set);
    expect(r.status).toBe(0);
    const primary = figure(r.stdout, 'coefficients-primary');
    expect(primary).toContain('>limit 0.1<');
    expect(description(primary)).toContain('above the limit: L3, L5');
    expect(figure(r.stdout, 'coefficients-junior')).toContain('>limit 0.3<');
  });

  it('prefixes each county of a province and counts the verdicts', async () => {
    const county = JSON.parse(readFileSync(COUNTY, 'utf8')) as { schools: unknown[] };
    const file = writeTemp(tempDir(), 'province.json', JSON.stringify([county, { id: 'Y', schools: county.schools.slice(0, 3) }]));
    const r = await junheng('assess', file, ...AS_OF, '--format', 'html', '--lang', 'en');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('data-chart="c1-primary-L1"');
    expect(r.stdout).toContain('data-chart="c2-primary-L1"');
    expect(r.stdout).not.toContain('data-chart="c2-junior-L1"');
    expect(r.stdout).toContain('<title>优质均衡 county assessment: 2 counties</title>');
    expect(r.stdout).toContain('<h2>Verdict by county</h2>');
    expect(r.stdout).toContain('<tr><td>X县 (130000-XX)</td><td class="nowrap">fails</td><td>does not comply</td><td>all pass</td><td>all pass</td><td>passes (87.86 %)</td><td>none triggered</td></tr>');
  });

  it('leaves out the per-school charts of a province of more than 10 counties, keeping the rest', async () => {
    const county = JSON.parse(readFileSync(COUNTY, 'utf8')) as Record<string, unknown>;
    const file = writeTemp(tempDir(), 'province-11.json', JSON.stringify(Array.from({ length: 11 }, (_, i) => ({ ...county, id: `C${i + 1}` }))));
    const r = await junheng('assess', file, ...AS_OF, '--format', 'html', '--lang', 'en');
    expect(r.status).toBe(0);
    const ids = [...r.stdout.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(11 * 3);
    expect(ids.slice(0, 3)).toEqual(['c1-coefficients-primary', 'c1-coefficients-junior', 'c1-gap']);
    expect(r.stdout).toContain('The input has 11 counties (more than 10): the per-school indicator charts are left out');
  });
});
