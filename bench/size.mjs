#!/usr/bin/env node
/**
 * What a host pays for importing junheng, measured on the built package (dist/):
 *
 * - the minified + gzipped size of a browser bundle (esbuild, ESM, tree-shaken) that imports only
 *   `publicFunding`, and of one that imports the whole library (dependencies included);
 * - the time `require('junheng')` and `import('junheng')` add over a bare `node -e 0`, median of
 *   several fresh processes run in the same invocation.
 *
 * Targets (issue 8): one import ≤ 60 KB gzipped; start-up cost ≤ 0.12 s.
 *
 *   node bench/size.mjs            # after `npm run build`
 *   node bench/size.mjs --runs 9
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;

async function bundleSize(code) {
  const dir = mkdtempSync(join(tmpdir(), 'junheng-size-'));
  try {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, code);
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      alias: { junheng: join(root, 'dist', 'index.js') },
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'silent',
    });
    const bytes = out.outputFiles[0].contents;
    return { min: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function startup(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd: root, stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const one = await bundleSize(`import { publicFunding } from 'junheng';\nconsole.log(publicFunding({ id: 'A', location: 'rural', pupils: { primary: 150 } }, { asOf: '2025-09-01', region: 'central' }).amount.toString());\n`);
const all = await bundleSize(`import * as junheng from 'junheng';\nconsole.log(Object.keys(junheng).length);\n`);
const bare = startup(['-e', '0']);
const req = startup(['-e', "require('./dist/index.cjs')"]);
const imp = startup(['--input-type=module', '-e', "await import('./dist/index.js')"]);

console.log('junheng — what a host pays for an import (dist/, esbuild minify + gzip -9)');
console.log(`  bundle importing only publicFunding: ${kb(one.gz)} gzipped (${kb(one.min)} minified)   target ≤ 60 KB`);
console.log(`  bundle importing the whole library:  ${kb(all.gz)} gzipped (${kb(all.min)} minified)`);
console.log(`  node -e 0:                    ${bare.toFixed(3)} s (median of ${runs})`);
console.log(`  require('junheng') adds:      ${(req - bare).toFixed(3)} s   target ≤ 0.12 s`);
console.log(`  import('junheng') adds:       ${(imp - bare).toFixed(3)} s   target ≤ 0.12 s`);
