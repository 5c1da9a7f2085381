/**
 * The PDFs the global setup printed for this run (prints-plan.ts): by batch and issue name. They
 * are printed in the background while other tests run: importing this module waits until they
 * are all there. A PDF a batch failed to write fails the test that reads it, with the batch's log.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { itemOf, type BatchRun, type PrintManifest, type Printed } from './prints-plan.js';

export { EPOCH, EXAMPLES, PROFILES, SIZES, THEMES, type BatchRun, type Diagnostic, type Printed } from './prints-plan.js';

/** Waits for the global setup's manifest.json (or its failed.txt), at most `ms`. */
async function waitForPrints(root: string, ms = 20 * 60_000): Promise<PrintManifest> {
  const manifest = path.join(root, 'manifest.json');
  const failed = path.join(root, 'failed.txt');
  for (const end = Date.now() + ms; ; ) {
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as PrintManifest;
    if (existsSync(failed)) throw new Error(`the global setup could not print the shared PDFs:\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > end) throw new Error(`the shared PDFs were not printed within ${ms / 60_000} minutes (${root})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const manifest = await waitForPrints(inject('prints').root);

export function prints(): PrintManifest {
  return manifest;
}

export function batch(id: string): BatchRun {
  const run = manifest.batches[id];
  if (!run) throw new Error(manifest.skipped ? `the shared prints were not made: ${manifest.skipped}` : `no batch ${id} in tests/e2e/prints-plan.ts`);
  return run;
}

/** The print of issue `name` (its file name without .yaml) in batch `id`; fails when it was not written. */
export function printed(id: string, name: string): Printed & { pdf: string; pageCount: number } {
  return itemOf(batch(id), name);
}

/** A generated input or theme folder (inputs.ts), by name. */
export function generated(name: string): string {
  const file = manifest.inputs[name];
  if (!file) throw new Error(`no generated input ${name}`);
  return file;
}
