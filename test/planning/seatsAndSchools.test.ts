import { describe, expect, it } from 'vitest';
import {
  jsonSchemas,
  safeSeatSupply,
  safeSpecialEducationSchoolCheck,
  seatSupply,
  specialEducationSchoolCheck,
} from '../../src/index.js';
import { expectIssuesAt, issueAt, issuesOf } from '../core/helpers.js';

const AS_OF = { asOf: '2025-09-01' };
const district = (primary: number, junior: number, places: { primary: number; junior: number }) => ({
  schools: [
    { id: 'A', stage: 'primary' as const, approvedPlaces: places.primary },
    { id: 'B', stage: 'junior' as const, approvedPlaces: places.junior },
  ],
  schoolAgePopulation: { primary, junior },
});

describe('seatSupply (1.1 确保足够的学位供给): places ≥ population, compared as whole numbers', () => {
  it('exactly enough places is sufficient (足够 includes equality), with ratio 1 and no shortfall', () => {
    const r = seatSupply(district(1350, 600, { primary: 1350, junior: 600 }));
    expect(r.sufficient).toBe(true);
    expect(r.stages.primary).toEqual({ places: 1350, demand: 1350, schools: 1, shortfall: 0, surplus: 0, sufficient: true, ratio: 1 });
    expect(r.citations).toEqual(['1.1']);
  });
  it('one seat short is a shortfall of 1 and makes the district insufficient', () => {
    // junior: 600 places for 601 children → 1 short; primary fine
    const r = seatSupply(district(1350, 601, { primary: 1350, junior: 600 }));
    expect(r.stages.junior).toMatchObject({ shortfall: 1, surplus: 0, sufficient: false });
    expect(r.stages.primary.sufficient).toBe(true);
    expect(r.sufficient).toBe(false);
  });
  it('a surplus is reported as such; the primary shortfall alone is enough to fail', () => {
    const r = seatSupply(district(1351, 500, { primary: 1350, junior: 600 }));
    expect(r.stages.junior).toMatchObject({ surplus: 100, shortfall: 0, sufficient: true, ratio: 1.2 });
    expect(r.stages.primary).toMatchObject({ shortfall: 1, sufficient: false });
    expect(r.sufficient).toBe(false);
  });
  it('sums the rows of a stage; a nine-year school gives one row per stage with the same id', () => {
    const r = seatSupply({
      schools: [
        { id: 'N9', stage: 'primary', approvedPlaces: 900 },
        { id: 'N9', stage: 'junior', approvedPlaces: 450 },
        { id: 'P1', stage: 'primary', approvedPlaces: 1350 },
      ],
      schoolAgePopulation: { primary: 2250, junior: 451 },
    });
    expect(r.stages.primary).toMatchObject({ places: 2250, schools: 2, sufficient: true });
    expect(r.stages.junior).toMatchObject({ places: 450, schools: 1, shortfall: 1 });
  });
  it('no population: sufficient with a null ratio (never NaN or Infinity); no schools and a population: all short', () => {
    const r = seatSupply({ schools: [], schoolAgePopulation: { primary: 0, junior: 7 } });
    expect(r.stages.primary).toMatchObject({ places: 0, demand: 0, sufficient: true, ratio: null });
    expect(r.stages.junior).toMatchObject({ places: 0, shortfall: 7, sufficient: false, ratio: 0 });
  });
  it('the same school twice for one stage is refused, pointing at both rows', () => {
    const issues = expectIssuesAt(() => seatSupply({
      schools: [
        { id: 'A', stage: 'primary', approvedPlaces: 10 },
        { id: 'B', stage: 'primary', approvedPlaces: 10 },
        { id: 'A', stage: 'primary', approvedPlaces: 10 },
      ],
      schoolAgePopulation: { primary: 1, junior: 1 },
    }), ['schools', 2, 'id']);
    expect(issueAt(issues, ['schools', 2, 'id'])).toMatchObject({ code: 'inconsistent', related: ['schools', 0, 'id'], provision: '1.1' });
  });
  it('explains each stage in both languages with the figures a clerk checks', () => {
    const r = seatSupply(district(1350, 601, { primary: 1350, junior: 600 }));
    expect(r.explanation.map((s) => s.message.zh).join('\n')).toContain('600 < 601，缺口 1 个');
    expect(r.explanation.map((s) => s.message.en).join('\n')).toContain('600 < 601, 1 short');
    expect(r.explanation.every((s) => s.provision === '1.1')).toBe(true);
  });
  it('bad input of every kind throws PolicyInputError with paths; the safe form returns it', () => {
    for (const bad of [null, undefined, 'district', 42, [], {}, { schools: null, schoolAgePopulation: { primary: 1, junior: 1 } }]) {
      issuesOf(() => seatSupply(bad as never));
    }
    expectIssuesAt(() => seatSupply({ schools: [{ id: 'A', stage: 'senior', approvedPlaces: 1.5 }], schoolAgePopulation: { primary: '10', junior: -1 } } as never),
      ['schools', 0, 'stage'], ['schools', 0, 'approvedPlaces'], ['schoolAgePopulation', 'primary'], ['schoolAgePopulation', 'junior']);
    expectIssuesAt(() => seatSupply({ ...district(1, 1, { primary: 1, junior: 1 }), town: 'X' } as never), ['town']);
    expectIssuesAt(() => seatSupply({ schools: [], schoolAgePopulation: { primary: 1 } } as never), ['schoolAgePopulation', 'junior']);
    expectIssuesAt(() => seatSupply(JSON.parse('{"schools":[],"schoolAgePopulation":{"primary":1,"junior":1},"__proto__":{"x":1}}') as never), ['__proto__']);
    expectIssuesAt(() => seatSupply(district(1, 1, { primary: 1, junior: 1 }), null as never), ['options']);
    expectIssuesAt(() => seatSupply(district(1, 1, { primary: 1, junior: 1 }), { asOf: '2022-02-30' }), ['asOf']);
    const safe = safeSeatSupply(null as never);
    expect(safe.success).toBe(false);
    expect(safeSeatSupply(district(0, 0, { primary: 0, junior: 0 })).success).toBe(true);
  });
});

describe('specialEducationSchoolCheck (1.1 原则上办好一所特殊教育学校): at least one', () => {
  it('none is a breach; one complies; two comply too (一所 read as at least one)', () => {
    const none = specialEducationSchoolCheck({ schools: [{ id: 'A' }, { id: 'B', kind: 'teaching-point' }] }, AS_OF);
    expect(none).toMatchObject({ compliant: false, count: 0, required: 1, specialEducationSchools: [] });
    const one = specialEducationSchoolCheck({ schools: [{ id: 'A' }, { id: 'T', kind: 'special-education' }] }, AS_OF);
    expect(one).toMatchObject({ compliant: true, count: 1, specialEducationSchools: ['T'] });
    const two = specialEducationSchoolCheck({ schools: [{ id: 'T2', kind: 'special-education' }, { id: 'T1', kind: 'special-education' }] }, AS_OF);
    expect(two).toMatchObject({ compliant: true, count: 2, specialEducationSchools: ['T2', 'T1'] });
    expect(specialEducationSchoolCheck({ schools: [] }, AS_OF).compliant).toBe(false);
  });
  it('cites 1.1 and quotes the parameter (from the opinion, verified); an exempted district overrides to 0', () => {
    const r = specialEducationSchoolCheck({ schools: [] }, AS_OF);
    expect(r.citations).toEqual(['1.1']);
    expect(r.explanation[0]?.values).toMatchObject({ path: 'planning.specialEducation.minSchools', value: '1', source: 'opinion', confidence: 'verified' });
    expect(r.explanation.at(-1)?.message.zh).toContain('0 < 1，不符合');
    const exempt = specialEducationSchoolCheck({ schools: [] }, { ...AS_OF, parameters: { planning: { specialEducation: { minSchools: 0 } } } });
    expect(exempt).toMatchObject({ compliant: true, required: 0 });
  });
  it('before the opinion applies (opinion.effectiveFrom, 2017-05-23) the rule has no value: an error on asOf', () => {
    const issues = expectIssuesAt(() => specialEducationSchoolCheck({ schools: [] }, { asOf: '2017-05-22' }), ['asOf']);
    expect(issues[0]?.code).toBe('no_value_on_date');
    expect(specialEducationSchoolCheck({ schools: [] }, { asOf: '2017-05-23' }).required).toBe(1);
  });
  it('bad input: repeated ids, unknown kinds, extra keys, null, __proto__, a bad override', () => {
    const issues = expectIssuesAt(() => specialEducationSchoolCheck({ schools: [{ id: 'A' }, { id: 'A', kind: 'special-education' }] }, AS_OF), ['schools', 1, 'id']);
    expect(issueAt(issues, ['schools', 1, 'id']).related).toEqual(['schools', 0, 'id']);
    expectIssuesAt(() => specialEducationSchoolCheck({ schools: [{ id: 'A', kind: 'special' }] } as never, AS_OF), ['schools', 0, 'kind']);
    expectIssuesAt(() => specialEducationSchoolCheck({ schools: [{ id: 'A', pupils: 3 }] } as never, AS_OF), ['schools', 0, 'pupils']);
    expectIssuesAt(() => specialEducationSchoolCheck({ schools: [{ id: '' }] }, AS_OF), ['schools', 0, 'id']);
    expectIssuesAt(() => specialEducationSchoolCheck(JSON.parse('{"schools":[{"id":"A","__proto__":{}}]}') as never, AS_OF), ['schools', 0, '__proto__']);
    expectIssuesAt(() => specialEducationSchoolCheck({ schools: [] }, { parameters: { planning: { specialEducation: { minSchools: -1 } } } }), ['parameters', 'planning', 'specialEducation', 'minSchools']);
    expectIssuesAt(() => specialEducationSchoolCheck({ schools: [] }, { parameters: { planning: { specialEducation: { maxSchools: 1 } } } } as never), ['parameters', 'planning', 'specialEducation', 'maxSchools']);
    for (const bad of [null, 'schools', { schools: {} }, { schools: [null] }]) issuesOf(() => specialEducationSchoolCheck(bad as never, AS_OF));
    expect(safeSpecialEducationSchoolCheck(null as never).success).toBe(false);
  });
});

describe('jsonSchemas of the planning calculators', () => {
  it('publishes the first argument of each, with its required fields', () => {
    expect(jsonSchemas.seatSupply['required']).toEqual(['schools', 'schoolAgePopulation']);
    expect(jsonSchemas.specialEducationSchoolCheck['required']).toEqual(['schools']);
    expect(jsonSchemas.supportingSchoolCheck['required']).toEqual(['residentialArea', 'school']);
    expect(jsonSchemas.rectificationStatus['type']).toBe('array');
  });
});
