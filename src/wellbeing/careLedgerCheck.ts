import * as z from 'zod/mini';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { checkUnique, choice, idSchema, listOf, parseInto, record, yesNo } from '../core/schemas.js';
import { defineCalculator, safe } from '../parameters/kit.js';

/**
 * The categories of children opinion 6.2 brings into social assistance, when they meet its
 * conditions: 特殊困难流动儿童 (`'migrant-special-hardship'`), 留守儿童 (`'left-behind'`), 家庭经济困难儿童
 * (`'family-hardship'`).
 *
 * @category Wellbeing
 */
export const CARE_CATEGORIES = ['left-behind', 'migrant-special-hardship', 'family-hardship'] as const;
/** @category Wellbeing */
export type CareCategory = (typeof CARE_CATEGORIES)[number];

/** Who looks after a child day to day, as a care ledger records it; `'none'`: nobody (无人监护). @category Wellbeing */
export const GUARDIANS = ['parent', 'grandparent', 'other-relative', 'other', 'none'] as const;
/** @category Wellbeing */
export type Guardian = (typeof GUARDIANS)[number];

/**
 * One child of a care ledger (关爱帮扶台账):
 *
 * - `id`, `town`: the child's ledger id and the town or subdistrict (镇街) keeping the entry.
 * - `categories`: which of {@link CARE_CATEGORIES} apply (possibly none, possibly several).
 * - `meetsAssistanceConditions`: whether the child meets the conditions (符合条件) of a social-assistance
 *   policy. The opinion does not set them (民政 and the assistance rules do), so they are an input.
 * - `inSocialAssistance`: whether the child is covered by social assistance (纳入社会救助政策保障范围).
 * - `guardian` (optional): who looks after the child; `'none'` is listed for follow-up.
 *
 * Unknown keys are rejected.
 *
 * @category Wellbeing
 */
export const careLedgerEntrySchema = record(
  {
    id: idSchema,
    town: idSchema,
    categories: listOf(choice(CARE_CATEGORIES, 'care category'), "care categories ('left-behind' | 'migrant-special-hardship' | 'family-hardship'), possibly empty"),
    meetsAssistanceConditions: yesNo('the child meets the conditions of a social-assistance policy, 符合条件'),
    inSocialAssistance: yesNo('the child is covered by social assistance'),
    guardian: z.optional(choice(GUARDIANS, 'guardian')),
  },
  'a ledger entry { id, town, categories, meetsAssistanceConditions, inSocialAssistance, guardian? }',
);
/** @category Wellbeing */
export type CareLedgerEntry = z.input<typeof careLedgerEntrySchema>;

/** The input of {@link careLedgerCheck}: the ledger, one entry per child. @category Wellbeing */
export const careLedgerSchema = listOf(careLedgerEntrySchema, 'ledger entries { id, town, categories, meetsAssistanceConditions, inSocialAssistance }');

/** A child who qualifies for social assistance under 6.2 and is not covered. @category Wellbeing */
export interface UncoveredChild {
  readonly id: string;
  readonly town: string;
  /** The child's categories, in the order of {@link CARE_CATEGORIES}. */
  readonly categories: CareCategory[];
}

/** Counts of a set of ledger entries. @category Wellbeing */
export interface CareCounts {
  /** Entries counted. */
  readonly children: number;
  /** Children in at least one category who meet the conditions. */
  readonly qualifying: number;
  /** Qualifying children covered by social assistance. */
  readonly covered: number;
  /** Qualifying children not covered. */
  readonly uncovered: number;
}

/** The counts of one town, in order of first appearance. @category Wellbeing */
export interface CareTownCounts extends CareCounts {
  readonly town: string;
}

/** What {@link careLedgerCheck} returns. @category Wellbeing */
export interface CareLedgerResult extends CareCounts, Explained {
  /** True when every qualifying child is covered. */
  readonly compliant: boolean;
  /** The qualifying children not covered, in ledger order. */
  readonly uncoveredChildren: UncoveredChild[];
  /** Per town or subdistrict. */
  readonly byTown: CareTownCounts[];
  /** Per category; a child in two categories counts in both. */
  readonly byCategory: Record<CareCategory, { readonly qualifying: number; readonly uncovered: number }>;
  /** Ids of children the ledger records with nobody looking after them (`guardian: 'none'`). */
  readonly withoutGuardian: string[];
}

const CATEGORY_ZH: Record<CareCategory, string> = {
  'left-behind': '留守儿童',
  'migrant-special-hardship': '特殊困难流动儿童',
  'family-hardship': '家庭经济困难儿童',
};

const SHOWN = 20;
const listed = (ids: readonly string[], sep: string, more: (n: number) => string): string =>
  ids.length <= SHOWN ? ids.join(sep) : `${ids.slice(0, SHOWN).join(sep)}${more(ids.length - SHOWN)}`;

/** What {@link careLedgerCheckRule} decides: the result of {@link careLedgerCheck} without citations and explanation. @category Wellbeing */
export type CareLedgerOutcome = Omit<CareLedgerResult, keyof Explained>;

/**
 * The pure rule of {@link careLedgerCheck}: the ledger's counts, per town and per category, the
 * qualifying children not covered and the children without a guardian. The entries must be valid
 * (each id once); nothing is checked. No parameter is read.
 *
 * @category Wellbeing
 */
export function careLedgerCheckRule(children: readonly CareLedgerEntry[]): CareLedgerOutcome {
  const towns = new Map<string, { children: number; qualifying: number; covered: number; uncovered: number }>();
  const byCategory = Object.fromEntries(CARE_CATEGORIES.map((c) => [c, { qualifying: 0, uncovered: 0 }])) as Record<CareCategory, { qualifying: number; uncovered: number }>;
  const uncoveredChildren: UncoveredChild[] = [];
  const withoutGuardian: string[] = [];
  let qualifying = 0;
  let covered = 0;
  for (const child of children) {
    let t = towns.get(child.town);
    if (t === undefined) {
      t = { children: 0, qualifying: 0, covered: 0, uncovered: 0 };
      towns.set(child.town, t);
    }
    t.children++;
    if (child.guardian === 'none') withoutGuardian.push(child.id);
    const categories = CARE_CATEGORIES.filter((c) => child.categories.includes(c));
    if (categories.length === 0 || !child.meetsAssistanceConditions) continue;
    qualifying++;
    t.qualifying++;
    for (const c of categories) byCategory[c].qualifying++;
    if (child.inSocialAssistance) {
      covered++;
      t.covered++;
    } else {
      t.uncovered++;
      for (const c of categories) byCategory[c].uncovered++;
      uncoveredChildren.push({ id: child.id, town: child.town, categories });
    }
  }
  const byTown: CareTownCounts[] = [...towns].map(([town, c]) => ({ town, ...c }));
  return {
    children: children.length,
    qualifying,
    covered,
    uncovered: uncoveredChildren.length,
    compliant: uncoveredChildren.length === 0,
    uncoveredChildren,
    byTown,
    byCategory,
    withoutGuardian,
  };
}

/**
 * Checks a left-behind-children care ledger (关爱帮扶台账) for children who qualify for social
 * assistance under opinion 6.2 and are not covered, with counts per town and category.
 *
 * Encodes opinion **6.2** (要将符合条件的特殊困难流动儿童、留守儿童和家庭经济困难儿童纳入社会救助政策保障范围).
 * Readings:
 *
 * - A child qualifies when at least one of the three categories applies **and** the child meets the
 *   conditions (符合条件). The opinion does not set those conditions — the social-assistance rules
 *   and the civil-affairs bureau (民政) do — so junheng takes them as the input
 *   `meetsAssistanceConditions` rather than guessing them.
 * - A qualifying child not in social assistance is a gap; a non-qualifying child in assistance is
 *   not an error (other rules may cover the child).
 * - Each child is listed once (a repeated id is an input error); an empty ledger has no gap.
 * - `guardian: 'none'` is listed in `withoutGuardian` for follow-up (强化家庭监护主体责任), not
 *   judged. Care rooms, education and the other duties of 6.2 are not computable from a ledger.
 *
 * @category Wellbeing
 * @function
 * @param input - `[{ id, town, categories, meetsAssistanceConditions, inSocialAssistance, guardian? }]`.
 * @param options - `{ asOf? }` (accepted for symmetry; no dated value is read).
 * @returns Counts, the uncovered children, counts per town and per category, children without a guardian, citations and an explanation.
 * @throws {@link PolicyInputError} for invalid input or options, or a repeated id.
 * @example
 * ```ts
 * const r = careLedgerCheck([
 *   { id: 'C1', town: '城关镇', categories: ['left-behind'], meetsAssistanceConditions: true, inSocialAssistance: false },
 *   { id: 'C2', town: '城关镇', categories: ['left-behind', 'family-hardship'], meetsAssistanceConditions: true, inSocialAssistance: true },
 *   { id: 'C3', town: '河西镇', categories: ['left-behind'], meetsAssistanceConditions: false, inSocialAssistance: false },
 * ]);
 * r.qualifying; //=> 2
 * r.uncoveredChildren; //=> [{ id: 'C1', town: '城关镇', categories: ['left-behind'] }]
 * r.byTown.map((t) => [t.town, t.uncovered]); //=> [['城关镇', 1], ['河西镇', 0]]
 * r.compliant; //=> false
 * ```
 */
export const careLedgerCheck = defineCalculator({
  name: 'careLedgerCheck',
  provisions: ['6.2'],
  input: careLedgerSchema,
  parse(input, issues) {
    const rows = parseInto(careLedgerSchema, input, issues);
    checkUnique(input, 'id', 'id', issues);
    return rows;
  },
  rule: careLedgerCheckRule,
  result(outcome): CareLedgerResult {
    const { children, qualifying, covered, uncoveredChildren, byTown, byCategory, withoutGuardian } = outcome;
    const result = { ...outcome, citations: ['6.2'] };
    return defineLazy(result, 'explanation', (): ExplanationStep[] => {
      const steps: ExplanationStep[] = [
        step('6.2',
          '符合条件（社会救助政策规定的条件，由民政等部门认定，作为输入）且属特殊困难流动儿童、留守儿童或家庭经济困难儿童之一者，应纳入社会救助政策保障范围',
          'A child in one of the three categories (special-hardship migrant, left-behind, family-hardship) who meets the conditions (set by the social-assistance rules and civil affairs, given as input) is to be covered by social assistance'),
        step('6.2',
          `台账 ${children} 名儿童，符合条件 ${qualifying} 名，已纳入社会救助 ${covered} 名，未纳入 ${uncoveredChildren.length} 名`,
          `${children} children in the ledger, ${qualifying} qualifying, ${covered} covered by social assistance, ${uncoveredChildren.length} not covered`,
          { children, qualifying, covered, uncovered: uncoveredChildren.length }),
        ...CARE_CATEGORIES.map((c) => step('6.2',
          `${CATEGORY_ZH[c]}：符合条件 ${byCategory[c].qualifying} 名，未纳入 ${byCategory[c].uncovered} 名`,
          `${c}: ${byCategory[c].qualifying} qualifying, ${byCategory[c].uncovered} not covered`,
          { category: c, qualifying: byCategory[c].qualifying, uncovered: byCategory[c].uncovered })),
        ...byTown.map((t) => step('6.2',
          `${t.town}：台账 ${t.children} 名，符合条件 ${t.qualifying} 名，未纳入 ${t.uncovered} 名`,
          `${t.town}: ${t.children} in the ledger, ${t.qualifying} qualifying, ${t.uncovered} not covered`,
          { town: t.town, children: t.children, qualifying: t.qualifying, uncovered: t.uncovered })),
      ];
      const ids = uncoveredChildren.map((c) => c.id);
      steps.push(step('6.2',
        ids.length === 0 ? '符合条件的儿童均已纳入社会救助政策保障范围' : `未纳入社会救助的符合条件儿童：${listed(ids, '、', (n) => ` 等（另 ${n} 名）`)}`,
        ids.length === 0 ? 'Every qualifying child is covered by social assistance' : `Qualifying children not covered: ${listed(ids, ', ', (n) => ` (and ${n} more)`)}`,
        { compliant: ids.length === 0 }));
      if (withoutGuardian.length > 0) {
        steps.push(step('6.2',
          `台账记录无人监护的儿童 ${withoutGuardian.length} 名，需督促落实监护责任：${listed(withoutGuardian, '、', (n) => ` 等（另 ${n} 名）`)}`,
          `${withoutGuardian.length} children recorded with nobody looking after them, for follow-up on guardianship: ${listed(withoutGuardian, ', ', (n) => ` (and ${n} more)`)}`,
          { withoutGuardian: withoutGuardian.length }));
      }
      return steps;
    }) as CareLedgerResult;
  },
});

/**
 * {@link careLedgerCheck} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Wellbeing
 */
export const safeCareLedgerCheck = safe(careLedgerCheck);
