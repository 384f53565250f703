import type { BalanceSchool } from '../../src/index.js';

export const AS_OF = { asOf: '2025-09-01' } as const;

/**
 * A primary school of 1000 pupils meeting every threshold exactly: 42 × 100 / 1000 = 4.2,
 * 10 → 1, 9 → 0.9, 4500 m² → 4.5, 7500 m² → 7.5, 2,000,000 yuan → 2000, 23 → 2.3.
 */
export function exactPrimary(id = 'P', patch: Partial<BalanceSchool> = {}): BalanceSchool {
  return {
    id,
    stage: 'primary',
    pupils: 1000,
    qualifiedTeachers: 42,
    backboneTeachers: 10,
    peArtTeachers: 9,
    teachingAuxiliaryArea: 4500,
    sportsArea: 7500,
    equipmentValue: 2_000_000,
    multimediaClassrooms: 23,
    ...patch,
  };
}

/**
 * A junior school of 1000 pupils meeting every threshold exactly: 53 → 5.3, 10 → 1, 9 → 0.9,
 * 5800 m² → 5.8, 10200 m² → 10.2, 2,500,000 yuan → 2500, 24 → 2.4.
 */
export function exactJunior(id = 'J', patch: Partial<BalanceSchool> = {}): BalanceSchool {
  return {
    id,
    stage: 'junior',
    pupils: 1000,
    qualifiedTeachers: 53,
    backboneTeachers: 10,
    peArtTeachers: 9,
    teachingAuxiliaryArea: 5800,
    sportsArea: 10200,
    equipmentValue: 2_500_000,
    multimediaClassrooms: 24,
    ...patch,
  };
}
