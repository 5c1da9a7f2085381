/** The one-field rules: empty parts, long titles, dates outside the week, missing sources. */
import { compareDates, type DateInfo, type DateSpan } from '../dates.js';
import type { Issue } from '../model.js';
import { locate } from '../source.js';
import { realArticles, type LintContext } from './context.js';

/** A4's table of contents sets ~100 characters a line: up to this many, a title takes at most two. */
export const LONG_TITLE_CHARS = 150;

function longTitle(title: string, what = 'title'): string {
  return `the ${what} has ${title.length} characters: keep it within ${LONG_TITLE_CHARS} so that it takes at most two lines of the table of contents (details belong in the lead)`;
}

function outside(date: DateSpan, period: Issue['week']): boolean {
  return compareDates(date.start, period.start) < 0 || compareDates(date.end, period.end) > 0;
}

export function parts(ctx: LintContext): void {
  for (const part of ctx.issue.parts) {
    if (part.kind !== 'summary' && part.articles.length === 0) {
      ctx.warn([...part.path, 'articles'], `the part "${part.title}" has no articles: add some or remove the part`, 'empty-part');
    }
    // A summary's TOC entry is its heading: written, or "<title> tuần từ <week>".
    if (part.heading && part.heading.length > LONG_TITLE_CHARS) {
      const written = locate(ctx.source, [...part.path, 'heading']).exact;
      ctx.warn([...part.path, written ? 'heading' : 'title'], longTitle(part.heading, written ? 'heading' : 'table-of-contents entry (title and week)'), 'long-title');
    }
  }
}

export function articles(ctx: LintContext): void {
  const { week } = ctx.issue;
  for (const article of realArticles(ctx)) {
    if (article.date && outside(article.date, week)) {
      const period = ctx.issue.period.kind === 'week' ? `week (${week.label})` : `period (${ctx.issue.period.label})`;
      ctx.warn([...article.path, 'date'], `dated ${article.date.long}, outside the issue's ${period}: check the date, or keep the item for the right issue`, 'date-outside-period');
    }
    if (article.kind === 'news' && !article.source) {
      ctx.warn([...article.path, 'source'], 'this news item has no source: add source with name and url (printed as "Chi tiết: <name>" with a QR code)', 'missing-source');
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
  ctx.warn(['issue', 'week', 'end'], `the week ${label} is ${days} days long, not 7: check the start and end dates (a week from ${start.short} ends ${addDaysShort(start, 6)})`, 'period-length');
}

function addDaysShort(date: DateInfo, days: number): string {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}`;
}
