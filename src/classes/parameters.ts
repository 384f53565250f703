import { defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from '../parameters/leaf.js';

/** GB 50099-2011 took effect on 2012-01-01. */
const GB_50099_FROM = '2012-01-01';
/** 国发〔2016〕40号, the 2016-07-02 opinion whose targets define 大班额 (56+) and 超大班额 (66+). */
const GF_2016_40_FROM = '2016-07-02';
/** 教督〔2017〕6号 (April 2017); the register gives the month only, so junheng dates it from the 1st. */
const JIAODU_2017_FROM = '2017-04-01';
/** The opinion states no date; junheng applies it from 2016-07-02 (see the funding parameters). */
const OPINION_FROM = '2016-07-02';

const OPINION_DATE_NOTE =
  'The opinion states no effective date; junheng applies it from 2016-07-02, the date of its very likely parent 国发〔2016〕40号.';

/** Parameters of class size, school size and admissions (opinion 2.2, 2.3). @category Parameters */
export const classesParameters = defineParameters('classes', {
  standardSize: {
    primary: leaf.count({
      description: { zh: '完全小学标准班额', en: 'Standard class size, full primary school' },
      unit: 'pupils/class',
      history: [{ from: GB_50099_FROM, value: 45, source: 'gb-50099-2011', confidence: 'verified' }],
    }),
    incompletePrimary: leaf.count({
      description: { zh: '非完全小学标准班额', en: 'Standard class size, incomplete primary school' },
      unit: 'pupils/class',
      history: [{ from: GB_50099_FROM, value: 30, source: 'gb-50099-2011', confidence: 'verified' }],
    }),
    junior: leaf.count({
      description: { zh: '初中标准班额', en: 'Standard class size, junior secondary' },
      unit: 'pupils/class',
      history: [{ from: GB_50099_FROM, value: 50, source: 'gb-50099-2011', confidence: 'verified' }],
    }),
  },
  largeFrom: leaf.count({
    description: { zh: '大班额：班额达到该人数及以上', en: 'Large class (大班额): this many pupils or more' },
    unit: 'pupils/class',
    history: [{ from: GF_2016_40_FROM, value: 56, source: 'gf-2016-40', confidence: 'verified', note: '"56人及以上": 56 itself is a large class.' }],
  }),
  superLargeFrom: leaf.count({
    description: { zh: '超大班额：班额达到该人数及以上', en: 'Super-large class (超大班额): this many pupils or more' },
    unit: 'pupils/class',
    history: [{ from: GF_2016_40_FROM, value: 66, source: 'gf-2016-40', confidence: 'verified', note: '"66人及以上": 66 itself is a super-large class.' }],
  }),
  schoolSizeLimit: {
    primary: leaf.count({
      description: { zh: '优质均衡：小学学校规模上限', en: '优质均衡 school-size limit, primary school' },
      unit: 'pupils',
      history: [{ from: JIAODU_2017_FROM, value: 2000, source: 'jiaodu-2017-6', confidence: 'secondary' }],
    }),
    junior: leaf.count({
      description: { zh: '优质均衡：初中学校规模上限', en: '优质均衡 school-size limit, junior secondary school' },
      unit: 'pupils',
      history: [{ from: JIAODU_2017_FROM, value: 2000, source: 'jiaodu-2017-6', confidence: 'secondary' }],
    }),
    nineYear: leaf.count({
      description: { zh: '优质均衡：九年一贯制学校规模上限', en: '优质均衡 school-size limit, nine-year school' },
      unit: 'pupils',
      history: [{ from: JIAODU_2017_FROM, value: 2500, source: 'jiaodu-2017-6', confidence: 'secondary' }],
    }),
    twelveYear: leaf.count({
      description: { zh: '优质均衡：十二年一贯制学校规模上限（义务教育阶段）', en: '优质均衡 school-size limit, twelve-year school (its compulsory part)' },
      unit: 'pupils',
      history: [{ from: JIAODU_2017_FROM, value: 2500, source: 'jiaodu-2017-6', confidence: 'secondary' }],
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
