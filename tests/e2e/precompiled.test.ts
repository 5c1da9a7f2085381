/**
 * Built-in templates are compiled at `npm run build` (scripts/precompile-templates.js) and found
 * by the hash of their text. Every shipped template must be in the table, and a template whose
 * text differs (a theme's own, an edited ejected copy) must still be parsed, checked and used.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { newTheme } from '../../src/commands/theme.js';
import { memoryLogger } from '../../src/cli/logger.js';
import { UserError } from '../../src/core/diagnostics.js';
import { precompiledSpec } from '../../src/render/precompiled.js';
import { resetTemplates } from '../../src/render/templates.js';
import { repoRoot } from './pdf-tools.js';

const out = mkdtempSync(path.join(os.tmpdir(), 'bantin-precompiled-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function templatesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.hbs'))
    .map((f) => path.join(dir, f));
}

describe('precompiled built-in templates', () => {
  it('cover every template the package ships, and no edited text', () => {
    const shipped = [...templatesUnder(path.join(repoRoot, 'templates')), ...templatesUnder(path.join(repoRoot, 'themes'))];
    expect(shipped.length).toBeGreaterThan(10);
    for (const file of shipped) {
      const text = readFileSync(file, 'utf8');
      expect(precompiledSpec(text), path.relative(repoRoot, file)).toBeDefined();
      expect(precompiledSpec(`${text}{{!-- edited --}}`), `${path.relative(repoRoot, file)}, edited`).toBeUndefined();
    }
  });

  it('an edited partial of an ejected theme is compiled from its text, and checked', { timeout: 120_000 }, async () => {
    const theme = path.join(out, 'ejected');
    await newTheme({ dir: theme, eject: true });
    const partial = path.join(theme, 'partials', 'toc.hbs');
    const original = readFileSync(partial, 'utf8');
    writeFileSync(partial, `<p class="edited-marker">EDITED TOC PARTIAL</p>\n${original}`);
    const input = path.join(repoRoot, 'examples', 'so-20-2026.yaml');
    const result = await build({ input, output: path.join(out, 'edited.pdf'), html: true, theme, logger: memoryLogger() });
    expect(readFileSync(result.htmlOutput!, 'utf8')).toContain('EDITED TOC PARTIAL');

    // A process compiles a theme once (watch mode forgets it when a file changes): as if it did.
    resetTemplates();
    writeFileSync(partial, `${original}\n{{> no-such-partial}}\n`);
    const failed = build({ input, output: path.join(out, 'broken.pdf'), theme, logger: memoryLogger() });
    await expect(failed).rejects.toBeInstanceOf(UserError);
    const error = (await failed.catch((e: unknown) => e)) as UserError;
    expect(error.diagnostics.map((d) => `${path.basename(d.file ?? '')}:${d.line} ${d.code}`)).toContain(`toc.hbs:${original.split('\n').length + 1} unknown-partial`);
  });
});
