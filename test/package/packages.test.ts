/**
 * The two packages of the repository, as npm packs them: the library `junheng` (the root) keeps
 * exactly its three runtime dependencies and ships none of the command's files; the command
 * `junheng-cli` (cli/) ships its built bin and its README, loads at run time only the packages it
 * declares, and carries the library inside its one built file. `npm test` builds first; run
 * `npm run build` before running this file alone.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const cliRoot = join(root, 'cli');

interface PackedFile { path: string }
interface Packed { name: string; version: string; filename: string; files: PackedFile[] }
interface Manifest {
  name: string;
  version: string;
  bin?: Record<string, string>;
  files?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;

/** `npm pack --json` in `cwd` (with `args`): the one package it packs. */
async function pack(cwd: string, args: string[]): Promise<Packed> {
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', ...args], { cwd, encoding: 'utf8' });
  const packed = JSON.parse(stdout) as Packed[];
  expect(packed).toHaveLength(1);
  return packed[0] as Packed;
}

/** One file of a .tgz, by its path in the archive (a ustar reader: enough for what npm writes). */
function fileInTarball(tgz: string, wanted: string): string | undefined {
  const tar = gunzipSync(readFileSync(tgz));
  for (let at = 0; at + 512 <= tar.length;) {
    const name = tar.toString('utf8', at, at + 100).replace(/\0.*$/s, '');
    if (name === '') return undefined;
    const prefix = tar.toString('utf8', at + 345, at + 500).replace(/\0.*$/s, '');
    const size = parseInt(tar.toString('utf8', at + 124, at + 136).replace(/\0.*$/s, '').trim() || '0', 8);
    const path = prefix === '' ? name : `${prefix}/${name}`;
    if (path === wanted) return tar.toString('utf8', at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

const bin = join(cliRoot, 'dist', 'junheng.js');
const built = existsSync(join(root, 'dist', 'index.js')) && existsSync(bin);

describe('the packages npm packs', () => {
  if (!built) throw new Error('dist/ or cli/dist/junheng.js is missing: run `npm run build` (npm test builds first)');

  const out = mkdtempSync(join(tmpdir(), 'junheng-pack-'));
  let library: Packed;
  let command: Packed;
  beforeAll(async () => {
    // The library packed for real (its package.json is read back from the tarball); the command dry.
    [library, command] = await Promise.all([pack(root, ['--pack-destination', out]), pack(cliRoot, ['--dry-run'])]);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('packs the library with exactly zod, date-fns and decimal.js as its dependencies', () => {
    expect(library.name).toBe('junheng');
    expect(library.filename).toBe(`junheng-${library.version}.tgz`);
    const packedManifest = JSON.parse(fileInTarball(join(out, library.filename), 'package/package.json') ?? 'null') as Manifest | null;
    expect(packedManifest?.name).toBe('junheng');
    expect(Object.keys(packedManifest?.dependencies ?? {}).sort()).toEqual(['date-fns', 'decimal.js', 'zod']);
    for (const field of ['peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies'] as const) {
      expect(packedManifest?.[field], field).toBeUndefined();
    }
    // The tarball's manifest is the root package.json's.
    expect(packedManifest?.dependencies).toEqual(manifest(root).dependencies);
  });

  it('ships the library\'s build and README, and nothing of the command or the sources', () => {
    const paths = library.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']));
    expect(paths.filter((p) => p.startsWith('cli/') || p.startsWith('src/') || p.startsWith('test/') || p.startsWith('examples/'))).toEqual([]);
    expect(paths.filter((p) => !p.startsWith('dist/') && !['package.json', 'README.md'].includes(p))).toEqual([]);
    // No build of the command slipped into the library's dist/.
    expect(paths.filter((p) => /junheng\.js$/.test(p))).toEqual([]);
  });

  it('names the command junheng-cli, with the bin junheng → a committed launcher of its built file', () => {
    const cli = manifest(cliRoot);
    expect(cli.name).toBe('junheng-cli');
    expect(cli.bin).toEqual({ junheng: './bin/junheng.js' });
    // The launcher exists before any build (so `npm ci` links it) and loads the built file.
    const launcher = join(cliRoot, 'bin', 'junheng.js');
    expect(readFileSync(launcher, 'utf8')).toContain("import '../dist/junheng.js';");
    expect(readFileSync(launcher, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    expect(statSync(bin).isFile()).toBe(true);
    // Runnable as a bin: a node shebang and the executable bits npm links.
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(command.name).toBe('junheng-cli');
    expect(command.files.map((f) => f.path).sort()).toEqual(['README.md', 'bin/junheng.js', 'dist/junheng.js', 'package.json']);
  });

  it('runs the built bin: its version is the package\'s', async () => {
    const { stdout } = await run(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(stdout.trim()).toBe(manifest(cliRoot).version);
  });

  it('installs from its tarball alone: the library inside the bin, every package it loads declared', () => {
    const cli = manifest(cliRoot);
    const declared = Object.keys(cli.dependencies ?? {});
    // A file:/workspace dependency (or the library itself, which is not on the registry) would make
    // `npm install junheng-cli-….tgz` fail; the library is bundled, so it is a devDependency only.
    expect(declared).not.toContain('junheng');
    for (const [name, spec] of Object.entries(cli.dependencies ?? {})) expect(spec, name).not.toMatch(/^(file|link|workspace):/);
    expect(cli.devDependencies?.['junheng']).toBe('file:..');

    // The packages the built file loads: static imports, import('…'), createRequire(import.meta.url)('…')
    // and a require made by createRequire (esbuild names it require, require2, …).
    const code = readFileSync(bin, 'utf8');
    const loaded = new Set<string>();
    const patterns = [
      /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm,
      /^\s*import\s*["']([^"']+)["']/gm,
      /\bimport\(\s*["']([^"']+)["']\s*\)/g,
      /\(import\.meta\.url\)\(\s*["']([^"']+)["']\s*\)/g,
      /\brequire\d*\(\s*["']([^"']+)["']\s*\)/g,
    ];
    for (const pattern of patterns) for (const m of code.matchAll(pattern)) loaded.add(m[1] as string);
    const builtins = new Set(builtinModules);
    const packages = [...loaded]
      .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtins.has(s) && !builtins.has(s.split('/')[0] as string))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string)));
    for (const name of packages) expect(declared, `cli/dist/junheng.js loads ${name}`).toContain(name);
    for (const name of ['junheng', 'zod', 'date-fns', 'decimal.js']) expect(packages, `${name} is bundled`).not.toContain(name);
    // The .xlsx reader is loaded on demand, so the pattern does find what the file loads.
    expect(packages).toContain('read-excel-file');
  });
});
