/**
 * The policy-map generator's checks (scripts/policy-map.ts): `npm run docs` must fail on a provision
 * that is neither implemented nor explained, on an `implementedBy` name that is not an exported
 * function or whose parameters the generator does not know, and on a calculator whose rule cannot be
 * located in src/ (scripts/clauses.ts), so no clause page is left without its code. No browser needed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as junheng from '../../src/index.js';
import { DEFAULT_AS_OF, FUNCTION_PARAMETERS, registerProblems, type RegisterEntry } from '../../scripts/policy-map.js';
import { docExamples, docSummary, locateRules } from '../../scripts/clauses.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exportsOf = junheng as unknown as Record<string, unknown>;
const paths = junheng.describeParameters().map((d) => d.path);

/** The real register with item `id` replaced. */
function withItem(id: string, entry: Partial<RegisterEntry>): RegisterEntry[] {
  return junheng.provisions.map((p) => (p.id === id ? { id: p.id, implementedBy: [], ...entry } : p));
}

describe('policy-map register checks', () => {
  it('accepts the register as it is', () => {
    expect(registerProblems(junheng.provisions, exportsOf, FUNCTION_PARAMETERS, paths)).toEqual([]);
  });

  it('refuses an item with neither implementedBy nor notComputable', () => {
    expect(registerProblems(withItem('3.1', {}), exportsOf, FUNCTION_PARAMETERS, paths)).toEqual([
      'provision 3.1: neither implementedBy nor notComputable — say which functions encode it, or why none can',
    ]);
    // A blank reason is no reason.
    expect(registerProblems(withItem('3.1', { notComputable: '  ' }), exportsOf, FUNCTION_PARAMETERS, paths)).toHaveLength(1);
  });

  it('refuses a name that is not an exported function', () => {
    const table = { ...FUNCTION_PARAMETERS, noSuchFunction: [], provisions: [] };
    expect(registerProblems(withItem('3.1', { implementedBy: ['noSuchFunction'] }), exportsOf, table, paths)).toEqual([
      "provision 3.1: implementedBy names 'noSuchFunction', which is not an export of junheng",
    ]);
    expect(registerProblems(withItem('3.1', { implementedBy: ['provisions'] }), exportsOf, table, paths)).toEqual([
      "provision 3.1: implementedBy names 'provisions', which is not a function",
    ]);
    // Inherited names are not exports.
    expect(registerProblems(withItem('3.1', { implementedBy: ['toString'] }), exportsOf, { ...table, toString: [] }, paths)[0]).toMatch(/not an export/);
  });

  it('refuses a function without a row in the parameter table, and a row that matches no parameter', () => {
    expect(registerProblems(withItem('3.1', { implementedBy: ['getProvision'] }), exportsOf, FUNCTION_PARAMETERS, paths)).toEqual([
      "provision 3.1: 'getProvision' is not a declared calculator — declare it with defineCalculator or declareFunction",
    ]);
    const table = { ...FUNCTION_PARAMETERS, getProvision: ['funding.bench'] };
    // 'funding.bench' is not a subtree: prefixes match whole path segments.
    expect(registerProblems(withItem('3.1', { implementedBy: ['getProvision'] }), exportsOf, table, paths)).toEqual([
      "FUNCTION_PARAMETERS.getProvision: 'funding.bench' matches no parameter",
    ]);
  });

  it('refuses a register without 24 items', () => {
    expect(registerProblems(junheng.provisions.slice(1), exportsOf, FUNCTION_PARAMETERS, paths)).toEqual(['the register has 23 items, expected 24']);
  });

  it('exits non-zero with a clear message on a bad JUNHENG_DOCS_AS_OF', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'policy-map.ts')], {
      cwd: ROOT,
      env: { ...process.env, JUNHENG_DOCS_AS_OF: '1 Sept 2025' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("JUNHENG_DOCS_AS_OF must be YYYY-MM-DD, got '1 Sept 2025'");
  }, 60_000);
});

describe('clause pages: locating each rule in the source', () => {
  const SRC = join(ROOT, 'src');

  it('locates the rule of every function that encodes an item, with its file, line and text', () => {
    const { located, problems } = locateRules(junheng.provisions, SRC, ROOT);
    expect(problems).toEqual([]);
    const names = [...new Set(junheng.provisions.flatMap((p) => p.implementedBy))];
    expect([...located.keys()].sort()).toEqual(names.sort());
    for (const c of located.values()) {
      // The text is the file's own, at the line given.
      const lines = readFileSync(join(ROOT, c.rule.file), 'utf8').split('\n');
      expect(lines.slice(c.rule.line - 1, c.rule.line - 1 + c.rule.text.split('\n').length).join('\n'), c.name).toBe(c.rule.text);
      expect(c.declaration.text, c.name).toMatch(new RegExp(`^export const ${c.name} = (defineCalculator|declareFunction)\\(`));
    }
    const security = located.get('securityPostCheck');
    expect(security?.rule.file).toBe('src/wellbeing/securityPostCheck.ts');
    expect(security?.rule.text).toMatch(/^export function securityPostCheckRule\(/);
    // A function declared with declareFunction is its own rule.
    expect(located.get('opinionTargets')?.rule.text).toMatch(/^export const opinionTargets = declareFunction\(/);
  });

  it('reports a rule that was renamed or moved, and a calculator that is not declared', () => {
    const copy = mkdtempSync(join(tmpdir(), 'junheng-src-'));
    try {
      cpSync(SRC, copy, { recursive: true });
      const file = join(copy, 'wellbeing', 'securityPostCheck.ts');
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('securityPostCheckRule', 'securityPostCheckRenamed'));
      const { problems } = locateRules(junheng.provisions, copy, ROOT);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^item 7\.1: cannot locate the rule of 'securityPostCheck' in .*\(looked for `export function securityPostCheckRule\(`\)/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    expect(locateRules([{ id: '3.1', implementedBy: ['noSuchCalculator'] }], SRC, ROOT).problems).toEqual([
      "item 3.1: cannot locate the declaration of 'noSuchCalculator' in src/ (looked for `export const noSuchCalculator = defineCalculator(` or `= declareFunction(`)",
    ]);
  });

  it('reads the description and the @example blocks of a TSDoc comment', () => {
    const doc = ['/**', ' * The rule.', ' *', ' * More.', ' *', ' * @category X', ' * @example', ' * ```ts', ' * f(1); //=> 2', ' * ```', ' */'].join('\n');
    expect(docSummary(doc)).toBe('The rule.\n\nMore.');
    expect(docExamples(doc)).toEqual(['f(1); //=> 2']);
  });

  it('shows the documentation date of the examples by default', () => {
    expect(DEFAULT_AS_OF).toBe('2025-09-01');
  });
});
