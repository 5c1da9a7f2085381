#!/usr/bin/env node
// The installed entry point: the bundled CLI in dist/ (built by `npm install` through `prepare`).
import { main } from '../dist/cli-bundle/bantin.js';

await main(process.argv);
