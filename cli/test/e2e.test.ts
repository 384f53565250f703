/**
 * The built command end to end (`node cli/dist/junheng.js …`), as a user runs it: the shebang, the process's
 * exit codes and streams, and a closed pipe. Every other command-line case runs in-process through
 * `run(argv, io)` (see helpers.ts), which this file shows is what the executable calls.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_2025, CLI, CSV, ensureBuilt, junheng, junhengBuilt, ROOT, type JsonBudget } from './helpers.js';

beforeAll(() => ensureBuilt(), 180_000);

describe('junheng, built and spawned', () => {
  it('starts with a shebang and prints its version', async () => {
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'cli', 'package.json'), 'utf8')) as { version: string };
    const r = junhengBuilt('--version');
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `${version}\n`, '']);
  });

  it('a budget: exit 0, the same JSON as the in-process run', async () => {
    const args = ['budget', CSV, ...CENTRAL_2025, '--format', 'json'];
    const built = junhengBuilt(...args);
    expect(built.status).toBe(0);
    expect(built.stderr).toBe('');
    const parsed = JSON.parse(built.stdout) as JsonBudget;
    expect(parsed.schools.length).toBeGreaterThan(0);
    expect(built.stdout).toBe((await junheng(...args)).stdout);
  });

  it('bad input: exit 1, the problem on stderr, nothing on stdout, no stack trace', async () => {
    const r = junhengBuilt('budget', 'no/such/roster.csv', ...CENTRAL_2025);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cannot read no/such/roster.csv');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a usage error: exit 2 with the usage', async () => {
    const r = junhengBuilt('budget', CSV, '--frob');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: junheng budget');
  });

  it('a closed pipe is not an error', async () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" budget "${CSV}" --as-of 2025-09-01 --region central --format csv | head -c 10 >/dev/null; echo "exit=\${PIPESTATUS:-0}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr).not.toContain('internal error');
  });
});
