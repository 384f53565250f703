/**
 * `junheng budget --format html` in Chromium, offline: every chart renders (an svg with marks that
 * have a size), the page's figures equal the JSON output's, no request is made, nothing spills
 * out of the page sideways, and the print stylesheet applies (an A4 PDF is made once). Screenshots
 * of the Chinese report and of the English one with --what-if go to __screenshots__/ for a person
 * to look at.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartMarks, figures, HAS_CHROMIUM, launch, open, SHOTS } from './page.js';
import { CENTRAL_2025, CSV, junheng, WHAT_IF, type JsonBudget } from '../helpers.js';


async function output(...args: string[]): Promise<string> {
  const r = await junheng('budget', CSV, ...CENTRAL_2025, ...args);
  expect(r.status).toBe(0);
  return r.stdout;
}

/**
 * The bars each chart of examples/district.csv draws: a bar per location (3), per band (3), pupils and
 * funded pupils of the two floor bands (4), the 21 bins of the histogram that hold a school of either
 * kind (14 floored, 10 not), the what-if's 3 differences and 3 bands.
 */
const BARS: Readonly<Record<string, number>> = {
  'budget-by-location': 3,
  'budget-by-floor': 3,
  'funded-vs-pupils': 4,
  'pupils-histogram': 20,
  'difference-by-location': 3,
  'what-if-by-floor': 3,
};

const plain = (text: string | undefined): string => (text ?? '').replace(/,/g, '');

describe.skipIf(!HAS_CHROMIUM)('junheng budget --format html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the Chinese report of examples/district.csv: charts drawn, figures equal the JSON, offline, printable on A4', async () => {
    const html = await output('--format', 'html', '--lang', 'zh');
    const budget = JSON.parse(await output('--format', 'json')) as JsonBudget;
    const { page, requests } = await open(browser, html);

    const charts = await chartMarks(page);
    expect(charts.map((c) => c.id)).toEqual(['budget-by-location', 'budget-by-floor', 'funded-vs-pupils', 'pupils-histogram']);
    for (const c of charts) {
      expect(c.svgs, c.id).toBe(1);
      expect(c.width, c.id).toBeGreaterThan(600);
      // At least its bars drawn, with a size.
      expect(c.marks, c.id).toBeGreaterThanOrEqual(BARS[c.id] ?? 1);
    }
    // The bar labels are drawn as text in the report's font: the exact amounts by location.
    const labels = await page.$$eval('figure[data-chart="budget-by-location"] svg text', (t) => t.map((x) => x.textContent));
    expect(labels).toEqual(expect.arrayContaining(['11,076,920', '4,384,112.5', '2,973,200', '城区', '镇区', '乡村']));

    const f = await figures(page);
    expect(plain(f['公用经费总额（元）'])).toBe(budget.total);
    expect(f['学校数']).toBe(String(budget.schools.length));
    expect(plain(f['核定人数（人）'])).toBe(String(budget.schools.reduce((a, s) => a + s.fundedPupils, 0)));
    // The school table lists every school, its amount equal to the JSON's.
    const rows = await page.$$eval('section:has(h2:text-is("学校明细")) tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.map((r) => [r[0], plain(r.at(-1))])).toEqual(budget.schools.map((s) => [s.id, s.amount]));

    // Nothing wider than the window, nothing requested.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1100);
    await page.screenshot({ path: join(SHOTS, 'budget-zh.png'), fullPage: true });
    expect(requests).toEqual([]);

    // @media print: the page's padding and width give way to the A4 margins; the PDF has several A4 pages.
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate<string>('getComputedStyle(document.body).paddingTop')).toBe('0px');
    expect(await page.evaluate<string>('getComputedStyle(document.body).fontSize')).toBe('11px');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('the English report with --what-if: what-if figures equal the JSON, the difference chart drawn', async () => {
    const html = await output('--what-if', WHAT_IF, '--format', 'html', '--lang', 'en');
    const budget = JSON.parse(await output('--what-if', WHAT_IF, '--format', 'json')) as JsonBudget;
    const { page, requests } = await open(browser, html);

    const charts = await chartMarks(page);
    expect(charts.map((c) => c.id)).toEqual(['budget-by-location', 'budget-by-floor', 'funded-vs-pupils', 'pupils-histogram', 'difference-by-location', 'what-if-by-floor']);
    for (const c of charts) expect(c.marks, c.id).toBeGreaterThanOrEqual(BARS[c.id] ?? 1);

    const f = await figures(page);
    expect(plain(f['Total (yuan)'])).toBe(budget.total);
    expect(plain(f['What-if total (yuan)'])).toBe(budget.whatIf?.total);
    expect(plain(f['Difference (yuan)'])).toBe(budget.whatIf?.difference);
    // The difference chart's labels add up to the JSON's difference.
    const labels = await page.$$eval('figure[data-chart="difference-by-location"] svg text', (t) => t.map((x) => x.textContent ?? ''));
    const amounts = ['1,278,168', '288,292.5', '690,440'];
    expect(labels).toEqual(expect.arrayContaining(['urban', 'town', 'rural', ...amounts]));
    const fen = (t: string): number => Math.round(Number(plain(t)) * 100);
    expect(amounts.reduce((a, t) => a + fen(t), 0)).toBe(fen(budget.whatIf?.difference as string));

    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1100);
    await page.screenshot({ path: join(SHOTS, 'budget-en-what-if.png'), fullPage: true });
    expect(requests).toEqual([]);
    await page.close();
  });
});
