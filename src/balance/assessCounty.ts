import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { makeSafe, type PolicyIssue } from '../core/errors.js';
import type { UsedValue } from '../core/parameters.js';
import { parseInto, throwIfAny } from '../core/schemas.js';
import type { Bilingual } from '../core/types.js';
import { isPlainObject, readOptions, type CalculatorOptions } from '../parameters/context.js';
import { assessRows, readCountyStrict } from './assessBalancedDevelopment.js';
import { guaranteeEvidenceSchema, guaranteeItems, guaranteesResult, vetoEvidenceSchema, vetoesResult, vetoItems, type GuaranteesResult, type VetoesResult } from './guarantees.js';
import { balanceParams, type BalanceParams } from './params.js';
import { balanceResult, type BalancedDevelopmentResult } from './result.js';
import type { County, CountyRecord } from './schemas.js';

/** The verdict of {@link assessCounty}. @category Balanced development */
export type Verdict = 'meets' | 'fails' | 'needs-evidence';

/** What {@link assessCounty} returns. @category Balanced development */
export interface CountyAssessment extends Explained {
  readonly id?: string;
  readonly name?: string;
  /** `'fails'` when resources fail, a guarantee fails or a veto is triggered; else `'needs-evidence'` while anything is undecided; else `'meets'`. */
  readonly verdict: Verdict;
  /** `verdict === 'meets'`. */
  readonly compliant: boolean;
  /** Resource allocation (资源配置), as {@link assessBalancedDevelopment}. */
  readonly resources: BalancedDevelopmentResult;
  /** Government guarantee (政府保障程度). */
  readonly guarantees: GuaranteesResult;
  /** One-vote vetoes. */
  readonly vetoes: VetoesResult;
  /** Dimensions the data of this assessment does not cover. */
  readonly notAssessed: Array<{ id: 'quality' | 'recognition'; title: Bilingual }>;
}

const NOT_ASSESSED: CountyAssessment['notAssessed'] = [
  { id: 'quality', title: { zh: '教育质量（9项）', en: 'Education quality (9 items)' } },
  { id: 'recognition', title: { zh: '社会认可度（≥ 85%）', en: 'Public recognition (≥ 85 %)' } },
];

/**
 * The county assessment an inspector makes for 优质均衡 (教督〔2017〕6号), behind opinion **1.1**
 * and **6.3**, on the dimensions data can decide: resource allocation
 * ({@link assessBalancedDevelopment}), the government-guarantee items
 * ({@link assessGovernmentGuarantees}, from `county.guarantees`) and the one-vote vetoes
 * ({@link assessVetoes}, from `county.vetoes`), with a verdict.
 *
 * The verdict is `'fails'` as soon as something decided fails (resources, a guarantee, a veto
 * triggered), `'needs-evidence'` while any item is undecided, and `'meets'` only when every item
 * passes and no veto is triggered or undecided. Education quality and public recognition are not
 * assessed from data and are listed in `notAssessed`: `'meets'` means "meets on the dimensions
 * assessed here".
 *
 * @category Balanced development
 * @param county - `{ id?, name?, schools, guarantees?, vetoes? }`.
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
 */
export function assessCounty(county: County, options?: CalculatorOptions): CountyAssessment {
  const issues: PolicyIssue[] = [];
  const parsed = readCountyStrict(county, issues);
  const ctx = readOptions(options, issues);
  // The evidence is read even when a school row is wrong, so that every problem is reported at once.
  const raw: Record<string, unknown> = isPlainObject(county) ? county : {};
  const g = raw['guarantees'] === undefined || isPlainObject(raw['guarantees']) ? parseInto(guaranteeEvidenceSchema, raw['guarantees'] ?? {}, issues, ['guarantees']) : undefined;
  const v = raw['vetoes'] === undefined || isPlainObject(raw['vetoes']) ? parseInto(vetoEvidenceSchema, raw['vetoes'] ?? {}, issues, ['vetoes']) : undefined;
  throwIfAny(issues);
  const p = balanceParams(ctx, issues) as BalanceParams;
  throwIfAny(issues);
  const c = parsed as CountyRecord;
  const used: UsedValue[] = [];
  const gItems = guaranteeItems(g as NonNullable<typeof g>, options, issues, used, ['guarantees']);
  const vItems = vetoItems(v as NonNullable<typeof v>, options, issues, ['vetoes']);
  throwIfAny(issues);
  const resources = balanceResult(c.id, assessRows(c.rows, p), p);
  const guarantees = guaranteesResult(gItems, used);
  const vetoes = vetoesResult(vItems);
  const verdict: Verdict =
    !resources.compliant || guarantees.failed || vetoes.triggered
      ? 'fails'
      : !guarantees.compliant || vetoes.items.some((i) => i.status === 'needs-evidence')
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
    notAssessed: NOT_ASSESSED.map((x) => ({ ...x })),
    citations: ['1.1', '6.3', '2.2', '4.3', 'jiaodu-2017-6'],
  };
  return defineLazy(out, 'explanation', (): ExplanationStep[] => {
    const gFail = guarantees.items.filter((i) => i.status === 'fails').map((i) => i.id);
    const gNeed = guarantees.items.filter((i) => i.status === 'needs-evidence').map((i) => i.id);
    const vHit = vetoes.items.filter((i) => i.status === 'triggered').map((i) => i.id);
    return [
      ...resources.explanation,
      ...guarantees.explanation,
      ...vetoes.explanation,
      step('6.3',
        `结论：${verdict === 'meets' ? '达到' : verdict === 'fails' ? '未达到' : '尚需补充证据'}。资源配置${resources.compliant ? '达标' : '未达标'}；政府保障未达到 ${gFail.join('、') || '无'}，需补充证据 ${gNeed.join('、') || '无'}；一票否决触发 ${vHit.join('、') || '无'}。教育质量和社会认可度不在本评估范围内`,
        `Verdict: ${verdict}. Resources ${resources.compliant ? 'comply' : 'do not comply'}; guarantees failing: ${gFail.join(', ') || 'none'}, needing evidence: ${gNeed.join(', ') || 'none'}; vetoes triggered: ${vHit.join(', ') || 'none'}. Education quality and public recognition are not assessed here`,
        { verdict }),
    ];
  }) as CountyAssessment;
}

/**
 * {@link assessCounty} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Balanced development
 */
export const safeAssessCounty = makeSafe(assessCounty);
