/**
 * Symbols, arrows and emoji print with bundled fonts; a character no bundled font has is
 * reported, never silently set in a font of the machine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { memoryLogger } from '../../src/cli/logger.js';
import { build } from '../../src/commands/build.js';
import { collapse, fonts, pageTexts, repoRoot } from './pdf-tools.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bantin-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = readFileSync(path.join(repoRoot, 'examples/so-20-2026.yaml'), 'utf8');

async function buildWith(name: string, title: string) {
  const input = path.join(dir, `${name}.yaml`);
  writeFileSync(input, example.replace('title: Kinh tế số hướng tới 30% GDP', `title: "${title}"`).replace('Chiến lược đầu tư nghiên cứu cơ bản', `Chiến lược ${title} đầu tư`));
  return build({ input, logger: memoryLogger() });
}

it('sets emoji, arrows and math signs in bundled fonts, in bold titles and in body text', async () => {
  const result = await buildWith('symbols', 'Kinh tế số ≥ 30% → 2030 ✓ 🚀');
  for (const row of fonts(result.output)) {
    expect(row.embedded).toBe(true);
    expect(row.name).toMatch(/^[A-Z]{6}\+(BeVietnamPro|NotoSerif|NotoSansSymbols2|DejaVuSans|NotoEmoji)(-|$)/);
  }
  expect(result.warnings.filter((w) => w.code === 'machine-font')).toEqual([]);
  expect(pageTexts(result.output).some((t) => t.includes(collapse('Kinh tế số ≥ 30% → 2030 ✓ 🚀')))).toBe(true);
});

it('warns when a character is in none of the bundled fonts', async () => {
  const result = await buildWith('cjk', 'Kinh tế số 数字经济');
  const warning = result.warnings.find((w) => w.code === 'machine-font');
  expect(warning?.message).toMatch(/none of bantin's fonts and were set in .+ from this machine/);
});
