/**
 * China's three statistical regions for national funding rules: 东部 (east), 中部 (central),
 * 西部 (west).
 *
 * @category Parameters
 */
export type Region = 'east' | 'central' | 'west';
/** @category Parameters */
export const REGIONS = ['east', 'central', 'west'] as const satisfies readonly Region[];

/**
 * How a figure is known, as marked in junheng's sources: `verified` (read in a primary source or a
 * report quoting it), `secondary` (several secondary sources agree), `unverified` (a placeholder or a
 * junheng decision a user should confirm or override).
 *
 * @category Parameters
 */
export type Confidence = 'verified' | 'secondary' | 'unverified';

/**
 * The statistical 城区 (urban) / 镇区 (town) / 乡村 (rural) class of a school's location.
 *
 * @category Funding
 */
export type Location = 'urban' | 'town' | 'rural';
/** @category Funding */
export const LOCATIONS = ['urban', 'town', 'rural'] as const satisfies readonly Location[];

/** Compulsory-education stage: 小学 (primary) or 初中 (junior secondary). @category Funding */
export type Stage = 'primary' | 'junior';
/** @category Funding */
export const STAGES = ['primary', 'junior'] as const satisfies readonly Stage[];

/** A bilingual text. @category Explanations */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}
