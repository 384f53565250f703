// The class-size report at national scale: `npm run build --silent && node bench/classes.mjs`.
//
//   node bench/classes.mjs [--n 3600000] [--runs 5] [--seed 20250901] [--cli] [--cli-runs 3]
//
// 1. A FRESH child process generates N classes deterministically (≈ 17 per school over ≈ 210,000
//    schools in ≈ 40,000 towns; sizes 20–75, so every band occurs; a few incomplete primary
//    schools) and runs `classSizeReport` (grouped by school and town, the default) `runs` times
//    after one cold run. It reports the cold time, the median of the warm runs, and its peak RSS
//    (`process.resourceUsage().maxRSS`), and checks the counts against a plain loop.
// 2. With --cli, it also writes the roster to bench/out/classes.csv (reused when bench/out/classes.json
//    says it holds the same N and seed) and runs, side by side and interleaved run by run (so a busy
//    machine slows both alike), `node cli/dist/junheng.js classes bench/out/classes.csv --as-of 2025-09-01
//    --format json` and the plain Node loop bench/plain-classes.mjs on the same file: median wall
//    time of `--cli-runs` (default 3), peak RSS (/usr/bin/time), and the ratio junheng ÷ plain loop
//    (target ≤ 1.5). The two outputs must be identical.
//
// Target: the report over 3.6 million classes under 2 s.

import { mulberry32 } from './generate.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, createWriteStream, existsSync, readFileSync, writeFileSync, closeSync, openSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const N = opt('--n', 3_600_000);
const RUNS = opt('--runs', 5);
const SEED = opt('--seed', 20250901);
const TARGET_S = 2;
const CLI_RUNS = opt('--cli-runs', 3);
const CLI_RATIO_TARGET = 1.5;

/** A small deterministic PRNG: the roster generator's mulberry32. */
const rng = mulberry32;

function generate(n, seed) {
  const random = rng(seed);
  const LOC = ['urban', 'town', 'rural'];
  const classes = new Array(n);
  let school = 0;
  let left = 0;
  let schoolId = '';
  let town = '';
  let location = 'urban';
  let junior = false;
  let incomplete = false;
  for (let i = 0; i < n; i++) {
    if (left === 0) {
      school++;
      left = 6 + Math.floor(random() * 24); // 6..29 classes, mean ≈ 17
      schoolId = `S${school}`;
      town = `T${Math.floor(school / 5)}`;
      location = LOC[Math.floor(random() * 3)];
      junior = random() < 0.3;
      incomplete = !junior && location === 'rural' && random() < 0.1;
    }
    left--;
    const size = 20 + Math.floor(random() * 56); // 20..75
    const c = { id: `${schoolId}-${left}`, schoolId, town, location, stage: junior ? 'junior' : 'primary', size };
    if (incomplete) c.incomplete = true;
    classes[i] = c;
  }
  return { classes, schools: school };
}

async function worker() {
  const lib = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  const t0 = performance.now();
  const { classes, schools } = generate(N, SEED);
  const generateMs = performance.now() - t0;

  const options = { asOf: '2025-09-01' };
  const times = [];
  let report;
  for (let r = 0; r <= RUNS; r++) {
    const start = performance.now();
    report = lib.classSizeReport(classes, options);
    times.push(performance.now() - start);
  }
  // Check against a plain loop.
  const expected = [0, 0, 0, 0];
  for (const c of classes) {
    const standard = c.stage === 'junior' ? 50 : c.incomplete ? 30 : 45;
    expected[c.size >= 66 ? 3 : c.size >= 56 ? 2 : c.size > standard ? 1 : 0]++;
  }
  const got = [report.byStatus.standard, report.byStatus['over-standard'], report.byStatus.large, report.byStatus['super-large']];
  const ok = got.every((v, i) => v === expected[i]) && report.total === N;
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)] ?? times[0];
  process.stdout.write(
    JSON.stringify({
      n: N,
      schools,
      towns: report.groups.town.length,
      generateMs: Math.round(generateMs),
      coldMs: Math.round(times[0]),
      medianMs: Math.round(median),
      runsMs: times.map((t) => Math.round(t)),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      byStatus: report.byStatus,
      largeShare: report.largeShare,
      countsOk: ok,
    }),
  );
}

async function writeCsv(file) {
  const { classes } = generate(N, SEED);
  mkdirSync(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  out.write('id,school,town,location,stage,size,incomplete\n');
  let chunk = '';
  for (const c of classes) {
    chunk += `${c.id},${c.schoolId},${c.town},${c.location},${c.stage},${c.size},${c.incomplete ? 'true' : ''}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise((r) => out.end(r));
}

if (args.includes('--worker')) {
  await worker();
} else if (args.includes('--write-csv')) {
  await writeCsv(join(BENCH, 'out', 'classes.csv'));
} else {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [self, '--worker', '--n', String(N), '--runs', String(RUNS), '--seed', String(SEED)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    process.exit(1);
  }
  const r = JSON.parse(child.stdout);
  const pass = r.medianMs / 1000 < TARGET_S && r.countsOk;
  console.log(`classSizeReport over ${r.n.toLocaleString('en')} classes (${r.schools.toLocaleString('en')} schools, ${r.towns.toLocaleString('en')} towns), grouped by school and town`);
  console.log(`  cold ${r.coldMs} ms, median of ${RUNS} warm runs ${r.medianMs} ms (runs: ${r.runsMs.join(', ')} ms)`);
  console.log(`  peak RSS of the process ${r.maxRssMB} MB (including the ${r.n.toLocaleString('en')} input objects, generated in ${r.generateMs} ms)`);
  console.log(`  bands ${JSON.stringify(r.byStatus)}, large share ${r.largeShare.toFixed(4)}; counts ${r.countsOk ? 'match' : 'DIFFER from'} a plain loop`);
  console.log(`  target < ${TARGET_S} s: ${pass ? 'PASS' : 'FAIL'}`);
  if (args.includes('--cli')) sideBySide();
  if (!pass) process.exitCode = 1;
}

/** junheng classes beside the plain loop, on the same CSV, interleaved. */
function sideBySide() {
  const OUT = join(BENCH, 'out');
  const csv = join(OUT, 'classes.csv');
  const stamp = join(OUT, 'classes.json');
  const want = JSON.stringify({ n: N, seed: SEED });
  if (!existsSync(csv) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== want) {
    rmSync(stamp, { force: true });
    const w = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--write-csv', '--n', String(N), '--seed', String(SEED)], { stdio: 'inherit' });
    if (w.status !== 0) {
      console.error('bench: could not write the classes CSV');
      process.exitCode = 1;
      return;
    }
    writeFileSync(stamp, want);
  }
  const contenders = [
    { name: 'junheng classes', argv: [join(ROOT, 'cli', 'dist', 'junheng.js'), 'classes', csv, '--as-of', '2025-09-01', '--format', 'json'] },
    { name: 'plain Node loop', argv: [join(BENCH, 'plain-classes.mjs'), csv] },
  ];
  const measured = contenders.map(() => []);
  const digests = [];
  const outFile = join(OUT, 'classes-side.json');
  for (let i = 0; i < CLI_RUNS; i++) {
    for (const [k, c] of contenders.entries()) {
      const fd = openSync(outFile, 'w');
      const start = performance.now();
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...c.argv], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      const seconds = (performance.now() - start) / 1000;
      closeSync(fd);
      if (r.status !== 0) {
        console.error(`bench: ${c.name} exited with ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
        process.exitCode = 1;
        return;
      }
      measured[k].push({ seconds, rssMB: Number(r.stderr.trim().split('\n').at(-1)) / 1024 });
      if (i === 0) digests[k] = createHash('sha256').update(readFileSync(outFile)).digest('hex');
    }
  }
  const med = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[s.length >> 1];
  };
  rmSync(outFile, { force: true });
  const same = digests.every((d) => d === digests[0]);
  const results = contenders.map((c, k) => ({ name: c.name, seconds: med(measured[k].map((m) => m.seconds)), runs: measured[k].map((m) => m.seconds), rssMB: Math.max(...measured[k].map((m) => m.rssMB)) }));
  const ratio = results[0].seconds / results[1].seconds;
  console.log(`Side by side, ${N.toLocaleString('en')} classes CSV → JSON (same file, ${CLI_RUNS} interleaved runs each; peak RSS via /usr/bin/time):`);
  for (const r of results) console.log(`  ${r.name.padEnd(16)} median ${r.seconds.toFixed(2)} s (runs ${r.runs.map((x) => x.toFixed(2)).join(', ')}), peak RSS ${r.rssMB.toFixed(0)} MB`);
  console.log(`  junheng ÷ plain loop: ${ratio.toFixed(2)}× (target ≤ ${CLI_RATIO_TARGET}×: ${ratio <= CLI_RATIO_TARGET ? 'PASS' : 'FAIL'}); outputs ${same ? 'identical' : 'DIFFER'}`);
  if (!same) process.exitCode = 1;
}
