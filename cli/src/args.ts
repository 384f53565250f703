/**
 * What every subcommand's argument parsing shares: `node:util` parseArgs with junheng's usage
 * errors, `--help`, `--as-of`, `--parameters`, a `--format` among the command's formats, one input
 * file, and today's date.
 */
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.js';
import { defaultLang, LANGS, type Lang } from './lang.js';

/** The help text's section on `--parameters` files, the same for every command. */
export const PARAMETERS_HELP = `Parameters files (--parameters FILE): a JSON object of parameter values by their paths, as
listParameters() names them, nested or dotted: {"funding":{"benchmark":{"primary":750}}} or
{"funding.benchmark.primary":750} (a dotted key that is not a parameter is an error). A value may be
written {"value":750,"from":"2020-01-01","source":"南教计〔2020〕4号","note":"…"} to record where
it comes from: it then applies from its date (junheng's own values before it), and the report
names its source. Values the file does not give keep junheng's own. Examples (Fujian 2020,
Shandong 2024): examples/parameters/.`;

/** The parsed flags and the one input file of a subcommand. */
export interface CommandArgs<K extends string> {
  /** The command's own string flags, by name (`'format'`, `'region'`, …), absent when not given. */
  readonly flags: Partial<Record<K, string>>;
  /** The one positional argument: the input file. */
  readonly file: string;
  /** `--as-of`, or today's local date. */
  readonly asOf: string;
  /** `--parameters FILE`: the base parameters (a JSON local parameter set), absent when not given. */
  readonly parameters: string | undefined;
  /** The command's own boolean flags that were given (`'no-bom'`). */
  readonly switches: ReadonlySet<string>;
  /** `--lang zh|en`, or the locale's ({@link defaultLang}). */
  readonly lang: Lang;
  /** `--encoding` as given (the input's reader checks it), absent when not given. */
  readonly encoding: string | undefined;
  /** `--sheet NAME`: the sheet of an .xlsx input, absent when not given (the first sheet). */
  readonly sheet: string | undefined;
}

/** The output formats every command offers (a command may add its own, such as assess's markdown). */
export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'xlsx', 'html'] as const;
/** One of {@link OUTPUT_FORMATS}. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The help text's lines on the options every command shares (after its own). */
export const COMMON_OPTIONS_HELP = `  --lang zh|en                     the language of headings, labels and footers (default: zh
                                   when the locale (LC_ALL, LC_MESSAGES, LANG) is Chinese, else
                                   en); JSON keys stay English
  --encoding auto|utf8|gbk|gb18030 a CSV input's encoding (default auto: UTF-8, else GB18030)
  --sheet NAME                     the sheet of an .xlsx input (default: the first)`;

/**
 * Parses `args`: the command's string flags `names`, plus `--as-of`, `--parameters`, `--lang`, `--encoding`, `--sheet` and `-h`/`--help`, and exactly
 * one input file (`what` names it in messages; `-` is standard input), and the command's boolean flags `booleans`. Unknown flags, missing values and a missing or extra
 * file are {@link UsageError}s of `command`. Returns `'help'` for `--help`.
 */
export function parseCommandArgs<K extends string>(args: string[], names: readonly K[], command: Command, what: string, booleans: readonly string[] = []): CommandArgs<K> | 'help' {
  const options: Record<string, { type: 'string' } | { type: 'boolean'; short?: string }> = {
    'as-of': { type: 'string' },
    parameters: { type: 'string' },
    lang: { type: 'string' },
    encoding: { type: 'string' },
    sheet: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const name of names) options[name] = { type: 'string' };
  for (const name of booleans) options[name] = { type: 'boolean' };
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true) {
      const first = ((error as Error).message.split(/\.\s+To specify|\n/)[0] as string).replace(/^Unknown option/, 'unknown option');
      throw new UsageError(first, command);
    }
    throw error;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['help'] === true) return 'help';
  const { positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(`missing the ${what}`, command);
  if (positionals.length > 1) throw new UsageError(`one ${what.replace(/ \(.*\)$/, '')} expected, got ${positionals.length}: ${positionals.join(' ')}`, command);
  const flags: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = values[name];
    if (typeof value === 'string') flags[name] = value;
  }
  const asOf = values['as-of'];
  const parameters = values['parameters'];
  const switches = new Set(booleans.filter((name) => values[name] === true));
  const lang = values['lang'];
  if (lang !== undefined && !(LANGS as readonly unknown[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, got ${JSON.stringify(lang)}`, command);
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  return {
    flags,
    file: positionals[0] as string,
    asOf: typeof asOf === 'string' ? asOf : todayIso(),
    parameters: typeof parameters === 'string' ? parameters : undefined,
    switches,
    lang: (lang as Lang | undefined) ?? defaultLang(),
    encoding: text('encoding'),
    sheet: text('sheet'),
  };
}

/** `--format`: one of `formats`, the first being the default. */
export function chooseFormat<F extends string>(value: string | undefined, formats: readonly F[], command: Command): F {
  const format = value ?? formats[0];
  if (format === undefined || !(formats as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${formats.join(', ')}, got ${JSON.stringify(format)}`, command);
  }
  return format as F;
}

/** Today's local calendar date, 'YYYY-MM-DD' (the library's default `asOf`, shown in reports). */
export function todayIso(): string {
  const d = new Date();
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
