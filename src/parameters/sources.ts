import type { Bilingual } from '../core/types.js';

/**
 * A document a parameter value or a rule comes from.
 *
 * @category Parameters
 */
export interface SourceDocument {
  readonly id: string;
  /** Official document number where there is one (`国发〔2015〕67号`). */
  readonly number?: string;
  readonly title: Bilingual;
  /** Issue or report date, `'YYYY-MM-DD'` or `'YYYY-MM'` where only the month is known. */
  readonly date?: string;
  /** Where junheng's figure was read, and how well it is known. */
  readonly note: string;
}

/**
 * The small register of national (and district) documents junheng cites beside the opinion's
 * provisions. Ids are stable: they appear in `citations`, in parameter listings and on the docs site.
 *
 * @category Parameters
 */
export const sources = {
  opinion: {
    id: 'opinion',
    title: {
      zh: '统筹推进城乡义务教育一体化均衡发展的实施意见',
      en: 'District implementing opinion on integrating urban and rural compulsory education and developing it in balance',
    },
    note:
      "The district opinion this library encodes (provisions 1.1–8.3). It states no effective date: its own values start on the parameter opinion.effectiveFrom, junheng's reading 2017-05-23 (the day 教督〔2017〕6号 was released; unverified), which a district sets to its own date.",
  },
  'gf-2015-67': {
    id: 'gf-2015-67',
    number: '国发〔2015〕67号',
    title: {
      zh: '国务院关于进一步完善城乡义务教育经费保障机制的通知',
      en: 'State Council notice on further improving the funding guarantee mechanism for urban and rural compulsory education',
    },
    date: '2015-11-25',
    note:
      'Unified per-pupil public-funding benchmark from the 2016 spring semester: 中西部 600 / 800, 东部 650 / 850 yuan (primary / junior); special-education 6000 yuan; rural schools under 100 pupils funded as 100. Figures verified in 中国教育新闻网 2015-12-25, 光明日报 2015-12-26 and 财政部 2016-05-24; the +200 yuan boarding supplement is from secondary sources. From the 2017 spring semester it also unifies 两免一补 for urban and rural pupils, so that city boarders from poor families get the living subsidy too (as reported in 中国德育 2016 no. 17, quoting the Ministry of Education: "从明年春季学期开始…对城市家庭经济困难寄宿生给予生活费补助").',
  },
  'gf-2016-40': {
    id: 'gf-2016-40',
    number: '国发〔2016〕40号',
    title: {
      zh: '国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见',
      en: 'State Council opinions on integrating urban and rural compulsory education within counties',
    },
    date: '2016-07-02',
    note: 'Very likely the parent document of the opinion. Sets the targets for eliminating classes of "66人以上" by 2018 and "56人以上" by 2020 (verified; 以上 includes the number).',
  },
  'mof-2025-special-education': {
    id: 'mof-2025-special-education',
    title: {
      zh: '财政部：特殊教育学校和随班就读残疾学生生均公用经费标准提高至每生每年7000元',
      en: 'Ministry of Finance: special-education per-pupil public funding raised to 7000 yuan a year',
    },
    date: '2025-08',
    note: 'Rate of 7000 yuan from the 2025 spring semester, as reported by 财政部 in August 2025 (verified).',
  },
  'living-subsidy-2011': {
    id: 'living-subsidy-2011',
    title: {
      zh: '家庭经济困难寄宿生生活费补助国家基础标准（2011年秋季学期起）',
      en: 'National base standard of the living subsidy for boarders from poor families, from the 2011 autumn semester',
    },
    date: '2011-09',
    note: '4 yuan a day (primary) and 5 yuan a day (junior) × 250 days: 1000 / 1250 yuan a year (verified). The national figure is a floor; provinces may pay more. The subsidy was for rural boarders (农村义务教育家庭经济困难寄宿学生, as a 2012 local finance report restates it; the national text itself was not seen) until 两免一补 was unified for urban and rural pupils from the 2017 spring semester (国发〔2015〕67号).',
  },
  'living-subsidy-2019': {
    id: 'living-subsidy-2019',
    title: {
      zh: '非寄宿家庭经济困难学生生活补助（2019年秋季学期起）',
      en: 'Living subsidy for non-boarders from poor families, from the 2019 autumn semester',
    },
    date: '2019-09',
    note:
      'Four categories of non-boarders get 50 % of the boarder rate: 500 / 625 yuan (verified in a provincial text: 陕西日报 2019-10-31, "建档立卡学生以及非建档立卡的家庭经济困难残疾学生、农村低保家庭学生、农村特困救助供养学生4类家庭经济困难非寄宿生"). Two of the four carry a rural qualifier: 农村低保 (subsistence allowance) and 农村特困 (extreme-poverty support); 建档立卡 (registered poor) and disabled pupils from poor families do not.',
  },
  'mof-2024-05-07': {
    id: 'mof-2024-05-07',
    title: {
      zh: '财政部：提高义务教育家庭经济困难学生生活补助标准（2024年春季学期起）',
      en: 'Ministry of Finance: higher living-subsidy standards for compulsory-education pupils from poor families, from the 2024 spring semester',
    },
    date: '2024-05-07',
    note: 'Boarders 1250 / 1500, non-boarders 625 / 750 yuan a year (primary / junior), verified.',
  },
  'gb-50099-2011': {
    id: 'gb-50099-2011',
    number: 'GB 50099-2011',
    title: { zh: '中小学校设计规范', en: 'Code for design of primary and secondary schools' },
    date: '2011',
    note: 'Standard class size (§3.0.1; also 城市普通中小学校校舍建设标准): full primary school 45, incomplete primary school 30, junior secondary 50; a nine-year school counts grades 1–6 as primary and 7–9 as junior (verified).',
  },
  'moe-2019-large-class': {
    id: 'moe-2019-large-class',
    title: {
      zh: '教育部、国家发展改革委、财政部2019年7月17日发布的意见（巩固全面改善贫困地区义务教育薄弱学校基本办学条件工作成果；正式标题未能核实）',
      en: 'Opinion released by the Ministry of Education, NDRC and Ministry of Finance on 2019-07-17, consolidating the results of improving weak rural schools (全面改薄) (official title not confirmed)',
    },
    date: '2019-07-17',
    note: 'Reported by 中国网 on 2019-07-18: "为进一步巩固全面改善贫困地区义务教育薄弱学校基本办学条件工作成果，教育部、国家发展改革委、财政部17日发布意见" — by the end of 2020 全部消除66人以上超大班额, 基本消除现有56人以上大班额, 全国大班额比例控制在5%以内 (verified as reported). The opinion is about consolidating the 改薄 results, not about large classes alone; its official title could not be confirmed here, so the title above describes it. 56 and 66 (以上, the number included) follow 国发〔2016〕40号.',
  },
  'jiaodu-2017-6': {
    id: 'jiaodu-2017-6',
    number: '教督〔2017〕6号',
    title: { zh: '县域义务教育优质均衡发展督导评估办法', en: 'Measures for supervising and assessing high-quality balanced development of county compulsory education' },
    date: '2017-05-23',
    note: 'Released on 2017-05-23: 央广网 (2017-05-24) reports the measures "日前发布" and the Ministry of Education presenting them "昨天(23日)". The day of signing (reported elsewhere as April 2017) was not confirmed; junheng dates every value of the measures from 2017-05-23, in every area. Official wording not available here; thresholds are from provincial restatements (Hebei read directly) and summaries, each value marked with its own confidence.',
  },
  'jiaoshi-2011-1': {
    id: 'jiaoshi-2011-1',
    number: '教师〔2011〕1号',
    title: { zh: '教育部关于大力加强中小学教师培训工作的意见', en: 'Ministry of Education opinion on strengthening the training of primary and secondary teachers' },
    date: '2011-01',
    note: 'Usually cited for the 360-hour five-year training requirement (the requirement is secondary; this attribution unverified). The opinion (4.2) itself states 5年一周期不少于360学时.',
  },
  'compulsory-education-law': {
    id: 'compulsory-education-law',
    title: { zh: '中华人民共和国义务教育法（第三十一条）', en: 'Compulsory Education Law of the PRC, article 31' },
    note: "Teachers' average pay shall not be lower than that of local civil servants (verified).",
  },
  junheng: {
    id: 'junheng',
    title: {
      zh: 'junheng 的解释性选择（文本未明确之处）',
      en: "junheng's documented reading where the texts are silent",
    },
    note: 'A choice junheng makes where the opinion and the national texts leave a case open; documented beside the parameter and on the docs site. Marked unverified: confirm or override it.',
  },
} as const satisfies Record<string, SourceDocument>;

/** Id of a document in {@link sources}. @category Parameters */
export type SourceId = keyof typeof sources;
