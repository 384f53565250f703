import { INFO, isDeclared, type CalculatorInfo, type Declared } from './core/calculator.js';
import * as admissions from './admissions/index.js';
import * as balance from './balance/index.js';
import * as classes from './classes/index.js';
import * as funding from './funding/index.js';
import * as planning from './planning/index.js';
import * as subsidies from './subsidies/index.js';
import * as teachers from './teachers/index.js';
import * as wellbeing from './wellbeing/index.js';

/**
 * The areas of the opinion, in the order of its items. Each area's barrel is its public surface;
 * every function in it declared with `defineCalculator` or `declareFunction` is listed below,
 * without a list kept by hand.
 */
const AREAS = [funding, subsidies, classes, admissions, teachers, balance, planning, wellbeing] as const;

type Exports = typeof funding & typeof subsidies & typeof classes & typeof admissions & typeof teachers & typeof balance & typeof planning & typeof wellbeing;

/** The name of every declared calculator (a function carrying its declaration). @category Calculators */
export type CalculatorName = { [K in keyof Exports]: Exports[K] extends Declared ? K : never }[keyof Exports] & string;

/**
 * Every declared calculator's {@link CalculatorInfo}, area by area: its name, provisions, input
 * schema and the parameters it may read.
 *
 * @category Calculators
 * @example
 * ```ts
 * calculators.find((c) => c.name === 'securityPostCheck')?.parameters;
 * //=> ['wellbeing.securityMinFullTimeStaff', 'opinion.effectiveFrom']
 * ```
 */
export const calculators: readonly CalculatorInfo[] = AREAS.flatMap((area) =>
  Object.values(area)
    .filter(isDeclared)
    .map((fn) => fn[INFO]),
);
