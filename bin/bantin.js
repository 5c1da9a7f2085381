#!/usr/bin/env node
// The installed entry point: the bundled CLI in dist/ (shipped in the package, built by `prepack`;
// in a git clone by `npm run build`, or by `npm test` before the end-to-end tests).
import { main } from '../dist/cli-bundle/bantin.js';

await main(process.argv);
