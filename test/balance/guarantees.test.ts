import { describe, expect, it } from 'vitest';
import { assessCounty, assessGovernmentGuarantees, assessVetoes, PolicyInputError, type GuaranteeEvidence } from '../../src/index.js';
import { AS_OF, exactPrimary } from './helpers.js';

const status = (r: { items: Array<{ id: string; status: string }> }) => Object.fromEntries(r.items.map((i) => [i.id, i.status]));
const paths = (fn: () => unknown) => {
  try { fn(); } catch (e) { if (e instanceof PolicyInputError) return e.issues.map((i) => i.path); throw e; }
  return [];
};

const full: GuaranteeEvidence = {
  specialRooms: [{ schoolId: 'A', classes: 13, musicRoomAreas: [96, 96], artRoomAreas: [90, 120] }],
  schoolSizes: [{ id: 'A', type: 'primary', pupils: 2000 }, { id: 'B', type: 'nine-year', pupils: 2500 }],
  classes: [{ stage: 'primary', size: 45 }, { stage: 'junior', size: 50 }],
  smallSchools: [{ schoolId: 'V', pupils: 99, fundedPupils: 100 }, { schoolId: 'W', pupils: 100, fundedPupils: 100 }],
  specialEducation: [{ schoolId: 'T', pupils: 50, publicFunding: 300000 }],
  pay: { teacherAveragePay: 90000, civilServantAveragePay: 90000 },
  // G8 also asks the performance-pay pool fixed in full (issue 9); without it G8 needs evidence.
  performancePayPoolInFull: true,
  training: { teachers: 10, completed: 10 },
  rotation: { eligibleTeachers: 100, rotatedTeachers: 10, rotatedBackboneTeachers: 2 },
  certification: { teachers: 10, certified: 10 },
  nearbyAdmission: { primary: { admitted: 100, nearby: 100 }, junior: { admitted: 100, nearby: 95 } },
  quotaAllocation: { qualityPlaces: 100, allocatedPlaces: 50 },
  migrantChildren: { eligible: 100, inPublicOrPurchased: 85 },
  leftBehindCareSystem: true,
};

describe('assessGovernmentGuarantees', () => {
  it('without data every item needs evidence, never a silent pass', () => {
    const r = assessGovernmentGuarantees({}, AS_OF);
    expect(r.items.map((i) => i.id)).toEqual(['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9', 'G10', 'G11', 'G12', 'G13', 'G14', 'G15']);
    expect(r.items.every((i) => i.status === 'needs-evidence')).toBe(true);
    expect(r.compliant).toBe(false);
    expect(r.failed).toBe(false);
  });

  it('every threshold met exactly passes (G1, G2, G10 still need evidence)', () => {
    const r = assessGovernmentGuarantees(full, AS_OF);
    expect(status(r)).toEqual({ G1: 'needs-evidence', G2: 'needs-evidence', G3: 'passes', G4: 'passes', G5: 'passes', G6: 'passes', G7: 'passes', G8: 'passes', G9: 'passes', G10: 'needs-evidence', G11: 'passes', G12: 'passes', G13: 'passes', G14: 'passes', G15: 'passes' });
    expect(r.items.find((i) => i.id === 'G4')?.decidedBy).toBe('schoolSizeStatus');
    // G5 compares every class with 45 / 50 itself (issue 9): no longer classSizeReport's bands.
    expect(r.items.find((i) => i.id === 'G5')?.decidedBy).toBeUndefined();
  });

  it('one unit short fails each item', () => {
    const fails = (patch: Partial<GuaranteeEvidence>) => status(assessGovernmentGuarantees({ ...full, ...patch }, AS_OF));
    // 13 classes need 2 rooms of each; a 95.99 m² music room does not count
    expect(fails({ specialRooms: [{ schoolId: 'A', classes: 13, musicRoomAreas: [96, 95.99], artRoomAreas: [90, 90] }] })['G3']).toBe('fails');
    expect(fails({ specialRooms: [{ schoolId: 'A', classes: 12, musicRoomAreas: [96], artRoomAreas: [90] }] })['G3']).toBe('passes');
    expect(fails({ schoolSizes: [{ type: 'primary', pupils: 2001 }] })['G4']).toBe('fails');
    expect(fails({ classes: [{ stage: 'primary', size: 46 }] })['G5']).toBe('fails');
    expect(fails({ classes: [{ stage: 'junior', size: 51 }] })['G5']).toBe('fails');
    expect(fails({ smallSchools: [{ schoolId: 'V', pupils: 99, fundedPupils: 99 }] })['G6']).toBe('fails');
    // 50 pupils × 6000 = 300,000; 299,999.99 fails
    expect(fails({ specialEducation: [{ schoolId: 'T', pupils: 50, publicFunding: '299999.99' }] })['G7']).toBe('fails');
    expect(fails({ pay: { teacherAveragePay: '89999.99', civilServantAveragePay: 90000 } })['G8']).toBe('fails');
    expect(fails({ training: { teachers: 10, completed: 9 } })['G9']).toBe('fails');
    expect(fails({ rotation: { eligibleTeachers: 100, rotatedTeachers: 9, rotatedBackboneTeachers: 2 } })['G11']).toBe('fails');
    expect(fails({ certification: { teachers: 10, certified: 9 } })['G12']).toBe('fails');
    expect(fails({ nearbyAdmission: { primary: { admitted: 100, nearby: 100 }, junior: { admitted: 100, nearby: 94 } } })['G13']).toBe('fails');
    expect(fails({ nearbyAdmission: { primary: { admitted: 100, nearby: 100 } } })['G13']).toBe('needs-evidence');
    expect(fails({ quotaAllocation: { qualityPlaces: 100, allocatedPlaces: 49 } })['G14']).toBe('fails');
    expect(fails({ migrantChildren: { eligible: 100, inPublicOrPurchased: 84 } })['G15']).toBe('fails');
    expect(fails({ leftBehindCareSystem: false })['G15']).toBe('fails');
    expect(fails({ leftBehindCareSystem: undefined })['G15']).toBe('needs-evidence');
  });

  it('rejects bad evidence with paths, including those the other areas find', () => {
    expect(paths(() => assessGovernmentGuarantees({ schoolSizes: [{ type: 'huge', pupils: 1 }], certification: { teachers: 5, certified: 6 }, pay: { teacherAveragePay: -1, civilServantAveragePay: 1 }, extra: 1 } as never, AS_OF))).toEqual([
      ['schoolSizes', 0, 'type'], ['pay', 'teacherAveragePay'], ['extra'],
    ]);
    expect(paths(() => assessGovernmentGuarantees({ certification: { teachers: 5, certified: 6 } }, AS_OF))).toEqual([['certification', 'certified']]);
  });
});

describe('assessGovernmentGuarantees: readings of issue 9', () => {
  it('G5 hand-worked: a 35-pupil class of an incomplete primary school is within 45 (passes)', () => {
    const r = assessGovernmentGuarantees({ classes: [{ stage: 'primary', size: 35, incomplete: true }] }, AS_OF);
    expect(status(r)['G5']).toBe('passes');
    // 45 and 50 are the limits for every class; 46 in an incomplete primary school fails.
    expect(status(assessGovernmentGuarantees({ classes: [{ stage: 'primary', size: 46, incomplete: true }] }, AS_OF))['G5']).toBe('fails');
    const mixed = assessGovernmentGuarantees({ classes: [{ stage: 'primary', size: 46 }, { stage: 'junior', size: 50 }, { stage: 'junior', size: 51 }] }, AS_OF);
    expect(mixed.items.find((i) => i.id === 'G5')?.reason.en).toBe('2 of 3 classes above the limit (1 primary above 45, 1 junior above 50)');
  });

  it('G5 limits are dated parameters from 教督〔2017〕6号 and can be patched', () => {
    const r = assessGovernmentGuarantees({ classes: [{ stage: 'primary', size: 45 }] }, { ...AS_OF, parameters: { balance: { guarantees: { classLimit: { primary: 40 } } } } });
    expect(status(r)['G5']).toBe('fails');
    const used = r.explanation.map((s) => s.message.en).join('\n');
    expect(used).toContain('balance.guarantees.classLimit');
  });

  it('G8 also needs the performance-pay pool fixed in full (足额核定教师绩效工资总量)', () => {
    const pay = { teacherAveragePay: 90000, civilServantAveragePay: 90000 };
    expect(status(assessGovernmentGuarantees({ pay }, AS_OF))['G8']).toBe('needs-evidence');
    expect(status(assessGovernmentGuarantees({ pay, performancePayPoolInFull: true }, AS_OF))['G8']).toBe('passes');
    expect(status(assessGovernmentGuarantees({ pay, performancePayPoolInFull: false }, AS_OF))['G8']).toBe('fails');
    expect(status(assessGovernmentGuarantees({ performancePayPoolInFull: false }, AS_OF))['G8']).toBe('fails');
    expect(status(assessGovernmentGuarantees({ performancePayPoolInFull: true }, AS_OF))['G8']).toBe('needs-evidence');
    expect(status(assessGovernmentGuarantees({ pay: { teacherAveragePay: '89999.99', civilServantAveragePay: 90000 }, performancePayPoolInFull: true }, AS_OF))['G8']).toBe('fails');
    expect(assessGovernmentGuarantees({}, AS_OF).items.find((i) => i.id === 'G8')?.title.zh).toContain('足额核定教师绩效工资总量');
  });

  it('G9 from records: the current cycle if every teacher already met it, else the last completed cycle', () => {
    const asOf = { asOf: '2024-06-30' };
    const at = (date: string, hours: number) => ({ date, hours });
    // Everyone has met 2021–2025 already: passes mid-cycle.
    expect(status(assessGovernmentGuarantees({ trainingRecords: [{ id: 'A', training: [at('2022-01-01', 360)] }] }, asOf))['G9']).toBe('passes');
    // Hand-worked: 300 hours in mid-2024 is in progress, not a failure; 2016–2020 was completed.
    const progress = assessGovernmentGuarantees({ trainingRecords: [{ id: 'A', training: [at('2019-01-01', 360), at('2022-01-01', 300)] }] }, asOf);
    expect(status(progress)['G9']).toBe('passes');
    expect(progress.items.find((i) => i.id === 'G9')?.reason.en).toContain('Last completed cycle (2016-01-01–2020-12-31): 1 of 1');
    // The last completed cycle short: fails.
    expect(status(assessGovernmentGuarantees({ trainingRecords: [{ id: 'A', training: [at('2019-01-01', 200), at('2022-01-01', 300)] }] }, asOf))['G9']).toBe('fails');
    // A teacher employed after 2020 owes nothing for 2016–2020.
    expect(status(assessGovernmentGuarantees({ trainingRecords: [{ id: 'N', employedSince: '2022-09-01', training: [] }] }, asOf))['G9']).toBe('passes');
    // On the last day of 2021–2025 that cycle is complete, and it decides.
    expect(status(assessGovernmentGuarantees({ trainingRecords: [{ id: 'A', training: [at('2019-01-01', 360), at('2022-01-01', 300)] }] }, { asOf: '2025-12-31' }))['G9']).toBe('fails');
    // Nobody: never 100 %.
    expect(status(assessGovernmentGuarantees({ trainingRecords: [] }, asOf))['G9']).toBe('fails');
  });

  it('G3 says ⌈classes ÷ 12⌉ is junheng\'s reading', () => {
    const r = assessGovernmentGuarantees({ specialRooms: [{ schoolId: 'A', classes: 13, musicRoomAreas: [96, 96], artRoomAreas: [90, 90] }] }, AS_OF);
    expect(r.items.find((i) => i.id === 'G3')?.reason.en).toContain("junheng's reading: ⌈classes ÷ 12⌉");
  });
});

describe('assessVetoes', () => {
  it('needs evidence without data; decides 有编不补 from staffing and exams from plans', () => {
    expect(assessVetoes({}, AS_OF).items.every((i) => i.status === 'needs-evidence')).toBe(true);
    const r = assessVetoes({ staffing: { approvedPosts: 100, filledPosts: 100, qualifiedCandidates: 5, longTermContractTeachers: 2 }, falsifiedData: false }, AS_OF);
    expect(status(r)).toMatchObject({ 'vacant-posts-unfilled': 'clear', 'long-term-off-establishment': 'triggered', 'falsified-data': 'clear', 'irregular-school-choice': 'needs-evidence' });
    expect(r.triggered).toBe(true);
  });
});

describe('assessCounty', () => {
  it('fails on resources, needs evidence otherwise, meets only when everything is decided', () => {
    const allVetoes = { admissions: [], staffing: { approvedPosts: 10, filledPosts: 10, qualifiedCandidates: 0, longTermContractTeachers: 0 }, irregularSchoolChoice: false, majorSafetyIncident: false, falsifiedData: false };
    expect(assessCounty({ schools: [exactPrimary('A', { qualifiedTeachers: 1 })] }, AS_OF).verdict).toBe('fails');
    const r = assessCounty({ schools: [exactPrimary()], guarantees: full, vetoes: allVetoes }, AS_OF);
    // G1, G2, G10 need the inspector's finding; quality and recognition need their evidence (issue 10: notAssessed is gone)
    expect(r.verdict).toBe('needs-evidence');
    expect(r.compliant).toBe(false);
    expect(r.vetoes.items.every((i) => i.status === 'clear')).toBe(true);
    expect(r.quality.status).toBe('needs-evidence');
    expect(r.recognition.status).toBe('needs-evidence');
    expect(r.explanation.at(-1)?.message.en).toMatch(/^Verdict: needs-evidence/);
  });

  it('reports row and evidence problems together', () => {
    expect(paths(() => assessCounty({ schools: [exactPrimary('A', { pupils: 0 })], guarantees: { pay: { teacherAveragePay: 'x', civilServantAveragePay: 1 } }, vetoes: { falsifiedData: 'no' } } as never, AS_OF))).toEqual([
      ['schools', 0, 'pupils'], ['guarantees', 'pay', 'teacherAveragePay'], ['vetoes', 'falsifiedData'],
    ]);
  });
});
