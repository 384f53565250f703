// Deterministic generator of a national-scale school roster for the benchmarks.
//
//   import { generateSchools, writeSchoolsCsv } from './generate.mjs';
//   const schools = generateSchools({ count: 210_000, seed: 20250901 });
//   await writeSchoolsCsv(schools, 'bench/out/schools.csv');
//
// or from the command line:  node bench/generate.mjs [--n 210000] [--seed 20250901] [--out bench/out/schools.csv]
//
// The same (count, seed) always gives the same roster, row for row, on any machine: the only source
// of randomness is a seeded mulberry32 PRNG, and only integer arithmetic on its output is used.
//
// The shape of a row is the library's `School` (src/core/school.ts):
//   { id, location, kind?, pupils: { primary?, junior? }, boarders?: { primary?, junior? }, disabledPupils? }
// Absent values are absent keys (never `undefined`, never 0 written for "not given").

import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { once } from 'node:events';

/** The size of a national roster: roughly China's compulsory-education schools plus teaching points. */
export const NATIONAL_COUNT = 210_000;
export const DEFAULT_SEED = 20250901;

/** The CSV columns the `junheng budget` command reads, in order. */
export const CSV_HEADER = ['id', 'location', 'kind', 'primary', 'junior', 'boarders_primary', 'boarders_junior', 'disabled'];

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// National proportions (at 210,000 rows): about 40,000 teaching points, all rural; about 2,000
// special-education schools; the rest ordinary schools. Locations: urban ~25 %, town ~30 %, rural ~45 %.
const SHARE = { urban: 0.25, town: 0.3 };
const TEACHING_POINTS_PER_NATION = 40_000;
const SPECIAL_PER_NATION = 2_000;

/**
 * Generates `count` schools (default 210,000) from `seed`.
 *
 * - Locations: urban 25 %, town 30 %, rural 45 %.
 * - Kinds: teaching points (~40,000 at national scale, all rural, primary only, 5–99 pupils);
 *   special-education schools (~2,000, mostly urban/town, 30–400 pupils, primary and junior);
 *   the rest ordinary schools — kind left out (the default) for most, written as 'school' for some.
 * - Stages: primary, junior or nine-year (both) schools; sizes skewed towards the small end of
 *   rural 20–400, town 300–2,500, urban 500–3,500 pupils.
 * - Boarders in rural and town schools (mostly junior pupils), none in urban schools.
 * - A few disabled pupils in mainstream classes (随班就读) in about one school in eight.
 *
 * @param {{ count?: number, seed?: number }} [options]
 * @returns {Array<object>} school objects as `allocateBudget` takes them
 */
export function generateSchools({ count = NATIONAL_COUNT, seed = DEFAULT_SEED } = {}) {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const random = mulberry32(seed);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1)); // inclusive
  // Skewed towards `min`: many small schools, few large ones (power > 1).
  const skewed = (min, max, power) => min + Math.floor(random() ** power * (max - min + 1));
  const chance = (p) => random() < p;

  const pSpecial = SPECIAL_PER_NATION / NATIONAL_COUNT;
  const ruralShare = 1 - SHARE.urban - SHARE.town;
  // Teaching points among the rural non-special rows.
  const pTeachingPoint = TEACHING_POINTS_PER_NATION / (NATIONAL_COUNT * ruralShare * (1 - pSpecial));
  const width = Math.max(6, String(count).length);

  const schools = new Array(count);
  for (let i = 0; i < count; i++) {
    const id = `JH${String(i + 1).padStart(width, '0')}`;
    const u = random();
    const location = u < SHARE.urban ? 'urban' : u < SHARE.urban + SHARE.town ? 'town' : 'rural';
    const school = { id, location };
    let primary = 0;
    let junior = 0;

    if (chance(pSpecial)) {
      // Special-education schools: mostly county seats (town) and cities. Moving one row's location
      // here keeps the overall shares within a fraction of a percent.
      school.kind = 'special-education';
      primary = skewed(20, 300, 1.5);
      junior = chance(0.8) ? skewed(10, 120, 1.5) : 0;
    } else if (location === 'rural' && chance(pTeachingPoint)) {
      school.kind = 'teaching-point';
      primary = skewed(5, 99, 1.3);
    } else {
      if (chance(0.15)) school.kind = 'school'; // the default, sometimes written out
      // Stage structure: primary, junior or nine-year (九年一贯制).
      const s = random();
      const [pPrimary, pJunior] = location === 'urban' ? [0.55, 0.8] : location === 'town' ? [0.5, 0.8] : [0.7, 0.85];
      const stage = s < pPrimary ? 'primary' : s < pJunior ? 'junior' : 'nine-year';
      const [min, max, power] = location === 'urban' ? [500, 3500, 1.6] : location === 'town' ? [300, 2500, 1.8] : [20, 400, 1.4];
      const size = skewed(min, max, power);
      if (stage === 'primary') primary = size;
      else if (stage === 'junior') junior = size;
      else {
        // A nine-year school: six primary grades, three junior, with some drop in the upper grades.
        junior = Math.max(1, Math.round(size * (0.25 + random() * 0.12)));
        primary = size - junior;
      }
    }

    school.pupils = {};
    if (primary > 0 || junior === 0) school.pupils.primary = primary;
    if (junior > 0) school.pupils.junior = junior;

    // Boarders: rural and town schools; most junior pupils there board, fewer primary pupils.
    if (location !== 'urban' && school.kind !== 'teaching-point') {
      const boarders = {};
      if (junior > 0 && chance(location === 'rural' ? 0.85 : 0.6)) {
        boarders.junior = Math.floor(junior * (0.3 + random() * 0.65));
      }
      if (primary > 0 && chance(location === 'rural' ? 0.35 : 0.15)) {
        boarders.primary = Math.floor(primary * (0.05 + random() * 0.35));
      }
      if (boarders.primary > 0 || boarders.junior > 0) {
        if (!(boarders.primary > 0)) delete boarders.primary;
        if (!(boarders.junior > 0)) delete boarders.junior;
        school.boarders = boarders;
      }
    } else if (school.kind === 'special-education' && chance(0.3)) {
      school.boarders = { primary: Math.floor(primary * 0.4) };
      if (junior > 0) school.boarders.junior = Math.floor(junior * 0.5);
    }

    // A few disabled pupils taught in mainstream classes (not in special-education schools).
    if (school.kind !== 'special-education' && primary + junior > 0 && chance(0.12)) {
      school.disabledPupils = Math.min(primary + junior, int(1, 6));
    }
    schools[i] = school;
  }
  return schools;
}

/** Counts by location and kind, for the report. */
export function describeSchools(schools) {
  const byLocation = { urban: 0, town: 0, rural: 0 };
  const byKind = { school: 0, 'teaching-point': 0, 'special-education': 0 };
  let pupils = 0;
  let boarders = 0;
  let disabled = 0;
  for (const s of schools) {
    byLocation[s.location]++;
    byKind[s.kind ?? 'school']++;
    pupils += (s.pupils.primary ?? 0) + (s.pupils.junior ?? 0);
    boarders += (s.boarders?.primary ?? 0) + (s.boarders?.junior ?? 0);
    disabled += s.disabledPupils ?? 0;
  }
  return { schools: schools.length, byLocation, byKind, pupils, boarders, disabledPupils: disabled };
}

/** One school as a CSV line (no newline). Ids are plain; no field needs quoting. */
export function schoolToCsvLine(s) {
  const cell = (v) => (v === undefined ? '' : String(v));
  return [
    s.id,
    s.location,
    cell(s.kind),
    cell(s.pupils.primary),
    cell(s.pupils.junior),
    cell(s.boarders?.primary),
    cell(s.boarders?.junior),
    cell(s.disabledPupils),
  ].join(',');
}

/**
 * Writes `schools` as the CSV the `junheng budget` command reads: header
 * `id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled`, an empty cell for
 * every absent value, `\n` line endings, UTF-8. Creates the directory if needed.
 *
 * @returns {Promise<{ path: string, bytes: number }>}
 */
export async function writeSchoolsCsv(schools, path) {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  const out = createWriteStream(target, { encoding: 'utf8' });
  let bytes = 0;
  const CHUNK = 5_000;
  const header = CSV_HEADER.join(',') + '\n';
  bytes += Buffer.byteLength(header);
  if (!out.write(header)) await once(out, 'drain');
  for (let i = 0; i < schools.length; i += CHUNK) {
    let text = '';
    const end = Math.min(schools.length, i + CHUNK);
    for (let j = i; j < end; j++) text += schoolToCsvLine(schools[j]) + '\n';
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path: target, bytes };
}

// Command line: node bench/generate.mjs [--n N] [--seed S] [--out PATH]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
  };
  const count = Number(opt('--n', NATIONAL_COUNT));
  const seed = Number(opt('--seed', DEFAULT_SEED));
  const out = opt('--out', new URL('./out/schools.csv', import.meta.url).pathname);
  const schools = generateSchools({ count, seed });
  const { path, bytes } = await writeSchoolsCsv(schools, out);
  console.log(JSON.stringify({ path, bytes, ...describeSchools(schools) }, null, 2));
}
