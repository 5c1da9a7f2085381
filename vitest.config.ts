import { defineConfig } from 'vitest/config';

// Two projects: fast pure tests, and end-to-end tests that print real PDFs with Chromium.
export default defineConfig({
  test: {
    projects: [
      // Pure tests share one module graph: loading zod and friends per file would triple the time.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 10_000, isolate: false } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Fails a file that killed the neighbouring Chromium the global setup runs.
          setupFiles: ['tests/e2e/neighbour-check.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time: two cores, and timings stay meaningful.
          fileParallelism: false,
        },
      },
    ],
  },
});
