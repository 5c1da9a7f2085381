#!/usr/bin/env node
// The installed entry point: the compiled CLI in dist/ (built by `npm install` through `prepare`).
import { main } from '../dist/cli/main.js';

await main(process.argv);
