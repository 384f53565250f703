/**
 * Helpers for the command-line tests. Most cases run the command in-process through
 * `run(argv, io)` (the same function the executable calls, with its streams captured); a handful
 * run the BUILT command (`node cli/dist/junheng.js …`) end to end, as a user would, with pipes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/run.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'cli', 'dist', 'junheng.js');
export const EXAMPLES = join(ROOT, 'examples');
export const CSV = join(EXAMPLES, 'district.csv');
export const JSON_ROSTER = join(EXAMPLES, 'district.json');
export const WHAT_IF = join(EXAMPLES, 'what-if.json');

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * Builds both packages (`npm run build`) when `cli/dist/junheng.js` or `dist/index.js` is missing. Test files run in
 * parallel, so one builds (holding a lock directory) while the others wait.
 */
export function ensureBuilt(): void {
  const built = (): boolean => existsSync(CLI) && existsSync(join(ROOT, 'dist', 'index.js'));
  if (built()) return;
  const lock = join(ROOT, 'node_modules', '.cache', 'junheng-cli-test-build.lock');
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building; a lock older than two minutes is stale.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmdirSync(lock);
      } catch {
        // gone already
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another test file to build dist/');
      sleep(200);
      if (built()) return;
      continue;
    }
    try {
      if (!built()) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
    } finally {
      rmdirSync(lock);
    }
    return;
  }
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `junheng …args` in-process: `run(args, io)` with standard output and error captured and
 * standard error not a terminal (as under a pipe).
 */
export function junheng(...args: string[]): Promise<Run> {
  return junhengIn(undefined, ...args);
}

/** {@link junheng} with `stdin` as standard input (none when undefined). */
export async function junhengIn(stdin: Buffer | undefined, ...args: string[]): Promise<Run> {
  let stdout = '';
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let stderr = '';
  const status = await run(args, {
    // Output bytes decoded as a stream (a character may span two chunks), byte-order mark kept.
    stdout: (chunk) => void (stdout += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })),
    stderr: (text) => void (stderr += text),
    stderrIsTTY: false,
    ...(stdin === undefined ? {} : { readStdin: () => stdin }),
  });
  return { status, stdout, stderr };
}

/** Runs the built command `node dist/cli.js …args` with piped streams (not a terminal): the end-to-end cases. */
export function junhengBuilt(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error !== undefined) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'junheng-cli-'));
}

/** Writes `content` to `name` in `dir` and returns its path. */
export function writeTemp(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Today's local date, as the command computes its default `--as-of`. */
export function todayIso(): string {
  const d = new Date();
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The options used with the examples. */
export const CENTRAL_2025 = ['--as-of', '2025-09-01', '--region', 'central'] as const;

export interface JsonBudget {
  total: string;
  whatIf?: { total: string; difference: string };
  schools: Array<{
    id: string;
    fundedPupils: number;
    floorApplied: string | null;
    amount: string;
    whatIfAmount?: string;
    difference?: string;
  }>;
}
