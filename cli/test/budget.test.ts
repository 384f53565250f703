import { Decimal } from 'decimal.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CENTRAL_2025, CSV, JSON_ROSTER, junheng, tempDir, todayIso, WHAT_IF, writeTemp, type JsonBudget } from './helpers.js';

async function budgetJson(...args: string[]): Promise<JsonBudget> {
  const r = await junheng('budget', ...args, '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonBudget;
}

const byId = (budget: JsonBudget) => new Map(budget.schools.map((s) => [s.id, s]));
const sum = (values: string[]) => values.reduce((acc, v) => acc.plus(v), new Decimal(0));

describe('junheng budget --format json on examples/district.csv (central, 2025-09-01)', () => {
  const budget = (() => {
    let cached: JsonBudget | undefined;
    return async () => (cached ??= await budgetJson(CSV, ...CENTRAL_2025));
  })();

  it('lists every school of the CSV in input order, with exactly the contract keys', async () => {
    const b = await budget();
    const ids = readFileSync(CSV, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    expect(b.schools.map((s) => s.id)).toEqual(ids);
    expect(b.schools).toHaveLength(40);
    expect(Object.keys(b)).toEqual(['total', 'schools']);
    for (const s of b.schools) expect(Object.keys(s)).toEqual(['id', 'fundedPupils', 'floorApplied', 'amount']);
    expect(typeof b.total).toBe('string');
  });

  it('the total is exactly the sum of the schools\' amounts', async () => {
    const b = await budget();
    expect(sum(b.schools.map((s) => s.amount)).toString()).toBe(b.total);
    expect(b.total).toBe('18434232.5');
  });

  // Worked by hand: central benchmarks 600 primary / 800 junior, boarders +200, special education 7000 (from 2025-03-01).
  const cases: Array<[string, number, string | null, string, string]> = [
    ['XC-03', 200, 'district-100-to-200', '120000', 'rural, 150 primary: funded as 200 × 600'],
    ['XC-06', 200, 'district-100-to-200', '120000', 'rural, 101 primary: just above 100'],
    ['XC-07', 200, 'district-100-to-200', '120000', 'rural, 199 primary: just below 200'],
    ['XC-04', 100, null, '60000', 'rural, exactly 100: no floor, 100 × 600'],
    ['XC-05', 200, null, '120000', 'rural, exactly 200: no floor, 200 × 600'],
    ['XC-09', 100, 'national-under-100', '60000', 'rural, 85 primary: national floor 100 × 600'],
    ['JXD-01', 100, 'national-under-100', '60000', 'teaching point of 12: 100 × 600'],
    ['JXD-06', 100, 'national-under-100', '60000', 'town teaching point of 38: teaching points are covered anywhere'],
    ['ZQ-07', 168, null, '100800', 'town, 168 primary: town is not 农村, 168 × 600'],
    ['ZQ-08', 95, null, '57000', 'town school of 95: not covered by the national floor, 95 × 600'],
    // 96 × 600 + 64 × 800 = 108800; 40 added at 108800 / 160 = 680 → 27200; 30 boarders × 200 = 6000.
    ['XC-08', 200, 'district-100-to-200', '142000', 'nine-year rural school, 96 + 64 pupils'],
    // 132 × 600 + 68 × 600 + 2 disabled × (7000 − 600) + 40 boarders × 200.
    ['XC-11', 200, 'district-100-to-200', '190000', 'rural junior 180 with 150 boarders: 200 × 800 + 150 × 200'],
    ['XC-10', 200, 'district-100-to-200', '140800', 'rural 132 primary, 2 disabled, 40 boarders'],
    // 540 × 600 + 420 × 800 = 660000; 1 disabled: 7000 − 660000/960 (687.5); 360 boarders × 200.
    ['ZQ-03', 960, null, '738312.5', 'town nine-year school with a disabled pupil: a weighted rate to the fen'],
    ['CQ-01', 2400, null, '1459200', 'urban 2400 primary, 3 disabled: 2400 × 600 + 3 × (7000 − 600)'],
    ['TJ-01', 138, null, '970000', 'special-education school: 138 × 7000 + 20 boarders × 200, no floor'],
  ];
  it.each(cases)('%s: funded %i, floor %s, amount %s (%s)', async (id, funded, floor, amount) => {
    const s = byId(await budget()).get(id);
    expect(s).toEqual({ id, fundedPupils: funded, floorApplied: floor, amount });
  });

  it('both floors are at work in the example', async () => {
    const floors = (await budget()).schools.map((s) => s.floorApplied);
    expect(floors.filter((f) => f === 'national-under-100')).toHaveLength(7);
    expect(floors.filter((f) => f === 'district-100-to-200')).toHaveLength(7);
  });

  it('the same schools as JSON give the same output', async () => {
    const r = await junheng('budget', JSON_ROSTER, ...CENTRAL_2025, '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(await budget());
  });

  it('prints compact JSON, one school per line', async () => {
    const r = await junheng('budget', CSV, ...CENTRAL_2025, '--format', 'json');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(40 + 2);
    expect(lines[0]).toBe('{"total":"18434232.5","schools":[');
    expect(lines[1]).toBe('{"id":"CQ-01","fundedPupils":2400,"floorApplied":null,"amount":"1459200"},');
    expect(lines.at(-1)).toBe(']}');
  });
});

describe('junheng budget --what-if examples/what-if.json', () => {
  const run = (() => {
    let cached: JsonBudget | undefined;
    return async () => (cached ??= await budgetJson(CSV, ...CENTRAL_2025, '--what-if', WHAT_IF));
  })();

  it('puts whatIf right after total, and whatIfAmount and difference on each school', async () => {
    const b = await run();
    expect(Object.keys(b)).toEqual(['total', 'whatIf', 'schools']);
    expect(Object.keys(b.whatIf ?? {})).toEqual(['total', 'difference']);
    for (const s of b.schools) expect(Object.keys(s)).toEqual(['id', 'fundedPupils', 'floorApplied', 'amount', 'whatIfAmount', 'difference']);
  });

  it('keeps the baseline as without --what-if', async () => {
    const b = await run();
    const plain = await budgetJson(CSV, ...CENTRAL_2025);
    expect(b.total).toBe(plain.total);
    expect(b.schools.map(({ id, fundedPupils, floorApplied, amount }) => ({ id, fundedPupils, floorApplied, amount }))).toEqual(plain.schools);
  });

  it('what-if total and differences add up exactly', async () => {
    const b = await run();
    const whatIf = b.whatIf as { total: string; difference: string };
    expect(sum(b.schools.map((s) => s.whatIfAmount as string)).toString()).toBe(whatIf.total);
    expect(new Decimal(whatIf.total).minus(b.total).toString()).toBe(whatIf.difference);
    expect(sum(b.schools.map((s) => s.difference as string)).toString()).toBe(whatIf.difference);
    for (const s of b.schools) expect(new Decimal(s.whatIfAmount as string).minus(s.amount).toString()).toBe(s.difference);
    expect(whatIf.total).toBe('20691133');
    expect(whatIf.difference).toBe('2256900.5');
  });

  // What-if: primary 720 (central), the district floor "below 250 → 250".
  const cases: Array<[string, string, string, string]> = [
    ['XC-05', '120000', '180000', '60000'], // 200 pupils now under the raised floor: 250 × 720
    ['XC-03', '120000', '180000', '60000'], // 150 → 250 × 720
    ['XC-04', '60000', '72000', '12000'], // exactly 100: no floor either way, 100 × 720
    ['XC-08', '142000', '194000', '52000'], // 96 × 720 + 64 × 800 + 90 × 752 + 6000
    ['ZQ-07', '100800', '120960', '20160'], // town: no floor, 168 × 720
    ['CQ-03', '1692400', '1692400', '0'], // junior only: unchanged
    ['TJ-01', '970000', '970000', '0'], // special education: unchanged
  ];
  it.each(cases)('%s: %s → %s (difference %s)', async (id, amount, whatIfAmount, difference) => {
    const s = byId(await run()).get(id);
    expect(s).toMatchObject({ amount, whatIfAmount, difference });
  });

  it('CSV and table outputs carry the what-if columns', async () => {
    const csv = await junheng('budget', CSV, ...CENTRAL_2025, '--what-if', WHAT_IF, '--format', 'csv');
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('\uFEFFid,pupils,funded_pupils,floor_applied,amount,what_if_amount,difference');
    expect(lines).toContain('XC-05,200,200,,120000,180000,60000');
    const table = await junheng('budget', CSV, ...CENTRAL_2025, '--what-if', WHAT_IF);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/what-if amount\s+difference\n/);
    expect(table.stdout).toMatch(/^XC-05\s+200\s+200\s+120,000\s+250\s+180,000\s+60,000$/m);
    expect(table.stdout).toMatch(/^total\s+18,434,232\.5\s+20,691,133\s+2,256,900\.5$/m);
    // The parameters the patch changes, by name; the what-if's own floor band by its id and rule.
    expect(table.stdout).toContain('What-if ' + WHAT_IF + ' (changes Per-pupil public-funding benchmark (primary), Small-school floors): total 20,691,133, difference 2,256,900.5.');
    expect(table.stdout).toMatch(/^XC-03\s+150\s+200\s+100–200 → 200 \(5\.1\)\s+120,000\s+250\s+180,000\s+60,000$/m);
  });
});

describe('junheng budget --format csv', () => {
  it('prints the header and one row per school, no total row, nothing on stderr', async () => {
    const r = await junheng('budget', CSV, ...CENTRAL_2025, '--format', 'csv');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    // UTF-8 with a byte-order mark (Excel reads its Chinese), snake_case headers, the pupils column.
    expect(lines[0]).toBe('\uFEFFid,pupils,funded_pupils,floor_applied,amount');
    expect(lines).toHaveLength(1 + 40 + 1); // header, rows, final newline
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain('XC-03,150,200,district-100-to-200,120000');
    expect(lines).toContain('XC-09,85,100,national-under-100,60000');
    expect(lines).toContain('CQ-02,1850,1850,,1110000');
    expect(lines).toContain('ZQ-03,960,960,,738312.5');
    expect(r.stdout).not.toContain('total');
  });

  it('quotes an id that needs it', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'q.csv', 'id,location,primary\n"A, ""north""",rural,150\n');
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'csv', '--no-bom');
    expect(r.stdout).toBe('id,pupils,funded_pupils,floor_applied,amount\n"A, ""north""",150,200,district-100-to-200,120000\n');
  });
});

describe('junheng budget (table, the default)', () => {
  const table = (() => {
    let cached: string | undefined;
    return async () => {
      if (cached === undefined) {
        const r = await junheng('budget', CSV, ...CENTRAL_2025);
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('');
        cached = r.stdout;
      }
      return cached;
    };
  })();

  it('shows each school with its floor and exact amount', async () => {
    const t = await table();
    expect(t).toMatch(/^id\s+pupils\s+funded\s+floor\s+amount$/m);
    // Amounts exact, with thousands separators; floors in short words.
    expect(t).toMatch(/^XC-03\s+150\s+200\s+100–200 → 200 \(5\.1\)\s+120,000$/m);
    expect(t).toMatch(/^XC-09\s+85\s+100\s+under 100 → 100\s+60,000$/m);
    expect(t).toMatch(/^XC-04\s+100\s+100\s+60,000$/m);
    expect(t).toMatch(/^ZQ-03\s+960\s+960\s+738,312\.5$/m);
    expect(t).toMatch(/^CQ-01\s+2400\s+2400\s+1,459,200$/m);
    expect(t).toMatch(/^ZQ-08\s+95\s+95\s+57,000$/m);
    expect(t).toMatch(/^total\s+18,434,232\.5$/m);
  });

  it('right-aligns the columns: every line of the table ends in the same column', async () => {
    const t = await table();
    const block = t.slice(0, t.indexOf('\n\n')).split('\n');
    expect(block).toHaveLength(1 + 1 + 40 + 1 + 1); // header, rule, rows, rule, total
    const width = block[0]?.length;
    for (const line of block) expect(line.length, line).toBe(width);
    expect(t).toMatch(/ {2}1,459,200\n/); // amounts unpadded on the right
  });

  it('names the date, the region, the citations (5.1 first) and the unverified values in force', async () => {
    const t = await table();
    expect(t).toContain('40 schools; amounts in yuan per year.');
    expect(t).toContain('As of 2025-09-01, region central.');
    // Documents by their number, the opinion's items as "opinion 5.1", 5.1 first.
    expect(t).toMatch(/^Cites: opinion 5\.1; 国发〔2015〕67号; Ministry of Finance: special-education per-pupil public funding raised to 7000 yuan a year$/m);
    expect(t).toContain(
      'Floors: 7 schools under "rural school or teaching point under 100 pupils, funded as 100 (国发〔2015〕67号)"; 7 schools under "rural school of more than 100 and fewer than 200 pupils, funded as 200 (opinion 5.1)".',
    );
    // Unverified values in words: the bands by their rule (their coverage is junheng's reading), choices in words.
    const unverified = t.split('\n').find((l) => l.startsWith('Values in force that junheng has not verified'));
    expect(unverified).toBeDefined();
    expect(unverified).toContain('Small-school floors "rural school or teaching point under 100 pupils, funded as 100 (国发〔2015〕67号)"');
    expect(unverified).toContain('Disabled pupils in mainstream classes: at the special-education rate instead of the stage benchmark');
    expect(unverified).toContain("The day the opinion's own rules take effect 2017-05-23");
    expect(unverified).not.toContain('Per-pupil public-funding benchmark');
    expect(unverified).not.toMatch(/funding\.|instead;|proportional/); // no code paths, no enum values
    // The stale values by name, value, unit and region.
    expect(t).toContain(
      'Not confirmed since 2016-12-31 (no source seen shows them still in force after that day, and 2025-09-01 is later; confirm or override): Per-pupil public-funding benchmark (primary) 600 yuan/pupil/year (central); Per-pupil public-funding benchmark (junior) 800 yuan/pupil/year (central)',
    );
  });

  it('defaults --as-of to today', async () => {
    const r = await junheng('budget', CSV, '--region', 'central');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`As of ${todayIso()}, region central.`);
  });

  it('leaves out the unverified values that bear on nothing: disabled pupils, mixed-stage floors', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'plain.csv', 'id,location,primary\nA,rural,150\nB,urban,900\n');
    const r = await junheng('budget', file, ...CENTRAL_2025);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Small-school floors');
    expect(r.stdout).not.toContain('Disabled pupils in mainstream classes');
    expect(r.stdout).not.toContain('Rate the pupils added by a floor band');
  });
});

describe('junheng budget: reading CSV', () => {
  it('reads a CSV with a BOM, CRLF line ends, quoted fields, doubled quotes and a line break in a field', async () => {
    const dir = tempDir();
    const file = writeTemp(
      dir,
      'crlf.csv',
      '\uFEFFlocation,id,primary\r\nrural,"A ""old"" school",150\r\nrural,"B,\r\nnorth",80\r\nurban,C,"1000"\r\n',
    );
    const b = await budgetJson(file, ...CENTRAL_2025);
    expect(b.schools).toEqual([
      { id: 'A "old" school', fundedPupils: 200, floorApplied: 'district-100-to-200', amount: '120000' },
      { id: 'B,\r\nnorth', fundedPupils: 100, floorApplied: 'national-under-100', amount: '60000' },
      { id: 'C', fundedPupils: 1000, floorApplied: null, amount: '600000' },
    ]);
    expect(b.total).toBe('780000');
  });

  it('reads columns in any order, with only id and location required, and empty cells as absent', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'order.csv', 'disabled,junior,location,id,kind\n,,rural,EMPTY,\n,150,rural,J,\n');
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'json');
    expect(r.status).toBe(0);
    // A school with no pupils is computed, and warned about: what it is funded as.
    expect(r.stderr).toBe(
      'junheng: warning: school "EMPTY" has no pupils, yet is funded as 100 pupils (60,000 yuan) by the floor "rural school or teaching point under 100 pupils, funded as 100 (国发〔2015〕67号)"; check its pupil counts\n',
    );
    const b = JSON.parse(r.stdout) as JsonBudget;
    // An empty rural school is funded under the national floor at the primary rate; 150 junior pupils as 200 × 800.
    expect(b.schools).toEqual([
      { id: 'EMPTY', fundedPupils: 100, floorApplied: 'national-under-100', amount: '60000' },
      { id: 'J', fundedPupils: 200, floorApplied: 'district-100-to-200', amount: '160000' },
    ]);
  });

  it('a header alone is an empty budget', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'empty.csv', 'id,location,primary\n');
    expect(await budgetJson(file, ...CENTRAL_2025)).toEqual({ total: '0', schools: [] });
  });

  it('reads a file without a .csv or .json extension by its content', async () => {
    const dir = tempDir();
    const csv = writeTemp(dir, 'roster.txt', 'id,location,primary\nA,rural,150\n');
    const json = writeTemp(dir, 'roster.dat', '[{"id":"A","location":"rural","pupils":{"primary":150}}]');
    expect((await budgetJson(csv, ...CENTRAL_2025)).total).toBe('120000');
    expect((await budgetJson(json, ...CENTRAL_2025)).total).toBe('120000');
  });
});

describe('junheng budget on a large roster', () => {
  it('computes 60,000 schools (several chunks): exact total, no progress line when stderr is not a terminal', async () => {
    const dir = tempDir();
    const rows = ['id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled'];
    let expected = new Decimal(0);
    for (let i = 0; i < 60_000; i++) {
      const pupils = 50 + (i % 400); // 50…449: both floors and none
      rows.push(`S${i},rural,,${pupils},,,,`);
      const funded = pupils < 100 ? 100 : pupils > 100 && pupils < 200 ? 200 : pupils;
      expected = expected.plus(funded * 600);
    }
    const file = writeTemp(dir, 'big.csv', `${rows.join('\n')}\n`);
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const b = JSON.parse(r.stdout) as JsonBudget;
    expect(b.schools).toHaveLength(60_000);
    expect(b.total).toBe(expected.toString());
    expect(b.schools[59_999]).toEqual({ id: 'S59999', fundedPupils: 449, floorApplied: null, amount: '269400' });
    expect(b.schools[40_050]).toEqual({ id: 'S40050', fundedPupils: 100, floorApplied: null, amount: '60000' }); // exactly 100
    expect(b.schools[40_100]).toEqual({ id: 'S40100', fundedPupils: 200, floorApplied: 'district-100-to-200', amount: '120000' }); // 150
  });
});

describe('junheng budget: Chinese ids', () => {
  it('line up in the table and pass through JSON unchanged', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'zh.csv', 'id,location,primary\n城关小学,urban,1200\nA,rural,150\n');
    const table = await junheng('budget', file, ...CENTRAL_2025);
    expect(table.status).toBe(0);
    const rows = table.stdout.split('\n').slice(2, 4);
    expect(rows[0]).toMatch(/^城关小学 {2}/);
    // Same display width: the Chinese id takes 8 columns, 'A' one.
    expect(rows[0]?.replace(/城关小学/, 'XXXXXXXX').length).toBe(rows[1]?.length);
    expect((await budgetJson(file, ...CENTRAL_2025)).schools[0]?.id).toBe('城关小学');
  });
});
