/**
 * Runs `allocateBudget` over a roster in chunks and keeps only what the output needs (id, funded
 * pupils, floor, amount per school): a full `BudgetResult` for 210,000 schools, twice with
 * `--what-if`, would hold every school's result object at once.
 *
 * Chunking changes nothing in the figures: each school's amount depends on that school alone, the
 * total is the exact sum of the amounts, citations are merged in order of first appearance. It
 * changes nothing in the problems reported either: when any chunk is rejected, or an id appears in
 * two chunks (the one rule that spans rows), the whole roster goes through `allocateBudget` in one
 * call, and its issues — every row, every option, worded by the library — are the ones reported.
 */
import { allocateBudget, Decimal, PolicyInputError, type BudgetResult, type CalculatorOptions, type FloorApplied, type PolicyIssue, type School } from 'junheng';

/** Schools per `allocateBudget` call. */
export const CHUNK = 2048;

/** A budget, kept compactly: one entry per school, in input order. */
export interface BudgetRun {
  readonly total: Decimal;
  readonly citations: readonly string[];
  readonly ids: readonly string[];
  readonly fundedPupils: Int32Array;
  readonly floors: readonly FloorApplied[];
  readonly amounts: readonly Decimal[];
}

/** What {@link computeBudget} returns: the budget, or the library's issues for the whole roster. */
export type Computation = { run: BudgetRun; issues: [] } | { run?: undefined; issues: PolicyIssue[] };

class Collector {
  readonly ids: string[];
  readonly fundedPupils: Int32Array;
  readonly floors: FloorApplied[];
  readonly amounts: Decimal[];
  readonly citations: string[] = [];
  total = new Decimal(0);

  constructor(n: number) {
    this.ids = new Array<string>(n);
    this.fundedPupils = new Int32Array(n);
    this.floors = new Array<FloorApplied>(n);
    this.amounts = new Array<Decimal>(n);
  }

  /** Keeps the figures of `budget`, whose schools start at `start`. */
  add(budget: BudgetResult, start: number): void {
    this.total = this.total.plus(budget.total);
    for (const c of budget.citations) if (!this.citations.includes(c)) this.citations.push(c);
    const results = budget.schools;
    for (let k = 0; k < results.length; k++) {
      const r = results[k]!;
      this.ids[start + k] = r.schoolId;
      this.fundedPupils[start + k] = r.fundedPupils;
      this.floors[start + k] = r.floorApplied;
      this.amounts[start + k] = r.amount;
    }
  }

  run(): BudgetRun {
    const { total, citations, ids, fundedPupils, floors, amounts } = this;
    return { total, citations, ids, fundedPupils, floors, amounts };
  }
}

/** The whole roster in one call: the library's own verdict, issues and all. */
function whole(schools: readonly School[], options: CalculatorOptions): Computation {
  let budget: BudgetResult;
  try {
    budget = allocateBudget(schools, options);
  } catch (error) {
    if (error instanceof PolicyInputError) return { issues: error.issues };
    throw error;
  }
  const collector = new Collector(budget.schools.length);
  collector.add(budget, 0);
  return { run: collector.run(), issues: [] };
}

/**
 * Funds `schools` with `options`. `onChunk(done, total)` is called after each chunk.
 */
export function computeBudget(schools: readonly School[], options: CalculatorOptions, onChunk?: (done: number, total: number) => void): Computation {
  if (!Array.isArray(schools) || schools.length <= CHUNK) return whole(schools, options);
  const n = schools.length;
  const collector = new Collector(n);
  const seen = new Set<string>();
  for (let start = 0; start < n; start += CHUNK) {
    let budget: BudgetResult;
    try {
      budget = allocateBudget(schools.slice(start, start + CHUNK), options);
    } catch (error) {
      if (error instanceof PolicyInputError) return whole(schools, options);
      throw error;
    }
    for (const r of budget.schools) {
      if (seen.has(r.schoolId)) return whole(schools, options);
      seen.add(r.schoolId);
    }
    collector.add(budget, start);
    onChunk?.(Math.min(n, start + CHUNK), n);
  }
  return { run: collector.run(), issues: [] };
}
