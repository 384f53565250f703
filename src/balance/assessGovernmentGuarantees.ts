import type { Explained } from '../core/explain.js';
import type { Resolved, RuleContext } from '../core/resolve.js';
import type { Bilingual } from '../core/types.js';
import { defineCalculator, safe } from '../parameters/kit.js';
import { guaranteeEvidenceSchema, type GuaranteeEvidenceRecord } from './evidence.js';
import { checkGuaranteeEvidence, guaranteeReads } from './evidenceChecks.js';
import { guaranteesResult, guaranteeUsed, judgeGuarantees } from './guarantees.js';

/** Ids of the government-guarantee items. @category Balanced development */
export type GuaranteeId = 'G1' | 'G2' | 'G3' | 'G4' | 'G5' | 'G6' | 'G7' | 'G8' | 'G9' | 'G10' | 'G11' | 'G12' | 'G13' | 'G14' | 'G15';

/** One government-guarantee item. @category Balanced development */
export interface GuaranteeItem {
  readonly id: GuaranteeId;
  readonly title: Bilingual;
  readonly status: 'passes' | 'fails' | 'needs-evidence';
  /** Why: what was compared, or what evidence is missing. */
  readonly reason: Bilingual;
  /** The functions (other areas' calculators) that decided it, if any. */
  readonly decidedBy?: string;
}

/** What {@link assessGovernmentGuarantees} returns. @category Balanced development */
export interface GuaranteesResult extends Explained {
  /** Every item passes (so nothing needs evidence). */
  readonly compliant: boolean;
  /** Some item fails. */
  readonly failed: boolean;
  readonly items: GuaranteeItem[];
}

/**
 * The parameters the guarantee items read, resolved for a day: `balance.guarantees`, the national
 * funding floor, and the school-size, class-size, training and rotation parameters of the rules
 * they reuse (from `assessGovernmentGuarantees.parameters(options)`).
 *
 * @category Balanced development
 */
export type GuaranteeParameters = Resolved<ReturnType<typeof guaranteeReads>>;

/**
 * The pure rule of {@link assessGovernmentGuarantees}: the 15 items judged from validated evidence,
 * in order, the items other areas compute by their pure rules. Unchecked: give it evidence valid
 * against {@link guaranteeEvidenceSchema} whose counts are within their totals, and parameters from
 * `assessGovernmentGuarantees.parameters(options)`.
 *
 * @category Balanced development
 */
export function assessGovernmentGuaranteesRule(evidence: GuaranteeEvidenceRecord, params: GuaranteeParameters, call: RuleContext): GuaranteeItem[] {
  return judgeGuarantees(evidence, params, call);
}

/**
 * The government-guarantee dimension (政府保障程度) of the 优质均衡 county assessment
 * (教督〔2017〕6号, national-standards §5.2), behind opinion **1.1**, **6.3**: the 15 items, each
 * `'passes'`, `'fails'` or `'needs-evidence'`, with the reason.
 *
 * - G1, G2, G10 are an inspector's judgement, never data's: `'needs-evidence'` with the reason until
 *   the inspector's finding is given (`soundLayout`, `oneUrbanRuralStandard`, `countyAllocatesPosts`:
 *   `true` passes, `false` fails).
 * - An item whose data is absent is `'needs-evidence'` — never silently passed.
 * - Items other areas compute reuse their pure rules, on the evidence validated here: G4
 *   {@link schoolSizeStatusRule}, G8 {@link payParityRule}, G9 {@link trainingReportRule} (or the
 *   county's counts, against `balance.guarantees.trainingCompletion`), G11
 *   {@link rotationComplianceRule}; G6 reads the
 *   national band of the funding floors (the `'national-under-100'` band of `funding.floors`: under
 *   100 pupils funded as 100; the national 100 / 100 when a patched list has no such band).
 * - G5: every primary class at most 45 pupils and every junior class at most 50
 *   (`balance.guarantees.classLimit`), whatever the school: not the GB 50099 standard size that
 *   {@link classSizeStatus} bands (30 for an incomplete primary school), so a 35-pupil class of an
 *   incomplete primary school is within G5.
 * - G8: teacher pay ≥ civil-servant pay ({@link payParityRule}) **and** the performance-pay pool
 *   fixed in full (足额核定教师绩效工资总量, `performancePayPoolInFull`): either short fails; pay met
 *   with the pool not given needs evidence.
 * - G9 from training records: passes when every teacher has already met the cycle containing
 *   `asOf`; otherwise the last completed cycle decides (every teacher met it; a teacher employed
 *   after it ended owes nothing for it). A running cycle is not judged before its end.
 * - G3: every school needs ⌈classes ÷ 12⌉ music rooms of at least 96 m² and as many art rooms of at
 *   least 90 m² (a school with 1–12 classes needs one of each) — ⌈classes ÷ 12⌉ is junheng's reading
 *   of 每12个班级…1间以上, not the text's; G7: public funding ≥ 6000 yuan ×
 *   pupils (unverified); G12: certified ÷ teachers ≥ 100 %; G13: nearby ÷ admitted ≥ 100 % (primary),
 *   95 % (junior), both stages needed to pass; G14: allocated ÷ quality places ≥ 50 %; G15: a care
 *   system and ≥ 85 % of eligible migrant children in public or purchased places. Shares are
 *   compared exactly (part × 10⁴ ≥ share in basis points × whole). A share over no one (0
 *   teachers, 0 places) fails G9, G12, G14 (nothing shows the guarantee) and passes G13, G15 (no
 *   pupil was refused).
 *
 * @category Balanced development
 * @function
 * @param input - {@link GuaranteeEvidence}: every field optional.
 * @param options - `{ asOf?, region?, parameters? }`.
 * @returns The 15 items, `compliant` (every item passes), `failed` (some item fails), citations, explanation.
 * @throws {@link PolicyInputError} naming every bad field (`['schoolSizes', 2, 'pupils']`).
 * @example
 * ```ts
 * const r = assessGovernmentGuarantees({ certification: { teachers: 200, certified: 200 }, quotaAllocation: { qualityPlaces: 1000, allocatedPlaces: 480 } }, { asOf: '2025-09-01' });
 * r.items.find((i) => i.id === 'G12')?.status; //=> 'passes'
 * r.items.find((i) => i.id === 'G14')?.status; //=> 'fails'
 * r.items.find((i) => i.id === 'G1')?.status; //=> 'needs-evidence'
 * ```
 * @example
 * Every item the data can decide, each met:
 * ```ts
 * const evidence = {
 *   specialRooms: [{ schoolId: 'A', classes: 24, musicRoomAreas: [96, 100], artRoomAreas: [90, 92] }],
 *   schoolSizes: [{ type: 'primary' as const, pupils: 1800 }, { type: 'junior' as const, pupils: 2000 }, { type: 'nine-year' as const, pupils: 2400 }, { type: 'twelve-year' as const, pupils: 2500 }],
 *   // G5: 45 and 50 for every class; an incomplete primary school's 35-pupil class is within it.
 *   classes: [{ stage: 'primary' as const, size: 45 }, { stage: 'primary' as const, size: 35, incomplete: true }, { stage: 'junior' as const, size: 50 }],
 *   smallSchools: [{ schoolId: 'V', pupils: 80, fundedPupils: 100 }],
 *   specialEducation: [{ schoolId: 'T', pupils: 50, publicFunding: 300_000 }],
 *   pay: { teacherAveragePay: 98_000, civilServantAveragePay: 96_000 },
 *   performancePayPoolInFull: true,
 *   // A teacher employed mid-cycle owes hours pro rata: 360 × 16 / 60 = 96.
 *   trainingRecords: [
 *     { id: 'T1', training: [{ date: '2023-03-01', hours: 360 }] },
 *     { id: 'T2', employedSince: '2024-09-01', training: [{ date: '2025-03-01', hours: 96 }] },
 *   ],
 *   rotation: { eligibleTeachers: 100, rotatedTeachers: 12, rotatedBackboneTeachers: 3 },
 *   certification: { teachers: 200, certified: 200 },
 *   nearbyAdmission: { primary: { admitted: 300, nearby: 300 }, junior: { admitted: 200, nearby: 190 } },
 *   quotaAllocation: { qualityPlaces: 1000, allocatedPlaces: 500 },
 *   migrantChildren: { eligible: 100, inPublicOrPurchased: 85 },
 *   leftBehindCareSystem: true,
 * };
 * const r = assessGovernmentGuarantees(evidence, { asOf: '2025-09-01' });
 * r.items.filter((i) => i.status === 'needs-evidence').map((i) => i.id); //=> ['G1', 'G2', 'G10']
 * r.items.every((i) => i.status !== 'fails'); //=> true
 * // G9 from the county's counts instead of the records: 9 of 10 is below 100 %.
 * assessGovernmentGuarantees({ training: { teachers: 10, completed: 9 } }, { asOf: '2025-09-01' }).items[8]?.status; //=> 'fails'
 * ```
 */
export const assessGovernmentGuarantees = defineCalculator({
  name: 'assessGovernmentGuarantees',
  provisions: ['1.1', '6.3'],
  input: guaranteeEvidenceSchema,
  reads: guaranteeReads,
  check: (evidence, call, issues) => checkGuaranteeEvidence(evidence, call.params, call.asOf, issues),
  rule: assessGovernmentGuaranteesRule,
  result: (items, call) => guaranteesResult(items, guaranteeUsed(call.used)),
});

/**
 * {@link assessGovernmentGuarantees} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessGovernmentGuarantees = safe(assessGovernmentGuarantees);
