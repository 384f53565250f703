/**
 * `junheng budget` with the roster files a bureau has: GBK / GB18030 as Chinese Excel saves CSV,
 * Chinese headers and 城乡分类 words or codes, standard input (`-`), and CSV output an analyst opens
 * in Excel (BOM, no formulas run).
 */
import { describe, expect, it } from 'vitest';
import { CHUNK } from '../src/read.js';
import { CENTRAL_2025, junheng, junhengIn, tempDir, writeTemp, type JsonBudget, type Run } from './helpers.js';


/** The roster in Chinese, as Chinese Excel saves it: GBK, CRLF (made with `iconv -f utf-8 -t gbk`). */
const CHINESE_TEXT =
  '学校标识码,学校名称,城乡类型,小学在校生数,初中在校生数\r\n' +
  '城关小学,城关镇第一小学,城区,2400,\r\n' +
  '镇中心校,镇中心学校,镇区,168,\r\n' +
  '村小,某村小学,乡村,150,\r\n' +
  '新区初中,新区初级中学,城区,,960\r\n';
const CHINESE_GBK = Buffer.from(
  'd1a7d0a3b1eacab6c2eb2cd1a7d0a3c3fbb3c62cb3c7cfe7c0e0d0cd2cd0a1d1a7d4dad0a3c9facafd2cb3f5d6d0d4dad0a3c9facafd0d0a' +
    'b3c7b9d8d0a1d1a72cb3c7b9d8d5f2b5dad2bbd0a1d1a72cb3c7c7f82c323430302c0d0a' +
    'd5f2d6d0d0c4d0a32cd5f2d6d0d0c4d1a7d0a32cd5f2c7f82c3136382c0d0a' +
    'b4e5d0a12cc4b3b4e5d0a1d1a72ccfe7b4e52c3135302c0d0a' +
    'd0c2c7f8b3f5d6d02cd0c2c7f8b3f5bcb6d6d0d1a72cb3c7c7f82c2c3936300d0a',
  'hex',
);
/** The same roster with English headers and locations, in UTF-8. */
const ENGLISH = 'id,location,primary,junior\n城关小学,urban,2400,\n镇中心校,town,168,\n村小,rural,150,\n新区初中,urban,,960\n';

const json = (r: Run): JsonBudget => {
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonBudget;
};

describe('junheng budget: the roster files a bureau has', () => {
  const dir = tempDir();
  const english = writeTemp(dir, 'english.csv', ENGLISH);
  const expected = junheng('budget', english, ...CENTRAL_2025, '--format', 'json').then(json);

  it('the GBK test bytes are the Chinese roster (as GB18030 decodes them)', async () => {
    expect(new TextDecoder('gbk', { fatal: true }).decode(CHINESE_GBK)).toBe(CHINESE_TEXT);
    expect((await expected).schools.map((s) => s.id)).toEqual(['城关小学', '镇中心校', '村小', '新区初中']);
  });

  it('a GBK CSV with Chinese headers and 城区/镇区/乡村 gives the same JSON as the English UTF-8 one', async () => {
    const file = writeTemp(dir, 'gbk.csv', CHINESE_GBK);
    expect(json(await junheng('budget', file, ...CENTRAL_2025, '--format', 'json'))).toEqual(await expected);
    for (const encoding of ['gbk', 'gb18030']) expect(json(await junheng('budget', file, ...CENTRAL_2025, '--format', 'json', '--encoding', encoding))).toEqual(await expected);
  });

  it('short GBK text that is also valid UTF-8 (小学 = D0 A1 D1 A7, the UTF-8 of "Сѧ") is read as GBK', async () => {
    const file = writeTemp(dir, 'short.csv', Buffer.concat([Buffer.from('id,location,primary\n'), Buffer.from('d0a1d1a7', 'hex'), Buffer.from(',rural,150\n')]));
    expect(json(await junheng('budget', file, ...CENTRAL_2025, '--format', 'json')).schools[0]?.id).toBe('小学');
  });

  it('UTF-8 with and without a BOM, Chinese headers, gives the same JSON', async () => {
    for (const [name, content] of [
      ['bom.csv', `\uFEFF${CHINESE_TEXT}`],
      ['plain.csv', CHINESE_TEXT],
    ] as const) {
      const file = writeTemp(dir, name, content);
      expect(json(await junheng('budget', file, ...CENTRAL_2025, '--format', 'json')), name).toEqual(await expected);
    }
    const forced = writeTemp(dir, 'forced.csv', CHINESE_TEXT);
    expect(json(await junheng('budget', forced, ...CENTRAL_2025, '--format', 'json', '--encoding', 'utf8'))).toEqual(await expected);
  });

  it('学校代码 and 城乡分类 with the statistical codes (111 / 121 / 220) read as urban / town / rural', async () => {
    const text = '学校代码,城乡分类,小学在校生数,初中在校生数\n城关小学,111,2400,\n镇中心校,121,168,\n村小,220,150,\n新区初中,112,,960\n';
    expect(json(await junheng('budget', writeTemp(dir, 'codes.csv', text), ...CENTRAL_2025, '--format', 'json'))).toEqual(await expected);
  });

  it('办学类型 words read as kinds: 教学点 a teaching point (floored to 100), 特殊教育学校 at the special-education rate, 九年一贯制学校 an ordinary school', async () => {
    const text = '学校代码,城乡类型,办学类型,小学在校生数,初中在校生数\nA,乡村,小学教学点,40,\nB,乡村,教学点,12,\nC,城区,特殊教育学校,30,\nD,城区,九年一贯制学校,300,200\n';
    const r = json(await junheng('budget', writeTemp(dir, 'kinds.csv', text), ...CENTRAL_2025, '--format', 'json'));
    // 100 × 600; 100 × 600; 30 × 7000; 300 × 600 + 200 × 800
    expect(r.schools.map((s) => [s.id, s.fundedPupils, s.floorApplied, s.amount])).toEqual([
      ['A', 100, 'national-under-100', '60000'],
      ['B', 100, 'national-under-100', '60000'],
      ['C', 30, null, '210000'],
      ['D', 500, null, '340000'],
    ]);
    const bad = await junheng('budget', writeTemp(dir, 'bad-kind.csv', '学校代码,城乡类型,办学类型,小学在校生数\nA,乡村,幼儿园,10\n'), ...CENTRAL_2025);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/line 2 \(school "A"\), column kind/);
  });

  it('a location word the rules do not know is still refused, naming the line', async () => {
    const r = await junheng('budget', writeTemp(dir, 'bad-location.csv', '学校代码,城乡类型,小学在校生数\nA,城市,100\n'), ...CENTRAL_2025);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/line 2 \(school "A"\), column location/);
  });

  it('a file neither UTF-8 nor GB18030 is exit 1, naming the line and suggesting --encoding; never garbled ids', async () => {
    const file = writeTemp(dir, 'broken.csv', Buffer.concat([Buffer.from('id,location,primary\nA,rural,150\n'), Buffer.from([0x42, 0xff, 0xfe, 0x43]), Buffer.from(',rural,150\n')]));
    const r = await junheng('budget', file, ...CENTRAL_2025);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 3: bytes that are not valid UTF-8 or GB18030 (GBK)');
    expect(r.stderr).toContain('--encoding utf8|gbk|gb18030');
  });

  it('--encoding utf8 on a GBK file is refused at the first line that is not UTF-8', async () => {
    const file = writeTemp(dir, 'gbk2.csv', Buffer.concat([Buffer.from('id,location,primary\n'), CHINESE_GBK.subarray(CHINESE_GBK.indexOf(0x0a) + 1)]));
    // Rows start at line 2; the header's columns are the English ones, the rows the GBK ones.
    const r = await junheng('budget', file, ...CENTRAL_2025, '--encoding', 'utf8');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('line 2: bytes that are not valid UTF-8 (--encoding utf8)');
    expect(r.stderr).not.toContain('\uFFFD');
  });

  it('--encoding must be one it knows', async () => {
    const r = await junheng('budget', english, '--encoding', 'latin1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--encoding must be one of auto, utf8, gbk, gb18030');
  });

  it('a GBK character cut by the chunk boundary is decoded whole', async () => {
    const header = 'id,location,primary\n';
    const row = (i: number): string => `F${String(i).padStart(6, '0')},rural,150\n`;
    const parts: string[] = [header];
    let length = header.length;
    let i = 0;
    // ASCII rows up to CHUNK - 1 bytes, the last padded to land exactly; then a row whose id starts
    // with the two-byte 小 (D0 A1) at byte CHUNK - 1, so the chunk ends between its bytes.
    while (CHUNK - 1 - length >= 2 * row(0).length) {
      parts.push(row(i++));
      length += row(0).length;
    }
    const last = `L${'x'.repeat(CHUNK - 1 - length - ',rural,150\n'.length - 1)},rural,150\n`;
    parts.push(last);
    const ascii = Buffer.from(parts.join(''));
    expect(ascii.length).toBe(CHUNK - 1);
    const file = writeTemp(dir, 'boundary.csv', Buffer.concat([ascii, Buffer.from('d0a1d1a731', 'hex'), Buffer.from(',town,150\n')]));
    const r = json(await junheng('budget', file, ...CENTRAL_2025, '--format', 'json'));
    expect(r.schools).toHaveLength(i + 2);
    expect(r.schools.at(-1)?.id).toBe('小学1');
  });
});

describe('junheng budget - (standard input)', () => {
  const dir = tempDir();
  const expected = junheng('budget', writeTemp(dir, 'english.csv', ENGLISH), ...CENTRAL_2025, '--format', 'json').then(json);

  it('reads a GBK CSV roster from standard input', async () => {
    expect(json(await junhengIn(CHINESE_GBK, 'budget', '-', ...CENTRAL_2025, '--format', 'json'))).toEqual(await expected);
  });

  it('reads a JSON roster from standard input', async () => {
    const roster = JSON.stringify([{ id: 'A', location: 'rural', pupils: { primary: 150 } }]);
    const r = json(await junhengIn(Buffer.from(roster), 'budget', '-', ...CENTRAL_2025, '--format', 'json'));
    expect(r.schools).toEqual([{ id: 'A', fundedPupils: 200, floorApplied: 'district-100-to-200', amount: '120000' }]);
  });

  it('names standard input in its problems', async () => {
    const r = await junhengIn(Buffer.from('id,location,primary\nA,nowhere,150\n'), 'budget', '-', ...CENTRAL_2025);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/line 2 \(school "A"\), column location/);
    const empty = await junhengIn(Buffer.alloc(0), 'budget', '-', ...CENTRAL_2025);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('standard input');
  });
});

describe('junheng budget --format csv for a spreadsheet', () => {
  const dir = tempDir();

  it('starts with a UTF-8 BOM unless --no-bom; carries the school name (学校名称)', async () => {
    const file = writeTemp(dir, 'gbk.csv', CHINESE_GBK);
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'csv');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['\uFEFFid,name,pupils,funded_pupils,floor_applied,amount', '城关小学,城关镇第一小学,2400,2400,,1440000', '镇中心校,镇中心学校,168,168,,100800']);
    const plain = await junheng('budget', file, ...CENTRAL_2025, '--format', 'csv', '--no-bom');
    expect(plain.stdout.startsWith('id,name,pupils,')).toBe(true);
    const table = await junheng('budget', file, ...CENTRAL_2025);
    expect(table.stdout).toMatch(/^id\s+name\s+pupils\s+funded\s+floor\s+amount$/m);
    expect(table.stdout).toMatch(/^城关小学\s+城关镇第一小学\s+2400\s+2400\s+1,440,000$/m);
  });

  it('prefixes cells beginning =, +, - or @ with an apostrophe, so no formula runs', async () => {
    const file = writeTemp(dir, 'formula.csv', 'id,name,location,primary\n=HYPERLINK("x"),+1+1,rural,150\n@SUM(A1),-2,rural,150\n-A,ok,rural,150\n');
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'csv', '--no-bom');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'id,name,pupils,funded_pupils,floor_applied,amount\n' +
        `"'=HYPERLINK(""x"")",'+1+1,150,200,district-100-to-200,120000\n` +
        "'@SUM(A1),-2,150,200,district-100-to-200,120000\n" +
        "'-A,ok,150,200,district-100-to-200,120000\n",
    );
  });

  it('leaves negative amounts (the what-if difference) as numbers', async () => {
    const file = writeTemp(dir, 'what.csv', 'id,location,primary\nA,rural,150\n');
    const patch = writeTemp(dir, 'patch.json', JSON.stringify({ funding: { benchmark: { primary: 500 } } }));
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'csv', '--no-bom', '--what-if', patch);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^A,150,200,district-100-to-200,120000,100000,-20000$/);
  });
});

describe('junheng budget: a JSON roster in GBK', () => {
  it('is decoded like a CSV one', async () => {
    const dir = tempDir();
    // [{"id":"小学","location":"rural","pupils":{"primary":150}}] with the id in GBK.
    const file = writeTemp(dir, 'gbk.json', Buffer.concat([Buffer.from('[{"id":"'), Buffer.from('d0a1d1a7', 'hex'), Buffer.from('","location":"rural","pupils":{"primary":150}}]')]));
    expect(json(await junheng('budget', file, ...CENTRAL_2025, '--format', 'json')).schools[0]?.id).toBe('小学');
    const broken = writeTemp(dir, 'broken.json', Buffer.from('[{"id":"\xff\xfe"}]', 'latin1'));
    const r = await junheng('budget', broken, ...CENTRAL_2025);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('line 1: bytes that are not valid UTF-8 or GB18030 (GBK)');
  });
});
