/**
 * Browser check of the docs site: serves the BUILT site (docs/api) on 127.0.0.1, opens it in
 * headless Chromium (Debian's `chromium`, driven by playwright-core), and checks that the policy
 * map shows all 24 items, that every link on it (and on the parameter page) leads to a page the
 * server has and, for `#anchors`, to an element with that id, and that each function link lands on
 * that function's API page.
 *
 * Skipped, with the reason, when /usr/bin/chromium is absent. The site is built with `npm run docs`
 * when docs/api is missing or older than the generator, the register or the parameter tree (`npm test`
 * builds the docs before vitest, so normally it is fresh).
 *
 * `JUNHENG_SCREENSHOT=/tmp/policy-map.png` saves a screenshot of the policy map.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisions, describeParameters } from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SITE = join(ROOT, 'docs', 'api');
/** Debian's chromium; `JUNHENG_CHROMIUM` points elsewhere (a missing path shows the skip). */
const CHROMIUM = process.env['JUNHENG_CHROMIUM'] || '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const POLICY_MAP = 'documents/Policy_map.html';
const PARAMETERS = 'documents/Parameters.html';

if (!hasChromium) {
  // Visible in the test output, beside the skipped tests.
  console.warn(`test/browser/site.test.ts: skipped — ${CHROMIUM} not found (apt-get install chromium)`);
}

/** Newest modification time of the files the generated pages are made from. */
function newestInput(): number {
  const files = [join(ROOT, 'scripts', 'policy-map.ts'), join(ROOT, 'typedoc.json'), join(ROOT, 'src', 'provisions', 'items.ts')];
  const params = join(ROOT, 'src', 'parameters');
  for (const f of readdirSync(params)) files.push(join(params, f));
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

function ensureSite(): void {
  const page = join(SITE, POLICY_MAP);
  if (existsSync(page) && statSync(page).mtimeMs >= newestInput()) return;
  const r = spawnSync('npm', ['run', '--silent', 'docs'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').slice(-30).join('\n');
    throw new Error(`docs/api is missing or older than its sources, and \`npm run docs\` failed (exit ${r.status}):\n${output}`);
  }
}

/** The DOM in page functions (the project compiles without the DOM library). */
interface BrowserGlobals {
  document: { getElementById(id: string): unknown };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** A tiny static server for docs/api: GET a file → 200, anything else → 404. */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function status(url: string): Promise<number> {
  const r = await fetch(url);
  await r.arrayBuffer();
  return r.status;
}

describe.skipIf(!hasChromium)('docs site in Chromium', () => {
  let server: Server;
  let base: string;
  let profile: string;
  // playwright-core's types, loaded only when Chromium is there.
  let browser: import('playwright-core').BrowserContext;
  let page: import('playwright-core').Page;

  beforeAll(async () => {
    ensureSite();
    server = await serve(SITE);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    profile = mkdtempSync(join(tmpdir(), 'junheng-chromium-'));
    const { chromium } = await import('playwright-core');
    // A fresh profile directory: launchPersistentContext passes it as --user-data-dir.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = await browser.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Internal links of the page open in the browser: absolute URLs, same origin, from every `<a href>`. */
  async function internalLinks(): Promise<string[]> {
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as unknown as { href: string }).href));
    return [...new Set(hrefs.filter((h) => h.startsWith(base)))].sort();
  }

  /**
   * Every internal link resolves: its page is served with 200 and, with `#anchor`, the page (as the
   * browser renders it) has an element with that id. Returns how many links and pages were checked.
   */
  async function checkLinks(links: readonly string[]): Promise<{ links: number; pages: number; broken: string[] }> {
    const broken: string[] = [];
    const byPage = new Map<string, Set<string>>();
    for (const link of links) {
      const url = new URL(link);
      const hash = decodeURIComponent(url.hash.slice(1));
      url.hash = '';
      const target = url.href;
      if (!byPage.has(target)) byPage.set(target, new Set());
      if (hash !== '') byPage.get(target)?.add(hash);
    }
    for (const [target, anchors] of byPage) {
      const code = await status(target);
      if (code !== 200) {
        broken.push(`${target} → HTTP ${code}`);
        continue;
      }
      if (anchors.size === 0) continue;
      const check = await browser.newPage();
      await check.goto(target);
      const missing = await check.evaluate((ids) => ids.filter((id) => (globalThis as unknown as BrowserGlobals).document.getElementById(id) === null), [...anchors]);
      await check.close();
      for (const id of missing) broken.push(`${target}#${id} → no element with that id`);
    }
    return { links: links.length, pages: byPage.size, broken };
  }

  it('shows the policy map with all 24 items, and every link on it resolves', async () => {
    const response = await page.goto(base + POLICY_MAP);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Policy map');

    // Every item renders as a heading "S.I title".
    const headings = await page.$$eval('h3', (hs) => hs.map((h) => (h.textContent ?? '').trim()));
    expect(provisions).toHaveLength(24);
    for (const p of provisions) expect(headings, `item ${p.id}`).toContain(`${p.id} ${p.title.zh}`);
    // 5.1's printed line break stays visible.
    const text = await page.locator('.tsd-typography').first().innerText();
    expect(text).toMatch(/对农村超过 ⏎\n100人不足200人/);

    const screenshot = process.env['JUNHENG_SCREENSHOT'];
    if (screenshot !== undefined && screenshot !== '') await page.screenshot({ path: screenshot, fullPage: false });

    const links = await internalLinks();
    const result = await checkLinks(links);
    console.info(`policy map: ${result.links} internal links to ${result.pages} pages checked`);
    expect(result.broken).toEqual([]);
    expect(result.pages).toBeGreaterThan(25);
  }, 120_000);

  it('links each encoding function to its own API page', async () => {
    await page.goto(base + POLICY_MAP);
    const names = [...new Set(provisions.flatMap((p) => p.implementedBy))].sort();
    expect(names.length).toBeGreaterThan(0);
    const links = await page.$$eval('.tsd-typography a[href*="functions/"]', (as) =>
      as.map((a) => ({ text: (a.textContent ?? '').trim(), href: (a as unknown as { href: string }).href })),
    );
    const api = await browser.newPage();
    for (const name of names) {
      const link = links.find((l) => l.text === name);
      expect(link, `a link to ${name}`).toBeDefined();
      const r = await api.goto(link?.href as string);
      expect(r?.status(), link?.href).toBe(200);
      expect((await api.locator('h1').first().innerText()).trim(), link?.href).toMatch(new RegExp(`\\b${name}\\b`));
    }
    await api.close();
  }, 120_000);

  it('reports a missing page and a missing anchor (the link check can fail)', async () => {
    const result = await checkLinks([`${base}${POLICY_MAP}#no-such-anchor`, `${base}documents/No_such_page.html`, `${base}${PARAMETERS}`]);
    expect(result.broken).toEqual([
      `${base}${POLICY_MAP}#no-such-anchor → no element with that id`,
      `${base}documents/No_such_page.html → HTTP 404`,
    ]);
  }, 60_000);

  it('shows the parameter page with every parameter, and every link on it resolves', async () => {
    const response = await page.goto(base + PARAMETERS);
    expect(response?.status()).toBe(200);
    const headings = await page.$$eval('h3', (hs) => hs.map((h) => (h.textContent ?? '').trim()));
    for (const d of describeParameters()) expect(headings, d.path).toContain(d.path);
    const result = await checkLinks(await internalLinks());
    console.info(`parameters: ${result.links} internal links to ${result.pages} pages checked`);
    expect(result.broken).toEqual([]);
  }, 120_000);
});

// Without Chromium the suite above is skipped; this skipped entry says why in the test report.
if (!hasChromium) it.skip(`docs site in Chromium: needs ${CHROMIUM} (apt-get install chromium)`, () => {});
