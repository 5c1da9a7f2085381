/**
 * Lint of the issue's web addresses: one with a user name or password in it
 * (https://user:token@host/…) prints as its host only, but the QR code and the PDF link carry
 * the secret to every reader.
 */
import type { PathSegment } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import type { Issue } from '../model.js';
import type { LintContext } from './context.js';

/** Every address bantin prints or encodes, with its field. */
function addresses(issue: Issue): Array<{ path: PathSegment[]; url: string }> {
  const out: Array<{ path: PathSegment[]; url: string }> = [];
  if (issue.series.website) out.push({ path: ['series', 'website'], url: issue.series.website });
  issue.series.social?.forEach((s, i) => out.push({ path: ['series', 'social', i, 'url'], url: s.url }));
  for (const a of issue.articles) {
    if (a.source?.url) out.push({ path: [...a.path, 'source', 'url'], url: a.source.url });
    if (a.podcast) out.push({ path: [...a.path, 'podcast', 'url'], url: a.podcast.url });
    a.blocks.forEach((b, i) => {
      const at: PathSegment[] = [...a.path, 'blocks', i];
      if (b.type === 'box' && b.url) out.push({ path: [...at, 'url'], url: b.url });
      if (b.source?.url) out.push({ path: [...at, 'source', 'url'], url: b.source.url });
      if (b.type === 'related') b.items.forEach((item, k) => item.source?.url && out.push({ path: [...at, 'items', k, 'source', 'url'], url: item.source.url }));
    });
  }
  return out;
}

export function urlCredentials(ctx: LintContext): void {
  for (const { path, url } of addresses(ctx.issue)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (!parsed.username && !parsed.password) continue;
    ctx.warn(path, t(parsed.password ? 'lint.url-credentials.password' : 'lint.url-credentials.user', { host: parsed.host }), 'url-credentials');
  }
}
