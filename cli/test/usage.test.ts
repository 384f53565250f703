import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CENTRAL_2025, CSV, junheng, ROOT } from './helpers.js';

describe('junheng: help, version and usage errors', () => {
  it('--help prints the commands on stdout and exits 0', async () => {
    const r = await junheng('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: junheng <command>/);
    expect(r.stdout).toMatch(/^ {2}budget {2}/m);
    expect(r.stderr).toBe('');
  });

  it('budget --help and help budget print the budget usage', async () => {
    for (const args of [['budget', '--help'], ['budget', '-h'], ['help', 'budget']]) {
      const r = await junheng(...args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: junheng budget <file\.csv\|file\.xlsx\|file\.json\|->/);
      for (const flag of ['--as-of', '--region', '--format', '--what-if', '--encoding', '--no-bom']) expect(r.stdout).toContain(flag);
      expect(r.stderr).toBe('');
    }
  });

  it('--version prints the package.json version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'cli', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const r = await junheng(flag);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['no command', [], /a command is required/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an unknown top-level option', ['--frob'], /unknown option '--frob'/],
    ['an unknown budget flag', ['budget', CSV, '--frob', '1'], /unknown option '--frob'/],
    ['a misspelt flag', ['budget', CSV, '--asof', '2025-09-01'], /unknown option '--asof'/],
    ['a flag without its value', ['budget', CSV, '--region'], /--region/],
    ['a bad --format', ['budget', CSV, ...CENTRAL_2025, '--format', 'xml'], /--format must be one of table, json, csv, xlsx, html, got "xml"/],
    ['no roster file', ['budget', ...CENTRAL_2025], /missing the roster file/],
    ['two roster files', ['budget', CSV, CSV, ...CENTRAL_2025], /one roster file expected, got 2/],
    ['help for an unknown command', ['help', 'frobnicate'], /unknown command 'frobnicate'/],
  ];
  it.each(usageErrors)('%s: message and usage on stderr, exit 2, nothing on stdout', async (_, args, message) => {
    const r = await junheng(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^Usage: junheng/m);
  });

  it('an unknown budget flag shows the budget usage, not the general one', async () => {
    const r = await junheng('budget', CSV, '--frob');
    expect(r.stderr).toContain('Usage: junheng budget');
    expect(r.stderr).not.toContain('Usage: junheng <command>');
  });
});
