// The plain Node loop `npm run bench` compares `junheng budget` with: the same file, the same
// arithmetic (opinion 5.1 with the central region's rates in force on 2025-09-01, in integer fen),
// the same JSON out — and nothing else: no validation beyond what the arithmetic needs, no
// parameters resolved, no explanations, no citations.
//
//   node bench/plain-budget.mjs bench/out/schools.csv > out.json
//
// The rates are written in here (as `allocateBudget.parameters({ asOf: '2025-09-01', region:
// 'central' })` gives them); bench/run.mjs checks that its total equals the library's.
import { readFileSync, writeSync } from 'node:fs';

const RATE = { primary: 60000, junior: 80000, boarding: 20000, special: 700000 };
const file = process.argv[2];
const lines = readFileSync(file, 'utf8').split('\n');
const header = lines[0].split(',');
const col = (name) => header.indexOf(name);
const [cId, cLoc, cKind, cP, cJ, cBP, cBJ, cD] = ['id', 'location', 'kind', 'primary', 'junior', 'boarders_primary', 'boarders_junior', 'disabled'].map(col);
const num = (cells, c) => (c < 0 || cells[c] === '' ? 0 : Number(cells[c]));
const halfUp = (count, numerator, denominator) => Math.floor((2 * count * numerator + denominator) / (2 * denominator));
const yuan = (fen) => (fen % 100 === 0 ? String(fen / 100) : `${fen < 0 ? '-' : ''}${Math.trunc(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0').replace(/0$/, '')}`);

let total = 0;
const out = [];
for (let i = 1; i < lines.length; i++) {
  const line = lines[i];
  if (line === '') continue;
  const cells = line.split(',');
  const primary = num(cells, cP);
  const junior = num(cells, cJ);
  const disabled = num(cells, cD);
  const boarders = num(cells, cBP) + num(cells, cBJ);
  const pupils = primary + junior;
  const kind = cKind < 0 || cells[cKind] === '' ? 'school' : cells[cKind];
  const rural = cells[cLoc] === 'rural';
  let fen = 0;
  let funded = pupils;
  let floor = null;
  if (kind === 'special-education') fen = pupils * RATE.special;
  else {
    fen = primary * RATE.primary + junior * RATE.junior;
    const mixed = primary > 0 && junior > 0;
    const numerator = primary * RATE.primary + junior * RATE.junior;
    let weightedCount = 0;
    let weightedFen = 0;
    let fundedAs = 0;
    if ((rural || kind === 'teaching-point') && pupils < 100) [floor, fundedAs] = ['national-under-100', 100];
    else if (rural && pupils > 100 && pupils < 200) [floor, fundedAs] = ['district-100-to-200', 200];
    if (floor !== null) {
      const added = fundedAs - pupils;
      funded = fundedAs;
      if (!mixed) fen += added * (junior === 0 ? RATE.primary : RATE.junior);
      else {
        weightedCount = added;
        weightedFen = halfUp(added, numerator, pupils);
        fen += weightedFen;
      }
    }
    if (disabled > 0) {
      if (!mixed) fen -= disabled * (junior > 0 ? RATE.junior : RATE.primary);
      else fen += halfUp(weightedCount - disabled, numerator, pupils) - weightedFen;
      fen += disabled * RATE.special;
    }
  }
  fen += boarders * RATE.boarding;
  total += fen;
  out.push(`{"id":${JSON.stringify(cells[cId])},"fundedPupils":${funded},"floorApplied":${floor === null ? 'null' : `"${floor}"`},"amount":"${yuan(fen)}"}`);
}
writeSync(1, `{"total":"${yuan(total)}","schools":[\n${out.join(',\n')}\n]}\n`);
