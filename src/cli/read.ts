/**
 * How the command line reads the files it is given — one module for every subcommand: opening a
 * file (with one wording per failure), whole text or a stream of lines, telling JSON from CSV, a
 * CSV header against a command's columns, and a library issue turned into a message about the
 * user's row and column (`line 43 (school "X"), column primary: …`).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { formatPath, listParameters, PolicyInputError, type CalculatorOptions, type ParameterOverrides, type PolicyIssue } from 'junheng';
import { InputError } from './command.js';
import { CsvError, quoted } from './csv.js';

/** Bytes read at a time from a file read as a stream. */
export const CHUNK = 1 << 20;

function cannotRead(what: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
  return new InputError([`cannot read ${what}: ${reason}`]);
}

/** Reads a text file, turning a missing or unreadable file into an {@link InputError}. */
export function readText(file: string, what = file): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw cannotRead(what, error);
  }
}

/** Opens a file to read it as a stream; a missing file or a directory is an {@link InputError}. */
export function openFile(file: string): number {
  try {
    const fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) {
      closeSync(fd);
      throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    }
    return fd;
  } catch (error) {
    throw cannotRead(file, error);
  }
}

/** Parses JSON text, turning a syntax error into an {@link InputError} naming the file. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    throw new InputError([`${what} is not valid JSON: ${(error as Error).message}`]);
  }
}

/** Whether a file is JSON: by its extension (`.json` / `.csv`), else by its first non-blank character. */
export function looksLikeJson(file: string, head: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return true;
  if (ext === '.csv') return false;
  return /^\uFEFF?\s*[[{]/.test(head);
}

/** {@link looksLikeJson} for an open file: reads its first bytes when the extension does not say. */
export function isJsonFile(file: string, fd: number): boolean {
  const head = Buffer.alloc(64);
  const read = readSync(fd, head, 0, 64, 0);
  return looksLikeJson(file, head.subarray(0, read).toString('utf8'));
}

/**
 * Calls `onLine` with every line of the file (`text.slice(start, end)`, without its line end) and
 * its 1-based number, reading fixed-size chunks; the line is not cut out of the chunk unless the
 * caller does so. A leading byte-order mark is skipped. `onBytes` reports progress.
 */
export function eachLine(
  fd: number,
  onLine: (text: string, start: number, end: number, n: number) => void,
  onBytes?: (bytes: number) => void,
  maxLine = Infinity,
): void {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let n = 0;
  let position = 0;
  let first = true;
  for (;;) {
    const read = readSync(fd, buffer, 0, CHUNK, position);
    if (read === 0) break;
    position += read;
    const bytes = read === CHUNK ? buffer : buffer.subarray(0, read);
    // ASCII is read as latin1 (the same text, decoded faster); a chunk that continues a character cut
    // at the end of the previous one starts with a non-ASCII byte, so the decoder sees it.
    const text = rest + (isAscii(bytes) ? bytes.toString('latin1', 0, bytes.length) : decoder.write(bytes));
    let start = 0;
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) start = 1;
      first = false;
    }
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      onLine(text, start, nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl, ++n);
      start = nl + 1;
    }
    rest = text.slice(start);
    // A line longer than any line of the file's kind (binary data, a file without line ends) ends the
    // reading, before it grows without bound.
    if (rest.length > maxLine) throw new CsvError([`line ${n + 1}: longer than ${maxLine.toLocaleString('en')} characters without a line end; this is not a line of a CSV file`]);
    onBytes?.(position);
  }
  rest += decoder.end();
  if (rest.length > 0) onLine(rest, 0, rest.charCodeAt(rest.length - 1) === 13 ? rest.length - 1 : rest.length, ++n);
}

/** Bytes at the start of a file looked at to tell text from binary data. */
export const HEAD_BYTES = 4096;

/**
 * Refuses a file that is not text, from its first {@link HEAD_BYTES} bytes: any NUL byte (binary
 * data, or text saved as UTF-16), or more than 1 in 32 bytes control characters other than tab, line
 * ends and form feed. Returns nothing for text.
 */
export function refuseBinary(fd: number, file: string): void {
  const head = Buffer.alloc(HEAD_BYTES);
  const read = readSync(fd, head, 0, HEAD_BYTES, 0);
  let controls = 0;
  for (let i = 0; i < read; i++) {
    const b = head[i] as number;
    if (b === 0) {
      const utf16 = read >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
      throw new InputError([
        `${file} is not a text file: it holds NUL bytes in its first kilobytes (${utf16 ? 'text saved as UTF-16; save it as UTF-8' : 'binary data'}); expected a CSV or JSON file`,
      ]);
    }
    if ((b < 9 || (b > 13 && b < 32) || b === 127) && b !== 27) controls++;
  }
  if (controls * 32 > read) throw new InputError([`${file} is not a text file: binary data (control bytes) in its first kilobytes; expected a CSV or JSON file`]);
}

/** The largest JSON file read (whole, as one text); a larger roster is given as CSV, which is read as a stream. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Refuses a JSON file too large to read whole. */
export function refuseLargeJson(fd: number, file: string): void {
  const size = fstatSync(fd).size;
  if (size > MAX_JSON_BYTES) {
    throw new InputError([`${file} is too large to read as JSON (${Math.round(size / 1048576).toLocaleString('en')} MiB; at most ${MAX_JSON_BYTES / 1048576} MiB); give it as CSV, which is read as a stream`]);
  }
}

/**
 * Reads a CSV header against a command's columns: the index of each column (-1 when absent).
 * Unknown, repeated and missing required columns are one {@link CsvError} with a line each.
 */
export function readHeader<C extends string>(cells: readonly string[], line: number, columns: readonly C[], required: readonly C[]): Record<C, number> {
  const at = Object.fromEntries(columns.map((c) => [c, -1])) as Record<C, number>;
  const unknown: string[] = [];
  const repeated: string[] = [];
  cells.forEach((raw, index) => {
    const name = raw.trim() as C;
    if (!columns.includes(name)) unknown.push(quoted(raw));
    else if (at[name] >= 0) repeated.push(name);
    else at[name] = index;
  });
  const problems: string[] = [];
  if (unknown.length > 0) {
    const listed = unknown.length > 10 ? `${unknown.slice(0, 10).join(', ')} and ${unknown.length - 10} more` : unknown.join(', ');
    problems.push(`line ${line}: unknown column${unknown.length === 1 ? '' : 's'} ${listed}; the columns are ${columns.join(',')}`);
  }
  if (repeated.length > 0) problems.push(`line ${line}: column${repeated.length === 1 ? '' : 's'} ${repeated.join(', ')} given more than once`);
  const missing = required.filter((c) => at[c] < 0);
  if (missing.length > 0) problems.push(`line ${line}: missing required column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
  if (problems.length > 0) throw new CsvError(problems);
  return at;
}

/** Problems shown at most: the rest are counted. */
export const PROBLEM_LIMIT = 50;

/** Problems of a file: the first {@link PROBLEM_LIMIT} kept word for word, the rest counted. */
export class Problems {
  readonly shown: string[] = [];
  more = 0;

  constructor(readonly limit = PROBLEM_LIMIT) {}

  push(problem: string): void {
    if (this.shown.length < this.limit) this.shown.push(problem);
    else this.more++;
  }

  get count(): number {
    return this.shown.length + this.more;
  }

  /** Whether no more problems will be shown (further ones are only counted). */
  get full(): boolean {
    return this.shown.length >= this.limit;
  }

  /** The lines to print: the problems shown, then a count of the rest. */
  lines(): string[] {
    return this.more === 0 ? this.shown : [...this.shown, `… and ${this.more.toLocaleString('en')} more problem${this.more === 1 ? '' : 's'}, not shown`];
  }
}

/** The problem of a row whose cell count differs from the header's. */
export const widthProblem = (line: number, cells: number, width: number): string =>
  `line ${line}: ${cells} cell${cells === 1 ? '' : 's'}, but the header has ${width}`;

/** Where a list of rows came from, so that an issue at `[i, …]` can name the user's row and column. */
export interface RowSource {
  /** The file, for problems of the whole list. */
  readonly file: string;
  /** The list's name in JSON paths (`schools`, `classes`, `teachers`). */
  readonly list: string;
  /** For a CSV: the line each row was read from. */
  readonly lines?: readonly number[];
  /** The row's label, with its leading space: ` (school "X")`, or `''`. */
  who(index: number): string;
  /** For a CSV: the column of a field path inside a row; undefined for none. */
  column?(rest: ReadonlyArray<string | number>): string | undefined;
  /** How another row named by `related` reads in a message (`school on line 5`); default: unchanged. */
  readonly related?: { readonly text: (index: number) => string; readonly as: (place: string, index: number) => string };
}

/** The position of row `index`: `line 5` in a CSV, `schools[3]` in JSON. */
export function placeOf(source: RowSource, index: number): string {
  return source.lines === undefined ? `${source.list}[${index}]` : `line ${source.lines[index] ?? '?'}`;
}

const OPTION_FLAGS: Record<string, string> = { asOf: '--as-of', region: '--region', groupBy: '--group-by' };

/**
 * One line for an issue: a row's (`line 7 (class "3-2"), column size: …`), an option's
 * (`--as-of: …`, with the flag that fixes it), a parameters file's (`--parameters set.json:
 * funding.benchmark.primary: …`, `parameters` naming the flag and file the patch came from) or the
 * file's.
 */
export function describeRowIssue(issue: PolicyIssue, source: RowSource, parameters?: string): string {
  const [head, ...rest] = issue.path;
  if (typeof head === 'number') {
    let message = issue.message;
    const other = issue.related?.[0];
    if (source.related !== undefined && typeof other === 'number') message = message.replace(source.related.text(other), source.related.as(placeOf(source, other), other));
    if (source.lines !== undefined) {
      const column = rest.length === 0 ? undefined : source.column?.(rest);
      return `${placeOf(source, head)}${source.who(head)}${column === undefined ? '' : `, column ${column}`}: ${message}`;
    }
    return `${formatPath([source.list, ...issue.path])}${source.who(head)}: ${message}`;
  }
  if (head === 'parameters') return describeParameterIssue(issue, parameters);
  const flag = typeof head === 'string' ? OPTION_FLAGS[head] : undefined;
  if (flag !== undefined) {
    let message = `${flag}: ${issue.message}`;
    if (issue.code === 'region_required') message += ' (use --region east|central|west)';
    else if (issue.code === 'no_value_on_date') message += ' (use a later --as-of)';
    return message;
  }
  if (issue.path.length === 0) return `${source.file}: ${issue.message}`;
  return `${formatPath(issue.path)}: ${issue.message}`;
}

// ---------------------------------------------------------------- parameters files

/**
 * A parameters file given on the command line: `--parameters FILE` (the base parameters of every
 * command, a JSON local parameter set) or `--what-if FILE` (budget's comparison).
 */
export interface ParameterFile {
  /** How messages name it: `--parameters examples/parameters/fujian-2020.json`. */
  readonly label: string;
  readonly file: string;
  /** The file's JSON, handed to the library as `options.parameters`, which checks it. */
  readonly patch: unknown;
}

/** Reads a parameters file's JSON; a missing file or bad JSON is an {@link InputError} naming the flag. */
export function readParameterFile(flag: '--parameters' | '--what-if', file: string): ParameterFile {
  const label = `${flag} ${file}`;
  return { label, file, patch: parseJson(readText(file, label), label) };
}

/** `--parameters set.json: funding.benchmark.primary.value: …` for an issue at `['parameters', …]`. */
export function describeParameterIssue(issue: PolicyIssue, label = '--parameters'): string {
  const rest = issue.path.slice(1);
  return `${label}: ${rest.length === 0 ? '' : `${formatPath(rest)}: `}${issue.message}`;
}

/**
 * The problems of a parameters file on its own — every value checked against junheng's parameter
 * tree — one line each, so they are reported beside the input's problems.
 */
export function parameterFileIssues(file: ParameterFile | undefined): PolicyIssue[] {
  if (file === undefined) return [];
  try {
    listParameters({ parameters: file.patch as ParameterOverrides });
    return [];
  } catch (error) {
    if (error instanceof PolicyInputError) return error.issues.filter((i) => i.path[0] === 'parameters');
    throw error;
  }
}

/**
 * The footer line naming the values of a `--parameters` file in force for `options` (which carry
 * it): `Local parameters (--parameters set.json): funding.benchmark.primary (南教计〔2020〕4号), …`.
 * `bears` keeps the paths that bear on the command's result. Undefined without a file.
 */
export function localParametersLine(file: ParameterFile | undefined, options: CalculatorOptions, bears: (path: string) => boolean = () => true): string | undefined {
  if (file === undefined) return undefined;
  const seen = new Map<string, string>();
  for (const p of listParameters(options)) {
    if (p.local !== true || !bears(p.path) || seen.has(p.path)) continue;
    seen.set(p.path, p.source === 'override' ? p.path : `${p.path} (${p.source})`);
  }
  const list = [...seen.values()];
  return `Local parameters (${file.label}): ${list.length === 0 ? `none in force on ${String(options.asOf ?? 'the day')}` : list.join(', ')}`;
}
