/**
 * The archive's index page (templates/site/index.hbs, styles/site/site.css): the issues newest
 * first, each with its sharing picture as a thumbnail, its number and period and links to both
 * editions, then the search (templates/site/search.js, inline; its data in search-index.js).
 * Colours are the web edition's, from the newest issue's theme (the base theme's when empty).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { stylesDir, templatesDir } from '../paths.js';
import { COMPILE_OPTIONS } from '../render/precompiled.js';
import { webPaletteCss } from '../web/colors.js';
import type { Theme } from '../theme/theme.js';
import type { SiteIssue, SiteLabels } from './record.js';

let compiled: Handlebars.TemplateDelegate | undefined;

/** Newest first: by the period's last day, then its first, then the folder's name. */
export function newestFirst(issues: readonly SiteIssue[]): SiteIssue[] {
  return [...issues].sort((a, b) => b.end.localeCompare(a.end) || b.start.localeCompare(a.start) || b.slug.localeCompare(a.slug));
}

const link = (issue: SiteIssue, file: string) => `${encodeURIComponent(issue.slug)}/${encodeURIComponent(file)}`;

export interface IndexLook {
  colors: Theme['colors'];
  labels: SiteLabels;
  language: string;
  series: string;
  publisher: readonly string[];
}

/** `issues` sorted newest first; `look` from the newest, or from the base theme when there is none. */
export function renderIndexPage(issues: readonly SiteIssue[], look: IndexLook): string {
  compiled ??= Handlebars.create().compile(readFileSync(path.join(templatesDir, 'site', 'index.hbs'), 'utf8'), COMPILE_OPTIONS);
  const css = [webPaletteCss(look.colors), readFileSync(path.join(stylesDir, 'site', 'site.css'), 'utf8')].join('\n');
  const script = readFileSync(path.join(templatesDir, 'site', 'search.js'), 'utf8');
  return compiled(
    {
      ...look,
      css,
      script,
      issues: issues.map((issue) => ({
        title: issue.title,
        period: issue.period,
        web: link(issue, issue.files.web),
        pdf: link(issue, issue.files.pdf),
        image: link(issue, issue.files.image),
      })),
    },
    { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  );
}
