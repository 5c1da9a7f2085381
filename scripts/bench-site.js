#!/usr/bin/env node
// node scripts/bench-site.js [N] [BUILT]: an archive of N generated issues (so-20-2026 with its
// number and week moved, default 20) built by `bantin site` from scratch, run again unchanged,
// and run again with one issue changed. Prints wall seconds of each run; docs/site.md has the
// figures of this machine. Nothing here is a test: timings never go into assertions.
// With BUILT < N, only the first BUILT issues are printed from scratch (the time per issue is
// what scales); the other folders are copies of a built one under the right names, with the
// record and content hash bantin itself computes (dist/site/record.js), so the unchanged and
// one-changed runs meet a real N-issue archive: checking, hashing and the index, all N.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/bantin.js');
const count = Number(process.argv[2] ?? 20);
const built = Number(process.argv[3] ?? count);
const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-site-bench-'));
const issues = path.join(work, 'issues');
mkdirSync(issues);

const example = readFileSync(path.join(root, 'examples/so-20-2026.yaml'), 'utf8');
const day = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
for (let n = 1; n <= count; n++) {
  // Issue n covers week n of an archive ending with so-20-2026's week.
  const shift = (n - count) * 7;
  // Every date of the week moves with it (the items' too: dated outside its week, each would warn).
  const text = example
    .replace('number: 20/2026', `number: ${n}/2026`)
    .replace(/2026-05-(2[5-9]|3[01])/g, (iso) => day(iso, shift));
  writeFileSync(path.join(issues, `so-${String(n).padStart(3, '0')}.yaml`), text);
}

function run(label) {
  const started = process.hrtime.bigint();
  const args = ['site', path.join(issues, '*.yaml'), '-o', path.join(work, 'site')];
  // A whole archive's report can pass spawnSync's 1 MB default, which would end bantin midway.
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`bantin ${args.join(' ')} failed (${result.status ?? result.signal ?? result.error}):\n${result.stderr.slice(-4000)}`);
  const summary = /\d+ built, \d+ reused[^\n]*/.exec(result.stderr)?.[0];
  console.log(`${label.padEnd(24)} ${seconds.toFixed(1).padStart(7)} s   ${summary}`);
  return seconds;
}

console.log(`${count} issues (so-20-2026, 32 items each), ${os.availableParallelism()} cores, ${os.loadavg()[0].toFixed(1)} load`);
/** Folders for the issues not printed: a built folder's files copied under their names, with their true record. */
async function copyFolders(from) {
  const { prepare } = await import(path.join(root, 'dist/commands/build.js'));
  const { contentHash, recordJson, siteIssue, RECORD_FILE } = await import(path.join(root, 'dist/site/record.js'));
  const { themeInputs } = await import(path.join(root, 'dist/theme/theme.js'));
  const { version } = await import(path.join(root, 'dist/paths.js'));
  const { memoryLogger } = await import(path.join(root, 'dist/core/logger.js'));
  const digests = new Map();
  for (let n = built + 1; n <= count; n++) {
    const slug = `so-${String(n).padStart(3, '0')}`;
    const folder = path.join(work, 'site', slug);
    mkdirSync(folder);
    for (const ext of ['pdf', 'html', 'png']) copyFileSync(path.join(work, 'site', from, `${from}.${ext}`), path.join(folder, `${slug}.${ext}`));
    const prepared = await prepare({ input: path.join(issues, `${slug}.yaml`), output: path.join(folder, `${slug}.pdf`), formats: ['pdf', 'web'], logger: memoryLogger() });
    const hash = await contentHash(version, [prepared.input, ...[...prepared.assets.values()].map((a) => a.file), ...themeInputs(prepared.theme)], digests);
    writeFileSync(path.join(folder, RECORD_FILE), recordJson(hash, siteIssue(prepared.issue, prepared.theme, slug)));
  }
}

try {
  let scratch;
  if (built < count) {
    // The first BUILT issues alone, printed; then the others' folders.
    const hidden = path.join(work, 'later');
    mkdirSync(hidden);
    for (let n = built + 1; n <= count; n++) renameSync(path.join(issues, `so-${String(n).padStart(3, '0')}.yaml`), path.join(hidden, `so-${String(n).padStart(3, '0')}.yaml`));
    scratch = run(`from scratch (${built})`);
    for (let n = built + 1; n <= count; n++) renameSync(path.join(hidden, `so-${String(n).padStart(3, '0')}.yaml`), path.join(issues, `so-${String(n).padStart(3, '0')}.yaml`));
    await copyFolders('so-001');
    console.log(`from scratch, ${count} at that rate: ${((scratch / built) * count).toFixed(0)} s (extrapolated)`);
  } else {
    scratch = run('from scratch');
  }
  run('again, unchanged');
  const first = path.join(issues, 'so-001.yaml');
  writeFileSync(first, readFileSync(first, 'utf8').replace('number: 1/2026', 'number: 1/2026 # changed'));
  // A comment changes the file's bytes, so its hash: the issue is rebuilt.
  run('one issue changed');
  console.log(`per issue from scratch: ${(scratch / built).toFixed(2)} s`);
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
