/**
 * Watch mode follows the theme: editing a theme file (theme.yaml, a partial, a stylesheet)
 * rebuilds the PDF, and the rebuilt PDF shows the change (`bantin build --watch`, as a user runs it).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { useNeighbour } from './neighbour.js';
import { bin, pageTexts, repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';

// The test ends bantin with a signal: a neighbouring Chromium runs meanwhile, and must survive.
useNeighbour();

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-watch-theme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each rebuild's outcome as the watcher reports it: "built …" or an error ending "bantin: …". */
const outcomesOf = (stderr: string): boolean[] =>
  stderr
    .split('\n')
    .filter((l) => /^(built |bantin: )/.test(l))
    .map((l) => l.startsWith('built '));

it('rebuilds when theme.yaml or a partial of the theme changes', async () => {
  const input = path.join(dir, 'issue.yaml');
  const output = path.join(dir, 'issue.pdf');
  writeFileSync(input, readFileSync(path.join(repoRoot, 'examples/so-15-2026.yaml'), 'utf8').replace(/^series:\n/m, 'series:\n  theme: ./theme\n'));
  const theme = path.join(dir, 'theme');
  expect((await runCli(['theme', 'new', theme, '--from', 'haiphong'])).code).toBe(0);
  mkdirSync(path.join(theme, 'partials'));
  copyFileSync(path.join(repoRoot, 'templates/partials/figure.hbs'), path.join(theme, 'partials/figure.hbs'));

  const child = spawn(process.execPath, [bin, 'build', input, '-o', output, '--watch'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const rebuilt = async (n: number) => {
    const started = Date.now();
    while (outcomesOf(stderr).length < n) {
      if (Date.now() - started > 60_000 || child.exitCode !== null) throw new Error(`no rebuild ${n} (${outcomesOf(stderr).length} so far):\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await rebuilt(1);
    expect(pageTexts(output)[0]).toContain('TRONG SỐ NÀY');
    // The theme folder is added to the watcher after the first build; give chokidar a moment to arm it.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    writeFileSync(path.join(theme, 'theme.yaml'), `${readFileSync(path.join(theme, 'theme.yaml'), 'utf8')}labels:\n  inThisIssue: Nổi bật tuần này\n`);
    await rebuilt(2);
    expect(pageTexts(output)[0]).toContain('NỔI BẬT TUẦN NÀY');

    // A partial that names a partial no layer has: reported, and the watcher keeps going.
    writeFileSync(path.join(theme, 'partials/figure.hbs'), '<figure>{{> caption}}</figure>');
    await rebuilt(3);
    expect(stderr).toMatch(/figure\.hbs:1:\d+ error no partial is called "caption"/);
    writeFileSync(path.join(theme, 'partials/figure.hbs'), readFileSync(path.join(repoRoot, 'templates/partials/figure.hbs'), 'utf8'));
    await rebuilt(4);
    expect(outcomesOf(stderr)).toEqual([true, true, false, true]);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(130);
});
