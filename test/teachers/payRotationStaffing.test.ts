import { describe, expect, it } from 'vitest';
import {
  Decimal,
  payParity,
  payParityFromRecords,
  rotationCompliance,
  safePayParity,
  safeRotationCompliance,
  safeStaffingCheck,
  staffingCheck,
} from '../../src/index.js';
import { expectIssuesAt, issuesOf } from '../core/helpers.js';

describe('payParity (4.4, 义务教育法 article 31): 不低于 includes equality', () => {
  it('equal averages comply, whatever their written form', () => {
    const r = payParity({ teacherAveragePay: '100000.00', civilServantAveragePay: 100000 });
    expect(r.compliant).toBe(true);
    expect(r.shortfall.toString()).toBe('0');
    expect(r.ratio.toString()).toBe('1');
    expect(r.citations).toEqual(['4.4', 'compulsory-education-law']);
  });
  it('one fen less is a shortfall of 0.01, and the ratio stays below 1', () => {
    const r = payParity({ teacherAveragePay: '99999.99', civilServantAveragePay: '100000' });
    expect(r.compliant).toBe(false);
    expect(r.shortfall).toBeInstanceOf(Decimal);
    expect(r.shortfall.toString()).toBe('0.01');
    expect(r.ratio.toString()).toBe('0.9999999'); // 99999.99 / 100000 exactly, never rounded up to 1
  });
  it('a higher teacher average complies with no shortfall', () => {
    const r = payParity({ teacherAveragePay: 120000.5, civilServantAveragePay: 100000 });
    expect(r).toMatchObject({ compliant: true });
    expect(r.shortfall.toString()).toBe('0');
    expect(r.ratio.toString()).toBe('1.200005'); // 120000.5 / 100000 exactly
  });
  it('amounts that are not exact fen are refused, never rounded', () => {
    expectIssuesAt(() => payParity({ teacherAveragePay: 0.1 + 0.2, civilServantAveragePay: '1.234' }), ['teacherAveragePay'], ['civilServantAveragePay']);
  });
  it('a civil-servant average of 0 is an input error; a teacher average of 0 is not', () => {
    expectIssuesAt(() => payParity({ teacherAveragePay: 1, civilServantAveragePay: 0 }), ['civilServantAveragePay']);
    expect(payParity({ teacherAveragePay: 0, civilServantAveragePay: 1 }).shortfall.toString()).toBe('1');
  });
  it('bad shapes throw PolicyInputError; the safe form returns it', () => {
    for (const bad of [null, {}, { teacherAveragePay: 1 }, { teacherAveragePay: 1, civilServantAveragePay: 2, x: 1 }, { teacherAveragePay: -1, civilServantAveragePay: 2 }]) {
      issuesOf(() => payParity(bad as never));
    }
    expect(safePayParity(null as never).success).toBe(false);
  });
  it('explains in both languages', () => {
    const r = payParity({ teacherAveragePay: 99999.99, civilServantAveragePay: 100000 });
    expect(r.explanation.map((s) => s.message.en).join(' ')).toContain('0.01 yuan');
    expect(r.explanation[0]?.message.zh).toContain('99999.99');
  });
});

describe('payParityFromRecords: exact averages, compared by cross-multiplication', () => {
  it('100.0033… (teachers) against 100.005 (civil servants): short by a fraction of a fen, rounded up to 0.01', () => {
    // teachers 30001 fen / 3, civil servants 20001 fen / 2: 60002 < 60003 → short; gap 1/6 fen → 0.01
    const r = payParityFromRecords({ teacherPay: [100, 100, '100.01'], civilServantPay: [100, 100.01] });
    expect(r.compliant).toBe(false);
    expect(r.shortfall.toString()).toBe('0.01');
    expect(r.teacherAveragePay.toString()).toBe('100.0033333333333333333333333333333333333');
    expect(r.civilServantAveragePay.toString()).toBe('100.005');
    expect(r.teacherCount).toBe(3);
  });
  it('equal averages from different counts comply exactly (1/3 stays 1/3)', () => {
    // 100 / 3 against 200 / 6: 100 × 6 = 200 × 3
    const r = payParityFromRecords({ teacherPay: [33.33, 33.33, 33.34], civilServantPay: [33.33, 33.33, 33.34, 33.33, 33.33, 33.34] });
    expect(r.compliant).toBe(true);
    expect(r.ratio.toString()).toBe('1');
  });
  it('sums beyond the safe-integer range stay exact', () => {
    const big = '90000000000000'; // 9 × 10^13 yuan = 9 × 10^15 fen each
    const r = payParityFromRecords({ teacherPay: [big, big, big], civilServantPay: [big, big, '90000000000000.01'] });
    expect(r.compliant).toBe(false); // teacher sum is one fen less
    expect(r.shortfall.toString()).toBe('0.01'); // 1 fen / 3 rounded up
  });
  it('empty lists, a bad amount with its index, and zero civil-servant pay are input errors', () => {
    expectIssuesAt(() => payParityFromRecords({ teacherPay: [], civilServantPay: [] }), ['teacherPay'], ['civilServantPay']);
    expectIssuesAt(() => payParityFromRecords({ teacherPay: [1, 'x'], civilServantPay: [1] }), ['teacherPay', 1]);
    expectIssuesAt(() => payParityFromRecords({ teacherPay: [1], civilServantPay: [0, 0] }), ['civilServantPay']);
  });
});

describe('rotationCompliance (4.3; 10 % / 20 %, 以上 inclusive, exact)', () => {
  const rot = (eligibleTeachers: number, rotatedTeachers: number, rotatedBackboneTeachers: number) =>
    rotationCompliance({ eligibleTeachers, rotatedTeachers, rotatedBackboneTeachers }, { asOf: '2025-09-01' });
  it('exactly 10 % and exactly 20 % comply; one fewer does not', () => {
    expect(rot(250, 25, 5)).toMatchObject({ compliant: true, rotationRate: 0.1, backboneShare: 0.2 });
    expect(rot(250, 24, 5)).toMatchObject({ compliant: false, rotationMet: false, backboneMet: true });
    expect(rot(250, 25, 4)).toMatchObject({ compliant: false, rotationMet: true, backboneMet: false });
  });
  it("compares in integers: 7 of 70 is exactly 10 %, 7 of 71 is not", () => {
    // 7 × 10000 ≥ 1000 × 70 (70000 = 70000): met exactly
    expect(rot(70, 7, 2).compliant).toBe(true);
    expect(rot(71, 7, 2).compliant).toBe(false); // 70000 < 71000
  });
  it('zero denominators: no eligible teachers is vacuously compliant; nobody rotated fails the 10 %', () => {
    expect(rot(0, 0, 0)).toMatchObject({ compliant: true, rotationRate: 0, backboneShare: 0, reason: 'no-eligible-teachers' });
    expect(rot(10, 0, 0)).toMatchObject({ compliant: false, rotationMet: false, backboneMet: true, reason: 'none-rotated' });
  });
  it('checks rotated ≤ eligible and backbone ≤ rotated', () => {
    expectIssuesAt(() => rot(10, 11, 12), ['rotatedTeachers'], ['rotatedBackboneTeachers']);
    issuesOf(() => rotationCompliance({ eligibleTeachers: 1.5, rotatedTeachers: -1, rotatedBackboneTeachers: '1' } as never));
    expect(safeRotationCompliance(null as never).success).toBe(false);
  });
  it('follows overridden shares and cites jiaodu-2017-6', () => {
    const r = rotationCompliance({ eligibleTeachers: 100, rotatedTeachers: 15, rotatedBackboneTeachers: 3 }, { asOf: '2025-09-01', parameters: { teachers: { rotation: { minShare: 0.15 } } } });
    expect(r.compliant).toBe(true);
    expect(rotationCompliance({ eligibleTeachers: 100, rotatedTeachers: 15, rotatedBackboneTeachers: 3 }, { asOf: '2025-09-01' }).citations).toEqual(['4.3', 'jiaodu-2017-6']);
    expect(r.explanation.map((s) => s.message.en).join(' ')).toContain('15 × 10000 ≥ 1500 × 100');
  });
});

describe('staffingCheck (4.3: 有编不补, long-term off-establishment hiring; 优质均衡 vetoes)', () => {
  const check = (approvedPosts: number, filledPosts: number, qualifiedCandidates: number, longTermContractTeachers: number) =>
    staffingCheck({ approvedPosts, filledPosts, qualifiedCandidates, longTermContractTeachers });
  it('vacant posts with qualified candidates: 有编不补, a veto', () => {
    expect(check(120, 112, 3, 0)).toMatchObject({ vacantPosts: 8, vacantWithCandidates: true, veto: true, compliant: false });
  });
  it('vacant posts without candidates are not 有编不补', () => {
    expect(check(120, 112, 0, 0)).toMatchObject({ vacantPosts: 8, vacantWithCandidates: false, veto: false, compliant: true });
  });
  it('no vacancy, candidates waiting: fine; over establishment is reported', () => {
    expect(check(120, 125, 9, 0)).toMatchObject({ vacantPosts: 0, overEstablishment: 5, veto: false });
  });
  it('long-term off-establishment teachers are a veto on their own', () => {
    expect(check(120, 120, 0, 1)).toMatchObject({ longTermOffEstablishment: true, veto: true });
  });
  it('bad counts throw; the safe form returns the error', () => {
    expectIssuesAt(() => staffingCheck({ approvedPosts: -1, filledPosts: 1.5, qualifiedCandidates: null, longTermContractTeachers: 0 } as never), ['approvedPosts'], ['filledPosts'], ['qualifiedCandidates']);
    expect(safeStaffingCheck({} as never).success).toBe(false);
  });
});
