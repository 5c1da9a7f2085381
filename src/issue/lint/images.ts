/** Images without a description: screen readers can say nothing of them (tagged PDFs, issue 15). */
import { realArticles, type LintContext } from './context.js';

const NO_ALT = 'this image has neither alt nor caption: add alt (what the image shows) so that screen readers can describe it';

export function imageAlt(ctx: LintContext): void {
  const cover = ctx.issue.cover.image;
  if (cover && !cover.alt && !cover.caption) ctx.warn(['cover', 'image'], NO_ALT, 'image-alt');
  for (const article of realArticles(ctx)) {
    if (article.image && !article.image.alt && !article.image.caption) ctx.warn([...article.path, 'image'], NO_ALT, 'image-alt');
  }
}
