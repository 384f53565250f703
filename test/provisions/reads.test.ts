/**
 * Each calculator's declaration names exactly the parameters it reads. Every documented example and
 * every robustness seed is run with parameter reads recorded, calculator by calculator; the test
 * fails when a calculator read a parameter its declaration does not name (impossible by
 * construction, checked all the same) or names one that none of its runs read.
 */
import { describe, expect, it } from 'vitest';
import * as junheng from '../../src/index.js';
import { recordParameterReads } from '../../src/core/resolve.js';
import { examples, runExample } from '../docs/harness.js';
import { SEEDS, type Fn } from '../robustness/seeds.js';

/** Extra runs for reads that only some inputs reach (a branch no example or seed takes). */
const SMALL_RURAL = { id: 'S', location: 'rural', pupils: { primary: 40 }, boarders: { primary: 10 }, disabledPupils: 1 };
const EXTRA: Array<[string, unknown, unknown]> = [
  // Below the national floor: the funded-as figure is read only for a school under 100.
  ['publicFunding', SMALL_RURAL, { asOf: '2025-09-01', region: 'central' }],
  // Boarders and disabled pupils: their rates are read only for schools that have them.
  ['allocateBudget', [SMALL_RURAL], { asOf: '2025-09-01', region: 'central' }],
];

const reads = recordParameterReads(() => {
  for (const example of examples) {
    try {
      runExample(example);
    } catch {
      // The examples test reports a broken example; here only the reads matter.
    }
  }
  for (const [name, [input, options]] of [...Object.entries(SEEDS), ...EXTRA.map(([n, i, o]) => [n, [i, o]] as const)]) {
    const fn = (junheng as unknown as Record<string, Fn>)[name];
    try {
      const result = fn?.(input, options);
      // Explanations are built on first read: read them, they quote parameters too.
      void JSON.stringify(result);
    } catch {
      // Seeds are valid (the sweep checks it); a throw here reads nothing more.
    }
  }
});

describe('declared parameters are exactly the parameters read', () => {
  it.each(junheng.calculators.map((c) => [c.name, c] as const))('%s', (name, info) => {
    const read = [...(reads.get(name) ?? [])].sort();
    const declared = [...info.parameters].sort();
    expect(read.filter((p) => !declared.includes(p)), 'read but not declared').toEqual([]);
    expect(declared.filter((p) => !read.includes(p)), 'declared but never read').toEqual([]);
  });

  it('a patch naming no parameter is still an error', () => {
    expect(() => junheng.publicFunding({ id: 'A', location: 'rural', pupils: { primary: 1 } }, { asOf: '2025-09-01', region: 'east', parameters: { funding: { benchmark: { secondary: 1 } } } as never })).toThrow(junheng.PolicyInputError);
  });
});
