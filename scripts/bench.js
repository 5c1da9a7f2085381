#!/usr/bin/env node
// npm run bench: bantin as a user runs it, in fresh processes. Prints wall seconds, pages per
// second, watch-mode rebuild time, the peak memory of a 20-issue batch, and the bundle's size and
// start-up time against the bundle with the code scripts/bundle.js leaves out. Timings live here,
// never in test assertions; docs/performance.md says how to read them. BENCH_RUNS sets the repetitions (default 5), BENCH_TAG_PAIRS the
// tagged/untagged pairs that measure tagging's cost (default 20).
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { barePrinter } from './floor.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/bantin.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
/** Tagged/untagged pairs of so-20 for tagging's cost (BENCH_TAG_PAIRS, default 20). */
const tagPairs = Number(process.env.BENCH_TAG_PAIRS ?? 20);
const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0 && !args.includes('--out-dir')) throw new Error(`bantin ${args.join(' ')} failed:\n${run.stderr}`);
  return seconds;
}

/** A build's wall seconds, and the seconds its --verbose log shows from the page loaded to the file written. */
function timeWindow(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`bantin ${args.join(' ')} failed:\n${run.stderr}`);
  const log = `${run.stdout}${run.stderr}`;
  const at = (what) => Number(new RegExp(`\\[([\\d.]+)s\\] ${what}`).exec(log)?.[1] ?? NaN);
  return { seconds, window: at('wrote') - at('page loaded') };
}

function pages(pdf) {
  const run = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(run.stdout ?? '')?.[1] ?? NaN);
}

/** Resident memory of a process and all its descendants, in MiB (from ps). */
function treeRss(pid) {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
  const children = new Map();
  for (const [p, pp] of rows) children.set(pp, [...(children.get(pp) ?? []), p]);
  const rss = new Map(rows.map(([p, , r]) => [p, r]));
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total / 1024;
}

/** Runs bantin, sampling the memory of its process tree; resolves with seconds and peak MiB. */
function measured(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(stderr));
      else resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peak });
    });
  });
}

/** Seconds from a one-word edit to the rebuilt PDF, as --watch reports it. */
async function watchRebuilds(input, edits) {
  const child = spawn(process.execPath, [bin, 'build', input, '--watch'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  const builds = () => [...log.matchAll(/built .*? in ([\d.]+) s \((\d) prints?\)/g)];
  const waitFor = async (n) => {
    for (let i = 0; i < 600 && builds().length < n; i++) await new Promise((r) => setTimeout(r, 50));
    if (builds().length < n) throw new Error(`watch did not rebuild:\n${log}`);
  };
  await waitFor(1);
  const original = readFileSync(input, 'utf8');
  const times = [];
  for (let i = 0; i < edits; i++) {
    writeFileSync(input, original.replace('Chiến lược đầu tư nghiên cứu cơ bản', `Chiến lược đầu tư nghiên cứu cơ bản ${i % 2 ? 'mới' : 'nay'}`));
    await waitFor(i + 2);
    times.push(Number(builds()[i + 1][1]));
  }
  child.kill('SIGINT');
  await new Promise((r) => child.on('close', r));
  return times;
}

/** Bytes and files of a bundle folder. */
function bundleSize(dir) {
  const files = readdirSync(dir).map((f) => statSync(path.join(dir, f)).size);
  return { mb: files.reduce((a, b) => a + b, 0) / 1e6, files: files.length };
}

/**
 * From `bantin build` to the point where it launches Chromium: validation, rendering and every
 * module the build loads, without the browser (--browser names no file, so it stops there).
 * Wall seconds (median) and the process's CPU seconds (median; steadier on a busy machine).
 */
function startup(bundleDir) {
  const run = "const { main } = await import(process.argv[1]); await main(['node', 'bantin', ...process.argv.slice(2)]); const u = process.cpuUsage(); process.stderr.write(`\\ncpu ${(u.user + u.system) / 1e6}\\n`);";
  const input = path.join(root, 'examples/so-20-2026.yaml');
  const once = () => {
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', run, path.join(bundleDir, 'bantin.js'), 'build', input, '-o', path.join(work, 'startup.pdf'), '--browser', path.join(work, 'no-browser')], { encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (!/no-browser does not exist/.test(child.stderr)) throw new Error(`start-up run of ${bundleDir} failed:\n${child.stderr}`);
    return { wall, cpu: Number(/\ncpu ([\d.]+)/.exec(child.stderr)[1]) };
  };
  once();
  const runsOf = Array.from({ length: runs * 2 }, once);
  return { wall: median(runsOf.map((r) => r.wall)), cpu: median(runsOf.map((r) => r.cpu)) };
}

/** The bundle as built, and the one with everything left in (scripts/bundle.js --keep-all). */
function bundles() {
  const lean = path.join(root, 'dist/cli-bundle');
  const full = path.join(root, 'dist/cli-bundle-full');
  spawnSync(process.execPath, [path.join(root, 'scripts/bundle.js'), '--keep-all', '--outdir', full], { cwd: root, stdio: 'inherit' });
  try {
    return { lean: { ...bundleSize(lean), start: startup(lean) }, full: { ...bundleSize(full), start: startup(full) } };
  } finally {
    rmSync(full, { recursive: true, force: true });
  }
}

/** An issue with its news parts repeated, every copy a distinct story (as the soak tests make them). */
function longIssue(example, copies = 2) {
  const doc = parse(readFileSync(example, 'utf8'));
  delete doc.cover;
  for (const part of doc.parts) {
    if (part.kind !== 'news' || !part.articles) continue;
    const original = part.articles;
    part.articles = [];
    for (let copy = 1; copy <= copies; copy++) {
      for (const { id: _id, ...a } of original) part.articles.push({ ...a, title: `${a.title} (kỳ ${copy})`, ...(a.source?.url ? { source: { ...a.source, url: `${a.source.url}?ky=${copy}` } } : {}) });
    }
  }
  return stringify(doc);
}

try {
  const bundle = bundles();
  const rows = [];
  for (const name of ['so-20-2026', 'so-15-2026']) {
    const input = path.join(root, 'examples', `${name}.yaml`);
    const pdf = path.join(work, `${name}.pdf`);
    time(['build', input, '-o', pdf]); // warm the OS file cache once
    const builds = Array.from({ length: runs }, () => time(['build', input, '-o', pdf]));
    const checks = Array.from({ length: runs }, () => time(['check', input]));
    rows.push({ name, pages: pages(pdf), build: median(builds), best: Math.min(...builds), check: median(checks) });
  }

  // The same issue with a child theme (extends haiphong, changes two colours): the theme chain's cost.
  const child = path.join(work, 'child-theme');
  spawnSync(process.execPath, [bin, 'theme', 'new', child, '--from', 'haiphong'], { encoding: 'utf8' });
  writeFileSync(path.join(child, 'theme.yaml'), `${readFileSync(path.join(child, 'theme.yaml'), 'utf8')}colors:\n  primary: "#1d5c3a"\n  accent: "#c9961a"\n`);
  const themed = (() => {
    const input = path.join(root, 'examples/so-20-2026.yaml');
    const pdf = path.join(work, 'themed.pdf');
    const builtIn = [];
    const childBuilds = [];
    // Interleaved, so both see the same machine load.
    for (let i = 0; i < runs; i++) {
      builtIn.push(time(['build', input, '-o', pdf]));
      childBuilds.push(time(['build', input, '-o', pdf, '--theme', child]));
    }
    return { builtIn: median(builtIn), child: median(childBuilds) };
  })();
  // Tagging's cost: so-20 tagged (the default) and with --no-tags, interleaved so drift hits both.
  const so20 = path.join(root, 'examples/so-20-2026.yaml');
  const taggedPdf = path.join(work, 'tagged.pdf');
  const untaggedPdf = path.join(work, 'untagged.pdf');
  const tagged = [];
  const untagged = [];
  // The floor (scripts/floor.js), interleaved with bantin's builds.
  const floor = (input, name) => barePrinter({ root, bin, work, input, name });
  const so20Floor = await floor(so20, 'so-20');
  // A long issue: so-15 with its news parts twice over (~90 items, ~37 pages), against its own floor.
  const longInput = path.join(work, 'long.yaml');
  writeFileSync(longInput, longIssue(path.join(root, 'examples/so-15-2026.yaml')));
  const longPdf = path.join(work, 'long.pdf');
  const longFloor = await floor(longInput, 'long');
  const long = { builds: [], bare: [] };
  for (let i = 0; i < runs; i++) {
    long.builds.push(time(['build', longInput, '-o', longPdf]));
    long.bare.push(longFloor.print());
  }
  const bare = [];
  for (let i = 0; i < runs; i++) {
    tagged.push(time(['build', so20, '-o', taggedPdf]));
    untagged.push(time(['build', so20, '-o', untaggedPdf, '--no-tags']));
    bare.push(so20Floor.print());
  }
  // Tagging's cost is a few tens of milliseconds in builds that swing by ±0.2 s on this machine:
  // more pairs, each in the order of the one before reversed (tagged first, then untagged first),
  // and the median of each pair's difference, with its quartiles.
  // Besides the wall time, each build's own --verbose clock from the page loaded to the
  // file written: the print and finishing, all that tagging changes, without the start-up's noise.
  const pairs = [];
  const windows = [];
  for (let i = 0; i < tagPairs; i++) {
    const order = i % 2 === 0 ? ['tagged', 'untagged'] : ['untagged', 'tagged'];
    const pair = {};
    for (const which of order) pair[which] = timeWindow(['build', so20, '-o', which === 'tagged' ? taggedPdf : untaggedPdf, '--verbose', ...(which === 'tagged' ? [] : ['--no-tags'])]);
    tagged.push(pair.tagged.seconds);
    untagged.push(pair.untagged.seconds);
    pairs.push(pair.tagged.seconds - pair.untagged.seconds);
    windows.push(pair.tagged.window - pair.untagged.window);
  }
  const quartile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)];
  const size = (file) => readFileSync(file).length;

  const watched = path.join(work, 'watched.yaml');
  copyFileSync(path.join(root, 'examples/so-20-2026.yaml'), watched);
  const rebuilds = await watchRebuilds(watched, runs);

  const batch = path.join(work, 'batch');
  spawnSync('mkdir', ['-p', batch]);
  for (let i = 1; i <= 20; i++) copyFileSync(path.join(root, 'examples', i % 2 ? 'so-20-2026.yaml' : 'so-15-2026.yaml'), path.join(batch, `so-${i}.yaml`));
  const load = await measured(['build', `${batch}/*.yaml`, '--out-dir', path.join(batch, 'out')]);
  const batchPages = Array.from({ length: 20 }, (_, i) => pages(path.join(batch, 'out', `so-${i + 1}.pdf`))).reduce((a, b) => a + b, 0);

  console.log(`bantin benchmark: ${runs} runs each (median, best), ${os.cpus().length} cores, Node ${process.versions.node}`);
  console.log('issue        pages   build s (best)   pages/s   check s');
  for (const r of rows) {
    console.log(`${r.name.padEnd(12)} ${String(r.pages).padStart(5)}   ${r.build.toFixed(2)} (${r.best.toFixed(2)})      ${(r.pages / r.build).toFixed(1).padStart(5)}     ${r.check.toFixed(2)}`);
  }
  console.log(`theme: so-20-2026 built-in haiphong ${themed.builtIn.toFixed(2)} s, child theme ${themed.child.toFixed(2)} s (${((themed.child - themed.builtIn) * 1000).toFixed(0)} ms more, median)`);
  console.log(
    `tags: so-20-2026 tagged ${median(tagged).toFixed(2)} s (best ${Math.min(...tagged).toFixed(2)}), --no-tags ${median(untagged).toFixed(2)} s (best ${Math.min(...untagged).toFixed(2)}); ` +
      `tagged minus untagged over ${pairs.length} pairs: ${Math.round(median(pairs) * 1000)} ms median (quartiles ${Math.round(quartile(pairs, 0.25) * 1000)} to ${Math.round(quartile(pairs, 0.75) * 1000)} ms), ` +
      `in the print and finishing (page loaded to written, --verbose) ${Math.round(median(windows) * 1000)} ms (quartiles ${Math.round(quartile(windows, 0.25) * 1000)} to ${Math.round(quartile(windows, 0.75) * 1000)} ms); file ${Math.round(size(taggedPdf) / 1024)} KiB vs ${Math.round(size(untaggedPdf) / 1024)} KiB (+${(((size(taggedPdf) - size(untaggedPdf)) / size(untaggedPdf)) * 100).toFixed(1)} %)`,
  );
  console.log(`floor: a bare Chromium print of so-20-2026's own HTML (${so20Floor.browser} --print-to-pdf) ${median(bare).toFixed(2)} s median (best ${Math.min(...bare).toFixed(2)}); bantin build is ${(median(tagged) / median(bare)).toFixed(2)}x that (bar: 1.35x)`);
  console.log(`long issue: so-15-2026 with its news twice over, ${pages(longPdf)} pages: bantin build ${median(long.builds).toFixed(2)} s, bare Chromium print ${median(long.bare).toFixed(2)} s; ${(median(long.builds) / median(long.bare)).toFixed(2)}x (bar: 1.45x)`);
  console.log(`tagging: ${Math.round(median(pairs) * 1000)} ms of a ${median(tagged).toFixed(2)} s build, ${((median(pairs) / median(tagged)) * 100).toFixed(1)} % (bar: 10 %)`);
  console.log(`watch: rebuild of so-20-2026 after a one-word edit: ${median(rebuilds).toFixed(2)} s median (best ${Math.min(...rebuilds).toFixed(2)} s)`);
  const about = (b) => `${b.mb.toFixed(2)} MB in ${b.files} files, start-up to the browser launch ${b.start.wall.toFixed(2)} s (CPU ${b.start.cpu.toFixed(2)} s)`;
  console.log(`bundle: ${about(bundle.lean)}; with the left-out code (browser downloads, BiDi, WebSockets): ${about(bundle.full)}`);
  console.log(`batch: 20 issues, ${batchPages} pages, one browser: ${load.seconds.toFixed(1)} s (${(batchPages / load.seconds).toFixed(1)} pages/s), peak memory ${Math.round(load.peak)} MiB (bantin + Chromium)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
