/**
 * The issue as the theme prints it: words the model derives (the title, summary headings,
 * the podcast line) from the theme's labels, page defaults, and the theme's limits checked.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { Issue } from '../issue/model.js';
import type { Margins, PageSize, PartStart } from '../issue/page.js';
import { diagnosticAt, type IssueSource } from '../issue/source.js';
import { formatLabel } from './label-keys.js';
import type { Theme } from './theme.js';
import { t as say } from '../core/i18n.js';

export function applyTheme(issue: Issue, theme: Theme, source?: IssueSource): { issue: Issue; diagnostics: Diagnostic[] } {
  const { labels } = theme;
  const week = issue.week.label;
  const language = theme.language;
  const diagnostics: Diagnostic[] = [];
  const limit = theme.limits.highlights;
  const first = issue.cover.highlights[limit];
  if (source && first) {
    const message = say('theme.too-many-highlights', { name: theme.name, limit, extra: issue.cover.highlights.length - limit });
    diagnostics.push(diagnosticAt(source, first.path, message, { code: 'theme-limit' }));
  }
  const articles = new Map(issue.articles.map((a) => [a, a.podcast && !a.podcast.ownLabel ? { ...a, podcast: { ...a.podcast, label: labels.podcast } } : a]));
  const period = issue.period;
  const heading =
    period.ownLabel ??
    (period.kind === 'week'
      ? formatLabel(labels.weekOf, { week })
      : period.kind === 'month'
        ? formatLabel(labels.monthOf, { month: period.label })
        : formatLabel(labels.periodOf, { period: period.label }));
  const summaryHeadings = (title: string) =>
    period.kind === 'week' && !period.ownLabel
      ? { heading: formatLabel(labels.summaryHeading, { part: title, week }), pageHeading: formatLabel(labels.summaryPageHeading, { week }) }
      : { heading: `${title} ${heading.charAt(0).toLocaleLowerCase(language) + heading.slice(1)}`, pageHeading: heading };
  const parts = issue.parts.map((part) => ({
    ...part,
    ...(part.kind === 'summary' && !part.ownHeading ? summaryHeadings(part.title) : {}),
    articles: part.articles.map((a) => articles.get(a)!),
  }));
  const themed: Issue = {
    ...issue,
    title: formatLabel(labels.issueTitle, { series: issue.series.title, number: issue.number }),
    period: { ...period, heading },
    page: { ...issue.page, size: issue.page.ownSize ?? theme.page.size },
    parts,
    articles: issue.articles.map((a) => articles.get(a)!),
  };
  return { issue: themed, diagnostics };
}

/** Two-sided printing and where parts start: --duplex, else the issue's page settings, else the theme's. */
export function themeSides(theme: Theme, page: Issue['page'], duplexFlag?: boolean): { duplex: boolean; partStart: PartStart } {
  return { duplex: duplexFlag ?? page.duplex ?? theme.page.duplex, partStart: page.partStart ?? theme.page.partStart };
}

/** The margins a build uses: the issue's, else the theme's for that size, else the built-in ones. */
export function themeMargins(theme: Theme, size: PageSize, issueMargins: Partial<Margins>): Partial<Margins> {
  return { ...theme.page.margins[size], ...issueMargins };
}
