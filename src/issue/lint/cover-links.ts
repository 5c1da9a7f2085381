/** The cover's footer sets its links three a row on A4, two on A5, in two rows: more stop being readable. */
import type { LintContext } from './context.js';

export const COVER_LINKS_MAX = { A4: 6, A5: 4 } as const;

export function coverLinks(ctx: LintContext): void {
  const { series, page } = ctx.issue;
  const links = (series.website ? 1 : 0) + (series.social?.length ?? 0);
  const fits = COVER_LINKS_MAX[page.size];
  if (links > fits) {
    ctx.warn(['series', series.social ? 'social' : 'website'], `the cover has room for ${fits} links (website and social pages) on ${page.size}, this issue has ${links}: the labels would not stay readable; keep the ${fits} that matter most`, 'too-many-links');
  }
}
