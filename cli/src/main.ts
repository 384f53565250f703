/**
 * The `junheng` executable: wires {@link run} to the process's arguments, streams and exit code.
 */
import { readFileSync } from 'node:fs';
import type { Io } from './command.js';
import { run } from './run.js';

const io: Io = {
  stdout: (chunk) => void process.stdout.write(chunk),
  stderr: (text) => void process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  readStdin: () => readFileSync(0),
};

// A closed pipe (`junheng budget … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), io);
