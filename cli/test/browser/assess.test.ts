/**
 * `junheng assess --format html` in Chromium, offline: every chart renders, each indicator's bars
 * are as long as the JSON's values (relative to each other and to the threshold line), bars under
 * the threshold carry their colour, the labels and tables show the JSON's numbers rounded as the
 * table format rounds them, no request is made and nothing spills sideways. Screenshots of the
 * Chinese report (with what it would take) and the top of the English one go to __screenshots__/ for a
 * person to look at.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, launch, open, SHOTS } from './page.js';
import { EXAMPLES, junheng } from '../helpers.js';

const COUNTY = join(EXAMPLES, 'county.json');
const AS_OF = ['--as-of', '2025-09-01'];
const IDS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'] as const;
/** The colours the report gives a bar: met, under within the near-miss share, under it, not assessed. */
const COLOUR = { met: '#3a6ea5', near: '#e0a100', far: '#c62828', excluded: '#a7b0ba' } as const;

interface School {
  id: string;
  excluded: boolean;
  values: Record<string, number>;
  missed: Array<{ id: string; nearMiss: boolean }>;
}
interface Stage {
  indicators: Array<{ id: string; threshold: number; coefficient: number; coefficientLimit: number }>;
  schools: School[];
}
interface Json {
  resources: { stages: Record<'primary' | 'junior', Stage> };
}

// What the page's callbacks use of the DOM (the project compiles without the DOM library; these are this module's own).
declare const document: { documentElement: { scrollWidth: number; clientWidth: number }; fonts: { check(font: string): boolean } };
declare function getComputedStyle(element: unknown): { maxWidth: string };
type Graphic = { getBBox(): { x: number; width: number } };

const round = (x: number, digits: number): string => String(Number(x.toFixed(digits)));

async function output(...args: string[]): Promise<string> {
  const r = await junheng('assess', COUNTY, ...AS_OF, ...args);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout;
}

/** One indicator chart as drawn: each bar's width and colour by school, the threshold line's x, the bars' left edge, the texts. */
interface Drawn {
  bars: Array<{ data: number; series: number; width: number; left: number; fill: string }>;
  line: number;
  texts: string[];
}

function drawn(page: Page, id: string): Promise<Drawn> {
  return page.$eval(`figure[data-chart="${id}"] svg`, (svg) => {
    const bars = [...svg.querySelectorAll('path[ecmeta_ssr_type="chart"]')]
      .filter((p) => (p.getAttribute('d') ?? '').endsWith('Z'))
      .map((p) => {
        const box = (p as unknown as Graphic).getBBox();
        return { data: Number(p.getAttribute('ecmeta_data_index')), series: Number(p.getAttribute('ecmeta_series_index')), width: box.width, left: box.x, fill: p.getAttribute('fill') ?? '' };
      });
    const line = [...svg.querySelectorAll('path[ecmeta_ssr_type="chart"]')].find((p) => !(p.getAttribute('d') ?? '').endsWith('Z'));
    return { bars, line: line === undefined ? Number.NaN : (line as unknown as Graphic).getBBox().x, texts: [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '') };
  });
}

describe.skipIf(!HAS_CHROMIUM)('junheng assess --format html in Chromium', () => {
  let browser: Browser;
  let expected: Json;
  beforeAll(async () => {
    browser = await launch();
    expected = JSON.parse(await output('--format', 'json', '--gap', 'comply')) as Json;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the Chinese report: charts render, bars as long as the JSON values, numbers equal to the JSON', async () => {
    const { page, requests } = await open(browser, await output('--format', 'html', '--lang', 'zh'));
    // every chart has an svg with marks on screen
    const charts = await page.$$eval('figure[data-chart]', (figures) =>
      figures.map((f) => ({
        id: f.getAttribute('data-chart') ?? '',
        marks: [...f.querySelectorAll('svg path')].filter((m) => {
          const box = m.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        }).length,
      })),
    );
    expect(charts.map((c) => c.id)).toEqual(['coefficients-primary', ...IDS.map((id) => `primary-${id}`), 'coefficients-junior', ...IDS.map((id) => `junior-${id}`), 'gap']);
    for (const c of charts) expect(c.marks, c.id).toBeGreaterThan(5);
    // the small multiples sit two to a row
    const boxes = await page.$$eval('figure[data-chart="primary-L1"], figure[data-chart="primary-L2"]', (f) => f.map((x) => ({ top: x.getBoundingClientRect().top, left: x.getBoundingClientRect().left })));
    expect(boxes[0]?.top).toBe(boxes[1]?.top);
    expect((boxes[1]?.left ?? 0) - (boxes[0]?.left ?? 0)).toBeGreaterThan(400);

    for (const stage of ['primary', 'junior'] as const) {
      const s = expected.resources.stages[stage];
      for (const i of s.indicators) {
        const d = await drawn(page, `${stage}-${i.id}`);
        expect(d.bars, `${stage} ${i.id}`).toHaveLength(s.schools.length);
        const byIndex = new Map(d.bars.map((b) => [b.data, b]));
        const top = s.schools.reduce((best, x, n) => (x.values[i.id] as number) > (s.schools[best]?.values[i.id] as number) ? n : best, 0);
        const longest = byIndex.get(top) as Drawn['bars'][number];
        const max = s.schools[top]?.values[i.id] as number;
        s.schools.forEach((x, n) => {
          const bar = byIndex.get(n) as Drawn['bars'][number];
          const value = x.values[i.id] as number;
          // length in proportion to the value (within a pixel), label the value rounded
          expect(Math.abs(bar.width - (longest.width * value) / max), `${stage} ${i.id} ${x.id}`).toBeLessThan(1);
          expect(d.texts).toContain(round(value, i.id === 'L6' ? 0 : 2));
          const missed = x.missed.find((m) => m.id === i.id);
          const kind = x.excluded ? 'excluded' : missed === undefined ? 'met' : missed.nearMiss ? 'near' : 'far';
          expect(bar.fill, `${stage} ${i.id} ${x.id}`).toBe(COLOUR[kind]);
        });
        // the threshold line where the threshold is on the same scale
        expect(Math.abs(d.line - (longest.left + (longest.width * i.threshold) / max)), `${stage} ${i.id} line`).toBeLessThan(1.5);
        expect(d.texts).toContain(`标准 ${i.threshold}`);
      }
      // the coefficient chart: a bar per indicator now and after, labels the coefficients
      const c = await drawn(page, `coefficients-${stage}`);
      expect(c.bars).toHaveLength(14);
      for (const i of s.indicators) expect(c.texts).toContain(round(i.coefficient, 4));
      expect(c.texts).toContain(`上限 ${s.indicators[0]?.coefficientLimit}`);
    }

    // P10-西湾村小学 (180 pupils): L5 945 / 180 = 5.25 of 7.5, a red bar; L1 700 / 180 = 3.89 of 4.2, an amber one
    const l5 = await drawn(page, 'primary-L5');
    const p10 = expected.resources.stages.primary.schools.findIndex((x) => x.id === 'P10-西湾村小学');
    expect(l5.bars.find((b) => b.data === p10)?.fill).toBe(COLOUR.far);
    expect((await drawn(page, 'primary-L1')).bars.find((b) => b.data === p10)?.fill).toBe(COLOUR.near);

    // the school tables equal the JSON rounded
    const tables = await page.$$eval('table', (ts) => ts.map((t) => [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? ''))));
    for (const stage of ['primary', 'junior'] as const) {
      const s = expected.resources.stages[stage];
      const table = tables.find((rows) => rows[0]?.[0] === s.schools[0]?.id && rows.length === s.schools.length);
      expect(table, stage).toBeDefined();
      s.schools.forEach((x, n) => expect(table?.[n]?.slice(0, 8)).toEqual([x.id, ...IDS.map((id) => round(x.values[id] as number, id === 'L6' ? 0 : 2))]));
    }
    const figures = await page.$$eval('.figure', (items) => items.map((i) => [i.querySelector('.label')?.textContent ?? '', i.querySelector('.value')?.textContent ?? '']));
    expect(Object.fromEntries(figures)).toEqual({ 结论: '未达到', 资源配置: '未达到要求', 政府保障程度: '全部达到', 教育质量: '全部达到', 社会认可度: '达到（87.86 %）', 一票否决: '无触发' });

    expect(requests).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // a CJK font is there to draw the Chinese (no boxes)
    expect(await page.evaluate(() => document.fonts.check('14px "Noto Sans CJK SC"'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'assess-zh.png'), fullPage: true });
    await page.screenshot({ path: join(SHOTS, 'assess-zh-top.png') });
    // printed, the page has no margin of its own (A4 margins from @page) and the charts stay two to a row
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('body', (body) => getComputedStyle(body).maxWidth)).toBe('none');
    const printed = await page.$$eval('figure[data-chart="junior-L1"], figure[data-chart="junior-L2"]', (f) => f.map((x) => x.getBoundingClientRect().top));
    expect(printed[0]).toBe(printed[1]);
    await page.close();
  });

  it('the English report renders its charts too', async () => {
    const { page, requests } = await open(browser, await output('--format', 'html', '--lang', 'en', '--gap', 'all'));
    const ids = await page.$$eval('figure[data-chart] svg', (svgs) => svgs.map((s) => s.querySelectorAll('path[ecmeta_ssr_type="chart"]').length));
    expect(ids).toHaveLength(17);
    for (const n of ids) expect(n).toBeGreaterThan(0);
    expect(await page.textContent('h1')).toBe('X县 (130000-XX): 优质均衡 county assessment');
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'assess-en-top.png') });
    await page.close();
  });
});
