// The national-scale benchmark: `npm run bench` (builds first) or `node bench/run.mjs` (uses dist/ as is).
//
//   node bench/run.mjs [--strict] [--n 210000] [--seed 20250901] [--runs 5] [--cli-runs 3] [--rss-probe] [--cli cli/dist/junheng.js]
//
// 1. Generates a deterministic roster of N schools (bench/generate.mjs) into bench/out/schools.csv.
// 2. Each scenario runs in a FRESH child process, so its peak memory is its own:
//    - allocateBudget:      bench/lib-worker.mjs --scenario allocate (1 cold run, median of `runs`)
//    - allocateBudget lazy: bench/lib-worker.mjs --scenario lazy (Σ amounts + 1,000 explanations)
//    - junheng budget:      node cli/dist/junheng.js budget bench/out/schools.csv --as-of 2025-09-01
//                           --region central --format json > bench/out/budget.json
//                           (median wall time of `cli-runs`; max RSS from /usr/bin/time, or from
//                           bench/rss-probe.mjs preloaded into the CLI with --rss-probe or without
//                           /usr/bin/time); the output must parse and its total equal the library's.
// 3. Prints a table and writes bench/out/results.json.
//
// Exit status: 1 when a scenario breaks (a crash, a non-zero CLI exit, an unreadable output, totals
// that differ); with --strict also when a target is missed or a scenario had to be skipped.
// Otherwise 0, even when targets are missed (the table says FAIL).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, type as osType, release as osRelease } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateSchools, writeSchoolsCsv, describeSchools, DEFAULT_SEED, NATIONAL_COUNT } from './generate.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const OUT = join(BENCH, 'out');
const DIST_INDEX = join(ROOT, 'dist', 'index.js');
const TIME = '/usr/bin/time';
const MB = 1e6;

const TARGETS = { allocateSeconds: 0.5, cliSeconds: 1.5, peakRssMB: 500 };

// ---------------------------------------------------------------------------------------------
// Arguments
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
if (flag('--help') || flag('-h')) {
  console.log('node bench/run.mjs [--strict] [--n 210000] [--seed 20250901] [--runs 5] [--cli-runs 3] [--rss-probe] [--cli cli/dist/junheng.js]');
  process.exit(0);
}
const strict = flag('--strict');
const count = Number(opt('--n', NATIONAL_COUNT));
const seed = Number(opt('--seed', DEFAULT_SEED));
const runs = Number(opt('--runs', 5));
const cliRuns = Number(opt('--cli-runs', 3));
const useProbe = flag('--rss-probe') || !existsSync(TIME);
const DIST_CLI = resolve(ROOT, opt('--cli', join('cli', 'dist', 'junheng.js')));
for (const [name, v] of Object.entries({ '--n': count, '--seed': seed, '--runs': runs, '--cli-runs': cliRuns })) {
  if (!Number.isSafeInteger(v) || v < (name === '--n' || name === '--seed' ? 0 : 1)) {
    console.error(`bench: ${name} must be a whole number, got ${opt(name)}`);
    process.exit(2);
  }
}

if (!existsSync(DIST_INDEX)) {
  console.error('bench: dist/index.js is missing; run `npm run bench` (which builds) or `npm run build` first.');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Helpers
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 4) => Number(x.toFixed(digits));
const rel = (p) => relative(process.cwd(), p) || '.';

/** Runs a command; resolves with { code, signal, stdout, stderr, seconds }. */
function run(command, argv, { stdoutFile, env } = {}) {
  return new Promise((resolvePromise, reject) => {
    const fd = stdoutFile ? openSync(stdoutFile, 'w') : undefined;
    const t0 = performance.now();
    const child = spawn(command, argv, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', fd ?? 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', (e) => {
      if (fd !== undefined) closeSync(fd);
      reject(e);
    });
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - t0) / 1000;
      if (fd !== undefined) closeSync(fd);
      resolvePromise({ code, signal, stdout, stderr, seconds });
    });
  });
}

function fail(message) {
  return { ok: false, error: message };
}

// ---------------------------------------------------------------------------------------------
// 1. The roster
await mkdir(OUT, { recursive: true });
const csvPath = join(OUT, 'schools.csv');
const tGen = performance.now();
const roster = generateSchools({ count, seed });
const written = await writeSchoolsCsv(roster, csvPath);
const rosterInfo = { ...describeSchools(roster), seed, csv: rel(csvPath), csvBytes: written.bytes };
roster.length = 0; // not needed here any more; the workers regenerate it (same seed, same rows)
console.log(
  `Roster: ${count.toLocaleString('en')} schools (seed ${seed}) → ${rel(csvPath)} ` +
    `(${(written.bytes / MB).toFixed(1)} MB) in ${((performance.now() - tGen) / 1000).toFixed(2)} s`,
);
console.log(
  `  urban ${rosterInfo.byLocation.urban}, town ${rosterInfo.byLocation.town}, rural ${rosterInfo.byLocation.rural}; ` +
    `teaching points ${rosterInfo.byKind['teaching-point']}, special-education ${rosterInfo.byKind['special-education']}; ` +
    `${rosterInfo.pupils.toLocaleString('en')} pupils, ${rosterInfo.boarders.toLocaleString('en')} boarders`,
);
const loadAtStart = loadavg()[0];
console.log(`Node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), ${osType()} ${osRelease()}; load average ${loadAtStart.toFixed(2)}`);
if (loadAtStart > cpus().length / 2) console.log('  (the machine is busy: timings will be slower and noisier than on an idle machine)');
console.log('');

// ---------------------------------------------------------------------------------------------
// 2a. Library scenarios, each in a fresh process
async function libScenario(scenario) {
  process.stdout.write(`… ${scenario === 'allocate' ? 'allocateBudget' : 'allocateBudget + Σ + 1,000 explanations'} (fresh process, 1 cold + ${runs} runs)\n`);
  const r = await run(process.execPath, [
    '--expose-gc',
    join(BENCH, 'lib-worker.mjs'),
    '--scenario', scenario, '--n', String(count), '--seed', String(seed), '--runs', String(runs),
  ]);
  if (r.code !== 0) return fail(`worker exited with ${r.code ?? r.signal}: ${r.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  try {
    return { ok: true, ...JSON.parse(r.stdout.trim().split('\n').at(-1)) };
  } catch (e) {
    return fail(`worker output unreadable: ${e.message}`);
  }
}

const allocate = await libScenario('allocate');
const lazy = await libScenario('lazy');

// ---------------------------------------------------------------------------------------------
// 2b. The CLI end to end
async function cliScenario(expectedTotal) {
  const fromRoot = (p) => relative(ROOT, p);
  const cliArgs = [fromRoot(DIST_CLI), 'budget', fromRoot(csvPath), '--as-of', '2025-09-01', '--region', 'central', '--format', 'json'];
  const outFile = join(OUT, 'budget.json');
  const command = `node ${cliArgs.join(' ')} > ${fromRoot(outFile)}`;
  if (!existsSync(DIST_CLI)) {
    const isDefault = DIST_CLI === join(ROOT, 'cli', 'dist', 'junheng.js');
    const src = existsSync(join(ROOT, 'src', 'cli', 'main.ts'));
    return {
      ok: true,
      skipped: true,
      command,
      reason: !isDefault
        ? `${fromRoot(DIST_CLI)} does not exist.`
        : src
          ? 'cli/dist/junheng.js is missing though cli/src/main.ts exists: build first (`npm run bench` builds; or `npm run build`).'
          : 'cli/dist/junheng.js is missing and cli/src/main.ts does not exist yet: the junheng command has not been written.',
    };
  }
  process.stdout.write(`… junheng budget, CSV in → JSON out (fresh process each, ${cliRuns} runs, RSS via ${useProbe ? 'rss-probe' : TIME})\n`);
  const timeFile = join(OUT, 'time.txt');
  const rssFile = join(OUT, 'rss.json');
  const result = { ok: true, command, rssSource: useProbe ? 'bench/rss-probe.mjs (process.resourceUsage().maxRSS)' : `${TIME} -f %M` };
  const broke = (message) => Object.assign(result, { ok: false, error: message });

  const measured = [];
  for (let i = 0; i < cliRuns; i++) {
    rmSync(timeFile, { force: true });
    rmSync(rssFile, { force: true });
    const r = useProbe
      ? await run(process.execPath, ['--import', './bench/rss-probe.mjs', ...cliArgs], { stdoutFile: outFile, env: { JUNHENG_BENCH_RSS_OUT: rssFile } })
      : await run(TIME, ['-f', '%e %M', '-o', timeFile, process.execPath, ...cliArgs], { stdoutFile: outFile });
    if (r.code !== 0) {
      const stderr = r.stderr.trim().split('\n').slice(-5).join(' | ');
      return broke(`the command exited with ${r.code ?? r.signal}${stderr ? `: ${stderr}` : ''}`);
    }
    let maxRssKiB;
    try {
      maxRssKiB = useProbe
        ? JSON.parse(readFileSync(rssFile, 'utf8')).maxRSSKiB
        : Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ')[1]);
      if (!Number.isFinite(maxRssKiB)) throw new Error(`got ${maxRssKiB}`);
    } catch (e) {
      return broke(`could not read the command's peak memory: ${e.message}`);
    }
    measured.push({ seconds: r.seconds, peakRssMB: (maxRssKiB * 1024) / MB });
  }
  Object.assign(result, {
    runsSeconds: measured.map((m) => round(m.seconds)),
    medianSeconds: round(median(measured.map((m) => m.seconds))),
    peakRssMB: round(Math.max(...measured.map((m) => m.peakRssMB)), 1),
    runsPeakRssMB: measured.map((m) => round(m.peakRssMB, 1)),
  });

  // Verify the last output: it parses, lists every school, its amounts add up to its total, and
  // its total is allocateBudget's.
  const verification = (result.verification = { outputBytes: statSync(outFile).size, libraryTotal: expectedTotal });
  let parsed;
  try {
    parsed = JSON.parse(await readFile(outFile, 'utf8'));
  } catch (e) {
    return broke(`${rel(outFile)} is not JSON: ${e.message}`);
  }
  const found = findTotal(parsed);
  if (found === undefined) return broke(`no total in ${rel(outFile)} (looked for "total" at the top level and one level down)`);
  Object.assign(verification, { cliTotal: found.value, totalAt: found.at });
  const { Decimal } = await import(pathToHref(DIST_INDEX));
  const decimal = (v) => {
    try {
      return new Decimal(String(v));
    } catch {
      return undefined;
    }
  };
  const cliTotal = decimal(found.value);
  if (cliTotal === undefined) return broke(`the CLI's total ${JSON.stringify(found.value)} is not a number`);
  const list = Array.isArray(parsed?.schools) ? parsed.schools : Array.isArray(parsed?.budget?.schools) ? parsed.budget.schools : undefined;
  if (list !== undefined) {
    verification.cliSchools = list.length;
    if (list.length !== count) return broke(`the CLI's output lists ${list.length} schools, expected ${count}`);
    const amounts = list.map((s) => (s !== null && typeof s === 'object' ? decimal(s.amount) : undefined));
    if (amounts.every((a) => a !== undefined)) {
      const sum = amounts.reduce((acc, a) => acc.plus(a), new Decimal(0));
      verification.cliAmountsSumToTotal = sum.eq(cliTotal);
      if (!verification.cliAmountsSumToTotal) return broke(`the CLI's per-school amounts add up to ${sum}, not to its total ${found.value}`);
    }
  }
  if (expectedTotal === undefined) return broke('the library scenario failed, so there is no total to compare with');
  verification.totalsEqual = cliTotal.eq(new Decimal(expectedTotal));
  if (!verification.totalsEqual) return broke(`the CLI's total ${found.value} (at ${found.at}) differs from allocateBudget's ${expectedTotal}`);
  return result;
}

function pathToHref(p) {
  return new URL(`file://${p}`).href;
}

/** The budget total in the CLI's JSON: `total` at the top, or one level down (`budget.total`, …). */
function findTotal(obj) {
  const usable = (v) => typeof v === 'string' || typeof v === 'number';
  if (obj === null || typeof obj !== 'object') return undefined;
  if (usable(obj.total)) return { value: obj.total, at: 'total' };
  for (const [k, v] of Object.entries(obj)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && usable(v.total)) return { value: v.total, at: `${k}.total` };
  }
  return undefined;
}

const cli = await cliScenario(allocate.ok ? allocate.total : undefined);

// ---------------------------------------------------------------------------------------------
// 2c. Side by side on the same file, interleaved run by run (so a busy machine slows all alike):
//     junheng budget, a plain Node loop doing only the arithmetic (bench/plain-budget.mjs), and —
//     when `import pandas` works — the pandas script an analyst might write (bench/pandas_budget.py).
//     Each must print the library's total. Ratios are junheng's median time ÷ the other's.
function findPython() {
  for (const python of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(python, ['-c', 'import pandas'], { stdio: 'ignore' });
    if (r.status === 0) return python;
  }
  return undefined;
}

async function sideBySide(expectedTotal) {
  if (!existsSync(DIST_CLI) || existsSync(TIME) === false) return { skipped: true, reason: existsSync(DIST_CLI) ? `${TIME} is missing` : 'cli/dist/junheng.js is missing' };
  const fromRoot = (p) => relative(ROOT, p);
  const python = findPython();
  const contenders = [
    { name: 'junheng budget', command: process.execPath, argv: [fromRoot(DIST_CLI), 'budget', fromRoot(csvPath), '--as-of', '2025-09-01', '--region', 'central', '--format', 'json'] },
    { name: 'plain Node loop', command: process.execPath, argv: [fromRoot(join(BENCH, 'plain-budget.mjs')), fromRoot(csvPath)] },
    ...(python === undefined ? [] : [{ name: 'pandas script', command: python, argv: [fromRoot(join(BENCH, 'pandas_budget.py')), fromRoot(csvPath)] }]),
  ];
  process.stdout.write(`… side by side, CSV in → JSON out: ${contenders.map((c) => c.name).join(', ')} (${cliRuns} interleaved runs each)${python === undefined ? '; pandas not found (apt-get install python3-pandas)' : ''}\n`);
  const timeFile = join(OUT, 'time-side.txt');
  const outFile = join(OUT, 'side.json');
  const measured = contenders.map(() => []);
  for (let i = 0; i < cliRuns; i++) {
    for (const [k, c] of contenders.entries()) {
      rmSync(timeFile, { force: true });
      const r = await run(TIME, ['-f', '%e %M', '-o', timeFile, c.command, ...c.argv], { stdoutFile: outFile });
      if (r.code !== 0) return { error: `${c.name} exited with ${r.code ?? r.signal}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` };
      const rssKiB = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ')[1]);
      measured[k].push({ seconds: r.seconds, peakRssMB: (rssKiB * 1024) / MB });
      if (i === 0) {
        const total = JSON.parse(readFileSync(outFile, 'utf8')).total;
        if (expectedTotal !== undefined && total !== String(expectedTotal)) return { error: `${c.name} printed the total ${total}, not the library's ${expectedTotal}` };
      }
    }
  }
  const results = contenders.map((c, k) => ({
    name: c.name,
    medianSeconds: round(median(measured[k].map((m) => m.seconds))),
    runsSeconds: measured[k].map((m) => round(m.seconds)),
    peakRssMB: round(Math.max(...measured[k].map((m) => m.peakRssMB)), 1),
  }));
  const junheng = results[0];
  for (const r of results) r.junhengRatio = round(junheng.medianSeconds / r.medianSeconds);
  return { results };
}

const side = await sideBySide(allocate.ok ? allocate.total : undefined);

// ---------------------------------------------------------------------------------------------
// 3. Report
const verdict = (value, target) => (value === undefined ? 'n/a' : value < target ? 'PASS' : 'FAIL');
const rows = [];
function addRow(name, s, timeTarget) {
  if (s.skipped) {
    rows.push({ name, time: '—', timeTarget: timeTarget ? `< ${timeTarget} s` : '—', rss: '—', rssTarget: `< ${TARGETS.peakRssMB} MB`, result: 'SKIP' });
    return;
  }
  if (!s.ok && s.medianSeconds === undefined) {
    rows.push({ name, time: '—', timeTarget: timeTarget ? `< ${timeTarget} s` : '—', rss: '—', rssTarget: `< ${TARGETS.peakRssMB} MB`, result: 'ERROR' });
    return;
  }
  const timeOk = timeTarget === undefined ? 'PASS' : verdict(s.medianSeconds, timeTarget);
  const rssOk = verdict(s.peakRssMB, TARGETS.peakRssMB);
  const result = !s.ok ? 'ERROR' : timeOk === 'PASS' && rssOk === 'PASS' ? 'PASS' : 'FAIL';
  rows.push({
    name,
    time: `${s.medianSeconds.toFixed(3)} s`,
    timeTarget: timeTarget ? `< ${timeTarget} s` : '—',
    rss: `${s.peakRssMB.toFixed(0)} MB`,
    rssTarget: `< ${TARGETS.peakRssMB} MB`,
    result: result === 'FAIL' ? `FAIL (${[timeOk === 'FAIL' && 'time', rssOk === 'FAIL' && 'memory'].filter(Boolean).join(', ')})` : result,
  });
}
addRow(`allocateBudget, ${count.toLocaleString('en')} schools`, allocate, TARGETS.allocateSeconds);
addRow('  + Σ amounts + 1,000 explanations', lazy, undefined);
addRow('junheng budget CSV→JSON, end to end', cli, TARGETS.cliSeconds);

const header = { name: 'scenario', time: 'time (median)', timeTarget: 'target', rss: 'peak RSS', rssTarget: 'target', result: 'result' };
const cols = Object.keys(header);
const widths = Object.fromEntries(cols.map((c) => [c, Math.max(header[c].length, ...rows.map((r) => r[c].length))]));
const line = (r) => cols.map((c) => (c === 'name' || c === 'result' ? r[c].padEnd(widths[c]) : r[c].padStart(widths[c]))).join('  ');
console.log('\n' + line(header));
console.log(cols.map((c) => '-'.repeat(widths[c])).join('  '));
for (const r of rows) console.log(line(r));

console.log('');
if (allocate.ok) {
  console.log(`allocateBudget: cold (first) run ${allocate.coldSeconds.toFixed(3)} s; runs ${allocate.runsSeconds.map((x) => x.toFixed(3)).join(', ')} s`);
  console.log(`  heapUsed after the call ${allocate.heapUsedAfterCallMB.toFixed(0)} MB; RSS with the roster alone ${allocate.rssAfterRosterMB.toFixed(0)} MB; total ${allocate.total} yuan`);
} else console.log(`allocateBudget: ERROR ${allocate.error}`);
if (lazy.ok) {
  console.log(
    `lazy: call ${lazy.medianCallSeconds.toFixed(3)} s + Σ ${count.toLocaleString('en')} amounts ${lazy.medianSumSeconds.toFixed(3)} s + ` +
      `${lazy.explained} explanations ${lazy.medianExplainSeconds.toFixed(3)} s (cold ${lazy.coldExplainSeconds.toFixed(3)} s, ${lazy.explanationSteps} steps); ` +
      `heapUsed after all ${lazy.heapUsedAfterAllMB.toFixed(0)} MB`,
  );
} else console.log(`lazy: ERROR ${lazy.error}`);
if (cli.skipped) console.log(`junheng budget: SKIPPED — ${cli.reason}`);
else {
  if (cli.runsSeconds) {
    console.log(`junheng budget: runs ${cli.runsSeconds.map((x) => x.toFixed(3)).join(', ')} s; peak RSS ${cli.runsPeakRssMB.join(', ')} MB (${cli.rssSource})`);
    const v = cli.verification;
    console.log(
      `  output ${(v.outputBytes / MB).toFixed(1)} MB, ${v.cliSchools ?? '?'} schools; total ${v.cliTotal} (at ${v.totalAt ?? '?'}) ` +
        `${v.totalsEqual === undefined ? 'vs' : v.totalsEqual ? '=' : '≠'} allocateBudget's ${v.libraryTotal}` +
        (v.cliAmountsSumToTotal === undefined ? '' : `; per-school amounts ${v.cliAmountsSumToTotal ? 'add up to' : 'do NOT add up to'} the total`),
    );
  }
  if (!cli.ok) console.log(`junheng budget: ERROR ${cli.error}`);
  console.log(`  command: ${cli.command}`);
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  loadAverage1m: { start: round(loadAtStart, 2), end: round(loadavg()[0], 2) },
  platform: { os: `${osType()} ${osRelease()}`, arch: process.arch, cpus: cpus().length, cpuModel: cpus()[0]?.model, totalMemoryMB: Math.round(totalmem() / MB) },
  units: { time: 'seconds', memory: 'MB (10^6 bytes); peak = maximum resident set size' },
  targets: TARGETS,
  roster: rosterInfo,
  protocol: {
    library: `fresh process per scenario (node --expose-gc), roster generated untimed, gc() before each call, 1 cold run then median of ${runs}`,
    cli: `fresh process per run, median wall time of ${cliRuns} (spawn to exit, node start-up included), peak RSS = max over the runs`,
  },
  scenarios: { allocateBudget: allocate, allocateBudgetLazy: lazy, cliBudget: cli, sideBySide: side },
  table: rows,
};
if (side.results !== undefined) {
  console.log('\nSide by side (same file, CSV → JSON, interleaved; ratio = junheng time ÷ that time):');
  for (const r of side.results) {
    console.log(`  ${r.name.padEnd(16)} ${r.medianSeconds.toFixed(3)} s (runs ${r.runsSeconds.map((x) => x.toFixed(2)).join(', ')})  peak RSS ${r.peakRssMB.toFixed(0)} MB${r.name === 'junheng budget' ? '' : `  junheng ÷ this: ${r.junhengRatio.toFixed(2)}×`}`);
  }
} else console.log(`\nSide by side: ${side.error ?? `SKIPPED — ${side.reason}`}`);
await writeFile(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nResults: ${rel(join(OUT, 'results.json'))}`);

const broken = [allocate, lazy, cli].some((s) => !s.ok);
const missed = rows.some((r) => r.result !== 'PASS');
if (broken) {
  console.error('bench: a scenario broke (see ERROR above).');
  process.exit(1);
}
if (strict && missed) {
  console.error('bench --strict: a target was missed or a scenario was skipped.');
  process.exit(1);
}
