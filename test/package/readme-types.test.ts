/**
 * The README's self-contained examples — the ```ts blocks that import from 'junheng' themselves,
 * as a user would copy them — type-check against the package as it is installed: `junheng`
 * resolved through its `exports` to the built declarations (dist/index.d.ts), under the project's
 * strictest settings. (test/docs runs the same blocks and checks each `//=>`; this checks the types
 * a user's editor sees.) `npm test` builds first; run `npm run build` before running this file alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The ```ts blocks of a Markdown file that import from 'junheng'. */
function importingBlocks(file: string): Array<{ where: string; code: string }> {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m, i) => ({ where: `${file} block ${i + 1}`, code: m[1] ?? '' }))
    .filter((b) => /^import .* from 'junheng';$/m.test(b.code));
}

/**
 * Type errors of each of `codes` as a module in the repository root (an ES module there: package.json
 * has type module), checked in one program (one load of the declarations they share).
 */
function typeErrors(codes: readonly string[]): string[][] {
  const files = codes.map((_, i) => join(root, `__readme_example_${i}.ts`));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (path, language, ...rest) => {
    const k = files.indexOf(path);
    return k >= 0 ? ts.createSourceFile(path, codes[k] as string, language) : getSourceFile(path, language, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (path) => files.includes(path) || fileExists(path);
  const program = ts.createProgram(files, options, host);
  return files.map((file) => {
    const resolved = ts.resolveModuleName('junheng', file, options, host, undefined, undefined, ts.ModuleKind.ESNext).resolvedModule?.resolvedFileName;
    return [
      ...(resolved === join(root, 'dist', 'index.d.ts') ? [] : [`'junheng' resolved to ${resolved ?? 'nothing'}, not dist/index.d.ts`]),
      ...ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ];
  });
}

describe('the README examples a user copies', () => {
  if (!existsSync(join(root, 'dist', 'index.d.ts'))) throw new Error('dist/index.d.ts is missing: run `npm run build` (npm test builds first)');
  const blocks = importingBlocks('README.md');
  // A wrong copy of the first block, to show the check is not vacuous.
  const wrong = (blocks[0]?.code ?? '').replace("location: 'rural'", "location: 'village'");
  const errors = typeErrors([...blocks.map((b) => b.code), wrong]);

  it('include the ten-line example, with the School type imported', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    expect(blocks[0]?.code).toMatch(/^import type \{ School \} from 'junheng';$/m);
    expect(blocks[0]?.code).toMatch(/: School = /);
  });

  it.each(blocks.map((b, i) => [b.where, i] as const))('%s type-checks against the built package', (_where, i) => {
    expect(errors[i]).toEqual([]);
  });

  it('would catch a wrong type', () => {
    expect(wrong).not.toBe(blocks[0]?.code);
    expect(errors[blocks.length]).toEqual([`Type '"village"' is not assignable to type '"urban" | "town" | "rural"'.`]);
  });
});
