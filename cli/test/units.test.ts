import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from '../src/csv.js';
import { columnOf, readRoster } from '../src/roster.js';
import { ChunkWriter, displayWidth, floorLabel, floorSummary } from '../src/format.js';
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

  it('names the floors', async () => {
    expect(floorLabel('national-under-100')).toBe('national <100');
    expect(floorLabel('district-100-to-200')).toBe('5.1 100–200');
    expect(floorLabel(null)).toBe('');
    expect(floorLabel('junior-under-300')).toBe('junior-under-300'); // a band of a patched list, by its id
    const bands = ['national-under-100', 'district-100-to-200', 'junior-under-300'];
    expect(floorSummary(['national-under-100', null, 'district-100-to-200', 'junior-under-300', 'junior-under-300'], bands)).toBe(
      "Floors: 1 under the national under-100 floor, 1 under the opinion's 100-to-200 floor (5.1), 2 under junior-under-300.",
    );
    // Only the bands in force are named; a band no school falls under is still counted, as 0.
    expect(floorSummary([null], ['fujian-primary-under-100'])).toBe('Floors: 0 under fujian-primary-under-100.');
    expect(floorSummary([null], [])).toBe('Floors: none in force.');
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
