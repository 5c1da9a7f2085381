import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { readsPrints } from '../sequencer.js';
import { browserPath, buildDist } from './build-dist.js';
import { plan, prepareInputs, runBatches, type PrintManifest } from './prints-plan.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium bantin finds here (the neighbour of neighbour.ts runs it too). */
    browserPath: string;
    /** Where the PDFs printed once for the whole run go (prints-plan.ts); prints.ts waits for its manifest.json. */
    prints: { root: string };
  }
}

/**
 * The CLI tests run bin/bantin.js, which loads dist/cli-bundle/: build it from the current sources
 * (build-dist.ts). Then print, in the background, the PDFs the tests read, with that command line
 * (prints-plan.ts): the unit tests and the end-to-end files that read no print run meanwhile
 * (tests/sequencer.ts puts the readers last; a reader waits for them on import, prints.ts).
 * BANTIN_KEEP_PRINTS=1 keeps the prints' folder (its logs/ has every batch's output);
 * BANTIN_REUSE_PRINTS=<that folder> reads them again instead of printing (while working on a
 * test: they are stale once the sources change).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildDist();
  project.provide('browserPath', await browserPath());
  const reuse = process.env.BANTIN_REUSE_PRINTS;
  if (reuse && existsSync(path.join(reuse, 'manifest.json'))) {
    console.log(`reading the prints of an earlier run: ${reuse}`);
    project.provide('prints', { root: reuse });
    return async () => undefined;
  }
  const root = mkdtempSync(path.join(os.tmpdir(), 'bantin-prints-'));
  project.provide('prints', { root });
  const selected = await selectedFiles(project);
  const printing = selected.some(readsPrints)
    ? printAll(root).catch((error: unknown) => writeFileSync(path.join(root, 'failed.txt'), error instanceof Error ? (error.stack ?? error.message) : String(error)))
    : Promise.resolve(writeManifest(root, { root, skipped: 'no test file of this run reads the shared prints', inputs: {}, batches: {} }));
  return async () => {
    // Never leave a batch running, nor its folder.
    await printing;
    if (!process.env.BANTIN_KEEP_PRINTS) rmSync(root, { recursive: true, force: true });
  };
}

/** The test files of this run (a run of one file that reads no print need not print them). */
async function selectedFiles(project: TestProject): Promise<string[]> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  return (await project.globTestFiles(filters)).testFiles;
}

async function printAll(root: string): Promise<void> {
  const started = performance.now();
  mkdirSync(path.join(root, 'logs'));
  const { COVER_LINKS_MAX } = (await import('../../dist/issue/lint/index.js')) as typeof import('../../src/issue/lint/index.js');
  const inputs = prepareInputs(path.join(root, 'inputs'), COVER_LINKS_MAX);
  const batches = await runBatches(plan(inputs), root);
  writeManifest(root, { root, inputs, batches });
  const runs = Object.values(batches);
  const pdfs = runs.reduce((n, b) => n + b.items.filter((i) => i.pdf).length, 0);
  console.log(`printed ${pdfs} PDFs in ${runs.length} batches (one browser each) in ${((performance.now() - started) / 1000).toFixed(1)} s; logs in ${path.join(root, 'logs')}`);
}

function writeManifest(root: string, manifest: PrintManifest): void {
  // Whole or not at all: a reader polls for the file.
  writeFileSync(path.join(root, 'manifest.json.part'), JSON.stringify(manifest));
  renameSync(path.join(root, 'manifest.json.part'), path.join(root, 'manifest.json'));
}
