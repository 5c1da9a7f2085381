/**
 * Compiles and bundles dist/ from the current sources, as the package build does, so that the
 * tests run what a user runs (bin/bantin.js loads dist/cli-bundle/) and a fresh clone needs only
 * `npm ci && npm test`. (`npm run build` also rewrites schema/issue.schema.json; that file is
 * left alone here so the unit test that checks it is current still means something.)
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

export function buildDist(): void {
  // tsc also type-checks src/: a type error fails the run here, as it did before.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.js'], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/precompile-templates.js'], { cwd: repoRoot, stdio: 'inherit' });
  // The preview's pdf.js files (the package ships them instead of depending on pdfjs-dist).
  execFileSync(process.execPath, ['scripts/copy-pdfjs.js'], { cwd: repoRoot, stdio: 'inherit' });
}

/** The browser bantin finds on this machine (from the compiled library, as a user's program would). */
export async function browserPath(): Promise<string> {
  const { findBrowser } = (await import('../../dist/index.js')) as typeof import('../../src/index.js');
  return (await findBrowser()).executablePath;
}
