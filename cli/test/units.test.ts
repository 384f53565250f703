import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../src/csv.js';
import { columnOf, readRoster } from '../src/roster.js';
import { ChunkWriter, displayWidth, groupedFen } from '../src/format.js';
import { bandRule, floorName, floorShort, floorsSummary } from '../src/budget/words.js';
import { fenText } from '../src/compute.js';
import { grouped } from '../src/lang.js';
import { Progress } from '../src/progress.js';

function records(text: string): Array<[string[], number]> {
  const out: Array<[string[], number]> = [];
  parseCsv(text, (cells, line) => out.push([cells, line]));
  return out;
}

describe('parseCsv (RFC 4180)', () => {
  it('splits records and fields, with the line each record starts on', async () => {
    expect(records('a,b\n1,2\n')).toEqual([[['a', 'b'], 1], [['1', '2'], 2]]);
  });

  it('handles CRLF, a missing final line end, a BOM, and skips empty lines', async () => {
    expect(records('\uFEFFa,b\r\n\r\n1,2')).toEqual([[['a', 'b'], 1], [['1', '2'], 3]]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, counting the lines inside', async () => {
    expect(records('"a,1","say ""hi"""\n"multi\nline",x\nlast,y\n')).toEqual([
      [['a,1', 'say "hi"'], 1],
      [['multi\nline', 'x'], 2],
      [['last', 'y'], 4],
    ]);
  });

  it('keeps empty fields, quoted or not', async () => {
    expect(records('a,,""\n')).toEqual([[['a', '', ''], 1]]);
  });

  it('an unterminated quote is an error naming its line', async () => {
    expect(() => records('a\n"b\nc\n')).toThrow(CsvError);
    expect(() => records('a\n"b\nc\n')).toThrow('line 2: a quoted field is never closed');
  });
});

describe('readRoster', () => {
  it('maps columns to school fields: digits to numbers, other text passed on, empty cells left out', async () => {
    const { schools, lines } = readRoster(
      'id,location,kind,primary,junior,boarders_primary,boarders_junior,disabled\n' +
        'A,rural,teaching-point,12,,3,,1\n' +
        'B,urban,,-4,2.5,,x,\n' +
        '\n' +
        'C,town,,,,,,\n',
    );
    expect(schools).toEqual([
      { id: 'A', location: 'rural', kind: 'teaching-point', pupils: { primary: 12 }, boarders: { primary: 3 }, disabledPupils: 1 },
      { id: 'B', location: 'urban', pupils: { primary: -4, junior: 2.5 }, boarders: { junior: 'x' } },
      { id: 'C', location: 'town', pupils: {} },
    ]);
    expect(lines).toEqual([2, 3, 5]);
  });

  it('maps issue paths back to column names', async () => {
    expect(columnOf(['pupils', 'primary'])).toBe('primary');
    expect(columnOf(['pupils', 'junior'])).toBe('junior');
    expect(columnOf(['boarders', 'junior'])).toBe('boarders_junior');
    expect(columnOf(['boarders', 'primary'])).toBe('boarders_primary');
    expect(columnOf(['disabledPupils'])).toBe('disabled');
    expect(columnOf(['location'])).toBe('location');
  });
});

describe('Progress', () => {
  const fakeIo = (tty: boolean) => {
    const written: string[] = [];
    return { io: { stdout: () => undefined, stderr: (t: string) => void written.push(t), stderrIsTTY: tty }, written };
  };

  it('on a terminal, for a big job: a line rewritten with \\r, cleared at the end', async () => {
    const { io, written } = fakeIo(true);
    const p = new Progress(io, true);
    p.show('step 1');
    p.show('counter', false); // too soon after the last: skipped
    p.show('step 2');
    p.stop();
    p.show('after stop');
    expect(written).toEqual(['\rstep 1\x1b[K', '\rstep 2\x1b[K', '\r\x1b[K']);
  });

  it('never when standard error is not a terminal, nor for a small job', async () => {
    for (const [tty, big] of [[false, true], [true, false]] as const) {
      const { io, written } = fakeIo(tty);
      const p = new Progress(io, big);
      p.show('step');
      p.stop();
      expect(written).toEqual([]);
    }
  });
});

describe('table layout', () => {
  it('counts Chinese characters as two columns, so that Chinese ids line up', async () => {
    expect(displayWidth('CQ-01')).toBe(5);
    expect(displayWidth('城关小学')).toBe(8);
    expect(displayWidth('5.1 100–200')).toBe(11);
  });

  it('names the floors in both languages: short in a cell, by rule and document in a footer', async () => {
    expect(floorShort('national-under-100', 'en')).toBe('under 100 → 100');
    expect(floorShort('national-under-100', 'zh')).toBe('不足100人按100');
    expect(floorShort('district-100-to-200', 'en')).toBe('100–200 → 200 (5.1)');
    expect(floorShort('district-100-to-200', 'zh')).toBe('100–200人按200（意见5.1）');
    expect(floorShort(null, 'zh')).toBe('');
    expect(floorShort('junior-under-300', 'en')).toBe('junior-under-300'); // a band of a patched list, by its id
    expect(floorName('national-under-100', 'zh')).toBe('农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）');
    expect(floorName('national-under-100', 'en')).toBe('rural school or teaching point under 100 pupils, funded as 100 (国发〔2015〕67号)');
    expect(floorName('district-100-to-200', 'zh')).toBe('农村超过100人不足200人的学校按200人核定（《意见》5.1）');
    expect(floorName('district-100-to-200', 'en')).toBe('rural school of more than 100 and fewer than 200 pupils, funded as 200 (opinion 5.1)');
    expect(floorName('junior-under-300', 'en')).toBe('junior-under-300');
    // With its fields, any band is said by its rule; a default id with patched figures too (never the default's figures).
    const junior = { id: 'junior-under-300', locations: ['urban', 'town', 'rural'], stage: 'junior', below: 300, fundedAs: 300 } as const;
    expect(floorName('junior-under-300', 'zh', junior)).toBe('junior-under-300（城区、镇区、乡村学校初中在校生不足300人的按300人核定）');
    expect(floorName('junior-under-300', 'en', junior)).toBe('junior-under-300 (urban, town and rural schools with fewer than 300 junior pupils, funded as 300)');
    const raised = { id: 'district-100-to-200', locations: ['rural'], above: 100, below: 250, fundedAs: 250 } as const;
    expect(floorName('district-100-to-200', 'en', raised)).toBe('district-100-to-200 (rural schools with more than 100 and fewer than 250 pupils, funded as 250)');
    expect(floorShort('district-100-to-200', 'zh', raised)).toBe('district-100-to-200');
    const national = { id: 'national-under-100', locations: ['rural'], kinds: ['teaching-point'], below: 100, fundedAs: 100 } as const;
    expect(floorShort('national-under-100', 'en', national)).toBe('under 100 → 100'); // the default figures: the default words
    expect(bandRule(national, 'zh')).toBe('乡村学校和所有教学点不足100人的按100人核定');
  });

  it('summarises the floors applied, each band in words, a band in force that raised none as 0', async () => {
    const bands = new Map();
    expect(floorsSummary(new Map([['national-under-100', 7], ['district-100-to-200', 1]]), bands, 'zh')).toBe(
      '保底：7 所适用“农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）”；1 所适用“农村超过100人不足200人的学校按200人核定（《意见》5.1）”。',
    );
    expect(floorsSummary(new Map([['fujian-primary-under-100', 0]]), bands, 'en')).toBe('Floors: 0 schools under "fujian-primary-under-100".');
    expect(floorsSummary(new Map(), bands, 'en')).toBe('Floors: none in force.');
    expect(floorsSummary(new Map(), bands, 'zh')).toBe('保底：无（未设保底档）。');
  });

  it('writes fen as grouped yuan by arithmetic, as grouped() writes the yuan text', async () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [5, '0.05'],
      [-5, '-0.05'],
      [60000, '600'],
      [100000, '1,000'],
      [145920000, '1,459,200'],
      [73831250, '738,312.5'],
      [100000001, '1,000,000.01'],
      [-225690050, '-2,256,900.5'],
      [123456789012345, '1,234,567,890,123.45'],
    ];
    for (const [fen, text] of cases) {
      expect(groupedFen(fen)).toBe(text);
      expect(grouped(fenText(fen))).toBe(text);
    }
  });
});

describe('ChunkWriter', () => {
  const collect = (size: number) => {
    const chunks: Uint8Array[] = [];
    return { chunks, out: new ChunkWriter((c) => void chunks.push(c), size) };
  };

  it('writes the UTF-8 bytes of what it is given, in order, across chunk boundaries', async () => {
    const { chunks, out } = collect(16);
    const pieces = ['校', 'CQ-01 ', '城区小学 ', '𠀋', 'x'.repeat(40), '乡村\n'];
    for (const p of pieces) out.write(p);
    out.flush();
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((c) => c.length <= 120)).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(pieces.join(''));
  });

  it('never hands over the same bytes twice and never writes into a chunk it gave away', async () => {
    const { chunks, out } = collect(8);
    out.write('ab');
    out.flush();
    out.write('cd');
    out.flush();
    out.flush();
    expect(chunks.map((c) => Buffer.from(c).toString())).toEqual(['ab', 'cd']);
  });
});
