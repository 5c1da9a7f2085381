/**
 * Contrast on the page itself: axe-core's color-contrast rule on the print HTML (the same file
 * `bantin build --html` writes: standaloneHtml) of every example in every built-in theme it
 * builds in, with print media. WCAG's thresholds as the issue sets them: body text 4.5:1,
 * large or bold text 3:1 (axe counts 700 and heavier as bold). The theme-level pairs are
 * checked in tests/unit/contrast.test.ts; this finds what the styles do with them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { standaloneHtml } from '../../src/commands/standalone-html.js';
import { hasErrors, loadIssue } from '../../src/issue/load.js';
import { withBrowser } from '../../src/print/browser.js';
import { renderIssueHtml } from '../../src/render/html.js';
import { themeIssue } from '../../src/theme/choose.js';
import { builtinThemeNames } from '../../src/theme/layers.js';
import { repoRoot } from '../e2e/pdf-tools.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const EXAMPLES = ['so-20-2026', 'so-15-2026', 'hcm-10-2025', 'digest-chuyen-doi-so-2025'];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'bantin-contrast-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Finding { ratio: number; fg: string; bg: string; size: string; weight: string; target: string; text: string }

/** The print HTML of `example` in `theme`, as a file; undefined when the example does not build in that theme (too many cover items for it). */
async function printHtml(example: string, themeName: string): Promise<string | undefined> {
  const input = path.join(repoRoot, 'examples', `${example}.yaml`);
  const loaded = await loadIssue(input);
  const { issue, theme, diagnostics } = await themeIssue(loaded.issue!, loaded.source, themeName);
  if (hasErrors(diagnostics)) return undefined;
  const rendered = await renderIssueHtml(issue, { theme });
  const file = path.join(tmp, `${example}-${themeName}.html`);
  writeFileSync(file, standaloneHtml(rendered.html, path.dirname(input), new Map(), theme));
  return file;
}

describe('contrast of every text on the page (axe-core color-contrast)', () => {
  it('every example in every built-in theme: body text ≥ 4.5:1, bold or large text ≥ 3:1', async () => {
    const checked: string[] = [];
    const failures: string[] = [];
    await withBrowser({}, async (browser) => {
      for (const themeName of builtinThemeNames()) {
        for (const example of EXAMPLES) {
          const file = await printHtml(example, themeName);
          if (!file) continue;
          const page = await browser.newPage();
          try {
            // The page forbids scripts (its Content-Security-Policy): axe is the test's, not the page's.
            await page.setBypassCSP(true);
            await page.emulateMediaType('print');
            await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
            await page.evaluate(axeSource);
            const found = await page.evaluate(async () => {
              const axe = (globalThis as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Array<{ nodes: Array<{ target: string[]; html: string; any: Array<{ data?: Record<string, unknown> }> }> }> }> } }).axe;
              const result = await axe.run(document, { runOnly: ['color-contrast'] });
              return result.violations.flatMap((v) => v.nodes.map((n) => ({ data: n.any[0]?.data ?? {}, target: n.target.join(' '), html: n.html.slice(0, 80) })));
            });
            for (const { data, target, html } of found) {
              const f: Finding = { ratio: Number(data.contrastRatio), fg: String(data.fgColor), bg: String(data.bgColor), size: String(data.fontSize), weight: String(data.fontWeight), target, text: html };
              const min = f.weight === 'bold' ? 3 : 4.5;
              if (!(f.ratio >= min)) failures.push(`${example} in ${themeName}: ${f.fg} on ${f.bg} = ${f.ratio}:1 (${f.size}, ${f.weight}) at ${f.target}`);
            }
            checked.push(`${example}/${themeName}`);
          } finally {
            await page.close();
          }
        }
      }
    });
    expect(failures).toEqual([]);
    // Each theme was measured on its own example and on the weekly ones.
    for (const name of ['haiphong', 'digest', 'hcm-infographic', 'base']) expect(checked.filter((c) => c.endsWith(`/${name}`)).length, name).toBeGreaterThanOrEqual(2);
    expect(checked).toEqual(expect.arrayContaining(['hcm-10-2025/hcm-infographic', 'digest-chuyen-doi-so-2025/digest']));
  }, 240_000);
});
