/**
 * Symbols, arrows and emoji print with bundled fonts; a character no bundled font has is
 * reported, never silently set in a font of the machine.
 */
import { expect, it } from 'vitest';
import { FONT_TITLES } from './inputs.js';
import { collapse, fonts, pageTexts } from './pdf-tools.js';
import { printed } from './prints.js';

// so-20 with the title in its first story and a heading (inputs.ts issueWithTitle), printed with
// no flags (prints-plan.ts, batch print-A4).
it('sets emoji, arrows and math signs in bundled fonts, in bold titles and in body text', () => {
  expect(FONT_TITLES.symbols).toBe('Kinh tế số ≥ 30% → 2030 ✓ 🚀');
  const result = printed('print-A4', 'symbols');
  for (const row of fonts(result.pdf)) {
    expect(row.embedded).toBe(true);
    expect(row.name).toMatch(/^[A-Z]{6}\+(BeVietnamPro|NotoSerif|NotoSansSymbols2|DejaVuSans|NotoEmoji)(-|$)/);
  }
  // No warning at all, so none that a character was set in a font of this machine.
  expect(result.diagnostics).toEqual([]);
  expect(pageTexts(result.pdf).some((t) => t.includes(collapse('Kinh tế số ≥ 30% → 2030 ✓ 🚀')))).toBe(true);
});

it('warns when a character is in none of the bundled fonts', () => {
  expect(FONT_TITLES.cjk).toBe('Kinh tế số 数字经济');
  const result = printed('print-A4', 'cjk');
  expect(result.diagnostics.map((d) => d.message)).toContainEqual(expect.stringMatching(/none of bantin's fonts and were set in .+ from this machine/));
});
