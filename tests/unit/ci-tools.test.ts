/** Under CI a test that needs a missing program fails instead of skipping (tests/e2e/pdf-tools.ts). */
import { describe, expect, it } from 'vitest';
import { isCI, requireTools, runsWith } from '../e2e/pdf-tools.js';

describe('tests that need programs', () => {
  const missing = 'bantin-no-such-tool';

  it('are skipped on a machine without the program, and run under CI=true', () => {
    expect(runsWith([missing], { PATH: process.env.PATH })).toBe(false);
    expect(runsWith([missing], { PATH: process.env.PATH, CI: 'true' })).toBe(true);
    expect(runsWith(['node'], { PATH: process.env.PATH })).toBe(true);
    expect([isCI({ CI: 'true' }), isCI({ CI: '1' }), isCI({ CI: 'false' }), isCI({})]).toEqual([true, true, false, false]);
  });

  it('then fail, naming the missing program', () => {
    expect(() => requireTools(['node', missing])).toThrow(`not installed: ${missing}`);
    expect(() => requireTools(['node'])).not.toThrow();
  });
});
