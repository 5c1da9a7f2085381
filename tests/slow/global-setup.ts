import type { TestProject } from 'vitest/node';
import { browserPath, buildDist } from '../e2e/build-dist.js';

// The soak tests run bin/bantin.js as the end-to-end tests do: build dist/ from the current sources.
// The preview test runs a neighbouring Chromium beside bantin's (tests/e2e/neighbour.ts): the
// same browser the end-to-end setup finds.
export default async function setup(project: TestProject): Promise<void> {
  buildDist();
  project.provide('browserPath', await browserPath());
}
