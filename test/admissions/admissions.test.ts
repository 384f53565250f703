import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FORBIDDEN_PRACTICES,
  admissionsPlanCheck,
  enrolmentStatus,
  migrantChildEligibility,
  safeAdmissionsPlanCheck,
  safeEnrolmentStatus,
  safeMigrantChildEligibility,
  type AdmissionsPlan,
} from '../../src/index.js';
import { expectIssuesAt, issuesOf, pathsOf } from '../core/helpers.js';

const OPINION = readFileSync(fileURLToPath(new URL('../../policy/opinion.zh.txt', import.meta.url)), 'utf8');
const item22 = OPINION.split('\n').find((l) => l.startsWith('（二）规范招生行为')) as string;

const CLEAN: AdmissionsPlan = {
  falseAdvertising: false,
  selectionTests: false,
  certificatesAsCriteria: [],
  specialClasses: [],
  earlySigning: false,
  donationsTiedToAdmission: false,
};

describe('enrolmentStatus (2.2 scale, 6.1 vacancies)', () => {
  it.each([
    // approved, enrolled → within, excess, vacancies
    [270, 252, true, 0, 18],
    [270, 270, true, 0, 0],
    [270, 271, false, 1, 0],
    [0, 0, true, 0, 0],
    [0, 5, false, 5, 0],
    [45, 0, true, 0, 45],
  ])('%i approved, %i enrolled → within %s, excess %i, vacancies %i', (approvedPlaces, enrolled, withinScale, excess, vacancies) => {
    expect(enrolmentStatus({ approvedPlaces, enrolled })).toMatchObject({ withinScale, excess, vacancies });
  });

  it('cites 2.2 and 6.1 and explains both', () => {
    const r = enrolmentStatus({ id: '城东小学', approvedPlaces: 270, enrolled: 281 });
    expect(r.citations).toEqual(['2.2', '6.1']);
    const zh = r.explanation.map((s) => s.message.zh).join('\n');
    expect(zh).toContain('城东小学核定招生规模 270 人，已招 281 人：超出核定规模 11 人');
    expect(zh).toContain('max(0, 270 − 281) = 0 个');
  });

  it.each([
    [{ approvedPlaces: -1, enrolled: 0 }, ['approvedPlaces']],
    [{ approvedPlaces: 10, enrolled: 1.5 }, ['enrolled']],
    [{ approvedPlaces: '10', enrolled: 1 }, ['approvedPlaces']],
    [{ enrolled: 1 }, ['approvedPlaces']],
    [{ approvedPlaces: 1, enrolled: 1, vacancies: 0 }, ['vacancies']],
  ])('bad input %j → %j', (input, path) => {
    expectIssuesAt(() => enrolmentStatus(input as never), path);
  });

  it('bad options and the safe form', () => {
    expectIssuesAt(() => enrolmentStatus({ approvedPlaces: 1, enrolled: 1 }, { asOf: 'soon' }), ['asOf']);
    expect(safeEnrolmentStatus({ approvedPlaces: 1, enrolled: -1 }).success).toBe(false);
  });
});

describe('admissionsPlanCheck (2.2)', () => {
  it('a clean plan complies', () => {
    const r = admissionsPlanCheck(CLEAN);
    expect(r).toMatchObject({ compliant: true, violations: [], veto: false, citations: ['2.2'] });
    expect(r.explanation).toHaveLength(6);
    expect(r.explanation.every((s) => s.message.zh.includes('符合'))).toBe(true);
  });

  it('every clause is quoted exactly as 2.2 prints it', () => {
    const all = admissionsPlanCheck({
      falseAdvertising: true,
      selectionTests: true,
      certificatesAsCriteria: ['competition', 'learning-grade'],
      specialClasses: ['experimental', 'key', 'fast-slow'],
      earlySigning: true,
      donationsTiedToAdmission: true,
    });
    expect(all.violations.map((v) => v.practice)).toEqual([...FORBIDDEN_PRACTICES]);
    for (const v of all.violations) {
      expect(item22, v.clause).toContain(v.clause);
      expect(v.provision).toBe('2.2');
    }
    expect(all.violations.map((v) => v.clause)).toEqual([
      '不得进行违规和虚假招生宣传',
      '不得自行组织或与社会其他教育机构合作组织以择优、选拔为目的各类考试测试',
      '不得以各类竞赛、考试证书、荣誉证书、学习等级等作为招生入学依据或参考',
      '不得以任何名义分设实验班、重点班、快慢班等',
      '不得以任何名义提前签约录取学生',
      '不得以任何名义收取与入学挂钩的捐资助学款等其他费用',
    ]);
    expect(all.compliant).toBe(false);
    expect(all.veto).toBe(true);
    expect(all.citations).toEqual(['2.2', 'jiaodu-2017-6']);
  });

  it.each([
    ['falseAdvertising', true, 'false-advertising', false, null, null],
    ['selectionTests', true, 'selection-tests', true, '以考试方式招生', 'verified'],
    ['certificatesAsCriteria', ['honour-certificate'], 'certificates-as-criteria', true, '以考试方式招生', 'unverified'],
    ['specialClasses', ['key'], 'special-classes', true, '设置重点学校或重点班', 'verified'],
    ['specialClasses', ['experimental'], 'special-classes', true, '设置重点学校或重点班', 'unverified'],
    ['earlySigning', true, 'early-signing', true, '违规择校', 'unverified'],
    ['donationsTiedToAdmission', true, 'donations-tied-to-admission', true, '违规择校', 'unverified'],
  ] as const)('%s = %j → %s, veto %s (%s, %s)', (key, value, practice, veto, vetoItem, vetoConfidence) => {
    const r = admissionsPlanCheck({ ...CLEAN, [key]: value });
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatchObject({ practice, veto, vetoItem, vetoConfidence });
    expect(r.veto).toBe(veto);
    expect(r.citations).toEqual(veto ? ['2.2', 'jiaodu-2017-6'] : ['2.2']);
  });

  it('lists what was found, without repeats', () => {
    const r = admissionsPlanCheck({ ...CLEAN, specialClasses: ['fast-slow', 'fast-slow', 'key'] });
    expect(r.violations[0]?.details).toEqual(['fast-slow', 'key']);
    expect(r.explanation.map((s) => s.message.zh).join('\n')).toContain('快慢班、重点班');
  });

  it('early signing by dates: strictly before admissions open', () => {
    const early = admissionsPlanCheck({ ...CLEAN, earlySigning: { firstSigning: '2025-06-30', admissionsOpen: '2025-07-01' } });
    expect(early.violations.map((v) => v.practice)).toEqual(['early-signing']);
    expect(early.violations[0]?.details).toEqual(['firstSigning 2025-06-30 < admissionsOpen 2025-07-01']);
    const onTime = admissionsPlanCheck({ ...CLEAN, earlySigning: { firstSigning: '2025-07-01', admissionsOpen: '2025-07-01' } });
    expect(onTime.compliant).toBe(true);
    expect(onTime.explanation.map((s) => s.message.zh).join('\n')).toContain('首次签约 2025-07-01，招生开始 2025-07-01');
    const dates = admissionsPlanCheck({ ...CLEAN, earlySigning: { firstSigning: new Date(2025, 4, 1), admissionsOpen: '2025-07-01' } });
    expect(dates.compliant).toBe(false);
  });

  it('every answer is required: an omitted practice is not read as "no"', () => {
    const issues = issuesOf(() => admissionsPlanCheck({} as never));
    expect(pathsOf(issues)).toEqual(
      expect.arrayContaining(['["falseAdvertising"]', '["selectionTests"]', '["certificatesAsCriteria"]', '["specialClasses"]', '["earlySigning"]', '["donationsTiedToAdmission"]']),
    );
  });

  it.each([
    [{ ...CLEAN, selectionTests: 'no' }, ['selectionTests']],
    [{ ...CLEAN, specialClasses: ['gifted'] }, ['specialClasses', 0]],
    [{ ...CLEAN, certificatesAsCriteria: 'competition' }, ['certificatesAsCriteria']],
    [{ ...CLEAN, earlySigning: { firstSigning: '2025-02-30', admissionsOpen: '2025-07-01' } }, ['earlySigning']],
    [{ ...CLEAN, earlySigning: null }, ['earlySigning']],
    [{ ...CLEAN, keySchools: true }, ['keySchools']],
  ])('bad plan %j → %j', (input, path) => {
    const issues = issuesOf(() => admissionsPlanCheck(input as never));
    expect(pathsOf(issues).some((p) => p.startsWith(JSON.stringify(path).slice(0, -1)))).toBe(true);
  });

  it('safe form', () => {
    expect(safeAdmissionsPlanCheck(null as never).success).toBe(false);
    expect(safeAdmissionsPlanCheck(CLEAN).success).toBe(true);
  });
});

describe('migrantChildEligibility (6.1)', () => {
  const on = { asOf: '2025-09-01' };

  it('a residence permit is the main basis', () => {
    expect(migrantChildEligibility({ residencePermit: true }, on)).toMatchObject({ eligible: true, residencePermitValid: true, unmetConditions: [] });
    expect(migrantChildEligibility({ residencePermit: false }, on)).toMatchObject({ eligible: false, residencePermitValid: false });
  });

  it('validity on asOf, inclusive', () => {
    expect(migrantChildEligibility({ residencePermit: { validUntil: '2025-09-01' } }, on).eligible).toBe(true);
    expect(migrantChildEligibility({ residencePermit: { validUntil: '2025-08-31' } }, on)).toMatchObject({
      eligible: false,
      reasons: [{ code: 'permit-expired' }],
    });
  });

  it("the district's own conditions are inputs, applied as given", () => {
    const r = migrantChildEligibility(
      { residencePermit: true, districtConditions: [{ id: 'residence-1-year', met: true }, { id: 'social-insurance', met: false }] },
      on,
    );
    expect(r).toMatchObject({ eligible: false, residencePermitValid: true, unmetConditions: ['social-insurance'] });
    expect(r.reasons.map((x) => x.code)).toEqual(['permit-valid', 'condition-met', 'condition-unmet']);
  });

  it('cites 6.1 and says the specific measures may still provide a place', () => {
    const r = migrantChildEligibility({ residencePermit: false }, on);
    expect(r.citations).toEqual(['6.1']);
    expect(r.explanation.at(-1)?.message.zh).toContain('具体办法');
    expect(r.explanation[0]?.message.zh).toBe('建立以居住证为主要依据的随迁子女入学政策');
    expect(OPINION).toContain(r.explanation[0]?.message.zh);
  });

  it.each([
    [{}, ['residencePermit']],
    [{ residencePermit: 'yes' }, ['residencePermit']],
    [{ residencePermit: { validUntil: 'next year' } }, ['residencePermit']],
    [{ residencePermit: true, districtConditions: [{ id: '', met: true }] }, ['districtConditions', 0, 'id']],
    [{ residencePermit: true, districtConditions: [{ id: 'a' }] }, ['districtConditions', 0, 'met']],
    [{ residencePermit: true, hukou: 'local' }, ['hukou']],
  ])('bad input %j → %j', (input, path) => {
    const issues = issuesOf(() => migrantChildEligibility(input as never, on));
    expect(pathsOf(issues).some((p) => p.startsWith(JSON.stringify(path).slice(0, -1)))).toBe(true);
  });

  it('safe form', () => {
    expect(safeMigrantChildEligibility({ residencePermit: 1 } as never).success).toBe(false);
  });
});
