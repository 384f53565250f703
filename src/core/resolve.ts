import type { IsoDate } from './dates.js';
import type { PolicyIssue } from './errors.js';
import { DateOf, Leaf, type AnyLeaf, type DatedValue, type ParameterNode, type StartDate } from './parameters.js';
import type { Override } from './patch.js';
import { REGIONS, type Confidence, type Region } from './types.js';

/** A value as it was read for one call: what it is, since when, from where. @category Parameters */
export interface UsedValue {
  readonly path: string;
  /** The value as users see it (money as a decimal string of yuan). */
  readonly value: unknown;
  readonly effectiveFrom: IsoDate;
  /** Id of its source document, or `'override'` for a user's patch. */
  readonly source: string;
  readonly confidence: Confidence;
  readonly region?: Region;
  /**
   * Path of the date parameter the value starts from (`'opinion.effectiveFrom'` for the opinion's
   * own values): `effectiveFrom` is that parameter's value on the day, after the patch.
   */
  readonly fromParameter?: string;
  /** The latest day a source seen shows the value still in force (see {@link DatedValue.confirmedThrough}). */
  readonly confirmedThrough?: IsoDate;
  /** True when `asOf` is after `confirmedThrough`: no source seen shows the value still in force on the day. */
  readonly stale: boolean;
}

/** What resolution needs: the day, the region and the user's overrides. @internal */
export interface ResolveContext {
  readonly asOf: IsoDate;
  readonly region: Region | undefined;
  readonly overrides: ReadonlyMap<string, Override>;
}

/** The day and region a rule runs for (what a pure rule may read besides its input and parameters). @category Parameters */
export interface RuleContext {
  readonly asOf: IsoDate;
  readonly region: Region | undefined;
}

/**
 * The day a dated value starts for a call: its own date, or the value of its date parameter on
 * `asOf` after the patch (`undefined` while that parameter has no value: the value is not in force).
 */
function startOf(from: StartDate, ctx: ResolveContext): IsoDate | undefined {
  if (typeof from === 'string') return from;
  return valueOn(from.leaf, ctx, undefined)?.value as IsoDate | undefined;
}

/** A dated value with the day it starts for the call. */
interface Dated<V> {
  readonly entry: DatedValue<V>;
  readonly from: IsoDate;
}

/**
 * The latest dated value on or before `asOf`, for one region or for a leaf without regions. A value
 * that starts on a date parameter's day never starts before the value listed before it, so a
 * history stays in its order whatever day the parameter is given.
 */
function latest<V>(history: readonly DatedValue<V>[], ctx: ResolveContext, region: Region | undefined): Dated<V> | undefined {
  let found: Dated<V> | undefined;
  let floor = '';
  for (const entry of history) {
    const start = startOf(entry.from, ctx);
    if (start === undefined) continue;
    const from = start < floor ? floor : start;
    if (from > ctx.asOf) break;
    floor = from;
    if (entry.region === region) found = { entry, from };
  }
  return found;
}

/**
 * The date parameters a leaf's values start from (`opinion.effectiveFrom` for the opinion's own
 * values): reading the leaf reads them too.
 *
 * @internal
 */
export function startLeaves(node: AnyLeaf): AnyLeaf[] {
  const out: AnyLeaf[] = [];
  for (const entry of node.spec.history as readonly DatedValue<unknown>[]) {
    if (entry.from instanceof DateOf && !out.includes(entry.from.leaf)) out.push(entry.from.leaf);
  }
  return out;
}

/** How the first value of a leaf is dated, for a message: `2016-03-01`, or `opinion.effectiveFrom, 2017-05-23`. */
function firstStart(node: AnyLeaf, ctx: ResolveContext): string | undefined {
  const first = (node.spec.history as readonly DatedValue<unknown>[])[0]?.from;
  if (first === undefined || typeof first === 'string') return first;
  const day = startOf(first, ctx) ?? (first.leaf.spec.history.at(-1)?.value as IsoDate | undefined);
  return day === undefined ? first.path : `${first.path}, ${day}`;
}

/**
 * The value of one leaf on `asOf` for `region` (or without a region), after overrides; `undefined`
 * when none is in force.
 *
 * @internal
 */
export function valueOn(node: AnyLeaf, ctx: ResolveContext, region: Region | undefined): UsedValue | undefined {
  const path = node.path;
  const dated = latest(node.spec.history as readonly DatedValue<unknown>[], ctx, region);
  const override = ctx.overrides.get(path);
  const replaced = override === undefined ? undefined : region !== undefined && override.byRegion !== undefined ? override.byRegion[region] : override.all;
  if (replaced !== undefined) {
    return { path, value: replaced, effectiveFrom: dated?.from ?? ctx.asOf, source: 'override', confidence: 'unverified', stale: false, ...(region === undefined ? {} : { region }) };
  }
  if (dated === undefined) return undefined;
  const { entry, from } = dated;
  const through = entry.confirmedThrough;
  return {
    path,
    value: entry.value,
    effectiveFrom: from,
    source: entry.source,
    confidence: entry.confidence,
    ...(region === undefined ? {} : { region }),
    ...(entry.from instanceof DateOf ? { fromParameter: entry.from.path } : {}),
    ...(through === undefined ? {} : { confirmedThrough: through }),
    stale: through !== undefined && ctx.asOf > through,
  };
}

/**
 * Adds a parameter issue, folding it into an earlier one of the same code: one issue on `asOf` (or
 * `region`) that names every parameter concerned, not one per parameter.
 *
 * @internal
 */
export function mergeIssue(issues: PolicyIssue[], issue: PolicyIssue, asOf: IsoDate): void {
  const at = issues.findIndex((i) => i.code === issue.code && i.parameters !== undefined);
  const earlier = issues[at];
  if (earlier?.parameters === undefined || issue.parameters === undefined) {
    issues.push(issue);
    return;
  }
  const parameters = [...earlier.parameters];
  for (const detail of issue.parameters) if (!parameters.includes(detail)) parameters.push(detail);
  issues[at] = { ...earlier, parameters, message: parameterMessage(issue.code, asOf, parameters) };
}

function parameterMessage(code: PolicyIssue['code'], asOf: IsoDate, details: readonly string[]): string {
  return code === 'region_required'
    ? `is needed: on ${asOf} ${details.join('; ')} differ${details.length === 1 ? 's' : ''} by region; give region 'east' | 'central' | 'west'`
    : `is too early: on ${asOf} no value is known for ${details.join('; ')}; give a later asOf or set ${details.length === 1 ? 'it' : 'them'} in parameters`;
}

function resolveLeaf(node: AnyLeaf, ctx: ResolveContext, issues: PolicyIssue[], used: UsedValue[]): unknown {
  let chosen: UsedValue | undefined;
  if (node.spec.regional === true && ctx.region === undefined) {
    const values = REGIONS.map((r) => valueOn(node, ctx, r));
    const present = values.filter((v): v is UsedValue => v !== undefined);
    if (present.length === REGIONS.length) {
      const texts = present.map((v) => JSON.stringify(v.value));
      if (texts.every((t) => t === texts[0])) {
        const { region: _one, ...first } = present[0] as UsedValue;
        chosen = first;
      } else {
        const listing = present.map((v) => `${v.region} ${String(v.value)}`).join(', ');
        const parameters = [`${node.path} (${listing})`];
        issues.push({ path: ['region'], code: 'region_required', message: parameterMessage('region_required', ctx.asOf, parameters), parameters });
        return undefined;
      }
    }
  } else {
    chosen = valueOn(node, ctx, node.spec.regional === true ? ctx.region : undefined);
  }
  if (chosen === undefined) {
    const first = firstStart(node, ctx);
    const parameters = [`${node.path}${first === undefined ? '' : ` (first value from ${first})`}`];
    issues.push({ path: ['asOf'], code: 'no_value_on_date', message: parameterMessage('no_value_on_date', ctx.asOf, parameters), parameters });
    return undefined;
  }
  used.push(chosen);
  return node.codec.internal(chosen.value);
}

// ---------------------------------------------------------------- selections

/**
 * Marks part of a calculator's selection as a rule that is simply not in force before its first
 * date (the opinion's own floor before the opinion): it resolves to `undefined`, with no issue, when
 * some value of it is not known on `asOf` — unless the user patched part of it, when the missing
 * values are an error.
 *
 * @internal
 */
export class InForce<T extends ParameterNode> {
  constructor(readonly node: T) {}
}

/**
 * Marks part of a calculator's selection as needed only by some inputs (a stage benchmark that
 * differs by region, needed only by schools with pupils of that stage): it resolves to `undefined`
 * when it cannot be resolved, and the calculator raises its issues only if the rule needed it
 * (see {@link Snapshot.problems}).
 *
 * @internal
 */
export class WhenNeeded<T extends ParameterNode> {
  constructor(readonly node: T) {}
}

/** @internal */
export const inForce = <T extends ParameterNode>(node: T): InForce<T> => new InForce(node);
/** @internal */
export const whenNeeded = <T extends ParameterNode>(node: T): WhenNeeded<T> => new WhenNeeded(node);

/** What a calculator's `reads` may return: parameter nodes, marked nodes, and objects of them. @category Parameters */
export type Selection = ParameterNode | InForce<ParameterNode> | WhenNeeded<ParameterNode> | { readonly [key: string]: Selection };

/** The values rules read for a selection (money in fen, shares in ten-thousandths). @category Parameters */
export type Resolved<T> =
  T extends Leaf<any, infer R, any, boolean>
    ? R
    : T extends InForce<infer N>
      ? Resolved<N> | undefined
      : T extends WhenNeeded<infer N>
        ? Resolved<N> | undefined
        : { readonly [K in keyof T]: Resolved<T[K]> };

/** A resolved selection with what was read and the deferred problems of its `whenNeeded` parts. @internal */
export interface Snapshot<T> {
  readonly values: T;
  /** Every value read, in selection order. */
  readonly used: readonly UsedValue[];
  /** The issues of each `whenNeeded` leaf that could not be resolved, by its path. */
  readonly problems: ReadonlyMap<string, readonly PolicyIssue[]>;
}

/** Every leaf named in a selection, in order. */
function ownLeaves(selection: Selection): AnyLeaf[] {
  const out: AnyLeaf[] = [];
  const walk = (node: Selection): void => {
    if (node instanceof Leaf) out.push(node);
    else if (node instanceof InForce || node instanceof WhenNeeded) walk(node.node);
    else for (const key of Object.keys(node)) walk((node as Record<string, Selection>)[key] as Selection);
  };
  walk(selection);
  return out;
}

/**
 * Every leaf a selection reads, in order: the leaves it names, each followed by the date
 * parameters its values start from (`opinion.effectiveFrom` after the first of the opinion's own
 * values), without repeats.
 *
 * @internal
 */
export function selectedLeaves(selection: Selection): AnyLeaf[] {
  const out: AnyLeaf[] = [];
  for (const leaf of ownLeaves(selection)) {
    if (!out.includes(leaf)) out.push(leaf);
    for (const date of startLeaves(leaf)) if (!out.includes(date)) out.push(date);
  }
  return out;
}

/**
 * Resolves a selection for one call or batch: every leaf's value on `asOf`, for the region given (or
 * the one value all regions share). Pushes an issue on `asOf` when a value is not known that early,
 * and on `region` when it is needed and the regions differ.
 *
 * @internal
 */
export function resolveSelection<S extends Selection>(selection: S, ctx: ResolveContext, issues: PolicyIssue[]): Snapshot<Resolved<S>> {
  const used: UsedValue[] = [];
  const problems = new Map<string, PolicyIssue[]>();
  const local: PolicyIssue[] = [];
  const walk = (node: Selection, sink: PolicyIssue[], into: UsedValue[]): unknown => {
    if (node instanceof Leaf) return resolveLeaf(node, ctx, sink, into);
    if (node instanceof InForce) {
      const mine: PolicyIssue[] = [];
      const mineUsed: UsedValue[] = [];
      const value = walk(node.node, mine, mineUsed);
      // A patch of the rule's own values puts it in force; moving the date it starts from does not.
      const patched = ownLeaves(node.node).some((l) => ctx.overrides.has(l.path));
      if (mine.some((i) => i.code === 'no_value_on_date') && !patched) return undefined;
      sink.push(...mine);
      into.push(...mineUsed);
      return value;
    }
    if (node instanceof WhenNeeded) {
      const mine: PolicyIssue[] = [];
      const mineUsed: UsedValue[] = [];
      const value = walk(node.node, mine, mineUsed);
      if (mine.length > 0) {
        for (const leaf of ownLeaves(node.node)) problems.set(leaf.path, mine);
        return undefined;
      }
      into.push(...mineUsed);
      return value;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(node)) out[key] = walk((node as Record<string, Selection>)[key] as Selection, sink, into);
    return out;
  };
  const values = walk(selection, local, used) as Resolved<S>;
  for (const issue of local) mergeIssue(issues, issue, ctx.asOf);
  return { values, used, problems };
}

/**
 * Raises the deferred problems of `whenNeeded` leaves a rule turned out to need (their paths),
 * merged into one issue per kind.
 *
 * @internal
 */
export function raiseNeeded(snapshot: Snapshot<unknown>, paths: Iterable<string>, asOf: IsoDate, issues: PolicyIssue[]): void {
  const seen = new Set<readonly PolicyIssue[]>();
  for (const path of paths) {
    const problems = snapshot.problems.get(path);
    if (problems === undefined || seen.has(problems)) continue;
    seen.add(problems);
    for (const p of problems) mergeIssue(issues, p, asOf);
  }
}

/**
 * Wraps the resolution of a selection so that it runs once per day and region when nothing is
 * overridden (a batch, or many single calls on the same day, share one snapshot). A snapshot whose
 * resolution added issues is neither kept nor returned.
 *
 * @internal
 */
export function snapshotByDay<S extends Selection>(selection: () => S): (ctx: ResolveContext, issues: PolicyIssue[]) => Snapshot<Resolved<S>> | undefined {
  const cache = new Map<string, Snapshot<Resolved<S>>>();
  let chosen: S | undefined;
  return (ctx, issues) => {
    const key = ctx.overrides.size === 0 ? `${ctx.asOf}|${ctx.region ?? ''}` : undefined;
    const hit = key === undefined ? undefined : cache.get(key);
    if (hit !== undefined) return hit;
    chosen ??= selection();
    const before = issues.length;
    const snap = resolveSelection(chosen, ctx, issues);
    if (issues.length > before) return undefined;
    if (key !== undefined) {
      if (cache.size > 256) cache.clear();
      cache.set(key, snap);
    }
    return snap;
  };
}

// ---------------------------------------------------------------- recording reads

let recorder: Map<string, Set<string>> | undefined;

/**
 * Runs `fn` and returns, for each calculator that ran, the dot paths of every parameter its rule or
 * result builder read (leaf by leaf). The tests use it to prove that each calculator's declaration
 * names exactly what it reads.
 *
 * @internal
 */
export function recordParameterReads(fn: () => void): Map<string, Set<string>> {
  const outer = recorder;
  const seen = new Map<string, Set<string>>();
  recorder = seen;
  try {
    fn();
  } finally {
    recorder = outer;
  }
  if (outer !== undefined) {
    for (const [name, paths] of seen) {
      const into = outer.get(name) ?? new Set<string>();
      for (const path of paths) into.add(path);
      outer.set(name, into);
    }
  }
  return seen;
}

/**
 * The resolved values of a selection wrapped so that each leaf read is recorded under the
 * calculator's name (only while recording: otherwise the plain values are returned).
 *
 * @internal
 */
export function watched<T>(values: T, selection: Selection, name: string): T {
  if (recorder === undefined) return values;
  let sink = recorder.get(name);
  if (sink === undefined) {
    sink = new Set<string>();
    recorder.set(name, sink);
  }
  const into = sink;
  const wrap = (value: unknown, node: Selection): unknown => {
    if (node instanceof Leaf) return value;
    if (node instanceof InForce || node instanceof WhenNeeded) return wrap(value, node.node);
    if (typeof value !== 'object' || value === null) return value;
    return new Proxy(value as object, {
      get(target, key, receiver) {
        const v = Reflect.get(target, key, receiver) as unknown;
        if (typeof key !== 'string' || !Object.hasOwn(node, key)) return v;
        const child = (node as Record<string, Selection>)[key] as Selection;
        const inner = child instanceof InForce || child instanceof WhenNeeded ? child.node : child;
        if (inner instanceof Leaf) {
          into.add(inner.path);
          // Its value depends on the date its values start from: that date is read too.
          for (const date of startLeaves(inner)) into.add(date.path);
          return v;
        }
        // A subtree not in force, or not resolved, was still consulted: all of it counts as read.
        if (v === undefined) {
          for (const leaf of selectedLeaves(child)) into.add(leaf.path);
          return v;
        }
        return wrap(v, child);
      },
    });
  };
  return wrap(values, selection) as T;
}

