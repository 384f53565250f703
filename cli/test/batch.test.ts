/**
 * The budget's batch path (a CSV roster read as a stream into flat records, the pure rule, money in
 * fen) against the library's path (`allocateBudget`, Decimal amounts): byte-identical output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateBudget, Decimal, type School } from 'junheng';
import { bigFenText, fenText } from '../src/compute.js';
import { readRoster } from '../src/roster.js';
// @ts-expect-error: a plain ES module without types
import { generateSchools, schoolToCsvLine, CSV_HEADER } from '../../bench/generate.mjs';
import { CENTRAL_2025, CSV, junheng, tempDir, WHAT_IF, writeTemp } from './helpers.js';

/** The JSON the command printed before the batch path, built from the library's own result. */
function libraryJson(schools: School[], options: { asOf: string; region: 'central' }): string {
  const budget = allocateBudget(schools, options);
  const rows = budget.schools.map(
    (r, i) =>
      `${i === 0 ? '\n' : ',\n'}{"id":${JSON.stringify(r.schoolId)},"fundedPupils":${r.fundedPupils},"floorApplied":${r.floorApplied === null ? 'null' : `"${r.floorApplied}"`},"amount":"${r.amount.toString()}"}`,
  );
  return `{"total":${JSON.stringify(budget.total.toString())},"schools":[${rows.join('')}${rows.length === 0 ? ']}\n' : '\n]}\n'}`;
}

/** The same roster as a JSON file (school objects as the CSV reader makes them): the library path. */
function asJson(csvFile: string): string {
  const { schools } = readRoster(readFileSync(csvFile, 'utf8'));
  return writeTemp(tempDir(), 'roster.json', JSON.stringify(schools));
}

const generated = (() => {
  let file: string | undefined;
  return (): string => {
    if (file === undefined) {
      const schools = generateSchools({ count: 12_000, seed: 7 }) as unknown[];
      const lines = [CSV_HEADER.join(','), ...schools.map((s) => schoolToCsvLine(s) as string)];
      file = writeTemp(tempDir(), 'generated.csv', `${lines.join('\n')}\n`);
    }
    return file;
  };
})();

describe('junheng budget: the batch path gives the library path\'s output, byte for byte', () => {
  const options = { asOf: '2025-09-01', region: 'central' as const };

  it.each([
    ['examples/district.csv', () => CSV],
    ['a generated roster of 12,000 schools', generated],
  ])('%s: JSON as built from allocateBudget\'s own result', async (_, file) => {
    const { schools } = readRoster(readFileSync(file(), 'utf8'));
    const r = await junheng('budget', file(), ...CENTRAL_2025, '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(libraryJson(schools, options));
  });

  for (const format of ['json', 'csv', 'table']) {
    for (const whatIf of [false, true]) {
      it.each([
        ['examples/district.csv', () => CSV],
        ['a generated roster', generated],
      ])(`%s, --format ${format}${whatIf ? ' --what-if' : ''}: the CSV (batch) and the same schools as JSON (library) agree`, async (_, file) => {
        const extra = whatIf ? ['--what-if', WHAT_IF] : [];
        const batch = await junheng('budget', file(), ...CENTRAL_2025, '--format', format, ...extra);
        const library = await junheng('budget', asJson(file()), ...CENTRAL_2025, '--format', format, ...extra);
        expect(batch.status).toBe(0);
        expect(batch.stderr).toBe('');
        expect(batch.stdout).toBe(library.stdout);
      });
    }
  }

  // In Chinese too (headings, floor words, footers in words), and with --explain (the batch path
  // explains its schools through the library, as the library path does).
  for (const [format, extra] of [
    ['table', ['--lang', 'zh']],
    ['csv', ['--lang', 'zh']],
    ['table', ['--lang', 'zh', '--what-if', WHAT_IF]],
    ['csv', ['--lang', 'zh', '--what-if', WHAT_IF]],
    ['table', ['--explain']],
    ['table', ['--lang', 'zh', '--explain']],
  ] as const) {
    it(`examples/district.csv, --format ${format} ${extra.join(' ')}: the CSV (batch) and the same schools as JSON (library) agree`, async () => {
      const batch = await junheng('budget', CSV, ...CENTRAL_2025, '--format', format, ...extra);
      const library = await junheng('budget', asJson(CSV), ...CENTRAL_2025, '--format', format, ...extra);
      expect(batch.status).toBe(0);
      expect(batch.stderr).toBe('');
      expect(batch.stdout).toBe(library.stdout);
      expect(batch.stdout).toContain(format === 'table' ? '18,434,232.5' : '738312.5');
    });
  }

  it('amounts from fen read as Decimal prints them', async () => {
    const cases = [0, 1, 5, 10, 50, 99, 100, 101, 150, 65050, 60000, -1, -5, -50, -100, -12345, 123456789012, -987654321098, 2 ** 52];
    for (let i = 0; i < 2000; i++) cases.push(Math.floor((Math.random() - 0.3) * 1e9));
    for (const fen of cases) {
      expect(fenText(fen)).toBe(new Decimal(fen).dividedBy(100).toString());
      expect(bigFenText(BigInt(fen))).toBe(new Decimal(fen).dividedBy(100).toString());
    }
    const big = 123456789012345678901234n;
    expect(bigFenText(big)).toBe(new Decimal(big.toString()).dividedBy(100).toString());
    expect(bigFenText(-big - 7n)).toBe(new Decimal((-big - 7n).toString()).dividedBy(100).toString());
  });
});
