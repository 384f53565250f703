/**
 * Warnings a reader of a budget needs (issue 12, item 6), on stderr (one line each, the first 50
 * then a count), the result still computed: a school with 0 pupils and what it is funded as, a
 * teaching point above 100 pupils. Boarders more than pupils stay an error, as the library has them.
 *
 * Hand-worked (central, 2025-09-01): a rural school with no pupils is under the national floor
 * (0 < 100) and funded as 100 × 600 = 60,000; an urban one gets 0; a town teaching point of 150 is
 * in no band (the national band is for fewer than 100; town is not 农村): 150 × 600 = 90,000.
 */
import { describe, expect, it } from 'vitest';
import { budgetWarnings, warningLines, warningText } from '../src/budget/warnings.js';
import { computeBudget } from '../src/compute.js';
import { CENTRAL_2025, junheng, tempDir, writeTemp, type JsonBudget } from './helpers.js';

const ROSTER = 'id,location,kind,primary,junior,boarders_primary\nZ-RURAL,rural,,0,0,\nZ-URBAN,urban,,,,\nTP-150,town,teaching-point,150,,\nTP-90,rural,teaching-point,90,,\nTP-100,rural,teaching-point,100,,\nS,urban,,900,,\n';

describe('warnings on stderr, the budget still computed (exit 0)', () => {
  const roster = (() => {
    let file: string | undefined;
    return () => (file ??= writeTemp(tempDir(), 'warn.csv', ROSTER));
  })();

  it('English: each school warned about, with what it is funded as', async () => {
    const r = await junheng('budget', roster(), ...CENTRAL_2025, '--format', 'json');
    expect(r.status).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      'junheng: warning: school "Z-RURAL" has no pupils, yet is funded as 100 pupils (60,000 yuan) by the floor "rural school or teaching point under 100 pupils, funded as 100 (国发〔2015〕67号)"; check its pupil counts',
      'junheng: warning: school "Z-URBAN" has no pupils: no floor covers it, 0 yuan; check its pupil counts',
      "junheng: warning: teaching point \"TP-150\" has 150 pupils, more than 100: check its kind (a teaching point's floor is for fewer than 100); funded as 150 pupils, 90,000 yuan",
      '',
    ]);
    // JSON as ever, the amounts as computed: 60000 + 0 + 90000 + 60000 (TP-90 → 100) + 60000 (TP-100: exactly 100) + 540000.
    const b = JSON.parse(r.stdout) as JsonBudget;
    expect(b.schools.map((s) => s.amount)).toEqual(['60000', '0', '90000', '60000', '60000', '540000']);
    expect(b.total).toBe('810000');
  });

  it('Chinese, and the same with every format', async () => {
    const zh = await junheng('budget', roster(), ...CENTRAL_2025, '--lang', 'zh');
    expect(zh.status).toBe(0);
    expect(zh.stderr.split('\n')).toEqual([
      'junheng：提示：学校 "Z-RURAL" 在校生为 0，但按保底“农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）”核定 100 人，公用经费 60,000 元；请核对在校生数',
      'junheng：提示：学校 "Z-URBAN" 在校生为 0：无保底适用，公用经费 0 元；请核对在校生数',
      'junheng：提示：教学点 "TP-150" 有在校生 150 人，超过 100 人：请核对其办学类型（教学点的保底是不足 100 人按 100 人核定）；按 150 人核定，公用经费 90,000 元',
      '',
    ]);
    for (const format of ['table', 'csv']) {
      const r = await junheng('budget', roster(), ...CENTRAL_2025, '--lang', 'zh', '--format', format);
      expect(r.stderr).toBe(zh.stderr);
    }
  });

  it('the JSON roster (library path) warns the same', async () => {
    const schools = [
      { id: 'Z-RURAL', location: 'rural', pupils: {} },
      { id: 'TP-150', location: 'town', kind: 'teaching-point', pupils: { primary: 150 } },
    ];
    const file = writeTemp(tempDir(), 'warn.json', JSON.stringify(schools));
    const r = await junheng('budget', file, ...CENTRAL_2025);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('junheng: warning: school "Z-RURAL" has no pupils, yet is funded as 100 pupils (60,000 yuan)');
    expect(r.stderr).toContain('junheng: warning: teaching point "TP-150" has 150 pupils, more than 100');
  });

  it('the first 50, then a count of the rest', async () => {
    const rows = ['id,location,primary'];
    for (let i = 0; i < 73; i++) rows.push(`E${i},urban,0`);
    const file = writeTemp(tempDir(), 'many.csv', `${rows.join('\n')}\n`);
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'json');
    expect(r.status).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(51);
    expect(lines[49]).toContain('"E49" has no pupils');
    expect(lines[50]).toBe('junheng: … and 23 more warnings, not shown');
  });
});

describe('boarders more than pupils stay an error (the library refuses the school)', () => {
  it('exit 1, the row and column named, nothing on stdout', async () => {
    const file = writeTemp(tempDir(), 'boarders.csv', 'id,location,primary,boarders_primary\nB,rural,10,20\n');
    const r = await junheng('budget', file, ...CENTRAL_2025);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('line 2 (school "B"), column boarders_primary: must not exceed the primary pupils (20 boarders, 10 pupils)');
  });
});

describe('budgetWarnings / warningText, for the report', () => {
  it('finds the schools from the run and words them with what they were funded as', () => {
    const schools = [
      { id: 'A', location: 'rural' as const, pupils: {} },
      { id: 'T', location: 'rural' as const, kind: 'teaching-point' as const, pupils: { primary: 101 } },
      { id: 'P', location: 'urban' as const, pupils: { primary: 10 } },
    ];
    const c = computeBudget(schools, { asOf: '2025-09-01', region: 'central' });
    if (c.run === undefined) throw new Error('not computed');
    const found = budgetWarnings(c.run, [0, 101, 10]);
    expect(found.count).toBe(2);
    expect(found.warnings.map((w) => [w.code, w.id, w.index, w.pupils, w.fundedPupils, w.floorApplied, w.amountFen])).toEqual([
      ['no-pupils', 'A', 0, 0, 100, 'national-under-100', 6_000_000],
      // A rural teaching point of 101: not under the national band, but under the opinion's (100–200 → 200): 200 × 600.
      ['large-teaching-point', 'T', 1, 101, 200, 'district-100-to-200', 12_000_000],
    ]);
    expect(warningText(found.warnings[1]!, 'en', c.run.floorBands)).toBe(
      'teaching point "T" has 101 pupils, more than 100: check its kind (a teaching point\'s floor is for fewer than 100); funded as 200 pupils by the floor "rural school of more than 100 and fewer than 200 pupils, funded as 200 (opinion 5.1)", 120,000 yuan',
    );
    expect(warningLines({ warnings: [], count: 0 }, 'en')).toEqual([]);
  });
});
