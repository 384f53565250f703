/**
 * `junheng assess` inputs: standard input, GBK / GB18030 JSON, and the inputs it refuses — a county
 * is nested data, so a CSV or .xlsx file (or either on standard input) is a clear error, exit 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, junheng, junhengIn, tempDir, writeTemp } from '../helpers.js';

const COUNTY = join(EXAMPLES, 'county.json');
const AS_OF = ['--as-of', '2025-09-01'];
const TEXT = readFileSync(COUNTY, 'utf8');

/** `text` in GBK: each character's two bytes found by decoding every GBK code (no encoder in Node). */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if (c.length === 1 && c !== '\uFFFD' && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(c);
      if (pair === undefined) throw new Error(`not in GBK: ${c}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

describe('junheng assess: inputs', () => {
  let expected: string;
  let dir: string;
  beforeAll(async () => {
    expected = (await junheng('assess', COUNTY, ...AS_OF, '--format', 'json')).stdout;
    dir = tempDir();
  });

  it('reads the county from standard input (-)', async () => {
    const r = await junhengIn(Buffer.from(TEXT), 'assess', '-', ...AS_OF, '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected);
    // the table names it too
    const t = await junhengIn(Buffer.from(`\uFEFF${TEXT}`), 'assess', '-', ...AS_OF, '--lang', 'zh');
    expect(t.stdout).toContain('X县（130000-XX）县域义务教育优质均衡发展评估');
  });

  it('reads GBK JSON (as Chinese Windows saves it), detected or chosen, from a file or standard input', async () => {
    const bytes = gbk(TEXT);
    expect(bytes.includes(Buffer.from('西湾村小学', 'utf8'))).toBe(false);
    expect(new TextDecoder('gbk').decode(bytes)).toBe(TEXT);
    const file = writeTemp(dir, 'county-gbk.json', bytes);
    expect((await junheng('assess', file, ...AS_OF, '--format', 'json')).stdout).toBe(expected);
    expect((await junheng('assess', file, ...AS_OF, '--format', 'json', '--encoding', 'gbk')).stdout).toBe(expected);
    expect((await junhengIn(bytes, 'assess', '-', ...AS_OF, '--format', 'json')).stdout).toBe(expected);
    // and the report reads the Chinese names right
    const t = await junheng('assess', file, ...AS_OF, '--lang', 'zh');
    expect(t.stdout).toMatch(/P10-西湾村小学 +3\.89 /);
  });

  it('refuses an undecodable file, naming the line and the encodings', async () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "id": "X",\n  "name": "'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('"\n}\n')]);
    const r = await junheng('assess', writeTemp(dir, 'bad-bytes.json', bytes), ...AS_OF);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 3');
    expect(r.stderr).toContain('--encoding utf8|gbk|gb18030');
  });

  it('refuses an .xlsx file: the county file is JSON, see examples/county.json (exit 1, nothing on stdout)', async () => {
    // a real workbook, as a roster would come
    const file = writeTemp(dir, 'county.xlsx', Buffer.from(await xlsxBytes()));
    for (const r of [await junheng('assess', file, ...AS_OF), await junhengIn(Buffer.from(await xlsxBytes()), 'assess', '-', ...AS_OF)]) {
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('is an Excel workbook, but the county file is JSON');
      expect(r.stderr).toContain('examples/county.json shows its shape');
    }
    const xls = await junheng('assess', writeTemp(dir, 'county.xls', 'whatever'), ...AS_OF);
    expect(xls.status).toBe(1);
    expect(xls.stderr).toContain('county.xls is an Excel workbook, but the county file is JSON');
  });

  it('refuses a CSV file or CSV text on standard input', async () => {
    const csv = 'id,stage,pupils\nP01,primary,1480\n';
    const file = await junheng('assess', writeTemp(dir, 'schools.csv', csv), ...AS_OF);
    expect(file.status).toBe(1);
    expect(file.stdout).toBe('');
    expect(file.stderr).toContain('schools.csv is a CSV file, but the county file is JSON: a county is nested data (schools, guarantees, quality, recognition, vetoes)');
    const piped = await junhengIn(Buffer.from(csv), 'assess', '-', ...AS_OF);
    expect(piped.status).toBe(1);
    expect(piped.stderr).toContain('standard input is not JSON (it looks like a CSV table), but the county file is JSON');
    const other = await junhengIn(Buffer.from('hello'), 'assess', '-', ...AS_OF);
    expect(other.stderr).toContain('standard input is not JSON (it does not begin with { or [)');
  });
});

/** A small real workbook, written by the command's own .xlsx writer. */
async function xlsxBytes(): Promise<Uint8Array> {
  const { xlsxBytes: write } = await import('../../src/report/xlsx.js');
  return write([{ name: 'schools', headers: ['id', 'stage', 'pupils'], rows: [['P01', 'primary', 1480]] }]);
}
