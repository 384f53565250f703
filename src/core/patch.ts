import { toIsoDate, type DateInput, type IsoDate } from './dates.js';
import type { PolicyIssue } from './errors.js';
import { Leaf, type AnyLeaf, type ParameterNode } from './parameters.js';
import type { Snapshot, UsedValue } from './resolve.js';
import { describeValue } from './schemas.js';
import { REGIONS, type Region } from './types.js';
import { isPlain } from './util.js';

/**
 * A leaf's value in a local parameter set, with where it comes from: the value itself (validated
 * like a bare value), the day it applies from, the document that sets it and a note.
 *
 * A patch leaf is read as such a wrapper exactly when it is a plain object that has a `value` key
 * and no keys other than `value`, `from`, `source` and `note`. Any other object is the leaf's own
 * value (a `{ east?, central?, west? }` region map, or the value of a leaf whose values are
 * objects), so a value that is itself an object is written inside the wrapper:
 * `{ value: { central: 750 }, source: '…' }`.
 *
 * @category Parameters
 * @example
 * ```ts
 * const primary: LocalValue<number> = { value: 750, from: '2020-01-01', source: '南教计〔2020〕4号', note: 'Fujian provincial rate' };
 * ```
 */
export interface LocalValue<V> {
  /** The value, exactly as a bare patch value would be written. */
  value: V;
  /**
   * The day the value applies from, `'YYYY-MM-DD'` (or a `Date`). Before it, junheng's own dated
   * values apply; without it, the value applies on every day.
   */
  from?: DateInput;
  /** The document that sets it — a document number such as `'南教计〔2020〕4号'` — or any text. */
  source?: string;
  /** What a reader should know about the value. */
  note?: string;
}

/** The keys a {@link LocalValue} wrapper may have. @internal */
export const LOCAL_VALUE_KEYS: readonly string[] = ['value', 'from', 'source', 'note'];

/**
 * True when a patch leaf is a {@link LocalValue} wrapper: a plain object with a `value` key and no
 * keys other than `value`, `from`, `source` and `note`.
 *
 * @internal
 */
export function isLocalValue(input: unknown): input is Record<string, unknown> {
  return isPlain(input) && Object.hasOwn(input, 'value') && Object.keys(input).every((k) => LOCAL_VALUE_KEYS.includes(k));
}

/** Where an overriding value comes from, as its wrapper said. @internal */
export interface Origin {
  readonly from?: IsoDate;
  readonly source?: string;
  readonly note?: string;
}

/** A validated override of one leaf. @internal */
export interface Override {
  readonly all?: unknown;
  readonly byRegion?: Partial<Record<Region, unknown>>;
  /** Where `all` comes from, when the patch wrapped it in a {@link LocalValue}. */
  readonly origin?: Origin;
  /** Where each region's value comes from, when the patch wrapped it. */
  readonly originByRegion?: Partial<Record<Region, Origin>>;
}

/** The longest `source` or `note` text accepted. */
const MAX_TEXT = 2000;

/** Reads the `from`, `source` and `note` of a wrapper, pushing an issue per bad key. */
function readOrigin(wrapper: Record<string, unknown>, where: Array<string | number>, issues: PolicyIssue[]): Origin {
  const origin: { from?: IsoDate; source?: string; note?: string } = {};
  if (wrapper['from'] !== undefined) {
    const from = toIsoDate(wrapper['from']);
    if (from === undefined) issues.push({ path: [...where, 'from'], code: 'invalid_value', message: `must be a real calendar date written 'YYYY-MM-DD', got ${describeValue(wrapper['from'])}` });
    else origin.from = from;
  }
  for (const key of ['source', 'note'] as const) {
    const text = wrapper[key];
    if (text === undefined) continue;
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) {
      issues.push({ path: [...where, key], code: 'invalid_value', message: `must be a non-empty text of at most ${MAX_TEXT} characters, got ${describeValue(text)}` });
    } else origin[key] = text;
  }
  return origin;
}

const hasOrigin = (o: Origin): boolean => o.from !== undefined || o.source !== undefined || o.note !== undefined;

/**
 * Validates a user's patch against the tree's shape, pushing one issue per problem with its path
 * under `parameters`, and returns the overrides by dot path. A leaf may be a bare value, a region
 * map for a region-specific leaf, or a {@link LocalValue} wrapper of either (whose problems are
 * reported under `…value`, `…from`, `…source`, `…note`); a region map's entries may be wrappers too.
 *
 * @internal
 */
export function readPatch(tree: ParameterNode, patch: unknown, issues: PolicyIssue[]): Map<string, Override> {
  const overrides = new Map<string, Override>();
  /** One value of a leaf (bare or wrapped); `ok` false when it was refused. */
  const one = (node: AnyLeaf, input: unknown, where: Array<string | number>): { ok: boolean; value?: unknown; origin?: Origin } => {
    let value = input;
    let at = where;
    let origin: Origin | undefined;
    if (isLocalValue(input)) {
      origin = readOrigin(input, where, issues);
      value = input['value'];
      at = [...where, 'value'];
    }
    const parsed = node.codec.parse(value);
    if (!parsed.ok) {
      // A structured value (a list of floor bands) may refuse with issues inside it.
      const inner = (parsed as { issues?: readonly PolicyIssue[] }).issues;
      if (inner !== undefined && inner.length > 0) for (const issue of inner) issues.push({ ...issue, path: [...at, ...issue.path] });
      else issues.push({ path: at, code: 'invalid_value', message: parsed.message });
      return { ok: false };
    }
    return { ok: true, value: parsed.value, ...(origin !== undefined && hasOrigin(origin) ? { origin } : {}) };
  };
  const regionMap = (node: AnyLeaf, value: Record<string, unknown>, where: Array<string | number>, inWrapper: boolean) => {
    const regional: Partial<Record<Region, unknown>> = {};
    const origins: Partial<Record<Region, Origin>> = {};
    for (const key of Object.keys(value)) {
      if (!(REGIONS as readonly string[]).includes(key)) {
        issues.push({ path: [...where, key], code: 'unknown_key', message: `is not a region (use 'east' | 'central' | 'west')` });
        continue;
      }
      if (inWrapper && isLocalValue(value[key])) {
        issues.push({ path: [...where, key], code: 'invalid_value', message: 'must be a bare value: a value inside { value, from?, source?, note? } cannot carry its own wrapper' });
        continue;
      }
      const read = one(node, value[key], [...where, key]);
      if (!read.ok) continue;
      regional[key as Region] = read.value;
      if (read.origin !== undefined) origins[key as Region] = read.origin;
    }
    return { regional, origins };
  };
  const walk = (node: ParameterNode, value: unknown, path: string[]): void => {
    if (node instanceof Leaf) {
      const where: Array<string | number> = ['parameters', ...path];
      const key = path.join('.');
      if (node.spec.regional === true) {
        const wrapped = isLocalValue(value);
        const inner = wrapped ? value['value'] : value;
        if (isPlain(inner) && !isLocalValue(inner)) {
          const origin = wrapped ? readOrigin(value, where, issues) : undefined;
          const { regional, origins } = regionMap(node, inner, wrapped ? [...where, 'value'] : where, wrapped);
          const override: Override = { byRegion: regional };
          if (origin !== undefined && hasOrigin(origin)) {
            const all: Partial<Record<Region, Origin>> = {};
            for (const r of Object.keys(regional) as Region[]) all[r] = origin;
            overrides.set(key, { ...override, originByRegion: all });
          } else if (Object.keys(origins).length > 0) overrides.set(key, { ...override, originByRegion: origins });
          else overrides.set(key, override);
          return;
        }
      }
      const read = one(node, value, where);
      if (read.ok) overrides.set(key, read.origin === undefined ? { all: read.value } : { all: read.value, origin: read.origin });
      return;
    }
    if (!isPlain(value)) {
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

/**
 * The overrides that apply on `asOf`: a wrapped value whose `from` is after `asOf` is left out (the
 * tree's own dated values apply before it), region by region. Returns `overrides` itself when none
 * is dated after `asOf`.
 *
 * @internal
 */
export function overridesOn(overrides: Map<string, Override>, asOf: IsoDate): Map<string, Override> {
  const later = (o: Origin | undefined): boolean => o?.from !== undefined && o.from > asOf;
  let out: Map<string, Override> | undefined;
  for (const [path, override] of overrides) {
    let kept: Override | undefined = override;
    if (override.byRegion !== undefined && override.originByRegion !== undefined) {
      const regions = (Object.keys(override.byRegion) as Region[]).filter((r) => later(override.originByRegion?.[r]));
      if (regions.length > 0) {
        const byRegion = { ...override.byRegion };
        const originByRegion = { ...override.originByRegion };
        for (const r of regions) {
          delete byRegion[r];
          delete originByRegion[r];
        }
        kept = Object.keys(byRegion).length === 0 ? undefined : { byRegion, originByRegion };
      }
    } else if (later(override.origin)) kept = undefined;
    if (kept === override) continue;
    out ??= new Map(overrides);
    if (kept === undefined) out.delete(path);
    else out.set(path, kept);
  }
  return out ?? overrides;
}

/**
 * What a value read carries beside {@link UsedValue} when it was set by `options.parameters`:
 * `local: true`, and the wrapper's `note`. Its `source` is then the wrapper's `source` (or
 * `'override'` when none was given) and its `effectiveFrom` the wrapper's `from` when given.
 *
 * @category Parameters
 */
export interface LocalMarks {
  /** Set by `options.parameters` (a local parameter set or a patch), not one of junheng's own values. */
  readonly local?: true;
  /** The local value's note. */
  readonly note?: string;
}

/** A value read, with its local marks. @category Parameters */
export type LocalUsedValue = UsedValue & LocalMarks;

/** The origin of a leaf's override for `region` (or the one all regions share, without a region). */
function originOf(override: Override, region: Region | undefined): Origin | undefined {
  if (override.origin !== undefined || override.originByRegion === undefined) return override.origin;
  if (region !== undefined) return override.originByRegion[region];
  const all = REGIONS.map((r) => override.originByRegion?.[r]);
  const first = JSON.stringify(all[0]);
  return all.every((o) => JSON.stringify(o) === first) ? all[0] : undefined;
}

/**
 * A value read, marked when it comes from `overrides` (source `'override'`): `local: true`, and the
 * local `source`, `from` and `note` of its wrapper. Other values are returned unchanged.
 *
 * @internal
 */
export function withOrigin(used: UsedValue, overrides: ReadonlyMap<string, Override>): LocalUsedValue {
  if (used.source !== 'override') return used;
  const override = overrides.get(used.path);
  const origin = override === undefined ? undefined : originOf(override, used.region);
  return {
    ...used,
    ...(origin?.source === undefined ? {} : { source: origin.source }),
    ...(origin?.from === undefined ? {} : { effectiveFrom: origin.from }),
    local: true,
    ...(origin?.note === undefined ? {} : { note: origin.note }),
  };
}

/**
 * A snapshot whose values read from `overrides` carry their local marks ({@link withOrigin}); the
 * snapshot itself when nothing is overridden.
 *
 * @internal
 */
export function withOrigins<T>(snap: Snapshot<T> | undefined, overrides: ReadonlyMap<string, Override>): Snapshot<T> | undefined {
  if (snap === undefined || overrides.size === 0) return snap;
  return { ...snap, used: snap.used.map((u) => withOrigin(u, overrides)) };
}
