// Where allocateBudget spends its time and memory, mapped back to src/ through dist's source maps.
//
//   node bench/profile.mjs [--n 210000] [--top 25]          allocateBudget
//   node bench/profile.mjs --cli [--top 25]                 junheng budget on bench/out/schools.csv
//
// Library: starts itself in a fresh process under `node --cpu-prof --heap-prof`, which generates the
// roster, makes one warm-up call on 10,000 schools and then one call on the whole roster.
// --cli: runs `node cli/dist/junheng.js budget bench/out/schools.csv … --format json` under the same
// profilers (generating the CSV first if it is missing). Profiles go to bench/out/prof/. Then prints: CPU self time by function (file:line in src/), CPU
// inclusive time of the library's functions, and allocation sampling (bytes allocated, by site).
// Roster generation appears in the profiles as bench/generate.mjs and is not part of the library.

import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const PROF = join(BENCH, 'out', 'prof');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const count = Number(opt('--n', 210_000));
const cliMode = args.includes('--cli');
const top = Number(opt('--top', 25));

if (args.includes('--child')) {
  const { generateSchools } = await import('./generate.mjs');
  const { allocateBudget } = await import('../dist/index.js');
  const schools = generateSchools({ count });
  allocateBudget(schools.slice(0, 10_000), { asOf: '2025-09-01', region: 'central' });
  const t0 = performance.now();
  const budget = allocateBudget(schools, { asOf: '2025-09-01', region: 'central' });
  const t1 = performance.now();
  console.log(`allocateBudget(${count}) under the profilers: ${((t1 - t0) / 1000).toFixed(3)} s, total ${budget.total}`);
  process.exit(0);
}

rmSync(PROF, { recursive: true, force: true });
mkdirSync(PROF, { recursive: true });
// Snapshot the build being profiled (all of dist/: the library is one file per module): dist/ may be
// rebuilt (and cleaned) before the profile is read. Source maps are used where the build has them
// (dist/*.js.map); without them, positions are given in dist/ (whose unbundled modules follow src/).
const NEEDED = ['index.js'];
if (cliMode && !existsSync(join(ROOT, 'cli', 'dist', 'junheng.js'))) {
  console.error('bench/profile: cli/dist/junheng.js is missing; build first (npm run build).');
  process.exit(2);
}
for (const f of NEEDED) {
  if (!existsSync(join(ROOT, 'dist', f))) {
    console.error(`bench/profile: dist/${f} is missing; build first (npm run build).`);
    process.exit(2);
  }
}
cpSync(join(ROOT, 'dist'), join(PROF, 'dist'), { recursive: true });
if (!NEEDED.every((f) => existsSync(join(ROOT, 'dist', `${f}.map`)))) console.log('bench/profile: no source maps in dist/ (tsup sourcemap off): positions are given in dist/.');
const PROFILERS = ['--cpu-prof', '--cpu-prof-dir', PROF, '--cpu-prof-interval', '200', '--heap-prof', '--heap-prof-dir', PROF];
let r;
if (cliMode) {
  const csv = join(BENCH, 'out', 'schools.csv');
  if (!existsSync(csv)) {
    const { generateSchools, writeSchoolsCsv } = await import('./generate.mjs');
    await writeSchoolsCsv(generateSchools({ count }), csv);
  }
  const argv = ['cli/dist/junheng.js', 'budget', relative(ROOT, csv), '--as-of', '2025-09-01', '--region', 'central', '--format', 'json'];
  console.log(`profiling: node ${argv.join(' ')} > bench/out/prof/budget.json`);
  const out = openSync(join(PROF, 'budget.json'), 'w');
  const t0 = performance.now();
  r = spawnSync(process.execPath, [...PROFILERS, ...argv], { cwd: ROOT, stdio: ['ignore', out, 'inherit'] });
  closeSync(out);
  console.log(`junheng budget under the profilers: ${((performance.now() - t0) / 1000).toFixed(3)} s (wall, with start-up and profile writing)`);
} else {
  r = spawnSync(process.execPath, [...PROFILERS, fileURLToPath(import.meta.url), '--child', '--n', String(count)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
if (r.status !== 0) process.exit(r.status ?? 1);

// ---- source maps: dist/*.js → src/*.ts:line, read from the snapshot of the profiled build
const maps = new Map();
const DIST = join(ROOT, 'dist');
const snapshot = (file) => (file.startsWith(`${DIST}/`) ? join(PROF, 'dist', relative(DIST, file)) : file);
function mapPosition(url, line, column) {
  if (!url.startsWith('file://')) return undefined;
  const file = fileURLToPath(url);
  if (!maps.has(file)) {
    let map;
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${snapshot(file)}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  const map = maps.get(file);
  if (!map) return `${relative(ROOT, file)}:${line + 1}`;
  const e = map.findEntry(line, column);
  if (!e || !e.originalSource) return `${relative(ROOT, file)}:${line + 1}`;
  const src = e.originalSource.startsWith('file://') ? fileURLToPath(e.originalSource) : join(dirname(file), e.originalSource);
  return `${relative(ROOT, src)}:${e.originalLine + 1}`;
}
function where(frame) {
  const { functionName, url, lineNumber, columnNumber } = frame;
  const name = functionName || '(anonymous)';
  if (!url) return name;
  if (url.includes('/node_modules/')) return `${name}  ${url.slice(url.lastIndexOf('/node_modules/') + 14)}:${lineNumber + 1}`;
  return `${name}  ${mapPosition(url, lineNumber, columnNumber) ?? url}`;
}
const pct = (x, total) => `${((100 * x) / total).toFixed(1).padStart(5)} %`;

// ---- CPU
const cpuFile = readdirSync(PROF).find((f) => f.endsWith('.cpuprofile'));
const cpu = JSON.parse(readFileSync(join(PROF, cpuFile), 'utf8'));
const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
for (let i = 0; i < cpu.samples.length; i++) {
  const dt = cpu.timeDeltas[i] ?? 0;
  selfUs.set(cpu.samples[i], (selfUs.get(cpu.samples[i]) ?? 0) + dt);
}
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
const selfBy = new Map();
for (const n of cpu.nodes) {
  const key = where(n.callFrame);
  selfBy.set(key, (selfBy.get(key) ?? 0) + (selfUs.get(n.id) ?? 0));
}
// Inclusive time: each function counted once per stack (recursion-safe).
const inclBy = new Map();
const parent = new Map();
for (const n of cpu.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
for (const [id, us] of selfUs) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = where(byId.get(cur).callFrame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclBy.set(key, (inclBy.get(key) ?? 0) + us);
  }
}
console.log(`\nCPU profile ${relative(ROOT, join(PROF, cpuFile))}: ${(totalUs / 1e6).toFixed(2)} s sampled in the whole process (${cliMode ? 'start-up, CSV reading and JSON writing included' : 'roster generation included'})\n`);
console.log(`Self time, top ${top}:`);
for (const [k, us] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms ${pct(us, totalUs)}  ${k}`);
console.log(`\nInclusive time of library functions (src/ and dependencies), top ${top}:`);
for (const [k, us] of [...inclBy]
  .filter(([k]) => k.includes('src/') || k.includes('node_modules/'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms ${pct(us, totalUs)}  ${k}`);

// Line-level self time inside the library (V8 position ticks), mapped to src/.
const lines = new Map();
const sources = new Map();
const firstColumn = (file, line) => {
  if (!sources.has(file)) {
    try {
      sources.set(file, readFileSync(snapshot(file), 'utf8').split('\n'));
    } catch {
      sources.set(file, []);
    }
  }
  const text = sources.get(file)[line] ?? '';
  return Math.max(0, text.search(/\S/));
};
const msPerTick = cpu.samples.length ? totalUs / cpu.samples.length / 1000 : 0;
let libraryTicks = 0;
for (const n of cpu.nodes) {
  const { url, functionName } = n.callFrame;
  if (!url.startsWith('file://') || !url.includes('/dist/')) continue;
  const file = fileURLToPath(url);
  for (const { line, ticks } of n.positionTicks ?? []) {
    const at = mapPosition(url, line - 1, firstColumn(file, line - 1)) ?? `${url}:${line}`;
    const key = `${at}  (${functionName || 'anonymous'})`;
    lines.set(key, (lines.get(key) ?? 0) + ticks);
    libraryTicks += ticks;
  }
}
console.log(`\nHot lines in the library's own code (self time, ~${msPerTick.toFixed(2)} ms per tick; ${(libraryTicks * msPerTick).toFixed(0)} ms in all), top ${top}:`);
for (const [k, t] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(t * msPerTick).toFixed(0).padStart(6)} ms  ${k}`);

// ---- Allocation sampling
const heapFile = readdirSync(PROF).find((f) => f.endsWith('.heapprofile'));
if (heapFile) {
  const heap = JSON.parse(readFileSync(join(PROF, heapFile), 'utf8'));
  const bytesBy = new Map();
  let totalBytes = 0;
  const visit = (node) => {
    const self = (node.selfSize ?? 0);
    totalBytes += self;
    if (self > 0) {
      const key = where(node.callFrame);
      bytesBy.set(key, (bytesBy.get(key) ?? 0) + self);
    }
    for (const c of node.children ?? []) visit(c);
  };
  visit(heap.head);
  console.log(`\nAllocation sampling ${relative(ROOT, join(PROF, heapFile))} (sampled; only what is still live when the process exits${cliMode ? ', so little for the CLI' : ''}): ${(totalBytes / 1e6).toFixed(0)} MB; top ${top} sites:`);
  for (const [k, b] of [...bytesBy].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(b / 1e6).toFixed(1).padStart(7)} MB ${pct(b, totalBytes)}  ${k}`);
}
