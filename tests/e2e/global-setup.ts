import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startNeighbour } from './neighbour.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Process group of the neighbouring Chromium (neighbour.ts). */
    neighbourGroup: number;
  }
}

// The CLI tests run bin/bantin.js, which loads dist/: compile it from the current sources first.
// A neighbouring Chromium runs for the whole e2e run: the suite must pass alongside it.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  const { findBrowser } = (await import('../../dist/pdf/browser.js')) as typeof import('../../src/pdf/browser.js');
  const neighbour = startNeighbour((await findBrowser()).executablePath);
  project.provide('neighbourGroup', neighbour.group);
  return () => neighbour.stop();
}
