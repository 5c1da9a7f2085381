/**
 * Built-in templates are compiled at `npm run build` (scripts/precompile-templates.js) and found
 * by the hash of their text. Every shipped template must be in the table, and a template whose
 * text differs (a theme's own, an edited ejected copy) must still be parsed, checked and used.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { precompiledSpec } from '../../src/render/precompiled.js';
import { repoRoot } from './pdf-tools.js';
import { runCli } from './run-cli.js';

const out = mkdtempSync(path.join(os.tmpdir(), 'bantin-precompiled-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function templatesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => path.join(dir, f));
}

describe('precompiled built-in templates', () => {
  it('cover every theme template the package ships, and no edited text', () => {
    // templates/web/ and templates/site/ are the web edition's and the archive index's own markup,
    // which themes do not override: compiled once at run time (src/web/render.ts,
    // src/site/index-page.ts), not part of a theme.
    const own = ['web', 'site'].map((d) => path.join(repoRoot, 'templates', d) + path.sep);
    const shipped = [...templatesUnder(path.join(repoRoot, 'templates')), ...templatesUnder(path.join(repoRoot, 'themes'))].filter((f) => !own.some((d) => f.startsWith(d)));
    expect(shipped.length).toBeGreaterThan(10);
    for (const file of shipped) {
      const text = readFileSync(file, 'utf8');
      expect(precompiledSpec(text), path.relative(repoRoot, file)).toBeDefined();
      expect(precompiledSpec(`${text}{{!-- edited --}}`), `${path.relative(repoRoot, file)}, edited`).toBeUndefined();
    }
  });

  it('an edited partial of an ejected theme is compiled from its text, and checked', async () => {
    const theme = path.join(out, 'ejected');
    const ejected = await runCli(['theme', 'new', theme, '--eject']);
    expect(ejected.code, ejected.stderr).toBe(0);
    const partial = path.join(theme, 'partials', 'toc.hbs');
    const original = readFileSync(partial, 'utf8');
    writeFileSync(partial, `<p class="edited-marker">EDITED TOC PARTIAL</p>\n${original}`);
    const input = path.join(repoRoot, 'examples', 'so-20-2026.yaml');
    const built = await runCli(['build', input, '-o', path.join(out, 'edited.pdf'), '--html', '--theme', theme]);
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(path.join(out, 'edited.html'), 'utf8')).toContain('EDITED TOC PARTIAL');

    // Each run compiles the theme afresh: the next one finds the partial the edit names missing.
    writeFileSync(partial, `${original}\n{{> no-such-partial}}\n`);
    const failed = await runCli(['build', input, '-o', path.join(out, 'broken.pdf'), '--theme', theme], { env: { ...process.env, NO_COLOR: '1' } });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${partial}:${original.split('\n').length + 1}:1 error no partial is called "no-such-partial"`);
    expect(failed.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(out).sort()).toEqual(['edited.html', 'edited.pdf', 'ejected']);
  });
});
