#!/usr/bin/env node
// npm run bench: builds the examples as a user would (a cold `bantin build` process each time)
// and prints wall seconds and pages per second. Timings live here, never in test assertions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/bantin.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const out = mkdtempSync(path.join(os.tmpdir(), 'bantin-bench-'));

function time(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`bantin ${args.join(' ')} failed:\n${run.stderr}`);
  return seconds;
}

function pages(pdf) {
  const run = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(run.stdout ?? '')?.[1] ?? NaN);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
try {
  for (const name of ['so-20-2026', 'so-15-2026']) {
    const input = path.join(root, 'examples', `${name}.yaml`);
    const pdf = path.join(out, `${name}.pdf`);
    time(['build', input, '-o', pdf]); // warm the OS file cache once
    const builds = Array.from({ length: runs }, () => time(['build', input, '-o', pdf]));
    const checks = Array.from({ length: runs }, () => time(['check', input]));
    const n = pages(pdf);
    rows.push({ issue: name, pages: n, build: median(builds), best: Math.min(...builds), check: median(checks) });
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

console.log(`bantin benchmark: ${runs} cold runs each, median (best), ${os.cpus().length} cores, Node ${process.versions.node}`);
console.log('issue        pages   build s (best)   pages/s   check s');
for (const r of rows) {
  console.log(
    `${r.issue.padEnd(12)} ${String(r.pages).padStart(5)}   ${r.build.toFixed(2)} (${r.best.toFixed(2)})      ${(r.pages / r.build).toFixed(1).padStart(5)}     ${r.check.toFixed(2)}`,
  );
}
