/**
 * The documented examples of the library: every `@example` in the TSDoc of src/, and every ```ts
 * block in the README and docs/, ready to run with every export in scope. Used by the examples test
 * (each `//=>` is checked) and by the parameter-reads test (each calculator's declared parameters
 * are compared with what its examples read).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as junheng from '../../src/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function walk(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

export interface Example {
  where: string;
  code: string;
}

/** ```ts blocks inside `@example` sections of TSDoc comments. */
function tsdocExamples(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  const out: Example[] = [];
  for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const lines = comment.split('\n').map((l) => l.replace(/^\s*\/?\*+\/?\s?/, ''));
    const body = lines.join('\n');
    const at = body.indexOf('@example');
    if (at < 0) continue;
    for (const block of body.slice(at).matchAll(/```ts\n([\s\S]*?)```/g)) {
      out.push({ where: `${relative(root, file)}: ${block[1]?.split('\n')[0] ?? ''}`, code: block[1] ?? '' });
    }
  }
  return out;
}

/** ```ts blocks of a Markdown file. */
function markdownExamples(file: string): Example[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({ where: `${relative(root, file)} block ${i + 1}`, code: m[1] ?? '' }));
}

/**
 * Rewrites `stmt; //=> value` (or a statement followed by a line `//=> value`) into a check, and
 * drops imports from 'junheng' (the test supplies every export).
 */
export function instrument(code: string): { body: string; checks: number } {
  // Imports from 'junheng' and of `readFileSync` from 'node:fs' are dropped: the runner supplies both.
  const lines = code.split('\n').filter((l) => !/^\s*import .* from 'junheng';\s*$/.test(l) && !/^\s*import \{ readFileSync \} from 'node:fs';\s*$/.test(l));
  const out: string[] = [];
  let pending: string[] = [];
  let checks = 0;
  const flushAsCheck = (statement: string, expected: string) => {
    const expr = statement.trim().replace(/;\s*$/, '');
    out.push(`__check(${JSON.stringify(expr)}, () => (${expr}), (${expected}));`);
    checks++;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const inline = /^(.*\S)\s*\/\/=>\s*(.+)$/.exec(line);
    const alone = /^\s*\/\/=>\s*(.+)$/.exec(line);
    if (alone !== null) {
      flushAsCheck(pending.join('\n'), alone[1] as string);
      pending = [];
    } else if (inline !== null) {
      out.push(...pending);
      pending = [];
      flushAsCheck(inline[1] as string, inline[2] as string);
    } else {
      pending.push(line);
      // A finished statement is run as it is, unless the next line checks its value.
      const next = lines[i + 1] ?? '';
      if (/;\s*$/.test(line) && !/^\s*\/\/=>/.test(next)) {
        out.push(...pending);
        pending = [];
      }
    }
  }
  out.push(...pending);
  return { body: out.join('\n'), checks };
}

export const examples = [
  ...walk(join(root, 'src'), '.ts').flatMap(tsdocExamples),
  ...markdownExamples(join(root, 'README.md')),
  ...walk(join(root, 'docs'), '.md').flatMap(markdownExamples),
];


/** Runs one example with every export in scope; returns each `//=>` check's actual and expected value. */
export function runExample(example: Example): { checks: number; results: Array<{ expr: string; actual: unknown; expected: unknown }> } {
  const { body, checks } = instrument(example.code);
  const names = Object.keys(junheng);
  const results: Array<{ expr: string; actual: unknown; expected: unknown }> = [];
  const check = (expr: string, actual: () => unknown, expected: unknown) => {
    results.push({ expr, actual: actual(), expected });
  };
  // Examples are TypeScript: strip the types, then run with every export in scope.
  const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
  const run = new Function(...names, '__check', 'readFileSync', `"use strict";\n${js}`);
  // A guide reads the repository's example files by their path from the repository root.
  const read = (path: string, encoding: BufferEncoding) => readFileSync(isAbsolute(path) ? path : join(root, path), encoding);
  run(...names.map((n) => (junheng as Record<string, unknown>)[n]), check, read);
  return { checks, results };
}
