/**
 * Confirmation horizons (issue 9, item 2): a dated value may say until when a source shows it
 * still in force (`confirmedThrough`); on a later `asOf` it is `stale`, explanations say "not
 * confirmed since …", and every command's footer lists it.
 *
 * Horizons used here (each cited in its value's note):
 * - 2016 benchmarks 600 / 800, 650 / 850: 2016-12-31 (中国教育新闻网 2015-12-25: the benchmarks "2016年").
 * - +200 per boarder and the national under-100 floor: 2018-08-27 (国务院办公厅 opinion as reported by 中新网).
 * - special education 6000: 2025-02-28 (raised from the 2025 spring semester); 7000: 2025-12-31 (the 2025 allocation).
 * - living subsidies of 2024: 2025-11-13 (施甸县 restatement); those of 2011 / 2019: 2024-02-29.
 * - 56 / 66: 2020-09-23 (国新办 press conference).
 */
import { describe, expect, it } from 'vitest';
import { describeParameters, listParameters, publicFunding, type ParameterListing, type School } from '../../src/index.js';
import { CSV, EXAMPLES, junheng } from '../../cli/test/helpers.js';

const one = (list: ParameterListing[], path: string, region?: string): ParameterListing => {
  const found = list.filter((p) => p.path === path && (region === undefined || p.region === region));
  expect(found, `${path} ${region ?? ''}`).toHaveLength(1);
  return found[0] as ParameterListing;
};

describe('listParameters: confirmedThrough and stale', () => {
  it('at 2025-09-01 the 2016 benchmarks and the 200-yuan boarding supplement are stale', async () => {
    const list = listParameters({ asOf: '2025-09-01' });
    for (const region of ['east', 'central', 'west'] as const) {
      for (const stage of ['primary', 'junior'] as const) {
        expect(one(list, `funding.benchmark.${stage}`, region)).toMatchObject({ confirmedThrough: '2016-12-31', stale: true, confidence: 'verified' });
      }
    }
    expect(one(list, 'funding.benchmark.primary', 'central').value).toBe('600');
    expect(one(list, 'funding.benchmark.junior', 'east').value).toBe('850');
    expect(one(list, 'funding.boardingSupplement')).toMatchObject({ value: '200', confirmedThrough: '2018-08-27', stale: true });
  });

  it('a value is stale only after its horizon: 2016-12-31 is confirmed, 2017-01-01 is not', async () => {
    expect(one(listParameters({ asOf: '2016-06-01', region: 'central' }), 'funding.benchmark.primary').stale).toBe(false);
    expect(one(listParameters({ asOf: '2016-12-31', region: 'central' }), 'funding.benchmark.primary').stale).toBe(false);
    expect(one(listParameters({ asOf: '2017-01-01', region: 'central' }), 'funding.benchmark.primary').stale).toBe(true);
  });

  it('values a later source confirms are not stale at 2025-09-01', async () => {
    const list = listParameters({ asOf: '2025-09-01' });
    expect(one(list, 'funding.specialEducation')).toMatchObject({ value: '7000', confirmedThrough: '2025-12-31', stale: false });
    expect(one(list, 'livingSubsidy.boarder.primary')).toMatchObject({ value: '1250', confirmedThrough: '2025-11-13', stale: false });
    expect(one(list, 'livingSubsidy.nonBoarder.junior')).toMatchObject({ value: '750', confirmedThrough: '2025-11-13', stale: false });
    // …and become stale after their horizon.
    expect(one(listParameters({ asOf: '2025-11-14' }), 'livingSubsidy.boarder.primary').stale).toBe(true);
    expect(one(listParameters({ asOf: '2026-01-01' }), 'funding.specialEducation').stale).toBe(true);
  });

  it('a value replaced by a later one is confirmed until the day before (special education 6000, living subsidies 2011)', async () => {
    expect(one(listParameters({ asOf: '2025-02-28' }), 'funding.specialEducation')).toMatchObject({ value: '6000', confirmedThrough: '2025-02-28', stale: false });
    expect(one(listParameters({ asOf: '2024-02-29' }), 'livingSubsidy.boarder.junior')).toMatchObject({ value: '1250', confirmedThrough: '2024-02-29', stale: false });
  });

  it('class-size thresholds: 56 and 66 confirmed through 2020-09-23', async () => {
    const list = listParameters({ asOf: '2025-09-01' });
    expect(one(list, 'classes.largeFrom')).toMatchObject({ value: 56, confirmedThrough: '2020-09-23', stale: true });
    expect(one(list, 'classes.superLargeFrom')).toMatchObject({ value: 66, confirmedThrough: '2020-09-23', stale: true });
    expect(one(listParameters({ asOf: '2020-09-23' }), 'classes.largeFrom').stale).toBe(false);
  });

  it("junheng's readings, the opinion's own values and a user's values carry no horizon and are never stale", async () => {
    const list = listParameters({ asOf: '2030-01-01', region: 'central', parameters: { funding: { benchmark: { primary: 720 } } } });
    for (const p of list.filter((x) => x.source === 'junheng' || x.source === 'opinion' || x.source === 'override')) {
      if (p.path === 'funding.floors') continue; // the floor list also holds the national band, confirmed through 2018
      expect(p.confirmedThrough, p.path).toBeUndefined();
      expect(p.stale, p.path).toBe(false);
    }
    expect(one(list, 'funding.benchmark.primary')).toMatchObject({ value: '720', source: 'override', stale: false });
  });

  it('every value of a national source has a horizon, on or after the day it starts', async () => {
    for (const d of describeParameters()) {
      for (const h of d.history) {
        if (h.source === 'junheng' || h.source === 'opinion') continue;
        expect(h.confirmedThrough, `${d.path} ${h.from}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect((h.confirmedThrough as string) >= h.from, `${d.path} ${h.from}`).toBe(true);
      }
    }
  });
});

describe('explanations: "not confirmed since …" for a stale value', () => {
  const school: School = { id: 'A', location: 'urban', pupils: { primary: 300 }, boarders: { primary: 10 } };

  it('at 2025-09-01 the benchmark and the boarding supplement say since when they are unconfirmed', async () => {
    const r = publicFunding(school, { asOf: '2025-09-01', region: 'central' });
    const bench = r.explanation.find((s) => s.values?.['path'] === 'funding.benchmark.primary');
    expect(bench?.message.en).toContain('not confirmed since 2016-12-31');
    expect(bench?.message.zh).toContain('未经确认自 2016-12-31');
    expect(bench?.values).toMatchObject({ stale: true, confirmedThrough: '2016-12-31' });
    const boarding = r.explanation.find((s) => s.values?.['path'] === 'funding.boardingSupplement');
    expect(boarding?.message.en).toContain('not confirmed since 2018-08-27');
  });

  it('while a value is confirmed, its step says nothing of it', async () => {
    const r = publicFunding(school, { asOf: '2016-06-01', region: 'central' });
    for (const s of r.explanation) {
      expect(s.message.en).not.toContain('not confirmed since');
      expect(s.values?.['stale']).toBeUndefined();
    }
  });
});

describe('command footers list the stale values in force beside the unverified ones', () => {
  const NOT_CONFIRMED = /^Not confirmed since (\d{4}-\d{2}-\d{2}) \(no source seen shows (?:it|them) still in force after that day, and 2025-09-01 is later; confirm or override\): (.+)$/;
  const staleLinesOf = (out: string) => out.split('\n').filter((l) => l.startsWith('Not confirmed since') || l.startsWith('- Not confirmed since'));

  it('budget: the 2016 benchmarks with their values and region, and the boarding supplement', async () => {
    const r = await junheng('budget', CSV, '--as-of', '2025-09-01', '--region', 'central');
    expect(r.status).toBe(0);
    const lines = staleLinesOf(r.stdout);
    const bench = lines.find((l) => l.startsWith('Not confirmed since 2016-12-31'));
    expect(bench).toMatch(NOT_CONFIRMED);
    // In words (the budget's footer is parameterFooter's): name, value, unit and region.
    expect(bench).toContain('Per-pupil public-funding benchmark (primary) 600 yuan/pupil/year (central)');
    expect(bench).toContain('Per-pupil public-funding benchmark (junior) 800 yuan/pupil/year (central)');
    expect(lines.find((l) => l.startsWith('Not confirmed since 2018-08-27'))).toContain('Boarding-school supplement per boarder 200 yuan/boarder/year');
    // The unverified line names the opinion's effective date: the opinion's floor bears on the budget.
    expect(r.stdout.split('\n').find((l) => l.startsWith('Values in force that junheng has not verified'))).toContain("The day the opinion's own rules take effect 2017-05-23");
  });

  it('budget: nothing is stale while every value is confirmed', async () => {
    const r = await junheng('budget', CSV, '--as-of', '2016-06-01', '--region', 'central');
    expect(r.status).toBe(0);
    expect(staleLinesOf(r.stdout)).toEqual([]);
  });

  it('classes: the class-size thresholds', async () => {
    const r = await junheng('classes', `${EXAMPLES}/classes.csv`, '--as-of', '2025-09-01');
    expect(r.status).toBe(0);
    // In words: the parameter's name, value and unit.
    expect(staleLinesOf(r.stdout).find((l) => l.startsWith('Not confirmed since 2020-09-23'))).toContain('Large class 56 pupils/class; Super-large class 66 pupils/class');
  });

  it('assess: the 教督〔2017〕6号 thresholds, in the text and the markdown report', async () => {
    const text = await junheng('assess', `${EXAMPLES}/county.json`, '--as-of', '2025-09-01');
    expect(text.status).toBe(0);
    // The seven thresholds of a stage as one item, in words.
    expect(staleLinesOf(text.stdout).find((l) => l.startsWith('Not confirmed since 2017-05-23'))).toContain('Primary indicator thresholds L1 4.2, L2 1, L3 0.9, L4 4.5, L5 7.5, L6 2000, L7 2.3');
    const md = await junheng('assess', `${EXAMPLES}/county.json`, '--as-of', '2025-09-01', '--format', 'markdown');
    expect(md.status).toBe(0);
    expect(staleLinesOf(md.stdout).join('\n')).toContain('- Not confirmed since');
  });

  it('teachers: no training value has a horizon (the opinion and junheng set them), but the date is listed as unverified', async () => {
    const r = await junheng('teachers', `${EXAMPLES}/teachers.csv`, '--as-of', '2025-09-01');
    expect(r.status).toBe(0);
    expect(staleLinesOf(r.stdout)).toEqual([]);
    expect(r.stdout.split('\n').find((l) => l.startsWith('Values in force that junheng has not verified'))).toContain("The day the opinion's own rules take effect 2017-05-23");
  });
});
