import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastSchool, schoolSchema, toRecord } from '../../src/core/school.js';

/** Values near and far from a valid school, so both paths are exercised. */
const count = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constantFrom(-1, 1.5, Number.NaN, Infinity, 1_000_001, '3', null, undefined));
const stages = fc.oneof(
  fc.record({ primary: count, junior: count }, { requiredKeys: [] }),
  fc.constantFrom(null, 'x', [], { primery: 3 }),
);
const nearSchool = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 0, maxLength: 5 }), fc.constantFrom(5, null, 'x'.repeat(201))),
    location: fc.constantFrom('urban', 'town', 'rural', 'city', undefined),
    kind: fc.constantFrom('school', 'teaching-point', 'special-education', 'college', undefined),
    pupils: stages,
    boarders: stages,
    disabledPupils: count,
    extra: fc.constant(1),
  },
  { requiredKeys: [] },
);

describe('the fast path of school validation', () => {
  it('accepts only what the zod schema accepts, and reads it the same way', () => {
    fc.assert(
      fc.property(fc.oneof(nearSchool, fc.anything()), (input) => {
        const fast = fastSchool(input);
        const slow = schoolSchema.safeParse(input);
        if (fast !== undefined) {
          expect(slow.success).toBe(true);
          if (slow.success) expect(fast).toEqual(toRecord(slow.data));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes a well-formed school', () => {
    const school = { id: 'A', location: 'rural', pupils: { primary: 150, junior: 20 }, boarders: { junior: 20 }, disabledPupils: 2 };
    expect(fastSchool(school)).toEqual({
      id: 'A', location: 'rural', kind: 'school', primary: 150, junior: 20, boardersPrimary: 0, boardersJunior: 20, disabled: 2,
    });
  });

  it('leaves an own __proto__ key, a class instance and boarders above pupils to the schema', () => {
    expect(fastSchool(JSON.parse('{"id":"A","location":"rural","pupils":{},"__proto__":{}}'))).toBeUndefined();
    expect(fastSchool(new (class { id = 'A'; location = 'rural'; pupils = {}; })())).toBeUndefined();
    expect(fastSchool({ id: 'A', location: 'rural', pupils: { primary: 1 }, boarders: { primary: 2 } })).toBeUndefined();
  });
});
