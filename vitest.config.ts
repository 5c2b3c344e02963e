import { defineConfig } from 'vitest/config';

// No passWithNoTests: a run that finds no tests is a failure (STYLE.md §8).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
