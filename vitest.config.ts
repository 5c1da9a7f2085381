import { defineConfig } from 'vitest/config';
import { PrintsLastSequencer } from './tests/sequencer.js';

// Three projects: fast pure tests; end-to-end tests that read real PDFs printed with Chromium by the
// shipped command line; and the long soak tests, kept out of `npm test` (`npm run test:slow`).
// Unit and e2e files share two workers (two cores): the unit tests first, then the e2e files that
// read no shared print while the global setup prints them in the background, then those that do
// (tests/sequencer.ts). e2e tests signal and count only the processes they started
// (tests/e2e/processes.ts), so two files may run side by side.
export default defineConfig({
  test: {
    sequence: { sequencer: PrintsLastSequencer },
    projects: [
      // Pure tests share one module graph per worker: loading zod and friends per file would triple the time.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000, isolate: false, maxWorkers: 2 } },
      // The global setup builds dist/ and prints, once and in the background, every PDF the tests read (tests/e2e/prints-plan.ts).
      {
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'], testTimeout: 120_000, hookTimeout: 180_000, maxWorkers: 2 },
      },
      // One file at a time: each prints hundreds of pages, and one times a check.
      {
        test: { name: 'slow', include: ['tests/slow/**/*.test.ts'], globalSetup: ['tests/slow/global-setup.ts'], testTimeout: 600_000, hookTimeout: 900_000, fileParallelism: false },
      },
    ],
  },
});
