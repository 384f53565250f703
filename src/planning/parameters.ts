import { defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from '../parameters/leaf.js';
import { OPINION, OPINION_DATE_NOTE } from '../parameters/opinion.js';

/** The opinion's own values start on `opinion.effectiveFrom` (default 2017-05-23). */
const OPINION_FROM = OPINION;

/** The printed target years were flattened to 2025 (2.3 even reads 2025—2025年). */
const FLATTENED_YEAR_NOTE =
  "The year is as printed, but the text's target years were flattened to 2025 (2.3 even reads 2025—2025年); junheng reads 到2025年 as the end of that year, inclusive. Set the real date if you know it.";

/**
 * Parameters of the planning area: the special-education school (1.1), rectification deadlines (8.2)
 * and the deadline of 1.3's target. The other dated targets keep their deadlines where their checks
 * read them (`classes.largeClassDeadline` for 2.3, `wellbeing.artsCoverageDeadline` for 3.2,
 * `wellbeing.parentSchoolHubDeadline` for 3.3); `opinionTargets` reads them there.
 *
 * @category Parameters
 */
export const planningParameters = defineParameters('planning', {
  specialEducation: {
    minSchools: leaf.count({
      description: {
        zh: '原则上在我区办好一所特殊教育学校：全区应有的特殊教育学校数（至少）',
        en: 'Special-education schools the district should run, at least (原则上…办好一所特殊教育学校)',
      },
      unit: 'schools',
      history: [{
        from: OPINION_FROM, value: 1, source: 'opinion', confidence: 'verified',
        note: `Opinion 1.1: 原则上在我区办好一所特殊教育学校. junheng reads 一所 as "at least one" (a second school is no breach) and 原则上 (in principle) as a rule a district exempted by its superiors overrides to 0. ${OPINION_DATE_NOTE}`,
      }],
    }),
  },
  rectification: {
    dueSoonDays: leaf.count({
      description: {
        zh: '限期整改：距整改期限不超过该天数（含期限当日）的未整改事项列为“即将到期”',
        en: "Rectification: an open item whose deadline is at most this many days away (the deadline day included) is 'due-soon'",
      },
      unit: 'days',
      history: [{
        from: OPINION_FROM, value: 30, source: 'junheng', confidence: 'unverified',
        note: 'Opinion 8.2 sets up 限期整改制度 but gives no warning period; 30 days is a junheng default. Set your inspectorate\'s own.',
      }],
    }),
  },
  targets: {
    qualityResourceCoverage: leaf.date({
      description: {
        zh: '到2025年实现全区义务教育优质资源全覆盖的期限（含当日）',
        en: 'Deadline for high-quality compulsory-education resources to cover the whole district (opinion 1.3), inclusive',
      },
      history: [{ from: OPINION_FROM, value: '2025-12-31', source: 'opinion', confidence: 'unverified', note: `Opinion 1.3: 到2025年，实现全区义务教育优质资源全覆盖. ${FLATTENED_YEAR_NOTE} ${OPINION_DATE_NOTE}` }],
    }),
  },
} as const satisfies ParameterNode);
