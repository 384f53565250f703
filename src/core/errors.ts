/**
 * One problem found in an input: where it is and what is wrong. Issues are readonly data, as zod's
 * are: test and branch on `code` and `path`; `message` is for people.
 *
 * @category Errors
 */
export interface PolicyIssue {
  /** Path of the offending field, relative to the argument (`['pupils', 'primary']`, `[41, 'location']`); options under their own names (`['asOf']`). */
  readonly path: Array<string | number>;
  /** A message a clerk can read. */
  readonly message: string;
  /** A stable machine-readable code. */
  readonly code: IssueCode;
  /** The provision or national source the check comes from, where one does. */
  readonly provision?: string;
  /** For issues on `asOf` or `region`: the parameters concerned, with what was found. */
  readonly parameters?: readonly string[];
  /** Another place the problem involves, such as the first row with a repeated id (`[3, 'id']`). */
  readonly related?: Array<string | number>;
}

/**
 * Stable codes for {@link PolicyIssue}.
 *
 * @category Errors
 */
export type IssueCode =
  | 'invalid_type'
  | 'invalid_value'
  | 'too_small'
  | 'too_big'
  | 'not_integer'
  | 'invalid_money'
  | 'invalid_date'
  | 'unknown_key'
  | 'missing'
  | 'inconsistent'
  | 'no_value_on_date'
  | 'region_required';

/**
 * Thrown by every calculator for bad input. Carries every problem found in one pass, each with the
 * path of the offending field.
 *
 * @category Errors
 * @example
 * ```ts
 * let issues: PolicyIssue[] = [];
 * try {
 *   publicFunding({ id: 'A', location: 'rural', pupils: { primary: -1 } }, { asOf: '2025-09-01', region: 'west' });
 * } catch (error) {
 *   if (error instanceof PolicyInputError) issues = error.issues;
 * }
 * issues.map((issue) => issue.path); //=> [['pupils', 'primary']]
 * ```
 */
export class PolicyInputError extends Error {
  override readonly name = 'PolicyInputError';
  /** One entry per problem, in the order found. */
  readonly issues: PolicyIssue[];

  constructor(issues: PolicyIssue[]) {
    super(PolicyInputError.summarise(issues));
    this.issues = issues;
  }

  private static summarise(issues: readonly PolicyIssue[]): string {
    const shown = issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    return `Invalid input: ${shown.join('; ')}${more}`;
  }
}

/**
 * Renders a path for a message: `pupils.primary`, `[41].location`, `(input)` for the root.
 *
 * @category Errors
 */
export function formatPath(path: ReadonlyArray<string | number>): string {
  // Tolerant of anything: it is used to print issues, and must never be the thing that throws.
  if (!Array.isArray(path) || path.length === 0) return '(input)';
  let out = '';
  for (const part of path as unknown[]) {
    const text = typeof part === 'string' ? part : partText(part);
    out += typeof part === 'number' ? `[${part}]` : out === '' ? text : `.${text}`;
  }
  return out;
}

function partText(part: unknown): string {
  try {
    return String(part);
  } catch {
    return '?'; // an object without toString (Object.create(null))
  }
}

/**
 * The result of a `safe…` calculator: never throws for bad input.
 *
 * @category Errors
 */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: PolicyInputError };

/**
 * Wraps a calculator so that a {@link PolicyInputError} is returned instead of thrown.
 * Any other error (a bug) still throws.
 *
 * @internal
 */
export function makeSafe<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => SafeResult<R> {
  return (...args: A) => {
    try {
      return { success: true, data: fn(...args) };
    } catch (error) {
      if (error instanceof PolicyInputError) return { success: false, error };
      throw error;
    }
  };
}
