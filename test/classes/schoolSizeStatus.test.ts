import { describe, expect, it } from 'vitest';
import { schoolSizeStatus, safeSchoolSizeStatus } from '../../src/index.js';
import { expectIssuesAt } from '../core/helpers.js';

const AS_OF = { asOf: '2025-09-01' } as const;

describe('schoolSizeStatus (优质均衡 G4)', () => {
  it.each([
    ['primary', 2000, true, 2000, 0],
    ['primary', 2001, false, 2000, 1],
    ['junior', 0, true, 2000, 0],
    ['junior', 2000, true, 2000, 0],
    ['junior', 2350, false, 2000, 350],
    ['nine-year', 2500, true, 2500, 0],
    ['nine-year', 2501, false, 2500, 1],
    ['twelve-year', 2500, true, 2500, 0],
    ['twelve-year', 3000, false, 2500, 500],
  ] as const)('%s school of %i pupils: within %s (limit %i, excess %i)', (type, pupils, within, limit, excess) => {
    expect(schoolSizeStatus({ type, pupils }, AS_OF)).toMatchObject({ withinLimit: within, limit, excess });
  });

  it('cites 2.2, the 优质均衡 measures and 2.1', () => {
    expect(schoolSizeStatus({ type: 'primary', pupils: 10 }, AS_OF).citations).toEqual(['2.2', 'jiaodu-2017-6', '2.1']);
  });

  it('explains the comparison', () => {
    const r = schoolSizeStatus({ id: '实验小学', type: 'primary', pupils: 2150 }, AS_OF);
    const zh = r.explanation.map((s) => s.message.zh).join('\n');
    expect(zh).toContain('实验小学');
    expect(zh).toContain('超过上限 150 人');
    expect(zh).toContain('classes.schoolSizeLimit.primary = 2000');
  });

  it('an override of the limit', () => {
    const r = schoolSizeStatus({ type: 'junior', pupils: 1900 }, { ...AS_OF, parameters: { classes: { schoolSizeLimit: { junior: 1800 } } } });
    expect(r).toMatchObject({ withinLimit: false, limit: 1800, excess: 100 });
  });

  it('before the measures: an issue on asOf', () => {
    expectIssuesAt(() => schoolSizeStatus({ type: 'primary', pupils: 1 }, { asOf: '2017-03-31' }), ['asOf']);
  });

  it.each([
    [{ type: 'senior', pupils: 1 }, ['type']],
    [{ type: 'primary', pupils: -1 }, ['pupils']],
    [{ type: 'primary', pupils: 1.5 }, ['pupils']],
    [{ type: 'primary' }, ['pupils']],
    [{ type: 'primary', pupils: 1, classes: 3 }, ['classes']],
  ])('bad input %j → %j', (input, path) => {
    expectIssuesAt(() => schoolSizeStatus(input as never, AS_OF), path);
  });

  it('safe form', () => {
    expect(safeSchoolSizeStatus({ type: 'primary', pupils: -5 }).success).toBe(false);
  });
});
