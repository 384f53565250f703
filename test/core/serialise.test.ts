/**
 * Issue 11, item 4: results that serialise cheaply. Every calculator's result (its robustness seed)
 * has a JSON form without its explanation and with every data field (amounts as exact decimal
 * strings); a frozen result still gives its explanation; `toPlainData` gives what `structuredClone`
 * accepts. `allocateBudget` makes amounts on first read and shares frozen citation lists.
 */
import { describe, expect, it } from 'vitest';
import * as junheng from '../../src/index.js';
import { allocateBudget, Decimal, publicFunding, toPlainData, trainingCompliance, PolicyInputError } from '../../src/index.js';
import { SEEDS, type Fn } from '../robustness/seeds.js';

/** The JSON form a result's enumerable data should have, built independently of toJSON. */
function expectedJson(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return (value as Decimal).toString();
  if (Array.isArray(value)) return value.map(expectedJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined && typeof v !== 'function') out[key] = expectedJson(v);
  }
  return out;
}

/** Paths of every `explanation` key in a JSON value. */
function explanationKeys(value: unknown, path = '$'): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => explanationKeys(v, `${path}[${i}]`));
  return Object.entries(value).flatMap(([k, v]) => (k === 'explanation' ? [`${path}.${k}`] : explanationKeys(v, `${path}.${k}`)));
}

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value) || Decimal.isDecimal(value)) return value;
  seen.add(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
  return Object.freeze(value);
}

/** Every documented calculator whose result is explained, called on its seed. */
const explained = Object.entries(SEEDS).flatMap(([name, [input, options]]) => {
  const fn = (junheng as unknown as Record<string, Fn>)[name];
  if (typeof fn !== 'function' || !('calculator' in fn)) return [];
  const probe = fn(input, options);
  return probe !== null && typeof probe === 'object' && 'explanation' in probe ? [[name, () => fn(input, options) as junheng.Explained] as const] : [];
});

describe('every result: JSON without the explanation, data kept', () => {
  it('finds the explained calculators', () => {
    expect(explained.length).toBeGreaterThan(20);
    expect(explained.map(([n]) => n)).toEqual(expect.arrayContaining(['publicFunding', 'allocateBudget', 'trainingCompliance', 'trainingReport', 'classSizeReport']));
  });

  it.each(explained)('%s: JSON has no explanation key and keeps every data field', (_name, run) => {
    const r = run();
    expect(r.explanation.length).toBeGreaterThan(0);
    expect(Object.keys(r)).not.toContain('explanation');
    const json = JSON.parse(JSON.stringify(r)) as unknown;
    expect(explanationKeys(json)).toEqual([]);
    expect(json).toEqual(expectedJson(r));
    expect(json).toHaveProperty('citations', r.citations);
  });

  it.each(explained)('%s: a deep-frozen result gives its explanation', (_name, run) => {
    const reference = run().explanation;
    const r = deepFreeze(run());
    expect(Object.isFrozen(r)).toBe(true);
    expect(r.explanation).toEqual(reference);
    expect(r.explanation).toBe(r.explanation); // built once, then kept
  });

  it.each(explained)('%s: toPlainData is the JSON form, and structuredClone takes it', (_name, run) => {
    const r = run();
    const data = toPlainData(r);
    expect(data).toEqual(JSON.parse(JSON.stringify(r)));
    expect(structuredClone(data)).toEqual(data);
  });
});

describe('publicFunding and allocateBudget', () => {
  const CENTRAL = { asOf: '2025-09-01', region: 'central' } as const;
  const roster = [
    { id: 'A', location: 'urban', pupils: { primary: 1200 } },
    { id: 'B', location: 'rural', pupils: { primary: 80 } },
    { id: 'M', location: 'rural', pupils: { primary: 50, junior: 100 } },
    { id: 'C', location: 'urban', pupils: { primary: 900 } },
    { id: 'S', location: 'urban', kind: 'special-education', pupils: { junior: 30 } },
  ] as const;

  it('JSON keeps amounts as their exact decimal strings (a weighted mixed school: 146666.67)', () => {
    const budget = allocateBudget(roster, CENTRAL);
    const json = JSON.parse(JSON.stringify(budget)) as { total: string; schools: Array<Record<string, unknown>> };
    expect(json.total).toBe(budget.total.toString());
    const m = json.schools[2] as Record<string, unknown>;
    expect(m).toMatchObject({ schoolId: 'M', amount: '146666.67', fundedPupils: 200, floorApplied: 'district-100-to-200' });
    // The same school alone serialises byte for byte alike, components and their weighted rates included.
    expect(JSON.stringify(budget.schools[2])).toBe(JSON.stringify(publicFunding(roster[2], CENTRAL)));
    expect(Object.keys(m)).toEqual(['schoolId', 'fundedPupils', 'floorApplied', 'amount', 'citations', 'components']);
    // Read components first (kept as Decimals) or not: the JSON is the same.
    const again = allocateBudget(roster, CENTRAL);
    for (const s of again.schools) void s.components;
    expect(JSON.stringify(again)).toBe(JSON.stringify(budget));
  });

  it('amounts are Decimals made on first read; the total is their exact sum', () => {
    const budget = allocateBudget(roster, CENTRAL);
    const first = budget.schools[0]?.amount;
    expect(Decimal.isDecimal(first)).toBe(true);
    expect(budget.schools[0]?.amount).toBe(first);
    const sum = budget.schools.reduce((s, r) => s.plus(r.amount), new Decimal(0));
    expect(sum.equals(budget.total)).toBe(true);
    expect(budget.schools.map((s) => s.amount.toString())).toEqual(roster.map((s) => publicFunding(s, CENTRAL).amount.toString()));
  });

  it('schools citing the same sources share one frozen citations array', () => {
    const budget = allocateBudget(roster, CENTRAL);
    const [a, , , c] = budget.schools;
    expect(a?.citations).toEqual(c?.citations);
    expect(a?.citations).toBe(c?.citations);
    expect(Object.isFrozen(a?.citations)).toBe(true);
    expect(() => (a?.citations as string[]).push('x')).toThrow(TypeError);
    // The budget's own list and a single result's list are the caller's to change.
    expect(Object.isFrozen(budget.citations)).toBe(false);
    expect(Object.isFrozen(publicFunding(roster[0], CENTRAL).citations)).toBe(false);
  });

  it('a frozen budget and its frozen schools give their explanations, components and amounts', () => {
    const budget = deepFreeze(allocateBudget(roster, CENTRAL));
    const fresh = allocateBudget(roster, CENTRAL);
    expect(budget.explanation).toEqual(fresh.explanation);
    budget.schools.forEach((s, i) => {
      expect(s.explanation).toEqual(fresh.schools[i]?.explanation);
      expect(s.components).toEqual(fresh.schools[i]?.components);
    });
    const lone = Object.freeze(publicFunding(roster[2], CENTRAL));
    expect(lone.explanation.length).toBeGreaterThan(3);
    expect(lone.amount.toString()).toBe('146666.67');
  });

  it('spreading and deep equality see the data, not the explanation', () => {
    const r = publicFunding(roster[1], CENTRAL);
    expect({ ...r }).not.toHaveProperty('explanation');
    expect(r).toEqual(publicFunding(roster[1], CENTRAL));
    expect('explanation' in r).toBe(true);
  });

  it('structuredClone of a result holding Decimals needs toPlainData; of one without, works as is', () => {
    const r = publicFunding(roster[0], CENTRAL);
    expect(() => structuredClone(r)).toThrow();
    expect(structuredClone(toPlainData(r))).toMatchObject({ schoolId: 'A', amount: r.amount.toString() });
    const t = trainingCompliance({ id: 'T', employedSince: '2023-03-15', training: [{ date: '2024-01-01', hours: 12.5 }] }, { asOf: '2025-09-01' });
    const clone = structuredClone(t);
    expect(clone).toEqual(JSON.parse(JSON.stringify(t)));
    expect(clone).not.toHaveProperty('explanation');
  });
});

describe('toPlainData', () => {
  it('is JSON.parse(JSON.stringify(x)) without the text', () => {
    const value = { a: new Decimal('-0.01'), b: [1, undefined, () => 1, Number.NaN], c: undefined, d: new Date('2025-09-01T00:00:00Z'), e: new String('s') };
    expect(toPlainData(value)).toEqual(JSON.parse(JSON.stringify(value)));
    const proto = JSON.parse('{"__proto__":{"polluted":1}}') as object;
    expect(Object.keys(toPlainData(proto))).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports what has no JSON form as a PolicyInputError with its path', () => {
    const cyclic: Record<string, unknown> = { a: [1] };
    (cyclic['a'] as unknown[]).push(cyclic);
    expect(() => toPlainData(cyclic)).toThrow(PolicyInputError);
    try {
      toPlainData({ n: 1n });
    } catch (error) {
      expect((error as PolicyInputError).issues.map((i) => i.path)).toEqual([['n']]);
    }
  });
});
