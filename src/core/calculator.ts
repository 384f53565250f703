import type * as z from 'zod/mini';
import { makeSafe, type PolicyIssue, type SafeResult } from './errors.js';
import { hideExplanation } from './explain.js';
import { readOptions, type CalculatorOptions } from './options.js';
import { withOrigins } from './patch.js';
import type { ParameterNode, PatchOf } from './parameters.js';
import { selectedLeaves, snapshotByDay, watched, type Resolved, type RuleContext, type Selection, type Snapshot, type UsedValue } from './resolve.js';
import { parseInto, throwIfAny } from './schemas.js';

/**
 * What a calculator's declaration says about it, kept on the function itself: the register, the
 * JSON Schemas, the policy map and the tests read it instead of lists kept by hand.
 *
 * @category Calculators
 */
export interface CalculatorInfo {
  /** The exported name (`'publicFunding'`). */
  readonly name: string;
  /** The provisions it encodes, first the main one. */
  readonly provisions: readonly string[];
  /** The zod schema of its first argument, when it has one a form can fill. */
  readonly input?: z.ZodMiniType;
  /** Dot paths of every parameter it may read, in tree order. */
  readonly parameters: readonly string[];
}

/** The key under which a calculator function carries its {@link CalculatorInfo}. @internal */
export const INFO = 'calculator';

/** A function that carries a {@link CalculatorInfo}. @category Calculators */
export interface Declared {
  readonly calculator: CalculatorInfo;
}

/** True for an exported function declared with `defineCalculator` or `declareFunction`. @internal */
export function isDeclared(value: unknown): value is ((...args: never[]) => unknown) & Declared {
  return typeof value === 'function' && typeof (value as Partial<Declared>).calculator === 'object';
}

/** What a rule sees of one call besides its input: the day, the region and the calculator's own options. @category Calculators */
export interface RuleCall<X = Record<never, never>> extends RuleContext {
  readonly options: X;
}

/** Everything a result builder may quote. @category Calculators */
export interface Call<Rec, P, X = Record<never, never>> extends RuleCall<X> {
  readonly input: Rec;
  readonly params: P;
  /** Every parameter value resolved for the call, with its date, source and confidence. */
  readonly used: readonly UsedValue[];
  /** The resolved selection with its deferred problems. */
  readonly snapshot: Snapshot<P>;
  /** The calculator's provisions. */
  readonly provisions: readonly string[];
}

/**
 * One calculator, declared once. Everything that lists it comes from this: the throwing function,
 * its `safe…` form, its JSON Schema, the provisions register's `implementedBy`, the parameters the
 * policy map lists for it.
 *
 * @typeParam T - The assembled parameter tree, given by the register's kit.
 * @category Calculators
 */
export interface CalculatorSpec<T, In, Rec, S extends Selection, Out, Res, X extends Record<string, unknown>> {
  /** The exported name. */
  readonly name: string;
  /** The provision ids it encodes, the main one first (its citations start with it). */
  readonly provisions: readonly string[];
  /** The zod schema of the first argument: parsed once at the edge; its JSON Schema is published. */
  readonly input: z.ZodMiniType<unknown, In>;
  /** A faster reader of the first argument with the schema's exact verdict (a batch's fast path); default: the schema. */
  readonly parse?: (input: unknown, issues: PolicyIssue[]) => Rec | undefined;
  /** The calculator's own option keys beyond `asOf`, `region` and `parameters`. */
  readonly options?: z.ZodMiniObject;
  /**
   * The parameters it reads: typed access to the tree (`(p) => p.funding`), never a path string. The
   * values the rule gets are these nodes resolved on `asOf` for `region`, after the user's patch.
   */
  readonly reads?: (tree: T) => S;
  /** Checks of the input that need the parameters; push issues with paths relative to the input. */
  readonly check?: (input: Rec, call: Call<Rec, Resolved<S>, X>, issues: PolicyIssue[]) => void;
  /** The pure rule: validated input and resolved parameters in, outcome out. No validation, no I/O. */
  readonly rule: (input: Rec, params: Resolved<S>, call: RuleCall<X>) => Out;
  /** Problems only the outcome can reveal (a rate a school needed and the options could not give). */
  readonly settle?: (outcome: Out, call: Call<Rec, Resolved<S>, X>, issues: PolicyIssue[]) => void;
  /** Builds the result: values, citations and the lazy explanation. */
  readonly result: (outcome: Out, call: Call<Rec, Resolved<S>, X>) => Res;
}

/** What a calculator accepts for an input: a list may be readonly. @category Calculators */
export type Accepts<In> = In extends Array<infer E> ? readonly E[] : In;

/** The options of a calculator: the common ones, plus its own when it has any. @category Calculators */
export type OptionsOf<Patch, X> = [keyof X] extends [never] ? CalculatorOptions<Patch> : CalculatorOptions<Patch> & Partial<X>;

/**
 * A declared calculator: call it with the input and options; `.rule` is the pure rule for hosts that
 * validate elsewhere; `.parameters(options)` resolves what the rule reads.
 *
 * @category Calculators
 */
export interface Calculator<In, Rec, S extends Selection, Out, Res, X extends Record<string, unknown>, Patch> extends Declared {
  (input: Accepts<In>, options?: OptionsOf<Patch, X>): Res;
  /**
   * The pure rule, unchecked: give it input already validated in the rule's own form and the
   * parameters from {@link Calculator.parameters}. Nothing is validated; a wrong value gives a wrong
   * answer, not an error.
   */
  readonly rule: (input: Rec, params: Resolved<S>, call: RuleCall<X>) => Out;
  /** Resolves (and checks) the parameters the rule reads, for `options`: what `.rule` takes. */
  readonly parameters: (options?: CalculatorOptions<Patch>) => Resolved<S>;
  /** The selection of the tree the rule reads, for composing one calculator's rule into another's. */
  readonly reads: (tree: never) => S;
}

const EMPTY: Selection = {};

/**
 * The declaration kit for one assembled parameter tree. The register makes it once
 * (`export const { defineCalculator, declareFunction } = calculatorKit(parameterTree)`); the areas
 * declare their calculators with it.
 *
 * @internal
 */
export function calculatorKit<T extends ParameterNode, P extends string = string>(tree: T) {
  type Patch = PatchOf<T>;

  const open = (options: unknown, issues: PolicyIssue[], extra?: z.ZodMiniObject) => readOptions<Record<string, unknown>>(options, issues, tree, extra);

  function defineCalculator<In, Rec, S extends Selection, Out, Res, X extends Record<string, unknown> = Record<never, never>>(
    spec: CalculatorSpec<T, In, Rec, S, Out, Res, X> & { readonly provisions: readonly P[] },
  ): Calculator<In, Rec, S, Out, Res, X, Patch> {
    const reads = spec.reads ?? ((() => EMPTY) as unknown as (tree: T) => S);
    let selection: S | undefined;
    const selected = (): S => (selection ??= reads(tree));
    const snapshot = snapshotByDay(() => reads(tree));
    const parse = spec.parse ?? ((input: unknown, issues: PolicyIssue[]) => parseInto(spec.input, input, issues) as Rec | undefined);

    // Values read from a local parameter set carry its source and note (see withOrigins).
    const resolveFor = (ctx: ReturnType<typeof open>, issues: PolicyIssue[]): Snapshot<Resolved<S>> | undefined => withOrigins(snapshot(ctx, issues), ctx.overrides);

    const fn = (input: Accepts<In>, options?: OptionsOf<Patch, X>): Res => {
      const issues: PolicyIssue[] = [];
      const value = parse(input, issues);
      const ctx = open(options, issues, spec.options);
      throwIfAny(issues);
      const snap = resolveFor(ctx, issues) as Snapshot<Resolved<S>>;
      throwIfAny(issues);
      const params = watched(snap.values, selected(), spec.name);
      const call: Call<Rec, Resolved<S>, X> = {
        input: value as Rec,
        params,
        asOf: ctx.asOf,
        region: ctx.region,
        options: ctx.extra as X,
        used: snap.used,
        snapshot: snap,
        provisions: spec.provisions,
      };
      if (spec.check !== undefined) {
        spec.check(call.input, call, issues);
        throwIfAny(issues);
      }
      const outcome = spec.rule(call.input, params, call);
      if (spec.settle !== undefined) {
        spec.settle(outcome, call, issues);
        throwIfAny(issues);
      }
      // Every result serialises alike: an eager explanation is made non-enumerable like a lazy one.
      return hideExplanation(spec.result(outcome, call));
    };

    const parameters = (options?: CalculatorOptions<Patch>): Resolved<S> => {
      const issues: PolicyIssue[] = [];
      const ctx = open(options, issues);
      throwIfAny(issues);
      const snap = resolveFor(ctx, issues);
      throwIfAny(issues);
      return (snap as Snapshot<Resolved<S>>).values;
    };

    const info: CalculatorInfo = {
      name: spec.name,
      provisions: spec.provisions,
      input: spec.input,
      get parameters() {
        return selectedLeaves(selected()).map((leaf) => leaf.path);
      },
    };
    Object.defineProperty(fn, 'name', { value: spec.name });
    return Object.assign(fn, { calculator: info, rule: spec.rule, parameters, reads: reads as (tree: never) => S });
  }

  /**
   * Declares a function of another shape (a streaming tally, a plain coefficient) with the same
   * metadata, so the register and the policy map list it like any calculator.
   */
  function declareFunction<F extends (...args: never[]) => unknown>(
    fn: F,
    info: { name: string; provisions: readonly P[]; input?: z.ZodMiniType; reads?: (tree: T) => Selection },
  ): F & Declared {
    const reads = info.reads;
    const meta: CalculatorInfo = {
      name: info.name,
      provisions: info.provisions,
      ...(info.input === undefined ? {} : { input: info.input }),
      get parameters() {
        return reads === undefined ? [] : selectedLeaves(reads(tree)).map((leaf) => leaf.path);
      },
    };
    return Object.assign(fn, { calculator: meta });
  }

  /**
   * Reads options and resolves a selection once, for functions that are not one-input calculators
   * (a streaming tally resolves once and then takes rows one by one). Throws on any problem.
   */
  function prepare<S extends Selection>(name: string, reads: (tree: T) => S, options: unknown, extra?: z.ZodMiniObject, issues: PolicyIssue[] = []) {
    const snapshot = snapshotFor(reads);
    const ctx = open(options, issues, extra);
    throwIfAny(issues);
    const snap = withOrigins(snapshot(ctx, issues), ctx.overrides) as Snapshot<Resolved<S>>;
    throwIfAny(issues);
    return { ctx, snapshot: snap, params: watched(snap.values, reads(tree), name) };
  }

  const snapshots = new WeakMap<object, ReturnType<typeof snapshotByDay>>();
  function snapshotFor<S extends Selection>(reads: (tree: T) => S) {
    let s = snapshots.get(reads);
    if (s === undefined) {
      s = snapshotByDay(() => reads(tree));
      snapshots.set(reads, s);
    }
    return s as unknown as (ctx: ReturnType<typeof open>, issues: PolicyIssue[]) => Snapshot<Resolved<S>> | undefined;
  }

  /** The `safe…` form of a calculator: `{ success: false, error }` instead of a thrown {@link PolicyInputError}. */
  const safe = <A extends unknown[], R>(f: (...args: A) => R): ((...args: A) => SafeResult<R>) => makeSafe(f);

  return { defineCalculator, declareFunction, prepare, safe, tree };
}
