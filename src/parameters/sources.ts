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
      'The district opinion this library encodes (provisions 1.1–8.3). It states no effective date; it follows 国发〔2016〕40号 (2016-07-02), which junheng takes as the earliest date its rules apply.',
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
      'Unified per-pupil public-funding benchmark from the 2016 spring semester: 中西部 600 / 800, 东部 650 / 850 yuan (primary / junior); special-education 6000 yuan; rural schools under 100 pupils funded as 100. Figures verified in 中国教育新闻网 2015-12-25, 光明日报 2015-12-26 and 财政部 2016-05-24; the +200 yuan boarding supplement is from secondary sources.',
  },
  'gf-2016-40': {
    id: 'gf-2016-40',
    number: '国发〔2016〕40号',
    title: {
      zh: '国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见',
      en: 'State Council opinions on integrating urban and rural compulsory education within counties',
    },
    date: '2016-07-02',
    note: 'Very likely the parent document of the opinion. Sets the targets for eliminating 66+ classes by 2018 and 56+ by 2020 (verified).',
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
    note: '4 yuan a day (primary) and 5 yuan a day (junior) × 250 days: 1000 / 1250 yuan a year (verified). The national figure is a floor; provinces may pay more.',
  },
  'living-subsidy-2019': {
    id: 'living-subsidy-2019',
    title: {
      zh: '非寄宿家庭经济困难学生生活补助（2019年秋季学期起）',
      en: 'Living subsidy for non-boarders from poor families, from the 2019 autumn semester',
    },
    date: '2019-09',
    note:
      'Non-boarders from registered-poor (建档立卡), subsistence-allowance (低保) and extreme-poverty-support (特困供养) families and disabled pupils from poor families get 50 % of the boarder rate: 500 / 625 yuan (verified in a provincial text).',
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
