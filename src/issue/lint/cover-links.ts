/**
 * The cover's footer has two rows of links: three a row on A4 (from three links on, each QR code
 * above its one-line label), two on A5 (the label beside the code). A third row would push the
 * highlights off the cover; tests/e2e/cover-links.test.ts prints the maximum and reads it back.
 */
import { t } from '../../core/i18n.js';
import type { LintContext } from './context.js';

export const COVER_LINKS_MAX = { A4: 6, A5: 4 } as const;

export function coverLinks(ctx: LintContext): void {
  const { series, page } = ctx.issue;
  const links = (series.website ? 1 : 0) + (series.social?.length ?? 0);
  const fits = COVER_LINKS_MAX[page.size];
  if (links > fits) {
    ctx.warn(['series', series.social ? 'social' : 'website'], t('lint.too-many-links', { fits, size: page.size, links }), 'too-many-links');
  }
}
