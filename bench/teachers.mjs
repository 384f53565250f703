// Benchmark of training compliance (opinion 4.2) at national scale: 1,000,000 teachers with 20
// training records each (20,000,000 CSV rows, about 600 MB).
//
//   npm run build --silent && node bench/teachers.mjs [--teachers 1000000] [--runs 3]
//
// Measures, each in a fresh process:
//   1. `junheng teachers bench/out/teachers-<n>.csv --as-of 2025-12-31 --format csv` end to end,
//      interleaved run by run with the plain Node loop bench/plain-teachers.mjs on the same file:
//      wall time, peak RSS (/usr/bin/time -f '%e %M' when present, else process.resourceUsage()) and
//      the ratio junheng ÷ plain loop (target ≤ 1.5); the first run of each writes its CSV to
//      bench/out/teachers-side.csv and the two must be identical.
//   2. the library's streaming tally (`createTrainingTally`) over generated teacher objects, with
//      no CSV at all: time and peak RSS.
//   3. peak RSS of the command at 100,000 and at 1,000,000 teachers, to show memory does not grow
//      with the number of teachers.
// The CSV files are generated once, streaming, into bench/out/ and reused when present.

import { mulberry32 } from './generate.mjs';
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
// The build is copied once per run into bench/out/pkg-teachers (with package.json and a link to
// node_modules), so that a rebuild of dist/ by someone else during the run cannot break it.
const PKG = join(OUT, 'pkg-teachers');
const CLI = join(PKG, 'cli', 'dist', 'junheng.js');
const RECORDS = 20;
const AS_OF = '2025-12-31';
const PLAIN = join(ROOT, 'bench', 'plain-teachers.mjs');
const SIDE_OUT = join(OUT, 'teachers-side.csv');
const digest = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

const { values } = parseArgs({ options: { teachers: { type: 'string' }, runs: { type: 'string' }, child: { type: 'string' } } });


const pad = (n, w) => String(n).padStart(w, '0');

/**
 * Teacher `i`'s rows: 20 records over 2019–2025 (a few before the cycle), hours 20–38 with some
 * halves, about 1 teacher in 10 hired mid-cycle. Deterministic in `i`.
 */
function teacherRows(i, next) {
  const id = `T${pad(i, 7)}`;
  const since = next() < 0.1 ? `202${2 + Math.floor(next() * 3)}-${pad(1 + Math.floor(next() * 12), 2)}-${pad(1 + Math.floor(next() * 28), 2)}` : '';
  const rows = new Array(RECORDS);
  for (let k = 0; k < RECORDS; k++) {
    const year = 2019 + Math.floor((k * 7) / RECORDS);
    const date = `${year}-${pad(1 + Math.floor(next() * 12), 2)}-${pad(1 + Math.floor(next() * 28), 2)}`;
    const hours = 20 + Math.floor(next() * 19) + (next() < 0.2 ? 0.5 : 0);
    rows[k] = { date, hours };
  }
  return { id, since, rows };
}

async function generate(n, file) {
  if (existsSync(file)) return;
  mkdirSync(OUT, { recursive: true });
  const tmp = `${file}.part`;
  const out = createWriteStream(tmp);
  const next = mulberry32(20251231);
  out.write('teacher_id,employed_since,date,hours\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    const t = teacherRows(i, next);
    for (const r of t.rows) buf += `${t.id},${t.since},${r.date},${r.hours}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
  renameSync(tmp, file);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs the command (or `script`) once in a fresh process, stdout to `outFile` or /dev/null: [seconds, max RSS in MB, CPU seconds]. */
function runCommand(file, nodeFlags = [], outFile = undefined, script = [CLI, 'teachers', file, '--as-of', AS_OF, '--format', 'csv', '--lang', 'en']) {
  const args = [...nodeFlags, ...script];
  if (existsSync('/usr/bin/time')) {
    const fd = openSync(outFile ?? '/dev/null', 'w');
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', process.execPath, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    closeSync(fd);
    if (r.status !== 0) throw new Error(`command failed: ${r.stderr}`);
    const [secs, kb, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    return [secs, kb / 1024, user + sys];
  }
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', `
    const { spawnSync } = require('node:child_process');
    const r = spawnSync(process.execPath, ${JSON.stringify(args)}, { stdio: ['ignore', ${outFile === undefined ? "'ignore'" : `require('node:fs').openSync(${JSON.stringify(outFile)}, 'w')`}, 'inherit'] });
    process.stdout.write(String(process.resourceUsage().maxRSS));`], { encoding: 'utf8' });
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  return [secs, Number(r.stdout) / 1024];
}

/** Child mode: the library's tally over generated teachers, no CSV. Prints seconds and max RSS. */
async function child(n) {
  const { createTrainingTally } = await import(join(PKG, 'dist', 'index.js'));
  const next = mulberry32(20251231);
  const start = process.hrtime.bigint();
  const tally = createTrainingTally({ asOf: AS_OF });
  let compliant = 0;
  for (let i = 0; i < n; i++) {
    const t = teacherRows(i, next);
    const teacher = t.since === '' ? { id: t.id, training: t.rows } : { id: t.id, employedSince: t.since, training: t.rows };
    if (tally.add(teacher).compliant) compliant++;
  }
  const summary = tally.summary();
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ secs, rssMB: process.resourceUsage().maxRSS / 1024, compliant, rate: summary.completionRate }));
}

/** Child mode: generating the same teachers without the tally, to subtract the generator's cost. */
async function childGenerateOnly(n) {
  const next = mulberry32(20251231);
  const start = process.hrtime.bigint();
  let k = 0;
  for (let i = 0; i < n; i++) k += teacherRows(i, next).rows.length;
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ secs, rows: k }));
}

async function main() {
  if (values.child !== undefined) {
    const n = Number(values.teachers ?? 1_000_000);
    return values.child === 'tally' ? child(n) : childGenerateOnly(n);
  }
  if (!existsSync(join(ROOT, 'cli', 'dist', 'junheng.js')) || !existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('a build is missing: run `npm run build` first');
  rmSync(PKG, { recursive: true, force: true });
  mkdirSync(PKG, { recursive: true });
  cpSync(join(ROOT, 'dist'), join(PKG, 'dist'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(PKG, 'package.json'));
  cpSync(join(ROOT, 'cli', 'dist'), join(PKG, 'cli', 'dist'), { recursive: true });
  cpSync(join(ROOT, 'cli', 'package.json'), join(PKG, 'cli', 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(PKG, 'node_modules'));
  const n = Number(values.teachers ?? 1_000_000);
  const runs = Number(values.runs ?? 3);
  const small = Math.max(1, Math.floor(n / 10));
  const bigFile = join(OUT, `teachers-${n}.csv`);
  const smallFile = join(OUT, `teachers-${small}.csv`);
  let t0 = Date.now();
  await generate(n, bigFile);
  await generate(small, smallFile);
  console.log(`CSV: ${bigFile} (${(statSync(bigFile).size / 1e6).toFixed(0)} MB, ${n * RECORDS} rows) ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // junheng beside the plain Node loop (bench/plain-teachers.mjs), same file, interleaved run by run
  // (a busy machine slows both alike); the two CSV outputs must be identical.
  const command = [];
  const plain = [];
  const digests = [];
  for (let r = 0; r < runs; r++) {
    command.push(runCommand(bigFile, [], r === 0 ? SIDE_OUT : undefined));
    if (r === 0) digests.push(digest(SIDE_OUT));
    plain.push(runCommand(bigFile, [], r === 0 ? SIDE_OUT : undefined, [PLAIN, bigFile]));
    if (r === 0) digests.push(digest(SIDE_OUT));
  }
  rmSync(SIDE_OUT, { force: true });
  const cpuOf = (m) => (m[0][2] === undefined ? '' : `, CPU (user + sys) median ${median(m.map((c) => c[2])).toFixed(2)} s`);
  console.log(`junheng teachers, ${n.toLocaleString('en')} teachers × ${RECORDS} records, CSV out: median ${median(command.map((c) => c[0])).toFixed(2)} s wall (runs ${command.map((c) => c[0].toFixed(2)).join(', ')})${cpuOf(command)}, max RSS ${median(command.map((c) => c[1])).toFixed(0)} MB`);
  console.log(`plain Node loop (bench/plain-teachers.mjs), same file:      median ${median(plain.map((c) => c[0])).toFixed(2)} s wall (runs ${plain.map((c) => c[0].toFixed(2)).join(', ')})${cpuOf(plain)}, max RSS ${median(plain.map((c) => c[1])).toFixed(0)} MB`);
  const ratio = median(command.map((c) => c[0])) / median(plain.map((c) => c[0]));
  const same = digests[0] === digests[1];
  console.log(`  junheng ÷ plain loop: ${ratio.toFixed(2)}× (target ≤ 1.5×: ${ratio <= 1.5 ? 'PASS' : 'FAIL'}); outputs ${same ? 'identical' : 'DIFFER'}`);
  if (!same) process.exitCode = 1;

  const smallRuns = [];
  for (let r = 0; r < runs; r++) smallRuns.push(runCommand(smallFile));
  console.log(`junheng teachers, ${small.toLocaleString('en')} teachers: median ${median(smallRuns.map((c) => c[0])).toFixed(2)} s, max RSS ${median(smallRuns.map((c) => c[1])).toFixed(0)} MB (vs ${median(command.map((c) => c[1])).toFixed(0)} MB at ${n.toLocaleString('en')})`);

  // Live memory: the same 1,000,000-teacher run with V8's old space capped at 64 MB still completes
  // (it runs slower, collecting more often), so what the run keeps is bounded; the higher RSS of the
  // uncapped run is V8 letting its heap grow while garbage is cheap to leave.
  const [cappedSecs, cappedRss] = runCommand(bigFile, ['--max-old-space-size=64']);
  console.log(`junheng teachers, ${n.toLocaleString('en')} teachers with --max-old-space-size=64: completes in ${cappedSecs.toFixed(2)} s, max RSS ${cappedRss.toFixed(0)} MB`);

  const lib = [];
  const gen = [];
  for (let r = 0; r < runs; r++) {
    const self = fileURLToPath(import.meta.url);
    const a = spawnSync(process.execPath, [self, '--child', 'tally', '--teachers', String(n)], { encoding: 'utf8' });
    if (a.status !== 0) throw new Error(a.stderr);
    lib.push(JSON.parse(a.stdout));
    const b = spawnSync(process.execPath, [self, '--child', 'generate', '--teachers', String(n)], { encoding: 'utf8' });
    gen.push(JSON.parse(b.stdout));
  }
  const libSecs = median(lib.map((x) => x.secs));
  const genSecs = median(gen.map((x) => x.secs));
  console.log(`createTrainingTally in process, ${n.toLocaleString('en')} teachers (objects generated on the fly): median ${libSecs.toFixed(2)} s including generation (${genSecs.toFixed(2)} s of it generating, so about ${(libSecs - genSecs).toFixed(2)} s in the library), max RSS ${median(lib.map((x) => x.rssMB)).toFixed(0)} MB; completion ${lib[0].compliant} of ${n} (${lib[0].rate})`);
}

await main();
