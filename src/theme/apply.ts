/**
 * The issue as the theme prints it: words the model derives (the title, summary headings,
 * the podcast line) from the theme's labels, page defaults, and as much of the cover's index as
 * the theme has room for on the paper size (cover-fit.ts).
 */
import type { Diagnostic } from '../core/diagnostics.js';
import type { Issue } from '../issue/model.js';
import type { Margins, PageSize, PartStart } from '../issue/page.js';
import type { IssueSource } from '../issue/source.js';
import { formatLabel } from './label-keys.js';
import type { Theme } from './theme.js';
import { fitCoverIndex } from './cover-fit.js';

export function applyTheme(written: Issue, theme: Theme, source?: IssueSource, size?: PageSize): { issue: Issue; diagnostics: Diagnostic[] } {
  const { labels } = theme;
  const pageSize = size ?? written.page.ownSize ?? theme.page.size;
  const { issue, diagnostics } = fitCoverIndex(written, theme, pageSize, source);
  const week = issue.week.label;
  const language = theme.language;
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
    page: { ...issue.page, size: pageSize },
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
