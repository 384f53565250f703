import { defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from '../parameters/leaf.js';
import { OPINION, OPINION_DATE_NOTE } from '../parameters/opinion.js';

/** The opinion's own values (the 30 % coverage) start on `opinion.effectiveFrom` (default 2017-05-23). */
const OPINION_FROM = OPINION;

/**
 * 财政部 2024-05-07 (as reported): from the 2024 spring semester boarders' rates rise "小学由1000元提高到1250元，
 * 初中由1250元提高到1500元" and non-boarders' stay at 50 % of them: the earlier rates were in force until then.
 */
const BEFORE_2024 = '2024-02-29';
const BEFORE_2024_NOTE =
  'Confirmed until the 2024 spring semester by 财政部 (2024-05-07, as reported): 从2024年春季学期起…年生均小学由1000元提高到1250元，初中由1250元提高到1500元；家庭经济困难非寄宿生生活补助标准继续按寄宿生生活补助国家基础标准的50%核定.';
/** 施甸县教育体育局, 2025-11-13 (shidian.gov.cn): the 2024 rates restated as in force. */
const RATES_2024_CONFIRMED = '2025-11-13';
const RATES_2024_NOTE =
  'Confirmed through 2025-11-13: 施甸县教育体育局 (shidian.gov.cn, 2025-11-13) restates 寄宿生补助标准为小学每生每年1250元、初中每生每年1500元，非寄宿生补助标准为小学每生每年625元、初中每生每年750元.';


/** Parameters of the living subsidies for pupils from poor families (opinion 5.1, 一补). @category Parameters */
export const livingSubsidyParameters = defineParameters('livingSubsidy', {
  boarder: {
    primary: leaf.money({
      description: { zh: '家庭经济困难寄宿生生活补助（小学）', en: 'Living subsidy for boarders from poor families, primary' },
      unit: 'yuan/pupil/year',
      history: [
        { from: '2011-09-01', value: '1000', source: 'living-subsidy-2011', confidence: 'verified', confirmedThrough: BEFORE_2024, note: BEFORE_2024_NOTE },
        { from: '2024-03-01', value: '1250', source: 'mof-2024-05-07', confidence: 'verified', confirmedThrough: RATES_2024_CONFIRMED, note: RATES_2024_NOTE },
      ],
    }),
    junior: leaf.money({
      description: { zh: '家庭经济困难寄宿生生活补助（初中）', en: 'Living subsidy for boarders from poor families, junior secondary' },
      unit: 'yuan/pupil/year',
      history: [
        { from: '2011-09-01', value: '1250', source: 'living-subsidy-2011', confidence: 'verified', confirmedThrough: BEFORE_2024, note: BEFORE_2024_NOTE },
        { from: '2024-03-01', value: '1500', source: 'mof-2024-05-07', confidence: 'verified', confirmedThrough: RATES_2024_CONFIRMED, note: RATES_2024_NOTE },
      ],
    }),
  },
  nonBoarder: {
    primary: leaf.optionalMoney({
      description: { zh: '非寄宿家庭经济困难学生生活补助（小学）；null 表示不覆盖', en: 'Living subsidy for non-boarders from poor families, primary; null: not covered' },
      unit: 'yuan/pupil/year',
      history: [
        {
          from: '2011-09-01', value: null, source: 'living-subsidy-2011', confidence: 'verified', confirmedThrough: '2019-08-31',
          note: 'Non-boarders were not covered before the 2019 autumn semester (陕西日报 2019-10-31: 从2019年秋季学期起…4类家庭经济困难非寄宿生纳入生活补助范围).',
        },
        { from: '2019-09-01', value: '500', source: 'living-subsidy-2019', confidence: 'verified', confirmedThrough: BEFORE_2024, note: BEFORE_2024_NOTE },
        { from: '2024-03-01', value: '625', source: 'mof-2024-05-07', confidence: 'verified', confirmedThrough: RATES_2024_CONFIRMED, note: RATES_2024_NOTE },
      ],
    }),
    junior: leaf.optionalMoney({
      description: { zh: '非寄宿家庭经济困难学生生活补助（初中）；null 表示不覆盖', en: 'Living subsidy for non-boarders from poor families, junior secondary; null: not covered' },
      unit: 'yuan/pupil/year',
      history: [
        {
          from: '2011-09-01', value: null, source: 'living-subsidy-2011', confidence: 'verified', confirmedThrough: '2019-08-31',
          note: 'Non-boarders were not covered before the 2019 autumn semester (陕西日报 2019-10-31: 从2019年秋季学期起…4类家庭经济困难非寄宿生纳入生活补助范围).',
        },
        { from: '2019-09-01', value: '625', source: 'living-subsidy-2019', confidence: 'verified', confirmedThrough: BEFORE_2024, note: BEFORE_2024_NOTE },
        { from: '2024-03-01', value: '750', source: 'mof-2024-05-07', confidence: 'verified', confirmedThrough: RATES_2024_CONFIRMED, note: RATES_2024_NOTE },
      ],
    }),
  },
  eligibleLocations: {
    boarders: leaf.choice(['rural', 'urban-and-rural'] as const, {
      description: {
        zh: '寄宿生生活补助覆盖的家庭经济困难寄宿生：仅农村（rural）或城乡（urban-and-rural）',
        en: "Which boarders from poor families the boarder subsidy covers: rural pupils only ('rural') or urban and rural ('urban-and-rural')",
      },
      history: [
        {
          from: '2011-09-01', value: 'rural', source: 'living-subsidy-2011', confidence: 'secondary', confirmedThrough: '2017-02-28',
          note: 'The 2011 standard was for rural boarders: a 2012 local finance report restates it as "从2011年秋季学期起，农村义务教育家庭经济困难寄宿学生生活费生均补助标准…达到小学每生每学年1000元…初中…1250元". The national text itself was not seen, and that report shows local practice also covering some city boarders; override if yours did. Confirmed until the 2017 spring semester, when city boarders joined (as the next value says).',
        },
        {
          from: '2017-03-01', value: 'urban-and-rural', source: 'gf-2015-67', confidence: 'secondary', confirmedThrough: RATES_2024_CONFIRMED,
          note: '国发〔2015〕67号 unifies 两免一补 for urban and rural pupils from the 2017 spring semester; the Ministry of Education, as reported in 2016 (中国德育 2016 no. 17): "从明年春季学期开始…对城市家庭经济困难寄宿生给予生活费补助". The opinion (5.1) also says 统一城乡义务教育“两免一补”政策. Confirmed through 2025-11-13: 施甸县教育体育局 (shidian.gov.cn, 2025-11-13) restates 对城乡义务教育家庭经济困难学生给予生活费补助.',
        },
      ],
    }),
    subsistenceAllowance: leaf.choice(['rural', 'urban-and-rural'] as const, {
      description: {
        zh: '非寄宿生中低保家庭学生的范围：仅农村低保（rural）或城乡低保（urban-and-rural）',
        en: "Non-boarders from subsistence-allowance (低保) families the non-boarder subsidy covers: rural 低保 only ('rural') or urban and rural ('urban-and-rural')",
      },
      history: [{
        from: '2019-09-01', value: 'rural', source: 'living-subsidy-2019', confidence: 'verified', confirmedThrough: '2019-10-31',
        note: 'The 2019 category is 农村低保家庭学生 (陕西日报 2019-10-31, a provincial restatement: "…农村低保家庭学生、农村特困救助供养学生4类家庭经济困难非寄宿生"). Not in force before the non-boarder subsidy (2019-09-01). Confirmed through 2019-10-31 (that report); no later source naming the four categories was found.',
      }],
    }),
    extremePovertySupport: leaf.choice(['rural', 'urban-and-rural'] as const, {
      description: {
        zh: '非寄宿生中特困供养学生的范围：仅农村特困（rural）或城乡特困（urban-and-rural）',
        en: "Non-boarders under extreme-poverty support (特困供养) the non-boarder subsidy covers: rural only ('rural') or urban and rural ('urban-and-rural')",
      },
      history: [{
        from: '2019-09-01', value: 'rural', source: 'living-subsidy-2019', confidence: 'verified', confirmedThrough: '2019-10-31',
        note: 'The 2019 category is 农村特困救助供养学生 (陕西日报 2019-10-31, a provincial restatement). Not in force before the non-boarder subsidy (2019-09-01). Confirmed through 2019-10-31 (that report); no later source naming the four categories was found.',
      }],
    }),
  },
  coverage: leaf.share({
    description: { zh: '寄宿生生活费补助覆盖在校寄宿生的比例', en: 'Share of boarders the boarder living subsidy covers' },
    unit: 'share',
    history: [
      {
        from: '2011-09-01', value: 0.15, source: 'opinion', confidence: 'unverified',
        note: 'The opinion (5.1) says the share was 15 % before it; when that share took effect is not known.',
      },
      { from: OPINION_FROM, value: 0.3, source: 'opinion', confidence: 'verified', note: OPINION_DATE_NOTE },
    ],
  }),
} as const satisfies ParameterNode);
