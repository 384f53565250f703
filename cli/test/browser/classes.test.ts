/**
 * `junheng classes --format html` in Chromium, offline: the three charts render (an svg with marks
 * that have a size), the numbers the page shows — the figures, the labels drawn on the charts and
 * their descriptions — equal the JSON output's, no request is made, nothing spills out sideways, a
 * CJK font is there for the Chinese, and the print stylesheet gives an A4 PDF. Screenshots of the
 * Chinese report of examples/classes.csv and of the English one of examples/classes-gbk.csv go to
 * __screenshots__/ for a person to look at.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartMarks, figures, HAS_CHROMIUM, launch, open, SHOTS } from './page.js';
import { EXAMPLES, junheng } from '../helpers.js';

const ROSTER = join(EXAMPLES, 'classes.csv');
const GBK = join(EXAMPLES, 'classes-gbk.csv');
const ON = ['--as-of', '2025-09-01'] as const;

interface Counts {
  total: number;
  byStatus: Record<'standard' | 'over-standard' | 'large' | 'super-large', number>;
  largeShare: number;
}
interface JsonReport extends Counts {
  byStage: Record<'primary' | 'junior', Counts>;
  groups: { town?: Array<Counts & { key: string | null }> };
  deadline: { daysRemaining: number; urbanAndTownLarge: number };
}

const pct = (x: number): string => `${(Math.round(x * 10_000) / 100).toFixed(2)}%`;
const large = (c: Counts): number => c.byStatus.large + c.byStatus['super-large'];

async function output(file: string, ...args: string[]): Promise<string> {
  const r = await junheng('classes', file, ...ON, ...args);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout;
}

const description = (page: Page, id: string): Promise<string> => page.locator(`figure[data-chart="${id}"] .description`).innerText();

describe.skipIf(!HAS_CHROMIUM)('junheng classes --format html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('zh, examples/classes.csv: charts drawn, every number on the page = the JSON, a CJK font, offline', async () => {
    const report = JSON.parse(await output(ROSTER, '--format', 'json')) as JsonReport;
    const { page, requests } = await open(browser, await output(ROSTER, '--format', 'html', '--lang', 'zh'));

    const drawn = await chartMarks(page);
    expect(drawn.map((c) => c.id)).toEqual(['classes-histogram', 'classes-bands', 'classes-towns']);
    for (const c of drawn) {
      expect(c.svgs, c.id).toBe(1);
      expect(c.width, c.id).toBeGreaterThan(500);
    }
    const [histogram, bands, towns] = drawn as [(typeof drawn)[number], (typeof drawn)[number], (typeof drawn)[number]];
    // The histogram: a bar for every size of every kind that has classes (examples/classes.csv: 27
    // sizes of full primary classes, 6 of incomplete ones, 15 of junior ones), the 5 dashed lines.
    expect(histogram.marks).toBeGreaterThanOrEqual(27 + 6 + 15 + 5);
    for (const label of ['非完全小学 30', '小学 45', '初中 50', '大班额 ≥56', '超大班额 ≥66']) expect(histogram.texts).toContain(label);
    // The bands chart: 4 bands × 2 stages, each labelled with its count from the JSON.
    expect(bands.marks).toBeGreaterThanOrEqual(8);
    const bandLabels = (['primary', 'junior'] as const).flatMap((s) => (['standard', 'over-standard', 'large', 'super-large'] as const).map((b) => String(report.byStage[s].byStatus[b])));
    for (const label of bandLabels) expect(bands.texts).toContain(label);
    // The town chart: a bar per town, labelled share (large/total) as the JSON has them.
    const townGroups = report.groups.town ?? [];
    expect(townGroups).toHaveLength(6);
    for (const t of townGroups) {
      expect(towns.texts).toContain(t.key);
      expect(towns.texts).toContain(`${pct(t.largeShare)}（${large(t)}/${t.total}）`);
    }
    expect(towns.marks).toBeGreaterThanOrEqual(townGroups.filter((t) => t.largeShare > 0).length);

    // The figures.
    expect(await figures(page)).toEqual({
      班级数: String(report.total),
      '大班额（56人及以上）': String(large(report)),
      '大班额占比（56人及以上）': pct(report.largeShare),
      城镇大班额: String(report.deadline.urbanAndTownLarge),
      '距期限（2025-12-31）': `${report.deadline.daysRemaining} 天`,
    });
    // The descriptions: the bands per stage, every town.
    const bandsText = await description(page, 'classes-bands');
    for (const [stage, word] of [['primary', '小学'], ['junior', '初中']] as const) {
      const c = report.byStage[stage];
      expect(bandsText).toContain(`${word}：标准班额 ${c.byStatus.standard}，超标准班额 ${c.byStatus['over-standard']}，大班额（56–65人） ${c.byStatus.large}，超大班额（66人及以上） ${c.byStatus['super-large']}（共 ${c.total} 个，大班额占比 ${pct(c.largeShare)}）`);
    }
    const townsText = await description(page, 'classes-towns');
    for (const t of townGroups) expect(townsText).toContain(`${t.key} ${pct(t.largeShare)}（${large(t)}/${t.total}）`);
    // The histogram's description adds up to the classes.
    const sizes = [...(await description(page, 'classes-histogram')).matchAll(/(\d+)人 (\d+)个/g)].reduce((n, m) => n + Number(m[2]), 0);
    expect(sizes).toBe(report.total);
    // The summary table's first row, and the list of large classes.
    expect(await page.locator('table').first().locator('tbody tr').first().locator('td').allInnerTexts()).toEqual(['全部', '', String(report.total), ...(['standard', 'over-standard', 'large', 'super-large'] as const).map((b) => String(report.byStatus[b])), pct(report.largeShare)]);
    expect(await page.locator('table').nth(1).locator('tbody tr').count()).toBe(large(report));

    // Offline, within the page's width, a CJK font for the Chinese.
    expect(requests).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await page.evaluate(`document.fonts.check('16px "Noto Sans CJK SC"', '班额')`)).toBe(true);

    await page.screenshot({ path: join(SHOTS, 'classes-zh.png'), fullPage: true });
    // Printable: the A4 print stylesheet gives a PDF.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  }, 60_000);

  it('en, examples/classes-gbk.csv (GBK, Chinese headers): school names, warnings none, the same numbers', async () => {
    const report = JSON.parse(await output(GBK, '--format', 'json')) as JsonReport;
    const { page, requests } = await open(browser, await output(GBK, '--format', 'html', '--lang', 'en'));
    const drawn = await chartMarks(page);
    expect(drawn.map((c) => c.id)).toEqual(['classes-histogram', 'classes-bands', 'classes-towns']);
    for (const c of drawn) expect(c.marks, c.id).toBeGreaterThan(0);
    expect(await figures(page)).toMatchObject({ Classes: '13', 'Large classes (56+)': '4', 'Large share (56+)': '30.77%', 'Urban/town large classes': '4' });
    expect(report.total).toBe(13);
    // The school names carried to the table.
    expect(await page.locator('table').first().locator('tbody tr', { hasText: '3601020003' }).locator('td').allInnerTexts()).toEqual(['school', '3601020003', '河西镇中心小学', '3', '1', '1', '1', '0', '33.33%']);
    expect(await page.locator('h2', { hasText: 'Warnings' }).count()).toBe(0);
    expect(requests).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'classes-en.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
