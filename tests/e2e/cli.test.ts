/**
 * The command line as a user meets it: exit codes, where output goes, what is left behind.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useNeighbour } from './neighbour.js';
import { pageCount, repoRoot } from './pdf-tools.js';
import { eventually, ownedRun } from './processes.js';
import { runCli } from './run-cli.js';

// These tests signal and count processes: a neighbouring Chromium runs meanwhile, and must survive.
useNeighbour();

const work = mkdtempSync(path.join(os.tmpdir(), 'bantin-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const example = path.join(repoRoot, 'examples/so-20-2026.yaml');
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

function freshDir(name: string): string {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  return mkdtempSync(`${dir}-`);
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('bantin command line', () => {
  it('answers --version and --help', async () => {
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(version);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('build');
    expect(help.stdout).toContain('check');
  });

  it('exits 2 on bad usage', async () => {
    for (const args of [['bild', 'x.yaml'], ['build'], ['build', 'x.yaml', '--frobnicate'], ['build', 'x.yaml', '--timeout', 'soon']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      noStack(run.stderr);
    }
    expect((await runCli(['bild'])).stderr).toContain('build');
  });

  it('builds next to the YAML by default and prints only the path on stdout', async () => {
    const dir = freshDir('default');
    const input = path.join(dir, 'issue-20.yaml');
    copyFileSync(example, input);
    const owned = ownedRun(work);
    const run = await runCli(['build', input, '--html'], { env: owned.env });
    expect(run.code, run.stderr).toBe(0);
    const pdf = path.join(dir, 'issue-20.pdf');
    expect(run.stdout).toBe(`${path.join(dir, 'issue-20.html')}\n${pdf}\n`);
    expect(pageCount(pdf)).toBeGreaterThan(10);
    expect(readFileSync(path.join(dir, 'issue-20.html'), 'utf8')).toContain('<html lang="vi">');
    expect(readdirSync(dir).sort()).toEqual(['issue-20.html', 'issue-20.pdf', 'issue-20.yaml']);
    await eventually(() => owned.pids().length === 0);
    expect(owned.pids(), 'no Chromium outlives bantin').toEqual([]);
    expect(owned.leftovers(), 'no profile folder left').toEqual([]);
    owned.dispose();
  });

  it('reports every problem with file:line:col, writes nothing and keeps an earlier PDF', async () => {
    const dir = freshDir('broken');
    const input = path.join(dir, 'issue.yaml');
    const text = readFileSync(example, 'utf8')
      .replace('url: https://mst.gov.vn/', 'url: javascript:alert(1)//')
      .replace('  number: 20/2026', '  number: 20-2026')
      .replace('  publisher:', '  publsher:');
    writeFileSync(input, text);
    const earlier = path.join(dir, 'issue.pdf');
    writeFileSync(earlier, 'an earlier build');
    const run = await runCli(['build', input]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    noStack(run.stderr);
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(run.stderr).toContain(`issue.yaml:${lineOf('publsher:')}:3 error series.publsher: unknown field "publsher": did you mean "publisher"?`);
    expect(run.stderr).toContain(`issue.yaml:${lineOf('number: 20-2026')}:11 error issue.number: expected the issue number as number/year, e.g. 20/2026`);
    expect(run.stderr).toMatch(new RegExp(`issue\\.yaml:${lineOf('javascript:')}:\\d+ error parts\\[\\d+\\]\\.articles\\[\\d+\\]\\.source\\.url: expected a web address`));
    expect(run.stderr).toContain('^');
    expect(run.stderr).toMatch(/no PDF was written/);
    expect(readFileSync(earlier, 'utf8')).toBe('an earlier build');
    expect(readdirSync(dir).sort()).toEqual(['issue.pdf', 'issue.yaml']);
  });

  it('says clearly when the file is missing', async () => {
    const run = await runCli(['build', path.join(work, 'nope.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nope.yaml: no such file');
    noStack(run.stderr);
  });

  it('says how to get a browser when none is found', async () => {
    const run = await runCli(['build', example, '-o', path.join(work, 'x.pdf')], {
      env: { PATH: '/nonexistent', HOME: work, NO_COLOR: '1' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no Chromium browser found');
    expect(run.stderr).toContain('apt-get install chromium-headless-shell');
    noStack(run.stderr);
    expect(existsSync(path.join(work, 'x.pdf'))).toBe(false);
    const explicit = await runCli(['build', example, '--browser', '/nonexistent/chrome', '-o', path.join(work, 'x.pdf')]);
    expect(explicit.code).toBe(1);
    expect(explicit.stderr).toContain('/nonexistent/chrome does not exist');
  });

  // Every step of a build: a SIGTERM there leaves nothing, or the complete PDF when it came after
  // the final rename; never a temporary file, a Chromium process or a profile folder.
  it('SIGTERM at any step leaves nothing behind', async () => {
    const steps = ['checking', 'browser ready', 'page loaded', 'pass 1 printed', 'finishing'];
    for (const step of steps) {
      const dir = freshDir(`step-${step.replace(/\W+/g, '-')}`);
      const owned = ownedRun(work);
      let sent = false;
      const run = await runCli(['build', example, '-o', path.join(dir, 'out.pdf'), '--verbose'], {
        env: owned.env,
        onStderr: (text, child) => {
          if (!sent && text.includes(`] ${step}`)) {
            sent = true;
            child.kill('SIGTERM');
          }
        },
      });
      expect(sent, step).toBe(true);
      expect([0, 143], `${step}: ${run.stderr}`).toContain(run.code);
      // No temporary file; a PDF only when complete (a signal after the rename finds it in place).
      const left = readdirSync(dir);
      expect(left, step).toEqual(run.code === 0 ? ['out.pdf'] : left.length ? ['out.pdf'] : []);
      if (left.length) expect(pageCount(path.join(dir, 'out.pdf')), step).toBeGreaterThan(10);
      await eventually(() => owned.pids().length === 0);
      expect(owned.pids(), step).toEqual([]);
      expect(owned.leftovers(), `${step}: no profile folder left`).toEqual([]);
      owned.dispose();
    }
  });

  // Ctrl-C, kill and a closed terminal: 128 + the signal's number, nothing written, no
  // Chromium and no profile folder left.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`leaves nothing behind when interrupted with ${signal}`, async () => {
      const dir = freshDir(`interrupt-${signal}`);
      const output = path.join(dir, 'out.pdf');
      const owned = ownedRun(work);
      let sent = false;
      const run = await runCli(['build', example, '-o', output, '--verbose'], {
        env: owned.env,
        onStderr: (text, child) => {
          if (!sent && text.includes('printing with Chromium')) {
            sent = true;
            setTimeout(() => child.kill(signal), 150);
          }
        },
      });
      expect(sent).toBe(true);
      expect(run.code, run.stderr).toBe(code);
      expect(readdirSync(dir)).toEqual([]);
      // Give the OS a moment to reap the killed browser before looking.
      await eventually(() => owned.pids().length === 0);
      expect(owned.pids()).toEqual([]);
      expect(owned.leftovers(), 'no profile folder left').toEqual([]);
      owned.dispose();
    });
  }
});
