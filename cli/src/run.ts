/**
 * The `junheng` command line as a function: `run(argv, io)` parses the arguments, runs the
 * subcommand and returns the exit status, writing only through `io` (the tests call it in-process).
 * Uses the library only through its public surface (`'junheng'`), like any other user.
 *
 * Exit status: 0 success, 1 bad input or data, 2 usage error.
 */
import { createRequire } from 'node:module';
import { assessCommand } from './assess.js';
import { budgetCommand } from './budget.js';
import { classesCommand } from './classes.js';
import { teachersCommand } from './teachers/index.js';
import { EXIT, InputError, UsageError, type Command, type Io } from './command.js';

/** The subcommands, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [budgetCommand, classesCommand, teachersCommand, assessCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: junheng <command> [options]

junheng (均衡): the district opinion on balanced compulsory education as exact calculators.

Commands:
${lines.join('\n')}

Options:
  -h, --help     show this help
  -v, --version  print the version

Run 'junheng <command> --help' for a command's arguments and options.
`;
}

function version(): string {
  const require = createRequire(import.meta.url);
  // cli/package.json, from cli/src (tests) and cli/dist (the built command) alike.
  return (require('../package.json') as { version: string }).version;
}

/**
 * Runs the command line `argv` (without `node` and the script) and resolves to the exit status.
 * Asynchronous because some inputs and outputs are (an .xlsx roster, an .xlsx or HTML report).
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  let command: Command | undefined;
  try {
    if (first === undefined) throw new UsageError('a command is required');
    if (first === '-h' || first === '--help') {
      io.stdout(usage());
      return EXIT.ok;
    }
    if (first === 'help') {
      const topic = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
      if (rest[0] !== undefined && topic === undefined) throw new UsageError(`unknown command '${rest[0]}'`);
      io.stdout(topic === undefined ? usage() : topic.help);
      return EXIT.ok;
    }
    if (first === '-v' || first === '--version') {
      io.stdout(`${version()}\n`);
      return EXIT.ok;
    }
    if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'`);
    command = COMMANDS.find((c) => c.name === first);
    if (command === undefined) throw new UsageError(`unknown command '${first}'`);
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const help = error.command?.help ?? usage();
      io.stderr(`junheng: ${error.message}\n\n${help}`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      const text =
        error.heading === undefined
          ? error.problems.map((p) => `junheng: ${p}\n`).join('')
          : `${error.heading}\n${error.problems.map((p) => `  ${p}\n`).join('')}`;
      io.stderr(text);
      return EXIT.input;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`junheng: internal error (please report it): ${detail}\n`);
    return EXIT.input;
  }
}
