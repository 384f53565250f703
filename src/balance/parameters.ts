import { defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from '../parameters/leaf.js';
import type { Confidence } from '../core/types.js';
import { sources, type SourceId } from '../parameters/sources.js';

/**
 * 教督〔2017〕6号: junheng dates its values from the day the register gives, 2017-05-23, the day
 * the Ministry of Education released the measures (see `sources['jiaodu-2017-6']`); one date for
 * every value of the measures, in every area.
 */
const JIAODU_FROM = sources['jiaodu-2017-6'].date;
const JIAODU_NOTE =
  'In force from 2017-05-23, the day 教育部 released 教督〔2017〕6号 (the day of signing was not confirmed); set asOf accordingly, or override.';

const decimalLeaf = leaf.decimal;

/** The education-quality figures: in summaries of the measures only. */
const QUALITY_NOTE =
  'Education quality (教育质量) of 教督〔2017〕6号 as summaries give it (national-standards §5.3): junior three-year retention ≥ 95 %, enrolment of disabled children ≥ 95 %, each school\'s teacher training ≥ 5 % of its annual public-funding budget, national quality monitoring at level III or above with an inter-school difference rate below 0.15. Unverified: the official wording of these items was not found in a public source searched (2025); confirm or override. ' + JIAODU_NOTE;

/** No dated source after the measures themselves restates their figures: their horizon is the measures' own date. */
const JIAODU_CONFIRMED_NOTE =
  'Confirmed only as of 教督〔2017〕6号 itself: no later dated source restating the figure was found (undated summaries repeat it), so after that day it is listed as not confirmed since.';

const one = <V>(value: V, confidence: Confidence, source: SourceId = 'jiaodu-2017-6', note: string = JIAODU_NOTE) => [
  source === 'jiaodu-2017-6'
    ? { from: JIAODU_FROM, value, source, confidence, note: `${note} ${JIAODU_CONFIRMED_NOTE}`, confirmedThrough: JIAODU_FROM }
    : { from: JIAODU_FROM, value, source, confidence, note },
];

/**
 * The seven resource indicators of 教督〔2017〕6号: their names and units (the unit of the value
 * shown, and of the threshold parameter). @internal
 */
export const INDICATOR_TEXT = {
  L1: { zh: '每百名学生拥有高于规定学历教师数', en: 'Teachers above the required qualification per 100 pupils', unit: 'teachers/100 pupils', suffix: '' },
  L2: { zh: '每百名学生拥有县级及以上骨干教师数', en: 'County-level or higher backbone teachers per 100 pupils', unit: 'teachers/100 pupils', suffix: '' },
  L3: { zh: '每百名学生拥有体育、艺术（美术、音乐）专任教师数', en: 'PE and arts (music, fine art) specialist teachers per 100 pupils', unit: 'teachers/100 pupils', suffix: '' },
  L4: { zh: '生均教学及辅助用房面积', en: 'Teaching and auxiliary floor area per pupil', unit: 'm²/pupil', suffix: ' m²' },
  L5: { zh: '生均体育运动场馆面积', en: 'Sports ground and hall area per pupil', unit: 'm²/pupil', suffix: ' m²' },
  L6: { zh: '生均教学仪器设备值', en: 'Teaching equipment value per pupil', unit: 'yuan/pupil', suffix: ' yuan' },
  L7: { zh: '每百名学生拥有网络多媒体教室数', en: 'Networked multimedia classrooms per 100 pupils', unit: 'classrooms/100 pupils', suffix: '' },
} as const;


const STAGE_ZH = { primary: '小学', junior: '初中' } as const;

function thresholds(stage: 'primary' | 'junior', v: { L1: number; L2: number; L3: number; L4: number; L5: number; L6: string; L7: number }) {
  const d = (id: 'L1' | 'L2' | 'L3' | 'L4' | 'L5' | 'L7', confidence: Confidence) =>
    decimalLeaf({
      description: { zh: `${STAGE_ZH[stage]}${INDICATOR_TEXT[id].zh}（${id}）下限`, en: `${INDICATOR_TEXT[id].en} (${id}), ${stage}: minimum` },
      unit: INDICATOR_TEXT[id].unit,
      history: one(v[id], confidence),
    });
  // Keys are the row fields each indicator reads (parameter paths are letters only).
  return {
    qualifiedTeachers: d('L1', 'verified'),
    backboneTeachers: d('L2', 'verified'),
    peArtTeachers: d('L3', 'secondary'),
    teachingAuxiliaryArea: d('L4', 'secondary'),
    sportsArea: d('L5', 'secondary'),
    equipmentValue: leaf.money({
      description: { zh: `${STAGE_ZH[stage]}${INDICATOR_TEXT.L6.zh}（L6）下限`, en: `${INDICATOR_TEXT.L6.en} (L6), ${stage}: minimum` },
      unit: INDICATOR_TEXT.L6.unit,
      history: one(v.L6, 'secondary'),
    }),
    multimediaClassrooms: d('L7', 'secondary'),
  };
}

/** Parameters of the 优质均衡 county assessment (opinion 1.1, 6.3; 教督〔2017〕6号). @category Parameters */
export const balanceParameters = defineParameters('balance', {
  thresholds: {
    primary: thresholds('primary', { L1: 4.2, L2: 1, L3: 0.9, L4: 4.5, L5: 7.5, L6: '2000', L7: 2.3 }),
    junior: thresholds('junior', { L1: 5.3, L2: 1, L3: 0.9, L4: 5.8, L5: 10.2, L6: '2500', L7: 2.4 }),
  },
  school: {
    minimumMet: leaf.count({
      description: { zh: '每所学校至少达到的指标数（7项中）', en: 'Indicators (of 7) a school must meet' },
      unit: 'indicators',
      history: one(6, 'secondary'),
    }),
    nearMissShare: leaf.share({
      description: { zh: '未达标指标不低于标准的比例', en: 'Share of its threshold every unmet indicator must still reach' },
      unit: 'share',
      history: one(0.85, 'unverified', 'jiaodu-2017-6',
        'Widely quoted (余项不低于要求的85%) but the official wording was not seen; confirm or override. ' + JIAODU_NOTE),
    }),
    teachingPointMinimum: leaf.count({
      description: { zh: '参评教学点的最少学生数（不足此数的教学点不参评）', en: 'Teaching points with fewer pupils than this are excluded from the assessment' },
      unit: 'pupils',
      history: one(50, 'secondary', 'jiaodu-2017-6', 'Verified for Hebei’s restatement; national wording not seen. ' + JIAODU_NOTE),
    }),
  },
  coefficientLimit: {
    primary: leaf.share({
      description: { zh: '小学校际差异系数上限（含）', en: 'Largest inter-school difference coefficient, primary (inclusive)' },
      unit: 'coefficient',
      history: one(0.5, 'secondary'),
    }),
    junior: leaf.share({
      description: { zh: '初中校际差异系数上限（含）', en: 'Largest inter-school difference coefficient, junior (inclusive)' },
      unit: 'coefficient',
      history: one(0.45, 'secondary'),
    }),
  },
  split: {
    weights: {
      primary: decimalLeaf({
        description: { zh: '一贯制学校分拆：小学生折算系数', en: 'Splitting a school that spans stages: weight of a primary pupil' },
        unit: 'weight',
        history: one(1, 'secondary', 'jiaodu-2017-6', 'From the 基本均衡 era (1 : 1.1 : 1.32), as restated for 优质均衡; secondary. ' + JIAODU_NOTE),
      }),
      junior: decimalLeaf({
        description: { zh: '一贯制学校分拆：初中生折算系数', en: 'Splitting a school that spans stages: weight of a junior pupil' },
        unit: 'weight',
        history: one(1.1, 'secondary'),
      }),
      senior: decimalLeaf({
        description: { zh: '一贯制学校分拆：高中生折算系数', en: 'Splitting a school that spans stages: weight of a senior pupil' },
        unit: 'weight',
        history: one(1.32, 'secondary'),
      }),
    },
  },
  gap: {
    teacherOverlap: leaf.choice(['any', 'with-qualification', 'none'] as const, {
      description: {
        zh: '补足差距时一名新增教师可同时计入的指标（L1 高于规定学历、L2 县级及以上骨干、L3 体育艺术专任）：any 任意组合；with-qualification 仅含 L1 的组合；none 不合并',
        en: "What would it take: which indicators one new teacher may count for at once (L1 above the required qualification, L2 county-level backbone, L3 PE/arts specialist): 'any' combination, only combinations 'with-qualification' (L1+L2, L1+L3, L1+L2+L3), or 'none' (each indicator its own teachers)",
      },
      history: [{
        from: JIAODU_FROM, value: 'any', source: 'junheng', confidence: 'unverified',
        note: "junheng's reading: the measures define L1–L3 as counts of teachers with a property (a qualification above the required one, a county-level or higher backbone title, a PE/music/fine-art specialist post) and say nothing against one teacher having several, so a new teacher counts for every indicator whose property they have — any combination. The additions are merged by exact cover (no indicator gets more than its computed addition), so the reading changes only the head count, never an indicator. Choose 'with-qualification' where a backbone or specialist teacher is expected to hold the higher qualification too, 'none' for the upper bound.",
      }],
    }),
  },
  guarantees: {
    classLimit: {
      primary: leaf.count({
        description: { zh: '小学所有班级学生数不超过（G5，含本数）', en: 'Largest class, primary: every class at most this many pupils (G5, inclusive)' },
        unit: 'pupils/class',
        history: one(45, 'secondary', 'jiaodu-2017-6', 'G5 of 教督〔2017〕6号, as provincial restatements and summaries give it (secondary; the official wording was not seen): every primary class at most 45 pupils and every junior class at most 50 (小学、初中所有班级学生数分别不超过45人、50人) — one limit for every primary class, whatever the school (an incomplete primary school, whose GB 50099 standard size is 30, included). ' + JIAODU_NOTE),
      }),
      junior: leaf.count({
        description: { zh: '初中所有班级学生数不超过（G5，含本数）', en: 'Largest class, junior: every class at most this many pupils (G5, inclusive)' },
        unit: 'pupils/class',
        history: one(50, 'secondary', 'jiaodu-2017-6', 'G5 of 教督〔2017〕6号, as provincial restatements and summaries give it (secondary; the official wording was not seen): every junior class at most 50 pupils. ' + JIAODU_NOTE),
      }),
    },
    classesPerArtRooms: leaf.count({
      description: { zh: '每若干个教学班至少配备音乐、美术专用教室各一间（G3）', en: 'Classes per music room and per art room (G3)' },
      unit: 'classes',
      history: one(12, 'secondary', 'jiaodu-2017-6',
        'G3: 每12个班级配备音乐、美术专用教室1间以上. How a part of 12 counts is not said: junheng reads it as ⌈classes ÷ 12⌉ rooms of each kind per school (1–12 classes need one, 13–24 two); that reading is junheng\'s, not the text\'s. ' + JIAODU_NOTE),
    }),
    musicRoomArea: decimalLeaf({
      description: { zh: '音乐专用教室最小面积（G3）', en: 'Smallest music room (G3)' },
      unit: 'm²',
      history: one(96, 'secondary'),
    }),
    artRoomArea: decimalLeaf({
      description: { zh: '美术专用教室最小面积（G3）', en: 'Smallest art room (G3)' },
      unit: 'm²',
      history: one(90, 'secondary'),
    }),
    specialEducationMinimum: leaf.money({
      description: { zh: '特殊教育学校生均公用经费不低于（G7）', en: 'Special-education schools: per-pupil public funding at least (G7)' },
      unit: 'yuan/pupil/year',
      history: one('6000', 'unverified', 'jiaodu-2017-6', 'national-standards §5.2 marks the 6000-yuan figure unverified; confirm or override. ' + JIAODU_NOTE),
    }),
    certifiedShare: leaf.share({
      description: { zh: '教师持证上岗率（G12）', en: 'Share of teachers holding a teacher certificate (G12)' },
      unit: 'share',
      history: one(1, 'secondary'),
    }),
    nearbyAdmission: {
      primary: leaf.share({
        description: { zh: '小学就近划片入学比例（G13）', en: 'Nearby admission share, primary (G13)' },
        unit: 'share',
        history: one(1, 'secondary'),
      }),
      junior: leaf.share({
        description: { zh: '初中就近划片入学比例（G13）', en: 'Nearby admission share, junior (G13)' },
        unit: 'share',
        history: one(0.95, 'secondary'),
      }),
    },
    quotaAllocationShare: leaf.share({
      description: { zh: '优质高中招生名额分配到初中的比例（G14）', en: 'Share of quality senior-high places allocated to junior schools (G14)' },
      unit: 'share',
      history: one(0.5, 'secondary'),
    }),
    migrantPublicShare: leaf.share({
      description: { zh: '符合条件的随迁子女在公办学校和政府购买学位就读比例（G15）', en: 'Eligible migrant children in public schools or government-purchased places (G15)' },
      unit: 'share',
      history: one(0.85, 'secondary'),
    }),
    trainingCompletion: leaf.share({
      description: { zh: '教师5年360学时培训完成率（G9）', en: 'Teachers completing 360 hours of training in the cycle (G9)' },
      unit: 'share',
      history: one(1, 'secondary'),
    }),
  },
  quality: {
    juniorRetention: leaf.share({
      description: { zh: '初中三年巩固率不低于（Q1，含本数）', en: 'Three-year junior retention at least (Q1, inclusive)' },
      unit: 'share',
      history: one(0.95, 'unverified', 'jiaodu-2017-6', QUALITY_NOTE),
    }),
    disabledEnrolment: leaf.share({
      description: { zh: '残疾儿童少年入学率不低于（Q2，含本数）', en: 'Enrolment of disabled children at least (Q2, inclusive)' },
      unit: 'share',
      history: one(0.95, 'unverified', 'jiaodu-2017-6', QUALITY_NOTE),
    }),
    trainingSpendingShare: leaf.share({
      description: { zh: '各校教师培训经费占年度公用经费预算总额的比例不低于（Q4，含本数）', en: "Each school's teacher-training spending as a share of its annual public-funding budget, at least (Q4, inclusive)" },
      unit: 'share',
      history: one(0.05, 'unverified', 'jiaodu-2017-6', QUALITY_NOTE),
    }),
    differenceRateBelow: decimalLeaf({
      description: { zh: '国家义务教育质量监测校际差异率低于（Q9，不含本数）', en: 'National quality monitoring: inter-school difference rate below (Q9, exclusive)' },
      unit: 'rate',
      history: one(0.15, 'unverified', 'jiaodu-2017-6', QUALITY_NOTE),
    }),
  },
  recognition: {
    share: leaf.share({
      description: { zh: '社会认可度不低于（含本数）', en: 'Public recognition (satisfied share of the survey) at least (inclusive)' },
      unit: 'share',
      history: one(0.85, 'unverified', 'jiaodu-2017-6', 'Public recognition of at least 85 % (社会认可度达到85%以上), as summaries of 教督〔2017〕6号 give it (unverified: the official wording was not seen, nor which groups are surveyed). ' + JIAODU_NOTE),
    }),
    combine: leaf.choice(['pooled', 'averaged'] as const, {
      description: {
        zh: '各类调查对象如何合并：全部问卷合计（pooled）或各类对象满意度的算术平均（averaged）',
        en: "How the respondent groups combine: every answer pooled (Σ satisfied ÷ Σ respondents, 'pooled') or the plain mean of each group's share ('averaged')",
      },
      history: [{
        from: JIAODU_FROM, value: 'pooled', source: 'junheng', confidence: 'unverified',
        note: "junheng's reading: the measures' text was not seen. The national inspectors' reports of the 基本均衡 era give one satisfaction figure over all the questionnaires returned (教育部's feedback on 31 Hebei counties, published 2015-12-18: 15,084 questionnaires issued, 12,919 valid; a report of the same inspection: every county's public satisfaction 85 % or more), which reads as pooled. Choose 'averaged' where the provincial rules weigh each group equally.",
      }],
    }),
  },
} as const satisfies ParameterNode);
