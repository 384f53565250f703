/**
 * `junheng budget --format html|xlsx`: the report's figures, charts' numbers and tables equal the
 * JSON output's (summed by location from the JSON ids and the roster's locations), the page is
 * self-contained, the school table is limited, and the workbook read back equals the CSV output.
 */
import { readFileSync } from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { FenSum, summarize } from '../src/budget/summary.js';
import { SCHOOL_ROWS } from '../src/budget/report.js';
import { CENTRAL_2025, CSV, JSON_ROSTER, junheng, tempDir, WHAT_IF, writeTemp, type JsonBudget } from './helpers.js';

// ---------------------------------------------------------------- helpers

const unescape = (text: string): string => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
const textOf = (html: string): string => unescape(html.replace(/<[^>]*>/g, '')).trim();

/** The tables of a page: caption, header cells, body rows, footer row. */
interface Table {
  caption: string;
  headers: string[];
  rows: string[][];
  footer: string[];
}

function tables(html: string): Table[] {
  const out: Table[] = [];
  for (const m of html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)) {
    const body = m[1] as string;
    const cells = (row: string): string[] => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1] as string));
    const rows = (part: string | undefined): string[][] => (part === undefined ? [] : [...part.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => cells(r[1] as string)));
    out.push({
      caption: textOf(/<caption>([\s\S]*?)<\/caption>/.exec(body)?.[1] ?? ''),
      headers: rows(/<thead>([\s\S]*?)<\/thead>/.exec(body)?.[1])[0] ?? [],
      rows: rows(/<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1]),
      footer: rows(/<tfoot>([\s\S]*?)<\/tfoot>/.exec(body)?.[1])[0] ?? [],
    });
  }
  return out;
}

const table = (html: string, caption: string): Table => {
  const found = tables(html).find((t) => t.caption === caption);
  if (found === undefined) throw new Error(`no table captioned ${caption}`);
  return found;
};

/** The large figures at the top of a page, label → value. */
function figures(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<div class="label">([\s\S]*?)<\/div><div class="value">([\s\S]*?)<\/div>/g)].map((m) => [textOf(m[1] as string), textOf(m[2] as string)]));
}

/** Exact yuan text (`1,459,200`, `-0.5`) as integer fen. */
function fen(text: string): bigint {
  const m = /^(-?)([\d,]+)(?:\.(\d{1,2}))?$/.exec(text);
  if (m === null) throw new Error(`not an amount: ${text}`);
  const value = BigInt((m[2] as string).replace(/,/g, '')) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -value : value;
}
const count = (text: string): number => Number(text.replace(/,/g, ''));

/** The roster's location of each school, from examples/district.csv. */
const LOCATION = new Map(
  readFileSync(CSV, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => [cells[0] as string, cells[1] as string]),
);
const PUPILS = new Map(
  readFileSync(CSV, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => [cells[0] as string, Number(cells[3] || 0) + Number(cells[4] || 0)]),
);

async function run(...args: string[]): Promise<string> {
  const r = await junheng('budget', ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

const json = async (...args: string[]): Promise<JsonBudget> => JSON.parse(await run(...args, '--format', 'json')) as JsonBudget;

/** JSON sums by a key of each school: schools, amount (fen), what-if amount, difference. */
function sumsBy(budget: JsonBudget, key: (s: JsonBudget['schools'][number]) => string): Map<string, { schools: number; amount: bigint; whatIf: bigint; difference: bigint }> {
  const out = new Map<string, { schools: number; amount: bigint; whatIf: bigint; difference: bigint }>();
  for (const s of budget.schools) {
    const k = key(s);
    const t = out.get(k) ?? { schools: 0, amount: 0n, whatIf: 0n, difference: 0n };
    t.schools++;
    t.amount += fen(s.amount);
    if (s.whatIfAmount !== undefined) t.whatIf += fen(s.whatIfAmount);
    if (s.difference !== undefined) t.difference += fen(s.difference);
    out.set(k, t);
  }
  return out;
}

// ---------------------------------------------------------------- the page

describe('junheng budget --format html', () => {
  it('in Chinese: the figures, the sums by location and by floor band equal the JSON output (examples/district.csv)', async () => {
    const html = await run(CSV, ...CENTRAL_2025, '--format', 'html', '--lang', 'zh');
    const budget = await json(CSV, ...CENTRAL_2025);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>公用经费测算</title>');
    expect(html).toContain('名单：');
    expect(html).toContain('计算日期：2025-09-01');
    expect(html).toContain('地区：中部');

    const f = figures(html);
    expect(f.get('公用经费总额（元）')).toBe('18,434,232.5');
    expect(fen(f.get('公用经费总额（元）') as string)).toBe(fen(budget.total));
    expect(f.get('学校数')).toBe('40');
    expect(f.get('在校生（人）')).toBe('24,523');
    expect(count(f.get('在校生（人）') as string)).toBe([...PUPILS.values()].reduce((a, b) => a + b, 0));
    expect(count(f.get('核定人数（人）') as string)).toBe(budget.schools.reduce((a, s) => a + s.fundedPupils, 0));

    // By location: 城区 9 schools + the urban special-education school; 镇区 9 + a teaching point; 乡村 15 + 5 teaching points.
    const byLocation = table(html, '按城乡分类');
    expect(byLocation.headers).toEqual(['城乡分类', '学校数', '在校生数', '核定人数', '公用经费（元）']);
    expect(byLocation.rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['城区', '10', '11,076,920'],
      ['镇区', '10', '4,384,112.5'],
      ['乡村', '20', '2,973,200'],
    ]);
    const expected = sumsBy(budget, (s) => LOCATION.get(s.id) as string);
    for (const [row, location] of [
      [0, 'urban'],
      [1, 'town'],
      [2, 'rural'],
    ] as const) {
      const r = byLocation.rows[row] as string[];
      expect(count(r[1] as string)).toBe(expected.get(location)?.schools);
      expect(fen(r[4] as string)).toBe(expected.get(location)?.amount);
    }
    expect(byLocation.footer).toEqual(['合计', '40', '24,523', '25,166', '18,434,232.5']);

    // By floor band: 26 under none; 7 under the national band (5 village teaching points, the town one, XC-09); 7 under 5.1.
    const byBand = table(html, '按保底区间');
    const bands = sumsBy(budget, (s) => s.floorApplied ?? '');
    expect(byBand.rows.map((r) => [count(r[1] as string), fen(r[4] as string)])).toEqual(
      ['', 'national-under-100', 'district-100-to-200'].map((id) => [bands.get(id)?.schools, bands.get(id)?.amount]),
    );
    expect(byBand.rows.map((r) => r.slice(1))).toEqual([
      ['26', '23,066', '23,066', '17,055,032.5', '0'],
      ['7', '360', '700', '420,000', '340'],
      ['7', '1,097', '1,400', '959,200', '303'],
    ]);
    expect(byBand.rows[1]?.[0]).toContain('国发〔2015〕67号');
    expect(byBand.rows[2]?.[0]).toContain('《意见》5.1');

    // Each chart's numbers are in its description, in the same words as the tables.
    expect(chartDescription(html, 'budget-by-location')).toBe('城区 10 所 11,076,920 元；镇区 10 所 4,384,112.5 元；乡村 20 所 2,973,200 元');
    expect(chartDescription(html, 'funded-vs-pupils')).toContain('7 所，在校生 360 人，按 700 人核定');
    expect(chartDescription(html, 'pupils-histogram')).toContain('300 人以下 20 所（适用保底 14 所），300 人及以上 20 所未画出；虚线为保底区间界限 100 / 200 人');
  });

  it('in English with --what-if: the what-if total, the difference and the difference by location equal the JSON output', async () => {
    const html = await run(CSV, ...CENTRAL_2025, '--what-if', WHAT_IF, '--format', 'html', '--lang', 'en');
    const budget = await json(CSV, ...CENTRAL_2025, '--what-if', WHAT_IF);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Public funding budget</title>');
    const f = figures(html);
    expect(fen(f.get('Total (yuan)') as string)).toBe(fen(budget.total));
    expect(fen(f.get('What-if total (yuan)') as string)).toBe(fen(budget.whatIf?.total as string));
    expect(fen(f.get('Difference (yuan)') as string)).toBe(fen(budget.whatIf?.difference as string));

    const byLocation = table(html, 'By location');
    expect(byLocation.headers).toEqual(['Location', 'Schools', 'Pupils', 'Funded pupils', 'Amount (yuan)', 'What-if amount (yuan)', 'Difference (yuan)']);
    const expected = sumsBy(budget, (s) => LOCATION.get(s.id) as string);
    byLocation.rows.forEach((r, k) => {
      const location = ['urban', 'town', 'rural'][k] as string;
      expect(r[0]).toBe(location);
      expect(fen(r[5] as string)).toBe(expected.get(location)?.whatIf);
      expect(fen(r[6] as string)).toBe(expected.get(location)?.difference);
    });
    // Town: 120 yuan more a primary pupil (760 + 430 + 310 + 168 + 95, and the teaching point funded as 100), and
    // ZQ-03 (540 primary, 420 junior, a disabled pupil, 360 boarders): 724,800 + (7,000 − 724,800 / 960) + 72,000
    // = 803,045 against 738,312.5, so 64,732.5 more: 1,863 × 120 + 64,732.5.
    expect(byLocation.rows[1]?.[6]).toBe('288,292.5');
    const diffs = chartDescription(html, 'difference-by-location');
    expect(diffs).toBe(byLocation.rows.map((r) => `${r[0]} ${r[6]} yuan`).join('; '));

    // The what-if's own bands (the 100-to-250 band replaces 5.1's) are tabulated by their id and rule.
    const whatBands = table(html, 'What-if: by floor band');
    expect(whatBands.rows.map((r) => r[0])).toEqual(['no floor', expect.stringContaining('国发〔2015〕67号'), expect.stringMatching(/^district-100-to-250 \(rural schools with more than 100 and fewer than 250 pupils, funded as 250\)$/)]);
    expect(whatBands.footer[4]).toBe(f.get('What-if total (yuan)'));
  });

  it('gives the same sums for the JSON roster (the library path) as for the CSV', async () => {
    const fromCsv = await run(CSV, ...CENTRAL_2025, '--what-if', WHAT_IF, '--format', 'html', '--lang', 'zh');
    const fromJson = await run(JSON_ROSTER, ...CENTRAL_2025, '--what-if', WHAT_IF, '--format', 'html', '--lang', 'zh');
    for (const caption of ['按城乡分类', '按保底区间', '假设方案：按保底区间']) expect(table(fromJson, caption)).toEqual(table(fromCsv, caption));
    const schools = (html: string): Table => tables(html).find((t) => t.caption === '') as Table;
    expect(schools(fromJson)).toEqual(schools(fromCsv));
    expect(schools(fromCsv).rows.find((r) => r[0] === 'JXD-06')?.[1]).toBe('镇区教学点');
    expect(schools(fromCsv).rows.find((r) => r[0] === 'TJ-01')?.[1]).toBe('城区特殊教育学校');
  });

  it('is one self-contained page: no script, no external resource, an svg with marks in every chart', async () => {
    const html = await run(CSV, ...CENTRAL_2025, '--what-if', WHAT_IF, '--format', 'html', '--lang', 'zh');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import/i);
    const charts = [...html.matchAll(/<figure class="chart" id="([^"]+)" data-chart="\1">([\s\S]*?)<\/figure>/g)];
    expect(charts.map((c) => c[1])).toEqual(['budget-by-location', 'budget-by-floor', 'funded-vs-pupils', 'pupils-histogram', 'difference-by-location', 'what-if-by-floor']);
    for (const c of charts) expect(c[2]).toMatch(/<svg[\s\S]*<path[\s\S]*<\/svg>/);
    expect(html).toContain('@media print');
  });

  it(`lists the first ${SCHOOL_ROWS} schools and says how many more, while the sums cover every school`, async () => {
    const n = SCHOOL_ROWS + 123;
    const lines = ['id,location,primary'];
    for (let i = 0; i < n; i++) lines.push(`S${i},${['urban', 'town', 'rural'][i % 3]},${150 + (i % 7)}`);
    const file = writeTemp(tempDir(), 'big.csv', `${lines.join('\n')}\n`);
    const html = await run(file, ...CENTRAL_2025, '--format', 'html', '--lang', 'en');
    const schools = tables(html).find((t) => t.caption === '') as Table;
    expect(schools.rows).toHaveLength(SCHOOL_ROWS);
    expect(schools.rows.at(-1)?.[0]).toBe(`S${SCHOOL_ROWS - 1}`);
    expect(html).toContain(`The first 2,000 of 2,123 schools (123 more not listed here); the CSV, JSON and xlsx outputs (--format csv|json|xlsx) hold them all. Amounts in yuan per year.`);
    const budget = await json(file, ...CENTRAL_2025);
    expect(table(html, 'By location').footer[1]).toBe('2,123');
    expect(fen(table(html, 'By location').footer[4] as string)).toBe(fen(budget.total));
    // Rural schools (every third: 707 of them) of 150–156 pupils are each funded as 200.
    expect(table(html, 'By location').rows[2]?.slice(1, 4)).toEqual(['707', grouped(sumRural(n)), grouped(707 * 200)]);
  });
});

describe('junheng budget --format html: what a reader should know', () => {
  const dir = tempDir();

  it('lists the warnings first (a school with no pupils, a large teaching point) and still says them on stderr', async () => {
    const file = writeTemp(dir, 'warn.csv', 'id,location,kind,primary\nA,rural,,0\nB,rural,teaching-point,130\nC,urban,,500\n');
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'html', '--lang', 'en');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('school "A" has no pupils');
    expect(r.stderr).toContain('teaching point "B" has 130 pupils');
    const headings = [...r.stdout.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings[0]).toBe('Warnings');
    const items = [...(/<h2>Warnings<\/h2>\s*<ul>([\s\S]*?)<\/ul>/.exec(r.stdout)?.[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1] as string));
    expect(items).toHaveLength(2);
    // A, 0 pupils in a village: funded as 100 under the national floor, 100 × 600.
    expect(items[0]).toContain('school "A" has no pupils');
    expect(items[0]).toContain('60,000 yuan');
    // B, a teaching point of 130: funded as 200 under 5.1's band, 200 × 600.
    expect(items[1]).toContain('120,000 yuan');
    expect(chartDescription(r.stdout, 'budget-by-location')).toBe('urban: 1 school, 300,000 yuan; town: 0 schools, 0 yuan; rural: 2 schools, 180,000 yuan');
  });

  it('with --explain, each school\'s steps with the clause of each, in the reader\'s language', async () => {
    const html = await run(CSV, ...CENTRAL_2025, '--format', 'html', '--lang', 'zh', '--explain');
    const steps = tables(html).find((t) => t.headers[0] === '学校与金额') as Table;
    expect(steps.rows.filter((r) => r[0] !== '').map((r) => r[0])).toHaveLength(40);
    const cq01 = steps.rows.findIndex((r) => r[0] === 'CQ-01：1,459,200 元');
    expect(cq01).toBeGreaterThanOrEqual(0);
    const own = steps.rows.slice(cq01, steps.rows.findIndex((r, i) => i > cq01 && r[0] !== ''));
    expect(own.some((r) => (r[1] as string).includes('国发〔2015〕67号'))).toBe(true);
    expect(own.at(-1)?.[1]).toContain('1,459,200');
  });

  it('says when the what-if changes no school', async () => {
    const same = writeTemp(dir, 'same.json', '{"funding":{"benchmark":{"primary":{"central":600}}}}');
    const r = await junheng('budget', CSV, ...CENTRAL_2025, '--what-if', same, '--format', 'html', '--lang', 'en');
    expect(r.status).toBe(0);
    expect(unescape(r.stdout)).toContain("The what-if changes no school's amount (every difference is 0)");
    expect(r.stderr).toContain("changes no school's amount");
    expect(figures(r.stdout).get('Difference (yuan)')).toBe('0');
  });
});

/** Pupils of the rural schools of the generated roster (every third from the third, 150 + i mod 7). */
function sumRural(n: number): number {
  let total = 0;
  for (let i = 2; i < n; i += 3) total += 150 + (i % 7);
  return total;
}

const grouped = (n: number): string => n.toLocaleString('en');

function chartDescription(html: string, id: string): string {
  const m = new RegExp(`data-chart="${id}">[\\s\\S]*?<p class="description">([\\s\\S]*?)</p>`).exec(html);
  if (m === null) throw new Error(`no description for chart ${id}`);
  return textOf(m[1] as string);
}

// ---------------------------------------------------------------- the workbook

/** CSV text as rows of cells (quoted cells unquoted; a leading BOM dropped). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').trimEnd().split('\n')) {
    const cells: string[] = [];
    for (const m of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) {
      const cell = m[1] as string;
      cells.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
    }
    rows.push(cells);
  }
  return rows;
}

/** A CSV cell as the workbook holds it: numbers as numbers, empty as null, text as text. */
const asCell = (text: string): string | number | null => (text === '' ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

describe('junheng budget --format xlsx', () => {
  const dir = tempDir();

  for (const [lang, extra] of [
    ['zh', []],
    ['en', ['--what-if', WHAT_IF]],
  ] as const) {
    it(`(${lang}${extra.length > 0 ? ', --what-if' : ''}) writes a sheet of schools equal to the CSV output, and a summary sheet`, async () => {
      const r = await junheng('budget', CSV, ...CENTRAL_2025, ...extra, '--format', 'xlsx', '--lang', lang);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const bytes = await xlsxOf(CSV, [...extra, '--lang', lang]);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const file = writeTemp(dir, `budget-${lang}.xlsx`, bytes);
      const csv = csvRows(await run(CSV, ...CENTRAL_2025, ...extra, '--format', 'csv', '--lang', lang));
      const sheet = await readSheet(file, 1);
      expect(sheet[0]).toEqual(csv[0]);
      expect(sheet.slice(1)).toEqual(csv.slice(1).map((row) => row.map(asCell)));
      expect(sheet).toHaveLength(41);

      const budget = await json(CSV, ...CENTRAL_2025, ...extra);
      const summary = await readSheet(file, 2);
      const total = summary.find((row) => row[0] === (lang === 'zh' ? '合计' : 'Total')) as unknown[];
      expect(total.slice(1, 5)).toEqual([40, 24523, 25166, 18434232.5]);
      expect(total[4]).toBe(Number(budget.total));
      if (budget.whatIf !== undefined) expect(total.slice(5)).toEqual([Number(budget.whatIf.total), Number(budget.whatIf.difference)]);
      const rural = summary.find((row) => row[0] === (lang === 'zh' ? '乡村' : 'rural')) as unknown[];
      expect(rural.slice(1, 5)).toEqual([20, 3699, 4280, 2973200]);
      // The footer's lines follow the sums: the citations among them.
      expect(summary.some((row) => typeof row[0] === 'string' && row[0].includes('国发〔2015〕67号'))).toBe(true);
    });
  }
});

/** The xlsx output's bytes (the in-process helper decodes standard output as text, so this collects the bytes). */
async function xlsxOf(file: string, extra: readonly string[]): Promise<Buffer> {
  const { run: runCommand } = await import('../src/run.js');
  const chunks: Buffer[] = [];
  const status = await runCommand(['budget', file, ...CENTRAL_2025, ...extra, '--format', 'xlsx'], {
    stdout: (chunk) => void chunks.push(Buffer.from(chunk)),
    stderr: () => undefined,
    stderrIsTTY: false,
  });
  expect(status).toBe(0);
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------- the sums

describe('the report sums', () => {
  it('are exact past 2^53 fen (a bigint once a number would round)', () => {
    const sum = new FenSum();
    const big = 2 ** 52;
    sum.add(big);
    sum.add(big);
    sum.add(big);
    sum.add(3);
    expect(sum.fen).toBe(3n * 2n ** 52n + 3n);
  });

  it('bin the schools by size below half again the highest band bound, floored ones apart', () => {
    const run = {
      totalFen: 0n,
      citations: [],
      ids: ['a', 'b', 'c', 'd'],
      fundedPupils: Int32Array.from([100, 200, 250, 300]),
      floors: Uint8Array.from([1, 2, 0, 0]),
      bands: [null, 'x', 'y'],
      amountFen: Float64Array.from([1, 2, 3, 4]),
      locations: Uint8Array.from([2, 2, 0, 1]),
      kinds: Uint8Array.from([1, 0, 0, 0]),
      floorBands: [
        { id: 'x', locations: ['rural'], below: 100, fundedAs: 100 },
        { id: 'y', locations: ['rural'], above: 100, below: 200, fundedAs: 200 },
      ],
    } as const;
    const s = summarize(run, undefined, [12, 150, 250, 300]);
    expect(s.histogram.top).toBe(300);
    expect(s.histogram.width).toBe(10);
    expect(s.histogram.bounds).toEqual([100, 200]);
    expect(s.histogram.floored[1]).toBe(1);
    expect(s.histogram.floored[15]).toBe(1);
    expect(s.histogram.others[25]).toBe(1);
    expect(s.histogram.above).toBe(1);
    expect(s.base.byLocation.map((t) => [t.schools, t.pupils, t.funded, t.amount.fen])).toEqual([
      [1, 250, 250, 3n],
      [1, 300, 300, 4n],
      [2, 162, 300, 3n],
    ]);
    expect(s.base.byBand.map((t) => t.schools)).toEqual([2, 1, 1]);
  });
});
