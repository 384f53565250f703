/**
 * `junheng budget --explain`: each school's amount step by step, with the clause or document of
 * each step, in the reader's language — the library's own explanation (`allocateBudget` results
 * carry bilingual steps and their provisions), not a second account of the rules.
 *
 * Choices:
 * - The library's parameter steps (`参数 funding.benchmark.primary [central] = 600 …`) are left out:
 *   the rates in force are said once, in the footer's "rates applied", with their sources.
 * - Amounts the steps give in yuan (`= 1440000 元`, `: 1459200 yuan`) get thousands separators; other
 *   numbers (ids, pupils, rates, dates) are left as the library wrote them.
 * - The schools are computed again through the library (`allocateBudget`, in chunks), the only way
 *   to its explanation; on the CSV batch path only the explained schools are.
 */
import { allocateBudget, type CalculatorOptions, type ExplanationStep, type PublicFundingResult, type School } from 'junheng';
import { CHUNK } from '../compute.js';
import { citationLabel, grouped, say, type Lang } from '../lang.js';

/** One school's explanation: its id, its amount (exact yuan text) and its steps in words. */
export interface SchoolExplanation {
  readonly id: string;
  readonly amount: string;
  /** One line per step, each ending with the clause or document it applies (`——国发〔2015〕67号` / ` — opinion 5.1`). */
  readonly steps: readonly string[];
}

/** Whether a step states a parameter's value (said in the footer's rates applied instead). */
const isParameterStep = (step: ExplanationStep): boolean => typeof step.values?.['path'] === 'string' && 'effectiveFrom' in (step.values ?? {});

/** Yuan amounts in a step's text, grouped: `= 1440000 元` → `= 1,440,000 元`; `1459200 yuan` → `1,459,200 yuan`. */
const groupAmounts = (text: string): string => text.replace(/(-?\d{4,}(?:\.\d+)?)(?= ?(?:元|yuan))/g, (m) => grouped(m));

/** One step in words, with its clause. */
export function stepText(step: ExplanationStep, lang: Lang): string {
  const text = groupAmounts(step.message[lang]);
  if (step.provision === undefined) return text;
  return lang === 'zh' ? `${text}——${citationLabel(step.provision, 'zh')}` : `${text} — ${citationLabel(step.provision, 'en')}`;
}

/** The explanation of one library result, in `lang`: its steps, parameter steps left out. */
export function explainResult(result: PublicFundingResult, lang: Lang): SchoolExplanation {
  return { id: result.schoolId, amount: result.amount.toString(), steps: result.explanation.filter((s) => !isParameterStep(s)).map((s) => stepText(s, lang)) };
}

/**
 * The explanations of `schools` with `options` (the baseline's), in input order, through the
 * library in chunks of {@link CHUNK}. The schools must be ones the budget computed (the library
 * accepts them).
 */
export function explainSchools(schools: readonly School[], options: CalculatorOptions, lang: Lang): SchoolExplanation[] {
  const out: SchoolExplanation[] = [];
  for (let start = 0; start < schools.length; start += CHUNK) {
    const budget = allocateBudget(schools.slice(start, start + CHUNK), options);
    for (const r of budget.schools) out.push(explainResult(r, lang));
  }
  return out;
}

/** The heading of the explanation section, in `lang`. */
const heading = (lang: Lang): string => say(lang, '计算过程（每校各步及其依据）：', "How each amount was computed (each school's steps, with the clause of each):");

/** One school's block: a blank line, its id and amount, its steps numbered and indented. */
function blockLines(e: SchoolExplanation, lang: Lang): string[] {
  return ['', say(lang, `${e.id}：${grouped(e.amount)} 元`, `${e.id}: ${grouped(e.amount)} yuan`), ...e.steps.map((step, k) => `  ${k + 1}. ${step}`)];
}

/**
 * The explanation section of the table, in `lang`: a heading, then per school a line with its id
 * and amount and its steps, numbered and indented.
 */
export function explanationLines(explanations: readonly SchoolExplanation[], lang: Lang): string[] {
  return [heading(lang), ...explanations.flatMap((e) => blockLines(e, lang))];
}

/**
 * {@link explanationLines} for `schools`, made a chunk of {@link CHUNK} schools at a time as they are
 * read (a generator, to be read once): a national roster's explanations are never all held at once.
 * The library takes about 0.2 ms a school to explain it, so 210,000 schools take about 40 seconds.
 */
export function* explanationStream(schools: readonly School[], options: CalculatorOptions, lang: Lang): Generator<string> {
  yield heading(lang);
  for (let start = 0; start < schools.length; start += CHUNK) {
    for (const e of explainSchools(schools.slice(start, start + CHUNK), options, lang)) yield* blockLines(e, lang);
  }
}
