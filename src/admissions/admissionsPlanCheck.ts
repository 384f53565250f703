import * as z from 'zod/mini';
import { toIsoDate, type DateInput, type IsoDate } from '../core/dates.js';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { choice, dateSchema, idSchema, listOf, record, yesNo } from '../core/schemas.js';
import type { Confidence } from '../core/types.js';
import { defineCalculator, safe } from '../parameters/kit.js';

/** Certificates and grades opinion 2.2 forbids as admission criteria: 竞赛, 考试证书, 荣誉证书, 学习等级. @category Admissions */
export const ADMISSION_CERTIFICATES = ['competition', 'exam-certificate', 'honour-certificate', 'learning-grade'] as const;
/** @category Admissions */
export type AdmissionCertificate = (typeof ADMISSION_CERTIFICATES)[number];

/** Classes opinion 2.2 forbids: 实验班, 重点班, 快慢班. @category Admissions */
export const SPECIAL_CLASSES = ['experimental', 'key', 'fast-slow'] as const;
/** @category Admissions */
export type SpecialClass = (typeof SPECIAL_CLASSES)[number];

/** The practices opinion 2.2 forbids, in the order it lists them. @category Admissions */
export const FORBIDDEN_PRACTICES = [
  'false-advertising',
  'selection-tests',
  'certificates-as-criteria',
  'special-classes',
  'early-signing',
  'donations-tied-to-admission',
] as const;
/** @category Admissions */
export type ForbiddenPractice = (typeof FORBIDDEN_PRACTICES)[number];

const choices = <T extends readonly [string, ...string[]]>(values: T, what: string) => listOf(choice(values, what), `${what}, possibly empty`);

/**
 * An admissions plan (招生方案) described by what it does. Every practice must be answered, so that an
 * omitted answer is never read as "no": booleans, and lists that may be empty.
 *
 * - `falseAdvertising`: irregular or false admissions publicity (违规和虚假招生宣传).
 * - `selectionTests`: exams or tests for selecting pupils, by the school or with another institution.
 * - `certificatesAsCriteria`: competition results, exam or honour certificates, learning grades used
 *   as a basis or reference for admission.
 * - `specialClasses`: experimental, key or fast-slow classes, under whatever name.
 * - `earlySigning`: pupils signed up or admitted ahead of time: `true` / `false`, or the first signing
 *   date and the day admissions officially open (`{ firstSigning, admissionsOpen }`), early when
 *   strictly before it.
 * - `donationsTiedToAdmission`: donations or other fees tied to admission (捐资助学款等).
 *
 * @category Admissions
 */
export const admissionsPlanSchema = record(
  {
    schoolId: z.optional(idSchema),
    falseAdvertising: yesNo('irregular or false admissions publicity'),
    selectionTests: yesNo('exams or tests to select pupils'),
    certificatesAsCriteria: choices(ADMISSION_CERTIFICATES, 'certificates used as admission criteria'),
    specialClasses: choices(SPECIAL_CLASSES, 'special classes'),
    earlySigning: z.union(
      [
        yesNo('pupils signed ahead of time'),
        record({ firstSigning: dateSchema, admissionsOpen: dateSchema }, 'the dates { firstSigning, admissionsOpen }'),
      ],
      { error: (iss) => (iss.input === undefined ? 'is required (true, false, or { firstSigning, admissionsOpen })' : 'must be true, false, or { firstSigning, admissionsOpen }') },
    ),
    donationsTiedToAdmission: yesNo('donations or fees tied to admission'),
  },
  'an admissions plan object { falseAdvertising, selectionTests, certificatesAsCriteria, specialClasses, earlySigning, donationsTiedToAdmission, schoolId? }',
);
/** @category Admissions */
export type AdmissionsPlan = z.input<typeof admissionsPlanSchema>;

/** A validated admissions plan, as {@link admissionsPlanCheckRule} reads it. @category Admissions */
export interface AdmissionsPlanRecord {
  readonly schoolId?: string | undefined;
  readonly falseAdvertising: boolean;
  readonly selectionTests: boolean;
  readonly certificatesAsCriteria: readonly AdmissionCertificate[];
  readonly specialClasses: readonly SpecialClass[];
  /** `true` / `false`, or the dates (valid calendar dates). */
  readonly earlySigning: boolean | { readonly firstSigning: DateInput; readonly admissionsOpen: DateInput };
  readonly donationsTiedToAdmission: boolean;
}

/** One forbidden practice a plan contains. @category Admissions */
export interface PlanViolation {
  readonly practice: ForbiddenPractice;
  /** Always '2.2'. */
  readonly provision: '2.2';
  /** The clause of opinion 2.2 it breaks, quoted as printed. */
  readonly clause: string;
  /** What was found: the certificates or classes, or the dates. */
  readonly details: string[];
  /** True when the practice is also a one-vote veto (一票否决) of the 优质均衡 assessment. */
  readonly veto: boolean;
  /** The veto item it falls under, as the 2017 reports name it; `null` when none. */
  readonly vetoItem: string | null;
  /**
   * How sure the veto reading is: `'verified'` when the practice is the veto item itself (admission
   * by examination, key classes), `'unverified'` when junheng reads it into one; `null` when no veto.
   */
  readonly vetoConfidence: Confidence | null;
}

/** What {@link admissionsPlanCheckRule} decides. @category Admissions */
export interface AdmissionsPlanOutcome {
  /** True when the plan contains none of the forbidden practices. */
  readonly compliant: boolean;
  /** Each forbidden practice found, in the order 2.2 lists them. */
  readonly violations: PlanViolation[];
  /** True when any violation is a 优质均衡 one-vote veto. */
  readonly veto: boolean;
  /** The signing dates compared, when `earlySigning` gave them; `null` otherwise. */
  readonly signingDates: { readonly firstSigning: IsoDate; readonly admissionsOpen: IsoDate } | null;
}

/** What {@link admissionsPlanCheck} returns. @category Admissions */
export interface AdmissionsPlanCheckResult extends Explained {
  /** True when the plan contains none of the forbidden practices. */
  readonly compliant: boolean;
  /** Each forbidden practice found, in the order 2.2 lists them. */
  readonly violations: PlanViolation[];
  /** True when any violation is a 优质均衡 one-vote veto. */
  readonly veto: boolean;
}

/** The clauses of opinion 2.2, exactly as printed. */
const CLAUSES: Record<ForbiddenPractice, string> = {
  'false-advertising': '不得进行违规和虚假招生宣传',
  'selection-tests': '不得自行组织或与社会其他教育机构合作组织以择优、选拔为目的各类考试测试',
  'certificates-as-criteria': '不得以各类竞赛、考试证书、荣誉证书、学习等级等作为招生入学依据或参考',
  'special-classes': '不得以任何名义分设实验班、重点班、快慢班等',
  'early-signing': '不得以任何名义提前签约录取学生',
  'donations-tied-to-admission': '不得以任何名义收取与入学挂钩的捐资助学款等其他费用',
};

const EN: Record<ForbiddenPractice, string> = {
  'false-advertising': 'no irregular or false admissions publicity',
  'selection-tests': 'no exams or tests, alone or with other institutions, to select pupils',
  'certificates-as-criteria': 'no competitions, exam or honour certificates or learning grades as a basis or reference for admission',
  'special-classes': 'no experimental, key or fast-slow classes, under any name',
  'early-signing': 'no signing or admitting pupils ahead of time, under any name',
  'donations-tied-to-admission': 'no donations or other fees tied to admission, under any name',
};

const VETO_ADMISSION_BY_EXAM = '以考试方式招生';
const VETO_KEY_CLASSES = '设置重点学校或重点班';
const VETO_SCHOOL_CHOICE = '违规择校';

const CERT_ZH: Record<AdmissionCertificate, string> = {
  competition: '竞赛',
  'exam-certificate': '考试证书',
  'honour-certificate': '荣誉证书',
  'learning-grade': '学习等级',
};
const CLASS_ZH: Record<SpecialClass, string> = { experimental: '实验班', key: '重点班', 'fast-slow': '快慢班' };

function veto(practice: ForbiddenPractice, details: readonly string[]): Pick<PlanViolation, 'veto' | 'vetoItem' | 'vetoConfidence'> {
  switch (practice) {
    case 'false-advertising':
      return { veto: false, vetoItem: null, vetoConfidence: null };
    case 'selection-tests':
      return { veto: true, vetoItem: VETO_ADMISSION_BY_EXAM, vetoConfidence: 'verified' };
    case 'certificates-as-criteria':
      return { veto: true, vetoItem: VETO_ADMISSION_BY_EXAM, vetoConfidence: 'unverified' };
    case 'special-classes':
      return { veto: true, vetoItem: VETO_KEY_CLASSES, vetoConfidence: details.includes('key') ? 'verified' : 'unverified' };
    case 'early-signing':
    case 'donations-tied-to-admission':
      return { veto: true, vetoItem: VETO_SCHOOL_CHOICE, vetoConfidence: 'unverified' };
  }
}

/**
 * The pure rule of {@link admissionsPlanCheck}: the forbidden practices a validated plan contains,
 * in the order opinion 2.2 lists them, each with its clause and 优质均衡 veto reading. Reads no
 * parameters; nothing is validated (dates must be real calendar dates).
 *
 * @category Admissions
 */
export function admissionsPlanCheckRule(plan: AdmissionsPlanRecord): AdmissionsPlanOutcome {
  const p = plan;
  const found = new Map<ForbiddenPractice, string[]>();
  if (p.falseAdvertising) found.set('false-advertising', []);
  if (p.selectionTests) found.set('selection-tests', []);
  if (p.certificatesAsCriteria.length > 0) found.set('certificates-as-criteria', [...new Set(p.certificatesAsCriteria)]);
  if (p.specialClasses.length > 0) found.set('special-classes', [...new Set(p.specialClasses)]);
  let signingDates: AdmissionsPlanOutcome['signingDates'] = null;
  if (typeof p.earlySigning === 'boolean') {
    if (p.earlySigning) found.set('early-signing', []);
  } else {
    const first = toIsoDate(p.earlySigning.firstSigning) as IsoDate;
    const open = toIsoDate(p.earlySigning.admissionsOpen) as IsoDate;
    signingDates = { firstSigning: first, admissionsOpen: open };
    if (first < open) found.set('early-signing', [`firstSigning ${first} < admissionsOpen ${open}`]);
  }
  if (p.donationsTiedToAdmission) found.set('donations-tied-to-admission', []);

  const violations: PlanViolation[] = FORBIDDEN_PRACTICES.filter((practice) => found.has(practice)).map((practice) => {
    const details = found.get(practice) as string[];
    return { practice, provision: '2.2', clause: CLAUSES[practice], details, ...veto(practice, details) };
  });
  return { compliant: violations.length === 0, violations, veto: violations.some((v) => v.veto), signingDates };
}

/** The explanation: one step per practice of 2.2, then the veto if any. */
function planExplanation(plan: AdmissionsPlanRecord, outcome: AdmissionsPlanOutcome): ExplanationStep[] {
  const { violations, signingDates: signing } = outcome;
  const who = plan.schoolId === undefined ? '' : `（${plan.schoolId}）`;
  const steps = FORBIDDEN_PRACTICES.map((practice) => {
    const v = violations.find((x) => x.practice === practice);
    let zhDetail = '';
    if (v !== undefined && practice === 'certificates-as-criteria') zhDetail = `：${v.details.map((d) => CERT_ZH[d as AdmissionCertificate]).join('、')}`;
    if (v !== undefined && practice === 'special-classes') zhDetail = `：${v.details.map((d) => CLASS_ZH[d as SpecialClass]).join('、')}`;
    if (practice === 'early-signing' && signing !== null) zhDetail = `：首次签约 ${signing.firstSigning}，招生开始 ${signing.admissionsOpen}`;
    const enDetail = v === undefined || v.details.length === 0 ? (practice === 'early-signing' && signing !== null ? `: first signing ${signing.firstSigning}, admissions open ${signing.admissionsOpen}` : '') : `: ${v.details.join(', ')}`;
    const vetoZh = v?.veto === true ? `；属优质均衡一票否决事项“${v.vetoItem}”${v.vetoConfidence === 'unverified' ? '（junheng 的解读，未经核实）' : ''}` : '';
    const vetoEn = v?.veto === true ? `; a 优质均衡 one-vote veto ("${v.vetoItem}")${v.vetoConfidence === 'unverified' ? " (junheng's reading, unverified)" : ''}` : '';
    return step('2.2',
      v === undefined ? `招生方案${who}符合“${CLAUSES[practice]}”${zhDetail}` : `招生方案${who}违反“${CLAUSES[practice]}”${zhDetail}${vetoZh}`,
      v === undefined ? `The plan complies with "${EN[practice]}"${enDetail}` : `The plan breaks "${EN[practice]}"${enDetail}${vetoEn}`,
      { practice, violated: v !== undefined, veto: v?.veto ?? false });
  });
  if (outcome.veto) {
    steps.push(step('jiaodu-2017-6',
      '招生方案含优质均衡督导评估一票否决事项',
      'The plan contains a one-vote veto of the 优质均衡 assessment',
      { veto: true }));
  }
  return steps;
}

/**
 * Checks an admissions plan against the practices opinion 2.2 forbids, and says which are also
 * one-vote vetoes (一票否决) of the 优质均衡 assessment.
 *
 * Encodes opinion **2.2** (规范招生行为): each forbidden practice found is reported with the clause it
 * breaks, quoted as printed. The 优质均衡 vetoes (教督〔2017〕6号; the list is verified from 2017
 * reports) are admission by examination (以考试方式招生), irregular school choice (违规择校) and key
 * schools or key classes (设置重点学校或重点班). junheng reads selection tests as admission by
 * examination (verified: it is the item itself) and key classes as key classes (verified); it reads,
 * unverified, certificates and grades as admission criteria into admission by examination,
 * experimental and fast-slow classes into key classes (2.2: 以任何名义), and early signing and
 * admission-tied donations into irregular school choice. False publicity is no veto item.
 *
 * @category Admissions
 * @function
 * @param input - `{ falseAdvertising, selectionTests, certificatesAsCriteria: [...], specialClasses: [...], earlySigning, donationsTiedToAdmission, schoolId? }`.
 * @param options - `{ asOf? }` (accepted for symmetry; no dated value is read).
 * @returns Whether the plan complies, each violation with its clause and veto reading, whether any is a veto, citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options.
 * @example
 * ```ts
 * const r = admissionsPlanCheck({
 *   falseAdvertising: false,
 *   selectionTests: false,
 *   certificatesAsCriteria: [],
 *   specialClasses: ['fast-slow'],
 *   earlySigning: { firstSigning: '2025-05-20', admissionsOpen: '2025-07-01' },
 *   donationsTiedToAdmission: false,
 * });
 * r.compliant; //=> false
 * r.violations.map((v) => v.practice); //=> ['special-classes', 'early-signing']
 * r.violations[0]?.clause; //=> '不得以任何名义分设实验班、重点班、快慢班等'
 * r.veto; //=> true
 * ```
 */
export const admissionsPlanCheck = defineCalculator({
  name: 'admissionsPlanCheck',
  provisions: ['2.2'],
  input: admissionsPlanSchema,
  rule: admissionsPlanCheckRule,
  result(outcome, call): AdmissionsPlanCheckResult {
    const { compliant, violations, veto: anyVeto } = outcome;
    const result = { compliant, violations, veto: anyVeto, citations: anyVeto ? ['2.2', 'jiaodu-2017-6'] : ['2.2'] };
    return defineLazy(result, 'explanation', () => planExplanation(call.input, outcome)) as AdmissionsPlanCheckResult;
  },
});

/**
 * {@link admissionsPlanCheck} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Admissions
 */
export const safeAdmissionsPlanCheck = safe(admissionsPlanCheck);
