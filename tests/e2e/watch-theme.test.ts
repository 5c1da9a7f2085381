/**
 * Watch mode follows the theme: editing a theme file (theme.yaml, a partial, a stylesheet)
 * rebuilds the PDF, and the rebuilt PDF shows the change.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { memoryLogger } from '../../src/cli/logger.js';
import { newTheme } from '../../src/commands/theme.js';
import { watch } from '../../src/commands/watch.js';
import { pageTexts, repoRoot } from './pdf-tools.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-watch-theme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('rebuilds when theme.yaml or a partial of the theme changes', async () => {
  const input = path.join(dir, 'issue.yaml');
  const output = path.join(dir, 'issue.pdf');
  writeFileSync(input, readFileSync(path.join(repoRoot, 'examples/so-15-2026.yaml'), 'utf8').replace(/^series:\n/m, 'series:\n  theme: ./theme\n'));
  const theme = path.join(dir, 'theme');
  await newTheme({ dir: theme, from: 'haiphong' });
  mkdirSync(path.join(theme, 'partials'));
  copyFileSync(path.join(repoRoot, 'templates/partials/figure.hbs'), path.join(theme, 'partials/figure.hbs'));

  const controller = new AbortController();
  const outcomes: boolean[] = [];
  let notify: () => void = () => undefined;
  const rebuilt = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no rebuild ${n} (${outcomes.length} so far)`)), 60_000);
      notify = () => {
        if (outcomes.length >= n) {
          clearTimeout(timer);
          resolve();
        }
      };
      notify();
    });
  const running = watch({ input, output, logger: memoryLogger(), signal: controller.signal, onRebuild: ({ ok }) => (outcomes.push(ok), notify()) });
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
    writeFileSync(path.join(theme, 'partials/figure.hbs'), readFileSync(path.join(repoRoot, 'templates/partials/figure.hbs'), 'utf8'));
    await rebuilt(4);
    expect(outcomes).toEqual([true, true, false, true]);
  } finally {
    controller.abort();
    await running;
  }
});
