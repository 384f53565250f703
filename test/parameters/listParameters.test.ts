import { describe, expect, it } from 'vitest';
import {
  PolicyInputError,
  describeParameters,
  listParameters,
  parameterTree,
  safeListParameters,
  sources,
  type ParameterListing,
} from '../../src/index.js';
import { expectIssuesAt } from '../core/helpers.js';

const find = (list: ParameterListing[], path: string, region?: string) =>
  list.filter((p) => p.path === path && (region === undefined || p.region === region));

const one = (list: ParameterListing[], path: string, region?: string): ParameterListing => {
  const found = find(list, path, region);
  expect(found, `${path} ${region ?? ''}`).toHaveLength(1);
  return found[0] as ParameterListing;
};

const CONFIDENCES = ['verified', 'secondary', 'unverified'];
const MONEY = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

function expectWellFormed(list: ParameterListing[]): void {
  for (const p of list) {
    expect(typeof p.path).toBe('string');
    expect(p.path).toMatch(/^[A-Za-z]+(\.[A-Za-z]+)+$/);
    expect(p.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof p.source).toBe('string');
    expect(CONFIDENCES).toContain(p.confidence);
    if ('region' in p) expect(['east', 'central', 'west']).toContain(p.region);
    expect(typeof p.stale).toBe('boolean');
    // Optional keys appear only with a value: region, the opinion's date parameter, a confirmation horizon.
    const optional = ['region', 'fromParameter', 'confirmedThrough'].filter((k) => k in p);
    expect(Object.keys(p).sort()).toEqual(['confidence', 'effectiveFrom', 'path', 'source', 'stale', 'value', ...optional].sort());
    if (p.confirmedThrough !== undefined) expect(p.confirmedThrough).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    else expect(p.stale).toBe(false);
  }
  // one entry per value and region
  const keys = list.map((p) => `${p.path}|${p.region ?? ''}`);
  expect(new Set(keys).size).toBe(keys.length);
}

describe('listParameters on 2025-09-01', () => {
  const list = listParameters({ asOf: '2025-09-01' });

  it('is well formed', () => {
    expect(list.length).toBeGreaterThan(10);
    expectWellFormed(list);
  });

  it('benchmarks per region, as decimal strings, verified from 2016-03-01', () => {
    const expected = { east: ['650', '850'], central: ['600', '800'], west: ['600', '800'] } as const;
    for (const region of ['east', 'central', 'west'] as const) {
      const primary = one(list, 'funding.benchmark.primary', region);
      // Verified as the 2016 benchmark, and confirmed for 2016 only: stale on 2025-09-01.
      expect(primary).toEqual({ path: 'funding.benchmark.primary', value: expected[region][0], effectiveFrom: '2016-03-01', source: 'gf-2015-67', confidence: 'verified', region, confirmedThrough: '2016-12-31', stale: true });
      const junior = one(list, 'funding.benchmark.junior', region);
      expect(junior.value).toBe(expected[region][1]);
      expect(typeof junior.value).toBe('string');
    }
    expect(find(list, 'funding.benchmark.primary')).toHaveLength(3);
  });

  it('special education 7000 from 2025-03-01', () => {
    const p = one(list, 'funding.specialEducation');
    expect(p.value).toBe('7000');
    expect(p.effectiveFrom).toBe('2025-03-01');
    expect(p.source).toBe('mof-2025-special-education');
    expect(p.confidence).toBe('verified');
    expect(p.region).toBeUndefined();
  });

  it('boarding supplement 200, secondary', () => {
    const p = one(list, 'funding.boardingSupplement');
    expect(p.value).toBe('200');
    expect(p.confidence).toBe('secondary');
  });

  it("junheng's own choices stay unverified", () => {
    for (const path of ['funding.disabledPupils', 'funding.floorMixedStageRate']) {
      const p = one(list, path);
      expect(p.source).toBe('junheng');
      expect(p.confidence).toBe('unverified');
    }
    expect(one(list, 'funding.disabledPupils').value).toBe('instead');
    expect(one(list, 'funding.floorMixedStageRate').value).toBe('proportional');
    // The floor bands hold junheng's coverage readings (乡村 only, every teaching point): unverified.
    expect(one(list, 'funding.floors').confidence).toBe('unverified');
  });

  it("floor bands: the national band, and the opinion's from the opinion's date", () => {
    expect(one(list, 'funding.floors')).toMatchObject({
      value: [
        { id: 'national-under-100', locations: ['rural'], kinds: ['teaching-point'], below: 100, fundedAs: 100 },
        { id: 'district-100-to-200', locations: ['rural'], above: 100, below: 200, fundedAs: 200 },
      ],
      effectiveFrom: '2017-05-23',
      source: 'opinion',
    });
  });

  it('living subsidies and coverage', () => {
    expect(one(list, 'livingSubsidy.boarder.primary')).toMatchObject({ value: '1250', effectiveFrom: '2024-03-01' });
    expect(one(list, 'livingSubsidy.boarder.junior')).toMatchObject({ value: '1500', effectiveFrom: '2024-03-01' });
    expect(one(list, 'livingSubsidy.nonBoarder.primary')).toMatchObject({ value: '625', effectiveFrom: '2024-03-01' });
    expect(one(list, 'livingSubsidy.nonBoarder.junior')).toMatchObject({ value: '750', effectiveFrom: '2024-03-01' });
    // The opinion's own value: from opinion.effectiveFrom (default 2017-05-23; issue 9 moved it from 2016-07-02).
    expect(one(list, 'livingSubsidy.coverage')).toMatchObject({ value: 0.3, effectiveFrom: '2017-05-23', source: 'opinion', fromParameter: 'opinion.effectiveFrom', stale: false });
  });

  it('money values are decimal strings', () => {
    const described = new Map(describeParameters().map((d) => [d.path, d]));
    let checked = 0;
    for (const p of list) {
      const kind = described.get(p.path)?.kind;
      if (kind === 'money' || (kind === 'optional-money' && p.value !== null)) {
        expect(typeof p.value, p.path).toBe('string');
        expect(p.value as string).toMatch(MONEY);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(9);
  });
});

describe('listParameters on other dates', () => {
  it('2016-03-01: 6000 special, national floor, no district floor yet, 15 % coverage (unverified), non-boarders null', () => {
    const list = listParameters({ asOf: '2016-03-01' });
    expectWellFormed(list);
    expect(one(list, 'funding.specialEducation')).toMatchObject({ value: '6000', effectiveFrom: '2016-03-01' });
    expect(one(list, 'funding.floors')).toMatchObject({
      value: [{ id: 'national-under-100', locations: ['rural'], kinds: ['teaching-point'], below: 100, fundedAs: 100 }],
      effectiveFrom: '2016-03-01',
      source: 'gf-2015-67',
    });
    expect(one(list, 'livingSubsidy.coverage')).toMatchObject({ value: 0.15, effectiveFrom: '2011-09-01', confidence: 'unverified' });
    expect(one(list, 'livingSubsidy.nonBoarder.primary').value).toBeNull();
    expect(one(list, 'livingSubsidy.boarder.primary').value).toBe('1000');
  });

  it('2025-02-28: special education still 6000', () => {
    expect(one(listParameters({ asOf: '2025-02-28' }), 'funding.specialEducation').value).toBe('6000');
  });

  it('2019-09-01: non-boarders 500 / 625', () => {
    const list = listParameters({ asOf: '2019-09-01' });
    expect(one(list, 'livingSubsidy.nonBoarder.primary')).toMatchObject({ value: '500', effectiveFrom: '2019-09-01' });
    expect(one(list, 'livingSubsidy.nonBoarder.junior').value).toBe('625');
  });

  it('2015-01-01: only the living subsidy is known; funding is left out', () => {
    const list = listParameters({ asOf: '2015-01-01' });
    expect(list.filter((p) => p.path.startsWith('funding.'))).toHaveLength(0);
    expect(one(list, 'livingSubsidy.boarder.primary').value).toBe('1000');
  });

  it('2010-01-01: nothing is known yet', () => {
    expect(listParameters({ asOf: '2010-01-01' })).toEqual([]);
  });

  it('accepts a Date', () => {
    const list = listParameters({ asOf: new Date(2025, 1, 28) });
    expect(one(list, 'funding.specialEducation').value).toBe('6000');
  });

  it('defaults to today', () => {
    const today = listParameters();
    expect(one(today, 'funding.specialEducation').value).toBe('7000');
  });
});

describe('listParameters options', () => {
  it('region filters region-specific values', () => {
    const list = listParameters({ asOf: '2025-09-01', region: 'central' });
    expectWellFormed(list);
    const regional = list.filter((p) => p.region !== undefined);
    expect(regional.length).toBe(2); // benchmark.primary and benchmark.junior
    for (const p of regional) expect(p.region).toBe('central');
    expect(one(list, 'funding.benchmark.primary').value).toBe('600');
    // non-regional values are still listed
    expect(find(list, 'funding.specialEducation')).toHaveLength(1);
    // exactly the full list minus the other regions' entries
    const all = listParameters({ asOf: '2025-09-01' });
    expect(list.length).toBe(all.length - 4);
  });

  it("an override is listed with source 'override', confidence 'unverified'", () => {
    const list = listParameters({ asOf: '2025-09-01', parameters: { funding: { benchmark: { primary: { central: 720 } }, specialEducation: 8000 } } });
    expect(one(list, 'funding.benchmark.primary', 'central')).toMatchObject({ value: '720', source: 'override', confidence: 'unverified' });
    expect(one(list, 'funding.benchmark.primary', 'east')).toMatchObject({ value: '650', source: 'gf-2015-67', confidence: 'verified' });
    expect(one(list, 'funding.specialEducation')).toMatchObject({ value: '8000', source: 'override', confidence: 'unverified' });
  });

  it('an override value is normalised to a decimal string', () => {
    const list = listParameters({ asOf: '2025-09-01', parameters: { funding: { boardingSupplement: '250.50' } } });
    const p = one(list, 'funding.boardingSupplement');
    expect(typeof p.value).toBe('string');
    expect(p.value).toMatch(MONEY);
    expect(Number(p.value)).toBe(250.5);
  });

  it('an override before a value exists is listed', () => {
    // No floor list is known before 2016-03-01; a patched list is listed all the same.
    const bands = [{ id: 'district-100-to-250', locations: ['rural' as const], above: 100, below: 250, fundedAs: 250 }];
    const list = listParameters({ asOf: '2015-09-01', parameters: { funding: { floors: bands } } });
    expect(one(list, 'funding.floors')).toMatchObject({ value: bands, source: 'override' });
  });

  it('bad options', () => {
    expectIssuesAt(() => listParameters({ asOf: '2025-02-30' }), ['asOf']);
    expectIssuesAt(() => listParameters({ region: 'north' as never }), ['region']);
    expectIssuesAt(() => listParameters({ parameters: { funding: { nope: 1 } } as never }), ['parameters', 'funding', 'nope']);
    const r = safeListParameters({ asOf: 'soon' });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error).toBeInstanceOf(PolicyInputError);
  });
});

describe('describeParameters', () => {
  const described = describeParameters();

  it('lists every leaf of the tree with a bilingual description', () => {
    expect(described.length).toBeGreaterThanOrEqual(16);
    const paths = described.map((d) => d.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('funding.benchmark.primary');
    expect(paths).toContain('livingSubsidy.coverage');
    for (const d of described) {
      expect(d.description.zh.length).toBeGreaterThan(0);
      expect(d.description.en.length).toBeGreaterThan(0);
      expect(d.history.length).toBeGreaterThan(0);
    }
  });

  it('every history is sorted by date', () => {
    for (const d of described) {
      const dates = d.history.map((h) => h.from);
      expect(dates, d.path).toEqual([...dates].sort());
      for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('regional histories have every region at each date, others none', () => {
    for (const d of described) {
      if (d.regional) {
        const byDate = new Map<string, string[]>();
        for (const h of d.history) byDate.set(h.from, [...(byDate.get(h.from) ?? []), h.region ?? '']);
        for (const regions of byDate.values()) expect(regions.sort()).toEqual(['central', 'east', 'west']);
      } else {
        for (const h of d.history) expect(h.region).toBeUndefined();
      }
    }
  });

  it('every source is a key of sources, and every source id matches its key', () => {
    const keys = Object.keys(sources);
    for (const d of described) for (const h of d.history) expect(keys, `${d.path} ${h.from}`).toContain(h.source);
    for (const [key, doc] of Object.entries(sources)) expect(doc.id).toBe(key);
  });

  it('every listed source of listParameters is a key of sources', () => {
    const keys = Object.keys(sources);
    for (const asOf of ['2016-03-01', '2016-07-02', '2019-09-01', '2025-09-01']) {
      for (const p of listParameters({ asOf })) expect(keys).toContain(p.source);
    }
  });

  it('the unverified marks of national-standards.md are kept', () => {
    const coverage = described.find((d) => d.path === 'livingSubsidy.coverage');
    expect(coverage?.history.find((h) => h.from === '2011-09-01')?.confidence).toBe('unverified');
    const boarding = described.find((d) => d.path === 'funding.boardingSupplement');
    expect(boarding?.history.every((h) => h.confidence === 'secondary')).toBe(true);
    const special = described.find((d) => d.path === 'funding.specialEducation');
    expect(special?.history.map((h) => [h.from, h.value])).toEqual([
      ['2016-03-01', '6000'],
      ['2025-03-01', '7000'],
    ]);
  });

  it('choices are listed for choice parameters', () => {
    expect(described.find((d) => d.path === 'funding.disabledPupils')?.choices).toEqual(['instead', 'on-top']);
  });

  it('parameterTree is exported', () => {
    expect(parameterTree.funding).toBeDefined();
  });
});

describe('every listed path can be used as a patch path', () => {
  function patchOf(path: string, value: unknown, region?: string): Record<string, unknown> {
    const parts = path.split('.');
    const root: Record<string, unknown> = {};
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next: Record<string, unknown> = {};
      node[part] = next;
      node = next;
    }
    node[parts.at(-1) as string] = region === undefined ? value : { [region]: value };
    return root;
  }

  for (const asOf of ['2016-03-01', '2019-09-01', '2025-09-01']) {
    it(`on ${asOf}`, () => {
      const list = listParameters({ asOf });
      expect(list.length).toBeGreaterThan(0);
      for (const p of list) {
        const parameters = patchOf(p.path, p.value, p.region);
        const patched = listParameters({ asOf, parameters: parameters as never });
        const entry = one(patched, p.path, p.region);
        expect(entry.source).toBe('override');
        expect(entry.value).toEqual(p.value);
        // without the region key too, for regional values
        if (p.region !== undefined) expect(() => listParameters({ asOf, parameters: patchOf(p.path, p.value) as never })).not.toThrow();
      }
    });
  }

  it('every path of describeParameters is a valid patch path', () => {
    const today = listParameters({ asOf: '2025-09-01' });
    for (const d of describeParameters()) {
      const current = today.find((p) => p.path === d.path);
      expect(current, d.path).toBeDefined();
    }
  });
});
