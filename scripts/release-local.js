#!/usr/bin/env node
// npm run release:local -- <tag> [--out-dir DIR] [--issues DIR]
//
// The build step of the release: .github/workflows/pdfs.yml runs this very script, so a local run
// and CI cannot drift. Every issue file in the issues folder becomes <out>/<name>.pdf in one
// `bantin build` (one browser), dated from the tag's commit (SOURCE_DATE_EPOCH) so that the same
// commit gives the same bytes. The folder then holds exactly the PDFs the release attaches.
//
//   tag          the git tag (so-21-2026, v0.2.0); a name that is no tag (pr-12) is dated from HEAD
//   --out-dir    default release/<tag>/ (PDFs there are ignored by git)
//   --issues     default $BANTIN_ISSUES_DIR, else issues/ if it exists, else examples/
//
// Works in the current directory (the project whose issues are built); runs the bantin beside
// this script. Exit codes: 0 built, 1 an issue failed or nothing to build, 2 bad usage.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const bantinRoot = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: npm run release:local -- <tag> [--out-dir DIR] [--issues DIR]';

class UsageError extends Error {}
class ReleaseError extends Error {}

function options(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'out-dir': { type: 'string' }, issues: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `one tag expected, got ${positionals.join(' ')}` : 'which tag? e.g. so-21-2026');
  const tag = positionals[0];
  // The tag names a folder and an artifact: no paths, nothing hidden.
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(tag)) throw new UsageError(`"${tag}" is not a tag name this release can use (letters, digits, . _ + -; no slashes)`);
  return { tag, outDir: values['out-dir'], issues: values.issues || process.env.BANTIN_ISSUES_DIR || undefined };
}

const isDir = (dir) => existsSync(dir) && statSync(dir).isDirectory();

/** The configured folder must exist; without one, issues/ if the project has it, else examples/. */
function issuesFolder(cwd, setting) {
  if (setting) {
    const dir = path.resolve(cwd, setting);
    if (!isDir(dir)) throw new ReleaseError(`the issues folder ${setting} (--issues / BANTIN_ISSUES_DIR) does not exist`);
    return dir;
  }
  const found = ['issues', 'examples'].map((name) => path.join(cwd, name)).find(isDir);
  if (!found) throw new ReleaseError('no issues/ folder here (nor examples/): put the issue files in issues/');
  return found;
}

function issueFiles(dir) {
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(dir, name));
  if (files.length === 0) throw new ReleaseError(`no issue files (*.yaml) in ${dir}`);
  return files;
}

function git(cwd, args) {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** The commit whose time dates the PDFs: the tag's when it exists, else HEAD's. */
function releaseCommit(cwd, tag) {
  const tagged = git(cwd, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]);
  const head = git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const commit = tagged ?? head;
  if (!commit) throw new ReleaseError(`${cwd} is not a git repository with a commit: the PDFs are dated from the tag's commit`);
  const epoch = git(cwd, ['log', '-1', '--format=%ct', commit]);
  return { commit, epoch, tagged: Boolean(tagged), headAtTag: tagged === head };
}

/** The record of the PDFs a run wrote into its folder: the only files a later run deletes. */
const MANIFEST = '.release-local.json';
const isPdf = (name) => name.toLowerCase().endsWith('.pdf');

function recorded(out) {
  const file = path.join(out, MANIFEST);
  if (!existsSync(file)) return [];
  try {
    const { pdfs } = JSON.parse(readFileSync(file, 'utf8'));
    // Plain names of PDFs in this folder, nothing else.
    return Array.isArray(pdfs) ? pdfs.filter((name) => typeof name === 'string' && isPdf(name) && path.basename(name) === name && !name.startsWith('.')) : [];
  } catch {
    throw new ReleaseError(`${file} is not a manifest release:local wrote: remove it or choose another --out-dir`);
  }
}

function clearEarlierRun(out, rel) {
  const ours = new Set(recorded(out));
  const foreign = readdirSync(out).filter((name) => isPdf(name) && !ours.has(name));
  if (foreign.length) throw new ReleaseError(`${rel(out)} holds PDFs that no earlier release:local run wrote (${foreign.join(', ')}): it deletes only its own; move them or choose another --out-dir`);
  for (const name of ours) {
    const file = path.join(out, name);
    if (existsSync(file) && lstatSync(file).isFile()) rmSync(file);
  }
  rmSync(path.join(out, MANIFEST), { force: true });
}

function writeManifest(out, files) {
  const pdfs = files.map((file) => `${path.parse(file).name}.pdf`).filter((name) => existsSync(path.join(out, name))).sort();
  writeFileSync(path.join(out, MANIFEST), `${JSON.stringify({ pdfs }, null, 2)}\n`);
}

function warn(message) {
  process.stderr.write(`release:local: ${message}\n`);
}

function release({ tag, outDir, issues }) {
  const cwd = process.cwd();
  const bin = path.join(bantinRoot, 'bin/bantin.js');
  if (!existsSync(path.join(bantinRoot, 'dist/cli-bundle/bantin.js'))) throw new ReleaseError('bantin is not built: run `npm run build` (npm ci does it)');

  const folder = issuesFolder(cwd, issues);
  const files = issueFiles(folder);
  const out = path.resolve(cwd, outDir ?? path.join('release', tag));
  const { commit, epoch, tagged, headAtTag } = releaseCommit(cwd, tag);
  const rel = (p) => path.relative(cwd, p) || '.';

  if (!tagged) warn(`no tag ${tag}: dated from HEAD`);
  else if (!headAtTag) warn(`HEAD is not at ${tag}: building the files checked out here, dated from the tag (check out ${tag} to rebuild the release exactly)`);
  if (git(cwd, ['status', '--porcelain', '--', folder])) warn(`${rel(folder)} has uncommitted changes: these PDFs are not the release's`);
  if (/^so-/.test(tag) && !files.some((file) => path.parse(file).name === tag)) warn(`no ${tag}.yaml in ${rel(folder)}`);
  warn(`${tag}: ${files.length} issue(s) from ${rel(folder)}/ → ${rel(out)}/, SOURCE_DATE_EPOCH=${epoch} (${new Date(Number(epoch) * 1000).toISOString()}, ${commit.slice(0, 12)})`);

  // Exactly this run's PDFs: a file left from an issue since removed would be attached too. Only
  // PDFs an earlier run recorded in its manifest are removed; any other PDF stops the release.
  mkdirSync(out, { recursive: true });
  clearEarlierRun(out, rel);

  const run = spawnSync(process.execPath, [bin, 'build', ...files, '--out-dir', out], {
    cwd,
    env: { ...process.env, SOURCE_DATE_EPOCH: epoch },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.error) throw run.error;
  writeManifest(out, files);
  if (run.status !== 0) return run.status ?? 1;

  const expected = files.map((file) => `${path.parse(file).name}.pdf`).sort();
  const made = readdirSync(out).filter((name) => name.toLowerCase().endsWith('.pdf')).sort();
  if (made.join('\n') !== expected.join('\n')) throw new ReleaseError(`expected ${expected.join(', ')} in ${out}, found ${made.join(', ') || 'nothing'}`);
  // In a GitHub workflow, tell the next steps where the PDFs are.
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `dir=${out}\n`);
  return 0;
}

try {
  const opts = options(process.argv.slice(2));
  if (opts.help) console.log(USAGE);
  else process.exitCode = release(opts);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`release:local: ${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof ReleaseError) {
    process.stderr.write(`release:local: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
