/**
 * The evidence of the government guarantees and the vetoes, read and checked once for every
 * calculator that takes it ({@link assessGovernmentGuarantees}, {@link assessVetoes},
 * {@link assessCounty}): the parameters the items read, and the checks the schema cannot make
 * (counts within their totals, and what the other areas check of the data they decide on), each
 * under the evidence's own path. Not re-exported by the barrel.
 *
 * @module
 */
import { schoolSizeStatus } from '../classes/index.js';
import type { IsoDate } from '../core/dates.js';
import type { PolicyIssue } from '../core/errors.js';
import { parseInto } from '../core/schemas.js';
import { isPlain } from '../core/util.js';
import type { ParameterTree } from '../parameters/tree.js';
import { rotationCompliance, trainingReport } from '../teachers/index.js';
import { checkPayAverages, checkRotation, checkTeachers, checkTrainingParams } from '../teachers/internal.js';
import type { GuaranteeParameters } from './assessGovernmentGuarantees.js';
import { guaranteeEvidenceSchema, qualityEvidenceSchema, recognitionEvidenceSchema, vetoEvidenceSchema, type GuaranteeEvidenceRecord, type QualityEvidenceRecord, type RecognitionEvidenceRecord, type VetoEvidenceRecord } from './evidence.js';

/**
 * What the guarantee items read: the balance area's own guarantee figures (G5's class limits among
 * them) and the national funding floor (G6), and the selections of the other areas' rules they
 * reuse — school size (G4), training (G9) and rotation (G11) — exactly as those calculators declare
 * them.
 *
 * @internal
 */
export const guaranteeReads = (p: ParameterTree) => ({
  guarantees: p.balance.guarantees,
  floors: p.funding.floors,
  schoolSize: schoolSizeStatus.reads(p as never),
  training: trainingReport.reads(p as never),
  rotation: rotationCompliance.reads(p as never),
});

const notAbove = (issues: PolicyIssue[], path: ReadonlyArray<string | number>, part: number, whole: number, partName: string, wholeName: string): void => {
  if (part > whole) issues.push({ path: [...path, partName], code: 'inconsistent', message: `must not exceed ${wholeName} (${part} > ${whole})` });
};

/**
 * The checks of validated guarantee evidence that the schema cannot make, item by item: a
 * civil-servant average above 0 (G8), teachers once each and employed by `asOf` (G9), rotation
 * within its totals (G11), and every count within its total (G9, G12–G15). Issues are under
 * `prefix` (`['guarantees']` in a county).
 *
 * @internal
 */
export function checkGuaranteeEvidence(e: GuaranteeEvidenceRecord, p: GuaranteeParameters, asOf: IsoDate, issues: PolicyIssue[], prefix: ReadonlyArray<string | number> = []): void {
  if (e.pay !== undefined) checkPayAverages(e.pay, issues, [...prefix, 'pay']);
  const records = e.trainingRecords;
  if (records !== undefined) {
    // As trainingReport checks them: the cycle parameters whole, then ids once each and nobody employed after asOf.
    if (checkTrainingParams(p.training, issues)) checkTeachers(records, asOf, issues, [...prefix, 'trainingRecords']);
  } else if (e.training !== undefined) {
    notAbove(issues, [...prefix, 'training'], e.training.completed, e.training.teachers, 'completed', 'teachers');
  }
  if (e.rotation !== undefined) checkRotation(e.rotation, issues, [...prefix, 'rotation']);
  if (e.certification !== undefined) notAbove(issues, [...prefix, 'certification'], e.certification.certified, e.certification.teachers, 'certified', 'teachers');
  for (const stage of ['primary', 'junior'] as const) {
    const s = e.nearbyAdmission?.[stage];
    if (s !== undefined) notAbove(issues, [...prefix, 'nearbyAdmission', stage], s.nearby, s.admitted, 'nearby', 'admitted');
  }
  if (e.quotaAllocation !== undefined) notAbove(issues, [...prefix, 'quotaAllocation'], e.quotaAllocation.allocatedPlaces, e.quotaAllocation.qualityPlaces, 'allocatedPlaces', 'qualityPlaces');
  if (e.migrantChildren !== undefined) notAbove(issues, [...prefix, 'migrantChildren'], e.migrantChildren.inPublicOrPurchased, e.migrantChildren.eligible, 'inPublicOrPurchased', 'eligible');
}

/**
 * Reads the guarantee and veto evidence of a county (`county.guarantees`, `county.vetoes`, each
 * optional), its issues under those keys. The evidence is read even when a school row is wrong, so
 * that every problem is reported at once.
 *
 * @internal
 */
export function readCountyEvidence(county: unknown, issues: PolicyIssue[]): {
  guarantees: GuaranteeEvidenceRecord; vetoes: VetoEvidenceRecord; quality: QualityEvidenceRecord; recognition: RecognitionEvidenceRecord | undefined;
} | undefined {
  const raw: Record<string, unknown> = isPlain(county) ? county : {};
  const before = issues.length;
  // A value that is not an object is the county schema's to report.
  const given = (key: 'guarantees' | 'vetoes' | 'quality'): unknown => (raw[key] === undefined ? {} : isPlain(raw[key]) ? raw[key] : undefined);
  const g = given('guarantees');
  const v = given('vetoes');
  const q = given('quality');
  const guarantees = g === undefined ? undefined : parseInto(guaranteeEvidenceSchema, g, issues, ['guarantees']);
  const vetoes = v === undefined ? undefined : parseInto(vetoEvidenceSchema, v, issues, ['vetoes']);
  const quality = q === undefined ? undefined : parseInto(qualityEvidenceSchema, q, issues, ['quality']);
  const r = raw['recognition'];
  const recognition = r === undefined || !isPlain(r) ? undefined : parseInto(recognitionEvidenceSchema, r, issues, ['recognition']);
  if (issues.length > before || guarantees === undefined || vetoes === undefined || quality === undefined || (r !== undefined && recognition === undefined)) return undefined;
  return { guarantees, vetoes, quality, recognition };
}

/**
 * The checks of validated quality and recognition evidence the schema cannot make: enrolled
 * disabled children within the children, satisfied respondents within each group's respondents,
 * and each school's training spending given once.
 *
 * @internal
 */
export function checkQualityEvidence(q: QualityEvidenceRecord, r: RecognitionEvidenceRecord | undefined, issues: PolicyIssue[]): void {
  if (q.disabledEnrolment !== undefined) notAbove(issues, ['quality', 'disabledEnrolment'], q.disabledEnrolment.enrolled, q.disabledEnrolment.children, 'enrolled', 'children');
  const seen = new Set<string>();
  q.trainingSpending?.forEach((row, i) => {
    if (seen.has(row.schoolId)) issues.push({ path: ['quality', 'trainingSpending', i, 'schoolId'], code: 'inconsistent', message: `school ${JSON.stringify(row.schoolId)} is listed twice` });
    seen.add(row.schoolId);
  });
  r?.groups.forEach((g, i) => notAbove(issues, ['recognition', 'groups', i], g.satisfied, g.respondents, 'satisfied', 'respondents'));
}
