// Bundles the command line into dist/cli-bundle/: one file to load instead of hundreds
// (puppeteer-core alone has ~300 modules), which saves ~0.4 s at every start.
// Code splitting keeps each command's dependencies in its own chunk, loaded when it runs.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear the last build's, or they pile up.
rmSync('dist/cli-bundle', { recursive: true, force: true });

await build({
  entryPoints: { bantin: 'dist/cli/main.js' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __bantinRequire } from 'node:module'; const require = __bantinRequire(import.meta.url);" },
  // Optional native speed-ups of `ws` that are not installed.
  external: ['bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
  legalComments: 'none',
  minifyWhitespace: true,
  minifySyntax: true,
});
