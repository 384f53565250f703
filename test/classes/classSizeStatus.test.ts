import { describe, expect, it } from 'vitest';
import { classSizeStatus, safeClassSizeStatus, PolicyInputError, listParameters } from '../../src/index.js';
import { expectIssuesAt, issuesOf, pathsOf } from '../core/helpers.js';

const AS_OF = { asOf: '2025-09-01' } as const;
const status = (stage: 'primary' | 'junior', size: number, incomplete?: boolean) =>
  classSizeStatus(incomplete === undefined ? { stage, size } : { stage, size, incomplete }, AS_OF);

describe('classSizeStatus: every band boundary', () => {
  it.each([
    // primary: standard 45 (GB 50099-2011), large 56+, super-large 66+ (国发〔2016〕40号)
    ['primary', 0, 'standard', 45, 0],
    ['primary', 45, 'standard', 45, 0],
    ['primary', 46, 'over-standard', 45, 1],
    ['primary', 55, 'over-standard', 45, 10],
    ['primary', 56, 'large', 45, 11],
    ['primary', 65, 'large', 45, 20],
    ['primary', 66, 'super-large', 45, 21],
    ['primary', 120, 'super-large', 45, 75],
    // junior: standard 50
    ['junior', 50, 'standard', 50, 0],
    ['junior', 51, 'over-standard', 50, 1],
    ['junior', 55, 'over-standard', 50, 5],
    ['junior', 56, 'large', 50, 6],
    ['junior', 65, 'large', 50, 15],
    ['junior', 66, 'super-large', 50, 16],
  ] as const)('%s class of %i is %s (standard %i, excess %i)', (stage, size, band, standard, excess) => {
    const r = status(stage, size);
    expect(r.status).toBe(band);
    expect(r.standardSize).toBe(standard);
    expect(r.excess).toBe(excess);
  });

  it.each([
    [30, 'standard', 0],
    [31, 'over-standard', 1],
    [55, 'over-standard', 25],
    [56, 'large', 26],
    [66, 'super-large', 36],
  ] as const)('incomplete primary school (standard 30): %i is %s, excess %i', (size, band, excess) => {
    const r = status('primary', size, true);
    expect(r).toMatchObject({ status: band, standardSize: 30, excess });
  });

  it('incomplete: false is an ordinary class, on either stage', () => {
    expect(status('primary', 31, false).status).toBe('standard');
    expect(status('junior', 51, false).status).toBe('over-standard');
  });
});

describe('classSizeStatus: citations and explanation', () => {
  it('cites 2.3, GB 50099-2011 and 国发〔2016〕40号', () => {
    expect(status('primary', 60).citations).toEqual(['2.3', 'gb-50099-2011', 'gf-2016-40']);
  });

  it('explains the sizes and the band in both languages', () => {
    const r = classSizeStatus({ id: '三年级2班', stage: 'primary', size: 58 }, AS_OF);
    const text = r.explanation.map((s) => s.message.zh).join('\n');
    expect(text).toContain('三年级2班');
    expect(text).toContain('58 人');
    expect(text).toContain('标准班额 45 人，超出 13 人');
    expect(text).toContain('大班额');
    expect(r.explanation.at(-1)?.message.en).toContain('58 pupils is large');
    expect(r.explanation.at(-1)?.values).toEqual({ status: 'large' });
  });

  it('quotes the standard of the class it bands (incomplete primary: 30)', () => {
    const r = classSizeStatus({ stage: 'primary', size: 31, incomplete: true }, AS_OF);
    const paths = r.explanation.map((s) => s.values?.['path']).filter((p) => p !== undefined);
    expect(paths).toEqual(['classes.standardSize.incompletePrimary', 'classes.largeFrom', 'classes.superLargeFrom']);
  });

  it('serialises its data; the explanation is read, not serialised (issue 11)', () => {
    const r = status('junior', 70);
    const json = JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    expect(json['status']).toBe('super-large');
    expect(json).not.toHaveProperty('explanation');
    expect(Array.isArray(r.explanation)).toBe(true);
  });
});

describe('classSizeStatus: parameters', () => {
  it('lists the class-size parameters with their sources', () => {
    const list = listParameters(AS_OF).filter((p) => p.path.startsWith('classes.'));
    const by = Object.fromEntries(list.map((p) => [p.path, p]));
    expect(by['classes.standardSize.primary']).toMatchObject({ value: 45, source: 'gb-50099-2011', confidence: 'verified' });
    expect(by['classes.standardSize.incompletePrimary']).toMatchObject({ value: 30, source: 'gb-50099-2011' });
    expect(by['classes.standardSize.junior']).toMatchObject({ value: 50, source: 'gb-50099-2011' });
    expect(by['classes.largeFrom']).toMatchObject({ value: 56, source: 'gf-2016-40', confidence: 'verified' });
    expect(by['classes.superLargeFrom']).toMatchObject({ value: 66, source: 'gf-2016-40' });
    expect(by['classes.schoolSizeLimit.nineYear']).toMatchObject({ value: 2500, source: 'jiaodu-2017-6', confidence: 'secondary' });
    // the printed year, but the source flattened its years: unverified
    expect(by['classes.largeClassDeadline']).toMatchObject({ value: '2025-12-31', source: 'opinion', confidence: 'unverified' });
  });

  it('an override moves the standard: 40 makes 41 over-standard', () => {
    const r = classSizeStatus({ stage: 'primary', size: 41 }, { ...AS_OF, parameters: { classes: { standardSize: { primary: 40 } } } });
    expect(r).toMatchObject({ status: 'over-standard', standardSize: 40, excess: 1 });
    expect(r.citations).not.toContain('gb-50099-2011');
  });

  it('an override of the thresholds: large from 50, super-large from 60', () => {
    const parameters = { classes: { largeFrom: 50, superLargeFrom: 60 } };
    expect(classSizeStatus({ stage: 'junior', size: 50 }, { ...AS_OF, parameters }).status).toBe('large');
    expect(classSizeStatus({ stage: 'junior', size: 60 }, { ...AS_OF, parameters }).status).toBe('super-large');
  });

  it('refuses super-large at or below large', () => {
    const issues = expectIssuesAt(
      () => classSizeStatus({ stage: 'junior', size: 50 }, { ...AS_OF, parameters: { classes: { superLargeFrom: 56 } } }),
      ['parameters', 'classes', 'superLargeFrom'],
    );
    expect(issues[0]?.code).toBe('inconsistent');
  });

  it('refuses a bad override value', () => {
    expectIssuesAt(() => classSizeStatus({ stage: 'junior', size: 50 }, { ...AS_OF, parameters: { classes: { largeFrom: -1 } } }), ['parameters', 'classes', 'largeFrom']);
  });

  it('before 国发〔2016〕40号 the thresholds are unknown: an issue on asOf', () => {
    const issues = expectIssuesAt(() => classSizeStatus({ stage: 'junior', size: 50 }, { asOf: '2016-07-01' }), ['asOf']);
    expect(issues[0]?.code).toBe('no_value_on_date');
    expect(classSizeStatus({ stage: 'junior', size: 50 }, { asOf: '2016-07-02' }).status).toBe('standard');
  });
});

describe('classSizeStatus: bad input', () => {
  it.each([
    [{ stage: 'primary', size: -1 }, ['size']],
    [{ stage: 'primary', size: 45.5 }, ['size']],
    [{ stage: 'primary', size: '45' }, ['size']],
    [{ stage: 'primary', size: NaN }, ['size']],
    [{ stage: 'primary', size: Infinity }, ['size']],
    [{ stage: 'primary', size: 1_000_001 }, ['size']],
    [{ stage: 'primary', size: null }, ['size']],
    [{ stage: 'senior', size: 40 }, ['stage']],
    [{ size: 40 }, ['stage']],
    [{ stage: 'primary' }, ['size']],
    [{ stage: 'junior', size: 40, incomplete: true }, ['incomplete']],
    [{ stage: 'primary', size: 40, incomplete: 'yes' }, ['incomplete']],
    [{ stage: 'primary', size: 40, location: 'city' }, ['location']],
    [{ stage: 'primary', size: 40, schoolId: '' }, ['schoolId']],
    [{ stage: 'primary', size: 40, pupils: 40 }, ['pupils']],
    [JSON.parse('{"stage":"primary","size":40,"__proto__":{"x":1}}'), ['__proto__']],
  ])('%j → issue at %j', (input, path) => {
    expectIssuesAt(() => classSizeStatus(input as never, AS_OF), path);
  });

  it.each([null, undefined, 42, 'class', []])('not an object: %j', (input) => {
    const issues = issuesOf(() => classSizeStatus(input as never, AS_OF));
    expect(pathsOf(issues)).toContain('[]');
  });

  it('a Date is no class (its fields are missing)', () => {
    expectIssuesAt(() => classSizeStatus(new Date() as never, AS_OF), ['stage'], ['size']);
  });

  it('reports every problem at once, options included', () => {
    const issues = issuesOf(() => classSizeStatus({ stage: 'x', size: -2 } as never, { asOf: '2025-02-30' }));
    expect(pathsOf(issues)).toEqual(expect.arrayContaining(['["stage"]', '["size"]', '["asOf"]']));
  });

  it('safe form', () => {
    const bad = safeClassSizeStatus({ stage: 'primary', size: -1 });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error).toBeInstanceOf(PolicyInputError);
    const good = safeClassSizeStatus({ stage: 'primary', size: 1 }, AS_OF);
    expect(good.success && good.data.status).toBe('standard');
  });
});
