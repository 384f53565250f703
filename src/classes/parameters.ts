import { defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from '../parameters/leaf.js';
import { OPINION, OPINION_DATE_NOTE } from '../parameters/opinion.js';
import { sources } from '../parameters/sources.js';

/** GB 50099-2011 took effect on 2012-01-01. */
const GB_50099_FROM = '2012-01-01';
/** 国发〔2016〕40号, the 2016-07-02 opinion whose targets define 大班额 (56+) and 超大班额 (66+). */
const GF_2016_40_FROM = '2016-07-02';
/** 教督〔2017〕6号: one date for all its values, the register's (2017-05-23, the day it was released). */
const JIAODU_2017_FROM = sources['jiaodu-2017-6'].date;
/** The opinion's own values start on `opinion.effectiveFrom` (default 2017-05-23). */
const OPINION_FROM = OPINION;

/**
 * GB 50099-2011 §3.0.1 (in force from 2012-01-01): no later dated source seen restates the standard
 * sizes, so their horizon is the standard's own date. 45 and 50 are restated nationally by G5 of
 * 教督〔2017〕6号 (every class within 45 / 50), on its date.
 */
const GB_50099_NOTE =
  'No later dated source restating GB 50099-2011 §3.0.1 was found; confirmed only as of the standard itself (in force 2012-01-01). Check the standard in force in your province.';
const G5_NOTE =
  'Confirmed through the date of 教督〔2017〕6号, whose G5 restates the national limits (小学、初中所有班级学生数分别不超过45人、50人, as restated by provinces); no later dated source was found.';
/**
 * 国新办 press conference of 2020-09-23 (教育部 副部长 郑富芝, as reported by 中国教育在线 and 人民日报
 * 2020-09-24): "56人以上的大班额已经降至3.98%，超过66人的超大班额基本消除".
 */
const LARGE_CLASS_CONFIRMED = '2020-09-23';
const JIAODU_CONFIRMED_NOTE =
  'Confirmed only as of 教督〔2017〕6号 itself: no later dated source restating the figure was found (undated summaries repeat it).';
const LARGE_CLASS_NOTE =
  'Confirmed through 2020-09-23: at the 国新办 press conference that day 教育部 reported "56人以上的大班额已经降至3.98%" and 66人以上超大班额基本消除 (中国教育在线 and 人民日报, 2020-09-24). No later national source using the thresholds was found.';

/** Parameters of class size, school size and admissions (opinion 2.2, 2.3). @category Parameters */
export const classesParameters = defineParameters('classes', {
  standardSize: {
    primary: leaf.count({
      description: { zh: '完全小学标准班额', en: 'Standard class size, full primary school' },
      unit: 'pupils/class',
      history: [{ from: GB_50099_FROM, value: 45, source: 'gb-50099-2011', confidence: 'verified', confirmedThrough: JIAODU_2017_FROM, note: G5_NOTE }],
    }),
    incompletePrimary: leaf.count({
      description: { zh: '非完全小学标准班额', en: 'Standard class size, incomplete primary school' },
      unit: 'pupils/class',
      history: [{ from: GB_50099_FROM, value: 30, source: 'gb-50099-2011', confidence: 'verified', confirmedThrough: GB_50099_FROM, note: GB_50099_NOTE }],
    }),
    junior: leaf.count({
      description: { zh: '初中标准班额', en: 'Standard class size, junior secondary' },
      unit: 'pupils/class',
      history: [{ from: GB_50099_FROM, value: 50, source: 'gb-50099-2011', confidence: 'verified', confirmedThrough: JIAODU_2017_FROM, note: G5_NOTE }],
    }),
  },
  largeFrom: leaf.count({
    description: { zh: '大班额：班额达到该人数及以上', en: 'Large class (大班额): this many pupils or more' },
    unit: 'pupils/class',
    history: [{
      from: GF_2016_40_FROM, value: 56, source: 'gf-2016-40', confidence: 'verified', confirmedThrough: LARGE_CLASS_CONFIRMED,
      note: `国发〔2016〕40号 reads "56人以上" (以上 includes the number): 56 itself is a large class. ${LARGE_CLASS_NOTE}`,
    }],
  }),
  superLargeFrom: leaf.count({
    description: { zh: '超大班额：班额达到该人数及以上', en: 'Super-large class (超大班额): this many pupils or more' },
    unit: 'pupils/class',
    history: [{
      from: GF_2016_40_FROM, value: 66, source: 'gf-2016-40', confidence: 'verified', confirmedThrough: LARGE_CLASS_CONFIRMED,
      note: `国发〔2016〕40号 reads "66人以上" (以上 includes the number): 66 itself is a super-large class. ${LARGE_CLASS_NOTE}`,
    }],
  }),
  schoolSizeLimit: {
    primary: leaf.count({
      description: { zh: '优质均衡：小学学校规模上限', en: '优质均衡 school-size limit, primary school' },
      unit: 'pupils',
      history: [{ from: JIAODU_2017_FROM, value: 2000, source: 'jiaodu-2017-6', confidence: 'secondary', confirmedThrough: JIAODU_2017_FROM, note: JIAODU_CONFIRMED_NOTE }],
    }),
    junior: leaf.count({
      description: { zh: '优质均衡：初中学校规模上限', en: '优质均衡 school-size limit, junior secondary school' },
      unit: 'pupils',
      history: [{ from: JIAODU_2017_FROM, value: 2000, source: 'jiaodu-2017-6', confidence: 'secondary', confirmedThrough: JIAODU_2017_FROM, note: JIAODU_CONFIRMED_NOTE }],
    }),
    nineYear: leaf.count({
      description: { zh: '优质均衡：九年一贯制学校规模上限', en: '优质均衡 school-size limit, nine-year school' },
      unit: 'pupils',
      history: [{ from: JIAODU_2017_FROM, value: 2500, source: 'jiaodu-2017-6', confidence: 'secondary', confirmedThrough: JIAODU_2017_FROM, note: JIAODU_CONFIRMED_NOTE }],
    }),
    twelveYear: leaf.count({
      description: { zh: '优质均衡：十二年一贯制学校规模上限（义务教育阶段）', en: '优质均衡 school-size limit, twelve-year school (its compulsory part)' },
      unit: 'pupils',
      history: [{ from: JIAODU_2017_FROM, value: 2500, source: 'jiaodu-2017-6', confidence: 'secondary', confirmedThrough: JIAODU_2017_FROM, note: JIAODU_CONFIRMED_NOTE }],
    }),
  },
  largeClassDeadline: leaf.date({
    description: {
      zh: '全面解决城镇中小学大班额问题的期限（含当日）',
      en: 'Deadline for eliminating large classes in urban and town (城镇) schools, inclusive',
    },
    history: [{
      from: OPINION_FROM, value: '2025-12-31', source: 'opinion', confidence: 'unverified',
      note: `Opinion 2.3: 确保到2025年年底前全面解决城镇中小学大班额问题. The year is as printed, but the text's target years were flattened to 2025 (it even reads 2025—2025年); set the real date if you know it. ${OPINION_DATE_NOTE}`,
    }],
  }),
} as const satisfies ParameterNode);
