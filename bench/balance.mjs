// The 优质均衡 benchmark: `node bench/balance.mjs [--runs 5]` after `npm run build --silent` (uses dist/).
//
// Two scenarios, each in a FRESH child process so that its peak memory is its own:
//   province: 100 counties × 150 school rows (15,000 rows)          target < 0.5 s
//   country:  2,800 counties, 200,000 school rows (≈ 71 per county) target < 3 s
// Each child generates its counties deterministically (not timed), then times
// `assessCounties(counties, { asOf: '2025-09-01' })` — validation, parameters, every school's seven
// exact threshold decisions, every coefficient — once cold and `runs` more times, and reports the
// cold time and the median. Peak RSS (process.resourceUsage().maxRSS) is measured in another fresh
// child that makes ONE call (repeated calls only measure how lazily the collector returns memory),
// with the RSS of the generated input alone beside it. Explanations are lazy and not read; one
// county's explanation is read at the end to make sure it builds.
//
// Exit status 1 when a scenario crashes or misses its target.

import { mulberry32 } from './generate.mjs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const HERE = fileURLToPath(import.meta.url);
const ROOT = dirname(dirname(HERE));
const SCENARIOS = {
  province: { counties: 100, rows: 15_000, target: 0.5 },
  country: { counties: 2_800, rows: 200_000, target: 3 },
};

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = Number(opt('--runs', 5));

/** A small deterministic PRNG: the roster generator's mulberry32. */
const rng = mulberry32;

/** Counties whose rows are near the thresholds (most pass, some miss), as a county file holds them. */
function generate(counties, rows, seed = 20250901) {
  const rand = rng(seed);
  const out = [];
  const T = { primary: [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3], junior: [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4] };
  let made = 0;
  for (let c = 0; c < counties; c++) {
    const n = Math.round((rows - made) / (counties - c));
    const schools = new Array(n);
    for (let i = 0; i < n; i++) {
      const stage = i % 3 === 2 ? 'junior' : 'primary';
      const t = T[stage];
      const teachingPoint = rand() < 0.05;
      const pupils = teachingPoint ? 10 + Math.floor(rand() * 80) : 100 + Math.floor(rand() * 2400);
      const m = () => (rand() < 0.01 ? 0.8 + rand() * 0.2 : 1.02 + rand() * 0.4);
      schools[i] = {
        id: `C${c}-S${i}`,
        stage,
        ...(teachingPoint ? { kind: 'teaching-point' } : {}),
        pupils,
        qualifiedTeachers: Math.ceil((t[0] * m() * pupils) / 100),
        backboneTeachers: Math.ceil((t[1] * m() * pupils) / 100),
        peArtTeachers: Math.ceil((t[2] * m() * pupils) / 100),
        teachingAuxiliaryArea: Math.round(t[3] * m() * pupils * 100) / 100,
        sportsArea: Math.round(t[4] * m() * pupils * 10) / 10,
        equipmentValue: String(Math.round(t[5] * m() * pupils)),
        multimediaClassrooms: Math.ceil((t[6] * m() * pupils) / 100),
      };
    }
    made += n;
    out.push({ id: `C${c}`, schools });
  }
  return out;
}

async function worker(name, once) {
  const s = SCENARIOS[name];
  const { assessCounties } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  const counties = generate(s.counties, s.rows);
  const rowCount = counties.reduce((a, c) => a + c.schools.length, 0);
  const inputRssMB = process.resourceUsage().maxRSS / 1024;
  const times = [];
  let result;
  for (let i = 0; i <= (once ? 0 : runs); i++) {
    const t0 = performance.now();
    result = assessCounties(counties, { asOf: '2025-09-01' });
    times.push((performance.now() - t0) / 1000);
  }
  const cold = times[0];
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm.length === 0 ? cold : warm[Math.floor(warm.length / 2)];
  const explanationSteps = result.counties[0].explanation.length;
  process.stdout.write(JSON.stringify({
    name, counties: counties.length, rows: rowCount, cold, median, compliant: result.compliantCount,
    explanationSteps, inputRssMB, maxRssMB: process.resourceUsage().maxRSS / 1024,
  }));
}

if (args[0] === '--worker') {
  await worker(args[1], args.includes('--once'));
} else {
  let failed = false;
  const lines = [];
  for (const name of Object.keys(SCENARIOS)) {
    const child = (extra) => spawnSync(process.execPath, [HERE, '--worker', name, '--runs', String(runs), ...extra], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const r = child([]);
    const m = r.status === 0 ? child(['--once']) : r;
    if (r.status !== 0 || m.status !== 0) {
      console.error(`bench: ${name} crashed:\n${r.stderr}${m.stderr}`);
      failed = true;
      continue;
    }
    const x = { ...JSON.parse(r.stdout), ...(({ maxRssMB, inputRssMB }) => ({ maxRssMB, inputRssMB }))(JSON.parse(m.stdout)) };
    const ok = x.median < SCENARIOS[name].target;
    if (!ok) failed = true;
    lines.push(`${name.padEnd(9)} ${String(x.counties).padStart(5)} counties ${String(x.rows).padStart(7)} rows  cold ${x.cold.toFixed(3)} s  median ${x.median.toFixed(3)} s (target < ${SCENARIOS[name].target} s: ${ok ? 'ok' : 'FAIL'})  peak RSS of one call ${x.maxRssMB.toFixed(0)} MB (input alone ${x.inputRssMB.toFixed(0)} MB)  compliant ${x.compliant}`);
  }
  console.log(`assessCounties, ${runs} warm runs after a cold one, Node ${process.version}`);
  for (const l of lines) console.log(l);
  process.exit(failed ? 1 : 0);
}
