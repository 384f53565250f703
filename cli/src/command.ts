/**
 * What every subcommand of `junheng` shares: its entry in the command table, the process streams
 * it writes to, and the errors that set the exit status.
 */

/** Exit statuses: 0 success, 1 bad input or data, 2 a usage error (unknown flag, bad arguments). */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/** The streams a command writes to. */
export interface Io {
  /**
   * Writes to standard output (results only): text, or UTF-8 bytes (large outputs, in chunks). A
   * chunk of bytes is the sink's to keep: the command never writes to it again.
   */
  stdout(chunk: string | Uint8Array): void;
  /** Writes to standard error (problems, notes, progress). */
  stderr(text: string): void;
  /** True when standard error is a terminal: progress lines and notes are shown only then. */
  readonly stderrIsTTY: boolean;
  /** Reads all of standard input (an input file given as `-`); absent when there is none to read. */
  readStdin?(): Buffer;
}

/** A subcommand: `junheng <name> …`. */
export interface Command {
  readonly name: string;
  /** One line for `junheng --help`. */
  readonly summary: string;
  /** Full help for `junheng <name> --help`. */
  readonly help: string;
  /** Runs the command and returns its exit status. Throws {@link UsageError} or {@link InputError}. */
  run(args: string[], io: Io): number | Promise<number>;
}

/** The command line itself is wrong: exit 2, with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** The command whose usage to show, if any. */
    readonly command?: Command,
  ) {
    super(message);
  }
}

/** A file or its data is wrong: exit 1, every problem on standard error, nothing on standard output. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** One line per problem. */
    readonly problems: string[],
    /** A line before the problems. */
    readonly heading?: string,
  ) {
    super([heading, ...problems].filter((l) => l !== undefined).join('\n'));
  }
}
