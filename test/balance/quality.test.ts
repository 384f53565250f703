import { describe, expect, it } from 'vitest';
import { assessCounty, PolicyInputError, type County, type GuaranteeEvidence, type QualityEvidence, type RecognitionEvidence } from '../../src/index.js';
import { AS_OF, exactPrimary } from './helpers.js';

const paths = (fn: () => unknown) => {
  try { fn(); } catch (e) { if (e instanceof PolicyInputError) return e.issues.map((i) => i.path); throw e; }
  return [];
};

/** Every guarantee item decided and met (G1, G2, G10 by the inspector's findings). */
const guarantees: GuaranteeEvidence = {
  specialRooms: [{ schoolId: 'P', classes: 12, musicRoomAreas: [96], artRoomAreas: [90] }],
  schoolSizes: [{ type: 'primary', pupils: 1000 }],
  classes: [{ stage: 'primary', size: 45 }],
  smallSchools: [],
  specialEducation: [{ schoolId: 'T', pupils: 50, publicFunding: 300000 }],
  pay: { teacherAveragePay: 90000, civilServantAveragePay: 90000 },
  performancePayPoolInFull: true,
  training: { teachers: 10, completed: 10 },
  rotation: { eligibleTeachers: 100, rotatedTeachers: 10, rotatedBackboneTeachers: 2 },
  certification: { teachers: 10, certified: 10 },
  nearbyAdmission: { primary: { admitted: 100, nearby: 100 }, junior: { admitted: 100, nearby: 95 } },
  quotaAllocation: { qualityPlaces: 100, allocatedPlaces: 50 },
  migrantChildren: { eligible: 100, inPublicOrPurchased: 85 },
  leftBehindCareSystem: true,
  soundLayout: true,
  oneUrbanRuralStandard: true,
  countyAllocatesPosts: true,
};
const vetoes = { admissions: [], staffing: { approvedPosts: 10, filledPosts: 10, qualifiedCandidates: 0, longTermContractTeachers: 0 }, irregularSchoolChoice: false, majorSafetyIncident: false, falsifiedData: false };
/** Every quality item met exactly at its threshold. */
const quality: QualityEvidence = {
  juniorRetention: { cohortStart: 1000, retained: 950 },
  disabledEnrolment: { children: 20, enrolled: 19 },
  charterAndDigitalManagement: true,
  // 5 % of 200000.00 yuan is 10000.00 exactly
  trainingSpending: [{ schoolId: 'P', publicFundingBudget: '200000.00', trainingSpending: '10000.00' }],
  ictUse: true,
  moralEducationGood: true,
  coursesInFull: true,
  noExcessiveBurden: true,
  monitoring: { atLevelIIIOrAbove: true, interSchoolDifferenceRate: 0.1499 },
};
/** 85 of 100 exactly, pooled. */
const recognition: RecognitionEvidence = { groups: [{ group: 'parents', respondents: 60, satisfied: 51 }, { group: 'teachers', respondents: 40, satisfied: 34 }] };

const county = (patch: Partial<{ quality: QualityEvidence; recognition: RecognitionEvidence | undefined }> = {}): County => {
  const c = { schools: [exactPrimary()], guarantees, vetoes, quality, recognition, ...patch };
  if (c.recognition === undefined) delete (c as { recognition?: unknown }).recognition;
  return c as County;
};
const item = (q: QualityEvidence, id: string) => assessCounty(county({ quality: q }), AS_OF).quality.items.find((i) => i.id === id)?.status;

describe('assessCounty: all four dimensions', () => {
  it('a county meeting every item meets', () => {
    const r = assessCounty(county(), AS_OF);
    expect(r.guarantees.compliant).toBe(true);
    expect(r.quality.status).toBe('passes');
    expect(r.quality.items.map((i) => [i.id, i.status])).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8', 'Q9'].map((id) => [id, 'passes']));
    expect(r.recognition).toMatchObject({ status: 'passes', share: 0.85 });
    expect(r.verdict).toBe('meets');
    expect(r.compliant).toBe(true);
    expect('notAssessed' in r).toBe(false);
    expect(r.explanation.at(-1)?.message.en).toMatch(/^Verdict: meets/);
  });

  it.each([
    ['Q1', 'juniorRetention'], ['Q2', 'disabledEnrolment'], ['Q3', 'charterAndDigitalManagement'], ['Q4', 'trainingSpending'], ['Q5', 'ictUse'],
    ['Q6', 'moralEducationGood'], ['Q7', 'coursesInFull'], ['Q8', 'noExcessiveBurden'], ['Q9', 'monitoring'],
  ] as const)('%s without its evidence (%s) needs evidence, and so does the verdict', (id, key) => {
    const q = { ...quality };
    delete q[key];
    const r = assessCounty(county({ quality: q }), AS_OF);
    expect(r.quality.items.find((i) => i.id === id)?.status).toBe('needs-evidence');
    expect(r.quality.items.filter((i) => i.status !== 'passes').map((i) => i.id)).toEqual([id]);
    expect(r.quality.status).toBe('needs-evidence');
    expect(r.verdict).toBe('needs-evidence');
  });

  it.each(['charterAndDigitalManagement', 'ictUse', 'moralEducationGood', 'coursesInFull', 'noExcessiveBurden'] as const)('%s: false fails the item and the county', (key) => {
    const r = assessCounty(county({ quality: { ...quality, [key]: false } }), AS_OF);
    expect(r.quality.status).toBe('fails');
    expect(r.verdict).toBe('fails');
  });

  it('Q1 retention: exactly 95 % meets, one pupil fewer fails', () => {
    expect(item({ ...quality, juniorRetention: { cohortStart: 1000, retained: 950 } }, 'Q1')).toBe('passes');
    expect(item({ ...quality, juniorRetention: { cohortStart: 1000, retained: 949 } }, 'Q1')).toBe('fails');
    // 19 of 20 is 95 % exactly; 0.95 × 20 as a float is 19 too, but 1919 of 2020 shows the integer comparison
    expect(item({ ...quality, juniorRetention: { cohortStart: 2020, retained: 1919 } }, 'Q1')).toBe('passes');
    expect(item({ ...quality, juniorRetention: { cohortStart: 2021, retained: 1919 } }, 'Q1')).toBe('fails');
  });

  it('Q2 disabled enrolment: 19 of 20 meets, 18 of 20 fails; enrolled above children is refused', () => {
    expect(item({ ...quality, disabledEnrolment: { children: 20, enrolled: 19 } }, 'Q2')).toBe('passes');
    expect(item({ ...quality, disabledEnrolment: { children: 20, enrolled: 18 } }, 'Q2')).toBe('fails');
    expect(paths(() => assessCounty(county({ quality: { ...quality, disabledEnrolment: { children: 20, enrolled: 21 } } }), AS_OF))).toEqual([['quality', 'disabledEnrolment', 'enrolled']]);
  });

  it('Q4 training spending: 5 % of each school\'s budget exactly, in fen', () => {
    const q4 = (rows: QualityEvidence['trainingSpending']) => item({ ...quality, trainingSpending: rows }, 'Q4');
    // 5 % of 12345678 fen is 617283.9 fen: 617283 fen short, 617284 fen enough
    expect(q4([{ schoolId: 'A', publicFundingBudget: 123456.78, trainingSpending: 6172.83 }])).toBe('fails');
    expect(q4([{ schoolId: 'A', publicFundingBudget: 123456.78, trainingSpending: 6172.84 }])).toBe('passes');
    expect(q4([{ schoolId: 'A', publicFundingBudget: 200000, trainingSpending: 10000 }, { schoolId: 'B', publicFundingBudget: 100000, trainingSpending: '4999.99' }])).toBe('fails');
    expect(q4([])).toBe('needs-evidence');
    expect(paths(() => assessCounty(county({ quality: { ...quality, trainingSpending: [{ schoolId: 'A', publicFundingBudget: 1, trainingSpending: 1 }, { schoolId: 'A', publicFundingBudget: 1, trainingSpending: 1 }] } }), AS_OF)))
      .toEqual([['quality', 'trainingSpending', 1, 'schoolId']]);
    expect(paths(() => assessCounty(county({ quality: { ...quality, trainingSpending: [{ schoolId: 'A', publicFundingBudget: '1.234', trainingSpending: 1 }] } }), AS_OF)))
      .toEqual([['quality', 'trainingSpending', 0, 'publicFundingBudget']]);
  });

  it('Q9 monitoring: level III or above and a difference rate below 0.15 (exclusive)', () => {
    const q9 = (atLevelIIIOrAbove: boolean, interSchoolDifferenceRate: number) => item({ ...quality, monitoring: { atLevelIIIOrAbove, interSchoolDifferenceRate } }, 'Q9');
    expect(q9(true, 0.149999)).toBe('passes');
    expect(q9(true, 0.15)).toBe('fails');
    expect(q9(false, 0.05)).toBe('fails');
    expect(paths(() => assessCounty(county({ quality: { ...quality, monitoring: { atLevelIIIOrAbove: true, interSchoolDifferenceRate: 1.5 } } }), AS_OF)))
      .toEqual([['quality', 'monitoring', 'interSchoolDifferenceRate']]);
  });

  it('recognition: 85.00 % meets, 84.99 % fails, none needs evidence', () => {
    const rec = (groups: RecognitionEvidence['groups']) => assessCounty(county({ recognition: { groups } }), AS_OF);
    expect(rec([{ group: 'parents', respondents: 10_000, satisfied: 8500 }]).recognition.status).toBe('passes');
    const low = rec([{ group: 'parents', respondents: 10_000, satisfied: 8499 }]);
    expect(low.recognition).toMatchObject({ status: 'fails', share: 0.8499 });
    expect(low.verdict).toBe('fails');
    const none = assessCounty(county({ recognition: undefined }), AS_OF);
    expect(none.recognition.status).toBe('needs-evidence');
    expect(none.recognition.share).toBeUndefined();
    expect(none.verdict).toBe('needs-evidence');
    expect(rec([{ group: 'parents', respondents: 0, satisfied: 0 }]).recognition.status).toBe('needs-evidence');
    expect(paths(() => rec([{ group: 'parents', respondents: 10, satisfied: 11 }]))).toEqual([['recognition', 'groups', 0, 'satisfied']]);
  });

  it('recognition: pooled by default, averaged by parameter', () => {
    // parents 90/100, pupils 16/20: pooled 106/120 = 88.3 % meets; averaged (90 % + 80 %) / 2 = 85 % exactly meets
    const groups = [{ group: 'parents', respondents: 100, satisfied: 90 }, { group: 'pupils', respondents: 20, satisfied: 16 }];
    expect(assessCounty(county({ recognition: { groups } }), AS_OF).recognition.status).toBe('passes');
    const averaged = { ...AS_OF, parameters: { balance: { recognition: { combine: 'averaged' as const } } } };
    expect(assessCounty(county({ recognition: { groups } }), averaged).recognition).toMatchObject({ status: 'passes', share: 0.85 });
    // pupils 15/20: pooled 105/120 = 87.5 % meets; averaged 82.5 % fails
    const fewer = [{ group: 'parents', respondents: 100, satisfied: 90 }, { group: 'pupils', respondents: 20, satisfied: 15 }];
    expect(assessCounty(county({ recognition: { groups: fewer } }), AS_OF).recognition.status).toBe('passes');
    expect(assessCounty(county({ recognition: { groups: fewer } }), averaged).recognition.status).toBe('fails');
  });

  it('G1, G2, G10: the inspector\'s finding decides', () => {
    const r = assessCounty(county(), AS_OF);
    expect(r.guarantees.items.filter((i) => ['G1', 'G2', 'G10'].includes(i.id)).map((i) => i.status)).toEqual(['passes', 'passes', 'passes']);
    const g = { ...guarantees, soundLayout: false };
    expect(assessCounty(county() && { ...county(), guarantees: g } as County, AS_OF).verdict).toBe('fails');
  });

  it('a veto still fails a county meeting every item', () => {
    expect(assessCounty({ ...county(), vetoes: { ...vetoes, falsifiedData: true } } as County, AS_OF).verdict).toBe('fails');
  });

  it('reports quality and recognition problems with the rest', () => {
    expect(paths(() => assessCounty({ schools: [exactPrimary('A', { pupils: 0 })], quality: { ictUse: 'yes' }, recognition: { groups: 'x' } } as never, AS_OF))).toEqual([
      ['schools', 0, 'pupils'], ['quality', 'ictUse'], ['recognition', 'groups'],
    ]);
  });
});
