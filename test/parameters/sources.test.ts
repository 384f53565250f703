import { describe, expect, it } from 'vitest';
import { describeParameters, parameterTree, sources } from '../../src/index.js';
import { eachLeaf } from '../../src/core/parameters.js';

describe('the parameter tree as the areas declare it', () => {
  it('cites only documents of the sources register', () => {
    const unknown = describeParameters().flatMap((p) => p.history.filter((h) => !Object.hasOwn(sources, h.source)).map((h) => `${p.path}: ${h.source}`));
    expect(unknown).toEqual([]);
  });

  it('stamps every leaf with the path it has in the assembled tree', () => {
    const wrong: string[] = [];
    eachLeaf(parameterTree, (path, leaf) => {
      if (leaf.path !== path) wrong.push(`${path} is stamped ${leaf.path}`);
    });
    expect(wrong).toEqual([]);
  });
});
