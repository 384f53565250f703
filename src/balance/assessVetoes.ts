import type { Explained } from '../core/explain.js';
import type { Bilingual } from '../core/types.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { vetoEvidenceSchema, type VetoEvidenceRecord } from './evidence.js';
import { judgeVetoes, vetoesResult } from './vetoes.js';

/** Ids of the vetoes. @category Balanced development */
export type VetoId = 'admission-by-examination' | 'key-schools-or-classes' | 'irregular-school-choice' | 'vacant-posts-unfilled' | 'long-term-off-establishment' | 'major-safety-incident' | 'falsified-data';

/** One veto. @category Balanced development */
export interface VetoItem {
  readonly id: VetoId;
  readonly title: Bilingual;
  readonly status: 'triggered' | 'clear' | 'needs-evidence';
  readonly reason: Bilingual;
  readonly decidedBy?: string;
}

/** What {@link assessVetoes} returns. @category Balanced development */
export interface VetoesResult extends Explained {
  /** Some veto is triggered. */
  readonly triggered: boolean;
  readonly items: VetoItem[];
}

/**
 * The pure rule of {@link assessVetoes}: every veto judged from validated evidence, in order, the
 * admissions plans by {@link admissionsPlanCheckRule} and the posts by {@link staffingCheckRule}.
 * Unchecked: give it evidence valid against {@link vetoEvidenceSchema}.
 *
 * @category Balanced development
 */
export function assessVetoesRule(evidence: VetoEvidenceRecord): VetoItem[] {
  return judgeVetoes(evidence);
}

/**
 * The one-vote vetoes (一票否决) of the 优质均衡 assessment that data can decide (教督〔2017〕6号):
 * admission by examination and key classes from the schools' admissions plans
 * ({@link admissionsPlanCheckRule}, opinion 2.2), 有编不补 and long-term off-establishment teachers
 * from the county's posts ({@link staffingCheckRule}, opinion 4.3). Irregular school choice, a major
 * safety incident and falsified data are an inspector's findings (`true` / `false`); absent,
 * every veto is `'needs-evidence'`.
 *
 * @category Balanced development
 * @function
 * @param input - {@link VetoEvidence}: every field optional.
 * @param options - `{ asOf?, region?, parameters? }`.
 * @returns Each veto `'triggered'`, `'clear'` or `'needs-evidence'`, and whether any is triggered.
 * @throws {@link PolicyInputError} naming every bad field.
 * @example
 * ```ts
 * const r = assessVetoes({ staffing: { approvedPosts: 500, filledPosts: 480, qualifiedCandidates: 30, longTermContractTeachers: 0 } }, { asOf: '2025-09-01' });
 * r.items.find((i) => i.id === 'vacant-posts-unfilled')?.status; //=> 'triggered'
 * r.triggered; //=> true
 * ```
 */
export const assessVetoes = defineCalculator({
  name: 'assessVetoes',
  provisions: ['1.1'],
  input: vetoEvidenceSchema,
  rule: assessVetoesRule,
  result: (items) => vetoesResult(items),
});

/**
 * {@link assessVetoes} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessVetoes = safe(assessVetoes);
