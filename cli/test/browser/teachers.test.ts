/**
 * `junheng teachers --format html` in Chromium, offline: every chart renders, each bar's height is
 * the JSON output's number (a teacher's hours, a bin's count: height ÷ number the same for every
 * bar of a chart), the figures and the table equal the JSON, no request is made, nothing spills
 * out sideways, and the print stylesheet makes an A4 PDF. Screenshots of the Chinese report of
 * examples/teachers.csv (a bar per teacher) and of an English one of 1,200 teachers (histograms)
 * go to __screenshots__/ for a person to look at.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartMarks, figures, HAS_CHROMIUM, launch, open, SHOTS } from './page.js';
import { EXAMPLES, junheng, tempDir, writeTemp } from '../helpers.js';

const ROSTER = join(EXAMPLES, 'teachers.csv');

type Status = 'met' | 'in-progress' | 'not-met';
interface JsonReport {
  total: number;
  met: number;
  inProgress: number;
  notMet: number;
  teachers: Array<{ teacherId: string; completedHours: number; requiredHours: number; shortfall: number; status: Status }>;
}

async function output(file: string, ...args: string[]): Promise<string> {
  const r = await junheng('teachers', file, ...args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** The bars of one series of a chart (ECharts marks each data item with its series and index): index → drawn height. */
function bars(page: Page, chart: string, series: number): Promise<Array<[number, number]>> {
  return page.$$eval(`figure[data-chart="${chart}"] svg path[ecmeta_ssr_type="chart"][ecmeta_series_index="${series}"]`, (paths) =>
    paths
      .filter((p) => p.getAttribute('fill') !== 'none' && p.getAttribute('ecmeta_data_index') !== null)
      .map((p) => [Number(p.getAttribute('ecmeta_data_index')), (p as unknown as { getBBox(): { height: number } }).getBBox().height] as [number, number]),
  );
}

/** Heights that are `values` on one scale: height ÷ value the same for every bar (to 0.6 px), 0 drawn as 0. */
function expectScaled(drawn: ReadonlyArray<[number, number]>, values: ReadonlyMap<number, number>, what: string): void {
  expect(drawn.map(([i]) => i).sort((a, b) => a - b), what).toEqual([...values.keys()].sort((a, b) => a - b));
  const [top] = [...values.entries()].sort((a, b) => b[1] - a[1]);
  const scale = (drawn.find(([i]) => i === top?.[0])?.[1] ?? 0) / (top?.[1] ?? 1);
  expect(scale, what).toBeGreaterThan(0);
  for (const [i, h] of drawn) expect(Math.abs(h - (values.get(i) as number) * scale), `${what} bar ${i}`).toBeLessThan(0.6);
}

const plain = (text: string | undefined): string => (text ?? '').replace(/,/g, '');
const STATUS_SERIES: readonly Status[] = ['met', 'in-progress', 'not-met'];

describe.skipIf(!HAS_CHROMIUM)('junheng teachers --format html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the Chinese report of examples/teachers.csv: a bar per teacher at its hours, figures and table equal the JSON, offline, A4', async () => {
    const j = JSON.parse(await output(ROSTER, '--as-of', '2025-12-31', '--format', 'json')) as JsonReport;
    const { page, requests } = await open(browser, await output(ROSTER, '--as-of', '2025-12-31', '--format', 'html', '--lang', 'zh'));

    const charts = await chartMarks(page, 'path');
    expect(charts.map((c) => c.id)).toEqual(['teachers-hours', 'teachers-status', 'teachers-shortfall']);
    for (const c of charts) {
      expect(c.svgs, c.id).toBe(1);
      expect(c.marks, c.id).toBeGreaterThan(2);
    }
    // The bars, sorted by hours as the chart sorts them: each in its status's series, at its hours.
    const sorted = [...j.teachers].sort((a, b) => a.completedHours - b.completedHours || a.teacherId.localeCompare(b.teacherId));
    for (const [series, status] of STATUS_SERIES.entries()) {
      const values = new Map(sorted.flatMap((t, i) => (t.status === status ? [[i, t.completedHours] as [number, number]] : [])));
      if (values.size > 0) expectScaled(await bars(page, 'teachers-hours', series), values, `teachers-hours ${status}`);
    }
    const ids = await page.$$eval('figure[data-chart="teachers-hours"] svg text', (t) => t.map((x) => x.textContent ?? ''));
    expect(ids).toEqual(expect.arrayContaining([...sorted.map((t) => t.teacherId), '360 学时']));
    // The ring: a slice per status present, labelled with its count.
    const ring = await page.$$eval('figure[data-chart="teachers-status"] svg text', (t) => t.map((x) => x.textContent ?? ''));
    expect(ring).toEqual(expect.arrayContaining([`已完成 ${j.met} 名`, `未完成 ${j.notMet} 名`, '88.3%']));
    expect(j.met / j.total).toBeCloseTo(0.8833, 4);
    // The shortfalls: not met per bin of 20 hours (0 < s ≤ 20 is bin 0), heights the counts.
    const shortBins = new Map<number, number>();
    for (const t of j.teachers) if (t.status === 'not-met') shortBins.set(Math.min(17, Math.ceil(t.shortfall / 20) - 1), (shortBins.get(Math.min(17, Math.ceil(t.shortfall / 20) - 1)) ?? 0) + 1);
    const drawn = (await bars(page, 'teachers-shortfall', 1)).filter(([, h]) => h > 0);
    expectScaled(drawn, shortBins, 'teachers-shortfall not met');

    const f = await figures(page);
    expect(f).toMatchObject({ 教师: String(j.total), 完成率: '88.3%', 已完成: String(j.met), 进行中: String(j.inProgress), 未完成: String(j.notMet) });
    expect(Number(plain(f['尚差学时合计']))).toBe(j.teachers.reduce((a, t) => a + t.shortfall * 10, 0) / 10);
    const rows = await page.$$eval('section:has(h2:text-is("教师明细")) tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const words: Record<Status, string> = { met: '已完成', 'in-progress': '进行中', 'not-met': '未完成' };
    expect(rows).toEqual(j.teachers.map((t) => [t.teacherId, String(t.completedHours), String(t.requiredHours), String(t.shortfall), words[t.status]]));

    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1100);
    await page.screenshot({ path: join(SHOTS, 'teachers-zh.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it('the English report of 1,200 teachers mid-cycle: the histogram\'s bars are the counts of the JSON\'s hours, the table cut at 1,000', async () => {
    let text = 'teacher_id,employed_since,date,hours\n';
    for (let i = 0; i < 1200; i++) {
      const id = `T${String(i).padStart(4, '0')}`;
      const records = i % 23;
      if (records === 0) text += `${id},,,\n`;
      for (let k = 0; k < records; k++) text += `${id},${i % 10 === 0 ? '2023-03-15' : ''},${2021 + (k % 5)}-0${1 + (k % 9)}-15,${(i * 7 + k * 3) % 38}${k % 4 === 0 ? '.5' : ''}\n`;
    }
    const file = writeTemp(tempDir(), 'teachers-1200.csv', text);
    const j = JSON.parse(await output(file, '--as-of', '2025-06-30', '--format', 'json')) as JsonReport;
    const { page, requests } = await open(browser, await output(file, '--as-of', '2025-06-30', '--format', 'html', '--lang', 'en'));
    expect((await chartMarks(page, 'path')).map((c) => c.id)).toEqual(['teachers-hours', 'teachers-status', 'teachers-shortfall']);

    // Completed hours in bins of 20 (the last, from 540, open): bar k's height is bin k's count.
    const hist = new Map<number, number>(Array.from({ length: 28 }, (_, k) => [k, 0]));
    for (const t of j.teachers) {
      const k = Math.min(27, Math.floor(t.completedHours / 20));
      hist.set(k, (hist.get(k) as number) + 1);
    }
    expectScaled(await bars(page, 'teachers-hours', 0), hist, 'histogram');
    // Shortfalls of the teachers in progress, 18 bins.
    const short = new Map<number, number>(Array.from({ length: 18 }, (_, k) => [k, 0]));
    for (const t of j.teachers) if (t.status === 'in-progress') short.set(Math.min(17, Math.ceil(t.shortfall / 20) - 1), (short.get(Math.min(17, Math.ceil(t.shortfall / 20) - 1)) as number) + 1);
    expectScaled(await bars(page, 'teachers-shortfall', 0), short, 'shortfall in progress');
    expect(j.inProgress).toBeGreaterThan(500);

    const f = await figures(page);
    expect(plain(f['Teachers'])).toBe(String(j.total));
    expect(plain(f['In progress'])).toBe(String(j.inProgress));
    expect(f['Completion']).toBe(`${(Math.floor((j.met * 1000) / j.total) / 10).toFixed(1)} %`);
    expect(await page.$$eval('section:has(h2:text-is("Teachers")) tbody tr', (trs) => trs.length)).toBe(1000);
    expect(await page.textContent('section:has(h2:text-is("Teachers")) p')).toBe('The first 1,000 of 1,200 teachers, in file order; the CSV, JSON and xlsx outputs hold them all.');

    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1100);
    // The charts and the head of the table (the full page is a thousand rows long).
    await page.screenshot({ path: join(SHOTS, 'teachers-en-1200.png'), fullPage: true, clip: { x: 0, y: 0, width: 1100, height: 2400 } });
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});
