/** The wellbeing area: re-exported by src/index.ts. */
import type * as z from 'zod';

/** Zod schemas of this area's calculators' first arguments, by calculator name. @internal */
export const wellbeingInputSchemas = {} as const satisfies Record<string, z.ZodType>;
