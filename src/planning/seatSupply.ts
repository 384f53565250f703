import * as z from 'zod/mini';
import { defineLazy, step, type Explained, type ExplanationStep } from '../core/explain.js';
import { choice, countSchema, describeValue, idSchema, parseInto, record } from '../core/schemas.js';
import { STAGES, type Stage } from '../core/types.js';
import { defineCalculator, safe } from '../parameters/kit.js';

/**
 * One school's approved places for one stage (核定学位). A nine-year school gives two rows, one per
 * stage, with the same `id`.
 *
 * @category Planning
 */
export const seatRowSchema = record(
  { id: idSchema, stage: choice(STAGES, 'stage'), approvedPlaces: countSchema },
  'a school row { id, stage, approvedPlaces }',
);

/**
 * The input of {@link seatSupply}: the schools' approved places, one row per school and stage, and
 * the school-age population the district must place, per stage. Unknown keys are rejected.
 *
 * @category Planning
 */
export const seatSupplySchema = record(
  {
    schools: z.array(seatRowSchema, {
      error: (iss) => (iss.input === undefined ? 'is required (a list of school rows { id, stage, approvedPlaces }, possibly empty)' : `must be a list of school rows, got ${describeValue(iss.input)}`),
    }),
    schoolAgePopulation: record(
      { primary: countSchema, junior: countSchema },
      'the school-age population to place { primary, junior }',
    ),
  },
  'a district object { schools, schoolAgePopulation }',
);
/** @category Planning */
export type SeatSupplyInput = z.input<typeof seatSupplySchema>;

/** Places against demand for one stage. @category Planning */
export interface StageSeatSupply {
  /** Sum of the approved places of the stage's rows. */
  readonly places: number;
  /** The school-age population of the stage. */
  readonly demand: number;
  /** Rows (schools) of the stage. */
  readonly schools: number;
  /** Places missing: demand − places when positive, else 0. */
  readonly shortfall: number;
  /** Places to spare: places − demand when positive, else 0. */
  readonly surplus: number;
  /** places ≥ demand, compared as whole numbers. */
  readonly sufficient: boolean;
  /** places ÷ demand, for display only (the decision is `sufficient`); `null` when demand is 0. */
  readonly ratio: number | null;
}

/** What {@link seatSupply} returns. @category Planning */
export interface SeatSupplyResult extends Explained {
  /** Both stages have enough places. */
  readonly sufficient: boolean;
  readonly stages: { readonly primary: StageSeatSupply; readonly junior: StageSeatSupply };
}

const STAGE_ZH = { primary: '小学', junior: '初中' } as const;

/** Places against demand for one stage. */
function stageSupply(places: number, demand: number, schools: number): StageSeatSupply {
  return {
    places,
    demand,
    schools,
    shortfall: Math.max(0, demand - places),
    surplus: Math.max(0, places - demand),
    sufficient: places >= demand,
    ratio: demand === 0 ? null : places / demand,
  };
}

/** What {@link seatSupplyRule} decides. @category Planning */
export type SeatSupplyOutcome = Omit<SeatSupplyResult, 'citations' | 'explanation'>;

/**
 * The pure rule of {@link seatSupply}: the approved places of each stage's rows summed and compared
 * with its school-age population, as whole numbers. Unchecked: give it input valid against
 * {@link seatSupplySchema} with each school once per stage.
 *
 * @category Planning
 */
export function seatSupplyRule(district: SeatSupplyInput): SeatSupplyOutcome {
  const totals = { primary: { places: 0, schools: 0 }, junior: { places: 0, schools: 0 } };
  for (const row of district.schools) {
    totals[row.stage].places += row.approvedPlaces;
    totals[row.stage].schools += 1;
  }
  const stages = {
    primary: stageSupply(totals.primary.places, district.schoolAgePopulation.primary, totals.primary.schools),
    junior: stageSupply(totals.junior.places, district.schoolAgePopulation.junior, totals.junior.schools),
  };
  return { sufficient: stages.primary.sufficient && stages.junior.sufficient, stages };
}

/**
 * School places (学位) against the school-age population, per stage: whether the district has
 * enough places, and how many are missing.
 *
 * Encodes opinion **1.1** (确保足够的学位供给) and the supply half of **1.2** (已建成的居住区…确保有足够的
 * 学位满足学生就近入学需要, for a catchment given as the district). Readings:
 *
 * - A stage has enough places when its approved places are at least its school-age population
 *   (足够 includes equality): compared exactly as whole numbers. The ratio is for display only.
 * - Places are the approved places (核定学位) of each school row; a nine-year school gives one row per
 *   stage with the same `id`; the same school and stage twice is an input error (it would count
 *   twice).
 * - The school-age population is the number the district must place (the bureau's own count,
 *   registered and migrant children alike); the opinion does not say how it is forecast.
 * - A stage with no population is sufficient, with a `ratio` of `null`.
 *
 * The pure rule is {@link seatSupplyRule}.
 *
 * @category Planning
 * @function
 * @param input - `{ schools: [{ id, stage, approvedPlaces }], schoolAgePopulation: { primary, junior } }`.
 * @param options - `{ asOf? }` (accepted for symmetry; no dated value is read).
 * @returns Per stage places, demand, shortfall, surplus and whether sufficient; citations and a bilingual explanation.
 * @throws {@link PolicyInputError} for invalid input or options, or a school repeated for the same stage.
 * @example
 * ```ts
 * const r = seatSupply({
 *   schools: [
 *     { id: 'CX-01', stage: 'primary', approvedPlaces: 1350 },
 *     { id: 'CX-02', stage: 'primary', approvedPlaces: 900 },
 *     { id: 'CX-02', stage: 'junior', approvedPlaces: 600 },
 *   ],
 *   schoolAgePopulation: { primary: 2250, junior: 601 },
 * });
 * r.stages.primary.sufficient; //=> true
 * r.stages.junior.shortfall; //=> 1
 * r.sufficient; //=> false
 * ```
 */
export const seatSupply = defineCalculator({
  name: 'seatSupply',
  provisions: ['1.1', '1.2'],
  input: seatSupplySchema,
  parse(input, issues) {
    const d = parseInto(seatSupplySchema, input, issues);
    if (d !== undefined) {
      const seen = new Map<string, number>();
      d.schools.forEach((row, i) => {
        const key = `${row.stage}\u0000${row.id}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else {
          issues.push({
            path: ['schools', i, 'id'],
            code: 'inconsistent',
            message: `repeats school '${row.id}' for stage '${row.stage}' (first at schools[${first}]); give one row per school and stage`,
            related: ['schools', first, 'id'],
            provision: '1.1',
          });
        }
      });
    }
    return d;
  },
  rule: seatSupplyRule,
  result(outcome): SeatSupplyResult {
    const { stages } = outcome;
    const result = { ...outcome, citations: ['1.1'] };
    return defineLazy(result, 'explanation', (): ExplanationStep[] => {
      const steps = STAGES.map((stage: Stage) => {
        const s = stages[stage];
        return step('1.1',
          `${STAGE_ZH[stage]}：${s.schools} 所学校核定学位 ${s.places} 个，适龄人口 ${s.demand} 人；${s.sufficient ? `学位充足（${s.places} ≥ ${s.demand}，富余 ${s.surplus} 个）` : `学位不足（${s.places} < ${s.demand}，缺口 ${s.shortfall} 个）`}`,
          `${stage === 'primary' ? 'Primary' : 'Junior secondary'}: ${s.schools} schools with ${s.places} approved places for a school-age population of ${s.demand}; ${s.sufficient ? `enough places (${s.places} ≥ ${s.demand}, ${s.surplus} to spare)` : `not enough places (${s.places} < ${s.demand}, ${s.shortfall} short)`}`,
          { stage, places: s.places, demand: s.demand, shortfall: s.shortfall, surplus: s.surplus, sufficient: s.sufficient });
      });
      steps.push(step('1.1',
        result.sufficient ? '两个学段学位均充足：确保足够的学位供给' : '至少一个学段学位不足：未能确保足够的学位供给',
        result.sufficient ? 'Both stages have enough places: sufficient school places are ensured' : 'At least one stage lacks places: sufficient school places are not ensured',
        { sufficient: result.sufficient }));
      return steps;
    }) as SeatSupplyResult;
  },
});

/**
 * {@link seatSupply} that returns `{ success: false, error }` instead of throwing.
 *
 * @category Planning
 * @example
 * ```ts
 * safeSeatSupply({ schools: [], schoolAgePopulation: { primary: -1, junior: 0 } }).success; //=> false
 * ```
 */
export const safeSeatSupply = safe(seatSupply);
