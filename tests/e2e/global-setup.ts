import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startNeighbour } from './neighbour.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Process group of the neighbouring Chromium (neighbour.ts). */
    neighbourGroup: number;
  }
}

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

// The CLI tests run bin/bantin.js, which loads dist/cli-bundle/: compile and bundle the current
// sources first, and precompile the built-in templates as the package build does, so a fresh
// clone needs only `npm ci && npm test`. (`npm run build` also rewrites
// schema/issue.schema.json; that file is left alone here so the unit test that checks it is
// current still means something.)
// A neighbouring Chromium runs for the whole e2e run: the suite must pass alongside it.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.js'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/precompile-templates.js'], { cwd: root, stdio: 'inherit' });
  const { findBrowser } = (await import('../../dist/print/browser.js')) as typeof import('../../src/print/browser.js');
  const neighbour = startNeighbour((await findBrowser()).executablePath);
  project.provide('neighbourGroup', neighbour.group);
  return () => neighbour.stop();
}
