/**
 * npm run release:local end to end, in fresh git repositories like the checkout CI makes: a tag →
 * exactly one PDF per issue, dated from the tagged commit, the same bytes on every run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageCount, pdfInfo, repoRoot } from '../e2e/pdf-tools.js';

const script = path.join(repoRoot, 'scripts/release-local.js');
const examples = path.join(repoRoot, 'examples');
const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-release-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a plain shell: nothing from a CI job or a release in progress leaks in. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const name of ['SOURCE_DATE_EPOCH', 'BANTIN_ISSUES_DIR', 'GITHUB_OUTPUT']) if (!(name in extra)) delete env[name];
  return env;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const releaseLocal = (cwd: string, args: string[], env?: NodeJS.ProcessEnv) => run(process.execPath, [script, ...args], cwd, env);

function git(cwd: string, args: string[], date?: string): void {
  const identity = ['-c', 'user.name=Ban biên tập', '-c', 'user.email=bbt@example.org', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false'];
  const env = date ? { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : process.env;
  execFileSync('git', [...identity, ...args], { cwd, env, stdio: 'ignore' });
}

/** A repository holding `files` (path in repo → source file or text), committed at `date`. */
function repository(name: string, files: Record<string, string>, date: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  git(dir, ['init', '-q', '-b', 'main']);
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    if (source.startsWith('/')) copyFileSync(source, path.join(dir, file));
    else writeFileSync(path.join(dir, file), source);
  }
  git(dir, ['add', '.']);
  git(dir, ['commit', '-q', '-m', `${name}`], date);
  return dir;
}

const pdfsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();
const lines = (text: string) => text.split('\n').filter(Boolean).sort();

describe('npm run release:local -- <tag>', () => {
  it('builds one PDF per issue of issues/, dated from the tagged commit, exactly those files, the same bytes every run', async () => {
    const repo = repository(
      'tagged',
      {
        'issues/so-20-2026.yaml': path.join(examples, 'so-20-2026.yaml'),
        'issues/so-15-2026.yaml': path.join(examples, 'so-15-2026.yaml'),
        'issues/README.md': 'Số mới: thêm tệp YAML vào thư mục này.\n',
        'examples/so-15-2026.yaml': path.join(examples, 'so-15-2026.yaml'),
      },
      '2026-05-29T08:00:00Z',
    );
    git(repo, ['tag', '-a', 'so-20-2026', '-m', 'Số 20/2026']);
    // A later commit: the PDFs must still carry the tag's date, not HEAD's.
    writeFileSync(path.join(repo, 'NOTES.md'), 'ghi chú\n');
    git(repo, ['add', 'NOTES.md']);
    git(repo, ['commit', '-q', '-m', 'notes'], '2026-06-02T09:30:00Z');

    const out = path.join(repo, 'release/so-20-2026');
    const githubOutput = path.join(work, 'github-output');
    const first = await releaseLocal(repo, ['so-20-2026'], { GITHUB_OUTPUT: githubOutput });
    expect(first.code, first.stderr).toBe(0);
    expect(lines(first.stdout)).toEqual([path.join(out, 'so-15-2026.pdf'), path.join(out, 'so-20-2026.pdf')]);
    expect(pdfsIn(out)).toEqual(['so-15-2026.pdf', 'so-20-2026.pdf']);
    expect(first.stderr).toContain('HEAD is not at so-20-2026');
    expect(first.stderr).toContain('2 issue(s) from issues/');
    expect(readFileSync(githubOutput, 'utf8')).toBe(`dir=${out}\n`);
    for (const pdf of pdfsIn(out)) {
      expect(pageCount(path.join(out, pdf))).toBeGreaterThan(10);
      expect(pdfInfo(path.join(out, pdf)).CreationDate).toMatch(/^2026-05-29T08:00:00/);
    }

    const bytes = pdfsIn(out).map((pdf) => readFileSync(path.join(out, pdf)));
    // A PDF of an issue since removed, recorded by an earlier run: removed by the next one.
    writeFileSync(path.join(out, 'so-14-2026.pdf'), 'an issue since removed');
    writeFileSync(path.join(out, '.release-local.json'), JSON.stringify({ pdfs: ['so-14-2026.pdf', 'so-15-2026.pdf', 'so-20-2026.pdf'] }));
    const second = await releaseLocal(repo, ['so-20-2026']);
    expect(second.code, second.stderr).toBe(0);
    expect(pdfsIn(out)).toEqual(['so-15-2026.pdf', 'so-20-2026.pdf']);
    pdfsIn(out).forEach((pdf, i) => expect(readFileSync(path.join(out, pdf)).equals(bytes[i]!), pdf).toBe(true));

    // A PDF that no run recorded is the user's: never deleted, the release stops (issue 10).
    const mine = path.join(repo, 'mine');
    mkdirSync(mine);
    writeFileSync(path.join(mine, 'contract.pdf'), 'the user owns this');
    const refused = await releaseLocal(repo, ['so-20-2026', '--out-dir', 'mine']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('holds PDFs that no earlier release:local run wrote (contract.pdf)');
    expect(readdirSync(mine)).toEqual(['contract.pdf']);
    expect(readFileSync(path.join(mine, 'contract.pdf'), 'utf8')).toBe('the user owns this');
  });

  it('dates a name that is no tag from HEAD, and builds examples/ when there is no issues/', async () => {
    const repo = repository('untagged', { 'examples/so-20-2026.yaml': path.join(examples, 'so-20-2026.yaml') }, '2026-06-01T12:00:00Z');
    const result = await releaseLocal(repo, ['pr-7']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('no tag pr-7: dated from HEAD');
    expect(result.stderr).toContain('1 issue(s) from examples/');
    const out = path.join(repo, 'release/pr-7');
    expect(pdfsIn(out)).toEqual(['so-20-2026.pdf']);
    expect(pdfInfo(path.join(out, 'so-20-2026.pdf')).CreationDate).toMatch(/^2026-06-01T12:00:00/);
  });

  it('fails the release when one issue fails, after building the others', async () => {
    const repo = repository(
      'broken',
      { 'issues/so-20-2026.yaml': path.join(examples, 'so-20-2026.yaml'), 'issues/so-21-2026.yaml': 'series:\n  title: Điểm tin\n' },
      '2026-06-05T08:00:00Z',
    );
    git(repo, ['tag', 'so-21-2026']);
    const result = await releaseLocal(repo, ['so-21-2026', '--out-dir', 'out']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/so-21-2026\.yaml:\d+:\d+ error/);
    expect(result.stderr).toContain('1 of 2 built');
  });

  it('refuses bad usage, a missing or empty issues folder and a folder outside git, before building anything', async () => {
    // Through npm, as a user types it: the package script passes the arguments on.
    const usage = await run('npm', ['run', '--silent', 'release:local', '--', '../x'], repoRoot);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run release:local -- <tag>');
    expect((await releaseLocal(repoRoot, [])).code).toBe(2);

    const repo = repository('config', { 'issues/.gitkeep': '' }, '2026-06-05T08:00:00Z');
    const missing = await releaseLocal(repo, ['so-20-2026'], { BANTIN_ISSUES_DIR: 'nowhere' });
    expect([missing.code, missing.stderr]).toEqual([1, 'release:local: the issues folder nowhere (--issues / BANTIN_ISSUES_DIR) does not exist\n']);
    const empty = await releaseLocal(repo, ['so-20-2026']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`no issue files (*.yaml) in ${path.join(repo, 'issues')}`);

    const plain = path.join(work, 'not-git');
    mkdirSync(path.join(plain, 'issues'), { recursive: true });
    copyFileSync(path.join(examples, 'so-20-2026.yaml'), path.join(plain, 'issues/so-20-2026.yaml'));
    const outside = await releaseLocal(plain, ['so-20-2026'], { GIT_CEILING_DIRECTORIES: work });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('is not a git repository');
    expect(readdirSync(plain)).toEqual(['issues']);
  });
});
