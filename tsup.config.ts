import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // ESM: one file per source module, so a bundler keeps only the modules a host imports
    // (`sideEffects: false`); no module constructs another area's schemas or data.
    entry: ['src/**/*.ts'],
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
]);
