/**
 * What the browser tests of the HTML reports share: Debian's Chromium (the tests skip where it is
 * absent), the screenshots folder, a page with a report loaded offline, the figures at its top, and
 * what each chart drew.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Where the screenshots go, for a person to look at (git ignores them). */
export const SHOTS = fileURLToPath(new URL('./__screenshots__/', import.meta.url));

/** Chromium, with the screenshots folder made. */
export async function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM });
}

/** A page with the report loaded, every request it tries recorded and refused. */
export async function open(browser: Browser, html: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const requests: string[] = [];
  await page.route('**/*', async (route) => {
    requests.push(route.request().url());
    await route.abort();
  });
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}

/** The figures at the top of the page, label → value. */
export async function figures(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval('.figure', (items) => items.map((i) => [i.querySelector('.label')?.textContent ?? '', i.querySelector('.value')?.textContent ?? '']));
  return Object.fromEntries(pairs);
}

/** A chart as drawn: its id, its svgs, its svg's width, the marks (elements matching `marks`) that have a size on screen, and its texts. */
export interface DrawnChart {
  id: string;
  svgs: number;
  width: number;
  marks: number;
  texts: string[];
}

/** Every chart of the page (`figure[data-chart]`), as drawn; `marks` selects the elements counted as marks. */
export function chartMarks(page: Page, marks = 'path, rect'): Promise<DrawnChart[]> {
  return page.$$eval(
    'figure[data-chart]',
    (figures, selector) =>
      figures.map((f) => {
        const svg = f.querySelector('svg');
        const sized = svg === null ? 0 : [...svg.querySelectorAll(selector)].filter((m) => {
          const box = m.getBoundingClientRect();
          return box.width > 0 && box.height > 0;
        }).length;
        const texts = svg === null ? [] : [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');
        return { id: f.getAttribute('data-chart') ?? '', svgs: f.querySelectorAll('svg').length, width: svg?.getBoundingClientRect().width ?? 0, marks: sized, texts };
      }),
    marks,
  );
}
