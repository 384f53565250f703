// The plain Node loop `node bench/classes.mjs --cli` compares `junheng classes` with: the same file
// (bench/out/classes.csv), the same arithmetic (opinion 2.3 bands with the parameters in force on
// 2025-09-01, grouped by school and town), the same JSON out — and nothing else: no validation
// beyond what the arithmetic needs, no parameters resolved, no explanation.
//
//   node bench/plain-classes.mjs bench/out/classes.csv > out.json
//
// The parameters are written in here (as `listParameters({ asOf: '2025-09-01' })` gives them);
// bench/classes.mjs checks that its output equals junheng's.
import { readFileSync, writeSync } from 'node:fs';

const AS_OF = '2025-09-01';
const DEADLINE = '2025-12-31';
const STANDARD = { primary: 45, incompletePrimary: 30, junior: 50 };
const LARGE = 56;
const SUPER = 66;
const CITATIONS = ['2.3', 'gb-50099-2011', 'gf-2016-40'];

const text = readFileSync(process.argv[2], 'utf8');
let pos = text.indexOf('\n') + 1;
const header = text.slice(0, pos - 1).split(',');
const [cSchool, cTown, cLoc, cStage, cSize, cInc] = ['school', 'town', 'location', 'stage', 'size', 'incomplete'].map((c) => header.indexOf(c));

const counts = () => [0, 0, 0, 0];
const all = counts();
const byStage = { primary: counts(), junior: counts() };
const schools = new Map();
const towns = new Map();
let urbanAndTownLarge = 0;
let largeWithoutLocation = 0;
const group = (map, key) => {
  let c = map.get(key);
  if (c === undefined) map.set(key, (c = counts()));
  return c;
};
while (pos < text.length) {
  let end = text.indexOf('\n', pos);
  if (end === -1) end = text.length;
  const line = text.slice(pos, end);
  pos = end + 1;
  if (line === '') continue;
  const cells = line.split(',');
  const stage = cells[cStage];
  const size = Number(cells[cSize]);
  const incomplete = cInc >= 0 && cells[cInc] === 'true';
  const standard = stage === 'junior' ? STANDARD.junior : incomplete ? STANDARD.incompletePrimary : STANDARD.primary;
  const band = size >= SUPER ? 3 : size >= LARGE ? 2 : size > standard ? 1 : 0;
  all[band]++;
  byStage[stage][band]++;
  group(schools, cells[cSchool])[band]++;
  group(towns, cells[cTown])[band]++;
  if (band >= 2) {
    const location = cells[cLoc];
    if (location === 'urban' || location === 'town') urbanAndTownLarge++;
    else if (location === '') largeWithoutLocation++;
  }
}

const total = (c) => c[0] + c[1] + c[2] + c[3];
const json = (c) => {
  const t = total(c);
  return { total: t, byStatus: { standard: c[0], 'over-standard': c[1], large: c[2], 'super-large': c[3] }, largeShare: t === 0 ? 0 : (c[2] + c[3]) / t };
};
const groups = (map) => [...map].map(([key, c]) => ({ key, ...json(c) }));
const daysRemaining = (Date.parse(DEADLINE) - Date.parse(AS_OF)) / 86_400_000;
const deadline = { date: DEADLINE, asOf: AS_OF, daysRemaining, passed: daysRemaining < 0, urbanAndTownLarge, largeWithoutLocation, remainAfterDeadline: daysRemaining < 0 && urbanAndTownLarge > 0 };
const report = { asOf: AS_OF, ...json(all), byStage: { primary: json(byStage.primary), junior: json(byStage.junior) }, groups: { schoolId: groups(schools), town: groups(towns) }, deadline, citations: CITATIONS };
writeSync(1, `${JSON.stringify(report, null, 2)}\n`);
