/**
 * Turns the library's issues (paths into the school list and the options) into messages about the
 * user's files and flags: `line 43 (school "X"), column primary: …`, `--as-of: …`,
 * `--what-if patch.json: funding.benchmark.primary: …`.
 */
import { formatPath, type PolicyIssue } from 'junheng';
import { columnOf } from './csv.js';

/** Where the schools came from, to say where a problem is. */
export type RosterSource =
  | { readonly kind: 'csv'; readonly file: string; readonly lines: readonly number[]; readonly schools: readonly unknown[] }
  | { readonly kind: 'json'; readonly file: string; readonly schools: readonly unknown[] };

/** Where the options came from. */
export interface OptionSource {
  /** The `--what-if` file, when the issue came from the what-if run. */
  readonly whatIfFile?: string;
}

function idOf(school: unknown): string | undefined {
  if (typeof school !== 'object' || school === null) return undefined;
  const id = (school as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A school's position for a message: `line 5` or `schools[3]`. */
function rowName(source: RosterSource, index: number): string {
  return source.kind === 'csv' ? `line ${source.lines[index] ?? '?'}` : `schools[${index}]`;
}

/**
 * The message, with a reference to another row (`related`, as the duplicate-id check gives it)
 * named the way the row itself is: `school on line 5`.
 */
function messageOf(issue: PolicyIssue, source: RosterSource): string {
  const other = issue.related?.[0];
  if (typeof other !== 'number' || other >= source.schools.length) return issue.message;
  return issue.message.replace(`school [${other}]`, `school on ${rowName(source, other)}`);
}

const OPTION_FLAGS: Record<string, string> = { asOf: '--as-of', region: '--region' };

/** One line of text per issue. */
export function describeIssue(issue: PolicyIssue, source: RosterSource, options: OptionSource = {}): string {
  const [head, ...rest] = issue.path;
  if (typeof head === 'number') {
    const school = source.schools[head];
    const id = idOf(school);
    const who = id === undefined ? '' : ` (school ${JSON.stringify(id)})`;
    const message = messageOf(issue, source);
    if (source.kind === 'csv') {
      const where = rest.length === 0 ? '' : `, column ${columnOf(rest)}`;
      return `line ${source.lines[head] ?? '?'}${who}${where}: ${message}`;
    }
    return `${formatPath(['schools', ...issue.path])}${who}: ${message}`;
  }
  if (head === 'parameters') {
    const where = rest.length === 0 ? '' : `${formatPath(rest)}: `;
    return `--what-if ${options.whatIfFile ?? '(patch)'}: ${where}${issue.message}`;
  }
  if (typeof head === 'string' && OPTION_FLAGS[head] !== undefined) {
    const flag = OPTION_FLAGS[head];
    let message = `${flag}: ${issue.message}`;
    if (issue.code === 'region_required') message += ' (use --region east|central|west)';
    else if (issue.code === 'no_value_on_date') message += ' (use a later --as-of)';
    return message;
  }
  if (issue.path.length === 0) return `${source.file}: ${issue.message}`;
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * Every issue, one per line, without repeats (the what-if run finds the roster's problems again).
 */
export function describeIssues(groups: ReadonlyArray<{ issues: readonly PolicyIssue[]; options?: OptionSource }>, source: RosterSource): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    for (const issue of group.issues) {
      const text = describeIssue(issue, source, group.options);
      if (seen.has(text)) continue;
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}
