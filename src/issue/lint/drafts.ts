/**
 * draft-item: an item `bantin add` drafted from its page (`draft: true`). Its title, date,
 * outlet and summary come from the page's metadata, which sites get wrong often enough that a
 * person must read each one; the warning stays until the editor deletes the field.
 */
import { t } from '../../core/i18n.js';
import type { LintContext } from './context.js';

export function draftItems(ctx: LintContext): void {
  for (const article of ctx.issue.articles) {
    if (article.draft) ctx.warn([...article.path, 'draft'], t('lint.draft-item'), 'draft-item');
  }
}
