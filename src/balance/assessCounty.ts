import * as z from 'zod/mini';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { PolicyIssue } from '../core/errors.js';
import { selectedLeaves, type RuleContext } from '../core/resolve.js';
import { parameterTree, type ParameterTree } from '../parameters/tree.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { assessBalancedDevelopmentRule } from './assessBalancedDevelopment.js';
import { assessGovernmentGuaranteesRule, type GuaranteeItem, type GuaranteeParameters, type GuaranteesResult } from './assessGovernmentGuarantees.js';
import { assessVetoesRule, type VetoItem, type VetoesResult } from './assessVetoes.js';
import { guaranteeEvidenceSchema, qualityEvidenceSchema, recognitionEvidenceSchema, vetoEvidenceSchema, type GuaranteeEvidenceRecord, type QualityEvidenceRecord, type RecognitionEvidenceRecord, type VetoEvidenceRecord } from './evidence.js';
import { checkGuaranteeEvidence, checkQualityEvidence, guaranteeReads, readCountyEvidence } from './evidenceChecks.js';
import { guaranteesResult, guaranteeUsed, STATUS_ZH } from './guarantees.js';
import { assessQualityRule, qualityReads, type QualityParameters, type QualityResult } from './quality.js';
import { assessRecognitionRule, recognitionReads, type RecognitionParameters, type RecognitionResult } from './recognition.js';
import { balanceReads, countyInputSchema, readCounty } from './internal.js';
import { balanceResult, type BalancedDevelopmentResult } from './result.js';
import { balanceParamsOf, type BalanceParameters, type StageOutcome } from './rule.js';
import type { County, CountyRecord } from './schemas.js';
import { vetoesResult } from './vetoes.js';

/** The verdict of {@link assessCounty}. @category Balanced development */
export type Verdict = 'meets' | 'fails' | 'needs-evidence';

/** What {@link assessCounty} returns. @category Balanced development */
export interface CountyAssessment extends Explained {
  readonly id?: string;
  readonly name?: string;
  /**
   * `'fails'` when resources fail, a guarantee, quality item or recognition fails, or a veto is
   * triggered; else `'needs-evidence'` while anything is undecided; else `'meets'`: all four
   * dimensions meet and no veto is triggered or undecided.
   */
  readonly verdict: Verdict;
  /** `verdict === 'meets'`. */
  readonly compliant: boolean;
  /** Resource allocation (资源配置), as {@link assessBalancedDevelopment}. */
  readonly resources: BalancedDevelopmentResult;
  /** Government guarantee (政府保障程度). */
  readonly guarantees: GuaranteesResult;
  /** One-vote vetoes. */
  readonly vetoes: VetoesResult;
  /** Education quality (教育质量): the nine items Q1–Q9, from `county.quality`. */
  readonly quality: QualityResult;
  /** Public recognition (社会认可度), from `county.recognition`. */
  readonly recognition: RecognitionResult;
}

/** A validated county with its evidence: what {@link assessCountyRule} reads. @category Balanced development */
export interface CountyEvidenceRecord extends CountyRecord {
  readonly guarantees: GuaranteeEvidenceRecord;
  readonly vetoes: VetoEvidenceRecord;
  readonly quality: QualityEvidenceRecord;
  readonly recognition: RecognitionEvidenceRecord | undefined;
}

/** What {@link assessCountyRule} reads: the resource thresholds, the guarantee, quality and recognition figures. @category Balanced development */
export interface CountyParameters {
  readonly resources: BalanceParameters;
  readonly guarantees: GuaranteeParameters;
  readonly quality: QualityParameters;
  readonly recognition: RecognitionParameters;
}

/** What {@link assessCountyRule} decides: each dimension. @category Balanced development */
export interface CountyOutcome {
  readonly stages: StageOutcome[];
  readonly guarantees: GuaranteeItem[];
  readonly vetoes: VetoItem[];
  readonly quality: QualityResult;
  readonly recognition: RecognitionResult;
}

/**
 * The pure rule of {@link assessCounty}: the resources by {@link assessBalancedDevelopmentRule}, the
 * guarantee items by {@link assessGovernmentGuaranteesRule} and the vetoes by
 * {@link assessVetoesRule}, the quality items Q1–Q9 and public recognition (src/balance/quality.ts,
 * recognition.ts), on a validated county and its validated evidence.
 *
 * @category Balanced development
 */
export function assessCountyRule(county: CountyEvidenceRecord, params: CountyParameters, call: RuleContext): CountyOutcome {
  return {
    stages: assessBalancedDevelopmentRule(county, params.resources),
    guarantees: assessGovernmentGuaranteesRule(county.guarantees, params.guarantees, call),
    vetoes: assessVetoesRule(county.vetoes),
    quality: assessQualityRule(county.quality, params.quality),
    recognition: assessRecognitionRule(county.recognition, params.recognition),
  };
}

/** Reads the county and its evidence together, so that every problem is reported at once. */
function readCountyWithEvidence(input: unknown, issues: PolicyIssue[]): CountyEvidenceRecord | undefined {
  const county = readCounty(input, issues);
  const evidence = readCountyEvidence(input, issues);
  return county === undefined || evidence === undefined ? undefined : { ...county, ...evidence };
}

/** The paths of the resource parameters, which the resource explanation quotes. */
let resourcePaths: ReadonlySet<string> | undefined;

/**
 * The county assessment an inspector makes for 优质均衡 (教督〔2017〕6号), behind opinion **1.1**
 * and **6.3**, on all four dimensions: resource allocation ({@link assessBalancedDevelopment}), the
 * government-guarantee items ({@link assessGovernmentGuarantees}, from `county.guarantees`),
 * education quality (Q1–Q9, from `county.quality`) and public recognition (from
 * `county.recognition`), with the one-vote vetoes ({@link assessVetoes}, from `county.vetoes`) and a
 * verdict.
 *
 * The verdict is `'fails'` as soon as something decided fails (resources, a guarantee, a quality
 * item, recognition, a veto triggered), `'needs-evidence'` while any item is undecided, and
 * `'meets'` only when all four dimensions meet and no veto is triggered or undecided. No veto of a
 * later national notice is added: none was confirmed with a source.
 *
 * - Education quality: Q1 junior three-year retention ≥ 95 % (retained × 10⁴ ≥ 9500 × cohort
 *   start), Q2 disabled enrolment ≥ 95 %, Q4 each school's teacher training ≥ 5 % of its annual
 *   public-funding budget (in fen), Q9 national monitoring at level III or above **and** an
 *   inter-school difference rate below 0.15 (exclusive); Q3, Q5–Q8 are an inspector's findings
 *   (`true` / `false`). An item without evidence is `'needs-evidence'`, never passed by default.
 *   The figures are `balance.quality.*`, unverified.
 * - Public recognition: the satisfied share of the survey ≥ 85 % (`balance.recognition.share`),
 *   met exactly at 85.00 %; groups are pooled (Σ satisfied ÷ Σ respondents) or averaged, as
 *   `balance.recognition.combine` says (`'pooled'` by default: junheng's reading).
 *
 * @category Balanced development
 * @function
 * @param input - `{ id?, name?, schools, guarantees?, vetoes?, quality?, recognition? }`.
 * @param options - `{ asOf?, region?, parameters? }`.
 * @returns The verdict, each dimension's result, citations and an explanation.
 * @throws {@link PolicyInputError} naming every bad field (`['schools', 3, 'pupils']`, `['guarantees', 'pay', 'teacherAveragePay']`).
 * @example
 * ```ts
 * const school = { id: 'A', stage: 'primary' as const, pupils: 1000, qualifiedTeachers: 42, backboneTeachers: 10, peArtTeachers: 9,
 *   teachingAuxiliaryArea: 4500, sportsArea: 7500, equipmentValue: 2_000_000, multimediaClassrooms: 23 };
 * const r = assessCounty({ schools: [school] }, { asOf: '2025-09-01' });
 * r.resources.compliant; //=> true
 * r.verdict; //=> 'needs-evidence'
 * assessCounty({ schools: [school], vetoes: { falsifiedData: true } }, { asOf: '2025-09-01' }).verdict; //=> 'fails'
 * ```
 * @example
 * A county whose evidence decides every item data can decide:
 * ```ts
 * const school = { id: 'A', stage: 'primary' as const, pupils: 1000, qualifiedTeachers: 42, backboneTeachers: 10, peArtTeachers: 9,
 *   teachingAuxiliaryArea: 4500, sportsArea: 7500, equipmentValue: 2_000_000, multimediaClassrooms: 23 };
 * const guarantees = {
 *   specialRooms: [{ schoolId: 'A', classes: 24, musicRoomAreas: [96, 100], artRoomAreas: [90, 92] }],
 *   schoolSizes: [{ type: 'primary', pupils: 1000 }, { type: 'junior', pupils: 1900 }, { type: 'nine-year', pupils: 2500 }, { type: 'twelve-year', pupils: 2100 }],
 *   classes: [{ stage: 'primary', size: 44 }, { stage: 'primary', size: 28, incomplete: true }, { stage: 'junior', size: 48 }],
 *   smallSchools: [{ schoolId: 'V', pupils: 60, fundedPupils: 100 }],
 *   specialEducation: [{ schoolId: 'T', pupils: 40, publicFunding: 280_000 }],
 *   pay: { teacherAveragePay: 96_000, civilServantAveragePay: 96_000 },
 *   performancePayPoolInFull: true,
 *   trainingRecords: [{ id: 'T1', training: [{ date: '2022-05-01', hours: 360 }] }, { id: 'T2', employedSince: '2025-01-01', training: [{ date: '2025-06-01', hours: 72 }] }],
 *   rotation: { eligibleTeachers: 50, rotatedTeachers: 5, rotatedBackboneTeachers: 1 },
 *   certification: { teachers: 120, certified: 120 },
 *   nearbyAdmission: { primary: { admitted: 150, nearby: 150 }, junior: { admitted: 100, nearby: 96 } },
 *   quotaAllocation: { qualityPlaces: 400, allocatedPlaces: 220 },
 *   migrantChildren: { eligible: 40, inPublicOrPurchased: 36 },
 *   leftBehindCareSystem: true,
 * };
 * const vetoes = {
 *   admissions: [{ schoolId: 'A', falseAdvertising: false, selectionTests: false, certificatesAsCriteria: [], specialClasses: [], earlySigning: false, donationsTiedToAdmission: false }],
 *   staffing: { approvedPosts: 120, filledPosts: 120, qualifiedCandidates: 0, longTermContractTeachers: 0 },
 *   irregularSchoolChoice: false, majorSafetyIncident: false, falsifiedData: false,
 * };
 * const r = assessCounty({ schools: [school], guarantees, vetoes } as County, { asOf: '2025-09-01' });
 * r.guarantees.items.filter((i) => i.status !== 'passes').map((i) => i.id); //=> ['G1', 'G2', 'G10']
 * r.vetoes.triggered; //=> false
 * // G1, G2 and G10 are an inspector's judgement, so the verdict waits for them.
 * r.verdict; //=> 'needs-evidence'
 * // G9 from the county's counts: 60 of 60 teachers.
 * assessCounty({ schools: [school], guarantees: { training: { teachers: 60, completed: 60 } } }, { asOf: '2025-09-01' }).guarantees.items[8]?.status; //=> 'passes'
 * // The inspector's findings on G1, G2, G10, education quality and the recognition survey: all four dimensions meet.
 * const quality = {
 *   juniorRetention: { cohortStart: 400, retained: 380 }, disabledEnrolment: { children: 20, enrolled: 19 },
 *   trainingSpending: [{ schoolId: 'A', publicFundingBudget: '800000', trainingSpending: '40000' }],
 *   monitoring: { atLevelIIIOrAbove: true, interSchoolDifferenceRate: 0.12 },
 *   charterAndDigitalManagement: true, ictUse: true, moralEducationGood: true, coursesInFull: true, noExcessiveBurden: true,
 * };
 * const recognition = { groups: [{ group: 'parents', respondents: 600, satisfied: 540 }, { group: 'teachers', respondents: 200, satisfied: 170 }] };
 * const all = assessCounty({ schools: [school], guarantees: { ...guarantees, soundLayout: true, oneUrbanRuralStandard: true, countyAllocatesPosts: true }, vetoes, quality, recognition } as County, { asOf: '2025-09-01' });
 * all.quality.status; //=> 'passes'
 * all.recognition.share; //=> 0.8875
 * all.verdict; //=> 'meets'
 * // Q1 at 379 of 400 (94.75 %) fails, and so does the county.
 * assessCounty({ schools: [school], guarantees: { ...guarantees, soundLayout: true, oneUrbanRuralStandard: true, countyAllocatesPosts: true }, vetoes, quality: { ...quality, juniorRetention: { cohortStart: 400, retained: 379 } }, recognition } as County, { asOf: '2025-09-01' }).verdict; //=> 'fails'
 * ```
 */
export const assessCounty = defineCalculator({
  name: 'assessCounty',
  provisions: ['1.1', '6.3'],
  input: z.extend(countyInputSchema, {
    guarantees: z.optional(guaranteeEvidenceSchema),
    vetoes: z.optional(vetoEvidenceSchema),
    quality: z.optional(qualityEvidenceSchema),
    recognition: z.optional(recognitionEvidenceSchema),
  }) as z.ZodMiniType<unknown, County>,
  parse: readCountyWithEvidence,
  reads: (p: ParameterTree) => ({ resources: balanceReads(p), guarantees: guaranteeReads(p), quality: qualityReads(p), recognition: recognitionReads(p) }),
  check: (county, call, issues) => {
    checkGuaranteeEvidence(county.guarantees, call.params.guarantees, call.asOf, issues, ['guarantees']);
    checkQualityEvidence(county.quality, county.recognition, issues);
  },
  rule: assessCountyRule,
  result(outcome, call): CountyAssessment {
    const c = call.input;
    resourcePaths ??= new Set(selectedLeaves(balanceReads(parameterTree)).map((leaf) => leaf.path));
    const paths = resourcePaths;
    const resources = balanceResult(c.id, outcome.stages, balanceParamsOf(call.params.resources), call.used.filter((u) => paths.has(u.path)));
    const guarantees = guaranteesResult(outcome.guarantees, guaranteeUsed(call.used));
    const vetoes = vetoesResult(outcome.vetoes);
    const { quality, recognition } = outcome;
    const verdict: Verdict =
      !resources.compliant || guarantees.failed || quality.status === 'fails' || recognition.status === 'fails' || vetoes.triggered
        ? 'fails'
        : !guarantees.compliant || quality.status === 'needs-evidence' || recognition.status === 'needs-evidence' || vetoes.items.some((i) => i.status === 'needs-evidence')
          ? 'needs-evidence'
          : 'meets';
    const out = {
      ...(c.id === undefined ? {} : { id: c.id }),
      ...(c.name === undefined ? {} : { name: c.name }),
      verdict,
      compliant: verdict === 'meets',
      resources,
      guarantees,
      vetoes,
      quality,
      recognition,
      citations: ['1.1', '6.3', '2.2', '4.3', 'jiaodu-2017-6'],
    };
    return defineLazy(out, 'explanation', (): ExplanationStep[] => {
      const gFail = guarantees.items.filter((i) => i.status === 'fails').map((i) => i.id);
      const gNeed = guarantees.items.filter((i) => i.status === 'needs-evidence').map((i) => i.id);
      const vHit = vetoes.items.filter((i) => i.status === 'triggered').map((i) => i.id);
      const qFail = quality.items.filter((i) => i.status === 'fails').map((i) => i.id);
      const qNeed = quality.items.filter((i) => i.status === 'needs-evidence').map((i) => i.id);
      return [
        ...resources.explanation,
        ...guarantees.explanation,
        ...quality.items.map((i) => step('jiaodu-2017-6', `${i.id} ${i.title.zh}：${STATUS_ZH[i.status]}。${i.reason.zh}`, `${i.id} ${i.title.en}: ${i.status}. ${i.reason.en}`, { id: i.id, status: i.status })),
        step('jiaodu-2017-6', `社会认可度：${STATUS_ZH[recognition.status]}。${recognition.reason.zh}`, `Public recognition: ${recognition.status}. ${recognition.reason.en}`, { status: recognition.status }),
        ...vetoes.explanation,
        step('6.3',
          `结论：${verdict === 'meets' ? '达到' : verdict === 'fails' ? '未达到' : '尚需补充证据'}。资源配置${resources.compliant ? '达标' : '未达标'}；政府保障未达到 ${gFail.join('、') || '无'}，需补充证据 ${gNeed.join('、') || '无'}；教育质量未达到 ${qFail.join('、') || '无'}，需补充证据 ${qNeed.join('、') || '无'}；社会认可度${STATUS_ZH[recognition.status]}；一票否决触发 ${vHit.join('、') || '无'}`,
          `Verdict: ${verdict}. Resources ${resources.compliant ? 'comply' : 'do not comply'}; guarantees failing: ${gFail.join(', ') || 'none'}, needing evidence: ${gNeed.join(', ') || 'none'}; quality failing: ${qFail.join(', ') || 'none'}, needing evidence: ${qNeed.join(', ') || 'none'}; recognition: ${recognition.status}; vetoes triggered: ${vHit.join(', ') || 'none'}`,
          { verdict }),
      ];
    }) as CountyAssessment;
  },
});

/**
 * {@link assessCounty} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessCounty = safe(assessCounty);
