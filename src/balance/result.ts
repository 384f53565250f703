import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import type { UsedValue } from '../core/resolve.js';
import type { Stage } from '../core/types.js';
import { parameterSteps } from '../parameters/steps.js';
import { INDICATOR_TEXT } from './parameters.js';
import { FACTOR, indicatorValue, quantity, type BalanceParams, type SchoolOutcome, type StageOutcome } from './rule.js';
import { INDICATORS, type IndicatorId } from './schemas.js';

/** One indicator of a stage across its assessed schools. @category Balanced development */
export interface IndicatorAssessment {
  readonly id: IndicatorId;
  /** The per-school minimum, in the unit users see (4.2 teachers per 100 pupils, 2000 yuan per pupil). */
  readonly threshold: number;
  /** The pupil-weighted mean X̄ over the assessed schools (0 when none). */
  readonly countyValue: number;
  /** The pupil-weighted difference coefficient over the assessed schools. */
  readonly coefficient: number;
  readonly coefficientLimit: number;
  /** `coefficient ≤ coefficientLimit` (the limit included). */
  readonly passes: boolean;
  /** Assessed schools meeting the threshold. */
  readonly schoolsMeeting: number;
}

/** An indicator a school does not meet, and by how much. @category Balanced development */
export interface MissedIndicator {
  readonly id: IndicatorId;
  readonly value: number;
  readonly threshold: number;
  /** value ÷ threshold (a float, for reading; the decision is exact). */
  readonly shareOfThreshold: number;
  /** Whether it still reaches the near-miss share of its threshold (decided exactly). */
  readonly nearMiss: boolean;
}

/** One school (one row) of a stage. @category Balanced development */
export interface SchoolAssessment {
  readonly id: string;
  /** A teaching point under the minimum pupils: listed, but no part in coefficients or compliance. */
  readonly excluded: boolean;
  /** The seven indicator values (floats for reading; every threshold decision is exact). */
  readonly values: Record<IndicatorId, number>;
  readonly metCount: number;
  /** For an excluded row: what the rule would say, for information only. */
  readonly compliant: boolean;
  /** The indicators it misses, with how far. */
  readonly missed: MissedIndicator[];
}

/** The assessment of one stage. @category Balanced development */
export interface StageAssessment {
  /** Every assessed school complies and every coefficient is within its limit. */
  readonly compliant: boolean;
  readonly indicators: IndicatorAssessment[];
  /** Every row of the stage in input order, excluded ones included. */
  readonly schools: SchoolAssessment[];
}

/** What {@link assessBalancedDevelopment} returns. @category Balanced development */
export interface BalancedDevelopmentResult extends Explained {
  /** The county's id, when given. */
  readonly id?: string;
  /** Every stage present complies. */
  readonly compliant: boolean;
  readonly stages: { primary?: StageAssessment; junior?: StageAssessment };
}

/** A scaled threshold (ten-thousandths) back to the unit users see. @internal */
export const thresholdValue = (scaled: number): number => scaled / 10_000;

function missedOf(s: SchoolOutcome, p: BalanceParams): MissedIndicator[] {
  const out: MissedIndicator[] = [];
  const t = p.thresholds[s.row.stage];
  for (let k = 0; k < 7; k++) {
    if ((s.metMask & (1 << k)) !== 0) continue;
    const value = indicatorValue(s.row, k);
    const threshold = thresholdValue(t[k] as number);
    out.push({ id: INDICATORS[k] as IndicatorId, value, threshold, shareOfThreshold: threshold === 0 ? 1 : value / threshold, nearMiss: (s.farMask & (1 << k)) === 0 });
  }
  return out;
}

function schoolAssessment(s: SchoolOutcome, p: BalanceParams): SchoolAssessment {
  const r = s.row;
  const values = {
    L1: indicatorValue(r, 0), L2: indicatorValue(r, 1), L3: indicatorValue(r, 2), L4: indicatorValue(r, 3),
    L5: indicatorValue(r, 4), L6: indicatorValue(r, 5), L7: indicatorValue(r, 6),
  };
  // Most schools miss nothing; the others miss one or two: built now, no closure kept per school.
  return { id: r.id, excluded: s.excluded, values, metCount: s.metCount, compliant: s.compliant, missed: s.metCount === 7 ? [] : missedOf(s, p) };
}

/** The public form of a stage. @internal */
export function stageAssessment(o: StageOutcome, p: BalanceParams): StageAssessment {
  const limit = (p.limitBp[o.stage] as number) / 10_000;
  const t = p.thresholds[o.stage];
  return {
    compliant: o.compliant,
    indicators: o.indicators.map((i) => ({
      id: INDICATORS[i.k] as IndicatorId,
      threshold: thresholdValue(t[i.k] as number),
      countyValue: i.countyValue,
      coefficient: i.coefficient,
      coefficientLimit: limit,
      passes: i.passes,
      schoolsMeeting: i.schoolsMeeting,
    })),
    schools: o.schools.map((s) => schoolAssessment(s, p)),
  };
}

/** Bilingual names of the indicators, for messages (from the parameter definitions). @internal */
export const INDICATOR_NAME: Record<IndicatorId, { zh: string; en: string; unit: string }> = Object.fromEntries(
  Object.entries(INDICATOR_TEXT).map(([id, t]) => [id, { zh: t.zh, en: t.en.charAt(0).toLowerCase() + t.en.slice(1), unit: t.suffix }]),
) as Record<IndicatorId, { zh: string; en: string; unit: string }>;

const STAGE_ZH: Record<Stage, string> = { primary: '小学', junior: '初中' };
const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

/** Quantity as users gave it: fen back to yuan for L6. */
const quantityText = (s: SchoolOutcome, k: number): string => (k === 5 ? String(quantity(s.row, k) / 100) : String(quantity(s.row, k)));

/** The explanation steps of one stage. @internal */
export function stageSteps(o: StageOutcome, p: BalanceParams): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  const zh = STAGE_ZH[o.stage];
  const limit = (p.limitBp[o.stage] as number) / 10_000;
  const t = p.thresholds[o.stage];
  const excluded = o.schools.filter((s) => s.excluded).map((s) => s.row.id);
  steps.push(step('jiaodu-2017-6',
    `${zh}：共 ${o.schools.length} 所学校，参评 ${o.assessed} 所${excluded.length === 0 ? '' : `；不足 ${p.teachingPointMinimum} 人的教学点不参评：${excluded.join('、')}`}`,
    `${o.stage}: ${o.schools.length} schools, ${o.assessed} assessed${excluded.length === 0 ? '' : `; teaching points under ${p.teachingPointMinimum} pupils excluded: ${excluded.join(', ')}`}`,
    { stage: o.stage, schools: o.schools.length, assessed: o.assessed }));
  for (const s of o.schools) {
    if (s.excluded) continue;
    const parts: { zh: string[]; en: string[] } = { zh: [], en: [] };
    for (let k = 0; k < 7; k++) {
      const id = INDICATORS[k] as IndicatorId;
      const f = FACTOR[k] as { num: number; den: number };
      const value = round(indicatorValue(s.row, k));
      const th = thresholdValue(t[k] as number);
      const met = (s.metMask & (1 << k)) !== 0;
      const near = (s.farMask & (1 << k)) === 0;
      const formula = `${quantityText(s, k)}${f.num === 100 ? '×100' : ''}/${s.row.pupils}`;
      const mark = met ? '≥' : '<';
      parts.zh.push(`${id} ${formula} = ${value} ${mark} ${th}${met ? '' : near ? '（达到标准的' + p.nearMissBp / 100 + '%）' : '（低于标准的' + p.nearMissBp / 100 + '%）'}`);
      parts.en.push(`${id} ${formula} = ${value} ${mark} ${th}${met ? '' : near ? ` (reaches ${p.nearMissBp / 100} % of it)` : ` (below ${p.nearMissBp / 100} % of it)`}`);
    }
    steps.push(step('jiaodu-2017-6',
      `${zh}学校 ${s.row.id}（${s.row.pupils} 人）：${parts.zh.join('；')}。达标 ${s.metCount} 项，${s.compliant ? '达到要求' : '未达到要求'}（至少 ${p.minimumMet} 项达标且其余不低于标准的 ${p.nearMissBp / 100}%）`,
      `${o.stage} school ${s.row.id} (${s.row.pupils} pupils): ${parts.en.join('; ')}. ${s.metCount} met: ${s.compliant ? 'complies' : 'does not comply'} (at least ${p.minimumMet} met and the rest at ${p.nearMissBp / 100} % of their thresholds)`,
      { id: s.row.id, stage: o.stage, metCount: s.metCount, compliant: s.compliant }));
  }
  for (const i of o.indicators) {
    const id = INDICATORS[i.k] as IndicatorId;
    const name = INDICATOR_NAME[id];
    steps.push(step('jiaodu-2017-6',
      `${zh}${id}（${name.zh}）：县域均值 X̄ = ${round(i.countyValue)}，按学生数加权的差异系数 ${round(i.coefficient)} ${i.passes ? '≤' : '>'} ${limit}，${i.passes ? '达到要求' : '未达到要求'}`,
      `${o.stage} ${id} (${name.en}): county value X̄ = ${round(i.countyValue)}${name.unit}, pupil-weighted difference coefficient ${round(i.coefficient)} ${i.passes ? '≤' : '>'} ${limit}: ${i.passes ? 'within the limit' : 'above the limit'}`,
      { stage: o.stage, id, countyValue: i.countyValue, coefficient: i.coefficient, limit, passes: i.passes }));
  }
  steps.push(step('6.3',
    `${zh}${o.compliant ? '达到' : '未达到'}资源配置要求（每所参评学校达标、每项差异系数不超过 ${limit}）`,
    `${o.stage}: resource allocation ${o.compliant ? 'complies' : 'does not comply'} (every assessed school complies and every coefficient ≤ ${limit})`,
    { stage: o.stage, compliant: o.compliant }));
  return steps;
}

/** Citations of every assessment. @internal */
export const BALANCE_CITATIONS: readonly string[] = ['1.1', '6.3', 'jiaodu-2017-6'];

/** Builds the result of one county: stages now, the explanation on first read. @internal */
export function balanceResult(id: string | undefined, outcomes: readonly StageOutcome[], p: BalanceParams, used: readonly UsedValue[]): BalancedDevelopmentResult {
  const stages: { primary?: StageAssessment; junior?: StageAssessment } = {};
  for (const o of outcomes) stages[o.stage] = stageAssessment(o, p);
  const compliant = outcomes.every((o) => o.compliant);
  const result = { ...(id === undefined ? {} : { id }), compliant, stages, citations: [...BALANCE_CITATIONS] };
  return defineLazy(result, 'explanation', (): ExplanationStep[] => [
    ...parameterSteps(used, '6.3'),
    ...outcomes.flatMap((o) => stageSteps(o, p)),
    step('6.3',
      outcomes.length === 0 ? '没有学校，无可评估' : `县域资源配置${compliant ? '达到' : '未达到'}优质均衡要求（每个学段均须达到）`,
      outcomes.length === 0 ? 'No schools: nothing to assess' : `Resource allocation of the county ${compliant ? 'complies' : 'does not comply'} (every stage present must comply)`,
      { compliant }),
  ]) as BalancedDevelopmentResult;
}
