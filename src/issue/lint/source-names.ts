/** source-name-variant: one outlet under two names in the same issue ("Bộ KH&CN" / "Bộ Khoa học và Công nghệ"). */
import { formatPath } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import type { Article } from '../model.js';
import { realArticles, type LintContext } from './context.js';
import { OUTLET_ALIASES } from './outlets.js';
import { foldText } from './words.js';

/** "Báo Nhân Dân", "Nhân dân", "nhan dan online" → "nhan dan"; "KH&CN", "KH-CN" → "khcn". */
export function outletKey(name: string): string {
  return foldText(name)
    .replace(/(\p{L})\s*[&\-/.]\s*(?=\p{L})/gu, '$1')
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim()
    .replace(/^bao (?:dien tu )?/, '')
    .replace(/ (?:online|dien tu)$/, '')
    .replace(/\bva\b/g, ' ')
    .replace(/\btp\b/g, 'thanh pho')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Outlet key → the key of its group, from the built-in table plus the theme's and the issue's groups. */
export function outletGroups(extra: readonly (readonly string[])[] = []): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? (parent.set(root, root), root);
    return root;
  };
  for (const group of [...OUTLET_ALIASES, ...extra]) {
    const keys = group.map(outletKey).filter(Boolean);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) parent.set(find(k), find(keys[0]!));
  }
  return new Map([...parent.keys()].map((k) => [k, find(k)]));
}

export function sourceNames(ctx: LintContext, issueAliases: readonly (readonly string[])[] = []): void {
  const groups = outletGroups([...(ctx.options.outletAliases ?? []), ...issueAliases]);
  const firstSpelling = new Map<string, { name: string; article: Article }>();
  for (const article of realArticles(ctx)) {
    if (!article.source) continue;
    const name = article.source.label.replace(/\s+/g, ' ').trim();
    const key = outletKey(name);
    const outlet = groups.get(key) ?? key;
    const first = firstSpelling.get(outlet);
    if (!first) firstSpelling.set(outlet, { name, article });
    else if (first.name !== name) {
      const line = ctx.lineOf([...first.article.path, 'source', 'name']);
      ctx.warn(
        [...article.path, 'source', 'name'],
        t('lint.source-name-variant', { name, first: first.name, path: formatPath(first.article.path), line }),
        'source-name-variant',
      );
    }
  }
}
