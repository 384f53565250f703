import type { PolicyIssue } from './errors.js';
import { Leaf, type ParameterNode } from './parameters.js';
import { describeValue } from './schemas.js';
import { REGIONS, type Region } from './types.js';
import { isPlain } from './util.js';

/** A validated override of one leaf. @internal */
export interface Override {
  readonly all?: unknown;
  readonly byRegion?: Partial<Record<Region, unknown>>;
}


/**
 * Validates a user's patch against the tree's shape, pushing one issue per problem with its path
 * under `parameters`, and returns the overrides by dot path.
 *
 * @internal
 */
export function readPatch(tree: ParameterNode, patch: unknown, issues: PolicyIssue[]): Map<string, Override> {
  const overrides = new Map<string, Override>();
  const walk = (node: ParameterNode, value: unknown, path: string[]): void => {
    if (node instanceof Leaf) {
      const where: Array<string | number> = ['parameters', ...path];
      if (node.spec.regional === true && isPlain(value)) {
        const regional: Partial<Record<Region, unknown>> = {};
        for (const key of Object.keys(value)) {
          if (!(REGIONS as readonly string[]).includes(key)) {
            issues.push({ path: [...where, key], code: 'unknown_key', message: `is not a region (use 'east' | 'central' | 'west')` });
            continue;
          }
          const parsed = node.codec.parse(value[key]);
          if (parsed.ok) regional[key as Region] = parsed.value;
          else issues.push({ path: [...where, key], code: 'invalid_value', message: parsed.message });
        }
        overrides.set(path.join('.'), { byRegion: regional });
        return;
      }
      const parsed = node.codec.parse(value);
      if (parsed.ok) overrides.set(path.join('.'), { all: parsed.value });
      else issues.push({ path: where, code: 'invalid_value', message: parsed.message });
      return;
    }
    if (!isPlain(value)) {
      issues.push({ path: ['parameters', ...path], code: 'invalid_type', message: `must be an object of parameter values, got ${describeValue(value)}` });
      return;
    }
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(node, key)) {
        issues.push({ path: ['parameters', ...path, key], code: 'unknown_key', message: 'is not a parameter junheng knows (see listParameters())' });
        continue;
      }
      walk(node[key] as ParameterNode, value[key], [...path, key]);
    }
  };
  if (patch !== undefined) walk(tree, patch, []);
  return overrides;
}

