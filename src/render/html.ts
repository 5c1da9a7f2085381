/**
 * Issue model → one HTML document. Asset URLs live under a virtual origin (urls.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Issue } from '../issue/model.js';
import { pageGeometry, type PageGeometry } from '../issue/page.js';
import { fontPackageDir, type FontPackage } from '../paths.js';
import { formatLabel } from '../theme/label-keys.js';
import { themeMargins, themeSides } from '../theme/apply.js';
import { themeIssue } from '../theme/choose.js';
import type { Theme } from '../theme/theme.js';
import { issueLinks, makeQrCodes } from './qr.js';
import { renderTemplate } from './templates.js';
import { withQuotes } from './quotes.js';

/** Fields rendered as Markdown: markdown-it sets their quotes. */
const MARKDOWN_KEYS: ReadonlySet<string> = new Set(['body', 'lead', 'intro', 'closing']);
import { themeCss, themeUrl } from './theme-css.js';

import { ASSET_PREFIX, ISSUE_PREFIX } from './urls.js';

export { ASSET_PREFIX, ISSUE_PREFIX, ORIGIN, PAGE_URL } from './urls.js';

export const FONT_CSS = [
  'be-vietnam-pro/400.css', 'be-vietnam-pro/500.css', 'be-vietnam-pro/600.css', 'be-vietnam-pro/700.css', 'be-vietnam-pro/800.css',
  'noto-serif/400.css', 'noto-serif/400-italic.css', 'noto-serif/700.css', 'noto-serif/700-italic.css',
  'noto-sans-symbols-2/400.css', 'dejavu-sans/400.css', 'dejavu-sans/700.css', 'noto-emoji/400.css',
];
/** Fonts every issue uses: their Vietnamese and Latin files are fetched up front. */
const PRELOADED = /^(be-vietnam-pro|noto-serif)\/.*\/files\/.*-(latin|latin-ext|vietnamese)-\d+-(normal|italic)\.woff2$/;

/**
 * The woff2 files the font CSS refers to. Preloading them lets Chromium fetch fonts while it
 * parses, instead of after a first layout finds which ones it needs (~0.1 s).
 */
let fontFiles: string[] | undefined;
function fontPreloads(): string[] {
  fontFiles ??= FONT_CSS.flatMap((css) => {
    const [pkg, file] = css.split('/') as [FontPackage, string];
    const text = readFileSync(path.join(fontPackageDir(pkg), file), 'utf8');
    return [...text.matchAll(/url\(\.\/(files\/[^)]+\.woff2)\)/g)].map((m) => `${pkg}/${file}/${m[1]}`).filter((f) => PRELOADED.test(f)).map((f) => `${ASSET_PREFIX}fonts/${f.split('/')[0]}/${f.split('/').slice(2).join('/')}`);
  });
  return fontFiles;
}

/**
 * The font faces and the theme's variables and stylesheets, inlined in the page: no request
 * stands between the HTML and the @font-face rules (~40 ms). Font URLs become absolute asset URLs.
 */
let fontCss: string | undefined;
function pageCss(theme: Theme): string {
  fontCss ??= FONT_CSS.map((css) => {
    const [pkg, file] = css.split('/') as [FontPackage, string];
    const text = readFileSync(path.join(fontPackageDir(pkg), file), 'utf8');
    return text.replace(/url\(\.\/(files\/[^)]+)\)/g, (_m, rel: string) => `url(${ASSET_PREFIX}fonts/${pkg}/${rel})`);
  }).join('\n');
  // The theme's files are read at every render: watch mode picks up an edited stylesheet.
  return `${fontCss}\n${themeCss(theme)}`;
}

export interface RenderedIssue {
  html: string;
  /** Ids whose page numbers the page prints (TOC entries, cover highlights, pagerefs). */
  targets: ReadonlySet<string>;
}

export interface HtmlOptions {
  /** The resolved theme, applied to the issue (default: the issue's series.theme or the default theme). */
  theme?: Theme;
  /** How many digits page-reference slots reserve (grows when an issue passes 99 or 999 pages). */
  digits?: number;
  /** Paper, margins and bleed (default: the issue's own page settings, no bleed). */
  geometry?: PageGeometry;
}

export async function renderIssueHtml(issue: Issue, options: HtmlOptions = {}): Promise<RenderedIssue> {
  let theme = options.theme;
  if (!theme) ({ theme, issue } = await themeIssue(issue, undefined));
  const digits = options.digits ?? 2;
  const geometry = options.geometry ?? pageGeometry(issue.page.size, themeMargins(theme, issue.page.size, issue.page.margins), 0, themeSides(theme, issue.page));
  // One quote style for the whole issue, as printed (the file keeps what was written).
  const shown = withQuotes({ issue, footerLeft: formatLabel(theme.labels.footer, { series: issue.series.title, number: issue.number }) }, theme.quotes, MARKDOWN_KEYS);
  const qr = await makeQrCodes(issueLinks(issue));
  const html = renderTemplate(
    theme,
    {
      issue: shown.issue,
      theme: {
        language: theme.language,
        // Two columns of items with their QR codes need an A4 width: an A5 page is set in one.
        twoColumns: theme.page.columns === 2 && geometry.size === 'A4',
        cover: theme.cover,
        limits: theme.limits,
        logo: theme.cover.logo ? themeUrl(theme.cover.logo.layer, theme.cover.logo.file) : undefined,
      },
      css: pageCss(theme),
      fontPreloads: fontPreloads(),
      digits,
      page: geometry,
      // The TOC's entry-number column fits the longest number ("100.").
      tocDigits: String(Math.max(1, ...issue.parts.map((p) => p.articles.length))).length,
      footerLeft: shown.footerLeft,
    },
    {
      targets: issue.targets,
      qr,
      imageUrl: (src) => ISSUE_PREFIX + src.split('/').map(encodeURIComponent).join('/'),
      placeholder: '0'.repeat(digits),
      labels: theme.labels,
      quotes: theme.quotes,
    },
  );
  return { html, targets: issue.targets };
}
