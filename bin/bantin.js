#!/usr/bin/env node
// The installed entry point: the bundled CLI in dist/ (shipped in the package, built by `prepack`;
// in a git clone by `npm run build`, or by `npm test` before the end-to-end tests).
const bundle = '../dist/cli-bundle/bantin.js';
let cli;
try {
  cli = await import(bundle);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('cli-bundle')) throw error;
  process.stderr.write('bantin: the command line is not built yet (no dist/cli-bundle/): run `npm run build` in the bantin folder first\n');
  process.exit(1);
}
await cli.main(process.argv);
