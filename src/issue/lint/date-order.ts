/**
 * date-order: the items of a part run in the series' date order, oldest or newest first. The
 * direction comes from the issue's `checks.dateOrder`, the theme, the previous issue
 * (previous-issue.ts), or, failing those, from this issue's own parts when they clearly agree.
 */
import { formatPath } from '../../core/diagnostics.js';
import { t } from '../../core/i18n.js';
import type { Article, Issue } from '../model.js';
import type { DateOrder, LintContext } from './context.js';

export type { DateOrder } from './context.js';

/** How often consecutive dates (ISO) of the same part go forward and back. */
function steps(parts: readonly (readonly string[])[]): { up: number; down: number } {
  let up = 0;
  let down = 0;
  for (const dates of parts) {
    for (let i = 1; i < dates.length; i++) {
      if (dates[i]! > dates[i - 1]!) up++;
      else if (dates[i]! < dates[i - 1]!) down++;
    }
  }
  return { up, down };
}

/**
 * Whether the issue's own dates run both ways, so that the series' direction decides which
 * items are out of place. Parts that all run one way (or not at all) are taken as they are:
 * a whole issue in the other direction is a choice, not misplaced items, and the previous
 * issue need not be read.
 */
export function runsBothWays(issue: Issue): boolean {
  const { up, down } = steps(issue.parts.map((p) => dated(p.articles).map((a) => a.date!.iso)));
  return up > 0 && down > 0;
}

/** The direction a list of parts' dates (ISO) follows: one way at least three times as often as the other. */
export function dateOrderOf(parts: readonly (readonly string[])[]): DateOrder | undefined {
  const { up, down } = steps(parts);
  if (up >= 2 && up >= 3 * down) return 'oldest-first';
  if (down >= 2 && down >= 3 * up) return 'newest-first';
  return undefined;
}

const dated = (articles: readonly Article[]) => articles.filter((a) => a.date);

export function dateOrder(ctx: LintContext, issueOrder?: DateOrder): void {
  const parts = ctx.issue.parts.map((p) => dated(p.articles).filter((a) => !ctx.placeholders.has(a)));
  const order = issueOrder ?? ctx.options.dateOrder ?? ctx.options.previousDateOrder ?? dateOrderOf(parts.map((p) => p.map((a) => a.date!.iso)));
  if (!order) return;
  const sign = order === 'oldest-first' ? 1 : -1;
  for (const articles of parts) {
    for (let i = 1; i < articles.length; i++) {
      const [before, item] = [articles[i - 1]!, articles[i]!];
      const cmp = item.date!.iso < before.date!.iso ? -1 : item.date!.iso > before.date!.iso ? 1 : 0;
      if (cmp * sign >= 0) continue;
      ctx.warn(
        [...item.path, 'date'],
        t(order === 'oldest-first' ? 'lint.date-order.oldest-first' : 'lint.date-order.newest-first', { date: item.date!.short, other: before.date!.short, path: formatPath(before.path) }),
        'date-order',
      );
    }
  }
}
