/** The one-field rules: empty parts, long titles, dates outside the week, missing sources. */
import { t, type MessageKey } from '../../core/i18n.js';
import { compareDates, type DateInfo, type DateSpan } from '../dates.js';
import type { Issue } from '../model.js';
import { locate } from '../source.js';
import { realArticles, type LintContext } from './context.js';

/** A4's table of contents sets ~100 characters a line: up to this many, a title takes at most two. */
export const LONG_TITLE_CHARS = 150;

function longTitle(title: string, what: MessageKey = 'lint.long-title.title'): string {
  return t('lint.long-title', { what: t(what), count: title.length, max: LONG_TITLE_CHARS });
}

function outside(date: DateSpan, period: Issue['week']): boolean {
  return compareDates(date.start, period.start) < 0 || compareDates(date.end, period.end) > 0;
}

export function parts(ctx: LintContext): void {
  for (const part of ctx.issue.parts) {
    if (part.kind !== 'summary' && part.articles.length === 0) {
      ctx.warn([...part.path, 'articles'], t('lint.empty-part', { title: part.title }), 'empty-part');
    }
    // A summary's TOC entry is its heading: written, or "<title> tuần từ <week>".
    if (part.heading && part.heading.length > LONG_TITLE_CHARS) {
      const written = locate(ctx.source, [...part.path, 'heading']).exact;
      ctx.warn([...part.path, written ? 'heading' : 'title'], longTitle(part.heading, written ? 'lint.long-title.heading' : 'lint.long-title.toc-entry'), 'long-title');
    }
  }
}

export function articles(ctx: LintContext): void {
  const { week } = ctx.issue;
  for (const article of realArticles(ctx)) {
    if (article.date && outside(article.date, week)) {
      const period = ctx.issue.period.kind === 'week' ? t('lint.date-outside-period.week', { label: week.label }) : t('lint.date-outside-period.period', { label: ctx.issue.period.label });
      ctx.warn([...article.path, 'date'], t('lint.date-outside-period', { date: article.date.long, period }), 'date-outside-period');
    }
    if (article.kind === 'news' && !article.source) {
      ctx.warn([...article.path, 'source'], t('lint.missing-source'), 'missing-source');
    }
    if (article.title.length > LONG_TITLE_CHARS) ctx.warn([...article.path, 'title'], longTitle(article.title), 'long-title');
  }
}

/** A weekly series' week is seven days, first to last: 14/3–21/3 is eight (a typo in one of the two). */
export function periodLength(ctx: LintContext): void {
  // A month or a span of days has the length it says.
  if (ctx.issue.period.kind !== 'week') return;
  const { start, end, label } = ctx.issue.week;
  const days = Math.round((Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) / 86_400_000) + 1;
  if (days === 7 || days < 1) return;
  ctx.warn(['issue', 'week', 'end'], t('lint.period-length', { label, days, start: start.short, end: addDaysShort(start, 6) }), 'period-length');
}

function addDaysShort(date: DateInfo, days: number): string {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}`;
}
