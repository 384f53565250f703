/**
 * Locates, at build time, the source that decides each item of the opinion: for every declared
 * calculator `<name>`, its pure rule `export function <name>Rule(…)` and its declaration
 * `export const <name> = defineCalculator(…)` (or `declareFunction(…)`, whose function is the rule
 * when there is no separate `<name>Rule`). The text is read from src/ with the TypeScript compiler
 * API, never pasted, so a clause page cannot show code the library no longer runs.
 *
 * Used by scripts/policy-map.ts for the clause-beside-code pages (docs/generated/clauses/*.md).
 * A calculator whose rule cannot be located is a problem that fails `npm run docs`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One located piece of source: a repository-relative path, its first line (1-based) and its text. */
export interface SourceSpan {
  /** The exported name: `publicFundingRule`, `publicFunding`. */
  readonly name: string;
  /** Repository-relative path with `/`: `src/funding/rule.ts`. */
  readonly file: string;
  /** First line of the declaration (1-based), after its TSDoc comment. */
  readonly line: number;
  /** The declaration's text, from `export` to its end, as in the file. */
  readonly text: string;
  /** The TSDoc comment before it (raw, with `/**` and `*\/`), or ''. */
  readonly doc: string;
}

/** What decides one calculator: its pure rule(s) and its declaration. */
export interface LocatedCalculator {
  readonly name: string;
  /** The pure rule: `<name>Rule`, or the function given to `declareFunction`. */
  readonly rule: SourceSpan;
  /** `export const <name> = defineCalculator(…)` / `declareFunction(…)`. */
  readonly declaration: SourceSpan;
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
    });
}

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The kind of an exported top-level declaration: a function, or a const made by a calculator kit call. */
type Found = { span: SourceSpan; kind: 'function' | 'defineCalculator' | 'declareFunction' | 'other' };

function spanOf(name: string, node: ts.Node, sf: ts.SourceFile, file: string): SourceSpan {
  const start = node.getStart(sf);
  const line = sf.getLineAndCharacterOfPosition(start).line + 1;
  const comments = ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? [];
  const last = comments.filter((c) => sf.text.startsWith('/**', c.pos)).at(-1);
  return { name, file, line, text: sf.text.slice(start, node.getEnd()), doc: last === undefined ? '' : sf.text.slice(last.pos, last.end) };
}

/** Every exported top-level function and const of the .ts files under `srcDir`, by name. */
export function exportedDeclarations(srcDir: string, root: string): Map<string, Found[]> {
  const out = new Map<string, Found[]>();
  const add = (name: string, found: Found) => out.set(name, [...(out.get(name) ?? []), found]);
  for (const path of walk(srcDir)) {
    const file = relative(root, path).split('\\').join('/');
    const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    for (const st of sf.statements) {
      if (!isExported(st)) continue;
      if (ts.isFunctionDeclaration(st) && st.name !== undefined && st.body !== undefined) {
        add(st.name.text, { span: spanOf(st.name.text, st, sf, file), kind: 'function' });
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (!ts.isIdentifier(d.name)) continue;
          const init = d.initializer;
          const callee = init !== undefined && ts.isCallExpression(init) && ts.isIdentifier(init.expression) ? init.expression.text : '';
          const kind = callee === 'defineCalculator' || callee === 'declareFunction' ? callee : 'other';
          add(d.name.text, { span: spanOf(d.name.text, st, sf, file), kind });
        }
      }
    }
  }
  return out;
}

/**
 * Locates each calculator's rule and declaration under `srcDir`. Returns what it found and one
 * problem per calculator it could not place — `npm run docs` fails on any.
 */
export function locateRules(
  items: ReadonlyArray<{ readonly id: string; readonly implementedBy: readonly string[] }>,
  srcDir: string,
  root: string,
): { located: Map<string, LocatedCalculator>; problems: string[] } {
  const decls = exportedDeclarations(srcDir, root);
  const located = new Map<string, LocatedCalculator>();
  const problems: string[] = [];
  const where = relative(root, srcDir).split('\\').join('/') || '.';
  for (const item of items) {
    for (const name of item.implementedBy) {
      if (located.has(name)) continue;
      const declaration = (decls.get(name) ?? []).find((f) => f.kind === 'defineCalculator' || f.kind === 'declareFunction');
      const rule = (decls.get(`${name}Rule`) ?? []).find((f) => f.kind === 'function');
      if (declaration === undefined) {
        problems.push(
          `item ${item.id}: cannot locate the declaration of '${name}' in ${where}/ (looked for \`export const ${name} = defineCalculator(\` or \`= declareFunction(\`)`,
        );
        continue;
      }
      if (rule === undefined && declaration.kind !== 'declareFunction') {
        problems.push(
          `item ${item.id}: cannot locate the rule of '${name}' in ${where}/ (looked for \`export function ${name}Rule(\`); ` +
            'a renamed or moved rule would leave the clause page without its code',
        );
        continue;
      }
      located.set(name, { name, rule: (rule ?? declaration).span, declaration: declaration.span });
    }
  }
  return { located, problems };
}

/** The lines of a TSDoc comment without its `/**`, `*` and `*\/`. */
function docLines(doc: string): string[] {
  return doc
    .replace(/^\/\*\*\s?/, '')
    .replace(/\s*\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, '').replace(/^\s*\*$/, ''));
}

/** The description of a TSDoc comment: the text before its first block tag (`@category`, `@param`, …). */
export function docSummary(doc: string): string {
  const lines = docLines(doc);
  const end = lines.findIndex((l) => /^@\w+/.test(l.trim()));
  return (end < 0 ? lines : lines.slice(0, end)).join('\n').trim();
}

/** The ```ts blocks of a TSDoc comment's `@example` sections. */
export function docExamples(doc: string): string[] {
  const body = docLines(doc).join('\n');
  const at = body.indexOf('@example');
  if (at < 0) return [];
  return [...body.slice(at).matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').replace(/\s+$/, ''));
}
