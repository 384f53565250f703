import * as z from 'zod';
import { choice, countSchema, idSchema, MAX_COUNT, record } from './schemas.js';
import { LOCATIONS } from './types.js';

/** Kinds of establishment: an ordinary school, a teaching point (教学点), a special-education school. @category Funding */
export const SCHOOL_KINDS = ['school', 'teaching-point', 'special-education'] as const;
/** @category Funding */
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

const stageCounts = (what: string) =>
  record({ primary: countSchema.optional(), junior: countSchema.optional() }, `${what} by stage { primary?, junior? }`);

/**
 * A school as the funding calculators take it. Unknown keys are rejected, so a misspelt `pupil`
 * cannot silently fund a school as empty. `disabledPupils` are disabled pupils taught in mainstream
 * classes (随班就读), counted within `pupils`; boarders are counted within `pupils` of their stage.
 *
 * @category Funding
 */
export const schoolSchema = record(
  {
    id: idSchema,
    location: choice(LOCATIONS, 'the statistical location class'),
    kind: choice(SCHOOL_KINDS, 'kind of school').optional(),
    pupils: stageCounts('pupils'),
    boarders: stageCounts('boarders').optional(),
    disabledPupils: countSchema.optional(),
  },
  'a school object',
).superRefine((school, ctx) => {
  // Cross-field checks speak only of fields that are valid themselves; their own issues come first.
  const valid = (n: unknown) => n === undefined || (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_COUNT);
  const counts = [school.pupils.primary, school.pupils.junior, school.boarders?.primary, school.boarders?.junior, school.disabledPupils];
  if (!counts.every(valid)) return;
  const primary = school.pupils.primary ?? 0;
  const junior = school.pupils.junior ?? 0;
  for (const stage of ['primary', 'junior'] as const) {
    const boarders = school.boarders?.[stage] ?? 0;
    const pupils = stage === 'primary' ? primary : junior;
    if (boarders > pupils) {
      ctx.addIssue({
        code: 'custom',
        path: ['boarders', stage],
        message: `must not exceed the ${stage} pupils (${boarders} boarders, ${pupils} pupils)`,
        params: { code: 'inconsistent' },
        input: boarders,
      });
    }
  }
  const disabled = school.disabledPupils ?? 0;
  if (disabled > primary + junior) {
    ctx.addIssue({
      code: 'custom',
      path: ['disabledPupils'],
      message: `must not exceed the school's pupils (${disabled} disabled pupils, ${primary + junior} pupils); disabled pupils are counted within pupils`,
      params: { code: 'inconsistent' },
      input: disabled,
    });
  }
});

/** A school, as the funding calculators accept it. @category Funding */
export type School = z.input<typeof schoolSchema>;
/** A validated school. @internal */
export type ParsedSchool = z.output<typeof schoolSchema>;

/** The funding calculators' batch input. @category Funding */
export const schoolListSchema = z.array(schoolSchema, {
  error: (iss) => `must be a list of schools, got ${iss.input === null ? 'null' : typeof iss.input}`,
});
