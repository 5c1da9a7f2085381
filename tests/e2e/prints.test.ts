/**
 * The shared prints themselves (prints-plan.ts): every batch `bantin build … --out-dir` of the
 * global setup built every issue it was given, said so, and wrote nothing else; what the tests
 * read of each issue (pages, prints, warnings) is what its PDF and its log say.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageCount } from './pdf-tools.js';
import { prints } from './prints.js';

const batches = Object.values(prints().batches);

describe.each(batches.map((b) => [b.id, b] as const))('batch %s', (_id, run) => {
  it('built every issue into --out-dir, listed each PDF on stdout in order, and exited 0', () => {
    const pdfs = run.inputs.map((input) => path.join(run.outDir, `${path.basename(input, '.yaml')}.pdf`));
    expect(run.code, run.stderr.slice(-3000)).toBe(0);
    expect(run.stdout).toBe(pdfs.map((p) => `${p}\n`).join(''));
    expect(readdirSync(run.outDir).sort()).toEqual(pdfs.map((p) => path.basename(p)).sort());
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^${run.inputs.length} of ${run.inputs.length} built in [\\d.]+ s$`));
    expect(run.unattributed, 'every line of the report belongs to an issue of the batch').toEqual([]);
  });

  it('logged each issue in turn: its prints, its PDF, its pages', () => {
    for (const item of run.items) {
      expect(item.pdf, item.name).toBe(path.join(run.outDir, `${item.name}.pdf`));
      expect(item.log[0], item.name).toMatch(/^rendering /);
      expect(item.passes, `${item.name}: "pass N printed"`).toBeGreaterThanOrEqual(1);
      expect(item.pageCount, item.name).toBe(pageCount(item.pdf!));
      expect(item.failures, item.name).toEqual([]);
    }
  });
});
