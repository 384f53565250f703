/**
 * `junheng assess`, run in-process through `run(argv, io)` with its streams captured.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, junheng, tempDir, writeTemp } from '../helpers.js';

const COUNTY = join(EXAMPLES, 'county.json');
const AS_OF = ['--as-of', '2025-09-01'];

interface JsonAssessment {
  verdict: string;
  resources: { compliant: boolean; stages: Record<string, { compliant: boolean; schools: Array<{ id: string; excluded: boolean; compliant: boolean }> }> };
  guarantees: { items: Array<{ id: string; status: string }> };
  vetoes: { items: Array<{ id: string; status: string }> };
  gap?: { schools: Array<{ id: string; additions: Record<string, unknown> }>; after: { compliant: boolean } };
}

describe('junheng assess', () => {
  it('prints a readable table by default', async () => {
    const r = await junheng('assess', COUNTY, ...AS_OF);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('X县 (130000-XX) — 优质均衡 assessment as of 2025-09-01');
    expect(r.stdout).toContain('Verdict: FAILS');
    expect(r.stdout).toMatch(/P10-西湾村小学 .* 5\/7 +FAILS +L1 92\.5%, L5 70% \(below 85 %\)/);
    expect(r.stdout).toMatch(/TP1-上村教学点 .* excluded/);
    // examples/county.json now gives the inspector's findings on G1, G2, G10 (issue 10)
    expect(r.stdout).toMatch(/G1 +passes/);
    expect(r.stdout).toMatch(/Q9 +passes/);
    expect(r.stdout).toContain('Public recognition: passes (87.86 %)');
    // the near-miss share is named in words, not by its path
    expect(r.stdout).toContain('Share of its threshold every unmet indicator must still reach 0.85');
    expect(r.stdout).not.toContain('balance.school.nearMissShare');
  });

  it('prints JSON with every dimension', async () => {
    const r = await junheng('assess', COUNTY, ...AS_OF, '--format', 'json');
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout) as JsonAssessment;
    expect(a.verdict).toBe('fails');
    expect(a.resources.compliant).toBe(false);
    const failing = Object.values(a.resources.stages).flatMap((s) => s.schools.filter((x) => !x.excluded && !x.compliant).map((x) => x.id));
    expect(failing).toEqual(['P10-西湾村小学', 'J06-北山中学']);
    // the nine-year school gives a row in each stage
    expect(Object.values(a.resources.stages).map((s) => s.schools.some((x) => x.id === 'S9-新城九年一贯制学校'))).toEqual([true, true]);
    expect(a.guarantees.items.find((i) => i.id === 'G8')?.status).toBe('passes');
    expect(a.vetoes.items.find((i) => i.id === 'vacant-posts-unfilled')?.status).toBe('clear');
    // issue 10: quality and recognition in the JSON, notAssessed gone
    const raw = JSON.parse(r.stdout) as Record<string, any>;
    expect(raw['quality'].status).toBe('passes');
    expect(raw['quality'].items.map((i: { id: string }) => i.id)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9']);
    expect(raw['recognition'].status).toBe('passes');
    expect('notAssessed' in raw).toBe(false);
  });

  it('prints a Markdown report, one section per dimension, and what it would take', async () => {
    const r = await junheng('assess', COUNTY, ...AS_OF, '--format', 'markdown', '--gap', 'comply');
    expect(r.status).toBe(0);
    for (const heading of ['# X县 (130000-XX): 优质均衡 county assessment', '## Resource allocation (资源配置)', '### Primary (小学): does not comply', '## Government guarantees (政府保障程度)', '## Education quality (教育质量)', '## Public recognition (社会认可度)', '## One-vote vetoes (一票否决)', '## What it would take', '## Verdict', '## Sources and parameter values']) {
      expect(r.stdout).toContain(`${heading}\n`);
    }
    expect(r.stdout).toContain('| P10-西湾村小学 | Primary | 0 | 0 | 0 | 0 | 405 | 0 | 0 |');
    expect(r.stdout).toContain('Resource allocation after the additions: **complies**.');
    expect(r.stdout).toContain('every assessed school must meet at least 6 of the 7 indicators with the rest at 85 % of the threshold');
  });

  it('assesses every county of a province in one call', async () => {
    const county = JSON.parse(readFileSync(COUNTY, 'utf8')) as Record<string, unknown>;
    const file = writeTemp(tempDir(), 'province.json', JSON.stringify([county, { id: 'Y', schools: (county['schools'] as unknown[]).slice(0, 3) }]));
    const r = await junheng('assess', file, ...AS_OF, '--format', 'json', '--gap', 'all');
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as JsonAssessment[];
    expect(list.length).toBe(2);
    expect(list[1]?.resources.compliant).toBe(true);
    expect(list[0]?.gap?.after.compliant).toBe(true);
    // the table names each county and prints the footer once
    const t = await junheng('assess', file, ...AS_OF, '--lang', 'zh');
    expect(t.stdout).toContain('X县（130000-XX）县域义务教育优质均衡发展评估（计算日期 2025-09-01）');
    expect(t.stdout).toContain('\nY：县域义务教育优质均衡发展评估（计算日期 2025-09-01）\n结论：尚需补充证据（已判定的项目均未发现不达标）\n');
    expect(t.stdout.match(/^依据：/gm)?.length).toBe(1);
  });

  it('names every bad row with its school id, exits 1 and prints nothing on stdout', async () => {
    const county = JSON.parse(readFileSync(COUNTY, 'utf8')) as { schools: Array<Record<string, unknown>> };
    (county.schools[0] as Record<string, unknown>)['pupils'] = 0;
    (county.schools[1] as Record<string, unknown>)['stage'] = 'senior';
    (county.schools[2] as Record<string, unknown>)['sportsArea'] = -3;
    const file = writeTemp(tempDir(), 'bad.json', JSON.stringify(county));
    for (const format of ['table', 'html', 'xlsx']) {
      const r = await junheng('assess', file, ...AS_OF, '--format', format);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('schools[0].pupils (school "P01-城关一小"): must be at least 1, got 0');
      expect(r.stderr).toContain('schools[1].stage (school "P02-城关二小"): must be one of \'primary\' | \'junior\'');
      expect(r.stderr).toContain('schools[2].sportsArea (school "P03-实验小学"): must not be negative');
    }
  });

  it('usage errors exit 2', async () => {
    expect((await junheng('assess')).status).toBe(2);
    expect((await junheng('assess', COUNTY, '--format', 'pdf')).status).toBe(2);
    expect((await junheng('assess', COUNTY, '--gap', 'most')).status).toBe(2);
    expect((await junheng('assess', COUNTY, '--lang', 'fr')).status).toBe(2);
    const sheet = await junheng('assess', COUNTY, '--sheet', 'Sheet1');
    expect(sheet.status).toBe(2);
    expect(sheet.stderr).toContain('--sheet is for an .xlsx input, and the county file is JSON (see examples/county.json)');
    const help = await junheng('assess', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: junheng assess <county.json | -> [options]');
    for (const text of ['--format FORMAT', 'csv       one row per school and indicator', 'xlsx      a workbook', 'html      a self-contained report', '--no-bom', '--lang zh|en', 'input is refused (exit 1)']) expect(help.stdout).toContain(text);
  });

  it('a bad date is named by its flag', async () => {
    const r = await junheng('assess', COUNTY, '--as-of', '2016-01-01');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--as-of: is too early/);
  });
});
