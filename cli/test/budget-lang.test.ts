/**
 * `junheng budget --lang zh|en` (issue 12, item 3): the table, CSV and footers in the reader's
 * language; JSON the same in both. The example of the "done when":
 * `junheng budget examples/district.csv --as-of 2025-09-01 --region central --lang zh`.
 *
 * Hand-worked (central, 2025-09-01): benchmarks 600 primary / 800 junior (国发〔2015〕67号),
 * boarders +200, special education 7000 (from 2025-03-01). CQ-01: 2400 × 600 − 3 × 600 + 3 × 7000 =
 * 1,459,200; XC-03: rural, 150 pupils → 200 × 600 = 120,000; total 18,434,232.5.
 */
import { describe, expect, it } from 'vitest';
import { allocateBudget, listParameters, type School } from 'junheng';
import { budgetFooter, floorShort, ratesApplied } from '../src/budget/words.js';
import { computeBudget } from '../src/compute.js';
import type { BudgetReport } from '../src/format.js';
import { displayWidth } from '../src/format.js';
import { CENTRAL_2025, CSV, JSON_ROSTER, junheng, tempDir, WHAT_IF, writeTemp } from './helpers.js';

const zhTable = (() => {
  let cached: string | undefined;
  return async () => {
    if (cached === undefined) {
      const r = await junheng('budget', CSV, ...CENTRAL_2025, '--lang', 'zh');
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      cached = r.stdout;
    }
    return cached;
  };
})();

describe('junheng budget examples/district.csv --as-of 2025-09-01 --region central --lang zh', () => {
  it('heads the columns in Chinese, groups the amounts and names the floors in short words', async () => {
    const t = await zhTable();
    expect(t).toMatch(/^学校标识码\s+在校生数\s+核定人数\s+保底\s+公用经费（元）$/m);
    expect(t).toMatch(/^CQ-01\s+2400\s+2400\s+1,459,200$/m);
    expect(t).toMatch(/^XC-03\s+150\s+200\s+100–200人按200（意见5\.1）\s+120,000$/m);
    expect(t).toMatch(/^XC-09\s+85\s+100\s+不足100人按100\s+60,000$/m);
    expect(t).toMatch(/^ZQ-03\s+960\s+960\s+738,312\.5$/m);
    expect(t).toMatch(/^合计\s+18,434,232\.5$/m);
  });

  it('lines the table up by display width (Chinese headings take two columns a character)', async () => {
    const t = await zhTable();
    const block = t.slice(0, t.indexOf('\n\n')).split('\n');
    expect(block).toHaveLength(1 + 1 + 40 + 1 + 1);
    const width = displayWidth(block[0] as string);
    for (const line of block) expect(displayWidth(line), line).toBe(width);
  });

  it('says the count, the floors, the day and region, the rates applied with their documents, and the citations, in Chinese', async () => {
    const t = await zhTable();
    const footer = t.slice(t.indexOf('\n\n') + 2).split('\n');
    expect(footer.slice(0, 11)).toEqual([
      '共 40 所学校；金额单位：元/年。',
      '保底：7 所适用“农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）”；7 所适用“农村超过100人不足200人的学校按200人核定（《意见》5.1）”。',
      '计算日期 2025-09-01，地区：中部。',
      '所用标准（2025-09-01，中部）：',
      '  小学生均公用经费基准定额：600 元/生·年（中部；国发〔2015〕67号）',
      '  初中生均公用经费基准定额：800 元/生·年（中部；国发〔2015〕67号）',
      '  寄宿制学校按寄宿生增加的公用经费：200 元/寄宿生·年（国发〔2015〕67号）',
      '  特殊教育学校和随班就读残疾学生生均公用经费：7,000 元/生·年（《财政部：特殊教育学校和随班就读残疾学生生均公用经费标准提高至每生每年7000元》）',
      '  随班就读残疾学生按特教标准核定：替代学段定额（junheng 的解读）',
      '  规模较小学校保底核定人数：农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）；农村超过100人不足200人的学校按200人核定（《意见》5.1）',
      // XC-08 (96 primary + 64 junior) is raised by a floor: the rate of its added pupils bears.
      '  九年一贯制等学校保底增加人数所用定额：按学段人数比例（junheng 的解读）',
    ]);
    expect(footer).toContain('依据：《意见》5.1；国发〔2015〕67号；《财政部：特殊教育学校和随班就读残疾学生生均公用经费标准提高至每生每年7000元》');
  });

  it('names the unverified and stale values in words: by name, value, unit and region, bands by their rule, choices in words', async () => {
    const t = await zhTable();
    const unverified = t.split('\n').find((l) => l.startsWith('以下取值为 junheng 的解读，尚未核实'));
    expect(unverified).toBe(
      '以下取值为 junheng 的解读，尚未核实（请核实或以 --parameters 覆盖）：随班就读残疾学生按特教标准核定：替代学段定额；规模较小学校保底核定人数「农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）」「农村超过100人不足200人的学校按200人核定（《意见》5.1）」；本实施意见的施行日期 2017-05-23；九年一贯制等学校保底增加人数所用定额：按学段人数比例',
    );
    expect(t).toContain(
      '以下取值在 2016-12-31 之后未见来源确认仍然有效（计算日期 2025-09-01 在其后；请核实或覆盖）：小学生均公用经费基准定额 600 元/生·年（中部）；初中生均公用经费基准定额 800 元/生·年（中部）',
    );
    expect(t).toContain('以下取值在 2018-08-27 之后未见来源确认仍然有效（计算日期 2025-09-01 在其后；请核实或覆盖）：寄宿制学校按寄宿生增加的公用经费 200 元/寄宿生·年；规模较小学校保底核定人数「');
  });

  it('has no code path, source id, band id or enum value a reader would have to look up', async () => {
    const t = await zhTable();
    for (const code of ['funding.', 'gf-2015-67', 'mof-2025', 'national-under-100', 'district-100-to-200', 'instead', 'proportional', 'Cites', 'As of']) {
      expect(t, code).not.toContain(code);
    }
  });

  it('the same roster as JSON (the library path) prints the same Chinese table', async () => {
    const r = await junheng('budget', JSON_ROSTER, ...CENTRAL_2025, '--lang', 'zh');
    expect(r.stdout).toBe(await zhTable());
  });

  it('with --what-if: the what-if columns and line in Chinese', async () => {
    const r = await junheng('budget', CSV, ...CENTRAL_2025, '--lang', 'zh', '--what-if', WHAT_IF);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^学校标识码\s+在校生数\s+核定人数\s+保底\s+公用经费（元）\s+假设核定人数\s+假设公用经费（元）\s+差额（元）$/m);
    // What-if: primary 720 (central); the district floor "below 250 → 250": XC-05 (200 pupils) 250 × 720.
    expect(r.stdout).toMatch(/^XC-05\s+200\s+200\s+120,000\s+250\s+180,000\s+60,000$/m);
    expect(r.stdout).toMatch(/^合计\s+18,434,232\.5\s+20,691,133\s+2,256,900\.5$/m);
    // The what-if's line, then what it sets, in words.
    expect(r.stdout).toContain(
      [
        `假设方案 ${WHAT_IF}（改动：小学生均公用经费基准定额、规模较小学校保底核定人数）：合计 20,691,133 元，差额 2,256,900.5 元。`,
        '  假设：小学生均公用经费基准定额：720 元/生·年（中部；本地设定）',
        '  假设：规模较小学校保底核定人数（本地设定）：农村小规模学校和教学点不足100人的按100人核定（国发〔2015〕67号）；district-100-to-250（乡村学校超过100人不足250人的按250人核定）',
        '所用标准（2025-09-01，中部）：',
      ].join('\n'),
    );
  });
});

describe('the English table', () => {
  it('says the rates applied with their documents, and the region in words', async () => {
    const r = await junheng('budget', CSV, ...CENTRAL_2025, '--lang', 'en');
    expect(r.stdout).toContain(
      [
        'Rates applied (2025-09-01, central):',
        '  Per-pupil public-funding benchmark (primary): 600 yuan/pupil/year (central; 国发〔2015〕67号)',
        '  Per-pupil public-funding benchmark (junior): 800 yuan/pupil/year (central; 国发〔2015〕67号)',
        '  Boarding-school supplement per boarder: 200 yuan/boarder/year (国发〔2015〕67号)',
      ].join('\n'),
    );
    expect(r.stdout).toContain('  Small-school floors: rural school or teaching point under 100 pupils, funded as 100 (国发〔2015〕67号); rural school of more than 100 and fewer than 200 pupils, funded as 200 (opinion 5.1)\n');
  });
});

describe('junheng budget --format csv --lang zh', () => {
  it('heads the columns in Chinese, names the floor in short words, and keeps amounts as plain numbers', async () => {
    const r = await junheng('budget', CSV, ...CENTRAL_2025, '--format', 'csv', '--lang', 'zh');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('\uFEFF学校标识码,在校生数,核定人数,保底,公用经费（元）');
    expect(lines).toContain('XC-03,150,200,100–200人按200（意见5.1）,120000');
    expect(lines).toContain('XC-09,85,100,不足100人按100,60000');
    expect(lines).toContain('CQ-01,2400,2400,,1459200');
    expect(lines).toContain('ZQ-03,960,960,,738312.5');
    expect(lines).toHaveLength(1 + 40 + 1);
  });

  it('with a name column and --what-if: 学校名称 and the what-if columns, every text cell safe for a spreadsheet', async () => {
    const dir = tempDir();
    const file = writeTemp(dir, 'named.csv', '学校标识码,学校名称,城乡类型,小学在校生数\n=A1,=HYPERLINK("x"),乡村,150\nB,城关小学,城区,900\n');
    const r = await junheng('budget', file, ...CENTRAL_2025, '--format', 'csv', '--lang', 'zh', '--what-if', WHAT_IF, '--no-bom');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '学校标识码,学校名称,在校生数,核定人数,保底,公用经费（元）,假设公用经费（元）,差额（元）',
        // 150 rural pupils: 200 × 600 = 120000; the what-if's band 100–250 → 250 × 720 = 180000.
        `'=A1,"'=HYPERLINK(""x"")",150,200,100–200人按200（意见5.1）,120000,180000,60000`,
        'B,城关小学,900,900,,540000,648000,108000',
        '',
      ].join('\n'),
    );
  });

  it('the English CSV keeps its snake_case headers and band ids', async () => {
    const r = await junheng('budget', CSV, ...CENTRAL_2025, '--format', 'csv', '--lang', 'en');
    expect(r.stdout.split('\n')[0]).toBe('\uFEFFid,pupils,funded_pupils,floor_applied,amount');
    expect(r.stdout).toContain('\nXC-03,150,200,district-100-to-200,120000\n');
  });
});

describe('JSON never changes with the language', () => {
  it('--lang zh and --lang en print the same JSON, with or without --what-if', async () => {
    for (const extra of [[], ['--what-if', WHAT_IF]]) {
      const zh = await junheng('budget', CSV, ...CENTRAL_2025, '--format', 'json', '--lang', 'zh', ...extra);
      const en = await junheng('budget', CSV, ...CENTRAL_2025, '--format', 'json', '--lang', 'en', ...extra);
      expect(zh.status).toBe(0);
      expect(zh.stdout).toBe(en.stdout);
      expect(zh.stdout.split('\n')[0]).toMatch(/^\{"total":"18434232\.5"/);
    }
  });
});

describe('the rates applied are read from the library, never written down', () => {
  it('follow the day: the 6000 special-education rate before 2025-03-01, and no opinion band before the opinion', () => {
    const early = ratesApplied({ asOf: '2016-06-01', region: 'west' }, 'en');
    expect(early).toContain('Per-pupil public-funding benchmark (primary): 600 yuan/pupil/year (west; 国发〔2015〕67号)');
    expect(early.find((l) => l.startsWith('Per-pupil public funding for special-education'))).toMatch(/: 6,000 yuan\/pupil\/year \(/);
    expect(early.find((l) => l.startsWith('Small-school floors'))).toBe('Small-school floors: rural school or teaching point under 100 pupils, funded as 100 (国发〔2015〕67号)');
    // A floor is in force, so the rate the pupils it adds carry (in a school with both stages) is said.
    expect(early.some((l) => l.startsWith('Rate the pupils added'))).toBe(true);
  });

  it('follow the region and a patch: a local value is said as local, its figure as given', () => {
    const east = ratesApplied({ asOf: '2025-09-01', region: 'east', parameters: { funding: { benchmark: { junior: { east: 1000 } } } } }, 'zh');
    expect(east[0]).toBe('小学生均公用经费基准定额：650 元/生·年（东部；国发〔2015〕67号）');
    expect(east[1]).toBe('初中生均公用经费基准定额：1,000 元/生·年（东部；本地设定）');
    const none = ratesApplied({ asOf: '2025-09-01', region: 'central', parameters: { funding: { floors: [] } } }, 'en');
    expect(none).toContain('Small-school floors (local value): none');
    expect(none.some((l) => l.startsWith('Rate the pupils added'))).toBe(false); // no floor, no added pupils
  });

  it('leave out what bears on nothing, when told', () => {
    const lines = ratesApplied({ asOf: '2025-09-01', region: 'central' }, 'en', (path) => !path.startsWith('funding.disabledPupils') && path !== 'funding.floorMixedStageRate');
    expect(lines.some((l) => l.startsWith('Disabled pupils'))).toBe(false);
    expect(lines.some((l) => l.startsWith('Rate the pupils added'))).toBe(false);
    expect(lines).toHaveLength(5);
  });
});

describe('budgetFooter: the lines the table prints, for the HTML report too', () => {
  it('gives, for a library-path report, the table footer of the same roster', async () => {
    const schools: School[] = [
      { id: 'A', location: 'rural', pupils: { primary: 150 } },
      { id: 'B', location: 'urban', pupils: { primary: 900 } },
    ];
    const options = { asOf: '2025-09-01', region: 'central' as const };
    const c = computeBudget(schools, options);
    if (c.run === undefined) throw new Error('not computed');
    // What bears on this roster (as budget.ts decides): no disabled pupils, no school with both stages.
    const listing = listParameters(options);
    const bearing = listing.filter((p) => p.path.startsWith('funding.') && p.path !== 'funding.disabledPupils' && p.path !== 'funding.floorMixedStageRate');
    const report: BudgetReport = {
      baseline: c.run,
      pupils: [150, 900],
      asOf: '2025-09-01',
      region: 'central',
      floorBands: allocateBudget.parameters(options).floors.map((b) => b.id),
      citations: c.run.citations,
      options,
      bearing,
      listing,
      lang: 'en',
    };
    const lines = budgetFooter(report, 'en');
    expect(lines[0]).toBe('2 schools; amounts in yuan per year.');
    expect(lines[1]).toBe(
      'Floors: 0 schools under "rural school or teaching point under 100 pupils, funded as 100 (国发〔2015〕67号)"; 1 school under "rural school of more than 100 and fewer than 200 pupils, funded as 200 (opinion 5.1)".',
    );
    expect(lines[2]).toBe('As of 2025-09-01, region central.');
    expect(lines).toContain('Cites: opinion 5.1; 国发〔2015〕67号');
    const dir = tempDir();
    const file = writeTemp(dir, 'two.csv', 'id,location,primary\nA,rural,150\nB,urban,900\n');
    const table = await junheng('budget', file, ...CENTRAL_2025);
    expect(table.stdout.slice(table.stdout.indexOf('\n\n') + 2)).toBe(`${lines.join('\n')}\n`);
    expect(budgetFooter(report, 'zh')[0]).toBe('共 2 所学校；金额单位：元/年。');
    expect(floorShort('district-100-to-200', 'en')).toBe('100–200 → 200 (5.1)');
  });
});
