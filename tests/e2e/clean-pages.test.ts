/**
 * Every page of every example, in every profile and both sizes (the shared prints of
 * prints-plan.ts): no ink outside the text block but the footer, the cover and (press) the
 * marks; no word painted from another page; no page less than a quarter full but the last of a
 * part. (The 115-page generated issue: tests/slow/long-issue.test.ts.)
 */
import path from 'node:path';
import { describe, it } from 'vitest';
import { expectCleanPages } from './clean-pages.js';
import { repoRoot } from './pdf-tools.js';
import { EXAMPLES, printed, PROFILES, SIZES } from './prints.js';

const cases = EXAMPLES.flatMap((example) => PROFILES.flatMap((profile) => SIZES.map((size) => ({ example, profile, size }))));

describe.each(cases)('$example, $profile, $size', ({ example, profile, size }) => {
  it('paints nothing outside the text block but the footer, and no page is nearly empty', async () => {
    await expectCleanPages(path.join(repoRoot, 'examples', `${example}.yaml`), size, printed(`${profile}-${size}`, example));
  });
});
