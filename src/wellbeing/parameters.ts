import { defineParameters, type ParameterNode } from '../core/parameters.js';
import { leaf } from '../parameters/leaf.js';
import { OPINION, OPINION_DATE_NOTE } from '../parameters/opinion.js';

/** The opinion's own values start on `opinion.effectiveFrom` (default 2017-05-23). */
const OPINION_FROM = OPINION;

const YEAR_2025_NOTE =
  '到2025年 is read as "by the end of 2025" (inclusive). The year is as printed, but the text\'s target years were flattened to 2025 elsewhere (2.3 even reads 2025—2025年); set the real date if you know it.';

/**
 * Parameters of school life (opinion 3.2, 3.3, 7.1): daily exercise, health monitoring, arts
 * assessment, parents' schools and security posts. 6.2 and 6.3 read none: their targets are
 * "all" by the text itself. The 2025 deadlines of 3.2 and 3.3 live here, where their checks read
 * them; the planning area's timeline (`opinionTargets`) reads the same leaves.
 *
 * @category Parameters
 */
export const wellbeingParameters = defineParameters('wellbeing', {
  dailyExerciseMinutes: leaf.count({
    description: {
      zh: '学生每天在校锻炼时间，不少于（分钟，含本数）',
      en: 'Daily exercise at school, at least (minutes; met exactly is met)',
    },
    unit: 'minutes/day',
    history: [{
      from: OPINION_FROM, value: 60, source: 'opinion', confidence: 'verified',
      note: `Opinion 3.2: 保证学生每天在校锻炼一小时 (one hour = 60 minutes; 60 is met). ${OPINION_DATE_NOTE}`,
    }],
  }),
  healthMonitoringPeriod: leaf.choice(['rolling-12-months', 'calendar-year'] as const, {
    description: {
      zh: '“每年开展学生体质健康监测”的判定方式：距上次监测不超过12个月（rolling-12-months，上次监测满一年之日仍算按时），或上次监测的下一个日历年年底前须再次监测（calendar-year）',
      en: "How 每年开展学生体质健康监测 (annual physical-health monitoring) is read: the next monitoring is due within 12 months of the last, the anniversary day included ('rolling-12-months'), or by the end of the calendar year after the last ('calendar-year')",
    },
    history: [{
      from: OPINION_FROM, value: 'rolling-12-months', source: 'junheng', confidence: 'unverified',
      note: 'The opinion says 每年 (every year) without saying which year. junheng reads it as a rolling year, which gives a definite answer on any day and never lets two monitorings be more than a year apart; choose calendar-year to count calendar years (a monitoring in each year, at most about two years apart).',
    }],
  }),
  artsCoverageTarget: leaf.share({
    description: {
      zh: '中小学生艺术素质测评覆盖率目标（含本数）',
      en: 'Target coverage of the arts-literacy assessment among pupils (met exactly is met)',
    },
    unit: 'share',
    history: [{
      from: OPINION_FROM, value: 1, source: 'opinion', confidence: 'verified',
      note: `Opinion 3.2: 到2025年，全区中小学生艺术素质测评覆盖率达到100%. ${OPINION_DATE_NOTE}`,
    }],
  }),
  artsCoverageDeadline: leaf.date({
    description: {
      zh: '艺术素质测评覆盖率达到目标的期限（含当日）',
      en: 'Deadline for the arts-assessment coverage target, inclusive',
    },
    history: [{ from: OPINION_FROM, value: '2025-12-31', source: 'opinion', confidence: 'unverified', note: `Opinion 3.2. ${YEAR_2025_NOTE}` }],
  }),
  parentSchoolHubTarget: leaf.share({
    description: {
      zh: '以镇、街为单位建立家长学校总校的建校率目标（含本数）',
      en: "Target share of towns and subdistricts (镇、街) with a head parents' school (家长学校总校) (met exactly is met)",
    },
    unit: 'share',
    history: [{
      from: OPINION_FROM, value: 1, source: 'opinion', confidence: 'verified',
      note: `Opinion 3.3: 到2025年，以镇、街为单位建立家长学校总校，建校率达100%. ${OPINION_DATE_NOTE}`,
    }],
  }),
  parentSchoolHubDeadline: leaf.date({
    description: {
      zh: '家长学校总校建校率达到目标的期限（含当日）',
      en: "Deadline for the head-parents'-school target, inclusive",
    },
    history: [{ from: OPINION_FROM, value: '2025-12-31', source: 'opinion', confidence: 'unverified', note: `Opinion 3.3. ${YEAR_2025_NOTE}` }],
  }),
  securityMinFullTimeStaff: leaf.count({
    description: {
      zh: '每所学校专职安全保卫人员，不少于（人，含本数）',
      en: 'Full-time security staff (专职安全保卫) per school, at least (met exactly is met)',
    },
    unit: 'staff/school',
    history: [{
      from: OPINION_FROM, value: 1, source: 'junheng', confidence: 'unverified',
      note: 'Opinion 7.1 says 落实学校安全保卫专职岗位设置 (set up a full-time security post) without a number; junheng reads it as at least one full-time member of security staff per school. Set your province\'s figure if it sets one (some set a number per school size).',
    }],
  }),
} as const satisfies ParameterNode);
