import { toIsoDate, type DateInput, type IsoDate } from './dates.js';
import type { PolicyIssue } from './errors.js';
import { fenToYuanString, MAX_RATE_FEN, yuanToFen, type MoneyInput } from './money.js';
import { REGIONS, LOCATIONS, type Bilingual, type Confidence, type Location, type Region } from './types.js';
import type { LocalValue } from './patch.js';
import { describeValue, MAX_COUNT } from './schemas.js';

/**
 * A start date held by a date parameter: a dated value whose `from` is one starts on the day that
 * parameter has on `asOf`, after the user's patch. The district opinion's own values are dated
 * this way from `opinion.effectiveFrom`, so one patch moves all of them; before that day they are
 * not in force. A value so dated never starts before the value listed before it in its history.
 *
 * @category Parameters
 */
export class DateOf {
  constructor(
    /** The date parameter (a `date` leaf whose own values carry plain dates). */
    readonly leaf: Leaf<IsoDate, IsoDate, DateInput>,
  ) {}
  /** The date parameter's dot path (`'opinion.effectiveFrom'`). */
  get path(): string {
    return this.leaf.path;
  }
}

/** When a dated value starts: a day, or the day a date parameter holds. @category Parameters */
export type StartDate = IsoDate | DateOf;

/**
 * One dated value of a parameter: in force from `from` until the next value's `from`.
 *
 * @category Parameters
 */
export interface DatedValue<V> {
  /** The day the value takes effect, `'YYYY-MM-DD'`, or a {@link DateOf} (the opinion's effective date). */
  readonly from: StartDate;
  readonly value: V;
  /** Id of the document it comes from, in the `sources` register (checked by the tests). */
  readonly source: string;
  readonly confidence: Confidence;
  /** For region-specific national values. */
  readonly region?: Region;
  /** What a user should know about the value or its date. */
  readonly note?: string;
  /**
   * The latest day a source seen shows the value still in force, `'YYYY-MM-DD'` (its note says
   * which). On a later `asOf` the value is listed as `stale`: it may have changed since. Left out
   * for junheng's own readings and the opinion's own values, which no later source confirms or
   * replaces.
   */
  readonly confirmedThrough?: IsoDate;
}

/** The kinds of parameter value. @category Parameters */
export type ParameterKind = 'money' | 'optional-money' | 'count' | 'share' | 'decimal' | 'choice' | 'locations' | 'date' | 'list';

/**
 * A parsed override value, or why it was refused. A structured value (a list of floor bands) may
 * refuse with `issues`, each at its path inside the value (`[1, 'below']`); a patch reports them
 * under the leaf's own path (`parameters.funding.floors[1].below`).
 *
 * @category Parameters
 */
export type Parsed<V> = { ok: true; value: V } | { ok: false; message: string; issues?: readonly PolicyIssue[] };

/** How a leaf reads a value given in a patch and turns it into the form rules read. @category Parameters */
export interface Codec<V, R> {
  /** Reads a user's override value. */
  parse(input: unknown): Parsed<V>;
  /** The value rules read (money in fen, shares in basis points). */
  internal(value: V): R;
}

/** What a leaf is, for listings and the docs site. @category Parameters */
export interface LeafSpec<V> {
  readonly kind: ParameterKind;
  readonly description: Bilingual;
  /** Unit of the value: `'yuan/pupil/year'`, `'pupils'`, `'share'`. */
  readonly unit?: string;
  /** True when national values differ by region. */
  readonly regional?: boolean;
  /** For `choice` parameters: the allowed values. */
  readonly choices?: readonly string[];
  /** Dated values, sorted by `from`. */
  readonly history: readonly DatedValue<V>[];
}

/**
 * A parameter: a list of dated values with their sources. `V` is the value users see and patch,
 * `R` the value rules read, `I` what an override accepts, `G` whether it differs by region.
 *
 * @category Parameters
 */
export class Leaf<V, R, I, G extends boolean = false> {
  /** @internal phantom for patch typing */
  declare readonly _input: I;
  /** @internal phantom for patch typing */
  declare readonly _regional: G;
  /**
   * The leaf's dot path in the assembled tree (`'funding.benchmark.primary'`), stamped once by
   * `defineParameters`: rules never write it, they read the leaf itself.
   */
  path = '';
  constructor(
    readonly spec: LeafSpec<V>,
    /** @internal */ readonly codec: Codec<V, R>,
  ) {}
}

/** Any leaf of the parameter tree. @category Parameters */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLeaf = Leaf<any, any, any, boolean>;

/** A node of the parameter tree: a leaf or a group of nodes. @category Parameters */
export type ParameterNode = AnyLeaf | { readonly [key: string]: ParameterNode };

/**
 * A deep partial patch of a subtree. A leaf takes a new value; a region-specific leaf takes one
 * value for every region or `{ east?, central?, west? }`. Any of these may be wrapped as a
 * {@link LocalValue} `{ value, from?, source?, note? }` (a region map's entries too), as a local
 * parameter set records where its figures come from.
 *
 * @category Parameters
 */
export type PatchOf<T> =
  T extends Leaf<any, any, infer I, infer G>
    ? G extends true
      ? I | LocalValue<I> | LocalValue<{ east?: I; central?: I; west?: I }> | { east?: I | LocalValue<I>; central?: I | LocalValue<I>; west?: I | LocalValue<I> }
      : I | LocalValue<I>
    : { readonly [K in keyof T]?: PatchOf<T[K]> };

// ---------------------------------------------------------------- leaf builders

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

const moneyCodec: Codec<string, number> = {
  parse(input) {
    const fen = typeof input === 'number' || typeof input === 'string' ? yuanToFen(input) : undefined;
    if (fen === undefined) return fail(`must be an amount of yuan (a non-negative number or decimal string, at most two decimal places), got ${describeValue(input)}`);
    if (fen > MAX_RATE_FEN) return fail(`must be at most ${MAX_RATE_FEN / 100} yuan, got ${describeValue(input)}`);
    return ok(fenToYuanString(fen));
  },
  internal: (value) => yuanToFen(value) as number,
};

const optionalMoneyCodec: Codec<string | null, number | null> = {
  parse: (input) => (input === null ? ok(null) : moneyCodec.parse(input)),
  internal: (value) => (value === null ? null : moneyCodec.internal(value)),
};

const countCodec: Codec<number, number> = {
  parse: (input) =>
    typeof input === 'number' && Number.isInteger(input) && input >= 0 && input <= MAX_COUNT
      ? ok(input)
      : fail(`must be a whole number from 0 to ${MAX_COUNT}, got ${describeValue(input)}`),
  internal: (value) => value,
};

/** Ten-thousandths: the scale at which rules read shares and decimal parameters (0.3 → 3000, 4.2 → 42000). */
export const DECIMAL_SCALE = 10_000;

/** The largest decimal parameter junheng accepts (a threshold, a weight). */
const MAX_DECIMAL = 1_000_000;

/** At most four decimal places, judged on the number's shortest decimal text (`String(4.2)` is `"4.2"`). */
const FOUR_PLACES = /^\d+(\.\d{1,4})?$/;

/**
 * Exact decimal → ten-thousandths, read from the decimal text, never through a float product
 * (0.3 → 3000, 4.2 → 42000). The value must have at most four decimal places.
 *
 * @internal
 */
export function toTenThousandths(value: number): number {
  const [whole = '0', frac = ''] = String(value).split('.');
  return Number(whole) * DECIMAL_SCALE + Number((frac + '0000').slice(0, 4));
}

/** Shares are written as numbers from 0 to 1 with at most four decimal places; rules read ten-thousandths (basis points). */
const shareCodec: Codec<number, number> = {
  parse(input) {
    if (typeof input !== 'number' || !Number.isFinite(input) || input < 0 || input > 1 || !FOUR_PLACES.test(String(input))) {
      return fail(`must be a share from 0 to 1 with at most four decimal places (0.3 for 30 %), got ${describeValue(input)}`);
    }
    return ok(input);
  },
  internal: (value) => toTenThousandths(value),
};

/**
 * A decimal parameter (a threshold per 100 pupils, an area per pupil, a weight): a non-negative
 * number up to 1,000,000 with at most four decimal places; rules read ten-thousandths.
 */
const decimalCodec: Codec<number, number> = {
  parse(input) {
    if (typeof input !== 'number' || !Number.isFinite(input) || input < 0 || input > MAX_DECIMAL || !FOUR_PLACES.test(String(input))) {
      return fail(`must be a non-negative number up to ${MAX_DECIMAL} with at most four decimal places, got ${describeValue(input)}`);
    }
    return ok(input);
  },
  internal: (value) => toTenThousandths(value),
};

function choiceCodec<T extends string>(choices: readonly T[]): Codec<T, T> {
  return {
    parse: (input) =>
      typeof input === 'string' && (choices as readonly string[]).includes(input)
        ? ok(input as T)
        : fail(`must be one of ${choices.map((c) => `'${c}'`).join(' | ')}, got ${describeValue(input)}`),
    internal: (value) => value,
  };
}

const locationsCodec: Codec<readonly Location[], readonly Location[]> = {
  parse(input) {
    if (!Array.isArray(input) || !input.every((v) => (LOCATIONS as readonly unknown[]).includes(v)) || new Set(input).size !== input.length) {
      return fail(`must be a list of distinct locations from 'urban' | 'town' | 'rural', got ${describeValue(input)}`);
    }
    return ok([...(input as Location[])]);
  },
  internal: (value) => value,
};

/** A calendar date: an override may be `'YYYY-MM-DD'` or a `Date`; rules read `'YYYY-MM-DD'`. */
const dateCodec: Codec<IsoDate, IsoDate> = {
  parse(input) {
    const iso = toIsoDate(input);
    return iso === undefined ? fail(`must be a real calendar date written 'YYYY-MM-DD', got ${describeValue(input)}`) : ok(iso);
  },
  internal: (value) => value,
};

type Spec<V> = Omit<LeafSpec<V>, 'kind' | 'regional' | 'choices'>;

/** @internal */
export const leaf = {
  money: (spec: Spec<string>) => new Leaf<string, number, MoneyInput>({ kind: 'money', ...spec }, moneyCodec),
  regionalMoney: (spec: Spec<string>) =>
    new Leaf<string, number, MoneyInput, true>({ kind: 'money', regional: true, ...spec }, moneyCodec),
  optionalMoney: (spec: Spec<string | null>) =>
    new Leaf<string | null, number | null, MoneyInput | null>({ kind: 'optional-money', ...spec }, optionalMoneyCodec),
  count: (spec: Spec<number>) => new Leaf<number, number, number>({ kind: 'count', ...spec }, countCodec),
  share: (spec: Spec<number>) => new Leaf<number, number, number>({ kind: 'share', ...spec }, shareCodec),
  decimal: (spec: Spec<number>) => new Leaf<number, number, number>({ kind: 'decimal', ...spec }, decimalCodec),
  choice: <const T extends string>(choices: readonly T[], spec: Spec<T>) =>
    new Leaf<T, T, T>({ kind: 'choice', choices, ...spec }, choiceCodec(choices)),
  locations: (spec: Spec<readonly Location[]>) =>
    new Leaf<readonly Location[], readonly Location[], readonly Location[]>({ kind: 'locations', ...spec }, locationsCodec),
  date: (spec: Spec<IsoDate>) => new Leaf<IsoDate, IsoDate, DateInput>({ kind: 'date', ...spec }, dateCodec),
};

/** Expands one dated value per region. @internal */
export function byRegion<V>(
  from: StartDate,
  values: Record<Region, V>,
  source: string,
  confidence: Confidence,
  note?: string,
  confirmedThrough?: IsoDate,
): DatedValue<V>[] {
  return REGIONS.map((region) => ({
    from,
    value: values[region],
    source,
    confidence,
    region,
    ...(note === undefined ? {} : { note }),
    ...(confirmedThrough === undefined ? {} : { confirmedThrough }),
  }));
}

// ---------------------------------------------------------------- an area's subtree

/** Calls `visit` for every leaf with its dot path. @internal */
export function eachLeaf(node: ParameterNode, visit: (path: string, leaf: AnyLeaf) => void, prefix = ''): void {
  if (node instanceof Leaf) {
    visit(prefix, node);
    return;
  }
  for (const key of Object.keys(node)) {
    const child = node[key] as ParameterNode;
    eachLeaf(child, visit, prefix === '' ? key : `${prefix}.${key}`);
  }
}

/**
 * Declares an area's parameter subtree under its key in the assembled tree (`'funding'`), stamping
 * every leaf with its dot path. Each area owns its subtree; the register assembles them, and checks
 * that each sits under the key it was declared for.
 *
 * @internal
 */
export function defineParameters<const T extends ParameterNode>(root: string, node: T): T {
  eachLeaf(node, (path, leaf) => {
    if (leaf.path !== '') throw new Error(`parameter ${leaf.path} is declared twice (again as ${root}.${path})`);
    leaf.path = `${root}.${path}`;
  });
  return node;
}
