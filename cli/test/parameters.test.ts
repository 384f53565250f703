/**
 * `--parameters FILE` on every command (issue 9, item 4): the base parameters, a JSON local
 * parameter set; budget's `--what-if FILE` applies on top of it.
 *
 * Hand-worked (Fujian set, 南教计〔2020〕4号, 2025-09-01):
 *   J250: urban junior school, 250 pupils, 20 boarders → 300 × 950 + 20 × 400 = 285000 + 8000 = 293000
 *   R150: rural primary school, 150 pupils             → 200 × 750 = 150000
 *   total 443000
 *   with --what-if {"funding":{"boardingSupplement":500}} on top: J250 + 20 × 100 = 295000, total 445000
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV, EXAMPLES, junheng, tempDir, writeTemp, type JsonBudget, type Run } from './helpers.js';

const FUJIAN = join(EXAMPLES, 'parameters', 'fujian-2020.json');
const SHANDONG = join(EXAMPLES, 'parameters', 'shandong-2024.json');
const AUTUMN_2025 = ['--as-of', '2025-09-01'] as const;

function ok(r: Run): string {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

function rejected(r: Run): string {
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  return r.stderr;
}

const roster = (() => {
  let file: string | undefined;
  return () =>
    (file ??= writeTemp(
      tempDir(),
      'fujian.csv',
      'id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled\nJ250,urban,,0,250,0,20,0\nR150,rural,,150,0,0,0,0\n',
    ));
})();

describe('junheng budget --parameters examples/parameters/fujian-2020.json', () => {
  it('funds a junior school of 250 as 300 and a rural primary school of 150 as 200, at 750 / 950 and +400 per boarder', async () => {
    const b = JSON.parse(ok(await junheng('budget', roster(), ...AUTUMN_2025, '--parameters', FUJIAN, '--format', 'json'))) as JsonBudget;
    expect(b.schools).toEqual([
      { id: 'J250', fundedPupils: 300, floorApplied: 'fujian-junior-under-300', amount: '293000' },
      { id: 'R150', fundedPupils: 200, floorApplied: 'fujian-primary-100-to-200', amount: '150000' },
    ]);
    expect(b.total).toBe('443000');
  });

  it('needs no --region: the set gives both benchmarks for every region', async () => {
    const table = ok(await junheng('budget', roster(), ...AUTUMN_2025, '--parameters', FUJIAN));
    expect(table).toMatch(/total\s+443,000\n/);
    expect(table).toContain(
      `Local parameters (--parameters ${FUJIAN}): Per-pupil public-funding benchmark (primary) (南教计〔2020〕4号); Per-pupil public-funding benchmark (junior) (南教计〔2020〕4号); Boarding-school supplement per boarder (南教计〔2020〕4号); Small-school floors (南教计〔2020〕4号)\n`,
    );
    // the set's values are the district's, not junheng's unverified readings
    const unverified = table.split('\n').find((l) => l.startsWith('Values in force that junheng has not verified')) ?? '';
    expect(unverified).not.toContain('Small-school floors');
    expect(unverified).not.toContain('benchmark');
    // The rates applied are the set's, with its source; its bands by id and rule.
    expect(table).toContain('  Per-pupil public-funding benchmark (primary): 750 yuan/pupil/year (南教计〔2020〕4号)\n');
    expect(table).toContain('  Boarding-school supplement per boarder: 400 yuan/boarder/year (南教计〔2020〕4号)\n');
    expect(table).toMatch(/^J250\s+250\s+300\s+fujian-junior-under-300\s+293,000$/m);
  });

  it("before the set's from, junheng's own values apply (and the footer says none is in force)", async () => {
    const b = JSON.parse(ok(await junheng('budget', roster(), '--as-of', '2019-09-01', '--region', 'central', '--parameters', FUJIAN, '--format', 'json'))) as JsonBudget;
    // J250: 250 × 800 + 20 × 200 = 204000; R150: 200 × 600 = 120000
    expect(b.schools.map((s) => s.amount)).toEqual(['204000', '120000']);
    const table = ok(await junheng('budget', roster(), '--as-of', '2019-09-01', '--region', 'central', '--parameters', FUJIAN));
    expect(table).toContain(`Local parameters (--parameters ${FUJIAN}): none in force on 2019-09-01\n`);
  });

  it('--what-if applies on top of --parameters', async () => {
    const dir = tempDir();
    const patch = writeTemp(dir, 'what-if.json', '{"funding":{"boardingSupplement":500}}');
    const b = JSON.parse(ok(await junheng('budget', roster(), ...AUTUMN_2025, '--parameters', FUJIAN, '--what-if', patch, '--format', 'json'))) as JsonBudget;
    expect(b.total).toBe('443000');
    expect(b.whatIf).toEqual({ total: '445000', difference: '2000' });
    expect(b.schools.map((s) => [s.id, s.whatIfAmount, s.difference])).toEqual([
      ['J250', '295000', '2000'],
      ['R150', '150000', '0'],
    ]);
    const table = ok(await junheng('budget', roster(), ...AUTUMN_2025, '--parameters', FUJIAN, '--what-if', patch));
    expect(table).toContain(`What-if ${patch} (changes Boarding-school supplement per boarder): total 445,000, difference 2,000.`);
  });

  it('a what-if parameter replaces the base value of that parameter whole', async () => {
    // the what-if gives the junior rate for the central region only: east and west fall back to junheng's,
    // the Fujian primary rate stays (another parameter)
    const dir = tempDir();
    const patch = writeTemp(dir, 'what-if.json', '{"funding":{"benchmark":{"junior":{"central":1000}}}}');
    const b = JSON.parse(ok(await junheng('budget', roster(), ...AUTUMN_2025, '--region', 'central', '--parameters', FUJIAN, '--what-if', patch, '--format', 'json'))) as JsonBudget;
    // J250: 300 × 1000 + 8000 = 308000; R150 unchanged
    expect(b.schools.map((s) => s.whatIfAmount)).toEqual(['308000', '150000']);
  });

  it('the Shandong set, east region: 300 primary × 780 + 200 junior × 850 + 40 × 200 = 412000', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'sd.csv', 'id,location,primary,junior,boarders_primary,boarders_junior\nS,town,300,200,10,30\n');
    const b = JSON.parse(ok(await junheng('budget', file, ...AUTUMN_2025, '--region', 'east', '--parameters', SHANDONG, '--format', 'json'))) as JsonBudget;
    expect(b.total).toBe('412000');
  });
});

describe('--parameters problems', () => {
  it('are reported as --parameters FILE: path: …, beside the roster\'s', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'bad.csv', 'id,location,primary\nA,rural,-1\n');
    const set = writeTemp(dir, 'set.json', JSON.stringify({ funding: { benchmark: { primary: { value: 'lots', source: 'X' } }, nope: 1, specialEducation: { value: 8000, from: 'soon' } } }));
    const stderr = rejected(await junheng('budget', file, ...AUTUMN_2025, '--parameters', set));
    expect(stderr).toContain('line 2 (school "A"), column primary');
    expect(stderr).toContain(`--parameters ${set}: funding.benchmark.primary.value: must be an amount of yuan`);
    expect(stderr).toContain(`--parameters ${set}: funding.nope: is not a parameter junheng knows`);
    expect(stderr).toContain(`--parameters ${set}: funding.specialEducation.from: must be a real calendar date`);
    expect(stderr).toMatch(/, 4 problems;/);
  });

  it('a bad floor band is named by its place in the list', async () => {
    const dir = tempDir();
    const set = writeTemp(dir, 'set.json', JSON.stringify({ funding: { floors: { value: [{ id: 'a', locations: ['rural'], below: 'ten', fundedAs: 100 }], source: 'X' } } }));
    expect(rejected(await junheng('budget', CSV, ...AUTUMN_2025, '--parameters', set))).toContain(`--parameters ${set}: funding.floors.value[0].below: `);
  });

  it('the base and the what-if file are each named', async () => {
    const dir = tempDir();
    const set = writeTemp(dir, 'set.json', '{"funding":{"boardingSupplement":{"value":-1}}}');
    const patch = writeTemp(dir, 'what-if.json', '{"funding":{"specialEducation":"lots"}}');
    const stderr = rejected(await junheng('budget', CSV, ...AUTUMN_2025, '--region', 'central', '--parameters', set, '--what-if', patch));
    expect(stderr).toContain(`--parameters ${set}: funding.boardingSupplement.value: `);
    expect(stderr).toContain(`--what-if ${patch}: funding.specialEducation: `);
  });

  it('a missing file and bad JSON', async () => {
    const dir = tempDir();
    const missing = join(dir, 'nope.json');
    expect(rejected(await junheng('budget', CSV, '--parameters', missing))).toContain(`cannot read --parameters ${missing}: no such file`);
    const bad = writeTemp(dir, 'bad.json', '{"funding":');
    expect(rejected(await junheng('classes', join(EXAMPLES, 'classes.csv'), '--parameters', bad))).toContain(`--parameters ${bad} is not valid JSON`);
  });

  it('classes, teachers and assess name the file too', async () => {
    const dir = tempDir();
    const set = writeTemp(dir, 'set.json', '{"classes":{"largeFrom":{"value":"many"}},"teachers":{"training":{"requiredHours":-1}},"balance":{"school":{"nearMissShare":2}}}');
    expect(rejected(await junheng('classes', join(EXAMPLES, 'classes.csv'), ...AUTUMN_2025, '--parameters', set))).toContain(`--parameters ${set}: classes.largeFrom.value: `);
    expect(rejected(await junheng('teachers', join(EXAMPLES, 'teachers.csv'), ...AUTUMN_2025, '--parameters', set))).toContain(`--parameters ${set}: teachers.training.requiredHours: `);
    expect(rejected(await junheng('assess', join(EXAMPLES, 'county.json'), ...AUTUMN_2025, '--parameters', set))).toContain(`--parameters ${set}: balance.school.nearMissShare: `);
  });
});

describe('--parameters on classes, teachers and assess', () => {
  it('classes: the deadline moves, and the footer names the local source', async () => {
    const dir = tempDir();
    const set = writeTemp(dir, 'set.json', JSON.stringify({ classes: { largeClassDeadline: { value: '2026-08-31', source: 'DOC-C', note: 'our plan' } } }));
    const out = ok(await junheng('classes', join(EXAMPLES, 'classes.csv'), ...AUTUMN_2025, '--parameters', set));
    expect(out).toContain('eliminated by 2026-08-31');
    // The value by its name, with its source; no longer among junheng's unverified readings.
    expect(out).toContain(`Local parameters (--parameters ${set}): Deadline for eliminating large classes in urban and town schools (DOC-C)\n`);
    const unverified = (text: string): string => text.split('\n').find((l) => l.startsWith('Values in force that junheng has not verified')) ?? '';
    expect(unverified(ok(await junheng('classes', join(EXAMPLES, 'classes.csv'), ...AUTUMN_2025)))).toContain('Deadline for eliminating large classes');
    expect(unverified(out)).not.toContain('Deadline for eliminating');
    const json = JSON.parse(ok(await junheng('classes', join(EXAMPLES, 'classes.csv'), ...AUTUMN_2025, '--parameters', set, '--format', 'json'))) as { deadline: { date: string } };
    expect(json.deadline.date).toBe('2026-08-31');
  });

  it('teachers: the hours required follow the set', async () => {
    const dir = tempDir();
    const set = writeTemp(dir, 'set.json', JSON.stringify({ teachers: { training: { requiredHours: { value: 400, source: 'DOC-T' } } } }));
    const base = ok(await junheng('teachers', join(EXAMPLES, 'teachers.csv'), '--as-of', '2025-12-31', '--format', 'csv'));
    const local = ok(await junheng('teachers', join(EXAMPLES, 'teachers.csv'), '--as-of', '2025-12-31', '--format', 'csv', '--parameters', set));
    expect(base).toContain(',360,');
    expect(local).not.toContain(',360,');
    expect(local).toContain(',400,');
    const table = ok(await junheng('teachers', join(EXAMPLES, 'teachers.csv'), '--as-of', '2025-12-31', '--parameters', set));
    expect(table).toContain(`Local parameters (--parameters ${set}): teachers.training.requiredHours (DOC-T)\n`);
  });

  it('assess: the footer names the local source (table and markdown)', async () => {
    const dir = tempDir();
    const set = writeTemp(dir, 'set.json', JSON.stringify({ balance: { school: { nearMissShare: { value: 0.9, source: 'DOC-B' } } } }));
    const table = ok(await junheng('assess', join(EXAMPLES, 'county.json'), ...AUTUMN_2025, '--parameters', set));
    // The value by its name (assess words it), with its source.
    expect(table).toMatch(new RegExp(`^Local parameters \\(--parameters ${set.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\): .+ \\(DOC-B\\)$`, 'm'));
    const md = ok(await junheng('assess', join(EXAMPLES, 'county.json'), ...AUTUMN_2025, '--parameters', set, '--format', 'markdown'));
    expect(md).toMatch(/^- Local parameters \(--parameters .+\): .+ \(DOC-B\)$/m);
  });
});

describe('help texts', () => {
  for (const command of ['budget', 'classes', 'teachers', 'assess']) {
    it(`${command} --help documents --parameters and its format`, async () => {
      const help = ok(await junheng(command, '--help'));
      expect(help).toMatch(/--parameters set\.json\s+base parameters: a JSON local parameter set/);
      expect(help).toContain('Parameters files (--parameters FILE)');
      expect(help).toContain('{"value":750,"from":"2020-01-01","source":"南教计〔2020〕4号","note":"…"}');
      expect(help).toContain('examples/parameters/');
    });
  }

  it('budget --help says --what-if applies on top of --parameters', async () => {
    expect(ok(await junheng('budget', '--help'))).toContain('also compute with this patch on top of the base parameters');
  });
});
