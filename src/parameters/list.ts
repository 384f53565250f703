import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { DateOf, eachLeaf, type DatedValue, type ParameterKind } from '../core/parameters.js';
import { valueOn } from '../core/resolve.js';
import { throwIfAny } from '../core/schemas.js';
import { REGIONS, type Bilingual, type Confidence, type Region } from '../core/types.js';
import { withOrigin } from '../core/patch.js';
import { readOptions, type CalculatorOptions } from './context.js';
import { parameterTree } from './tree.js';

/**
 * One parameter value in force on a day.
 *
 * @category Parameters
 */
export interface ParameterListing {
  /** Dot path, the same a `parameters` patch uses: `'funding.benchmark.primary'`. */
  path: string;
  /** Money as a decimal string of yuan; counts and shares as numbers; choices as strings. */
  value: unknown;
  /** The day this value took effect, `'YYYY-MM-DD'`. */
  effectiveFrom: string;
  /**
   * Id of its source document (see `sources`); for a value of `options.parameters`, the `source`
   * its local-value wrapper gives (`'南教计〔2020〕4号'`), or `'override'` when it gives none.
   */
  source: string;
  confidence: Confidence;
  /** For region-specific values. */
  region?: Region;
  /** `true` for a value set by `options.parameters` (a local parameter set or a patch), not junheng's own. */
  local?: true;
  /** The note of a local value's wrapper. */
  note?: string;
  /**
   * The date parameter the value starts from, for the opinion's own values:
   * `'opinion.effectiveFrom'` (its value on the day is `effectiveFrom`).
   */
  fromParameter?: string;
  /** The latest day a source seen shows the value still in force, `'YYYY-MM-DD'` (the value's note on the parameters page says which source). */
  confirmedThrough?: string;
  /**
   * True when `asOf` is after `confirmedThrough`: no source seen shows the value still in force on
   * the day, so it may have changed since — confirm it or set your own. Always false for a value
   * without `confirmedThrough` (junheng's readings, the opinion's own values, a user's value).
   */
  stale: boolean;
}

/**
 * Every parameter value in force on `asOf` (default today), one entry per value and region, with
 * the date it took effect, its source and its confidence. Values set by `options.parameters` are
 * listed with `local: true`, confidence `'unverified'`, and source `'override'` — or, for a value
 * of a local parameter set wrapped as `{ value, from?, source?, note? }`, its own `source`, `note`
 * and, when given, `from` as `effectiveFrom`; a wrapped value whose `from` is after `asOf` is not
 * in force, and junheng's own value is listed instead. With `region`, region-specific values are
 * listed for that region only. Each entry says how far a source confirms it: `confirmedThrough`,
 * and `stale` when `asOf` is after that day. A parameter with no value yet on `asOf` is left out —
 * the opinion's own values, before `opinion.effectiveFrom`.
 *
 * @category Parameters
 * @example
 * ```ts
 * listParameters({ asOf: '2025-09-01', region: 'central' })
 *   .find((p) => p.path === 'funding.benchmark.primary');
 * //=> { path: 'funding.benchmark.primary', value: '600', effectiveFrom: '2016-03-01', source: 'gf-2015-67', confidence: 'verified', region: 'central', confirmedThrough: '2016-12-31', stale: true }
 * ```
 */
export function listParameters(options?: CalculatorOptions): ParameterListing[] {
  const issues: PolicyIssue[] = [];
  const ctx = readOptions(options, issues);
  throwIfAny(issues);
  const out: ParameterListing[] = [];
  eachLeaf(parameterTree, (path, leaf) => {
    const regions = leaf.spec.regional === true ? (ctx.region === undefined ? REGIONS : [ctx.region]) : [undefined];
    for (const region of regions) {
      const found = valueOn(leaf, ctx, region);
      if (found === undefined) continue;
      const v = withOrigin(found, ctx.overrides);
      const entry = { path, value: v.value, effectiveFrom: v.effectiveFrom, source: v.source, confidence: v.confidence } as ParameterListing;
      if (region !== undefined) entry.region = region;
      if (v.fromParameter !== undefined) entry.fromParameter = v.fromParameter;
      if (v.confirmedThrough !== undefined) entry.confirmedThrough = v.confirmedThrough;
      entry.stale = v.stale;
      if (v.local === true) entry.local = true;
      if (v.note !== undefined) entry.note = v.note;
      out.push(entry);
    }
  });
  return out;
}

/** {@link listParameters} that returns `{ success: false, error }` instead of throwing. @category Parameters */
export const safeListParameters = makeSafe(listParameters);

/**
 * A parameter with its whole history, for documentation.
 *
 * @category Parameters
 */
export interface ParameterDescription {
  path: string;
  kind: ParameterKind;
  description: Bilingual;
  unit?: string;
  regional: boolean;
  choices?: readonly string[];
  history: ReadonlyArray<DescribedValue>;
}

/**
 * One dated value as {@link describeParameters} gives it: `from` is always a day — for the
 * opinion's own values, the default of the date parameter named in `fromParameter`
 * (`opinion.effectiveFrom`, 2017-05-23), which a patch of that parameter moves.
 *
 * @category Parameters
 */
export type DescribedValue = Omit<DatedValue<unknown>, 'from'> & { readonly from: string; readonly fromParameter?: string };

/** A dated value with its start written as a day (for a date parameter, that parameter's own latest value). */
function described(entry: DatedValue<unknown>): DescribedValue {
  if (!(entry.from instanceof DateOf)) return entry as DescribedValue;
  const day = entry.from.leaf.spec.history.at(-1)?.value as string;
  return { ...entry, from: day, fromParameter: entry.from.path };
}

/**
 * Every parameter with its description, unit and every dated value — the data behind the docs
 * site's parameter pages.
 *
 * @category Parameters
 * @example
 * ```ts
 * describeParameters().find((p) => p.path === 'funding.specialEducation')?.history.map((h) => [h.from, h.value]);
 * //=> [['2016-03-01', '6000'], ['2025-03-01', '7000']]
 * ```
 */
export function describeParameters(): ParameterDescription[] {
  const out: ParameterDescription[] = [];
  eachLeaf(parameterTree, (path, leaf) => {
    const d: ParameterDescription = {
      path,
      kind: leaf.spec.kind,
      description: leaf.spec.description,
      regional: leaf.spec.regional === true,
      history: (leaf.spec.history as ReadonlyArray<DatedValue<unknown>>).map(described),
    };
    if (leaf.spec.unit !== undefined) d.unit = leaf.spec.unit;
    if (leaf.spec.choices !== undefined) d.choices = leaf.spec.choices;
    out.push(d);
  });
  return out;
}
