/**
 * Browser check of the calculator page ("Try it") and the history charts, with the BUILT site
 * (docs/api) opened from disk (file://) in headless Chromium, every non-file request refused: a
 * reader reaches the calculator from the index, a rural school of 150 pupils shows 200 funded
 * pupils and the amount the library computes for the same input, a changed floor shows the
 * difference, an invalid input shows the library's message beside the field, and the parameters
 * page draws a history chart with links to the sources.
 *
 * Screenshots are kept in test/browser/__screenshots__/ (gitignored) for a person to look at.
 * Skipped, with the reason, when /usr/bin/chromium is absent. Builds the site with `npm run docs`
 * when docs/api has no calculator page or it is older than its sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listParameters, publicFunding, safePublicFunding } from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = join(ROOT, 'docs', 'api');
const SHOTS = join(ROOT, 'test', 'browser', '__screenshots__');
const CHROMIUM = process.env['JUNHENG_CHROMIUM'] || '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const TRY_IT = join(SITE, 'documents', 'Try_it.html');
const INPUTS = ['scripts/try-it.ts', 'scripts/try-it.client.js', 'scripts/try-it.css', 'scripts/history.ts', 'scripts/policy-map.ts', 'docs/guides/try-it.md'];

if (!hasChromium) console.warn(`test/browser/try-it.test.ts: skipped — ${CHROMIUM} not found (apt-get install chromium)`);

function ensureSite(): void {
  const newest = Math.max(...INPUTS.map((f) => statSync(join(ROOT, f)).mtimeMs));
  if (existsSync(join(SITE, 'assets', 'try-it-links.js')) && statSync(join(SITE, 'assets', 'try-it-links.js')).mtimeMs >= newest) return;
  const r = spawnSync('npm', ['run', '--silent', 'docs'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  if (r.status !== 0) throw new Error(`\`npm run docs\` failed (exit ${r.status}):\n${`${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-30).join('\n')}`);
}

describe.skipIf(!hasChromium)('calculator and history charts, from disk', () => {
  let profile: string;
  let context: import('playwright-core').BrowserContext;
  let page: import('playwright-core').Page;
  /** Requests for anything but a file: none may happen. */
  const network: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    ensureSite();
    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'junheng-chromium-'));
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
      viewport: { width: 1280, height: 900 },
    });
    await context.route(
      (url) => url.protocol !== 'file:',
      (route) => {
        network.push(route.request().url());
        return route.abort();
      },
    );
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    expect(network, 'requests to the network').toEqual([]);
  });

  const ready = () => page.waitForSelector('#jh-try[data-ready="true"]', { timeout: 15_000 });
  /** The bold figure of a result row. */
  const figure = (label: RegExp) => page.locator('.jh-result tr', { hasText: label }).locator('.jh-value').innerText();

  it('reaches the calculator from the index, and a rural school of 150 pupils is funded as 200 at the library’s amount', async () => {
    await page.goto(pathToFileURL(join(SITE, 'index.html')).href);
    // The index (the README) links to the calculator in its text.
    const link = page.locator('.tsd-typography a[href$="Try_it.html"]').first();
    await expect(link.count()).resolves.toBe(1);
    await link.click();
    await ready();
    expect(page.url()).toBe(pathToFileURL(TRY_IT).href);

    // The page opens on this very case; set every field anyway, as a reader would.
    await page.fill('[data-path="pupils.primary"]', '150');
    await page.selectOption('[data-path="location"]', 'rural');
    await page.fill('[data-path="asOf"]', '2025-09-01');
    await page.selectOption('[data-path="region"]', 'central');
    await page.click('button.jh-run');

    const expected = publicFunding({ id: 'village-1', location: 'rural', kind: 'school', pupils: { primary: 150 } }, { asOf: '2025-09-01', region: 'central' });
    expect(expected.fundedPupils).toBe(200);
    expect(await figure(/Funded pupils/)).toBe('200');
    expect(await figure(/Amount/)).toBe(expected.amount.toString());
    expect(await figure(/Floor applied/)).toBe('district-100-to-200');

    // Every explanation step is shown, each clause linked to its page.
    const steps = page.locator('.jh-steps > li');
    expect(await steps.count()).toBe(expected.explanation.length);
    const clause = page.locator('.jh-steps a.jh-clause', { hasText: '§ 5.1' }).first();
    const href = await clause.getAttribute('href');
    expect(href).toBeTruthy();
    expect(existsSync(fileURLToPath(new URL((href as string).split('#')[0] as string, pathToFileURL(TRY_IT))))).toBe(true);
    // The parameters used, with their values in force.
    const used = page.locator('.jh-param-table tbody tr');
    expect(await used.count()).toBeGreaterThan(3);
    await expect(page.locator('.jh-param-table').innerText()).resolves.toContain('funding.floors');
    await page.screenshot({ path: join(SHOTS, 'try-it.png'), fullPage: true });

    await clause.click();
    await page.waitForLoadState('load');
    expect(decodeURI(page.url())).toMatch(/5\.1/);
    await expect(page.locator('h1').first().innerText()).resolves.toContain('5.1');
  }, 120_000);

  it('shows the difference a changed floor makes', async () => {
    await page.goto(pathToFileURL(TRY_IT).href);
    await ready();
    await page.fill('[data-path="param:funding.floors.1.fundedAs"]', '250');
    await page.press('[data-path="param:funding.floors.1.fundedAs"]', 'Enter');
    const floors = (listParameters({ asOf: '2025-09-01' }).find((p) => p.path === 'funding.floors')?.value as Array<{ id: string; fundedAs: number }>).map((b) =>
      b.id === 'district-100-to-200' ? { ...b, fundedAs: 250 } : b,
    );
    const changed = publicFunding({ id: 'village-1', location: 'rural', kind: 'school', pupils: { primary: 150 } }, { asOf: '2025-09-01', region: 'central', parameters: { funding: { floors: floors as never } } });
    await expect(figure(/Funded pupils/)).resolves.toBe('250');
    await expect(figure(/Amount/)).resolves.toBe(changed.amount.toString());
    const row = await page.locator('.jh-result tr', { hasText: /Funded pupils/ }).innerText();
    expect(row).toMatch(/junheng’s parameters: 200 \(change \+50\)/);
    await page.screenshot({ path: join(SHOTS, 'try-it-changed-floor.png'), fullPage: true });
  }, 60_000);

  it("shows the library's error message beside the field", async () => {
    await page.goto(pathToFileURL(TRY_IT).href);
    await ready();
    await page.fill('[data-path="pupils.primary"]', '-1');
    await page.click('button.jh-run');
    const r = safePublicFunding({ id: 'village-1', location: 'rural', kind: 'school', pupils: { primary: -1 } }, { asOf: '2025-09-01', region: 'central' });
    expect(r.success).toBe(false);
    const message = r.success ? '' : (r.error.issues[0]?.message as string);
    expect(message).toMatch(/negative/);
    // Beside the field: the error slot inside the field's own box.
    const beside = page.locator('.jh-field', { has: page.locator('[data-path="pupils.primary"]') }).locator('.jh-error');
    await expect(beside.innerText()).resolves.toBe(message);
    await expect(page.getAttribute('[data-path="pupils.primary"]', 'aria-invalid')).resolves.toBe('true');
    await expect(page.locator('.jh-output').innerText()).resolves.toMatch(/^Not computed/);

    // A date that is not a date: the message sits beside the date.
    await page.fill('[data-path="pupils.primary"]', '150');
    await page.fill('[data-path="asOf"]', '2025-19-01');
    await page.click('button.jh-run');
    const bad = safePublicFunding({ id: 'v', location: 'rural', pupils: { primary: 150 } }, { asOf: '2025-19-01', region: 'central' });
    const dateMessage = bad.success ? '' : (bad.error.issues[0]?.message as string);
    await expect(page.locator('[data-error-for="asOf"]').innerText()).resolves.toBe(dateMessage);
    await page.screenshot({ path: join(SHOTS, 'try-it-invalid.png'), fullPage: false });
  }, 60_000);

  it('runs a class-size report and a training check', async () => {
    await page.goto(pathToFileURL(TRY_IT).href);
    await ready();
    await page.selectOption('[data-path="calculator"]', 'classSizeReport');
    await expect(figure(/^Classes/)).resolves.toBe('3');
    await expect(page.locator('.jh-steps').innerText()).resolves.toContain('2.3');
    await page.selectOption('[data-path="calculator"]', 'trainingCompliance');
    await expect(figure(/Completed hours/)).resolves.toBe('320.5');
    await page.fill('[data-path="training.1.hours"]', '1.25');
    await page.click('button.jh-run');
    await expect(page.locator('[data-error-for="training.1.hours"]').innerText()).resolves.not.toBe('');
  }, 60_000);

  it('draws each parameter’s history on the parameters page, linked to the sources', async () => {
    await page.goto(pathToFileURL(join(SITE, 'documents', 'Parameters.html')).href);
    const charts = page.locator('figure.jh-history');
    expect(await charts.count()).toBeGreaterThan(50);
    const special = page.locator('figure.jh-history[data-parameter="funding.specialEducation"]');
    await expect(special.locator('svg').getAttribute('aria-label')).resolves.toMatch(/6000 from 2016-03-01, 7000 from 2025-03-01/);
    // Regions that differ get their own line.
    await expect(page.locator('figure.jh-history[data-parameter="funding.benchmark.primary"] svg').getAttribute('aria-label')).resolves.toMatch(/east: 650.*central, west: 600/);
    // Each step links to its source's heading on the page.
    const steps = special.locator('a.jh-h-step');
    expect(await steps.count()).toBe(2);
    const target = (await steps.nth(1).getAttribute('href')) as string;
    expect(target).toMatch(/^#source-/);
    expect(await page.locator(`[id="${target.slice(1)}"]`).count()).toBe(1);
    await special.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'parameters-history.png'), fullPage: false });
    await steps.nth(1).click();
    expect(decodeURI(page.url())).toContain(target);
    expect(errors).toEqual([]);
  }, 60_000);
});

if (!hasChromium) it.skip(`calculator in Chromium: needs ${CHROMIUM} (apt-get install chromium)`, () => {});
