/** duplicate-story: the same story twice, by title or by the article its source links to. */
import { t } from '../../core/i18n.js';
import type { Article } from '../model.js';
import { realArticles, where, type LintContext } from './context.js';
import { foldText } from './words.js';

/** "Xử lý  CHẤT THẢI…" and "xu ly chat thai…" are the same story: case, spacing, accents, punctuation ignored. */
export function storyKey(title: string): string {
  return foldText(title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The article a URL names, the same whether linked over http or https, with or without `www.`,
 * a trailing slash or a #anchor. A home page (no path beyond `/`, no query) names no article:
 * it is what editors link when the article's address is lost, so it never makes a duplicate.
 */
export function urlIdentity(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const pathname = u.pathname.replace(/\/+$/, '');
  if (!pathname && !u.search) return undefined;
  return `${u.hostname.replace(/^www\./, '')}${pathname}${u.search}`;
}

export function duplicates(ctx: LintContext): void {
  const byTitle = new Map<string, Article>();
  const byUrl = new Map<string, Article>();
  for (const article of realArticles(ctx)) {
    const titleKey = storyKey(article.title);
    const urlKey = article.source?.url ? urlIdentity(article.source.url) : undefined;
    const sameTitle = byTitle.get(titleKey);
    const sameUrl = urlKey ? byUrl.get(urlKey) : undefined;
    const first = sameTitle ?? sameUrl;
    if (first) {
      const why = t(sameTitle && sameTitle === sameUrl ? 'lint.duplicate-story.both' : sameTitle ? 'lint.duplicate-story.title' : 'lint.duplicate-story.url');
      const at = sameTitle ? [...article.path, 'title'] : [...article.path, 'source', 'url'];
      ctx.warn(at, t('lint.duplicate-story', { at: where(ctx, first), why }), 'duplicate-story');
    }
    if (!byTitle.has(titleKey)) byTitle.set(titleKey, article);
    if (urlKey && !byUrl.has(urlKey)) byUrl.set(urlKey, article);
  }
}
