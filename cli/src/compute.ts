/**
 * The budget's computation, in two paths that give the same figures:
 *
 * - **The batch path** (a CSV roster): rows arrive from the streaming reader as validated flat
 *   records ({@link SchoolRecord}); the library's pure rule (`publicFundingRule`, with parameters
 *   from `allocateBudget.parameters(options)`, resolved once) funds each as it arrives, and only what
 *   the output needs is kept — id, pupils, funded pupils, floor band, amount in integer fen — in
 *   typed columns. Ids are checked for repeats once, here. A row the fast check does not accept goes
 *   through the library's validating path (`allocateBudget` on that row alone), so its problems are
 *   worded by the library; so are a repeated id, the options' problems and the citations (the
 *   library funds one school per distinct list of citations, in order of first appearance, which
 *   gives its own list in its own order).
 * - **The library path** (a JSON roster): `allocateBudget` over the roster in chunks, its results
 *   kept in the same columns.
 *
 * Money stays integer fen throughout; amounts are written from fen ({@link fenText}), with no
 * `Decimal` per school.
 */
import {
  allocateBudget,
  COMPONENT_IDS,
  LOCATIONS,
  PolicyInputError,
  publicFundingRule,
  SCHOOL_KINDS,
  type BudgetResult,
  type CalculatorOptions,
  type FloorApplied,
  type FloorBand,
  type FundingParams,
  type PolicyIssue,
  type School,
  type SchoolRecord,
} from 'junheng';

/** Schools per `allocateBudget` call on the library path. */
export const CHUNK = 2048;

/** A budget, kept compactly: one entry per school, in input order. */
export interface BudgetRun {
  /** The exact total, in fen. */
  readonly totalFen: bigint;
  readonly citations: readonly string[];
  readonly ids: readonly string[];
  readonly fundedPupils: Int32Array;
  /** 0 no floor band; k + 1 the band `bands[k + 1]`. */
  readonly floors: Uint8Array;
  /** `[null, ...ids of the floor bands in force]`: `bands[floors[i]]` is school i's floor applied. */
  readonly bands: readonly FloorApplied[];
  readonly amountFen: Float64Array;
  /** Each school's location, as its index in `LOCATIONS` (0 urban, 1 town, 2 rural): for the report's sums by location. */
  readonly locations: Uint8Array;
  /** Each school's kind, as its index in `SCHOOL_KINDS` (0 school, 1 teaching point, 2 special education). */
  readonly kinds: Uint8Array;
  /** The floor bands in force, as listed (`bands[k + 1]` is `floorBands[k].id`): their bounds, for the report's charts. */
  readonly floorBands: readonly FloorBand[];
}

/** A location's index in `LOCATIONS` (0 urban, 1 town, 2 rural), as {@link BudgetRun.locations} keeps it. */
export const locationCode = (location: string): number => Math.max(0, (LOCATIONS as readonly string[]).indexOf(location));
/** A kind's index in `SCHOOL_KINDS` (a missing kind is a school, 0), as {@link BudgetRun.kinds} keeps it. */
export const kindCode = (kind: string | undefined): number => Math.max(0, (SCHOOL_KINDS as readonly string[]).indexOf(kind ?? 'school'));

/** The floor band applied to school `i` of `run`. */
export const floorOf = (run: BudgetRun, i: number): FloorApplied => run.bands[run.floors[i] as number] ?? null;

/** What {@link computeBudget} returns: the budget, or the library's issues for the whole roster. */
export type Computation = { run: BudgetRun; issues: [] } | { run?: undefined; issues: PolicyIssue[] };

// ---------------------------------------------------------------- money from fen

/**
 * Integer fen as the yuan text `Decimal` prints (`60000` → `"600"`, `65050` → `"650.5"`, `-5` →
 * `"-0.05"`), without making one.
 */
export function fenText(fen: number): string {
  if (fen % 100 === 0) return String(fen / 100 + 0); // + 0 turns -0 into 0
  const abs = fen < 0 ? -fen : fen;
  const cents = abs % 100;
  const yuan = (abs - cents) / 100;
  return `${fen < 0 ? '-' : ''}${yuan}.${cents % 10 === 0 ? cents / 10 : cents < 10 ? `0${cents}` : cents}`;
}

/** {@link fenText} for a total kept as a bigint. */
export function bigFenText(fen: bigint): string {
  if (fen >= -(2n ** 52n) && fen <= 2n ** 52n) return fenText(Number(fen));
  const abs = fen < 0n ? -fen : fen;
  const cents = Number(abs % 100n);
  const yuan = (abs / 100n).toString();
  const sign = fen < 0n ? '-' : '';
  return cents === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${cents % 10 === 0 ? cents / 10 : cents < 10 ? `0${cents}` : cents}`;
}

/** Exact yuan (a library `Decimal`) in integer fen. */
const decimalFen = (amount: { times(n: number): { toFixed(d: number): string } }): string => amount.times(100).toFixed(0);

// ---------------------------------------------------------------- growable columns

class Columns {
  length = 0;
  fundedPupils = new Int32Array(1024);
  floors = new Uint8Array(1024);
  amountFen = new Float64Array(1024);

  grow(): void {
    const size = this.fundedPupils.length * 2;
    const f = new Int32Array(size);
    f.set(this.fundedPupils);
    this.fundedPupils = f;
    const b = new Uint8Array(size);
    b.set(this.floors);
    this.floors = b;
    const a = new Float64Array(size);
    a.set(this.amountFen);
    this.amountFen = a;
  }

  push(funded: number, floor: number, fen: number): void {
    if (this.length === this.fundedPupils.length) this.grow();
    const i = this.length++;
    this.fundedPupils[i] = funded;
    this.floors[i] = floor;
    this.amountFen[i] = fen;
  }
}

/**
 * The roster's ids, in input order, with the line each first appeared on: an open-addressing hash
 * table over typed arrays (cheaper than a `Map` of 210,000 strings, and smaller).
 */
export class IdTable {
  readonly ids: string[] = [];
  private lines = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private slots = new Int32Array(2048);
  private mask = 2047;

  private static hash(id: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    return h;
  }

  /** Adds `id` (first seen on `line`) and returns -1; or, when it was there already, the line it was first seen on. */
  add(id: string, line: number): number {
    const h = IdTable.hash(id);
    let k = h & this.mask;
    for (let slot = this.slots[k] as number; slot !== 0; slot = this.slots[k] as number) {
      if (this.hashes[slot - 1] === h && this.ids[slot - 1] === id) return this.lines[slot - 1] as number;
      k = (k + 1) & this.mask;
    }
    const n = this.ids.length;
    if (n === this.lines.length) {
      const lines = new Int32Array(n * 2);
      lines.set(this.lines);
      this.lines = lines;
      const hashes = new Int32Array(n * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.ids.push(id);
    this.lines[n] = line;
    this.hashes[n] = h;
    this.slots[k] = n + 1;
    if ((n + 1) * 2 > this.mask) this.rehash();
    return -1;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < this.ids.length; i++) {
      let k = (this.hashes[i] as number) & this.mask;
      while (this.slots[k] !== 0) k = (k + 1) & this.mask;
      this.slots[k] = i + 1;
    }
  }
}

/** A school object the library accepts, for a record (all its fields given). */
export const schoolOfRecord = (r: SchoolRecord): School => ({
  id: r.id,
  location: r.location,
  kind: r.kind,
  pupils: { primary: r.primary, junior: r.junior },
  boarders: { primary: r.boardersPrimary, junior: r.boardersJunior },
  disabledPupils: r.disabled,
});

/** One run of the rule over the batch (the baseline, or the what-if). */
class BatchRun {
  readonly columns = new Columns();
  readonly bands: FloorApplied[];
  private small = 0;
  private big = 0n;
  /** A school for each distinct (components, floor) pair, in order of first appearance: the citations' source. */
  private readonly keys = new Set<number>();
  private readonly representatives: SchoolRecord[] = [];
  /** Stage benchmarks some school needed and could not have, and the first school for each. */
  private missing = 0;
  private readonly needing: SchoolRecord[] = [];
  /** Whether a school with both stages was raised by a floor band (for the footer). */
  mixedFloor = false;

  constructor(
    private readonly params: FundingParams,
    readonly options: CalculatorOptions,
  ) {
    this.bands = [null, ...params.floors.map((b) => b.id)];
  }

  add(r: SchoolRecord): void {
    const o = publicFundingRule(r, this.params);
    const floor = o.floorIndex + 1;
    this.columns.push(o.fundedPupils, floor, o.amountFen);
    const next = this.small + o.amountFen;
    if (Number.isSafeInteger(next)) this.small = next;
    else {
      this.big += BigInt(this.small) + BigInt(o.amountFen);
      this.small = 0;
    }
    if (floor !== 0 && r.primary > 0 && r.junior > 0) this.mixedFloor = true;
    let mask = 0;
    for (const part of o.components) mask |= 1 << COMPONENT_IDS.indexOf(part.id as (typeof COMPONENT_IDS)[number]);
    const key = (mask << 8) | floor;
    if (!this.keys.has(key)) {
      this.keys.add(key);
      this.representatives.push(r);
    }
    if ((o.missingRates & ~this.missing) !== 0) {
      this.missing |= o.missingRates;
      this.needing.push(r);
    }
  }

  /**
   * The run's citations, from the library funding one school per distinct list in order of first
   * appearance; or its issues (a stage benchmark some school needed and could not have, worded by
   * the library).
   */
  finish(ids: readonly string[], locations: Uint8Array, kinds: Uint8Array): Computation {
    let budget: BudgetResult;
    try {
      budget = allocateBudget([...new Set([...this.representatives, ...this.needing])].map(schoolOfRecord), this.options);
    } catch (error) {
      if (error instanceof PolicyInputError) return { issues: error.issues.filter((i) => typeof i.path[0] !== 'number') };
      throw error;
    }
    const c = this.columns;
    const n = c.length;
    return {
      run: {
        totalFen: this.big + BigInt(this.small),
        citations: budget.citations,
        ids,
        fundedPupils: c.fundedPupils.subarray(0, n),
        floors: c.floors.subarray(0, n),
        bands: this.bands,
        amountFen: c.amountFen.subarray(0, n),
        locations,
        kinds,
        floorBands: this.params.floors.map((rule) => rule.band),
      },
      issues: [],
    };
  }
}

/** The parameters the rule reads for `options`, or the library's issues with the options. */
function parametersFor(options: CalculatorOptions): { params: FundingParams; issues: [] } | { params?: undefined; issues: PolicyIssue[] } {
  try {
    return { params: allocateBudget.parameters(options), issues: [] };
  } catch (error) {
    if (error instanceof PolicyInputError) return { issues: error.issues };
    throw error;
  }
}

/** What the batch found: the runs, or every problem (rows first, in file order, then the options'). */
export interface BatchOutcome {
  readonly base?: BudgetRun;
  readonly whatIf?: BudgetRun;
  /** Pupils enrolled per school (primary + junior), in input order. */
  readonly pupils: Int32Array;
  /** Whether some school is not a special-education school; some such school has disabled pupils; a school with both stages was floored. */
  readonly mainstream: boolean;
  readonly disabled: boolean;
  readonly mixedFloor: boolean;
  /** The options' issues (the rows' problems are the caller's): the baseline's, then the what-if's. */
  readonly issues: PolicyIssue[];
  readonly whatIfIssues: PolicyIssue[];
}

/**
 * The batch path: give it every row in file order ({@link BudgetBatch.record} for a validated record,
 * {@link BudgetBatch.invalid} once a row has problems), then {@link BudgetBatch.finish}. Once any row
 * has a problem nothing more is computed: only the checks go on.
 */
export class BudgetBatch {
  /** Each id with its first line: in input order, the roster's ids when none repeats. */
  private readonly table = new IdTable();
  private pupils = new Int32Array(1024);
  /** Each school's location and kind code ({@link locationCode}, {@link kindCode}), beside its pupils. */
  private locations = new Uint8Array(1024);
  private kinds = new Uint8Array(1024);
  private count = 0;
  private failed = false;
  private mainstream = false;
  private disabled = false;
  private readonly base: BatchRun | undefined;
  private readonly what: BatchRun | undefined;
  private readonly baseIssues: PolicyIssue[];
  private readonly whatIssues: PolicyIssue[];

  constructor(options: CalculatorOptions, whatOptions: CalculatorOptions | undefined) {
    const base = parametersFor(options);
    this.baseIssues = base.issues;
    this.base = base.params === undefined ? undefined : new BatchRun(base.params, options);
    const what = whatOptions === undefined ? undefined : parametersFor(whatOptions);
    this.whatIssues = what?.issues ?? [];
    this.what = what?.params === undefined || whatOptions === undefined ? undefined : new BatchRun(what.params, whatOptions);
    this.failed = this.base === undefined;
  }

  /**
   * A validated row. Returns the line of the earlier school with the same id, when there is one (a
   * problem of this row), else -1.
   */
  record(r: SchoolRecord, line: number): number {
    const first = this.table.add(r.id, line);
    if (first >= 0) {
      this.failed = true;
      return first;
    }
    if (this.failed) return -1;
    if (r.kind !== 'special-education') {
      this.mainstream = true;
      if (r.disabled > 0) this.disabled = true;
    }
    if (this.count === this.pupils.length) {
      const p = new Int32Array(this.count * 2);
      p.set(this.pupils);
      this.pupils = p;
      const l = new Uint8Array(this.count * 2);
      l.set(this.locations);
      this.locations = l;
      const k = new Uint8Array(this.count * 2);
      k.set(this.kinds);
      this.kinds = k;
    }
    this.locations[this.count] = locationCode(r.location);
    this.kinds[this.count] = kindCode(r.kind);
    this.pupils[this.count++] = r.primary + r.junior;
    this.base?.add(r);
    this.what?.add(r);
    return -1;
  }

  /** A row with problems: nothing more is computed. */
  invalid(): void {
    this.failed = true;
  }

  /** Whether a row had a problem or the options did (so nothing will be output). */
  get hasFailed(): boolean {
    return this.failed;
  }

  finish(): BatchOutcome {
    const flags = { pupils: this.pupils.subarray(0, this.count), mainstream: this.mainstream, disabled: this.disabled };
    if (this.failed || this.base === undefined) {
      return { ...flags, mixedFloor: false, issues: this.baseIssues, whatIfIssues: this.whatIssues };
    }
    const ids = this.table.ids;
    const locations = this.locations.subarray(0, this.count);
    const kinds = this.kinds.subarray(0, this.count);
    const base = this.base.finish(ids, locations, kinds);
    const what = this.what?.finish(ids, locations, kinds);
    return {
      ...flags,
      mixedFloor: this.base.mixedFloor,
      ...(base.run === undefined ? {} : { base: base.run }),
      ...(what?.run === undefined ? {} : { whatIf: what.run }),
      issues: base.issues,
      whatIfIssues: what?.issues ?? [],
    };
  }
}

// ---------------------------------------------------------------- the library path (JSON rosters)

class Collector {
  readonly ids: string[];
  readonly fundedPupils: Int32Array;
  readonly floors: Uint8Array;
  readonly amountFen: Float64Array;
  readonly citations: string[] = [];
  total = 0n;

  constructor(
    n: number,
    private readonly bands: readonly FloorApplied[],
    private readonly floorBands: readonly FloorBand[],
    /** The schools funded (input order): their locations and kinds are kept. */
    private readonly schools: readonly School[],
  ) {
    this.ids = new Array<string>(n);
    this.fundedPupils = new Int32Array(n);
    this.floors = new Uint8Array(n);
    this.amountFen = new Float64Array(n);
  }

  /** Keeps the figures of `budget`, whose schools start at `start`. */
  add(budget: BudgetResult, start: number): void {
    this.total += BigInt(decimalFen(budget.total));
    for (const c of budget.citations) if (!this.citations.includes(c)) this.citations.push(c);
    const results = budget.schools;
    for (let k = 0; k < results.length; k++) {
      const r = results[k]!;
      this.ids[start + k] = r.schoolId;
      this.fundedPupils[start + k] = r.fundedPupils;
      this.floors[start + k] = Math.max(0, this.bands.indexOf(r.floorApplied));
      this.amountFen[start + k] = Number(decimalFen(r.amount));
    }
  }

  run(): BudgetRun {
    const { total, citations, ids, fundedPupils, floors, amountFen, bands, floorBands, schools } = this;
    const n = ids.length;
    const locations = new Uint8Array(n);
    const kinds = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const s = schools[i] as School;
      locations[i] = locationCode(s.location);
      kinds[i] = kindCode(s.kind);
    }
    return { totalFen: total, citations, ids, fundedPupils, floors, bands, amountFen, locations, kinds, floorBands };
  }
}

/** A collector of `n` schools funded with `options`: the bands in force, by id and as listed. */
function collectorFor(n: number, options: CalculatorOptions, schools: readonly School[]): Collector {
  const floorBands = allocateBudget.parameters(options).floors.map((rule) => rule.band);
  return new Collector(n, [null, ...floorBands.map((b) => b.id)], floorBands, schools);
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
  const collector = collectorFor(budget.schools.length, options, schools);
  collector.add(budget, 0);
  return { run: collector.run(), issues: [] };
}

/**
 * Funds `schools` with `options` through the library (`allocateBudget`, in chunks of
 * {@link CHUNK}): when any chunk is rejected, or an id appears in two chunks, the whole roster goes
 * through `allocateBudget` in one call, and its issues are the ones reported. `onChunk(done, total)`
 * is called after each chunk.
 */
export function computeBudget(schools: readonly School[], options: CalculatorOptions, onChunk?: (done: number, total: number) => void): Computation {
  if (!Array.isArray(schools) || schools.length <= CHUNK) return whole(schools, options);
  const n = schools.length;
  let collector: Collector | undefined;
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
    collector ??= collectorFor(n, options, schools);
    collector.add(budget, start);
    onChunk?.(Math.min(n, start + CHUNK), n);
  }
  return { run: (collector as Collector).run(), issues: [] };
}
