/**
 * The robustness sweep over the whole public surface: every exported function is fed arbitrary
 * JSON-like values (null, huge and non-finite numbers, wrong types, `__proto__` keys) and near-valid
 * inputs (a valid example with one field replaced), as its argument and as its options. Each call
 * must either return a result whose numbers are all finite, or throw `PolicyInputError` with at least
 * one issue whose path is an array. Nothing may pollute `Object.prototype`.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as junheng from '../../src/index.js';

type Fn = (...args: unknown[]) => unknown;

/** Every exported function, calculators and helpers alike (classes such as `Leaf` excepted). */
const functions = (Object.entries(junheng) as Array<[string, unknown]>).filter(
  (entry): entry is [string, Fn] => typeof entry[1] === 'function' && /^[a-z]/.test(entry[0]),
);

const school = { id: 'A', stage: 'primary', pupils: 1000, qualifiedTeachers: 42, backboneTeachers: 10, peArtTeachers: 9, teachingAuxiliaryArea: 4500, sportsArea: 7500, equipmentValue: '2000000', multimediaClassrooms: 23 };
const AS_OF = { asOf: '2025-09-01' };

/** A valid first argument (and options) per calculator, to mutate one field at a time. */
const SEEDS: Record<string, [unknown, unknown]> = {
  publicFunding: [{ id: 'A', location: 'rural', kind: 'school', pupils: { primary: 50, junior: 60 }, boarders: { junior: 5 }, disabledPupils: 2 }, { asOf: '2025-09-01', region: 'east', parameters: { funding: { floors: { district: { below: 250 } } } } }],
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
};

/** Values that break naive code: wrong types, extremes, non-finite numbers, invalid dates, prototype keys. */
const hostile = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withSparseArray: true, withBoxedValues: true }),
  fc.constantFrom(-1, -0, 0.5, 1e308, -1e308, 2 ** 53, Number.NaN, Infinity, -Infinity, '1e3', '0x10', ' 5', '', 'null', null, [], {}, true, '2022-02-30', new Date(Number.NaN)),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '[{"__proto__":{"polluted":1}}]').map((text) => JSON.parse(text) as unknown),
);

/** `value` with the element at (the path of indices, wrapped) replaced by `replacement`. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[(path[0] as number) % keys.length] as string | number;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  copy[key] = mutate((value as Record<string | number, unknown>)[key], path.slice(1), replacement);
  return copy;
}

/** Every number reachable from `value` (explanations and components read, lazily built ones included). */
function nonFinite(value: unknown, seen = new Set<unknown>()): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : String(value);
  if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
  seen.add(value);
  if (junheng.Decimal.isDecimal(value)) return (value as junheng.Decimal).isFinite() ? undefined : (value as junheng.Decimal).toString();
  for (const key of Object.keys(value)) {
    const found = nonFinite((value as Record<string, unknown>)[key], seen);
    if (found !== undefined) return `${key}: ${found}`;
  }
  return undefined;
}

/** Calls `fn` and checks the outcome; returns a description of a violation, or undefined. */
function violation(fn: Fn, input: unknown, options: unknown): string | undefined {
  let result: unknown;
  try {
    result = fn(input, options);
  } catch (error) {
    if (!(error instanceof junheng.PolicyInputError)) return `threw ${(error as Error)?.name}: ${(error as Error)?.message}`;
    if (error.issues.length === 0) return 'PolicyInputError without issues';
    if (!error.issues.every((issue) => Array.isArray(issue.path) && typeof issue.message === 'string' && issue.message.length > 0)) return 'an issue without a path or message';
    return undefined;
  }
  const bad = nonFinite(result);
  return bad === undefined ? undefined : `non-finite number in the result (${bad})`;
}

afterAll(() => {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
});

describe('robustness sweep over every public function', () => {
  it('finds the public functions', () => {
    expect(functions.length).toBeGreaterThan(30);
    for (const name of Object.keys(SEEDS)) expect(functions.map(([n]) => n)).toContain(name);
  });

  it.each(functions)('%s: arbitrary values as argument and options', (_name, fn) => {
    fc.assert(
      fc.property(hostile, fc.option(hostile, { nil: undefined }), (input, options) => {
        expect(violation(fn, input, options)).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it.each(Object.entries(SEEDS))('%s: its valid example with one field replaced', (name, [input, options]) => {
    const fn = (junheng as unknown as Record<string, Fn>)[name] as Fn;
    expect(violation(fn, input, options)).toBeUndefined();
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 4 }), hostile, fc.boolean(), (path, replacement, inOptions) => {
        const a = inOptions ? input : mutate(input, path, replacement);
        const o = inOptions ? mutate(options, path, replacement) : options;
        expect(violation(fn, a, o)).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});
