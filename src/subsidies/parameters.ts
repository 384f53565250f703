import { defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from '../parameters/leaf.js';

/** 2016 spring semester: the unified national benchmark of 国发〔2015〕67号 takes effect. */
const SPRING_2016 = '2016-03-01';
/**
 * The opinion states no effective date. It follows 国发〔2016〕40号 (2016-07-02), its very likely
 * parent; junheng applies the opinion's own rules from that day.
 */
const OPINION_FROM = '2016-07-02';
const OPINION_DATE_NOTE =
  'The opinion states no effective date; junheng applies it from 2016-07-02, the date of its very likely parent 国发〔2016〕40号. Set asOf accordingly, or override.';


/** Parameters of the living subsidies for pupils from poor families (opinion 5.1, 一补). @category Parameters */
export const livingSubsidyParameters = defineParameters('livingSubsidy', {
  boarder: {
    primary: leaf.money({
      description: { zh: '家庭经济困难寄宿生生活补助（小学）', en: 'Living subsidy for boarders from poor families, primary' },
      unit: 'yuan/pupil/year',
      history: [
        { from: '2011-09-01', value: '1000', source: 'living-subsidy-2011', confidence: 'verified' },
        { from: '2024-03-01', value: '1250', source: 'mof-2024-05-07', confidence: 'verified' },
      ],
    }),
    junior: leaf.money({
      description: { zh: '家庭经济困难寄宿生生活补助（初中）', en: 'Living subsidy for boarders from poor families, junior secondary' },
      unit: 'yuan/pupil/year',
      history: [
        { from: '2011-09-01', value: '1250', source: 'living-subsidy-2011', confidence: 'verified' },
        { from: '2024-03-01', value: '1500', source: 'mof-2024-05-07', confidence: 'verified' },
      ],
    }),
  },
  nonBoarder: {
    primary: leaf.optionalMoney({
      description: { zh: '非寄宿家庭经济困难学生生活补助（小学）；null 表示不覆盖', en: 'Living subsidy for non-boarders from poor families, primary; null: not covered' },
      unit: 'yuan/pupil/year',
      history: [
        { from: '2011-09-01', value: null, source: 'living-subsidy-2011', confidence: 'verified', note: 'Non-boarders were not covered before the 2019 autumn semester.' },
        { from: '2019-09-01', value: '500', source: 'living-subsidy-2019', confidence: 'verified' },
        { from: '2024-03-01', value: '625', source: 'mof-2024-05-07', confidence: 'verified' },
      ],
    }),
    junior: leaf.optionalMoney({
      description: { zh: '非寄宿家庭经济困难学生生活补助（初中）；null 表示不覆盖', en: 'Living subsidy for non-boarders from poor families, junior secondary; null: not covered' },
      unit: 'yuan/pupil/year',
      history: [
        { from: '2011-09-01', value: null, source: 'living-subsidy-2011', confidence: 'verified', note: 'Non-boarders were not covered before the 2019 autumn semester.' },
        { from: '2019-09-01', value: '625', source: 'living-subsidy-2019', confidence: 'verified' },
        { from: '2024-03-01', value: '750', source: 'mof-2024-05-07', confidence: 'verified' },
      ],
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
