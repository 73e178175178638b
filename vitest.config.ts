import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['addin/**/*.test.ts', 'forms-lib/**/*.test.ts', 'test/**/*.test.ts', 'bin/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
