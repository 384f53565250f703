import { byRegion, defineParameters, type ParameterNode } from '../core/parameters.js';
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


/** Parameters of public funding (opinion 5.1, 国发〔2015〕67号). @category Parameters */
export const fundingParameters = defineParameters('funding', {
  benchmark: {
    primary: leaf.regionalMoney({
      description: { zh: '小学生均公用经费基准定额', en: 'Per-pupil public-funding benchmark, primary' },
      unit: 'yuan/pupil/year',
      history: byRegion(SPRING_2016, { east: '650', central: '600', west: '600' }, 'gf-2015-67', 'verified',
        'Later national rises for 中西部 are suggested by local publications (650 / 850 in a western city, 2023) but no national source was found; override if your province pays more.'),
    }),
    junior: leaf.regionalMoney({
      description: { zh: '初中生均公用经费基准定额', en: 'Per-pupil public-funding benchmark, junior secondary' },
      unit: 'yuan/pupil/year',
      history: byRegion(SPRING_2016, { east: '850', central: '800', west: '800' }, 'gf-2015-67', 'verified',
        'Later national rises for 中西部 are suggested by local publications but no national source was found; override if your province pays more.'),
    }),
  },
  boardingSupplement: leaf.money({
    description: { zh: '寄宿制学校按寄宿生增加的公用经费', en: 'Boarding-school supplement per boarder' },
    unit: 'yuan/boarder/year',
    history: [{ from: SPRING_2016, value: '200', source: 'gf-2015-67', confidence: 'secondary' }],
  }),
  specialEducation: leaf.money({
    description: {
      zh: '特殊教育学校和随班就读残疾学生生均公用经费',
      en: 'Per-pupil public funding for special-education schools and disabled pupils in mainstream classes',
    },
    unit: 'yuan/pupil/year',
    history: [
      { from: SPRING_2016, value: '6000', source: 'gf-2015-67', confidence: 'verified' },
      { from: '2025-03-01', value: '7000', source: 'mof-2025-special-education', confidence: 'verified' },
    ],
  }),
  disabledPupils: leaf.choice(['instead', 'on-top'] as const, {
    description: {
      zh: '随班就读残疾学生按特教标准核定：替代学段定额（instead）或在其之上另加（on-top）',
      en: "Disabled pupils in mainstream classes: funded at the special-education rate instead of the stage benchmark ('instead') or on top of it ('on-top')",
    },
    history: [{ from: SPRING_2016, value: 'instead', source: 'junheng', confidence: 'unverified' }],
  }),
  floors: {
    national: {
      below: leaf.count({
        description: { zh: '国家保底：农村不足该人数的学校和教学点', en: 'National floor: rural schools and teaching points with fewer pupils than this' },
        unit: 'pupils',
        history: [{ from: SPRING_2016, value: 100, source: 'gf-2015-67', confidence: 'verified' }],
      }),
      fundedAs: leaf.count({
        description: { zh: '国家保底：按该人数核定公用经费', en: 'National floor: pupils funded' },
        unit: 'pupils',
        history: [{ from: SPRING_2016, value: 100, source: 'gf-2015-67', confidence: 'verified' }],
      }),
      locations: leaf.locations({
        description: {
          zh: '国家保底覆盖的学校所在地类别（教学点不论所在地均覆盖）',
          en: 'Locations whose schools the national floor covers (teaching points are covered wherever they are)',
        },
        history: [{
          from: SPRING_2016, value: ['rural'], source: 'junheng', confidence: 'unverified',
          note: 'The national text names village primary schools (村小学) and teaching points; junheng reads a rural (乡村) location as a village school and covers every teaching point.',
        }],
      }),
    },
    district: {
      above: leaf.count({
        description: { zh: '区级保底：农村超过该人数……', en: 'District floor (opinion 5.1): rural schools with more pupils than this …' },
        unit: 'pupils',
        history: [{ from: OPINION_FROM, value: 100, source: 'opinion', confidence: 'verified', note: OPINION_DATE_NOTE }],
      }),
      below: leaf.count({
        description: { zh: '……且不足该人数的学校', en: '… and fewer pupils than this' },
        unit: 'pupils',
        history: [{ from: OPINION_FROM, value: 200, source: 'opinion', confidence: 'verified', note: OPINION_DATE_NOTE }],
      }),
      fundedAs: leaf.count({
        description: { zh: '区级保底：按该人数核定公用经费', en: 'District floor: pupils funded' },
        unit: 'pupils',
        history: [{ from: OPINION_FROM, value: 200, source: 'opinion', confidence: 'verified', note: OPINION_DATE_NOTE }],
      }),
      locations: leaf.locations({
        description: { zh: '区级保底所称“农村”包含的所在地类别', en: 'Locations the opinion\'s "农村" (rural) covers for the district floor' },
        history: [{
          from: OPINION_FROM, value: ['rural'], source: 'junheng', confidence: 'unverified',
          note: 'Whether 镇区 (town) counts as 农村 is not said; junheng counts only 乡村 by default. Add "town" to include it.',
        }],
      }),
    },
    mixedStageRate: leaf.choice(['proportional', 'primary', 'junior'] as const, {
      description: {
        zh: '九年一贯制等学校保底增加人数所用定额：按本校小学与初中人数比例加权（proportional），或按小学、初中定额',
        en: "Rate the pupils added by a floor carry in a school with both stages: weighted by the school's own primary/junior mix ('proportional', rounded once to the fen), or the primary or junior rate. A one-stage school's added pupils always carry its own stage's rate.",
      },
      history: [{ from: SPRING_2016, value: 'proportional', source: 'junheng', confidence: 'unverified' }],
    }),
  },
} as const satisfies ParameterNode);
