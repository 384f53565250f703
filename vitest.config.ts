import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { junheng: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts', 'cli/test/**/*.test.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    pool: 'forks',
    // The command's default language follows the locale (--lang): tests run in an English one unless they say otherwise.
    env: { LC_ALL: 'en_US.UTF-8' },
    testTimeout: 30_000,
  },
});
