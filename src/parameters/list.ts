import { makeSafe, type PolicyIssue } from '../core/errors.js';
import { eachLeaf, type DatedValue, type ParameterKind } from '../core/parameters.js';
import { valueOn } from '../core/resolve.js';
import { throwIfAny } from '../core/schemas.js';
import { REGIONS, type Bilingual, type Confidence, type Region } from '../core/types.js';
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
  /** Id of its source document (see `sources`), or `'override'` for a user's patch. */
  source: string;
  confidence: Confidence;
  /** For region-specific values. */
  region?: Region;
}

/**
 * Every parameter value in force on `asOf` (default today), one entry per value and region, with
 * the date it took effect, its source and its confidence. Overrides in `options.parameters` are
 * listed as source `'override'`, confidence `'unverified'`. With `region`, region-specific values are
 * listed for that region only. A parameter with no value yet on `asOf` is left out.
 *
 * @category Parameters
 * @example
 * ```ts
 * listParameters({ asOf: '2025-09-01', region: 'central' })
 *   .find((p) => p.path === 'funding.benchmark.primary');
 * //=> { path: 'funding.benchmark.primary', value: '600', effectiveFrom: '2016-03-01', source: 'gf-2015-67', confidence: 'verified', region: 'central' }
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
      const v = valueOn(leaf, ctx, region);
      if (v === undefined) continue;
      const entry: ParameterListing = { path, value: v.value, effectiveFrom: v.effectiveFrom, source: v.source, confidence: v.confidence };
      if (region !== undefined) entry.region = region;
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
  history: ReadonlyArray<DatedValue<unknown>>;
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
      history: leaf.spec.history,
    };
    if (leaf.spec.unit !== undefined) d.unit = leaf.spec.unit;
    if (leaf.spec.choices !== undefined) d.choices = leaf.spec.choices;
    out.push(d);
  });
  return out;
}
