import { PolicyInputError, type PolicyIssue } from './errors.js';
import type { Bilingual } from './types.js';

/**
 * One step of an explanation: the provision it applies, a bilingual message a clerk can check by
 * hand, and the values it quotes.
 *
 * @category Explanations
 */
export interface ExplanationStep {
  /** Provision id (`'5.1'`) or national source id (`'gf-2015-67'`) behind the step. */
  provision?: string;
  message: Bilingual;
  /** The figures the step quotes, money as decimal strings of yuan. */
  values?: Record<string, string | number | boolean | null>;
}

/**
 * What every calculator result carries.
 *
 * **Serialising.** `explanation` is a non-enumerable property, built on first read and then kept:
 * `JSON.stringify(result)`, `Object.keys`, spreading (`{ ...result }`), `structuredClone` and deep
 * equality leave it out, so the JSON of a national allocation costs what its data costs. A host that
 * wants the steps reads `result.explanation` (and may add them to its own copy). Everything else is
 * kept: `JSON.parse(JSON.stringify(result))` has every data field, with amounts (`Decimal`) as their
 * exact decimal strings (`'780000'`, `'650.5'`).
 *
 * **Freezing.** Results stay readable after `Object.freeze` (deep or shallow): lazy fields keep
 * their value outside the object, so reading `explanation` of a frozen result works.
 *
 * **Cloning.** A `Decimal` cannot be structured-cloned (it carries its constructor), so
 * `structuredClone(result)` throws on results holding amounts. {@link toPlainData} gives a result's
 * data as plain objects — the same as its JSON form, amounts as exact decimal strings, no
 * explanation — which `structuredClone` and `postMessage` accept.
 *
 * **Shared citation lists.** In a batch result (`allocateBudget`'s `schools`) results that cite the
 * same sources share one frozen `citations` array; copy it (`[...r.citations]`) before changing it.
 *
 * @category Explanations
 */
export interface Explained {
  /** Provision ids and national source ids the result rests on, without repeats. */
  citations: string[];
  /**
   * Steps a clerk could check by hand, in order. Non-enumerable and built on first read: left out of
   * JSON, spreading and `structuredClone`.
   */
  explanation: ExplanationStep[];
}

/**
 * A result's data as plain objects, arrays, strings, numbers, booleans and `null`: exactly
 * `JSON.parse(JSON.stringify(value))` without the string in between. Amounts (`Decimal`) become
 * their exact decimal strings, dates their JSON form, and explanations are left out (they are
 * non-enumerable). What `structuredClone`, `postMessage` and IndexedDB accept.
 *
 * @category Explanations
 * @example
 * ```ts
 * const r = publicFunding({ id: 'A', location: 'urban', pupils: { primary: 1200 } }, { asOf: '2025-09-01', region: 'west' });
 * toPlainData(r).amount; //=> '720000'
 * ```
 */
export function toPlainData<T>(value: T): PlainData<T> {
  const issues: PolicyIssue[] = [];
  const out = plain(value, '', [], new Set(), issues);
  if (issues.length > 0) throw new PolicyInputError(issues);
  return out as PlainData<T>;
}

/** What {@link toPlainData} makes of a value: amounts as strings, no methods, no explanation. @category Explanations */
export type PlainData<T> = T extends { toJSON(...args: never[]): infer J }
  ? PlainData<J>
  : T extends string | number | boolean | null
    ? T
    : T extends readonly (infer E)[]
      ? PlainData<E>[]
      : T extends object
        ? { [K in keyof T as K extends 'explanation' ? never : T[K] extends (...args: never[]) => unknown ? never : K]: PlainData<T[K]> }
        : T;

/**
 * JSON.stringify's walk, building values instead of text. What JSON.stringify would throw on (a
 * BigInt, a circular reference) is reported as an issue at its path instead.
 */
function plain(value: unknown, key: string, path: Array<string | number>, open: Set<object>, issues: PolicyIssue[]): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'bigint') {
      issues.push({ path: [...path], message: 'a BigInt has no JSON form', code: 'invalid_type' });
      return undefined;
    }
    return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  }
  if (open.has(value)) {
    issues.push({ path: [...path], message: 'a circular reference has no JSON form', code: 'invalid_value' });
    return undefined;
  }
  open.add(value);
  let out: unknown[] | Record<string, unknown>;
  if (Array.isArray(value)) {
    const list = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const v = plain(value[i], String(i), path, open, issues);
      path.pop();
      list[i] = v === undefined ? null : v;
    }
    out = list;
  } else {
    const record: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      path.push(k);
      const v = plain((value as Record<string, unknown>)[k], k, path, open, issues);
      path.pop();
      // defineProperty: a `__proto__` key stays an own data property, as JSON.parse makes it.
      if (v !== undefined) Object.defineProperty(record, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    out = record;
  }
  open.delete(value);
  return out;
}

/** Builds a step. @internal */
export function step(
  provision: string | undefined,
  zh: string,
  en: string,
  values?: Record<string, string | number | boolean | null>,
): ExplanationStep {
  const out: ExplanationStep = { message: { zh, en } };
  if (provision !== undefined) out.provision = provision;
  if (values !== undefined) out.values = values;
  return out;
}

/**
 * Defines `key` (the `explanation`) on `target` as an own, **non-enumerable** property computed on
 * first read and then kept in the accessor's closure, never on the object: JSON, spreading,
 * `structuredClone` and deep equality leave it out, and a frozen result still reads it. A batch of
 * 200,000 results pays for explanations only when somebody reads them. Assigning the property
 * replaces it with a plain (still non-enumerable) value.
 *
 * @internal
 */
export function defineLazy<T extends object, K extends string, V>(target: T, key: K, build: () => V): T & Record<K, V> {
  let built = false;
  let value: V;
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: false,
    get() {
      if (!built) {
        value = build();
        built = true;
      }
      return value;
    },
    set(this: T, next: V) {
      Object.defineProperty(this, key, { value: next, configurable: true, enumerable: false, writable: true });
    },
  });
  return target as T & Record<K, V>;
}

/**
 * Makes `explanation` of a result non-enumerable if a builder gave it as an ordinary property (an
 * eager explanation), and likewise of the results it holds directly as fields (an assessment's
 * `guarantees`, `vetoes`), so every calculator's result serialises alike. Lazy fields are not read
 * (only data properties are looked at) and arrays are not walked. Returns `result`.
 *
 * @internal
 */
export function hideExplanation<T>(result: T): T {
  if (result === null || typeof result !== 'object') return result;
  hideOwn(result);
  for (const key of Object.keys(result)) {
    const d = Object.getOwnPropertyDescriptor(result, key);
    const v: unknown = d?.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) hideOwn(v);
  }
  return result;
}

function hideOwn(value: object): void {
  if (!Object.prototype.propertyIsEnumerable.call(value, 'explanation')) return;
  const d = Object.getOwnPropertyDescriptor(value, 'explanation') as PropertyDescriptor;
  if (d.configurable === true) Object.defineProperty(value, 'explanation', { ...d, enumerable: false });
}

/** Adds `ids` to `list` without repeats, keeping order. @internal */
export function cite(list: string[], ...ids: string[]): string[] {
  for (const id of ids) if (!list.includes(id)) list.push(id);
  return list;
}

/**
 * A property descriptor, shared by every instance of a result class, for a property computed on
 * first read from the instance (`compute`) and then kept outside the instance (in a `WeakMap`), so a
 * frozen instance still reads it. Unlike {@link defineLazy} it creates no closure per object, so
 * 200,000 results stay small and fast. `enumerable` says whether JSON and spreading see it: `false`
 * for an explanation, `true` for a data field. A class that can keep the value in a private field
 * should give a `compute` that does so (`(r) => (r.#x ??= build(r))`) and pass `keep: false`.
 *
 * @internal
 */
export function sharedLazy<T extends object, V>(
  key: string,
  compute: (target: T) => V,
  { enumerable = key !== 'explanation', keep = true }: { enumerable?: boolean; keep?: boolean } = {},
): PropertyDescriptor {
  const kept = keep ? new WeakMap<T, V>() : undefined;
  return {
    configurable: true,
    enumerable,
    get(this: T) {
      if (kept === undefined) return compute(this);
      if (kept.has(this)) return kept.get(this) as V;
      const value = compute(this);
      kept.set(this, value);
      return value;
    },
    set(this: T, value: unknown) {
      Object.defineProperty(this, key, { value, configurable: true, enumerable, writable: true });
    },
  };
}
