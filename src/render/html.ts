/**
 * Issue model → one HTML document. Asset URLs live under a virtual origin that only
 * bantin's request handler answers (see pdf/assets-server.ts).
 */
import type { Issue } from '../issue/model.js';
import { issueLinks, makeQrCodes } from './qr.js';
import { renderTemplate } from './templates.js';

export const ORIGIN = 'https://bantin.invalid';
export const PAGE_URL = `${ORIGIN}/issue.html`;
export const ASSET_PREFIX = `${ORIGIN}/_bantin/`;
export const ISSUE_PREFIX = `${ORIGIN}/issue/`;

const FONT_CSS = [
  'be-vietnam-pro/400.css', 'be-vietnam-pro/500.css', 'be-vietnam-pro/600.css', 'be-vietnam-pro/700.css', 'be-vietnam-pro/800.css',
  'noto-serif/400.css', 'noto-serif/400-italic.css', 'noto-serif/700.css', 'noto-serif/700-italic.css',
];

export interface RenderedIssue {
  html: string;
  /** Ids whose page numbers the page prints (TOC entries, cover highlights, pagerefs). */
  targets: ReadonlySet<string>;
}

export interface HtmlOptions {
  /** How many digits page-reference slots reserve (grows when an issue passes 99 or 999 pages). */
  digits?: number;
}

export async function renderIssueHtml(issue: Issue, options: HtmlOptions = {}): Promise<RenderedIssue> {
  const digits = options.digits ?? 2;
  const qr = await makeQrCodes(issueLinks(issue));
  const html = renderTemplate(
    {
      issue,
      fontCss: FONT_CSS.map((f) => `${ASSET_PREFIX}fonts/${f}`),
      stylesheet: `${ASSET_PREFIX}styles/bulletin.css`,
      digits,
      // The TOC's entry-number column fits the longest number ("100.").
      tocDigits: String(Math.max(1, ...issue.parts.map((p) => p.articles.length))).length,
      footerLeft: `${issue.series.title} · Số ${issue.number}`,
    },
    {
      targets: issue.targets,
      qr,
      imageUrl: (src) => ISSUE_PREFIX + src.split('/').map(encodeURIComponent).join('/'),
      placeholder: '0'.repeat(digits),
    },
  );
  return { html, targets: issue.targets };
}
