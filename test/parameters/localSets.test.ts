/**
 * Local parameter sets (issue 9, item 4): a patch whose leaves may be `{ value, from?, source?, note? }`,
 * and the two sets shipped in examples/parameters/.
 *
 * Hand-worked figures (Fujian, 南教计〔2020〕4号: primary 750, junior 950, +400 per boarder;
 * primary schools and teaching points under 100 → 100, 100–200 → 200; junior under 300 → 300):
 *   junior school, 250 pupils          → 300 × 950 = 285000
 *   same with 20 junior boarders       → 285000 + 20 × 400 = 293000
 *   rural primary school, 150 pupils   → 200 × 750 = 150000
 *   urban primary school, 150 pupils   → 200 × 750 = 150000 (the notice names no rural condition)
 *   primary school of exactly 100      → 200 × 750 = 150000 ("100-200人" includes 100)
 *   primary school of 99               → 100 × 750 = 75000
 *   primary school of 200              → 200 × 750 = 150000, no floor
 *   primary 400 pupils, 50 boarders    → 400 × 750 + 50 × 400 = 320000
 *   before the set's from (2019-09-01, central): junheng's own values → rural 150 → 200 × 600 = 120000
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listParameters, publicFunding, type CalculatorOptions, type ParameterListing, type ParameterOverrides, type School } from '../../src/index.js';
import { expectIssuesAt, issueAt } from '../core/helpers.js';

const set = (name: string): ParameterOverrides =>
  JSON.parse(readFileSync(new URL(`../../examples/parameters/${name}`, import.meta.url), 'utf8')) as ParameterOverrides;

const fujian = set('fujian-2020.json');
const shandong = set('shandong-2024.json');

const AUTUMN_2025 = '2025-09-01';
const F: CalculatorOptions = { asOf: AUTUMN_2025, parameters: fujian };

const school = (id: string, location: School['location'], pupils: School['pupils'], extra: Partial<School> = {}): School => ({ id, location, pupils, ...extra });

const one = (list: ParameterListing[], path: string, region?: string): ParameterListing => {
  const found = list.filter((p) => p.path === path && (region === undefined || p.region === region));
  expect(found, `${path} ${region ?? ''}`).toHaveLength(1);
  return found[0] as ParameterListing;
};

describe('the Fujian set (南教计〔2020〕4号) through publicFunding', () => {
  it('funds a junior school of 250 pupils as 300 at 950', () => {
    const r = publicFunding(school('J', 'urban', { junior: 250 }), F);
    expect(r.fundedPupils).toBe(300);
    expect(r.floorApplied).toBe('fujian-junior-under-300');
    expect(r.amount.toString()).toBe('285000');
  });

  it('adds 400 per boarder', () => {
    const r = publicFunding(school('J', 'town', { junior: 250 }, { boarders: { junior: 20 } }), F);
    expect(r.amount.toString()).toBe('293000');
    const p = publicFunding(school('P', 'rural', { primary: 400 }, { boarders: { primary: 50 } }), F);
    expect(p.fundedPupils).toBe(400);
    expect(p.floorApplied).toBeNull();
    expect(p.amount.toString()).toBe('320000');
  });

  it('funds a rural primary school of 150 as 200 at 750', () => {
    const r = publicFunding(school('R', 'rural', { primary: 150 }), F);
    expect(r.fundedPupils).toBe(200);
    expect(r.floorApplied).toBe('fujian-primary-100-to-200');
    expect(r.amount.toString()).toBe('150000');
  });

  it('with no asOf (today) and no region, as `publicFunding(school, { parameters: fujian })`', () => {
    expect(publicFunding(school('J', 'urban', { junior: 250 }), { parameters: fujian }).amount.toString()).toBe('285000');
    expect(publicFunding(school('R', 'rural', { primary: 150 }), { parameters: fujian }).amount.toString()).toBe('150000');
  });

  const primary: Array<[School['location'], number, number, string | null, string]> = [
    ['urban', 150, 200, 'fujian-primary-100-to-200', '150000'],
    ['rural', 99, 100, 'fujian-primary-under-100', '75000'],
    ['rural', 100, 200, 'fujian-primary-100-to-200', '150000'],
    ['town', 199, 200, 'fujian-primary-100-to-200', '150000'],
    ['rural', 200, 200, null, '150000'],
  ];
  for (const [location, pupils, funded, floor, amount] of primary) {
    it(`${location} primary school of ${pupils} → funded ${funded} (${String(floor)}), ${amount}`, () => {
      const r = publicFunding(school('P', location, { primary: pupils }), F);
      expect(r.fundedPupils).toBe(funded);
      expect(r.floorApplied).toBe(floor);
      expect(r.amount.toString()).toBe(amount);
    });
  }

  it("before the set's from, junheng's own values apply", () => {
    const r = publicFunding(school('R', 'rural', { primary: 150 }), { asOf: '2019-09-01', region: 'central', parameters: fujian });
    expect(r.fundedPupils).toBe(200);
    expect(r.floorApplied).toBe('district-100-to-200');
    expect(r.amount.toString()).toBe('120000');
  });

  it('the explanation names the local source and note; the citations do not', () => {
    const r = publicFunding(school('R', 'rural', { primary: 150 }), F);
    const text = r.explanation.map((s) => s.message.en).join('\n');
    expect(text).toContain('Parameter funding.benchmark.primary = 750 (in force from 2020-01-01; source: local value, 南教计〔2020〕4号; note: 南安市教育局');
    const zh = r.explanation.map((s) => s.message.zh).join('\n');
    expect(zh).toContain('依据：本地参数，南教计〔2020〕4号；说明：');
    const step = r.explanation.find((s) => s.values?.['path'] === 'funding.benchmark.primary');
    expect(step?.values).toMatchObject({ source: '南教计〔2020〕4号', effectiveFrom: '2020-01-01', local: true });
    expect(r.citations).not.toContain('南教计〔2020〕4号');
  });
});

describe('listParameters with a local set', () => {
  it('shows the local source, its from as effectiveFrom, its note, and local: true', () => {
    const list = listParameters(F);
    const p = one(list, 'funding.benchmark.primary', 'central');
    expect(p).toMatchObject({ value: '750', effectiveFrom: '2020-01-01', source: '南教计〔2020〕4号', confidence: 'unverified', local: true });
    expect(p.note).toContain('小学每生每年750元');
    expect(one(list, 'funding.boardingSupplement')).toMatchObject({ value: '400', source: '南教计〔2020〕4号', local: true });
    const floors = one(list, 'funding.floors');
    expect(floors).toMatchObject({ source: '南教计〔2020〕4号', local: true });
    expect((floors.value as Array<{ id: string }>).map((b) => b.id)).toEqual(['fujian-primary-under-100', 'fujian-primary-100-to-200', 'fujian-junior-under-300']);
    // what the set leaves out keeps junheng's own value
    expect(one(list, 'funding.specialEducation').local).toBeUndefined();
  });

  it('before from, the value is not in force and junheng’s own is listed', () => {
    const p = one(listParameters({ asOf: '2019-12-31', parameters: fujian }), 'funding.benchmark.primary', 'central');
    expect(p).toMatchObject({ value: '600', source: 'gf-2015-67' });
    expect(p.local).toBeUndefined();
  });

  it("a bare value is listed as before: source 'override', now with local: true", () => {
    const p = one(listParameters({ asOf: AUTUMN_2025, parameters: { funding: { specialEducation: 8000 } } }), 'funding.specialEducation');
    expect(p).toMatchObject({ value: '8000', source: 'override', confidence: 'unverified', local: true });
    expect(p.note).toBeUndefined();
  });

  it("a wrapper without source is listed as 'override', with its note and from", () => {
    const p = one(listParameters({ asOf: AUTUMN_2025, parameters: { funding: { specialEducation: { value: 8000, from: '2024-01-01', note: 'our own' } } } }), 'funding.specialEducation');
    expect(p).toMatchObject({ value: '8000', source: 'override', effectiveFrom: '2024-01-01', note: 'our own', local: true });
  });
});

describe('wrappers and region maps', () => {
  it('a wrapped region map: the wrapper applies to each region given', () => {
    const list = listParameters({ asOf: AUTUMN_2025, parameters: { funding: { benchmark: { primary: { value: { central: 720 }, source: 'DOC-1' } } } } });
    expect(one(list, 'funding.benchmark.primary', 'central')).toMatchObject({ value: '720', source: 'DOC-1', local: true });
    expect(one(list, 'funding.benchmark.primary', 'east')).toMatchObject({ value: '650', source: 'gf-2015-67' });
  });

  it('a region map of wrappers, each with its own from', () => {
    const parameters: ParameterOverrides = {
      funding: { benchmark: { primary: { central: { value: 720, from: '2024-03-01', source: 'DOC-C' }, west: { value: 700, source: 'DOC-W' } } } },
    };
    const before = listParameters({ asOf: '2023-09-01', parameters });
    expect(one(before, 'funding.benchmark.primary', 'central')).toMatchObject({ value: '600', source: 'gf-2015-67' });
    expect(one(before, 'funding.benchmark.primary', 'west')).toMatchObject({ value: '700', source: 'DOC-W' });
    const after = listParameters({ asOf: '2024-03-01', parameters });
    expect(one(after, 'funding.benchmark.primary', 'central')).toMatchObject({ value: '720', source: 'DOC-C', effectiveFrom: '2024-03-01' });
    // 150 rural primary pupils → 200 × 720 = 144000 (central, from 2024-03-01)
    expect(publicFunding(school('R', 'rural', { primary: 150 }), { asOf: '2024-03-01', region: 'central', parameters }).amount.toString()).toBe('144000');
    expect(publicFunding(school('R', 'rural', { primary: 150 }), { asOf: '2024-02-29', region: 'central', parameters }).amount.toString()).toBe('120000');
  });

  it('a wrapper on a leaf read without a region: the regions agree, the source is kept', () => {
    // a rural junior school of 150 (no region needed: only the junior rate is read), district floor → 200 × 950 = 190000
    const parameters: ParameterOverrides = { funding: { benchmark: { junior: { value: 950, source: 'DOC-J' } } } };
    const r = publicFunding(school('J', 'rural', { junior: 150 }), { asOf: AUTUMN_2025, parameters });
    expect(r.amount.toString()).toBe('190000');
    expect(r.explanation.map((s) => s.message.en).join('\n')).toContain('Parameter funding.benchmark.junior = 950 (in force from 2016-03-01; source: local value, DOC-J; confidence unverified)');
  });
});

describe('problems in a local set', () => {
  const patched = (parameters: unknown) => () => listParameters({ asOf: AUTUMN_2025, parameters: parameters as ParameterOverrides });

  it('a bad value is reported at …value, with the same message as a bare one', () => {
    const issues = expectIssuesAt(patched({ funding: { specialEducation: { value: -1, source: 'X' } } }), ['parameters', 'funding', 'specialEducation', 'value']);
    const bare = expectIssuesAt(patched({ funding: { specialEducation: -1 } }), ['parameters', 'funding', 'specialEducation']);
    expect(issueAt(issues, ['parameters', 'funding', 'specialEducation', 'value']).message).toBe(bare[0]?.message);
  });

  it('a bad from, source or note is reported at its key', () => {
    const issues = expectIssuesAt(
      patched({ funding: { specialEducation: { value: 8000, from: '2024-02-30', source: 12, note: '' } } }),
      ['parameters', 'funding', 'specialEducation', 'from'],
      ['parameters', 'funding', 'specialEducation', 'source'],
      ['parameters', 'funding', 'specialEducation', 'note'],
    );
    expect(issues.every((i) => i.code === 'invalid_value')).toBe(true);
    expect(issueAt(issues, ['parameters', 'funding', 'specialEducation', 'from']).message).toContain("'YYYY-MM-DD'");
  });

  it('an object with other keys is not a wrapper: it is read as the value itself', () => {
    // a money leaf: the object is not an amount
    expectIssuesAt(patched({ funding: { specialEducation: { value: 8000, sources: 'X' } } }), ['parameters', 'funding', 'specialEducation']);
    // a regional leaf: the object is a region map whose keys are not regions
    const issues = expectIssuesAt(patched({ funding: { benchmark: { primary: { value: 720, document: 'X' } } } }), ['parameters', 'funding', 'benchmark', 'primary', 'value'], ['parameters', 'funding', 'benchmark', 'primary', 'document']);
    expect(issues.every((i) => i.code === 'unknown_key')).toBe(true);
  });

  it('a wrapper inside a wrapped region map is refused', () => {
    expectIssuesAt(patched({ funding: { benchmark: { primary: { value: { central: { value: 720 } }, source: 'X' } } } }), ['parameters', 'funding', 'benchmark', 'primary', 'value', 'central']);
  });

  it('a bad floor band inside a wrapper is reported at its path under …value', () => {
    const bands = [{ id: 'a', locations: ['rural'], below: 'ten', fundedAs: 100 }];
    expectIssuesAt(patched({ funding: { floors: { value: bands, source: 'X' } } }), ['parameters', 'funding', 'floors', 'value', 0, 'below']);
  });
});

describe('the Shandong set (鲁财科教〔2024〕67号; 沂水县 2022)', () => {
  const EAST: CalculatorOptions = { asOf: AUTUMN_2025, region: 'east', parameters: shandong };

  it('primary 780 from 2025; junior keeps junheng’s national value; special education 8000', () => {
    const list = listParameters(EAST);
    expect(one(list, 'funding.benchmark.primary', 'east')).toMatchObject({ value: '780', source: '鲁财科教〔2024〕67号', effectiveFrom: '2025-01-01', local: true });
    expect(one(list, 'funding.benchmark.junior', 'east')).toMatchObject({ value: '850', source: 'gf-2015-67' });
    expect(one(list, 'funding.specialEducation')).toMatchObject({ value: '8000', local: true });
    expect(one(list, 'funding.boardingSupplement')).toMatchObject({ value: '200', effectiveFrom: '2016-03-01', local: true });
  });

  it('funds an east-region school at 780 / 850 with +200 per boarder', () => {
    // 300 primary × 780 + 200 junior × 850 + 40 boarders × 200 = 234000 + 170000 + 8000 = 412000
    const r = publicFunding(school('S', 'town', { primary: 300, junior: 200 }, { boarders: { primary: 10, junior: 30 } }), EAST);
    expect(r.amount.toString()).toBe('412000');
  });

  it('in 2024 the primary rate is still junheng’s 650 (east)', () => {
    expect(one(listParameters({ ...EAST, asOf: '2024-09-01' }), 'funding.benchmark.primary', 'east')).toMatchObject({ value: '650', source: 'gf-2015-67' });
  });
});

describe('every value of the shipped sets says where it comes from', () => {
  for (const [name, parameters] of [['fujian-2020.json', fujian], ['shandong-2024.json', shandong]] as const) {
    it(name, () => {
      const local = listParameters({ asOf: AUTUMN_2025, region: 'east', parameters }).filter((p) => p.local === true);
      expect(local.length).toBeGreaterThan(0);
      for (const p of local) {
        expect(p.source, p.path).not.toBe('override');
        expect(p.note, p.path).toBeDefined();
      }
    });
  }
});
