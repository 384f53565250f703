// One library scenario, in a fresh process, so that its peak memory is its own.
// Started by bench/run.mjs as:
//
//   node --expose-gc bench/lib-worker.mjs --scenario allocate|lazy [--n 210000] [--seed S] [--runs 5]
//
// Prints one JSON object on stdout. Generating the roster is not timed (it is held in memory, as a
// caller's roster would be, so it does count towards peak RSS; `rssAfterRosterMB` shows its share).
//
// - allocate: `allocateBudget(schools, { asOf: '2025-09-01', region: 'central' })`; 1 cold run (also
//   the warm-up), then `runs` timed runs; reports the cold time, every run and the median.
// - lazy: the same call, then Σ of every school's `amount` (Decimal) and `explanation` read for
//   1,000 schools spread over the roster (plus the budget's own explanation); same protocol.
//
// Each run: gc() first (outside the timing), then the call; the previous result is dropped before
// the next run, so the peak is one roster plus one result.

import { performance } from 'node:perf_hooks';
import { generateSchools, DEFAULT_SEED, NATIONAL_COUNT } from './generate.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const scenario = opt('--scenario', 'allocate');
const count = Number(opt('--n', NATIONAL_COUNT));
const seed = Number(opt('--seed', DEFAULT_SEED));
const runs = Number(opt('--runs', 5));
const EXPLAINED = 1_000;
const OPTIONS = { asOf: '2025-09-01', region: 'central' };

const MB = 1e6;
const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 4) => Number(x.toFixed(digits));

const { allocateBudget, Decimal } = await import('../dist/index.js');

const schools = generateSchools({ count, seed });
gc();
const rssAfterRosterMB = process.memoryUsage().rss / MB;
const heapAfterRosterMB = process.memoryUsage().heapUsed / MB;

function once() {
  gc();
  const t0 = performance.now();
  const budget = allocateBudget(schools, OPTIONS);
  const t1 = performance.now();
  const heapUsedAfterCallMB = process.memoryUsage().heapUsed / MB;
  const timing = { seconds: (t1 - t0) / 1000, heapUsedAfterCallMB };
  if (scenario === 'lazy') {
    let sum = new Decimal(0);
    for (const r of budget.schools) sum = sum.plus(r.amount);
    const t2 = performance.now();
    const step = Math.max(1, Math.floor(budget.schools.length / EXPLAINED));
    let explained = 0;
    let steps = 0;
    for (let i = 0; i < budget.schools.length && explained < EXPLAINED; i += step) {
      steps += budget.schools[i].explanation.length;
      explained++;
    }
    steps += budget.explanation.length;
    const t3 = performance.now();
    if (!sum.eq(budget.total)) throw new Error(`Σ amounts ${sum} ≠ total ${budget.total}`);
    Object.assign(timing, {
      seconds: (t3 - t0) / 1000,
      callSeconds: (t1 - t0) / 1000,
      sumSeconds: (t2 - t1) / 1000,
      explainSeconds: (t3 - t2) / 1000,
      explained,
      explanationSteps: steps,
      heapUsedAfterAllMB: process.memoryUsage().heapUsed / MB,
    });
  }
  return { timing, total: budget.total.toString(), schools: budget.schools.length };
}

const cold = once();
const measured = [];
for (let i = 0; i < runs; i++) measured.push(once().timing);

const med = (key) => round(median(measured.map((m) => m[key])));
const result = {
  scenario,
  count,
  seed,
  options: OPTIONS,
  total: cold.total,
  schools: cold.schools,
  coldSeconds: round(cold.timing.seconds),
  runsSeconds: measured.map((m) => round(m.seconds)),
  medianSeconds: med('seconds'),
  heapUsedAfterCallMB: round(median(measured.map((m) => m.heapUsedAfterCallMB)), 1),
  rssAfterRosterMB: round(rssAfterRosterMB, 1),
  heapAfterRosterMB: round(heapAfterRosterMB, 1),
  peakRssMB: round((process.resourceUsage().maxRSS * 1024) / MB, 1),
  gcExposed: typeof globalThis.gc === 'function',
};
if (scenario === 'lazy') {
  Object.assign(result, {
    medianCallSeconds: med('callSeconds'),
    medianSumSeconds: med('sumSeconds'),
    medianExplainSeconds: med('explainSeconds'),
    coldExplainSeconds: round(cold.timing.explainSeconds),
    explained: measured[0]?.explained ?? cold.timing.explained,
    explanationSteps: measured[0]?.explanationSteps ?? cold.timing.explanationSteps,
    heapUsedAfterAllMB: round(median(measured.map((m) => m.heapUsedAfterAllMB)), 1),
  });
}
process.stdout.write(JSON.stringify(result) + '\n');
