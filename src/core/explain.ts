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
 * @category Explanations
 */
export interface Explained {
  /** Provision ids and national source ids the result rests on, without repeats. */
  citations: string[];
  /** Steps a clerk could check by hand, in order. */
  explanation: ExplanationStep[];
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
 * Defines `explanation` on `target` as an own, enumerable property computed on first read and then
 * kept. A batch of 200,000 results pays for explanations only when somebody reads them; JSON,
 * spreading and deep equality see an ordinary array.
 *
 * @internal
 */
export function defineLazy<T extends object, K extends string, V>(target: T, key: K, build: () => V): T & Record<K, V> {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get(this: T) {
      const value = build();
      Object.defineProperty(this, key, { value, configurable: true, enumerable: true, writable: true });
      return value;
    },
    set(this: T, value: V) {
      Object.defineProperty(this, key, { value, configurable: true, enumerable: true, writable: true });
    },
  });
  return target as T & Record<K, V>;
}

/** Adds `ids` to `list` without repeats, keeping order. @internal */
export function cite(list: string[], ...ids: string[]): string[] {
  for (const id of ids) if (!list.includes(id)) list.push(id);
  return list;
}

/**
 * A property descriptor, shared by every instance of a result class, for a property computed on
 * first read from the instance (`compute`) and then kept as an own, enumerable data property. Unlike
 * {@link defineLazy} it creates no closure per object, so 200,000 results stay small and fast.
 *
 * @internal
 */
export function sharedLazy<T extends object, V>(key: string, compute: (target: T) => V): PropertyDescriptor {
  const keep = (target: T, value: unknown): void => {
    Object.defineProperty(target, key, { value, configurable: true, enumerable: true, writable: true });
  };
  return {
    configurable: true,
    enumerable: true,
    get(this: T) {
      const value = compute(this);
      keep(this, value);
      return value;
    },
    set(this: T, value: unknown) {
      keep(this, value);
    },
  };
}
