import * as z from 'zod/mini';
import { defineLazy, step, type Explained } from '../core/explain.js';
import { choice, idSchema, listOf, record, yesNo } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';

/** Whom a ranking may rank: 学校, 班级, 学生. Opinion 3.3 forbids all three. @category Wellbeing */
export const RANKED_UNITS = ['schools', 'classes', 'pupils'] as const;
/** @category Wellbeing */
export type RankedUnit = (typeof RANKED_UNITS)[number];

/** The evaluation rules of opinion 3.3, in the order it states them. @category Wellbeing */
export const EVALUATION_RULES = ['grades-and-comments', 'no-published-scores', 'no-ranking'] as const;
/** @category Wellbeing */
export type EvaluationRule = (typeof EVALUATION_RULES)[number];

/**
 * How a school (or the district) evaluates pupils, described by what it does. Every question must
 * be answered, so that an omitted answer is never read as "no":
 *
 * - `gradesAndComments`: pupils are evaluated by grades plus comments (等级加评语), not by marks.
 * - `publishesScores`: scores (成绩) are published — posted, announced or sent to a group.
 * - `rankings`: who is ranked (`'schools'`, `'classes'`, `'pupils'`); `[]` when nobody is.
 *
 * Unknown keys are rejected.
 *
 * @category Wellbeing
 */
export const evaluationPolicySchema = record(
  {
    schoolId: z.optional(idSchema),
    gradesAndComments: yesNo('pupils are evaluated by grades plus comments, 等级加评语'),
    publishesScores: yesNo('scores are published'),
    rankings: listOf(choice(RANKED_UNITS, 'who is ranked'), "who is ranked ('schools' | 'classes' | 'pupils'), possibly empty"),
  },
  'an evaluation policy object { gradesAndComments, publishesScores, rankings, schoolId? }',
);
/** @category Wellbeing */
export type EvaluationPolicy = z.input<typeof evaluationPolicySchema>;

/** One evaluation rule a policy breaks. @category Wellbeing */
export interface EvaluationViolation {
  readonly rule: EvaluationRule;
  /** Always '3.3'. */
  readonly provision: '3.3';
  /** The clause of opinion 3.3 it breaks, quoted as printed. */
  readonly clause: string;
  /** For `'no-ranking'`: who is ranked, in the order 学校, 班级, 学生; otherwise empty. */
  readonly details: string[];
}

/** What {@link evaluationPolicyCheck} returns. @category Wellbeing */
export interface EvaluationPolicyCheckResult extends Explained {
  /** True when the policy breaks none of the rules. */
  readonly compliant: boolean;
  /** Each rule broken, in the order 3.3 states them. */
  readonly violations: EvaluationViolation[];
}

/** The clauses of opinion 3.3, exactly as printed. */
const CLAUSES: Record<EvaluationRule, string> = {
  'grades-and-comments': '实行等级加评语的评价方式',
  'no-published-scores': '严禁公开成绩',
  'no-ranking': '不对学校、班级及学生进行排名',
};

const EN: Record<EvaluationRule, string> = {
  'grades-and-comments': 'evaluate pupils by grades plus comments',
  'no-published-scores': 'never publish scores',
  'no-ranking': 'do not rank schools, classes or pupils',
};

const UNIT_ZH: Record<RankedUnit, string> = { schools: '学校', classes: '班级', pupils: '学生' };

/** What {@link evaluationPolicyCheckRule} decides: the result of {@link evaluationPolicyCheck} without citations and explanation. @category Wellbeing */
export type EvaluationPolicyOutcome = Omit<EvaluationPolicyCheckResult, keyof Explained>;

/**
 * The pure rule of {@link evaluationPolicyCheck}: the rules of opinion 3.3 a valid policy breaks, in
 * the order 3.3 states them, each with its clause (who is ranked in the order 学校, 班级, 学生). No
 * parameter is read; nothing is checked.
 *
 * @category Wellbeing
 */
export function evaluationPolicyCheckRule(plan: EvaluationPolicy): EvaluationPolicyOutcome {
  const ranked = RANKED_UNITS.filter((u) => plan.rankings.includes(u));
  const found = new Map<EvaluationRule, string[]>();
  if (!plan.gradesAndComments) found.set('grades-and-comments', []);
  if (plan.publishesScores) found.set('no-published-scores', []);
  if (ranked.length > 0) found.set('no-ranking', [...ranked]);
  const violations: EvaluationViolation[] = EVALUATION_RULES.filter((rule) => found.has(rule)).map((rule) => ({
    rule,
    provision: '3.3',
    clause: CLAUSES[rule],
    details: found.get(rule) as string[],
  }));
  return { compliant: violations.length === 0, violations };
}

/**
 * Checks how a school or the district evaluates pupils against the rules of opinion 3.3: grades
 * plus comments, no published scores, no ranking of schools, classes or pupils.
 *
 * Encodes opinion **3.3** (实行等级加评语的评价方式，建立相应工作机制，严禁公开成绩，不对学校、班级及学生进行排名).
 * Each rule broken is reported with its clause, quoted as printed. Readings: evaluating by marks
 * alone, or by grades without comments, breaks the first rule; ranking any one of schools, classes
 * or pupils breaks the third (the units ranked are listed). The working mechanism (建立相应工作机制),
 * the homework limit (统筹控制学生每天书面作业总量, no figure given) and the oversight of training
 * providers are not checked.
 *
 * @category Wellbeing
 * @function
 * @param input - `{ gradesAndComments, publishesScores, rankings: [...], schoolId? }`.
 * @param options - `{ asOf? }` (accepted for symmetry; no dated value is read).
 * @returns Whether the policy complies, each rule broken with its clause, citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options.
 * @example
 * ```ts
 * const r = evaluationPolicyCheck({ gradesAndComments: true, publishesScores: false, rankings: ['pupils', 'classes'] });
 * r.compliant; //=> false
 * r.violations.map((v) => v.rule); //=> ['no-ranking']
 * r.violations[0]?.clause; //=> '不对学校、班级及学生进行排名'
 * r.violations[0]?.details; //=> ['classes', 'pupils']
 * ```
 */
export const evaluationPolicyCheck = defineCalculator({
  name: 'evaluationPolicyCheck',
  provisions: ['3.3'],
  input: evaluationPolicySchema,
  rule: evaluationPolicyCheckRule,
  result(outcome, call): EvaluationPolicyCheckResult {
    const p = call.input;
    const broken = new Map(outcome.violations.map((v) => [v.rule, v]));
    const ranked = [...(broken.get('no-ranking')?.details ?? [])] as RankedUnit[];
    const result = { ...outcome, citations: ['3.3'] };
    const who = p.schoolId === undefined ? '' : `（${p.schoolId}）`;
    const whoEn = p.schoolId === undefined ? '' : ` (${p.schoolId})`;
    return defineLazy(result, 'explanation', () =>
      EVALUATION_RULES.map((rule) => {
        const isBroken = broken.has(rule);
        const zhDetail = rule === 'no-ranking' && isBroken ? `：对${ranked.map((u) => UNIT_ZH[u]).join('、')}进行排名` : '';
        const enDetail = rule === 'no-ranking' && isBroken ? `: ranks ${ranked.join(', ')}` : '';
        return step('3.3',
          isBroken ? `评价方式${who}违反“${CLAUSES[rule]}”${zhDetail}` : `评价方式${who}符合“${CLAUSES[rule]}”`,
          isBroken ? `The evaluation policy${whoEn} breaks "${EN[rule]}"${enDetail}` : `The evaluation policy${whoEn} complies with "${EN[rule]}"`,
          { rule, violated: isBroken });
      })) as EvaluationPolicyCheckResult;
  },
});

/**
 * {@link evaluationPolicyCheck} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Wellbeing
 */
export const safeEvaluationPolicyCheck = safe(evaluationPolicyCheck);
