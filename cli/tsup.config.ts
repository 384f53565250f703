import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { junheng: 'src/main.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  clean: true,
  // The command uses the library through its public surface ('junheng'), but ships as ONE file with
  // the library and its three dependencies inlined and tree-shaken: a command loads one module, not
  // ~150 (zod's core alone requires its 40-odd locale modules at import). The readers and writers
  // only some runs need (.xlsx, charts) stay outside, loaded when a run asks for them.
  noExternal: ['junheng', 'zod', 'date-fns', 'decimal.js'],
  esbuildOptions(options) {
    options.alias = { junheng: fileURLToPath(new URL('../src/index.ts', import.meta.url)) };
  },
  banner: { js: '#!/usr/bin/env node' },
});
