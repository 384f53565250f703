import { DateOf, defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from './leaf.js';

/** junheng's default for the opinion's effective date: the day 教督〔2017〕6号 was released. */
const EFFECTIVE_FROM = '2017-05-23';

/**
 * The opinion's own parameter: the day its rules take effect. The opinion states no date of its
 * own; every value it sets (the 100-to-200 floor, the 30 % living-subsidy coverage, the class,
 * teacher, planning and school-life rules) is dated from this parameter, so one patch
 * `{ opinion: { effectiveFrom: 'YYYY-MM-DD' } }` moves all of them. Before that day the opinion's
 * rules are not in force and the national rules still apply. National values keep their own dates.
 *
 * @category Parameters
 */
export const opinionParameters = defineParameters('opinion', {
  effectiveFrom: leaf.date({
    description: {
      zh: '本实施意见的施行日期（意见本身未载明）：意见自有的各项规定自该日起适用，此前仍适用国家规定',
      en: "The day the opinion's own rules take effect (the opinion states none); before it, only the national rules apply",
    },
    history: [{
      from: EFFECTIVE_FROM, value: EFFECTIVE_FROM, source: 'junheng', confidence: 'unverified',
      note:
        'The opinion states no effective date. It follows 国发〔2016〕40号 (2016-07-02), but it rests on a city opinion on 促进优质均衡发展 and ' +
        'asks the district (1.1) to 创建义务教育发展优质均衡县, a scheme that exists only from 教督〔2017〕6号, released 2017-05-23; provinces ' +
        'implemented 国发〔2016〕40号 in 2017 (Hebei, for one, by 冀政字〔2017〕6号, as its 优质均衡 measures cite it) and cities after them. ' +
        'junheng therefore applies the opinion from 2017-05-23 at the earliest, ' +
        'the day 教督〔2017〕6号 was released. The real date is later if the city opinion or the district opinion was issued later: set the ' +
        "district's own date (the day the opinion was issued or took effect) if you know it.",
    }],
  }),
} as const satisfies ParameterNode);

/**
 * The note of a value dated from the opinion: where its date comes from and how to move it.
 *
 * @internal
 */
export const OPINION_DATE_NOTE =
  "In force from the opinion's effective date, opinion.effectiveFrom (the opinion states none; junheng's default is 2017-05-23, unverified): set that one parameter to move every rule of the opinion.";

/**
 * Marks a dated value as starting on the opinion's effective date: `{ from: OPINION, … }`. The
 * value starts on `opinion.effectiveFrom` as resolved for the call (after the user's patch), and
 * every calculator that reads it reads `opinion.effectiveFrom` too.
 *
 * @internal
 */
export const OPINION = new DateOf(opinionParameters.effectiveFrom);
