/**
 * `junheng assess` in the reader's language: the table and Markdown formats in Chinese and in
 * English, with values checked by hand from examples/county.json, ratios rounded for display only,
 * and the footer in the words every command uses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, junheng, tempDir, writeTemp } from '../helpers.js';

const COUNTY = join(EXAMPLES, 'county.json');
const AS_OF = ['--as-of', '2025-09-01'];

describe('junheng assess --lang zh', () => {
  it('prints the table in Chinese, with values worked by hand', async () => {
    const r = await junheng('assess', COUNTY, ...AS_OF, '--lang', 'zh', '--gap', 'comply');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toContain('X县（130000-XX）县域义务教育优质均衡发展评估（计算日期 2025-09-01）\n结论：未达到优质均衡要求\n');
    expect(out).toContain('资源配置：未达到要求');
    expect(out).toContain('小学：未达到要求');
    // P10-西湾村小学, 180 pupils: L1 7×100/180 = 3.89 (92.5 % of 4.2); L2 300/180 = 1.67; L3 200/180 = 1.11;
    // L4 1053/180 = 5.85; L5 945/180 = 5.25 (70 % of 7.5, under 85 %); L6 432000/180 = 2400; L7 500/180 = 2.78
    expect(out).toMatch(/P10-西湾村小学 +3\.89 +1\.67 +1\.11 +5\.85 +5\.25 +2400 +2\.78 +5\/7 +未达到 +L1 92\.5%，L5 70%（低于 85%）\n/);
    // J06-北山中学: L4 2171.5/480 = 4.52, 77.9 % of 5.8
    expect(out).toMatch(/J06-北山中学 .* 4\.52 .* 6\/7 +未达到 +L4 77\.9%（低于 85%）\n/);
    expect(out).toMatch(/TP1-上村教学点 .* 4\/7 +不参评 /);
    // the indicator table: names, threshold, limit
    expect(out).toMatch(/L1 +每百名学生拥有高于规定学历教师数 +4\.2 +4\.87 +0\.079 +0\.5 +14 +在上限内\n/);
    expect(out).toMatch(/L4 +生均教学及辅助用房面积 +5\.8 +6\.31 +0\.0893 +0\.45 +8 +在上限内\n/);
    // items by their Chinese title, the reason under it; G8 98500 / 97200 = 1.0133… shown as 1.013
    expect(out).toContain('G8   达到  教师平均工资收入水平不低于当地公务员平均工资收入水平');
    expect(out).toContain('教师平均工资为公务员的 1.013 倍');
    expect(out).not.toContain('1.01337');
    expect(out).toContain('政府保障程度：全部达到');
    expect(out).toContain('教育质量：全部达到');
    // 3251 of 3700 satisfied = 87.86 %
    expect(out).toContain('社会认可度：达到（87.86 %）');
    expect(out).toContain('一票否决：无触发');
    expect(out).toMatch(/以考试方式招生 +未触发\n +3 份招生方案均无考试选拔/);
    // what it would take: P10 sports 7.5×180 − 945 = 405 m²; J06 teaching area 0.85×5.8×480 − 2171.5 = 194.9 m²
    expect(out).toContain('补足差距（刚好达到要求）：2 所学校（行）需要增加');
    expect(out).toMatch(/P10-西湾村小学 +小学 +0 +0 +0 +0 +405 +0 +0\n/);
    expect(out).toMatch(/J06-北山中学 +初中 +0 +0 +0 +194\.9 +0 +0 +0\n/);
    expect(out).toMatch(/合计 +0 +0 +0 +194\.9 +405 +0 +0\n/);
    expect(out).toContain('补足后资源配置：达到要求');
  });

  it('ends with one footer in words: documents by number, unverified and stale values named, thresholds grouped', async () => {
    const r = await junheng('assess', COUNTY, ...AS_OF, '--lang', 'zh');
    const footer = r.stdout.slice(r.stdout.indexOf('\n依据：') + 1).split('\n');
    expect(footer[0]).toBe('依据：《意见》1.1；《意见》6.3；《意见》2.2；《意见》4.3；教督〔2017〕6号');
    expect(footer[1]).toMatch(/^以下取值为 junheng 的解读，尚未核实（请核实或以 --parameters 覆盖）：.*未达标指标不低于标准的比例 0\.85/);
    const stale = footer.find((l) => l.startsWith('以下取值在 2017-05-23 之后未见来源确认仍然有效（计算日期 2025-09-01 在其后；请核实或覆盖）：')) ?? '';
    expect(stale).toContain('小学资源配置指标下限 L1 4.2、L2 1、L3 0.9、L4 4.5、L5 7.5、L6 2000、L7 2.3');
    expect(stale).toContain('初中资源配置指标下限 L1 5.3、L2 1、L3 0.9、L4 5.8、L5 10.2、L6 2500、L7 2.4');
    expect(stale).toContain('校际差异系数上限 小学 0.5、初中 0.45');
    expect(stale).toContain('班额上限 小学 45、初中 50');
    // no value named only by its code path
    expect(r.stdout).not.toMatch(/balance\.|classes\.school|funding\.floors/);
  });

  it('says when nothing needs adding, and sets a county known only by its id apart in the heading', async () => {
    const county = JSON.parse(readFileSync(COUNTY, 'utf8')) as { schools: unknown[] };
    const file = writeTemp(tempDir(), 'small.json', JSON.stringify({ id: '130000-YY', schools: county.schools.slice(0, 3) }));
    const r = await junheng('assess', file, ...AS_OF, '--lang', 'zh', '--gap', 'all');
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('130000-YY：县域义务教育优质均衡发展评估（计算日期 2025-09-01）\n结论：尚需补充证据（已判定的项目均未发现不达标）\n')).toBe(true);
    expect(r.stdout).toContain('\n补足差距（每项指标均达标）：无需增加\n');
    expect(r.stdout).toContain('\n社会认可度：待补证据\n缺少数据：社会认可度调查（recognition.groups）\n');
    const en = await junheng('assess', file, ...AS_OF, '--lang', 'en', '--gap', 'all');
    expect(en.stdout).toContain('\nWhat it would take (every indicator met): nothing to add\n');
  });

  it('prints the Markdown report in Chinese', async () => {
    const r = await junheng('assess', COUNTY, ...AS_OF, '--lang', 'zh', '--format', 'markdown', '--gap', 'comply');
    expect(r.status).toBe(0);
    for (const heading of ['# X县（130000-XX）：县域义务教育优质均衡发展评估', '## 资源配置', '### 小学：未达到要求', '## 政府保障程度', '## 教育质量', '## 社会认可度', '## 一票否决', '## 补足差距', '## 结论', '## 依据与参数取值']) {
      expect(r.stdout).toContain(`${heading}\n`);
    }
    expect(r.stdout).toContain('每所参评学校 7 项指标中至少 6 项达到标准、其余不低于标准的 85%');
    expect(r.stdout).toContain('| P10-西湾村小学 | 3.89 | 1.67 | 1.11 | 5.85 | 5.25 | 2400 | 2.78 | 5/7 | 未达到 | L1 92.5%，L5 70%（低于 85%） |');
    expect(r.stdout).toContain('| G8 | 教师平均工资收入水平不低于当地公务员平均工资收入水平，按规定足额核定教师绩效工资总量 | 达到 | 教师平均工资为公务员的 1.013 倍，差额 0 元；已足额核定教师绩效工资总量 |');
    expect(r.stdout).toContain('| P10-西湾村小学 | 小学 | 0 | 0 | 0 | 0 | 405 | 0 | 0 |');
    expect(r.stdout).toContain('- 一票否决触发：无；待补证据：无');
    expect(r.stdout).toContain('- 依据：《意见》1.1；《意见》6.3；《意见》2.2；《意见》4.3；教督〔2017〕6号');
  });
});

describe('junheng assess --lang en', () => {
  it('prints the table in English, ratios rounded, the shared footer wording', async () => {
    const r = await junheng('assess', COUNTY, ...AS_OF, '--lang', 'en');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/P10-西湾村小学 +3\.89 +1\.67 +1\.11 +5\.85 +5\.25 +2400 +2\.78 +5\/7 +FAILS +L1 92\.5%, L5 70% \(below 85 %\)\n/);
    expect(out).toContain('Teacher pay is 1.013 of civil-servant pay');
    expect(out).not.toContain('1.01337');
    expect(out).toMatch(/G8 +passes +Teachers' average pay ≥ civil servants' average pay/);
    expect(out).toMatch(/Admission by examination +clear\n +No selection tests in 3 plans/);
    expect(out).toContain('\nCites: opinion 1.1; opinion 6.3; opinion 2.2; opinion 4.3; 教督〔2017〕6号\n');
    expect(out).not.toContain('Citations:');
    expect(out).toContain('Primary indicator thresholds L1 4.2, L2 1, L3 0.9, L4 4.5, L5 7.5, L6 2000, L7 2.3');
    expect(out).toContain('Largest difference coefficient primary 0.5, junior 0.45');
    expect(out).toMatch(/^Values in force that junheng has not verified/m);
    expect(out).not.toMatch(/balance\./);
  });

  it('keeps the JSON the same in either language, the exact ratio in it', async () => {
    const zh = await junheng('assess', COUNTY, ...AS_OF, '--lang', 'zh', '--format', 'json', '--gap', 'all');
    const en = await junheng('assess', COUNTY, ...AS_OF, '--lang', 'en', '--format', 'json', '--gap', 'all');
    expect(zh.stdout).toBe(en.stdout);
    expect(en.stdout).toContain('"en": "Teacher pay is 1.013374485596707818930041152263 of civil-servant pay');
  });

  it('names the values of a --parameters file in force, by name and source', async () => {
    const dir = tempDir();
    const set = writeTemp(dir, 'set.json', JSON.stringify({ balance: { coefficientLimit: { primary: { value: 0.4, from: '2020-01-01', source: '某教督〔2020〕1号' } } } }));
    const r = await junheng('assess', COUNTY, ...AS_OF, '--lang', 'zh', '--parameters', set);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/L1 +每百名学生拥有高于规定学历教师数 +4\.2 +4\.87 +0\.079 +0\.4 +14 +在上限内\n/);
    expect(r.stdout).toContain(`本地参数（--parameters ${set}）：小学校际差异系数上限（某教督〔2020〕1号）`);
    const en = await junheng('assess', COUNTY, ...AS_OF, '--lang', 'en', '--parameters', set);
    expect(en.stdout).toContain(`Local parameters (--parameters ${set}): Largest inter-school difference coefficient (primary) (某教督〔2020〕1号)`);
    // the stale family leaves out the local value
    expect(en.stdout).toContain('Largest difference coefficient junior 0.45');
  });
});
