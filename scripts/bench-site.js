#!/usr/bin/env node
// node scripts/bench-site.js [N] [JOBS]: an archive of N generated issues (so-20-2026 with its
// number and week moved, default 20) built by `bantin site` from scratch, run again unchanged,
// and run again with one issue changed. Prints wall seconds of each run; docs/site.md has the
// figures of this machine. Nothing here is a test: timings never go into assertions.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/bantin.js');
const count = Number(process.argv[2] ?? 20);
const jobs = process.argv[3];
const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-site-bench-'));
const issues = path.join(work, 'issues');
mkdirSync(issues);

const example = readFileSync(path.join(root, 'examples/so-20-2026.yaml'), 'utf8');
const day = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
for (let n = 1; n <= count; n++) {
  // Issue n covers week n of an archive ending with so-20-2026's week.
  const shift = (n - count) * 7;
  const text = example
    .replace('number: 20/2026', `number: ${n}/2026`)
    .replace('start: 2026-05-25', `start: ${day('2026-05-25', shift)}`)
    .replace('end: 2026-05-31', `end: ${day('2026-05-31', shift)}`);
  writeFileSync(path.join(issues, `so-${String(n).padStart(3, '0')}.yaml`), text);
}

function run(label) {
  const started = process.hrtime.bigint();
  const args = ['site', path.join(issues, '*.yaml'), '-o', path.join(work, 'site'), ...(jobs ? ['-j', jobs] : [])];
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`bantin ${args.join(' ')} failed:\n${result.stderr}`);
  const summary = /\d+ built, \d+ reused[^\n]*/.exec(result.stderr)?.[0];
  console.log(`${label.padEnd(24)} ${seconds.toFixed(1).padStart(7)} s   ${summary}`);
  return seconds;
}

console.log(`${count} issues (so-20-2026, 32 items each), ${os.availableParallelism()} cores, ${os.loadavg()[0].toFixed(1)} load`);
try {
  const scratch = run('from scratch');
  run('again, unchanged');
  const first = path.join(issues, 'so-001.yaml');
  writeFileSync(first, readFileSync(first, 'utf8').replace('number: 1/2026', 'number: 1/2026 # changed'));
  // A comment changes the file's bytes, so its hash: the issue is rebuilt.
  run('one issue changed');
  console.log(`per issue from scratch: ${(scratch / count).toFixed(2)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
