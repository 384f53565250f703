/**
 * Bad input is bounded: counts read exactly from their text, at most 50 problems shown and the rest
 * counted, quoted cells cut to 80 characters, binary files refused from their first kilobytes, never
 * a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { countAt, countCell, countWording } from '../src/csv.js';
import { CENTRAL_2025, junheng, tempDir, writeTemp, type Run } from './helpers.js';

const HEADER = 'id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled';

function rejected(r: Run): string {
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr;
}

const budget = (content: string | Buffer, ...extra: string[]): Promise<Run> => junheng('budget', writeTemp(tempDir(), 'roster.csv', content), ...CENTRAL_2025, '--format', 'json', ...extra);

describe('counts are read from their text, exactly', () => {
  it('a count is digits, with at most a trailing point and zeros', async () => {
    expect(countAt('12', 0, 2)).toBe(12);
    expect(countAt('012', 0, 3)).toBe(12);
    expect(countAt('12.0', 0, 4)).toBe(12);
    expect(countAt('12.000', 0, 6)).toBe(12);
    expect(countAt('1000000', 0, 7)).toBe(1_000_000);
    for (const text of ['12.', '.5', '1.5', '-1', '+1', ' 1', '1e3', '1000001', '12.0000000000000001', '99.99999999999999999', '9007199254740993', '']) {
      expect(countAt(text, 0, text.length)).toBe(-1);
    }
  });

  it('a cell read inexactly as a double is passed on as its text, never as the double', async () => {
    expect(countCell('99.99999999999999999')).toBe('99.99999999999999999');
    expect(countCell('12.0000000000000001')).toBe('12.0000000000000001');
    expect(countCell('9007199254740993')).toBe('9007199254740993');
    // Numbers printed as written reach the library as numbers, which it words itself.
    expect(countCell('-5')).toBe(-5);
    expect(countCell('1.5')).toBe(1.5);
    expect(countCell('1000001')).toBe(1_000_001);
    expect(countCell('12.0')).toBe(12);
    expect(countCell('')).toBeUndefined();
  });

  it('the command words a number it passed on as text, quoting it as written', async () => {
    expect(countWording('99.99999999999999999')).toBe('must be a whole number, got 99.99999999999999999');
    expect(countWording('9007199254740993')).toBe('must be at most 1000000, got 9007199254740993');
    expect(countWording('-9007199254740993')).toBe('must not be negative, got -9007199254740993');
    expect(countWording('lots')).toBeUndefined();
    expect(countWording('5')).toBeUndefined();
  });

  const cases: Array<[string, string, string]> = [
    ['99.99999999999999999 pupils: not 100, so no floor is lost', 'A,rural,,99.99999999999999999,,,,', 'line 2 (school "A"), column primary: must be a whole number, got 99.99999999999999999'],
    ['12.0000000000000001 boarders: not 12', 'A,rural,,20,,12.0000000000000001,,', 'line 2 (school "A"), column boarders_primary: must be a whole number, got 12.0000000000000001'],
    ['9007199254740993: above the largest count, quoted as written', 'A,rural,,,9007199254740993,,,', 'line 2 (school "A"), column junior: must be at most 1000000, got 9007199254740993'],
    ['1.5: the library\'s words', 'A,rural,,1.5,,,,', 'line 2 (school "A"), column primary: must be a whole number, got 1.5'],
    ['-5: the library\'s words', 'A,rural,,-5,,,,', 'line 2 (school "A"), column primary: must not be negative, got -5'],
    ['1e2: text', 'A,rural,,1e2,,,,', 'line 2 (school "A"), column primary: must be a non-negative whole number, got the text "1e2"'],
  ];
  it.each(cases)('%s', async (_, row, message) => {
    const stderr = rejected(await budget(`${HEADER}\n${row}\n`));
    expect(stderr).toContain(message);
    expect(stderr).toMatch(/, 1 problem;/);
  });

  it('12.0 and 007 are counts: 12 and 7 pupils', async () => {
    const r = await budget(`${HEADER}\nA,urban,,12.0,,,,\nB,urban,,007,,,,\n`);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { schools: Array<{ fundedPupils: number }> };
    expect(out.schools.map((s) => s.fundedPupils)).toEqual([12, 7]);
  });
});

describe('at most 50 problems are shown, then a count of the rest', () => {
  it('120 bad rows: 50 lines, then "… and 70 more problems"', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `S${i},rural,,-${i + 1},,,,`);
    const stderr = rejected(await budget(`${HEADER}\n${rows.join('\n')}\n`));
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('junheng: cannot compute the budget, 120 problems; nothing computed:');
    expect(lines).toHaveLength(1 + 50 + 1);
    expect(lines[50]).toBe('  line 51 (school "S49"), column primary: must not be negative, got -50');
    expect(lines[51]).toBe('  … and 70 more problems, not shown');
  });

  it('rows past the 50th problem are still counted problem by problem (two problems in a row count two)', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `S${i},village,,-1,,,,`);
    const stderr = rejected(await budget(`${HEADER}\n${rows.join('\n')}\n`));
    expect(stderr).toMatch(/^junheng: cannot compute the budget, 120 problems;/);
    expect(stderr).toContain('… and 70 more problems, not shown');
  });

  it('repeated ids past the 50th problem are counted', async () => {
    const rows = Array.from({ length: 80 }, () => 'TWIN,rural,,10,,,,');
    const stderr = rejected(await budget(`${HEADER}\n${rows.join('\n')}\n`));
    expect(stderr).toMatch(/^junheng: cannot compute the budget, 79 problems;/);
    expect(stderr).toContain('line 3 (school "TWIN"), column id: repeats the id of school on line 2 ("TWIN")');
    expect(stderr).toContain('… and 29 more problems, not shown');
  });

  it('rows of the wrong width: 50 shown, the rest counted', async () => {
    const rows = Array.from({ length: 75 }, (_, i) => `S${i},rural`);
    const stderr = rejected(await budget(`${HEADER}\n${rows.join('\n')}\n`));
    expect(stderr.trimEnd().split('\n')).toHaveLength(1 + 50 + 1);
    expect(stderr).toContain('… and 25 more problems, not shown');
  });

  it('210,000 bad rows: exit 1, nothing on stdout, stderr under 20 KB, quickly', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 210_000; i++) rows.push(i % 3 === 0 ? `B${i},rural,,-5,,,,` : i % 3 === 1 ? `C${i},village,,10,,,,` : `D${i},rural,,lots,,3,,`);
    const file = writeTemp(tempDir(), 'bad.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const started = performance.now();
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'json');
    const seconds = (performance.now() - started) / 1000;
    const stderr = rejected(r);
    expect(Buffer.byteLength(stderr)).toBeLessThan(20_000);
    expect(stderr).toMatch(/^junheng: cannot compute the budget, 210,000 problems;/);
    expect(stderr).toContain('… and 209,950 more problems, not shown');
    expect(seconds).toBeLessThan(6); // about 0.5 s alone; generous for a loaded test run
  });
});

describe('a cell quoted in a message is cut to 80 characters', () => {
  it('an unknown column name', async () => {
    const name = 'x'.repeat(300);
    const stderr = rejected(await budget(`id,location,${name}\nA,rural,1\n`));
    expect(stderr).toContain(`unknown column "${'x'.repeat(80)}…"`);
    expect(stderr).not.toContain('x'.repeat(81));
  });

  it('an id naming its row', async () => {
    const id = 'Z'.repeat(150);
    const stderr = rejected(await budget(`${HEADER}\n${id},village,,10,,,,\n`));
    expect(stderr).toContain(`line 2 (school "${'Z'.repeat(80)}…"), column location`);
  });

  it('a long number in a count', async () => {
    const cell = `1.${'0'.repeat(200)}1`;
    const stderr = rejected(await budget(`${HEADER}\nA,rural,,${cell},,,,\n`));
    expect(stderr).toContain(`column primary: must be a whole number, got ${cell.slice(0, 80)}…\n`);
  });
});

describe('binary input is refused from its first kilobytes', () => {
  it('a file of NUL bytes', async () => {
    const stderr = rejected(await budget(Buffer.alloc(1 << 20)));
    expect(stderr).toMatch(/is not a text file: it holds NUL bytes in its first kilobytes \(binary data\)/);
  });

  it('a CSV saved as UTF-16: says so', async () => {
    const stderr = rejected(await budget(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\nA,rural,,10,,,,\n`, 'utf16le')])));
    expect(stderr).toContain('text saved as UTF-16; save it as UTF-8');
  });

  it('random bytes', async () => {
    const bytes = Buffer.alloc(8192);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + ((i * 2654435761) >>> 24) % 255;
    const stderr = rejected(await budget(bytes));
    expect(stderr).toMatch(/is not a text file/);
  });

  it('a JSON file of NUL bytes', async () => {
    const r = await junheng('budget', writeTemp(tempDir(), 'roster.json', Buffer.alloc(4096)), ...CENTRAL_2025);
    expect(rejected(r)).toMatch(/is not a text file/);
  });

  it('a line without a line end longer than 1 MiB ends the reading, with the line', async () => {
    const stderr = rejected(await budget(`${HEADER}\nA,rural,,10,,,,\n${'a'.repeat(3 << 20)}`));
    expect(stderr).toContain('line 3: longer than 1,048,576 characters without a line end');
  });
});
