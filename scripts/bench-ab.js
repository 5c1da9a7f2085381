#!/usr/bin/env node
// npm run bench:ab -- OTHER [ROUNDS]: this checkout (A) against another built one (B, e.g. a git
// worktree of an earlier commit after `npm ci && npm run build` there), built alternately with the
// bare Chromium print of the issue's own HTML (the floor of scripts/bench.js), ROUNDS times
// (default 15). Prints the median wall time and × the floor of each, and the median time of each
// --verbose step, so that a change of tens of milliseconds shows where it happens.
// BENCH_ISSUE picks another issue (default examples/so-20-2026.yaml).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { barePrinter } from './floor.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [other, roundsArg] = process.argv.slice(2);
if (!other || !existsSync(path.join(other, 'bin/bantin.js'))) {
  console.error('usage: npm run bench:ab -- OTHER_CHECKOUT [ROUNDS]   (OTHER_CHECKOUT built with npm run build)');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 15);
const input = path.resolve(process.env.BENCH_ISSUE ?? path.join(root, 'examples/so-20-2026.yaml'));
const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-bench-ab-'));
const sides = [
  { name: 'A (this checkout)', bin: path.join(root, 'bin/bantin.js') },
  { name: `B (${other})`, bin: path.join(path.resolve(other), 'bin/bantin.js') },
];
/** The steps of a build's --verbose log, in order (the lines start with them). */
const STEPS = ['checking', 'rendering', 'browser ready', 'printing with', 'page loaded', 'page numbers predicted', 'pass 1 printed', 'finishing', 'wrote'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function build(bin) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, 'build', input, '-o', path.join(work, 'ab.pdf'), '--verbose'], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${bin} build failed:\n${run.stderr}`);
  const at = {};
  for (const line of run.stderr.split('\n')) {
    const m = /^\[([\d.]+)s\] (.*)/.exec(line);
    const step = m && STEPS.find((s) => m[2].startsWith(s));
    if (step && !(step in at)) at[step] = Number(m[1]);
  }
  return { wall, at };
}

try {
  const floor = await barePrinter({ root, bin: sides[0].bin, work, input, name: 'issue' });
  // One of each first (the OS file cache), then the rounds, each side first in turn.
  floor.print();
  sides.forEach((s) => build(s.bin));
  const floors = [];
  const results = sides.map(() => []);
  for (let i = 0; i < rounds; i++) {
    floors.push(floor.print());
    for (const j of i % 2 ? [0, 1] : [1, 0]) results[j].push(build(sides[j].bin));
  }
  const bare = median(floors);
  console.log(`${path.basename(input)}, ${rounds} rounds; the bare Chromium print: ${bare.toFixed(3)} s (median)`);
  for (const [j, side] of sides.entries()) {
    const wall = median(results[j].map((r) => r.wall));
    console.log(`${side.name}: ${wall.toFixed(3)} s, ${(wall / bare).toFixed(2)}× the floor`);
  }
  console.log(`\n${'--verbose step (s since start)'.padEnd(32)}${'A'.padStart(8)}${'B'.padStart(8)}${'B − A'.padStart(8)}`);
  for (const step of STEPS) {
    const [a, b] = results.map((rs) => median(rs.map((r) => r.at[step] ?? NaN)));
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    console.log(`${step.padEnd(32)}${a.toFixed(2).padStart(8)}${b.toFixed(2).padStart(8)}${(b - a).toFixed(2).padStart(8)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
