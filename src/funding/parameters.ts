import { byRegion, defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from '../parameters/leaf.js';
import { OPINION, OPINION_DATE_NOTE } from '../parameters/opinion.js';
import { band, floorBandsLeaf } from './floors.js';

/** 2016 spring semester: the unified national benchmark of 国发〔2015〕67号 takes effect. */
const SPRING_2016 = '2016-03-01';
/**
 * The opinion's own values (the 100-to-200 floor) start on its effective date,
 * `opinion.effectiveFrom` ({@link OPINION}; default 2017-05-23): one patch of that parameter moves
 * them with every other rule of the opinion.
 */
const OPINION_FROM = OPINION;

/**
 * How far sources confirm the national values (`confirmedThrough`): after these days no source seen
 * shows them still in force, and listings mark them `stale`.
 */
/** 中国教育新闻网 2015-12-25: "中央确定2016年生均公用经费基准定额为…" — the benchmarks of the year 2016. */
const BENCHMARKS_CONFIRMED = '2016-12-31';
const BENCHMARKS_CONFIRMED_NOTE =
  'Confirmed for the year 2016 only: 中国教育新闻网 2015-12-25 ("中央确定2016年生均公用经费基准定额为：中西部地区普通小学每生每年600元、普通初中每生每年800元；东部地区普通小学每生每年650元、普通初中每生每年850元") and 财政部 2016-05-24 (as reported: "2016年将统一城乡义务教育生均公用经费基准定额"). No later national figure was found: the 2023 central budget (reported 2023-05-06) "重点支持地方提高学校生均公用经费基准定额以及寄宿制学校公用经费补助水平", and provinces now pay more (Fujian 750 / 950 by 南教计〔2020〕4号; 青田 845 / 1105 in 2023; Shandong 780 primary by 鲁财科教〔2024〕67号). Set your province\'s rate.';
/**
 * 国务院办公厅《关于进一步调整优化结构提高教育经费使用效益的意见》 as reported by 中新网 on
 * 2018-08-27: "落实对农村不足100人的小规模学校按100人拨付公用经费和对寄宿制学校按寄宿生年生均200元标准增加公用经费补助政策".
 */
const GUOBAN_2018_CONFIRMED = '2018-08-27';
const GUOBAN_2018_NOTE =
  'Confirmed through 2018-08-27: 国务院办公厅《关于进一步调整优化结构提高教育经费使用效益的意见》, as 中新网 reported it that day, asks to "落实对农村不足100人的小规模学校按100人拨付公用经费和对寄宿制学校按寄宿生年生均200元标准增加公用经费补助政策". No later national source was found.';


/**
 * The national floor (国发〔2015〕67号 and the 2006 mechanism behind it): village primary schools and
 * teaching points with fewer than 100 pupils are funded as 100. junheng reads a rural (乡村) location
 * as a village school and covers every teaching point wherever it is.
 */
const NATIONAL_UNDER_100 = band({ id: 'national-under-100', locations: ['rural'], kinds: ['teaching-point'], below: 100, fundedAs: 100 });
/** The opinion's floor (5.1): 对农村超过100人不足200人的规模较小的学校，按200人核定公用经费. */
const DISTRICT_100_TO_200 = band({ id: 'district-100-to-200', locations: ['rural'], above: 100, below: 200, fundedAs: 200 });
const NATIONAL_NOTE =
  'national-under-100 (不足100人 → 100, verified in gf-2015-67): the national text names village primary schools (村小学) and teaching points; junheng reads a rural (乡村) location as a village school and covers every teaching point (kinds: teaching-point) — that coverage is junheng\'s reading.';
const DISTRICT_NOTE =
  'district-100-to-200 (opinion 5.1, 超过100人不足200人 → 200, verified): whether 镇区 (town) counts as 农村 is not said; junheng counts only 乡村 (locations: rural). Add "town" to include it.';

/** Parameters of public funding (opinion 5.1, 国发〔2015〕67号). @category Parameters */
export const fundingParameters = defineParameters('funding', {
  benchmark: {
    primary: leaf.regionalMoney({
      description: { zh: '小学生均公用经费基准定额', en: 'Per-pupil public-funding benchmark, primary' },
      unit: 'yuan/pupil/year',
      history: byRegion(SPRING_2016, { east: '650', central: '600', west: '600' }, 'gf-2015-67', 'verified',
        `Later national rises for 中西部 are suggested by local publications (650 / 850 in a western city, 2023) but no national source was found; override if your province pays more. ${BENCHMARKS_CONFIRMED_NOTE}`,
        BENCHMARKS_CONFIRMED),
    }),
    junior: leaf.regionalMoney({
      description: { zh: '初中生均公用经费基准定额', en: 'Per-pupil public-funding benchmark, junior secondary' },
      unit: 'yuan/pupil/year',
      history: byRegion(SPRING_2016, { east: '850', central: '800', west: '800' }, 'gf-2015-67', 'verified',
        `Later national rises for 中西部 are suggested by local publications but no national source was found; override if your province pays more. ${BENCHMARKS_CONFIRMED_NOTE}`,
        BENCHMARKS_CONFIRMED),
    }),
  },
  boardingSupplement: leaf.money({
    description: { zh: '寄宿制学校按寄宿生增加的公用经费', en: 'Boarding-school supplement per boarder' },
    unit: 'yuan/boarder/year',
    history: [{
      from: SPRING_2016, value: '200', source: 'gf-2015-67', confidence: 'secondary', confirmedThrough: GUOBAN_2018_CONFIRMED,
      note: `${GUOBAN_2018_NOTE} A western city (巴彦淖尔) still paid +200 per boarder in 2023 (bynr.gov.cn, 2023-04-27), but the 2023 central budget supported raising the boarding supplement, and provinces pay more (Fujian +400, 青田 +300).`,
    }],
  }),
  specialEducation: leaf.money({
    description: {
      zh: '特殊教育学校和随班就读残疾学生生均公用经费',
      en: 'Per-pupil public funding for special-education schools and disabled pupils in mainstream classes',
    },
    unit: 'yuan/pupil/year',
    history: [
      {
        from: SPRING_2016, value: '6000', source: 'gf-2015-67', confidence: 'verified', confirmedThrough: '2025-02-28',
        note: 'Confirmed until the 2025 spring semester by 财政部 (statement of 2025-08-13): the rate was raised "由每生每年6000元提高至7000元" from that semester.',
      },
      {
        from: '2025-03-01', value: '7000', source: 'mof-2025-special-education', confidence: 'verified', confirmedThrough: '2025-12-31',
        note: '财政部, 2025-08-13 (大河财立方 and 齐鲁晚报 the same and next day): "2025年下达资金42.5亿元 … 2025年春季学期，支持地方将…生均公用经费补助标准由每生每年6000元提高至7000元". junheng reads the allocation for the year 2025 as confirming the rate through 2025-12-31.',
      },
    ],
  }),
  disabledPupils: leaf.choice(['instead', 'on-top'] as const, {
    description: {
      zh: '随班就读残疾学生按特教标准核定：替代学段定额（instead）或在其之上另加（on-top）',
      en: "Disabled pupils in mainstream classes: funded at the special-education rate instead of the stage benchmark ('instead') or on top of it ('on-top')",
    },
    history: [{ from: SPRING_2016, value: 'instead', source: 'junheng', confidence: 'unverified' }],
  }),
  floors: floorBandsLeaf({
    description: {
      zh: '规模较小学校保底核定人数：各档（id、所在地 locations、学校类型 kinds、学段 stage、超过 above、不足 below、按 fundedAs 人核定），覆盖同一学校的多档取核定人数最高的一档',
      en: 'Small-school floors: bands { id, locations, kinds?, stage?, above?, below, fundedAs }, each funding the schools it covers (location in locations or kind in kinds) with more than `above` and fewer than `below` pupils as `fundedAs`; where several cover a school, the highest fundedAs applies. A patch replaces the whole list.',
    },
    unit: 'bands',
    history: [
      {
        from: SPRING_2016, value: [NATIONAL_UNDER_100], source: 'gf-2015-67', confidence: 'unverified', confirmedThrough: GUOBAN_2018_CONFIRMED,
        note: `${NATIONAL_NOTE} The opinion's own band (100 to 200) joins the list on the opinion's date. ${GUOBAN_2018_NOTE}`,
      },
      {
        from: OPINION_FROM, value: [NATIONAL_UNDER_100, DISTRICT_100_TO_200], source: 'opinion', confidence: 'unverified', confirmedThrough: GUOBAN_2018_CONFIRMED,
        note: `${NATIONAL_NOTE} ${DISTRICT_NOTE} ${OPINION_DATE_NOTE} The national band is confirmed through 2018-08-27 (see the value before); the opinion's band is the opinion's own.`,
      },
    ],
  }),
  floorMixedStageRate: leaf.choice(['proportional', 'primary', 'junior'] as const, {
    description: {
      zh: '九年一贯制等学校保底增加人数所用定额（不分学段的保底档）：按本校小学与初中人数比例加权（proportional），或按小学、初中定额',
      en: "Rate the pupils added by a floor band without a stage carry in a school with both stages: weighted by the school's own primary/junior mix ('proportional'), or the primary or junior rate. A one-stage school's added pupils always carry its own stage's rate; a stage band's carry that stage's rate.",
    },
    history: [{ from: SPRING_2016, value: 'proportional', source: 'junheng', confidence: 'unverified' }],
  }),
} as const satisfies ParameterNode);
