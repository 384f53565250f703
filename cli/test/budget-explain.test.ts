/**
 * `junheng budget --explain` (issue 12, item 3): each school's steps, with the clause or document of
 * each, in the reader's language, from the library's own explanation. Why `CQ-01 2400 → 1459200`:
 * 2400 × 600 = 1,440,000; 3 disabled pupils leave the benchmark (−1,800) for the special-education
 * rate (3 × 7000 = 21,000): 1,440,000 − 1,800 + 21,000 = 1,459,200.
 */
import { describe, expect, it } from 'vitest';
import { explainSchools, explanationLines, stepText } from '../src/budget/explain.js';
import { CENTRAL_2025, CSV, JSON_ROSTER, junheng } from './helpers.js';

const explained = (() => {
  const cache = new Map<string, string>();
  return async (...args: string[]) => {
    const key = args.join(' ');
    if (!cache.has(key)) {
      const r = await junheng('budget', ...args, '--explain');
      expect(r.status).toBe(0);
      cache.set(key, r.stdout);
    }
    return cache.get(key) as string;
  };
})();

/** The block of school `id`: its heading line and its numbered steps. */
function block(out: string, heading: string): string[] {
  const lines = out.split('\n');
  const at = lines.indexOf(heading);
  expect(at, heading).toBeGreaterThan(0);
  const end = lines.indexOf('', at);
  return lines.slice(at, end === -1 ? undefined : end);
}

describe('junheng budget --explain (English)', () => {
  it('explains CQ-01: each step with its figures and the document it applies', async () => {
    const out = await explained(CSV, ...CENTRAL_2025);
    expect(block(out, 'CQ-01: 1,459,200 yuan')).toEqual([
      'CQ-01: 1,459,200 yuan',
      '  1. School CQ-01: urban school, 2400 primary and 0 junior pupils, 0 boarders, 3 disabled pupils in mainstream classes',
      '  2. No floor covers a school in a urban location; funded for its 2400 pupils — opinion 5.1',
      '  3. primary benchmark: 2400 × 600 = 1,440,000 yuan — 国发〔2015〕67号',
      '  4. stage benchmark withdrawn for disabled pupils: −(3 × 600) = -1,800 yuan — 国发〔2015〕67号',
      '  5. special-education rate: 3 × 7000 = 21,000 yuan — Ministry of Finance: special-education per-pupil public funding raised to 7000 yuan a year',
      '  6. Total public funding: 1,459,200 yuan — opinion 5.1',
    ]);
  });

  it('explains a floor: XC-08, 96 + 64 pupils raised to 200, the 40 added at the weighted rate 680', async () => {
    // 96 × 600 + 64 × 800 = 108,800 over 160 pupils = 680; 40 × 680 = 27,200; 30 boarders × 200 = 6,000.
    const steps = block(await explained(CSV, ...CENTRAL_2025), 'XC-08: 142,000 yuan');
    expect(steps[2]).toBe('  2. Floor district-100-to-200: rural schools with more than 100 and fewer than 200 pupils are funded as 200; 160 pupils, 40 added: funded as 200 — opinion 5.1');
    expect(steps).toContain('  5. pupils added by the floor: 40 × 108800/160 (= 680) = 27,200 yuan (weighted rate, exact to the fen) — opinion 5.1');
    expect(steps).toContain('  6. boarding supplement: 30 × 200 = 6,000 yuan — 国发〔2015〕67号');
  });

  it('comes after the table and its footer, one block per school, without the parameter steps (the footer gives the rates)', async () => {
    const out = await explained(CSV, ...CENTRAL_2025);
    const heading = "How each amount was computed (each school's steps, with the clause of each):";
    expect(out.indexOf(heading)).toBeGreaterThan(out.indexOf('Rates applied'));
    expect(out.split('\n').filter((l) => /^[A-Z]+-\d+: [\d,.]+ yuan$/.test(l))).toHaveLength(40);
    expect(out).not.toContain('Parameter funding.');
  });

  it('the JSON roster (library path) explains exactly as the CSV (batch path)', async () => {
    expect(await explained(JSON_ROSTER, ...CENTRAL_2025)).toBe(await explained(CSV, ...CENTRAL_2025));
  });
});

describe('junheng budget --explain --lang zh', () => {
  it('explains CQ-01 in Chinese, each step with its clause', async () => {
    const out = await explained(CSV, ...CENTRAL_2025, '--lang', 'zh');
    expect(out).toContain('计算过程（每校各步及其依据）：');
    expect(block(out, 'CQ-01：1,459,200 元')).toEqual([
      'CQ-01：1,459,200 元',
      '  1. 学校 CQ-01：城区学校，在校生小学 2400 人、初中 0 人，寄宿生 0 人，随班就读残疾学生 3 人',
      '  2. 所在地 城区、类型 学校 不在保底范围内，按在校生 2400 人核定——《意见》5.1',
      '  3. 小学生均公用经费基准定额：2400 × 600 = 1,440,000 元——国发〔2015〕67号',
      '  4. 随班就读残疾学生不再按学段定额：−(3 × 600) = -1,800 元——国发〔2015〕67号',
      '  5. 特殊教育生均公用经费：3 × 7000 = 21,000 元——《财政部：特殊教育学校和随班就读残疾学生生均公用经费标准提高至每生每年7000元》',
      '  6. 公用经费合计 1,459,200 元——《意见》5.1',
    ]);
    // A teaching point of 12 raised to 100 by the national floor: 100 × 600 = 60,000.
    expect(block(out, 'JXD-01：60,000 元').at(-1)).toBe('  5. 公用经费合计 60,000 元——《意见》5.1');
  });
});

describe('--explain is for the table (and the HTML report)', () => {
  it('with --format json or csv it is a usage error, exit 2', async () => {
    for (const format of ['json', 'csv']) {
      const r = await junheng('budget', CSV, ...CENTRAL_2025, '--format', format, '--explain');
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`--explain prints each school's steps after the table (or in the HTML report), not in ${format}`);
    }
  });
});

describe('explainSchools / explanationLines, for the report', () => {
  it('explains the schools given, in order, in either language', () => {
    const options = { asOf: '2025-09-01', region: 'central' as const };
    const [a, b] = explainSchools(
      [
        { id: 'A', location: 'rural', pupils: { primary: 150 } },
        { id: 'B', location: 'urban', pupils: {} },
      ],
      options,
      'en',
    );
    expect(a?.id).toBe('A');
    expect(a?.amount).toBe('120000'); // 200 × 600
    expect(a?.steps.at(-1)).toBe('Total public funding: 120,000 yuan — opinion 5.1');
    expect(b?.amount).toBe('0');
    const lines = explanationLines([a!], 'zh');
    expect(lines[0]).toBe('计算过程（每校各步及其依据）：');
    expect(lines[2]).toBe('A：120,000 元');
    expect(stepText({ message: { zh: '合计 1459200 元', en: 'x' }, provision: 'gf-2015-67' }, 'zh')).toBe('合计 1,459,200 元——国发〔2015〕67号');
    expect(stepText({ message: { zh: '学校 2136001234：乡村学校', en: 'School 2136001234' } }, 'en')).toBe('School 2136001234'); // an id is never grouped
  });
});
