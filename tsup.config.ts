import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // ESM: one file per source module, so a bundler keeps only the modules a host imports
    // (`sideEffects: false`); no module constructs another area's schemas or data.
    entry: ['src/**/*.ts', '!src/cli/**'],
    format: ['esm'],
    bundle: false,
    dts: { entry: { index: 'src/index.ts' } },
    clean: true,
    target: 'node20',
    platform: 'neutral',
  },
  {
    // CommonJS: one file, for require().
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    target: 'node20',
    platform: 'neutral',
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    // The command uses the library through its public surface ('junheng'), but ships as ONE file with
    // the library and its three dependencies inlined and tree-shaken: a command loads one module, not
    // ~150 (zod's core alone requires its 40-odd locale modules at import).
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.alias = { junheng: './src/index.ts' };
    },
    banner: { js: '#!/usr/bin/env node' },
  },
]);
