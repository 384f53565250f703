/**
 * A valid first argument (and options) for every public function: the robustness sweep mutates them
 * one field at a time, and the parameter-reads test runs them with reads recorded. A `safe…` form
 * uses its calculator's seed; the unchecked pure rules (`…Rule`, `calc.rule`) validate nothing by
 * design and are not swept.
 */
import * as junheng from '../../src/index.js';

export type Fn = (...args: unknown[]) => unknown;

/** The unchecked pure rules: the `.rule` of every declared calculator, whatever it is exported as. */
const rules = new Set<unknown>(Object.values(junheng).flatMap((v) => (typeof v === 'function' && 'rule' in v ? [(v as { rule: unknown }).rule] : [])));

/** Every exported function, calculators and helpers alike (classes such as `Leaf`, and the pure rules, excepted). */
export const functions = (Object.entries(junheng) as Array<[string, unknown]>).filter(
  (entry): entry is [string, Fn] => typeof entry[1] === 'function' && /^[a-z]/.test(entry[0]) && !rules.has(entry[1]),
);

export const school = { id: 'A', stage: 'primary', pupils: 1000, qualifiedTeachers: 42, backboneTeachers: 10, peArtTeachers: 9, teachingAuxiliaryArea: 4500, sportsArea: 7500, equipmentValue: '2000000', multimediaClassrooms: 23 };
export const AS_OF = { asOf: '2025-09-01' };

/** A valid first argument (and options) per calculator, to mutate one field at a time. */
export const SEEDS: Record<string, [unknown, unknown]> = {
  publicFunding: [{ id: 'A', location: 'rural', kind: 'school', pupils: { primary: 50, junior: 60 }, boarders: { junior: 5 }, disabledPupils: 2 }, { asOf: '2025-09-01', region: 'east', parameters: { funding: { floors: [{ id: 'national-under-100', locations: ['rural'], kinds: ['teaching-point'], below: 100, fundedAs: 100 }, { id: 'district-100-to-250', locations: ['rural'], above: 100, below: 250, fundedAs: 250 }] } } }],
  allocateBudget: [[{ id: 'A', location: 'rural', pupils: { primary: 150 } }, { id: 'B', location: 'urban', kind: 'special-education', pupils: { junior: 30 } }], { asOf: '2025-09-01', region: 'west' }],
  livingSubsidyBudget: [{ id: 'A', location: 'rural', pupils: { primary: 50 }, boarders: { primary: 45 } }, AS_OF],
  livingSubsidyEligibility: [{ stage: 'junior', boarding: false, hardship: ['registered-poor'] }, AS_OF],
  listParameters: [AS_OF, undefined],
  classSizeStatus: [{ stage: 'primary', size: 45, incomplete: false }, AS_OF],
  classSizeReport: [[{ id: 'c', schoolId: 's', town: 't', location: 'urban', stage: 'primary', size: 56 }], { asOf: '2025-09-01', groupBy: ['schoolId', 'town'] }],
  schoolSizeStatus: [{ type: 'nine-year', pupils: 2400 }, AS_OF],
  enrolmentStatus: [{ approvedPlaces: 900, enrolled: 880 }, AS_OF],
  trainingCompliance: [{ id: 'T', employedSince: '2023-03-15', training: [{ date: '2024-01-01', hours: 12.5 }] }, AS_OF],
  trainingReport: [[{ id: 'T', training: [{ date: '2024-01-01', hours: 12.5 }] }], AS_OF],
  payParity: [{ teacherAveragePay: '1000.5', civilServantAveragePay: 1000 }, AS_OF],
  rotationCompliance: [{ eligibleTeachers: 100, rotatedTeachers: 10, rotatedBackboneTeachers: 2 }, AS_OF],
  differenceCoefficient: [[{ value: 1.5, pupils: 3 }, { value: 2, pupils: 4 }], undefined],
  assessBalancedDevelopment: [{ schools: [school, { ...school, id: 'B', stage: 'junior' }] }, AS_OF],
  balanceGap: [{ schools: [school, { ...school, id: 'B', qualifiedTeachers: 1 }] }, AS_OF],
  physicalAndArtsCheck: [{ id: 'S', dailyExerciseMinutes: 60, healthMonitoring: { lastDone: '2025-03-01' }, artsAssessment: { assessed: 10, pupils: 10 } }, AS_OF],
  parentSchoolCoverage: [[{ town: 'T', hasParentSchoolHub: true }], AS_OF],
  evaluationPolicyCheck: [{ gradesAndComments: true, publishesScores: false, rankings: ['pupils'] }, AS_OF],
  careLedgerCheck: [[{ id: 'C', town: 'T', categories: ['left-behind'], meetsAssistanceConditions: true, inSocialAssistance: false, guardian: 'none' }], AS_OF],
  connectivityCoverage: [[{ id: 'A', broadband: true, classes: 3, classesWithMultimedia: 2, wirelessFullCampus: false }], AS_OF],
  securityPostCheck: [[{ id: 'A', fullTimeSecurityStaff: 0 }], AS_OF],
  rectificationStatus: [[{ id: 'R1', issuedOn: '2025-01-10', deadline: '2025-09-30' }, { id: 'R2', issuedOn: '2025-02-01', deadline: '2025-06-30', rectifiedOn: '2025-07-02' }], AS_OF],
  seatSupply: [{ schools: [{ id: 'CX-01', stage: 'primary', approvedPlaces: 1350 }, { id: 'CX-02', stage: 'junior', approvedPlaces: 600 }], schoolAgePopulation: { primary: 1300, junior: 601 } }, AS_OF],
  supportingSchoolCheck: [{ residentialArea: { id: 'JY-1', firstPhaseDelivery: '2025-08-31' }, school: { plannedInLayout: true, deliveredOn: '2025-08-31' } }, AS_OF],
  splitSchool: [{ id: 'J9', type: 'nine-year', pupils: { primary: 600, junior: 400 }, primary: { qualifiedTeachers: 30, backboneTeachers: 6, peArtTeachers: 6, multimediaClassrooms: 14 }, junior: { qualifiedTeachers: 24, backboneTeachers: 4, peArtTeachers: 4, multimediaClassrooms: 10 }, teachingAuxiliaryArea: 5200.5, sportsArea: 8000, equipmentValue: 2120000 }, AS_OF],
  createClassSizeTally: [{ asOf: '2025-09-01', groupBy: ['town'] }, undefined],
  createTrainingTally: [{ asOf: '2025-12-31' }, undefined],
  payParityFromRecords: [{ teacherPay: [100, 100, 100.01], civilServantPay: [100, 100.01] }, AS_OF],
  staffingCheck: [{ approvedPosts: 120, filledPosts: 112, qualifiedCandidates: 3, longTermContractTeachers: 0 }, AS_OF],
  admissionsPlanCheck: [{ falseAdvertising: false, selectionTests: false, certificatesAsCriteria: [], specialClasses: ['fast-slow'], earlySigning: false, donationsTiedToAdmission: false }, AS_OF],
  migrantChildEligibility: [{ residencePermit: { validUntil: '2026-06-30' }, districtConditions: [{ id: 'social-insurance-1-year', met: true }] }, AS_OF],
  assessCounty: [{ schools: [school, { ...school, id: 'B', stage: 'junior' }] }, AS_OF],
  assessCounties: [[{ id: 'A', schools: [school] }, { id: 'B', schools: [{ ...school, qualifiedTeachers: 1 }] }], AS_OF],
  assessGovernmentGuarantees: [{ certification: { teachers: 200, certified: 200 }, quotaAllocation: { qualityPlaces: 1000, allocatedPlaces: 480 } }, AS_OF],
  assessVetoes: [{ staffing: { approvedPosts: 500, filledPosts: 480, qualifiedCandidates: 30, longTermContractTeachers: 0 } }, AS_OF],
  specialEducationSchoolCheck: [{ schools: [{ id: 'CX-01' }, { id: 'TJ-01', kind: 'special-education' }] }, AS_OF],
  opinionTargets: [{ asOf: '2025-12-31' }, undefined],
  describeParameters: [undefined, undefined],
  getProvision: ['5.1', undefined],
  formatPath: [['pupils', 0, 'primary'], undefined],
  toPlainData: [{ total: '780000', schools: [{ schoolId: 'A', fundedPupils: 150, amount: '108000', citations: ['5.1'] }] }, undefined],
};

/** The seed of `name`: its own, or for `safeX` the seed of `x`. */
export function seedOf(name: string): [unknown, unknown] | undefined {
  if (Object.hasOwn(SEEDS, name)) return SEEDS[name];
  const base = /^safe([A-Z].*)$/.exec(name)?.[1];
  if (base === undefined) return undefined;
  const key = `${base.charAt(0).toLowerCase()}${base.slice(1)}`;
  return Object.hasOwn(SEEDS, key) ? SEEDS[key] : undefined;
}
