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
import { describeParameters, formatPath, listParameters, PolicyInputError, type CalculatorOptions, type ParameterKind, type ParameterOverrides, type PolicyIssue } from 'junheng';
import { parameterName, say, type Lang } from './lang.js';
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
export function isJsonFile(file: string, fd: ByteSource): boolean {
  if (typeof fd !== 'number') return looksLikeJson(file, fd.subarray(0, 64).toString('utf8'));
  const head = Buffer.alloc(64);
  const read = readSync(fd, head, 0, 64, 0);
  return looksLikeJson(file, head.subarray(0, read).toString('utf8'));
}

/** Encodings a text input may be read in: `auto` tells UTF-8 from GB18030 by the bytes. */
export const ENCODINGS = ['auto', 'utf8', 'gbk', 'gb18030'] as const;
/** One of {@link ENCODINGS}. */
export type Encoding = (typeof ENCODINGS)[number];

/** Where a file's bytes come from: an open file descriptor, or the bytes themselves (standard input). */
export type ByteSource = number | Buffer;

/** How messages name standard input (`-`). */
export const STDIN_NAME = 'standard input';

/** Reads up to `length` bytes at `position`: a view of a buffer, or `buffer` filled from a descriptor. */
function bytesAt(source: ByteSource, buffer: Buffer, position: number, length: number): Buffer {
  if (typeof source !== 'number') return source.subarray(position, position + length);
  const read = readSync(source, buffer, 0, length, position);
  return read === length ? buffer : buffer.subarray(0, read);
}

/** The size of a source in bytes. */
export function sizeOf(source: ByteSource): number {
  return typeof source === 'number' ? fstatSync(source).size : source.length;
}

/** Whether `bytes` decode in `label` with no invalid sequence (a sequence cut at the end is not one). */
function decodes(label: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(label, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The share of the non-ASCII characters of `text` that are Chinese (CJK ideographs and punctuation, full-width forms). */
function chineseShare(text: string): number {
  let chinese = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3400 && c <= 0x4dbf)) chinese++;
    else other++;
  }
  return chinese + other === 0 ? 0 : chinese / (chinese + other);
}

/** Bytes looked at, from the first non-ASCII byte, to tell UTF-8 from GB18030. */
export const DETECT_BYTES = 64 * 1024;

/**
 * The encoding of text whose first non-ASCII bytes are `bytes` (up to {@link DETECT_BYTES}):
 * UTF-8 when they start with its byte-order mark; else the one of UTF-8 and GB18030 (GBK, as
 * Chinese Excel saves CSV) in which they are valid — and when valid in both, as short GBK text can
 * be (小学 is D0 A1 D1 A7, also the UTF-8 of "Сѧ"), the one that reads as more Chinese, UTF-8 on a
 * tie; UTF-8 when neither (its invalid bytes are then reported by line).
 */
export function detectEncoding(bytes: Uint8Array): 'utf8' | 'gb18030' {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8';
  const utf8 = decodes('utf-8', bytes);
  const gb = decodes('gb18030', bytes);
  if (!gb) return 'utf8';
  if (!utf8) return 'gb18030';
  const as = (label: string): number => chineseShare(new TextDecoder(label).decode(bytes, { stream: true }));
  return as('gb18030') > as('utf-8') ? 'gb18030' : 'utf8';
}

const LABEL: Record<Exclude<Encoding, 'auto'>, string> = { utf8: 'utf-8', gbk: 'gbk', gb18030: 'gb18030' };
const NAME: Record<Exclude<Encoding, 'auto'>, string> = { utf8: 'UTF-8', gbk: 'GBK', gb18030: 'GB18030' };

/** The problem of a line holding bytes that are not text in `encoding` (chosen or detected). */
export function undecodable(line: number, encoding: Exclude<Encoding, 'auto'>, chosen: boolean): string {
  const what = chosen ? `valid ${NAME[encoding]} (--encoding ${encoding})` : 'valid UTF-8 or GB18030 (GBK)';
  const hint = chosen ? 'give the encoding the file was saved in (--encoding utf8|gbk|gb18030)' : 'save the file as UTF-8, or give the encoding it was saved in (--encoding utf8|gbk|gb18030)';
  return `line ${line}: bytes that are not ${what}; ${hint}`;
}

/**
 * The whole text of `bytes` in `encoding` (`auto`: {@link detectEncoding}); a leading byte-order
 * mark is kept. Bytes that are not text in it are a {@link CsvError} naming the line.
 */
export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  let first = 0;
  while (first < bytes.length && (bytes[first] as number) < 0x80) first++;
  const chosen = encoding === 'auto' ? detectEncoding(bytes.subarray(first, first + DETECT_BYTES)) : encoding;
  try {
    return new TextDecoder(LABEL[chosen], { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder(LABEL[chosen]).decode(bytes);
    const at = text.indexOf('\uFFFD');
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
    throw new CsvError([undecodable(line, chosen, encoding !== 'auto')]);
  }
}

/**
 * Calls `onLine` with every line of the file (`text.slice(start, end)`, without its line end) and
 * its 1-based number, reading fixed-size chunks; the line is not cut out of the chunk unless the
 * caller does so. A leading byte-order mark is skipped. `onBytes` reports progress.
 *
 * Without `encoding` the bytes are read as UTF-8 (an invalid byte becomes U+FFFD). With it, they are
 * decoded chunk by chunk with a streaming decoder: `auto` chooses UTF-8 or GB18030 at the first
 * chunk holding non-ASCII bytes ({@link detectEncoding}); a line holding bytes that are not text in
 * the encoding is a {@link CsvError} naming it ({@link undecodable}), never garbled text.
 */
export function eachLine(
  fd: ByteSource,
  onLine: (text: string, start: number, end: number, n: number) => void,
  onBytes?: (bytes: number) => void,
  maxLine = Infinity,
  encoding?: Encoding,
): void {
  const buffer = Buffer.allocUnsafe(typeof fd === 'number' ? CHUNK : 0);
  let decoder: { write(bytes: Buffer): string; end(): string } | undefined = encoding === undefined ? new StringDecoder('utf8') : undefined;
  let chosen: Exclude<Encoding, 'auto'> | undefined = encoding === 'auto' ? undefined : encoding;
  const strict = (name: Exclude<Encoding, 'auto'>): { write(bytes: Buffer): string; end(): string } => {
    const d = new TextDecoder(LABEL[name]);
    return { write: (bytes) => d.decode(bytes, { stream: true }), end: () => d.decode() };
  };
  if (decoder === undefined && chosen !== undefined) decoder = strict(chosen);
  let rest = '';
  let n = 0;
  let position = 0;
  let first = true;
  // A U+FFFD in decoded text is a byte that is not text in the encoding, unless the file holds the
  // character itself (counted from its bytes).
  const REPLACEMENT: Record<Exclude<Encoding, 'auto'>, Buffer> = { utf8: Buffer.from([0xef, 0xbf, 0xbd]), gbk: Buffer.from([0x84, 0x31, 0xa4, 0x37]), gb18030: Buffer.from([0x84, 0x31, 0xa4, 0x37]) };
  const check = (decoded: string, bytes: Buffer, prefix: string): void => {
    if (encoding === undefined || chosen === undefined) return;
    const at = decoded.indexOf('\uFFFD');
    if (at === -1 || bytes.includes(REPLACEMENT[chosen])) return;
    let line = n + 1;
    const text = prefix + decoded;
    const stop = prefix.length + at;
    for (let i = text.indexOf('\n'); i !== -1 && i < stop; i = text.indexOf('\n', i + 1)) line++;
    throw new CsvError([undecodable(line, chosen, encoding !== 'auto')]);
  };
  for (;;) {
    const bytes = bytesAt(fd, buffer, position, CHUNK);
    if (bytes.length === 0) break;
    position += bytes.length;
    let text: string;
    // ASCII is read as latin1 (the same text, decoded faster); a chunk that continues a character cut
    // at the end of the previous one starts with a non-ASCII byte, so the decoder sees it.
    if (isAscii(bytes)) text = rest + bytes.toString('latin1', 0, bytes.length);
    else {
      if (decoder === undefined) {
        // The first non-ASCII bytes, and those after them up to DETECT_BYTES (read ahead past this
        // chunk, so that a character cut at its end is not all that is looked at).
        let k = 0;
        while ((bytes[k] as number) < 0x80) k++;
        const at = position - bytes.length + k;
        const ahead = typeof fd === 'number' ? Buffer.allocUnsafe(DETECT_BYTES) : fd;
        const sample = typeof fd === 'number' ? ahead.subarray(0, readSync(fd, ahead, 0, DETECT_BYTES, at)) : fd.subarray(at, at + DETECT_BYTES);
        chosen = detectEncoding(sample);
        decoder = strict(chosen);
      }
      const decoded = decoder.write(bytes);
      check(decoded, bytes, rest);
      text = rest + decoded;
    }
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
  if (decoder !== undefined) {
    const tail = decoder.end();
    check(tail, Buffer.alloc(0), rest);
    rest += tail;
  }
  if (rest.length > 0) onLine(rest, 0, rest.charCodeAt(rest.length - 1) === 13 ? rest.length - 1 : rest.length, ++n);
}

/** Bytes at the start of a file looked at to tell text from binary data. */
export const HEAD_BYTES = 4096;

/**
 * Refuses a file that is not text, from its first {@link HEAD_BYTES} bytes: any NUL byte (binary
 * data, or text saved as UTF-16), or more than 1 in 32 bytes control characters other than tab, line
 * ends and form feed. Returns nothing for text.
 */
export function refuseBinary(fd: ByteSource, file: string): void {
  const head = typeof fd === 'number' ? Buffer.alloc(HEAD_BYTES) : fd.subarray(0, HEAD_BYTES);
  const read = typeof fd === 'number' ? readSync(fd, head, 0, HEAD_BYTES, 0) : head.length;
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
export function refuseLargeJson(fd: ByteSource, file: string): void {
  const size = sizeOf(fd);
  if (size > MAX_JSON_BYTES) {
    throw new InputError([`${file} is too large to read as JSON (${Math.round(size / 1048576).toLocaleString('en')} MiB; at most ${MAX_JSON_BYTES / 1048576} MiB); give it as CSV, which is read as a stream`]);
  }
}

/**
 * Reads a CSV header against a command's columns: the index of each column (-1 when absent).
 * Unknown, repeated and missing required columns are one {@link CsvError} with a line each.
 * `aliases` names other headers of a column (学校标识码 → id); a column given under two of its names
 * is repeated.
 */
export function readHeader<C extends string>(
  cells: readonly string[],
  line: number,
  columns: readonly C[],
  required: readonly C[],
  aliases?: ReadonlyMap<string, C>,
): Record<C, number> {
  const at = Object.fromEntries(columns.map((c) => [c, -1])) as Record<C, number>;
  const unknown: string[] = [];
  const repeated: string[] = [];
  cells.forEach((raw, index) => {
    const trimmed = raw.trim();
    const name = (aliases?.get(trimmed) ?? trimmed) as C;
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

/**
 * Reads a parameters file's JSON, its dotted keys written out ({@link expandDottedKeys}); a missing
 * file, bad JSON or a dotted key that is not a parameter path is an {@link InputError} naming the flag.
 */
export function readParameterFile(flag: '--parameters' | '--what-if', file: string): ParameterFile {
  const label = `${flag} ${file}`;
  return { label, file, patch: expandDottedKeys(parseJson(readText(file, label), label), label) };
}

/** The parameters' paths and kinds, and every group above them (`funding`, `funding.benchmark`). */
interface ParameterPaths {
  readonly leaves: ReadonlyMap<string, ParameterKind>;
  /** Each group's children's names, in order (the root is `''`). */
  readonly groups: ReadonlyMap<string, readonly string[]>;
}

let parameterPaths: ParameterPaths | undefined;

function pathsOfParameters(): ParameterPaths {
  if (parameterPaths !== undefined) return parameterPaths;
  const leaves = new Map<string, ParameterKind>();
  const groups = new Map<string, string[]>([['', []]]);
  for (const d of describeParameters()) {
    leaves.set(d.path, d.kind);
    const parts = d.path.split('.');
    for (let k = 0; k < parts.length; k++) {
      const parent = parts.slice(0, k).join('.');
      const children = groups.get(parent) ?? [];
      if (!children.includes(parts[k] as string)) children.push(parts[k] as string);
      groups.set(parent, children);
    }
  }
  parameterPaths = { leaves, groups };
  return parameterPaths;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`);

/**
 * A parameters patch with its dotted keys written out as nested ones: `{"funding.benchmark.primary":
 * 700}` is `{"funding":{"benchmark":{"primary":700}}}`. Dotted and nested keys may be mixed, at any
 * level (`{"funding":{"benchmark.junior":900}}`); a dotted key may name a group
 * (`"funding.benchmark": {"primary": 700}`), a parameter, or go on into a parameter's own value where
 * the value is an object (`"funding.benchmark.primary.central": 720`, `"….primary.value": 750`).
 *
 * Problems, each an {@link InputError} line naming `label` and the key:
 * - a dotted key that is not a parameter path (the parameters of its deepest group are listed);
 * - a dotted key into a list parameter (`funding.floors.district.below`): a list is replaced whole,
 *   so the message shows the whole list in force by default, to copy and change;
 * - the same parameter given twice (once dotted, once nested).
 *
 * Keys without a dot are left for the library to check, as before. `patch` itself is returned
 * unchanged when no key has a dot.
 */
export function expandDottedKeys(patch: unknown, label: string): unknown {
  const { leaves, groups } = pathsOfParameters();
  const problems: string[] = [];
  const inside = (path: string): boolean => !groups.has(path);
  /** Sets `value` at `segments` under `target` (at `path`), merging groups; a parameter set twice is a problem. */
  const put = (target: Record<string, unknown>, path: string, segments: readonly string[], value: unknown, key: string): void => {
    const [head, ...rest] = segments as [string, ...string[]];
    const at = join(path, head);
    if (rest.length > 0) {
      const existing = target[head];
      if (existing !== undefined && !isPlainObject(existing)) {
        problems.push(`${label}: "${key}": ${at} is given twice (once as a whole value, once in part)`);
        return;
      }
      const next = existing ?? {};
      target[head] = next;
      put(next as Record<string, unknown>, at, rest, value, key);
      return;
    }
    if (!Object.hasOwn(target, head)) {
      target[head] = value;
      return;
    }
    const existing = target[head];
    // Two parts of one group (or of one parameter's object value) merge; anything else is given twice.
    if (isPlainObject(existing) && isPlainObject(value) && !leaves.has(at)) {
      for (const [k, v] of Object.entries(value)) put(existing, at, [k], v, key);
      return;
    }
    problems.push(`${label}: "${key}": ${at} is given twice`);
  };
  /** Whether a group-level object under `path` has a dotted key, at any depth above the parameters. */
  const dotted = (value: unknown, path: string): boolean =>
    isPlainObject(value) && !inside(path) && Object.entries(value).some(([k, v]) => k.includes('.') || dotted(v, join(path, k)));
  const expand = (value: unknown, path: string): unknown => {
    if (!isPlainObject(value) || !dotted(value, path)) return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (!key.includes('.')) {
        put(out, path, [key], expand(v, join(path, key)), key);
        continue;
      }
      const segments = key.split('.');
      let at = path;
      let ok = true;
      for (let k = 0; k < segments.length; k++) {
        const seg = segments[k] as string;
        const next = join(at, seg);
        if (seg === '' || (!groups.has(next) && !leaves.has(next))) {
          const children = groups.get(at) ?? [];
          problems.push(`${label}: "${join(path, key)}" is not a parameter path: ${at === '' ? 'the top level' : at} has no "${seg}"; ${at === '' ? 'it has' : 'its parameters are'} ${children.join(', ')}`);
          ok = false;
          break;
        }
        at = next;
        if (leaves.has(at)) {
          if (k < segments.length - 1 && leaves.get(at) === 'list') {
            problems.push(listProblem(label, join(path, key), at));
            ok = false;
          }
          break;
        }
      }
      if (ok) put(out, path, segments, expand(v, join(path, key)), key);
    }
    return out;
  };
  const expanded = expand(patch, '');
  if (problems.length > 0) throw new InputError(problems);
  return expanded;
}

/** A dotted key into a list parameter: the list is replaced whole; its shape, as in force by default. */
function listProblem(label: string, key: string, path: string): string {
  const history = describeParameters().find((d) => d.path === path)?.history;
  const latest = JSON.stringify(history?.at(-1)?.value ?? []);
  return `${label}: "${key}" is not a parameter path: ${path} is a list, replaced whole by a patch (a band cannot be changed on its own); give the whole list, e.g. {"${path}": ${latest}} with your figures`;
}

/**
 * `--parameters set.json: funding.benchmark.primary.value: …` for an issue at `['parameters', …]`.
 * A key the library does not know is said with the parameters of its group, so the reader sees what
 * was meant (the library's own hint names a library function).
 */
export function describeParameterIssue(issue: PolicyIssue, label = '--parameters'): string {
  const rest = issue.path.slice(1);
  let message = issue.message;
  if (issue.code === 'unknown_key' && rest.length > 0) {
    const parent = rest.slice(0, -1).join('.');
    const children = pathsOfParameters().groups.get(parent);
    if (children !== undefined) message = `is not a parameter junheng knows; ${parent === '' ? 'the top-level groups are' : `the parameters of ${parent} are`} ${children.join(', ')} (dotted keys work too: {"funding.benchmark.primary": 750})`;
  }
  return `${label}: ${rest.length === 0 ? '' : `${formatPath(rest)}: `}${message}`;
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
export function localParametersLine(file: ParameterFile | undefined, options: CalculatorOptions, bears: (path: string) => boolean = () => true, lang?: Lang): string | undefined {
  if (file === undefined) return undefined;
  const seen = new Map<string, string>();
  for (const p of listParameters(options)) {
    if (p.local !== true || !bears(p.path) || seen.has(p.path)) continue;
    if (lang === undefined) seen.set(p.path, p.source === 'override' ? p.path : `${p.path} (${p.source})`);
    else {
      const name = parameterName(p.path, lang);
      seen.set(p.path, p.source === 'override' ? name : lang === 'zh' ? `${name}（${p.source}）` : `${name} (${p.source})`);
    }
  }
  const list = [...seen.values()];
  const day = String(options.asOf ?? say(lang ?? 'en', '当日', 'the day'));
  if (lang === 'zh') return `本地参数（${file.label}）：${list.length === 0 ? `${day} 无生效取值` : list.join('；')}`;
  return `Local parameters (${file.label}): ${list.length === 0 ? `none in force on ${day}` : list.join(lang === undefined ? ', ' : '; ')}`;
}
