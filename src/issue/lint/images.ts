/** Images without a description: screen readers can say nothing of them (tagged PDFs, issue 15). */
import { t } from '../../core/i18n.js';
import { realArticles, type LintContext } from './context.js';

export function imageAlt(ctx: LintContext): void {
  const cover = ctx.issue.cover.image;
  if (cover && !cover.alt && !cover.caption) ctx.warn(['cover', 'image'], t('lint.image-alt'), 'image-alt');
  for (const article of realArticles(ctx)) {
    if (article.image && !article.image.alt && !article.image.caption) ctx.warn([...article.path, 'image'], t('lint.image-alt'), 'image-alt');
  }
}
