/**
 * The package users install: the built ESM and CommonJS entries expose the same contract names, and
 * every function a provision lists in `implementedBy` is a real export. `npm test` builds before
 * running the tests; run `npx tsup` first when running this file alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = existsSync(`${root}/dist/index.js`) && existsSync(`${root}/dist/index.cjs`);

const CONTRACT = [
  'PolicyInputError', 'provisions', 'listParameters', 'jsonSchemas', 'Decimal',
  'publicFunding', 'allocateBudget', 'livingSubsidyBudget', 'livingSubsidyEligibility',
  'safePublicFunding', 'safeAllocateBudget', 'safeLivingSubsidyBudget', 'safeLivingSubsidyEligibility',
];

/** Runs a small script against the package by its own name (package self-reference), as a user would. */
function probe(kind: 'esm' | 'cjs'): { names: string[]; implemented: string[]; provisions: number; amount: string; schemas: string[] } {
  const body = `
    const names = Object.keys(j).sort();
    const implemented = [...new Set(j.provisions.flatMap((p) => p.implementedBy))];
    const r = j.publicFunding({ id: 'A', location: 'rural', pupils: { primary: 150 } }, { asOf: '2025-09-01', region: 'central' });
    console.log(JSON.stringify({ names, implemented, provisions: j.provisions.length, amount: r.amount.toString(), schemas: Object.keys(j.jsonSchemas) }));`;
  const script = kind === 'esm' ? `import * as j from 'junheng';${body}` : `const j = require('junheng');${body}`;
  const out = execFileSync(process.execPath, [kind === 'esm' ? '--input-type=module' : '--input-type=commonjs', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as ReturnType<typeof probe>;
}

describe('the built package', () => {
  if (!built) throw new Error('dist/ is missing: run `npx tsup` (npm test builds first)');
  const esm = probe('esm');
  const cjs = probe('cjs');

  it('exposes the contract names under import and require alike', () => {
    for (const name of CONTRACT) {
      expect(esm.names).toContain(name);
      expect(cjs.names).toContain(name);
    }
    expect(cjs.names).toEqual(esm.names);
  });

  it('lists only real exports in implementedBy', () => {
    expect(esm.implemented.length).toBeGreaterThan(0);
    for (const name of esm.implemented) expect(esm.names).toContain(name);
  });

  it('computes the same amount either way, with all 24 provisions and a schema per calculator', () => {
    expect(esm.provisions).toBe(24);
    expect(esm.amount).toBe('120000'); // 150 pupils → funded as 200 (5.1) × 600 yuan (central primary)
    expect(cjs.amount).toBe(esm.amount);
    for (const name of ['publicFunding', 'allocateBudget', 'livingSubsidyBudget', 'livingSubsidyEligibility']) expect(esm.schemas).toContain(name);
    // Every schema is named after a real export.
    for (const name of esm.schemas) expect(esm.names).toContain(name);
  });
});

describe('the library build for browsers and bundlers', () => {
  /** Every ESM module of the build (one per source module, so a bundler keeps only what a host imports). */
  const modules = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));

  it('imports nothing but its three runtime dependencies and its own modules (no Node built-ins)', () => {
    const files = modules(`${root}/dist`);
    expect(files.length).toBeGreaterThan(20);
    const external = new Set<string>();
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/^(?:import|export) [^;]*? from ['"]([^'"]+)['"]/gm)) {
        const name = m[1] as string;
        if (!name.startsWith('.')) external.add(name);
      }
      expect(code, file).not.toMatch(/\brequire\(|from ['"]node:/);
    }
    // The packages themselves, by their entry or a subpath (zod/mini, date-fns/format).
    for (const name of external) expect(['zod', 'date-fns', 'decimal.js'], name).toContain(name.split('/')[0]);
    expect([...external].some((n) => n.startsWith('zod'))).toBe(true);
  });
});
