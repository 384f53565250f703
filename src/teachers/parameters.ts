import { defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from '../parameters/leaf.js';
import { OPINION, OPINION_DATE_NOTE } from '../parameters/opinion.js';
import { sources } from '../parameters/sources.js';

/** The opinion's own values start on `opinion.effectiveFrom` (default 2017-05-23). */
const OPINION_FROM = OPINION;
/** 教督〔2017〕6号: one date for all its values, the register's (2017-05-23, the day it was released). */
const JIAODU_2017_FROM = sources['jiaodu-2017-6'].date;

const JIAODU_CONFIRMED_NOTE =
  'Confirmed only as of 教督〔2017〕6号 itself: no later dated source restating the figure was found (undated summaries repeat it).';

/** Parameters of teachers' training, pay and rotation (opinion 4.2, 4.3, 4.4). @category Parameters */
export const teachersParameters = defineParameters('teachers', {
  training: {
    requiredHours: leaf.count({
      description: {
        zh: '每个培训周期教师培训不少于该学时数（含本数）',
        en: 'Training hours (学时) every teacher completes in each cycle, at least (met exactly is met)',
      },
      unit: 'hours/cycle',
      history: [{
        from: OPINION_FROM, value: 360, source: 'opinion', confidence: 'verified',
        note: `Opinion 4.2: 实施5年一周期不少于360学时的教师全员培训制度 (usually traced to 教师〔2011〕1号). ${OPINION_DATE_NOTE}`,
      }],
    }),
    cycleYears: leaf.count({
      description: { zh: '培训周期年数', en: 'Length of a training cycle, in years' },
      unit: 'years',
      history: [{ from: OPINION_FROM, value: 5, source: 'opinion', confidence: 'verified', note: `Opinion 4.2: 5年一周期. ${OPINION_DATE_NOTE}` }],
    }),
    cycleAnchor: leaf.date({
      description: {
        zh: '培训周期的起算日（某一周期的第一天，须为某月1日）；其余周期按周期年数前后推算',
        en: 'First day of one training cycle (must be the 1st of a month); the other cycles follow every cycleYears years before and after it',
      },
      history: [{
        from: OPINION_FROM, value: '2021-01-01', source: 'junheng', confidence: 'unverified',
        note: 'Cycles are commonly aligned with the five-year plans (2016–2020, 2021–2025, 2026–2030); no national text fixing the anchor was found. Set the first day of your province\'s cycle if it differs.',
      }],
    }),
    midCycleHires: leaf.choice(['pro-rata-months', 'full'] as const, {
      description: {
        zh: '周期中途入职教师的应修学时：按本周期内完整月份折算（pro-rata-months，向上取整到整学时）或全额（full）',
        en: "Hours owed by a teacher employed after a cycle began: pro rata by the cycle's whole months from the first full month of employment, rounded up to a whole hour ('pro-rata-months'), or the full requirement ('full')",
      },
      history: [{
        from: OPINION_FROM, value: 'pro-rata-months', source: 'junheng', confidence: 'unverified',
        note: 'No national rule on part cycles was found (the 1999 continuing-education rule set 120 hours for a probation year, not a share). junheng counts the months of the cycle from the first full month of employment and owes requiredHours × months ÷ (cycleYears × 12), rounded up to a whole hour.',
      }],
    }),
  },
  rotation: {
    minShare: leaf.share({
      description: {
        zh: '每年交流轮岗教师占符合交流条件教师的比例，不低于（含本数）',
        en: 'Teachers rotated in a year as a share of eligible teachers, at least (met exactly is met)',
      },
      unit: 'share',
      history: [{
        from: JIAODU_2017_FROM, value: 0.1, source: 'jiaodu-2017-6', confidence: 'secondary', confirmedThrough: JIAODU_2017_FROM,
        note: `优质均衡 G11: 交流轮岗教师比例不低于符合交流条件教师总数的10%. ${JIAODU_CONFIRMED_NOTE}`,
      }],
    }),
    backboneMinShare: leaf.share({
      description: {
        zh: '交流轮岗教师中骨干教师的比例，不低于（含本数）',
        en: 'Backbone (骨干) teachers as a share of the teachers rotated, at least (met exactly is met)',
      },
      unit: 'share',
      history: [{
        from: JIAODU_2017_FROM, value: 0.2, source: 'jiaodu-2017-6', confidence: 'secondary', confirmedThrough: JIAODU_2017_FROM,
        note: `优质均衡 G11: 其中骨干教师不低于交流轮岗教师总数的20%. ${JIAODU_CONFIRMED_NOTE}`,
      }],
    }),
  },
} as const satisfies ParameterNode);
