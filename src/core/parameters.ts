import { toIsoDate, type DateInput, type IsoDate } from './dates.js';
import type { PolicyIssue } from './errors.js';
import { fenToYuanString, MAX_RATE_FEN, yuanToFen, type MoneyInput } from './money.js';
import { REGIONS, LOCATIONS, type Bilingual, type Confidence, type Location, type Region } from './types.js';
import { describeValue, MAX_COUNT } from './schemas.js';
import type { SourceId } from '../parameters/sources.js';

/**
 * One dated value of a parameter: in force from `from` until the next value's `from`.
 *
 * @category Parameters
 */
export interface DatedValue<V> {
  /** The day the value takes effect, `'YYYY-MM-DD'`. */
  readonly from: IsoDate;
  readonly value: V;
  /** Id of the document it comes from, in {@link sources}. */
  readonly source: SourceId;
  readonly confidence: Confidence;
  /** For region-specific national values. */
  readonly region?: Region;
  /** What a user should know about the value or its date. */
  readonly note?: string;
}

/** The kinds of parameter value. @category Parameters */
export type ParameterKind = 'money' | 'optional-money' | 'count' | 'share' | 'decimal' | 'choice' | 'locations' | 'date';

/** A parsed override value, or why it was refused. @category Parameters */
export type Parsed<V> = { ok: true; value: V } | { ok: false; message: string };

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
  constructor(
    readonly spec: LeafSpec<V>,
    /** @internal */ readonly codec: Codec<V, R>,
  ) {}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLeaf = Leaf<any, any, any, boolean>;

/** A node of the parameter tree: a leaf or a group of nodes. @category Parameters */
export type ParameterNode = AnyLeaf | { readonly [key: string]: ParameterNode };

/** The values rules read for a subtree. @category Parameters */
export type Resolved<T> = T extends Leaf<any, infer R, any, boolean> ? R : { readonly [K in keyof T]: Resolved<T[K]> };

/**
 * A deep partial patch of a subtree. A leaf takes a new value; a region-specific leaf takes one
 * value for every region or `{ east?, central?, west? }`.
 *
 * @category Parameters
 */
export type PatchOf<T> =
  T extends Leaf<any, any, infer I, infer G>
    ? G extends true
      ? I | { east?: I; central?: I; west?: I }
      : I
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
  from: IsoDate,
  values: Record<Region, V>,
  source: SourceId,
  confidence: Confidence,
  note?: string,
): DatedValue<V>[] {
  return REGIONS.map((region) => ({ from, value: values[region], source, confidence, region, ...(note === undefined ? {} : { note }) }));
}

// ---------------------------------------------------------------- walking the tree

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

/** A validated override of one leaf. @internal */
export interface Override {
  readonly all?: unknown;
  readonly byRegion?: Partial<Record<Region, unknown>>;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Validates a user's patch against the tree's shape, pushing one issue per problem with its path
 * under `parameters`, and returns the overrides by dot path.
 *
 * @internal
 */
export function readPatch(tree: ParameterNode, patch: unknown, issues: PolicyIssue[]): Map<string, Override> {
  const overrides = new Map<string, Override>();
  const walk = (node: ParameterNode, value: unknown, path: string[]): void => {
    if (node instanceof Leaf) {
      const where: Array<string | number> = ['parameters', ...path];
      if (node.spec.regional === true && isPlainObject(value)) {
        const regional: Partial<Record<Region, unknown>> = {};
        for (const key of Object.keys(value)) {
          if (!(REGIONS as readonly string[]).includes(key)) {
            issues.push({ path: [...where, key], code: 'unknown_key', message: `is not a region (use 'east' | 'central' | 'west')` });
            continue;
          }
          const parsed = node.codec.parse(value[key]);
          if (parsed.ok) regional[key as Region] = parsed.value;
          else issues.push({ path: [...where, key], code: 'invalid_value', message: parsed.message });
        }
        overrides.set(path.join('.'), { byRegion: regional });
        return;
      }
      const parsed = node.codec.parse(value);
      if (parsed.ok) overrides.set(path.join('.'), { all: parsed.value });
      else issues.push({ path: where, code: 'invalid_value', message: parsed.message });
      return;
    }
    if (!isPlainObject(value)) {
      issues.push({ path: ['parameters', ...path], code: 'invalid_type', message: `must be an object of parameter values, got ${describeValue(value)}` });
      return;
    }
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(node, key)) {
        issues.push({ path: ['parameters', ...path, key], code: 'unknown_key', message: 'is not a parameter junheng knows (see listParameters())' });
        continue;
      }
      walk(node[key] as ParameterNode, value[key], [...path, key]);
    }
  };
  if (patch !== undefined) walk(tree, patch, []);
  return overrides;
}

/** A value as it was read for one call: what it is, since when, from where. @category Parameters */
export interface UsedValue {
  readonly path: string;
  /** The value as users see it (money as a decimal string of yuan). */
  readonly value: unknown;
  readonly effectiveFrom: IsoDate;
  readonly source: SourceId | 'override';
  readonly confidence: Confidence;
  readonly region?: Region;
}

/** What resolution needs: the day, the region and the user's overrides. @internal */
export interface ResolveContext {
  readonly asOf: IsoDate;
  readonly region: Region | undefined;
  readonly overrides: ReadonlyMap<string, Override>;
}

/** The latest dated value on or before `asOf`, for one region or for a leaf without regions. */
function latest<V>(history: readonly DatedValue<V>[], asOf: IsoDate, region: Region | undefined): DatedValue<V> | undefined {
  let found: DatedValue<V> | undefined;
  for (const entry of history) {
    if (entry.from > asOf) break;
    if (entry.region === region) found = entry;
  }
  return found;
}

/**
 * The value of one leaf on `asOf` for `region` (or without a region), after overrides; `undefined`
 * when none is in force.
 *
 * @internal
 */
export function valueOn(path: string, node: AnyLeaf, ctx: ResolveContext, region: Region | undefined): UsedValue | undefined {
  const entry = latest(node.spec.history, ctx.asOf, region);
  const override = ctx.overrides.get(path);
  const replaced = override === undefined ? undefined : region !== undefined && override.byRegion !== undefined ? override.byRegion[region] : override.all;
  if (replaced !== undefined) {
    return { path, value: replaced, effectiveFrom: entry?.from ?? ctx.asOf, source: 'override', confidence: 'unverified', ...(region === undefined ? {} : { region }) };
  }
  if (entry === undefined) return undefined;
  return { path, value: entry.value, effectiveFrom: entry.from, source: entry.source, confidence: entry.confidence, ...(region === undefined ? {} : { region }) };
}

function firstDate(node: AnyLeaf): IsoDate | undefined {
  return node.spec.history[0]?.from;
}

/**
 * Resolves a subtree for one call or batch: every leaf's value on `asOf`, for the region given (or
 * the one value all regions share). Pushes an issue on `asOf` when a value is not known that early,
 * and on `region` when it is needed and the regions differ. Records what was read in `used`.
 *
 * @internal
 */
export function resolve<T extends ParameterNode>(
  node: T,
  prefix: string,
  ctx: ResolveContext,
  issues: PolicyIssue[],
  used: UsedValue[],
): Resolved<T> {
  const local: PolicyIssue[] = [];
  const value = resolveNode(node, prefix, ctx, local, used);
  for (const issue of local) mergeIssue(issues, issue, ctx.asOf);
  return value;
}

/**
 * Adds a parameter issue, folding it into an earlier one of the same code: one issue on `asOf` (or
 * `region`) that names every parameter concerned, not one per parameter.
 *
 * @internal
 */
export function mergeIssue(issues: PolicyIssue[], issue: PolicyIssue, asOf: IsoDate): void {
  const earlier = issues.find((i) => i.code === issue.code && i.parameters !== undefined);
  if (earlier?.parameters === undefined || issue.parameters === undefined) {
    issues.push(issue);
    return;
  }
  for (const detail of issue.parameters) if (!earlier.parameters.includes(detail)) earlier.parameters.push(detail);
  earlier.message = parameterMessage(issue.code, asOf, earlier.parameters);
}

function parameterMessage(code: PolicyIssue['code'], asOf: IsoDate, details: readonly string[]): string {
  return code === 'region_required'
    ? `is needed: on ${asOf} ${details.join('; ')} differ${details.length === 1 ? 's' : ''} by region; give region 'east' | 'central' | 'west'`
    : `is too early: on ${asOf} no value is known for ${details.join('; ')}; give a later asOf or set ${details.length === 1 ? 'it' : 'them'} in parameters`;
}

/**
 * Like {@link resolve}, for rules that are simply not in force before their first date (the
 * opinion's own floor before the opinion): `undefined`, and no issue, when some value of the subtree
 * is not known on `asOf`.
 *
 * @internal
 */
export function resolveIfInForce<T extends ParameterNode>(
  node: T,
  prefix: string,
  ctx: ResolveContext,
  issues: PolicyIssue[],
  used: UsedValue[],
): Resolved<T> | undefined {
  const local: PolicyIssue[] = [];
  const localUsed: UsedValue[] = [];
  const value = resolveNode(node, prefix, ctx, local, localUsed);
  // Not in force, unless the user patched part of it: then the missing values are an error, not a silent no.
  const patched = [...ctx.overrides.keys()].some((path) => path.startsWith(`${prefix}.`));
  if (local.some((i) => i.code === 'no_value_on_date') && !patched) return undefined;
  for (const issue of local) mergeIssue(issues, issue, ctx.asOf);
  used.push(...localUsed);
  return value;
}

function resolveNode<T extends ParameterNode>(
  node: T,
  prefix: string,
  ctx: ResolveContext,
  issues: PolicyIssue[],
  used: UsedValue[],
): Resolved<T> {
  if (node instanceof Leaf) {
    let chosen: UsedValue | undefined;
    if (node.spec.regional === true && ctx.region === undefined) {
      const values = REGIONS.map((r) => valueOn(prefix, node, ctx, r));
      const present = values.filter((v): v is UsedValue => v !== undefined);
      if (present.length === REGIONS.length) {
        const texts = present.map((v) => JSON.stringify(v.value));
        if (texts.every((t) => t === texts[0])) {
          const first = present[0] as UsedValue;
          chosen = { path: first.path, value: first.value, effectiveFrom: first.effectiveFrom, source: first.source, confidence: first.confidence };
        } else {
          const listing = present.map((v) => `${v.region} ${String(v.value)}`).join(', ');
          const parameters = [`${prefix} (${listing})`];
          issues.push({ path: ['region'], code: 'region_required', message: parameterMessage('region_required', ctx.asOf, parameters), parameters });
          return undefined as Resolved<T>;
        }
      }
    } else {
      chosen = valueOn(prefix, node, ctx, node.spec.regional === true ? ctx.region : undefined);
    }
    if (chosen === undefined) {
      const first = firstDate(node);
      const parameters = [`${prefix}${first === undefined ? '' : ` (first value from ${first})`}`];
      issues.push({ path: ['asOf'], code: 'no_value_on_date', message: parameterMessage('no_value_on_date', ctx.asOf, parameters), parameters });
      return undefined as Resolved<T>;
    }
    used.push(chosen);
    return node.codec.internal(chosen.value) as Resolved<T>;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    out[key] = resolveNode((node as Record<string, ParameterNode>)[key] as ParameterNode, prefix === '' ? key : `${prefix}.${key}`, ctx, issues, used);
  }
  return out as Resolved<T>;
}

/**
 * Wraps the resolution of an area's parameter snapshot so that it runs once per day and region when
 * nothing is overridden (a batch, or many single calls on the same day, share one snapshot). `build`
 * pushes its problems to `issues`; a snapshot whose build added issues is neither kept nor returned.
 *
 * @internal
 */
export function snapshotByDay<T>(build: (ctx: ResolveContext, issues: PolicyIssue[]) => T | undefined): (ctx: ResolveContext, issues: PolicyIssue[]) => T | undefined {
  const cache = new Map<string, T>();
  return (ctx, issues) => {
    const key = ctx.overrides.size === 0 ? `${ctx.asOf}|${ctx.region ?? ''}` : undefined;
    const hit = key === undefined ? undefined : cache.get(key);
    if (hit !== undefined) return hit;
    const before = issues.length;
    const value = build(ctx, issues);
    if (value === undefined || issues.length > before) return undefined;
    if (key !== undefined) {
      if (cache.size > 256) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
