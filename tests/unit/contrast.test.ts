/**
 * Contrast of theme colours: WCAG's ratio, every text pair of every built-in theme at its
 * threshold, and the `low-contrast` warning `bantin check` gives at the colour's line, naming
 * both colours, in both languages.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { setLanguage } from '../../src/core/i18n.js';
import { contrastRatio, lowContrastPairs, parseColor } from '../../src/theme/contrast.js';
import { builtinThemeNames } from '../../src/theme/layers.js';
import { resolveTheme } from '../../src/theme/theme.js';
import { MINIMAL_ISSUE } from './helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bantin-contrast-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => setLanguage('en'));

describe('contrastRatio', () => {
  it('is WCAG 2’s ratio: 21 for black on white, 1 for a colour on itself, symmetric', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0c3460', '#0c3460')).toBeCloseTo(1, 5);
    // Values published by WebAIM's checker for these pairs.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#e2622b', '#ffffff')).toBeCloseTo(3.49, 2);
  });

  it('reads #rgb, #rrggbb, rgb() and hsl(); a translucent colour has no ratio of its own', () => {
    expect(parseColor('#fa0')).toEqual([255, 170, 0]);
    expect(parseColor('rgb(12, 52, 96)')).toEqual([12, 52, 96]);
    expect(parseColor('rgb(100% 0% 0%)')).toEqual([255, 0, 0]);
    expect(parseColor('hsl(120 100% 25%)')!.map(Math.round)).toEqual([0, 128, 0]);
    expect(parseColor('#0c346080')).toBeUndefined();
    expect(parseColor('rgba(0, 0, 0, 0.5)')).toBeUndefined();
    expect(contrastRatio('rgba(0, 0, 0, 0.5)', '#fff')).toBeUndefined();
  });
});

describe('the built-in themes', () => {
  it.each(builtinThemeNames())('%s: every text colour pair reaches 4.5:1 for body text, 3:1 for labels', async (name) => {
    const theme = await resolveTheme(name, process.cwd());
    expect(lowContrastPairs(theme.colors)).toEqual([]);
  });
});

describe('bantin check: low-contrast', () => {
  const issueWith = (theme: string) => {
    const dir = path.join(tmp, theme);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'theme.yaml'), 'name: pale\nextends: haiphong\ncolors:\n  muted: "#9aa3b1"\n  accent: "#ffb38f"\n');
    const issue = path.join(tmp, `${theme}.yaml`);
    writeFileSync(issue, MINIMAL_ISSUE.replace('  publisher:', `  theme: ./${theme}\n  publisher:`));
    return issue;
  };

  it('warns at the colour’s line in theme.yaml, naming both colours and the ratio; the issue stays ok', async () => {
    const [result] = await check([issueWith('pale')]);
    expect(result!.ok).toBe(true);
    const found = result!.diagnostics.filter((d) => d.code === 'low-contrast');
    expect(found.map((d) => `${path.basename(d.file)}:${d.line}:${d.col} ${d.path} ${d.severity}`)).toEqual([
      'theme.yaml:4:10 colors.muted warning',
      'theme.yaml:4:10 colors.muted warning',
      'theme.yaml:5:11 colors.accent warning',
      'theme.yaml:5:11 colors.accent warning',
      'theme.yaml:5:11 colors.accent warning',
    ]);
    expect(found[0]!.message).toBe('the text colour muted (#9aa3b1) on paper (#ffffff) has a contrast of 2.55:1; body text needs at least 4.5:1: make one of the two darker or the other lighter');
    expect(found[2]!.message).toMatch(/^the label colour accent \(#ffb38f\) on paper \(#ffffff\) has a contrast of 1\.\d\d:1; bold and large labels need at least 3:1/);
    const [strict] = await check([issueWith('pale')], { strict: true });
    expect(strict!.ok).toBe(false);
  });

  it('speaks Vietnamese', async () => {
    setLanguage('vi');
    const [result] = await check([issueWith('pale-vi')]);
    expect(result!.diagnostics.find((d) => d.code === 'low-contrast')!.message).toBe(
      'màu chữ muted (#9aa3b1) trên nền paper (#ffffff) chỉ có độ tương phản 2.55:1; chữ thân bài cần tối thiểu 4.5:1: hãy làm một màu đậm hơn hoặc màu kia nhạt hơn',
    );
  });
});
