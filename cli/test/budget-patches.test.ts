/**
 * `--what-if` / `--parameters` that explain themselves (issue 12, item 5): dotted keys beside nested
 * ones (for every command: read.ts is shared), a dotted key that is not a parameter named as such,
 * floors replaced whole with their shape shown, a patch that changes nothing said on stderr (exit
 * 0), an inconsistent band (below above fundedAs) an error from the library at the band's field.
 *
 * Hand-worked (central, 2025-09-01): the primary benchmark at 720 instead of 600 adds 120 per
 * funded primary pupil: XC-04 (100 rural pupils, no floor) 100 × 720 = 72,000.
 */
import { describe, expect, it } from 'vitest';
import { expandDottedKeys } from '../src/read.js';
import { CENTRAL_2025, CSV, EXAMPLES, junheng, tempDir, writeTemp, type JsonBudget } from './helpers.js';

const patchFile = (json: unknown): string => writeTemp(tempDir(), 'patch.json', JSON.stringify(json));

async function whatIf(patch: unknown, ...extra: string[]): Promise<{ status: number | null; stderr: string; budget?: JsonBudget; file: string }> {
  const file = patchFile(patch);
  const r = await junheng('budget', CSV, ...CENTRAL_2025, '--format', 'json', '--what-if', file, ...extra);
  return { status: r.status, stderr: r.stderr, file, ...(r.status === 0 ? { budget: JSON.parse(r.stdout) as JsonBudget } : {}) };
}

describe('dotted keys are nested keys', () => {
  it('{"funding.benchmark.primary": {"central": 720}} is {"funding":{"benchmark":{"primary":{"central":720}}}}', async () => {
    const dotted = await whatIf({ 'funding.benchmark.primary': { central: 720 } });
    const nested = await whatIf({ funding: { benchmark: { primary: { central: 720 } } } });
    expect(dotted.status).toBe(0);
    expect(dotted.stderr).toBe('');
    expect(dotted.budget).toEqual(nested.budget);
    const xc04 = dotted.budget?.schools.find((s) => s.id === 'XC-04');
    expect(xc04).toMatchObject({ amount: '60000', whatIfAmount: '72000', difference: '12000' });
  });

  it('dotted down into a value (a region, a wrapper) and mixed with nested keys at any level', async () => {
    const mixed = await whatIf({
      'funding.benchmark.primary.central': 720,
      funding: { 'boardingSupplement.value': 300, 'boardingSupplement.source': 'X县〔2025〕1号' },
    });
    const nested = await whatIf({ funding: { benchmark: { primary: { central: 720 } }, boardingSupplement: { value: 300, source: 'X县〔2025〕1号' } } });
    expect(mixed.status).toBe(0);
    expect(mixed.budget).toEqual(nested.budget);
    // ZQ-02: 760 primary, 120 boarders: 760 × 720 + 120 × 300 = 547,200 + 36,000 = 583,200 (was 480,000).
    expect(mixed.budget?.schools.find((s) => s.id === 'ZQ-02')).toMatchObject({ amount: '480000', whatIfAmount: '583200' });
  });

  it('work in --parameters, and for the other commands too', async () => {
    const dotted = patchFile({ 'funding.benchmark.primary': { central: 720 } });
    const r = await junheng('budget', CSV, ...CENTRAL_2025, '--format', 'json', '--parameters', dotted);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as JsonBudget).schools.find((s) => s.id === 'XC-04')?.amount).toBe('72000');
    const classes = await junheng('classes', `${EXAMPLES}/classes.csv`, '--as-of', '2025-09-01', '--format', 'json', '--parameters', patchFile({ 'classes.largeFrom': 50 }));
    const nested = await junheng('classes', `${EXAMPLES}/classes.csv`, '--as-of', '2025-09-01', '--format', 'json', '--parameters', patchFile({ classes: { largeFrom: 50 } }));
    expect(classes.status).toBe(0);
    expect(classes.stdout).toBe(nested.stdout);
    const bad = await junheng('classes', `${EXAMPLES}/classes.csv`, '--as-of', '2025-09-01', '--parameters', patchFile({ 'classes.largeForm': 50 }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('"classes.largeForm" is not a parameter path: classes has no "largeForm"; its parameters are ');
  });
});

describe('patch problems, said so the reader can fix them', () => {
  it('a dotted key that is not a parameter path: named, with the parameters of its group', async () => {
    const r = await whatIf({ 'funding.benchmark.primry': 700 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`--what-if ${r.file}: "funding.benchmark.primry" is not a parameter path: funding.benchmark has no "primry"; its parameters are primary, junior`);
    const top = await whatIf({ 'fundng.benchmark.primary': 700 });
    expect(top.stderr).toMatch(/"fundng\.benchmark\.primary" is not a parameter path: the top level has no "fundng"; it has .*funding/);
  });

  it('{"funding.floors.district.below": 250}: floors are a list, replaced whole; the message shows the list to copy', async () => {
    const r = await whatIf({ 'funding.floors.district.below': 250 });
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('listParameters()');
    expect(r.stderr).toContain(`--what-if ${r.file}: "funding.floors.district.below" is not a parameter path: funding.floors is a list, replaced whole by a patch (a band cannot be changed on its own); give the whole list, e.g. {"funding.floors": [{"id":"national-under-100","locations":["rural"],"kinds":["teaching-point"],"below":100,"fundedAs":100},{"id":"district-100-to-200","locations":["rural"],"above":100,"below":200,"fundedAs":200}]} with your figures`);
  });

  it('a nested key the library does not know: the parameters of its group, and that dotted keys work', async () => {
    const r = await whatIf({ funding: { benchmark: { prim: 700 } } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`--what-if ${r.file}: funding.benchmark.prim: is not a parameter junheng knows; the parameters of funding.benchmark are primary, junior (dotted keys work too: {"funding.benchmark.primary": 750})`);
  });

  it('a parameter given twice, dotted and nested', async () => {
    const r = await whatIf({ 'funding.benchmark.primary': 700, funding: { benchmark: { primary: 800 } } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('"funding": funding.benchmark.primary is given twice');
  });

  it('a band whose below is above its fundedAs: the library says it, at the band\'s field', async () => {
    const floors = [
      { id: 'national-under-100', locations: ['rural'], kinds: ['teaching-point'], below: 100, fundedAs: 100 },
      { id: 'district-100-to-250', locations: ['rural'], above: 100, below: 250, fundedAs: 200 },
    ];
    const r = await whatIf({ 'funding.floors': floors });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`--what-if ${r.file}: funding.floors[1].below: is above fundedAs (250 > 200): schools of 200 to 249 pupils would be in the band yet not raised`);
    const above = await whatIf({ 'funding.floors': [{ ...floors[1], above: 250, fundedAs: 250 }] });
    expect(above.stderr).toContain('funding.floors[0].below: leaves no pupil count between above 250 and below 250');
  });
});

describe('a what-if that changes no school\'s amount', () => {
  it('is said on stderr, naming the file; exit 0 and every difference 0', async () => {
    // The junior benchmark "raised" to the 800 already in force.
    const r = await whatIf({ 'funding.benchmark.junior': { central: 800 } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `junheng: warning: --what-if ${r.file} changes no school's amount (every difference is 0): its values may equal those in force, or bear on no school of this roster (a floor band that covers none of them, say); check the file\n`,
    );
    expect(r.budget?.whatIf).toEqual({ total: '18434232.5', difference: '0' });
    expect(r.budget?.schools.every((s) => s.difference === '0')).toBe(true);
    const zh = await junheng('budget', CSV, ...CENTRAL_2025, '--lang', 'zh', '--what-if', r.file);
    expect(zh.status).toBe(0);
    expect(zh.stderr).toContain(`junheng：提示：--what-if ${r.file} 没有改变任何学校的公用经费（各校差额均为 0）`);
  });

  it('a what-if that changes something says nothing', async () => {
    const r = await whatIf({ 'funding.boardingSupplement': 300 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.budget?.whatIf?.difference).not.toBe('0');
  });
});

describe('expandDottedKeys', () => {
  it('writes dotted keys out, merges groups, and leaves a patch without dots as it is', () => {
    const plain = { funding: { benchmark: { primary: 700 } } };
    expect(expandDottedKeys(plain, 'x')).toBe(plain);
    expect(expandDottedKeys({ 'funding.benchmark': { primary: 700 }, funding: { 'benchmark.junior': 900, boardingSupplement: 300 } }, 'x')).toEqual({
      funding: { benchmark: { primary: 700, junior: 900 }, boardingSupplement: 300 },
    });
    expect(expandDottedKeys({ 'funding.benchmark.primary.central': 720, 'funding.benchmark.primary.east': 780 }, 'x')).toEqual({
      funding: { benchmark: { primary: { central: 720, east: 780 } } },
    });
    expect(expandDottedKeys([1, 2], 'x')).toEqual([1, 2]); // not an object: the library says what it must be
  });

  it('reports every bad key at once, naming the file', () => {
    expect(() => expandDottedKeys({ 'funding.nope': 1, 'funding.floors.0.below': 250 }, '--what-if p.json')).toThrow(
      /--what-if p\.json: "funding\.nope" is not a parameter path: funding has no "nope"; its parameters are benchmark, .*\n--what-if p\.json: "funding\.floors\.0\.below" is not a parameter path: funding\.floors is a list/,
    );
    expect(() => expandDottedKeys({ 'funding..primary': 1 }, 'p')).toThrow(/"funding\.\.primary" is not a parameter path: funding has no ""/);
  });
});

describe('budget --help documents the patch format', () => {
  it('with an example of dotted and nested keys, the floors replaced whole, --explain and --lang', async () => {
    const r = await junheng('budget', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('{"funding.benchmark.primary": 720}  is  {"funding": {"benchmark": {"primary": 720}}}');
    expect(r.stdout).toContain('The floors (funding.floors) are a list of bands, replaced whole');
    expect(r.stdout).toContain('A patch that changes no school\'s');
    expect(r.stdout).toMatch(/--explain\s+after the table, each school's steps/);
    expect(r.stdout).toMatch(/--lang zh\|en/);
    expect(r.stdout).toContain('学校标识码 / id');
    expect(r.stdout).toContain('Boarders more');
    expect(r.stdout).toContain('{"funding.benchmark.primary":750}'); // the parameters files' section, shared by every command
  });
});
