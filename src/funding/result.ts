import { cite, sharedLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { fenToDecimal, fenToYuanString, type Decimal } from '../core/money.js';
import type { UsedValue } from '../core/resolve.js';
import { citationOf, parameterSteps } from '../parameters/steps.js';
import { fundingParameters as F } from './parameters.js';
import { publicFundingRule, type ComponentId, type FloorApplied, type FundingOutcome, type FundingParams, type RawComponent } from './rule.js';
import type { SchoolRecord } from '../core/school.js';

/**
 * One itemised part of a school's public funding.
 *
 * @category Funding
 */
export interface FundingComponent {
  readonly id: ComponentId;
  /** The provision or national source the part comes from. */
  readonly provision: string;
  /** Pupils (or boarders) the part is for. */
  readonly pupils: number;
  /** Yuan per pupil per year. A weighted rate (mixed primary/junior school) is a repeating fraction shown to 40 significant digits; `amount` is computed from the exact fraction. */
  readonly rate: Decimal;
  /** Yuan; negative for a withdrawn benchmark. */
  readonly amount: Decimal;
  /** True when `amount` was rounded half up to the fen (only weighted rates are). */
  readonly rounded: boolean;
}

/**
 * What {@link publicFunding} returns.
 *
 * @category Funding
 */
export interface PublicFundingResult extends Explained {
  readonly schoolId: string;
  /** Pupils funded after floors. */
  readonly fundedPupils: number;
  /** The floor that raised `fundedPupils`, if any. */
  readonly floorApplied: FloorApplied;
  /** Total public funding in yuan, exact. */
  readonly amount: Decimal;
  /** The parts of `amount`; they add up to it exactly. */
  readonly components: FundingComponent[];
}

/**
 * The parameters a call resolved, and what was read of them (by path) for citations and
 * explanations.
 *
 * @internal
 */
export interface FundingContext {
  readonly p: FundingParams;
  readonly used: ReadonlyMap<string, UsedValue>;
}

/** The parameter whose source a component cites (the floor's is decided by the floor applied). */
const COMPONENT_SOURCE: Record<Exclude<ComponentId, 'floor'>, { readonly path: string }> = {
  'benchmark-primary': F.benchmark.primary,
  'benchmark-junior': F.benchmark.junior,
  'disabled-benchmark-withdrawn': F.disabledPupils,
  'special-education': F.specialEducation,
  boarding: F.boardingSupplement,
};

const LABEL: Record<ComponentId, { zh: string; en: string }> = {
  'benchmark-primary': { zh: '小学生均公用经费基准定额', en: 'primary benchmark' },
  'benchmark-junior': { zh: '初中生均公用经费基准定额', en: 'junior benchmark' },
  floor: { zh: '保底增加人数', en: 'pupils added by the floor' },
  'disabled-benchmark-withdrawn': { zh: '随班就读残疾学生不再按学段定额', en: 'stage benchmark withdrawn for disabled pupils' },
  'special-education': { zh: '特殊教育生均公用经费', en: 'special-education rate' },
  boarding: { zh: '寄宿生公用经费补助', en: 'boarding supplement' },
};

const LOCATION_ZH = { urban: '城区', town: '镇区', rural: '乡村' } as const;
const KIND_ZH = { school: '学校', 'teaching-point': '教学点', 'special-education': '特殊教育学校' } as const;

function provisionOf(id: ComponentId, floorApplied: FloorApplied, c: FundingContext): string {
  if (id === 'floor') return floorApplied === 'district-100-to-200' ? '5.1' : 'gf-2015-67';
  if (id === 'disabled-benchmark-withdrawn') return citationOf(c.used.get(F.benchmark.primary.path)) ?? 'gf-2015-67';
  return citationOf(c.used.get(COMPONENT_SOURCE[id].path)) ?? '5.1';
}

/** `600`, or for a weighted rate `108000/150 (= 720)`, `108050/151 (≈ 715.5629)`. */
function rateText(part: RawComponent): string {
  if (part.rateDenominator === 1) return fenToYuanString(part.rateNumerator);
  const exact = fenToDecimal(part.rateNumerator).dividedBy(part.rateDenominator);
  const shown = exact.toDecimalPlaces(4);
  return `${fenToYuanString(part.rateNumerator)}/${part.rateDenominator} (${shown.equals(exact) ? '=' : '≈'} ${shown.toString()})`;
}

/** The citations of one school's result. @internal */
export function fundingCitations(components: ReadonlyArray<{ readonly id: ComponentId }>, floorApplied: FloorApplied, c: FundingContext): string[] {
  const list = ['5.1'];
  for (const part of components) {
    const id = provisionOf(part.id, floorApplied, c);
    if (!list.includes(id)) list.push(id);
  }
  if (floorApplied === 'national-under-100') cite(list, citationOf(c.used.get(F.floors.national.below.path)) ?? 'gf-2015-67');
  return list;
}

/** Itemised components as decimals. @internal */
export function fundingComponents(outcome: FundingOutcome, c: FundingContext): FundingComponent[] {
  return outcome.components.map((part) => ({
    id: part.id,
    provision: provisionOf(part.id, outcome.floorApplied, c),
    pupils: part.pupils,
    rate: part.rateDenominator === 1 ? fenToDecimal(part.rateNumerator) : fenToDecimal(part.rateNumerator).dividedBy(part.rateDenominator),
    amount: fenToDecimal(part.fen),
    rounded: part.rounded,
  }));
}

function floorStep(school: SchoolRecord, outcome: FundingOutcome, p: FundingParams): ExplanationStep {
  const n = outcome.pupils;
  switch (outcome.floorReason) {
    case 'national':
      return step('gf-2015-67',
        `农村村小和教学点不足 ${p.national.below} 人的按 ${p.national.fundedAs} 人核定公用经费：在校生 ${n} 人，按 ${outcome.fundedPupils} 人核定`,
        `National floor: a rural village school or teaching point with fewer than ${p.national.below} pupils is funded as ${p.national.fundedAs}; ${n} pupils are funded as ${outcome.fundedPupils}`,
        { pupils: n, fundedPupils: outcome.fundedPupils });
    case 'district': {
      const d = p.district;
      return step('5.1',
        `对农村超过 ${d?.above} 人不足 ${d?.below} 人的规模较小的学校，按 ${d?.fundedAs} 人核定公用经费：在校生 ${n} 人，按 ${outcome.fundedPupils} 人核定`,
        `Opinion 5.1: a rural school with more than ${d?.above} and fewer than ${d?.below} pupils is funded as ${d?.fundedAs}; ${n} pupils are funded as ${outcome.fundedPupils}`,
        { pupils: n, fundedPupils: outcome.fundedPupils });
    }
    case 'special-education':
      return step(undefined, '特殊教育学校按特教生均标准核定，不适用保底', 'A special-education school is funded at the special-education rate; no floor applies', { pupils: n });
    case 'not-covered':
      return step('5.1',
        `所在地 ${LOCATION_ZH[school.location]}、类型 ${KIND_ZH[school.kind]} 不在保底范围内，按在校生 ${n} 人核定`,
        `No floor covers a ${school.kind} in a ${school.location} location; funded for its ${n} pupils`,
        { pupils: n, fundedPupils: n });
    case 'outside-bands': {
      const d = p.district;
      const bands = d === undefined
        ? { zh: `不足 ${p.national.below} 人（区级保底在 ${'该日期'} 尚未施行）`, en: `fewer than ${p.national.below} (the opinion's floor is not in force on that date)` }
        : { zh: `不足 ${p.national.below} 人，或超过 ${d.above} 人不足 ${d.below} 人`, en: `fewer than ${p.national.below}, or more than ${d.above} and fewer than ${d.below}` };
      return step('5.1',
        `保底只适用于在校生${bands.zh}的学校；在校生 ${n} 人，不适用保底`,
        `Floors apply to schools with ${bands.en} pupils; with ${n} pupils no floor applies`,
        { pupils: n, fundedPupils: n });
    }
  }
}

/** Whether a parameter value bears on this school's result (the explanation quotes only those). */
function relevant(path: string, school: SchoolRecord, outcome: FundingOutcome): boolean {
  const ids = outcome.components.map((c) => c.id);
  const under = (node: object): boolean => Object.values(node).some((leaf: { path: string }) => leaf.path === path);
  if (path === F.benchmark.primary.path) return ids.includes('benchmark-primary') || ids.includes('floor') || ids.includes('disabled-benchmark-withdrawn');
  if (path === F.benchmark.junior.path) return ids.includes('benchmark-junior') || ids.includes('floor') || ids.includes('disabled-benchmark-withdrawn');
  if (path === F.specialEducation.path) return ids.includes('special-education');
  if (path === F.boardingSupplement.path) return ids.includes('boarding');
  if (path === F.disabledPupils.path) return school.disabled > 0 && school.kind !== 'special-education';
  if (path === F.floors.mixedStageRate.path) return ids.includes('floor') && school.primary > 0 && school.junior > 0;
  const floorShown = outcome.floorReason === 'outside-bands' || outcome.floorReason === 'not-covered';
  if (under(F.floors.national)) return outcome.floorReason === 'national' || floorShown;
  if (under(F.floors.district)) return outcome.floorReason === 'district' || floorShown;
  return false;
}

/** The explanation of one school's result. @internal */
export function fundingExplanation(school: SchoolRecord, outcome: FundingOutcome, c: FundingContext): ExplanationStep[] {
  const p = c.p;
  const { primary, junior, disabled } = school;
  const boarders = school.boardersPrimary + school.boardersJunior;
  const steps: ExplanationStep[] = [
    step(undefined,
      `学校 ${school.id}：${LOCATION_ZH[school.location]}${KIND_ZH[school.kind]}，在校生小学 ${primary} 人、初中 ${junior} 人，寄宿生 ${boarders} 人，随班就读残疾学生 ${disabled} 人`,
      `School ${school.id}: ${school.location} ${school.kind}, ${primary} primary and ${junior} junior pupils, ${boarders} boarders, ${disabled} disabled pupils in mainstream classes`,
      { primary, junior, boarders, disabledPupils: disabled }),
    ...parameterSteps([...c.used.values()].filter((u) => relevant(u.path, school, outcome))),
    floorStep(school, outcome, p),
  ];
  for (const part of outcome.components) {
    const label = LABEL[part.id];
    const amount = fenToYuanString(part.fen);
    const rounding = part.rounded ? { zh: '（按本校小学、初中人数加权的定额，四舍五入到分）', en: ' (weighted by the school\'s own primary/junior mix, rounded half up to the fen)' } : part.rateDenominator === 1 ? { zh: '', en: '' } : { zh: '（按本校小学、初中人数加权的定额，恰为整分）', en: ' (weighted rate, exact to the fen)' };
    const product = part.fen < 0 ? `−(${part.pupils} × ${rateText(part)})` : `${part.pupils} × ${rateText(part)}`;
    steps.push(step(provisionOf(part.id, outcome.floorApplied, c),
      `${label.zh}：${product} = ${amount} 元${rounding.zh}`,
      `${label.en}: ${product} = ${amount} yuan${rounding.en}`,
      { pupils: part.pupils, rate: rateText(part), amount, rounded: part.rounded }));
  }
  const total = fenToYuanString(outcome.amountFen);
  steps.push(step('5.1', `公用经费合计 ${total} 元`, `Total public funding: ${total} yuan`, { amount: total }));
  return steps;
}

/**
 * A school's result. `components` and `explanation` are own, enumerable properties computed on first
 * read (from the school and the shared parameters, re-running the pure rule) and then kept: JSON,
 * spreading and deep equality see ordinary arrays, and a batch of 200,000 results holds only the
 * school and its amount until somebody asks. The accessors are shared by every result.
 *
 * @internal
 */
class FundingResultRecord {
  readonly schoolId: string;
  readonly fundedPupils: number;
  readonly floorApplied: FloorApplied;
  readonly amount: Decimal;
  readonly citations: string[];
  declare components: FundingComponent[];
  declare explanation: ExplanationStep[];
  readonly #school: SchoolRecord;
  readonly #params: FundingContext;

  constructor(school: SchoolRecord, outcome: FundedFigures, citations: string[], params: FundingContext) {
    this.schoolId = school.id;
    this.fundedPupils = outcome.fundedPupils;
    this.floorApplied = outcome.floorApplied;
    this.amount = fenToDecimal(outcome.amountFen);
    this.citations = citations;
    this.#school = school;
    this.#params = params;
    // Two defineProperty calls with shared descriptors: much cheaper than defineProperties or closures.
    Object.defineProperty(this, 'components', FundingResultRecord.lazy.components);
    Object.defineProperty(this, 'explanation', FundingResultRecord.lazy.explanation);
  }

  static readonly lazy = {
    components: sharedLazy<FundingResultRecord, FundingComponent[]>('components', (r) => fundingComponents(publicFundingRule(r.#school, r.#params.p), r.#params)),
    explanation: sharedLazy<FundingResultRecord, ExplanationStep[]>('explanation', (r) =>
      fundingExplanation(r.#school, publicFundingRule(r.#school, r.#params.p), r.#params),
    ),
  };
}

/**
 * Builds a school's result: the exact amount now, components and explanation when first read.
 *
 * @internal
 */
export function fundingResult(school: SchoolRecord, outcome: FundingOutcome, p: FundingContext): PublicFundingResult {
  return new FundingResultRecord(school, outcome, fundingCitations(outcome.components, outcome.floorApplied, p), p);
}

/** The figures a school's result quotes: what a batch keeps of each school's outcome. @internal */
export interface FundedFigures {
  readonly fundedPupils: number;
  readonly floorApplied: FloorApplied;
  readonly amountFen: number;
}

/**
 * A school's result from its figures and its citations (a batch computes each distinct citation
 * list once). Components and explanation are rebuilt from the school when read.
 *
 * @internal
 */
export function fundedResult(school: SchoolRecord, figures: FundedFigures, citations: string[], p: FundingContext): PublicFundingResult {
  return new FundingResultRecord(school, figures, citations, p);
}
