import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, junheng, tempDir, writeTemp } from '../helpers.js';

const ROSTER = join(EXAMPLES, 'teachers.csv');
const AS_OF = ['--as-of', '2025-12-31'] as const;

interface JsonReport {
  asOf: string;
  cycle: { start: string; end: string };
  total: number;
  compliant: number;
  completionRate: number;
  completion: { numerator: number; denominator: number };
  fullCompletion: boolean;
  citations: string[];
  met: number;
  inProgress: number;
  notMet: number;
  teachers: Array<{ teacherId: string; completedHours: number; requiredHours: number; shortfall: number; status: 'met' | 'in-progress' | 'not-met'; compliant: boolean }>;
}

async function json(file: string, ...args: string[]): Promise<JsonReport> {
  const r = await junheng('teachers', file, ...args, '--format', 'json');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
}

const dir = tempDir();
const csv = (name: string, body: string) => writeTemp(dir, name, body);

describe('junheng teachers on examples/teachers.csv (as of 2025-12-31)', () => {
  it('json: every teacher once, in file order, with the completion figures', async () => {
    const r = await json(ROSTER, ...AS_OF);
    const ids = [...new Set(readFileSync(ROSTER, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]))];
    expect(r.teachers.map((t) => t.teacherId)).toEqual(ids);
    expect(r.total).toBe(60);
    expect(r.cycle).toEqual({ start: '2021-01-01', end: '2025-12-31' });
    expect(r.compliant).toBe(r.teachers.filter((t) => t.compliant).length);
    expect(r.completion).toEqual({ numerator: r.compliant, denominator: 60 });
    expect(r.fullCompletion).toBe(r.compliant === 60);
    for (const t of r.teachers) {
      expect(t.shortfall).toBe(Math.max(0, Math.round((t.requiredHours - t.completedHours) * 10) / 10));
      // 2025-12-31 is the cycle's last day: short is not met, never in progress.
      expect(t.status).toBe(t.completedHours >= t.requiredHours ? 'met' : 'not-met');
      expect(t.compliant).toBe(t.completedHours >= t.requiredHours);
    }
    expect(r.met + r.notMet).toBe(60);
    expect(r.inProgress).toBe(0);
  });

  it('table: a row per teacher and the completion line', async () => {
    const r = await junheng('teachers', ROSTER, ...AS_OF);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const j = await json(ROSTER, ...AS_OF);
    expect(r.stdout).toContain('Training cycle 2021-01-01 … 2025-12-31');
    expect(r.stdout).toContain('The cycle ended on 2025-12-31: a teacher short of the hours has not met them.');
    expect(r.stdout).toContain(`Completion: ${j.compliant} of 60 teachers`);
    expect(r.stdout.split('\n').filter((l) => /^(CX|ZQ|XC)\d\d-\d{3} /.test(l))).toHaveLength(60);
    // The unverified reading of mid-cycle hires is named in words, not by its path.
    expect(r.stdout).toMatch(/^Values in force that junheng has not verified .*Hours owed by a teacher employed after a cycle began/m);
    expect(r.stdout).not.toContain('teachers.training.midCycleHires');
    expect(r.stdout).toContain('Cites: opinion 4.2; 教督〔2017〕6号\n');
  });

  it('csv: a header and one row per teacher, agreeing with json', async () => {
    const r = await junheng('teachers', ROSTER, ...AS_OF, '--format', 'csv');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('\uFEFFteacher_id,completed_hours,required_hours,shortfall,status,compliant');
    const j = await json(ROSTER, ...AS_OF);
    expect(lines.slice(1)).toEqual(j.teachers.map((t) => `${t.teacherId},${t.completedHours},${t.requiredHours},${t.shortfall},${t.status},${t.compliant}`));
  });

  it('a JSON array of teachers gives the same report as the CSV', async () => {
    const text = readFileSync(ROSTER, 'utf8').trim().split('\n').slice(1);
    const teachers: Array<{ id: string; employedSince?: string; training: Array<{ date: string; hours: number }> }> = [];
    for (const line of text) {
      const [id, since, date, hours] = line.split(',') as [string, string, string, string];
      let t = teachers.at(-1);
      if (t?.id !== id) {
        t = since === '' ? { id, training: [] } : { id, employedSince: since, training: [] };
        teachers.push(t);
      }
      if (date !== '') t.training.push({ date, hours: Number(hours) });
    }
    const file = writeTemp(dir, 'roster.json', JSON.stringify(teachers));
    expect(await json(file, ...AS_OF)).toEqual(await json(ROSTER, ...AS_OF));
  });
});

describe('junheng teachers: cycle boundaries and dates', () => {
  const file = csv('bounds.csv', 'teacher_id,employed_since,date,hours\nA,,2020-12-31,100\nA,,2021-01-01,180\nA,,2025-12-31,180\nA,,2026-01-01,100\n');
  it('31 Dec and 1 Jan of cycle years', async () => {
    expect((await json(file, '--as-of', '2025-12-31')).teachers[0]).toMatchObject({ completedHours: 360, compliant: true });
    expect((await json(file, '--as-of', '2026-01-01')).teachers[0]).toMatchObject({ completedHours: 100, shortfall: 260 });
    expect((await json(file, '--as-of', '2020-12-31')).teachers[0]).toMatchObject({ completedHours: 100 }); // 2016–2020 cycle
  });
  it('records after --as-of are not counted', async () => {
    expect((await json(file, '--as-of', '2025-12-30')).teachers[0]).toMatchObject({ completedHours: 180 });
  });
  it('mid-cycle hires owe pro rata; a teacher without training has empty date and hours', async () => {
    // N: April 2023 … December 2025 = 33 months × 6 = 198; E: July … December 2025 = 6 months × 6 = 36
    const f = csv('hires.csv', 'teacher_id,employed_since,date,hours\nN,2023-03-15,2024-01-01,150.5\nE,2025-06-20,,\n');
    // Mid-cycle a shortfall is in progress, so compliant (issue 9; both were `compliant: false` before).
    expect((await json(f, '--as-of', '2025-06-30')).teachers).toEqual([
      { teacherId: 'N', completedHours: 150.5, requiredHours: 198, shortfall: 47.5, status: 'in-progress', compliant: true },
      { teacherId: 'E', completedHours: 0, requiredHours: 36, shortfall: 36, status: 'in-progress', compliant: true },
    ]);
  });
  it('reads CRLF line ends, a byte-order mark, quoted ids and columns in another order', async () => {
    const f = csv('odd.csv', '\uFEFFhours,date,teacher_id\r\n360,2022-01-01,"Li, Wei"\r\n1.5,2022-01-01,"say ""hi"""\r\n');
    const r = await json(f, ...AS_OF);
    expect(r.teachers.map((t) => [t.teacherId, t.completedHours])).toEqual([['Li, Wei', 360], ['say "hi"', 1.5]]);
    const c = await junheng('teachers', f, ...AS_OF, '--format', 'csv');
    expect(c.stdout.split('\n')[1]).toBe('"Li, Wei",360,360,0,met,true');
  });
});

describe('junheng teachers: status (issue 9)', () => {
  const f = csv('status.csv', 'teacher_id,employed_since,date,hours\nH,,2022-06-01,180\nH,,2024-03-01,120\nM,,2022-06-01,360\n');
  it('hand-worked: 300 hours in mid-2024 is in progress, in every format', async () => {
    const j = await json(f, '--as-of', '2024-06-30');
    expect(j.teachers[0]).toEqual({ teacherId: 'H', completedHours: 300, requiredHours: 360, shortfall: 60, status: 'in-progress', compliant: true });
    expect(j).toMatchObject({ met: 1, inProgress: 1, notMet: 0, compliant: 2, fullCompletion: false });
    const table = await junheng('teachers', f, '--as-of', '2024-06-30');
    expect(table.stdout).toMatch(/^H +300 +360 +60  in progress$/m);
    expect(table.stdout).toMatch(/^M +360 +360 +0  met$/m);
    expect(table.stdout).toContain('Completion: 1 of 2 teachers (50.0 %): not met (优质均衡 G9 asks 100 %)');
    expect(table.stdout).toContain('The cycle runs until 2025-12-31: a teacher short of the hours is in progress, not in breach.');
    expect(table.stdout).toContain('Status: 1 met, 1 in progress');
    expect((await junheng('teachers', f, '--as-of', '2024-06-30', '--format', 'csv')).stdout.split('\n')[1]).toBe('H,300,360,60,in-progress,true');
  });
  it('on the cycle\'s last day the same hours are not met', async () => {
    expect((await json(f, '--as-of', '2025-12-31')).teachers[0]).toMatchObject({ status: 'not-met', compliant: false });
    expect((await junheng('teachers', f, '--as-of', '2025-12-31')).stdout).toMatch(/^H +300 +360 +60  not met$/m);
  });
});

describe('junheng teachers: bad input (exit 1, nothing on stdout)', () => {
  async function fails(file: string, ...args: string[]): Promise<string> {
    const r = await junheng('teachers', file, ...args);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(1);
    return r.stderr;
  }
  it('names the line and column of each bad cell', async () => {
    const f = csv('bad.csv', 'teacher_id,employed_since,date,hours\nA,,2022-02-30,10\nA,,2022-03-01,1.25\nB,2030-01-01,2022-01-01,5\nC,,2022-01-01,abc\nD,,2022-01-01\nE,,,5\n');
    const err = await fails(f, '--as-of', '2025-06-30');
    expect(err).toContain(`line 2 (teacher "A"), column date: must be a real calendar date written 'YYYY-MM-DD', got the text "2022-02-30"`);
    expect(err).toContain('line 3 (teacher "A"), column hours: must have at most one decimal place');
    expect(err).toContain('line 4 (teacher "B"), column employed_since: is after asOf');
    expect(err).toContain('line 5 (teacher "C"), column hours: must be a number of hours, got the text "abc"');
    expect(err).toContain('line 6: 3 cells, but the header has 4');
    expect(err).toContain('line 7 (teacher "E"), column date: is empty');
    expect(err).toMatch(/6 problems/);
  });
  it('a teacher id reappearing after other teachers names both lines', async () => {
    const f = csv('repeat.csv', 'teacher_id,date,hours\nA,2022-01-01,1\nB,2022-01-01,1\nA,2022-01-02,1\n');
    expect(await fails(f, ...AS_OF)).toContain(`line 4 (teacher "A"), column teacher_id: the teacher's rows already began on line 2`);
  });
  it('employed_since must agree on every row of a teacher', async () => {
    const f = csv('since.csv', 'teacher_id,employed_since,date,hours\nA,2020-01-01,2022-01-01,1\nA,2020-02-01,2022-01-02,1\n');
    expect(await fails(f, ...AS_OF)).toContain('line 3 (teacher "A"), column employed_since: must be the same on every row');
  });
  it('a bad header, an empty file, a missing file, bad JSON', async () => {
    expect(await fails(csv('h.csv', 'teacher,date,hours\nA,2022-01-01,1\n'))).toContain('unknown column "teacher"');
    expect(await fails(csv('h2.csv', 'teacher_id,date\n'))).toContain('missing required column hours');
    expect(await fails(csv('empty.csv', ''))).toContain('the file is empty');
    expect(await fails(join(dir, 'none.csv'))).toContain('no such file');
    expect(await fails(writeTemp(dir, 'bad.json', '[{"id": 1'))).toContain('is not valid JSON');
    expect(await fails(writeTemp(dir, 'bad2.json', '[{"id":"A","training":[{"date":"2022-02-30","hours":1}]}]'), ...AS_OF)).toContain(
      'teachers[0].training[0].date (teacher "A"): must be a real calendar date',
    );
  });
  it('a bad --as-of is named as the flag', async () => {
    expect(await fails(ROSTER, '--as-of', '2025-02-30')).toContain('--as-of: must be a real calendar date');
    expect(await fails(ROSTER, '--as-of', '2015-01-01')).toContain('--as-of: is too early');
  });
});

describe('junheng teachers: usage (exit 2)', () => {
  it('an unknown format, option, or no file', async () => {
    for (const args of [[ROSTER, '--format', 'xml'], [ROSTER, '--nope'], [], [ROSTER, ROSTER]]) {
      const r = await junheng('teachers', ...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Usage: junheng teachers');
    }
  });
  it('--help prints the usage on stdout', async () => {
    const r = await junheng('teachers', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('teacher_id,employed_since,date,hours');
  });
});
