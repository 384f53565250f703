import { cite, sharedLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { fenToDecimal, fenToYuanString, type Decimal } from '../core/money.js';
import type { UsedValue } from '../core/resolve.js';
import { citationOf, parameterSteps } from '../parameters/steps.js';
import { fundingParameters as F } from './parameters.js';
import { bandText, COVER_BIT, type FloorRule } from './floors.js';
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
  /**
   * True when the part's exact amount is not a whole fen (only parts at a weighted rate can be):
   * `amount` then carries its share of the one rounding, so the parts add up to the school's amount.
   */
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
  /** The id of the floor band that raised `fundedPupils` (`'national-under-100'`, `'district-100-to-200'`, or a band of a patched list), or `null`. */
  readonly floorApplied: FloorApplied;
  /** Total public funding in yuan: the exact amount rounded once, half up, to the fen. */
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

/** The parameter whose source a component cites (the floor's is decided by the band applied). */
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

/** What the default bands cite: the national floor its national source, the opinion's band 5.1. */
const BAND_CITATION: Readonly<Record<string, string>> = { 'national-under-100': 'gf-2015-67', 'district-100-to-200': '5.1' };

/** The citation of a floor band: the default bands' own, else the source of the list in force, else 5.1. */
function bandCitation(floorApplied: FloorApplied, c: FundingContext): string {
  return (floorApplied === null ? undefined : BAND_CITATION[floorApplied]) ?? citationOf(c.used.get(F.floors.path)) ?? '5.1';
}

function provisionOf(id: ComponentId, floorApplied: FloorApplied, c: FundingContext): string {
  if (id === 'floor') return bandCitation(floorApplied, c);
  if (id === 'disabled-benchmark-withdrawn') return citationOf(c.used.get(F.benchmark.primary.path)) ?? 'gf-2015-67';
  return citationOf(c.used.get(COMPONENT_SOURCE[id].path)) ?? '5.1';
}

/** A part's exact amount in yuan (signed). */
function exactOf(part: RawComponent): Decimal {
  const sign = part.id === 'disabled-benchmark-withdrawn' ? -1 : 1;
  return fenToDecimal(part.rateNumerator).times(sign * part.pupils).dividedBy(part.rateDenominator);
}

/** An exact amount for the explanation: `12666.6667…` shown to four places with `≈`, or exactly. */
function approx(value: Decimal): string {
  const shown = value.toDecimalPlaces(4);
  return shown.equals(value) ? shown.toString() : `≈ ${shown.toString()}`;
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
  if (floorApplied !== null) cite(list, bandCitation(floorApplied, c));
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

function floorStep(school: SchoolRecord, outcome: FundingOutcome, c: FundingContext): ExplanationStep {
  const n = outcome.pupils;
  const bands = c.p.floors;
  switch (outcome.floorReason) {
    case 'band': {
      const rule = bands[outcome.floorIndex] as FloorRule;
      const text = bandText(rule.band);
      const counted = rule.stage === 0 ? { zh: '', en: '' } : rule.stage === 1 ? { zh: `（其中小学 ${school.primary} 人）`, en: ` (${school.primary} primary)` } : { zh: `（其中初中 ${school.junior} 人）`, en: ` (${school.junior} junior)` };
      const added = outcome.fundedPupils - n;
      return step(bandCitation(outcome.floorApplied, c),
        `保底 ${text.zh}：在校生 ${n} 人${counted.zh}，增加 ${added} 人，按 ${outcome.fundedPupils} 人核定`,
        `Floor ${text.en}; ${n} pupils${counted.en}, ${added} added: funded as ${outcome.fundedPupils}`,
        { pupils: n, fundedPupils: outcome.fundedPupils, floor: rule.id });
    }
    case 'special-education':
      return step(undefined, '特殊教育学校按特教生均标准核定，不适用保底', 'A special-education school is funded at the special-education rate; no floor applies', { pupils: n });
    case 'not-covered':
      return step('5.1',
        `所在地 ${LOCATION_ZH[school.location]}、类型 ${KIND_ZH[school.kind]} 不在保底范围内，按在校生 ${n} 人核定`,
        `No floor covers a ${school.kind} in a ${school.location} location; funded for its ${n} pupils`,
        { pupils: n, fundedPupils: n });
    case 'outside-bands': {
      const bits = COVER_BIT[school.location] | (school.kind === 'special-education' ? 0 : COVER_BIT[school.kind]);
      const counted = [school.primary + school.junior, school.primary, school.junior];
      const covering = bands.filter((b) => (b.covers & bits) !== 0 && (b.stage === 0 || (counted[b.stage] as number) > 0)).map((b) => bandText(b.band));
      return step('5.1',
        `适用于本校的保底：${covering.map((t) => t.zh).join('；')}；在校生 ${n} 人（小学 ${school.primary}、初中 ${school.junior}），不在任何一档内，不适用保底`,
        `Floors covering this school: ${covering.map((t) => t.en).join('; ')}; with ${n} pupils (${school.primary} primary, ${school.junior} junior) it is in no band, and no floor applies`,
        { pupils: n, fundedPupils: n });
    }
  }
}

/** Whether a parameter value bears on this school's result (the explanation quotes only those). */
function relevant(path: string, school: SchoolRecord, outcome: FundingOutcome, c: FundingContext): boolean {
  const ids = outcome.components.map((part) => part.id);
  if (path === F.benchmark.primary.path) return ids.includes('benchmark-primary') || ids.includes('floor') || ids.includes('disabled-benchmark-withdrawn');
  if (path === F.benchmark.junior.path) return ids.includes('benchmark-junior') || ids.includes('floor') || ids.includes('disabled-benchmark-withdrawn');
  if (path === F.specialEducation.path) return ids.includes('special-education');
  if (path === F.boardingSupplement.path) return ids.includes('boarding');
  if (path === F.disabledPupils.path) return school.disabled > 0 && school.kind !== 'special-education';
  if (path === F.floorMixedStageRate.path) return ids.includes('floor') && school.primary > 0 && school.junior > 0 && c.p.floors[outcome.floorIndex]?.stage === 0;
  if (path === F.floors.path) return outcome.floorReason !== 'special-education';
  return false;
}

/** The explanation of one school's result. @internal */
export function fundingExplanation(school: SchoolRecord, outcome: FundingOutcome, c: FundingContext): ExplanationStep[] {
  const { primary, junior, disabled } = school;
  const boarders = school.boardersPrimary + school.boardersJunior;
  const steps: ExplanationStep[] = [
    step(undefined,
      `学校 ${school.id}：${LOCATION_ZH[school.location]}${KIND_ZH[school.kind]}，在校生小学 ${primary} 人、初中 ${junior} 人，寄宿生 ${boarders} 人，随班就读残疾学生 ${disabled} 人`,
      `School ${school.id}: ${school.location} ${school.kind}, ${primary} primary and ${junior} junior pupils, ${boarders} boarders, ${disabled} disabled pupils in mainstream classes`,
      { primary, junior, boarders, disabledPupils: disabled }),
    ...parameterSteps([...c.used.values()].filter((u) => relevant(u.path, school, outcome, c))),
    floorStep(school, outcome, c),
  ];
  let rounded = false;
  for (const part of outcome.components) {
    const label = LABEL[part.id];
    const amount = fenToYuanString(part.fen);
    let rounding = { zh: '', en: '' };
    if (part.rounded) {
      rounded = true;
      const exact = approx(exactOf(part));
      rounding = {
        zh: `（按本校小学、初中人数加权的定额；精确值 ${exact}，与前面的加权部分累计后四舍五入到分，各部分之和即只舍入一次的合计）`,
        en: ` (weighted by the school's own primary/junior mix; exact ${exact}, rounded half up to the fen as a running total with the weighted parts before it, so the parts add up to the amount rounded once)`,
      };
    } else if (part.rateDenominator !== 1) rounding = { zh: '（按本校小学、初中人数加权的定额，恰为整分）', en: ' (weighted rate, exact to the fen)' };
    const product = part.id === 'disabled-benchmark-withdrawn' ? `−(${part.pupils} × ${rateText(part)})` : `${part.pupils} × ${rateText(part)}`;
    steps.push(step(provisionOf(part.id, outcome.floorApplied, c),
      `${label.zh}：${product} = ${amount} 元${rounding.zh}`,
      `${label.en}: ${product} = ${amount} yuan${rounding.en}`,
      { pupils: part.pupils, rate: rateText(part), amount, rounded: part.rounded }));
  }
  const total = fenToYuanString(outcome.amountFen);
  if (rounded) {
    const exact = approx(outcome.components.reduce((sum, part) => sum.plus(exactOf(part)), fenToDecimal(0)));
    steps.push(step('5.1', `公用经费合计 ${total} 元（精确值 ${exact}，只舍入一次：四舍五入到分）`, `Total public funding: ${total} yuan (exact ${exact}, rounded once, half up, to the fen)`, { amount: total, exact }));
  } else {
    steps.push(step('5.1', `公用经费合计 ${total} 元`, `Total public funding: ${total} yuan`, { amount: total }));
  }
  return steps;
}

/**
 * A school's result. `amount` and `components` are own, enumerable properties made on first read
 * (the amount from its integer fen, the components by re-running the pure rule on the school) and
 * kept in private fields, so a frozen result reads them too; `explanation` is a non-enumerable getter
 * (see {@link Explained}). JSON (`toJSON`) formats amounts straight from fen and builds components
 * without keeping them, so serialising a national roster makes no `Decimal` per school. A batch of
 * 200,000 results holds only the school, its figures and a shared citation list until somebody asks.
 *
 * @internal
 */
class FundingResultRecord {
  readonly schoolId: string;
  readonly fundedPupils: number;
  readonly floorApplied: FloorApplied;
  declare readonly amount: Decimal;
  declare readonly citations: string[];
  declare readonly components: FundingComponent[];
  readonly #school: SchoolRecord;
  readonly #params: FundingContext;
  readonly #amountFen: number;
  #amount: Decimal | undefined;
  #components: FundingComponent[] | undefined;
  #explanation: ExplanationStep[] | undefined;

  constructor(school: SchoolRecord, outcome: FundedFigures, citations: string[], params: FundingContext) {
    this.schoolId = school.id;
    this.fundedPupils = outcome.fundedPupils;
    this.floorApplied = outcome.floorApplied;
    // Shared descriptors, defined in the order the fields had as plain properties (JSON keeps it).
    Object.defineProperty(this, 'amount', FundingResultRecord.lazy.amount);
    this.citations = citations;
    this.#school = school;
    this.#params = params;
    this.#amountFen = outcome.amountFen;
    Object.defineProperty(this, 'components', FundingResultRecord.lazy.components);
  }

  get explanation(): ExplanationStep[] {
    return (this.#explanation ??= fundingExplanation(this.#school, publicFundingRule(this.#school, this.#params.p), this.#params));
  }

  /** The result's JSON form: its data, amounts as exact decimal strings, no explanation. */
  toJSON(): object {
    return {
      schoolId: this.schoolId,
      fundedPupils: this.fundedPupils,
      floorApplied: this.floorApplied,
      amount: fenToYuanString(this.#amountFen),
      citations: this.citations,
      components: this.#components ?? plainComponents(publicFundingRule(this.#school, this.#params.p), this.#params),
    };
  }

  static readonly lazy = {
    amount: sharedLazy<FundingResultRecord, Decimal>('amount', (r) => (r.#amount ??= fenToDecimal(r.#amountFen)), { keep: false }),
    components: sharedLazy<FundingResultRecord, FundingComponent[]>(
      'components',
      (r) => (r.#components ??= fundingComponents(publicFundingRule(r.#school, r.#params.p), r.#params)),
      { keep: false },
    ),
  };
}

/** The components' JSON form, made without a `Decimal` where the rate is whole fen. */
function plainComponents(outcome: FundingOutcome, c: FundingContext): object[] {
  const parts = outcome.components;
  const out = new Array<object>(parts.length);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as RawComponent;
    out[k] = {
      id: part.id,
      provision: provisionOf(part.id, outcome.floorApplied, c),
      pupils: part.pupils,
      rate: part.rateDenominator === 1 ? rateString(part.rateNumerator) : fenToDecimal(part.rateNumerator).dividedBy(part.rateDenominator).toString(),
      amount: fenToYuanString(part.fen),
      rounded: part.rounded,
    };
  }
  return out;
}

/** Rates repeat across a roster: their strings are kept (a few dozen at most). */
const RATE_STRINGS = new Map<number, string>();
function rateString(fen: number): string {
  let text = RATE_STRINGS.get(fen);
  if (text === undefined) {
    text = fenToYuanString(fen);
    if (RATE_STRINGS.size < 256) RATE_STRINGS.set(fen, text);
  }
  return text;
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
