/**
 * Keeps the documentation honest: every `@example` in the TSDoc of src/, and every ```ts block in
 * the README and docs/, is run, and each `expression; //=> value` is checked.
 */
import { describe, expect, it } from 'vitest';
import { examples, runExample } from './harness.js';

describe('documentation examples', () => {
  it('finds examples in the TSDoc and the guides', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.map((e) => [e.where, e] as const))('%s', (_where, example) => {
    const { checks, results } = runExample(example);
    expect(results.length).toBe(checks);
    for (const r of results) expect(r.actual, r.expr).toEqual(r.expected);
  });
});
