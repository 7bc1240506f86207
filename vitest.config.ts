import { defineConfig } from 'vitest/config';

// Three projects so that a quick `vitest run --project unit` stays quick; `npm test` runs them all.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 10_000 },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits on a condition; its 1 s default is a timing assumption that fails on a loaded machine
          expect: { poll: { timeout: 20_000 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 30_000 } },
          // one browser at a time: two cores are not enough for parallel Chromium + WebGL in software
          fileParallelism: false,
        },
      },
    ],
  },
});
