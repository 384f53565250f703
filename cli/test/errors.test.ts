import { describe, expect, it } from 'vitest';
import { CENTRAL_2025, CSV, junheng, tempDir, WHAT_IF, writeTemp, type Run } from './helpers.js';

/** Bad input: exit 1, nothing at all on stdout, the problems on stderr. */
function expectRejected(r: Run): string {
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toBe('');
  return r.stderr;
}

describe('junheng budget: bad rows are reported by line and column, all at once', () => {
  const HEADER = 'id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled';
  const rows = [
    'N1,rural,,-5,,,,', // line 2: negative
    'F1,rural,,,1.5,,,', // line 3: fractional
    'T1,rural,,10,,lots,,', // line 4: text in a count
    'L1,village,,10,,,,', // line 5: unknown location
    'D1,rural,,10,,,,', // line 6: first D1
    'D1,urban,,20,,,,', // line 7: D1 again
    'B1,town,,10,30,,31,', // line 8: more boarders than pupils
    'K1,rural,college,10,,,,', // line 9: unknown kind
    'X1,rural,,10,,,,11', // line 10: more disabled pupils than pupils
    ',rural,,10,,,,', // line 11: no id
    'OK,rural,,150,,,,', // line 12: fine
  ];
  const run = (() => {
    let cached: string | undefined;
    return async () => {
      if (cached === undefined) {
        const dir = tempDir();
        const file = writeTemp(dir, 'bad.csv', `${HEADER}\n${rows.join('\n')}\n`);
        cached = expectRejected(await junheng('budget', file, ...CENTRAL_2025, '--format', 'json'));
      }
      return cached;
    };
  })();

  const expected: Array<[string, string]> = [
    ['negative', 'line 2 (school "N1"), column primary: must not be negative, got -5'],
    ['fractional', 'line 3 (school "F1"), column junior: must be a whole number, got 1.5'],
    ['text', 'line 4 (school "T1"), column boarders_primary: must be a non-negative whole number, got the text "lots"'],
    ['unknown location', 'line 5 (school "L1"), column location: must be one of \'urban\' | \'town\' | \'rural\', got the text "village"'],
    ['duplicate id', 'line 7 (school "D1"), column id: repeats the id of school on line 6 ("D1")'],
    ['boarders above pupils', 'line 8 (school "B1"), column boarders_junior: must not exceed the junior pupils (31 boarders, 30 pupils)'],
    ['unknown kind', 'line 9 (school "K1"), column kind: must be one of'],
    ['disabled above pupils', 'line 10 (school "X1"), column disabled: must not exceed the school\'s pupils'],
    ['missing id', 'line 11, column id: is required'],
  ];
  it.each(expected)('%s', async (_, message) => {
    expect(await run()).toContain(message);
  });

  it('states how many problems, one per line, and nothing about the good row', async () => {
    const stderr = await run();
    expect(stderr).toMatch(/^junheng: cannot compute the budget, 9 problems; nothing computed:\n/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1 + 9);
    expect(stderr).not.toContain('line 12');
  });

  it('a repeated id is found across the whole roster, not only nearby (rows far apart)', async () => {
    const dir = tempDir();
    const lines = [HEADER];
    for (let i = 0; i < 5000; i++) lines.push(`S${i},rural,,${100 + (i % 300)},,,,`);
    lines[3] = 'TWIN,rural,,150,,,,'; // line 4
    lines[4501] = 'TWIN,urban,,900,,,,'; // line 4502
    lines[11] = 'NEAR,rural,,150,,,,'; // line 12
    lines[12] = 'NEAR,rural,,150,,,,'; // line 13
    lines[4801] = 'S4800,rural,,-1,,,,'; // line 4802
    const file = writeTemp(dir, 'twins.csv', `${lines.join('\n')}\n`);
    const stderr = expectRejected(await junheng('budget', file, ...CENTRAL_2025));
    expect(stderr).toContain('line 13 (school "NEAR"), column id: repeats the id of school on line 12 ("NEAR")');
    expect(stderr).toContain('line 4502 (school "TWIN"), column id: repeats the id of school on line 4 ("TWIN")');
    expect(stderr).toContain('line 4802 (school "S4800"), column primary: must not be negative, got -1');
    expect(stderr).toMatch(/, 3 problems;/);
    // In file order.
    expect(stderr.indexOf('line 13 ')).toBeLessThan(stderr.indexOf('line 4502 '));
    expect(stderr.indexOf('line 4502 ')).toBeLessThan(stderr.indexOf('line 4802 '));
  });

  it('counts lines across a quoted line break and CRLF line ends', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'crlf.csv', '\uFEFFid,location,primary\r\n"A\r\nB",rural,10\r\nC,rural,-2\r\n');
    expect(expectRejected(await junheng('budget', file, ...CENTRAL_2025))).toContain('line 4 (school "C"), column primary: must not be negative, got -2');
  });
});

describe('junheng budget: bad CSV structure', () => {
  const cases: Array<[string, string, string]> = [
    ['an unknown column', 'id,location,town,primary\nA,rural,Some town,10\n', 'line 1: unknown column "town"; the columns are id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled,name'],
    ['a missing required column', 'id,primary\nA,10\n', 'line 1: missing required column location'],
    ['a column given twice', 'id,location,primary,primary\nA,rural,1,2\n', 'line 1: column primary given more than once'],
    ['an unterminated quote', 'id,location,primary\nA,rural,10\n"B,rural,10\nC,rural,10\n', 'line 3: a quoted field is never closed'],
    ['a short row', 'id,location,primary\nA,rural\n', 'line 2: 2 cells, but the header has 3'],
    ['a long row', 'id,location,primary\nA,rural,1\nB,rural,1,2\n', 'line 3: 4 cells, but the header has 3'],
    ['text after a closing quote', 'id,location,primary\n"A"x,rural,1\n', 'line 2: text after a closing quote'],
    ['an empty file', '', 'the file is empty'],
  ];
  it.each(cases)('%s: exit 1, a message with the line, nothing on stdout', async (_, content, message) => {
    const dir = tempDir();
    const file = writeTemp(dir, 'bad.csv', content);
    const stderr = expectRejected(await junheng('budget', file, ...CENTRAL_2025));
    expect(stderr).toContain(message);
    expect(stderr).toContain(`${file} is not a readable roster CSV`);
  });

  it('reports every row of the wrong width, not only the first', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'widths.csv', 'id,location,primary\nA,rural\nB,rural,1\nC\n');
    const stderr = expectRejected(await junheng('budget', file, ...CENTRAL_2025));
    expect(stderr).toContain('line 2: 2 cells');
    expect(stderr).toContain('line 4: 1 cell,');
  });
});

describe('junheng budget: JSON rosters', () => {
  it('names the school by index and id', async () => {
    const dir = tempDir();
    const file = writeTemp(
      dir,
      'bad.json',
      JSON.stringify([
        { id: 'A', location: 'rural', pupils: { primary: 150 } },
        { id: 'B', location: 'rural', pupils: { primary: 'abc' }, pupil: 3 },
        { location: 'moon', pupils: {} },
      ]),
    );
    const stderr = expectRejected(await junheng('budget', file, ...CENTRAL_2025));
    expect(stderr).toContain('schools[1].pupils.primary (school "B"): must be a non-negative whole number, got the text "abc"');
    expect(stderr).toContain('schools[1].pupil (school "B"): is not a field junheng knows');
    expect(stderr).toContain('schools[2].id: is required');
    expect(stderr).toContain('schools[2].location: must be one of');
  });

  it('a repeated id names the other school by index', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'twins.json', JSON.stringify([{ id: 'A', location: 'rural', pupils: {} }, { id: 'A', location: 'urban', pupils: {} }]));
    expect(expectRejected(await junheng('budget', file, ...CENTRAL_2025))).toContain('schools[1].id (school "A"): repeats the id of school on schools[0] ("A")');
  });

  it('invalid JSON, or not a list', async () => {
    const dir = tempDir();
    const broken = writeTemp(dir, 'broken.json', '[{"id": "A",');
    expect(expectRejected(await junheng('budget', broken, ...CENTRAL_2025))).toContain(`${broken} is not valid JSON`);
    const object = writeTemp(dir, 'object.json', '{"schools": []}');
    expect(expectRejected(await junheng('budget', object, ...CENTRAL_2025))).toContain(`${object}: must be a list of schools`);
  });
});

describe('junheng budget: options', () => {
  it('without --region where the benchmarks differ: the message suggests --region', async () => {
    const stderr = expectRejected(await junheng('budget', CSV, '--as-of', '2025-09-01'));
    expect(stderr).toMatch(/--region: is needed/);
    expect(stderr).toContain('use --region east|central|west');
  });

  it('a special-education roster needs no region', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'special.csv', 'id,location,kind,primary\nTJ,urban,special-education,10\n');
    const r = await junheng('budget', file, '--as-of', '2025-09-01', '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ total: '70000', schools: [{ id: 'TJ', fundedPupils: 10, floorApplied: null, amount: '70000' }] });
  });

  it('a date that does not exist: --as-of 2022-02-30', async () => {
    const stderr = expectRejected(await junheng('budget', CSV, '--as-of', '2022-02-30', '--region', 'central'));
    expect(stderr).toContain('--as-of: must be a real calendar date written \'YYYY-MM-DD\', got the text "2022-02-30"');
  });

  it('a date before the first known rates', async () => {
    const stderr = expectRejected(await junheng('budget', CSV, '--as-of', '2015-01-01', '--region', 'central'));
    expect(stderr).toMatch(/--as-of: is too early: on 2015-01-01/);
  });

  it('an unknown region', async () => {
    const stderr = expectRejected(await junheng('budget', CSV, '--as-of', '2025-09-01', '--region', 'north'));
    expect(stderr).toContain('--region: must be one of \'east\' | \'central\' | \'west\', got the text "north"');
  });

  it('bad rows and bad options are reported together', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'bad.csv', 'id,location,primary\nA,rural,-1\n');
    const patch = writeTemp(dir, 'patch.json', '{"funding":{"benchmark":{"primary":{"central":"lots"}}}}');
    const stderr = expectRejected(await junheng('budget', file, '--as-of', '2022-02-30', '--region', 'north', '--what-if', patch));
    expect(stderr).toContain('line 2 (school "A"), column primary');
    expect(stderr).toContain('--as-of: ');
    expect(stderr).toContain('--region: ');
    expect(stderr).toContain(`--what-if ${patch}: funding.benchmark.primary.central: `);
    expect(stderr).toMatch(/, 4 problems;/);
  });
});

describe('junheng budget --what-if: bad patches', () => {
  it('names the patch file and the parameter path', async () => {
    const dir = tempDir();
    const patch = writeTemp(dir, 'patch.json', JSON.stringify({ funding: { benchmark: { primary: 'abc', secondary: 1 }, floors: [{ id: 'd', locations: ['rural'], above: 100, below: -1, fundedAs: 200 }] } }));
    const stderr = expectRejected(await junheng('budget', CSV, ...CENTRAL_2025, '--what-if', patch));
    expect(stderr).toContain(`--what-if ${patch}: funding.benchmark.primary: `);
    expect(stderr).toContain(`--what-if ${patch}: funding.benchmark.secondary: is not a parameter junheng knows`);
    expect(stderr).toContain(`--what-if ${patch}: funding.floors[0].below: `);
  });

  it('a patch that is not JSON, or not there', async () => {
    const dir = tempDir();
    const patch = writeTemp(dir, 'patch.json', '{ funding: ');
    expect(expectRejected(await junheng('budget', CSV, ...CENTRAL_2025, '--what-if', patch))).toContain(`--what-if ${patch} is not valid JSON`);
    expect(expectRejected(await junheng('budget', CSV, ...CENTRAL_2025, '--what-if', `${dir}/none.json`))).toContain(`cannot read --what-if ${dir}/none.json: no such file`);
  });

  it('the example patch is valid', async () => {
    const r = await junheng('budget', CSV, ...CENTRAL_2025, '--what-if', WHAT_IF, '--format', 'csv');
    expect(r.status).toBe(0);
  });
});

describe('junheng budget: unreadable files', () => {
  it('a missing file', async () => {
    expect(expectRejected(await junheng('budget', 'no/such/roster.csv', ...CENTRAL_2025))).toContain('cannot read no/such/roster.csv: no such file');
  });

  it('a directory', async () => {
    const dir = tempDir();
    expect(expectRejected(await junheng('budget', dir, ...CENTRAL_2025))).toContain(`cannot read ${dir}: it is a directory`);
  });
});
