/**
 * The nine education-quality items (教育质量) of the 优质均衡 county assessment (教督〔2017〕6号,
 * national-standards §5.3), as a table like the guarantees': each item's id, title, what it needs
 * and how it is judged from validated evidence. The figures are compared exactly, in integers.
 *
 * @module
 */
import { yuanToFen } from '../core/money.js';
import type { Resolved } from '../core/resolve.js';
import type { Bilingual } from '../core/types.js';
import { decimalUnits, productAtLeast, shareAtLeast } from '../core/util.js';
import type { ParameterTree } from '../parameters/tree.js';
import type { QualityEvidenceRecord } from './evidence.js';
import { bi, findingNeeds, inspectorFinding, judged, judgeTable, pct, type ItemRule } from './itemTable.js';

/** Ids of the education-quality items. @category Balanced development */
export type QualityId = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'Q6' | 'Q7' | 'Q8' | 'Q9';

/** One education-quality item. @category Balanced development */
export interface QualityItem {
  readonly id: QualityId;
  readonly title: Bilingual;
  readonly status: 'passes' | 'fails' | 'needs-evidence';
  /** Why: what was compared, or what evidence is missing. */
  readonly reason: Bilingual;
}

/** The education-quality dimension of {@link assessCounty}. @category Balanced development */
export interface QualityResult {
  /** `'fails'` when an item fails; else `'needs-evidence'` while an item is undecided; else `'passes'`. */
  readonly status: 'passes' | 'fails' | 'needs-evidence';
  readonly items: QualityItem[];
}

/** What the quality items read. @internal */
export const qualityReads = (p: ParameterTree) => p.balance.quality;

/** The quality figures resolved for a day (shares in basis points, the rate in ten-thousandths). @category Balanced development */
export type QualityParameters = Resolved<ReturnType<typeof qualityReads>>;

type Judgement = Pick<QualityItem, 'status' | 'reason'>;

type QualityRule = ItemRule<QualityId, Judgement, [e: QualityEvidenceRecord, p: QualityParameters]>;

type Finding = 'charterAndDigitalManagement' | 'ictUse' | 'moralEducationGood' | 'coursesInFull' | 'noExcessiveBurden';

/** An item only an inspector's finding decides: `true` passes, `false` fails, absent needs evidence. */
function finding(id: QualityId, title: Bilingual, key: Finding): QualityRule {
  return {
    id,
    title,
    needs: findingNeeds(key),
    judge: (e) => inspectorFinding(e[key], key),
  };
}

/** The items, in order (Q1 … Q9). @internal */
export const QUALITY: readonly QualityRule[] = [
  {
    id: 'Q1',
    title: bi('全县初中三年巩固率达到95%以上', 'Three-year junior retention ≥ 95 %'),
    needs: bi('缺少数据：初中入学人数和三年后在校人数（juniorRetention）', 'No data: give juniorRetention { cohortStart, retained }'),
    judge(e, p) {
      const r = e.juniorRetention;
      if (r === undefined) return undefined;
      const bp = p.juniorRetention;
      // retained × 10⁴ ≥ share × cohortStart, exactly; a cohort of no one lost no one.
      return judged(shareAtLeast(r.retained, r.cohortStart, bp),
        `初中三年巩固 ${r.retained}/${r.cohortStart}（要求 ${pct(bp)}）`, `Junior retention ${r.retained} of ${r.cohortStart} (required ${pct(bp)})`);
    },
  },
  {
    id: 'Q2',
    title: bi('全县残疾儿童少年入学率达到95%以上', 'Enrolment of disabled children ≥ 95 %'),
    needs: bi('缺少数据：适龄残疾儿童少年人数和入学人数（disabledEnrolment）', 'No data: give disabledEnrolment { children, enrolled }'),
    judge(e, p) {
      const d = e.disabledEnrolment;
      if (d === undefined) return undefined;
      const bp = p.disabledEnrolment;
      return judged(shareAtLeast(d.enrolled, d.children, bp),
        `残疾儿童少年入学 ${d.enrolled}/${d.children}（要求 ${pct(bp)}）`, `Disabled children enrolled ${d.enrolled} of ${d.children} (required ${pct(bp)})`);
    },
  },
  finding('Q3', bi('所有学校制定章程，实现学校管理与教学信息化', 'Every school has a charter and digitised management and teaching'), 'charterAndDigitalManagement'),
  {
    id: 'Q4',
    title: bi('所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费', "Every school spends ≥ 5 % of its annual public-funding budget on teacher training"),
    needs: bi('缺少数据：各校年度公用经费预算和教师培训经费（trainingSpending）', 'No data: give trainingSpending [{ schoolId, publicFundingBudget, trainingSpending }]'),
    judge(e, p) {
      const rows = e.trainingSpending;
      if (rows === undefined || rows.length === 0) return undefined;
      const bp = p.trainingSpendingShare;
      // In fen: spending × 10⁴ ≥ share × budget, exactly.
      const short = rows.filter((r) => !productAtLeast(yuanToFen(r.trainingSpending) as number, 10_000, bp, yuanToFen(r.publicFundingBudget) as number));
      return judged(short.length === 0,
        short.length === 0 ? `${rows.length} 所学校教师培训经费均不低于公用经费预算的 ${pct(bp)}` : `低于 ${pct(bp)}：${short.map((r) => `${r.schoolId}（${r.trainingSpending}/${r.publicFundingBudget} 元）`).join('；')}`,
        short.length === 0 ? `All ${rows.length} schools spend at least ${pct(bp)} of their public-funding budget on training` : `Below ${pct(bp)}: ${short.map((r) => `${r.schoolId} (${r.trainingSpending} of ${r.publicFundingBudget} yuan)`).join('; ')}`);
    },
  },
  finding('Q5', bi('教师能熟练运用信息化手段组织教学', 'Teachers use ICT in teaching'), 'ictUse'),
  finding('Q6', bi('学校德育工作、校园文化建设水平达到良好以上', 'Moral education (德育) and campus culture rated good or better'), 'moralEducationGood'),
  finding('Q7', bi('课程开齐开足', 'Every course taught in full'), 'coursesInFull'),
  finding('Q8', bi('无过重课业负担', 'No excessive academic burden'), 'noExcessiveBurden'),
  {
    id: 'Q9',
    title: bi('国家义务教育质量监测相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15', 'National quality monitoring at level III or above, inter-school difference rate below 0.15'),
    needs: bi('缺少数据：国家义务教育质量监测结果（monitoring）', 'No data: give monitoring { atLevelIIIOrAbove, interSchoolDifferenceRate }'),
    judge(e, p) {
      const m = e.monitoring;
      if (m === undefined) return undefined;
      const limit = p.differenceRateBelow; // ten-thousandths
      // rate < limit, exclusive, in millionths: rate × 10⁶ < limit × 100.
      const below = (decimalUnits(m.interSchoolDifferenceRate, 6) as number) < limit * 100;
      const shown = limit / 10_000;
      return judged(m.atLevelIIIOrAbove && below,
        `${m.atLevelIIIOrAbove ? '达到Ⅲ级以上' : '未达到Ⅲ级'}；校际差异率 ${m.interSchoolDifferenceRate}（要求低于 ${shown}）`,
        `${m.atLevelIIIOrAbove ? 'Level III or above' : 'Below level III'}; inter-school difference rate ${m.interSchoolDifferenceRate} (required below ${shown})`);
    },
  },
];

/**
 * The education-quality dimension: the nine items judged from validated evidence, in order, and the
 * dimension's status. Unchecked: give it evidence valid against {@link qualityEvidenceSchema}.
 *
 * @internal
 */
export function assessQualityRule(evidence: QualityEvidenceRecord, params: QualityParameters): QualityResult {
  const items: QualityItem[] = judgeTable(QUALITY, evidence, params);
  return {
    status: items.some((i) => i.status === 'fails') ? 'fails' : items.some((i) => i.status === 'needs-evidence') ? 'needs-evidence' : 'passes',
    items,
  };
}
